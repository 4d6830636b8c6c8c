/*
 * writer.h: applying a Compute plan to a Calc document as one undo step.
 */
#ifndef JX_CALC_WRITER_H
#define JX_CALC_WRITER_H

#include "core/compute.h"
#include "uno/sdk.h"

#define JX_RECORD_PROPERTY "JixiaoComputed"

/* Writes every cell of the plan inside one undo context (one Ctrl+Z undoes
 * it all), lifting and restoring sheet protection (without password) as
 * needed, and stores the plan's record in the document's user-defined
 * property JixiaoComputed.  If any write fails, what was written is undone
 * and FALSE is returned: all or nothing.  Cells that already hold their
 * content are skipped; if nothing differs, the document is not touched.
 * *cells_changed (if not NULL) receives the number of cells written. */
gboolean jx_calc_apply(uno_Interface *document, const JxComputePlan *plan,
                       const char *undo_title, int *cells_changed, GError **error);

/* The record of the last Compute (empty table if none). */
GHashTable *jx_calc_read_record(uno_Interface *document);

#endif

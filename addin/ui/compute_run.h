/*
 * compute_run.h: Compute on an open spreadsheet: the computed cells planned
 * by the core (core/compute.h), written as one undo step, then validated
 * again.  The one command that changes a user's workbook (through
 * calc/writer.c).
 */
#ifndef JX_UI_COMPUTE_RUN_H
#define JX_UI_COMPUTE_RUN_H

#include <glib.h>

#include "ui/validate_run.h"
#include "uno/sdk.h"

/* The title of Compute's undo step, "zh / en" as the Edit menu shows it. */
#define JX_COMPUTE_UNDO_TITLE "绩效自评：计算 / Jixiao: Compute"

/* The mode Compute writes in: the schema's (settings.compute_mode), or the
 * one a command asked for. */
typedef enum {
    JX_COMPUTE_AS_SCHEMA_SAYS,
    JX_COMPUTE_AS_FORMULAS,    /* live formulas: the sheet follows later edits */
    JX_COMPUTE_AS_VALUES,      /* plain values: for a copy opened without Jixiao */
} JxComputeChoice;

/* "formulas" or "values" → that choice; NULL → the schema's.  FALSE for
 * any other name. */
gboolean jx_compute_choice_parse(const char *name, JxComputeChoice *choice);

/* Computes the document's computed cells and writes them as one undo step,
 * then validates it again into *out (clear it with jx_validation_clear):
 * out->findings first holds what Compute could not do, then the new
 * findings; out->cells_changed the cells that changed.  cells_written (may
 * be NULL) receives the number of cells the plan covers. */
gboolean jx_compute_run(uno_Interface *context, uno_Interface *document, const char *source,
                        const char *schema_path, JxComputeChoice choice, JxValidation *out,
                        int *cells_written, GError **error);

#endif

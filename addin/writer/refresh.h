/*
 * refresh.h: a report's bound figures in Writer (core/binding.h): reading
 * the bindings and what their bookmarks hold, applying a refresh plan
 * (core/refresh.h), finding a figure for the change list.
 *
 * Applying touches only the characters inside the bookmarks of figures the
 * plan changes, Jixiao's own comments (what validation found, renewed for
 * the workbook as it is now; a "请复核" comment over each sentence whose
 * figures changed) and the bindings' document property; all of it is one
 * undo step.
 */
#ifndef JX_WRITER_REFRESH_H
#define JX_WRITER_REFRESH_H

#include <glib.h>

#include "core/refresh.h"
#include "uno/sdk.h"

/* The undo step's title, "zh / en" as the Edit menu shows it. */
#define JX_REFRESH_UNDO_TITLE "绩效自评：从工作簿刷新 / Jixiao: Refresh from workbook"

/* What a re-read comment begins with. */
#define JX_NOTE_REREAD "请复核："

/* The bindings a document records, NULL with *error when it records none
 * (not a report Jixiao generated, or its record was removed) or they do not
 * read.  schema_id and workbook (may be NULL) receive what it recorded. */
GPtrArray *jx_writer_read_bindings(uno_Interface *document, char **schema_id, char **workbook, GError **error);

/* Records the bindings in the document (the property, made if missing). */
gboolean jx_writer_write_bindings(uno_Interface *document, const GPtrArray *bindings, const char *schema_id,
                                  const char *workbook, GError **error);

/* id → the text of the binding's bookmark now; a binding whose bookmark
 * is gone has no entry.  A bookmark that ends short of the text it held
 * (.docx import moves a bookmark's end left by one for each comment before
 * it in its paragraph) is first put back around that text. */
GHashTable *jx_writer_bound_texts(uno_Interface *document, const GPtrArray *bindings);

/* Applies the plan (in one undo step) and commits it to the bindings,
 * which are then recorded in the document.  FALSE with *error if the
 * document could not be changed. */
gboolean jx_writer_refresh_apply(uno_Interface *document, JxRefreshPlan *plan, const char *schema_id,
                                 const char *workbook, GError **error);

/* Where a figure stands, for the change list: the text of its paragraph
 * (newly allocated) and, in a table, the table's and cell's names ("表1 B3",
 * newly allocated, else NULL).  FALSE if its bookmark is gone. */
gboolean jx_writer_figure_place(uno_Interface *document, const char *id, char **paragraph, char **cell);

/* Selects a figure's characters in the frame's view.  FALSE if its
 * bookmark is gone. */
gboolean jx_writer_select_figure(uno_Interface *frame, uno_Interface *document, const char *id);

#endif

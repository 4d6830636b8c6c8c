/*
 * render.h: a compiled template (template.h) filled with a workbook's
 * figures: the report model (report.h).
 *
 * What the report says follows rules a reviewer would sign (README, "The
 * report template"): figures come from the cells (or, for computed cells
 * still empty, from what Compute would write); a placeholder 【请填写：…】
 * stands only where the report needs a value the workbook lacks; a list
 * names only the line items in use; a sentence of absence ("本单位无…")
 * is written only where the workbook states the absence; every body
 * sentence ends with its punctuation; a figure validation flagged carries
 * what it found as a note.
 */
#ifndef JX_CORE_RENDER_H
#define JX_CORE_RENDER_H

#include <glib.h>

#include "core/model.h"
#include "core/report.h"
#include "core/template.h"

G_BEGIN_DECLS

typedef struct {
    const JxModel *model;
    /* "sheet!A1" → the content a values-mode Compute would write there: the
     * report shows computed figures even when Compute has not run (may be NULL) */
    GHashTable *computed;
    const GPtrArray *findings;   /* validation findings: conditions "errors", notes (may be NULL) */
} JxReportInput;

/* The report of a workbook.  NULL with *error when the workbook holds none
 * of the schema's sheets: a spreadsheet that is not this schema's workbook
 * gets no report. */
JxReport *jx_report_render(const JxTemplate *template, const JxReportInput *input, GError **error);

G_END_DECLS

#endif

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

/* What one report may produce (README, "Bounds"), counted as it is built,
 * before Writer is asked to lay anything out.  Writer's layout time grows
 * with each of these (on the bench machine, the largest report each bound
 * admits takes Writer 7 to 20 s; one paragraph of 200 000 characters, 16 s,
 * of 400 000, 49 s).  A template whose expansion on a workbook crosses one
 * writes no report: the error names the template's JSON path where it was
 * crossed.  The example workbook's report is about 200 times smaller. */
#define JX_REPORT_BUDGET_CHARS 1000000          /* characters in the whole report */
#define JX_REPORT_BUDGET_PARAGRAPH_CHARS 50000  /* characters in one paragraph or table cell */
#define JX_REPORT_BUDGET_PARAGRAPHS 20000       /* paragraphs and headings */
#define JX_REPORT_BUDGET_CELLS 50000            /* table cells */
#define JX_REPORT_BUDGET_ROWS 10000000          /* workbook rows looked at by loops */

/* A report's budget: the defaults above, or smaller ones (tests). */
typedef struct {
    gint64 chars, paragraph_chars, paragraphs, cells, rows;
} JxReportBudget;

#define JX_REPORT_BUDGET_DEFAULT { JX_REPORT_BUDGET_CHARS, JX_REPORT_BUDGET_PARAGRAPH_CHARS, \
                                   JX_REPORT_BUDGET_PARAGRAPHS, JX_REPORT_BUDGET_CELLS, JX_REPORT_BUDGET_ROWS }

typedef struct {
    const JxModel *model;
    /* "sheet!A1" → the content a values-mode Compute would write there: the
     * report shows computed figures even when Compute has not run (may be NULL) */
    GHashTable *computed;
    const GPtrArray *findings;   /* validation findings: conditions "errors", notes (may be NULL) */
    const JxReportBudget *budget;   /* NULL: JX_REPORT_BUDGET_DEFAULT */
} JxReportInput;

/* The report of a workbook.  NULL with *error when the workbook holds none
 * of the schema's sheets (a spreadsheet that is not this schema's workbook
 * gets no report), or when the report would cross a budget above. */
JxReport *jx_report_render(const JxTemplate *template, const JxReportInput *input, GError **error);

/* ---- one bound value again (refresh.h) --------------------------------------- */

struct JxBinding;

/* What the report would write now for a value it once wrote. */
typedef struct {
    char *text;           /* NULL: its field, row or column is no longer there */
    gboolean placeholder; /* text asks for a value the workbook lacks */
    char *note;           /* what validation finds about its cell now, or NULL */
    char *cell;           /* where it is read now ("基础数据表!D5") */
    char *label[2];       /* what it is, zh and en ("基本工资（全年执行数）") */
} JxReportValue;

typedef struct JxReportValues JxReportValues;

/* The values of a workbook (input as for jx_report_render), for bindings. */
JxReportValues *jx_report_values_new(const JxTemplate *template, const JxReportInput *input);
void jx_report_values_free(JxReportValues *values);
/* The value a binding names, written as the report writes it. */
void jx_report_value(JxReportValues *values, const struct JxBinding *binding, JxReportValue *out);
void jx_report_value_clear(JxReportValue *value);

G_END_DECLS

#endif

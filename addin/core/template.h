/*
 * template.h: the report's section templates (the schema's "report" key)
 * turned into a report model with the workbook's figures.
 *
 * The README describes the template language for bureaus: sections nest
 * (their numbers 一、 （一） 1. （1） are generated from the nesting, never
 * typed), bodies mix text with placeholders ({spending.total.executed|amount}),
 * loops over table rows ("each"), conditions ("if") and tables ("table").
 * Templates are checked when the schema loads, so an unknown field is a
 * schema problem with its JSON path, not a hole in a report.
 */
#ifndef JX_CORE_TEMPLATE_H
#define JX_CORE_TEMPLATE_H

#include <glib.h>

#include "core/model.h"
#include "core/report.h"
#include "core/schema.h"

G_BEGIN_DECLS

typedef struct {
    const JxModel *model;
    /* "sheet!A1" → the content a values-mode Compute would write there: the
     * report shows computed figures even when Compute has not run (may be NULL) */
    GHashTable *computed;
    const GPtrArray *findings;   /* validation findings (conditions "errors") */
} JxReportInput;

/* Builds the report of the schema's template.  Missing values become
 * placeholder spans (counted in report->placeholders), never silent blanks. */
JxReport *jx_report_build(const JxSchema *schema, const JxReportInput *input);

/* Checks the schema's report template; appends JxSchemaProblem* (with JSON
 * paths under $.report) to problems.  Called by the schema loader. */
void jx_template_check(const JxSchema *schema, GPtrArray *problems);

G_END_DECLS

#endif

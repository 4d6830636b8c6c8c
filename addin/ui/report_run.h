/*
 * report_run.h: Generate report from a validated spreadsheet: the report
 * built by the core from the schema's template, as a new Writer document.
 */
#ifndef JX_UI_REPORT_RUN_H
#define JX_UI_REPORT_RUN_H

#include <glib.h>

#include "core/schema.h"
#include "ui/validate_run.h"
#include "uno/sdk.h"

typedef struct {
    uno_Interface *document;   /* the new Writer document, acquired */
    char *title;
    char *department;
    char *total_score;         /* as the report shows it, "" if unknown */
    char *grade;
    int placeholders;          /* values the user still has to fill in */
    GArray *notes;             /* JxText: a face used instead of an official one, each zh and en */
    double build_seconds;      /* where the time went: building the report and its flat ODT, */
    double load_seconds;       /* Writer laying it out */
} JxReportOutcome;

/* Writes the report of the workbook validated as v into a new Writer
 * document (hidden for headless and batch runs).  The workbook is not
 * touched: computed figures whose cells are still empty are computed in
 * memory.  *out is filled (clear it with jx_report_outcome_clear), also on
 * failure. */
gboolean jx_report_run(uno_Interface *context, const JxValidation *v, gboolean hidden,
                       JxReportOutcome *out, GError **error);
void jx_report_outcome_clear(JxReportOutcome *outcome);

#endif

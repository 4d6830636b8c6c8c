/*
 * refresh_run.h: Refresh from workbook: the figures of a report Jixiao
 * generated, read again from a workbook (validated as Validate does, the
 * computed figures computed in memory as Report does) and brought up to date
 * in place (writer/refresh.h), the author's own words and own figures left
 * alone.  The workbook is read, never written.
 */
#ifndef JX_UI_REFRESH_RUN_H
#define JX_UI_REFRESH_RUN_H

#include <glib.h>

#include "core/refresh.h"
#include "uno/sdk.h"

/* What to do with figures overtyped by hand: "take" (the workbook's value)
 * and "keep" (the author's): ids separated by commas, or "all"; NULL: none
 * (they are reported and left). */
typedef struct {
    const char *take, *keep;
} JxRefreshChoices;

typedef struct {
    GPtrArray *bindings;     /* the document's, up to date (JxBinding*) */
    JxRefreshPlan *plan;     /* what was done to each */
    char *schema_id;         /* as the document recorded them */
    char *workbook;
    int errors, warnings;    /* the workbook's validation */
    double seconds;          /* the whole refresh, */
    double read_seconds;     /* of which reading and validating the workbook */
} JxRefreshOutcome;

/* Refreshes the report document from the workbook document (source names
 * it in messages and is recorded; schema_path NULL: the extension's
 * schema).  *out is filled (clear it with jx_refresh_outcome_clear), also
 * on failure. */
gboolean jx_refresh_run(uno_Interface *context, uno_Interface *report, uno_Interface *workbook, const char *source,
                        const char *schema_path, const JxRefreshChoices *choices, JxRefreshOutcome *out,
                        GError **error);
void jx_refresh_outcome_clear(JxRefreshOutcome *outcome);

/* The change list (README "Refresh from workbook"): counts, then each
 * figure that is not the same as before, with where it stands in the
 * document.  JSON, newly allocated; failure (may be NULL) when it could
 * not run. */
char *jx_refresh_changes_json(uno_Interface *report, const JxRefreshOutcome *outcome, const char *in,
                              const char *failure);

#endif

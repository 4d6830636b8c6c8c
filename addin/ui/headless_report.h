/*
 * headless_report.h: one workbook's report, for the report and batch
 * commands of the headless door.
 */
#ifndef JX_UI_HEADLESS_REPORT_H
#define JX_UI_HEADLESS_REPORT_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "uno/sdk.h"

G_BEGIN_DECLS

typedef struct {
    const char *in;          /* the workbook */
    const char *out_dir;     /* where its files go */
    const char *base;        /* their name without extension */
    const char *schema;      /* NULL: the default schema */
    GStrv formats;           /* "odt", "docx", "pdf", "fodt" */
} JxReportJob;

/* Writes OUT/BASE.FORMAT for each format and OUT/BASE.findings.json (also
 * when the workbook could not be read) and returns its summary row
 * (core/summary.h), with "failure" when the job did not run.  Never
 * writes over the input. */
cJSON *jx_door_report_one(uno_Interface *context, const JxReportJob *job);

/* "odt,docx,pdf" → the formats, checked; NULL with *error otherwise. */
GStrv jx_door_report_formats(const char *text, GError **error);

/* One line about a row on standard error, after prefix. */
void jx_door_say_row(const char *prefix, const cJSON *row);

/* The file name of path without folder and extension, newly allocated. */
char *jx_door_stem(const char *path);

G_END_DECLS

#endif

/*
 * summary.h: the batch summary, one row per workbook.
 *
 * A row is a JSON object (the same object the batch writes into
 * summary.json, so shards joined later carry everything):
 *   source, schema (its id), summary (the figures its schema's "summary"
 *   names, from jx_summary_figures), report (path or absent), errors,
 *   warnings, notes, placeholders, seconds, failure (absent when it ran),
 *   phases { open, validate, build, load, store.odt, … } in seconds.
 * The columns of the spreadsheet are the workbook, then the figures' keys
 * of every row (a folder may mix forms: a key two forms share is one
 * column), then the counts, the report, the time and the failure.
 * The spreadsheet is written as flat ODS whose every cell is a typed value:
 * text a department typed ("=HYPERLINK(…)", "=cmd|…") stays text, never a
 * formula, and the link to a report is a hyperlink in the cell's text, not
 * a formula built from a file name.
 */
#ifndef JX_CORE_SUMMARY_H
#define JX_CORE_SUMMARY_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "core/model.h"

G_BEGIN_DECLS

/* The figures the schema's "summary" names, for a workbook: a JSON array of
 * { key, label: { zh, en }, text, number (numeric figures only) }, each
 * value formatted by its field's type (amounts with the schema's decimals,
 * percentages, scores with score_decimals).  A computed field whose cell
 * is still empty takes what Compute would write (`computed`: the record of
 * a values-mode plan, "sheet!A1" → content; may be NULL). */
cJSON *jx_summary_figures(const JxModel *model, GHashTable *computed);

/* The flat ODS of rows (a JSON array of row objects), newly allocated. */
char *jx_summary_to_fods(const cJSON *rows);

/* The same for other tables of rows (the review's summary): each column
 * reads one member of the row objects and writes it as its kind. */
typedef enum {
    JX_SUMMARY_NAME,     /* a path, shown as its file name */
    JX_SUMMARY_TEXT,
    JX_SUMMARY_COUNT,    /* a JSON number, shown whole */
    JX_SUMMARY_NUMBER,   /* a JSON number or a text that reads wholly as one */
    JX_SUMMARY_LINK,     /* a path, a hyperlink showing its file name */
    JX_SUMMARY_FIGURE,   /* a figure of jx_summary_figures: typed with its decimals, or as a percentage */
} JxSummaryKind;

typedef struct {
    const char *key;      /* member of the row object */
    const char *header;
    JxSummaryKind kind;
    const char *width;    /* "5cm" */
} JxSummaryColumn;

char *jx_summary_table_to_fods(const JxSummaryColumn *columns, gsize n, const cJSON *rows);

G_END_DECLS

#endif

/*
 * summary.h: the batch summary, one row per workbook.
 *
 * A row is a JSON object (the same object the batch writes into
 * summary.json, so shards joined later carry everything):
 *   source, report (path or absent), department, score, grade, errors,
 *   warnings, notes, placeholders, seconds, failure (absent when it ran),
 *   phases { open, validate, build, load, store.odt, … } in seconds.
 * The spreadsheet is written as flat ODS whose every cell is a typed value:
 * text a department typed ("=HYPERLINK(…)", "=cmd|…") stays text, never a
 * formula, and the link to a report is a hyperlink in the cell's text, not
 * a formula built from a file name.
 */
#ifndef JX_CORE_SUMMARY_H
#define JX_CORE_SUMMARY_H

#include <cjson/cJSON.h>
#include <glib.h>

G_BEGIN_DECLS

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

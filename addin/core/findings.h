/*
 * findings.h: what validation (and loading) reports: a stable code, a
 * severity, the cells concerned and a message in zh-CN and en-US that says
 * what was expected and what was found, with the numbers.
 *
 * The codes are a table (findings.c) so that the README's list of codes and
 * the JSON written by headless validation come from one place.
 */
#ifndef JX_CORE_FINDINGS_H
#define JX_CORE_FINDINGS_H

#include <glib.h>

#include "core/error.h"

G_BEGIN_DECLS

typedef enum {
    JX_SEVERITY_ERROR,
    JX_SEVERITY_WARNING,
    JX_SEVERITY_NOTE,
} JxSeverity;

typedef struct {
    const char *code;           /* "JX-SUM-MISMATCH" */
    JxSeverity severity;
    const char *summary[2];     /* zh, en: one line for the README */
} JxFindingKind;

typedef struct {
    const JxFindingKind *kind;
    JxSeverity severity;        /* usually kind->severity */
    int sheet;                  /* workbook sheet index, -1 if none */
    int row, col, row2, col2;   /* the cell range, 0-based, inclusive */
    char *text[2];              /* zh, en */
    char *check;                /* the schema check id, or NULL */
} JxFinding;

/* The table of kinds, n entries. */
const JxFindingKind *jx_finding_kinds(gsize *n);
const JxFindingKind *jx_finding_kind(const char *code);

/* A new finding of kind `code` (which must be in the table) at one cell,
 * with texts formatted from zh_format/en_format (same arguments). */
JxFinding *jx_finding_new(const char *code, int sheet, int row, int col,
                          const char *zh_format, const char *en_format, ...);
/* The same with two finished texts, which the finding takes over. */
JxFinding *jx_finding_new_texts(const char *code, int sheet, int row, int col,
                                char *zh, char *en);
void jx_finding_set_range(JxFinding *finding, int row2, int col2);
void jx_finding_free(gpointer finding);

const char *jx_severity_name(JxSeverity severity, JxLang lang);

/* Sorts errors first, then by sheet, row, column. */
void jx_findings_sort(GPtrArray *findings);

/* Counts by severity. */
void jx_findings_count(const GPtrArray *findings, int *errors, int *warnings, int *notes);

G_END_DECLS

#endif

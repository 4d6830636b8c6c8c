/*
 * findings.h: what validation (and loading) reports: a stable code, a
 * severity, the cells concerned and a message in zh-CN and en-US that says
 * what was expected and what was found, with the numbers.
 *
 * The kinds are an enum and a table (findings.c), so that a wrong code does
 * not compile, and the README's list of codes, the fix hints and the JSON
 * written by headless validation come from one place.
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

/* Every kind of finding.  The table in findings.c gives each its published
 * code ("JX-SUM-MISMATCH"), severity, summary and how to fix it; the order
 * here is the order of the README's list. */
typedef enum {
    /* reading the workbook through the schema */
    JX_FINDING_SHEET_MISSING,
    JX_FINDING_LABEL_MISSING,
    JX_FINDING_NAME_MISSING,
    JX_FINDING_TABLE_MISSING,
    JX_FINDING_COLUMN_MISSING,
    JX_FINDING_ROLE_MISSING,
    JX_FINDING_ROLE_AMBIGUOUS,
    JX_FINDING_ROW_BLANK,
    JX_FINDING_SHEET_TRUNCATED,
    JX_FINDING_TABLE_TRUNCATED,
    /* values */
    JX_FINDING_REQUIRED_EMPTY,
    JX_FINDING_ERROR_VALUE,
    JX_FINDING_NOT_A_NUMBER,
    JX_FINDING_UNIT_WRONG,
    JX_FINDING_NEGATIVE,
    JX_FINDING_NUMBER_HUGE,
    /* sums and repeated figures */
    JX_FINDING_SUM_MISMATCH,
    JX_FINDING_PART_EXCEEDS_TOTAL,
    JX_FINDING_SAME_DIFFERS,
    JX_FINDING_SAME_ROUNDING,
    /* indicators */
    JX_FINDING_INDICATOR_UNPARSEABLE,
    JX_FINDING_INDICATOR_UNITS,
    JX_FINDING_PEOPLE_IN_MONEY,
    JX_FINDING_UNMET_NO_REASON,
    JX_FINDING_OVERACHIEVED_NO_REASON,
    JX_FINDING_SCORE_ABOVE_WEIGHT,
    JX_FINDING_SCORE_OUTSIDE_BAND,
    JX_FINDING_SCORE_MISMATCH,
    JX_FINDING_BAND_MISSING,
    JX_FINDING_WEIGHTS_TOTAL,
    /* budget execution */
    JX_FINDING_EXECUTION_LOW,
    JX_FINDING_BUDGET_ZERO,
    /* reviewing a report's prose */
    JX_FINDING_COUNT_IN_MONEY,
    JX_FINDING_RATE_MISMATCH,
    JX_FINDING_GRADE_MISMATCH,
    JX_FINDING_OUTLINE_REPEATED,
    JX_FINDING_OUTLINE_SKIPPED,
    JX_FINDING_OUTLINE_ORDER,
    /* compute */
    JX_FINDING_COMPUTED_OVERWRITE,
    JX_FINDING_COMPUTE_SKIPPED,
    JX_FINDING_N_KINDS
} JxFindingCode;

typedef struct {
    const char *code;           /* "JX-SUM-MISMATCH": published, never changes meaning */
    JxSeverity severity;
    const char *summary[2];     /* zh, en: one line for the README */
    const char *fix[2];         /* zh, en: what to do about it */
} JxFindingKind;

typedef struct {
    const JxFindingKind *kind;
    JxSeverity severity;        /* usually kind->severity */
    int sheet;                  /* workbook sheet index, -1 if none */
    int row, col, row2, col2;   /* the cell range, 0-based, inclusive */
    char *text[2];              /* zh, en */
    char *check;                /* the schema check id, or NULL */
} JxFinding;

/* The table of kinds, n entries, in JxFindingCode order. */
const JxFindingKind *jx_finding_kinds(gsize *n);
/* The kind of a code; by its published string (NULL if unknown). */
const JxFindingKind *jx_finding_kind(JxFindingCode code);
const JxFindingKind *jx_finding_kind_named(const char *code);

/* A new finding of kind `code` at one cell, with texts formatted from
 * zh_format/en_format (see JX_PRINTF_PAIR and jx_bilingual in error.h). */
JxFinding *jx_finding_new(JxFindingCode code, int sheet, int row, int col,
                          const char *zh_format, const char *en_format, ...) JX_PRINTF_PAIR(5, 7);
/* The same with two finished texts, which the finding takes over. */
JxFinding *jx_finding_new_texts(JxFindingCode code, int sheet, int row, int col,
                                char *zh, char *en);
void jx_finding_set_range(JxFinding *finding, int row2, int col2);
JxFinding *jx_finding_copy(const JxFinding *finding);
void jx_finding_free(gpointer finding);

const char *jx_severity_name(JxSeverity severity, JxLang lang);

/* Sorts errors first, then by sheet, row, column. */
void jx_findings_sort(GPtrArray *findings);

/* Counts by severity. */
void jx_findings_count(const GPtrArray *findings, int *errors, int *warnings, int *notes);

G_END_DECLS

#endif

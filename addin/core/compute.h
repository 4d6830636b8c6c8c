/*
 * compute.h: what Compute writes into a workbook, planned without the office.
 *
 * For every computed field and column of the schema the plan holds the
 * cell, and either a formula (live mode: JX functions and SUM over the
 * input cells, so the sheet follows later edits) or a value (values mode:
 * plain numbers and texts, for a copy opened where Jixiao is not
 * installed).  Both modes give the same numbers.
 *
 * The plan never overwrites what a person typed: a computed cell that holds
 * something Compute did not write (per `previous`, the record of the last
 * Compute, or an identical formula) is left alone and reported.  A value
 * that cannot be computed is not made up, in either mode: its cell is
 * cleared (if Compute had filled it) and a finding says why.  A computed
 * cell a person typed into is read as it stands by what depends on it.
 */
#ifndef JX_CORE_COMPUTE_H
#define JX_CORE_COMPUTE_H

#include <glib.h>

#include "core/model.h"

G_BEGIN_DECLS

typedef struct {
    int sheet, row, col;
    char *content;     /* "=…" a formula, "" to clear, else a number (C locale) or text */
    gboolean is_text;  /* content is text (write as a string even if it looks numeric) */
} JxCellWrite;

typedef struct {
    GArray *writes;        /* JxCellWrite, sorted by sheet, column, row */
    GPtrArray *findings;   /* JxFinding*: values that could not be computed, cells kept */
    GHashTable *record;    /* "sheet!A1" → content: what this plan writes (for `previous`) */
} JxComputePlan;

/* Programmatic name prefix of Jixiao's functions in formulas. */
#define JX_FORMULA_PREFIX "ORG.JIXIAO.CALC.FUNCTIONS."

/* `previous` maps "sheet name!A1" to the content the last Compute wrote
 * (may be NULL). */
JxComputePlan *jx_compute_plan(const JxModel *model, JxComputeMode mode, GHashTable *previous);
void jx_compute_plan_free(JxComputePlan *plan);

/* The record as JSON, to keep in the document; and back. */
char *jx_compute_record_to_json(GHashTable *record);
GHashTable *jx_compute_record_from_json(const char *json);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(JxComputePlan, jx_compute_plan_free)

G_END_DECLS

#endif

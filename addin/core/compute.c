/*
 * compute.c: planning Compute.
 *
 * Targets are the cells of computed fields and columns.  In values mode
 * each is evaluated on demand with a memo, so a total score that sums
 * computed indicator scores evaluates them first (the schema loader has
 * ruled out cycles).  In formulas mode each becomes a formula over the
 * cells it depends on.
 */
#include "core/compute.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <string.h>

#include "core/amounts.h"
#include "core/indicator.h"
#include "core/names.h"
#include "core/units.h"

typedef struct {
    const JxCompute *compute;
    const JxTableData *table;   /* NULL for a field */
    int row;                    /* table row index */
    JxValue cell;
    char *name;                 /* bilingual (names.c) */
    const char *unit;           /* the unit of an amount target (names.c), else NULL */
    /* evaluation */
    int state;                  /* 0 not yet, 1 evaluating, 2 done */
    gboolean ok;
    gboolean not_applicable;    /* e.g. the completion rate of a qualitative indicator */
    double number;
    char *text;                 /* a text result (grade) */
    GError *why;
} Target;

typedef struct {
    const JxModel *model;
    const JxSchema *schema;
    JxComputeMode mode;
    GHashTable *previous;
    GPtrArray *targets;         /* Target* */
    GHashTable *by_cell;        /* "sheet:row:col" → Target* */
    JxComputePlan *plan;
} Planner;

static char *cell_key(int sheet, int row, int col)
{
    return g_strdup_printf("%d:%d:%d", sheet, row, col);
}

static Target *target_at(Planner *p, const JxValue *v)
{
    if (v->sheet < 0)
        return NULL;
    g_autofree char *key = cell_key(v->sheet, v->row, v->col);
    return g_hash_table_lookup(p->by_cell, key);
}

/* --- reading inputs ---------------------------------------------------------- */

static gboolean evaluate(Planner *p, Target *t);
static gboolean is_ours(Planner *p, const Target *t);

/* The values a reference names (copied into out). */
static void values_of(Planner *p, const JxRef *ref, const Target *t, GArray *out)
{
    jx_model_resolve(p->model, ref, t->table, t->row, out, NULL);
}

/* A number in `unit`: a computed cell's result, or an input (a plain number
 * being in own_unit, a text in the unit it names). */
static gboolean number_of_value(Planner *p, const JxValue *v, const char *own_unit, const char *unit,
                                double *number, GError **error)
{
    Target *source = target_at(p, v);
    /* a computed cell holding what a person typed stays theirs: it is read,
     * not recomputed, so every mode computes from what the sheet shows */
    if (source != NULL && !is_ours(p, source))
        source = NULL;
    if (source != NULL) {
        if (!evaluate(p, source) || source->text != NULL) {
            jx_set_error(error, JX_ERROR_INVALID, "依赖的计算值“%s”无法计算",
                         "it depends on '%s', which could not be computed", source->name);
            return FALSE;
        }
        *number = source->number;
        if (unit != NULL && source->unit != NULL && strcmp(unit, source->unit) != 0)
            return jx_unit_convert(source->number, source->unit, unit, number, error);
        return TRUE;
    }
    return jx_value_number_in(v, own_unit, unit, number, error);
}

/* The unit of what ref names, seen from target t. */
static const char *unit_of_ref(const Planner *p, const JxRef *ref, const Target *t)
{
    return jx_ref_unit(p->schema, ref, t->table ? t->table->spec : NULL);
}

static gboolean number_of_ref(Planner *p, const JxRef *ref, const Target *t, const char *unit,
                              double *number, GError **error)
{
    if (ref == NULL) {
        jx_set_error(error, JX_ERROR_INVALID, "缺少参数", "an argument is missing");
        return FALSE;
    }
    if (ref->is_constant) {
        *number = ref->constant;
        return TRUE;
    }
    g_autoptr(GArray) values = g_array_new(FALSE, FALSE, sizeof(JxValue));
    values_of(p, ref, t, values);
    if (values->len == 0) {
        jx_set_error(error, JX_ERROR_INVALID, "找不到“%s”", "'%s' was not found", ref->text);
        return FALSE;
    }
    if (!number_of_value(p, &g_array_index(values, JxValue, 0), unit_of_ref(p, ref, t), unit, number, error)) {
        const JxFieldSpec *f = ref->table == NULL ? jx_schema_field(p->schema, ref->name) : NULL;
        g_autofree char *name = f ? jx_field_name(f) : g_strdup(ref->text);
        char *prefix[2];
        jx_texts_printf(prefix, "“%s”", "%s: ", name);
        jx_error_prefix(error, prefix[JX_LANG_ZH], prefix[JX_LANG_EN]);
        g_free(prefix[JX_LANG_ZH]);
        g_free(prefix[JX_LANG_EN]);
        return FALSE;
    }
    return TRUE;
}

/* The unit a rate's two amounts are compared in: the budget's own. */
static const char *rate_unit(const Planner *p, const JxRef *budget, const Target *t)
{
    const char *unit = unit_of_ref(p, budget, t);
    return unit ? unit : p->schema->settings.amount_unit;
}

/* The sum of parts in the target's unit (each part converted from its own). */
static gboolean sum_refs(Planner *p, const GPtrArray *parts, const Target *t, double *sum,
                         GError **error)
{
    *sum = 0;
    for (guint i = 0; parts && i < parts->len; i++) {
        const JxRef *ref = g_ptr_array_index(parts, i);
        if (ref->is_constant) {
            *sum += ref->constant;
            continue;
        }
        g_autoptr(GArray) values = g_array_new(FALSE, FALSE, sizeof(JxValue));
        values_of(p, ref, t, values);
        for (guint v = 0; v < values->len; v++) {
            double n;
            if (!number_of_value(p, &g_array_index(values, JxValue, v), unit_of_ref(p, ref, t), t->unit, &n,
                                 error))
                return FALSE;
            *sum += n;
        }
    }
    return TRUE;
}

/* The direct children of a group row in column `column`. */
static void group_children(const Target *t, const char *column, GArray *out)
{
    int c = jx_table_column_index(t->table->spec, column);
    for (guint r = 0; c >= 0 && r < t->table->rows->len; r++) {
        const JxTableRow *row = &g_array_index(t->table->rows, JxTableRow, r);
        if (row->group_parent == t->row)
            g_array_append_val(out, row->cells[c]);
    }
}

/* --- values mode -------------------------------------------------------------- */

static const JxValue *row_cell(const Target *t, const JxRef *ref)
{
    if (ref == NULL || !ref->same_row || t->table == NULL)
        return NULL;
    int c = jx_table_column_index(t->table->spec, ref->name);
    return c >= 0 ? &g_array_index(t->table->rows, JxTableRow, t->row).cells[c] : NULL;
}

static gboolean is_ours(Planner *p, const Target *t);

static gboolean evaluate_indicator(Planner *p, Target *t, gboolean completion_only, GError **error)
{
    const JxCompute *c = t->compute;
    JxIndicatorCells cells = { row_cell(t, c->args[completion_only ? 0 : 1]),
                               row_cell(t, c->args[completion_only ? 1 : 2]), NULL, NULL, NULL };
    /* the weight may come from a computed cell or a constant: hand it over as a number */
    JxGridCell weight_cell = { JX_GRID_NUMBER, 0, NULL, NULL };
    JxValue weight_value = { &weight_cell, -1, 0, 0 };
    if (!completion_only) {
        cells.band = c->n_args > 3 ? row_cell(t, c->args[3]) : NULL;
        /* a score typed by a person is an input; one Compute wrote is not */
        if (!is_ours(p, t))
            cells.score = &t->cell;
        if (!number_of_ref(p, c->args[0], t, NULL, &weight_cell.number, error))
            return FALSE;
        cells.weight = &weight_value;
    }
    JxIndicator ind;
    jx_indicator_evaluate(&p->schema->settings.scoring, &cells, &ind);
    gboolean ok;
    if (completion_only) {
        ok = ind.has_completion;
        t->number = ind.completion;
        /* a qualitative indicator, or one whose actual is words a band must
         * settle, has no completion rate: its cell stays empty, no finding */
        t->not_applicable = !ok && (ind.qualitative ||
                                    g_error_matches(ind.completion_error, JX_ERROR, JX_ERROR_NEEDS_BAND));
        if (!ok && !t->not_applicable) {
            const GError *why = ind.target_error ? ind.target_error
                              : ind.actual_error ? ind.actual_error : ind.completion_error;
            if (why != NULL)
                g_propagate_error(error, g_error_copy(why));
        }
    } else {
        ok = ind.has_score;
        t->number = ind.score;
        if (!ok && ind.score_error)
            g_propagate_error(error, g_error_copy(ind.score_error));
    }
    jx_indicator_clear(&ind);
    return ok;
}

static gboolean evaluate_kind(Planner *p, Target *t, GError **error)
{
    const JxCompute *c = t->compute;
    const JxScoringRules *rules = &p->schema->settings.scoring;
    double a, b, w, rate;
    switch (c->kind) {
    case JX_COMPUTE_EXECUTION_RATE:
        return number_of_ref(p, c->args[0], t, rate_unit(p, c->args[0], t), &a, error) &&
               number_of_ref(p, c->args[1], t, rate_unit(p, c->args[0], t), &b, error) &&
               jx_execution_rate(a, b, &t->number, error);
    case JX_COMPUTE_EXECUTION_POINTS:
        if (!number_of_ref(p, c->args[0], t, NULL, &w, error) ||
            !number_of_ref(p, c->args[1], t, rate_unit(p, c->args[1], t), &a, error) ||
            !number_of_ref(p, c->args[2], t, rate_unit(p, c->args[1], t), &b, error) ||
            !jx_execution_rate(a, b, &rate, error))
            return FALSE;
        t->number = jx_execution_points(rules, w, rate);
        return TRUE;
    case JX_COMPUTE_TOTAL_SCORE:
        if (!sum_refs(p, c->parts, t, &t->number, error))
            return FALSE;
        t->number = jx_round(t->number, rules->score_decimals);
        return TRUE;
    case JX_COMPUTE_SUM:
        if (!sum_refs(p, c->parts, t, &t->number, error))
            return FALSE;
        t->number = jx_round(t->number, 9);
        return TRUE;
    case JX_COMPUTE_GRADE:
        if (!number_of_ref(p, c->args[0], t, NULL, &a, error))
            return FALSE;
        t->text = g_strdup(jx_grade(rules, a, FALSE));
        return TRUE;
    case JX_COMPUTE_RATIO:
        if (!number_of_ref(p, c->args[0], t, NULL, &a, error) ||
            !number_of_ref(p, c->args[1], t, NULL, &b, error))
            return FALSE;
        if (b == 0) {
            jx_set_error(error, JX_ERROR_ZERO_TARGET, "分母为零", "the denominator is zero");
            return FALSE;
        }
        t->number = a / b;
        return TRUE;
    case JX_COMPUTE_INDICATOR_SCORE:
        return evaluate_indicator(p, t, FALSE, error);
    case JX_COMPUTE_INDICATOR_COMPLETION:
        return evaluate_indicator(p, t, TRUE, error);
    case JX_COMPUTE_GROUP_SUM: {
        g_autoptr(GArray) children = g_array_new(FALSE, FALSE, sizeof(JxValue));
        group_children(t, c->args[0]->name, children);
        t->number = 0;
        for (guint i = 0; i < children->len; i++) {
            double n;
            if (jx_value_is_empty(&g_array_index(children, JxValue, i)))
                continue;
            if (!number_of_value(p, &g_array_index(children, JxValue, i), t->unit, t->unit, &n, error))
                return FALSE;
            t->number += n;
        }
        t->number = jx_round(t->number, 9);
        return children->len > 0 || (jx_set_error(error, JX_ERROR_INVALID, "该行没有明细",
                                                  "the row has no items"), FALSE);
    }
    case JX_COMPUTE_NONE:
        break;
    }
    return FALSE;
}

static gboolean evaluate(Planner *p, Target *t)
{
    if (t->state == 2)
        return t->ok;
    if (t->state == 1) {   /* a cycle the loader could not see (rows referring to rows) */
        jx_set_error(&t->why, JX_ERROR_INVALID, "循环引用", "circular reference");
        return FALSE;
    }
    t->state = 1;
    t->ok = evaluate_kind(p, t, &t->why);
    if (t->ok && t->text == NULL && !isfinite(t->number)) {
        t->ok = FALSE;
        jx_set_error(&t->why, JX_ERROR_RANGE, "结果不是有限数", "the result is not a finite number");
    }
    t->state = 2;
    return t->ok;
}

/* --- formulas mode ------------------------------------------------------------ */

static const char *sheet_name(const Planner *p, int sheet)
{
    return ((JxSheet *)g_ptr_array_index(p->model->workbook->sheets, (guint)sheet))->name;
}

/* "D5" on the target's own sheet, "$'基础数据表'.D5" on another. */
static char *cell_reference(const Planner *p, const JxValue *v, int from_sheet)
{
    g_autofree char *letters = jx_column_letters(v->col);
    if (v->sheet == from_sheet)
        return g_strdup_printf("%s%d", letters, v->row + 1);
    GString *quoted = g_string_new(NULL);
    for (const char *c = sheet_name(p, v->sheet); *c; c++) {
        if (*c == '\'')
            g_string_append_c(quoted, '\'');
        g_string_append_c(quoted, *c);
    }
    char *result = g_strdup_printf("$'%s'.%s%d", quoted->str, letters, v->row + 1);
    g_string_free(quoted, TRUE);
    return result;
}

/* The shortest C-locale text that reads back as value: 97.36, not
 * 97.359999999999999. */
static char *number_literal(double value)
{
    char buffer[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd(buffer, sizeof buffer, "%.15g", value);
    if (g_ascii_strtod(buffer, NULL) != value)
        g_ascii_formatd(buffer, sizeof buffer, "%.17g", value);
    return g_strdup(buffer);
}

/* The formula text of one argument, or NULL if it names nothing. */
static char *ref_formula(Planner *p, const JxRef *ref, const Target *t)
{
    if (ref == NULL)
        return NULL;
    if (ref->is_constant)
        return number_literal(ref->constant);
    g_autoptr(GArray) values = g_array_new(FALSE, FALSE, sizeof(JxValue));
    values_of(p, ref, t, values);
    GString *out = g_string_new(NULL);
    for (guint i = 0; i < values->len; i++) {
        const JxValue *v = &g_array_index(values, JxValue, i);
        if (v->sheet < 0)
            continue;
        g_autofree char *r = cell_reference(p, v, t->cell.sheet);
        g_string_append_printf(out, "%s%s", out->len ? ";" : "", r);
    }
    if (out->len == 0) {
        g_string_free(out, TRUE);
        return NULL;
    }
    return g_string_free(out, FALSE);
}

static char *call_formula(const char *function, char **args, int n)
{
    GString *f = g_string_new("=");
    g_string_append_printf(f, "%s%s(", JX_FORMULA_PREFIX, function);
    for (int i = 0; i < n; i++)
        g_string_append_printf(f, "%s%s", i ? ";" : "", args[i] ? args[i] : "");
    g_string_append_c(f, ')');
    return g_string_free(f, FALSE);
}

/* One part of a sum as the formula reads it: a text ("45.18万元") or an
 * amount in another unit goes through JX.CONVERT into the total's unit, as
 * values mode reads it (SUM alone would skip a text); a text that is no
 * amount through JX.VALUE. */
static char *part_formula(Planner *p, const JxValue *v, const char *own_unit, const Target *t)
{
    char *reference = cell_reference(p, v, t->cell.sheet);
    gboolean text = v->cell && v->cell->kind == JX_GRID_TEXT && target_at(p, v) == NULL;
    if (t->unit != NULL && (text || (own_unit && strcmp(own_unit, t->unit) != 0))) {
        char *converted = g_strdup_printf(JX_FORMULA_PREFIX "CONVERT(%s;\"%s\";\"%s\")", reference, t->unit,
                                          own_unit ? own_unit : t->unit);
        g_free(reference);
        return converted;
    }
    if (t->unit == NULL && text) {
        char *value = g_strdup_printf(JX_FORMULA_PREFIX "VALUE(%s)", reference);
        g_free(reference);
        return value;
    }
    return reference;
}

static char *sum_formula(Planner *p, const GPtrArray *parts, const Target *t)
{
    GString *f = g_string_new("=SUM(");
    for (guint i = 0; parts && i < parts->len; i++) {
        const JxRef *ref = g_ptr_array_index(parts, i);
        if (ref->is_constant) {
            g_autofree char *n = number_literal(ref->constant);
            g_string_append_printf(f, "%s%s", f->str[f->len - 1] == '(' ? "" : ";", n);
            continue;
        }
        g_autoptr(GArray) values = g_array_new(FALSE, FALSE, sizeof(JxValue));
        values_of(p, ref, t, values);
        for (guint k = 0; k < values->len; k++) {
            const JxValue *v = &g_array_index(values, JxValue, k);
            if (v->sheet < 0)
                continue;
            g_autofree char *part = part_formula(p, v, unit_of_ref(p, ref, t), t);
            g_string_append_printf(f, "%s%s", f->str[f->len - 1] == '(' ? "" : ";", part);
        }
    }
    g_string_append_c(f, ')');
    return g_string_free(f, FALSE);
}

/* The most arguments a JX function takes (JX.SCORE: weight, target, actual,
 * band, entered score, rules). */
#define FORMULA_MAX_ARGS 6

/* The schema's scoring rules as the last argument of a JX function, when
 * they differ from the defaults the functions assume (NULL otherwise). */
static char *rules_argument(const Planner *p)
{
    g_autofree char *text = jx_scoring_rules_text(&p->schema->settings.scoring);
    return text[0] ? g_strdup_printf("\"%s\"", text) : NULL;
}

static char *formula_of(Planner *p, Target *t)
{
    const JxCompute *c = t->compute;
    const JxScoringRules *rules = &p->schema->settings.scoring;
    char *args[FORMULA_MAX_ARGS] = { NULL };
    char *formula = NULL;
    int n = 0;
    char *rules_text = rules_argument(p);
    switch (c->kind) {
    case JX_COMPUTE_EXECUTION_RATE:
    case JX_COMPUTE_EXECUTION_POINTS:
    case JX_COMPUTE_INDICATOR_COMPLETION:
        for (n = 0; n < c->n_args; n++)
            args[n] = ref_formula(p, c->args[n], t);
        if (c->kind == JX_COMPUTE_EXECUTION_POINTS && rules_text)
            args[n++] = g_strdup(rules_text);
        formula = call_formula(c->kind == JX_COMPUTE_EXECUTION_RATE ? "EXECUTIONRATE"
                               : c->kind == JX_COMPUTE_EXECUTION_POINTS ? "EXECUTIONPOINTS"
                                                                        : "COMPLETION", args, n);
        break;
    case JX_COMPUTE_INDICATOR_SCORE:
        /* weight, target, actual and the band; never the score cell itself
         * (the entered-score argument stays empty) */
        for (n = 0; n < 3; n++)
            args[n] = ref_formula(p, c->args[n], t);
        if (c->n_args > 3 && c->args[3] != NULL)
            args[n] = ref_formula(p, c->args[3], t);
        n = c->n_args > 3 && c->args[3] != NULL ? 4 : 3;
        if (rules_text) {
            n = 5;   /* band (maybe empty), entered (empty) */
            args[n++] = g_strdup(rules_text);
        }
        formula = call_formula("SCORE", args, n);
        break;
    case JX_COMPUTE_GRADE:
        args[n++] = ref_formula(p, c->args[0], t);
        args[n++] = number_literal(rules->grade_excellent);
        args[n++] = number_literal(rules->grade_good);
        args[n++] = number_literal(rules->grade_pass);
        if (rules_text)
            args[n++] = g_strdup(rules_text);
        formula = call_formula("GRADE", args, n);
        break;
    case JX_COMPUTE_TOTAL_SCORE: {
        /* rounded as values mode rounds it */
        g_autofree char *sum = sum_formula(p, c->parts, t);
        formula = g_strdup_printf("=ROUND(%s;%d)", sum + 1, rules->score_decimals);
        break;
    }
    case JX_COMPUTE_SUM:
        formula = sum_formula(p, c->parts, t);
        break;
    case JX_COMPUTE_RATIO: {
        g_autofree char *a = ref_formula(p, c->args[0], t);
        g_autofree char *b = ref_formula(p, c->args[1], t);
        formula = g_strdup_printf("=%s/%s", a ? a : "0", b ? b : "0");
        break;
    }
    case JX_COMPUTE_GROUP_SUM: {
        g_autoptr(GArray) children = g_array_new(FALSE, FALSE, sizeof(JxValue));
        group_children(t, c->args[0]->name, children);
        GString *f = g_string_new("=SUM(");
        for (guint i = 0; i < children->len; i++) {
            g_autofree char *r = part_formula(p, &g_array_index(children, JxValue, i), t->unit, t);
            g_string_append_printf(f, "%s%s", i ? ";" : "", r);
        }
        g_string_append_c(f, ')');
        formula = g_string_free(f, FALSE);
        break;
    }
    case JX_COMPUTE_NONE:
        break;
    }
    for (int i = 0; i < n; i++)
        g_free(args[i]);
    g_free(rules_text);
    return formula;
}

/* --- ownership ------------------------------------------------------------------ */

static char *address_key(const Planner *p, const JxValue *v)
{
    return jx_address_format(p->model->workbook, v->sheet, v->row, v->col);
}

/* What the cell holds now, as the record would spell it. */
static char *current_content(const JxGridCell *cell)
{
    if (cell->formula != NULL)
        return g_strdup(cell->formula);
    switch (cell->kind) {
    case JX_GRID_NUMBER: return number_literal(cell->number);
    case JX_GRID_TEXT: return g_strdup(cell->text);
    case JX_GRID_ERROR: return g_strdup(cell->text ? cell->text : "#ERR");
    default: return g_strdup("");
    }
}

/* TRUE if cell holds `recorded`, what an earlier Compute wrote there. */
static gboolean holds_recorded(const JxGridCell *cell, const char *recorded)
{
    if (recorded == NULL)
        return FALSE;
    g_autofree char *content = current_content(cell);
    if (strcmp(recorded, content) == 0)
        return TRUE;
    /* a recorded number may come back from the office with other digits */
    char *end;
    double r = g_ascii_strtod(recorded, &end);
    return end != recorded && *end == '\0' && cell->kind == JX_GRID_NUMBER && cell->formula == NULL &&
           fabs(r - cell->number) <= 1e-9 * fmax(1, fabs(r));
}

/* TRUE if the cell is empty or holds what an earlier Compute wrote. */
static gboolean is_ours(Planner *p, const Target *t)
{
    if (jx_value_is_empty(&t->cell) && t->cell.cell->formula == NULL)
        return TRUE;
    if (t->cell.cell->formula && strstr(t->cell.cell->formula, JX_FORMULA_PREFIX) != NULL)
        return TRUE;
    if (p->previous == NULL)
        return FALSE;
    g_autofree char *key = address_key(p, &t->cell);
    return holds_recorded(t->cell.cell, g_hash_table_lookup(p->previous, key));
}

/* A qualitative score a person typed inside its band is their choice. */
static gboolean kept_by_band(Planner *p, Target *t)
{
    if (t->compute->kind != JX_COMPUTE_INDICATOR_SCORE || t->cell.cell->kind != JX_GRID_NUMBER ||
        t->cell.cell->formula != NULL)
        return FALSE;
    GError *error = NULL;
    gboolean ok = evaluate_indicator(p, t, FALSE, &error);   /* uses the typed score */
    g_clear_error(&error);
    return ok && jx_scores_agree(&p->schema->settings.scoring, t->number, t->cell.cell->number);
}

/* --- the plan ------------------------------------------------------------------ */

static void add_write_at(Planner *p, const JxValue *cell, char *content, gboolean is_text)
{
    JxCellWrite w = { cell->sheet, cell->row, cell->col, content, is_text };
    g_array_append_val(p->plan->writes, w);
    g_hash_table_insert(p->plan->record, address_key(p, cell), g_strdup(content));
}

static void add_write(Planner *p, const Target *t, char *content, gboolean is_text)
{
    add_write_at(p, &t->cell, content, is_text);
}

/* A cell an earlier Compute wrote that is no longer computed (its row was
 * cleared, so it is no data now): what Compute wrote there goes, so that no
 * stale score is left beside the total; anything else stays. */
static void clear_stale(Planner *p)
{
    if (p->previous == NULL)
        return;
    GHashTableIter iter;
    gpointer key, recorded;
    g_hash_table_iter_init(&iter, p->previous);
    while (g_hash_table_iter_next(&iter, &key, &recorded)) {
        const char *bang = strrchr(key, '!');
        g_autofree char *sheet_name = bang ? g_strndup(key, (gsize)(bang - (const char *)key)) : NULL;
        const JxSheet *sheet = sheet_name ? jx_workbook_sheet(p->model->workbook, sheet_name) : NULL;
        JxValue v = { NULL, sheet ? sheet->index : -1, 0, 0 };
        if (sheet == NULL || !jx_cell_from_a1(bang + 1, &v.row, &v.col) || target_at(p, &v) != NULL)
            continue;
        v.cell = jx_sheet_cell(sheet, v.row, v.col);
        if ((v.cell->kind != JX_GRID_EMPTY || v.cell->formula != NULL) && holds_recorded(v.cell, recorded))
            add_write_at(p, &v, g_strdup(""), FALSE);
    }
}

static void add_finding(Planner *p, const Target *t, JxFindingCode code, const char *zh_format,
                        const char *en_format, ...) JX_PRINTF_PAIR(4, 6);

static void add_finding(Planner *p, const Target *t, JxFindingCode code, const char *zh_format,
                        const char *en_format, ...)
{
    char *texts[2];
    va_list args;
    va_start(args, en_format);
    jx_texts_vprintf(texts, zh_format, en_format, args);
    va_end(args);
    g_ptr_array_add(p->plan->findings, jx_finding_new_texts(code, t->cell.sheet, t->cell.row, t->cell.col,
                                                            texts[JX_LANG_ZH], texts[JX_LANG_EN]));
}

static void plan_target(Planner *p, Target *t)
{
    if (!is_ours(p, t)) {
        if (kept_by_band(p, t))
            return;
        g_autofree char *content = current_content(t->cell.cell);
        add_finding(p, t, JX_FINDING_COMPUTED_OVERWRITE, "“%s”是计算单元格，但其中已有手工填写的“%s”，未覆盖；清空后再计算",
                    "%s is computed but holds '%s', which Compute did not write; it was left alone (clear it to compute)",
                    t->name, content);
        return;
    }
    gboolean ok = evaluate(p, t);
    if (!ok && t->not_applicable) {
        if (!jx_value_is_empty(&t->cell))
            add_write(p, t, g_strdup(""), FALSE);
        return;
    }
    if (!ok) {
        g_autofree char *zh_reason = jx_error_text(t->why, JX_LANG_ZH);
        g_autofree char *en_reason = jx_error_text(t->why, JX_LANG_EN);
        g_autofree char *why = jx_bilingual(zh_reason, en_reason);
        add_finding(p, t, JX_FINDING_COMPUTE_SKIPPED, "“%s”无法计算：%s", "%s cannot be computed: %s", t->name, why);
    }
    if (!ok) {
        if (!jx_value_is_empty(&t->cell))
            add_write(p, t, g_strdup(""), FALSE);   /* no stale number of ours stays behind */
    } else if (p->mode == JX_COMPUTE_MODE_FORMULAS) {
        add_write(p, t, formula_of(p, t), FALSE);
    } else if (t->text != NULL) {
        add_write(p, t, g_strdup(t->text), TRUE);
    } else {
        add_write(p, t, number_literal(t->number), FALSE);
    }
}

static void target_free(gpointer data)
{
    Target *t = data;
    g_free(t->text);
    g_free(t->name);
    g_clear_error(&t->why);
    g_free(t);
}

static void collect_targets(Planner *p)
{
    const JxSchema *s = p->schema;
    for (guint i = 0; i < s->fields->len; i++) {
        const JxFieldSpec *f = g_ptr_array_index(s->fields, i);
        const JxValue *v = &p->model->fields[i];
        if (f->role != JX_ROLE_COMPUTED || f->compute == NULL || v->cell == NULL)
            continue;
        Target *t = g_new0(Target, 1);
        t->compute = f->compute;
        t->row = -1;
        t->cell = *v;
        t->name = jx_field_name(f);
        t->unit = jx_field_unit(s, f);
        g_ptr_array_add(p->targets, t);
    }
    for (guint ti = 0; ti < s->tables->len; ti++) {
        const JxTableData *td = &p->model->tables[ti];
        for (guint c = 0; td->located && c < td->spec->columns->len; c++) {
            const JxColumnSpec *col = g_ptr_array_index(td->spec->columns, c);
            if (col->role != JX_ROLE_COMPUTED || col->compute == NULL || td->column_of[c] < 0)
                continue;
            for (guint r = 0; r < td->rows->len; r++) {
                Target *t = g_new0(Target, 1);
                t->compute = col->compute;
                t->table = td;
                t->row = (int)r;
                t->cell = g_array_index(td->rows, JxTableRow, r).cells[c];
                t->name = jx_row_cell_name(td, (int)r, col, FALSE);
                t->unit = jx_column_unit(s, col);
                /* a group_sum column only applies to group total rows */
                if (col->compute->kind == JX_COMPUTE_GROUP_SUM) {
                    g_autoptr(GArray) children = g_array_new(FALSE, FALSE, sizeof(JxValue));
                    group_children(t, col->compute->args[0]->name, children);
                    if (children->len == 0) {
                        target_free(t);
                        continue;
                    }
                }
                g_ptr_array_add(p->targets, t);
            }
        }
    }
    for (guint i = 0; i < p->targets->len; i++) {
        Target *t = g_ptr_array_index(p->targets, i);
        g_hash_table_insert(p->by_cell, cell_key(t->cell.sheet, t->cell.row, t->cell.col), t);
    }
}

static gint compare_writes(gconstpointer a, gconstpointer b)
{
    const JxCellWrite *x = a, *y = b;
    if (x->sheet != y->sheet)
        return x->sheet - y->sheet;
    if (x->col != y->col)
        return x->col - y->col;
    return x->row - y->row;
}

static void write_clear(gpointer data)
{
    g_free(((JxCellWrite *)data)->content);
}

JxComputePlan *jx_compute_plan(const JxModel *model, JxComputeMode mode, GHashTable *previous)
{
    JxComputePlan *plan = g_new0(JxComputePlan, 1);
    plan->writes = g_array_new(FALSE, TRUE, sizeof(JxCellWrite));
    g_array_set_clear_func(plan->writes, write_clear);
    plan->findings = g_ptr_array_new_with_free_func(jx_finding_free);
    plan->record = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    Planner p = { model, model->schema, mode, previous,
                  g_ptr_array_new_with_free_func(target_free),
                  g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL), plan };
    collect_targets(&p);
    for (guint i = 0; i < p.targets->len; i++)
        plan_target(&p, g_ptr_array_index(p.targets, i));
    clear_stale(&p);
    g_array_sort(plan->writes, compare_writes);
    jx_findings_sort(plan->findings);
    g_hash_table_unref(p.by_cell);
    g_ptr_array_free(p.targets, TRUE);
    return plan;
}

void jx_compute_plan_free(JxComputePlan *plan)
{
    if (plan == NULL)
        return;
    g_array_free(plan->writes, TRUE);
    g_ptr_array_free(plan->findings, TRUE);
    g_hash_table_unref(plan->record);
    g_free(plan);
}

char *jx_compute_record_to_json(GHashTable *record)
{
    cJSON *root = cJSON_CreateObject();
    g_autoptr(GList) keys = g_hash_table_get_keys(record);
    keys = g_list_sort(keys, (GCompareFunc)strcmp);
    for (GList *k = keys; k; k = k->next)
        cJSON_AddStringToObject(root, k->data, g_hash_table_lookup(record, k->data));
    char *text = cJSON_PrintUnformatted(root);
    char *result = g_strdup(text);
    cJSON_free(text);
    cJSON_Delete(root);
    return result;
}

GHashTable *jx_compute_record_from_json(const char *json)
{
    GHashTable *record = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    cJSON *root = json ? cJSON_Parse(json) : NULL;
    for (cJSON *item = root && cJSON_IsObject(root) ? root->child : NULL; item; item = item->next)
        if (cJSON_IsString(item))
            g_hash_table_insert(record, g_strdup(item->string), g_strdup(item->valuestring));
    cJSON_Delete(root);
    return record;
}

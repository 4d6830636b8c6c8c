/*
 * validate.c: the checks of a schema, one function per kind (see the table
 * at the bottom), and the messages they write.
 *
 * Messages say what was expected and what was found, with the numbers:
 * "基本支出 273.77 万元 ≠ 各项之和 320.45 万元（差 -46.68）".  Amounts are
 * printed with the schema's decimals; differences too.  Things are named
 * by names.c, so a row has one name in every finding.
 */
#include "core/validate.h"

#include <math.h>
#include <string.h>

#include "core/amounts.h"
#include "core/indicator.h"
#include "core/names.h"
#include "core/units.h"

/* A resolved value with where it came from, for names and units. */
typedef struct {
    JxValue value;
    const JxTableData *table;  /* NULL for a field */
    int row;                   /* table row index */
    const JxRef *ref;
} Item;

typedef struct {
    const JxModel *model;
    const JxSchema *schema;
    GPtrArray *findings;
    const JxCheckSpec *check;
} Run;

/* A finding of the running check at a value's cell. */
static void report(Run *run, JxFindingCode code, const JxValue *at, const char *zh_format,
                   const char *en_format, ...) JX_PRINTF_PAIR(4, 6);

static void report(Run *run, JxFindingCode code, const JxValue *at, const char *zh_format,
                   const char *en_format, ...)
{
    char *texts[2];
    va_list args;
    va_start(args, en_format);
    jx_texts_vprintf(texts, zh_format, en_format, args);
    va_end(args);
    JxFinding *f = jx_finding_new_texts(code, at ? at->sheet : -1, at ? MAX(at->row, 0) : 0,
                                        at ? MAX(at->col, 0) : 0, texts[JX_LANG_ZH], texts[JX_LANG_EN]);
    if (run->check && run->check->id)
        f->check = g_strdup(run->check->id);
    g_ptr_array_add(run->findings, f);
}

/* --- names and units ------------------------------------------------------- */

/* "基本支出", "工资福利支出（全年执行数）" */
static char *item_name(const Run *run, const Item *item)
{
    if (item->table == NULL) {
        const JxFieldSpec *f = item->ref ? jx_schema_field(run->schema, item->ref->name) : NULL;
        return f ? jx_field_name(f) : g_strdup("");
    }
    const JxColumnSpec *c = jx_table_column(item->table->spec, item->ref->name);
    return c ? jx_row_cell_name(item->table, item->row, c, TRUE) : jx_row_name(item->table, item->row);
}

static const char *unit_of(const Run *run, const Item *item)
{
    return jx_ref_unit(run->schema, item->ref, item->table ? item->table->spec : NULL);
}

static gboolean item_number(const Run *run, const Item *item, const char *unit, double *number,
                            GError **error)
{
    return jx_value_number_in(&item->value, unit_of(run, item), unit, number, error);
}

static char *amount_text(const Run *run, double value)
{
    return jx_format_fixed(value, run->schema->settings.amount_decimals, FALSE);
}

/* --- resolving ------------------------------------------------------------- */

static int find_row(const JxTableData *td, const JxRef *ref)
{
    int match = jx_table_column_index(td->spec, ref->match_column);
    g_autofree char *wanted = jx_label_normalize(ref->match_value);
    for (guint r = 0; match >= 0 && r < td->rows->len; r++) {
        g_autofree char *text = jx_value_text(&g_array_index(td->rows, JxTableRow, r).cells[match]);
        g_autofree char *normalized = jx_label_normalize(text);
        if (strcmp(normalized, wanted) == 0)
            return (int)r;
    }
    return -1;
}

/* "三级指标为“部门整体支出”或“部门整体支出成本”；或一级指标为“成本指标”或
 * 二级指标为“成本指标”，且年度指标值为金额": how a row is marked as playing a
 * role, in both languages (bilingual). */
static char *role_marks(const JxTableData *td, const JxRoleSpec *role)
{
    GString *zh = g_string_new(NULL), *en = g_string_new(NULL);
    const JxColumnSpec *key = td->spec->key ? jx_table_column(td->spec, td->spec->key) : NULL;
    if (role->names->len > 0 && key != NULL) {
        g_autofree char *column = jx_column_name(key, TRUE);
        g_autofree char *zh_column = jx_bilingual_side(column, JX_LANG_ZH);
        g_autofree char *en_column = jx_bilingual_side(column, JX_LANG_EN);
        g_string_append_printf(zh, "%s为", zh_column);
        g_string_append_printf(en, "its %s reads ", en_column);
        for (guint i = 0; i < role->names->len; i++) {
            const char *name = g_ptr_array_index(role->names, i);
            g_string_append_printf(zh, "%s“%s”", i ? "或" : "", name);
            g_string_append_printf(en, "%s%s", i == 0 ? "" : i + 1 == role->names->len ? " or " : ", ", name);
        }
    }
    if (role->where->len > 0 || role->amount != NULL) {
        g_string_append(zh, zh->len ? "；或" : "");
        g_string_append(en, en->len ? "; or " : "");
    }
    for (guint i = 0; i < role->where->len; i++) {
        const JxRowCondition *c = &g_array_index(role->where, JxRowCondition, i);
        g_autofree char *column = jx_column_name(jx_table_column(td->spec, c->column), TRUE);
        g_autofree char *zh_column = jx_bilingual_side(column, JX_LANG_ZH);
        g_autofree char *en_column = jx_bilingual_side(column, JX_LANG_EN);
        g_string_append_printf(zh, "%s%s为“%s”", i ? "或" : "", zh_column, c->value);
        g_string_append_printf(en, "%sits %s is %s", i ? " or " : "", en_column, c->value);
    }
    if (role->amount != NULL) {
        g_autofree char *column = jx_column_name(jx_table_column(td->spec, role->amount), TRUE);
        g_autofree char *zh_column = jx_bilingual_side(column, JX_LANG_ZH);
        g_autofree char *en_column = jx_bilingual_side(column, JX_LANG_EN);
        g_string_append_printf(zh, "%s%s为金额（如“≤100万元”）", role->where->len ? "，且" : "", zh_column);
        g_string_append_printf(en, "%sits %s is an amount of money (such as ≤100万元)",
                               role->where->len ? ", and " : "", en_column);
    }
    char *both = jx_bilingual(zh->str, en->str);
    g_string_free(zh, TRUE);
    g_string_free(en, TRUE);
    return both;
}

/* The row playing a role, or a finding saying which role is missing (or
 * which rows could all be it) and how to mark it. */
static int role_row(Run *run, const JxTableData *td, const char *role_id)
{
    const JxRoleSpec *role = jx_table_role(td->spec, role_id);
    g_autoptr(GArray) candidates = g_array_new(FALSE, FALSE, sizeof(int));
    int row = role ? jx_model_role_row(td, role, candidates) : -1;
    if (row >= 0 || role == NULL)
        return row;
    g_autofree char *label = jx_text_bilingual(&role->label);
    g_autofree char *marks = role_marks(td, role);
    if (candidates->len == 0) {
        JxValue where = { NULL, td->sheet, td->header_row, td->column_of[0] };
        g_autofree char *table = jx_text_bilingual(&td->spec->label);
        report(run, JX_FINDING_ROLE_MISSING, &where, "“%1$s”中找不到%2$s。标明方法：%3$s",
               "%1$s: %2$s was not found.  Mark it so: %3$s", table, label, marks);
        return -1;
    }
    GString *list = g_string_new(NULL);
    for (guint i = 0; i < candidates->len; i++) {
        int r = g_array_index(candidates, int, i);
        g_autofree char *name = jx_row_name(td, r);
        char *texts[2];
        jx_texts_printf(texts, "%s（第 %d 行）", "%s (row %d)", name, g_array_index(td->rows, JxTableRow, r).row + 1);
        g_autofree char *item = jx_bilingual(texts[JX_LANG_ZH], texts[JX_LANG_EN]);
        g_autofree char *separator = jx_bilingual("、", ", ");
        g_string_append_printf(list, "%s%s", i ? separator : "", item);
        g_free(texts[JX_LANG_ZH]);
        g_free(texts[JX_LANG_EN]);
    }
    int first = g_array_index(candidates, int, 0);
    int key = td->spec->key ? jx_table_column_index(td->spec, td->spec->key) : 0;
    report(run, JX_FINDING_ROLE_AMBIGUOUS, &g_array_index(td->rows, JxTableRow, first).cells[MAX(key, 0)],
           "有 %1$u 行都可能是%2$s：%3$s。请只让其中一行%4$s", "%1$u rows could be %2$s: %3$s.  Let only one of them "
           "be marked so: %4$s", candidates->len, label, list->str, marks);
    g_string_free(list, TRUE);
    return -1;
}

/* Items a ref names.  A missing table row is itself a finding. */
static void resolve(Run *run, const JxRef *ref, GArray *items)
{
    if (ref == NULL || ref->is_constant)
        return;
    if (ref->table == NULL) {
        const JxValue *v = jx_model_field(run->model, ref->name);
        if (v != NULL) {
            Item item = { *v, NULL, -1, ref };
            g_array_append_val(items, item);
        }
        return;
    }
    const JxTableData *td = jx_model_table(run->model, ref->table);
    if (td == NULL || !td->located)
        return;
    int c = jx_table_column_index(td->spec, ref->name);
    if (ref->all_rows) {
        for (guint r = 0; r < td->rows->len; r++) {
            Item item = { g_array_index(td->rows, JxTableRow, r).cells[c], td, (int)r, ref };
            g_array_append_val(items, item);
        }
        return;
    }
    if (ref->role != NULL) {
        int r = role_row(run, td, ref->role);
        if (r >= 0) {
            Item item = { g_array_index(td->rows, JxTableRow, r).cells[c], td, r, ref };
            g_array_append_val(items, item);
        }
        return;
    }
    int r = find_row(td, ref);
    if (r < 0) {
        JxValue where = { NULL, td->sheet, td->header_row, td->column_of[0] };
        const JxColumnSpec *mc = jx_table_column(td->spec, ref->match_column);
        g_autofree char *table = jx_text_bilingual(&td->spec->label);
        g_autofree char *column = mc ? jx_column_name(mc, FALSE) : g_strdup("");
        report(run, JX_FINDING_LABEL_MISSING, &where, "“%s”中找不到%s为“%s”的行", "%s has no row whose %s is '%s'",
               table, column, ref->match_value);
        return;
    }
    Item item = { g_array_index(td->rows, JxTableRow, r).cells[c], td, r, ref };
    g_array_append_val(items, item);
}

/* --- sums ------------------------------------------------------------------ */

typedef struct {
    double sum;
    int used, empty;
    GString *failures;      /* bilingual names, "、"-joined */
} PartSum;

/* Adds the parts' numbers in `unit`; unreadable parts are listed, empty
 * ones counted (a missing row is not a zero: they are named in the message). */
static void sum_parts(const Run *run, GArray *parts, const char *unit, PartSum *out)
{
    memset(out, 0, sizeof *out);
    out->failures = g_string_new(NULL);
    for (guint i = 0; i < parts->len; i++) {
        const Item *p = &g_array_index(parts, Item, i);
        double v;
        if (jx_value_is_empty(&p->value)) {
            out->empty++;
            continue;
        }
        if (item_number(run, p, unit, &v, NULL)) {
            out->sum += v;
            out->used++;
        } else {
            g_autofree char *name = item_name(run, p);
            g_autofree char *separator = jx_bilingual("、", ", ");
            g_string_append_printf(out->failures, "%s%s", out->failures->len ? separator : "", name);
        }
    }
}

/* total = Σ parts, by the interval method, at total's cell. */
static void check_total(Run *run, const Item *total, GArray *parts, double precision,
                        const char *what)
{
    const char *unit = unit_of(run, total);
    double t;
    if (jx_value_is_empty(&total->value) || !jx_value_number(&total->value, unit, &t, NULL))
        return;   /* an empty or unreadable total is reported by the value checks */
    PartSum s;
    sum_parts(run, parts, unit, &s);
    if (s.used == 0) {
        g_string_free(s.failures, TRUE);
        return;
    }
    double *values = g_new(double, parts->len + 1);
    int n = 0;
    for (guint i = 0; i < parts->len; i++) {
        const Item *p = &g_array_index(parts, Item, i);
        if (!jx_value_is_empty(&p->value) && item_number(run, p, unit, &values[n], NULL))
            n++;
    }
    double difference;
    gboolean consistent = jx_sum_check(t, precision, values, NULL, (gsize)n, &difference);
    g_free(values);
    g_autofree char *name = item_name(run, total);
    const char *u = unit ? unit : "";
    g_autofree char *ts = amount_text(run, t);
    g_autofree char *ss = amount_text(run, s.sum);
    g_autofree char *ds = amount_text(run, jx_round(difference, run->schema->settings.amount_decimals + 2));
    g_autofree char *empty = NULL;
    if (s.empty) {
        char *texts[2];
        jx_texts_printf(texts, "；%d 项为空，未计入", "; %d empty, not counted", s.empty);
        empty = jx_bilingual(texts[JX_LANG_ZH], texts[JX_LANG_EN]);
        g_free(texts[JX_LANG_ZH]);
        g_free(texts[JX_LANG_EN]);
    }
    /* with a part unreadable the sum is unknown: that part is the finding */
    if (!consistent && s.failures->len == 0)
        report(run, JX_FINDING_SUM_MISMATCH, &total->value, "%1$s %2$s %3$s ≠ %4$s之和 %5$s %3$s（差 %6$s%7$s）",
               "%1$s %2$s %3$s ≠ sum of %4$s %5$s %3$s (difference %6$s%7$s)", name, ts, u, what, ss, ds,
               empty ? empty : "");
    if (s.failures->len > 0)
        report(run, JX_FINDING_NOT_A_NUMBER, &total->value, "%s：以下各项不是数值，未计入合计：%s",
               "%s: these parts are not numbers and were not added: %s", name, s.failures->str);
    /* a part larger than its total, when all parts are non-negative */
    for (guint i = 0; i < parts->len && t >= 0; i++) {
        const Item *p = &g_array_index(parts, Item, i);
        double v;
        if (!jx_value_is_empty(&p->value) && item_number(run, p, unit, &v, NULL) && v > t + precision) {
            g_autofree char *part = item_name(run, p);
            g_autofree char *vs = amount_text(run, v);
            report(run, JX_FINDING_PART_EXCEEDS_TOTAL, &p->value, "%1$s %2$s %3$s 大于合计 %4$s %5$s %3$s",
                   "%1$s %2$s %3$s is larger than its total %4$s %5$s %3$s", part, vs, u, name, ts);
        }
    }
    g_string_free(s.failures, TRUE);
}

static double precision_of(const Run *run)
{
    return run->check->precision >= 0 ? run->check->precision : run->schema->settings.precision;
}

static void check_sum(Run *run)
{
    g_autoptr(GArray) totals = g_array_new(FALSE, FALSE, sizeof(Item));
    g_autoptr(GArray) parts = g_array_new(FALSE, FALSE, sizeof(Item));
    resolve(run, run->check->total, totals);
    for (guint i = 0; i < run->check->parts->len; i++)
        resolve(run, g_ptr_array_index(run->check->parts, i), parts);
    g_autofree char *what = jx_bilingual("各项", "its parts");
    if (totals->len == 1)
        check_total(run, &g_array_index(totals, Item, 0), parts, precision_of(run), what);
}

static void check_group_sums(Run *run)
{
    const JxTableData *td = jx_model_table(run->model, run->check->table);
    if (td == NULL || !td->located)
        return;
    int c = jx_table_column_index(td->spec, run->check->column);
    JxRef ref = { .table = td->spec->id, .name = run->check->column };
    g_autofree char *what = jx_bilingual("所列明细", "its items");
    /* each group's direct children, collected in one pass (linear in rows) */
    guint n = td->rows->len;
    GArray **children = g_new0(GArray *, n + 1);
    for (guint r = 0; r < n; r++) {
        int parent = g_array_index(td->rows, JxTableRow, r).group_parent;
        if (parent < 0 || (guint)parent >= n)
            continue;
        if (children[parent] == NULL)
            children[parent] = g_array_new(FALSE, FALSE, sizeof(Item));
        Item item = { g_array_index(td->rows, JxTableRow, r).cells[c], td, (int)r, &ref };
        g_array_append_val(children[parent], item);
    }
    for (guint parent = 0; parent < n; parent++) {
        if (children[parent] == NULL)
            continue;
        Item total = { g_array_index(td->rows, JxTableRow, parent).cells[c], td, (int)parent, &ref };
        check_total(run, &total, children[parent], precision_of(run), what);
        g_array_free(children[parent], TRUE);
    }
    g_free(children);
}

/* --- the same figure in two places ----------------------------------------- */

static void check_same(Run *run)
{
    g_autoptr(GArray) items = g_array_new(FALSE, FALSE, sizeof(Item));
    for (guint i = 0; i < run->check->parts->len; i++)
        resolve(run, g_ptr_array_index(run->check->parts, i), items);
    if (items->len < 2)
        return;
    const Item *first = &g_array_index(items, Item, 0);
    const char *unit = unit_of(run, first);
    double a;
    if (jx_value_is_empty(&first->value) || !jx_value_number(&first->value, unit, &a, NULL))
        return;
    g_autofree char *first_name = item_name(run, first);
    g_autofree char *first_address = jx_value_address(run->model, &first->value);
    const char *u = unit ? unit : "";
    for (guint i = 1; i < items->len; i++) {
        const Item *other = &g_array_index(items, Item, i);
        double b;
        if (jx_value_is_empty(&other->value) || !item_number(run, other, unit, &b, NULL))
            continue;
        double difference = jx_round(b - a, 9);
        if (fabs(difference) < 1e-9)
            continue;
        gboolean rounding = fabs(difference) <= run->schema->settings.note_limit + 1e-9;
        g_autofree char *name = item_name(run, other);
        g_autofree char *as = amount_text(run, a);
        g_autofree char *bs = amount_text(run, b);
        g_autofree char *ds = amount_text(run, difference);
        g_autofree char *within = rounding ? jx_bilingual("，在舍入范围内", ", within rounding") : g_strdup("");
        report(run, rounding ? JX_FINDING_SAME_ROUNDING : JX_FINDING_SAME_DIFFERS, &other->value,
               "%1$s %2$s %3$s 与 %4$s（%5$s）%6$s %3$s 不一致（差 %7$s）%8$s",
               "%1$s %2$s %3$s differs from %4$s (%5$s) %6$s %3$s (difference %7$s)%8$s",
               name, bs, u, first_name, first_address, as, ds, within);
    }
}

/* --- indicators ------------------------------------------------------------ */

static const JxValue *role_cell(const Run *run, const JxTableData *td, const JxTableRow *row,
                                const char *role)
{
    const char *column = g_hash_table_lookup(run->check->columns, role);
    int c = column ? jx_table_column_index(td->spec, column) : -1;
    return c >= 0 ? &row->cells[c] : NULL;
}

static gboolean has_text(const JxValue *v)
{
    return v != NULL && !jx_value_is_empty(v);
}

static void indicator_row(Run *run, const JxTableData *td, int r)
{
    const JxTableRow *row = &g_array_index(td->rows, JxTableRow, r);
    const JxScoringRules *rules = &run->schema->settings.scoring;
    JxIndicatorCells cells = {
        role_cell(run, td, row, "target"), role_cell(run, td, row, "actual"),
        role_cell(run, td, row, "weight"), role_cell(run, td, row, "band"),
        role_cell(run, td, row, "score"),
    };
    const JxValue *deviation = role_cell(run, td, row, "deviation");
    const JxValue *name_cell = role_cell(run, td, row, "name");
    if (name_cell == NULL || jx_value_is_empty(name_cell))
        name_cell = role_cell(run, td, row, "level3");
    g_autofree char *name = name_cell && !jx_value_is_empty(name_cell) ? jx_value_text(name_cell)
                                                                        : jx_row_name(td, r);
    JxIndicator ind;
    jx_indicator_evaluate(rules, &cells, &ind);

    /* the values must be readable */
    struct { const JxValue *cell; GError *error; const char *zh, *en; } parsed[] = {
        { cells.target, ind.target_error, "年度指标值", "target" },
        { cells.actual, ind.actual_error, "实际完成值", "actual" },
    };
    gboolean readable = TRUE;
    for (int i = 0; i < 2; i++) {
        if (parsed[i].error == NULL)
            continue;
        readable = FALSE;
        if (jx_value_is_empty(parsed[i].cell))
            continue;   /* empty: the required-cell check reports it */
        g_autofree char *zh_reason = jx_error_text(parsed[i].error, JX_LANG_ZH);
        g_autofree char *en_reason = jx_error_text(parsed[i].error, JX_LANG_EN);
        g_autofree char *why = jx_bilingual(zh_reason, en_reason);
        g_autofree char *what = jx_bilingual(parsed[i].zh, parsed[i].en);
        g_autofree char *text = jx_value_text(parsed[i].cell);
        report(run, JX_FINDING_INDICATOR_UNPARSEABLE, parsed[i].cell, "“%s”的%s“%s”无法识别：%s",
               "%s: the %s '%s' cannot be read: %s", name, what, text, why);
    }
    if (!readable) {
        jx_indicator_clear(&ind);
        return;
    }

    /* units: people counted in money, or units that do not convert */
    if (ind.target.kind == JX_QUANTITY_NUMBER && ind.actual.kind == JX_QUANTITY_NUMBER) {
        const char *tu = ind.target.unit, *au = ind.actual.unit;
        /* the indicator counts people when its target says so (or, with no
         * unit written, its name does) */
        gboolean counts_people = jx_unit_is_people(tu) ||
                                 (tu[0] == '\0' && (strstr(name, "人数") || strstr(name, "人次")));
        g_autofree char *actual_text = jx_value_text(cells.actual);
        g_autofree char *target_text = jx_value_text(cells.target);
        g_autofree char *target_unit = jx_unit_name(tu);
        g_autofree char *actual_unit = jx_unit_name(au);
        if (counts_people && jx_unit_is_money(au)) {
            report(run, JX_FINDING_PEOPLE_IN_MONEY, cells.actual,
                   "“%1$s”计的是人数（年度指标值“%2$s”），实际完成值“%3$s”却以%4$s计",
                   "%1$s counts people (target '%2$s'), but the actual '%3$s' is in %4$s",
                   name, target_text, actual_text, actual_unit);
            jx_indicator_clear(&ind);
            return;
        }
        if (!jx_unit_convertible(tu, au)) {
            report(run, JX_FINDING_INDICATOR_UNITS, cells.actual,
                   "“%1$s”的年度指标值“%2$s”以%3$s计，实际完成值“%4$s”却以%5$s计，两者不能换算",
                   "%1$s: the target '%2$s' is in %3$s, the actual '%4$s' in %5$s; they do not convert",
                   name, target_text, target_unit, actual_text, actual_unit);
            jx_indicator_clear(&ind);
            return;
        }
    }

    gboolean explained = has_text(deviation);
    const JxValue *where = deviation ? deviation : cells.actual;
    if (!jx_indicator_met(&ind) && !explained && (ind.has_completion || ind.band != JX_BAND_NONE)) {
        g_autofree char *pc = ind.has_completion ? jx_format_percent(ind.completion, 2) : g_strdup("—");
        report(run, JX_FINDING_UNMET_NO_REASON, where, "“%s”未完成年度指标（完成率 %s），应填写偏差原因分析及改进措施",
               "%s did not reach its target (completion %s); a deviation explanation is required", name, pc);
    }
    if (ind.has_completion && ind.completion >= rules->overachievement - 1e-12 && !explained &&
        jx_direction_of(&ind.target) != JX_DIRECTION_DEADLINE) {
        g_autofree char *pc = jx_format_percent(ind.completion, 2);
        g_autofree char *limit = jx_format_percent(rules->overachievement, 0);
        report(run, JX_FINDING_OVERACHIEVED_NO_REASON, where,
               "“%s”完成率 %s，超过 %s，年度指标可能定得过于保守，应说明原因",
               "%s is at %s of its target (%s or more): the target may have been set too easy; explain why",
               name, pc, limit);
    }
    if (ind.has_entered && ind.has_weight && ind.entered > ind.weight + 1e-9) {
        report(run, JX_FINDING_SCORE_ABOVE_WEIGHT, cells.score, "“%s”得分 %g 高于分值 %g",
               "%s: the score %g is above its weight %g", name, ind.entered, ind.weight);
    } else if (ind.qualitative && ind.band == JX_BAND_NONE && !ind.actual.achieved) {
        report(run, JX_FINDING_BAND_MISSING, cells.band ? cells.band : cells.actual,
               "定性指标“%s”没有选择档次（达成 / 部分达成 / 未达成）",
               "the qualitative indicator %s has no band chosen (achieved / partial / not achieved)", name);
    } else if (ind.qualitative && ind.band != JX_BAND_NONE && ind.has_entered && ind.has_weight) {
        double low, high;
        gboolean open;
        jx_band_bounds(rules, ind.band, ind.weight, &low, &high, &open);
        if (ind.entered < low - 1e-9 || (open ? ind.entered >= high - 1e-9 : ind.entered > high + 1e-9))
            report(run, JX_FINDING_SCORE_OUTSIDE_BAND, cells.score, "“%s”得分 %g 不在所选档次的范围 [%g, %g%s 内",
                   "%s: the score %g lies outside its band [%g, %g%s", name, ind.entered, low, high,
                   open ? ")" : "]");
    } else if (!ind.qualitative && ind.has_entered && ind.has_score &&
               !jx_scores_agree(rules, ind.entered, ind.score)) {
        report(run, JX_FINDING_SCORE_MISMATCH, cells.score, "“%s”得分 %g，按规则应为 %g",
               "%s: the score is %g; the rules give %g", name, ind.entered, ind.score);
    }
    jx_indicator_clear(&ind);
}

static void check_indicators(Run *run)
{
    const JxTableData *td = jx_model_table(run->model, run->check->table);
    for (guint r = 0; td && td->located && r < td->rows->len; r++)
        indicator_row(run, td, (int)r);
}

static void check_weights(Run *run)
{
    g_autoptr(GArray) parts = g_array_new(FALSE, FALSE, sizeof(Item));
    for (guint i = 0; i < run->check->parts->len; i++)
        resolve(run, g_ptr_array_index(run->check->parts, i), parts);
    double expected = run->check->total && run->check->total->is_constant ? run->check->total->constant : 100;
    double sum = 0;
    for (guint i = 0; i < parts->len; i++) {
        double v;
        const JxValue *value = &g_array_index(parts, Item, i).value;
        if (jx_value_number(value, NULL, &v, NULL))
            sum += v;
        else if (!jx_value_is_empty(value))
            return;   /* an unreadable weight is its own finding; the total is unknown */
    }
    if (parts->len == 0 || fabs(sum - expected) < 1e-6)
        return;
    const Item *first = &g_array_index(parts, Item, 0);
    report(run, JX_FINDING_WEIGHTS_TOTAL, &first->value, "各指标分值之和为 %g，应为 %g",
           "the weights add up to %g; they should add up to %g", jx_round(sum, 6), expected);
}

static void check_execution(Run *run)
{
    g_autoptr(GArray) budget = g_array_new(FALSE, FALSE, sizeof(Item));
    g_autoptr(GArray) executed = g_array_new(FALSE, FALSE, sizeof(Item));
    g_autoptr(GArray) explanation = g_array_new(FALSE, FALSE, sizeof(Item));
    resolve(run, run->check->budget, budget);
    resolve(run, run->check->executed, executed);
    resolve(run, run->check->explanation, explanation);
    if (budget->len != 1 || executed->len != 1)
        return;
    const Item *b = &g_array_index(budget, Item, 0), *e = &g_array_index(executed, Item, 0);
    const char *unit = unit_of(run, b);
    double bv, ev, rate;
    if (jx_value_is_empty(&b->value) || jx_value_is_empty(&e->value) ||
        !jx_value_number(&b->value, unit, &bv, NULL) || !item_number(run, e, unit, &ev, NULL))
        return;
    if (!jx_execution_rate(bv, ev, &rate, NULL)) {
        report(run, JX_FINDING_BUDGET_ZERO, &b->value, "全年预算数为零，无法计算预算执行率",
               "the budget is zero: no execution rate can be computed");
        return;
    }
    const JxScoringRules *rules = &run->schema->settings.scoring;
    gboolean explained = explanation->len == 1 && has_text(&g_array_index(explanation, Item, 0).value);
    if (rate < rules->execution_explain_below && !explained) {
        g_autofree char *rs = jx_format_percent(rate, 2);
        g_autofree char *ls = jx_format_percent(rules->execution_explain_below, 0);
        report(run, JX_FINDING_EXECUTION_LOW,
               explanation->len == 1 ? &g_array_index(explanation, Item, 0).value : &e->value,
               "预算执行率 %s 低于 %s，应说明原因", "the execution rate %s is below %s and needs an explanation",
               rs, ls);
    }
}

static void check_non_negative(Run *run)
{
    g_autoptr(GArray) items = g_array_new(FALSE, FALSE, sizeof(Item));
    for (guint i = 0; i < run->check->parts->len; i++)
        resolve(run, g_ptr_array_index(run->check->parts, i), items);
    for (guint i = 0; i < items->len; i++) {
        const Item *item = &g_array_index(items, Item, i);
        double v;
        if (jx_value_is_empty(&item->value) || !jx_value_number(&item->value, NULL, &v, NULL) || v >= 0)
            continue;
        g_autofree char *name = item_name(run, item);
        g_autofree char *vs = amount_text(run, v);
        report(run, JX_FINDING_NEGATIVE, &item->value, "%s 为负数 %s", "%s is negative: %s", name, vs);
    }
}

/* --- required cells and types ---------------------------------------------- */

#define JX_HUGE_NUMBER 1e13

/* One value against its declared type; `name` (bilingual) names it. */
static void check_value(Run *run, const JxValue *v, JxValueType type, const char *unit,
                        gboolean required, const char *name)
{
    if (v->cell == NULL)
        return;   /* not located: reported by the model */
    if (jx_value_is_empty(v)) {
        if (required)
            report(run, JX_FINDING_REQUIRED_EMPTY, v, "必填项“%s”为空", "the required value %s is empty", name);
        return;
    }
    if (v->cell->kind == JX_GRID_ERROR) {
        report(run, JX_FINDING_ERROR_VALUE, v, "“%s”是错误值 %s", "%s holds the error value %s", name,
               v->cell->text);
        return;
    }
    gboolean numeric = type == JX_TYPE_AMOUNT || type == JX_TYPE_NUMBER ||
                       type == JX_TYPE_INTEGER || type == JX_TYPE_PERCENT;
    if (!numeric)
        return;
    double number;
    GError *error = NULL;
    if (!jx_value_number(v, type == JX_TYPE_AMOUNT ? unit : NULL, &number, &error)) {
        g_autofree char *text = jx_value_text(v);
        g_autofree char *kind = type == JX_TYPE_AMOUNT ? jx_bilingual("金额", "an amount")
                                                       : jx_bilingual("数值", "a number");
        report(run, error->code == JX_ERROR_UNIT_MISMATCH ? JX_FINDING_UNIT_WRONG : JX_FINDING_NOT_A_NUMBER, v,
               "“%s”应为%s，实为“%s”", "%s should be %s; it reads '%s'", name, kind, text);
        g_error_free(error);
        return;
    }
    if (!isfinite(number) || fabs(number) >= JX_HUGE_NUMBER)
        report(run, JX_FINDING_NUMBER_HUGE, v, "“%s”的数值 %g 大得不合理", "%s holds an implausible number %g",
               name, number);
    else if (type == JX_TYPE_INTEGER && number != floor(number))
        report(run, JX_FINDING_NOT_A_NUMBER, v, "“%s”应为整数，实为 %g", "%s should be a whole number; it is %g",
               name, number);
}

static void check_values(Run *run)
{
    const JxSchema *s = run->schema;
    for (guint i = 0; i < s->fields->len; i++) {
        const JxFieldSpec *f = g_ptr_array_index(s->fields, i);
        if (f->role == JX_ROLE_COMPUTED)
            continue;
        g_autofree char *name = jx_field_name(f);
        check_value(run, &run->model->fields[i], f->type, jx_field_unit(s, f), f->required, name);
    }
    for (guint t = 0; t < s->tables->len; t++) {
        const JxTableData *td = &run->model->tables[t];
        for (guint r = 0; td->located && r < td->rows->len; r++) {
            const JxTableRow *row = &g_array_index(td->rows, JxTableRow, r);
            for (guint c = 0; c < td->spec->columns->len; c++) {
                const JxColumnSpec *col = g_ptr_array_index(td->spec->columns, c);
                if (col->role == JX_ROLE_COMPUTED)
                    continue;
                g_autofree char *name = jx_row_cell_name(td, (int)r, col, FALSE);
                check_value(run, &row->cells[c], col->type, jx_column_unit(s, col), col->required, name);
            }
        }
    }
}

/* --- the engine ------------------------------------------------------------ */

static void (*const check_functions[])(Run *) = {
    [JX_CHECK_SUM] = check_sum,
    [JX_CHECK_GROUP_SUMS] = check_group_sums,
    [JX_CHECK_SAME] = check_same,
    [JX_CHECK_INDICATORS] = check_indicators,
    [JX_CHECK_WEIGHTS] = check_weights,
    [JX_CHECK_EXECUTION] = check_execution,
    [JX_CHECK_NON_NEGATIVE] = check_non_negative,
};

void jx_validate(const JxModel *model, GPtrArray *findings)
{
    Run run = { model, model->schema, findings, NULL };
    for (guint i = 0; i < model->findings->len; i++)
        g_ptr_array_add(findings, jx_finding_copy(g_ptr_array_index(model->findings, i)));
    check_values(&run);
    for (guint i = 0; i < model->schema->checks->len; i++) {
        run.check = g_ptr_array_index(model->schema->checks, i);
        check_functions[run.check->kind](&run);
    }
    jx_findings_sort(findings);
}

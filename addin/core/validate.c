/*
 * validate.c: the checks of a schema, one function per kind (see the table
 * at the bottom), and the messages they write.
 *
 * Messages say what was expected and what was found, with the numbers:
 * "基本支出 273.77 万元 ≠ 各项之和 320.45 万元（差 -46.68）".  Amounts are
 * printed with the schema's decimals; differences too.
 */
#include "core/validate.h"

#include <math.h>
#include <string.h>

#include "core/amounts.h"
#include "core/indicator.h"
#include "core/units.h"

/* A resolved value with where it came from, for labels and messages. */
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

static void add(Run *run, JxFinding *f)
{
    if (f == NULL)
        return;
    if (run->check && run->check->id)
        f->check = g_strdup(run->check->id);
    g_ptr_array_add(run->findings, f);
}

static JxFinding *finding_at(const char *code, const JxValue *v, const char *zh, const char *en)
{
    /* not jx_finding_new(…, "%s", "%s", zh, en): both formats read the same
     * first argument, which made the English text Chinese */
    return jx_finding_new_texts(code, v ? v->sheet : -1, v ? MAX(v->row, 0) : 0,
                                v ? MAX(v->col, 0) : 0, g_strdup(zh), g_strdup(en));
}

/* --- labels ---------------------------------------------------------------- */

/* The row's name: its key column, else its first text cell. */
static char *row_name(const JxTableData *td, int row)
{
    const JxTableRow *r = &g_array_index(td->rows, JxTableRow, row);
    int key = td->spec->key ? jx_table_column_index(td->spec, td->spec->key) : -1;
    if (key >= 0 && !jx_value_is_empty(&r->cells[key]))
        return jx_value_text(&r->cells[key]);
    for (guint c = 0; c < td->spec->columns->len; c++)
        if (r->cells[c].cell && r->cells[c].cell->kind == JX_GRID_TEXT)
            return jx_value_text(&r->cells[c]);
    return g_strdup_printf("%d", r->row + 1);
}

/* The column's label, else its header. */
static const char *column_label(const JxColumnSpec *c, JxLang lang)
{
    const char *label = jx_text_get(&c->label, lang);
    return label[0] ? label : (c->header ? c->header : c->id);
}

/* The same without a trailing unit such as "（万元）", for messages that
 * print the unit after the number anyway. */
static char *column_label_short(const JxColumnSpec *c, JxLang lang)
{
    const char *label = column_label(c, lang);
    const char *open = g_str_has_suffix(label, "）") ? g_strrstr(label, "（") : NULL;
    return open && open != label ? g_strndup(label, (gsize)(open - label)) : g_strdup(label);
}

/* "基本支出", "工资福利支出（全年执行数）" */
static char *item_label(const Run *run, const Item *item, JxLang lang)
{
    if (item->table == NULL) {
        const JxFieldSpec *f = item->ref ? jx_schema_field(run->schema, item->ref->name) : NULL;
        return g_strdup(f ? jx_text_get(&f->label, lang) : "");
    }
    g_autofree char *name = row_name(item->table, item->row);
    const JxColumnSpec *c = jx_table_column(item->table->spec, item->ref->name);
    g_autofree char *column = c ? column_label_short(c, lang) : g_strdup("");
    return g_strdup_printf(lang == JX_LANG_ZH ? "%s（%s）" : "%s (%s)", name, column);
}

/* --- resolving ------------------------------------------------------------- */

static int find_row(const JxTableData *td, const JxRef *ref)
{
    int match = jx_table_column_index(td->spec, ref->match_column);
    for (guint r = 0; match >= 0 && r < td->rows->len; r++) {
        g_autofree char *text = jx_value_text(&g_array_index(td->rows, JxTableRow, r).cells[match]);
        g_autofree char *a = jx_label_normalize(text);
        g_autofree char *b = jx_label_normalize(ref->match_value);
        if (strcmp(a, b) == 0)
            return (int)r;
    }
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
    int r = find_row(td, ref);
    if (r < 0) {
        JxValue where = { NULL, td->sheet, td->header_row, td->column_of[0] };
        const JxColumnSpec *mc = jx_table_column(td->spec, ref->match_column);
        g_autofree char *zh = g_strdup_printf("“%s”中找不到%s为“%s”的行",
                                              jx_text_get(&td->spec->label, JX_LANG_ZH),
                                              mc ? column_label(mc, JX_LANG_ZH) : "", ref->match_value);
        g_autofree char *en = g_strdup_printf("%s has no row whose %s is '%s'",
                                              jx_text_get(&td->spec->label, JX_LANG_EN),
                                              mc ? column_label(mc, JX_LANG_EN) : "", ref->match_value);
        add(run, finding_at("JX-LABEL-MISSING", &where, zh, en));
        return;
    }
    Item item = { g_array_index(td->rows, JxTableRow, r).cells[c], td, r, ref };
    g_array_append_val(items, item);
}

/* The amount unit of what an item holds (column/field unit, else settings). */
static const char *unit_of(const Run *run, const Item *item)
{
    const char *unit = NULL;
    if (item->table == NULL) {
        const JxFieldSpec *f = item->ref ? jx_schema_field(run->schema, item->ref->name) : NULL;
        if (f && f->type == JX_TYPE_AMOUNT)
            unit = f->unit ? f->unit : run->schema->settings.amount_unit;
    } else {
        const JxColumnSpec *c = jx_table_column(item->table->spec, item->ref->name);
        if (c && c->type == JX_TYPE_AMOUNT)
            unit = c->unit ? c->unit : run->schema->settings.amount_unit;
    }
    return unit;
}

/* An item as a number in `unit`.  A number cell is in the unit of its own
 * field or column (a 元 column next to a 万元 total), converted like a text
 * that names its unit. */
static gboolean item_number(const Run *run, const Item *item, const char *unit, double *number,
                            GError **error)
{
    if (!jx_value_number(&item->value, unit, number, error))
        return FALSE;
    const char *own = unit_of(run, item);
    if (unit != NULL && own != NULL && item->value.cell->kind == JX_GRID_NUMBER && strcmp(own, unit) != 0)
        return jx_unit_convert(*number, own, unit, number, error);
    return TRUE;
}

static char *amount_text(const Run *run, double value)
{
    return jx_format_fixed(value, run->schema->settings.amount_decimals, FALSE);
}

/* --- sums ------------------------------------------------------------------ */

typedef struct {
    double sum;
    int used, empty;
    GString *failures_zh, *failures_en;
} PartSum;

/* Adds the parts' numbers in `unit`; unreadable parts are listed, empty
 * ones counted (a missing row is not a zero: they are named in the message). */
static void sum_parts(const Run *run, GArray *parts, const char *unit, PartSum *out)
{
    memset(out, 0, sizeof *out);
    out->failures_zh = g_string_new(NULL);
    out->failures_en = g_string_new(NULL);
    for (guint i = 0; i < parts->len; i++) {
        const Item *p = &g_array_index(parts, Item, i);
        double v;
        if (jx_value_is_empty(&p->value)) {
            out->empty++;
            continue;
        }
        GError *error = NULL;
        if (item_number(run, p, unit, &v, &error)) {
            out->sum += v;
            out->used++;
        } else {
            g_autofree char *zh = item_label(run, p, JX_LANG_ZH);
            g_autofree char *en = item_label(run, p, JX_LANG_EN);
            g_string_append_printf(out->failures_zh, "%s%s", out->failures_zh->len ? "、" : "", zh);
            g_string_append_printf(out->failures_en, "%s%s", out->failures_en->len ? ", " : "", en);
            g_error_free(error);
        }
    }
}

static void part_sum_clear(PartSum *s)
{
    g_string_free(s->failures_zh, TRUE);
    g_string_free(s->failures_en, TRUE);
}

/* total = Σ parts, by the interval method, at total's cell. */
static void check_total(Run *run, const Item *total, GArray *parts, double precision,
                        const char *what_zh, const char *what_en)
{
    const char *unit = unit_of(run, total);
    double t;
    if (jx_value_is_empty(&total->value) || !jx_value_number(&total->value, unit, &t, NULL))
        return;   /* an empty or unreadable total is reported by the value checks */
    PartSum s;
    sum_parts(run, parts, unit, &s);
    if (s.used == 0) {
        part_sum_clear(&s);
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
    g_autofree char *label_zh = item_label(run, total, JX_LANG_ZH);
    g_autofree char *label_en = item_label(run, total, JX_LANG_EN);
    const char *u = unit ? unit : "";
    g_autofree char *ts = amount_text(run, t);
    g_autofree char *ss = amount_text(run, s.sum);
    g_autofree char *ds = amount_text(run, jx_round(difference, run->schema->settings.amount_decimals + 2));
    g_autofree char *empty_zh = s.empty ? g_strdup_printf("；%d 项为空，未计入", s.empty) : g_strdup("");
    g_autofree char *empty_en = s.empty ? g_strdup_printf("; %d empty, not counted", s.empty) : g_strdup("");
    /* with a part unreadable the sum is unknown: that part is the finding */
    if (!consistent && s.failures_zh->len == 0) {
        g_autofree char *zh = g_strdup_printf("%s %s %s ≠ %s之和 %s %s（差 %s%s）", label_zh, ts, u,
                                              what_zh, ss, u, ds, empty_zh);
        g_autofree char *en = g_strdup_printf("%s %s %s ≠ sum of %s %s %s (difference %s%s)", label_en,
                                              ts, u, what_en, ss, u, ds, empty_en);
        add(run, finding_at("JX-SUM-MISMATCH", &total->value, zh, en));
    }
    if (s.failures_zh->len > 0) {
        g_autofree char *zh = g_strdup_printf("%s：以下各项不是数值，未计入合计：%s", label_zh, s.failures_zh->str);
        g_autofree char *en = g_strdup_printf("%s: these parts are not numbers and were not added: %s",
                                              label_en, s.failures_en->str);
        add(run, finding_at("JX-NOT-A-NUMBER", &total->value, zh, en));
    }
    /* a part larger than its total, when all parts are non-negative */
    for (guint i = 0; i < parts->len && t >= 0; i++) {
        const Item *p = &g_array_index(parts, Item, i);
        double v;
        if (!jx_value_is_empty(&p->value) && item_number(run, p, unit, &v, NULL) &&
            v > t + precision) {
            g_autofree char *pz = item_label(run, p, JX_LANG_ZH);
            g_autofree char *pe = item_label(run, p, JX_LANG_EN);
            g_autofree char *vs = amount_text(run, v);
            g_autofree char *zh = g_strdup_printf("%s %s %s 大于合计 %s %s %s", pz, vs, u, label_zh, ts, u);
            g_autofree char *en = g_strdup_printf("%s %s %s is larger than its total %s %s %s", pe, vs, u,
                                                  label_en, ts, u);
            add(run, finding_at("JX-PART-EXCEEDS-TOTAL", &p->value, zh, en));
        }
    }
    part_sum_clear(&s);
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
    if (totals->len == 1)
        check_total(run, &g_array_index(totals, Item, 0), parts, precision_of(run), "各项", "its parts");
}

static void check_group_sums(Run *run)
{
    const JxTableData *td = jx_model_table(run->model, run->check->table);
    if (td == NULL || !td->located)
        return;
    int c = jx_table_column_index(td->spec, run->check->column);
    JxRef ref = { .table = td->spec->id, .name = run->check->column };
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
        check_total(run, &total, children[parent], precision_of(run), "所列明细", "its items");
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
    g_autofree char *az = item_label(run, first, JX_LANG_ZH);
    g_autofree char *ae = item_label(run, first, JX_LANG_EN);
    g_autofree char *first_address = jx_value_address(run->model, &first->value);
    for (guint i = 1; i < items->len; i++) {
        const Item *other = &g_array_index(items, Item, i);
        double b;
        if (jx_value_is_empty(&other->value) || !item_number(run, other, unit, &b, NULL))
            continue;
        double difference = jx_round(b - a, 9);
        if (fabs(difference) < 1e-9)
            continue;
        gboolean rounding = fabs(difference) <= run->schema->settings.note_limit + 1e-9;
        g_autofree char *bz = item_label(run, other, JX_LANG_ZH);
        g_autofree char *be = item_label(run, other, JX_LANG_EN);
        g_autofree char *as = amount_text(run, a);
        g_autofree char *bs = amount_text(run, b);
        g_autofree char *ds = amount_text(run, difference);
        const char *u = unit ? unit : "";
        g_autofree char *zh = g_strdup_printf("%s %s %s 与 %s（%s）%s %s 不一致（差 %s）%s", bz, bs, u, az,
                                              first_address, as, u, ds, rounding ? "，在舍入范围内" : "");
        g_autofree char *en = g_strdup_printf("%s %s %s differs from %s (%s) %s %s (difference %s)%s", be, bs,
                                              u, ae, first_address, as, u, ds, rounding ? ", within rounding" : "");
        add(run, finding_at(rounding ? "JX-SAME-ROUNDING" : "JX-SAME-DIFFERS", &other->value, zh, en));
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
                                                                        : row_name(td, r);
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
        g_autofree char *text = jx_value_text(parsed[i].cell);
        g_autofree char *zh = g_strdup_printf("“%s”的%s“%s”无法识别：%s", name, parsed[i].zh, text, zh_reason);
        g_autofree char *en = g_strdup_printf("%s: the %s '%s' cannot be read: %s", name, parsed[i].en, text, en_reason);
        add(run, finding_at("JX-INDICATOR-UNPARSEABLE", parsed[i].cell, zh, en));
    }
    if (!readable) {
        jx_indicator_clear(&ind);
        return;
    }

    /* units: people counted in money, or units that do not convert */
    if (ind.target.kind == JX_QUANTITY_NUMBER && ind.actual.kind == JX_QUANTITY_NUMBER) {
        const char *tu = ind.target.unit, *au = ind.actual.unit;
        gboolean people_in_money = (jx_unit_is_people(tu) && jx_unit_is_money(au)) ||
                                   (jx_unit_is_money(tu) && jx_unit_is_people(au)) ||
                                   ((strstr(name, "人数") || strstr(name, "人次")) &&
                                    (jx_unit_is_money(au) || jx_unit_is_money(tu)));
        g_autofree char *actual_text = jx_value_text(cells.actual);
        g_autofree char *target_text = jx_value_text(cells.target);
        if (people_in_money) {
            g_autofree char *zh = g_strdup_printf("“%s”是人数，实际完成值“%s”却用了货币单位（指标值“%s”）",
                                                  name, actual_text, target_text);
            g_autofree char *en = g_strdup_printf("%s counts people, but the actual '%s' is in a unit of money (target '%s')",
                                                  name, actual_text, target_text);
            add(run, finding_at("JX-PEOPLE-IN-MONEY", cells.actual, zh, en));
            jx_indicator_clear(&ind);
            return;
        }
        if (!jx_unit_convertible(tu, au)) {
            g_autofree char *zh = g_strdup_printf("“%s”的指标值“%s”与实际完成值“%s”单位不一致", name,
                                                  target_text, actual_text);
            g_autofree char *en = g_strdup_printf("%s: target '%s' and actual '%s' are in units that do not convert",
                                                  name, target_text, actual_text);
            add(run, finding_at("JX-INDICATOR-UNITS", cells.actual, zh, en));
            jx_indicator_clear(&ind);
            return;
        }
    }

    gboolean explained = has_text(deviation);
    const JxValue *where = deviation ? deviation : cells.actual;
    if (!jx_indicator_met(&ind) && !explained && (ind.has_completion || ind.band != JX_BAND_NONE)) {
        g_autofree char *pc = ind.has_completion ? jx_format_percent(ind.completion, 2) : g_strdup("—");
        g_autofree char *zh = g_strdup_printf("“%s”未完成年度指标（完成率 %s），应填写偏差原因分析及改进措施", name, pc);
        g_autofree char *en = g_strdup_printf("%s did not reach its target (completion %s); a deviation explanation is required", name, pc);
        add(run, finding_at("JX-UNMET-NO-REASON", where, zh, en));
    }
    if (ind.has_completion && ind.completion >= rules->overachievement - 1e-12 && !explained &&
        jx_direction_of(&ind.target) != JX_DIRECTION_DEADLINE) {
        g_autofree char *pc = jx_format_percent(ind.completion, 2);
        g_autofree char *limit = jx_format_percent(rules->overachievement, 0);
        g_autofree char *zh = g_strdup_printf("“%s”完成率 %s，超过 %s，年度指标可能定得过于保守，应说明原因", name, pc, limit);
        g_autofree char *en = g_strdup_printf("%s is at %s of its target (%s or more): the target may have been set too easy; explain why", name, pc, limit);
        add(run, finding_at("JX-OVERACHIEVED-NO-REASON", where, zh, en));
    }
    if (ind.has_entered && ind.has_weight && ind.entered > ind.weight + 1e-9) {
        g_autofree char *zh = g_strdup_printf("“%s”得分 %g 高于分值 %g", name, ind.entered, ind.weight);
        g_autofree char *en = g_strdup_printf("%s: the score %g is above its weight %g", name, ind.entered, ind.weight);
        add(run, finding_at("JX-SCORE-ABOVE-WEIGHT", cells.score, zh, en));
    } else if (ind.qualitative && ind.band == JX_BAND_NONE && !ind.actual.achieved) {
        g_autofree char *zh = g_strdup_printf("定性指标“%s”没有选择档次（达成 / 部分达成 / 未达成）", name);
        g_autofree char *en = g_strdup_printf("the qualitative indicator %s has no band chosen (achieved / partial / not achieved)", name);
        add(run, finding_at("JX-BAND-MISSING", cells.band ? cells.band : cells.actual, zh, en));
    } else if (ind.qualitative && ind.band != JX_BAND_NONE && ind.has_entered && ind.has_weight) {
        double low, high;
        gboolean open;
        jx_band_bounds(rules, ind.band, ind.weight, &low, &high, &open);
        if (ind.entered < low - 1e-9 || (open ? ind.entered >= high - 1e-9 : ind.entered > high + 1e-9)) {
            g_autofree char *zh = g_strdup_printf("“%s”得分 %g 不在所选档次的范围 [%g, %g%s 内", name,
                                                  ind.entered, low, high, open ? ")" : "]");
            g_autofree char *en = g_strdup_printf("%s: the score %g lies outside its band [%g, %g%s", name,
                                                  ind.entered, low, high, open ? ")" : "]");
            add(run, finding_at("JX-SCORE-OUTSIDE-BAND", cells.score, zh, en));
        }
    } else if (!ind.qualitative && ind.has_entered && ind.has_score &&
               fabs(ind.entered - ind.score) > 0.005 + 1e-9) {
        g_autofree char *zh = g_strdup_printf("“%s”得分 %g，按规则应为 %g", name, ind.entered, ind.score);
        g_autofree char *en = g_strdup_printf("%s: the score is %g; the rules give %g", name, ind.entered, ind.score);
        add(run, finding_at("JX-SCORE-MISMATCH", cells.score, zh, en));
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
    g_autofree char *zh = g_strdup_printf("各指标分值之和为 %g，应为 %g", jx_round(sum, 6), expected);
    g_autofree char *en = g_strdup_printf("the weights add up to %g; they should add up to %g", jx_round(sum, 6), expected);
    add(run, finding_at("JX-WEIGHTS-TOTAL", &first->value, zh, en));
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
        add(run, finding_at("JX-BUDGET-ZERO", &b->value, "全年预算数为零，无法计算预算执行率",
                            "the budget is zero: no execution rate can be computed"));
        return;
    }
    const JxScoringRules *rules = &run->schema->settings.scoring;
    gboolean explained = explanation->len == 1 && has_text(&g_array_index(explanation, Item, 0).value);
    if (rate < rules->execution_explain_below && !explained) {
        g_autofree char *rs = jx_format_percent(rate, 2);
        g_autofree char *ls = jx_format_percent(rules->execution_explain_below, 0);
        g_autofree char *zh = g_strdup_printf("预算执行率 %s 低于 %s，应说明原因", rs, ls);
        g_autofree char *en = g_strdup_printf("the execution rate %s is below %s and needs an explanation", rs, ls);
        add(run, finding_at("JX-EXECUTION-LOW",
                            explanation->len == 1 ? &g_array_index(explanation, Item, 0).value : &e->value,
                            zh, en));
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
        g_autofree char *lz = item_label(run, item, JX_LANG_ZH);
        g_autofree char *le = item_label(run, item, JX_LANG_EN);
        g_autofree char *vs = amount_text(run, v);
        g_autofree char *zh = g_strdup_printf("%s 为负数 %s", lz, vs);
        g_autofree char *en = g_strdup_printf("%s is negative: %s", le, vs);
        add(run, finding_at("JX-NEGATIVE", &item->value, zh, en));
    }
}

/* --- required cells and types ---------------------------------------------- */

#define JX_HUGE_NUMBER 1e13

/* One value against its declared type; `label` names it in messages. */
static void check_value(Run *run, const JxValue *v, JxValueType type, const char *unit,
                        gboolean required, const char *label_zh, const char *label_en)
{
    if (v->cell == NULL)
        return;   /* not located: reported by the model */
    if (jx_value_is_empty(v)) {
        if (required) {
            g_autofree char *zh = g_strdup_printf("必填项“%s”为空", label_zh);
            g_autofree char *en = g_strdup_printf("the required value %s is empty", label_en);
            add(run, finding_at("JX-REQUIRED-EMPTY", v, zh, en));
        }
        return;
    }
    if (v->cell->kind == JX_GRID_ERROR) {
        g_autofree char *zh = g_strdup_printf("“%s”是错误值 %s", label_zh, v->cell->text);
        g_autofree char *en = g_strdup_printf("%s holds the error value %s", label_en, v->cell->text);
        add(run, finding_at("JX-ERROR-VALUE", v, zh, en));
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
        const char *code = error->code == JX_ERROR_UNIT_MISMATCH ? "JX-UNIT-WRONG" : "JX-NOT-A-NUMBER";
        g_autofree char *zh = g_strdup_printf("“%s”应为%s，实为“%s”", label_zh,
                                              type == JX_TYPE_AMOUNT ? "金额" : "数值", text);
        g_autofree char *en = g_strdup_printf("%s should be %s; it reads '%s'", label_en,
                                              type == JX_TYPE_AMOUNT ? "an amount" : "a number", text);
        add(run, finding_at(code, v, zh, en));
        g_error_free(error);
        return;
    }
    if (!isfinite(number) || fabs(number) >= JX_HUGE_NUMBER) {
        g_autofree char *zh = g_strdup_printf("“%s”的数值 %g 大得不合理", label_zh, number);
        g_autofree char *en = g_strdup_printf("%s holds an implausible number %g", label_en, number);
        add(run, finding_at("JX-NUMBER-HUGE", v, zh, en));
    } else if (type == JX_TYPE_INTEGER && number != floor(number)) {
        g_autofree char *zh = g_strdup_printf("“%s”应为整数，实为 %g", label_zh, number);
        g_autofree char *en = g_strdup_printf("%s should be a whole number; it is %g", label_en, number);
        add(run, finding_at("JX-NOT-A-NUMBER", v, zh, en));
    }
}

static void check_values(Run *run)
{
    const JxSchema *s = run->schema;
    for (guint i = 0; i < s->fields->len; i++) {
        const JxFieldSpec *f = g_ptr_array_index(s->fields, i);
        if (f->role == JX_ROLE_COMPUTED)
            continue;
        check_value(run, &run->model->fields[i], f->type, f->unit ? f->unit : s->settings.amount_unit,
                    f->required, jx_text_get(&f->label, JX_LANG_ZH), jx_text_get(&f->label, JX_LANG_EN));
    }
    for (guint t = 0; t < s->tables->len; t++) {
        const JxTableData *td = &run->model->tables[t];
        for (guint r = 0; td->located && r < td->rows->len; r++) {
            const JxTableRow *row = &g_array_index(td->rows, JxTableRow, r);
            g_autofree char *name = row_name(td, (int)r);
            for (guint c = 0; c < td->spec->columns->len; c++) {
                const JxColumnSpec *col = g_ptr_array_index(td->spec->columns, c);
                if (col->role == JX_ROLE_COMPUTED)
                    continue;
                g_autofree char *zh = g_strdup_printf("%s（%s）", name, column_label(col, JX_LANG_ZH));
                g_autofree char *en = g_strdup_printf("%s (%s)", name, column_label(col, JX_LANG_EN));
                check_value(run, &row->cells[c], col->type, col->unit ? col->unit : s->settings.amount_unit,
                            col->required, zh, en);
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

static JxFinding *finding_copy(const JxFinding *f)
{
    JxFinding *copy = g_new0(JxFinding, 1);
    *copy = *f;
    copy->text[0] = g_strdup(f->text[0]);
    copy->text[1] = g_strdup(f->text[1]);
    copy->check = g_strdup(f->check);
    return copy;
}

void jx_validate(const JxModel *model, GPtrArray *findings)
{
    Run run = { model, model->schema, findings, NULL };
    for (guint i = 0; i < model->findings->len; i++)
        g_ptr_array_add(findings, finding_copy(g_ptr_array_index(model->findings, i)));
    check_values(&run);
    for (guint i = 0; i < model->schema->checks->len; i++) {
        run.check = g_ptr_array_index(model->schema->checks, i);
        check_functions[run.check->kind](&run);
    }
    jx_findings_sort(findings);
}

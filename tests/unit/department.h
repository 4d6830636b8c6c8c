/*
 * department.h: generated departments for the report's tests and the
 * template benchmark: a workbook laid out from a schema the way the
 * standard workbook is (every field where the schema looks for it; each
 * table's header row, its rows, then its end row, where fields labelled so
 * go), filled from a seed with what a department writes: a name, line items
 * of which some are used, some written as 0, some left blank or written 无;
 * zero to three projects whose results end with or without their 。; zero to
 * four indicators of each kind (now and then none at all); fund tables
 * blank, with a row or with a 无 row; texts that end with 。, with nothing or
 * with a comma.  Built for the default schema's tables (expense_items,
 * projects, indicators and the three fund tables).  Static functions:
 * include it once.
 */
#ifndef JX_TEST_DEPARTMENT_H
#define JX_TEST_DEPARTMENT_H

#include <math.h>
#include <string.h>

#include <glib.h>

#include "core/schema.h"
#include "core/workbook.h"

#define HEADER_ROW 3
#define ROWS 160
#define COLS 12

/* ---- what the generator decides ------------------------------------------------ */

typedef struct {
    const char *code, *name;
} Item;

static const Item items[] = {
    { "301", "工资福利支出" }, { "30101", "基本工资" }, { "30102", "津贴补贴" }, { "30103", "奖金" },
    { "30106", "伙食补助费" }, { "30108", "基本养老保险缴费" }, { "30109", "职业年金缴费" },
    { "302", "商品和服务支出" }, { "30201", "办公费" }, { "30202", "印刷费" }, { "30203", "咨询费" },
    { "30205", "水费" }, { "30211", "差旅费" }, { "30213", "维修（护）费" }, { "30216", "培训费" },
    { "303", "对个人和家庭的补助" }, { "30302", "退休费" }, { "30305", "生活补助" },
    { "310", "资本性支出" }, { "31002", "办公设备购置" }, { "31003", "专用设备购置" },
};

typedef enum { ITEM_USED, ITEM_ZERO, ITEM_BLANK, ITEM_NONE } ItemState;

typedef enum { FUND_BLANK, FUND_ROWS, FUND_NONE_ROW } FundState;

static const char *const levels[] = { "产出指标", "效益指标", "满意度指标" };
static const char *const fund_tables[] = { "government_funds", "state_capital", "social_insurance" };
static const char *const fund_sections[] = { "政府性基金预算支出情况", "国有资本经营预算支出情况",
                                             "社会保险基金预算支出情况" };

typedef struct {
    guint seed;
    char *department;
    ItemState item_state[G_N_ELEMENTS(items)];
    double item_amount[G_N_ELEMENTS(items)];
    int projects;
    gboolean result_closed[3];
    int indicators[3];
    FundState funds[3];
    JxWorkbook *wb;
    /* where the 基本支出 figure is */
    int basic_sheet, basic_row, basic_col;
} Department;

static const char *const places[] = { "沅江市", "桃江县", "安化县", "南县", "赫山区", "资阳区", "大通湖区" };
static const char *const bodies[] = { "科学技术协会", "农业农村局", "文化旅游广电体育局", "交通运输局", "档案馆",
                                      "妇女联合会", "机关事务服务中心" };
static const char *const phrases[] = {
    "严格执行预算管理制度，资金使用规范", "建立了固定资产台账，指定专人管理",
    "按规定在单位门户网站公开预决算信息", "加强预算编制的前瞻性，严格按预算执行",
    "专项资金的分配、使用和管理遵循综合预算、公平公正的原则",
};

static gboolean is_class(const Item *item)
{
    return strlen(item->code) == 3;
}

/* A text from the phrases, ending with 。, nothing or a comma. */
static char *sentence(GRand *rand)
{
    const char *phrase = phrases[g_rand_int_range(rand, 0, G_N_ELEMENTS(phrases))];
    static const char *const endings[] = { "。", "", "，" };
    return g_strconcat(phrase, endings[g_rand_int_range(rand, 0, 3)], NULL);
}

/* ---- the workbook, laid out from the schema ------------------------------------- */

typedef struct {
    JxWorkbook *wb;
    GHashTable *label_rows;   /* "sheet|label" → row + 1 */
    GHashTable *next_row;     /* JxSheet* → next free row */
} Layout;

static JxSheet *sheet_of(const Layout *l, const JxSchema *schema, const char *sheet_id)
{
    const JxSheetSpec *spec = jx_schema_sheet(schema, sheet_id);
    return spec ? jx_workbook_sheet(l->wb, spec->name) : NULL;
}

static int free_row(Layout *l, JxSheet *sheet)
{
    int row = GPOINTER_TO_INT(g_hash_table_lookup(l->next_row, sheet));
    g_hash_table_insert(l->next_row, sheet, GINT_TO_POINTER(row + 1));
    return row;
}

static int label_row(Layout *l, JxSheet *sheet, const char *label)
{
    g_autofree char *key = g_strdup_printf("%s|%s", sheet->name, label);
    int row = GPOINTER_TO_INT(g_hash_table_lookup(l->label_rows, key)) - 1;
    if (row < 0) {
        row = free_row(l, sheet);
        g_hash_table_insert(l->label_rows, g_strdup(key), GINT_TO_POINTER(row + 1));
    }
    return row;
}

/* A field's value as the generator writes it. */
static void put_field(Department *d, GRand *rand, JxSheet *sheet, int row, int col, const JxFieldSpec *f)
{
    if (f->role == JX_ROLE_COMPUTED)
        return;
    if (strcmp(f->id, "department") == 0) {
        jx_sheet_set_text(d->wb, sheet, row, col, d->department);
    } else if (strcmp(f->id, "year") == 0) {
        jx_sheet_set_number(d->wb, sheet, row, col, 2023);
    } else if (strcmp(f->id, "other") == 0) {
        if (g_rand_boolean(rand))
            jx_sheet_set_text(d->wb, sheet, row, col, "无。");
    } else if (strcmp(f->id, "execution.weight") == 0) {
        jx_sheet_set_number(d->wb, sheet, row, col, 10);
    } else if (f->type == JX_TYPE_AMOUNT) {
        jx_sheet_set_number(d->wb, sheet, row, col, g_rand_int_range(rand, 100, 90000) / 100.0);
    } else if (f->type == JX_TYPE_INTEGER) {
        jx_sheet_set_number(d->wb, sheet, row, col, g_rand_int_range(rand, 1, 40));
    } else if (f->type == JX_TYPE_TEXT) {
        g_autofree char *text = sentence(rand);
        jx_sheet_set_text(d->wb, sheet, row, col, text);
    } else if (f->type == JX_TYPE_DATE) {
        jx_sheet_set_text(d->wb, sheet, row, col, "2024年3月1日");
    }
}

static void place_fields(Layout *l, Department *d, GRand *rand, const JxSchema *schema)
{
    for (guint i = 0; i < schema->fields->len; i++) {
        const JxFieldSpec *f = g_ptr_array_index(schema->fields, i);
        JxSheet *sheet = sheet_of(l, schema, f->sheet);
        if (sheet == NULL)
            continue;
        int row = 0, col = 1;
        switch (f->at.kind) {
        case JX_AT_CELL:
            row = f->at.row;
            col = f->at.col;
            break;
        case JX_AT_NAMED:
            row = free_row(l, sheet);
            jx_workbook_add_name(d->wb, f->at.name, sheet->index, row, col);
            break;
        case JX_AT_LABEL:
            row = label_row(l, sheet, f->at.label);
            jx_sheet_set_text(d->wb, sheet, row, f->at.label_col, f->at.label);
            col = f->at.value_col;
            break;
        }
        put_field(d, rand, sheet, row, col, f);
        if (strcmp(f->id, "spending.basic.executed") == 0) {
            d->basic_sheet = sheet->index;
            d->basic_row = row;
            d->basic_col = col;
        }
    }
}

static int column_at(const JxTableSpec *t, const char *id)
{
    int c = jx_table_column_index(t, id);
    const JxColumnSpec *spec = g_ptr_array_index(t->columns, (guint)c);
    return spec->column >= 0 ? spec->column : c;
}

/* The header row of a table and its column headers; returns the sheet. */
static JxSheet *place_header(Layout *l, Department *d, const JxSchema *schema, const JxTableSpec *t)
{
    JxSheet *sheet = sheet_of(l, schema, t->sheet);
    if (sheet == NULL)
        return NULL;
    jx_sheet_set_text(d->wb, sheet, HEADER_ROW, t->header_label_col, t->header_label);
    for (guint c = 0; c < t->columns->len; c++) {
        const JxColumnSpec *col = g_ptr_array_index(t->columns, c);
        if (col->header)
            jx_sheet_set_text(d->wb, sheet, HEADER_ROW, column_at(t, col->id), col->header);
    }
    return sheet;
}

/* The row after a table's rows: its end label, where fields labelled so go. */
static void close_table(Layout *l, Department *d, JxSheet *sheet, const JxTableSpec *t, int row)
{
    const char *end = t->end_labels && t->end_labels->len ? g_ptr_array_index(t->end_labels, 0) : NULL;
    if (end == NULL)
        return;
    jx_sheet_set_text(d->wb, sheet, row, 0, end);
    g_autofree char *key = g_strdup_printf("%s|%s", sheet->name, end);
    g_hash_table_insert(l->label_rows, g_strdup(key), GINT_TO_POINTER(row + 1));
    g_hash_table_insert(l->next_row, sheet, GINT_TO_POINTER(row + 1));
}

static void set_amount(JxWorkbook *wb, JxSheet *sheet, int row, int col, ItemState state, double amount)
{
    switch (state) {
    case ITEM_USED: jx_sheet_set_number(wb, sheet, row, col, amount); break;
    case ITEM_ZERO: jx_sheet_set_number(wb, sheet, row, col, 0); break;
    case ITEM_NONE: jx_sheet_set_text(wb, sheet, row, col, "无"); break;
    case ITEM_BLANK: break;
    }
}

static void place_tables(Layout *l, Department *d, GRand *rand, const JxSchema *schema)
{
    /* 基本支出明细 */
    const JxTableSpec *t = jx_schema_table(schema, "expense_items");
    JxSheet *sheet = place_header(l, d, schema, t);
    int row = HEADER_ROW + 1;
    for (gsize i = 0; i < G_N_ELEMENTS(items); i++, row++) {
        jx_sheet_set_text(d->wb, sheet, row, column_at(t, "code"), items[i].code);
        jx_sheet_set_text(d->wb, sheet, row, column_at(t, "name"), items[i].name);
        set_amount(d->wb, sheet, row, column_at(t, "executed"), d->item_state[i], d->item_amount[i]);
    }
    close_table(l, d, sheet, t, row + (int)g_rand_int_range(rand, 0, 2));   /* a blank row before 合计, or not */

    /* 项目支出 */
    t = jx_schema_table(schema, "projects");
    sheet = place_header(l, d, schema, t);
    row = HEADER_ROW + 1;
    for (int p = 0; p < d->projects; p++, row++) {
        g_autofree char *name = g_strdup_printf("%s专项%d", d->department, p + 1);
        jx_sheet_set_text(d->wb, sheet, row, column_at(t, "name"), name);
        jx_sheet_set_number(d->wb, sheet, row, column_at(t, "budget_initial"), 10 + p);
        jx_sheet_set_number(d->wb, sheet, row, column_at(t, "budget"), 20 + p);
        jx_sheet_set_number(d->wb, sheet, row, column_at(t, "executed"), 18 + p);
        jx_sheet_set_text(d->wb, sheet, row, column_at(t, "target"), "完成年度建设任务");
        jx_sheet_set_text(d->wb, sheet, row, column_at(t, "result"),
                          d->result_closed[p] ? "建成专家工作站2个。" : "建成专家工作站2个");
    }
    close_table(l, d, sheet, t, row);

    /* 部门整体支出绩效自评表 */
    t = jx_schema_table(schema, "indicators");
    sheet = place_header(l, d, schema, t);
    row = HEADER_ROW + 1;
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < d->indicators[k]; i++, row++) {
            g_autofree char *name = g_strdup_printf("%s第%d项", levels[k], i + 1);
            g_autofree char *target = g_strdup_printf("≥%d人次", 100 * (i + 1));
            g_autofree char *actual = g_strdup_printf("%d人次", 100 * (i + 1) + g_rand_int_range(rand, 0, 20));
            jx_sheet_set_text(d->wb, sheet, row, column_at(t, "level1"), levels[k]);
            jx_sheet_set_text(d->wb, sheet, row, column_at(t, "level2"), k == 0 ? "数量指标" : "社会效益指标");
            jx_sheet_set_text(d->wb, sheet, row, column_at(t, "level3"), name);
            jx_sheet_set_text(d->wb, sheet, row, column_at(t, "target"), target);
            jx_sheet_set_text(d->wb, sheet, row, column_at(t, "actual"), actual);
            jx_sheet_set_number(d->wb, sheet, row, column_at(t, "weight"), 5);
        }
    close_table(l, d, sheet, t, row);

    /* the fund tables */
    for (int f = 0; f < 3; f++) {
        t = jx_schema_table(schema, fund_tables[f]);
        sheet = place_header(l, d, schema, t);
        row = HEADER_ROW + 1;
        if (d->funds[f] == FUND_ROWS) {
            jx_sheet_set_text(d->wb, sheet, row, column_at(t, "name"), "某基金");
            jx_sheet_set_number(d->wb, sheet, row, column_at(t, "budget"), 12.5);
            jx_sheet_set_number(d->wb, sheet, row++, column_at(t, "executed"), 12);
        } else if (d->funds[f] == FUND_NONE_ROW) {
            jx_sheet_set_text(d->wb, sheet, row++, column_at(t, "name"), "无");
        }
        close_table(l, d, sheet, t, row);
    }
}

static G_GNUC_UNUSED void department_free(Department *d)
{
    g_free(d->department);
    jx_workbook_free(d->wb);
    g_free(d);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(Department, department_free)

static G_GNUC_UNUSED Department *generate(const JxSchema *schema, guint seed)
{
    GRand *rand = g_rand_new_with_seed(seed);
    Department *d = g_new0(Department, 1);
    d->seed = seed;
    d->department = g_strconcat(places[g_rand_int_range(rand, 0, G_N_ELEMENTS(places))],
                                bodies[g_rand_int_range(rand, 0, G_N_ELEMENTS(bodies))], NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(items); i++) {
        static const ItemState states[] = { ITEM_USED, ITEM_USED, ITEM_USED, ITEM_ZERO, ITEM_BLANK, ITEM_BLANK,
                                            ITEM_NONE };
        d->item_state[i] = is_class(&items[i]) ? ITEM_BLANK : states[g_rand_int_range(rand, 0, G_N_ELEMENTS(states))];
        d->item_amount[i] = g_rand_int_range(rand, 1, 200000) / 100.0;
    }
    /* a class holds the sum of its items in use (blank when there is none) */
    for (gsize i = 0; i < G_N_ELEMENTS(items); i++) {
        if (!is_class(&items[i]))
            continue;
        double sum = 0;
        for (gsize k = i + 1; k < G_N_ELEMENTS(items) && !is_class(&items[k]); k++)
            if (d->item_state[k] == ITEM_USED)
                sum += d->item_amount[k];
        d->item_amount[i] = round(sum * 100) / 100;
        d->item_state[i] = sum > 0 ? ITEM_USED : g_rand_boolean(rand) ? ITEM_ZERO : ITEM_BLANK;
    }
    d->projects = g_rand_int_range(rand, 0, 4);
    for (int p = 0; p < 3; p++)
        d->result_closed[p] = g_rand_boolean(rand);
    gboolean none_at_all = g_rand_int_range(rand, 0, 5) == 0;
    for (int k = 0; k < 3; k++)
        d->indicators[k] = none_at_all ? 0 : g_rand_int_range(rand, 0, 5);
    for (int f = 0; f < 3; f++) {
        int r = g_rand_int_range(rand, 0, 20);
        d->funds[f] = r < 12 ? FUND_BLANK : r < 17 ? FUND_ROWS : FUND_NONE_ROW;
    }
    d->wb = jx_workbook_new("generated.ods");
    for (guint i = 0; i < schema->sheets->len; i++)
        jx_workbook_add_sheet(d->wb, ((JxSheetSpec *)g_ptr_array_index(schema->sheets, i))->name, ROWS, COLS);
    Layout l = { d->wb, g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL), g_hash_table_new(NULL, NULL) };
    place_tables(&l, d, rand, schema);
    /* fields after the tables: labels on a table's sheet go below it */
    for (guint i = 0; i < d->wb->sheets->len; i++) {
        JxSheet *sheet = g_ptr_array_index(d->wb->sheets, i);
        if (!g_hash_table_contains(l.next_row, sheet))
            g_hash_table_insert(l.next_row, sheet, GINT_TO_POINTER(HEADER_ROW + 1));
    }
    place_fields(&l, d, rand, schema);
    g_hash_table_destroy(l.label_rows);
    g_hash_table_destroy(l.next_row);
    g_rand_free(rand);
    return d;
}

#endif

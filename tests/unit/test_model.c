/*
 * test_model.c: the workbook grid and the model that locates a schema's
 * fields and tables in it (by cell, named range, row label; tables by header
 * row, column headers, end labels, blank rows, groups by code prefix).
 *
 * Workbooks are built in code from C arrays of strings: "" or NULL is an
 * empty cell, "#…" an error value, "'…" a text (as in Calc), a string that
 * reads fully as a number a number, anything else a text.  Schemas are
 * written with ' for " (converted before loading).
 */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "core/error.h"
#include "core/findings.h"
#include "core/model.h"
#include "core/schema.h"
#include "core/workbook.h"
#include "test_helpers.h"

/* ---- helpers ------------------------------------------------------------ */

static JxSchema *load_schema(const char *quoted)
{
    return load_schema_quoted(quoted);
}

static const JxFinding *finding(const JxModel *m, guint i)
{
    g_assert_cmpuint(i, <, m->findings->len);
    return g_ptr_array_index(m->findings, i);
}

static void print_findings(const JxModel *m)
{
    for (guint i = 0; i < m->findings->len; i++) {
        const JxFinding *f = g_ptr_array_index(m->findings, i);
        g_printerr("  finding: %s %d:%d:%d %s\n", f->kind->code, f->sheet, f->row, f->col, f->text[JX_LANG_EN]);
    }
}

static void assert_no_findings(const JxModel *m)
{
    if (m->findings->len != 0)
        print_findings(m);
    g_assert_cmpuint(m->findings->len, ==, 0);
}

static void assert_address(const JxModel *m, const JxValue *v, const char *expected)
{
    g_autofree char *address = jx_value_address(m, v);
    g_assert_cmpstr(address, ==, expected);
}

static void assert_number(const JxValue *v, double expected)
{
    g_assert_nonnull(v);
    g_assert_nonnull(v->cell);
    g_assert_cmpint(v->cell->kind, ==, JX_GRID_NUMBER);
    g_assert_cmpfloat(v->cell->number, ==, expected);
}

static void assert_text(const JxValue *v, const char *expected)
{
    g_assert_nonnull(v);
    g_assert_nonnull(v->cell);
    g_assert_cmpint(v->cell->kind, ==, JX_GRID_TEXT);
    g_assert_cmpstr(v->cell->text, ==, expected);
}

/* The table sheet the schemas below require, for tests of fields only. */
static void add_items_sheet(JxWorkbook *wb)
{
    jx_workbook_add_sheet(wb, "基本支出明细", 0, 0);
}

#define HEAD "{'format':'jixiao-schema','version':1,'id':'t','title':{'zh':'测试','en':'Test'},"
#define SHEETS "'sheets':{'budget':{'name':'基础数据表'},'items':{'name':'基本支出明细'}," \
               "'opt':{'name':'附表','required':false}},"
#define LBL "'label':{'zh':'甲','en':'A'}"
#define FIELD(id, sheet, at, rest) "'" id "':{" LBL ",'sheet':'" sheet "','at':" at ",'type':'amount'" rest "}"
#define ITEMS_COLS "'code':{'header':'科目编码','type':'text'},'name':{'header':'科目名称','type':'text'}," \
                   "'executed':{'header':'全年执行数（万元）','type':'amount'}"
#define ITEMS(rest) "'items':{'label':{'zh':'基本支出明细','en':'Basic items'},'sheet':'items'," \
                    "'header':{'label':'科目编码','label_column':'A'},'columns':{" ITEMS_COLS "}" rest "}"
#define SCHEMA(fields, tables) HEAD SHEETS "'fields':{" fields "},'tables':{" tables "}}"

/* ---- fields ---------------------------------------------------------------- */

static void test_field_cell(void)
{
    g_autoptr(JxSchema) s = load_schema(SCHEMA(FIELD("total", "budget", "{'cell':'D5'}", "") ","
                                               FIELD("far", "budget", "{'cell':'Z100'}", ""), ""));
    static const char *const grid[][5] = {
        { "基础数据表" },
        { "" },
        { "项目", "", "", "金额" },
        { "整体支出", "", "", "320.45" },
        { "基本支出", "", "", "273.77" },
    };
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    FILL(wb, "基础数据表", grid);
    add_items_sheet(wb);
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    assert_no_findings(m);
    const JxValue *v = jx_model_field(m, "total");
    assert_number(v, 273.77);
    g_assert_cmpint(v->sheet, ==, 0);
    g_assert_cmpint(v->row, ==, 4);
    g_assert_cmpint(v->col, ==, 3);
    assert_address(m, v, "基础数据表!D5");
    /* a cell outside the used area is located and empty */
    v = jx_model_field(m, "far");
    g_assert_nonnull(v->cell);
    g_assert_true(jx_value_is_empty(v));
    assert_address(m, v, "基础数据表!Z100");
    g_assert_null(jx_model_field(m, "nope"));
    g_assert_null(jx_model_field(m, NULL));
}

static void test_field_named(void)
{
    g_autoptr(JxSchema) s = load_schema(SCHEMA(
        "'dept':{" LBL ",'sheet':'budget','at':{'named':'JX_DEPARTMENT'},'type':'text'},"
        "'lost':{'label':{'zh':'负责人','en':'Head'},'sheet':'budget','at':{'named':'JX_HEAD'},'type':'text'},"
        "'bad':{" LBL ",'sheet':'budget','at':{'named':'JX_BROKEN'},'type':'text'}", ""));
    static const char *const cover[][2] = { { "封面" }, { "" }, { "单位：", "某某局" } };
    static const char *const budget[][1] = { { "基础数据表" } };
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    FILL(wb, "封面", cover);
    FILL(wb, "基础数据表", budget);
    jx_workbook_add_name(wb, "JX_DEPARTMENT", 0, 2, 1);   /* on another sheet than the field's */
    jx_workbook_add_name(wb, "JX_BROKEN", 7, 0, 0);       /* a sheet that does not exist */
    add_items_sheet(wb);
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    const JxValue *v = jx_model_field(m, "dept");
    assert_text(v, "某某局");
    assert_address(m, v, "封面!B3");
    g_assert_cmpuint(m->findings->len, ==, 2);
    const JxFinding *f = finding(m, 0);
    g_assert_cmpstr(f->kind->code, ==, "JX-NAME-MISSING");
    g_assert_cmpint(f->sheet, ==, 1);
    g_assert_nonnull(strstr(f->text[JX_LANG_ZH], "JX_HEAD"));
    g_assert_nonnull(strstr(f->text[JX_LANG_ZH], "负责人"));
    g_assert_nonnull(strstr(f->text[JX_LANG_EN], "'JX_HEAD' (Head)"));
    g_assert_null(jx_model_field(m, "lost")->cell);
    g_assert_cmpstr(finding(m, 1)->kind->code, ==, "JX-NAME-MISSING");
    g_assert_null(jx_model_field(m, "bad")->cell);
    assert_address(m, jx_model_field(m, "bad"), "");
}

#define LABEL_FIELD FIELD("total", "budget", "{'label':'整体支出','label_column':'A','value_column':'D'}", "")

static void test_field_label(void)
{
    g_autoptr(JxSchema) s = load_schema(SCHEMA(LABEL_FIELD, ""));
    static const char *const grid[][4] = {
        { "基础数据表" },
        { "项目", "", "", "金额" },
        { "整体支出", "", "", "320.45" },
        { "基本支出", "", "", "273.77" },
        { "整体支出", "", "", "999" },   /* a later repeat does not count */
    };
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    FILL(wb, "基础数据表", grid);
    add_items_sheet(wb);
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    assert_no_findings(m);
    const JxValue *v = jx_model_field(m, "total");
    assert_number(v, 320.45);
    assert_address(m, v, "基础数据表!D3");
}

static void test_field_label_moved(void)
{
    g_autoptr(JxSchema) s = load_schema(SCHEMA(LABEL_FIELD, ""));
    static const char *const grid[][4] = {
        { "基础数据表" },
        { "inserted row" },
        { "" },
        { "another inserted row", "", "", "1" },
        { "项目", "", "", "金额" },
        { "整体支出", "", "", "320.45" },
    };
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    FILL(wb, "基础数据表", grid);
    add_items_sheet(wb);
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    assert_no_findings(m);
    assert_number(jx_model_field(m, "total"), 320.45);
    assert_address(m, jx_model_field(m, "total"), "基础数据表!D6");
}

static void test_field_label_spaces(void)
{
    g_autoptr(JxSchema) s = load_schema(SCHEMA(
        LABEL_FIELD ","
        FIELD("basic", "budget", "{'label':'基本 支出：','label_column':'B','value_column':'C'}", "") ","
        FIELD("wide", "budget", "{'label':'项目支出','label_column':'A','value_column':'D'}", ""), ""));
    static const char *const grid[][4] = {
        { "整 体 支 出：", "", "", "320.45" },
        { "", "基本支出:", "273.77" },
        { "\u3000项目\u00a0支出 ：\t", "", "", "46.68" },
    };
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    FILL(wb, "基础数据表", grid);
    add_items_sheet(wb);
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    assert_no_findings(m);
    assert_number(jx_model_field(m, "total"), 320.45);
    assert_number(jx_model_field(m, "basic"), 273.77);
    assert_address(m, jx_model_field(m, "basic"), "基础数据表!C2");
    assert_number(jx_model_field(m, "wide"), 46.68);
}

static void test_field_sheet_missing(void)
{
    g_autoptr(JxSchema) s = load_schema(SCHEMA(
        FIELD("a", "budget", "{'cell':'D5'}", "") "," FIELD("b", "budget", "{'cell':'D6'}", "") ","
        FIELD("c", "budget", "{'label':'整体支出','label_column':'A','value_column':'D'}", ""), ""));
    static const char *const grid[][1] = { { "x" } };
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    FILL(wb, "基本支出明细", grid);
    FILL(wb, "Sheet1", grid);
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    /* one finding for the sheet, not one per field */
    if (m->findings->len != 1)
        print_findings(m);
    g_assert_cmpuint(m->findings->len, ==, 1);
    const JxFinding *f = finding(m, 0);
    g_assert_cmpstr(f->kind->code, ==, "JX-SHEET-MISSING");
    g_assert_cmpint(f->severity, ==, JX_SEVERITY_ERROR);
    g_assert_cmpint(f->sheet, ==, -1);
    g_assert_nonnull(strstr(f->text[JX_LANG_ZH], "基础数据表"));
    g_assert_nonnull(strstr(f->text[JX_LANG_EN], "'基础数据表'"));
    static const char *const ids[] = { "a", "b", "c" };
    for (gsize i = 0; i < G_N_ELEMENTS(ids); i++) {
        const JxValue *v = jx_model_field(m, ids[i]);
        g_assert_null(v->cell);
        g_assert_cmpint(v->sheet, ==, -1);
        g_assert_true(jx_value_is_empty(v));
        assert_address(m, v, "");
    }
}

static void test_field_sheet_optional(void)
{
    g_autoptr(JxSchema) s = load_schema(SCHEMA(
        FIELD("a", "opt", "{'cell':'D5'}", "") ","
        FIELD("b", "opt", "{'label':'整体支出','label_column':'A','value_column':'D'}", ""), ""));
    static const char *const grid[][1] = { { "x" } };
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    FILL(wb, "基础数据表", grid);
    FILL(wb, "基本支出明细", grid);
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    assert_no_findings(m);
    g_assert_null(jx_model_field(m, "a")->cell);
    g_assert_null(jx_model_field(m, "b")->cell);
    assert_address(m, jx_model_field(m, "a"), "");
}

static void test_field_label_missing(void)
{
    g_autoptr(JxSchema) s = load_schema(SCHEMA(
        FIELD("total", "budget", "{'label':'整体支出','label_column':'B','value_column':'D'}", ""), ""));
    static const char *const grid[][4] = {
        { "整体支出", "", "", "320.45" },   /* in column A, not B */
        { "", "整体", "", "1" },
        { "", "整体支出合计", "", "2" },    /* a label must match all of the cell */
        { "", "320.45" },
    };
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    FILL(wb, "Sheet0", grid);
    FILL(wb, "基础数据表", grid);
    add_items_sheet(wb);
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    g_assert_cmpuint(m->findings->len, ==, 1);
    const JxFinding *f = finding(m, 0);
    g_assert_cmpstr(f->kind->code, ==, "JX-LABEL-MISSING");
    g_assert_cmpint(f->sheet, ==, 1);
    g_assert_cmpint(f->row, ==, 0);
    g_assert_cmpint(f->col, ==, 1);
    /* the message names the field too: several fields may share a row label */
    g_assert_cmpstr(f->text[JX_LANG_ZH], ==, "工作表“基础数据表”的 B 列中找不到“整体支出”（甲）");
    g_assert_cmpstr(f->text[JX_LANG_EN], ==, "'整体支出' was not found in column B of sheet '基础数据表' (A)");
    g_assert_null(jx_model_field(m, "total")->cell);
}

/* ---- tables ---------------------------------------------------------------- */

static void assert_row_numbers(const JxModel *m, const JxTableData *td, const double *executed, guint n)
{
    g_assert_true(td->located);
    if (td->rows->len != n)
        print_findings(m);
    g_assert_cmpuint(td->rows->len, ==, n);
    int c = jx_table_column_index(td->spec, "executed");
    for (guint r = 0; r < n; r++)
        assert_number(&g_array_index(td->rows, JxTableRow, r).cells[c], executed[r]);
}

static void test_table_header_after_title(void)
{
    g_autoptr(JxSchema) s = load_schema(SCHEMA("", ITEMS(",'end':{'labels':['合计']}")));
    static const char *const grid[][3] = {
        { "基本支出明细表" },
        { "单位：万元" },
        { "" },
        { "科目编码", "科目名称", "全年执行数（万元）" },
        { "301", "工资福利支出", "273.77" },
        { "302", "商品和服务支出", "41.73" },
        { "303", "对个人和家庭的补助", "4.62" },
        { "合计", "", "320.12" },
        { "310", "资本性支出", "0.33" },
    };
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    FILL(wb, "基础数据表", grid);
    FILL(wb, "基本支出明细", grid);
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    assert_no_findings(m);
    const JxTableData *td = jx_model_table(m, "items");
    g_assert_nonnull(td);
    g_assert_true(td->spec == jx_schema_table(s, "items"));
    g_assert_cmpint(td->sheet, ==, 1);
    g_assert_cmpint(td->header_row, ==, 3);
    g_assert_cmpint(td->column_of[0], ==, 0);
    g_assert_cmpint(td->column_of[1], ==, 1);
    g_assert_cmpint(td->column_of[2], ==, 2);
    static const double executed[] = { 273.77, 41.73, 4.62 };
    assert_row_numbers(m, td, executed, 3);
    const JxTableRow *row = &g_array_index(td->rows, JxTableRow, 1);
    g_assert_cmpint(row->row, ==, 5);
    g_assert_cmpint(row->group_parent, ==, -1);
    assert_number(&row->cells[0], 302);
    assert_text(&row->cells[1], "商品和服务支出");
    assert_address(m, &row->cells[2], "基本支出明细!C6");
    g_assert_null(jx_model_table(m, "nope"));
}

static void test_table_columns_reordered(void)
{
    g_autoptr(JxSchema) s = load_schema(SCHEMA("", ITEMS("")));
    static const char *const grid[][5] = {
        { "科目编码", "全年执行数\n（万元）", "备注", " 科目 名称 ", "全年执行数（万元）" },
        { "301", "273.77", "note", "工资福利支出", "1" },
        { "302", "41.73", "", "商品和服务支出", "2" },
    };
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    FILL(wb, "基础数据表", grid);
    FILL(wb, "基本支出明细", grid);
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    assert_no_findings(m);
    const JxTableData *td = jx_model_table(m, "items");
    g_assert_cmpint(td->header_row, ==, 0);
    g_assert_cmpint(td->column_of[0], ==, 0);
    g_assert_cmpint(td->column_of[1], ==, 3);
    g_assert_cmpint(td->column_of[2], ==, 1);   /* the first header that matches */
    static const double executed[] = { 273.77, 41.73 };
    assert_row_numbers(m, td, executed, 2);
    assert_text(&g_array_index(td->rows, JxTableRow, 0).cells[1], "工资福利支出");
}

static void test_table_fixed_column(void)
{
    g_autoptr(JxSchema) s = load_schema(SCHEMA("",
        "'items':{" LBL ",'sheet':'items','header':{'label':'科目编码','label_column':'B'},"
        "'columns':{'code':{'column':'B','type':'text'},'executed':{'column':'F','type':'amount'},"
        "'name':{'header':'科目名称','type':'text'}}}"));
    static const char *const grid[][6] = {
        { "", "科目编码", "科目名称", "", "", "" },
        { "", "301", "工资福利支出", "", "", "273.77" },
        { "", "302", "", "", "", "41.73" },
    };
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    FILL(wb, "基础数据表", grid);
    FILL(wb, "基本支出明细", grid);
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    assert_no_findings(m);
    const JxTableData *td = jx_model_table(m, "items");
    g_assert_cmpint(td->column_of[0], ==, 1);
    g_assert_cmpint(td->column_of[1], ==, 5);
    g_assert_cmpint(td->column_of[2], ==, 2);
    static const double executed[] = { 273.77, 41.73 };
    assert_row_numbers(m, td, executed, 2);
    assert_address(m, &g_array_index(td->rows, JxTableRow, 1).cells[1], "基本支出明细!F3");
}

static void test_table_end_label(void)
{
    g_autoptr(JxSchema) s = load_schema(SCHEMA("", ITEMS(",'end':{'labels':['合计','总 计']}")));
    /* "合计" ends the table in the header's column or in any of the table's columns */
    static const char *const in_a[][3] = {
        { "科目编码", "科目名称", "全年执行数（万元）" },
        { "301", "工资福利支出", "273.77" },
        { "合 计：", "", "273.77" },
        { "302", "商品和服务支出", "41.73" },
    };
    static const char *const in_b[][3] = {
        { "科目编码", "科目名称", "全年执行数（万元）" },
        { "301", "工资福利支出", "273.77" },
        { "302", "商品和服务支出", "41.73" },
        { "", "总计", "315.5" },
        { "303", "对个人和家庭的补助", "4.62" },
    };
    static const double executed[] = { 273.77, 41.73 };
    for (int pass = 0; pass < 2; pass++) {
        g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
        FILL(wb, "基础数据表", in_a);
        if (pass == 0)
            FILL(wb, "基本支出明细", in_a);
        else
            FILL(wb, "基本支出明细", in_b);
        g_autoptr(JxModel) m = jx_model_build(s, wb);
        assert_no_findings(m);
        assert_row_numbers(m, jx_model_table(m, "items"), executed, pass == 0 ? 1 : 2);
    }
}

/* Without a declared end a table runs to its end row or the end of the
 * sheet: blank rows inside are skipped (one note names them) and the rows
 * after them are read.  A schema may declare that blank rows end it. */
static void test_table_blank_rows(void)
{
    static const char *const grid[][4] = {
        { "科目编码", "科目名称", "全年执行数（万元）" },
        { "301", "工资福利支出", "273.77" },
        { "", "", "", "a note outside the table's columns" },   /* blank for the table */
        { "302", "商品和服务支出", "41.73" },
        { "" },
        { "" },
        { "303", "对个人和家庭的补助", "4.62" },
    };
    static const struct { const char *end; guint n; gboolean note; } cases[] = {
        { "", 3, TRUE },                    /* default: to the end of the sheet */
        { ",'end':{'blank_rows':1}", 1, FALSE },
        { ",'end':{'blank_rows':2}", 2, TRUE },
        { ",'end':{'blank_rows':3}", 3, TRUE },
    };
    static const double executed[] = { 273.77, 41.73, 4.62 };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *quoted = g_strdup_printf(SCHEMA("", "'items':{" LBL ",'sheet':'items',"
            "'header':{'label':'科目编码','label_column':'A'},'columns':{" ITEMS_COLS "}%s}"), cases[i].end);
        g_autoptr(JxSchema) s = load_schema(quoted);
        g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
        FILL(wb, "基础数据表", grid);
        FILL(wb, "基本支出明细", grid);
        g_autoptr(JxModel) m = jx_model_build(s, wb);
        assert_row_numbers(m, jx_model_table(m, "items"), executed, cases[i].n);
        if (!cases[i].note) {
            assert_no_findings(m);
            continue;
        }
        g_assert_cmpuint(m->findings->len, ==, 1);
        g_assert_cmpstr(finding(m, 0)->kind->code, ==, "JX-ROW-BLANK");
        g_assert_cmpint(finding(m, 0)->row, ==, 2);
    }
}

/* A blank row (a cleared line, an inserted one) never ends a table that has
 * an end row: every row up to 合计 is read, the blank ones are skipped and
 * named in one note at the first of them. */
static void test_table_gaps(void)
{
    g_autoptr(JxSchema) s = load_schema(SCHEMA("", ITEMS(",'end':{'labels':['合计']}")));
    static const char *const grid[][3] = {
        { "科目编码", "科目名称", "全年执行数（万元）" },
        { "301", "工资福利支出", "273.77" },
        { "" },
        { "302", "商品和服务支出", "41.73" },
        { "" },
        { "" },
        { "303", "对个人和家庭的补助", "4.62" },
        { "" },                              /* trailing blank rows before the end: no note */
        { "合计", "", "320.12" },
        { "注：类级科目填列该类合计。" },
    };
    static const double executed[] = { 273.77, 41.73, 4.62 };
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    FILL(wb, "基础数据表", grid);
    FILL(wb, "基本支出明细", grid);
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    assert_row_numbers(m, jx_model_table(m, "items"), executed, 3);
    g_assert_cmpint(g_array_index(jx_model_table(m, "items")->rows, JxTableRow, 2).row, ==, 6);
    if (m->findings->len != 1)
        print_findings(m);
    g_assert_cmpuint(m->findings->len, ==, 1);
    const JxFinding *f = finding(m, 0);
    g_assert_cmpstr(f->kind->code, ==, "JX-ROW-BLANK");
    g_assert_cmpint(f->severity, ==, JX_SEVERITY_NOTE);
    g_assert_cmpint(f->row, ==, 2);
    g_assert_nonnull(strstr(f->text[JX_LANG_ZH], "3、5、6"));
    g_assert_nonnull(strstr(f->text[JX_LANG_EN], "3, 5, 6"));
}

/* A table ends at a note row ("注：…") when the schema says so, and at a
 * named range marking its end row. */
static void test_table_end_prefix_and_name(void)
{
    static const char *const grid[][3] = {
        { "科目编码", "科目名称", "全年执行数（万元）" },
        { "301", "工资福利支出", "273.77" },
        { "" },
        { "302", "商品和服务支出", "41.73" },
        { "" },
        { "注：无此项支出的，本表不填。" },
        { "303", "对个人和家庭的补助", "4.62" },
    };
    static const double executed[] = { 273.77, 41.73 };
    g_autoptr(JxSchema) notes = load_schema(SCHEMA("", ITEMS(",'end':{'labels':['合计'],'prefixes':['注：']}")));
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    FILL(wb, "基础数据表", grid);
    FILL(wb, "基本支出明细", grid);
    jx_workbook_add_name(wb, "JX_ITEMS_END", 1, 4, 0);
    g_autoptr(JxModel) m = jx_model_build(notes, wb);
    assert_row_numbers(m, jx_model_table(m, "items"), executed, 2);
    g_assert_cmpuint(m->findings->len, ==, 1);     /* the blank row between the two */
    g_autoptr(JxSchema) named = load_schema(SCHEMA("", ITEMS(",'end':{'named':'JX_ITEMS_END'}")));
    g_autoptr(JxModel) n = jx_model_build(named, wb);
    assert_row_numbers(n, jx_model_table(n, "items"), executed, 2);
    /* a name that is missing, or on another sheet, is no end: the blank rows are */
    g_autoptr(JxSchema) lost = load_schema(SCHEMA("", ITEMS(",'end':{'named':'JX_NOWHERE','blank_rows':1}")));
    g_autoptr(JxModel) l = jx_model_build(lost, wb);
    assert_row_numbers(l, jx_model_table(l, "items"), executed, 1);
}

/* Rows whose defining cells are all empty are the template's spare rows:
 * not data, no finding, even between rows that are used. */
static void test_table_unused_rows(void)
{
    g_autoptr(JxSchema) s = load_schema(SCHEMA("", ITEMS(",'end':{'labels':['合计']},'defined_by':['executed']")));
    static const char *const grid[][3] = {
        { "科目编码", "科目名称", "全年执行数（万元）" },
        { "301", "工资福利支出", "273.77" },
        { "30101", "基本工资" },
        { "30102", "津贴补贴" },
        { "302", "商品和服务支出", "41.73" },
        { "30201", "办公费" },
        { "合计", "", "315.50" },
    };
    static const double executed[] = { 273.77, 41.73 };
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    FILL(wb, "基础数据表", grid);
    FILL(wb, "基本支出明细", grid);
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    assert_no_findings(m);
    assert_row_numbers(m, jx_model_table(m, "items"), executed, 2);
}

static void test_table_max_rows(void)
{
    static const char *const grid[][3] = {
        { "科目编码", "科目名称", "全年执行数（万元）" },
        { "301", "a", "1" },
        { "302", "b", "2" },
        { "303", "c", "3" },
        { "304", "d", "4" },
        { "305", "e", "5" },
    };
    static const double executed[] = { 1, 2, 3, 4, 5 };
    static const struct { int max; guint n; gboolean truncated; } cases[] = {
        { 3, 3, TRUE }, { 4, 4, TRUE }, { 5, 5, FALSE }, { 6, 5, FALSE },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *quoted = g_strdup_printf(SCHEMA("", "'items':{'label':{'zh':'明细','en':'Items'},"
            "'sheet':'items','header':{'label':'科目编码','label_column':'A'},'columns':{" ITEMS_COLS "},"
            "'end':{'max_rows':%d}}"), cases[i].max);
        g_autoptr(JxSchema) s = load_schema(quoted);
        g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
        FILL(wb, "基础数据表", grid);
        FILL(wb, "基本支出明细", grid);
        g_autoptr(JxModel) m = jx_model_build(s, wb);
        assert_row_numbers(m, jx_model_table(m, "items"), executed, cases[i].n);
        if (!cases[i].truncated) {
            assert_no_findings(m);
            continue;
        }
        g_assert_cmpuint(m->findings->len, ==, 1);
        const JxFinding *f = finding(m, 0);
        g_assert_cmpstr(f->kind->code, ==, "JX-TABLE-TRUNCATED");
        g_assert_cmpint(f->severity, ==, JX_SEVERITY_WARNING);
        g_assert_cmpint(f->sheet, ==, 1);
        g_assert_cmpint(f->row, ==, cases[i].max + 1);   /* the first row not read */
        g_autofree char *limit = g_strdup_printf("more than %d rows", cases[i].max);
        g_assert_nonnull(strstr(f->text[JX_LANG_EN], limit));
        g_assert_nonnull(strstr(f->text[JX_LANG_ZH], "明细"));
    }
}

static void test_table_missing(void)
{
    g_autoptr(JxSchema) s = load_schema(SCHEMA("", ITEMS("")));
    static const char *const grid[][3] = {
        { "编码", "科目名称", "全年执行数（万元）" },
        { "301", "工资福利支出", "273.77" },
    };
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    FILL(wb, "基础数据表", grid);
    FILL(wb, "基本支出明细", grid);
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    g_assert_cmpuint(m->findings->len, ==, 1);
    const JxFinding *f = finding(m, 0);
    g_assert_cmpstr(f->kind->code, ==, "JX-TABLE-MISSING");
    g_assert_cmpint(f->sheet, ==, 1);
    g_assert_cmpint(f->row, ==, 0);
    g_assert_cmpint(f->col, ==, 0);
    g_assert_cmpstr(f->text[JX_LANG_EN], ==, "Basic items: the header '科目编码' was not found in column A of sheet '基本支出明细'");
    g_assert_nonnull(strstr(f->text[JX_LANG_ZH], "基本支出明细"));
    const JxTableData *td = jx_model_table(m, "items");
    g_assert_false(td->located);
    g_assert_cmpuint(td->rows->len, ==, 0);
    g_assert_cmpint(td->column_of[0], ==, -1);
}

static void test_table_sheet_missing(void)
{
    g_autoptr(JxSchema) s = load_schema(SCHEMA("", ITEMS("") ","
        "'extra':{" LBL ",'sheet':'opt','header':{'label':'科目编码','label_column':'A'},'columns':{" ITEMS_COLS "}}"));
    static const char *const grid[][1] = { { "x" } };
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    FILL(wb, "基础数据表", grid);
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    /* the required sheet once; the optional one not at all */
    g_assert_cmpuint(m->findings->len, ==, 1);
    g_assert_cmpstr(finding(m, 0)->kind->code, ==, "JX-SHEET-MISSING");
    static const char *const ids[] = { "items", "extra" };
    for (gsize i = 0; i < G_N_ELEMENTS(ids); i++) {
        const JxTableData *td = jx_model_table(m, ids[i]);
        g_assert_false(td->located);
        g_assert_cmpint(td->sheet, ==, -1);
        g_assert_cmpuint(td->rows->len, ==, 0);
    }
}

static void test_table_column_missing(void)
{
    g_autoptr(JxSchema) s = load_schema(SCHEMA("", ITEMS("")));
    static const char *const grid[][3] = {
        { "" },
        { "科目编码", "科目名称", "执行数" },
        { "301", "工资福利支出", "273.77" },
        { "302", "商品和服务支出", "41.73" },
    };
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    FILL(wb, "基础数据表", grid);
    FILL(wb, "基本支出明细", grid);
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    g_assert_cmpuint(m->findings->len, ==, 1);
    const JxFinding *f = finding(m, 0);
    g_assert_cmpstr(f->kind->code, ==, "JX-COLUMN-MISSING");
    g_assert_cmpint(f->sheet, ==, 1);
    g_assert_cmpint(f->row, ==, 1);
    g_assert_cmpint(f->col, ==, 0);
    g_assert_cmpstr(f->text[JX_LANG_EN], ==, "Basic items: no column '全年执行数（万元）' in the header row (row 2)");
    g_assert_nonnull(strstr(f->text[JX_LANG_ZH], "第 2 行"));
    /* the table is still read, the missing column left unlocated */
    const JxTableData *td = jx_model_table(m, "items");
    g_assert_true(td->located);
    g_assert_cmpint(td->column_of[2], ==, -1);
    g_assert_cmpuint(td->rows->len, ==, 2);
    const JxValue *v = &g_array_index(td->rows, JxTableRow, 0).cells[2];
    g_assert_null(v->cell);
    g_assert_cmpint(v->sheet, ==, -1);
    assert_address(m, v, "");
    assert_text(&g_array_index(td->rows, JxTableRow, 1).cells[1], "商品和服务支出");
}

static void test_table_groups(void)
{
    g_autoptr(JxSchema) s = load_schema(SCHEMA("", ITEMS(",'groups':{'column':'code','rule':'prefix'}")));
    static const char *const grid[][3] = {
        { "科目编码", "科目名称", "全年执行数（万元）" },
        { "3", "基本支出", "330" },                    /* 0 */
        { "301", "工资福利支出", "100" },              /* 1: number */
        { "30101", "基本工资", "60" },                 /* 2 */
        { "'3010101", "岗位工资", "40" },              /* 3: text under a number */
        { "3010102", "薪级工资", "20" },               /* 4 */
        { "30102", "津贴补贴", "40" },                 /* 5 */
        { "'302", "商品和服务支出", "200" },           /* 6: text */
        { "'30201", "办公费", "150" },                 /* 7 */
        { "30202", "印刷费", "50" },                   /* 8: number under a text */
        { "' 310 ", "资本性支出", "30" },              /* 9: spaces ignored */
        { "39901", "其他", "0" },                      /* 10: no 399, so under 3 */
        { "其他支出", "其他", "0" },                   /* 11: not a code */
        { "", "无编码", "0" },                         /* 12 */
        { "301", "重复", "0" },                        /* 13: a repeated code: under 3 */
    };
    static const int parents[] = { -1, 0, 1, 2, 2, 1, 0, 6, 6, 0, 0, -1, -1, 0 };
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    FILL(wb, "基础数据表", grid);
    FILL(wb, "基本支出明细", grid);
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    assert_no_findings(m);
    const JxTableData *td = jx_model_table(m, "items");
    g_assert_cmpuint(td->rows->len, ==, G_N_ELEMENTS(parents));
    for (guint r = 0; r < td->rows->len; r++) {
        int parent = g_array_index(td->rows, JxTableRow, r).group_parent;
        if (parent != parents[r])
            g_test_fail_printf("row %u (%s): parent %d, expected %d", r, grid[r + 1][0], parent, parents[r]);
    }
}

/* Without groups every row's parent is -1. */
static void test_table_no_groups(void)
{
    g_autoptr(JxSchema) s = load_schema(SCHEMA("", ITEMS("")));
    static const char *const grid[][3] = {
        { "科目编码", "科目名称", "全年执行数（万元）" },
        { "301", "工资福利支出", "100" },
        { "30101", "基本工资", "60" },
    };
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    FILL(wb, "基础数据表", grid);
    FILL(wb, "基本支出明细", grid);
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    const JxTableData *td = jx_model_table(m, "items");
    for (guint r = 0; r < td->rows->len; r++)
        g_assert_cmpint(g_array_index(td->rows, JxTableRow, r).group_parent, ==, -1);
}

static void test_table_ten_thousand_rows(void)
{
    g_autoptr(JxSchema) s = load_schema(SCHEMA("", ITEMS(",'end':{'labels':['合计']},"
                                                         "'groups':{'column':'code','rule':'prefix'}")));
    const int n = 10000;
    g_autoptr(JxWorkbook) wb = jx_workbook_new("big.ods");
    static const char *const budget[][1] = { { "x" } };
    FILL(wb, "基础数据表", budget);
    JxSheet *sheet = jx_workbook_add_sheet(wb, "基本支出明细", n + 3, 3);
    jx_sheet_set_text(wb, sheet, 0, 0, "科目编码");
    jx_sheet_set_text(wb, sheet, 0, 1, "科目名称");
    jx_sheet_set_text(wb, sheet, 0, 2, "全年执行数（万元）");
    for (int r = 1; r <= n; r++) {
        char name[32];
        g_snprintf(name, sizeof name, "项目%05d", r);
        jx_sheet_set_number(wb, sheet, r, 0, 1000000 + r);
        jx_sheet_set_text(wb, sheet, r, 1, name);
        jx_sheet_set_number(wb, sheet, r, 2, r * 0.01);
    }
    jx_sheet_set_text(wb, sheet, n + 1, 0, "合计");
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    assert_no_findings(m);
    const JxTableData *td = jx_model_table(m, "items");
    g_assert_cmpuint(td->rows->len, ==, (guint)n);
    const JxTableRow *last = &g_array_index(td->rows, JxTableRow, n - 1);
    g_assert_cmpint(last->row, ==, n);
    g_assert_cmpint(last->group_parent, ==, -1);
    assert_text(&last->cells[1], "项目10000");
    assert_address(m, &last->cells[2], "基本支出明细!C10001");

    JxRef ref = { .table = (char *)"items", .name = (char *)"executed", .match_column = (char *)"code",
                  .match_value = (char *)"1010000" };
    g_autoptr(GArray) out = g_array_new(FALSE, FALSE, sizeof(JxValue));
    g_assert_true(jx_model_resolve(m, &ref, NULL, -1, out, NULL));
    g_assert_cmpuint(out->len, ==, 1);
    assert_number(&g_array_index(out, JxValue, 0), 100);
    JxRef all = { .table = (char *)"items", .name = (char *)"executed", .all_rows = TRUE };
    g_array_set_size(out, 0);
    g_assert_true(jx_model_resolve(m, &all, NULL, -1, out, NULL));
    g_assert_cmpuint(out->len, ==, (guint)n);
}

/* ---- resolving references ------------------------------------------------ */

#define RESOLVE_SCHEMA SCHEMA(FIELD("total", "budget", "{'cell':'B1'}", ""), \
    ITEMS(",'key':'name'") "," \
    "'ind':{" LBL ",'sheet':'opt','header':{'label':'指标','label_column':'A'}," \
    "'columns':{'name':{'header':'指标','type':'text'},'weight':{'header':'分值','type':'number'}," \
    "'target':{'header':'指标值','type':'quantity'},'actual':{'header':'完成值','type':'quantity'}," \
    "'score':{'column':'E','type':'number','role':'computed'," \
    "'compute':{'kind':'indicator_score','weight':'weight','target':'target','actual':'actual'}}}}")

static JxWorkbook *resolve_workbook(void)
{
    static const char *const budget[][2] = { { "整体支出", "320.45" } };
    static const char *const items[][3] = {
        { "科目编码", "科目名称", "全年执行数（万元）" },
        { "301", "工资福利支出", "273.77" },
        { "'302", "商品和服务 支出", "41.73" },
        { "303.0", "对个人和家庭的补助", "4.62" },
        { "310", "资本性支出", "0.33" },
    };
    static const char *const ind[][5] = {
        { "指标", "分值", "指标值", "完成值", "" },
        { "培训人次", "10", "≥300人次", "320人次" },
        { "满意度", "20", "≥90%", "95%" },
    };
    JxWorkbook *wb = jx_workbook_new("book.ods");
    FILL(wb, "基础数据表", budget);
    FILL(wb, "基本支出明细", items);
    FILL(wb, "附表", ind);
    return wb;
}

static GArray *resolve_ok(const JxModel *m, const JxRef *ref, const JxTableData *td, int row)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(JxValue));
    GError *error = NULL;
    g_assert_true(jx_model_resolve(m, ref, td, row, out, &error));
    g_assert_no_error(error);
    return out;
}

static const JxRef *check_part(const JxSchema *s, guint check, guint part)
{
    const JxCheckSpec *c = g_ptr_array_index(s->checks, check);
    return g_ptr_array_index(c->parts, part);
}

static void test_resolve(void)
{
    /* the references come from a schema, as the rule engine gets them */
    g_autoptr(JxSchema) s = load_schema(
        HEAD SHEETS "'fields':{" FIELD("total", "budget", "{'cell':'B1'}", "") "},"
        "'tables':{" ITEMS(",'key':'name'") "},"
        "'checks':[{'id':'c','kind':'non_negative','refs':['total','items[code=301].executed',"
        "'items[code=302].executed','items[name=商品和服务支出].executed','items[*].executed',"
        "'items[code=303].executed','items[code=999].executed',7]}]}");
    g_autoptr(JxWorkbook) wb = resolve_workbook();
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    assert_no_findings(m);

    g_autoptr(GArray) field = resolve_ok(m, check_part(s, 0, 0), NULL, -1);
    g_assert_cmpuint(field->len, ==, 1);
    assert_number(&g_array_index(field, JxValue, 0), 320.45);
    assert_address(m, &g_array_index(field, JxValue, 0), "基础数据表!B1");

    /* a code stored as a number matches "301" */
    g_autoptr(GArray) numeric = resolve_ok(m, check_part(s, 0, 1), NULL, -1);
    g_assert_cmpuint(numeric->len, ==, 1);
    assert_number(&g_array_index(numeric, JxValue, 0), 273.77);
    assert_address(m, &g_array_index(numeric, JxValue, 0), "基本支出明细!C2");

    /* a code stored as text matches too */
    g_autoptr(GArray) text = resolve_ok(m, check_part(s, 0, 2), NULL, -1);
    g_assert_cmpuint(text->len, ==, 1);
    assert_number(&g_array_index(text, JxValue, 0), 41.73);

    /* text compares without white space */
    g_autoptr(GArray) name = resolve_ok(m, check_part(s, 0, 3), NULL, -1);
    g_assert_cmpuint(name->len, ==, 1);
    assert_number(&g_array_index(name, JxValue, 0), 41.73);

    /* every data row */
    g_autoptr(GArray) all = resolve_ok(m, check_part(s, 0, 4), NULL, -1);
    g_assert_cmpuint(all->len, ==, 4);
    assert_number(&g_array_index(all, JxValue, 2), 4.62);

    /* 303.0 as a number is 303 */
    g_autoptr(GArray) decimal = resolve_ok(m, check_part(s, 0, 5), NULL, -1);
    g_assert_cmpuint(decimal->len, ==, 1);

    /* a row that does not exist */
    g_autoptr(GArray) out = g_array_new(FALSE, FALSE, sizeof(JxValue));
    GError *error = NULL;
    g_assert_false(jx_model_resolve(m, check_part(s, 0, 6), NULL, -1, out, &error));
    g_assert_error(error, JX_ERROR, JX_ERROR_WORKBOOK);
    g_autofree char *en = jx_error_text(error, JX_LANG_EN);
    g_autofree char *zh = jx_error_text(error, JX_LANG_ZH);
    g_assert_cmpstr(en, ==, "no row of 'items' has code '999'");
    g_assert_nonnull(strstr(zh, "999"));
    g_clear_error(&error);
    g_assert_cmpuint(out->len, ==, 0);
    g_assert_false(jx_model_resolve(m, check_part(s, 0, 6), NULL, -1, out, NULL));

    /* a constant names no cell */
    g_autoptr(GArray) constant = resolve_ok(m, check_part(s, 0, 7), NULL, -1);
    g_assert_cmpuint(constant->len, ==, 0);
}

static void test_resolve_same_row(void)
{
    g_autoptr(JxSchema) s = load_schema(RESOLVE_SCHEMA);
    g_autoptr(JxWorkbook) wb = resolve_workbook();
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    assert_no_findings(m);
    const JxTableSpec *ind = jx_schema_table(s, "ind");
    const JxCompute *c = jx_table_column(ind, "score")->compute;
    const JxRef *weight = c->args[0];
    g_assert_true(weight->same_row);
    const JxTableData *td = jx_model_table(m, "ind");
    g_assert_cmpuint(td->rows->len, ==, 2);
    g_autoptr(GArray) second = resolve_ok(m, weight, td, 1);
    g_assert_cmpuint(second->len, ==, 1);
    assert_number(&g_array_index(second, JxValue, 0), 20);
    assert_address(m, &g_array_index(second, JxValue, 0), "附表!B3");
    /* a row out of range, or no table, names nothing */
    g_autoptr(GArray) none = resolve_ok(m, weight, td, 2);
    g_assert_cmpuint(none->len, ==, 0);
    g_autoptr(GArray) none2 = resolve_ok(m, weight, NULL, 0);
    g_assert_cmpuint(none2->len, ==, 0);
    g_autoptr(GArray) none3 = resolve_ok(m, weight, td, -1);
    g_assert_cmpuint(none3->len, ==, 0);
}

/* A table that was not found resolves to nothing, without an error. */
static void test_resolve_unlocated_table(void)
{
    g_autoptr(JxSchema) s = load_schema(
        HEAD SHEETS "'fields':{},'tables':{" ITEMS("") "},"
        "'checks':[{'id':'c','kind':'non_negative','refs':['items[code=301].executed','items[*].executed']}]}");
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    g_autoptr(GArray) one = resolve_ok(m, check_part(s, 0, 0), NULL, -1);
    g_assert_cmpuint(one->len, ==, 0);
    g_autoptr(GArray) all = resolve_ok(m, check_part(s, 0, 1), NULL, -1);
    g_assert_cmpuint(all->len, ==, 0);
}

/* ---- values ---------------------------------------------------------------- */

typedef struct {
    const char *cell;       /* as in the grids above */
    const char *unit;       /* asked for */
    gboolean ok;
    double number;          /* if ok */
    int code;               /* if not ok: the JX_ERROR code */
    const char *en;         /* if not ok: a word of the English text, or NULL */
} NumberCase;

static const NumberCase number_cases[] = {
    { "273.77", NULL, TRUE, 273.77, 0, NULL },
    { "273.77", "元", TRUE, 273.77, 0, NULL },          /* a number is taken as it is */
    { "-5", "万元", TRUE, -5, 0, NULL },
    { "41.73万元", "万元", TRUE, 41.73, 0, NULL },
    { "41.73万元", "元", TRUE, 417300, 0, NULL },
    { "41.73万元", NULL, TRUE, 41.73, 0, NULL },
    { "4173元", "万元", TRUE, 0.4173, 0, NULL },
    { "41.73", "万元", TRUE, 41.73, 0, NULL },          /* text without a unit: as written */
    { "1,234.5", NULL, TRUE, 1234.5, 0, NULL },
    { "95%", NULL, TRUE, 95, 0, NULL },
    { "5人", NULL, TRUE, 5, 0, NULL },
    { "", NULL, FALSE, 0, JX_ERROR_INVALID, "empty" },
    { "'  ", "万元", FALSE, 0, JX_ERROR_INVALID, "empty" },
    { "#DIV/0!", NULL, FALSE, 0, JX_ERROR_INVALID, "#DIV/0!" },
    { "abc", NULL, FALSE, 0, JX_ERROR_INVALID, "'abc' is not a number" },
    { "有效提升", "万元", FALSE, 0, JX_ERROR_INVALID, "not a number" },
    { "2023年12月31日前", NULL, FALSE, 0, JX_ERROR_INVALID, "not a number" },
    { "5..3", NULL, FALSE, 0, JX_ERROR_PARSE, NULL },
    { "5人", "万元", FALSE, 0, JX_ERROR_UNIT_MISMATCH, NULL },
    { "3场", "元", FALSE, 0, JX_ERROR_UNIT_MISMATCH, NULL },
};

static void test_value_number(void)
{
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    JxSheet *sheet = jx_workbook_add_sheet(wb, "值", G_N_ELEMENTS(number_cases), 1);
    for (gsize i = 0; i < G_N_ELEMENTS(number_cases); i++)
        set_cell(wb, sheet, (int)i, 0, number_cases[i].cell);
    for (gsize i = 0; i < G_N_ELEMENTS(number_cases); i++) {
        const NumberCase *k = &number_cases[i];
        JxValue v = { jx_sheet_cell(sheet, (int)i, 0), 0, (int)i, 0 };
        double number = -12345;
        GError *error = NULL;
        gboolean ok = jx_value_number(&v, k->unit, &number, &error);
        if (ok != k->ok) {
            g_test_fail_printf("'%s' in %s: expected %s", k->cell, k->unit ? k->unit : "-", k->ok ? "a number" : "an error");
            g_clear_error(&error);
            continue;
        }
        if (ok) {
            g_assert_no_error(error);
            if (fabs(number - k->number) > 1e-9 * fmax(1, fabs(k->number)))
                g_test_fail_printf("'%s' in %s: got %.17g, expected %g", k->cell, k->unit ? k->unit : "-",
                                   number, k->number);
            continue;
        }
        g_assert_error(error, JX_ERROR, k->code);
        g_autofree char *en = jx_error_text(error, JX_LANG_EN);
        g_autofree char *zh = jx_error_text(error, JX_LANG_ZH);
        g_assert_cmpstr(zh, !=, "");
        if (k->en && strstr(en, k->en) == NULL)
            g_test_fail_printf("'%s': '%s' does not contain '%s'", k->cell, en, k->en);
        g_error_free(error);
    }
    /* not located, or no value at all */
    double number;
    JxValue unlocated = { NULL, -1, 0, 0 };
    g_assert_false(jx_value_number(&unlocated, NULL, &number, NULL));
    g_assert_false(jx_value_number(NULL, NULL, &number, NULL));
    g_assert_true(jx_value_is_empty(&unlocated));
    g_assert_true(jx_value_is_empty(NULL));
}

static void test_value_text(void)
{
    static const struct { const char *cell, *text; } cases[] = {
        { "273.77", "273.77" }, { "0.1", "0.1" }, { "100", "100" }, { "-0.5", "-0.5" },
        { "1e20", "1e+20" }, { "0.30000000000000004", "0.30000000000000004" },
        { "整体支出", "整体支出" }, { "'301", "301" }, { "#N/A", "#N/A" }, { "", "" },
    };
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    JxSheet *sheet = jx_workbook_add_sheet(wb, "值", G_N_ELEMENTS(cases), 1);
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        set_cell(wb, sheet, (int)i, 0, cases[i].cell);
        JxValue v = { jx_sheet_cell(sheet, (int)i, 0), 0, (int)i, 0 };
        g_autofree char *text = jx_value_text(&v);
        g_assert_cmpstr(text, ==, cases[i].text);
    }
    JxValue unlocated = { NULL, -1, 0, 0 };
    g_autofree char *none = jx_value_text(&unlocated);
    g_assert_cmpstr(none, ==, "");
    g_autofree char *null = jx_value_text(NULL);
    g_assert_cmpstr(null, ==, "");
}

typedef struct {
    const char *text;
    const char *normalized;
} NormalizeCase;

static const NormalizeCase normalize_cases[] = {
    { "单位名称", "单位名称" },
    { "单 位 名 称：", "单位名称" },
    { "名称:", "名称" },
    { "名称：", "名称" },
    { "  名称  ", "名称" },
    { "名称 ： ", "名称" },
    { "名\u3000称\u3000", "名称" },
    { "名\u00a0称", "名称" },
    { "名\t称\n\r", "名称" },
    { "名称::", "名称" },
    { "名称：：", "名称" },
    { "名称：:", "名称" },
    { "名称:：", "名称" },
    { "：名称", "：名称" },         /* only a trailing colon goes */
    { "名：称", "名：称" },
    { "：", "" },
    { "   ", "" },
    { "", "" },
    { "全年执行数（万元）", "全年执行数（万元）" },
    { "Total Budget", "TotalBudget" },   /* case is kept */
    { "ＡＢＣ", "ＡＢＣ" },              /* full-width letters are not folded */
};

static void test_label_normalize(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(normalize_cases); i++) {
        g_autofree char *n = jx_label_normalize(normalize_cases[i].text);
        if (strcmp(n, normalize_cases[i].normalized) != 0)
            g_test_fail_printf("'%s' → '%s', expected '%s'", normalize_cases[i].text, n,
                               normalize_cases[i].normalized);
    }
    g_autofree char *null = jx_label_normalize(NULL);
    g_assert_cmpstr(null, ==, "");
}

/* ---- whole workbooks ------------------------------------------------------ */

#define BIG_SCHEMA SCHEMA( \
    FIELD("cell", "budget", "{'cell':'B2'}", "") "," \
    FIELD("label", "budget", "{'label':'整体支出','label_column':'A','value_column':'D'}", "") "," \
    "'named':{" LBL ",'sheet':'budget','at':{'named':'JX_DEPARTMENT'},'type':'text'}", \
    ITEMS(",'groups':{'column':'code','rule':'prefix'}"))

static void test_workbook_all_errors(void)
{
    g_autoptr(JxSchema) s = load_schema(BIG_SCHEMA);
    g_autoptr(JxWorkbook) wb = jx_workbook_new("errors.ods");
    for (int i = 0; i < 2; i++) {
        JxSheet *sheet = jx_workbook_add_sheet(wb, i == 0 ? "基础数据表" : "基本支出明细", 20, 8);
        for (int r = 0; r < 20; r++)
            for (int c = 0; c < 8; c++)
                jx_sheet_set_error(wb, sheet, r, c, (r + c) % 2 ? NULL : "#N/A");
    }
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    g_assert_cmpuint(m->findings->len, ==, 3);
    g_assert_cmpstr(finding(m, 0)->kind->code, ==, "JX-LABEL-MISSING");
    g_assert_cmpstr(finding(m, 1)->kind->code, ==, "JX-NAME-MISSING");
    g_assert_cmpstr(finding(m, 2)->kind->code, ==, "JX-TABLE-MISSING");
    const JxValue *v = jx_model_field(m, "cell");
    g_assert_nonnull(v->cell);
    g_assert_cmpint(v->cell->kind, ==, JX_GRID_ERROR);
    g_assert_cmpstr(v->cell->text, ==, "#N/A");
    g_assert_false(jx_value_is_empty(v));
    double number;
    GError *error = NULL;
    g_assert_false(jx_value_number(v, "万元", &number, &error));
    g_autofree char *en = jx_error_text(error, JX_LANG_EN);
    g_assert_cmpstr(en, ==, "is the error value #N/A");
    g_error_free(error);
    /* an error without a shown text reads "#ERR" */
    JxValue other = { jx_sheet_cell(g_ptr_array_index(wb->sheets, 0), 0, 1), 0, 0, 1 };
    g_autofree char *text = jx_value_text(&other);
    g_assert_cmpstr(text, ==, "#ERR");
    g_assert_false(jx_model_table(m, "items")->located);
}

static void test_workbook_empty(void)
{
    g_autoptr(JxSchema) s = load_schema(BIG_SCHEMA);
    g_autoptr(JxWorkbook) wb = jx_workbook_new(NULL);
    g_assert_cmpstr(wb->source, ==, "");
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    g_assert_cmpuint(m->findings->len, ==, 2);   /* the two required sheets */
    g_assert_cmpstr(finding(m, 0)->kind->code, ==, "JX-SHEET-MISSING");
    g_assert_nonnull(strstr(finding(m, 0)->text[JX_LANG_EN], "基础数据表"));
    g_assert_cmpstr(finding(m, 1)->kind->code, ==, "JX-SHEET-MISSING");
    g_assert_nonnull(strstr(finding(m, 1)->text[JX_LANG_EN], "基本支出明细"));
    for (guint i = 0; i < s->fields->len; i++) {
        g_assert_null(m->fields[i].cell);
        assert_address(m, &m->fields[i], "");
    }
    g_assert_false(jx_model_table(m, "items")->located);

    /* a sheet with no cells at all */
    g_autoptr(JxWorkbook) blank = jx_workbook_new("blank.ods");
    jx_workbook_add_sheet(blank, "基础数据表", 0, 0);
    jx_workbook_add_sheet(blank, "基本支出明细", 0, 0);
    g_autoptr(JxModel) m2 = jx_model_build(s, blank);
    g_assert_cmpuint(m2->findings->len, ==, 3);
    g_assert_nonnull(jx_model_field(m2, "cell")->cell);
    g_assert_true(jx_value_is_empty(jx_model_field(m2, "cell")));
    assert_address(m2, jx_model_field(m2, "cell"), "基础数据表!B2");
}

/* An empty schema on any workbook. */
static void test_model_empty_schema(void)
{
    g_autoptr(JxSchema) s = load_schema(HEAD "'sheets':{},'fields':{}}");
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    g_autoptr(JxModel) m = jx_model_build(s, wb);
    assert_no_findings(m);
    g_assert_null(jx_model_field(m, "x"));
    g_assert_null(jx_model_table(m, "x"));
    jx_model_free(NULL);
}

static void test_workbook_grid(void)
{
    g_autoptr(JxWorkbook) wb = jx_workbook_new("grid.ods");
    g_assert_null(jx_workbook_add_sheet(wb, "too big", JX_SHEET_MAX_CELLS, 2));
    g_assert_null(jx_workbook_add_sheet(wb, "negative", -1, 2));
    g_assert_cmpuint(wb->sheets->len, ==, 0);
    JxSheet *a = jx_workbook_add_sheet(wb, "A", 3, 3);
    JxSheet *b = jx_workbook_add_sheet(wb, NULL, 1, 1);
    g_assert_cmpint(a->index, ==, 0);
    g_assert_cmpint(b->index, ==, 1);
    g_assert_cmpstr(b->name, ==, "");
    g_assert_true(jx_workbook_sheet(wb, "A") == a);
    g_assert_null(jx_workbook_sheet(wb, "a"));
    g_assert_null(jx_workbook_sheet(wb, NULL));

    /* writes outside the grid are ignored; reads outside it are empty */
    jx_sheet_set_number(wb, a, 3, 0, 1);
    jx_sheet_set_text(wb, a, -1, 0, "x");
    jx_sheet_set_error(wb, a, 0, 3, "#REF!");
    jx_sheet_set_formula(wb, a, 5, 5, "=A1");
    for (int r = -1; r <= 3; r++)
        for (int c = -1; c <= 3; c++)
            g_assert_cmpint(jx_sheet_cell(a, r, c)->kind, ==, JX_GRID_EMPTY);
    g_assert_cmpint(jx_sheet_cell(NULL, 0, 0)->kind, ==, JX_GRID_EMPTY);

    jx_sheet_set_text(wb, a, 0, 0, "x");
    jx_sheet_set_text(wb, a, 0, 0, "");            /* clears */
    g_assert_cmpint(jx_sheet_cell(a, 0, 0)->kind, ==, JX_GRID_EMPTY);
    jx_sheet_set_text(wb, a, 0, 1, "y");
    jx_sheet_set_text(wb, a, 0, 1, NULL);
    g_assert_cmpint(jx_sheet_cell(a, 0, 1)->kind, ==, JX_GRID_EMPTY);
    jx_sheet_set_number(wb, a, 1, 1, 2.5);
    jx_sheet_set_formula(wb, a, 1, 1, "=A1*2");
    g_assert_cmpstr(jx_sheet_cell(a, 1, 1)->formula, ==, "=A1*2");
    g_assert_cmpfloat(jx_sheet_cell(a, 1, 1)->number, ==, 2.5);
    jx_sheet_set_formula(wb, a, 1, 1, "A1*2");     /* not a formula */
    g_assert_null(jx_sheet_cell(a, 1, 1)->formula);

    /* texts are copied */
    char buffer[8] = "abc";
    jx_sheet_set_text(wb, a, 2, 2, buffer);
    buffer[0] = 'z';
    g_assert_cmpstr(jx_sheet_cell(a, 2, 2)->text, ==, "abc");

    /* names: the first definition wins */
    jx_workbook_add_name(wb, "N", 0, 1, 1);
    jx_workbook_add_name(wb, "N", 1, 0, 0);
    jx_workbook_add_name(wb, NULL, 1, 0, 0);
    const JxNamedCell *n = g_hash_table_lookup(wb->names, "N");
    g_assert_cmpint(n->sheet, ==, 0);
    g_assert_cmpint(n->row, ==, 1);
    g_assert_cmpuint(g_hash_table_size(wb->names), ==, 1);

    g_autofree char *address = jx_address_format(wb, 0, 4, 27);
    g_assert_cmpstr(address, ==, "A!AB5");
    g_autofree char *unknown = jx_address_format(wb, 9, 0, 0);
    g_assert_cmpstr(unknown, ==, "?!A1");
    g_autofree char *none = jx_address_format(wb, -1, 0, 0);
    g_assert_cmpstr(none, ==, "?!A1");
    jx_workbook_free(NULL);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/model/field/cell", test_field_cell);
    g_test_add_func("/model/field/named", test_field_named);
    g_test_add_func("/model/field/label", test_field_label);
    g_test_add_func("/model/field/label-moved", test_field_label_moved);
    g_test_add_func("/model/field/label-spaces", test_field_label_spaces);
    g_test_add_func("/model/field/sheet-missing", test_field_sheet_missing);
    g_test_add_func("/model/field/sheet-optional", test_field_sheet_optional);
    g_test_add_func("/model/field/label-missing", test_field_label_missing);
    g_test_add_func("/model/table/header-after-title", test_table_header_after_title);
    g_test_add_func("/model/table/columns-reordered", test_table_columns_reordered);
    g_test_add_func("/model/table/fixed-column", test_table_fixed_column);
    g_test_add_func("/model/table/end-label", test_table_end_label);
    g_test_add_func("/model/table/blank-rows", test_table_blank_rows);
    g_test_add_func("/model/table/gaps", test_table_gaps);
    g_test_add_func("/model/table/end-prefix-and-name", test_table_end_prefix_and_name);
    g_test_add_func("/model/table/unused-rows", test_table_unused_rows);
    g_test_add_func("/model/table/max-rows", test_table_max_rows);
    g_test_add_func("/model/table/missing", test_table_missing);
    g_test_add_func("/model/table/sheet-missing", test_table_sheet_missing);
    g_test_add_func("/model/table/column-missing", test_table_column_missing);
    g_test_add_func("/model/table/groups", test_table_groups);
    g_test_add_func("/model/table/no-groups", test_table_no_groups);
    g_test_add_func("/model/table/ten-thousand-rows", test_table_ten_thousand_rows);
    g_test_add_func("/model/resolve/references", test_resolve);
    g_test_add_func("/model/resolve/same-row", test_resolve_same_row);
    g_test_add_func("/model/resolve/unlocated-table", test_resolve_unlocated_table);
    g_test_add_func("/model/value/number", test_value_number);
    g_test_add_func("/model/value/text", test_value_text);
    g_test_add_func("/model/label-normalize", test_label_normalize);
    g_test_add_func("/model/workbook/all-errors", test_workbook_all_errors);
    g_test_add_func("/model/workbook/empty", test_workbook_empty);
    g_test_add_func("/model/workbook/empty-schema", test_model_empty_schema);
    g_test_add_func("/model/workbook/grid", test_workbook_grid);
    return g_test_run();
}

/*
 * test_validate.c: the rule engine.  For every check kind a failing and a
 * passing case, with the finding codes, their cells and the numbers in the
 * messages; then the value checks, the order of findings, the findings JSON,
 * and workbooks that are all errors or empty.
 *
 * Workbooks are built from C arrays of strings: "" or NULL is an empty cell,
 * "#…" an error value, "'…" a text, a string that reads fully as a number a
 * number, anything else a text.  Schemas are written with ' for ".
 */
#include <math.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <glib.h>

#include "core/error.h"
#include "core/findings.h"
#include "core/findings_json.h"
#include "core/model.h"
#include "core/schema.h"
#include "core/validate.h"
#include "core/workbook.h"
#include "test_helpers.h"

/* ---- helpers ------------------------------------------------------------ */

static JxSchema *load_schema(const char *quoted)
{
    return load_schema_quoted(quoted);
}

/* A schema, a workbook, the model and what validation found. */
typedef struct {
    JxSchema *schema;
    JxWorkbook *workbook;
    JxModel *model;
    GPtrArray *findings;
} Run;

static Run *run_new(const char *schema)
{
    Run *run = g_new0(Run, 1);
    run->schema = load_schema(schema);
    run->workbook = jx_workbook_new("book.ods");
    return run;
}

static void run_validate(Run *run)
{
    run->model = jx_model_build(run->schema, run->workbook);
    run->findings = g_ptr_array_new_with_free_func(jx_finding_free);
    jx_validate(run->model, run->findings);
}

static void run_free(Run *run)
{
    if (run->findings)
        g_ptr_array_free(run->findings, TRUE);
    jx_model_free(run->model);
    jx_workbook_free(run->workbook);
    jx_schema_free(run->schema);
    g_free(run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(Run, run_free)

static void print_findings(const GPtrArray *findings)
{
    for (guint i = 0; i < findings->len; i++) {
        const JxFinding *f = g_ptr_array_index(findings, i);
        g_printerr("  finding: %s %d:%d:%d %s | %s\n", f->kind->code, f->sheet, f->row, f->col,
                   f->text[JX_LANG_ZH], f->text[JX_LANG_EN]);
    }
}

static gint compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The findings' codes are exactly the NULL-terminated list (in any order). */
static void expect_codes(const GPtrArray *findings, ...)
{
    g_autoptr(GPtrArray) want = g_ptr_array_new();
    va_list args;
    va_start(args, findings);
    for (const char *code = va_arg(args, const char *); code; code = va_arg(args, const char *))
        g_ptr_array_add(want, (gpointer)code);
    va_end(args);
    g_autoptr(GPtrArray) got = g_ptr_array_new();
    for (guint i = 0; i < findings->len; i++)
        g_ptr_array_add(got, (gpointer)((const JxFinding *)g_ptr_array_index(findings, i))->kind->code);
    g_ptr_array_sort(want, compare_strings);
    g_ptr_array_sort(got, compare_strings);
    gboolean same = want->len == got->len;
    for (guint i = 0; same && i < want->len; i++)
        same = strcmp(g_ptr_array_index(want, i), g_ptr_array_index(got, i)) == 0;
    if (!same) {
        print_findings(findings);
        GString *w = g_string_new(NULL);
        for (guint i = 0; i < want->len; i++)
            g_string_append_printf(w, " %s", (const char *)g_ptr_array_index(want, i));
        g_test_fail_printf("expected the codes%s", w->str);
        g_string_free(w, TRUE);
    }
}

/* The one finding with code (fails if there is not exactly one). */
static const JxFinding *the(const GPtrArray *findings, const char *code)
{
    const JxFinding *found = NULL;
    int n = 0;
    for (guint i = 0; i < findings->len; i++) {
        const JxFinding *f = g_ptr_array_index(findings, i);
        if (strcmp(f->kind->code, code) == 0) {
            found = f;
            n++;
        }
    }
    if (n != 1)
        print_findings(findings);
    g_assert_cmpint(n, ==, 1);
    return found;
}

static void assert_at(const JxFinding *f, int sheet, int row, int col)
{
    g_assert_cmpint(f->sheet, ==, sheet);
    g_assert_cmpint(f->row, ==, row);
    g_assert_cmpint(f->col, ==, col);
}

/* Both texts are there; zh contains every NULL-terminated string. */
static void assert_zh_has(const JxFinding *f, ...)
{
    g_assert_nonnull(f->text[JX_LANG_ZH]);
    g_assert_nonnull(f->text[JX_LANG_EN]);
    g_assert_cmpstr(f->text[JX_LANG_EN], !=, "");
    va_list args;
    va_start(args, f);
    for (const char *s = va_arg(args, const char *); s; s = va_arg(args, const char *))
        if (strstr(f->text[JX_LANG_ZH], s) == NULL)
            g_test_fail_printf("'%s' does not contain '%s'", f->text[JX_LANG_ZH], s);
    va_end(args);
}

static void assert_en_has(const JxFinding *f, const char *s)
{
    if (strstr(f->text[JX_LANG_EN], s) == NULL)
        g_test_fail_printf("'%s' does not contain '%s'", f->text[JX_LANG_EN], s);
}

#define HEAD "{'format':'jixiao-schema','version':1,'id':'t','title':{'zh':'测试','en':'Test'},"

/* ---- sums -------------------------------------------------------------------- */

#define SUM_SCHEMA(checks) HEAD \
    "'sheets':{'budget':{'name':'基础数据表'},'items':{'name':'基本支出明细'}}," \
    "'fields':{" \
    " 'total':{'label':{'zh':'整体支出','en':'Total expenditure'},'sheet':'budget'," \
    "   'at':{'label':'整体支出','label_column':'A','value_column':'D'},'type':'amount'}," \
    " 'basic':{'label':{'zh':'基本支出','en':'Basic expenditure'},'sheet':'budget'," \
    "   'at':{'label':'基本支出','label_column':'A','value_column':'D'},'type':'amount'}," \
    " 'project':{'label':{'zh':'项目支出','en':'Project expenditure'},'sheet':'budget'," \
    "   'at':{'label':'项目支出','label_column':'A','value_column':'D'},'type':'amount'}}," \
    "'tables':{'items':{'label':{'zh':'基本支出明细','en':'Basic items'},'sheet':'items'," \
    " 'header':{'label':'科目编码','label_column':'A'}," \
    " 'columns':{'code':{'header':'科目编码','type':'text'},'name':{'header':'科目名称','type':'text'}," \
    "   'executed':{'header':'全年执行数（万元）','type':'amount'}}," \
    " 'key':'name','groups':{'column':'code','rule':'prefix'}}}," \
    "'checks':[" checks "]}"

#define SUM_BASIC "{'id':'sum.basic','kind':'sum','total':'basic','parts':['items[code=301].executed'," \
                  "'items[code=302].executed','items[code=303].executed','items[code=310].executed']}"
#define SUM_TOTAL "{'id':'sum.total','kind':'sum','total':'total','parts':['basic','project']}"

/* 整体支出 = total, 基本支出 = basic, 项目支出 46.68; the classes of 基本支出
 * add up to 320.45 (as in the reference report). */
static void fill_sum_book(JxWorkbook *wb, const char *total, const char *basic)
{
    const char *const budget[][4] = {
        { "基础数据表" },
        { "项目", "", "", "全年执行数（万元）" },
        { "整体支出", "", "", total },
        { "基本支出", "", "", basic },
        { "项目支出", "", "", "46.68" },
    };
    static const char *const items[][3] = {
        { "科目编码", "科目名称", "全年执行数（万元）" },
        { "301", "工资福利支出", "273.77" },
        { "302", "商品和服务支出", "41.73" },
        { "303", "对个人和家庭的补助", "4.62" },
        { "310", "资本性支出", "0.33" },
    };
    FILL(wb, "基础数据表", budget);
    FILL(wb, "基本支出明细", items);
}

/* The reference report: 基本支出 273.77 but its classes add up to 320.45. */
static void test_sum_mismatch(void)
{
    g_autoptr(Run) run = run_new(SUM_SCHEMA(SUM_BASIC));
    fill_sum_book(run->workbook, "320.45", "273.77");
    run_validate(run);
    expect_codes(run->findings, "JX-SUM-MISMATCH", NULL);
    const JxFinding *f = the(run->findings, "JX-SUM-MISMATCH");
    assert_at(f, 0, 3, 3);
    g_assert_cmpint(f->severity, ==, JX_SEVERITY_ERROR);
    g_assert_cmpstr(f->check, ==, "sum.basic");
    assert_zh_has(f, "基本支出", "273.77", "320.45", "46.68", "万元", NULL);
    g_assert_cmpstr(f->text[JX_LANG_ZH], ==, "基本支出 273.77 万元 ≠ 各项之和 320.45 万元（差 -46.68）");
    assert_en_has(f, "Basic expenditure 273.77 万元");
    assert_en_has(f, "difference -46.68");
}

static void test_sum_consistent(void)
{
    g_autoptr(Run) run = run_new(SUM_SCHEMA(SUM_BASIC "," SUM_TOTAL));
    fill_sum_book(run->workbook, "367.13", "320.45");
    run_validate(run);
    expect_codes(run->findings, NULL);
}

/* Amounts written as text with a unit are converted before adding. */
static void test_sum_units(void)
{
    g_autoptr(Run) run = run_new(SUM_SCHEMA(SUM_BASIC "," SUM_TOTAL));
    fill_sum_book(run->workbook, "367.13", "3204500元");
    run_validate(run);
    expect_codes(run->findings, NULL);
}

#define TOLERANCE_SCHEMA(settings, precision) HEAD settings \
    "'sheets':{'s':{'name':'表'}},'fields':{" \
    " 't':{'label':{'zh':'合计','en':'Total'},'sheet':'s','at':{'cell':'B1'},'type':'amount'}," \
    " 'a':{'label':{'zh':'甲','en':'A'},'sheet':'s','at':{'cell':'B2'},'type':'amount'}," \
    " 'b':{'label':{'zh':'乙','en':'B'},'sheet':'s','at':{'cell':'B3'},'type':'amount'}," \
    " 'c':{'label':{'zh':'丙','en':'C'},'sheet':'s','at':{'cell':'B4'},'type':'amount'}}," \
    "'checks':[{'id':'sum','kind':'sum','total':'t','parts':['a','b','c']" precision "}]}"

typedef struct {
    const char *path;
    const char *schema;
    const char *total, *a, *b, *c;
    gboolean mismatch;
} ToleranceCase;

static const ToleranceCase tolerance_cases[] = {
    /* every figure ± 0.005: four of them allow 0.02 */
    { "/validate/sum/tolerance/0.01-off-consistent", TOLERANCE_SCHEMA("", ""), "100.01", "30", "30", "40", FALSE },
    { "/validate/sum/tolerance/0.01-under-consistent", TOLERANCE_SCHEMA("", ""), "99.99", "30", "30", "40", FALSE },
    { "/validate/sum/tolerance/0.02-off-consistent", TOLERANCE_SCHEMA("", ""), "100.02", "30", "30", "40", FALSE },
    { "/validate/sum/tolerance/0.03-off-mismatch", TOLERANCE_SCHEMA("", ""), "100.03", "30", "30", "40", TRUE },
    { "/validate/sum/tolerance/one-part-0.01-off", TOLERANCE_SCHEMA("", ""), "30.01", "30", "", "", FALSE },
    { "/validate/sum/tolerance/one-part-0.02-off", TOLERANCE_SCHEMA("", ""), "30.02", "30", "", "", TRUE },
    /* exact figures */
    { "/validate/sum/tolerance/exact-0.02-off", TOLERANCE_SCHEMA("", ",'precision':0"), "100.02", "30", "30", "40", TRUE },
    { "/validate/sum/tolerance/exact-0.01-off", TOLERANCE_SCHEMA("", ",'precision':0"), "100.01", "30", "30", "40", TRUE },
    { "/validate/sum/tolerance/exact-equal", TOLERANCE_SCHEMA("", ",'precision':0"), "0.3", "0.1", "0.2", "0", FALSE },
    { "/validate/sum/tolerance/settings-exact", TOLERANCE_SCHEMA("'settings':{'precision':0},", ""), "100.02", "30", "30", "40", TRUE },
    { "/validate/sum/tolerance/check-overrides-settings",
      TOLERANCE_SCHEMA("'settings':{'precision':0},", ",'precision':0.01"), "100.02", "30", "30", "40", FALSE },
    { "/validate/sum/tolerance/coarse", TOLERANCE_SCHEMA("", ",'precision':1"), "102", "30", "30", "40", FALSE },
};

static void test_tolerance(gconstpointer data)
{
    const ToleranceCase *k = data;
    g_autoptr(Run) run = run_new(k->schema);
    const char *const grid[][2] = { { "合计", k->total }, { "甲", k->a }, { "乙", k->b }, { "丙", k->c } };
    FILL(run->workbook, "表", grid);
    run_validate(run);
    if (k->mismatch) {
        expect_codes(run->findings, "JX-SUM-MISMATCH", NULL);
        assert_at(the(run->findings, "JX-SUM-MISMATCH"), 0, 0, 1);
    } else {
        expect_codes(run->findings, NULL);
    }
}

/* Figures in fields of different declared units are compared in one unit:
 * a number in a 元 field is 元, not 万元. */
#define UNITS_SCHEMA(checks) HEAD \
    "'sheets':{'s':{'name':'表'}},'fields':{" \
    " 't':{'label':{'zh':'合计','en':'Total'},'sheet':'s','at':{'cell':'B1'},'type':'amount','unit':'万元'}," \
    " 'a':{'label':{'zh':'甲','en':'A'},'sheet':'s','at':{'cell':'B2'},'type':'amount','unit':'元'}," \
    " 'b':{'label':{'zh':'乙','en':'B'},'sheet':'s','at':{'cell':'B3'},'type':'amount','unit':'元'}," \
    " 'w':{'label':{'zh':'说明','en':'Why'},'sheet':'s','at':{'cell':'B4'},'type':'text'}}," \
    "'checks':[" checks "]}"

static void test_declared_units(void)
{
    static const char *const checks[] = {
        "{'id':'sum','kind':'sum','total':'t','parts':['a','b']}",
        "{'id':'same','kind':'same','refs':['t','a']}",
        "{'id':'same','kind':'same','refs':['a','t']}",
        "{'id':'exec','kind':'execution','budget':'t','executed':'a','explanation':'w'}",
    };
    /* 1.5 万元 = 15000 元 = 10000 元 + 5000 元; t = a: 1.5 万元 vs 15000 元 */
    static const char *const sums[][2] = { { "合计", "1.5" }, { "甲", "15000" }, { "乙", "0" }, { "说明" } };
    for (gsize i = 0; i < G_N_ELEMENTS(checks); i++) {
        g_autofree char *schema = g_strdup_printf(UNITS_SCHEMA("%s"), checks[i]);
        g_autoptr(Run) run = run_new(schema);
        FILL(run->workbook, "表", sums);
        run_validate(run);
        expect_codes(run->findings, NULL);
    }
    /* and a real difference is still one, in the total's unit */
    g_autoptr(Run) off = run_new(UNITS_SCHEMA("{'id':'sum','kind':'sum','total':'t','parts':['a','b']}"));
    static const char *const wrong[][2] = { { "合计", "1.5" }, { "甲", "10000" }, { "乙", "4000" }, { "说明" } };
    FILL(off->workbook, "表", wrong);
    run_validate(off);
    expect_codes(off->findings, "JX-SUM-MISMATCH", NULL);
    assert_zh_has(the(off->findings, "JX-SUM-MISMATCH"), "1.50 万元", "1.40 万元", "0.10", NULL);
    /* the execution rate of 10000 元 against 1.5 万元 is 66.67 % */
    g_autoptr(Run) low = run_new(UNITS_SCHEMA("{'id':'exec','kind':'execution','budget':'t','executed':'a','explanation':'w'}"));
    FILL(low->workbook, "表", wrong);
    run_validate(low);
    expect_codes(low->findings, "JX-EXECUTION-LOW", NULL);
    assert_zh_has(the(low->findings, "JX-EXECUTION-LOW"), "66.67%", NULL);
}

static void test_sum_empty_and_text_parts(void)
{
    g_autoptr(Run) run = run_new(TOLERANCE_SCHEMA("", ""));
    /* an empty part is not a zero: it is named in the message */
    const char *const grid[][2] = { { "合计", "100" }, { "甲", "30" }, { "乙", "" }, { "丙", "40" } };
    FILL(run->workbook, "表", grid);
    run_validate(run);
    expect_codes(run->findings, "JX-SUM-MISMATCH", NULL);
    const JxFinding *f = the(run->findings, "JX-SUM-MISMATCH");
    assert_zh_has(f, "100.00", "70.00", "30.00", "1 项为空", NULL);
    assert_en_has(f, "1 empty");

    /* a part that is text: listed at the total, and reported at its own cell */
    g_autoptr(Run) text = run_new(TOLERANCE_SCHEMA("", ""));
    const char *const grid2[][2] = { { "合计", "70" }, { "甲", "30" }, { "乙", "待定" }, { "丙", "40" } };
    FILL(text->workbook, "表", grid2);
    run_validate(text);
    expect_codes(text->findings, "JX-NOT-A-NUMBER", "JX-NOT-A-NUMBER", NULL);
    gboolean at_total = FALSE, at_part = FALSE;
    for (guint i = 0; i < text->findings->len; i++) {
        const JxFinding *n = g_ptr_array_index(text->findings, i);
        at_total = at_total || (n->row == 0 && strstr(n->text[JX_LANG_ZH], "乙") != NULL);
        at_part = at_part || n->row == 2;
    }
    g_assert_true(at_total);
    g_assert_true(at_part);

    /* an empty total is not checked (nor reported: it is not required) */
    g_autoptr(Run) empty = run_new(TOLERANCE_SCHEMA("", ""));
    const char *const grid3[][2] = { { "合计", "" }, { "甲", "30" }, { "乙", "30" }, { "丙", "40" } };
    FILL(empty->workbook, "表", grid3);
    run_validate(empty);
    expect_codes(empty->findings, NULL);
}

static void test_part_exceeds_total(void)
{
    g_autoptr(Run) run = run_new(TOLERANCE_SCHEMA("", ""));
    const char *const grid[][2] = { { "合计", "10" }, { "甲", "12" }, { "乙", "-2" }, { "丙", "0" } };
    FILL(run->workbook, "表", grid);
    run_validate(run);
    expect_codes(run->findings, "JX-PART-EXCEEDS-TOTAL", NULL);
    const JxFinding *f = the(run->findings, "JX-PART-EXCEEDS-TOTAL");
    assert_at(f, 0, 1, 1);
    g_assert_cmpstr(f->check, ==, "sum");
    assert_zh_has(f, "甲", "12.00", "合计", "10.00", NULL);
    /* within the precision it is not */
    g_autoptr(Run) ok = run_new(TOLERANCE_SCHEMA("", ""));
    const char *const grid2[][2] = { { "合计", "10" }, { "甲", "10.01" }, { "乙", "0" }, { "丙", "0" } };
    FILL(ok->workbook, "表", grid2);
    run_validate(ok);
    expect_codes(ok->findings, NULL);
}

/* A referenced row that does not exist is reported, the rest still added. */
static void test_sum_missing_row(void)
{
    g_autoptr(Run) run = run_new(SUM_SCHEMA("{'id':'sum.basic','kind':'sum','total':'basic','parts':["
        "'items[code=301].executed','items[code=302].executed','items[code=303].executed',"
        "'items[code=310].executed','items[code=399].executed']}"));
    fill_sum_book(run->workbook, "367.13", "320.45");
    run_validate(run);
    expect_codes(run->findings, "JX-LABEL-MISSING", NULL);
    const JxFinding *f = the(run->findings, "JX-LABEL-MISSING");
    assert_at(f, 1, 0, 0);
    assert_zh_has(f, "399", "基本支出明细", NULL);
}

/* ---- group sums ------------------------------------------------------------ */

#define GROUP_CHECK "{'id':'groups','kind':'group_sums','table':'items','column':'executed'}"

static void fill_group_book(JxWorkbook *wb, const char *wages_allowances)
{
    static const char *const budget[][4] = {
        { "整体支出", "", "", "367.13" }, { "基本支出", "", "", "320.45" }, { "项目支出", "", "", "46.68" },
    };
    const char *const items[][3] = {
        { "科目编码", "科目名称", "全年执行数（万元）" },
        { "3", "基本支出", "320.45" },
        { "301", "工资福利支出", "273.77" },
        { "30101", "基本工资", "200" },
        { "30102", "津贴补贴", wages_allowances },
        { "302", "商品和服务支出", "41.73" },
        { "'30201", "办公费", "20" },
        { "'30202", "印刷费", "21.73" },
        { "303", "对个人和家庭的补助", "4.62" },
        { "310", "资本性支出", "0.33" },
    };
    FILL(wb, "基础数据表", budget);
    FILL(wb, "基本支出明细", items);
}

/* Each total counts only its direct items: 3 = 301 + 302 + 303 + 310,
 * not also 30101 … (which would count them twice). */
static void test_group_sums_consistent(void)
{
    g_autoptr(Run) run = run_new(SUM_SCHEMA(GROUP_CHECK));
    fill_group_book(run->workbook, "73.77");
    run_validate(run);
    expect_codes(run->findings, NULL);
}

static void test_group_sums_mismatch(void)
{
    g_autoptr(Run) run = run_new(SUM_SCHEMA(GROUP_CHECK));
    fill_group_book(run->workbook, "70");
    run_validate(run);
    /* only 301 is wrong; 3 uses 301 as written */
    expect_codes(run->findings, "JX-SUM-MISMATCH", NULL);
    const JxFinding *f = the(run->findings, "JX-SUM-MISMATCH");
    assert_at(f, 1, 2, 2);
    g_assert_cmpstr(f->check, ==, "groups");
    assert_zh_has(f, "工资福利支出", "273.77", "270.00", "3.77", "所列明细", NULL);
    g_assert_null(strstr(f->text[JX_LANG_ZH], "（万元）"));   /* the unit is printed once */
}

/* ---- the same figure in two places ---------------------------------------- */

#define SAME_SCHEMA(settings) HEAD settings \
    "'sheets':{'budget':{'name':'基础数据表'},'ind':{'name':'绩效自评表'}}," \
    "'fields':{'cost':{'label':{'zh':'项目成本','en':'Project cost'},'sheet':'budget'," \
    " 'at':{'cell':'D5'},'type':'amount'}}," \
    "'tables':{'ind':{'label':{'zh':'绩效指标','en':'Indicators'},'sheet':'ind'," \
    " 'header':{'label':'三级指标','label_column':'A'}," \
    " 'columns':{'name':{'header':'三级指标','type':'text'},'target':{'header':'年度指标值','type':'quantity'}," \
    "  'actual':{'header':'实际完成值','type':'quantity'}}}}," \
    "'checks':[{'id':'same.cost','kind':'same','refs':['cost','ind[name=成本].actual']}]}"

static Run *same_run(const char *settings, const char *cost, const char *quoted)
{
    g_autofree char *schema = g_strdup_printf(SAME_SCHEMA("%s"), settings);
    Run *run = run_new(schema);
    const char *const budget[][4] = { { "" }, { "" }, { "" }, { "" }, { "项目成本", "", "", cost } };
    const char *const ind[][3] = {
        { "三级指标", "年度指标值", "实际完成值" },
        { "培训人次", "≥300人次", "320人次" },
        { "成本", "≤420万元", quoted },
    };
    FILL(run->workbook, "基础数据表", budget);
    FILL(run->workbook, "绩效自评表", ind);
    run_validate(run);
    return run;
}

static void test_same(void)
{
    /* 0.01 apart, note_limit 0.01: a rounding note */
    g_autoptr(Run) note = same_run("'settings':{'note_limit':0.01},", "410.41", "410.42万元");
    expect_codes(note->findings, "JX-SAME-ROUNDING", NULL);
    const JxFinding *f = the(note->findings, "JX-SAME-ROUNDING");
    g_assert_cmpint(f->severity, ==, JX_SEVERITY_NOTE);
    assert_at(f, 1, 2, 2);
    assert_zh_has(f, "410.42", "410.41", "基础数据表!D5", "舍入", NULL);

    /* 0.19 apart: an error */
    g_autoptr(Run) differs = same_run("'settings':{'note_limit':0.01},", "410.41", "410.60");
    expect_codes(differs->findings, "JX-SAME-DIFFERS", NULL);
    f = the(differs->findings, "JX-SAME-DIFFERS");
    g_assert_cmpint(f->severity, ==, JX_SEVERITY_ERROR);
    assert_at(f, 1, 2, 2);
    assert_zh_has(f, "410.60", "410.41", "0.19", NULL);
    g_assert_null(strstr(f->text[JX_LANG_ZH], "舍入"));

    /* the same figure, in another unit or as written */
    g_autoptr(Run) same = same_run("", "410.41", "4104100元");
    expect_codes(same->findings, NULL);
    g_autoptr(Run) equal = same_run("", "410.41", "410.41万元");
    expect_codes(equal->findings, NULL);

    /* the default note limit is 0.01; a wider one makes 0.19 a note */
    g_autoptr(Run) dflt = same_run("", "410.41", "410.42");
    expect_codes(dflt->findings, "JX-SAME-ROUNDING", NULL);
    g_autoptr(Run) wide = same_run("'settings':{'note_limit':0.2},", "410.41", "410.60");
    expect_codes(wide->findings, "JX-SAME-ROUNDING", NULL);

    /* an empty quote is not compared */
    g_autoptr(Run) empty = same_run("", "410.41", "");
    expect_codes(empty->findings, NULL);
}

/* ---- indicators ------------------------------------------------------------ */

#define IND_SCHEMA(settings, checks) HEAD settings \
    "'sheets':{'ind':{'name':'绩效自评表'}},'fields':{}," \
    "'tables':{'ind':{'label':{'zh':'绩效指标','en':'Indicators'},'sheet':'ind'," \
    " 'header':{'label':'三级指标','label_column':'A'}," \
    " 'columns':{'name':{'header':'三级指标','type':'text'},'target':{'header':'年度指标值','type':'quantity'}," \
    "  'actual':{'header':'实际完成值','type':'quantity'},'weight':{'header':'分值','type':'number'}," \
    "  'score':{'header':'得分','type':'number'},'band':{'header':'档次','type':'band'}," \
    "  'deviation':{'header':'偏差原因分析及改进措施','type':'text'}}}}," \
    "'checks':[" checks "]}"

#define IND_CHECK "{'id':'ind','kind':'indicators','table':'ind','columns':{'name':'name','target':'target'," \
                  "'actual':'actual','weight':'weight','score':'score','band':'band','deviation':'deviation'}}"

enum { C_NAME, C_TARGET, C_ACTUAL, C_WEIGHT, C_SCORE, C_BAND, C_DEVIATION };

typedef struct {
    const char *path;
    const char *cells[7];      /* name, target, actual, weight, score, band, deviation */
    const char *code;          /* the one finding expected, or NULL for none */
    int col;                   /* its column */
    const char *zh[3];         /* words of its Chinese text */
} IndicatorCase;

static const IndicatorCase indicator_cases[] = {
    { "/validate/indicators/unparseable-target",
      { "培训人次", "5..3人次", "3人次", "10" }, "JX-INDICATOR-UNPARSEABLE", C_TARGET, { "培训人次", "5..3人次", "年度指标值" } },
    { "/validate/indicators/unparseable-actual",
      { "培训人次", "≥300人次", "300人次abc", "10" }, "JX-INDICATOR-UNPARSEABLE", C_ACTUAL, { "300人次abc", "实际完成值" } },
    { "/validate/indicators/empty-target-not-unparseable",
      { "培训人次", "", "300人次", "10" }, NULL, 0, { NULL } },
    { "/validate/indicators/people-in-money",
      { "服务群众", "≥5万人次", "超过6万元", "10" }, "JX-PEOPLE-IN-MONEY", C_ACTUAL, { "服务群众", "超过6万元", "≥5万人次" } },
    { "/validate/indicators/people-named-in-money",
      { "培训人数", "≥300", "超过6万元", "10" }, "JX-PEOPLE-IN-MONEY", C_ACTUAL, { "培训人数" } },
    { "/validate/indicators/units",
      { "举办活动", "≥2个", "3场", "10" }, "JX-INDICATOR-UNITS", C_ACTUAL, { "举办活动", "≥2个", "3场" } },
    { "/validate/indicators/money-target-people-actual",
      { "项目资金", "≥300万元", "320万人次", "10" }, "JX-INDICATOR-UNITS", C_ACTUAL, { "≥300万元", "320万人次", "金额" } },
    { "/validate/indicators/money-target-named-people",
      { "培训人次补助", "≤300万元", "320万人次", "10" }, "JX-INDICATOR-UNITS", C_ACTUAL, { "金额", "人次" } },
    { "/validate/indicators/people-target-money-actual",
      { "培训", "≥300人次", "320万元", "10" }, "JX-PEOPLE-IN-MONEY", C_ACTUAL, { "≥300人次", "320万元" } },
    { "/validate/indicators/units-convert",
      { "项目成本", "≤10万元", "95000元", "10" }, NULL, 0, { NULL } },
    { "/validate/indicators/unmet-no-reason",
      { "培训人次", "≥100人次", "80人次", "10" }, "JX-UNMET-NO-REASON", C_DEVIATION, { "培训人次", "80.00%" } },
    { "/validate/indicators/unmet-with-reason",
      { "培训人次", "≥100人次", "80人次", "10", "", "", "疫情影响，已调整计划" }, NULL, 0, { NULL } },
    { "/validate/indicators/unmet-reverse",
      { "项目成本", "≤50万元", "60万元", "10" }, "JX-UNMET-NO-REASON", C_DEVIATION, { "80.00%" } },
    { "/validate/indicators/unmet-score-right",
      { "培训人次", "≥100人次", "80人次", "10", "8", "", "原因" }, NULL, 0, { NULL } },
    { "/validate/indicators/met",
      { "培训人次", "≥100人次", "100人次", "10", "10" }, NULL, 0, { NULL } },
    { "/validate/indicators/overachieved",
      { "培训人次", "≥100人次", "130人次", "10" }, "JX-OVERACHIEVED-NO-REASON", C_DEVIATION, { "130.00%", "120%" } },
    { "/validate/indicators/overachieved-at-limit",
      { "培训人次", "≥100人次", "120人次", "10" }, "JX-OVERACHIEVED-NO-REASON", C_DEVIATION, { "120.00%" } },
    { "/validate/indicators/overachieved-below-limit",
      { "培训人次", "≥100人次", "119人次", "10" }, NULL, 0, { NULL } },
    { "/validate/indicators/overachieved-explained",
      { "培训人次", "≥100人次", "130人次", "10", "", "", "需求超出预期" }, NULL, 0, { NULL } },
    { "/validate/indicators/deadline-met",
      { "完成时间", "2023年12月31日前", "2023年11月30日", "10", "10" }, NULL, 0, { NULL } },
    { "/validate/indicators/deadline-missed",
      { "完成时间", "2023年12月31日前", "2024年1月15日", "10" }, "JX-UNMET-NO-REASON", C_DEVIATION, { "0.00%" } },
    { "/validate/indicators/score-above-weight",
      { "培训人次", "≥100人次", "100人次", "10", "12" }, "JX-SCORE-ABOVE-WEIGHT", C_SCORE, { "12", "10" } },
    { "/validate/indicators/score-mismatch",
      { "培训人次", "≥100人次", "100人次", "10", "8" }, "JX-SCORE-MISMATCH", C_SCORE, { "8", "应为 10" } },
    { "/validate/indicators/score-rounding-kept",
      { "培训人次", "≥300人次", "200人次", "10", "6.67", "", "原因" }, NULL, 0, { NULL } },
    { "/validate/indicators/score-outside-band",
      { "社会效益", "有效提升", "有所提升", "10", "9", "部分达成", "宣传不足" }, "JX-SCORE-OUTSIDE-BAND", C_SCORE,
      { "社会效益", "9", "[6, 8)" } },
    { "/validate/indicators/score-inside-band",
      { "社会效益", "有效提升", "有所提升", "10", "7", "部分达成", "宣传不足" }, NULL, 0, { NULL } },
    { "/validate/indicators/band-partial-unexplained",
      { "社会效益", "有效提升", "有所提升", "10", "7", "部分达成" }, "JX-UNMET-NO-REASON", C_DEVIATION, { "社会效益" } },
    { "/validate/indicators/band-achieved-top",
      { "社会效益", "有效提升", "明显提升", "10", "10", "达成年度指标" }, NULL, 0, { NULL } },
    { "/validate/indicators/band-achieved-low",
      { "社会效益", "有效提升", "明显提升", "10", "7.9", "达成" }, "JX-SCORE-OUTSIDE-BAND", C_SCORE, { "[8, 10]" } },
    { "/validate/indicators/band-missing",
      { "社会效益", "有效提升", "有所提升", "10" }, "JX-BAND-MISSING", C_BAND, { "社会效益" } },
    { "/validate/indicators/band-missing-but-achieved",
      { "社会效益", "有效提升", "达到预期", "10" }, NULL, 0, { NULL } },
};

static Run *indicator_run(const char *settings, const char *const *rows, int n_rows)
{
    g_autofree char *schema = g_strdup_printf(IND_SCHEMA("%s", IND_CHECK), settings);
    Run *run = run_new(schema);
    JxSheet *sheet = jx_workbook_add_sheet(run->workbook, "绩效自评表", n_rows + 2, 7);
    static const char *const header[] = {
        "三级指标", "年度指标值", "实际完成值", "分值", "得分", "档次", "偏差原因分析及改进措施",
    };
    jx_sheet_set_text(run->workbook, sheet, 0, 0, "绩效自评表");
    for (int c = 0; c < 7; c++)
        set_cell(run->workbook, sheet, 1, c, header[c]);
    for (int r = 0; r < n_rows; r++)
        for (int c = 0; c < 7; c++)
            set_cell(run->workbook, sheet, r + 2, c, rows[r * 7 + c]);
    run_validate(run);
    return run;
}

static void test_indicator(gconstpointer data)
{
    const IndicatorCase *k = data;
    g_autoptr(Run) run = indicator_run("", k->cells, 1);
    if (k->code == NULL) {
        expect_codes(run->findings, NULL);
        return;
    }
    expect_codes(run->findings, k->code, NULL);
    const JxFinding *f = the(run->findings, k->code);
    assert_at(f, 0, 2, k->col);
    g_assert_cmpstr(f->check, ==, "ind");
    for (int i = 0; i < 3 && k->zh[i]; i++)
        assert_zh_has(f, k->zh[i], NULL);
}

/* The thresholds come from the schema's settings. */
static void test_indicator_settings(void)
{
    static const char *const row[] = { "培训人次", "≥100人次", "125人次", "10", NULL, NULL, NULL };
    g_autoptr(Run) strict = indicator_run("", row, 1);
    expect_codes(strict->findings, "JX-OVERACHIEVED-NO-REASON", NULL);
    g_autoptr(Run) lenient = indicator_run("'settings':{'scoring':{'overachievement':1.3}},", row, 1);
    expect_codes(lenient->findings, NULL);

    static const char *const band[] = { "社会效益", "有效提升", "有所提升", "10", "6.5", "部分达成", "原因" };
    g_autoptr(Run) dflt = indicator_run("", band, 1);
    expect_codes(dflt->findings, NULL);
    g_autoptr(Run) narrow = indicator_run("'settings':{'scoring':{'band_partial_low':0.7}},", band, 1);
    expect_codes(narrow->findings, "JX-SCORE-OUTSIDE-BAND", NULL);
}

/* Several rows: each is checked, each finding on its own row. */
static void test_indicator_rows(void)
{
    static const char *const rows[] = {
        "培训人次", "≥100人次", "80人次", "10", NULL, NULL, NULL,
        "举办活动", "≥2个", "3场", "10", NULL, NULL, NULL,
        "满意度", "≥90%", "95%", "10", "10", NULL, NULL,
        "社会效益", "有效提升", "有所提升", "10", NULL, NULL, NULL,
    };
    g_autoptr(Run) run = indicator_run("", rows, 4);
    expect_codes(run->findings, "JX-UNMET-NO-REASON", "JX-INDICATOR-UNITS", "JX-BAND-MISSING", NULL);
    assert_at(the(run->findings, "JX-UNMET-NO-REASON"), 0, 2, C_DEVIATION);
    assert_at(the(run->findings, "JX-INDICATOR-UNITS"), 0, 3, C_ACTUAL);
    assert_at(the(run->findings, "JX-BAND-MISSING"), 0, 5, C_BAND);
}


/* ---- a department's table: gaps, spare rows, rows found by role ------------ */

/* The layout of the standard 绩效自评表 in small: 一级/二级 preset by the
 * template, the rest the department's; 总分 ends the table; the cost
 * indicator is found by its role. */
#define DEPT_SCHEMA(settings) HEAD settings \
    "'sheets':{'ind':{'name':'绩效自评表'},'budget':{'name':'基础数据表'}}," \
    "'fields':{'total':{'label':{'zh':'整体支出全年执行数','en':'Total expenditure'},'sheet':'budget'," \
    "  'at':{'cell':'B2'},'type':'amount'}," \
    " 'execution':{'label':{'zh':'预算执行率分值','en':'Execution weight'},'sheet':'budget','at':{'cell':'B3'},'type':'number'}}," \
    "'tables':{'ind':{'label':{'zh':'绩效指标','en':'Indicators'},'sheet':'ind'," \
    " 'header':{'label':'一级指标','label_column':'A'},'end':{'labels':['总分']}," \
    " 'defined_by':['name','target','actual','weight','band','deviation']," \
    " 'columns':{'level1':{'header':'一级指标','type':'text','required':true}," \
    "  'level2':{'header':'二级指标','type':'text','required':true}," \
    "  'name':{'header':'三级指标','type':'text','required':true}," \
    "  'target':{'header':'年度指标值','type':'quantity','required':true}," \
    "  'actual':{'header':'实际完成值','type':'quantity','required':true}," \
    "  'weight':{'header':'分值','type':'number','required':true}," \
    "  'score':{'header':'得分','type':'number'},'band':{'header':'档次','type':'band'}," \
    "  'deviation':{'header':'偏差原因分析及改进措施','type':'text'}},'key':'name'," \
    " 'roles':{'cost':{'label':{'zh':'部门整体支出成本指标','en':'the department-wide cost indicator'}," \
    "  'names':['部门整体支出','部门整体支出成本'],'where':['level1=成本指标','level2=成本指标'],'amount':'target'}}}}," \
    "'checks':[" IND_CHECK "," \
    " {'id':'weights','kind':'weights','parts':['execution','ind[*].weight'],'total':100}," \
    " {'id':'cost','kind':'same','refs':['total','ind[@cost].actual']}]}"

enum { D_LEVEL1, D_LEVEL2, D_NAME, D_TARGET, D_ACTUAL, D_WEIGHT, D_SCORE, D_BAND, D_DEVIATION, D_COLUMNS };

static const char *const dept_header[D_COLUMNS] = {
    "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "档次", "偏差原因分析及改进措施",
};

/* rows: n × D_COLUMNS cells (NULL or "" empty); then 总分.  The budget
 * sheet holds the total expenditure and the execution weight 10. */
static Run *dept_run(const char *settings, const char *total, const char *const *rows, int n)
{
    g_autofree char *schema = g_strdup_printf(DEPT_SCHEMA("%s"), settings);
    Run *run = run_new(schema);
    JxSheet *sheet = jx_workbook_add_sheet(run->workbook, "绩效自评表", n + 3, D_COLUMNS);
    jx_sheet_set_text(run->workbook, sheet, 0, 0, "部门整体支出绩效自评表");
    for (int c = 0; c < D_COLUMNS; c++)
        set_cell(run->workbook, sheet, 1, c, dept_header[c]);
    for (int r = 0; r < n; r++)
        for (int c = 0; c < D_COLUMNS; c++)
            set_cell(run->workbook, sheet, r + 2, c, rows[r * D_COLUMNS + c]);
    set_cell(run->workbook, sheet, n + 2, 0, "总分");
    JxSheet *budget = jx_workbook_add_sheet(run->workbook, "基础数据表", 3, 2);
    set_cell(run->workbook, budget, 1, 1, total);
    set_cell(run->workbook, budget, 2, 1, "10");
    run_validate(run);
    return run;
}

#define ROW9(l1, l2, name, target, actual, weight) l1, l2, name, target, actual, weight, NULL, NULL, NULL
#define BLANK9 NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL

/* Preset rows the department did not use (一级/二级 only) are not errors;
 * the rows after them are validated and scored. */
static void test_dept_unused_rows(void)
{
    static const char *const rows[] = {
        ROW9("产出指标", "数量指标", "培训人次", "≥100人次", "100人次", "30"),
        ROW9("产出指标", "数量指标", NULL, NULL, NULL, NULL),
        ROW9("产出指标", "质量指标", NULL, NULL, NULL, NULL),
        ROW9("产出指标", "成本指标", "部门整体支出", "≤500万元", "480万元", "20"),
        ROW9("效益指标", "社会效益指标", NULL, NULL, NULL, NULL),
        ROW9("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "40"),
    };
    g_autoptr(Run) run = dept_run("", "480", rows, 6);
    expect_codes(run->findings, NULL);
    g_assert_cmpuint(jx_model_table(run->model, "ind")->rows->len, ==, 3);
}

/* A blank row in the middle ends nothing: one note at it, no weights error,
 * the indicators below it are checked (the unmet one is found). */
static void test_dept_blank_row(void)
{
    static const char *const rows[] = {
        ROW9("产出指标", "数量指标", "培训人次", "≥100人次", "100人次", "30"),
        BLANK9,
        ROW9("产出指标", "成本指标", "部门整体支出", "≤500万元", "480万元", "20"),
        ROW9("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "40"),
    };
    g_autoptr(Run) run = dept_run("", "480", rows, 4);
    expect_codes(run->findings, "JX-ROW-BLANK", NULL);
    assert_at(the(run->findings, "JX-ROW-BLANK"), 0, 3, 0);
    g_assert_cmpuint(jx_model_table(run->model, "ind")->rows->len, ==, 3);

    static const char *const unmet[] = {
        ROW9("产出指标", "数量指标", "培训人次", "≥100人次", "100人次", "30"),
        BLANK9,
        ROW9("产出指标", "成本指标", "部门整体支出", "≤500万元", "480万元", "20"),
        ROW9("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "81%", "40"),
    };
    g_autoptr(Run) below = dept_run("", "480", unmet, 4);
    expect_codes(below->findings, "JX-ROW-BLANK", "JX-UNMET-NO-REASON", NULL);
    assert_at(the(below->findings, "JX-UNMET-NO-REASON"), 0, 5, D_DEVIATION);
}

/* The cost indicator is the 成本指标 row whose target is an amount, whatever
 * the department calls it: the figure is compared with the budget total,
 * and a typo there is found at its cell. */
static void test_dept_cost_role(void)
{
    static const char *const names[] = { "全年支出", "年度预算支出", "部门整体支出成本", "部门整体支出" };
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        const char *const rows[] = {
            ROW9("产出指标", "数量指标", "培训人次", "≥100人次", "100人次", "30"),
            ROW9("产出指标", "成本指标", names[i], "≤900万元", "852.63万元", "20"),
            ROW9("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "40"),
        };
        g_autoptr(Run) ok = dept_run("", "852.63", rows, 3);
        expect_codes(ok->findings, NULL);
        g_autoptr(Run) typo = dept_run("", "852.36", rows, 3);
        expect_codes(typo->findings, "JX-SAME-DIFFERS", NULL);
        const JxFinding *f = the(typo->findings, "JX-SAME-DIFFERS");
        assert_at(f, 0, 3, D_ACTUAL);
        assert_zh_has(f, names[i], "852.63", "852.36", NULL);
    }
    /* 成本指标 as the 一级指标 (the newer framework) */
    static const char *const level1[] = {
        ROW9("产出指标", "数量指标", "培训人次", "≥100人次", "100人次", "30"),
        ROW9("成本指标", "经济成本指标", "全年支出", "≤900万元", "852.63万元", "20"),
        ROW9("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "40"),
    };
    g_autoptr(Run) framework = dept_run("", "852.36", level1, 3);
    expect_codes(framework->findings, "JX-SAME-DIFFERS", NULL);
}

/* Two amount rows under 成本指标: the one with an accepted name is the cost
 * indicator; with none, the finding says which role and how to mark it. */
static void test_dept_cost_role_ambiguous_or_missing(void)
{
    static const char *const named[] = {
        ROW9("产出指标", "成本指标", "三公经费", "≤20万元", "18万元", "20"),
        ROW9("产出指标", "成本指标", "部门整体支出", "≤900万元", "852.63万元", "30"),
        ROW9("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "40"),
    };
    g_autoptr(Run) one = dept_run("", "852.63", named, 3);
    expect_codes(one->findings, NULL);

    static const char *const two[] = {
        ROW9("产出指标", "成本指标", "三公经费", "≤20万元", "18万元", "20"),
        ROW9("产出指标", "成本指标", "全年支出", "≤900万元", "852.63万元", "30"),
        ROW9("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "40"),
    };
    g_autoptr(Run) ambiguous = dept_run("", "852.63", two, 3);
    expect_codes(ambiguous->findings, "JX-ROLE-AMBIGUOUS", NULL);
    const JxFinding *f = the(ambiguous->findings, "JX-ROLE-AMBIGUOUS");
    assert_zh_has(f, "部门整体支出成本指标", "三公经费", "全年支出", "部门整体支出", NULL);
    assert_en_has(f, "the department-wide cost indicator");

    static const char *const none[] = {
        ROW9("产出指标", "数量指标", "培训人次", "≥100人次", "100人次", "60"),
        ROW9("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "30"),
    };
    g_autoptr(Run) missing = dept_run("", "852.63", none, 2);
    expect_codes(missing->findings, "JX-ROLE-MISSING", NULL);
    f = the(missing->findings, "JX-ROLE-MISSING");
    assert_zh_has(f, "部门整体支出成本指标", "成本指标", "部门整体支出", NULL);
    assert_en_has(f, "the department-wide cost indicator");
    g_assert_cmpstr(f->check, ==, "cost");
}

/* The score tolerance follows settings.scoring.score_decimals: with one
 * decimal a typed 9.74 is the rules' 9.7. */
static void test_dept_score_decimals(void)
{
    static const char *const rows[] = {
        "产出指标", "数量指标", "培训人次", "≥100人次", "97人次", "70", "67.9", NULL, "个别学员未到",
        ROW9("产出指标", "成本指标", "部门整体支出", "≤500万元", "480万元", "20"),
    };
    g_autoptr(Run) two = dept_run("", "480", rows, 2);
    expect_codes(two->findings, NULL);
    g_autoptr(Run) one = dept_run("'settings':{'scoring':{'score_decimals':1}},", "480", rows, 2);
    expect_codes(one->findings, NULL);
    static const char *const typed[] = {
        "产出指标", "数量指标", "培训人次", "≥100人次", "97人次", "70", "67.94", NULL, "个别学员未到",
        ROW9("产出指标", "成本指标", "部门整体支出", "≤500万元", "480万元", "20"),
    };
    g_autoptr(Run) near = dept_run("'settings':{'scoring':{'score_decimals':1}},", "480", typed, 2);
    expect_codes(near->findings, NULL);
    g_autoptr(Run) far = dept_run("", "480", typed, 2);
    expect_codes(far->findings, "JX-SCORE-MISMATCH", NULL);
}

/* ---- weights ------------------------------------------------------------------ */

static void test_weights(void)
{
    static const char *const rows[] = {
        "培训人次", "≥100人次", "100人次", "10", NULL, NULL, NULL,
        "满意度", "≥90%", "95%", "20", NULL, NULL, NULL,
        "社会效益", "有效提升", "达到预期", "30", NULL, NULL, NULL,
    };
    static const char *const checks[] = {
        "{'id':'w','kind':'weights','total':100,'parts':['ind[*].weight']}",
        "{'id':'w','kind':'weights','table':'ind','column':'weight','total':100}",
        "{'id':'w','kind':'weights','parts':['ind[*].weight']}",   /* 100 by default */
    };
    for (gsize i = 0; i < G_N_ELEMENTS(checks); i++) {
        g_autofree char *schema = g_strdup_printf(IND_SCHEMA("", "%s"), checks[i]);
        g_autoptr(Run) run = run_new(schema);
        JxSheet *sheet = jx_workbook_add_sheet(run->workbook, "绩效自评表", 5, 7);
        set_cell(run->workbook, sheet, 0, 0, "三级指标");
        set_cell(run->workbook, sheet, 0, 3, "分值");
        set_cell(run->workbook, sheet, 0, 1, "年度指标值");
        set_cell(run->workbook, sheet, 0, 2, "实际完成值");
        set_cell(run->workbook, sheet, 0, 4, "得分");
        set_cell(run->workbook, sheet, 0, 5, "档次");
        set_cell(run->workbook, sheet, 0, 6, "偏差原因分析及改进措施");
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 7; c++)
                set_cell(run->workbook, sheet, r + 1, c, rows[r * 7 + c]);
        run_validate(run);
        expect_codes(run->findings, "JX-WEIGHTS-TOTAL", NULL);
        const JxFinding *f = the(run->findings, "JX-WEIGHTS-TOTAL");
        assert_at(f, 0, 1, 3);   /* the first weight */
        g_assert_cmpstr(f->check, ==, "w");
        assert_zh_has(f, "60", "100", NULL);
        assert_en_has(f, "add up to 60");
    }

    /* 50 + 30 + 20 = 100 */
    g_autofree char *schema = g_strdup_printf(IND_SCHEMA("", "%s"), checks[0]);
    g_autoptr(Run) ok = run_new(schema);
    const char *const grid[][7] = {
        { "三级指标", "年度指标值", "实际完成值", "分值", "得分", "档次", "偏差原因分析及改进措施" },
        { "a", "≥1个", "1个", "50" },
        { "b", "≥1个", "1个", "30" },
        { "c", "≥1个", "1个", "20" },
    };
    FILL(ok->workbook, "绩效自评表", grid);
    run_validate(ok);
    expect_codes(ok->findings, NULL);

    /* another expected total */
    g_autoptr(Run) other = run_new(IND_SCHEMA("", "{'id':'w','kind':'weights','total':90,'parts':['ind[*].weight']}"));
    FILL(other->workbook, "绩效自评表", grid);
    run_validate(other);
    expect_codes(other->findings, "JX-WEIGHTS-TOTAL", NULL);
    assert_zh_has(the(other->findings, "JX-WEIGHTS-TOTAL"), "100", "90", NULL);
}

/* ---- execution ------------------------------------------------------------------ */

#define EXEC_SCHEMA(explanation) HEAD \
    "'sheets':{'s':{'name':'项目支出绩效自评表'}}," \
    "'fields':{'budget':{'label':{'zh':'全年预算数','en':'Budget'},'sheet':'s','at':{'cell':'C2'},'type':'amount'}," \
    " 'executed':{'label':{'zh':'全年执行数','en':'Executed'},'sheet':'s','at':{'cell':'D2'},'type':'amount'}," \
    " 'why':{'label':{'zh':'说明','en':'Explanation'},'sheet':'s','at':{'cell':'E2'},'type':'text'}}," \
    "'checks':[{'id':'exec','kind':'execution','budget':'budget','executed':'executed'" explanation "}]}"

static Run *execution_run(const char *schema, const char *budget, const char *executed, const char *why)
{
    Run *run = run_new(schema);
    const char *const grid[][5] = {
        { "", "", "全年预算数", "全年执行数", "说明" },
        { "年度资金总额", "", budget, executed, why },
    };
    FILL(run->workbook, "项目支出绩效自评表", grid);
    run_validate(run);
    return run;
}

static void test_execution(void)
{
    const char *schema = EXEC_SCHEMA(",'explanation':'why'");
    g_autoptr(Run) low = execution_run(schema, "100", "80", "");
    expect_codes(low->findings, "JX-EXECUTION-LOW", NULL);
    const JxFinding *f = the(low->findings, "JX-EXECUTION-LOW");
    g_assert_cmpint(f->severity, ==, JX_SEVERITY_WARNING);
    assert_at(f, 0, 1, 4);   /* at the explanation cell */
    g_assert_cmpstr(f->check, ==, "exec");
    assert_zh_has(f, "80.00%", "90%", NULL);

    g_autoptr(Run) explained = execution_run(schema, "100", "80", "项目延期至次年");
    expect_codes(explained->findings, NULL);
    g_autoptr(Run) high = execution_run(schema, "100", "95", "");
    expect_codes(high->findings, NULL);
    g_autoptr(Run) at_limit = execution_run(schema, "100", "90", "");
    expect_codes(at_limit->findings, NULL);
    g_autoptr(Run) units = execution_run(schema, "100", "800000元", "");   /* 80 万元 */
    expect_codes(units->findings, "JX-EXECUTION-LOW", NULL);

    g_autoptr(Run) zero = execution_run(schema, "0", "10", "");
    expect_codes(zero->findings, "JX-BUDGET-ZERO", NULL);
    f = the(zero->findings, "JX-BUDGET-ZERO");
    assert_at(f, 0, 1, 2);
    g_assert_cmpint(f->severity, ==, JX_SEVERITY_ERROR);

    /* without an explanation reference the finding sits at the executed cell */
    g_autoptr(Run) bare = execution_run(EXEC_SCHEMA(""), "100", "50", "");
    expect_codes(bare->findings, "JX-EXECUTION-LOW", NULL);
    assert_at(the(bare->findings, "JX-EXECUTION-LOW"), 0, 1, 3);
    assert_zh_has(the(bare->findings, "JX-EXECUTION-LOW"), "50.00%", NULL);
}

/* ---- non-negative ------------------------------------------------------------ */

static void test_non_negative(void)
{
    static const char *const checks[] = {
        "{'id':'nn','kind':'non_negative','refs':['items[*].executed','basic']}",
        "{'id':'nn','kind':'non_negative','table':'items','column':'executed','refs':['basic']}",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(checks); i++) {
        g_autofree char *schema = g_strdup_printf(SUM_SCHEMA("%s"), checks[i]);
        g_autoptr(Run) run = run_new(schema);
        const char *const budget[][4] = {
            { "整体支出", "", "", "320.45" }, { "基本支出", "", "", "-1.5" }, { "项目支出", "", "", "46.68" },
        };
        static const char *const items[][3] = {
            { "科目编码", "科目名称", "全年执行数（万元）" },
            { "301", "工资福利支出", "273.77" },
            { "302", "商品和服务支出", "-5" },
            { "303", "对个人和家庭的补助", "0" },
            { "310", "资本性支出", "" },
        };
        FILL(run->workbook, "基础数据表", budget);
        FILL(run->workbook, "基本支出明细", items);
        run_validate(run);
        expect_codes(run->findings, "JX-NEGATIVE", "JX-NEGATIVE", NULL);
        const JxFinding *a = g_ptr_array_index(run->findings, 0);
        const JxFinding *b = g_ptr_array_index(run->findings, 1);
        assert_at(a, 0, 1, 3);
        assert_zh_has(a, "基本支出", "-1.50", NULL);
        assert_at(b, 1, 2, 2);
        assert_zh_has(b, "商品和服务支出", "-5.00", NULL);
        g_assert_cmpstr(b->check, ==, "nn");
    }
    g_autoptr(Run) ok = run_new(SUM_SCHEMA("{'id':'nn','kind':'non_negative','refs':['items[*].executed']}"));
    fill_sum_book(ok->workbook, "367.13", "320.45");
    run_validate(ok);
    expect_codes(ok->findings, NULL);
}

/* ---- required cells and types --------------------------------------------------- */

#define VALUE_SCHEMA HEAD \
    "'sheets':{'s':{'name':'基础数据表'}}," \
    "'fields':{'dept':{'label':{'zh':'单位名称','en':'Department'},'sheet':'s','at':{'cell':'B1'},'type':'text','required':true}," \
    " 'amount':{'label':{'zh':'全年预算数','en':'Budget'},'sheet':'s','at':{'cell':'B2'},'type':'amount'}," \
    " 'yuan':{'label':{'zh':'金额（元）','en':'Amount in yuan'},'sheet':'s','at':{'cell':'B3'},'type':'amount','unit':'元'}," \
    " 'count':{'label':{'zh':'人数','en':'Head count'},'sheet':'s','at':{'cell':'B4'},'type':'integer'}," \
    " 'rate':{'label':{'zh':'执行率','en':'Rate'},'sheet':'s','at':{'cell':'B5'},'type':'percent','role':'computed'," \
    "   'compute':{'kind':'execution_rate','budget':'amount','executed':'yuan'}}," \
    " 'note':{'label':{'zh':'备注','en':'Note'},'sheet':'s','at':{'cell':'B6'},'type':'text'}}}"

typedef struct {
    const char *path;
    const char *cells[6];     /* B1 … B6 */
    const char *code;         /* NULL: no finding */
    int row;
    const char *zh;
} ValueCase;

static const ValueCase value_cases[] = {
    { "/validate/values/all-good", { "某某局", "100", "5000", "12", "", "" }, NULL, 0, NULL },
    { "/validate/values/required-empty", { "", "100" }, "JX-REQUIRED-EMPTY", 0, "单位名称" },
    { "/validate/values/required-blank-text", { "'  ", "100" }, "JX-REQUIRED-EMPTY", 0, "单位名称" },
    { "/validate/values/not-required-empty", { "某某局", "" }, NULL, 0, NULL },
    { "/validate/values/text-in-amount", { "某某局", "待定" }, "JX-NOT-A-NUMBER", 1, "待定" },
    { "/validate/values/numerals-in-amount", { "某某局", "一百万元" }, NULL, 0, NULL },
    { "/validate/values/unit-wrong", { "某某局", "5人" }, "JX-UNIT-WRONG", 1, "5人" },
    { "/validate/values/amount-with-unit", { "某某局", "41.73万元", "3万元" }, NULL, 0, NULL },
    { "/validate/values/error-value", { "某某局", "#DIV/0!" }, "JX-ERROR-VALUE", 1, "#DIV/0!" },
    { "/validate/values/error-in-text", { "#N/A" }, "JX-ERROR-VALUE", 0, "#N/A" },
    { "/validate/values/huge", { "某某局", "1e300" }, "JX-NUMBER-HUGE", 1, "全年预算数" },
    { "/validate/values/huge-text", { "某某局", "", "2e13" }, "JX-NUMBER-HUGE", 2, "金额（元）" },
    { "/validate/values/not-huge", { "某某局", "", "9999999999999" }, NULL, 0, NULL },
    { "/validate/values/integer-fraction", { "某某局", "", "", "2.5" }, "JX-NOT-A-NUMBER", 3, "整数" },
    { "/validate/values/integer-text", { "某某局", "", "", "十二人" }, NULL, 0, NULL },
    { "/validate/values/computed-not-checked", { "某某局", "", "", "", "abc" }, NULL, 0, NULL },
};

static void test_value(gconstpointer data)
{
    const ValueCase *k = data;
    g_autoptr(Run) run = run_new(VALUE_SCHEMA);
    JxSheet *sheet = jx_workbook_add_sheet(run->workbook, "基础数据表", 6, 2);
    for (int r = 0; r < 6; r++)
        set_cell(run->workbook, sheet, r, 1, k->cells[r]);
    run_validate(run);
    if (k->code == NULL) {
        expect_codes(run->findings, NULL);
        return;
    }
    expect_codes(run->findings, k->code, NULL);
    const JxFinding *f = the(run->findings, k->code);
    assert_at(f, 0, k->row, 1);
    g_assert_null(f->check);
    assert_zh_has(f, k->zh, NULL);
}

/* A required column is required on every data row; its row is named. */
static void test_required_column(void)
{
    g_autoptr(Run) run = run_new(HEAD "'sheets':{'s':{'name':'明细'}},'fields':{},"
        "'tables':{'items':{'label':{'zh':'明细','en':'Items'},'sheet':'s','header':{'label':'编码','label_column':'A'},"
        "'columns':{'code':{'header':'编码','type':'text'},'name':{'header':'名称','type':'text','required':true},"
        "'v':{'header':'金额','type':'amount'}},'key':'name'}}}");
    static const char *const grid[][3] = {
        { "编码", "名称", "金额" },
        { "301", "工资福利支出", "1" },
        { "'302", "", "abc" },
    };
    FILL(run->workbook, "明细", grid);
    run_validate(run);
    expect_codes(run->findings, "JX-REQUIRED-EMPTY", "JX-NOT-A-NUMBER", NULL);
    const JxFinding *f = the(run->findings, "JX-REQUIRED-EMPTY");
    assert_at(f, 0, 2, 1);
    assert_zh_has(f, "名称", NULL);
    f = the(run->findings, "JX-NOT-A-NUMBER");
    assert_at(f, 0, 2, 2);
    assert_zh_has(f, "302", "金额", "abc", NULL);   /* no key: the first text names the row */
}

/* ---- the engine as a whole ------------------------------------------------------ */

#define MIXED_SCHEMA HEAD \
    "'sheets':{'a':{'name':'甲表'},'b':{'name':'乙表'}}," \
    "'fields':{'dept':{'label':{'zh':'单位','en':'Dept'},'sheet':'b','at':{'cell':'C9'},'type':'text','required':true}," \
    " 'x':{'label':{'zh':'甲','en':'X'},'sheet':'a','at':{'cell':'B1'},'type':'amount'}," \
    " 'y':{'label':{'zh':'乙','en':'Y'},'sheet':'b','at':{'cell':'B1'},'type':'amount'}," \
    " 'budget':{'label':{'zh':'预算','en':'Budget'},'sheet':'a','at':{'cell':'A3'},'type':'amount'}," \
    " 'executed':{'label':{'zh':'执行','en':'Executed'},'sheet':'a','at':{'cell':'B3'},'type':'amount'}," \
    " 'bad':{'label':{'zh':'坏','en':'Bad'},'sheet':'a','at':{'cell':'D7'},'type':'amount'}," \
    " 'worse':{'label':{'zh':'更坏','en':'Worse'},'sheet':'b','at':{'cell':'A2'},'type':'amount'}}," \
    "'checks':[{'id':'same','kind':'same','refs':['x','y']}," \
    " {'id':'exec','kind':'execution','budget':'budget','executed':'executed'}]}"

static Run *mixed_run(void)
{
    Run *run = run_new(MIXED_SCHEMA);
    static const char *const a[][4] = {
        { "", "410.41" }, { "" }, { "100", "50" }, { "" }, { "" }, { "" }, { "", "", "", "abc" },
    };
    static const char *const b[][3] = {
        { "", "410.42" }, { "#VALUE!" }, { "" }, { "" }, { "" }, { "" }, { "" }, { "" }, { "", "", "" },
    };
    FILL(run->workbook, "甲表", a);
    FILL(run->workbook, "乙表", b);
    run_validate(run);
    return run;
}

static void test_sorted(void)
{
    g_autoptr(Run) run = mixed_run();
    expect_codes(run->findings, "JX-REQUIRED-EMPTY", "JX-NOT-A-NUMBER", "JX-ERROR-VALUE",
                 "JX-EXECUTION-LOW", "JX-SAME-ROUNDING", NULL);
    static const char *const order[] = {
        "JX-NOT-A-NUMBER",      /* error, sheet 0, D7 */
        "JX-ERROR-VALUE",       /* error, sheet 1, A2 */
        "JX-REQUIRED-EMPTY",    /* error, sheet 1, C9 */
        "JX-EXECUTION-LOW",     /* warning */
        "JX-SAME-ROUNDING",     /* note */
    };
    for (guint i = 0; i < run->findings->len && i < G_N_ELEMENTS(order); i++)
        g_assert_cmpstr(((JxFinding *)g_ptr_array_index(run->findings, i))->kind->code, ==, order[i]);
    for (guint i = 1; i < run->findings->len; i++) {
        const JxFinding *p = g_ptr_array_index(run->findings, i - 1), *f = g_ptr_array_index(run->findings, i);
        g_assert_cmpint(p->severity, <=, f->severity);
        if (p->severity == f->severity) {
            g_assert_cmpint(p->sheet, <=, f->sheet);
            if (p->sheet == f->sheet)
                g_assert_true(p->row < f->row || (p->row == f->row && p->col <= f->col));
        }
    }
    int errors, warnings, notes;
    jx_findings_count(run->findings, &errors, &warnings, &notes);
    g_assert_cmpint(errors, ==, 3);
    g_assert_cmpint(warnings, ==, 1);
    g_assert_cmpint(notes, ==, 1);
}

/* Validation appends: what the list held stays, and the model's own
 * findings are copied, not moved. */
static void test_appends(void)
{
    g_autoptr(Run) run = run_new(SUM_SCHEMA(SUM_BASIC));
    static const char *const budget[][1] = { { "x" } };
    FILL(run->workbook, "基础数据表", budget);
    run->model = jx_model_build(run->schema, run->workbook);
    g_assert_cmpuint(run->model->findings->len, ==, 4);   /* sheet, 3 labels */
    run->findings = g_ptr_array_new_with_free_func(jx_finding_free);
    g_ptr_array_add(run->findings, jx_finding_new(JX_FINDING_COMPUTE_SKIPPED, -1, 0, 0, "先", "first"));
    jx_validate(run->model, run->findings);
    jx_validate(run->model, run->findings);
    g_assert_cmpuint(run->model->findings->len, ==, 4);
    g_assert_cmpuint(run->findings->len, ==, 9);
    g_assert_cmpstr(((JxFinding *)g_ptr_array_index(run->findings, 8))->kind->code, ==, "JX-COMPUTE-SKIPPED");
}

static gboolean kind_is_known(const JxFindingKind *kind)
{
    gsize n;
    const JxFindingKind *kinds = jx_finding_kinds(&n);
    for (gsize i = 0; i < n; i++)
        if (kind == &kinds[i])
            return TRUE;
    return FALSE;
}

static void assert_kinds_known(const GPtrArray *findings)
{
    for (guint i = 0; i < findings->len; i++) {
        const JxFinding *f = g_ptr_array_index(findings, i);
        g_assert_true(kind_is_known(f->kind));
        g_assert_true(jx_finding_kind_named(f->kind->code) == f->kind);
        g_assert_cmpint(f->severity, ==, f->kind->severity);
        g_assert_true(g_utf8_validate(f->text[JX_LANG_ZH], -1, NULL));
        g_assert_true(g_utf8_validate(f->text[JX_LANG_EN], -1, NULL));
        g_assert_cmpstr(f->text[JX_LANG_ZH], !=, "");
        g_assert_cmpstr(f->text[JX_LANG_EN], !=, "");
        g_assert_cmpstr(f->text[JX_LANG_ZH], !=, f->text[JX_LANG_EN]);   /* two languages */
    }
}

static void test_kinds(void)
{
    gsize n;
    const JxFindingKind *kinds = jx_finding_kinds(&n);
    g_assert_cmpuint(n, >, 20);
    g_autoptr(GHashTable) codes = g_hash_table_new(g_str_hash, g_str_equal);
    for (gsize i = 0; i < n; i++) {
        g_assert_true(g_str_has_prefix(kinds[i].code, "JX-"));
        g_assert_false(g_hash_table_contains(codes, kinds[i].code));
        g_hash_table_add(codes, (gpointer)kinds[i].code);
        g_assert_cmpstr(kinds[i].summary[0], !=, "");
        g_assert_cmpstr(kinds[i].summary[1], !=, "");
        g_assert_true(jx_finding_kind_named(kinds[i].code) == &kinds[i]);
    }
    g_assert_null(jx_finding_kind_named("JX-NOPE"));
    g_assert_null(jx_finding_kind_named(NULL));

    /* every finding of every test workbook here has a kind from the table */
    g_autoptr(Run) mixed = mixed_run();
    assert_kinds_known(mixed->findings);
    for (gsize i = 0; i < G_N_ELEMENTS(indicator_cases); i++) {
        g_autoptr(Run) run = indicator_run("", indicator_cases[i].cells, 1);
        assert_kinds_known(run->findings);
    }
    g_autoptr(Run) sum = run_new(SUM_SCHEMA(SUM_BASIC "," GROUP_CHECK));
    fill_sum_book(sum->workbook, "320.45", "273.77");
    run_validate(sum);
    assert_kinds_known(sum->findings);

    g_assert_cmpstr(jx_severity_name(JX_SEVERITY_ERROR, JX_LANG_EN), ==, "error");
    g_assert_cmpstr(jx_severity_name(JX_SEVERITY_WARNING, JX_LANG_EN), ==, "warning");
    g_assert_cmpstr(jx_severity_name(JX_SEVERITY_NOTE, JX_LANG_EN), ==, "note");
    g_assert_cmpstr(jx_severity_name(JX_SEVERITY_ERROR, JX_LANG_ZH), ==, "错误");
}

/* Every check kind at once, on a workbook whose every cell is an error, and
 * on a workbook without sheets: no crash, and what is wrong is said. */
#define EVERYTHING_SCHEMA HEAD \
    "'sheets':{'budget':{'name':'基础数据表'},'items':{'name':'基本支出明细'},'ind':{'name':'绩效自评表'}}," \
    "'fields':{" \
    " 'dept':{'label':{'zh':'单位','en':'Dept'},'sheet':'budget','at':{'named':'JX_DEPARTMENT'},'type':'text','required':true}," \
    " 'total':{'label':{'zh':'整体支出','en':'Total'},'sheet':'budget','at':{'label':'整体支出','label_column':'A','value_column':'D'},'type':'amount','required':true}," \
    " 'basic':{'label':{'zh':'基本支出','en':'Basic'},'sheet':'budget','at':{'cell':'D4'},'type':'amount','required':true}," \
    " 'project':{'label':{'zh':'项目支出','en':'Project'},'sheet':'budget','at':{'cell':'D5'},'type':'amount'}," \
    " 'budget':{'label':{'zh':'预算','en':'Budget'},'sheet':'budget','at':{'cell':'B6'},'type':'amount'}," \
    " 'why':{'label':{'zh':'说明','en':'Why'},'sheet':'budget','at':{'cell':'C6'},'type':'text'}}," \
    "'tables':{" \
    " 'items':{'label':{'zh':'明细','en':'Items'},'sheet':'items','header':{'label':'科目编码','label_column':'A'}," \
    "  'columns':{'code':{'header':'科目编码','type':'text'},'name':{'header':'科目名称','type':'text','required':true}," \
    "   'executed':{'column':'C','type':'amount'}},'key':'name','groups':{'column':'code','rule':'prefix'}}," \
    " 'ind':{'label':{'zh':'指标','en':'Indicators'},'sheet':'ind','header':{'label':'三级指标','label_column':'A'}," \
    "  'columns':{'name':{'column':'A','type':'text'},'target':{'column':'B','type':'quantity','required':true}," \
    "   'actual':{'column':'C','type':'quantity'},'weight':{'column':'D','type':'number'}," \
    "   'score':{'column':'E','type':'number'},'band':{'column':'F','type':'band'},'deviation':{'column':'G','type':'text'}}}}," \
    "'checks':[" SUM_BASIC "," \
    " {'id':'sum.total','kind':'sum','total':'total','parts':['basic','project']}," \
    " " GROUP_CHECK "," \
    " {'id':'same','kind':'same','refs':['total','budget','items[code=3].executed']}," \
    " " IND_CHECK "," \
    " {'id':'w','kind':'weights','table':'ind','column':'weight'}," \
    " {'id':'exec','kind':'execution','budget':'budget','executed':'total','explanation':'why'}," \
    " {'id':'nn','kind':'non_negative','refs':['items[*].executed','total']}]}"

static void test_all_errors(void)
{
    g_autoptr(Run) run = run_new(EVERYTHING_SCHEMA);
    static const char *const names[] = { "基础数据表", "基本支出明细", "绩效自评表" };
    for (int s = 0; s < 3; s++) {
        JxSheet *sheet = jx_workbook_add_sheet(run->workbook, names[s], 30, 10);
        for (int r = 0; r < 30; r++)
            for (int c = 0; c < 10; c++)
                jx_sheet_set_error(run->workbook, sheet, r, c, c % 3 == 0 ? "#DIV/0!" : c % 3 == 1 ? "#N/A" : NULL);
    }
    jx_workbook_add_name(run->workbook, "JX_DEPARTMENT", 0, 0, 0);
    run_validate(run);
    g_assert_cmpuint(run->findings->len, >, 0);
    assert_kinds_known(run->findings);
    /* the cells that are located are error values; labels and tables are not found */
    const JxFinding *f = g_ptr_array_index(run->findings, 0);
    g_assert_cmpint(f->severity, ==, JX_SEVERITY_ERROR);
    int error_values = 0;
    for (guint i = 0; i < run->findings->len; i++)
        error_values += strcmp(((JxFinding *)g_ptr_array_index(run->findings, i))->kind->code, "JX-ERROR-VALUE") == 0;
    g_assert_cmpint(error_values, ==, 5);   /* dept, basic, project, budget, why */
    the(run->findings, "JX-LABEL-MISSING");
    g_assert_true(jx_finding_kind_named("JX-TABLE-MISSING") != NULL);
    int tables_missing = 0;
    for (guint i = 0; i < run->findings->len; i++)
        tables_missing += strcmp(((JxFinding *)g_ptr_array_index(run->findings, i))->kind->code, "JX-TABLE-MISSING") == 0;
    g_assert_cmpint(tables_missing, ==, 2);
    g_autofree char *json = jx_findings_to_json(run->findings, run->workbook, "errors.ods", "t", NULL);
    cJSON *root = cJSON_Parse(json);
    g_assert_nonnull(root);
    cJSON_Delete(root);
}

static void test_empty_workbook(void)
{
    g_autoptr(Run) run = run_new(EVERYTHING_SCHEMA);
    run_validate(run);
    expect_codes(run->findings, "JX-SHEET-MISSING", "JX-SHEET-MISSING", "JX-SHEET-MISSING", NULL);
    for (guint i = 0; i < run->findings->len; i++)
        g_assert_cmpint(((JxFinding *)g_ptr_array_index(run->findings, i))->sheet, ==, -1);
    assert_kinds_known(run->findings);
    g_autofree char *json = jx_findings_to_json(run->findings, run->workbook, "", "t", NULL);
    cJSON *root = cJSON_Parse(json);
    g_assert_nonnull(root);
    cJSON *first = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "findings"), 0);
    g_assert_null(cJSON_GetObjectItem(first, "sheet"));   /* no place to name */
    g_assert_null(cJSON_GetObjectItem(first, "cell"));
    cJSON_Delete(root);

    /* sheets without cells */
    g_autoptr(Run) blank = run_new(EVERYTHING_SCHEMA);
    for (int s = 0; s < 3; s++)
        jx_workbook_add_sheet(blank->workbook, s == 0 ? "基础数据表" : s == 1 ? "基本支出明细" : "绩效自评表", 0, 0);
    run_validate(blank);
    g_assert_cmpuint(blank->findings->len, >, 0);
    assert_kinds_known(blank->findings);
    the(blank->findings, "JX-REQUIRED-EMPTY");   /* basic, at its cell; the others are not located */
}

/* ---- findings JSON -------------------------------------------------------------- */

static const char *json_string(const cJSON *obj, const char *key)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    g_assert_true(cJSON_IsString(item));
    return item->valuestring;
}

static double json_number(const cJSON *obj, const char *key)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    g_assert_true(cJSON_IsNumber(item));
    return item->valuedouble;
}

static void test_json(void)
{
    g_autoptr(Run) run = run_new(SUM_SCHEMA(SUM_BASIC));
    fill_sum_book(run->workbook, "320.45", "273.77");
    run_validate(run);
    JxFinding *range = jx_finding_new(JX_FINDING_COMPUTE_SKIPPED, 1, 1, 2, "无法计算 %s", "could not compute %s", "x");
    jx_finding_set_range(range, 4, 3);
    g_ptr_array_add(run->findings, range);
    g_ptr_array_add(run->findings, jx_finding_new(JX_FINDING_SAME_ROUNDING, -1, 0, 0, "提示“引号”\n", "a \"note\"\t\\"));
    g_ptr_array_add(run->findings, jx_finding_new(JX_FINDING_REQUIRED_EMPTY, 7, 0, 0, "坏表", "bad sheet"));

    g_autofree char *json = jx_findings_to_json(run->findings, run->workbook, "报告.ods", "t", NULL);
    g_assert_true(g_utf8_validate(json, -1, NULL));
    cJSON *root = cJSON_Parse(json);
    g_assert_nonnull(root);
    g_assert_cmpstr(json_string(root, "source"), ==, "报告.ods");
    g_assert_cmpstr(json_string(root, "schema"), ==, "t");
    g_assert_null(cJSON_GetObjectItem(root, "failure"));
    g_assert_cmpfloat(json_number(root, "errors"), ==, 2);
    g_assert_cmpfloat(json_number(root, "warnings"), ==, 1);
    g_assert_cmpfloat(json_number(root, "notes"), ==, 1);
    const cJSON *list = cJSON_GetObjectItem(root, "findings");
    g_assert_true(cJSON_IsArray(list));
    g_assert_cmpint(cJSON_GetArraySize(list), ==, 4);

    const cJSON *f = cJSON_GetArrayItem(list, 0);
    g_assert_cmpstr(json_string(f, "code"), ==, "JX-SUM-MISMATCH");
    g_assert_cmpstr(json_string(f, "severity"), ==, "error");
    g_assert_cmpstr(json_string(f, "sheet"), ==, "基础数据表");
    g_assert_cmpstr(json_string(f, "cell"), ==, "D4");
    g_assert_cmpstr(json_string(f, "check"), ==, "sum.basic");
    const cJSON *message = cJSON_GetObjectItem(f, "message");
    g_assert_cmpstr(json_string(message, "zh"), ==, "基本支出 273.77 万元 ≠ 各项之和 320.45 万元（差 -46.68）");
    g_assert_nonnull(strstr(json_string(message, "en"), "273.77"));

    f = cJSON_GetArrayItem(list, 1);
    g_assert_cmpstr(json_string(f, "severity"), ==, "warning");
    g_assert_cmpstr(json_string(f, "sheet"), ==, "基本支出明细");
    g_assert_cmpstr(json_string(f, "cell"), ==, "C2:D5");
    g_assert_null(cJSON_GetObjectItem(f, "check"));

    f = cJSON_GetArrayItem(list, 2);
    g_assert_cmpstr(json_string(f, "severity"), ==, "note");
    g_assert_null(cJSON_GetObjectItem(f, "sheet"));
    g_assert_null(cJSON_GetObjectItem(f, "cell"));
    message = cJSON_GetObjectItem(f, "message");
    g_assert_cmpstr(json_string(message, "zh"), ==, "提示“引号”\n");
    g_assert_cmpstr(json_string(message, "en"), ==, "a \"note\"\t\\");

    f = cJSON_GetArrayItem(list, 3);   /* a sheet index the workbook does not have */
    g_assert_null(cJSON_GetObjectItem(f, "sheet"));
    cJSON_Delete(root);

    /* no workbook, a failure, no findings */
    g_autofree char *failed = jx_findings_to_json(NULL, NULL, NULL, NULL, "方案有误");
    root = cJSON_Parse(failed);
    g_assert_nonnull(root);
    g_assert_cmpstr(json_string(root, "source"), ==, "");
    g_assert_cmpstr(json_string(root, "schema"), ==, "");
    g_assert_cmpstr(json_string(root, "failure"), ==, "方案有误");
    g_assert_cmpfloat(json_number(root, "errors"), ==, 0);
    g_assert_cmpint(cJSON_GetArraySize(cJSON_GetObjectItem(root, "findings")), ==, 0);
    cJSON_Delete(root);

    g_autofree char *bare = jx_findings_to_json(run->findings, NULL, "x", "t", NULL);
    root = cJSON_Parse(bare);
    g_assert_null(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(root, "findings"), 0), "sheet"));
    cJSON_Delete(root);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/validate/sum/mismatch", test_sum_mismatch);
    g_test_add_func("/validate/sum/consistent", test_sum_consistent);
    g_test_add_func("/validate/sum/units", test_sum_units);
    for (gsize i = 0; i < G_N_ELEMENTS(tolerance_cases); i++)
        g_test_add_data_func(tolerance_cases[i].path, &tolerance_cases[i], test_tolerance);
    g_test_add_func("/validate/sum/declared-units", test_declared_units);
    g_test_add_func("/validate/sum/empty-and-text-parts", test_sum_empty_and_text_parts);
    g_test_add_func("/validate/sum/part-exceeds-total", test_part_exceeds_total);
    g_test_add_func("/validate/sum/missing-row", test_sum_missing_row);
    g_test_add_func("/validate/group-sums/consistent", test_group_sums_consistent);
    g_test_add_func("/validate/group-sums/mismatch", test_group_sums_mismatch);
    g_test_add_func("/validate/same", test_same);
    for (gsize i = 0; i < G_N_ELEMENTS(indicator_cases); i++)
        g_test_add_data_func(indicator_cases[i].path, &indicator_cases[i], test_indicator);
    g_test_add_func("/validate/indicators/settings", test_indicator_settings);
    g_test_add_func("/validate/indicators/rows", test_indicator_rows);
    g_test_add_func("/validate/weights", test_weights);
    g_test_add_func("/validate/department/unused-rows", test_dept_unused_rows);
    g_test_add_func("/validate/department/blank-row", test_dept_blank_row);
    g_test_add_func("/validate/department/cost-role", test_dept_cost_role);
    g_test_add_func("/validate/department/cost-role-ambiguous-or-missing", test_dept_cost_role_ambiguous_or_missing);
    g_test_add_func("/validate/department/score-decimals", test_dept_score_decimals);
    g_test_add_func("/validate/execution", test_execution);
    g_test_add_func("/validate/non-negative", test_non_negative);
    for (gsize i = 0; i < G_N_ELEMENTS(value_cases); i++)
        g_test_add_data_func(value_cases[i].path, &value_cases[i], test_value);
    g_test_add_func("/validate/values/required-column", test_required_column);
    g_test_add_func("/validate/engine/sorted", test_sorted);
    g_test_add_func("/validate/engine/appends", test_appends);
    g_test_add_func("/validate/engine/kinds", test_kinds);
    g_test_add_func("/validate/engine/all-errors", test_all_errors);
    g_test_add_func("/validate/engine/empty-workbook", test_empty_workbook);
    g_test_add_func("/validate/json", test_json);
    return g_test_run();
}

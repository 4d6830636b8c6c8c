/*
 * test_compute.c: planning Compute without the office.  The plan's cells in
 * both modes, why a cell is left empty (the real reason, in both languages),
 * and formulas that carry the schema's scoring rules so that formulas and
 * values give the same numbers.
 *
 * Workbooks are built from C arrays of strings (see test_helpers.h);
 * schemas are written with ' for ".
 */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "core/compute.h"
#include "core/findings.h"
#include "core/model.h"
#include "core/schema.h"
#include "core/validate.h"
#include "core/workbook.h"
#include "test_helpers.h"

/* ---- helpers ------------------------------------------------------------ */

typedef struct {
    JxSchema *schema;
    JxWorkbook *workbook;
    JxModel *model;
    JxComputePlan *plan;
} Run;

static Run *run_new(const char *quoted_schema)
{
    Run *run = g_new0(Run, 1);
    run->schema = load_schema_quoted(quoted_schema);
    run->workbook = jx_workbook_new("book.ods");
    return run;
}

static void run_plan(Run *run, JxComputeMode mode)
{
    if (run->model == NULL)
        run->model = jx_model_build(run->schema, run->workbook);
    jx_compute_plan_free(run->plan);
    run->plan = jx_compute_plan(run->model, mode, NULL);
}

static void run_free(Run *run)
{
    jx_compute_plan_free(run->plan);
    jx_model_free(run->model);
    jx_workbook_free(run->workbook);
    jx_schema_free(run->schema);
    g_free(run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(Run, run_free)

/* The content the plan writes into (row, col) of sheet 0, or NULL. */
static const char *written(const Run *run, int sheet, int row, int col)
{
    for (guint i = 0; i < run->plan->writes->len; i++) {
        const JxCellWrite *w = &g_array_index(run->plan->writes, JxCellWrite, i);
        if (w->sheet == sheet && w->row == row && w->col == col)
            return w->content;
    }
    return NULL;
}

/* The one plan finding at (row, col), or fails. */
static const JxFinding *finding_at(const Run *run, int row, int col)
{
    const JxFinding *found = NULL;
    for (guint i = 0; i < run->plan->findings->len; i++) {
        const JxFinding *f = g_ptr_array_index(run->plan->findings, i);
        if (f->row == row && f->col == col) {
            g_assert_null(found);
            found = f;
        }
    }
    if (found == NULL)
        g_test_fail_printf("no finding at row %d, column %d", row + 1, col + 1);
    return found;
}

#define HEAD "{'format':'jixiao-schema','version':1,'id':'t','title':{'zh':'测试','en':'Test'},"

/* ---- messages ------------------------------------------------------------- */

/* A row without its key (三级指标 left empty) has one name in every finding,
 * Validate's and Compute's alike. */
static void test_one_name_per_row(void)
{
    g_autoptr(Run) run = run_new(HEAD "'sheets':{'s':{'name':'表'}},'fields':{},"
        "'tables':{'ind':{'label':{'zh':'指标','en':'Indicators'},'sheet':'s',"
        "'header':{'label':'三级指标','label_column':'A'},'key':'name',"
        "'columns':{'name':{'header':'三级指标','type':'text','required':true},"
        "'target':{'header':'年度指标值','type':'quantity'},'actual':{'header':'实际完成值','type':'quantity'},"
        "'weight':{'header':'分值','type':'number'},"
        "'score':{'header':'得分','type':'number','role':'computed',"
        " 'compute':{'kind':'indicator_score','weight':'weight','target':'target','actual':'actual'}}}}}}");
    static const char *const grid[][5] = {
        { "三级指标", "年度指标值", "实际完成值", "分值", "得分" },
        { "", "≥100人次", "80人次" },
    };
    FILL(run->workbook, "表", grid);
    run_plan(run, JX_COMPUTE_MODE_VALUES);
    g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func(jx_finding_free);
    jx_validate(run->model, findings);
    g_assert_cmpuint(findings->len, ==, 1);
    const JxFinding *required = g_ptr_array_index(findings, 0);
    const JxFinding *skipped = finding_at(run, 1, 4);
    g_assert_nonnull(skipped);
    for (int lang = 0; lang < 2; lang++) {
        /* the row's name is what precedes the column in brackets */
        const char *text = required->text[lang];
        const char *open = strstr(text, lang == JX_LANG_ZH ? "（" : " (");
        g_assert_nonnull(open);
        const char *start = lang == JX_LANG_ZH ? strstr(text, "“") + strlen("“") : text + strlen("the required value ");
        g_autofree char *name = g_strndup(start, (gsize)(open - start));
        if (strstr(skipped->text[lang], name) == NULL)
            g_test_fail_printf("'%s' and '%s' name the row differently", text, skipped->text[lang]);
    }
}

/* A value that depends on one that cannot be computed names it, in each
 * language by that language's label. */
static void test_depends_label(void)
{
    g_autoptr(Run) run = run_new(HEAD "'sheets':{'s':{'name':'表'}},'fields':{"
        "'a':{'label':{'zh':'甲合计','en':'Total A'},'sheet':'s','at':{'cell':'B1'},'type':'number',"
        "'role':'computed','compute':{'kind':'ratio','numerator':'x','denominator':'y'}},"
        "'b':{'label':{'zh':'乙合计','en':'Total B'},'sheet':'s','at':{'cell':'B2'},'type':'number',"
        "'role':'computed','compute':{'kind':'sum','parts':['a','x']}},"
        "'x':{'label':{'zh':'甲','en':'X'},'sheet':'s','at':{'cell':'B3'},'type':'number'},"
        "'y':{'label':{'zh':'乙','en':'Y'},'sheet':'s','at':{'cell':'B4'},'type':'number'}}}");
    static const char *const grid[][2] = { { "", "" }, { "", "" }, { "x", "5" }, { "y", "0" } };
    FILL(run->workbook, "表", grid);
    run_plan(run, JX_COMPUTE_MODE_VALUES);
    const JxFinding *f = finding_at(run, 1, 1);
    g_assert_nonnull(f);
    g_assert_nonnull(strstr(f->text[JX_LANG_ZH], "甲合计"));
    g_assert_nonnull(strstr(f->text[JX_LANG_EN], "Total A"));
    g_assert_null(strstr(f->text[JX_LANG_EN], "甲合计"));
    g_assert_null(written(run, 0, 1, 1));
}

/* An indicators table with its two computed columns. */
#define IND_SCHEMA(settings) HEAD settings "'sheets':{'s':{'name':'表'}},'fields':{}," \
    "'tables':{'ind':{'label':{'zh':'指标','en':'Indicators'},'sheet':'s','header':{'label':'三级指标','label_column':'A'}," \
    "'key':'name','columns':{'name':{'header':'三级指标','type':'text'},'target':{'header':'年度指标值','type':'quantity'}," \
    "'actual':{'header':'实际完成值','type':'quantity'},'weight':{'header':'分值','type':'number'}," \
    "'completion':{'header':'完成率','type':'percent','role':'computed'," \
    " 'compute':{'kind':'indicator_completion','target':'target','actual':'actual'}}," \
    "'score':{'header':'得分','type':'number','role':'computed'," \
    " 'compute':{'kind':'indicator_score','weight':'weight','target':'target','actual':'actual','band':'band'}}," \
    "'band':{'header':'档次','type':'band'}}}}}"

enum { I_NAME, I_TARGET, I_ACTUAL, I_WEIGHT, I_COMPLETION, I_SCORE, I_BAND };

static Run *indicator_run(const char *settings, const char *const (*rows)[7], int n)
{
    g_autofree char *schema = g_strdup_printf(IND_SCHEMA("%s"), settings);
    Run *run = run_new(schema);
    static const char *const header[] = { "三级指标", "年度指标值", "实际完成值", "分值", "完成率", "得分", "档次" };
    JxSheet *sheet = jx_workbook_add_sheet(run->workbook, "表", n + 1, 7);
    for (int c = 0; c < 7; c++)
        set_cell(run->workbook, sheet, 0, c, header[c]);
    for (int r = 0; r < n; r++)
        for (int c = 0; c < 7; c++)
            set_cell(run->workbook, sheet, r + 1, c, rows[r][c]);
    return run;
}

/* Why a cell is left empty is the real reason: units that do not convert
 * are not "a qualitative indicator has no completion rate". */
static void test_skip_reasons(void)
{
    static const char *const rows[][7] = {
        { "项目资金", "≥300万元", "320万人次", "10" },
        { "社会效益", "有效提升", "有所提升", "10" },
    };
    g_autoptr(Run) run = indicator_run("", rows, 2);
    for (int mode = 0; mode < 2; mode++) {
        run_plan(run, mode == 0 ? JX_COMPUTE_MODE_VALUES : JX_COMPUTE_MODE_FORMULAS);
        const JxFinding *completion = finding_at(run, 1, I_COMPLETION);
        g_assert_nonnull(completion);
        g_assert_cmpstr(completion->kind->code, ==, "JX-COMPUTE-SKIPPED");
        g_assert_null(strstr(completion->text[JX_LANG_ZH], "定性"));
        g_assert_nonnull(strstr(completion->text[JX_LANG_ZH], "万元"));
        g_assert_nonnull(strstr(completion->text[JX_LANG_ZH], "人次"));
        g_assert_null(strstr(completion->text[JX_LANG_EN], "qualitative"));
        const JxFinding *score = finding_at(run, 1, I_SCORE);
        g_assert_nonnull(score);
        g_assert_nonnull(strstr(score->text[JX_LANG_ZH], "人次"));
        /* a qualitative indicator has no completion rate: that cell is simply empty */
        for (guint i = 0; i < run->plan->findings->len; i++) {
            const JxFinding *f = g_ptr_array_index(run->plan->findings, i);
            g_assert_false(f->row == 2 && f->col == I_COMPLETION);
        }
        g_assert_null(written(run, 0, 2, I_COMPLETION));
    }
}

/* The schema's scoring rules travel in the formulas (only when they differ
 * from the defaults), and the total is rounded as values mode rounds it. */
#define RULES_SCHEMA(settings) HEAD settings "'sheets':{'s':{'name':'表'}},'fields':{" \
    "'weight':{'label':{'zh':'执行分值','en':'Execution weight'},'sheet':'s','at':{'cell':'B1'},'type':'number'}," \
    "'budget':{'label':{'zh':'预算','en':'Budget'},'sheet':'s','at':{'cell':'B2'},'type':'amount'}," \
    "'executed':{'label':{'zh':'执行','en':'Executed'},'sheet':'s','at':{'cell':'B3'},'type':'amount'}," \
    "'points':{'label':{'zh':'执行得分','en':'Execution points'},'sheet':'s','at':{'cell':'B4'},'type':'number'," \
    " 'role':'computed','compute':{'kind':'execution_points','weight':'weight','budget':'budget','executed':'executed'}}," \
    "'total':{'label':{'zh':'总分','en':'Total'},'sheet':'s','at':{'cell':'B5'},'type':'number'," \
    " 'role':'computed','compute':{'kind':'total_score','parts':['points']}}," \
    "'grade':{'label':{'zh':'等级','en':'Grade'},'sheet':'s','at':{'cell':'B6'},'type':'text'," \
    " 'role':'computed','compute':{'kind':'grade','total':'total'}}}}"

static void test_rules_in_formulas(void)
{
    static const char *const grid[][2] = { { "", "10" }, { "", "359.95" }, { "", "350.4" } };
    g_autoptr(Run) plain = run_new(RULES_SCHEMA(""));
    FILL(plain->workbook, "表", grid);
    run_plan(plain, JX_COMPUTE_MODE_FORMULAS);
    g_assert_cmpstr(written(plain, 0, 3, 1), ==, "=" JX_FORMULA_PREFIX "EXECUTIONPOINTS(B1;B2;B3)");
    g_assert_cmpstr(written(plain, 0, 4, 1), ==, "=ROUND(SUM(B4);2)");
    g_assert_cmpstr(written(plain, 0, 5, 1), ==, "=" JX_FORMULA_PREFIX "GRADE(B5;90;80;60)");
    run_plan(plain, JX_COMPUTE_MODE_VALUES);
    g_assert_cmpstr(written(plain, 0, 3, 1), ==, "9.73");

    g_autoptr(Run) bureau = run_new(RULES_SCHEMA("'settings':{'scoring':{'score_decimals':1,'grade_excellent':95}},"));
    FILL(bureau->workbook, "表", grid);
    run_plan(bureau, JX_COMPUTE_MODE_FORMULAS);
    g_assert_cmpstr(written(bureau, 0, 3, 1), ==,
                    "=" JX_FORMULA_PREFIX "EXECUTIONPOINTS(B1;B2;B3;\"score_decimals=1\")");
    g_assert_cmpstr(written(bureau, 0, 4, 1), ==, "=ROUND(SUM(B4);1)");
    g_assert_cmpstr(written(bureau, 0, 5, 1), ==, "=" JX_FORMULA_PREFIX "GRADE(B5;95;80;60;\"score_decimals=1\")");
    run_plan(bureau, JX_COMPUTE_MODE_VALUES);
    g_assert_cmpstr(written(bureau, 0, 3, 1), ==, "9.7");

    /* an indicator's score: the rules after an empty entered-score argument */
    static const char *const rows[][7] = { { "培训", "≥100人次", "96.9人次", "10" } };
    g_autoptr(Run) ind = indicator_run("'settings':{'scoring':{'score_decimals':1}},", rows, 1);
    run_plan(ind, JX_COMPUTE_MODE_FORMULAS);
    g_assert_cmpstr(written(ind, 0, 1, I_SCORE), ==,
                    "=" JX_FORMULA_PREFIX "SCORE(D2;B2;C2;G2;;\"score_decimals=1\")");
    run_plan(ind, JX_COMPUTE_MODE_VALUES);
    g_assert_cmpstr(written(ind, 0, 1, I_SCORE), ==, "9.7");
}

/* Amounts typed as text with their unit ("45.18万元", "4518元") are read by
 * values mode in the total's unit; the formula reads them the same way
 * (SUM alone would skip a text). */
static void test_sum_of_texts(void)
{
    g_autoptr(Run) run = run_new(HEAD "'sheets':{'s':{'name':'表'}},'fields':{"
        "'a':{'label':{'zh':'甲','en':'A'},'sheet':'s','at':{'cell':'B1'},'type':'amount'},"
        "'b':{'label':{'zh':'乙','en':'B'},'sheet':'s','at':{'cell':'B2'},'type':'amount'},"
        "'c':{'label':{'zh':'丙','en':'C'},'sheet':'s','at':{'cell':'B3'},'type':'amount'},"
        "'yuan':{'label':{'zh':'丁','en':'D'},'sheet':'s','at':{'cell':'B4'},'type':'amount','unit':'元'},"
        "'total':{'label':{'zh':'合计','en':'Total'},'sheet':'s','at':{'cell':'B5'},'type':'amount',"
        " 'role':'computed','compute':{'kind':'sum','parts':['a','b','c','yuan']}}}}");
    static const char *const grid[][2] = { { "", "10.5" }, { "", "45.18万元" }, { "", "4518元" }, { "", "300" } };
    FILL(run->workbook, "表", grid);
    run_plan(run, JX_COMPUTE_MODE_VALUES);
    g_assert_cmpstr(written(run, 0, 4, 1), ==, "56.1618");      /* 10.5 + 45.18 + 0.4518 + 0.03 */
    run_plan(run, JX_COMPUTE_MODE_FORMULAS);
    g_assert_cmpstr(written(run, 0, 4, 1), ==, "=SUM(B1;" JX_FORMULA_PREFIX "CONVERT(B2;\"万元\";\"万元\");"
                    JX_FORMULA_PREFIX "CONVERT(B3;\"万元\";\"万元\");" JX_FORMULA_PREFIX "CONVERT(B4;\"万元\";\"元\"))");
}

/* A row the department cleared since the last Compute is no data: the score
 * Compute wrote into it goes, a number a person typed there stays. */
static void test_cleared_row(void)
{
    static const char *const rows[][7] = {
        { "培训", "≥100人次", "100人次", "10" },
        { NULL, NULL, NULL, NULL, NULL, "8.5" },       /* cleared; Compute wrote 8.5 */
        { NULL, NULL, NULL, NULL, NULL, "7" },         /* cleared; a person typed 7 */
    };
    g_autoptr(Run) run = indicator_run("", rows, 3);
    run->model = jx_model_build(run->schema, run->workbook);
    g_assert_cmpuint(jx_model_table(run->model, "ind")->rows->len, ==, 1);
    g_autoptr(GHashTable) previous = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_insert(previous, "表!F3", "8.5");
    g_hash_table_insert(previous, "表!F4", "6");
    for (int mode = 0; mode < 2; mode++) {
        jx_compute_plan_free(run->plan);
        run->plan = jx_compute_plan(run->model, mode == 0 ? JX_COMPUTE_MODE_VALUES : JX_COMPUTE_MODE_FORMULAS,
                                    previous);
        g_assert_cmpstr(written(run, 0, 2, I_SCORE), ==, "");
        g_assert_null(written(run, 0, 3, I_SCORE));
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/compute/message/depends-label", test_depends_label);
    g_test_add_func("/compute/message/one-name-per-row", test_one_name_per_row);
    g_test_add_func("/compute/message/skip-reasons", test_skip_reasons);
    g_test_add_func("/compute/formulas/rules", test_rules_in_formulas);
    g_test_add_func("/compute/formulas/sum-of-texts", test_sum_of_texts);
    g_test_add_func("/compute/cleared-row", test_cleared_row);
    return g_test_run();
}

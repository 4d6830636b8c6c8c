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

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/compute/message/depends-label", test_depends_label);
    g_test_add_func("/compute/message/skip-reasons", test_skip_reasons);
    return g_test_run();
}

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

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/compute/message/depends-label", test_depends_label);
    return g_test_run();
}

/*
 * test_functions.c: the cell functions as plain C (functions.c), for what
 * the integration suite cannot show cheaply: the optional rules argument
 * that makes JX.SCORE, JX.EXECPOINTS and JX.GRADE follow a schema's
 * settings.scoring, exactly as values mode does.
 */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "calc/functions.h"
#include "core/scoring.h"

/* A function call: args as numbers ("=3"), texts, or NULL (left out). */
static JxCellResult call(const char *display, const char *const *args, int n)
{
    const JxFunctionSpec *spec = jx_function_by_display(display);
    g_assert_nonnull(spec);
    JxCellValue values[JX_MAX_ARGS] = { 0 };
    for (int i = 0; i < n; i++) {
        if (args[i] == NULL)
            continue;
        if (args[i][0] == '=') {
            values[i].kind = JX_CELL_NUMBER;
            values[i].number = g_ascii_strtod(args[i] + 1, NULL);
        } else {
            values[i].kind = JX_CELL_TEXT;
            values[i].text = args[i];
        }
    }
    JxFunctionContext context = { JX_LANG_EN };
    JxCellResult result;
    jx_function_call(spec, &context, values, &result);
    return result;
}

static void expect_number(const char *display, const char *const *args, int n, double expected)
{
    JxCellResult r = call(display, args, n);
    if (r.kind == JX_RESULT_ERROR)
        g_printerr("error: %s\n", r.error->message);
    g_assert_cmpint(r.kind, ==, JX_RESULT_NUMBER);
    g_assert_cmpfloat_with_epsilon(r.number, expected, 1e-9);
    jx_result_clear(&r);
}

static void expect_text(const char *display, const char *const *args, int n, const char *expected)
{
    JxCellResult r = call(display, args, n);
    g_assert_cmpint(r.kind, ==, JX_RESULT_TEXT);
    g_assert_cmpstr(r.text, ==, expected);
    jx_result_clear(&r);
}

#define ARGS(...) ((const char *const[]){ __VA_ARGS__ }), G_N_ELEMENTS(((const char *const[]){ __VA_ARGS__ }))

static void test_score_rules(void)
{
    expect_number("JX.SCORE", ARGS("=10", "≥100人次", "96.9人次"), 9.69);
    expect_number("JX.SCORE", ARGS("=10", "≥100人次", "96.9人次", NULL, NULL, "score_decimals=1"), 9.7);
    expect_number("JX.SCORE", ARGS("=10", "≥100人次", "96.9人次", NULL, NULL, " score_decimals = 0 ; "), 10);
    /* the bands follow band_*_low: partial is [5, 7) */
    expect_number("JX.SCORE", ARGS("=10", "有效提升", "有所提升", "部分达成"), 7.99);
    expect_number("JX.SCORE", ARGS("=10", "有效提升", "有所提升", "部分达成", NULL,
                                   "band_achieved_low=0.7;band_partial_low=0.5"), 6.99);
    /* an empty rules cell (a reference arrives as 0) is the defaults */
    expect_number("JX.SCORE", ARGS("=10", "≥100人次", "96.9人次", NULL, NULL, "=0"), 9.69);
    expect_number("JX.SCORE", ARGS("=10", "≥100人次", "96.9人次", NULL, NULL, ""), 9.69);
}

static void test_execution_points_rules(void)
{
    expect_number("JX.EXECPOINTS", ARGS("=10", "=359.95", "=350.4"), 9.73);
    expect_number("JX.EXECPOINTS", ARGS("=10", "=359.95", "=350.4", "score_decimals=1"), 9.7);
}

static void test_grade_rules(void)
{
    expect_text("JX.GRADE", ARGS("=89.95"), "良");
    expect_text("JX.GRADE", ARGS("=89.95", NULL, NULL, NULL, "score_decimals=1"), "优");
    /* thresholds given as arguments win over the rules text */
    expect_text("JX.GRADE", ARGS("=86", "=85", "=80", NULL, "grade_excellent=95;grade_good=90"), "优");
    expect_text("JX.GRADE", ARGS("=86", NULL, NULL, NULL, "grade_excellent=95;grade_good=90"), "中");
}

static void test_rules_refused(void)
{
    static const char *const bad[] = {
        "decimals=1", "score_decimals=1.5", "score_decimals=9", "score_decimals=", "band_partial_low=0.9",
        "score_decimals",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
        JxCellResult r = call("JX.SCORE", ARGS("=10", "≥100人次", "96.9人次", NULL, NULL, bad[i]));
        g_assert_cmpint(r.kind, ==, JX_RESULT_ERROR);
        jx_result_clear(&r);
    }
}

/* What Compute writes is what the functions read back. */
static void test_rules_text_round_trip(void)
{
    JxScoringRules rules, back;
    jx_scoring_rules_init_default(&rules);
    g_autofree char *none = jx_scoring_rules_text(&rules);
    g_assert_cmpstr(none, ==, "");
    rules.score_decimals = 1;
    rules.band_partial_low = 0.55;
    rules.overachievement = 1.3;       /* does not change a score: not written */
    g_autofree char *text = jx_scoring_rules_text(&rules);
    g_assert_cmpstr(text, ==, "band_partial_low=0.55;score_decimals=1");
    jx_scoring_rules_init_default(&back);
    g_assert_true(jx_scoring_rules_parse(text, &back, NULL));
    g_assert_cmpint(back.score_decimals, ==, 1);
    g_assert_cmpfloat(back.band_partial_low, ==, 0.55);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/functions/rules/score", test_score_rules);
    g_test_add_func("/functions/rules/execution-points", test_execution_points_rules);
    g_test_add_func("/functions/rules/grade", test_grade_rules);
    g_test_add_func("/functions/rules/refused", test_rules_refused);
    g_test_add_func("/functions/rules/text", test_rules_text_round_trip);
    return g_test_run();
}

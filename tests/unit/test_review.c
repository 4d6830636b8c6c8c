/*
 * test_review.c: reviewing a report's prose.  For each statement pattern
 * and each check a case that passes and one that fails (the table below:
 * the text, one paragraph a line, and the findings expected as
 * CODE@paragraph); then the figures and the outline read directly, the
 * places and sentences of findings, text files in their encodings, the
 * JSON, and the reference report with every inconsistency it carries.
 */
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "core/review.h"
#include "core/review_figures.h"
#include "core/review_outline.h"

#define REFERENCE "tests/review/yuanjiang-cast-2023-self-evaluation.txt"

/* ---- helpers ------------------------------------------------------------ */

static GPtrArray *paragraphs_of(const char *text)
{
    return jx_review_paragraphs_from_text(text, strlen(text));
}

static GPtrArray *review(const char *text, GPtrArray **paragraphs)
{
    GPtrArray *ps = paragraphs_of(text);
    GPtrArray *findings = jx_review_run(ps, NULL);
    if (paragraphs)
        *paragraphs = ps;
    else
        g_ptr_array_unref(ps);
    return findings;
}

static gint compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* "CODE@paragraph …", sorted, of findings. */
static char *summary_of(const GPtrArray *findings)
{
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < findings->len; i++) {
        const JxFinding *f = g_ptr_array_index(findings, i);
        g_ptr_array_add(items, g_strdup_printf("%s@%d", f->kind->code, jx_review_finding_paragraph(f) + 1));
    }
    g_ptr_array_sort(items, compare_strings);
    g_ptr_array_add(items, NULL);
    return g_strjoinv(" ", (char **)items->pdata);
}

static char *sorted_words(const char *text)
{
    g_auto(GStrv) words = g_strsplit(text, " ", -1);
    g_autoptr(GPtrArray) items = g_ptr_array_new();
    for (int i = 0; words[i]; i++)
        if (words[i][0])
            g_ptr_array_add(items, words[i]);
    g_ptr_array_sort(items, compare_strings);
    g_ptr_array_add(items, NULL);
    return g_strjoinv(" ", (char **)items->pdata);
}

static void print_findings(const GPtrArray *findings)
{
    for (guint i = 0; i < findings->len; i++) {
        const JxFinding *f = g_ptr_array_index(findings, i);
        g_printerr("  %s@%d [%d-%d] %s\n", f->kind->code, f->row + 1, f->col, f->col2, f->text[0]);
    }
}

/* ---- the table: each pattern and check, passing and failing ------------- */

typedef struct {
    const char *path;
    const char *text;       /* one paragraph a line */
    const char *expected;   /* CODE@paragraph …, "" when the text is consistent */
    const char *message;    /* words the first finding's zh message holds, or NULL */
} Case;

static const Case cases[] = {
    /* a total and its parts in one sentence */
    { "/review/sum/inline/consistent",
      "我单位2023年度整体支出规模为：410.41万元，其中基本支出：273.77万元，项目支出136.64万元。", "", NULL },
    { "/review/sum/inline/parts-exceed",
      "基本支出100.00万元，其中工资福利支出80.00万元，商品和服务支出30.00万元。",
      "JX-SUM-MISMATCH@1", "基本支出 100.00 万元 ≠ 所列 2 项之和 110.00 万元（差 -10.00）" },
    { "/review/sum/inline/enumerated-short",
      "工资福利支出273.77万元，包括基本工资、绩效工资、津补贴115.87万元，奖金37.66万元，伙食补助费0万元。",
      "JX-SUM-MISMATCH@1", "所列 3 项之和 153.53 万元（差 120.24）" },
    { "/review/sum/inline/enumerated-whole",
      "工资福利支出153.53万元，包括基本工资、绩效工资、津补贴115.87万元，奖金37.66万元，伙食补助费0万元。", "", NULL },
    /* 其中 means "of which": fewer than the whole is no claim … */
    { "/review/sum/inline/of-which-partial",
      "三公经费支出5.00万元，其中公务接待费1.00万元，公务用车运行维护费2.00万元。", "", NULL },
    /* … unless a catch-all part or a known whole says it is all */
    { "/review/sum/inline/of-which-catch-all",
      "商品和服务支出10.00万元，其中办公费1.00万元、差旅费2.00万元、其他商品和服务支出3.00万元。",
      "JX-SUM-MISMATCH@1", "差 4.00" },
    { "/review/sum/inline/known-whole",
      "整体支出500.00万元，其中基本支出273.77万元，项目支出136.64万元。", "JX-SUM-MISMATCH@1", "差 89.59" },
    { "/review/sum/inline/etc",
      "商品和服务支出10.00万元，包括办公费1.00万元、差旅费2.00万元等。", "", NULL },
    { "/review/sum/inline/other-text-ends-list",
      "商品和服务支出10.00万元，包括办公费1.00万元、差旅费2.00万元，主要用于日常运转。", "", NULL },
    { "/review/sum/inline/change-is-not-a-part",
      "工资福利支出200.00万元，包括基本工资120.00万元，比上年增加5.00万元，奖金80.00万元。", "", NULL },
    { "/review/sum/inline/rounding-interval",
      "项目支出100.41万元，其中科普专项60万元，院士工作站经费40万元。", "", NULL },
    { "/review/sum/inline/part-exceeds",
      "对个人和家庭的补助支出4.62万元，包括生活补助2.03万元、其他对个人和家庭的补助支出5.4万元。",
      "JX-PART-EXCEEDS-TOTAL@1 JX-SUM-MISMATCH@1", NULL },
    { "/review/sum/inline/single-part-exceeds",
      "项目支出30.00万元，其中院士工作站经费40.00万元。", "JX-PART-EXCEEDS-TOTAL@1",
      "院士工作站经费 40.00 万元 大于合计 项目支出 30.00 万元" },
    { "/review/sum/inline/units",
      "公用经费10.00万元，其中办公费50000元，差旅费50000元。", "", NULL },
    { "/review/sum/inline/units-wrong",
      "公用经费10.00万元，其中办公费50000元，差旅费60000元。", "JX-SUM-MISMATCH@1", "11.00" },
    /* a total and the numbered items after it */
    { "/review/sum/items/consistent",
      "（一）基本支出\n我单位基本支出：10.00万元，其中：\n1. 工资福利支出6.00万元，包括基本工资6.00万元。\n"
      "2. 商品和服务支出4.00万元。\n（二）项目支出", "", NULL },
    { "/review/sum/items/exceed",
      "（一）基本支出\n我单位基本支出：273.77万元，其中。\n1. 工资福利支出273.77万元。\n2. 商品服务支出41.73万元。\n"
      "3. 对个人和家庭的补助支出4.62万元。\n4.资本性支出0.33万元，包括办公设备购置0.33万元。\n（二）项目支出。",
      "JX-SUM-MISMATCH@2", "基本支出 273.77 万元 ≠ 第 3–6 段所列 4 项之和 320.45 万元（差 -46.68）" },
    { "/review/sum/items/short-of-known-whole",
      "（一）基本支出\n基本支出：300.00万元，其中：\n1. 工资福利支出200.00万元。\n2. 商品和服务支出40.00万元。\n"
      "3. 对个人和家庭的补助支出4.00万元。\n4. 资本性支出1.00万元。\n（二）项目支出", "JX-SUM-MISMATCH@2", "差 55.00" },
    { "/review/sum/items/short-partial",
      "（一）基本支出\n基本支出：300.00万元，其中：\n1. 工资福利支出200.00万元。\n2. 商品和服务支出40.00万元。\n（二）项目支出",
      "", NULL },
    { "/review/sum/items/not-parts",
      "（一）项目支出\n项目支出：100.00万元，其中：\n1. 科普专项：全年预算数98.00万元。\n2. 院士专项：全年预算数42.00万元。",
      "", NULL },

    /* the department's spending quoted twice */
    { "/review/same/consistent",
      "我单位2023年度整体支出规模为：410.41万元。\n（一）成本指标\n2023年全年支出410.41万元。", "", NULL },
    { "/review/same/differs-through-section",
      "一、部门基本情况\n我单位整体支出410.41万元，其中基本支出273.77万元，项目支出136.64万元。\n二、一般公共预算支出情况\n"
      "（一）项目支出。\n2023年度，我单位有两个专项，实际资金支出：114.41万元。",
      "JX-SAME-DIFFERS@5", "项目支出（“实际资金支出”）在此为 114.41 万元，第 2 段为 136.64 万元（差 -22.23）" },
    { "/review/same/rounding-note",
      "一、部门基本情况\n整体支出规模为410.41万元。\n二、部门整体支出绩效情况\n（一）绩效目标完成情况。\n"
      "（1）成本指标控制。2023年年初部门预算 359.95万元，全年支出410.42万元。",
      "JX-SAME-ROUNDING@5", "差 0.01，在舍入范围内" },
    { "/review/same/written-roughly",
      "整体支出规模为410.41万元。\n一、部门整体支出绩效情况\n全年支出约410万元。", "", NULL },
    { "/review/same/project-heading-is-not-the-scope",
      "整体支出410.41万元，其中基本支出273.77万元，项目支出136.64万元。\n（一）项目支出\n1. 科普专项\n全年支出74.41万元。",
      "", NULL },
    { "/review/same/only-the-first-of-a-section",
      "项目支出136.64万元。\n（一）项目支出\n实际支出136.64万元，其中科普专项实际支出74.41万元。\n实际支出40.00万元用于院士专家工作站。",
      "", NULL },
    { "/review/same/sentence-about-something-else",
      "项目支出136.64万元。\n（一）项目支出情况\n科普专项全年预算数50.00万元，实际支出45.00万元，执行率90.00%。", "", NULL },
    { "/review/same/other-year",
      "2023年整体支出410.41万元。\n2022年整体支出380.00万元。\n上年整体支出380.00万元。", "", NULL },
    { "/review/same/indicator-actual",
      "整体支出规模为410.41万元。\n1.部门整体支出：年度指标值≤359.95万元，实际完成值410.42万元。",
      "JX-SAME-ROUNDING@2", NULL },

    /* counts written in money */
    { "/review/count/people-in-money",
      "一是科普活动受益学生人数辐射范围人数超过6万元；二是营造良好的科技人才环境。", "JX-PEOPLE-IN-MONEY@1",
      "“科普活动受益学生人数辐射范围人数”是人数，却写成了“超过6万元”" },
    { "/review/count/people",
      "一是科普活动受益学生人数辐射范围人数超过6万人次；人均支出5万元，按人数拨付经费5万元。", "", NULL },
    { "/review/count/count-in-money",
      "全年开展科普活动场次达110万元。", "JX-COUNT-IN-MONEY@1", NULL },

    /* 执行率 and its points */
    { "/review/rate/consistent",
      "全年预算数420.50万元，全年执行数410.41万元，预算执行率97.60%，得分9.76分（分值10分）。", "", NULL },
    { "/review/rate/mismatch",
      "全年预算数420.50万元，全年执行数410.41万元，预算执行率95.00%。", "JX-RATE-MISMATCH@1",
      "预算执行率 95.00% 与所列数字不符：410.41 ÷ 420.50 = 97.60%" },
    { "/review/rate/points-mismatch",
      "全年预算数420.50万元，全年执行数410.41万元，预算执行率97.60%，得分10.00分（分值10分）。",
      "JX-SCORE-MISMATCH@1", "按规则应为 9.76" },
    /* the points follow the rate the figures give (97.7487 %: 9.77) or the rate as written (9.78) */
    { "/review/rate/points-follow-figures",
      "全年预算数1092.27万元，全年执行数1067.68万元，预算执行率97.75%，得分9.77分（分值10分）。", "", NULL },
    { "/review/rate/points-follow-written-rate",
      "全年预算数1092.27万元，全年执行数1067.68万元，预算执行率97.75%，得分9.78分（分值10分）。", "", NULL },
    { "/review/rate/scope",
      "（一）部门整体支出规模\n整体支出规模为410.41万元，其中基本支出273.77万元，项目支出136.64万元。年初预算数359.95万元，"
      "全年预算数420.50万元，预算执行率97.60%。", "", NULL },
    { "/review/rate/initial-budget-only",
      "年初预算数359.95万元，全年执行数410.41万元，执行率97.60%。", "", NULL },

    /* indicator lines */
    { "/review/indicator/consistent",
      "1.中小学科普科技培训：年度指标值≥300人次，实际完成值270人次，完成率90.00%，得分5.40分（分值6分）。", "", NULL },
    { "/review/indicator/completion-mismatch",
      "1.中小学科普科技培训：年度指标值≥300人次，实际完成值270人次，完成率95.00%，得分5.40分（分值6分）。",
      "JX-RATE-MISMATCH@1", "应为 90.00%" },
    { "/review/indicator/score-mismatch",
      "1.中小学科普科技培训：年度指标值≥300人次，实际完成值270人次，完成率90.00%，得分6.00分（分值6分）。",
      "JX-SCORE-MISMATCH@1", "按规则应为 5.40" },
    { "/review/indicator/above-weight",
      "1.建立市级专家工作站：年度指标值≥2个，实际完成值二个，完成率100.00%，得分8.00分（分值6分）。",
      "JX-SCORE-ABOVE-WEIGHT@1", "得分 8.00 高于分值 6.00" },
    { "/review/indicator/reverse",
      "1.部门整体支出：年度指标值≤359.95万元，实际完成值410.41万元，完成率85.98%，未达到年度指标，得分8.60分（分值10分）。",
      "", NULL },
    { "/review/indicator/people-in-money",
      "1.科普活动受益学生辐射人数：年度指标值≥6万人次，实际完成值超过6万元，得分8.00分（分值8分）。",
      "JX-PEOPLE-IN-MONEY@1", NULL },
    { "/review/indicator/units",
      "1.科普活动：年度指标值≥80场次，实际完成值110期，得分6.00分（分值6分）。", "JX-INDICATOR-UNITS@1", NULL },
    { "/review/indicator/score-written-to-tenths",
      "1.完成调研课题：年度指标值≥300项，实际完成值169项，完成率56.33%，得分20.8分（分值37分）。", "", NULL },
    { "/review/indicator/score-tenths-wrong",
      "1.完成调研课题：年度指标值≥300项，实际完成值169项，完成率56.33%，得分21.0分（分值37分）。",
      "JX-SCORE-MISMATCH@1", "按规则应为 20.84" },
    { "/review/indicator/approximate",
      "1.直接受益中小学生：年度指标值≥6000人次，实际完成值5000多人次，完成率83.33%，得分5.00分（分值6分）。", "", NULL },
    { "/review/indicator/approximate-met",
      "1.科普活动场次：年度指标值≥80场次，实际完成值110多场次，完成率137.50%，得分5.00分（分值6分）。",
      "JX-SCORE-MISMATCH@1", NULL },
    { "/review/indicator/deadline",
      "1.完成时限：年度指标值2023年12月31日前，实际完成值按时完成，完成率100.00%，得分5.00分（分值5分）。", "", NULL },
    { "/review/indicator/qualitative-in-band",
      "1.常态化开展科普服务：年度指标值为“持续开展”，实际完成情况为“常态化开展”，评价档次为“达成年度指标”，得分8.00分（分值8分）。",
      "", NULL },
    { "/review/indicator/qualitative-outside-band",
      "1.常态化开展科普服务：年度指标值为“持续开展”，实际完成情况为“常态化开展”，评价档次为“部分达成年度指标并具有一定效果”，"
      "得分8.00分（分值8分）。", "JX-SCORE-OUTSIDE-BAND@1", NULL },

    /* 总分 and 等级 */
    { "/review/total/consistent",
      "1.预算执行：得分9.76分（分值10分）。\n2.产出：年度指标值≥2个，实际完成值2个，得分90.00分（分值90分）。\n"
      "经自评，自评得分99.76分，评价等级为“优”。", "", NULL },
    { "/review/total/sum-mismatch",
      "1.预算执行：得分9.76分（分值10分）。\n2.产出：年度指标值≥2个，实际完成值2个，得分90.00分（分值90分）。\n"
      "经自评，自评得分97.36分，评价等级为“优”。", "JX-SUM-MISMATCH@3", "总分 97.36 分 ≠ 所列 2 项得分之和 99.76 分（差 -2.40）" },
    { "/review/total/weights-not-100",
      "1.产出：年度指标值≥2个，实际完成值2个，得分50.00分（分值50分）。\n经自评，自评得分97.36分，评价等级为“优”。", "", NULL },
    { "/review/total/grade-mismatch",
      "经自评，沅江市科学技术协会2023年度部门整体支出绩效自评得分86.50分，评价等级为“优”。", "JX-GRADE-MISMATCH@1",
      "总分 86.50 分的等级应为“良”（优 ≥ 90、良 ≥ 80、中 ≥ 60），报告写的是“优”" },
    { "/review/total/grade-words",
      "自评总分为92分，等级为优秀。", "", NULL },

    /* the outline */
    { "/review/outline/consistent",
      "一、部门基本情况\n（一）部门职责\n1. 开展学术交流；\n2. 弘扬科学精神；\n（二）机构设置\n二、一般公共预算支出情况\n（一）基本支出",
      "", NULL },
    { "/review/outline/repeated",
      "十一、下一步改进措施\n十二、绩效自评结果拟应用和公开情况\n十二、其他需要说明的情况",
      "JX-OUTLINE-REPEATED@3 JX-OUTLINE-SKIPPED@1",
      "编号“十二、”重复：第 2 段已用过" },
    { "/review/outline/skipped",
      "一、部门基本情况\n三、一般公共预算支出情况", "JX-OUTLINE-SKIPPED@2", "编号从“一、”（第 1 段）跳到“三、”，缺少“二、”" },
    { "/review/outline/skipped-first",
      "一、部门基本情况\n（二）部门整体支出规模", "JX-OUTLINE-SKIPPED@2", "本级编号从“（二）”开始，缺少“（一）”" },
    { "/review/outline/order",
      "（1）成本\n（2）产出\n（4）效益\n（3）满意度", "JX-OUTLINE-ORDER@4 JX-OUTLINE-SKIPPED@3", "“（3）”排在“（4）”" },
    { "/review/outline/item-repeated-after-text",
      "（1）产出指标\n1、建立市级专家工作站。\n正文。\n2、培训\n正文。\n4、学生人数\n正文。\n4、年度完成\n（2）效益指标",
      "JX-OUTLINE-REPEATED@8 JX-OUTLINE-SKIPPED@6", NULL },
    { "/review/outline/nested-same-style",
      "（一）绩效目标完成情况\n1.预算执行\n正文。\n2.产出指标\n1.建立市级专家工作站：完成。\n2.中小学科普：完成。\n3.效益指标\n"
      "1.专家工作站引导资金：完成。\n（二）自评结论", "", NULL },
    { "/review/outline/new-list-after-text",
      "（一）部门职责\n主要用于：\n1. 开展学术交流；\n2. 弘扬科学精神；\n主要措施：\n1. 加强管理；\n2. 严格执行。", "", NULL },
    { "/review/outline/annex",
      "一、其他需要说明的情况\n附件：1.部门整体支出绩效评价基础数据表\n  2.部门整体支出绩效自评表\n  3.项目支出绩效自评表", "", NULL },
    { "/review/outline/amount-is-not-a-number",
      "1. 开展学术交流；\n1.5万元用于培训。\n2. 弘扬科学精神；", "", NULL },
};

static void test_case(gconstpointer data)
{
    const Case *c = data;
    g_autoptr(GPtrArray) findings = review(c->text, NULL);
    g_autofree char *got = summary_of(findings);
    g_autofree char *want = sorted_words(c->expected);
    if (strcmp(got, want) != 0)
        print_findings(findings);
    g_assert_cmpstr(got, ==, want);
    if (c->message != NULL) {
        g_assert_cmpuint(findings->len, >, 0);
        gboolean found = FALSE;
        for (guint i = 0; i < findings->len && !found; i++)
            found = strstr(((JxFinding *)g_ptr_array_index(findings, i))->text[JX_LANG_ZH], c->message) != NULL;
        if (!found)
            print_findings(findings);
        g_assert_true(found);
    }
}

/* ---- figures and outline, read directly ---------------------------------- */

static void test_figures(void)
{
    const char *text = "2023年12月31日前，第3季度按GB/T 9704执行，整体支出规模为：410.41万元，超过6万元，"
                       "6万余人次，0万元，97.60%，得分9.76分，40万为拨款，１２万元";
    g_autoptr(GArray) figures = jx_figures_scan(text, strlen(text));
    struct { const char *written; JxFigureKind kind; double value; const char *unit; double precision; } want[] = {
        { "410.41万元", JX_FIGURE_MONEY, 410.41, "万元", 0.01 },
        { "超过6万元", JX_FIGURE_MONEY, 6, "万元", 1 },
        { "6万余人次", JX_FIGURE_PEOPLE, 60000, "人次", 10000 },
        { "0万元", JX_FIGURE_MONEY, 0, "万元", 0 },
        { "97.60%", JX_FIGURE_PERCENT, 97.6, "%", 0.01 },
        { "9.76分", JX_FIGURE_OTHER, 9.76, "分", 0.01 },
        { "40万", JX_FIGURE_BARE, 400000, "", 10000 },
        { "１２万元", JX_FIGURE_MONEY, 12, "万元", 1 },
    };
    g_assert_cmpuint(figures->len, ==, G_N_ELEMENTS(want));
    for (gsize i = 0; i < G_N_ELEMENTS(want); i++) {
        const JxFigure *f = &g_array_index(figures, JxFigure, i);
        g_autofree char *written = g_strndup(text + f->start, f->end - f->start);
        g_assert_cmpstr(written, ==, want[i].written);
        g_assert_cmpint(f->kind, ==, want[i].kind);
        g_assert_cmpfloat_with_epsilon(f->quantity.value, want[i].value, 1e-9);
        g_assert_cmpstr(f->quantity.unit, ==, want[i].unit);
        g_assert_cmpfloat_with_epsilon(f->precision, want[i].precision, 1e-9);
    }
    const JxFigure *more = &g_array_index(figures, JxFigure, 1);
    g_assert_cmpint(more->quantity.comparison, ==, JX_CMP_GT);
    g_assert_cmpint(more->number - more->start, ==, strlen("超过"));
    double yuan;
    g_assert_true(jx_figure_in(&g_array_index(figures, JxFigure, 0), "元", &yuan, NULL));
    g_assert_cmpfloat_with_epsilon(yuan, 4104100, 1e-6);
    g_assert_false(jx_figure_in(&g_array_index(figures, JxFigure, 2), "元", NULL, NULL));
}

static void test_markers(void)
{
    struct { const char *text; JxMarkStyle style; int number; const char *formatted; } cases_[] = {
        { "一、部门基本情况", JX_MARK_CHINESE, 1, "一、" },
        { "  十二、其他", JX_MARK_CHINESE, 12, "十二、" },
        { "（二）项目支出。", JX_MARK_CHINESE_PAREN, 2, "（二）" },
        { "(3)效益", JX_MARK_ARABIC_PAREN, 3, "（3）" },
        { "4.资本性支出0.33万元", JX_MARK_ARABIC, 4, "4." },
        { "4、年度完成", JX_MARK_ARABIC, 4, "4、" },
        { "②其他", JX_MARK_CIRCLED, 2, "②" },
        { "附件：1.基础数据表", JX_MARK_ARABIC, 1, "1." },
        { "一般公共预算", JX_MARK_NONE, 0, NULL },
        { "1.5万元用于培训", JX_MARK_NONE, 0, NULL },
        { "2023年我会", JX_MARK_NONE, 0, NULL },
        { "（2021－2025年）", JX_MARK_NONE, 0, NULL },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases_); i++) {
        JxMarker m;
        gboolean found = jx_marker_read(cases_[i].text, strlen(cases_[i].text), &m);
        g_assert_cmpint(found, ==, cases_[i].style != JX_MARK_NONE);
        g_assert_cmpint(m.style, ==, cases_[i].style);
        if (!found)
            continue;
        g_assert_cmpint(m.number, ==, cases_[i].number);
        g_autofree char *f = jx_marker_format(m.style, m.number, m.punctuation);
        g_assert_cmpstr(f, ==, cases_[i].formatted);
        /* the number as written: its place in the text */
        g_autofree char *written = g_strndup(cases_[i].text + m.start, m.end - m.start);
        JxMarker reread;
        g_assert_true(jx_marker_read(written, strlen(written), &reread));
        g_assert_cmpint(reread.number, ==, m.number);
        g_assert_cmpint(reread.end, ==, strlen(written));
    }
}

/* Numbers Writer generates for its lists are read from the label. */
static void test_outline_labels(void)
{
    const char *texts[] = { "部门基本情况", "部门职责", "一般公共预算支出情况", "一般公共预算支出情况" };
    const char *labels[] = { "一、", "（一）", "二、", "二、" };
    gsize lengths[4];
    for (int i = 0; i < 4; i++)
        lengths[i] = strlen(texts[i]);
    g_autoptr(GArray) entries = g_array_new(FALSE, FALSE, sizeof(JxOutlineEntry));
    g_autoptr(GArray) issues = g_array_new(FALSE, FALSE, sizeof(JxOutlineIssue));
    jx_outline_read(texts, lengths, labels, 4, entries, issues);
    g_assert_cmpint(g_array_index(entries, JxOutlineEntry, 1).marker.style, ==, JX_MARK_CHINESE_PAREN);
    g_assert_cmpint(g_array_index(entries, JxOutlineEntry, 1).parent, ==, 0);
    g_assert_cmpuint(issues->len, ==, 1);
    g_assert_cmpint(g_array_index(issues, JxOutlineIssue, 0).problem, ==, JX_OUTLINE_REPEATED);
    g_assert_cmpint(g_array_index(issues, JxOutlineIssue, 0).paragraph, ==, 3);

    /* the same through the review: the finding covers the heading's text */
    g_autoptr(GPtrArray) ps = g_ptr_array_new_with_free_func(jx_review_paragraph_free);
    for (int i = 0; i < 4; i++)
        g_ptr_array_add(ps, jx_review_paragraph_new(texts[i], labels[i]));
    g_autoptr(GPtrArray) findings = jx_review_run(ps, NULL);
    g_assert_cmpuint(findings->len, ==, 1);
    const JxFinding *f = g_ptr_array_index(findings, 0);
    g_assert_cmpstr(f->kind->code, ==, "JX-OUTLINE-REPEATED");
    g_assert_cmpint(f->col, ==, 0);
    g_assert_cmpint(f->col2, ==, (int)g_utf8_strlen(texts[3], -1) - 1);
}

/* A bureau's rules (its schema's settings): other grade bounds, other decimals. */
static void test_bureau_rules(void)
{
    const char *text = "经自评，本单位自评得分82.9分，评价等级为“中”。";
    g_autoptr(GPtrArray) ps = paragraphs_of(text);
    g_autoptr(GPtrArray) by_default = jx_review_run(ps, NULL);
    g_autofree char *got = summary_of(by_default);
    g_assert_cmpstr(got, ==, "JX-GRADE-MISMATCH@1");
    JxSettings settings = { 0 };
    settings.note_limit = 0.01;
    jx_scoring_rules_init_default(&settings.scoring);
    settings.scoring.grade_good = 85;
    settings.scoring.score_decimals = 1;
    JxReviewRules rules;
    jx_review_rules_from_settings(&rules, &settings);
    g_autoptr(GPtrArray) by_bureau = jx_review_run(ps, &rules);
    g_assert_cmpuint(by_bureau->len, ==, 0);
}

/* ---- where findings are ----------------------------------------------------- */

static void test_places(void)
{
    GPtrArray *ps;
    g_autoptr(GPtrArray) findings = review("标题\n商品和服务支出10.00万元，包括办公费1.00万元、其他费用5.00万元。下一句。", &ps);
    g_assert_cmpuint(findings->len, ==, 1);
    const JxFinding *f = g_ptr_array_index(findings, 0);
    g_assert_cmpint(f->sheet, ==, -1);
    g_assert_cmpint(jx_review_finding_paragraph(f), ==, 1);
    /* the characters: from the total's label to the end of the list */
    const char *text = ((JxReviewParagraph *)g_ptr_array_index(ps, 1))->text;
    g_autofree char *words = g_utf8_substring(text, f->col, f->col2 + 1);
    g_assert_cmpstr(words, ==, "商品和服务支出10.00万元，包括办公费1.00万元、其他费用5.00万元。");
    g_autofree char *sentence = jx_review_finding_sentence(f, ps);
    g_assert_cmpstr(sentence, ==, "商品和服务支出10.00万元，包括办公费1.00万元、其他费用5.00万元。");
    g_ptr_array_unref(ps);
}

/* ---- text in, JSON out ---------------------------------------------------- */

static void test_split(void)
{
    const char text[] = "\xEF\xBB\xBF一、甲\r\n\r\n（一）乙\r丙\xE2\x80\xA9丁\n";
    g_autoptr(GPtrArray) ps = jx_review_paragraphs_from_text(text, strlen(text));
    const char *want[] = { "一、甲", "", "（一）乙", "丙", "丁" };
    g_assert_cmpuint(ps->len, ==, G_N_ELEMENTS(want));
    for (gsize i = 0; i < G_N_ELEMENTS(want); i++)
        g_assert_cmpstr(((JxReviewParagraph *)g_ptr_array_index(ps, (guint)i))->text, ==, want[i]);
}

static char *write_temp(const char *data, gsize length)
{
    GError *error = NULL;
    char *path = NULL;
    int fd = g_file_open_tmp("jx-review-XXXXXX.txt", &path, &error);
    g_assert_no_error(error);
    close(fd);
    g_assert_true(g_file_set_contents(path, data, (gssize)length, NULL));
    return path;
}

static void test_encodings(void)
{
    const char *utf8 = "十二、其他\n十二、其他\n";
    gsize n;
    g_autofree char *gb = g_convert(utf8, -1, "GB18030", "UTF-8", NULL, &n, NULL);
    g_autofree char *u16_bom = g_malloc(2 + 2 * strlen(utf8));
    gsize u16_length = 0;
    {
        g_autofree char *again = g_convert(utf8, -1, "UTF-16LE", "UTF-8", NULL, &u16_length, NULL);
        memcpy(u16_bom, "\xFF\xFE", 2);
        memcpy(u16_bom + 2, again, u16_length);
    }
    struct { const char *data; gsize length; } files[] = {
        { utf8, strlen(utf8) }, { gb, n }, { u16_bom, u16_length + 2 },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *path = write_temp(files[i].data, files[i].length);
        GError *error = NULL;
        g_autoptr(GPtrArray) ps = jx_review_read_text_file(path, 1 << 20, &error);
        g_assert_no_error(error);
        g_assert_cmpuint(ps->len, ==, 2);
        g_assert_cmpstr(((JxReviewParagraph *)g_ptr_array_index(ps, 1))->text, ==, "十二、其他");
        g_unlink(path);
    }
    /* binary, too large, missing: a clear error naming the file */
    g_autofree char *binary = write_temp("\x00\x01\x02\xff\xfe\x00", 6);
    g_autofree char *big = write_temp("一、甲\n二、乙\n", strlen("一、甲\n二、乙\n"));
    struct { const char *path; gsize max; int code; } bad[] = {
        { binary, 1 << 20, JX_ERROR_PARSE }, { big, 4, JX_ERROR_IO }, { "/nonexistent/report.txt", 1 << 20, JX_ERROR_IO },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
        GError *error = NULL;
        g_assert_null(jx_review_read_text_file(bad[i].path, bad[i].max, &error));
        g_assert_error(error, JX_ERROR, bad[i].code);
        g_autofree char *en = jx_error_text(error, JX_LANG_EN);
        g_assert_nonnull(strstr(en, bad[i].path));
        g_error_free(error);
    }
    g_unlink(binary);
    g_unlink(big);
}

static void test_json(void)
{
    GPtrArray *ps;
    g_autoptr(GPtrArray) findings = review("一、甲\n一、乙\n项目支出30.00万元，其中院士工作站经费40.00万元。", &ps);
    g_autofree char *json = jx_review_to_json(findings, ps, "/data/report.docx", NULL);
    cJSON *root = cJSON_Parse(json);
    g_assert_nonnull(root);
    g_assert_cmpstr(cJSON_GetObjectItem(root, "source")->valuestring, ==, "/data/report.docx");
    g_assert_cmpint(cJSON_GetObjectItem(root, "errors")->valueint, ==, 1);
    g_assert_cmpint(cJSON_GetObjectItem(root, "warnings")->valueint, ==, 1);
    g_assert_cmpint(cJSON_GetObjectItem(root, "notes")->valueint, ==, 0);
    g_assert_cmpint(cJSON_GetObjectItem(root, "paragraphs")->valueint, ==, 3);
    g_assert_null(cJSON_GetObjectItem(root, "failure"));
    cJSON *first = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "findings"), 0);
    g_assert_cmpstr(cJSON_GetObjectItem(first, "code")->valuestring, ==, "JX-PART-EXCEEDS-TOTAL");
    g_assert_cmpstr(cJSON_GetObjectItem(first, "severity")->valuestring, ==, "error");
    g_assert_cmpint(cJSON_GetObjectItem(first, "paragraph")->valueint, ==, 3);
    g_assert_cmpint(cJSON_GetObjectItem(first, "start")->valueint, ==, 14);
    g_assert_cmpint(cJSON_GetObjectItem(first, "end")->valueint, ==, 28);
    g_assert_cmpstr(cJSON_GetObjectItem(first, "sentence")->valuestring, ==, "项目支出30.00万元，其中院士工作站经费40.00万元。");
    g_assert_nonnull(cJSON_GetObjectItem(cJSON_GetObjectItem(first, "message"), "en"));
    cJSON_Delete(root);
    g_autofree char *failed = jx_review_to_json(NULL, NULL, "x.doc", "cannot open x.doc");
    root = cJSON_Parse(failed);
    g_assert_cmpstr(cJSON_GetObjectItem(root, "failure")->valuestring, ==, "cannot open x.doc");
    g_assert_cmpint(cJSON_GetArraySize(cJSON_GetObjectItem(root, "findings")), ==, 0);
    cJSON_Delete(root);
    g_ptr_array_unref(ps);
}

/* ---- the reference report ------------------------------------------------- */

/* Every inconsistency of the reference report, with the words it is found
 * at; and nothing else. */
static void test_reference(void)
{
    GError *error = NULL;
    g_autoptr(GPtrArray) ps = jx_review_read_text_file(REFERENCE, 1 << 20, &error);
    g_assert_no_error(error);
    g_autoptr(GPtrArray) findings = jx_review_run(ps, NULL);
    struct { const char *code; int paragraph; const char *words; const char *message; } want[] = {
        { "JX-SUM-MISMATCH", 25, "我单位基本支出：273.77万元，其中。",
          "基本支出 273.77 万元 ≠ 第 26–29 段所列 4 项之和 320.45 万元（差 -46.68）" },
        { "JX-SUM-MISMATCH", 26, NULL, "工资福利支出 273.77 万元 ≠ 所列 8 项之和 217.56 万元（差 56.21）" },
        { "JX-SUM-MISMATCH", 27, NULL, "商品服务支出 41.73 万元 ≠ 所列 17 项之和 43.06 万元（差 -1.33）" },
        { "JX-SUM-MISMATCH", 28, NULL, "对个人和家庭的补助支出 4.62 万元 ≠ 所列 4 项之和 10.02 万元（差 -5.40）" },
        { "JX-PART-EXCEEDS-TOTAL", 28, "其他对个人和家庭的补助支出5.4万元",
          "其他对个人和家庭的补助支出 5.40 万元 大于合计 对个人和家庭的补助支出 4.62 万元" },
        { "JX-SAME-DIFFERS", 31, "实际资金支出：114.41万元",
          "项目支出（“实际资金支出”）在此为 114.41 万元，第 12 段为 136.64 万元（差 -22.23）" },
        { "JX-PEOPLE-IN-MONEY", 67, "一是科普活动受益学生人数辐射范围人数超过6万元",
          "“科普活动受益学生人数辐射范围人数”是人数，却写成了“超过6万元”（货币单位）" },
        { "JX-OUTLINE-SKIPPED", 11, NULL, "本级编号从“（二）”开始，缺少“（一）”" },
        { "JX-OUTLINE-SKIPPED", 23, "三、一般公共预算支出情况", "编号从“一、”（第 5 段）跳到“三、”，缺少“二、”" },
        { "JX-OUTLINE-REPEATED", 61, "4、年度完成", "编号“4、”重复：第 59 段已用过" },
        { "JX-OUTLINE-REPEATED", 81, "十二、其他需要说明的情况", "编号“十二、”重复：第 79 段已用过" },
        { "JX-SAME-ROUNDING", 51, "全年支出410.42万元",
          "整体支出（“全年支出”）在此为 410.42 万元，第 12 段为 410.41 万元（差 0.01，在舍入范围内）" },
    };
    if (findings->len != G_N_ELEMENTS(want))
        print_findings(findings);
    g_assert_cmpuint(findings->len, ==, G_N_ELEMENTS(want));
    for (gsize i = 0; i < G_N_ELEMENTS(want); i++) {
        const JxFinding *f = g_ptr_array_index(findings, (guint)i);
        g_assert_cmpstr(f->kind->code, ==, want[i].code);
        g_assert_cmpint(jx_review_finding_paragraph(f) + 1, ==, want[i].paragraph);
        g_assert_cmpstr(f->text[JX_LANG_ZH], ==, want[i].message);
        if (want[i].words) {
            const char *text = ((JxReviewParagraph *)g_ptr_array_index(ps, (guint)want[i].paragraph - 1))->text;
            g_autofree char *words = g_utf8_substring(text, f->col, f->col2 + 1);
            g_assert_cmpstr(words, ==, want[i].words);
        }
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++)
        g_test_add_data_func(cases[i].path, &cases[i], test_case);
    g_test_add_func("/review/figures", test_figures);
    g_test_add_func("/review/outline/markers", test_markers);
    g_test_add_func("/review/outline/labels", test_outline_labels);
    g_test_add_func("/review/rules/bureau", test_bureau_rules);
    g_test_add_func("/review/places", test_places);
    g_test_add_func("/review/text/split", test_split);
    g_test_add_func("/review/text/encodings", test_encodings);
    g_test_add_func("/review/json", test_json);
    g_test_add_func("/review/reference", test_reference);
    return g_test_run();
}

/*
 * review_scores.c: rates and scores against what they are computed from.
 *
 *   - 执行率: "全年预算数420.50万元，全年执行数410.41万元，预算执行率97.60%"
 *     (the budget and the spending of the same scope, before the rate in the
 *     same paragraph), and its points "得分9.76分（分值10分）" by the rules;
 *   - indicator lines: "年度指标值≥300人次，实际完成值270人次，完成率90.00%，
 *     得分5.40分（分值6分）": units, completion and score by the rules (the
 *     same jx_completion_rate and jx_indicator_score as Compute), score not
 *     above its weight, a qualitative score inside its band;
 *   - 总分: "自评得分97.36分" against the scores of the lines above when their
 *     weights make 100, and 等级 ("评价等级为“优”") against 总分.
 * A rate or completion is compared at the decimals it is written with,
 * against every value its figures can stand for (the interval method).
 * Approximate values ("300余人次") only settle a score that is full anyway.
 */
#include "core/review_checks.h"

#include <math.h>
#include <string.h>

#include "core/amounts.h"
#include "core/quantity.h"
#include "core/review_spending.h"
#include "core/scoring.h"
#include "core/units.h"

/* A score written within one unit of its last place of the rules' score is
 * that score rounded another way (by hand, from rounded figures). */
#define SCORE_TOLERANCE (0.01 + 1e-9)

/* How far a written score may be from the rules' score: a unit of its last
 * place at two decimals, half a unit when it is written to fewer ("20.8分"
 * for 20.84: the bureau's rules keep one decimal). */
static double tolerance_of(const JxFigure *score)
{
    return MAX(SCORE_TOLERANCE, score->precision / 2 + 1e-9);
}

/* The decimals a figure is written with: 1.599 → 3. */
static int decimals_of(const JxFigure *figure)
{
    int decimals = 0;
    for (double p = figure->precision; p > 0 && p < 0.999 && decimals < 9; p *= 10)
        decimals++;
    return decimals;
}

static const char *const rate_words[] = { "预算执行率", "资金执行率", "支出执行率", "执行率" };
static const char *const target_words[] = { "年度指标值", "指标值", "目标值" };
static const char *const actual_words[] = { "实际完成值", "实际完成情况", "实际值", "完成值" };
static const char *const total_words[] = { "自评总分", "自评得分", "综合得分", "最终得分", "得分合计", "总分" };

/* Grades as reports write them; other schemes (合格 …) are not read. */
static const struct { const char *word; const char *grade; } grades[] = {
    { "优秀", "优" }, { "良好", "良" }, { "中等", "中" }, { "较差", "差" },
    { "优", "优" }, { "良", "良" }, { "中", "中" }, { "差", "差" },
};

typedef struct {
    double score, weight;
} Scored;

/* --- finding things in a paragraph ------------------------------------------------ */

/* The first of words in para from byte i (the longest where two begin at
 * the same place): its start, *end after it; -1 if none. */
static gssize find_word(const JxReviewPara *para, gsize i, const char *const *words, gsize n, gsize *end)
{
    gssize best = -1;
    gsize best_length = 0;
    for (gsize k = 0; k < n && i < para->length; k++) {
        const char *hit = g_strstr_len(para->text + i, (gssize)(para->length - i), words[k]);
        gssize at = hit ? hit - para->text : -1;
        if (at >= 0 && (best < 0 || at < best || (at == best && strlen(words[k]) > best_length))) {
            best = at;
            best_length = strlen(words[k]);
        }
    }
    if (best >= 0)
        *end = (gsize)best + best_length;
    return best;
}

static gboolean is_tie(gunichar c)
{
    return g_unichar_isspace(c) || c == 0x3000 || c == 0xFF1A || c == ':' || c == 0x4E3A /* 为 */ ||
           c == 0x662F /* 是 */;
}

/* The figure written right after byte i (past 为, 是, colons), of kind. */
static const JxFigure *figure_after(const JxReviewPara *para, gsize i, JxFigureKind kind, const char *unit)
{
    while (i < para->length && is_tie(jx_review_char_at(para, i)))
        i = jx_review_next(para, i);
    for (guint f = 0; f < para->figures->len; f++) {
        const JxFigure *figure = &g_array_index(para->figures, JxFigure, f);
        if (figure->start == i && figure->kind == kind &&
            (unit == NULL || strcmp(figure->quantity.unit, unit) == 0))
            return figure;
    }
    return NULL;
}

/* The value written after 得分 / 分值: "得分9.76分" → 9.76. */
static const JxFigure *points_after(const JxReviewPara *para, const char *word, gsize from)
{
    const char *hit = g_strstr_len(para->text + from, (gssize)(para->length - from), word);
    return hit ? figure_after(para, (gsize)(hit - para->text) + strlen(word), JX_FIGURE_OTHER, "分") : NULL;
}

/* The text after a keyword up to the end of its clause, quotes removed:
 * "年度指标值为“持续开展”，" → "持续开展". *start, *end: where it is. */
static char *value_after(const JxReviewPara *para, gsize i, gsize *start, gsize *end)
{
    while (i < para->length && is_tie(jx_review_char_at(para, i)))
        i = jx_review_next(para, i);
    gunichar open = jx_review_char_at(para, i);
    gboolean quoted = open == 0x201C || open == '"' || open == 0x300C;
    if (quoted)
        i = jx_review_next(para, i);
    gsize j = i;
    while (j < para->length) {
        gunichar c = jx_review_char_at(para, j);
        if (quoted ? (c == 0x201D || c == '"' || c == 0x300D)
                   : (c == 0xFF0C || c == ',' || c == 0xFF1B || c == ';' || c == 0x3002))
            break;
        j = jx_review_next(para, j);
    }
    *start = i;
    *end = j;
    return g_strndup(para->text + i, j - i);
}

static double half_unit(const JxFigure *figure)
{
    return figure->precision / 2 + 1e-9;
}

static char *percent_text(double percent, const JxFigure *as_written)
{
    int decimals = 0;
    for (double p = as_written->precision; p < 0.999 && decimals < 6; p *= 10)
        decimals++;
    char *number = jx_format_fixed(percent, decimals, FALSE);
    char *text = g_strdup_printf("%s%%", number);
    g_free(number);
    return text;
}

/* --- points ------------------------------------------------------------------------- */

/* 得分 … （分值 …） in paragraph p from byte from: checks the score is not
 * above the weight and (when expected is given) that it is the one the
 * rules give; records it for 总分. */
static void check_points(JxReviewDoc *doc, guint p, gsize from, const char *name, const double *expected,
                         GArray *scored)
{
    const JxReviewPara *para = &doc->paras[p];
    const JxFigure *score = points_after(para, "得分", from);
    const JxFigure *weight = points_after(para, "分值", from);
    if (score == NULL || weight == NULL)
        return;
    Scored s = { score->quantity.value, weight->quantity.value };
    g_array_append_val(scored, s);
    g_autofree char *ss = jx_format_fixed(s.score, 2, FALSE);
    g_autofree char *ws = jx_format_fixed(s.weight, 2, FALSE);
    if (s.score > s.weight + SCORE_TOLERANCE) {
        char *zh = g_strdup_printf("“%s”得分 %s 高于分值 %s", name, ss, ws);
        char *en = g_strdup_printf("%s: the score %s is above its weight %s", name, ss, ws);
        jx_review_doc_add(doc, JX_FINDING_SCORE_ABOVE_WEIGHT, p, score->start, score->end, zh, en);
    } else if (expected && fabs(*expected - s.score) > tolerance_of(score)) {
        g_autofree char *es = jx_format_fixed(*expected, 2, FALSE);
        char *zh = g_strdup_printf("“%s”得分 %s，按规则应为 %s", name, ss, es);
        char *en = g_strdup_printf("%s: the score is %s; the rules give %s", name, ss, es);
        jx_review_doc_add(doc, JX_FINDING_SCORE_MISMATCH, p, score->start, score->end, zh, en);
    }
}

/* --- 执行率 ---------------------------------------------------------------------- */

/* The scope a figure's label gives it in paragraph p; general labels take
 * the section's, or a scope of their own paragraph (-1) when it has none. */
static int figure_scope(const JxReviewDoc *doc, guint p, guint f, JxSpendingMeasure *measure)
{
    g_autofree char *label = jx_review_figure_label(doc, p, f, NULL);
    JxSpendingScope scope;
    if (!jx_spending_of_label(doc, label, &scope, measure))
        return -2;
    if (scope == JX_SPENDING_NONE)
        scope = jx_spending_scope_at(doc, p);
    return scope == JX_SPENDING_NONE ? -1 : (int)scope;
}

static void check_execution(JxReviewDoc *doc, guint p, guint r, GArray *scored)
{
    const JxReviewPara *para = &doc->paras[p];
    const JxFigure *rate = &g_array_index(para->figures, JxFigure, r);
    /* the nearest full-year budget before the rate, and the spending of its scope */
    int budget = -1, executed = -1, budget_scope = -2;
    for (int f = (int)r - 1; f >= 0 && budget < 0; f--) {
        JxSpendingMeasure measure;
        if (g_array_index(para->figures, JxFigure, f).kind != JX_FIGURE_MONEY)
            continue;
        int scope = figure_scope(doc, p, (guint)f, &measure);
        if (scope > -2 && measure == JX_MEASURE_BUDGET_FULL) {
            budget = f;
            budget_scope = scope;
        }
    }
    for (int f = (int)r - 1; f >= 0 && budget >= 0 && executed < 0; f--) {
        JxSpendingMeasure measure;
        if (g_array_index(para->figures, JxFigure, f).kind == JX_FIGURE_MONEY &&
            figure_scope(doc, p, (guint)f, &measure) == budget_scope && measure == JX_MEASURE_EXECUTED)
            executed = f;
    }
    if (budget < 0 || executed < 0)
        return;
    const JxFigure *b = &g_array_index(para->figures, JxFigure, budget);
    const JxFigure *e = &g_array_index(para->figures, JxFigure, executed);
    double bv, bp, ev, ep;
    if (!jx_figure_in(b, "万元", &bv, &bp) || !jx_figure_in(e, "万元", &ev, &ep) || bv - bp / 2 <= 0)
        return;
    double low = (ev - ep / 2) / (bv + bp / 2) * 100, high = (ev + ep / 2) / (bv - bp / 2) * 100;
    double stated = rate->quantity.value;
    g_autofree char *label = jx_review_figure_label(doc, p, r, NULL);
    if (stated + half_unit(rate) < low || stated - half_unit(rate) > high) {
        g_autofree char *rs = g_strndup(para->text + rate->number, rate->end - rate->number);
        g_autofree char *es = jx_review_amount_text(ev);
        g_autofree char *bs = jx_review_amount_text(bv);
        g_autofree char *cs = percent_text(ev / bv * 100, rate);
        char *zh = g_strdup_printf("%s %s 与所列数字不符：%s ÷ %s = %s", label, rs, es, bs, cs);
        char *en = g_strdup_printf("the %s %s does not match its figures: %s / %s = %s", label, rs, es, bs, cs);
        jx_review_doc_add(doc, JX_FINDING_RATE_MISMATCH, p, jx_review_clause_start(para, rate->start), rate->end, zh, en);
    }
    const JxFigure *weight = points_after(para, "分值", rate->end);
    if (weight != NULL) {
        /* the points of the rate the figures give; a score that follows the
         * rate as written (rounded) is right too */
        double w = weight->quantity.value;
        double expected = jx_execution_points(&doc->rules->scoring, w, ev / bv);
        double as_written = jx_execution_points(&doc->rules->scoring, w, stated / 100);
        const JxFigure *score = points_after(para, "得分", rate->end);
        if (score && fabs(score->quantity.value - as_written) <= tolerance_of(score))
            expected = as_written;
        check_points(doc, p, rate->end, label, isnan(expected) ? NULL : &expected, scored);
    }
}

/* --- indicator lines ------------------------------------------------------------------- */

static char *indicator_name(const JxReviewDoc *doc, guint p, gsize before)
{
    const JxReviewPara *para = &doc->paras[p];
    const char *colon = g_strstr_len(para->text + para->body, (gssize)(before - para->body), "：");
    gsize end = colon ? (gsize)(colon - para->text) : before;
    char *name = jx_review_label(para, para->body, end);
    if (name[0] == '\0') {
        g_free(name);
        return g_strdup("指标");
    }
    return name;
}

static gboolean is_people(const JxQuantity *q)
{
    return q->kind == JX_QUANTITY_NUMBER && jx_unit_is_people(q->unit);
}

static gboolean is_money(const JxQuantity *q)
{
    return q->kind == JX_QUANTITY_NUMBER && jx_unit_is_money(q->unit);
}

static gboolean check_indicator(JxReviewDoc *doc, guint p, GArray *scored)
{
    const JxReviewPara *para = &doc->paras[p];
    gsize target_key, actual_key, ts, te, as, ae;
    gssize t = find_word(para, para->body, target_words, G_N_ELEMENTS(target_words), &target_key);
    if (t < 0)
        return FALSE;
    gssize a = find_word(para, target_key, actual_words, G_N_ELEMENTS(actual_words), &actual_key);
    if (a < 0)
        return FALSE;
    g_autofree char *name = indicator_name(doc, p, (gsize)t);
    g_autofree char *target_text = value_after(para, target_key, &ts, &te);
    g_autofree char *actual_text = value_after(para, actual_key, &as, &ae);
    JxQuantity target, actual;
    gboolean readable = jx_quantity_parse(target_text, &target, NULL) &&
                        jx_quantity_parse(actual_text, &actual, NULL);
    const JxFigure *score = points_after(para, "得分", ae);
    const JxFigure *weight = points_after(para, "分值", ae);
    if (!readable) {
        check_points(doc, p, ae, name, NULL, scored);
        return TRUE;
    }
    gboolean name_counts = strstr(name, "人数") || strstr(name, "人次");
    if ((is_people(&target) && is_money(&actual)) || (is_money(&target) && is_people(&actual)) ||
        (name_counts && (is_money(&actual) || is_money(&target)))) {
        char *zh = g_strdup_printf("“%s”是人数，实际完成值“%s”却用了货币单位（指标值“%s”）", name, actual_text, target_text);
        char *en = g_strdup_printf("%s counts people, but the actual '%s' is in a unit of money (target '%s')",
                                   name, actual_text, target_text);
        jx_review_doc_add(doc, JX_FINDING_PEOPLE_IN_MONEY, p, as, ae, zh, en);
        return TRUE;
    }
    if (target.kind == JX_QUANTITY_NUMBER && actual.kind == JX_QUANTITY_NUMBER &&
        !jx_unit_convertible(target.unit, actual.unit)) {
        char *zh = g_strdup_printf("“%s”的指标值“%s”与实际完成值“%s”单位不一致", name, target_text, actual_text);
        char *en = g_strdup_printf("%s: target '%s' and actual '%s' are in units that do not convert", name,
                                   target_text, actual_text);
        jx_review_doc_add(doc, JX_FINDING_INDICATOR_UNITS, p, ts, ae, zh, en);
        return TRUE;
    }
    gboolean exact = target.approximation == JX_APPROX_EXACT && actual.approximation == JX_APPROX_EXACT;
    double rate;
    gboolean has_rate = jx_completion_rate(&target, &actual, &rate, NULL);
    gsize rate_key;
    const char *const completion_words[] = { "完成率" };
    gssize c = find_word(para, ae, completion_words, 1, &rate_key);
    const JxFigure *stated = c >= 0 ? figure_after(para, rate_key, JX_FIGURE_PERCENT, NULL) : NULL;
    if (stated && has_rate && exact && fabs(stated->quantity.value - rate * 100) > half_unit(stated)) {
        g_autofree char *rs = g_strndup(para->text + stated->number, stated->end - stated->number);
        g_autofree char *cs = percent_text(rate * 100, stated);
        char *zh = g_strdup_printf("“%s”完成率 %s，按年度指标值“%s”和实际完成值“%s”应为 %s", name, rs,
                                   target_text, actual_text, cs);
        char *en = g_strdup_printf("%s: completion %s; target '%s' and actual '%s' give %s", name, rs, target_text,
                                   actual_text, cs);
        jx_review_doc_add(doc, JX_FINDING_RATE_MISMATCH, p, (gsize)c, stated->end, zh, en);
    }
    if (score == NULL || weight == NULL)
        return TRUE;
    JxBand band = JX_BAND_NONE;
    gsize band_key;
    const char *const band_words[] = { "档次" };
    if (find_word(para, ae, band_words, 1, &band_key) >= 0) {
        gsize bs, be;
        g_autofree char *band_text = value_after(para, band_key, &bs, &be);
        band = jx_band_parse(band_text);
    }
    double expected;
    GError *error = NULL;
    gboolean qualitative = jx_direction_of(&target) == JX_DIRECTION_QUALITATIVE;
    double entered = score->quantity.value;
    /* a score written to more decimals than the rules keep is judged as written */
    JxScoringRules rules = doc->rules->scoring;
    rules.score_decimals = MAX(rules.score_decimals, decimals_of(score));
    gboolean scored_ok = jx_indicator_score(&rules, weight->quantity.value, &target, &actual,
                                            band, qualitative ? &entered : NULL, &expected, &error);
    gboolean settles = exact || (has_rate && rate >= 1 && jx_direction_of(&target) != JX_DIRECTION_REVERSE);
    if (!scored_ok && error && error->code == JX_ERROR_INVALID && band != JX_BAND_NONE &&
        entered <= weight->quantity.value + SCORE_TOLERANCE) {
        double low, high;
        gboolean open;
        jx_band_bounds(&rules, band, weight->quantity.value, &low, &high, &open);
        g_autofree char *es = jx_format_fixed(entered, 2, FALSE);
        char *zh = g_strdup_printf("“%s”得分 %s 不在所选档次的范围 [%g, %g%s 内", name, es, low, high, open ? ")" : "]");
        char *en = g_strdup_printf("%s: the score %s lies outside its band [%g, %g%s", name, es, low, high,
                                   open ? ")" : "]");
        jx_review_doc_add(doc, JX_FINDING_SCORE_OUTSIDE_BAND, p, score->start, score->end, zh, en);
        Scored s = { entered, weight->quantity.value };
        g_array_append_val(scored, s);
    } else {
        check_points(doc, p, ae, name, scored_ok && settles && !qualitative ? &expected : NULL, scored);
    }
    g_clear_error(&error);
    return TRUE;
}

/* --- 总分 and 等级 ----------------------------------------------------------------------- */

static void check_total(JxReviewDoc *doc, guint p, const GArray *scored)
{
    const JxReviewPara *para = &doc->paras[p];
    gsize key;
    gssize at = find_word(para, para->body, total_words, G_N_ELEMENTS(total_words), &key);
    const JxFigure *total = at >= 0 ? figure_after(para, key, JX_FIGURE_OTHER, "分") : NULL;
    if (total == NULL)
        return;
    double weights = 0;
    for (guint i = 0; i < scored->len; i++)
        weights += g_array_index(scored, Scored, i).weight;
    if (scored->len >= 2 && fabs(weights - 100) < 1e-6) {
        double *values = g_new(double, scored->len), *precisions = g_new(double, scored->len), sum = 0;
        for (guint i = 0; i < scored->len; i++) {
            values[i] = g_array_index(scored, Scored, i).score;
            precisions[i] = 0.01;
            sum += values[i];
        }
        double difference;
        if (!jx_sum_check(total->quantity.value, total->precision, values, precisions, scored->len, &difference)) {
            g_autofree char *ts = jx_format_fixed(total->quantity.value, 2, FALSE);
            g_autofree char *ss = jx_format_fixed(sum, 2, FALSE);
            g_autofree char *ds = jx_format_fixed(difference, 2, FALSE);
            char *zh = g_strdup_printf("总分 %s 分 ≠ 所列 %u 项得分之和 %s 分（差 %s）", ts, scored->len, ss, ds);
            char *en = g_strdup_printf("the total score %s ≠ the sum of the %u scores listed, %s (difference %s)",
                                       ts, scored->len, ss, ds);
            jx_review_doc_add(doc, JX_FINDING_SUM_MISMATCH, p, (gsize)at, total->end, zh, en);
        }
        g_free(values);
        g_free(precisions);
    }
    const char *const grade_words[] = { "等级" };
    gsize grade_key;
    if (find_word(para, total->end, grade_words, 1, &grade_key) < 0)
        return;
    gsize gs, ge;
    g_autofree char *written = value_after(para, grade_key, &gs, &ge);
    g_strstrip(written);
    for (gsize k = 0; k < G_N_ELEMENTS(grades); k++) {
        if (strcmp(written, grades[k].word) != 0)
            continue;
        const JxScoringRules *r = &doc->rules->scoring;
        const char *expected = jx_grade(r, total->quantity.value, FALSE);
        if (strcmp(expected, grades[k].grade) != 0) {
            g_autofree char *ts = jx_format_fixed(total->quantity.value, 2, FALSE);
            const char *expected_en = jx_grade(r, total->quantity.value, TRUE);
            /* the bounds are said: a bureau may grade with others (review with its schema) */
            char *zh = g_strdup_printf("总分 %s 分的等级应为“%s”（优 ≥ %g、良 ≥ %g、中 ≥ %g），报告写的是“%s”", ts,
                                       expected, r->grade_excellent, r->grade_good, r->grade_pass, written);
            char *en = g_strdup_printf("a total of %s is graded %s (%s; 优 ≥ %g, 良 ≥ %g, 中 ≥ %g), but the report "
                                       "says %s", ts, expected, expected_en, r->grade_excellent, r->grade_good,
                                       r->grade_pass, written);
            jx_review_doc_add(doc, JX_FINDING_GRADE_MISMATCH, p, gs, ge, zh, en);
        }
        break;
    }
}

void jx_review_check_scores(JxReviewDoc *doc)
{
    g_autoptr(GArray) scored = g_array_new(FALSE, FALSE, sizeof(Scored));
    for (guint p = 0; p < doc->n; p++) {
        const JxReviewPara *para = &doc->paras[p];
        if (check_indicator(doc, p, scored))
            continue;
        gboolean rate_seen = FALSE;
        for (guint f = 0; f < para->figures->len && !rate_seen; f++) {
            const JxFigure *figure = &g_array_index(para->figures, JxFigure, f);
            if (figure->kind != JX_FIGURE_PERCENT)
                continue;
            g_autofree char *label = jx_review_figure_label(doc, p, f, NULL);
            for (gsize k = 0; k < G_N_ELEMENTS(rate_words) && !rate_seen; k++)
                if (g_str_has_suffix(label, rate_words[k])) {
                    check_execution(doc, p, f, scored);
                    rate_seen = TRUE;
                }
        }
        if (!rate_seen) {
            /* a line of points alone: "1.预算执行：得分9.76分（分值10分）" */
            g_autofree char *name = indicator_name(doc, p, para->length);
            check_points(doc, p, para->body, name, NULL, scored);
        }
        check_total(doc, p, scored);
    }
}

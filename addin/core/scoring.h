/*
 * scoring.h: the official scoring rules of a 绩效自评表.
 *
 * W = 分值 (weight), T = 年度指标值 (target), A = 实际完成值 (actual).
 *   positive (≥ >, or no sign):  A ≥ T → W, else round(A/T × W, 2)
 *   reverse  (≤ <):              A ≤ T → W; T < A < 2T → round((1 − (A−T)/T) × W, 2); A ≥ 2T → 0
 *   exact    (=):                as positive; T = 0: A ≤ 0 → W, else 0
 *   deadline (…前):              done on or before the date → W, else 0
 *   qualitative:                 the band bounds the score; its default is the band's top
 * A negative A counts as 0.  A score never exceeds W.  The thresholds below
 * are parameters (a schema may change them); the defaults are the documented
 * ones (see README, "Scoring rules").
 */
#ifndef JX_CORE_SCORING_H
#define JX_CORE_SCORING_H

#include <glib.h>

#include "core/quantity.h"

G_BEGIN_DECLS

typedef enum {
    JX_DIRECTION_POSITIVE,
    JX_DIRECTION_REVERSE,
    JX_DIRECTION_EXACT,
    JX_DIRECTION_DEADLINE,
    JX_DIRECTION_QUALITATIVE,
} JxDirection;

typedef enum {
    JX_BAND_NONE,          /* not chosen */
    JX_BAND_ACHIEVED,      /* 达成年度指标: [0.8W, W] */
    JX_BAND_PARTIAL,       /* 部分达成年度指标并具有一定效果: [0.6W, 0.8W) */
    JX_BAND_NOT_ACHIEVED,  /* 未达成年度指标且效果较差: [0, 0.6W) */
} JxBand;

typedef struct {
    double grade_excellent;        /* 优 at or above: 90 */
    double grade_good;             /* 良 at or above: 80 */
    double grade_pass;             /* 中 at or above: 60; below is 差 */
    double band_achieved_low;      /* fraction of W: 0.8 */
    double band_partial_low;       /* fraction of W: 0.6 */
    double overachievement;        /* completion at or above this needs a 偏差原因: 1.2 */
    double execution_explain_below;/* 执行率 below this needs an explanation: 0.9 */
    int score_decimals;            /* 2 */
} JxScoringRules;

/* The documented defaults. */
void jx_scoring_rules_init_default(JxScoringRules *rules);

/* The rules by name: the one table behind a schema's settings.scoring and
 * the rules text of the JX functions, so that both read the same names. */
typedef struct {
    const char *name;        /* "score_decimals", as in settings.scoring */
    gsize offset;            /* of the double (or int, when integer) in JxScoringRules */
    gboolean integer;
    int low, high;           /* integer: the allowed range */
    gboolean scores;         /* changes what JX.SCORE, JX.EXECPOINTS or JX.GRADE give */
} JxScoringRule;

const JxScoringRule *jx_scoring_rule_table(gsize *n);
const JxScoringRule *jx_scoring_rule(const char *name);

/* Sets one rule (JX_ERROR_INVALID: a fraction for an integer, out of range,
 * not finite). */
gboolean jx_scoring_rule_set(JxScoringRules *rules, const JxScoringRule *rule, double value,
                             GError **error);

/* The rules hold together: grades 优 ≥ 良 ≥ 中, bands 0 ≤ 部分达成 ≤ 达成 ≤ 1. */
gboolean jx_scoring_rules_check(const JxScoringRules *rules, GError **error);

/* The rules text of a JX function's optional `rules` argument, as Compute
 * writes it: "score_decimals=1;band_partial_low=0.55", the rules that change
 * a score and differ from the defaults; "" when there are none.  Newly
 * allocated. */
char *jx_scoring_rules_text(const JxScoringRules *rules);

/* Applies a rules text ("name=value" separated by ';', white space
 * ignored) over *rules, then checks them.  Unknown names, bad numbers →
 * JX_ERROR_INVALID naming the part. */
gboolean jx_scoring_rules_parse(const char *text, JxScoringRules *rules, GError **error);

/* The direction a target implies: its comparison, or DEADLINE for a date,
 * QUALITATIVE for text. */
JxDirection jx_direction_of(const JxQuantity *target);

/* Completion rate as a fraction (1.0 = 100 %):
 *   positive, exact: A/T (T = 0: 1 if A ≤ 0, else 0)
 *   reverse: (2T − A)/T clamped at 0, i.e. 1 at target, above 1 under it
 *   deadline: 1 if done by the date (or actual says 按期完成), else 0
 *   qualitative: 1 if the actual states achievement, else JX_ERROR_NEEDS_BAND
 * Target and actual units must convert (JX_ERROR_UNIT_MISMATCH); a zero
 * target of a positive or reverse indicator is JX_ERROR_ZERO_TARGET.
 * Details:
 *   - A is converted into T's unit first (actual 50000 元 against 10 万元
 *     is 5 万元); a bare number takes the other side's unit.  A negative A
 *     counts as 0.  A negative T → JX_ERROR_INVALID; a value that is NaN or
 *     infinite → JX_ERROR_INVALID (JX_ERROR_RANGE if the conversion overflows).
 *   - Deadline: the actual date on or before the target date → 1, after → 0,
 *     compared as (year, month, day); a date without a year (0) takes the
 *     other date's year.  An actual in words that states completion
 *     (achieved, e.g. 按期完成) → 1; other words → JX_ERROR_NEEDS_BAND; a
 *     number against a date (or a date against a number) →
 *     JX_ERROR_UNIT_MISMATCH.
 *   - A number target and an actual in words: 1 only when the words state
 *     completion and the target is 100 % ("100%" vs "全部完成"); any other
 *     number ("300人次" vs "全部完成") → JX_ERROR_NEEDS_BAND, since the
 *     words do not say how many. */
gboolean jx_completion_rate(const JxQuantity *target, const JxQuantity *actual,
                            double *rate, GError **error);

/* Score of one indicator.  band is used for qualitative indicators (NONE:
 * ACHIEVED when the actual states achievement, else JX_ERROR_NEEDS_BAND).
 * If entered is non-NULL it is a score the user typed: within the band it is
 * kept, outside it is JX_ERROR_INVALID.  weight must be ≥ 0 and finite.
 * Details:
 *   - rules NULL means the defaults.  Scores are rounded to
 *     rules->score_decimals with jx_round, are never below 0 and never above
 *     W (nor above the largest value with score_decimals places ≤ W, should
 *     W carry more places).
 *   - A band (and entered) is used for a qualitative target, and for a
 *     number or date target whose actual is words that do not settle the
 *     rate (jx_completion_rate says JX_ERROR_NEEDS_BAND).  Otherwise the
 *     formula decides and band and entered are ignored.
 *   - Default score of a band = its top: W for ACHIEVED; for the half-open
 *     bands the largest value with score_decimals places strictly below the
 *     upper bound (W = 10: PARTIAL → 7.99, NOT_ACHIEVED → 5.99).
 *   - entered is rounded to score_decimals first and the rounded value is
 *     checked (W = 10, PARTIAL: 7.994 → 7.99 kept, 7.996 → 8.00 refused);
 *     the error message names both bounds.  NaN or infinite → INVALID.
 *   - A weight of 0 scores 0 in every band; only 0 may be entered. */
gboolean jx_indicator_score(const JxScoringRules *rules, double weight,
                            const JxQuantity *target, const JxQuantity *actual,
                            JxBand band, const double *entered,
                            double *score, GError **error);

/* Reads a band from its official wording or a short form: "达成"/"达成年度指标"/
 * "achieved", "部分达成…"/"partial", "未达成…"/"not achieved".  NONE if not.
 * Accepted: the three official wordings, the same without the effect clause
 * (部分达成年度指标, 未达成年度指标), the short forms 达成/部分达成/未达成,
 * and English achieved / partial / partially achieved / not achieved (ASCII
 * case ignored).  Surrounding white space, including U+3000, is ignored. */
JxBand jx_band_parse(const char *text);

/* Bounds of a band for weight W: [low, high]; for PARTIAL and NOT_ACHIEVED
 * the upper bound itself belongs to the next band (the caller treats high as
 * exclusive when high_exclusive is set).  FALSE for JX_BAND_NONE.  The bounds
 * are rounded to 9 places (0.8 × 7 → 5.6, not 5.6000000000000005); rules
 * NULL means the defaults; any output pointer may be NULL. */
gboolean jx_band_bounds(const JxScoringRules *rules, JxBand band, double weight,
                        double *low, double *high, gboolean *high_exclusive);

/* 执行率 = executed / budget as a fraction.  budget ≤ 0 → JX_ERROR_ZERO_TARGET;
 * negative executed → JX_ERROR_INVALID. */
gboolean jx_execution_rate(double budget, double executed, double *rate,
                           GError **error);

/* Points for 执行率: round(min(rate, 1) × W, 2) (rules->score_decimals
 * places; a negative rate gives 0).  NaN when weight is negative or not
 * finite, or rate is NaN. */
double jx_execution_points(const JxScoringRules *rules, double weight, double rate);

/* TRUE when 执行率 is below rules->execution_explain_below (90 %): the table
 * then needs an explanation.  FALSE for NaN. */
gboolean jx_execution_needs_explanation(const JxScoringRules *rules, double rate);

/* TRUE when a completion rate is at or above rules->overachievement (1.2):
 * the target may have been set too low and a 偏差原因 is required. */
gboolean jx_is_overachieved(const JxScoringRules *rules, double rate);

/* TRUE when two scores are the same as the table shows them, rounded to
 * rules->score_decimals (with 1 decimal a typed 9.74 is the rules' 9.7).
 * rules NULL = defaults. */
gboolean jx_scores_agree(const JxScoringRules *rules, double a, double b);

/* Grade of a total score: "优", "良", "中", "差" (zh) or
 * "Excellent", "Good", "Fair", "Poor" (en).  Static strings.
 * The total is graded as shown, rounded to rules->score_decimals first
 * (89.99 → 良, 89.995 → 90.00 → 优).  NaN → "".  rules NULL = defaults. */
const char *jx_grade(const JxScoringRules *rules, double total, gboolean english);

G_END_DECLS

#endif

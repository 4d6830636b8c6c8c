/*
 * test_scoring.c: the scoring rules of a 绩效自评表, worked by hand.
 *
 * Every table row carries the hand computation in its comment; the score
 * must match it to the cent (exact equality with the decimal written).
 * Quantities are built directly (NUM/DATE/WORDS below), never parsed, so
 * these tests do not depend on quantity.c.
 */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "core/error.h"
#include "core/quantity.h"
#include "core/scoring.h"

/* ---- quantities built by hand -------------------------------------------- */

#define NUM(cmp, v, u) \
    { .kind = JX_QUANTITY_NUMBER, .comparison = (cmp), .value = (v), .unit = u }
#define DATE(y, m, d) \
    { .kind = JX_QUANTITY_DATE, .comparison = JX_CMP_LE, .year = (y), .month = (m), .day = (d) }
#define WORDS(t, ach) \
    { .kind = JX_QUANTITY_QUALITATIVE, .text = t, .achieved = (ach) }

/* A number quantity, for the tests that are not table rows. */
static JxQuantity quantity_number(JxComparison comparison, double value, const char *unit)
{
    JxQuantity q = { .kind = JX_QUANTITY_NUMBER, .comparison = comparison, .value = value };
    g_strlcpy(q.unit, unit, sizeof q.unit);
    return q;
}

#define OK (-1)   /* expected "no error" in the code columns */

/* ---- indicator scores --------------------------------------------------- */

typedef struct {
    const char *path;
    double weight;
    JxQuantity target, actual;
    JxBand band;
    gboolean has_entered;
    double entered;
    int code;            /* OK or the JxErrorCode expected */
    double score;        /* expected, to the cent */
} ScoreCase;

static const ScoreCase score_cases[] = {
    /* positive: A ≥ T → W, else round(A/T × W, 2) */
    { "/scoring/positive/at-target", 10, NUM(JX_CMP_GE, 300, "人次"), NUM(JX_CMP_NONE, 300, "人次"),
      JX_BAND_NONE, FALSE, 0, OK, 10 },                       /* 300 ≥ 300 → 10 */
    { "/scoring/positive/above-target", 10, NUM(JX_CMP_GE, 300, "人次"), NUM(JX_CMP_NONE, 450, "人次"),
      JX_BAND_NONE, FALSE, 0, OK, 10 },                       /* 450/300 = 1.5, capped → 10 */
    { "/scoring/positive/below-target", 10, NUM(JX_CMP_GE, 300, "人次"), NUM(JX_CMP_NONE, 285, "人次"),
      JX_BAND_NONE, FALSE, 0, OK, 9.5 },                      /* 285/300 = 0.95 × 10 = 9.50 */
    { "/scoring/positive/two-thirds", 10, NUM(JX_CMP_GE, 300, "人次"), NUM(JX_CMP_NONE, 200, "人次"),
      JX_BAND_NONE, FALSE, 0, OK, 6.67 },                     /* 200/300 × 10 = 6.666… → 6.67 */
    { "/scoring/positive/half-rounds-up", 10, NUM(JX_CMP_GE, 400, "场"), NUM(JX_CMP_NONE, 1, "场"),
      JX_BAND_NONE, FALSE, 0, OK, 0.03 },                     /* 1/400 × 10 = 0.025 → 0.03 */
    { "/scoring/positive/weight-5", 5, NUM(JX_CMP_GE, 80, "户"), NUM(JX_CMP_NONE, 67, "户"),
      JX_BAND_NONE, FALSE, 0, OK, 4.19 },                     /* 67/80 = 0.8375 × 5 = 4.1875 → 4.19 */
    { "/scoring/positive/no-sign", 10, NUM(JX_CMP_NONE, 300, "人次"), NUM(JX_CMP_NONE, 150, "人次"),
      JX_BAND_NONE, FALSE, 0, OK, 5 },                        /* no sign = ≥: 150/300 × 10 = 5.00 */
    { "/scoring/positive/greater-than", 10, NUM(JX_CMP_GT, 20, "期"), NUM(JX_CMP_NONE, 19, "期"),
      JX_BAND_NONE, FALSE, 0, OK, 9.5 },                      /* 19/20 × 10 = 9.50 */
    { "/scoring/positive/percent", 5, NUM(JX_CMP_GE, 95, "%"), NUM(JX_CMP_NONE, 92.5, "%"),
      JX_BAND_NONE, FALSE, 0, OK, 4.87 },                     /* 92.5/95 = 0.97368… × 5 = 4.868… → 4.87 */
    { "/scoring/positive/negative-actual", 10, NUM(JX_CMP_GE, 100, "%"), NUM(JX_CMP_NONE, -5, "%"),
      JX_BAND_NONE, FALSE, 0, OK, 0 },                        /* A = −5 counts as 0 → 0/100 × 10 = 0 */
    { "/scoring/positive/zero-weight", 0, NUM(JX_CMP_GE, 100, "%"), NUM(JX_CMP_NONE, 50, "%"),
      JX_BAND_NONE, FALSE, 0, OK, 0 },                        /* 0.5 × 0 = 0 */
    { "/scoring/positive/band-ignored", 10, NUM(JX_CMP_GE, 300, "人次"), NUM(JX_CMP_NONE, 150, "人次"),
      JX_BAND_ACHIEVED, TRUE, 9, OK, 5 },                     /* the formula decides: 150/300 × 10 = 5.00 */
    { "/scoring/positive/weight-more-places", 3.333, NUM(JX_CMP_GE, 10, "项"), NUM(JX_CMP_NONE, 10, "项"),
      JX_BAND_NONE, FALSE, 0, OK, 3.33 },                     /* 1 × 3.333 = 3.333; largest 2-place ≤ W = 3.33 */

    /* unit conversion: A is converted into T's unit */
    { "/scoring/units/yuan-against-wan", 10, NUM(JX_CMP_GE, 10, "万元"), NUM(JX_CMP_NONE, 95000, "元"),
      JX_BAND_NONE, FALSE, 0, OK, 9.5 },                      /* 95000 元 = 9.5 万元; 9.5/10 × 10 = 9.50 */
    { "/scoring/units/yi-against-wan", 10, NUM(JX_CMP_GE, 10000, "万元"), NUM(JX_CMP_NONE, 0.85, "亿元"),
      JX_BAND_NONE, FALSE, 0, OK, 8.5 },                      /* 0.85 亿元 = 8500 万元; 0.85 × 10 = 8.50 */
    { "/scoring/units/bare-number", 10, NUM(JX_CMP_GE, 50, "万元"), NUM(JX_CMP_NONE, 45, ""),
      JX_BAND_NONE, FALSE, 0, OK, 9 },                        /* bare 45 taken as 万元: 45/50 × 10 = 9.00 */
    { "/scoring/units/people-alias", 10, NUM(JX_CMP_GE, 40, "人"), NUM(JX_CMP_NONE, 38, "名"),
      JX_BAND_NONE, FALSE, 0, OK, 9.5 },                      /* 名 = 人: 38/40 × 10 = 9.50 */
    { "/scoring/units/people-vs-person-times", 10, NUM(JX_CMP_GE, 300, "人"), NUM(JX_CMP_NONE, 300, "人次"),
      JX_BAND_NONE, FALSE, 0, JX_ERROR_UNIT_MISMATCH, 0 },    /* 人 and 人次 are distinct */
    { "/scoring/units/people-in-money", 10, NUM(JX_CMP_GE, 300, "人"), NUM(JX_CMP_NONE, 300, "万元"),
      JX_BAND_NONE, FALSE, 0, JX_ERROR_UNIT_MISMATCH, 0 },    /* a count of people is never in 万元 */
    { "/scoring/units/two-counts", 10, NUM(JX_CMP_GE, 3, "个"), NUM(JX_CMP_NONE, 3, "场"),
      JX_BAND_NONE, FALSE, 0, JX_ERROR_UNIT_MISMATCH, 0 },    /* 3 个 is not 3 场 */

    /* reverse: A ≤ T → W; T < A < 2T → round((1 − (A−T)/T) × W, 2); A ≥ 2T → 0 */
    { "/scoring/reverse/below-target", 10, NUM(JX_CMP_LE, 100, "万元"), NUM(JX_CMP_NONE, 80, "万元"),
      JX_BAND_NONE, FALSE, 0, OK, 10 },                       /* 80 ≤ 100 → 10 */
    { "/scoring/reverse/at-target", 10, NUM(JX_CMP_LE, 100, "万元"), NUM(JX_CMP_NONE, 100, "万元"),
      JX_BAND_NONE, FALSE, 0, OK, 10 },                       /* 100 ≤ 100 → 10 */
    { "/scoring/reverse/quarter-over", 10, NUM(JX_CMP_LE, 100, "万元"), NUM(JX_CMP_NONE, 125, "万元"),
      JX_BAND_NONE, FALSE, 0, OK, 7.5 },                      /* (1 − 25/100) × 10 = 7.50 */
    { "/scoring/reverse/between-weight-6", 6, NUM(JX_CMP_LE, 100, "万元"), NUM(JX_CMP_NONE, 130, "万元"),
      JX_BAND_NONE, FALSE, 0, OK, 4.2 },                      /* (1 − 30/100) × 6 = 4.20 */
    { "/scoring/reverse/thirds", 10, NUM(JX_CMP_LE, 3, "天"), NUM(JX_CMP_NONE, 4, "天"),
      JX_BAND_NONE, FALSE, 0, OK, 6.67 },                     /* (1 − 1/3) × 10 = 6.666… → 6.67 */
    { "/scoring/reverse/just-below-double", 10, NUM(JX_CMP_LE, 100, "万元"), NUM(JX_CMP_NONE, 199, "万元"),
      JX_BAND_NONE, FALSE, 0, OK, 0.1 },                      /* (1 − 99/100) × 10 = 0.10 */
    { "/scoring/reverse/at-double", 10, NUM(JX_CMP_LE, 100, "万元"), NUM(JX_CMP_NONE, 200, "万元"),
      JX_BAND_NONE, FALSE, 0, OK, 0 },                        /* A = 2T → 0 */
    { "/scoring/reverse/above-double", 10, NUM(JX_CMP_LE, 100, "万元"), NUM(JX_CMP_NONE, 250, "万元"),
      JX_BAND_NONE, FALSE, 0, OK, 0 },                        /* A > 2T → 0 (not negative) */
    { "/scoring/reverse/less-than", 10, NUM(JX_CMP_LT, 5, "%"), NUM(JX_CMP_NONE, 6, "%"),
      JX_BAND_NONE, FALSE, 0, OK, 8 },                        /* (1 − 1/5) × 10 = 8.00 */
    { "/scoring/reverse/converted", 10, NUM(JX_CMP_LE, 50, "万元"), NUM(JX_CMP_NONE, 600000, "元"),
      JX_BAND_NONE, FALSE, 0, OK, 8 },                        /* 600000 元 = 60 万元; (1 − 10/50) × 10 = 8.00 */
    { "/scoring/reverse/zero-target", 10, NUM(JX_CMP_LE, 0, "%"), NUM(JX_CMP_NONE, 3, "%"),
      JX_BAND_NONE, FALSE, 0, JX_ERROR_ZERO_TARGET, 0 },      /* "三公经费变动率 ≤ 0": no ratio */

    /* exact: as positive; T = 0: A ≤ 0 → W, else 0 */
    { "/scoring/exact/met", 10, NUM(JX_CMP_EQ, 100, "%"), NUM(JX_CMP_NONE, 100, "%"),
      JX_BAND_NONE, FALSE, 0, OK, 10 },                       /* 100/100 → 10 */
    { "/scoring/exact/below", 10, NUM(JX_CMP_EQ, 100, "%"), NUM(JX_CMP_NONE, 98, "%"),
      JX_BAND_NONE, FALSE, 0, OK, 9.8 },                      /* 98/100 × 10 = 9.80 */
    { "/scoring/exact/above", 10, NUM(JX_CMP_EQ, 100, "%"), NUM(JX_CMP_NONE, 105, "%"),
      JX_BAND_NONE, FALSE, 0, OK, 10 },                       /* as positive: above → 10 */
    { "/scoring/exact/zero-target-met", 10, NUM(JX_CMP_EQ, 0, "起"), NUM(JX_CMP_NONE, 0, "起"),
      JX_BAND_NONE, FALSE, 0, OK, 10 },                       /* T = 0, A = 0 ≤ 0 → 10 */
    { "/scoring/exact/zero-target-missed", 10, NUM(JX_CMP_EQ, 0, "起"), NUM(JX_CMP_NONE, 3, "起"),
      JX_BAND_NONE, FALSE, 0, OK, 0 },                        /* T = 0, A = 3 > 0 → 0 */
    { "/scoring/exact/zero-target-negative-actual", 10, NUM(JX_CMP_EQ, 0, "%"), NUM(JX_CMP_NONE, -2, "%"),
      JX_BAND_NONE, FALSE, 0, OK, 10 },                       /* A = −2 counts as 0 ≤ 0 → 10 */

    /* errors of quantitative indicators */
    { "/scoring/errors/zero-target", 10, NUM(JX_CMP_GE, 0, "人次"), NUM(JX_CMP_NONE, 10, "人次"),
      JX_BAND_NONE, FALSE, 0, JX_ERROR_ZERO_TARGET, 0 },
    { "/scoring/errors/negative-target", 10, NUM(JX_CMP_GE, -5, "%"), NUM(JX_CMP_NONE, 10, "%"),
      JX_BAND_NONE, FALSE, 0, JX_ERROR_INVALID, 0 },
    { "/scoring/errors/nan-weight", NAN, NUM(JX_CMP_GE, 100, "%"), NUM(JX_CMP_NONE, 100, "%"),
      JX_BAND_NONE, FALSE, 0, JX_ERROR_INVALID, 0 },
    { "/scoring/errors/infinite-weight", INFINITY, NUM(JX_CMP_GE, 100, "%"), NUM(JX_CMP_NONE, 100, "%"),
      JX_BAND_NONE, FALSE, 0, JX_ERROR_INVALID, 0 },
    { "/scoring/errors/negative-weight", -1, NUM(JX_CMP_GE, 100, "%"), NUM(JX_CMP_NONE, 100, "%"),
      JX_BAND_NONE, FALSE, 0, JX_ERROR_INVALID, 0 },
    { "/scoring/errors/nan-actual", 10, NUM(JX_CMP_GE, 100, "%"), NUM(JX_CMP_NONE, NAN, "%"),
      JX_BAND_NONE, FALSE, 0, JX_ERROR_INVALID, 0 },
    { "/scoring/errors/infinite-target", 10, NUM(JX_CMP_GE, INFINITY, "%"), NUM(JX_CMP_NONE, 5, "%"),
      JX_BAND_NONE, FALSE, 0, JX_ERROR_INVALID, 0 },
    { "/scoring/errors/conversion-overflow", 10, NUM(JX_CMP_GE, 1, "元"), NUM(JX_CMP_NONE, 1e305, "亿元"),
      JX_BAND_NONE, FALSE, 0, JX_ERROR_RANGE, 0 },            /* 1e305 × 1e8 元 overflows */

    /* deadline: done on or before the date → W, else 0 */
    { "/scoring/deadline/before", 10, DATE(2023, 12, 31), DATE(2023, 12, 15),
      JX_BAND_NONE, FALSE, 0, OK, 10 },
    { "/scoring/deadline/on-the-day", 10, DATE(2023, 12, 31), DATE(2023, 12, 31),
      JX_BAND_NONE, FALSE, 0, OK, 10 },
    { "/scoring/deadline/late", 10, DATE(2023, 12, 31), DATE(2024, 1, 5),
      JX_BAND_NONE, FALSE, 0, OK, 0 },
    { "/scoring/deadline/late-same-year", 5, DATE(2023, 6, 30), DATE(2023, 7, 1),
      JX_BAND_NONE, FALSE, 0, OK, 0 },
    { "/scoring/deadline/target-without-year", 10, DATE(0, 12, 31), DATE(2023, 11, 30),
      JX_BAND_NONE, FALSE, 0, OK, 10 },                       /* 12月31日前 takes 2023 */
    { "/scoring/deadline/target-without-year-late", 10, DATE(0, 6, 30), DATE(2023, 9, 1),
      JX_BAND_NONE, FALSE, 0, OK, 0 },
    { "/scoring/deadline/words-achieved", 10, DATE(2023, 12, 31), WORDS("按期完成", TRUE),
      JX_BAND_NONE, FALSE, 0, OK, 10 },
    { "/scoring/deadline/words-not-stated", 10, DATE(2023, 12, 31), WORDS("正在推进", FALSE),
      JX_BAND_NONE, FALSE, 0, JX_ERROR_NEEDS_BAND, 0 },
    { "/scoring/deadline/words-with-band", 10, DATE(2023, 12, 31), WORDS("正在推进", FALSE),
      JX_BAND_PARTIAL, FALSE, 0, OK, 7.99 },                  /* band top below 0.8 × 10 */
    { "/scoring/deadline/number-actual", 10, DATE(2023, 12, 31), NUM(JX_CMP_NONE, 100, "%"),
      JX_BAND_NONE, FALSE, 0, JX_ERROR_UNIT_MISMATCH, 0 },
    { "/scoring/deadline/date-against-number", 10, NUM(JX_CMP_GE, 100, "%"), DATE(2023, 12, 31),
      JX_BAND_NONE, FALSE, 0, JX_ERROR_UNIT_MISMATCH, 0 },

    /* qualitative: achieved [0.8W, W], partial [0.6W, 0.8W), not achieved [0, 0.6W) */
    { "/scoring/qualitative/achieved-by-words", 10, WORDS("有效提升", FALSE), WORDS("达到预期", TRUE),
      JX_BAND_NONE, FALSE, 0, OK, 10 },                       /* achieved, default top = W */
    { "/scoring/qualitative/needs-band", 10, WORDS("有效提升", FALSE), WORDS("有所提升", FALSE),
      JX_BAND_NONE, FALSE, 0, JX_ERROR_NEEDS_BAND, 0 },
    { "/scoring/qualitative/number-actual-needs-band", 10, WORDS("有效提升", FALSE), NUM(JX_CMP_NONE, 95, "%"),
      JX_BAND_NONE, FALSE, 0, JX_ERROR_NEEDS_BAND, 0 },
    { "/scoring/qualitative/achieved-default", 10, WORDS("有效提升", FALSE), WORDS("有所提升", FALSE),
      JX_BAND_ACHIEVED, FALSE, 0, OK, 10 },                   /* [8, 10] → 10 */
    { "/scoring/qualitative/partial-default", 10, WORDS("有效提升", FALSE), WORDS("有所提升", FALSE),
      JX_BAND_PARTIAL, FALSE, 0, OK, 7.99 },                  /* [6, 8) → 7.99 */
    { "/scoring/qualitative/not-achieved-default", 10, WORDS("有效提升", FALSE), WORDS("效果不明显", FALSE),
      JX_BAND_NOT_ACHIEVED, FALSE, 0, OK, 5.99 },             /* [0, 6) → 5.99 */
    { "/scoring/qualitative/weight-5-partial", 5, WORDS("有效提升", FALSE), WORDS("有所提升", FALSE),
      JX_BAND_PARTIAL, FALSE, 0, OK, 3.99 },                  /* [3, 4) → 3.99 */
    { "/scoring/qualitative/weight-3.33-partial", 3.33, WORDS("有效提升", FALSE), WORDS("有所提升", FALSE),
      JX_BAND_PARTIAL, FALSE, 0, OK, 2.66 },                  /* [1.998, 2.664) → 2.66 */
    { "/scoring/qualitative/weight-3.33-not-achieved", 3.33, WORDS("有效提升", FALSE), WORDS("较差", FALSE),
      JX_BAND_NOT_ACHIEVED, FALSE, 0, OK, 1.99 },             /* [0, 1.998) → 1.99 */
    { "/scoring/qualitative/weight-7-partial", 7, WORDS("有效提升", FALSE), WORDS("有所提升", FALSE),
      JX_BAND_PARTIAL, FALSE, 0, OK, 5.59 },                  /* [4.2, 5.6) → 5.59 */
    { "/scoring/qualitative/band-overrides-words", 10, WORDS("有效提升", FALSE), WORDS("已完成", TRUE),
      JX_BAND_NOT_ACHIEVED, FALSE, 0, OK, 5.99 },             /* the user's band wins */
    { "/scoring/qualitative/entered-inside", 10, WORDS("有效提升", FALSE), WORDS("有所提升", FALSE),
      JX_BAND_ACHIEVED, TRUE, 8.5, OK, 8.5 },                 /* 8 ≤ 8.5 ≤ 10 → kept */
    { "/scoring/qualitative/entered-at-low-bound", 7, WORDS("有效提升", FALSE), WORDS("有所提升", FALSE),
      JX_BAND_ACHIEVED, TRUE, 5.6, OK, 5.6 },                 /* 0.8 × 7 = 5.6, inside */
    { "/scoring/qualitative/entered-rounded", 10, WORDS("有效提升", FALSE), WORDS("有所提升", FALSE),
      JX_BAND_PARTIAL, TRUE, 7.994, OK, 7.99 },               /* 7.994 → 7.99 < 8 */
    { "/scoring/qualitative/entered-rounds-into-band", 10, WORDS("有效提升", FALSE), WORDS("有所提升", FALSE),
      JX_BAND_PARTIAL, TRUE, 5.999, OK, 6 },                  /* 5.999 → 6.00 ≥ 6 */
    { "/scoring/qualitative/entered-rounds-out", 10, WORDS("有效提升", FALSE), WORDS("有所提升", FALSE),
      JX_BAND_PARTIAL, TRUE, 7.996, JX_ERROR_INVALID, 0 },    /* 7.996 → 8.00, not < 8 */
    { "/scoring/qualitative/entered-below", 10, WORDS("有效提升", FALSE), WORDS("有所提升", FALSE),
      JX_BAND_ACHIEVED, TRUE, 7.5, JX_ERROR_INVALID, 0 },     /* 7.5 < 8 */
    { "/scoring/qualitative/entered-upper-bound-excluded", 7, WORDS("有效提升", FALSE), WORDS("有所提升", FALSE),
      JX_BAND_PARTIAL, TRUE, 5.6, JX_ERROR_INVALID, 0 },      /* 5.6 belongs to achieved */
    { "/scoring/qualitative/entered-above-weight", 10, WORDS("有效提升", FALSE), WORDS("有所提升", FALSE),
      JX_BAND_ACHIEVED, TRUE, 10.5, JX_ERROR_INVALID, 0 },
    { "/scoring/qualitative/entered-zero", 10, WORDS("有效提升", FALSE), WORDS("较差", FALSE),
      JX_BAND_NOT_ACHIEVED, TRUE, 0, OK, 0 },
    { "/scoring/qualitative/entered-negative", 10, WORDS("有效提升", FALSE), WORDS("较差", FALSE),
      JX_BAND_NOT_ACHIEVED, TRUE, -1, JX_ERROR_INVALID, 0 },
    { "/scoring/qualitative/entered-nan", 10, WORDS("有效提升", FALSE), WORDS("较差", FALSE),
      JX_BAND_NOT_ACHIEVED, TRUE, NAN, JX_ERROR_INVALID, 0 },
    { "/scoring/qualitative/entered-by-words", 10, WORDS("有效提升", FALSE), WORDS("达标", TRUE),
      JX_BAND_NONE, TRUE, 9, OK, 9 },                         /* words say achieved: [8, 10] */
    { "/scoring/qualitative/zero-weight", 0, WORDS("有效提升", FALSE), WORDS("有所提升", FALSE),
      JX_BAND_PARTIAL, FALSE, 0, OK, 0 },
    { "/scoring/qualitative/zero-weight-entered", 0, WORDS("有效提升", FALSE), WORDS("有所提升", FALSE),
      JX_BAND_PARTIAL, TRUE, 0, OK, 0 },
    { "/scoring/qualitative/zero-weight-entered-nonzero", 0, WORDS("有效提升", FALSE), WORDS("有所提升", FALSE),
      JX_BAND_ACHIEVED, TRUE, 1, JX_ERROR_INVALID, 0 },

    /* a number target met by words */
    { "/scoring/words-against-number/hundred-percent", 10, NUM(JX_CMP_NONE, 100, "%"), WORDS("全部完成", TRUE),
      JX_BAND_NONE, FALSE, 0, OK, 10 },                       /* "100%" vs "全部完成" → 1 × 10 */
    { "/scoring/words-against-number/ninety-five-percent", 10, NUM(JX_CMP_GE, 95, "%"), WORDS("全部完成", TRUE),
      JX_BAND_NONE, FALSE, 0, JX_ERROR_NEEDS_BAND, 0 },
    { "/scoring/words-against-number/count", 10, NUM(JX_CMP_GE, 300, "人次"), WORDS("全部完成", TRUE),
      JX_BAND_NONE, FALSE, 0, JX_ERROR_NEEDS_BAND, 0 },       /* the words do not say how many */
    { "/scoring/words-against-number/count-with-band", 10, NUM(JX_CMP_GE, 300, "人次"), WORDS("全部完成", TRUE),
      JX_BAND_ACHIEVED, TRUE, 9, OK, 9 },
    { "/scoring/words-against-number/not-stated", 10, NUM(JX_CMP_NONE, 100, "%"), WORDS("基本完成", FALSE),
      JX_BAND_NONE, FALSE, 0, JX_ERROR_NEEDS_BAND, 0 },
};

static void test_score(gconstpointer data)
{
    const ScoreCase *c = data;
    JxScoringRules rules;
    jx_scoring_rules_init_default(&rules);
    g_autoptr(GError) error = NULL;
    double score = -123;

    gboolean ok = jx_indicator_score(&rules, c->weight, &c->target, &c->actual, c->band,
                                     c->has_entered ? &c->entered : NULL, &score, &error);
    if (c->code == OK) {
        g_assert_no_error(error);
        g_assert_true(ok);
        g_assert_cmpfloat(score, ==, c->score);
        g_assert_cmpfloat(score, >=, 0);
        g_assert_cmpfloat(score, <=, c->weight);
    } else {
        g_assert_false(ok);
        g_assert_error(error, JX_ERROR, c->code);
        g_assert_cmpfloat(score, ==, -123);   /* untouched on failure */
    }
}

/* ---- completion rates --------------------------------------------------- */

typedef struct {
    const char *path;
    JxQuantity target, actual;
    int code;
    double rate;
} RateCase;

static const RateCase rate_cases[] = {
    { "/scoring/rate/positive", NUM(JX_CMP_GE, 300, "人次"), NUM(JX_CMP_NONE, 285, "人次"), OK, 0.95 },
    { "/scoring/rate/positive-above", NUM(JX_CMP_GE, 300, "人次"), NUM(JX_CMP_NONE, 360, "人次"), OK, 1.2 },
    { "/scoring/rate/reverse-below", NUM(JX_CMP_LE, 100, "万元"), NUM(JX_CMP_NONE, 80, "万元"), OK, 1.2 },
    { "/scoring/rate/reverse-at-target", NUM(JX_CMP_LE, 100, "万元"), NUM(JX_CMP_NONE, 100, "万元"), OK, 1 },
    { "/scoring/rate/reverse-between", NUM(JX_CMP_LE, 100, "万元"), NUM(JX_CMP_NONE, 125, "万元"), OK, 0.75 },
    { "/scoring/rate/reverse-at-double", NUM(JX_CMP_LE, 100, "万元"), NUM(JX_CMP_NONE, 200, "万元"), OK, 0 },
    { "/scoring/rate/reverse-clamped", NUM(JX_CMP_LE, 100, "万元"), NUM(JX_CMP_NONE, 300, "万元"), OK, 0 },
    { "/scoring/rate/exact-zero-met", NUM(JX_CMP_EQ, 0, ""), NUM(JX_CMP_NONE, 0, ""), OK, 1 },
    { "/scoring/rate/exact-zero-missed", NUM(JX_CMP_EQ, 0, ""), NUM(JX_CMP_NONE, 1, ""), OK, 0 },
    { "/scoring/rate/converted", NUM(JX_CMP_GE, 10, "万元"), NUM(JX_CMP_NONE, 95000, "元"), OK, 0.95 },
    { "/scoring/rate/deadline-met", DATE(2023, 12, 31), DATE(2023, 12, 1), OK, 1 },
    { "/scoring/rate/deadline-missed", DATE(2023, 12, 31), DATE(2024, 1, 1), OK, 0 },
    { "/scoring/rate/deadline-actual-without-year", DATE(2023, 12, 31), DATE(0, 11, 1), OK, 1 },
    { "/scoring/rate/qualitative-achieved", WORDS("有效提升", FALSE), WORDS("已完成", TRUE), OK, 1 },
    { "/scoring/rate/qualitative-not-stated", WORDS("有效提升", FALSE), WORDS("有所提升", FALSE),
      JX_ERROR_NEEDS_BAND, 0 },
    { "/scoring/rate/mismatch", NUM(JX_CMP_GE, 300, "人"), NUM(JX_CMP_NONE, 3, "万元"),
      JX_ERROR_UNIT_MISMATCH, 0 },
    { "/scoring/rate/zero-positive", NUM(JX_CMP_GE, 0, "%"), NUM(JX_CMP_NONE, 3, "%"), JX_ERROR_ZERO_TARGET, 0 },
};

static void test_rate(gconstpointer data)
{
    const RateCase *c = data;
    g_autoptr(GError) error = NULL;
    double rate = -1;
    gboolean ok = jx_completion_rate(&c->target, &c->actual, &rate, &error);
    if (c->code == OK) {
        g_assert_no_error(error);
        g_assert_true(ok);
        g_assert_cmpfloat_with_epsilon(rate, c->rate, 1e-12);
    } else {
        g_assert_false(ok);
        g_assert_error(error, JX_ERROR, c->code);
    }
}

/* The mismatch message names both units, in both languages. */
static void test_mismatch_message(void)
{
    JxQuantity target = quantity_number(JX_CMP_GE, 300, "人");
    JxQuantity actual = quantity_number(JX_CMP_NONE, 300, "人次");
    g_autoptr(GError) error = NULL;
    double rate;
    g_assert_false(jx_completion_rate(&target, &actual, &rate, &error));
    g_assert_error(error, JX_ERROR, JX_ERROR_UNIT_MISMATCH);
    g_autofree char *zh = jx_error_text(error, JX_LANG_ZH);
    g_autofree char *en = jx_error_text(error, JX_LANG_EN);
    g_assert_nonnull(strstr(zh, "“人次”"));
    g_assert_nonnull(strstr(zh, "“人”"));
    g_assert_nonnull(strstr(en, "'人次'"));
    g_assert_nonnull(strstr(en, "'人'"));
}

/* An entered score outside its band: the message gives both bounds. */
static void test_band_message(void)
{
    JxQuantity target = { .kind = JX_QUANTITY_QUALITATIVE, .text = "有效提升" };
    JxQuantity actual = { .kind = JX_QUANTITY_QUALITATIVE, .text = "有所提升" };
    double entered = 8.5, score;
    g_autoptr(GError) error = NULL;
    g_assert_false(jx_indicator_score(NULL, 10, &target, &actual, JX_BAND_PARTIAL,
                                      &entered, &score, &error));
    g_assert_error(error, JX_ERROR, JX_ERROR_INVALID);
    g_autofree char *zh = jx_error_text(error, JX_LANG_ZH);
    g_autofree char *en = jx_error_text(error, JX_LANG_EN);
    g_assert_nonnull(strstr(zh, "[6, 8)"));
    g_assert_nonnull(strstr(zh, "8.5"));
    g_assert_nonnull(strstr(en, "[6, 8)"));
    g_assert_nonnull(strstr(en, "partial"));
}

/* The needs-band message quotes the actual. */
static void test_needs_band_message(void)
{
    JxQuantity target = { .kind = JX_QUANTITY_QUALITATIVE, .text = "有效提升" };
    JxQuantity actual = { .kind = JX_QUANTITY_QUALITATIVE, .text = "有所提升" };
    double score;
    g_autoptr(GError) error = NULL;
    g_assert_false(jx_indicator_score(NULL, 10, &target, &actual, JX_BAND_NONE, NULL,
                                      &score, &error));
    g_assert_error(error, JX_ERROR, JX_ERROR_NEEDS_BAND);
    g_autofree char *zh = jx_error_text(error, JX_LANG_ZH);
    g_assert_nonnull(strstr(zh, "有所提升"));
}

/* Custom rules: a province that uses 0.85 / 0.65 bands and 1 decimal. */
static void test_custom_rules(void)
{
    JxScoringRules rules;
    jx_scoring_rules_init_default(&rules);
    rules.band_achieved_low = 0.85;
    rules.band_partial_low = 0.65;
    rules.score_decimals = 1;
    JxQuantity target = { .kind = JX_QUANTITY_QUALITATIVE, .text = "有效提升" };
    JxQuantity actual = { .kind = JX_QUANTITY_QUALITATIVE, .text = "有所提升" };
    double score;
    g_autoptr(GError) error = NULL;
    /* [6.5, 8.5) at one decimal → 8.4 */
    g_assert_true(jx_indicator_score(&rules, 10, &target, &actual, JX_BAND_PARTIAL, NULL,
                                     &score, &error));
    g_assert_cmpfloat(score, ==, 8.4);
    /* 2/3 × 10 = 6.666… → 6.7 at one decimal */
    JxQuantity t = quantity_number(JX_CMP_GE, 3, "项");
    JxQuantity a = quantity_number(JX_CMP_NONE, 2, "项");
    g_assert_true(jx_indicator_score(&rules, 10, &t, &a, JX_BAND_NONE, NULL, &score, &error));
    g_assert_cmpfloat(score, ==, 6.7);
}

/* Fuzzed structs: unit and text arrays without a terminating NUL must not
 * be read past their end (AddressSanitizer watches). */
static void test_unterminated_arrays(void)
{
    JxQuantity target = quantity_number(JX_CMP_GE, 100, "");
    JxQuantity actual = { .kind = JX_QUANTITY_QUALITATIVE };
    memset(target.unit, 'x', sizeof target.unit);
    memset(actual.text, 'y', sizeof actual.text);
    double rate, score;
    g_autoptr(GError) error = NULL;
    g_assert_false(jx_completion_rate(&target, &actual, &rate, &error));
    g_assert_error(error, JX_ERROR, JX_ERROR_NEEDS_BAND);
    g_clear_error(&error);
    actual = quantity_number(JX_CMP_NONE, 50, "");
    memset(actual.unit, 'x', sizeof actual.unit);
    g_assert_true(jx_indicator_score(NULL, 10, &target, &actual, JX_BAND_NONE, NULL,
                                     &score, &error));
    g_assert_no_error(error);
    g_assert_cmpfloat(score, ==, 5);   /* same (unknown) unit: 50/100 × 10 */
}

/* Band fractions a schema got wrong still never give more than W. */
static void test_odd_rules_capped(void)
{
    JxScoringRules rules;
    jx_scoring_rules_init_default(&rules);
    rules.band_achieved_low = 1.5;
    rules.band_partial_low = 1.2;
    JxQuantity target = { .kind = JX_QUANTITY_QUALITATIVE, .text = "有效提升" };
    JxQuantity actual = { .kind = JX_QUANTITY_QUALITATIVE, .text = "有所提升" };
    double score, entered = 12;
    g_autoptr(GError) error = NULL;
    g_assert_true(jx_indicator_score(&rules, 10, &target, &actual, JX_BAND_PARTIAL, NULL,
                                     &score, &error));
    g_assert_cmpfloat(score, ==, 10);
    g_assert_false(jx_indicator_score(&rules, 10, &target, &actual, JX_BAND_PARTIAL, &entered,
                                      &score, &error));
    g_assert_error(error, JX_ERROR, JX_ERROR_INVALID);
}

/* ---- directions, bands -------------------------------------------------- */

static void test_direction(void)
{
    static const struct { JxQuantity q; JxDirection direction; } cases[] = {
        { NUM(JX_CMP_NONE, 1, ""), JX_DIRECTION_POSITIVE },
        { NUM(JX_CMP_GE, 1, ""), JX_DIRECTION_POSITIVE },
        { NUM(JX_CMP_GT, 1, ""), JX_DIRECTION_POSITIVE },
        { NUM(JX_CMP_LE, 1, ""), JX_DIRECTION_REVERSE },
        { NUM(JX_CMP_LT, 1, ""), JX_DIRECTION_REVERSE },
        { NUM(JX_CMP_EQ, 1, ""), JX_DIRECTION_EXACT },
        { DATE(2023, 12, 31), JX_DIRECTION_DEADLINE },
        { WORDS("有效提升", FALSE), JX_DIRECTION_QUALITATIVE },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++)
        g_assert_cmpint(jx_direction_of(&cases[i].q), ==, cases[i].direction);
}

static void test_band_parse(void)
{
    static const struct { const char *text; JxBand band; } cases[] = {
        { "达成年度指标", JX_BAND_ACHIEVED },
        { "部分达成年度指标并具有一定效果", JX_BAND_PARTIAL },
        { "未达成年度指标且效果较差", JX_BAND_NOT_ACHIEVED },
        { "达成", JX_BAND_ACHIEVED },
        { "部分达成", JX_BAND_PARTIAL },
        { "未达成", JX_BAND_NOT_ACHIEVED },
        { "部分达成年度指标", JX_BAND_PARTIAL },
        { "未达成年度指标", JX_BAND_NOT_ACHIEVED },
        { "achieved", JX_BAND_ACHIEVED },
        { "Achieved", JX_BAND_ACHIEVED },
        { "PARTIAL", JX_BAND_PARTIAL },
        { "Not Achieved", JX_BAND_NOT_ACHIEVED },
        { "  达成 \t", JX_BAND_ACHIEVED },
        { "\u3000部分达成\u3000", JX_BAND_PARTIAL },
        { "\n not achieved \r\n", JX_BAND_NOT_ACHIEVED },
        { "", JX_BAND_NONE },
        { "   ", JX_BAND_NONE },
        { "优", JX_BAND_NONE },
        { "达成了", JX_BAND_NONE },
        { "not", JX_BAND_NONE },
        { "\xff\xfe", JX_BAND_NONE },
        { NULL, JX_BAND_NONE },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++)
        g_assert_cmpint(jx_band_parse(cases[i].text), ==, cases[i].band);
}

static void test_band_bounds(void)
{
    static const struct {
        JxBand band;
        double weight, low, high;
        gboolean exclusive;
    } cases[] = {
        { JX_BAND_ACHIEVED, 10, 8, 10, FALSE },
        { JX_BAND_PARTIAL, 10, 6, 8, TRUE },
        { JX_BAND_NOT_ACHIEVED, 10, 0, 6, TRUE },
        { JX_BAND_ACHIEVED, 7, 5.6, 7, FALSE },     /* 0.8 × 7 = 5.6, not 5.6000000000000005 */
        { JX_BAND_PARTIAL, 7, 4.2, 5.6, TRUE },
        { JX_BAND_PARTIAL, 3.33, 1.998, 2.664, TRUE },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        double low, high;
        gboolean exclusive;
        g_assert_true(jx_band_bounds(NULL, cases[i].band, cases[i].weight, &low, &high, &exclusive));
        g_assert_cmpfloat(low, ==, cases[i].low);
        g_assert_cmpfloat(high, ==, cases[i].high);
        g_assert_cmpint(exclusive, ==, cases[i].exclusive);
    }
    g_assert_false(jx_band_bounds(NULL, JX_BAND_NONE, 10, NULL, NULL, NULL));
}

/* ---- execution rate and points ----------------------------------------- */

typedef struct {
    const char *path;
    double budget, executed, weight;
    int code;
    double rate;       /* expected fraction (to 1e-12) */
    double points;     /* to the cent */
} ExecutionCase;

static const ExecutionCase execution_cases[] = {
    /* 130 / 136.64 = 0.95140…; × 10 = 9.514… → 9.51 */
    { "/scoring/execution/reference-project", 136.64, 130, 10, OK, 130 / 136.64, 9.51 },
    /* 410.41 / 410.41 = 1 → 10 */
    { "/scoring/execution/full", 410.41, 410.41, 10, OK, 1, 10 },
    /* 95.5 / 100 = 0.955 × 10 = 9.55 */
    { "/scoring/execution/partial", 100, 95.5, 10, OK, 0.955, 9.55 },
    /* 120 / 100 = 1.2, capped at 1 → 10 */
    { "/scoring/execution/above-budget-capped", 100, 120, 10, OK, 1.2, 10 },
    /* 0 / 50 = 0 → 0 */
    { "/scoring/execution/nothing-spent", 50, 0, 10, OK, 0, 0 },
    /* 33.333 / 100 × 5 = 1.66665 → 1.67 */
    { "/scoring/execution/weight-5", 100, 33.333, 5, OK, 0.33333, 1.67 },
    { "/scoring/execution/zero-budget", 0, 10, 10, JX_ERROR_ZERO_TARGET, 0, 0 },
    { "/scoring/execution/negative-budget", -5, 10, 10, JX_ERROR_ZERO_TARGET, 0, 0 },
    { "/scoring/execution/negative-executed", 100, -1, 10, JX_ERROR_INVALID, 0, 0 },
    { "/scoring/execution/nan-budget", NAN, 1, 10, JX_ERROR_INVALID, 0, 0 },
    { "/scoring/execution/infinite-executed", 100, INFINITY, 10, JX_ERROR_INVALID, 0, 0 },
};

static void test_execution(gconstpointer data)
{
    const ExecutionCase *c = data;
    g_autoptr(GError) error = NULL;
    double rate = -1;
    gboolean ok = jx_execution_rate(c->budget, c->executed, &rate, &error);
    if (c->code != OK) {
        g_assert_false(ok);
        g_assert_error(error, JX_ERROR, c->code);
        return;
    }
    g_assert_no_error(error);
    g_assert_true(ok);
    g_assert_cmpfloat_with_epsilon(rate, c->rate, 1e-12);
    g_assert_cmpfloat(jx_execution_points(NULL, c->weight, rate), ==, c->points);
}

static void test_execution_points_edges(void)
{
    g_assert_true(isnan(jx_execution_points(NULL, NAN, 0.5)));
    g_assert_true(isnan(jx_execution_points(NULL, -1, 0.5)));
    g_assert_true(isnan(jx_execution_points(NULL, INFINITY, 0.5)));
    g_assert_true(isnan(jx_execution_points(NULL, 10, NAN)));
    g_assert_cmpfloat(jx_execution_points(NULL, 10, INFINITY), ==, 10);
    g_assert_cmpfloat(jx_execution_points(NULL, 10, -0.5), ==, 0);
    g_assert_cmpfloat(jx_execution_points(NULL, 10, 0.99995), ==, 10);   /* 9.9995 → 10.00 */
    g_assert_cmpfloat(jx_execution_points(NULL, 10, 0.99994), ==, 10);   /* 9.9994 → 10.00 */
    g_assert_cmpfloat(jx_execution_points(NULL, 10, 0.99944), ==, 9.99); /* 9.9944 → 9.99 */
}

static void test_execution_explanation(void)
{
    g_assert_true(jx_execution_needs_explanation(NULL, 0.8999));
    g_assert_false(jx_execution_needs_explanation(NULL, 0.9));
    g_assert_false(jx_execution_needs_explanation(NULL, 1.1));
    g_assert_false(jx_execution_needs_explanation(NULL, NAN));
    /* 90 / 100 computed, not written: still exactly at the threshold */
    g_assert_false(jx_execution_needs_explanation(NULL, 0.3 * 3));
}

static void test_overachievement(void)
{
    JxQuantity target = quantity_number(JX_CMP_GE, 100, "人次");
    JxQuantity actual = quantity_number(JX_CMP_NONE, 120, "人次");
    double rate;
    g_assert_true(jx_completion_rate(&target, &actual, &rate, NULL));
    g_assert_true(jx_is_overachieved(NULL, rate));          /* 120/100 = 1.2 ≥ 1.2 */
    g_assert_false(jx_is_overachieved(NULL, 1.19));
    g_assert_true(jx_is_overachieved(NULL, INFINITY));
    g_assert_false(jx_is_overachieved(NULL, NAN));
    JxScoringRules rules;
    jx_scoring_rules_init_default(&rules);
    rules.overachievement = 1.3;                            /* some provinces use 1.3 T */
    g_assert_false(jx_is_overachieved(&rules, rate));
}

/* ---- grades ------------------------------------------------------------- */

static void test_grade(void)
{
    static const struct { double total; const char *zh, *en; } cases[] = {
        { 100, "优", "Excellent" },
        { 90, "优", "Excellent" },
        { 89.99, "良", "Good" },
        { 89.995, "优", "Excellent" },     /* shown as 90.00 */
        { 89.994, "良", "Good" },          /* shown as 89.99 */
        { 80, "良", "Good" },
        { 79.99, "中", "Fair" },
        { 60, "中", "Fair" },
        { 59.99, "差", "Poor" },
        { 0, "差", "Poor" },
        { -5, "差", "Poor" },
        { NAN, "", "" },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_assert_cmpstr(jx_grade(NULL, cases[i].total, FALSE), ==, cases[i].zh);
        g_assert_cmpstr(jx_grade(NULL, cases[i].total, TRUE), ==, cases[i].en);
    }
}

/* A total summed from scores carries binary noise; it is graded as shown. */
static void test_grade_of_sum(void)
{
    static const double scores[] = { 9.51, 45.55, 24.84, 10.1 };  /* = 90.00 */
    double total = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(scores); i++)
        total += scores[i];
    g_assert_cmpstr(jx_grade(NULL, total, FALSE), ==, "优");
    JxScoringRules rules;
    jx_scoring_rules_init_default(&rules);
    rules.grade_excellent = 95;
    g_assert_cmpstr(jx_grade(&rules, total, FALSE), ==, "良");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(score_cases); i++)
        g_test_add_data_func(score_cases[i].path, &score_cases[i], test_score);
    for (gsize i = 0; i < G_N_ELEMENTS(rate_cases); i++)
        g_test_add_data_func(rate_cases[i].path, &rate_cases[i], test_rate);
    for (gsize i = 0; i < G_N_ELEMENTS(execution_cases); i++)
        g_test_add_data_func(execution_cases[i].path, &execution_cases[i], test_execution);
    g_test_add_func("/scoring/messages/unit-mismatch", test_mismatch_message);
    g_test_add_func("/scoring/messages/outside-band", test_band_message);
    g_test_add_func("/scoring/messages/needs-band", test_needs_band_message);
    g_test_add_func("/scoring/rules/custom", test_custom_rules);
    g_test_add_func("/scoring/rules/odd-bands-capped", test_odd_rules_capped);
    g_test_add_func("/scoring/robustness/unterminated-arrays", test_unterminated_arrays);
    g_test_add_func("/scoring/direction/table", test_direction);
    g_test_add_func("/scoring/band/parse", test_band_parse);
    g_test_add_func("/scoring/band/bounds", test_band_bounds);
    g_test_add_func("/scoring/execution/points-edges", test_execution_points_edges);
    g_test_add_func("/scoring/execution/needs-explanation", test_execution_explanation);
    g_test_add_func("/scoring/overachievement", test_overachievement);
    g_test_add_func("/scoring/grade/boundaries", test_grade);
    g_test_add_func("/scoring/grade/sum-of-scores", test_grade_of_sum);
    return g_test_run();
}

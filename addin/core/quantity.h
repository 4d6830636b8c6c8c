/*
 * quantity.h: what people write in 年度指标值 and 实际完成值.
 *
 * "≥300人次", "300余人次", "6万余人次", "超过6万", "二个", "100%",
 * "百分之九十五", "不低于95%", "≤10万元", "2023年12月31日前", "按期完成",
 * "有效提升".  A string parses to a number with a comparison, an
 * approximation and a unit; to a deadline (a date with a comparison); or to
 * qualitative text.  What cannot be read is an error naming the character
 * position, never a guess.
 */
#ifndef JX_CORE_QUANTITY_H
#define JX_CORE_QUANTITY_H

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
    JX_CMP_NONE,  /* none written: "300人次" (scored as ≥ when a target) */
    JX_CMP_GE,    /* ≥ >= 不低于 不少于 至少 达到 以上(suffix) */
    JX_CMP_GT,    /* > 大于 高于 多于 超过 */
    JX_CMP_LE,    /* ≤ <= 不超过 不高于 不多于 以下(suffix) 以内 …前(deadline) */
    JX_CMP_LT,    /* < 小于 低于 少于 */
    JX_CMP_EQ,    /* = 等于 */
} JxComparison;

typedef enum {
    JX_APPROX_EXACT,  /* "300" */
    JX_APPROX_MORE,   /* 余, 多, 超过: "300余人次" is at least 300 */
    JX_APPROX_ABOUT,  /* 约, 左右, 大约 */
} JxApproximation;

typedef enum {
    JX_QUANTITY_NUMBER,       /* a number, maybe with a unit */
    JX_QUANTITY_DATE,         /* a date or deadline: "2023年12月31日前" */
    JX_QUANTITY_QUALITATIVE,  /* text with no number: "有效提升", "按期完成" */
} JxQuantityKind;

#define JX_UNIT_MAX 32     /* bytes, UTF-8, including the terminating NUL */
#define JX_QUALITATIVE_MAX 256

typedef struct {
    JxQuantityKind kind;
    JxComparison comparison;
    JxApproximation approximation;
    /* NUMBER: the value in `unit`, multipliers applied ("6万余人次" →
     * 60000 人次; "1.5亿元" → 1.5 亿元; "95%" → 95 %). */
    double value;
    char unit[JX_UNIT_MAX];   /* canonical unit name, "" when none */
    /* DATE: year (0 if not written), month (1–12, 12 for 年底), day (1–31,
     * last day of month for 月底).  comparison is LE for "…前/之前/以前". */
    int year, month, day;
    /* QUALITATIVE: the text, trimmed, truncated to fit; `achieved` is TRUE
     * for phrases that state completion: 按期完成, 已完成, 按时完成, 全部完成,
     * 达到预期, 达标, 是 … */
    char text[JX_QUALITATIVE_MAX];
    gboolean achieved;
} JxQuantity;

/* Parses text (UTF-8, any length; NULL or "" is an error).  Leading and
 * trailing white space (ASCII and U+3000) is ignored; full-width digits and
 * signs are read as ASCII; thousands separators (1,000 / 1，000) are accepted.
 * On failure returns FALSE and sets a JX_ERROR_PARSE error whose texts name
 * the 1-based character position and the text found there.
 * Text with no Arabic digit (nor %) that reads as neither number nor date is
 * QUALITATIVE; text with one must read fully or is an error.  The rules for
 * 余/多/超过/以上, 万/亿 and unknown unit words are at the top of quantity.c. */
gboolean jx_quantity_parse(const char *text, JxQuantity *out, GError **error);

/* The value expressed in `unit` (convert 万元 → 元 etc.).  Fails with
 * JX_ERROR_UNIT_MISMATCH if not convertible, JX_ERROR_INVALID if q is not a
 * NUMBER. */
gboolean jx_quantity_value_in(const JxQuantity *q, const char *unit,
                              double *value, GError **error);

/* Canonical text of a comparison ("≥", "≤", ">", "<", "=", ""). */
const char *jx_comparison_symbol(JxComparison comparison);

G_END_DECLS

#endif

/*
 * amounts.h: money and number formatting as a finance bureau expects it.
 *
 * Rounding is half away from zero on the decimal value people see (2.675 →
 * 2.68, although the binary double is slightly below), so a figure rounded
 * here matches the same figure rounded by hand.
 */
#ifndef JX_CORE_AMOUNTS_H
#define JX_CORE_AMOUNTS_H

#include <glib.h>

G_BEGIN_DECLS

/* value rounded to `decimals` (0–9) places, half away from zero, on its
 * shortest decimal representation (the digits that read back as the same
 * double: 2.675 → 2.68, 1.005 → 1.01, 0.125 → 0.13, -2.5 → -3).  decimals
 * outside 0–9 is clamped.  NaN, ±inf and values already that short (any
 * |value| ≥ 1e17) come back unchanged; a result of zero is +0.0. */
double jx_round(double value, int decimals);

/* 元 → 万元 rounded to two decimals (123456 → 12.35). */
double jx_yuan_to_wan(double yuan);

/* Fixed-point text: jx_format_fixed(1234.5, 2, TRUE) → "1,234.50"; without
 * grouping "1234.50".  Rounded with jx_round; decimals clamped to 0–9; '.'
 * whatever the C locale.  Negative zero (and -0.001 at 2 places) prints as
 * "0.00".  NaN prints "NaN", infinities "∞" / "-∞".  Newly allocated. */
char *jx_format_fixed(double value, int decimals, gboolean grouping);

/* A fraction as a percentage: 0.9523 → "95.23%" (scaled by 100 on the
 * decimal digits, then as jx_format_fixed without grouping; NaN and
 * infinities as there, without "%").  Newly allocated. */
char *jx_format_percent(double fraction, int decimals);

/* 人民币大写 of an amount in 元, to the 分: 123.45 → "壹佰贰拾叁元肆角伍分",
 * 100 → "壹佰元整", 1005.5 → "壹仟零伍元伍角", 0 → "零元整",
 * -3 → "负叁元整".  |amount| ≥ 1e12 or not finite → NULL and
 * JX_ERROR_RANGE.  Newly allocated.
 * The amount is first rounded to the 分 with jx_round.  Conventions (中国人民
 * 银行《支付结算办法》, one form chosen where it allows two):
 *   10 → 壹拾元整 (壹 before 拾 always written);
 *   one 零 for a run of zeros between digits: 10010 → 壹万零壹拾元整,
 *   100010000 → 壹亿零壹万元整;
 *   zeros ending on the 万/亿/元 place are absorbed by that unit:
 *   107000 → 壹拾万柒仟元整, 1680.32 → 壹仟陆佰捌拾元叁角贰分;
 *   角 zero and 分 not: 100.05 → 壹佰元零伍分;
 *   整 only after 元 (1005.5 → 壹仟零伍元伍角);
 *   no leading 零元 below one 元: 0.05 → 伍分, 0.5 → 伍角;
 *   amounts that round to zero (-0.001) are 零元整, without 负. */
char *jx_amount_in_words(double yuan, GError **error);

/* Sum check by the interval method (XBRL Calculations 1.1): each figure
 * stands for the interval value ± precision/2 (precision 0 = exact); the
 * total is consistent with its parts if its interval meets the interval of
 * the parts' sum, i.e. |total − Σparts| ≤ total_precision/2 +
 * Σ part_precision/2 (plus 1e-9 × the figures' size for binary noise).
 * part_precisions may be NULL: every part then has total_precision.
 * *difference (may be NULL) gets total − Σparts (rounded to 1e-9 to hide
 * binary noise).  Returns TRUE when consistent.  Any figure NaN or infinite,
 * a negative or non-finite precision, or parts NULL with n_parts > 0 →
 * FALSE with *difference NaN. */
gboolean jx_sum_check(double total, double total_precision,
                      const double *parts, const double *part_precisions,
                      gsize n_parts, double *difference);

G_END_DECLS

#endif

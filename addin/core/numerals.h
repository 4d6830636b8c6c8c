/*
 * numerals.h: Chinese numerals, both ways.
 *
 * Reading: 二, 两, 十二, 一百零五, 三千零二十, 〇/零, 壹贰叁 (financial forms).
 * Writing: ordinal numerals for section headings (一 … 十三 … 二十一) and the
 * four heading-number levels of a 公文 (一、 （一） 1. （1）).
 */
#ifndef JX_CORE_NUMERALS_H
#define JX_CORE_NUMERALS_H

#include <glib.h>

G_BEGIN_DECLS

/* Parses the longest Chinese numeral at the start of text (UTF-8, up to but
 * excluding 万/亿, which the caller applies as multipliers).  Returns the
 * number of bytes consumed (0 if text does not start with a numeral) and
 * stores the value.  "十二" → 12, "一百零五" → 105, "两" → 2. */
gsize jx_numeral_parse_prefix(const char *text, double *value);

/* The value 0–9 of a Chinese digit character (零 〇 一 … 九, 两, 壹 … 玖),
 * or -1 for any other character. */
int jx_numeral_digit_value(gunichar c);

/* TRUE for any character that can be part of a Chinese numeral: the digits,
 * 十 百 千 万 亿 and their financial forms.  A unit word never contains one. */
gboolean jx_numeral_is_numeral_char(gunichar c);

/* The Chinese numeral for n (0 ≤ n < 10^8): 0 → "零", 13 → "十三",
 * 21 → "二十一", 105 → "一百零五", 3020 → "三千零二十".  NULL (and *error)
 * outside that range.  Newly allocated. */
char *jx_numeral_format(gint64 n, GError **error);

/* Heading number for a 1-based index at a 公文 level:
 * level 1 "一、", level 2 "（一）", level 3 "1.", level 4 "（1）".
 * Newly allocated; NULL (and *error) for a level outside 1–4 or index < 1. */
char *jx_heading_number(int level, int index, GError **error);

G_END_DECLS

#endif

/*
 * numerals.c: Chinese numerals, both ways.
 *
 * Reading covers what officers type in a 自评表: 二, 两, 十二, 一百零五,
 * 三千零二十, 零/〇 and the financial forms 壹贰叁 … 拾佰仟 (with their
 * traditional spellings).  Writing produces the ordinals used in section
 * headings (十三, not 一十三) and the four 公文 heading levels.
 *
 * 万 and 亿 are deliberately left to the caller (quantity.c): they combine
 * with Arabic digits too ("1.2万"), and 万元/亿元 are units, not multipliers.
 */
#include "core/numerals.h"

#include "core/error.h"

typedef enum { NUMERAL_DIGIT, NUMERAL_PLACE, NUMERAL_BIG } NumeralKind;

/* Every character that can appear in a Chinese numeral, with its value:
 * digits 0–9, places 十百千 (within a 万 section), and 万/亿 (BIG). */
static const struct {
    gunichar c;
    NumeralKind kind;
    int value;
} numeral_chars[] = {
    { 0x96F6 /* 零 */, NUMERAL_DIGIT, 0 }, { 0x3007 /* 〇 */, NUMERAL_DIGIT, 0 },
    { 0x4E00 /* 一 */, NUMERAL_DIGIT, 1 }, { 0x58F9 /* 壹 */, NUMERAL_DIGIT, 1 },
    { 0x4E8C /* 二 */, NUMERAL_DIGIT, 2 }, { 0x4E24 /* 两 */, NUMERAL_DIGIT, 2 },
    { 0x5169 /* 兩 */, NUMERAL_DIGIT, 2 }, { 0x8D30 /* 贰 */, NUMERAL_DIGIT, 2 },
    { 0x8CB3 /* 貳 */, NUMERAL_DIGIT, 2 }, { 0x4E09 /* 三 */, NUMERAL_DIGIT, 3 },
    { 0x53C1 /* 叁 */, NUMERAL_DIGIT, 3 }, { 0x53C3 /* 參 */, NUMERAL_DIGIT, 3 },
    { 0x56DB /* 四 */, NUMERAL_DIGIT, 4 }, { 0x8086 /* 肆 */, NUMERAL_DIGIT, 4 },
    { 0x4E94 /* 五 */, NUMERAL_DIGIT, 5 }, { 0x4F0D /* 伍 */, NUMERAL_DIGIT, 5 },
    { 0x516D /* 六 */, NUMERAL_DIGIT, 6 }, { 0x9646 /* 陆 */, NUMERAL_DIGIT, 6 },
    { 0x9678 /* 陸 */, NUMERAL_DIGIT, 6 }, { 0x4E03 /* 七 */, NUMERAL_DIGIT, 7 },
    { 0x67D2 /* 柒 */, NUMERAL_DIGIT, 7 }, { 0x516B /* 八 */, NUMERAL_DIGIT, 8 },
    { 0x634C /* 捌 */, NUMERAL_DIGIT, 8 }, { 0x4E5D /* 九 */, NUMERAL_DIGIT, 9 },
    { 0x7396 /* 玖 */, NUMERAL_DIGIT, 9 },
    { 0x5341 /* 十 */, NUMERAL_PLACE, 10 }, { 0x62FE /* 拾 */, NUMERAL_PLACE, 10 },
    { 0x767E /* 百 */, NUMERAL_PLACE, 100 }, { 0x4F70 /* 佰 */, NUMERAL_PLACE, 100 },
    { 0x5343 /* 千 */, NUMERAL_PLACE, 1000 }, { 0x4EDF /* 仟 */, NUMERAL_PLACE, 1000 },
    { 0x4E07 /* 万 */, NUMERAL_BIG, 10000 }, { 0x842C /* 萬 */, NUMERAL_BIG, 10000 },
    { 0x4EBF /* 亿 */, NUMERAL_BIG, 100000000 }, { 0x5104 /* 億 */, NUMERAL_BIG, 100000000 },
};

/* The value of c if it is a numeral character of the given kind, else -1. */
static int numeral_value(gunichar c, NumeralKind kind)
{
    for (gsize i = 0; i < G_N_ELEMENTS(numeral_chars); i++)
        if (numeral_chars[i].c == c)
            return numeral_chars[i].kind == kind ? numeral_chars[i].value : -1;
    return -1;
}

int jx_numeral_digit_value(gunichar c)
{
    return numeral_value(c, NUMERAL_DIGIT);
}

gboolean jx_numeral_is_numeral_char(gunichar c)
{
    for (gsize i = 0; i < G_N_ELEMENTS(numeral_chars); i++)
        if (numeral_chars[i].c == c)
            return TRUE;
    return FALSE;
}

/* The character at p, or 0 at the end or on a malformed sequence (the text
 * given to jx_numeral_parse_prefix need not be valid UTF-8). */
static gunichar char_at(const char *p)
{
    gunichar c = g_utf8_get_char_validated(p, -1);
    return (c == (gunichar)-1 || c == (gunichar)-2) ? 0 : c;
}

gsize jx_numeral_parse_prefix(const char *text, double *value)
{
    gint64 total = 0;            /* value of the part accepted so far */
    const char *accepted = text; /* end of that part */
    int digit = -1;              /* a digit read, not yet given its place */
    const char *digit_end = NULL;
    int last_place = 10000;      /* places must descend: 千 > 百 > 十 */
    gboolean gap = FALSE;        /* a 零 stands before the pending digit */
    const char *p = text;

    if (value != NULL)
        *value = 0;
    if (text == NULL)
        return 0;
    for (gunichar c; (c = char_at(p)) != 0; p = g_utf8_next_char(p)) {
        int d = jx_numeral_digit_value(c);
        int place = numeral_value(c, NUMERAL_PLACE);
        if (d == 0) {
            if (p == text) {           /* a lone 零 is the number 0 */
                accepted = g_utf8_next_char(p);
                break;
            }
            if (digit >= 0 || gap)     /* "五零", "零零": not one number */
                break;
            gap = TRUE;
        } else if (d > 0) {
            if (digit >= 0)            /* "三四个" means three or four */
                break;
            digit = d;
            digit_end = g_utf8_next_char(p);
        } else if (place > 0) {
            if (place >= last_place)
                break;
            if (digit < 0 && !(place == 10 && p == text))
                break;                 /* only 十 stands alone: 十二 */
            if (gap && place * 10 >= last_place)
                break;                 /* 零 must mark a skipped place */
            total += (gint64)(digit < 0 ? 1 : digit) * place;
            digit = -1;
            gap = FALSE;
            last_place = place;
            accepted = g_utf8_next_char(p);
        } else {
            break;
        }
    }
    /* after 十 the ones follow directly: "二十零九" is not a numeral */
    if (digit >= 0 && !(gap && last_place < 100)) {
        /* "一百二" is 120 and "三千五" 3500, but "一百零二" is 102 */
        gboolean abbreviated = !gap && (last_place == 100 || last_place == 1000);
        total += (gint64)digit * (abbreviated ? last_place / 10 : 1);
        accepted = digit_end;
    }
    if (value != NULL)
        *value = (double)total;
    return (gsize)(accepted - text);
}

static const char *const digit_names[] = {
    "零", "一", "二", "三", "四", "五", "六", "七", "八", "九",
};

/* Appends 1 ≤ section ≤ 9999.  `leading`: the section starts the whole
 * number, where 10–19 read 十, 十一 … rather than 一十, 一十一. */
static void append_section(GString *out, int section, gboolean leading)
{
    static const int places[] = { 1000, 100, 10, 1 };
    static const char *const place_names[] = { "千", "百", "十", "" };
    gboolean started = FALSE, zero_pending = FALSE;

    for (gsize i = 0; i < G_N_ELEMENTS(places); i++) {
        int d = (section / places[i]) % 10;
        if (d == 0) {
            zero_pending = started;   /* one 零 for any run of empty places */
            continue;
        }
        if (zero_pending)
            g_string_append(out, "零");
        zero_pending = FALSE;
        if (!(d == 1 && places[i] == 10 && leading && !started))
            g_string_append(out, digit_names[d]);
        g_string_append(out, place_names[i]);
        started = TRUE;
    }
}

char *jx_numeral_format(gint64 n, GError **error)
{
    if (n < 0 || n >= 100000000) {
        jx_set_error(error, JX_ERROR_RANGE,
                     "数字%" G_GINT64_FORMAT "超出中文数字范围（0至99999999）",
                     "%" G_GINT64_FORMAT " is outside the range of Chinese numerals (0 to 99999999)",
                     n);
        return NULL;
    }
    if (n == 0)
        return g_strdup(digit_names[0]);

    GString *out = g_string_new(NULL);
    int high = (int)(n / 10000), low = (int)(n % 10000);
    if (high > 0) {
        append_section(out, high, TRUE);
        g_string_append(out, "万");
    }
    if (low > 0) {
        if (high > 0 && low < 1000)   /* 一万零五, 十万零一十 */
            g_string_append(out, "零");
        append_section(out, low, high == 0);
    }
    return g_string_free(out, FALSE);
}

char *jx_heading_number(int level, int index, GError **error)
{
    if (level < 1 || level > 4 || index < 1) {
        jx_set_error(error, JX_ERROR_INVALID,
                     "标题级别%d或序号%d无效（级别为1至4，序号从1开始）",
                     "heading level %d or index %d is invalid (levels are 1 to 4, indexes start at 1)",
                     level, index);
        return NULL;
    }
    if (level == 3)
        return g_strdup_printf("%d.", index);
    if (level == 4)
        return g_strdup_printf("（%d）", index);

    char *numeral = jx_numeral_format(index, error);
    if (numeral == NULL)
        return NULL;
    char *heading = level == 1 ? g_strdup_printf("%s、", numeral)
                               : g_strdup_printf("（%s）", numeral);
    g_free(numeral);
    return heading;
}

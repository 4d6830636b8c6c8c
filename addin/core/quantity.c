/*
 * quantity.c: reads what people write in 年度指标值 and 实际完成值.
 *
 * A cell holds one of three things:
 *   - a number, maybe qualified and with a unit: "≥300人次", "6万余人次",
 *     "超过6万元", "百分之九十五", "30天内", "二个";
 *   - a date or deadline: "2023年12月31日前", "2023-12-31", "年底前";
 *   - qualitative text: "有效提升", "按期完成".
 *
 * The rules a reader of the README needs:
 *   - Text with no Arabic digit (nor %, ‰) that does not read fully as a
 *     number or date is qualitative, even if it holds Chinese numerals
 *     ("三个一科普进校园", "一致好评").  Text with an Arabic digit must read
 *     fully; otherwise it is an error naming the character where reading
 *     stopped.  Nothing is guessed.
 *   - 余/多 after the number mean "at least": approximation MORE, comparison
 *     unchanged.  约/大约/左右 mean ABOUT.  超过/超 mean both GT and MORE
 *     (as a target: must exceed; as an actual: a lower bound), and so does
 *     逾 ("逾6万人次").  以上 is GE,
 *     以下/以内/内 are LE, …前 after a date is LE.
 *   - 万/亿/万亿 (and 千 after Arabic digits) multiply, in descending order
 *     ("1亿2000万"), except where they begin a unit of money or measure
 *     written right after a plain number: "6万元" is 6 万元, "3千克" 3 千克,
 *     but "6万人次" is 60000 人次 and "1亿2000万元" is 120000000 元.
 *   - Units come from units.c (longest match).  A known unit is read first;
 *     what follows it must be a qualifier ("100期开展" is an error at 开展).
 *     After Arabic digits, a word of 1–6 Chinese characters, or of 1–6
 *     Latin letters, that is not in the table is kept verbatim as the unit
 *     (a classifier such as 棵, or kWh); it only converts to itself.  After
 *     Chinese numerals only known units are read, so that the 一 of
 *     "一致好评" is not a count of 致好评.
 *   - Dates: year 0 when not written; 年底 is 12-31; 月底 the month's last
 *     day (2月底 without a year allows the 29th).  "2023年12月" (no day) is
 *     an error, as is "2023年2月30日".
 */
#include "core/quantity.h"

#include <math.h>
#include <string.h>

#include "core/error.h"
#include "core/numerals.h"
#include "core/units.h"

/* ------------------------------------------------------------------------
 * Words that qualify a number
 */

typedef struct {
    const char *word;
    JxComparison comparison;        /* JX_CMP_NONE: the word sets none */
    JxApproximation approximation;  /* JX_APPROX_EXACT: the word sets none */
} Qualifier;

#define COMPARE(word, cmp) { word, cmp, JX_APPROX_EXACT }
#define APPROX(word, approx) { word, JX_CMP_NONE, approx }

/* Written before the number: "≥300", "不低于95%", "约300人", "超过6万". */
static const Qualifier prefix_words[] = {
    COMPARE("≥", JX_CMP_GE), COMPARE("≧", JX_CMP_GE), COMPARE("⩾", JX_CMP_GE),
    COMPARE(">=", JX_CMP_GE), COMPARE("＞＝", JX_CMP_GE),
    COMPARE("不低于", JX_CMP_GE), COMPARE("不少于", JX_CMP_GE),
    COMPARE("不小于", JX_CMP_GE), COMPARE("至少", JX_CMP_GE),
    COMPARE("达到", JX_CMP_GE), COMPARE("达", JX_CMP_GE),
    COMPARE("大于等于", JX_CMP_GE), COMPARE("大于或等于", JX_CMP_GE),

    COMPARE("≤", JX_CMP_LE), COMPARE("≦", JX_CMP_LE), COMPARE("⩽", JX_CMP_LE),
    COMPARE("<=", JX_CMP_LE), COMPARE("＜＝", JX_CMP_LE),
    COMPARE("不超过", JX_CMP_LE), COMPARE("不高于", JX_CMP_LE),
    COMPARE("不多于", JX_CMP_LE), COMPARE("不大于", JX_CMP_LE),
    COMPARE("小于等于", JX_CMP_LE), COMPARE("小于或等于", JX_CMP_LE),
    COMPARE("至多", JX_CMP_LE), COMPARE("最多", JX_CMP_LE),
    COMPARE("控制在", JX_CMP_LE),
    COMPARE("不晚于", JX_CMP_LE), COMPARE("不迟于", JX_CMP_LE),

    COMPARE(">", JX_CMP_GT), COMPARE("＞", JX_CMP_GT),
    COMPARE("大于", JX_CMP_GT), COMPARE("高于", JX_CMP_GT),
    COMPARE("多于", JX_CMP_GT),
    { "超过", JX_CMP_GT, JX_APPROX_MORE }, { "超", JX_CMP_GT, JX_APPROX_MORE },
    { "逾", JX_CMP_GT, JX_APPROX_MORE },

    COMPARE("<", JX_CMP_LT), COMPARE("＜", JX_CMP_LT),
    COMPARE("小于", JX_CMP_LT), COMPARE("低于", JX_CMP_LT),
    COMPARE("少于", JX_CMP_LT), COMPARE("不足", JX_CMP_LT),
    COMPARE("不到", JX_CMP_LT),

    COMPARE("=", JX_CMP_EQ), COMPARE("＝", JX_CMP_EQ), COMPARE("等于", JX_CMP_EQ),

    APPROX("约", JX_APPROX_ABOUT), APPROX("大约", JX_APPROX_ABOUT),
    APPROX("约为", JX_APPROX_ABOUT), APPROX("大概", JX_APPROX_ABOUT),
    APPROX("≈", JX_APPROX_ABOUT),
};

/* Written between the number and its unit: "300余人次", "5000多人次". */
static const Qualifier approximation_words[] = {
    APPROX("余", JX_APPROX_MORE), APPROX("多", JX_APPROX_MORE),
};

/* Written after the number and its unit: "300人次以上", "30天内", "300人左右". */
static const Qualifier suffix_words[] = {
    COMPARE("以上", JX_CMP_GE), COMPARE("及以上", JX_CMP_GE),
    COMPARE("以下", JX_CMP_LE), COMPARE("及以下", JX_CMP_LE),
    COMPARE("以内", JX_CMP_LE), COMPARE("之内", JX_CMP_LE), COMPARE("内", JX_CMP_LE),
    APPROX("左右", JX_APPROX_ABOUT), APPROX("上下", JX_APPROX_ABOUT),
};

/* Written after a date, making it a deadline: "2023年12月31日前". */
static const Qualifier deadline_words[] = {
    COMPARE("前", JX_CMP_LE), COMPARE("之前", JX_CMP_LE), COMPARE("以前", JX_CMP_LE),
};

/* Qualitative answers that state the work was done.  Compared with the whole
 * text (trailing punctuation aside): "未按期完成" is not "按期完成". */
static const char *const completion_phrases[] = {
    "完成", "已完成", "全部完成", "均已完成", "已全部完成", "全面完成", "圆满完成",
    "按期完成", "已按期完成", "均已按期完成", "全部按期完成",
    "按时完成", "已按时完成", "均已按时完成", "全部按时完成", "目前均已按时完成",
    "如期完成", "已如期完成", "按计划完成", "已按计划完成", "按要求完成",
    "完成目标", "完成任务", "百分之百完成",
    "达标", "已达标", "全部达标",
    "达到预期", "已达到预期", "达到预期目标", "达到预期效果", "基本达到预期",
    "实现", "已实现", "落实到位", "已落实", "是",
};

/* ------------------------------------------------------------------------
 * Reading position.  The input has been checked to be valid UTF-8, so
 * stepping by characters inside [p, end) never leaves the text.
 */

typedef struct {
    const char *start;  /* the whole input: error positions count from here */
    const char *p;
    const char *end;    /* end of the text without trailing white space */
} Cursor;

static gsize remaining(const Cursor *c)
{
    return (gsize)(c->end - c->p);
}

static gboolean at_end(const Cursor *c)
{
    return c->p >= c->end;
}

static gunichar peek(const Cursor *c)
{
    return at_end(c) ? 0 : g_utf8_get_char(c->p);
}

static void advance(Cursor *c)
{
    if (!at_end(c))
        c->p = g_utf8_next_char(c->p);
}

static gboolean is_space(gunichar ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' ||
           ch == '\f' || ch == 0x3000 /* ideographic space */ || ch == 0xA0;
}

static void skip_space(Cursor *c)
{
    while (!at_end(c) && is_space(peek(c)))
        advance(c);
}

static gboolean starts_with(const Cursor *c, const char *word)
{
    gsize n = strlen(word);
    return n <= remaining(c) && memcmp(c->p, word, n) == 0;
}

static gboolean match_word(Cursor *c, const char *word)
{
    if (!starts_with(c, word))
        return FALSE;
    c->p += strlen(word);
    return TRUE;
}

/* The longest word of table at the cursor, or NULL.  Does not advance. */
static const Qualifier *qualifier_at(const Cursor *c, const Qualifier *table,
                                     gsize count)
{
    const Qualifier *best = NULL;
    for (gsize i = 0; i < count; i++)
        if (starts_with(c, table[i].word) &&
            (best == NULL || strlen(table[i].word) > strlen(best->word)))
            best = &table[i];
    return best;
}

/* 0–9 for an Arabic digit, ASCII or full-width; -1 otherwise. */
static int arabic_digit(gunichar ch)
{
    if (ch >= '0' && ch <= '9')
        return (int)(ch - '0');
    if (ch >= 0xFF10 && ch <= 0xFF19)
        return (int)(ch - 0xFF10);
    return -1;
}

/* ------------------------------------------------------------------------
 * Failures.  Each reader that gives up records where and why; the caller
 * reports the one that read furthest.
 */

typedef enum {
    FAIL_UNEXPECTED,   /* text that fits nowhere */
    FAIL_BAD_DATE,     /* 2023年2月30日 */
    FAIL_TOO_LARGE,    /* 1e400 */
    FAIL_CONTRADICTS,  /* ≥300以下 */
} FailureReason;

typedef struct {
    const char *at;
    const char *until;  /* end of the text to quote; NULL: a run of one kind */
    FailureReason reason;
} Failure;

static gboolean fail(Failure *f, const char *at, FailureReason reason)
{
    f->at = at;
    f->until = NULL;
    f->reason = reason;
    return FALSE;
}

/* ------------------------------------------------------------------------
 * Comparison and approximation
 */

typedef struct {
    JxComparison comparison;
    JxApproximation approximation;
} Qualification;

/* +1 for "at least", -1 for "at most", 0 for "exactly". */
static int direction(JxComparison comparison)
{
    switch (comparison) {
    case JX_CMP_GE: case JX_CMP_GT: return 1;
    case JX_CMP_LE: case JX_CMP_LT: return -1;
    default: return 0;
    }
}

/* Adds a word's meaning; FALSE if it contradicts an earlier word. */
static gboolean qualify(Qualification *q, const Qualifier *word)
{
    if (word->comparison != JX_CMP_NONE) {
        if (q->comparison == JX_CMP_NONE)
            q->comparison = word->comparison;
        else if (direction(q->comparison) != direction(word->comparison))
            return FALSE;
        /* same direction ("≥300人以上"): the first word stands */
    }
    /* MORE is the stronger statement: "约300余人" is at least 300 */
    if (word->approximation == JX_APPROX_MORE ||
        (word->approximation == JX_APPROX_ABOUT && q->approximation == JX_APPROX_EXACT))
        q->approximation = word->approximation;
    return TRUE;
}

/* Reads the words of table at the cursor: at most one that compares and one
 * that approximates ("不低于", "约", "以上左右"), so "≥≥300" stops at the
 * second ≥. */
static gboolean read_qualifiers(Cursor *c, const Qualifier *table, gsize count,
                                Qualification *q, Failure *f)
{
    gboolean compared = FALSE, approximated = FALSE;
    for (;;) {
        skip_space(c);
        const Qualifier *word = qualifier_at(c, table, count);
        if (word == NULL)
            return TRUE;
        gboolean compares = word->comparison != JX_CMP_NONE;
        gboolean approximates = word->approximation != JX_APPROX_EXACT;
        if ((compares && compared) || (approximates && approximated))
            return TRUE;
        if (!qualify(q, word))
            return fail(f, c->p, FAIL_CONTRADICTS);
        compared |= compares;
        approximated |= approximates;
        c->p += strlen(word->word);
    }
}

/* ------------------------------------------------------------------------
 * Units
 */

#define MAX_UNKNOWN_UNIT_CHARS 6

/* Copies at most size - 1 bytes of src, cut at a character boundary. */
static void copy_truncated(char *dest, gsize size, const char *src, gsize length)
{
    if (length >= size) {
        length = size - 1;
        while (length > 0 && (src[length] & 0xC0) == 0x80)
            length--;
    }
    memcpy(dest, src, length);
    dest[length] = '\0';
}

/* The known unit at the cursor (longest match), or NULL.  A Latin unit must
 * end a word: in "5 tons" the t is not 吨. */
static const JxUnit *unit_at(const Cursor *c, gsize *length)
{
    if (at_end(c))
        return NULL;
    const JxUnit *unit = jx_unit_match_prefix(c->p, length);
    if (unit == NULL || *length > remaining(c))
        return NULL;
    if (*length < remaining(c) && g_ascii_isalpha(c->p[*length - 1]) &&
        g_ascii_isalpha(c->p[*length]))
        return NULL;
    return unit;
}

typedef enum { WORD_NONE, WORD_LATIN, WORD_HAN } WordScript;

/* What kind of unit word ch can be part of: Latin letters, or Chinese
 * characters that are not numerals. */
static WordScript unit_word_script(gunichar ch)
{
    if (ch < 0x80)
        return g_ascii_isalpha((char)ch) ? WORD_LATIN : WORD_NONE;
    if (g_unichar_get_script(ch) == G_UNICODE_SCRIPT_HAN && !jx_numeral_is_numeral_char(ch))
        return WORD_HAN;
    return WORD_NONE;
}

/* TRUE if a qualifying word (以上, 左右, 余 …) starts at the cursor. */
static gboolean qualifier_starts(const Cursor *c)
{
    return qualifier_at(c, suffix_words, G_N_ELEMENTS(suffix_words)) != NULL ||
           qualifier_at(c, approximation_words, G_N_ELEMENTS(approximation_words)) != NULL;
}

/* A word not in the unit table, kept verbatim ("棵", "kWh"): 1–6 Chinese
 * characters or 1–6 Latin letters (not mixed: "6000O人次" is a typo, not a
 * unit), stopping before 以上, 左右, 余 … */
static gboolean read_unknown_unit(Cursor *c, char *unit)
{
    const char *start = c->p;
    WordScript script = unit_word_script(peek(c));
    gsize count = 0;
    while (script != WORD_NONE && unit_word_script(peek(c)) == script &&
           !qualifier_starts(c)) {
        if (++count > MAX_UNKNOWN_UNIT_CHARS) {
            c->p = start;      /* a phrase, not a unit: reported by the caller */
            return FALSE;
        }
        advance(c);
    }
    if (count == 0)
        return FALSE;
    copy_truncated(unit, JX_UNIT_MAX, start, (gsize)(c->p - start));
    return TRUE;
}

static void read_unit(Cursor *c, gboolean after_arabic, char *unit)
{
    gsize length;
    const JxUnit *known = unit_at(c, &length);
    if (known != NULL) {
        copy_truncated(unit, JX_UNIT_MAX, known->name, strlen(known->name));
        c->p += length;
    } else if (after_arabic) {
        read_unknown_unit(c, unit);
    }
}

/* ------------------------------------------------------------------------
 * Numbers
 */

typedef enum { READ_NONE, READ_OK, READ_FAILED } ReadResult;

static ReadResult fail_read(Failure *f, const char *at, FailureReason reason)
{
    fail(f, at, reason);
    return READ_FAILED;
}

#define MAX_INTEGER_DIGITS 309   /* DBL_MAX has 309 digits: more overflows */
#define MAX_FRACTION_DIGITS 40   /* far beyond a double's precision */
#define MAX_EXPONENT_DIGITS 6

static gboolean is_decimal_point(gunichar ch)
{
    return ch == '.' || ch == 0xFF0E;
}

static gboolean is_group_separator(gunichar ch)
{
    return ch == ',' || ch == 0xFF0C;
}

/* TRUE if the separator at the cursor groups thousands: it follows 1–3
 * digits (exactly 3 after an earlier separator) and precedes exactly 3. */
static gboolean separator_groups(const Cursor *c, gsize run, gboolean grouped)
{
    if (grouped ? run != 3 : (run < 1 || run > 3))
        return FALSE;
    Cursor ahead = *c;
    advance(&ahead);
    for (int i = 0; i < 3; i++, advance(&ahead))
        if (arabic_digit(peek(&ahead)) < 0)
            return FALSE;
    return arabic_digit(peek(&ahead)) < 0;
}

/* Appends the digits at the cursor to ascii, keeping at most `keep` of them
 * (all are consumed).  Returns how many were read. */
static gsize read_digits(Cursor *c, char *ascii, gsize *n, gsize keep)
{
    gsize read = 0;
    for (int d; (d = arabic_digit(peek(c))) >= 0; advance(c), read++)
        if (read < keep)
            ascii[(*n)++] = (char)('0' + d);
    return read;
}

/* The exponent of "1.5e3", "2E-4"; appended to ascii if present. */
static void read_exponent(Cursor *c, char *ascii, gsize *n)
{
    Cursor ahead = *c;
    gunichar e = peek(&ahead);
    if (e != 'e' && e != 'E')
        return;
    advance(&ahead);
    gunichar sign = peek(&ahead);
    if (sign == '+' || sign == '-')
        advance(&ahead);
    if (arabic_digit(peek(&ahead)) < 0)
        return;            /* "5e" is 5 of the unit "e", not an exponent */
    *c = ahead;
    ascii[(*n)++] = 'e';
    if (sign == '-')
        ascii[(*n)++] = '-';
    while (peek(c) == '0')
        advance(c);
    if (read_digits(c, ascii, n, MAX_EXPONENT_DIGITS) > MAX_EXPONENT_DIGITS)
        ascii[(*n)++] = '9';   /* beyond any double: overflows or rounds to 0 */
}

/* An Arabic number: 1234, 1,234, 1，234.5, 1.5e3, full-width digits. */
static ReadResult read_arabic(Cursor *c, double *value, Failure *f)
{
    char ascii[MAX_INTEGER_DIGITS + MAX_FRACTION_DIGITS + MAX_EXPONENT_DIGITS + 16];
    gsize n = 0, run = 0;
    gboolean grouped = FALSE;
    const char *start = c->p;

    if (arabic_digit(peek(c)) < 0)
        return READ_NONE;
    for (;;) {
        int d = arabic_digit(peek(c));
        if (d >= 0) {
            if (n > 0 || d > 0) {          /* leading zeros carry nothing */
                if (n == MAX_INTEGER_DIGITS)
                    return fail_read(f, start, FAIL_TOO_LARGE);
                ascii[n++] = (char)('0' + d);
            }
            run++;
            advance(c);
        } else if (is_group_separator(peek(c)) && separator_groups(c, run, grouped)) {
            grouped = TRUE;
            run = 0;
            advance(c);
        } else {
            break;
        }
    }
    if (n == 0)
        ascii[n++] = '0';

    Cursor ahead = *c;
    advance(&ahead);
    if (is_decimal_point(peek(c)) && arabic_digit(peek(&ahead)) >= 0) {
        *c = ahead;
        ascii[n++] = '.';
        read_digits(c, ascii, &n, MAX_FRACTION_DIGITS);
    }
    read_exponent(c, ascii, &n);
    ascii[n] = '\0';

    *value = g_ascii_strtod(ascii, NULL);
    if (!isfinite(*value)) {
        fail(f, start, FAIL_TOO_LARGE);
        f->until = c->p;
        return READ_FAILED;
    }
    return READ_OK;
}

/* A Chinese numeral below 10000 (numerals.c), with decimals after 点:
 * "三点五".  *single_digit: one character 一 … 九, for "一万二" = 12000. */
static gboolean read_chinese(Cursor *c, double *value, gboolean *single_digit)
{
    const char *start = c->p;
    gsize n = jx_numeral_parse_prefix(c->p, value);
    if (n == 0 || n > remaining(c))
        return FALSE;
    c->p += n;
    *single_digit = g_utf8_next_char(start) == c->p && *value >= 1 && *value <= 9;

    Cursor ahead = *c;
    if (match_word(&ahead, "点") && jx_numeral_digit_value(peek(&ahead)) >= 0) {
        double scale = 0.1;
        for (int d; (d = jx_numeral_digit_value(peek(&ahead))) >= 0; advance(&ahead)) {
            *value += d * scale;
            scale /= 10;    /* reaches 0 after ~320 digits: harmless */
        }
        *c = ahead;
        *single_digit = FALSE;
    }
    return TRUE;
}

typedef struct {
    double value;
    gboolean arabic;        /* written with Arabic digits */
    gboolean single_digit;  /* one Chinese digit character */
} Section;

/* One run of Arabic digits or one Chinese numeral below 10000. */
static ReadResult read_section(Cursor *c, Section *s, Failure *f)
{
    s->arabic = arabic_digit(peek(c)) >= 0;
    s->single_digit = FALSE;
    if (s->arabic)
        return read_arabic(c, &s->value, f);
    return read_chinese(c, &s->value, &s->single_digit) ? READ_OK : READ_NONE;
}

static gboolean counts_people(const JxUnit *unit)
{
    return unit->dimension == JX_DIM_PEOPLE || unit->dimension == JX_DIM_PERSON_TIMES;
}

/* The multiplier at the cursor (万 1e4, 亿 1e8, 千 1e3 after Arabic digits)
 * or 0.  While nothing has been multiplied yet, a unit of money or measure
 * that begins here wins: "6万元" is 6 万元, "3千克" 3 千克. */
static double multiplier_at(const Cursor *c, gboolean after_arabic,
                            gboolean multiplied, gsize *length)
{
    static const struct {
        const char *word;
        double factor;
        gboolean after_arabic_only;   /* 三千 is read by numerals.c */
    } multipliers[] = {   /* longest first: 万亿 is one multiplier */
        { "万亿", 1e12, FALSE }, { "萬億", 1e12, FALSE },
        { "万", 1e4, FALSE }, { "萬", 1e4, FALSE },
        { "亿", 1e8, FALSE }, { "億", 1e8, FALSE },
        { "千", 1e3, TRUE },
    };
    gsize unit_length;
    const JxUnit *unit = unit_at(c, &unit_length);
    if (unit != NULL && !counts_people(unit) && !multiplied)
        return 0;
    for (gsize i = 0; i < G_N_ELEMENTS(multipliers); i++)
        if (starts_with(c, multipliers[i].word) &&
            (after_arabic || !multipliers[i].after_arabic_only)) {
            *length = strlen(multipliers[i].word);
            return multipliers[i].factor;
        }
    return 0;
}

typedef struct {
    double value;
    gboolean arabic;   /* some digits were Arabic: unknown unit words allowed */
} Magnitude;

/* A number with its multipliers: "1.2万", "一万二千", "6万", "3千",
 * "1亿2000万", "一万零五". */
static ReadResult read_magnitude(Cursor *c, Magnitude *m, Failure *f)
{
    const char *start = c->p;
    Section s;
    ReadResult r = read_section(c, &s, f);
    if (r != READ_OK)
        return r;

    double total = 0, section = s.value, last_big = INFINITY;
    gboolean section_read = TRUE, thousands_applied = FALSE, multiplied = FALSE;
    m->arabic = s.arabic;
    for (;;) {
        gsize length = 0;
        double factor = multiplier_at(c, s.arabic && section_read && !thousands_applied,
                                      multiplied, &length);
        if (factor == 0)
            break;
        if (factor == 1e3) {                       /* "3千", "3千万" */
            c->p += length;
            section *= factor;
            thousands_applied = multiplied = TRUE;
            continue;
        }
        /* big multipliers descend: "1亿2000万", not "1万2亿" */
        if (!section_read || factor >= last_big)
            break;
        c->p += length;
        total += section * factor;
        section = 0;
        last_big = factor;
        section_read = thousands_applied = FALSE;
        multiplied = TRUE;

        /* the next section, maybe after 零: "一万零五" */
        const char *before_zero = c->p;
        gboolean zero = match_word(c, "零") || match_word(c, "〇");
        r = read_section(c, &s, f);
        if (r == READ_FAILED)
            return r;
        if (r == READ_NONE) {
            c->p = before_zero;
            continue;
        }
        gsize next_length;
        if (s.single_digit && !zero &&
            multiplier_at(c, FALSE, TRUE, &next_length) == 0)
            s.value *= factor / 10;                /* "一万二" is 12000 */
        section = s.value;
        section_read = TRUE;
        m->arabic |= s.arabic;
    }
    m->value = total + section;
    if (!isfinite(m->value)) {
        fail(f, start, FAIL_TOO_LARGE);
        f->until = c->p;
        return READ_FAILED;
    }
    return READ_OK;
}

/* +1 or -1; a sign is optional. */
static double read_sign(Cursor *c)
{
    static const char *const minus[] = { "-", "−", "－", "负" };
    static const char *const plus[] = { "+", "＋" };
    for (gsize i = 0; i < G_N_ELEMENTS(minus); i++)
        if (match_word(c, minus[i]))
            return -1;
    for (gsize i = 0; i < G_N_ELEMENTS(plus); i++)
        if (match_word(c, plus[i]))
            return 1;
    return 1;
}

/* ------------------------------------------------------------------------
 * Number quantities: [comparison] [约] [百分之] [sign] magnitude [余|多]
 * [unit] [以上|以内|左右 …]
 */

static gboolean parse_number(Cursor *c, JxQuantity *q, Failure *f)
{
    Qualification qual = { JX_CMP_NONE, JX_APPROX_EXACT };
    if (!read_qualifiers(c, prefix_words, G_N_ELEMENTS(prefix_words), &qual, f))
        return FALSE;
    gboolean percent_of = match_word(c, "百分之");
    skip_space(c);
    double sign = read_sign(c);

    Magnitude m = { 100, FALSE };
    ReadResult r = percent_of && match_word(c, "百")   /* 百分之百 */
                       ? READ_OK : read_magnitude(c, &m, f);
    if (r == READ_FAILED)
        return FALSE;
    if (r == READ_NONE)
        return fail(f, c->p, FAIL_UNEXPECTED);

    if (!read_qualifiers(c, approximation_words, G_N_ELEMENTS(approximation_words),
                         &qual, f))
        return FALSE;
    skip_space(c);
    if (percent_of)
        g_strlcpy(q->unit, "%", sizeof q->unit);
    else
        read_unit(c, m.arabic, q->unit);
    if (!read_qualifiers(c, suffix_words, G_N_ELEMENTS(suffix_words), &qual, f))
        return FALSE;
    skip_space(c);
    if (!at_end(c))
        return fail(f, c->p, FAIL_UNEXPECTED);

    q->kind = JX_QUANTITY_NUMBER;
    q->comparison = qual.comparison;
    q->approximation = qual.approximation;
    q->value = sign * m.value;
    if (q->value == 0)
        q->value = 0;      /* "-0" is 0, not negative zero */
    return TRUE;
}

/* ------------------------------------------------------------------------
 * Dates: 2023年12月31日, 12月31日, 2023年12月底, 2023年底, 年底,
 * 2023-12-31, 2023.12.31, 2023/12/31; then 前/之前/以前 for a deadline and
 * an optional 完成 ("2023年12月31日前完成").
 */

static int days_in_month(int year, int month)
{
    if (year == 0)   /* year not written: a deadline "2月底前" allows the 29th */
        return month == 2 ? 29 : g_date_get_days_in_month((GDateMonth)month, 2001);
    return g_date_get_days_in_month((GDateMonth)month, (GDateYear)year);
}

/* A number in a date: Arabic digits, four Chinese digits read one by one
 * (二〇二三) or a Chinese numeral (十二, 三十一).  *digits: how many digits
 * were written, 0 for a Chinese numeral with places. */
static gboolean read_date_field(Cursor *c, int *value, int *digits)
{
    *value = 0;
    *digits = 0;
    if (arabic_digit(peek(c)) >= 0) {
        for (int d; (d = arabic_digit(peek(c))) >= 0; advance(c)) {
            if (++*digits > 4)
                return FALSE;
            *value = *value * 10 + d;
        }
        return TRUE;
    }
    Cursor ahead = *c;
    int run = 0, year = 0;
    for (int d; run < 5 && (d = jx_numeral_digit_value(peek(&ahead))) >= 0; advance(&ahead)) {
        run++;
        year = year * 10 + d;
    }
    if (run == 4) {
        *c = ahead;
        *value = year;
        *digits = 4;
        return TRUE;
    }
    double numeral;
    gsize n = jx_numeral_parse_prefix(c->p, &numeral);
    if (n == 0 || n > remaining(c) || numeral > 31)
        return FALSE;
    c->p += n;
    *value = (int)numeral;
    return TRUE;
}

static gboolean read_month_end(Cursor *c)
{
    return match_word(c, "底") || match_word(c, "末");
}

/* "12月31日", "12月31号", "12月底" after the year (0 if none). */
static gboolean read_month_day(Cursor *c, int year, int *month, int *day, Failure *f)
{
    const char *month_at = c->p;
    int digits;
    if (!read_date_field(c, month, &digits) || digits > 2)
        return fail(f, month_at, FAIL_UNEXPECTED);
    skip_space(c);
    if (!match_word(c, "月"))
        return fail(f, c->p, FAIL_UNEXPECTED);
    if (*month < 1 || *month > 12)
        return fail(f, month_at, FAIL_BAD_DATE);
    skip_space(c);
    if (read_month_end(c)) {
        *day = days_in_month(year, *month);
        return TRUE;
    }
    const char *day_at = c->p;
    if (!read_date_field(c, day, &digits) || digits > 2)
        return fail(f, day_at, FAIL_UNEXPECTED);
    skip_space(c);
    if (!match_word(c, "日") && !match_word(c, "号"))
        return fail(f, c->p, FAIL_UNEXPECTED);
    if (*day < 1 || *day > days_in_month(year, *month))
        return fail(f, day_at, FAIL_BAD_DATE);
    return TRUE;
}

static const char *date_separator_at(const Cursor *c)
{
    static const char *const separators[] = { "-", ".", "/", "－", "．", "／" };
    for (gsize i = 0; i < G_N_ELEMENTS(separators); i++)
        if (starts_with(c, separators[i]))
            return separators[i];
    return NULL;
}

/* "12-31" after "2023-": the same separator between month and day. */
static gboolean read_numeric_month_day(Cursor *c, int year, const char *separator,
                                       int *month, int *day, Failure *f)
{
    const char *month_at = c->p;
    int digits;
    if (arabic_digit(peek(c)) < 0 || !read_date_field(c, month, &digits) ||
        digits == 0 || digits > 2)
        return fail(f, month_at, FAIL_UNEXPECTED);
    if (!match_word(c, separator))
        return fail(f, c->p, FAIL_UNEXPECTED);
    if (*month < 1 || *month > 12)
        return fail(f, month_at, FAIL_BAD_DATE);
    const char *day_at = c->p;
    if (arabic_digit(peek(c)) < 0 || !read_date_field(c, day, &digits) ||
        digits == 0 || digits > 2)
        return fail(f, day_at, FAIL_UNEXPECTED);
    if (*day < 1 || *day > days_in_month(year, *month))
        return fail(f, day_at, FAIL_BAD_DATE);
    return TRUE;
}

/* The date itself, without comparison words. */
static gboolean read_date(Cursor *c, int *year, int *month, int *day, Failure *f)
{
    *year = 0;
    if (match_word(c, "年底") || match_word(c, "年末")) {
        *month = 12;
        *day = 31;
        return TRUE;
    }
    const char *start = c->p;
    gboolean arabic = arabic_digit(peek(c)) >= 0;
    int value, digits;
    if (!read_date_field(c, &value, &digits))
        return fail(f, start, FAIL_UNEXPECTED);
    if (digits != 4) {                 /* no year: "12月31日" */
        c->p = start;
        return read_month_day(c, 0, month, day, f);
    }
    if (value < 1000)
        return fail(f, start, FAIL_BAD_DATE);
    *year = value;
    const char *separator = date_separator_at(c);
    if (separator != NULL && arabic) {
        c->p += strlen(separator);
        return read_numeric_month_day(c, *year, separator, month, day, f);
    }
    skip_space(c);
    if (!match_word(c, "年"))
        return fail(f, c->p, FAIL_UNEXPECTED);
    skip_space(c);
    if (read_month_end(c)) {           /* "2023年底" */
        *month = 12;
        *day = 31;
        return TRUE;
    }
    return read_month_day(c, *year, month, day, f);
}

static gboolean parse_date(Cursor *c, JxQuantity *q, Failure *f)
{
    Qualification qual = { JX_CMP_NONE, JX_APPROX_EXACT };
    const char *start = c->p;
    if (!read_qualifiers(c, prefix_words, G_N_ELEMENTS(prefix_words), &qual, f))
        return FALSE;
    if (qual.approximation != JX_APPROX_EXACT)   /* "约2023年" is no deadline */
        return fail(f, start, FAIL_UNEXPECTED);
    skip_space(c);
    if (!read_date(c, &q->year, &q->month, &q->day, f))
        return FALSE;
    if (!read_qualifiers(c, deadline_words, G_N_ELEMENTS(deadline_words), &qual, f))
        return FALSE;
    skip_space(c);
    match_word(c, "完成");
    skip_space(c);
    if (!at_end(c))
        return fail(f, c->p, FAIL_UNEXPECTED);
    q->kind = JX_QUANTITY_DATE;
    q->comparison = qual.comparison;
    q->approximation = JX_APPROX_EXACT;
    return TRUE;
}

/* ------------------------------------------------------------------------
 * Qualitative text
 */

static gboolean is_trailing_punctuation(gunichar ch)
{
    return ch != 0 && g_utf8_strchr("。．.！!；;，,、", -1, ch) != NULL;
}

static gboolean states_completion(const char *text, gsize length)
{
    const char *end = text + length;
    while (end > text) {
        const char *prev = g_utf8_prev_char(end);
        if (!is_trailing_punctuation(g_utf8_get_char(prev)))
            break;
        end = prev;
    }
    length = (gsize)(end - text);
    for (gsize i = 0; i < G_N_ELEMENTS(completion_phrases); i++)
        if (strlen(completion_phrases[i]) == length &&
            memcmp(completion_phrases[i], text, length) == 0)
            return TRUE;
    return FALSE;
}

/* An Arabic digit or a percent sign: such text must read as a quantity. */
static gboolean has_arabic_number(const Cursor *c)
{
    for (Cursor scan = *c; !at_end(&scan); advance(&scan)) {
        gunichar ch = peek(&scan);
        if (arabic_digit(ch) >= 0 || ch == '%' || ch == 0xFF05 || ch == 0x2030)
            return TRUE;
    }
    return FALSE;
}

static void make_qualitative(const Cursor *c, JxQuantity *q)
{
    gsize length = remaining(c);
    memset(q, 0, sizeof *q);
    q->kind = JX_QUANTITY_QUALITATIVE;
    q->comparison = JX_CMP_NONE;
    q->approximation = JX_APPROX_EXACT;
    copy_truncated(q->text, sizeof q->text, c->p, length);
    q->achieved = states_completion(c->p, length);
}

/* ------------------------------------------------------------------------
 * Errors
 */

#define MAX_QUOTED_CHARS 10

typedef enum { CLASS_HAN, CLASS_LATIN, CLASS_NUMBER, CLASS_OTHER } CharClass;

static CharClass char_class(gunichar ch)
{
    if (arabic_digit(ch) >= 0 || is_decimal_point(ch) || is_group_separator(ch))
        return CLASS_NUMBER;
    if (ch < 0x80 && g_ascii_isalpha((char)ch))
        return CLASS_LATIN;
    if (g_unichar_get_script(ch) == G_UNICODE_SCRIPT_HAN)
        return CLASS_HAN;
    return CLASS_OTHER;
}

/* TRUE if the character at c continues the quoted text. */
static gboolean continues_quote(const Cursor *c, const Failure *f, CharClass class)
{
    if (at_end(c))
        return FALSE;
    if (f->until != NULL)
        return c->p < f->until;
    return class != CLASS_OTHER && char_class(peek(c)) == class;
}

/* The text to quote at a failure: the number that is too large, or else the
 * run of characters of one kind that starts there ("开展", "32", "≥"); at
 * most MAX_QUOTED_CHARS, then "…". */
static char *quoted_text(const Failure *f, const char *end)
{
    Cursor c = { f->at, f->at, end };
    CharClass class = char_class(peek(&c));
    gsize count = 0;
    do {
        advance(&c);
        count++;
    } while (count < MAX_QUOTED_CHARS && continues_quote(&c, f, class));
    const char *more = continues_quote(&c, f, class) ? "…" : "";
    return g_strdup_printf("%.*s%s", (int)(c.p - f->at), f->at, more);
}

/* The failure to report: a number too large is certain whatever else was
 * tried; otherwise the reader that got furthest knew best what was meant. */
static const Failure *failure_to_report(const Failure *date, const Failure *number)
{
    if (number->reason == FAIL_TOO_LARGE)
        return number;
    return date->at > number->at ? date : number;
}

static void report_failure(GError **error, const Cursor *c, const Failure *f)
{
    long position = (long)g_utf8_strlen(c->start, f->at - c->start) + 1;
    if (f->at >= c->end) {
        jx_set_error(error, JX_ERROR_PARSE,
                     "内容在第%ld个字符处不完整",
                     "the text ends too early at character %ld", position);
        return;
    }
    char *found = quoted_text(f, c->end);
    switch (f->reason) {
    case FAIL_BAD_DATE:
        jx_set_error(error, JX_ERROR_PARSE, "第%ld个字符“%s”不是有效的日期",
                     "'%2$s' at character %1$ld is not a valid date", position, found);
        break;
    case FAIL_TOO_LARGE:
        jx_set_error(error, JX_ERROR_PARSE, "第%ld个字符起的数值“%s”过大",
                     "the number '%2$s' at character %1$ld is too large", position, found);
        break;
    case FAIL_CONTRADICTS:
        jx_set_error(error, JX_ERROR_PARSE, "第%ld个字符“%s”与前面的比较方式矛盾",
                     "'%2$s' at character %1$ld contradicts the comparison before it",
                     position, found);
        break;
    case FAIL_UNEXPECTED:
    default:
        jx_set_error(error, JX_ERROR_PARSE, "第%ld个字符“%s”无法识别",
                     "unexpected '%2$s' at character %1$ld", position, found);
        break;
    }
    g_free(found);
}

/* ------------------------------------------------------------------------
 * Entry points
 */

static void trim(Cursor *c)
{
    skip_space(c);
    while (c->end > c->p) {
        const char *prev = g_utf8_prev_char(c->end);
        if (!is_space(g_utf8_get_char(prev)))
            break;
        c->end = prev;
    }
}

static void clear_quantity(JxQuantity *q)
{
    memset(q, 0, sizeof *q);
    q->kind = JX_QUANTITY_NUMBER;
    q->comparison = JX_CMP_NONE;
    q->approximation = JX_APPROX_EXACT;
}

gboolean jx_quantity_parse(const char *text, JxQuantity *out, GError **error)
{
    JxQuantity q;
    clear_quantity(&q);
    if (out != NULL)
        clear_quantity(out);
    if (text == NULL || text[0] == '\0') {
        jx_set_error(error, JX_ERROR_PARSE, "内容为空", "the text is empty");
        return FALSE;
    }
    gsize length = strlen(text);
    const char *invalid;
    if (!g_utf8_validate(text, (gssize)length, &invalid)) {
        jx_set_error(error, JX_ERROR_PARSE, "第%ld个字符不是有效的UTF-8文本",
                     "invalid UTF-8 at character %ld",
                     (long)g_utf8_strlen(text, invalid - text) + 1);
        return FALSE;
    }
    Cursor whole = { text, text, text + length };
    trim(&whole);
    if (at_end(&whole)) {
        jx_set_error(error, JX_ERROR_PARSE, "内容为空", "the text is empty");
        return FALSE;
    }

    Failure date_failure = { whole.p, NULL, FAIL_UNEXPECTED };
    Failure number_failure = { whole.p, NULL, FAIL_UNEXPECTED };
    Cursor c = whole;
    gboolean ok = parse_date(&c, &q, &date_failure);
    if (!ok) {
        clear_quantity(&q);
        c = whole;
        ok = parse_number(&c, &q, &number_failure);
    }
    if (!ok && !has_arabic_number(&whole)) {
        make_qualitative(&whole, &q);
        ok = TRUE;
    }
    if (!ok) {
        report_failure(error, &whole, failure_to_report(&date_failure, &number_failure));
        return FALSE;
    }
    if (out != NULL)
        *out = q;
    return TRUE;
}

gboolean jx_quantity_value_in(const JxQuantity *q, const char *unit,
                              double *value, GError **error)
{
    if (q == NULL || q->kind != JX_QUANTITY_NUMBER) {
        jx_set_error(error, JX_ERROR_INVALID, "该值不是数字，无法换算单位",
                     "the value is not a number and has no unit to convert");
        return FALSE;
    }
    return jx_unit_convert(q->value, q->unit, unit ? unit : "", value, error);
}

const char *jx_comparison_symbol(JxComparison comparison)
{
    switch (comparison) {
    case JX_CMP_GE: return "≥";
    case JX_CMP_LE: return "≤";
    case JX_CMP_GT: return ">";
    case JX_CMP_LT: return "<";
    case JX_CMP_EQ: return "=";
    case JX_CMP_NONE:
    default: return "";
    }
}

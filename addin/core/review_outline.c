/*
 * review_outline.c: reads the numbers that begin paragraphs and follows the
 * levels they open (see review_outline.h for the two readings that keep a
 * well-numbered report clean).
 */
#include "core/review_outline.h"

#include <string.h>

#include "core/numerals.h"

#define MAX_NUMBER 999
#define HEADING_MAX_CHARS 40

static gunichar char_at(const char *text, gsize length, gsize i)
{
    return i < length ? g_utf8_get_char(text + i) : 0;
}

static gsize after_char(const char *text, gsize length, gsize i)
{
    return i < length ? (gsize)(g_utf8_next_char(text + i) - text) : length;
}

static gboolean is_space(gunichar c)
{
    return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0;
}

static gsize skip_space(const char *text, gsize length, gsize i)
{
    while (i < length && is_space(char_at(text, length, i)))
        i = after_char(text, length, i);
    return i;
}

static int arabic_digit(gunichar c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 0xFF10 && c <= 0xFF19)
        return (int)(c - 0xFF10);
    return -1;
}

/* Arabic digits at i (at most three): their value, *end after them; -1 if none. */
static int read_arabic(const char *text, gsize length, gsize i, gsize *end)
{
    int value = 0, count = 0;
    while (i < length && arabic_digit(char_at(text, length, i)) >= 0 && count < 4) {
        value = value * 10 + arabic_digit(char_at(text, length, i));
        i = after_char(text, length, i);
        count++;
    }
    *end = i;
    return count == 0 || count > 3 ? -1 : value;
}

/* A Chinese numeral at i: its value, *end after it; -1 if none. */
static int read_chinese(const char *text, gsize length, gsize i, gsize *end)
{
    g_autofree char *rest = g_strndup(text + i, MIN(length - i, (gsize)32));
    double value = 0;
    gsize n = jx_numeral_parse_prefix(rest, &value);
    *end = i + n;
    return n == 0 || value < 1 || value > MAX_NUMBER ? -1 : (int)value;
}

/* The punctuation after a 一 or a 1 that makes it a number: 、 ． or a
 * full stop not followed by a digit (1.5万元 is an amount). */
static gsize read_punctuation(const char *text, gsize length, gsize i, JxMarker *m)
{
    gunichar c = char_at(text, length, i);
    gsize next = after_char(text, length, i);
    if (c == 0x3001 /* 、 */ || c == 0xFF0E /* ． */ ||
        (c == '.' && arabic_digit(char_at(text, length, next)) < 0)) {
        g_strlcpy(m->punctuation, text + i, MIN(sizeof m->punctuation, next - i + 1));
        return next;
    }
    return 0;
}

static gboolean read_at(const char *text, gsize length, gsize i, JxMarker *m)
{
    gunichar c = char_at(text, length, i);
    gsize end;
    int value;
    m->start = i;
    if (c == 0xFF08 /* （ */ || c == '(') {
        gsize inside = after_char(text, length, i);
        JxMarkStyle style = JX_MARK_ARABIC_PAREN;
        value = read_arabic(text, length, inside, &end);
        if (value < 0) {
            style = JX_MARK_CHINESE_PAREN;
            value = read_chinese(text, length, inside, &end);
        }
        gunichar close = char_at(text, length, end);
        if (value < 1 || (close != 0xFF09 /* ） */ && close != ')'))
            return FALSE;
        m->style = style;
        m->number = value;
        m->end = after_char(text, length, end);
        return TRUE;
    }
    if (c >= 0x2460 && c <= 0x2473) {   /* ① … ⑳ */
        m->style = JX_MARK_CIRCLED;
        m->number = (int)(c - 0x2460) + 1;
        m->end = after_char(text, length, i);
        return TRUE;
    }
    JxMarkStyle style = JX_MARK_ARABIC;
    value = read_arabic(text, length, i, &end);
    if (value < 0) {
        style = JX_MARK_CHINESE;
        value = read_chinese(text, length, i, &end);
    }
    if (value < 1)
        return FALSE;
    gsize after = read_punctuation(text, length, end, m);
    if (after == 0)
        return FALSE;
    m->style = style;
    m->number = value;
    m->end = after;
    return TRUE;
}

gboolean jx_marker_read(const char *text, gsize length, JxMarker *marker)
{
    JxMarker m;
    memset(&m, 0, sizeof m);
    gsize i = skip_space(text, length, 0);
    static const char annex[] = "附件";
    if (length - i >= strlen(annex) && memcmp(text + i, annex, strlen(annex)) == 0) {
        gsize j = i + strlen(annex);
        gunichar colon = char_at(text, length, j);
        if (colon == 0xFF1A || colon == ':')
            j = after_char(text, length, j);
        m.annex = TRUE;
        i = skip_space(text, length, j);
    }
    gboolean found = read_at(text, length, i, &m);
    if (!found)
        memset(&m, 0, sizeof m);
    if (marker)
        *marker = m;
    return found;
}

char *jx_marker_format(JxMarkStyle style, int number, const char *punctuation)
{
    g_autofree char *chinese = style == JX_MARK_CHINESE || style == JX_MARK_CHINESE_PAREN
                                   ? jx_numeral_format(number, NULL) : NULL;
    const char *p = punctuation && punctuation[0] ? punctuation : NULL;
    switch (style) {
    case JX_MARK_CHINESE: return g_strdup_printf("%s%s", chinese ? chinese : "?", p ? p : "、");
    case JX_MARK_CHINESE_PAREN: return g_strdup_printf("（%s）", chinese ? chinese : "?");
    case JX_MARK_ARABIC: return g_strdup_printf("%d%s", number, p ? p : ".");
    case JX_MARK_ARABIC_PAREN: return g_strdup_printf("（%d）", number);
    case JX_MARK_CIRCLED: {
        char buffer[8] = { 0 };
        if (number >= 1 && number <= 20)
            g_unichar_to_utf8(0x2460 + (gunichar)(number - 1), buffer);
        return g_strdup(buffer);
    }
    default: return g_strdup("");
    }
}

static gboolean is_clause_mark(gunichar c)
{
    return c == 0x3002 /* 。 */ || c == 0xFF1A /* ： */ || c == ':' || c == 0xFF0C /* ， */ ||
           c == ',' || c == 0xFF1B /* ； */ || c == ';';
}

void jx_outline_title(const char *text, gsize length, const JxMarker *marker, gsize *start, gsize *end)
{
    gsize i = skip_space(text, length, marker->end);
    *start = i;
    while (i < length && !is_clause_mark(char_at(text, length, i)))
        i = after_char(text, length, i);
    *end = i;
}

/* Short and one clause: "产出指标", "建立市级专家工作站。". */
static gboolean heading_like(const char *text, gsize length, const JxMarker *marker)
{
    gsize i = skip_space(text, length, marker->end);
    int chars = 0;
    while (i < length) {
        gunichar c = char_at(text, length, i);
        gsize next = after_char(text, length, i);
        gboolean last = skip_space(text, length, next) >= length;
        if (c == 0xFF0C || c == ',' || c == 0xFF1B || c == ';' ||
            ((c == 0x3002 || c == 0xFF1A || c == ':') && !last))
            return FALSE;
        chars++;
        i = next;
    }
    return chars > 0 && chars <= HEADING_MAX_CHARS;
}

typedef struct {
    JxMarkStyle style;
    int number;
    int paragraph;
    gboolean heading_like;
} Level;

static void issue(GArray *issues, JxOutlineProblem problem, int paragraph, int previous, int expected)
{
    if (issues == NULL)
        return;
    JxOutlineIssue i = { problem, paragraph, previous, expected };
    g_array_append_val(issues, i);
}

void jx_outline_read(const char *const *texts, const gsize *lengths, const char *const *labels,
                     guint n, GArray *entries, GArray *issues)
{
    g_autoptr(GArray) levels = g_array_new(FALSE, FALSE, sizeof(Level));
    int last_numbered = -1;
    gboolean text_since = FALSE;   /* plain text after the last numbered paragraph */
    for (guint p = 0; p < n; p++) {
        JxOutlineEntry e;
        memset(&e, 0, sizeof e);
        e.parent = -1;
        gboolean numbered;
        if (labels && labels[p] && labels[p][0]) {
            numbered = jx_marker_read(labels[p], strlen(labels[p]), &e.marker);
            e.marker.start = e.marker.end = 0;   /* the number is not in the text */
        } else {
            numbered = jx_marker_read(texts[p], lengths[p], &e.marker);
        }
        if (!numbered) {
            e.section = levels->len ? g_array_index(levels, Level, levels->len - 1).paragraph : -1;
            if (skip_space(texts[p], lengths[p], 0) < lengths[p])
                text_since = TRUE;
            g_array_append_val(entries, e);
            continue;
        }
        e.section = (int)p;
        e.heading_like = heading_like(texts[p], lengths[p], &e.marker);
        const JxMarker *m = &e.marker;
        Level here = { m->style, m->number, (int)p, e.heading_like };

        /* which open level this number continues, if any */
        int deepest = -1, continues = -1;
        for (guint i = 0; i < levels->len; i++) {
            const Level *l = &g_array_index(levels, Level, i);
            if (l->style != m->style)
                continue;
            deepest = (int)i;
            if (m->number == l->number + 1)
                continues = (int)i;
        }
        const Level *top = levels->len ? &g_array_index(levels, Level, levels->len - 1) : NULL;
        gboolean nests = m->style != JX_MARK_CHINESE && m->style != JX_MARK_CHINESE_PAREN &&
                         deepest >= 0 && m->number == 1 && deepest == (int)levels->len - 1 &&
                         top->heading_like && top->paragraph == last_numbered && !text_since;
        if (m->annex) {
            g_array_set_size(levels, 0);   /* the annex list stands on its own */
            g_array_append_val(levels, here);
        } else if (deepest < 0 || nests) {
            if (m->style == JX_MARK_CHINESE)
                g_array_set_size(levels, 0);   /* 一、 is always the top level */
            if (m->number != 1)
                issue(issues, JX_OUTLINE_SKIPPED, (int)p, -1, 1);
            g_array_append_val(levels, here);
        } else {
            int at = continues >= 0 ? continues : deepest;
            Level *l = &g_array_index(levels, Level, at);
            if (continues < 0 && !(m->number == 1 && text_since)) {
                JxOutlineProblem problem = m->number == l->number ? JX_OUTLINE_REPEATED
                                         : m->number > l->number ? JX_OUTLINE_SKIPPED
                                                                 : JX_OUTLINE_ORDER;
                issue(issues, problem, (int)p, l->paragraph, l->number + 1);
            }
            *l = here;
            g_array_set_size(levels, (guint)at + 1);
        }
        guint depth = levels->len;
        e.parent = depth >= 2 ? g_array_index(levels, Level, depth - 2).paragraph : -1;
        last_numbered = (int)p;
        text_since = FALSE;
        g_array_append_val(entries, e);
    }
}

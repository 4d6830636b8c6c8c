/*
 * review_doc.c: a report read once for all the checks: its outline, the
 * figures of each paragraph, its department and year; and the small text
 * helpers the checks share.
 */
#include "core/review_doc.h"

#include <string.h>

#include "core/amounts.h"
#include "core/numerals.h"

/* --- reading the text -------------------------------------------------------- */

gunichar jx_review_char_at(const JxReviewPara *para, gsize i)
{
    return i < para->length ? g_utf8_get_char(para->text + i) : 0;
}

gsize jx_review_next(const JxReviewPara *para, gsize i)
{
    return i < para->length ? (gsize)(g_utf8_next_char(para->text + i) - para->text) : para->length;
}

gsize jx_review_prev(const JxReviewPara *para, gsize i)
{
    return i == 0 ? 0 : (gsize)(g_utf8_find_prev_char(para->text, para->text + i) - para->text);
}

gboolean jx_review_at(const JxReviewPara *para, gsize i, const char *word)
{
    gsize n = strlen(word);
    return i + n <= para->length && memcmp(para->text + i, word, n) == 0;
}

static gboolean ends_sentence(gunichar c)
{
    return c == 0x3002 /* 。 */ || c == 0xFF01 /* ！ */ || c == 0xFF1F /* ？ */ || c == '!' ||
           c == '?' || c == 0xFF1B /* ； */ || c == ';';
}

static gboolean ends_clause(gunichar c)
{
    return ends_sentence(c) || c == 0xFF0C /* ， */ || c == ',';
}

static gsize start_after(const JxReviewPara *para, gsize i, gboolean (*ends)(gunichar))
{
    while (i > para->body) {
        gsize prev = jx_review_prev(para, i);
        if (ends(jx_review_char_at(para, prev)))
            break;
        i = prev;
    }
    return MAX(i, para->body);
}

gsize jx_review_clause_start(const JxReviewPara *para, gsize i)
{
    return start_after(para, i, ends_clause);
}

gsize jx_review_sentence_start(const JxReviewPara *para, gsize i)
{
    return start_after(para, i, ends_sentence);
}

gsize jx_review_sentence_end(const JxReviewPara *para, gsize i)
{
    while (i < para->length) {
        gunichar c = jx_review_char_at(para, i);
        i = jx_review_next(para, i);
        if (ends_sentence(c))
            break;
    }
    return i;
}

static gboolean is_filler(gunichar c)
{
    return g_unichar_isspace(c) || c == 0x3000 || c == 0xFF1A /* ： */ || c == ':' ||
           c == 0x201C || c == 0x201D || c == '"' || c == 0x2018 || c == 0x2019 ||
           c == 0x300C || c == 0x300D || c == 0x3001 /* 、 */ || c == 0xFF0C || c == ',' ||
           c == 0x3002 || c == 0xFF1B || c == ';';
}

/* Words that tie a label to its figure: "支出规模为", "合计", "共计". */
static const char *const copulas[] = {
    "合计为", "共计", "合计", "总计", "累计", "约为", "为", "是", "达", "共", "计", "约", "有",
};

char *jx_review_label(const JxReviewPara *para, gsize start, gsize end)
{
    GString *label = g_string_new(NULL);
    for (gsize i = start; i < end && i < para->length; i = jx_review_next(para, i)) {
        gunichar c = jx_review_char_at(para, i);
        if (g_unichar_isspace(c) || c == 0x3000 || c == 0x201C || c == 0x201D || c == '"')
            continue;
        g_string_append_unichar(label, c);
    }
    gboolean changed = TRUE;
    while (changed && label->len > 0) {
        changed = FALSE;
        const char *last = g_utf8_find_prev_char(label->str, label->str + label->len);
        if (is_filler(g_utf8_get_char(last))) {
            g_string_truncate(label, (gsize)(last - label->str));
            changed = TRUE;
            continue;
        }
        if (g_utf8_get_char(label->str) != 0 && is_filler(g_utf8_get_char(label->str))) {
            g_string_erase(label, 0, g_utf8_next_char(label->str) - label->str);
            changed = TRUE;
            continue;
        }
        /* "一是…，二是…": the enumeration is not part of the label */
        const char *second = g_utf8_next_char(label->str);
        if (jx_numeral_digit_value(g_utf8_get_char(label->str)) > 0 && g_str_has_prefix(second, "是") &&
            label->len > (gsize)(second - label->str) + strlen("是")) {
            g_string_erase(label, 0, (second - label->str) + (gssize)strlen("是"));
            changed = TRUE;
            continue;
        }
        for (gsize k = 0; k < G_N_ELEMENTS(copulas); k++)
            if (g_str_has_suffix(label->str, copulas[k]) && label->len > strlen(copulas[k])) {
                g_string_truncate(label, label->len - strlen(copulas[k]));
                changed = TRUE;
                break;
            }
    }
    return g_string_free(label, FALSE);
}

char *jx_review_amount_text(double value)
{
    return jx_format_fixed(value, 2, FALSE);
}

/* --- what the report says of itself --------------------------------------------- */

static char *strip_copy(const char *start, const char *end)
{
    g_autofree char *copy = g_strndup(start, (gsize)(end - start));
    GString *s = g_string_new(NULL);
    for (const char *p = copy; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (!g_unichar_isspace(c) && c != 0x3000 && c != 0xFEFF)
            g_string_append_unichar(s, c);
    }
    return g_string_free(s, FALSE);
}

/* 单位名称（盖章）：沅江市科学技术协会, or the title 沅江市科学技术协会2023年度部门整体支出绩效自评报告. */
static char *find_department(const JxReviewDoc *doc)
{
    static const char *const titles[] = { "部门整体支出绩效自评报告", "整体支出绩效自评报告", "绩效自评报告" };
    for (guint p = 0; p < doc->n; p++) {
        const char *text = doc->paras[p].text;
        const char *name = strstr(text, "单位名称");
        if (name == NULL || name - text > 12)
            continue;
        const char *colon = strstr(name, "：");
        if (colon == NULL)
            colon = strchr(name, ':');
        if (colon == NULL)
            continue;
        colon += *colon == ':' ? 1 : strlen("：");
        char *department = strip_copy(colon, text + doc->paras[p].length);
        if (department[0] && g_utf8_strlen(department, -1) <= 40)
            return department;
        g_free(department);
    }
    for (guint p = 0; p < MIN(doc->n, 8u); p++) {
        const char *text = doc->paras[p].text;
        for (gsize k = 0; k < G_N_ELEMENTS(titles); k++) {
            const char *title = strstr(text, titles[k]);
            if (title == NULL)
                continue;
            const char *end = title;
            /* the name ends where the year begins: 沅江市科学技术协会2023年度 */
            for (const char *q = text; q < title; q = g_utf8_next_char(q))
                if (g_ascii_isdigit(*q)) {
                    end = q;
                    break;
                }
            char *department = strip_copy(text, end);
            if (department[0] && g_utf8_strlen(department, -1) <= 40)
                return department;
            g_free(department);
        }
    }
    return NULL;
}

/* The year most often written as 20xx年. */
static int find_year(const JxReviewDoc *doc)
{
    int counts[100] = { 0 }, best = 0;
    for (guint p = 0; p < doc->n; p++) {
        const char *text = doc->paras[p].text;
        for (const char *q = strstr(text, "20"); q != NULL; q = strstr(q + 1, "20")) {
            if (g_ascii_isdigit(q[2]) && g_ascii_isdigit(q[3]) && strncmp(q + 4, "年", strlen("年")) == 0 &&
                (q == text || !g_ascii_isdigit(q[-1])))
                counts[(q[2] - '0') * 10 + (q[3] - '0')]++;
        }
    }
    for (int y = 1; y < 100; y++)
        if (counts[y] > counts[best])
            best = y;
    return counts[best] > 0 ? 2000 + best : 0;
}

JxReviewDoc *jx_review_doc_new(const GPtrArray *paragraphs, const JxReviewRules *rules)
{
    JxReviewDoc *doc = g_new0(JxReviewDoc, 1);
    doc->rules = rules;
    doc->n = paragraphs ? paragraphs->len : 0;
    doc->paras = g_new0(JxReviewPara, doc->n + 1);
    doc->findings = g_ptr_array_new_with_free_func(jx_finding_free);
    const char **texts = g_new0(const char *, doc->n + 1);
    const char **labels = g_new0(const char *, doc->n + 1);
    gsize *lengths = g_new0(gsize, doc->n + 1);
    for (guint p = 0; p < doc->n; p++) {
        const JxReviewParagraph *rp = g_ptr_array_index(paragraphs, p);
        doc->paras[p].text = rp->text ? rp->text : "";
        doc->paras[p].length = strlen(doc->paras[p].text);
        texts[p] = doc->paras[p].text;
        lengths[p] = doc->paras[p].length;
        labels[p] = rp->label;
    }
    g_autoptr(GArray) entries = g_array_new(FALSE, FALSE, sizeof(JxOutlineEntry));
    doc->outline_issues = g_array_new(FALSE, FALSE, sizeof(JxOutlineIssue));
    jx_outline_read(texts, lengths, labels, doc->n, entries, doc->outline_issues);
    for (guint p = 0; p < doc->n; p++) {
        JxReviewPara *para = &doc->paras[p];
        para->outline = g_array_index(entries, JxOutlineEntry, p);
        para->body = para->outline.marker.style != JX_MARK_NONE ? para->outline.marker.end : 0;
        para->figures = jx_figures_scan(para->text + para->body, para->length - para->body);
        for (guint f = 0; f < para->figures->len; f++) {
            JxFigure *figure = &g_array_index(para->figures, JxFigure, f);
            figure->start += para->body;
            figure->end += para->body;
            figure->number += para->body;
        }
    }
    g_free(texts);
    g_free(labels);
    g_free(lengths);
    doc->department = find_department(doc);
    doc->year = find_year(doc);
    return doc;
}

void jx_review_doc_free(JxReviewDoc *doc)
{
    if (doc == NULL)
        return;
    for (guint p = 0; p < doc->n; p++)
        if (doc->paras[p].figures)
            g_array_free(doc->paras[p].figures, TRUE);
    g_free(doc->paras);
    g_free(doc->department);
    if (doc->outline_issues)
        g_array_free(doc->outline_issues, TRUE);
    if (doc->findings)
        g_ptr_array_unref(doc->findings);
    g_free(doc);
}

void jx_review_doc_add(JxReviewDoc *doc, JxFindingCode code, guint p, gsize start, gsize end,
                       char *zh, char *en)
{
    const JxReviewPara *para = &doc->paras[p];
    start = MIN(start, para->length);
    end = MAX(MIN(end, para->length), start);
    /* the words, without the white space around them */
    while (start < end && g_unichar_isspace(jx_review_char_at(para, start)))
        start = jx_review_next(para, start);
    while (end > start && g_unichar_isspace(jx_review_char_at(para, jx_review_prev(para, end))))
        end = jx_review_prev(para, end);
    glong first = g_utf8_pointer_to_offset(para->text, para->text + start);
    glong after = g_utf8_pointer_to_offset(para->text, para->text + end);
    JxFinding *f = jx_finding_new_texts(code, -1, (int)p, (int)first, zh, en);
    jx_finding_set_range(f, (int)p, (int)MAX(after - 1, first));
    g_ptr_array_add(doc->findings, f);
}

/*
 * review_sums.c: a total and its parts.
 *
 * Two forms are read:
 *   - in one sentence: a figure, then 其中/包括 and parts, each a label and
 *     a figure, separated by ，、；:
 *     "工资福利支出273.77万元，包括基本工资、绩效工资、津补贴115.87万元，奖金37.66万元…。"
 *   - over paragraphs: a figure, then 其中/包括 ending the paragraph, then
 *     numbered items each beginning with a label and a figure:
 *     "我单位基本支出：273.77万元，其中。" + "1. 工资福利支出273.77万元，…".
 * Anything else between the parts ends the list, and so does a figure that
 * is a change or a share ("比上年增加5万元").
 *
 * Parts that add up to more than their total are always wrong (其中 means
 * "of which").  Parts that add up to less are wrong only when the list
 * claims to be whole: it ends cleanly at the end of its sentence (or list),
 * has two parts or more, no 等, and either says 包括 / 包含, or has a
 * catch-all 其他… part, or its parts are a known whole (整体 = 基本 + 项目;
 * 基本 = 工资福利 + 商品和服务 + 对个人和家庭的补助 + 资本性, or
 * 人员经费 + 公用经费).  Sums use the interval method of the workbook rules
 * (jx_sum_check), each figure with the precision it is written to.
 */
#include "core/review_checks.h"

#include <string.h>

#include "core/amounts.h"
#include "core/review_spending.h"

#define MAX_LABEL_CHARS 30

typedef enum { LIST_OF_WHICH, LIST_ENUMERATED } ListKind;

/* Words that open a list of parts, longest first. */
static const struct { const char *word; ListKind kind; } openers[] = {
    { "其中包括", LIST_ENUMERATED }, { "具体包括", LIST_ENUMERATED }, { "主要包括", LIST_OF_WHICH },
    { "主要有", LIST_OF_WHICH }, { "其中", LIST_OF_WHICH }, { "包括", LIST_ENUMERATED },
    { "包含", LIST_ENUMERATED },
};

/* The classes of spending whose sum is a known whole. */
enum { CLASS_NONE, CLASS_BASIC, CLASS_PROJECT, CLASS_301, CLASS_302, CLASS_303, CLASS_310,
       CLASS_PERSONNEL, CLASS_PUBLIC };

static const struct { const char *word; int id; } classes[] = {
    { "基本支出", CLASS_BASIC }, { "项目支出", CLASS_PROJECT },
    { "工资福利支出", CLASS_301 }, { "工资福利", CLASS_301 },
    { "商品和服务支出", CLASS_302 }, { "商品服务支出", CLASS_302 }, { "商品和服务", CLASS_302 },
    { "对个人和家庭的补助支出", CLASS_303 }, { "对个人和家庭的补助", CLASS_303 },
    { "对个人和家庭补助支出", CLASS_303 }, { "对个人和家庭补助", CLASS_303 },
    { "资本性支出", CLASS_310 }, { "人员经费", CLASS_PERSONNEL }, { "公用经费", CLASS_PUBLIC },
};

static const struct { JxSpendingScope whole; int parts[5]; } wholes[] = {
    { JX_SPENDING_TOTAL, { CLASS_BASIC, CLASS_PROJECT } },
    { JX_SPENDING_BASIC, { CLASS_301, CLASS_302, CLASS_303, CLASS_310 } },
    { JX_SPENDING_BASIC, { CLASS_PERSONNEL, CLASS_PUBLIC } },
};

typedef struct {
    guint paragraph;
    gsize start;             /* where its label begins */
    const JxFigure *figure;
    char *label;
    double value, precision; /* in the total's unit */
} Part;

typedef struct {
    guint paragraph;
    gsize start;
    const JxFigure *figure;
    char *label;
    ListKind kind;
    GArray *parts;           /* Part */
    gboolean clean_end;      /* the list ends with its sentence (or its items) */
    gboolean etc;            /* …等 */
    gsize end;               /* end of the list in the total's paragraph */
    guint last_paragraph;    /* for a list over paragraphs */
} Total;

static void part_clear(gpointer data)
{
    g_free(((Part *)data)->label);
}

static void total_init(Total *t)
{
    memset(t, 0, sizeof *t);
    t->parts = g_array_new(FALSE, TRUE, sizeof(Part));
    g_array_set_clear_func(t->parts, part_clear);
}

static void total_clear(Total *t)
{
    g_free(t->label);
    g_array_free(t->parts, TRUE);
}

static gboolean is_separator(gunichar c)
{
    return c == 0xFF0C /* ， */ || c == ',' || c == 0x3001 /* 、 */ || c == 0xFF1B /* ； */ || c == ';';
}

static gboolean is_space(gunichar c)
{
    return g_unichar_isspace(c) || c == 0x3000;
}

/* A plain label: a few words without clause marks ("基本工资、绩效工资、津补贴"). */
static gboolean plain_label(const JxReviewPara *para, gsize start, gsize end)
{
    int chars = 0;
    for (gsize i = start; i < end; i = jx_review_next(para, i)) {
        gunichar c = jx_review_char_at(para, i);
        if (c == 0xFF0C || c == ',' || c == 0xFF1B || c == ';' || c == 0x3002 || c == 0xFF1A || c == ':' ||
            c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?' || g_unichar_isdigit(c))
            return FALSE;
        if (!is_space(c))
            chars++;
    }
    return chars > 0 && chars <= MAX_LABEL_CHARS;
}

static gsize skip(const JxReviewPara *para, gsize i, gsize end, gboolean (*what)(gunichar))
{
    while (i < end && what(jx_review_char_at(para, i)))
        i = jx_review_next(para, i);
    return i;
}

static gboolean is_colon(gunichar c)
{
    return c == 0xFF1A || c == ':';
}

/* After a total: [，] 其中|包括 [：]; returns the position after it, or 0. */
static gsize read_opener(const JxReviewPara *para, gsize i, gsize end, ListKind *kind)
{
    i = skip(para, i, end, is_space);
    if (i < end && is_separator(jx_review_char_at(para, i)))
        i = skip(para, jx_review_next(para, i), end, is_space);
    for (gsize k = 0; k < G_N_ELEMENTS(openers); k++)
        if (jx_review_at(para, i, openers[k].word)) {
            *kind = openers[k].kind;
            i += strlen(openers[k].word);
            i = skip(para, i, end, is_space);
            return skip(para, i, end, is_colon);
        }
    return 0;
}

/* Words that make a figure a change or a share, not a part: "比上年增加5万元". */
static const char *const not_part_words[] = {
    "比", "较", "增加", "减少", "增长", "下降", "上年", "同比", "节约", "结余", "结转", "占", "超支", "差额",
};

static gboolean add_part(const JxReviewDoc *doc, Total *t, guint p, gsize label_start, const JxFigure *figure)
{
    const JxReviewPara *para = &doc->paras[p];
    Part part = { p, label_start, figure, NULL, 0, 0 };
    if (figure->kind != JX_FIGURE_MONEY || !plain_label(para, label_start, figure->start) ||
        !jx_figure_in(figure, t->figure->quantity.unit, &part.value, &part.precision))
        return FALSE;
    part.label = jx_review_label(para, label_start, figure->start);
    for (gsize k = 0; k < G_N_ELEMENTS(not_part_words); k++)
        if (strstr(part.label, not_part_words[k]) != NULL) {
            g_free(part.label);
            return FALSE;
        }
    g_array_append_val(t->parts, part);
    return TRUE;
}

/* What follows the last part up to the end of its sentence: nothing (a
 * clean end), 等 (a partial list), or anything else (not a clean end). */
static void read_list_end(const JxReviewPara *para, gsize i, Total *t)
{
    gsize end = jx_review_sentence_end(para, i);
    g_autofree char *rest = jx_review_label(para, i, end);
    t->end = end;
    t->etc = g_str_has_prefix(rest, "等");
    t->clean_end = rest[0] == '\0';
}

/* Parts in the same sentence as total figure f; returns the figure after the list. */
static guint read_inline(const JxReviewDoc *doc, guint p, guint f, Total *t)
{
    const JxReviewPara *para = &doc->paras[p];
    const GArray *figures = para->figures;
    if (f + 1 >= figures->len)
        return f + 1;
    const JxFigure *total = &g_array_index(figures, JxFigure, f);
    const JxFigure *first = &g_array_index(figures, JxFigure, f + 1);
    if (jx_review_sentence_end(para, total->end) < first->end)
        return f + 1;
    gsize label = read_opener(para, total->end, first->start, &t->kind);
    if (label == 0 || !add_part(doc, t, p, label, first))
        return f + 1;
    guint k = f + 2;
    for (; k < figures->len; k++) {
        const JxFigure *before = &g_array_index(figures, JxFigure, k - 1);
        const JxFigure *next = &g_array_index(figures, JxFigure, k);
        gsize i = skip(para, before->end, next->start, is_space);
        if (i >= next->start || !is_separator(jx_review_char_at(para, i)) ||
            jx_review_sentence_end(para, before->end) < next->end)
            break;
        if (!add_part(doc, t, p, jx_review_next(para, i), next))
            break;
    }
    read_list_end(para, g_array_index(figures, JxFigure, k - 1).end, t);
    t->last_paragraph = p;
    return k;
}

/* The figure a numbered item begins with, after a plain label. */
static const JxFigure *item_figure(const JxReviewPara *para)
{
    if (para->figures->len == 0)
        return NULL;
    const JxFigure *figure = &g_array_index(para->figures, JxFigure, 0);
    return plain_label(para, para->body, figure->start) ? figure : NULL;
}

/* Parts over the numbered items after paragraph p, whose last figure f is
 * followed only by 其中/包括. */
static gboolean read_items(const JxReviewDoc *doc, guint p, guint f, Total *t)
{
    const JxReviewPara *para = &doc->paras[p];
    const JxFigure *total = &g_array_index(para->figures, JxFigure, f);
    if (f + 1 != para->figures->len || p + 1 >= doc->n)
        return FALSE;
    gsize after = read_opener(para, total->end, para->length, &t->kind);
    if (after == 0)
        return FALSE;
    g_autofree char *rest = jx_review_label(para, after, para->length);
    if (rest[0] != '\0')
        return FALSE;
    const JxOutlineEntry *first = &doc->paras[p + 1].outline;
    if (first->marker.style == JX_MARK_NONE)
        return FALSE;
    int number = 0;
    gboolean higher = TRUE;   /* the list ended at a number above its items (or the end) */
    guint q = p + 1;
    for (; q < doc->n; q++) {
        const JxOutlineEntry *o = &doc->paras[q].outline;
        if (o->marker.style == JX_MARK_NONE)
            continue;   /* text inside an item belongs to it */
        if (o->marker.style != first->marker.style || o->parent != first->parent) {
            /* a sub-item (under one of the items) belongs to its item */
            gboolean inside = FALSE;
            for (int up = o->parent; up > (int)p && !inside; up = doc->paras[up].outline.parent)
                inside = doc->paras[up].outline.parent == first->parent;
            if (inside)
                continue;
            break;
        }
        if (number > 0 && o->marker.number != number + 1) {
            higher = FALSE;   /* a new list begins */
            break;
        }
        number = o->marker.number;
        const JxFigure *figure = item_figure(&doc->paras[q]);
        if (figure == NULL || !add_part(doc, t, q, doc->paras[q].body, figure))
            return FALSE;   /* an item that is not a part: this is no list of parts */
        t->last_paragraph = q;
    }
    t->clean_end = higher;
    t->end = para->length;
    return t->parts->len > 0;
}

static int class_of(const char *label)
{
    for (gsize k = 0; k < G_N_ELEMENTS(classes); k++)
        if (strcmp(label, classes[k].word) == 0)
            return classes[k].id;
    return CLASS_NONE;
}

static gboolean is_catch_all(const char *label)
{
    return g_str_has_prefix(label, "其他") || g_str_has_prefix(label, "其它");
}

/* Whether the parts claim to be the whole of the total (see the top). */
static gboolean claims_whole(const JxReviewDoc *doc, const Total *t)
{
    if (!t->clean_end || t->etc || t->parts->len < 2)
        return FALSE;
    if (t->kind == LIST_ENUMERATED)
        return TRUE;
    gboolean present[16] = { FALSE };
    for (guint i = 0; i < t->parts->len; i++) {
        const Part *part = &g_array_index(t->parts, Part, i);
        g_autofree char *plain = jx_spending_plain_label(doc, part->label);
        if (is_catch_all(plain))
            return TRUE;
        present[class_of(plain)] = TRUE;
    }
    JxSpendingScope scope;
    JxSpendingMeasure measure;
    if (!jx_spending_of_label(doc, t->label, &scope, &measure) || measure != JX_MEASURE_EXECUTED)
        return FALSE;
    if (scope == JX_SPENDING_NONE)
        scope = jx_spending_scope_at(doc, t->paragraph);
    for (gsize w = 0; w < G_N_ELEMENTS(wholes); w++) {
        if (wholes[w].whole != scope)
            continue;
        gboolean all = TRUE;
        for (gsize k = 0; k < G_N_ELEMENTS(wholes[w].parts) && wholes[w].parts[k]; k++)
            all = all && present[wholes[w].parts[k]];
        if (all)
            return TRUE;
    }
    return FALSE;
}

static void check_total(JxReviewDoc *doc, Total *t)
{
    const char *unit = t->figure->quantity.unit;
    double total, total_precision;
    jx_figure_in(t->figure, unit, &total, &total_precision);
    guint n = t->parts->len;
    double *values = g_new(double, n), *precisions = g_new(double, n), sum = 0;
    for (guint i = 0; i < n; i++) {
        const Part *part = &g_array_index(t->parts, Part, i);
        values[i] = part->value;
        precisions[i] = part->precision;
        sum += part->value;
    }
    double difference;
    gboolean consistent = jx_sum_check(total, total_precision, values, precisions, n, &difference);
    g_free(values);
    g_free(precisions);
    g_autofree char *name = jx_spending_plain_label(doc, t->label);
    g_autofree char *ts = jx_review_amount_text(total);
    if (!consistent && n >= 2 && (difference < 0 || claims_whole(doc, t))) {
        g_autofree char *ss = jx_review_amount_text(sum);
        g_autofree char *ds = jx_review_amount_text(jx_round(difference, 4));
        guint from = g_array_index(t->parts, Part, 0).paragraph;
        g_autofree char *where_zh = from == t->paragraph ? g_strdup("所列")
                                  : g_strdup_printf("第 %u–%u 段所列", from + 1, t->last_paragraph + 1);
        g_autofree char *where_en = from == t->paragraph ? g_strdup("")
                                  : g_strdup_printf(" in paragraphs %u–%u", from + 1, t->last_paragraph + 1);
        char *zh = g_strdup_printf("%s %s %s ≠ %s %u 项之和 %s %s（差 %s）", name, ts, unit, where_zh, n,
                                   ss, unit, ds);
        char *en = g_strdup_printf("%s %s %s ≠ sum of the %u parts listed%s %s %s (difference %s)", name, ts,
                                   unit, n, where_en, ss, unit, ds);
        jx_review_doc_add(doc, JX_FINDING_SUM_MISMATCH, t->paragraph, t->start, t->end, zh, en);
    }
    for (guint i = 0; i < n && total >= 0; i++) {
        const Part *part = &g_array_index(t->parts, Part, i);
        if (part->value - part->precision / 2 <= total + total_precision / 2 + 1e-9)
            continue;
        g_autofree char *vs = jx_review_amount_text(part->value);
        char *zh = g_strdup_printf("%s %s %s 大于合计 %s %s %s", part->label, vs, unit, name, ts, unit);
        char *en = g_strdup_printf("%s %s %s is larger than its total %s %s %s", part->label, vs, unit, name,
                                   ts, unit);
        jx_review_doc_add(doc, JX_FINDING_PART_EXCEEDS_TOTAL, part->paragraph, part->start, part->figure->end, zh, en);
    }
}

void jx_review_check_sums(JxReviewDoc *doc)
{
    for (guint p = 0; p < doc->n; p++) {
        const JxReviewPara *para = &doc->paras[p];
        for (guint f = 0; f < para->figures->len;) {
            const JxFigure *figure = &g_array_index(para->figures, JxFigure, f);
            if (figure->kind != JX_FIGURE_MONEY) {
                f++;
                continue;
            }
            Total t;
            total_init(&t);
            t.paragraph = p;
            t.figure = figure;
            t.label = jx_review_figure_label(doc, p, f, &t.start);
            guint next = f + 1;
            gboolean found = t.label[0] != '\0';
            if (found) {
                next = read_inline(doc, p, f, &t);
                found = t.parts->len > 0;
                if (!found) {
                    g_array_set_size(t.parts, 0);
                    found = read_items(doc, p, f, &t);
                }
            }
            if (found)
                check_total(doc, &t);
            total_clear(&t);
            f = MAX(next, f + 1);
        }
    }
}

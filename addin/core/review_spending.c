/*
 * review_spending.c: which figures are the department's spending, and the
 * check that each is quoted with one value (see review_spending.h).
 */
#include "core/review_spending.h"

#include <math.h>
#include <string.h>

#include "core/amounts.h"
#include "core/review_checks.h"

#define AMOUNT_UNIT "万元"

static const struct { const char *word; JxSpendingScope scope; const char *name[2]; } scopes[] = {
    { "部门整体支出", JX_SPENDING_TOTAL, { "整体支出", "total expenditure" } },
    { "整体支出", JX_SPENDING_TOTAL, { "整体支出", "total expenditure" } },
    { "基本支出", JX_SPENDING_BASIC, { "基本支出", "basic expenditure" } },
    { "项目支出", JX_SPENDING_PROJECT, { "项目支出", "project expenditure" } },
};

/* What may follow a scope word: "整体支出规模", "基本支出全年预算数". */
static const struct { const char *word; JxSpendingMeasure measure; } scope_suffixes[] = {
    { "", JX_MEASURE_EXECUTED }, { "规模", JX_MEASURE_EXECUTED }, { "总额", JX_MEASURE_EXECUTED },
    { "全年执行数", JX_MEASURE_EXECUTED }, { "执行数", JX_MEASURE_EXECUTED },
    { "实际支出", JX_MEASURE_EXECUTED }, { "决算数", JX_MEASURE_EXECUTED },
    { "年初预算", JX_MEASURE_BUDGET_INITIAL }, { "年初预算数", JX_MEASURE_BUDGET_INITIAL },
    { "全年预算", JX_MEASURE_BUDGET_FULL }, { "全年预算数", JX_MEASURE_BUDGET_FULL },
    { "调整后预算", JX_MEASURE_BUDGET_FULL }, { "调整后预算数", JX_MEASURE_BUDGET_FULL },
};

/* Labels that name the department's whole spending without a scope word. */
static const char *const total_words[] = { "总支出", "全年总支出", "年度总支出" };

/* General labels: their scope comes from the section. */
static const struct { const char *word; JxSpendingMeasure measure; } general_words[] = {
    { "全年支出", JX_MEASURE_EXECUTED }, { "实际支出", JX_MEASURE_EXECUTED },
    { "资金支出", JX_MEASURE_EXECUTED }, { "实际资金支出", JX_MEASURE_EXECUTED },
    { "全年实际支出", JX_MEASURE_EXECUTED }, { "全年执行数", JX_MEASURE_EXECUTED },
    { "实际执行数", JX_MEASURE_EXECUTED }, { "全年实际执行数", JX_MEASURE_EXECUTED },
    { "执行数", JX_MEASURE_EXECUTED }, { "支出总额", JX_MEASURE_EXECUTED },
    { "全年支出总额", JX_MEASURE_EXECUTED },
    { "年初预算", JX_MEASURE_BUDGET_INITIAL }, { "年初预算数", JX_MEASURE_BUDGET_INITIAL },
    { "年初部门预算", JX_MEASURE_BUDGET_INITIAL }, { "年初预算总额", JX_MEASURE_BUDGET_INITIAL },
    { "全年预算", JX_MEASURE_BUDGET_FULL }, { "全年预算数", JX_MEASURE_BUDGET_FULL },
    { "调整后预算", JX_MEASURE_BUDGET_FULL }, { "调整后预算数", JX_MEASURE_BUDGET_FULL },
    { "全年预算总额", JX_MEASURE_BUDGET_FULL },
};

/* Who is spending, and when, written before a label: dropped. */
static const char *const subjects[] = {
    "其中", "包括", "我单位", "本单位", "我部门", "本部门", "我会", "本会", "我局", "本局", "我委",
    "我院", "我中心", "我办", "我校", "我站", "我所", "本级", "本年度", "本年", "当年", "的",
};

/* Standard sections that pass a scope on to what they hold. */
static const char *const standard_sections[] = {
    "部门基本情况", "一般公共预算", "部门整体", "整体支出", "绩效目标", "绩效指标", "部门绩效",
    "成本指标", "产出指标", "效益指标", "满意度指标", "服务对象满意度", "预算执行", "预算完成",
    "支出规模", "自评",
};

/* Labels of an indicator's actual value. */
static const char *const actual_words[] = { "实际完成值", "实际完成情况", "实际完成", "实际值", "完成值" };

static gboolean strip_prefix(GString *s, const char *word)
{
    gsize n = strlen(word);
    if (n == 0 || s->len < n || strncmp(s->str, word, n) != 0)
        return FALSE;
    g_string_erase(s, 0, (gssize)n);
    return TRUE;
}

/* Removes every 20xx年(度) from s; FALSE if one is not the report's year. */
static gboolean strip_years(GString *s, int year)
{
    for (gsize i = 0; i + 4 < s->len;) {
        if (s->str[i] == '2' && s->str[i + 1] == '0' && g_ascii_isdigit(s->str[i + 2]) &&
            g_ascii_isdigit(s->str[i + 3]) && strncmp(s->str + i + 4, "年", strlen("年")) == 0 &&
            (i == 0 || !g_ascii_isdigit(s->str[i - 1]))) {
            int y = 2000 + (s->str[i + 2] - '0') * 10 + (s->str[i + 3] - '0');
            if (year != 0 && y != year)
                return FALSE;
            gsize n = 4 + strlen("年");
            if (strncmp(s->str + i + n, "度", strlen("度")) == 0)
                n += strlen("度");
            g_string_erase(s, (gssize)i, (gssize)n);
            continue;
        }
        i++;
    }
    return TRUE;
}

/* Marks left in front once a word before them is gone: "其中：基本支出". */
static const char *const leading_marks[] = { "：", ":", "、", "，", "," };

static void strip_subjects(const JxReviewDoc *doc, GString *s)
{
    for (gboolean again = TRUE; again;) {
        again = doc->department && strip_prefix(s, doc->department);
        for (gsize k = 0; k < G_N_ELEMENTS(subjects) && !again; k++)
            again = strip_prefix(s, subjects[k]);
        for (gsize k = 0; k < G_N_ELEMENTS(leading_marks) && !again; k++)
            again = strip_prefix(s, leading_marks[k]);
    }
}

char *jx_spending_plain_label(const JxReviewDoc *doc, const char *label)
{
    GString *s = g_string_new(label);
    strip_years(s, 0);
    strip_subjects(doc, s);
    if (s->len == 0) {
        g_string_free(s, TRUE);
        return g_strdup(label);
    }
    return g_string_free(s, FALSE);
}

gboolean jx_spending_of_label(const JxReviewDoc *doc, const char *label,
                              JxSpendingScope *scope, JxSpendingMeasure *measure)
{
    g_autoptr(GString) s = g_string_new(label);
    if (!strip_years(s, doc->year))
        return FALSE;
    strip_subjects(doc, s);
    for (gsize k = 0; k < G_N_ELEMENTS(scopes); k++) {
        gsize n = strlen(scopes[k].word);
        if (strncmp(s->str, scopes[k].word, n) != 0)
            continue;
        for (gsize m = 0; m < G_N_ELEMENTS(scope_suffixes); m++)
            if (strcmp(s->str + n, scope_suffixes[m].word) == 0) {
                *scope = scopes[k].scope;
                *measure = scope_suffixes[m].measure;
                return TRUE;
            }
    }
    for (gsize k = 0; k < G_N_ELEMENTS(total_words); k++)
        if (strcmp(s->str, total_words[k]) == 0) {
            *scope = JX_SPENDING_TOTAL;
            *measure = JX_MEASURE_EXECUTED;
            return TRUE;
        }
    for (gsize k = 0; k < G_N_ELEMENTS(general_words); k++)
        if (strcmp(s->str, general_words[k].word) == 0) {
            *scope = JX_SPENDING_NONE;
            *measure = general_words[k].measure;
            return TRUE;
        }
    return FALSE;
}

/* --- sections ------------------------------------------------------------------ */

/* The one scope a title names ("（二）项目支出。", "九、部门整体支出绩效情况"),
 * NONE if it names none or several. */
static JxSpendingScope scope_of_title(const char *title)
{
    JxSpendingScope found = JX_SPENDING_NONE;
    for (gsize k = 0; k < G_N_ELEMENTS(scopes); k++)
        if (strstr(title, scopes[k].word) != NULL) {
            if (found != JX_SPENDING_NONE && found != scopes[k].scope)
                return JX_SPENDING_NONE;
            found = scopes[k].scope;
        }
    return found;
}

static gboolean is_standard_section(const char *title)
{
    for (gsize k = 0; k < G_N_ELEMENTS(standard_sections); k++)
        if (g_str_has_prefix(title, standard_sections[k]))
            return TRUE;
    return FALSE;
}

/* The heading of paragraph p, or the "X：" its text begins with when X holds
 * no figure ("院士专家办公室工作经费专项：全年预算数…").  NULL if neither. */
static char *subject_of(const JxReviewDoc *doc, guint p)
{
    const JxReviewPara *para = &doc->paras[p];
    gsize start, end;
    if (para->outline.marker.style != JX_MARK_NONE) {
        jx_outline_title(para->text, para->length, &para->outline.marker, &start, &end);
        return jx_review_label(para, start, end);
    }
    const char *colon = g_strstr_len(para->text, (gssize)para->length, "：");
    if (colon == NULL)
        return NULL;
    end = (gsize)(colon - para->text);
    if (g_utf8_strlen(para->text, (gssize)end) > 30)
        return NULL;
    gsize after = end + strlen("：");
    if (para->figures->len > 0) {
        const JxFigure *first = &g_array_index(para->figures, JxFigure, 0);
        g_autofree char *between = first->start >= after ? jx_review_label(para, after, first->start) : NULL;
        if (between == NULL || between[0] == '\0')
            return NULL;   /* "支出：410.41万元" is a label and its figure */
    }
    return jx_review_label(para, 0, end);
}

/* TRUE (and *scope) when a heading settles the scope; FALSE when it passes
 * the question on to the section above. */
static gboolean heading_decides(const char *title, JxSpendingScope *scope)
{
    *scope = scope_of_title(title);
    return *scope != JX_SPENDING_NONE || !is_standard_section(title);
}

JxSpendingScope jx_spending_scope_at(const JxReviewDoc *doc, guint p)
{
    JxSpendingScope scope = JX_SPENDING_NONE;
    const JxReviewPara *para = &doc->paras[p];
    g_autofree char *subject = subject_of(doc, p);
    if (subject && heading_decides(subject, &scope))
        return scope;
    int q = para->outline.marker.style != JX_MARK_NONE ? para->outline.parent : para->outline.section;
    for (int guard = 0; q >= 0 && guard < 64; guard++) {
        g_autofree char *title = subject_of(doc, (guint)q);
        if (title == NULL || heading_decides(title, &scope))
            return scope;
        q = doc->paras[q].outline.parent;
    }
    return JX_SPENDING_NONE;
}

/* --- figures --------------------------------------------------------------------- */

char *jx_review_figure_label(const JxReviewDoc *doc, guint p, guint f, gsize *start)
{
    const JxReviewPara *para = &doc->paras[p];
    const JxFigure *figure = &g_array_index(para->figures, JxFigure, f);
    gsize from = jx_review_clause_start(para, figure->start);
    if (f > 0)
        from = MAX(from, g_array_index(para->figures, JxFigure, f - 1).end);
    if (start)
        *start = from;
    return jx_review_label(para, from, figure->start);
}

/* An indicator's actual value named after a spending: "部门整体支出：年度指标值…，实际完成值410.42万元". */
static gboolean indicator_actual(const JxReviewDoc *doc, guint p, const char *label,
                                 JxSpendingScope *scope, JxSpendingMeasure *measure)
{
    gboolean actual = FALSE;
    for (gsize k = 0; k < G_N_ELEMENTS(actual_words) && !actual; k++)
        actual = strcmp(label, actual_words[k]) == 0;
    g_autofree char *subject = actual ? subject_of(doc, p) : NULL;
    return subject && jx_spending_of_label(doc, subject, scope, measure) && *scope != JX_SPENDING_NONE &&
           *measure == JX_MEASURE_EXECUTED;
}

/* A figure's amount in 万元: a figure in money, or a bare number after the
 * first figure in money of its paragraph, the way an indicator's actual
 * takes its target's unit ("年度指标值≤537.44万元，实际完成值523.81"). */
static gboolean money_of(const JxReviewPara *para, guint f, double *value, double *precision)
{
    const JxFigure *figure = &g_array_index(para->figures, JxFigure, f);
    if (figure->kind == JX_FIGURE_MONEY)
        return jx_figure_in(figure, AMOUNT_UNIT, value, precision);
    if (figure->kind != JX_FIGURE_BARE || f == 0)
        return FALSE;
    const JxFigure *target = &g_array_index(para->figures, JxFigure, 0);
    if (target->kind != JX_FIGURE_MONEY || !g_strstr_len(para->text, (gssize)target->start, "指标值"))
        return FALSE;
    JxFigure in_unit = *figure;
    g_strlcpy(in_unit.quantity.unit, target->quantity.unit, sizeof in_unit.quantity.unit);
    return jx_figure_in(&in_unit, AMOUNT_UNIT, value, precision);
}

/* A general label speaks for its section only in a sentence that begins
 * with the year, the department (我单位 …) or a spending label itself:
 * "2023年度，我单位…，实际资金支出：114.41万元", "全年预算数…，全年执行数…".  A
 * sentence that begins with something else ("科普专项全年预算数50万元，实际支出
 * 45万元") is about that. */
static gboolean speaks_for_section(const JxReviewDoc *doc, guint p, gsize at)
{
    const JxReviewPara *para = &doc->paras[p];
    gsize start = jx_review_sentence_start(para, at);
    while (start < at && g_unichar_isspace(jx_review_char_at(para, start)))
        start = jx_review_next(para, start);
    const char *s = para->text + start;
    if (s[0] == '2' && s[1] == '0' && g_ascii_isdigit(s[2]) && g_ascii_isdigit(s[3]) &&
        g_str_has_prefix(s + 4, "年"))
        return TRUE;
    if (doc->department && g_str_has_prefix(s, doc->department))
        return TRUE;
    for (gsize k = 0; k < G_N_ELEMENTS(subjects); k++)
        if (g_str_has_prefix(s, subjects[k]))
            return TRUE;
    for (gsize k = 0; k < G_N_ELEMENTS(general_words); k++)
        if (g_str_has_prefix(s, general_words[k].word))
            return TRUE;
    for (gsize k = 0; k < G_N_ELEMENTS(scopes); k++)
        if (g_str_has_prefix(s, scopes[k].word))
            return TRUE;
    for (gsize k = 0; k < G_N_ELEMENTS(total_words); k++)
        if (g_str_has_prefix(s, total_words[k]))
            return TRUE;
    return FALSE;
}

typedef struct {
    gboolean seen;
    guint paragraph;
    double value, precision;
} Quote;

static char *spending_name(JxSpendingScope scope, JxSpendingMeasure measure, JxLang lang)
{
    const char *base = "";
    for (gsize k = 0; k < G_N_ELEMENTS(scopes); k++)
        if (scopes[k].scope == scope)
            base = scopes[k].name[lang];
    static const char *const measures[][2] = {
        { "", "" }, { "年初预算", "initial budget of " }, { "全年预算", "full-year budget of " },
    };
    return lang == JX_LANG_ZH ? g_strconcat(base, measures[measure][0], NULL)
                              : g_strconcat(measures[measure][1], base, NULL);
}

static void compare(JxReviewDoc *doc, const Quote *first, guint p, gsize start, const JxFigure *figure,
                    double value, double precision, JxSpendingScope scope, JxSpendingMeasure measure,
                    const char *label)
{
    double difference = jx_round(value - first->value, 9);
    /* a figure written more roughly ("410万元") stands for all it rounds from */
    double coarse = fabs(precision - first->precision) > 1e-12 ? MAX(precision, first->precision) : 0;
    if (fabs(difference) <= coarse / 2 + 1e-9)
        return;
    gboolean rounding = fabs(difference) <= doc->rules->note_limit + 1e-9;
    g_autofree char *name_zh = spending_name(scope, measure, JX_LANG_ZH);
    g_autofree char *name_en = spending_name(scope, measure, JX_LANG_EN);
    g_autofree char *here = jx_review_amount_text(value);
    g_autofree char *there = jx_review_amount_text(first->value);
    g_autofree char *ds = jx_review_amount_text(difference);
    g_autofree char *as_zh = strcmp(label, name_zh) != 0 ? g_strdup_printf("（“%s”）", label) : g_strdup("");
    g_autofree char *as_en = strcmp(label, name_zh) != 0 ? g_strdup_printf(" ('%s')", label) : g_strdup("");
    char *zh = g_strdup_printf("%s%s在此为 %s 万元，第 %u 段为 %s 万元（差 %s%s）", name_zh, as_zh, here,
                               first->paragraph + 1, there, ds, rounding ? "，在舍入范围内" : "");
    char *en = g_strdup_printf("%s%s is %s 万元 here but %s 万元 in paragraph %u (difference %s%s)", name_en,
                               as_en, here, there, first->paragraph + 1, ds, rounding ? ", within rounding" : "");
    jx_review_doc_add(doc, rounding ? JX_FINDING_SAME_ROUNDING : JX_FINDING_SAME_DIFFERS, p, start, figure->end, zh, en);
}

void jx_review_check_spending(JxReviewDoc *doc)
{
    Quote quotes[4][3];
    memset(quotes, 0, sizeof quotes);
    /* (section, measure) pairs whose general figure has been taken */
    g_autoptr(GHashTable) taken = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint p = 0; p < doc->n; p++) {
        const JxReviewPara *para = &doc->paras[p];
        for (guint f = 0; f < para->figures->len; f++) {
            const JxFigure *figure = &g_array_index(para->figures, JxFigure, f);
            double value, precision;
            if (!money_of(para, f, &value, &precision))
                continue;
            gsize start;
            g_autofree char *label = jx_review_figure_label(doc, p, f, &start);
            JxSpendingScope scope;
            JxSpendingMeasure measure;
            if (!jx_spending_of_label(doc, label, &scope, &measure) &&
                !indicator_actual(doc, p, label, &scope, &measure))
                continue;
            if (scope == JX_SPENDING_NONE) {
                gpointer key = GINT_TO_POINTER((para->outline.section + 1) * 4 + (int)measure);
                if (g_hash_table_contains(taken, key))
                    continue;
                g_hash_table_add(taken, key);
                if (!speaks_for_section(doc, p, figure->start))
                    continue;
                scope = jx_spending_scope_at(doc, p);
                if (scope == JX_SPENDING_NONE)
                    continue;
            }
            Quote *first = &quotes[scope][measure];
            if (!first->seen) {
                *first = (Quote){ TRUE, p, value, precision };
                continue;
            }
            compare(doc, first, p, start, figure, value, precision, scope, measure, label);
        }
    }
}

/*
 * review_outline_check.c: section numbers repeated, skipped or out of order,
 * as review_outline.c found them, in words.
 */
#include "core/review_checks.h"

static char *number_of(const JxReviewDoc *doc, int p, int number)
{
    const JxMarker *m = &doc->paras[p].outline.marker;
    return jx_marker_format(m->style, number, m->punctuation);
}

/* “二、” or “二、”至“四、”, quoted */
static char *missing_numbers(const JxReviewDoc *doc, int p, int from, int to, JxLang lang)
{
    g_autofree char *first = number_of(doc, p, from);
    g_autofree char *last = number_of(doc, p, to);
    if (lang == JX_LANG_ZH)
        return from >= to ? g_strdup_printf("“%s”", first) : g_strdup_printf("“%s”至“%s”", first, last);
    return from >= to ? g_strdup_printf("'%s' is", first) : g_strdup_printf("'%s' to '%s' are", first, last);
}

void jx_review_check_outline(JxReviewDoc *doc)
{
    for (guint i = 0; i < doc->outline_issues->len; i++) {
        const JxOutlineIssue *issue = &g_array_index(doc->outline_issues, JxOutlineIssue, i);
        const JxReviewPara *para = &doc->paras[issue->paragraph];
        const JxMarker *m = &para->outline.marker;
        gsize title_start, title_end;
        jx_outline_title(para->text, para->length, m, &title_start, &title_end);
        g_autofree char *here = number_of(doc, issue->paragraph, m->number);
        g_autofree char *before = issue->previous >= 0
                                      ? number_of(doc, issue->previous, doc->paras[issue->previous].outline.marker.number)
                                      : NULL;
        JxFindingCode code = JX_FINDING_N_KINDS;
        char *zh = NULL, *en = NULL;
        switch (issue->problem) {
        case JX_OUTLINE_REPEATED:
            code = JX_FINDING_OUTLINE_REPEATED;
            zh = g_strdup_printf("编号“%s”重复：第 %d 段已用过", here, issue->previous + 1);
            en = g_strdup_printf("the number '%s' is used twice (already in paragraph %d)", here, issue->previous + 1);
            break;
        case JX_OUTLINE_SKIPPED: {
            code = JX_FINDING_OUTLINE_SKIPPED;
            g_autofree char *gap_zh = missing_numbers(doc, issue->paragraph, issue->expected, m->number - 1, JX_LANG_ZH);
            g_autofree char *gap_en = missing_numbers(doc, issue->paragraph, issue->expected, m->number - 1, JX_LANG_EN);
            if (before) {
                zh = g_strdup_printf("编号从“%s”（第 %d 段）跳到“%s”，缺少%s", before, issue->previous + 1, here, gap_zh);
                en = g_strdup_printf("the numbering jumps from '%s' (paragraph %d) to '%s': %s missing", before,
                                     issue->previous + 1, here, gap_en);
            } else {
                zh = g_strdup_printf("本级编号从“%s”开始，缺少%s", here, gap_zh);
                en = g_strdup_printf("this level starts at '%s': %s missing", here, gap_en);
            }
            break;
        }
        case JX_OUTLINE_ORDER:
            code = JX_FINDING_OUTLINE_ORDER;
            zh = g_strdup_printf("编号“%s”排在“%s”（第 %d 段）之后，顺序颠倒", here, before ? before : "", issue->previous + 1);
            en = g_strdup_printf("'%s' comes after '%s' (paragraph %d): out of order", here, before ? before : "",
                                 issue->previous + 1);
            break;
        default:
            continue;
        }
        gsize start = m->end > m->start ? m->start : title_start;
        jx_review_doc_add(doc, code, (guint)issue->paragraph, start, title_end, zh, en);
    }
}

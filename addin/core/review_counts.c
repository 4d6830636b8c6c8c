/*
 * review_counts.c: counts written in a unit of money.
 *
 * "科普活动受益学生人数辐射范围人数超过6万元": the label ends with a word that
 * counts (人数, 人次, 场次 …) and the figure is in 元/万元.  Only the word
 * right before the figure is read, so "人均支出5万元" and "按人数拨付经费5万元"
 * are left alone.  Indicator lines are checked by review_scores.c, which
 * compares the target's unit with the actual's.
 */
#include "core/review_checks.h"

#include <string.h>

#include "core/review_spending.h"

/* Words that end the label of a count, with whether they count people. */
static const struct { const char *word; gboolean people; } count_words[] = {
    { "人数", TRUE }, { "人次", TRUE }, { "名额", TRUE }, { "人口", TRUE }, { "人员数", TRUE },
    { "次数", FALSE }, { "场次", FALSE }, { "期数", FALSE }, { "个数", FALSE }, { "户数", FALSE },
    { "家数", FALSE }, { "项数", FALSE }, { "件数", FALSE },
};

void jx_review_check_counts(JxReviewDoc *doc)
{
    for (guint p = 0; p < doc->n; p++) {
        const JxReviewPara *para = &doc->paras[p];
        for (guint f = 0; f < para->figures->len; f++) {
            const JxFigure *figure = &g_array_index(para->figures, JxFigure, f);
            if (figure->kind != JX_FIGURE_MONEY)
                continue;
            gsize start;
            g_autofree char *label = jx_review_figure_label(doc, p, f, &start);
            for (gsize k = 0; k < G_N_ELEMENTS(count_words); k++) {
                if (!g_str_has_suffix(label, count_words[k].word))
                    continue;
                g_autofree char *written = g_strndup(para->text + figure->start, figure->end - figure->start);
                char *zh, *en;
                if (count_words[k].people) {
                    zh = g_strdup_printf("“%s”是人数，却写成了“%s”（货币单位）", label, written);
                    en = g_strdup_printf("'%s' counts people, but is written '%s', in a unit of money", label, written);
                } else {
                    zh = g_strdup_printf("“%s”是计数，却写成了“%s”（货币单位）", label, written);
                    en = g_strdup_printf("'%s' is a count, but is written '%s', in a unit of money", label, written);
                }
                jx_review_doc_add(doc, count_words[k].people ? JX_FINDING_PEOPLE_IN_MONEY : JX_FINDING_COUNT_IN_MONEY, p,
                                  start, figure->end, zh, en);
                break;
            }
        }
    }
}

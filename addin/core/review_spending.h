/*
 * review_spending.h: the department's spending as the report names it:
 * 整体支出 (total), 基本支出 (basic), 项目支出 (projects), each executed or
 * budgeted (年初预算, 全年预算), and the check that each is quoted with one
 * value throughout the report.
 *
 * A figure names one of them when its label does:
 *   - explicitly: "整体支出规模为：410.41万元", "其中基本支出：273.77万元",
 *     the department's name, the report's year and 我单位 aside;
 *   - through its section, for a general label such as 全年支出, 实际资金支出,
 *     全年执行数, 年初预算数: "（二）项目支出。…实际资金支出：114.41万元".  The
 *     section must name the scope itself or sit under one that does with
 *     only standard sections between (绩效目标完成情况, 成本指标 …); a
 *     heading of anything else (a project, 科普专项) leaves the figure alone.
 *     Only the first such figure of a section counts: it is the section's
 *     own figure, later ones may be its parts;
 *   - as the 实际完成值 of an indicator named after it ("部门整体支出：…，
 *     实际完成值410.42万元").
 * Another year (上年, 2022年) or a comparison (比上年增加, 节约) names none.
 */
#ifndef JX_CORE_REVIEW_SPENDING_H
#define JX_CORE_REVIEW_SPENDING_H

#include "core/review_doc.h"

G_BEGIN_DECLS

typedef enum {
    JX_SPENDING_NONE,
    JX_SPENDING_TOTAL,
    JX_SPENDING_BASIC,
    JX_SPENDING_PROJECT,
} JxSpendingScope;

typedef enum {
    JX_MEASURE_EXECUTED,
    JX_MEASURE_BUDGET_INITIAL,
    JX_MEASURE_BUDGET_FULL,
} JxSpendingMeasure;

/* What the label of a figure names, without its section: *scope NONE for a
 * general label.  FALSE if it names no spending of the report's year. */
gboolean jx_spending_of_label(const JxReviewDoc *doc, const char *label,
                              JxSpendingScope *scope, JxSpendingMeasure *measure);

/* label without the year, the department and 我单位/其中/包括 before it:
 * "我单位2023年度整体支出规模" → "整体支出规模".  Newly allocated. */
char *jx_spending_plain_label(const JxReviewDoc *doc, const char *label);

/* The scope a section gives general labels in paragraph p (see above). */
JxSpendingScope jx_spending_scope_at(const JxReviewDoc *doc, guint p);

/* The label of figure f of paragraph p: its clause up to the figure, after
 * the figure before it, as jx_review_label makes it; *start gets where the
 * label's text begins.  Newly allocated. */
char *jx_review_figure_label(const JxReviewDoc *doc, guint p, guint f, gsize *start);

G_END_DECLS

#endif

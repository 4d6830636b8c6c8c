/*
 * review_checks.h: the checks a review runs on a report, one kind per file.
 * Each adds its findings to doc->findings (review.c runs them in turn).
 */
#ifndef JX_CORE_REVIEW_CHECKS_H
#define JX_CORE_REVIEW_CHECKS_H

#include "core/review_doc.h"

G_BEGIN_DECLS

/* review_outline_check.c: section numbers repeated, skipped or out of order
 * (JX-OUTLINE-REPEATED, -SKIPPED, -ORDER). */
void jx_review_check_outline(JxReviewDoc *doc);

/* review_sums.c: a total and its parts, in one sentence ("…支出X万元，其中：
 * A Y万元、B Z万元") or over the numbered items that follow ("基本支出X万元，
 * 其中：" then "1. 工资福利支出…"): JX-SUM-MISMATCH, JX-PART-EXCEEDS-TOTAL. */
void jx_review_check_sums(JxReviewDoc *doc);

/* review_spending.c: the department's spending quoted twice with two values
 * (JX-SAME-DIFFERS, JX-SAME-ROUNDING). */
void jx_review_check_spending(JxReviewDoc *doc);

/* review_counts.c: a count of people (人数, 人次 …) written in a unit of
 * money (JX-PEOPLE-IN-MONEY). */
void jx_review_check_counts(JxReviewDoc *doc);

/* review_scores.c: rates against the figures they come from, indicator lines
 * (年度指标值 …，实际完成值 …，完成率 …，得分 …（分值 …）), 总分 against the
 * scores, 等级 against 总分 (JX-RATE-MISMATCH, JX-SCORE-ABOVE-WEIGHT,
 * JX-SCORE-MISMATCH, JX-SCORE-OUTSIDE-BAND, JX-PEOPLE-IN-MONEY,
 * JX-SUM-MISMATCH, JX-GRADE-MISMATCH). */
void jx_review_check_scores(JxReviewDoc *doc);

G_END_DECLS

#endif

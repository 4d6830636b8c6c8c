/*
 * review_doc.h: a report as the review's checks see it: each paragraph with
 * its place in the outline and its figures, what the report says of itself
 * (department, year), and where the findings go.  Shared by review_*.c;
 * not a public API.
 *
 * Positions are byte offsets into a paragraph's UTF-8 text; findings are
 * placed in characters when they are made (jx_review_doc_add).
 */
#ifndef JX_CORE_REVIEW_DOC_H
#define JX_CORE_REVIEW_DOC_H

#include <glib.h>

#include "core/review.h"
#include "core/review_figures.h"
#include "core/review_outline.h"

G_BEGIN_DECLS

typedef struct {
    const char *text;
    gsize length;
    JxOutlineEntry outline;
    gsize body;              /* where the text after the paragraph's number begins */
    GArray *figures;         /* JxFigure, of the body */
} JxReviewPara;

typedef struct {
    const JxReviewRules *rules;
    JxReviewPara *paras;
    guint n;
    char *department;        /* the department's name as the report gives it, or NULL */
    int year;                /* the year the report is about, 0 if not found */
    GArray *outline_issues;  /* JxOutlineIssue */
    GPtrArray *findings;     /* JxFinding* */
} JxReviewDoc;

JxReviewDoc *jx_review_doc_new(const GPtrArray *paragraphs, const JxReviewRules *rules);
void jx_review_doc_free(JxReviewDoc *doc);   /* the findings are left to the caller */

/* Adds a finding of kind code at bytes [start, end) of paragraph p, taking
 * over the two texts. */
void jx_review_doc_add(JxReviewDoc *doc, JxFindingCode code, guint p, gsize start, gsize end,
                       char *zh, char *en);

/* --- reading the text ------------------------------------------------------ */

gunichar jx_review_char_at(const JxReviewPara *para, gsize i);
gsize jx_review_next(const JxReviewPara *para, gsize i);
gsize jx_review_prev(const JxReviewPara *para, gsize i);

/* TRUE if text[i…] begins with word. */
gboolean jx_review_at(const JxReviewPara *para, gsize i, const char *word);

/* Where the clause holding byte i begins / the sentence holding i begins
 * and ends.  Clauses end at ，,；;。！？!?, sentences at ；;。！？!?. */
gsize jx_review_clause_start(const JxReviewPara *para, gsize i);
gsize jx_review_sentence_start(const JxReviewPara *para, gsize i);
gsize jx_review_sentence_end(const JxReviewPara *para, gsize i);

/* text[start, end) without white space, quotes and the colons and copulas
 * that tie a label to its figure (为 是 达 共 计 合计 共计 总计 累计 约 有),
 * newly allocated: "整体支出规模为：" → "整体支出规模". */
char *jx_review_label(const JxReviewPara *para, gsize start, gsize end);

/* An amount in 万元 with two decimals, or as written when the figures are
 * in another unit: "273.77".  Newly allocated. */
char *jx_review_amount_text(double value);

G_END_DECLS

#endif

/*
 * review_outline.h: the outline of a report, from the numbers that begin
 * its paragraphs.
 *
 * A 公文 numbers its levels 一、 （一） 1. （1）; reports also write 1、 and
 * ①, and do not always keep that order (（1） above 1、 in the reference
 * report).  So a level is known by its style of number, not by its depth:
 * a style seen for the first time opens a level below the current one, a
 * style already open continues its level.  1. and 1、 are one style, as are
 * （1） and (1).
 *
 * Two readings keep the checks from calling a well-numbered report wrong:
 *   - an item numbered 1 right after a short, heading-like item of the same
 *     style opens a level below it ("2.产出指标" then "1.建立专家工作站…");
 *     only for the item styles (1. （1） ①), never for 一、 or （一）;
 *   - a list numbered from 1 again after a paragraph of plain text is a new
 *     list, not a repetition.
 */
#ifndef JX_CORE_REVIEW_OUTLINE_H
#define JX_CORE_REVIEW_OUTLINE_H

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
    JX_MARK_NONE,
    JX_MARK_CHINESE,        /* 一、 */
    JX_MARK_CHINESE_PAREN,  /* （一） */
    JX_MARK_ARABIC,         /* 1. 1、 1． */
    JX_MARK_ARABIC_PAREN,   /* （1） (1) */
    JX_MARK_CIRCLED,        /* ① */
} JxMarkStyle;

typedef struct {
    JxMarkStyle style;
    int number;              /* ≥ 1 */
    gsize start, end;        /* bytes of the number in the text ("十二、") */
    char punctuation[8];     /* what follows an ARABIC or CHINESE number: "." "、" "．" */
    gboolean annex;          /* written after 附件： — the annex list begins */
} JxMarker;

/* The number that begins text (after white space), if any. */
gboolean jx_marker_read(const char *text, gsize length, JxMarker *marker);

/* A number written in a style: (CHINESE, 2, "、") → "二、", (ARABIC_PAREN,
 * 3) → "（3）".  Newly allocated. */
char *jx_marker_format(JxMarkStyle style, int number, const char *punctuation);

typedef struct {
    JxMarker marker;         /* style NONE: a paragraph without a number */
    int section;             /* the numbered paragraph this one belongs to
                                (itself when numbered), -1 before the first */
    int parent;              /* numbered: the numbered paragraph one level up, or -1 */
    gboolean heading_like;   /* numbered, short, one clause: a heading rather than an item */
} JxOutlineEntry;

typedef enum {
    JX_OUTLINE_OK,
    JX_OUTLINE_REPEATED,     /* the same number as the item before */
    JX_OUTLINE_SKIPPED,      /* numbers left out (a level starting above 1 too) */
    JX_OUTLINE_ORDER,        /* a number lower than the item before */
} JxOutlineProblem;

typedef struct {
    JxOutlineProblem problem;
    int paragraph;           /* where the problem shows */
    int previous;            /* the paragraph of the item before at that level, -1 if none */
    int expected;            /* the number that should have come */
} JxOutlineIssue;

/* Reads the outline of n paragraphs.  texts[i] (length lengths[i]) is the
 * paragraph's text; labels[i], if not NULL, a number the word processor
 * generated for it (then the number is read there and the text is all
 * body).  entries gets n JxOutlineEntry; issues (may be NULL) gets each
 * JxOutlineIssue. */
void jx_outline_read(const char *const *texts, const gsize *lengths, const char *const *labels,
                     guint n, GArray *entries, GArray *issues);

/* The body of a numbered heading, up to its first clause mark: the title
 * "项目支出" of "（二）项目支出。".  Bytes [*start, *end) of text. */
void jx_outline_title(const char *text, gsize length, const JxMarker *marker,
                      gsize *start, gsize *end);

G_END_DECLS

#endif

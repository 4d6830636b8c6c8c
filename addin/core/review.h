/*
 * review.h: reviewing the prose of a finished 自评报告 for drift.
 *
 * A report reaches the finance bureau as a Word or Writer document, often
 * with no workbook behind it.  The reviewer reads its paragraphs, recognises
 * the outline (一、 （一） 1. 1、 （1）) and the statements that carry
 * numbers (a total with its parts, a rate with what it is computed from,
 * indicator lines, 总分 and 等级, the department's spending quoted in several
 * places, counts), and checks them: parts that do not add up, a rate or
 * score that does not follow from its figures, one quantity with two values,
 * people counted in 万元, section numbers repeated, skipped or out of order.
 *
 * It only claims what it recognises; a sentence it cannot read is left
 * alone.  The checks live in review_*.c, one kind per file.
 *
 * Findings are ordinary JxFindings (codes and messages shared with workbook
 * validation where the meaning is the same) placed in the text instead of a
 * sheet: sheet is -1, row (= row2) is the 0-based paragraph index and col ..
 * col2 are the first and last character (Unicode code points, 0-based,
 * inclusive) of the words the finding is about.
 */
#ifndef JX_CORE_REVIEW_H
#define JX_CORE_REVIEW_H

#include <glib.h>

#include "core/findings.h"
#include "core/schema.h"
#include "core/scoring.h"

G_BEGIN_DECLS

typedef struct {
    char *text;      /* the paragraph's text, UTF-8 */
    char *label;     /* a number the word processor generated ("1.", "（一）"), or NULL */
} JxReviewParagraph;

typedef struct {
    /* a quantity quoted twice whose values differ by at most this is a
     * rounding note, above it an error (the workbook's settings.note_limit) */
    double note_limit;
    JxScoringRules scoring;
} JxReviewRules;

/* The documented defaults: note_limit 0.01 (万元), the default scoring rules. */
void jx_review_rules_init_default(JxReviewRules *rules);

/* The rules of a bureau's schema (its settings.note_limit and
 * settings.scoring: decimals, bands, grade bounds), so that its reports are
 * judged by the rules they were written under. */
void jx_review_rules_from_settings(JxReviewRules *rules, const JxSettings *settings);

JxReviewParagraph *jx_review_paragraph_new(const char *text, const char *label);
void jx_review_paragraph_free(gpointer paragraph);

/* Plain text split into paragraphs at line ends (\n, \r\n, \r, U+2029);
 * a leading byte-order mark is dropped.  text must be valid UTF-8.
 * Returns JxReviewParagraph*, one per line, empty lines included (so that
 * paragraph n is line n + 1 of the file). */
GPtrArray *jx_review_paragraphs_from_text(const char *text, gsize length);

/* Reads a plain-text report: UTF-8 (with or without BOM), UTF-16 with a BOM,
 * or GB18030 (what Chinese Windows saves as "ANSI").  At most max_bytes are
 * accepted.  Returns the paragraphs, or NULL with a JX_ERROR_IO or
 * JX_ERROR_PARSE error naming the file. */
GPtrArray *jx_review_read_text_file(const char *path, gsize max_bytes, GError **error);

/* Reviews the paragraphs (JxReviewParagraph*).  rules NULL = the defaults.
 * Returns the findings (JxFinding*, placed as described above), sorted:
 * errors first, then by paragraph and character. */
GPtrArray *jx_review_run(const GPtrArray *paragraphs, const JxReviewRules *rules);

/* Paragraph and characters of a review finding. */
int jx_review_finding_paragraph(const JxFinding *finding);

/* The sentence a finding points at (from the start of the sentence that
 * holds its first character to the end of the one that holds its last),
 * newly allocated; "" if the paragraph is out of range. */
char *jx_review_finding_sentence(const JxFinding *finding, const GPtrArray *paragraphs);

/* The findings as JSON, in the shape headless validation writes (source,
 * errors, warnings, notes, failure, findings with code, severity and
 * message.zh/en), each finding placed by "paragraph" (1-based), "start" and
 * "end" (characters, 0-based, end exclusive) and "sentence".  paragraphs may
 * be NULL (then no sentences).  Newly allocated. */
char *jx_review_to_json(const GPtrArray *findings, const GPtrArray *paragraphs,
                        const char *source, const char *failure);

G_END_DECLS

#endif

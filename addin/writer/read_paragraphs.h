/*
 * read_paragraphs.h: the body paragraphs of a text document, for review.
 *
 * The body text is enumerated as Writer holds it: paragraphs and tables.
 * Paragraphs are read with the number Writer generates for them when they
 * belong to a numbered list (ListLabelString), so automatic numbering is
 * reviewed like typed numbering; tables, frames, headers and notes are not
 * read (the review is about prose).  Paragraph n of the result is the n-th
 * paragraph of that enumeration, which is how a finding finds its text
 * again.
 */
#ifndef JX_WRITER_READ_PARAGRAPHS_H
#define JX_WRITER_READ_PARAGRAPHS_H

#include <glib.h>

#include "uno/sdk.h"

/* At most this many paragraphs are read (a longer document is refused). */
#define JX_WRITER_MAX_PARAGRAPHS 200000

/* The body paragraphs (JxReviewParagraph*), or NULL with *error when the
 * document is not a text document or has too many paragraphs. */
GPtrArray *jx_writer_read_paragraphs(uno_Interface *document, GError **error);

/* Paragraph `index` as counted by jx_writer_read_paragraphs (an XTextRange,
 * acquired), or NULL if there is none. */
uno_Interface *jx_writer_paragraph(uno_Interface *document, int index);

#endif

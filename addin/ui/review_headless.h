/*
 * review_headless.h: the headless door of the review, for the bureau:
 *   review&in=REPORT&out=FINDINGS.json   one report (.odt .fodt .docx .doc .rtf .txt)
 *                                        [&schema=SCHEMA: the bureau's rules for scores
 *                                        and grades; the extension's own by default]
 *   review&in=DIR&out=DIR                every report of a folder: DIR/NAME.review.json
 *                                        each, DIR/summary.json (the rows) and
 *                                        DIR/summary.ods
 * (an entry of headless.c's command table).  Reports are inputs: opened
 * read-only, never written; an output that is an input is refused.
 */
#ifndef JX_UI_REVIEW_HEADLESS_H
#define JX_UI_REVIEW_HEADLESS_H

#include <glib.h>

#include "core/review.h"
#include "ui/query.h"
#include "uno/sdk.h"

gboolean jx_door_review(uno_Interface *context, const JxQuery *query, GError **error);

/* The review rules of the schema at schema_path, or of the extension's
 * own schema when NULL (the documented defaults if it cannot be read);
 * FALSE with *error when a schema given cannot be read. */
gboolean jx_review_rules_for(uno_Interface *context, const char *schema_path, JxReviewRules *rules,
                             GError **error);

/* The paragraphs of a report file: a text file read directly, any other
 * document opened hidden and read-only in Writer.  NULL with *error for a
 * file that is not a report. */
GPtrArray *jx_review_read_file(uno_Interface *context, const char *path, GError **error);

#endif

/*
 * live.h: findings that follow the user's edits, like a spell checker.
 *
 * Once a document has been validated, a change to it (an edit, a paste,
 * undo, redo) re-validates it shortly after the changes stop (debounced),
 * and the panel shows the new findings.  Jixiao's own changes (Compute)
 * are not edits.  Everything runs on the office's main thread: a timer
 * thread only says when, through com.sun.star.awt.AsyncCallback.
 */
#ifndef JX_UI_LIVE_H
#define JX_UI_LIVE_H

#include <glib.h>

#include "uno/sdk.h"

/* How long after the last change the document is checked again. */
#define JX_LIVE_DEBOUNCE_MS 250

/* Starts following a document's changes (once per document; it stops when
 * the document closes). */
void jx_live_watch(uno_Interface *context, uno_Interface *document);

/* While paused, changes to the document are Jixiao's own (Compute): they
 * start no check. */
void jx_live_pause(uno_Interface *document, gboolean paused);

/* Runs run(data) on the office's main thread after delay_ms, then
 * free_data(data) (if not NULL). */
typedef void (*JxLaterFunc)(gpointer data);
void jx_later(uno_Interface *context, guint delay_ms, JxLaterFunc run, gpointer data,
              GDestroyNotify free_data);

/* The last live checks as JSON, for `make bench`: for each, the wait from
 * the last change to the check (the debounce) and the check itself up to
 * the updated panel, in milliseconds. */
char *jx_live_timings_json(void);

#endif

/*
 * ask.h: the few questions Jixiao asks in the office window.
 */
#ifndef JX_UI_ASK_H
#define JX_UI_ASK_H

#include <glib.h>

#include "core/error.h"
#include "uno/sdk.h"

/* A yes/no question over frame's window; TRUE for yes.  In a hidden or
 * headless frame nobody can answer, so the answer is yes. */
gboolean jx_ask_yes_no(uno_Interface *context, uno_Interface *frame, const char *title,
                       const char *question);

/* TRUE if frame's window is shown on a screen. */
gboolean jx_frame_is_visible(uno_Interface *frame);

/* A save-file dialog offering the report formats, named in lang; the
 * chosen path (newly allocated) or NULL if cancelled. */
char *jx_ask_report_path(uno_Interface *context, const char *suggested_name, JxLang lang);

#endif

/*
 * headless_paths.h: what the headless door does with paths that come from
 * outside.  Inputs are checked and opened read-only, never written; an
 * output that is an input is refused; names given for outputs stay inside
 * their folder; folders are made when missing; what reaches the terminal
 * is stripped of control characters.
 */
#ifndef JX_UI_HEADLESS_PATHS_H
#define JX_UI_HEADLESS_PATHS_H

#include <glib.h>

#include "uno/sdk.h"

G_BEGIN_DECLS

/* The workbook at path opened hidden and read-only, or NULL with a reason
 * in words (missing, a folder, unreadable, not a document the office
 * reads, damaged or password-protected, a spreadsheet that is not the
 * workbook of the schema at schema_path, NULL: the extension's). */
uno_Interface *jx_door_open_workbook(uno_Interface *context, const char *path, const char *schema_path,
                                     GError **error);

/* FALSE with a reason when out is, or resolves to, the file in. */
gboolean jx_door_check_output(const char *out, const char *in, GError **error);

/* FALSE with a reason unless name is a plain file name: no folder
 * separator, not "." or "..", no leading dot, no control character. */
gboolean jx_door_check_name(const char *name, GError **error);

/* Creates the folder that will hold path when it is missing. */
gboolean jx_door_make_parent_folder(const char *path, GError **error);

/* Writes text to path (its folder made when missing). */
gboolean jx_door_write_text(const char *path, const char *text, GError **error);

/* printf to standard error, with control characters removed. */
void jx_door_say(const char *format, ...) G_GNUC_PRINTF(1, 2);

G_END_DECLS

#endif

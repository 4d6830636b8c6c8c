/*
 * headless_commands.h: the commands of the headless door, one function
 * each, all with the same shape: the component context, the command line
 * (ui/query.h: the command and its values, percent-decoded), and an error
 * when the job could not run.  Each writes its outcome file whether or not
 * it ran.
 */
#ifndef JX_UI_HEADLESS_COMMANDS_H
#define JX_UI_HEADLESS_COMMANDS_H

#include <glib.h>

#include "ui/query.h"
#include "uno/sdk.h"

G_BEGIN_DECLS

typedef gboolean (*JxDoorCommand)(uno_Interface *context, const JxQuery *query, GError **error);

/* headless_workbook.c */
gboolean jx_door_validate(uno_Interface *context, const JxQuery *query, GError **error);
gboolean jx_door_compute(uno_Interface *context, const JxQuery *query, GError **error);
gboolean jx_door_extract(uno_Interface *context, const JxQuery *query, GError **error);
/* headless_report.c */
gboolean jx_door_report(uno_Interface *context, const JxQuery *query, GError **error);
/* headless_refresh.c */
gboolean jx_door_refresh(uno_Interface *context, const JxQuery *query, GError **error);
/* headless_batch.c */
gboolean jx_door_batch(uno_Interface *context, const JxQuery *query, GError **error);
gboolean jx_door_summary(uno_Interface *context, const JxQuery *query, GError **error);

/* The values a command needs, by name; FALSE with "COMMAND needs …"
 * when one is missing.  names ends with NULL. */
gboolean jx_door_require(const JxQuery *query, const char *const *names, GError **error);

G_END_DECLS

#endif

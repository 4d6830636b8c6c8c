/*
 * query.h: the arguments of a command, as both doors receive them:
 *
 *   validate&in=%2Fx%2Fbook.ods&out=…   the headless door: the command first
 *   mode=values&hidden=1                 a menu or panel command, after its "?"
 *
 * Parts are separated by "&".  "key=value" parts are percent-decoded (a
 * value that does not decode, "100%.ods", is kept as written); the first
 * part without "=" is the command; a key given twice keeps its last value.
 * No UNO here: unit-tested with the core.
 */
#ifndef JX_UI_QUERY_H
#define JX_UI_QUERY_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
    char *command;          /* the first part without "=", decoded; "" if none */
    GHashTable *values;     /* key → decoded value */
} JxQuery;

/* The query of text (NULL: an empty query).  Never NULL. */
JxQuery *jx_query_parse(const char *text);
void jx_query_free(JxQuery *query);

/* The value of key, borrowed from the query, or NULL if it was not given. */
const char *jx_query_get(const JxQuery *query, const char *key);

/* TRUE if key was given with exactly this value. */
gboolean jx_query_is(const JxQuery *query, const char *key, const char *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(JxQuery, jx_query_free)

G_END_DECLS

#endif

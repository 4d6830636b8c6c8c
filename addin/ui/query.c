/*
 * query.c: splitting a command's query string into its command and values.
 */
#include "ui/query.h"

#include <string.h>

/* A percent-decoded copy of text; text itself when it does not decode
 * (a stray "%", an encoded NUL), so that no argument is silently lost. */
static char *decoded(const char *text)
{
    char *value = g_uri_unescape_string(text, NULL);
    return value ? value : g_strdup(text);
}

JxQuery *jx_query_parse(const char *text)
{
    JxQuery *query = g_new0(JxQuery, 1);
    query->values = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    g_auto(GStrv) parts = g_strsplit(text ? text : "", "&", -1);
    for (int i = 0; parts[i]; i++) {
        char *equals = strchr(parts[i], '=');
        if (equals == NULL) {
            if (query->command == NULL && parts[i][0] != '\0')
                query->command = decoded(parts[i]);
            continue;
        }
        *equals = '\0';
        g_hash_table_insert(query->values, g_strdup(parts[i]), decoded(equals + 1));
    }
    if (query->command == NULL)
        query->command = g_strdup("");
    return query;
}

void jx_query_free(JxQuery *query)
{
    if (query == NULL)
        return;
    g_free(query->command);
    g_hash_table_unref(query->values);
    g_free(query);
}

const char *jx_query_get(const JxQuery *query, const char *key)
{
    return g_hash_table_lookup(query->values, key);
}

gboolean jx_query_is(const JxQuery *query, const char *key, const char *value)
{
    return g_strcmp0(jx_query_get(query, key), value) == 0;
}

/*
 * json_path.c: JSON paths for problem messages.  A key from the file may be
 * anything (Chinese, quotes, control characters), so it is quoted and
 * escaped unless it is a plain identifier.
 */
#include "core/json_path.h"

char *jx_json_path_key(const char *parent, const char *key)
{
    gboolean plain = key[0] != '\0' && !g_ascii_isdigit(key[0]);
    for (const char *c = key; *c && plain; c++)
        plain = g_ascii_isalnum(*c) || *c == '_';
    if (plain)
        return g_strdup_printf("%s.%s", parent, key);
    /* every byte of a multi-byte UTF-8 sequence is kept as it is (escaping
     * some of them would leave the path invalid UTF-8) */
    char utf8[129];
    for (int b = 0; b < 128; b++)
        utf8[b] = (char)(0x80 + b);
    utf8[128] = '\0';
    g_autofree char *escaped = g_strescape(key, utf8);
    return g_strdup_printf("%s[\"%s\"]", parent, escaped);
}

char *jx_json_path_index(const char *parent, int index)
{
    return g_strdup_printf("%s[%d]", parent, index);
}

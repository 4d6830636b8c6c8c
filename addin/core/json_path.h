/*
 * json_path.h: the JSON paths that name the place of a problem in a schema
 * ($.report.sections[2].body[0].where, $.fields["单位 名称"]).
 */
#ifndef JX_CORE_JSON_PATH_H
#define JX_CORE_JSON_PATH_H

#include <glib.h>

G_BEGIN_DECLS

/* parent.key, or parent["key"] (escaped) for a key that is not a plain
 * identifier.  Newly allocated. */
char *jx_json_path_key(const char *parent, const char *key);
/* parent[index].  Newly allocated. */
char *jx_json_path_index(const char *parent, int index);

G_END_DECLS

#endif

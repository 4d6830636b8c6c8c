/*
 * bundle.h: what a schema file gives Jixiao, loaded in order: the schema
 * (schema.h: sheets, fields, tables, checks), then its report template
 * compiled against it (template.h).  The loader below knows nothing of
 * reports; this layer above it puts the two together, once per file.
 */
#ifndef JX_CORE_BUNDLE_H
#define JX_CORE_BUNDLE_H

#include <glib.h>

#include "core/schema.h"
#include "core/template.h"

G_BEGIN_DECLS

typedef struct {
    JxSchema *schema;
    JxTemplate *template;   /* NULL when the schema has no "report" */
} JxBundle;

/* As jx_schema_load_data / _file, the template's problems (under $.report)
 * reported the same way: NULL, *error naming the first, every problem
 * appended to problems if non-NULL. */
JxBundle *jx_bundle_load_data(const char *json, gsize length, GPtrArray *problems, GError **error);
JxBundle *jx_bundle_load_file(const char *path, GPtrArray *problems, GError **error);
void jx_bundle_free(JxBundle *bundle);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(JxBundle, jx_bundle_free)

G_END_DECLS

#endif

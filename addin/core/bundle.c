/*
 * bundle.c: a schema file loaded whole: the schema, then its template.
 */
#include "core/bundle.h"

/* Compiles the template of a loaded schema; takes the schema over. */
static JxBundle *bundle_of(JxSchema *schema, GPtrArray *problems, GError **error)
{
    if (schema == NULL)
        return NULL;
    JxTemplate *template = NULL;
    if (schema->report != NULL) {
        g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func(jx_schema_problem_free);
        template = jx_template_compile(schema, own);
        if (template == NULL) {
            jx_schema_problems_error(own, error);
            while (problems != NULL && own->len > 0)
                g_ptr_array_add(problems, g_ptr_array_steal_index(own, 0));
            jx_schema_free(schema);
            return NULL;
        }
    }
    JxBundle *bundle = g_new0(JxBundle, 1);
    bundle->schema = schema;
    bundle->template = template;
    return bundle;
}

JxBundle *jx_bundle_load_data(const char *json, gsize length, GPtrArray *problems, GError **error)
{
    return bundle_of(jx_schema_load_data(json, length, problems, error), problems, error);
}

JxBundle *jx_bundle_load_file(const char *path, GPtrArray *problems, GError **error)
{
    return bundle_of(jx_schema_load_file(path, problems, error), problems, error);
}

void jx_bundle_free(JxBundle *bundle)
{
    if (bundle == NULL)
        return;
    jx_template_free(bundle->template);   /* borrows the schema: freed first */
    jx_schema_free(bundle->schema);
    g_free(bundle);
}

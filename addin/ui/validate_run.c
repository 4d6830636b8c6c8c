/*
 * validate_run.c: reading a document's cells in bulk and validating them
 * against the cached schema.
 */
#include "ui/validate_run.h"

#include <string.h>

#include "calc/reader.h"
#include "core/validate.h"
#include "ui/schema_cache.h"

static gboolean validate(uno_Interface *context, uno_Interface *document, const char *source,
                         const char *schema_path, gboolean with_formulas, JxValidation *out,
                         GError **error)
{
    memset(out, 0, sizeof *out);
    gint64 start = g_get_monotonic_time();
    const JxBundle *bundle = jx_schema_cache_get(context, schema_path, error);
    if (bundle == NULL)
        return FALSE;
    out->schema = bundle->schema;
    out->template = bundle->template;
    gint64 read_start = g_get_monotonic_time();
    out->workbook = jx_calc_read(document, source, with_formulas, error);
    out->read_seconds = (g_get_monotonic_time() - read_start) / 1e6;
    if (out->workbook == NULL)
        return FALSE;
    out->model = jx_model_build(out->schema, out->workbook);
    out->findings = g_ptr_array_new_with_free_func(jx_finding_free);
    jx_validate(out->model, out->findings);
    out->total_seconds = (g_get_monotonic_time() - start) / 1e6;
    return TRUE;
}

gboolean jx_validate_run(uno_Interface *context, uno_Interface *document, const char *source,
                         const char *schema_path, JxValidation *out, GError **error)
{
    return validate(context, document, source, schema_path, FALSE, out, error);
}

gboolean jx_validate_run_with_formulas(uno_Interface *context, uno_Interface *document,
                                       const char *source, const char *schema_path,
                                       JxValidation *out, GError **error)
{
    return validate(context, document, source, schema_path, TRUE, out, error);
}

void jx_validation_clear(JxValidation *v)
{
    g_clear_pointer(&v->model, jx_model_free);
    g_clear_pointer(&v->workbook, jx_workbook_free);
    if (v->findings)
        g_ptr_array_free(v->findings, TRUE);
    v->findings = NULL;
    v->schema = NULL;
    v->template = NULL;
}

/*
 * compute_run.c: Compute, from the document's cells and formulas to the
 * cells written and the findings after.
 */
#include "ui/compute_run.h"

#include <string.h>

#include "calc/writer.h"
#include "core/compute.h"

static const struct {
    const char *name;
    JxComputeChoice choice;
    JxComputeMode mode;
} choices[] = {
    { "formulas", JX_COMPUTE_AS_FORMULAS, JX_COMPUTE_MODE_FORMULAS },
    { "values", JX_COMPUTE_AS_VALUES, JX_COMPUTE_MODE_VALUES },
};

gboolean jx_compute_choice_parse(const char *name, JxComputeChoice *choice)
{
    *choice = JX_COMPUTE_AS_SCHEMA_SAYS;
    if (name == NULL)
        return TRUE;
    for (gsize i = 0; i < G_N_ELEMENTS(choices); i++)
        if (strcmp(choices[i].name, name) == 0) {
            *choice = choices[i].choice;
            return TRUE;
        }
    return FALSE;
}

static JxComputeMode mode_of(JxComputeChoice choice, const JxSchema *schema)
{
    for (gsize i = 0; i < G_N_ELEMENTS(choices); i++)
        if (choices[i].choice == choice)
            return choices[i].mode;
    return schema->settings.compute_mode;
}

gboolean jx_compute_run(uno_Interface *context, uno_Interface *document, const char *source,
                        const char *schema_path, JxComputeChoice choice, JxValidation *out,
                        int *cells_written, GError **error)
{
    JxValidation before;
    memset(out, 0, sizeof *out);
    if (!jx_validate_run_with_formulas(context, document, source, schema_path, &before, error)) {
        jx_validation_clear(&before);
        return FALSE;
    }
    GHashTable *previous = jx_calc_read_record(document);
    g_autoptr(JxComputePlan) plan = jx_compute_plan(before.model, mode_of(choice, before.schema), previous);
    g_hash_table_unref(previous);
    int changed = 0;
    gboolean ok = jx_calc_apply(document, plan, JX_COMPUTE_UNDO_TITLE, &changed, error);
    jx_validation_clear(&before);
    if (!ok)
        return FALSE;
    if (cells_written)
        *cells_written = (int)plan->writes->len;
    if (!jx_validate_run(context, document, source, schema_path, out, error))
        return FALSE;
    out->cells_changed = changed;
    /* what Compute could not do comes first */
    for (guint i = plan->findings->len; i > 0; i--)
        g_ptr_array_insert(out->findings, 0, g_ptr_array_steal_index(plan->findings, i - 1));
    return TRUE;
}

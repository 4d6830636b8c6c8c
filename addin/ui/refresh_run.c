/*
 * refresh_run.c: a report's figures from its workbook, one refresh from
 * reading to the change list.
 */
#include "ui/refresh_run.h"

#include <cjson/cJSON.h>
#include <string.h>

#include "core/compute.h"
#include "core/error.h"
#include "core/findings.h"
#include "ui/validate_run.h"
#include "writer/refresh.h"

/* Whether id is in a list "JX_F0001,JX_F0003" or the list is "all". */
static gboolean chosen(const char *list, const char *id)
{
    if (list == NULL)
        return FALSE;
    if (strcmp(list, "all") == 0)
        return TRUE;
    g_auto(GStrv) ids = g_strsplit(list, ",", -1);
    for (int i = 0; ids[i]; i++)
        if (strcmp(g_strstrip(ids[i]), id) == 0)
            return TRUE;
    return FALSE;
}

static void choose(JxRefreshPlan *plan, const JxRefreshChoices *choices)
{
    for (guint i = 0; choices && i < plan->items->len; i++) {
        JxRefreshItem *item = g_ptr_array_index(plan->items, i);
        if (chosen(choices->take, item->binding->id))
            jx_refresh_take(item);
        else if (chosen(choices->keep, item->binding->id))
            jx_refresh_keep(item);
    }
}

gboolean jx_refresh_run(uno_Interface *context, uno_Interface *report, uno_Interface *workbook, const char *source,
                        const char *schema_path, const JxRefreshChoices *choices, JxRefreshOutcome *out,
                        GError **error)
{
    memset(out, 0, sizeof *out);
    gint64 start = g_get_monotonic_time();
    out->bindings = jx_writer_read_bindings(report, &out->schema_id, &out->workbook, error);
    if (out->bindings == NULL)
        return FALSE;
    JxValidation v;
    gboolean ok = jx_validate_run(context, workbook, source, schema_path, &v, error);
    out->read_seconds = (g_get_monotonic_time() - start) / 1e6;
    if (ok && v.template == NULL) {
        jx_set_error(error, JX_ERROR_SCHEMA, "方案中没有报告模板（report）", "the schema has no report template");
        ok = FALSE;
    }
    if (ok && out->schema_id != NULL && strcmp(out->schema_id, v.schema->id) != 0) {
        jx_set_error(error, JX_ERROR_SCHEMA,
                     "报告是按方案“%s”生成的，不能按方案“%s”刷新：请指定生成它的方案",
                     "the report was generated with the schema '%s' and cannot be refreshed with '%s': "
                     "give the schema it was generated with", out->schema_id, v.schema->id);
        ok = FALSE;
    }
    if (ok) {
        jx_findings_count(v.findings, &out->errors, &out->warnings, NULL);
        g_autoptr(JxComputePlan) computed = jx_compute_plan(v.model, JX_COMPUTE_MODE_VALUES, NULL);
        JxReportInput input = { v.model, computed->record, v.findings, NULL };
        g_autoptr(GHashTable) current = jx_writer_bound_texts(report, out->bindings);
        out->plan = jx_refresh_plan(v.template, &input, out->bindings, current);
        choose(out->plan, choices);
        g_free(out->workbook);
        out->workbook = g_strdup(source);
        ok = jx_writer_refresh_apply(report, out->plan, v.schema->id, source, error);
    }
    jx_validation_clear(&v);
    out->seconds = (g_get_monotonic_time() - start) / 1e6;
    return ok;
}

void jx_refresh_outcome_clear(JxRefreshOutcome *o)
{
    g_clear_pointer(&o->plan, jx_refresh_plan_free);
    if (o->bindings)
        g_ptr_array_free(o->bindings, TRUE);
    o->bindings = NULL;
    g_clear_pointer(&o->schema_id, g_free);
    g_clear_pointer(&o->workbook, g_free);
}

/* One figure of the change list. */
static cJSON *figure_json(uno_Interface *report, const JxRefreshItem *item)
{
    const JxBinding *b = item->binding;
    cJSON *f = cJSON_CreateObject();
    cJSON_AddStringToObject(f, "id", b->id);
    cJSON_AddStringToObject(f, "status", jx_refresh_status_name(item->status));
    g_autofree char *source = jx_binding_source(b);
    cJSON_AddStringToObject(f, "source", source);
    cJSON *label = cJSON_AddObjectToObject(f, "label");
    cJSON_AddStringToObject(label, "zh", item->now.label[JX_LANG_ZH] ? item->now.label[JX_LANG_ZH] : source);
    cJSON_AddStringToObject(label, "en", item->now.label[JX_LANG_EN] ? item->now.label[JX_LANG_EN] : source);
    cJSON_AddStringToObject(f, "cell", item->now.cell ? item->now.cell : b->cell);
    cJSON_AddStringToObject(f, "before", item->current ? item->current : "");
    if (item->now.text != NULL)
        cJSON_AddStringToObject(f, "workbook", item->now.text);
    if (item->now.note != NULL)
        cJSON_AddStringToObject(f, "note", item->now.note);
    g_autofree char *paragraph = NULL, *cell = NULL;
    if (jx_writer_figure_place(report, b->id, &paragraph, &cell)) {
        cJSON_AddStringToObject(f, "paragraph", paragraph);
        if (cell != NULL)
            cJSON_AddStringToObject(f, "table_cell", cell);
    }
    return f;
}

char *jx_refresh_changes_json(uno_Interface *report, const JxRefreshOutcome *o, const char *in, const char *failure)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "report", in ? in : "");
    cJSON_AddStringToObject(root, "workbook", o->workbook ? o->workbook : "");
    if (o->schema_id)
        cJSON_AddStringToObject(root, "schema", o->schema_id);
    if (failure != NULL)
        cJSON_AddStringToObject(root, "failure", failure);
    cJSON_AddNumberToObject(root, "errors", o->errors);
    cJSON_AddNumberToObject(root, "warnings", o->warnings);
    cJSON *counts = cJSON_AddObjectToObject(root, "counts");
    cJSON *figures = cJSON_AddArrayToObject(root, "figures");
    for (int s = JX_REFRESH_SAME; o->plan && s <= JX_REFRESH_GONE; s++)
        cJSON_AddNumberToObject(counts, jx_refresh_status_name((JxRefreshStatus)s),
                                jx_refresh_count(o->plan, (JxRefreshStatus)s));
    for (guint i = 0; o->plan && i < o->plan->items->len; i++) {
        const JxRefreshItem *item = g_ptr_array_index(o->plan->items, i);
        if (item->status != JX_REFRESH_SAME && item->status != JX_REFRESH_GONE)
            cJSON_AddItemToArray(figures, figure_json(report, item));
    }
    cJSON_AddNumberToObject(root, "seconds", o->seconds);
    char *json = cJSON_Print(root);
    cJSON_Delete(root);
    char *out = g_strdup(json);
    cJSON_free(json);
    return out;
}

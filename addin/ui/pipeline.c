/*
 * pipeline.c: schema cache, document opening and validation.
 *
 * The schema cache makes a batch of a hundred workbooks parse the schema
 * once.  Schemas are immutable once loaded, so they are shared between
 * threads and doors; a changed file is loaded anew and the old one kept
 * alive (it may be in use), which costs a few kilobytes per edit.
 */
#include "ui/pipeline.h"

#include <glib/gstdio.h>
#include <string.h>

#include "calc/reader.h"
#include "calc/writer.h"
#include "core/compute.h"
#include "core/odf.h"
#include "core/bundle.h"
#include "core/render.h"
#include "writer/document.h"
#include "writer/fonts.h"
#include "core/validate.h"
#include "ui/package.h"
#include "uno/any.h"
#include "uno/call.h"
#include "uno/office.h"
#include "uno/sequence.h"
#include "uno/types.h"
#include "uno/ustring.h"

typedef struct {
    JxBundle *bundle;   /* the schema and its compiled report template */
    gint64 mtime;
} CachedSchema;

static GMutex schema_lock;
static GHashTable *schemas;   /* path → CachedSchema* */
static GPtrArray *retired;    /* replaced schemas, kept alive */

static const JxBundle *pipeline_bundle(uno_Interface *context, const char *path, GError **error)
{
    g_autofree char *resolved = path ? g_strdup(path)
                                     : jx_package_path(context, JX_DEFAULT_SCHEMA, error);
    if (resolved == NULL)
        return NULL;
    GStatBuf st;
    gint64 mtime = g_stat(resolved, &st) == 0 ? (gint64)st.st_mtime : -1;
    g_mutex_lock(&schema_lock);
    if (schemas == NULL) {
        schemas = g_hash_table_new(g_str_hash, g_str_equal);
        retired = g_ptr_array_new();
    }
    CachedSchema *cached = g_hash_table_lookup(schemas, resolved);
    if (cached != NULL && cached->mtime == mtime) {
        g_mutex_unlock(&schema_lock);
        return cached->bundle;
    }
    g_mutex_unlock(&schema_lock);

    JxBundle *bundle = jx_bundle_load_file(resolved, NULL, error);
    if (bundle == NULL)
        return NULL;
    g_mutex_lock(&schema_lock);
    cached = g_hash_table_lookup(schemas, resolved);
    if (cached == NULL) {
        cached = g_new0(CachedSchema, 1);
        g_hash_table_insert(schemas, g_strdup(resolved), cached);
    } else {
        g_ptr_array_add(retired, cached->bundle);
    }
    cached->bundle = bundle;
    cached->mtime = mtime;
    g_mutex_unlock(&schema_lock);
    return bundle;
}

const JxSchema *jx_pipeline_schema(uno_Interface *context, const char *path, GError **error)
{
    const JxBundle *bundle = pipeline_bundle(context, path, error);
    return bundle ? bundle->schema : NULL;
}

static gboolean validate(uno_Interface *context, uno_Interface *document, const char *source,
                         const char *schema_path, gboolean with_formulas, JxValidation *out,
                         GError **error)
{
    memset(out, 0, sizeof *out);
    gint64 start = g_get_monotonic_time();
    const JxBundle *bundle = pipeline_bundle(context, schema_path, error);
    if (bundle == NULL)
        return FALSE;
    const JxSchema *schema = bundle->schema;
    out->schema = (JxSchema *)schema;
    out->template = bundle->template;
    gint64 read_start = g_get_monotonic_time();
    out->workbook = jx_calc_read(document, source, with_formulas, error);
    out->read_seconds = (g_get_monotonic_time() - read_start) / 1e6;
    if (out->workbook == NULL)
        return FALSE;
    out->model = jx_model_build(schema, out->workbook);
    out->findings = g_ptr_array_new_with_free_func(jx_finding_free);
    jx_validate(out->model, out->findings);
    out->total_seconds = (g_get_monotonic_time() - start) / 1e6;
    return TRUE;
}

gboolean jx_pipeline_validate(uno_Interface *context, uno_Interface *document,
                              const char *source, const char *schema_path,
                              JxValidation *out, GError **error)
{
    return validate(context, document, source, schema_path, FALSE, out, error);
}

gboolean jx_pipeline_validate_with_formulas(uno_Interface *context, uno_Interface *document,
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

uno_Interface *jx_pipeline_open(uno_Interface *context, const char *path, gboolean read_only,
                                GError **error)
{
    uno_Interface *desktop = jx_office_create(context, "com.sun.star.frame.Desktop", error);
    if (desktop == NULL)
        return NULL;
    static const char *const names[] = { "Hidden", "ReadOnly", "MacroExecutionMode", "UpdateDocMode" };
    uno_Any values[4];
    jx_any_construct_bool(&values[0], TRUE);
    jx_any_construct_bool(&values[1], read_only);
    sal_Int16 never = 0;   /* MacroExecutionMode.NEVER_EXECUTE, UpdateDocMode.NO_UPDATE */
    uno_type_any_construct(&values[2], &never, jx_type_simple(typelib_TypeClass_SHORT), NULL);
    uno_type_any_construct(&values[3], &never, jx_type_simple(typelib_TypeClass_SHORT), NULL);
    uno_Sequence *props = jx_office_properties(names, values, 4);
    for (int i = 0; i < 4; i++)
        uno_any_destruct(&values[i], NULL);

    g_autofree char *url = jx_office_url(path);
    rtl_uString *uurl = jx_ustr_new(url), *target = jx_ustr_new("_blank");
    sal_Int32 flags = 0;
    uno_Interface *document = NULL;
    void *args[] = { &uurl, &target, &flags, &props };
    GError *uno_error = NULL;
    gboolean ok = jx_invoke(desktop, "com.sun.star.frame.XComponentLoader::loadComponentFromURL",
                            &document, args, &uno_error);
    rtl_uString_release(uurl);
    rtl_uString_release(target);
    jx_seq_release(props, "[]com.sun.star.beans.PropertyValue");
    jx_release(&desktop);
    if (!ok || document == NULL) {
        const char *reason = uno_error ? uno_error->message : "";
        g_autofree char *zh = g_strdup_printf("无法打开 %s%s%s", path, uno_error ? "：" : "", reason);
        g_autofree char *en = g_strdup_printf("cannot open %s%s%s", path, uno_error ? ": " : "", reason);
        jx_set_error_texts(error, JX_ERROR_IO, zh, en);
        g_clear_error(&uno_error);
        jx_release(&document);
        return NULL;
    }
    return document;
}

void jx_pipeline_close(uno_Interface **document)
{
    if (document == NULL || *document == NULL)
        return;
    sal_Bool deliver = 1;
    void *args[] = { &deliver };
    if (!jx_invoke(*document, "com.sun.star.util.XCloseable::close", NULL, args, NULL))
        jx_invoke(*document, "com.sun.star.lang.XComponent::dispose", NULL, NULL, NULL);
    jx_release(document);
}

gboolean jx_pipeline_compute(uno_Interface *context, uno_Interface *document,
                             const char *source, const char *schema_path, int mode,
                             JxValidation *out, int *cells_written, GError **error)
{
    JxValidation before;
    if (!jx_pipeline_validate_with_formulas(context, document, source, schema_path, &before, error))
        return FALSE;
    GHashTable *previous = jx_calc_read_record(document);
    JxComputeMode chosen = mode >= 0 ? (JxComputeMode)mode : before.schema->settings.compute_mode;
    g_autoptr(JxComputePlan) plan = jx_compute_plan(before.model, chosen, previous);
    g_hash_table_unref(previous);
    int changed = 0;
    gboolean ok = jx_calc_apply(document, plan, JX_COMPUTE_UNDO_TITLE, &changed, error);
    jx_validation_clear(&before);
    if (!ok)
        return FALSE;
    if (cells_written)
        *cells_written = (int)plan->writes->len;
    if (!jx_pipeline_validate(context, document, source, schema_path, out, error))
        return FALSE;
    out->cells_changed = changed;
    /* what Compute could not do comes first */
    for (guint i = plan->findings->len; i > 0; i--)
        g_ptr_array_insert(out->findings, 0, g_ptr_array_steal_index(plan->findings, i - 1));
    return TRUE;
}

/* Export filters by file extension. */
static const struct { const char *extension, *filter; } filters[] = {
    { ".ods", "calc8" },
    { ".fods", "OpenDocument Spreadsheet Flat XML" },
    { ".xlsx", "Calc MS Excel 2007 XML" },
    { ".odt", "writer8" },
    { ".fodt", "OpenDocument Text Flat XML" },
    { ".docx", "MS Word 2007 XML" },
    { ".pdf", NULL },   /* chosen by document kind below */
};

gboolean jx_pipeline_store(uno_Interface *document, const char *path, GError **error)
{
    const char *filter = NULL;
    gboolean known = FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(filters); i++)
        if (g_str_has_suffix(path, filters[i].extension)) {
            filter = filters[i].filter;
            known = TRUE;
        }
    if (!known) {
        jx_set_error(error, JX_ERROR_IO, "不支持的文件类型：%s", "unsupported file type: %s", path);
        return FALSE;
    }
    if (filter == NULL) {
        uno_Interface *calc = jx_query(document, "com.sun.star.sheet.XSpreadsheetDocument");
        filter = calc ? "calc_pdf_Export" : "writer_pdf_Export";
        jx_release(&calc);
    }
    /* no page thumbnail: drawing it was a third of a batch's time */
    static const char *const names[] = { "FilterName", "Overwrite", "NoThumbnail" };
    uno_Any values[3];
    jx_any_construct_string(&values[0], filter);
    jx_any_construct_bool(&values[1], TRUE);
    jx_any_construct_bool(&values[2], TRUE);
    uno_Sequence *props = jx_office_properties(names, values, 3);
    for (int i = 0; i < 3; i++)
        uno_any_destruct(&values[i], NULL);
    g_autofree char *url = jx_office_url(path);
    rtl_uString *uurl = jx_ustr_new(url);
    void *args[] = { &uurl, &props };
    GError *uno_error = NULL;
    gboolean ok = jx_invoke(document, "com.sun.star.frame.XStorable::storeToURL", NULL, args, &uno_error);
    rtl_uString_release(uurl);
    jx_seq_release(props, "[]com.sun.star.beans.PropertyValue");
    if (!ok) {
        jx_set_error(error, JX_ERROR_IO, "无法保存 %s：%s", "cannot save %s: %s", path,
                     uno_error->message);
        g_error_free(uno_error);
    }
    return ok;
}

/* The text of the first field computed as `kind`, from the workbook or,
 * when its cell is empty, from the computed overlay. */
static char *computed_field(const JxValidation *v, GHashTable *overlay, JxComputeKind kind)
{
    for (guint i = 0; i < v->schema->fields->len; i++) {
        const JxFieldSpec *f = g_ptr_array_index(v->schema->fields, i);
        if (f->compute == NULL || f->compute->kind != kind)
            continue;
        const JxValue *value = &v->model->fields[i];
        if (!jx_value_is_empty(value))
            return jx_value_text(value);
        g_autofree char *address = jx_value_address(v->model, value);
        const char *content = g_hash_table_lookup(overlay, address);
        return g_strdup(content ? content : "");
    }
    return g_strdup("");
}

gboolean jx_pipeline_report(uno_Interface *context, uno_Interface *workbook, const char *source,
                            const char *schema_path, gboolean hidden, JxReportOutcome *out,
                            JxValidation *validation, GError **error)
{
    memset(out, 0, sizeof *out);
    out->notes = g_ptr_array_new_with_free_func(g_free);
    JxValidation v;
    gint64 start = g_get_monotonic_time();
    if (!jx_pipeline_validate(context, workbook, source, schema_path, &v, error)) {
        jx_validation_clear(&v);
        return FALSE;
    }
    if (v.template == NULL) {
        jx_set_error(error, JX_ERROR_SCHEMA, "方案中没有报告模板（report）", "the schema has no report template");
        jx_validation_clear(&v);
        return FALSE;
    }
    /* computed figures a values-mode Compute would write, for empty cells */
    gint64 built = g_get_monotonic_time();
    out->validate_seconds = (built - start) / 1e6;
    g_autoptr(JxComputePlan) plan = jx_compute_plan(v.model, JX_COMPUTE_MODE_VALUES, NULL);
    JxReportInput input = { v.model, plan->record, v.findings, NULL };
    g_autoptr(JxReport) report = jx_report_render(v.template, &input, error);
    if (report == NULL) {
        jx_validation_clear(&v);
        return FALSE;
    }
    char *fonts[JX_FONT_COUNT];
    jx_fonts_choose(context, fonts, out->notes);
    g_autofree char *fodt = jx_report_to_fodt(report, (const char *const *)fonts);
    for (int i = 0; i < JX_FONT_COUNT; i++)
        g_free(fonts[i]);
    gint64 loaded = g_get_monotonic_time();
    out->build_seconds = (loaded - built) / 1e6;
    out->document = jx_writer_load(context, fodt, strlen(fodt), hidden, error);
    out->load_seconds = (g_get_monotonic_time() - loaded) / 1e6;
    jx_findings_count(v.findings, &out->errors, &out->warnings, NULL);
    out->title = g_strdup(report->title);
    out->department = g_strdup(report->department ? report->department : "");
    out->placeholders = report->placeholders;
    out->total_score = computed_field(&v, plan->record, JX_COMPUTE_TOTAL_SCORE);
    out->grade = computed_field(&v, plan->record, JX_COMPUTE_GRADE);
    if (validation != NULL)
        *validation = v;
    else
        jx_validation_clear(&v);
    return out->document != NULL;
}

void jx_report_outcome_clear(JxReportOutcome *o)
{
    jx_release(&o->document);
    g_clear_pointer(&o->title, g_free);
    g_clear_pointer(&o->department, g_free);
    g_clear_pointer(&o->total_score, g_free);
    g_clear_pointer(&o->grade, g_free);
    if (o->notes)
        g_ptr_array_free(o->notes, TRUE);
    o->notes = NULL;
}

/*
 * headless.c: the command-line door.  Commands:
 *   validate&in=FILE&out=JSON[&schema=SCHEMA]
 *   compute&in=FILE&out=COPY[&mode=values|formulas][&findings=JSON][&schema=SCHEMA]
 *   extract&in=FILE&out=JSON[&schema=SCHEMA]
 *   report&in=FILE&out=DIR[&formats=odt,docx,pdf][&name=BASE][&schema=SCHEMA]
 *   batch&in=DIR&out=DIR[&formats=odt,pdf][&schema=SCHEMA]
 *   review&in=REPORT-or-DIR&out=JSON-or-DIR (ui/review_headless.c)
 * Values are percent-decoded, so any path can be passed.  The outcome is
 * always written to `out` (with "failure" set when the job could not run)
 * and a one-line summary goes to standard error.
 */
#include "ui/headless.h"

#include <stdio.h>
#include <string.h>

#include "core/findings.h"
#include "core/compute.h"
#include "core/findings_json.h"
#include "core/model_json.h"
#include "ui/pipeline.h"
#include "ui/review_headless.h"
#include "uno/any.h"
#include "uno/call.h"
#include "uno/office.h"
#include "uno/sequence.h"
#include "uno/types.h"
#include "uno/ustring.h"

typedef struct {
    JxUnoObject base;
    uno_Interface *context;
} Headless;

/* --- exiting the office ----------------------------------------------------- */

typedef struct {
    JxUnoObject base;
    uno_Interface *context;
} Terminator;

static void terminator_notify(JxUnoObject *self, JxUnoCall *call)
{
    uno_Interface *desktop = jx_office_create(((Terminator *)self)->context,
                                              "com.sun.star.frame.Desktop", NULL);
    sal_Bool done = 0;
    if (desktop != NULL)
        jx_invoke(desktop, "com.sun.star.frame.XDesktop::terminate", &done, NULL, NULL);
    jx_release(&desktop);
}

static void terminator_finalize(JxUnoObject *self)
{
    jx_release(&((Terminator *)self)->context);
}

static const char *const terminator_interfaces[] = {
    "com.sun.star.awt.XCallback", "com.sun.star.lang.XTypeProvider", NULL,
};

static const JxUnoMethodEntry terminator_methods[] = {
    { "com.sun.star.awt.XCallback::notify", terminator_notify },
    { NULL, NULL },
};

static JxUnoClass terminator_class = {
    .implementation_name = "org.jixiao.Terminator",
    .interfaces = terminator_interfaces,
    .methods = terminator_methods,
    .finalize = terminator_finalize,
};

/* Asks the office to exit once the current call has returned. */
static void exit_office_later(uno_Interface *context)
{
    uno_Interface *async = jx_office_create(context, "com.sun.star.awt.AsyncCallback", NULL);
    if (async == NULL)
        return;
    Terminator *t = jx_object_new(&terminator_class, sizeof(Terminator));
    t->context = context;
    context->acquire(context);
    uno_Interface *callback = &t->base.iface;
    uno_Any data;
    jx_any_construct_void(&data);
    void *args[] = { &callback, &data };
    jx_invoke(async, "com.sun.star.awt.XRequestCallback::addCallback", NULL, args, NULL);
    uno_any_destruct(&data, NULL);
    jx_object_release(&t->base);
    jx_release(&async);
}

/* --- commands ----------------------------------------------------------------- */

/* "validate&in=a&out=b" → command "validate" and a table of arguments. */
static char *parse_command(const char *text, GHashTable *args)
{
    g_auto(GStrv) parts = g_strsplit(text, "&", -1);
    char *command = NULL;
    for (int i = 0; parts[i]; i++) {
        char *equals = strchr(parts[i], '=');
        if (equals == NULL) {
            if (command == NULL)
                command = g_uri_unescape_string(parts[i], NULL);
            continue;
        }
        *equals = '\0';
        char *value = g_uri_unescape_string(equals + 1, NULL);
        g_hash_table_insert(args, g_strdup(parts[i]), value ? value : g_strdup(equals + 1));
    }
    return command ? command : g_strdup("");
}

static gboolean write_text(const char *path, const char *text, GError **error)
{
    GError *io = NULL;
    if (g_file_set_contents(path, text, -1, &io))
        return TRUE;
    jx_set_error(error, JX_ERROR_IO, "无法写入 %s：%s", "cannot write %s: %s",
                 path, io->message, path, io->message);
    g_error_free(io);
    return FALSE;
}

static gboolean run_validate(Headless *self, GHashTable *args, GError **error)
{
    const char *in = g_hash_table_lookup(args, "in");
    const char *out = g_hash_table_lookup(args, "out");
    const char *schema = g_hash_table_lookup(args, "schema");
    if (in == NULL || out == NULL) {
        jx_set_error(error, JX_ERROR_INVALID, "validate 需要 in= 和 out=", "validate needs in= and out=");
        return FALSE;
    }
    GError *failure = NULL;
    JxValidation v = { 0 };
    uno_Interface *document = jx_pipeline_open(self->context, in, TRUE, &failure);
    if (document != NULL)
        jx_pipeline_validate(self->context, document, in, schema, &v, &failure);
    jx_pipeline_close(&document);
    g_autofree char *failure_text = failure ? jx_error_text(failure, JX_LANG_EN) : NULL;
    g_autofree char *json = jx_findings_to_json(v.findings, v.workbook, in,
                                                v.schema ? v.schema->id : NULL, failure_text);
    int errors = 0, warnings = 0, notes = 0;
    jx_findings_count(v.findings, &errors, &warnings, &notes);
    if (failure_text)
        fprintf(stderr, "jixiao: %s: %s\n", in, failure_text);
    else
        fprintf(stderr, "jixiao: %s: %d errors, %d warnings, %d notes (%.0f ms, reading %.0f ms)\n",
                in, errors, warnings, notes, v.total_seconds * 1000, v.read_seconds * 1000);
    jx_validation_clear(&v);
    g_clear_error(&failure);
    return write_text(out, json, error);
}

/* compute&in=BOOK&out=COPY[&mode=values|formulas][&findings=JSON][&schema=SCHEMA]:
 * computes into a copy; the input file is never written. */
static gboolean run_compute(Headless *self, GHashTable *args, GError **error)
{
    const char *in = g_hash_table_lookup(args, "in");
    const char *out = g_hash_table_lookup(args, "out");
    const char *mode_name = g_hash_table_lookup(args, "mode");
    const char *findings_path = g_hash_table_lookup(args, "findings");
    if (in == NULL || out == NULL) {
        jx_set_error(error, JX_ERROR_INVALID, "compute 需要 in= 和 out=", "compute needs in= and out=");
        return FALSE;
    }
    int mode = jx_compute_mode_parse(mode_name);
    if (mode == -2) {
        jx_set_error(error, JX_ERROR_INVALID, "mode 应为 values 或 formulas",
                     "mode must be values or formulas");
        return FALSE;
    }
    GError *failure = NULL;
    JxValidation v = { 0 };
    int written = 0;
    uno_Interface *document = jx_pipeline_open(self->context, in, FALSE, &failure);
    gboolean ok = document != NULL &&
                  jx_pipeline_compute(self->context, document, in, g_hash_table_lookup(args, "schema"),
                                      mode, &v, &written, &failure) &&
                  jx_pipeline_store(document, out, &failure);
    jx_pipeline_close(&document);
    g_autofree char *failure_text = failure ? jx_error_text(failure, JX_LANG_EN) : NULL;
    if (ok)
        fprintf(stderr, "jixiao: %s: %d cells computed into %s\n", in, written, out);
    else
        fprintf(stderr, "jixiao: %s: %s\n", in, failure_text);
    gboolean written_ok = TRUE;
    if (findings_path != NULL) {
        g_autofree char *json = jx_findings_to_json(v.findings, v.workbook, in,
                                                    v.schema ? v.schema->id : NULL, failure_text);
        written_ok = write_text(findings_path, json, error);
    }
    jx_validation_clear(&v);
    g_clear_error(&failure);
    return ok && written_ok;
}

/* extract&in=BOOK&out=JSON[&schema=SCHEMA]: the figures as the schema names
 * them, each with its cell. */
static gboolean run_extract(Headless *self, GHashTable *args, GError **error)
{
    const char *in = g_hash_table_lookup(args, "in");
    const char *out = g_hash_table_lookup(args, "out");
    if (in == NULL || out == NULL) {
        jx_set_error(error, JX_ERROR_INVALID, "extract 需要 in= 和 out=", "extract needs in= and out=");
        return FALSE;
    }
    JxValidation v = { 0 };
    GError *failure = NULL;
    uno_Interface *document = jx_pipeline_open(self->context, in, TRUE, &failure);
    gboolean ok = document != NULL &&
                  jx_pipeline_validate(self->context, document, in, g_hash_table_lookup(args, "schema"),
                                       &v, &failure);
    jx_pipeline_close(&document);
    g_autofree char *json = NULL;
    if (ok) {
        json = jx_model_to_json(v.model);
    } else {
        /* the outcome is always written: here, why there is none */
        g_autofree char *text = jx_error_text(failure, JX_LANG_EN);
        json = jx_findings_to_json(NULL, NULL, in, NULL, text);
        fprintf(stderr, "jixiao: %s: %s\n", in, text);
    }
    g_clear_error(&failure);
    jx_validation_clear(&v);
    return write_text(out, json, error) && ok;
}

/* --- reports ------------------------------------------------------------------ */

/* "odt,docx,pdf" → the list of extensions, validated. */
static GStrv report_formats(const char *text, GError **error)
{
    static const char *const known[] = { "odt", "docx", "pdf", "fodt" };
    GStrv formats = g_strsplit(text ? text : "odt,docx,pdf", ",", -1);
    for (int i = 0; formats[i]; i++) {
        gboolean ok = FALSE;
        g_strstrip(formats[i]);
        for (gsize k = 0; k < G_N_ELEMENTS(known); k++)
            ok = ok || strcmp(formats[i], known[k]) == 0;
        if (!ok) {
            jx_set_error(error, JX_ERROR_INVALID, "不支持的报告格式“%s”（可用 odt、docx、pdf、fodt）",
                         "unsupported report format '%s' (use odt, docx, pdf, fodt)", formats[i], formats[i]);
            g_strfreev(formats);
            return NULL;
        }
    }
    return formats;
}

/* The file name without directory and extension. */
static char *base_name(const char *path)
{
    g_autofree char *name = g_path_get_basename(path);
    char *dot = strrchr(name, '.');
    if (dot != NULL && dot != name)
        *dot = '\0';
    return g_strdup(name);
}

typedef struct {
    char *source, *department, *score, *grade, *report, *failure;
    int errors, warnings, placeholders;
    double seconds;
} ReportRow;

static void report_row_clear(gpointer data)
{
    ReportRow *r = data;
    g_free(r->source);
    g_free(r->department);
    g_free(r->score);
    g_free(r->grade);
    g_free(r->report);
    g_free(r->failure);
}

/* One workbook → its report in each format, and its findings JSON. */
static gboolean report_one(Headless *self, const char *in, const char *out_dir, const char *base,
                           GStrv formats, const char *schema, ReportRow *row, GError **error)
{
    gint64 start = g_get_monotonic_time();
    memset(row, 0, sizeof *row);
    row->source = g_strdup(in);
    if (g_mkdir_with_parents(out_dir, 0755) != 0) {
        jx_set_error(error, JX_ERROR_IO, "无法创建目录 %s", "cannot create the directory %s", out_dir, out_dir);
        return FALSE;
    }
    JxReportOutcome outcome = { 0 };
    JxValidation v = { 0 };
    uno_Interface *workbook = jx_pipeline_open(self->context, in, TRUE, error);
    gboolean ok = workbook != NULL &&
                  jx_pipeline_report(self->context, workbook, in, schema, TRUE, &outcome, &v, error);
    jx_pipeline_close(&workbook);
    for (int i = 0; ok && formats[i]; i++) {
        g_autofree char *file = g_strdup_printf("%s.%s", base, formats[i]);
        g_autofree char *path = g_build_filename(out_dir, file, NULL);
        ok = jx_pipeline_store(outcome.document, path, error);
        if (ok && i == 0)
            row->report = g_strdup(path);
    }
    jx_pipeline_close(&outcome.document);
    g_autofree char *findings_file = g_strdup_printf("%s.findings.json", base);
    g_autofree char *findings_path = g_build_filename(out_dir, findings_file, NULL);
    g_autofree char *failure = ok ? NULL : jx_error_text(*error, JX_LANG_EN);
    g_autofree char *json = jx_findings_to_json(v.findings, v.workbook, in, v.schema ? v.schema->id : NULL, failure);
    gboolean written = write_text(findings_path, json, ok ? error : NULL);
    row->department = g_strdup(outcome.department ? outcome.department : "");
    row->score = g_strdup(outcome.total_score ? outcome.total_score : "");
    row->grade = g_strdup(outcome.grade ? outcome.grade : "");
    row->errors = outcome.errors;
    row->warnings = outcome.warnings;
    row->placeholders = outcome.placeholders;
    row->failure = g_strdup(failure);
    for (guint i = 0; outcome.notes && i + 1 < outcome.notes->len; i += 2)
        fprintf(stderr, "jixiao: note: %s\n", (const char *)g_ptr_array_index(outcome.notes, i + 1));
    jx_report_outcome_clear(&outcome);
    jx_validation_clear(&v);
    row->seconds = (g_get_monotonic_time() - start) / 1e6;
    return ok && written;
}

/* report&in=BOOK&out=DIR[&formats=odt,docx,pdf][&name=BASE][&schema=SCHEMA] */
static gboolean run_report(Headless *self, GHashTable *args, GError **error)
{
    const char *in = g_hash_table_lookup(args, "in");
    const char *out = g_hash_table_lookup(args, "out");
    if (in == NULL || out == NULL) {
        jx_set_error(error, JX_ERROR_INVALID, "report 需要 in= 和 out=（目录）", "report needs in= and out= (a directory)");
        return FALSE;
    }
    g_auto(GStrv) formats = report_formats(g_hash_table_lookup(args, "formats"), error);
    if (formats == NULL)
        return FALSE;
    g_autofree char *base = g_hash_table_lookup(args, "name") ? g_strdup(g_hash_table_lookup(args, "name"))
                                                               : base_name(in);
    ReportRow row;
    gboolean ok = report_one(self, in, out, base, formats, g_hash_table_lookup(args, "schema"), &row, error);
    if (ok)
        fprintf(stderr, "jixiao: %s: %s, total %s %s, %d errors, %d warnings, %d values to fill -> %s (%.1f s)\n",
                in, row.department, row.score[0] ? row.score : "—", row.grade, row.errors, row.warnings,
                row.placeholders, row.report, row.seconds);
    report_row_clear(&row);
    return ok;
}

static gboolean is_workbook(const char *name)
{
    static const char *const extensions[] = { ".ods", ".fods", ".xlsx", ".xls" };
    for (gsize i = 0; i < G_N_ELEMENTS(extensions); i++)
        if (g_str_has_suffix(name, extensions[i]))
            return TRUE;
    return FALSE;
}

/* The summary spreadsheet of a batch: one row per workbook, with a link to
 * its report.  Written through a new hidden Calc document. */
static gboolean write_summary(Headless *self, GArray *rows, const char *path, GError **error)
{
    uno_Interface *desktop = jx_office_create(self->context, "com.sun.star.frame.Desktop", error);
    if (desktop == NULL)
        return FALSE;
    static const char *const names[] = { "Hidden" };
    uno_Any hidden;
    jx_any_construct_bool(&hidden, TRUE);
    uno_Sequence *props = jx_office_properties(names, &hidden, 1);
    uno_any_destruct(&hidden, NULL);
    rtl_uString *url = jx_ustr_new("private:factory/scalc"), *target = jx_ustr_new("_blank");
    sal_Int32 flags = 0;
    uno_Interface *document = NULL;
    void *load_args[] = { &url, &target, &flags, &props };
    gboolean ok = jx_invoke(desktop, "com.sun.star.frame.XComponentLoader::loadComponentFromURL",
                            &document, load_args, error);
    rtl_uString_release(url);
    rtl_uString_release(target);
    jx_seq_release(props, "[]com.sun.star.beans.PropertyValue");
    jx_release(&desktop);
    if (!ok || document == NULL)
        return FALSE;
    static const char *const header[] = { "工作簿 Workbook", "单位 Department", "总分 Score", "等级 Grade",
                                          "错误 Errors", "警告 Warnings", "待填 To fill", "报告 Report",
                                          "秒 Seconds", "失败 Failure" };
    int cols = G_N_ELEMENTS(header), n = (int)rows->len + 1;
    uno_Sequence **lines = g_new0(uno_Sequence *, (gsize)n);
    lines[0] = jx_seq_of_strings(header, (gsize)cols);
    for (guint i = 0; i < rows->len; i++) {
        const ReportRow *r = &g_array_index(rows, ReportRow, i);
        g_autofree char *errors = g_strdup_printf("%d", r->errors);
        g_autofree char *warnings = g_strdup_printf("%d", r->warnings);
        g_autofree char *fill = g_strdup_printf("%d", r->placeholders);
        g_autofree char *seconds = g_strdup_printf("%.2f", r->seconds);
        g_autofree char *report_url = r->report ? jx_office_url(r->report) : NULL;
        g_autofree char *link = r->report ? g_strdup_printf("=HYPERLINK(\"%s\";\"%s\")", report_url, r->report) : g_strdup("");
        g_autofree char *name = g_path_get_basename(r->source);
        const char *cells[] = { name, r->department, r->score, r->grade, errors, warnings, fill, link,
                                seconds, r->failure ? r->failure : "" };
        lines[i + 1] = jx_seq_of_strings(cells, (gsize)cols);
    }
    uno_Sequence *array = NULL;
    uno_type_sequence_construct(&array, jx_type_ref("[][]string"), lines, n, NULL);
    for (int i = 0; i < n; i++)
        jx_seq_release(lines[i], "[]string");
    g_free(lines);
    uno_Interface *sheets = jx_office_get(document, "com.sun.star.sheet.XSpreadsheetDocument::getSheets", error);
    uno_Any item;
    sal_Int32 first = 0;
    void *index_args[] = { &first };
    uno_Interface *sheet = NULL, *range = NULL;
    if (sheets && jx_invoke(sheets, "com.sun.star.container.XIndexAccess::getByIndex", &item, index_args, error)) {
        sheet = jx_office_any_interface(&item);
        uno_any_destruct(&item, NULL);
    }
    sal_Int32 left = 0, top = 0, right = cols - 1, bottom = n - 1;
    void *range_args[] = { &left, &top, &right, &bottom };
    ok = sheet && jx_invoke(sheet, "com.sun.star.table.XCellRange::getCellRangeByPosition", &range, range_args, error);
    void *set_args[] = { &array };
    ok = ok && jx_invoke(range, "com.sun.star.sheet.XCellRangeFormula::setFormulaArray", NULL, set_args, error);
    jx_seq_release(array, "[][]string");
    ok = ok && jx_pipeline_store(document, path, error);
    jx_release(&range);
    jx_release(&sheet);
    jx_release(&sheets);
    jx_pipeline_close(&document);
    return ok;
}

static gint compare_paths(gconstpointer a, gconstpointer b)
{
    return g_strcmp0(*(const char *const *)a, *(const char *const *)b);
}

/* batch&in=DIR&out=DIR[&formats=odt,pdf][&schema=SCHEMA]: every workbook of a
 * folder → its report and findings, and out/summary.ods. */
static gboolean run_batch(Headless *self, GHashTable *args, GError **error)
{
    const char *in = g_hash_table_lookup(args, "in");
    const char *out = g_hash_table_lookup(args, "out");
    if (in == NULL || out == NULL) {
        jx_set_error(error, JX_ERROR_INVALID, "batch 需要 in=（目录）和 out=（目录）", "batch needs in= and out= (directories)");
        return FALSE;
    }
    g_auto(GStrv) formats = report_formats(g_hash_table_lookup(args, "formats") ? g_hash_table_lookup(args, "formats")
                                                                               : "odt,pdf", error);
    if (formats == NULL)
        return FALSE;
    GError *io = NULL;
    GDir *dir = g_dir_open(in, 0, &io);
    if (dir == NULL) {
        jx_set_error(error, JX_ERROR_IO, "无法读取目录 %s：%s", "cannot read the directory %s: %s",
                     in, io->message, in, io->message);
        g_error_free(io);
        return FALSE;
    }
    g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func(g_free);
    for (const char *name; (name = g_dir_read_name(dir)) != NULL;)
        if (is_workbook(name))
            g_ptr_array_add(files, g_build_filename(in, name, NULL));
    g_dir_close(dir);
    g_ptr_array_sort(files, compare_paths);
    g_autoptr(GArray) rows = g_array_new(FALSE, TRUE, sizeof(ReportRow));
    g_array_set_clear_func(rows, report_row_clear);
    gint64 start = g_get_monotonic_time();
    for (guint i = 0; i < files->len; i++) {
        const char *path = g_ptr_array_index(files, i);
        g_autofree char *base = base_name(path);
        ReportRow row;
        GError *failure = NULL;
        report_one(self, path, out, base, formats, g_hash_table_lookup(args, "schema"), &row, &failure);
        g_array_append_val(rows, row);
        if (failure != NULL) {
            g_autofree char *text = jx_error_text(failure, JX_LANG_EN);
            fprintf(stderr, "[%u/%u] %s: FAILED: %s\n", i + 1, files->len, base, text);
            g_error_free(failure);
        } else {
            fprintf(stderr, "[%u/%u] %s: %s, total %s %s, %d errors -> %s (%.1f s)\n", i + 1, files->len,
                    base, row.department, row.score, row.grade, row.errors, row.report, row.seconds);
        }
    }
    double seconds = (g_get_monotonic_time() - start) / 1e6;
    g_autofree char *summary = g_build_filename(out, "summary.ods", NULL);
    gboolean ok = g_mkdir_with_parents(out, 0755) == 0 && write_summary(self, rows, summary, error);
    fprintf(stderr, "jixiao: %u workbooks in %.1f s (%.0f per minute); summary: %s\n", files->len, seconds,
            seconds > 0 ? files->len * 60.0 / seconds : 0.0, summary);
    return ok;
}

static gboolean run_review(Headless *self, GHashTable *args, GError **error)
{
    return jx_review_command(self->context, args, error);
}

typedef gboolean (*Command)(Headless *self, GHashTable *args, GError **error);

static const struct { const char *name; Command run; } commands[] = {
    { "validate", run_validate },
    { "compute", run_compute },
    { "extract", run_extract },
    { "report", run_report },
    { "batch", run_batch },
    { "review", run_review },
};

static void trigger(JxUnoObject *object, JxUnoCall *call)
{
    Headless *self = (Headless *)object;
    g_autofree char *text = jx_call_arg_utf8(call, 0);
    g_autoptr(GHashTable) args = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    g_autofree char *name = parse_command(text, args);
    GError *error = NULL;
    gboolean known = FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(commands); i++)
        if (strcmp(commands[i].name, name) == 0) {
            known = TRUE;
            commands[i].run(self, args, &error);
        }
    if (!known)
        jx_set_error(&error, JX_ERROR_INVALID, "未知命令“%s”", "unknown command '%s'", name, name);
    if (error != NULL) {
        g_autofree char *message = jx_error_text(error, JX_LANG_EN);
        fprintf(stderr, "jixiao: %s\n", message);
        g_error_free(error);
    }
    if (g_strcmp0(g_hash_table_lookup(args, "stay"), "1") != 0)
        exit_office_later(self->context);
}

static void headless_finalize(JxUnoObject *self)
{
    jx_release(&((Headless *)self)->context);
}

static const char *const headless_services[] = { JX_HEADLESS_IMPLEMENTATION, NULL };
static const char *const headless_interfaces[] = {
    "com.sun.star.task.XJobExecutor", "com.sun.star.lang.XServiceInfo",
    "com.sun.star.lang.XTypeProvider", NULL,
};
static const JxUnoMethodEntry headless_methods[] = {
    { "com.sun.star.task.XJobExecutor::trigger", trigger },
    { NULL, NULL },
};

static JxUnoClass headless_class = {
    .implementation_name = JX_HEADLESS_IMPLEMENTATION,
    .service_names = headless_services,
    .interfaces = headless_interfaces,
    .methods = headless_methods,
    .finalize = headless_finalize,
};

static JxUnoObject *headless_construct(uno_Interface *context, uno_Sequence *arguments,
                                       char **error_text)
{
    if (context == NULL) {
        *error_text = g_strdup("org.jixiao.Headless needs a component context");
        return NULL;
    }
    Headless *self = jx_object_new(&headless_class, sizeof(Headless));
    self->context = context;
    context->acquire(context);
    return &self->base;
}

const JxImplementation jx_headless_implementation = { &headless_class, headless_construct };

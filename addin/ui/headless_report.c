/*
 * headless_report.c: one workbook → its report in each format, its
 * findings JSON, and the summary row that batch collects.
 */
#include "ui/headless_report.h"

#include <string.h>

#include "core/error.h"
#include "core/findings_json.h"
#include "ui/headless_commands.h"
#include "ui/headless_paths.h"
#include "ui/documents.h"
#include "ui/report_run.h"
#include "ui/validate_run.h"

GStrv jx_door_report_formats(const char *text, GError **error)
{
    static const char *const known[] = { "odt", "docx", "pdf", "fodt" };
    GStrv formats = g_strsplit(text, ",", -1);
    for (int i = 0; formats[i]; i++) {
        gboolean ok = FALSE;
        g_strstrip(formats[i]);
        for (gsize k = 0; k < G_N_ELEMENTS(known); k++)
            ok = ok || strcmp(formats[i], known[k]) == 0;
        if (!ok) {
            jx_set_error(error, JX_ERROR_INVALID, "不支持的报告格式“%s”（可用 odt、docx、pdf、fodt）",
                         "unsupported report format '%s' (use odt, docx, pdf, fodt)", formats[i]);
            g_strfreev(formats);
            return NULL;
        }
    }
    if (formats[0] == NULL) {
        jx_set_error(error, JX_ERROR_INVALID, "formats 为空", "formats is empty");
        g_strfreev(formats);
        return NULL;
    }
    return formats;
}

static double seconds_since(gint64 start)
{
    return (g_get_monotonic_time() - start) / 1e6;
}

static void add_outcome(cJSON *row, const JxReportOutcome *outcome, const JxValidation *v)
{
    int errors = 0, warnings = 0, notes = 0;
    jx_findings_count(v->findings, &errors, &warnings, &notes);
    cJSON_AddStringToObject(row, "department", outcome->department ? outcome->department : "");
    cJSON_AddStringToObject(row, "score", outcome->total_score ? outcome->total_score : "");
    cJSON_AddStringToObject(row, "grade", outcome->grade ? outcome->grade : "");
    cJSON_AddNumberToObject(row, "errors", errors);
    cJSON_AddNumberToObject(row, "warnings", warnings);
    cJSON_AddNumberToObject(row, "notes", notes);
    cJSON_AddNumberToObject(row, "placeholders", outcome->placeholders);
}

cJSON *jx_door_report_one(uno_Interface *context, const JxReportJob *job)
{
    gint64 start = g_get_monotonic_time();
    cJSON *row = cJSON_CreateObject(), *phases = cJSON_CreateObject();
    cJSON_AddStringToObject(row, "source", job->in);
    GError *failure = NULL;
    JxReportOutcome outcome = { 0 };
    JxValidation v = { 0 };
    g_autofree char *findings_file = g_strdup_printf("%s.findings.json", job->base);
    g_autofree char *findings_path = g_build_filename(job->out_dir, findings_file, NULL);
    gboolean findings_allowed = jx_door_check_output(findings_path, job->in, &failure);
    gboolean ok = findings_allowed;
    uno_Interface *workbook = ok ? jx_door_open_workbook(context, job->in, job->schema, &failure) : NULL;
    cJSON_AddNumberToObject(phases, "open", seconds_since(start));
    ok = workbook != NULL && jx_validate_run(context, workbook, job->in, job->schema, &v, &failure) &&
         jx_report_run(context, &v, TRUE, &outcome, &failure);
    jx_document_close(&workbook);
    cJSON_AddNumberToObject(phases, "validate", v.total_seconds);
    cJSON_AddNumberToObject(phases, "build", outcome.build_seconds);
    cJSON_AddNumberToObject(phases, "load", outcome.load_seconds);
    for (int i = 0; ok && job->formats[i]; i++) {
        g_autofree char *file = g_strdup_printf("%s.%s", job->base, job->formats[i]);
        g_autofree char *path = g_build_filename(job->out_dir, file, NULL);
        gint64 stored = g_get_monotonic_time();
        ok = jx_door_check_output(path, job->in, &failure) && jx_door_make_parent_folder(path, &failure) &&
             jx_document_store(outcome.document, path, &failure);
        g_autofree char *phase = g_strdup_printf("store.%s", job->formats[i]);
        cJSON_AddNumberToObject(phases, phase, seconds_since(stored));
        if (ok && i == 0)
            cJSON_AddStringToObject(row, "report", path);
    }
    jx_document_close(&outcome.document);
    if (ok)
        add_outcome(row, &outcome, &v);
    g_autofree char *failure_text = failure ? jx_error_text(failure, JX_LANG_EN) : NULL;
    g_autofree char *json = jx_findings_to_json(v.findings, v.workbook, job->in,
                                                v.schema ? v.schema->id : NULL, failure_text);
    GError *io = NULL;
    if (findings_allowed && jx_door_write_text(findings_path, json, &io))
        cJSON_AddStringToObject(row, "findings", findings_path);
    else if (failure_text == NULL)
        failure_text = jx_error_text(io, JX_LANG_EN);
    g_clear_error(&io);
    if (failure_text != NULL)
        cJSON_AddStringToObject(row, "failure", failure_text);
    for (guint i = 0; outcome.notes && i < outcome.notes->len; i++)
        jx_door_say("jixiao: note: %s\n", g_array_index(outcome.notes, JxText, i).en);
    jx_report_outcome_clear(&outcome);
    jx_validation_clear(&v);
    g_clear_error(&failure);
    cJSON_AddNumberToObject(row, "seconds", seconds_since(start));
    cJSON_AddItemToObject(row, "phases", phases);
    return row;
}

/* One line about a row, for the terminal. */
void jx_door_say_row(const char *prefix, const cJSON *row)
{
    const char *source = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(row, "source"));
    const char *failure = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(row, "failure"));
    if (failure != NULL) {
        jx_door_say("%s%s: FAILED: %s\n", prefix, source, failure);
        return;
    }
    const char *score = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(row, "score"));
    jx_door_say("%s%s: %s, total %s %s, %d errors, %d warnings, %d values to fill -> %s (%.1f s)\n", prefix, source,
                cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(row, "department")),
                score && score[0] ? score : "—",
                cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(row, "grade")),
                (int)cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(row, "errors")),
                (int)cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(row, "warnings")),
                (int)cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(row, "placeholders")),
                cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(row, "report")),
                cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(row, "seconds")));
}

/* The file name without folder and extension. */
char *jx_door_stem(const char *path)
{
    char *name = g_path_get_basename(path);
    char *dot = strrchr(name, '.');
    if (dot != NULL && dot != name)
        *dot = '\0';
    return name;
}

/* report&in=BOOK&out=DIR[&formats=odt,docx,pdf][&name=BASE][&schema=SCHEMA] */
gboolean jx_door_report(uno_Interface *context, const JxQuery *query, GError **error)
{
    static const char *const needed[] = { "in", "out", NULL };
    if (!jx_door_require(query, needed, error))
        return FALSE;
    const char *formats_text = jx_query_get(query, "formats");
    g_auto(GStrv) formats = jx_door_report_formats(formats_text ? formats_text : "odt,docx,pdf", error);
    const char *name = jx_query_get(query, "name");
    if (formats == NULL || (name != NULL && !jx_door_check_name(name, error)))
        return FALSE;
    g_autofree char *base = name ? g_strdup(name) : jx_door_stem(jx_query_get(query, "in"));
    JxReportJob job = { jx_query_get(query, "in"), jx_query_get(query, "out"), base,
                        jx_query_get(query, "schema"), formats };
    cJSON *row = jx_door_report_one(context, &job);
    jx_door_say_row("jixiao: ", row);
    gboolean ok = !cJSON_HasObjectItem(row, "failure");
    cJSON_Delete(row);
    return ok;
}

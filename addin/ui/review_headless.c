/*
 * review_headless.c: reviewing report files without a window (see
 * review_headless.h).  The outcome is always written, with "failure" set
 * when a report could not be read, and a one-line summary per report goes
 * to standard error.
 */
#include "ui/review_headless.h"

#include <string.h>

#include <cjson/cJSON.h>
#include <glib/gstdio.h>

#include "core/error.h"
#include "core/review.h"
#include "core/summary.h"
#include "ui/documents.h"
#include "ui/headless_commands.h"
#include "ui/headless_paths.h"
#include "ui/schema_cache.h"
#include "uno/office.h"
#include "writer/read_paragraphs.h"

#define MAX_REPORT_BYTES (64u << 20)

static const char *const text_extensions[] = { ".txt", ".text" };
static const char *const document_extensions[] = { ".odt", ".fodt", ".docx", ".doc", ".rtf", ".wps" };

static const JxSummaryColumn summary_columns[] = {
    { "source", "报告 Report", JX_SUMMARY_LINK, "6cm" },
    { "paragraphs", "段落 Paragraphs", JX_SUMMARY_COUNT, "2.4cm" },
    { "errors", "错误 Errors", JX_SUMMARY_COUNT, "2cm" },
    { "warnings", "警告 Warnings", JX_SUMMARY_COUNT, "2.4cm" },
    { "notes", "提示 Notes", JX_SUMMARY_COUNT, "2cm" },
    { "first", "首个问题 First finding", JX_SUMMARY_TEXT, "12cm" },
    { "findings", "审阅结果 Findings", JX_SUMMARY_NAME, "6cm" },
    { "seconds", "秒 Seconds", JX_SUMMARY_NUMBER, "2.2cm" },
    { "failure", "失败 Failure", JX_SUMMARY_TEXT, "8cm" },
};

static gboolean has_extension(const char *path, const char *const *extensions, gsize n)
{
    g_autofree char *lower = g_ascii_strdown(path, -1);
    for (gsize i = 0; i < n; i++)
        if (g_str_has_suffix(lower, extensions[i]))
            return TRUE;
    return FALSE;
}

static gboolean is_report(const char *path)
{
    return has_extension(path, text_extensions, G_N_ELEMENTS(text_extensions)) ||
           has_extension(path, document_extensions, G_N_ELEMENTS(document_extensions));
}

GPtrArray *jx_review_read_file(uno_Interface *context, const char *path, GError **error)
{
    if (has_extension(path, text_extensions, G_N_ELEMENTS(text_extensions)))
        return jx_review_read_text_file(path, MAX_REPORT_BYTES, error);
    GStatBuf st;
    if (g_stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
        jx_set_error(error, JX_ERROR_IO, "无法读取 %s：不是文件或不存在", "cannot read %s: not a file or missing",
                     path);
        return NULL;
    }
    if (!is_report(path)) {
        jx_set_error(error, JX_ERROR_IO, "%s 不是报告文件（可审阅 .odt、.docx、.doc、.rtf、.txt）",
                     "%s is not a report file (.odt, .docx, .doc, .rtf, .txt can be reviewed)", path);
        return NULL;
    }
    if ((guint64)st.st_size > MAX_REPORT_BYTES) {
        jx_set_error(error, JX_ERROR_IO, "%s 太大（超过 %u 字节），不像一份报告",
                     "%s is too large (over %u bytes) to be a report", path, MAX_REPORT_BYTES);
        return NULL;
    }
    GError *failure = NULL;
    uno_Interface *document = jx_document_open(context, path, TRUE, &failure);
    if (document == NULL) {
        g_clear_error(&failure);
        jx_set_error(error, JX_ERROR_IO, "LibreOffice 无法打开 %s：文件已损坏、设有密码，或不是它能读取的文档",
                     "LibreOffice cannot open %s: the file is damaged, password-protected, or not a document it reads",
                     path);
        return NULL;
    }
    GPtrArray *paragraphs = jx_writer_read_paragraphs(document, &failure);
    jx_document_close(&document);
    if (paragraphs == NULL) {
        g_autofree char *zh = jx_error_text(failure, JX_LANG_ZH);
        g_autofree char *en = jx_error_text(failure, JX_LANG_EN);
        g_autofree char *zh_full = g_strdup_printf("%s：%s", path, zh);
        g_autofree char *en_full = g_strdup_printf("%s: %s", path, en);
        jx_set_error_texts(error, failure->code, zh_full, en_full);
        g_error_free(failure);
    }
    return paragraphs;
}

gboolean jx_review_rules_for(uno_Interface *context, const char *schema_path, JxReviewRules *rules,
                             GError **error)
{
    GError *failure = NULL;
    const JxBundle *bundle = jx_schema_cache_get(context, schema_path, &failure);
    if (bundle != NULL) {
        jx_review_rules_from_settings(rules, &bundle->schema->settings);
        return TRUE;
    }
    jx_review_rules_init_default(rules);
    if (schema_path == NULL) {   /* no schema of the extension's own: the documented defaults */
        g_clear_error(&failure);
        return TRUE;
    }
    g_propagate_error(error, failure);
    return FALSE;
}

/* Reviews one file, writes its findings to json_path, and returns its
 * summary row. */
static cJSON *review_one(uno_Interface *context, const char *in, const char *json_path,
                         const JxReviewRules *rules, GError **error)
{
    gint64 start = g_get_monotonic_time();
    GError *failure = NULL;
    g_autoptr(GPtrArray) paragraphs = jx_door_check_output(json_path, in, &failure)
                                          ? jx_review_read_file(context, in, &failure) : NULL;
    g_autoptr(GPtrArray) findings = paragraphs ? jx_review_run(paragraphs, rules) : NULL;
    g_autofree char *reason = failure ? jx_error_text(failure, JX_LANG_EN) : NULL;
    g_clear_error(&failure);
    int errors, warnings, notes;
    jx_findings_count(findings, &errors, &warnings, &notes);
    double seconds = (g_get_monotonic_time() - start) / 1e6;
    cJSON *row = cJSON_CreateObject();
    cJSON_AddStringToObject(row, "source", in);
    cJSON_AddNumberToObject(row, "paragraphs", paragraphs ? paragraphs->len : 0);
    cJSON_AddNumberToObject(row, "errors", errors);
    cJSON_AddNumberToObject(row, "warnings", warnings);
    cJSON_AddNumberToObject(row, "notes", notes);
    if (findings && findings->len > 0)
        cJSON_AddStringToObject(row, "first", ((JxFinding *)g_ptr_array_index(findings, 0))->text[JX_LANG_ZH]);
    cJSON_AddStringToObject(row, "findings", json_path);
    cJSON_AddNumberToObject(row, "seconds", seconds);
    if (reason) {
        cJSON_AddStringToObject(row, "failure", reason);
        jx_door_say("jixiao: %s: %s\n", in, reason);
    } else {
        jx_door_say("jixiao: %s: %u paragraphs, %d errors, %d warnings, %d notes (%.0f ms)\n", in,
                    paragraphs->len, errors, warnings, notes, seconds * 1000);
    }
    g_autofree char *json = jx_review_to_json(findings, paragraphs, in, reason);
    if (!jx_door_write_text(json_path, json, error)) {
        cJSON_Delete(row);
        return NULL;
    }
    return row;
}

static gint compare_paths(gconstpointer a, gconstpointer b)
{
    return g_strcmp0(*(const char *const *)a, *(const char *const *)b);
}

static gboolean write_summary(uno_Interface *context, const cJSON *rows, const char *path, GError **error)
{
    g_autofree char *fods = jx_summary_table_to_fods(summary_columns, G_N_ELEMENTS(summary_columns), rows);
    GError *office = NULL;
    uno_Interface *document = jx_office_load_bytes(context, fods, strlen(fods),
                                                   "OpenDocument Spreadsheet Flat XML", TRUE, &office);
    if (document == NULL) {
        jx_set_error(error, JX_ERROR_IO, "无法生成汇总表：%s", "cannot make the summary: %s",
                     office->message);
        g_error_free(office);
        return FALSE;
    }
    gboolean ok = jx_document_store(document, path, error);
    jx_document_close(&document);
    return ok;
}

/* Every report of a folder, then summary.json and summary.ods. */
static gboolean review_folder(uno_Interface *context, const char *in, const char *out,
                              const JxReviewRules *rules, GError **error)
{
    GError *io = NULL;
    GDir *dir = g_dir_open(in, 0, &io);
    if (dir == NULL) {
        jx_set_error(error, JX_ERROR_IO, "无法读取目录 %s：%s", "cannot read the folder %s: %s",
                     in, io->message);
        g_error_free(io);
        return FALSE;
    }
    g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func(g_free);
    for (const char *name; (name = g_dir_read_name(dir)) != NULL;) {
        g_autofree char *path = g_build_filename(in, name, NULL);
        if (is_report(name) && g_file_test(path, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add(files, g_steal_pointer(&path));
    }
    g_dir_close(dir);
    g_ptr_array_sort(files, compare_paths);
    cJSON *rows = cJSON_CreateArray();
    gboolean ok = TRUE;
    gint64 start = g_get_monotonic_time();
    for (guint i = 0; i < files->len && ok; i++) {
        const char *path = g_ptr_array_index(files, i);
        g_autofree char *name = g_path_get_basename(path);
        g_autofree char *json_name = g_strdup_printf("%s.review.json", name);
        g_autofree char *json = g_build_filename(out, json_name, NULL);
        cJSON *row = review_one(context, path, json, rules, error);
        ok = row != NULL;
        if (row)
            cJSON_AddItemToArray(rows, row);
    }
    g_autofree char *rows_path = g_build_filename(out, "summary.json", NULL);
    g_autofree char *summary = g_build_filename(out, "summary.ods", NULL);
    char *text = cJSON_Print(rows);
    ok = ok && jx_door_write_text(rows_path, text, error) && write_summary(context, rows, summary, error);
    cJSON_free(text);
    cJSON_Delete(rows);
    jx_door_say("jixiao: %u reports reviewed in %.1f s; summary: %s\n", files->len,
                (g_get_monotonic_time() - start) / 1e6, summary);
    return ok;
}

gboolean jx_door_review(uno_Interface *context, const JxQuery *query, GError **error)
{
    static const char *const needed[] = { "in", "out", NULL };
    if (!jx_door_require(query, needed, error))
        return FALSE;
    const char *in = jx_query_get(query, "in");
    const char *out = jx_query_get(query, "out");
    JxReviewRules rules;
    if (!jx_review_rules_for(context, jx_query_get(query, "schema"), &rules, error))
        return FALSE;
    if (g_file_test(in, G_FILE_TEST_IS_DIR))
        return review_folder(context, in, out, &rules, error);
    cJSON *row = review_one(context, in, out, &rules, error);
    cJSON_Delete(row);
    return row != NULL;
}

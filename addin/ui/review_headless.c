/*
 * review_headless.c: reviewing report files without a window (see
 * review_headless.h).  The outcome is always written, with "failure" set
 * when a report could not be read, and a one-line summary per report goes
 * to standard error.
 */
#include "ui/review_headless.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "core/error.h"
#include "core/review.h"
#include "ui/pipeline.h"
#include "ui/table_file.h"
#include "writer/read_paragraphs.h"

#define MAX_REPORT_BYTES (64u << 20)

static const char *const text_extensions[] = { ".txt", ".text" };
static const char *const document_extensions[] = { ".odt", ".fodt", ".docx", ".doc", ".rtf", ".wps" };

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
                     path, path);
        return NULL;
    }
    if (!is_report(path)) {
        jx_set_error(error, JX_ERROR_IO, "%s 不是报告文件（可审阅 .odt、.docx、.doc、.rtf、.txt）",
                     "%s is not a report file (.odt, .docx, .doc, .rtf, .txt can be reviewed)", path, path);
        return NULL;
    }
    if ((guint64)st.st_size > MAX_REPORT_BYTES) {
        jx_set_error(error, JX_ERROR_IO, "%s 太大（超过 %u 字节），不像一份报告",
                     "%s is too large (over %u bytes) to be a report", path, MAX_REPORT_BYTES, path, MAX_REPORT_BYTES);
        return NULL;
    }
    uno_Interface *document = jx_pipeline_open(context, path, TRUE, error);
    if (document == NULL)
        return NULL;
    GError *failure = NULL;
    GPtrArray *paragraphs = jx_writer_read_paragraphs(document, &failure);
    jx_pipeline_close(&document);
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

typedef struct {
    char *source, *json, *first, *failure;
    int paragraphs, errors, warnings, notes;
    double seconds;
} Outcome;

static void outcome_clear(Outcome *o)
{
    g_free(o->source);
    g_free(o->json);
    g_free(o->first);
    g_free(o->failure);
}

/* Reviews one file and writes its findings to json_path. */
static gboolean review_one(uno_Interface *context, const char *in, const char *json_path, Outcome *o,
                           GError **error)
{
    gint64 start = g_get_monotonic_time();
    memset(o, 0, sizeof *o);
    o->source = g_strdup(in);
    o->json = g_strdup(json_path);
    GError *failure = NULL;
    g_autoptr(GPtrArray) paragraphs = jx_review_read_file(context, in, &failure);
    g_autoptr(GPtrArray) findings = paragraphs ? jx_review_run(paragraphs, NULL) : NULL;
    if (failure)
        o->failure = jx_error_text(failure, JX_LANG_EN);
    g_clear_error(&failure);
    jx_findings_count(findings, &o->errors, &o->warnings, &o->notes);
    o->paragraphs = paragraphs ? (int)paragraphs->len : 0;
    if (findings && findings->len > 0)
        o->first = g_strdup(((JxFinding *)g_ptr_array_index(findings, 0))->text[JX_LANG_ZH]);
    o->seconds = (g_get_monotonic_time() - start) / 1e6;
    if (o->failure)
        fprintf(stderr, "jixiao: %s: %s\n", in, o->failure);
    else
        fprintf(stderr, "jixiao: %s: %d paragraphs, %d errors, %d warnings, %d notes (%.0f ms)\n", in,
                o->paragraphs, o->errors, o->warnings, o->notes, o->seconds * 1000);
    g_autofree char *json = jx_review_to_json(findings, paragraphs, in, o->failure);
    GError *io = NULL;
    if (!g_file_set_contents(json_path, json, -1, &io)) {
        jx_set_error(error, JX_ERROR_IO, "无法写入 %s：%s", "cannot write %s: %s", json_path, io->message,
                     json_path, io->message);
        g_error_free(io);
        return FALSE;
    }
    return TRUE;
}

static gint compare_paths(gconstpointer a, gconstpointer b)
{
    return g_strcmp0(*(const char *const *)a, *(const char *const *)b);
}

static gboolean write_summary(uno_Interface *context, GArray *outcomes, const char *path, GError **error)
{
    static const char *const header[] = {
        "报告 Report", "段落 Paragraphs", "错误 Errors", "警告 Warnings", "提示 Notes",
        "首个问题 First finding", "审阅结果 Findings file", "秒 Seconds", "失败 Failure",
    };
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < outcomes->len; i++) {
        const Outcome *o = &g_array_index(outcomes, Outcome, i);
        const char **cells = g_new0(const char *, G_N_ELEMENTS(header));
        char *numbers[] = {
            g_strdup_printf("%d", o->paragraphs), g_strdup_printf("%d", o->errors),
            g_strdup_printf("%d", o->warnings), g_strdup_printf("%d", o->notes),
            g_strdup_printf("%.2f", o->seconds), g_path_get_basename(o->json),
        };
        for (gsize k = 0; k < G_N_ELEMENTS(numbers); k++)
            g_ptr_array_add(texts, numbers[k]);
        cells[0] = o->source;
        cells[1] = numbers[0];
        cells[2] = numbers[1];
        cells[3] = numbers[2];
        cells[4] = numbers[3];
        cells[5] = o->first ? o->first : "";
        cells[6] = numbers[5];
        cells[7] = numbers[4];
        cells[8] = o->failure ? o->failure : "";
        g_ptr_array_add(rows, cells);
    }
    return jx_table_file_store(context, header, G_N_ELEMENTS(header), rows, 0, path, error);
}

/* Every report of a folder, and the summary. */
static gboolean review_folder(uno_Interface *context, const char *in, const char *out, GError **error)
{
    GError *io = NULL;
    GDir *dir = g_dir_open(in, 0, &io);
    if (dir == NULL) {
        jx_set_error(error, JX_ERROR_IO, "无法读取目录 %s：%s", "cannot read the directory %s: %s",
                     in, io->message, in, io->message);
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
    if (g_mkdir_with_parents(out, 0755) != 0) {
        jx_set_error(error, JX_ERROR_IO, "无法创建目录 %s", "cannot create the directory %s", out, out);
        return FALSE;
    }
    g_autoptr(GArray) outcomes = g_array_new(FALSE, TRUE, sizeof(Outcome));
    g_array_set_clear_func(outcomes, (GDestroyNotify)outcome_clear);
    gboolean ok = TRUE;
    gint64 start = g_get_monotonic_time();
    for (guint i = 0; i < files->len; i++) {
        const char *path = g_ptr_array_index(files, i);
        g_autofree char *name = g_path_get_basename(path);
        g_autofree char *json_name = g_strdup_printf("%s.review.json", name);
        g_autofree char *json = g_build_filename(out, json_name, NULL);
        Outcome o;
        ok = review_one(context, path, json, &o, ok ? error : NULL) && ok;
        g_array_append_val(outcomes, o);
    }
    g_autofree char *summary = g_build_filename(out, "summary.ods", NULL);
    ok = write_summary(context, outcomes, summary, ok ? error : NULL) && ok;
    double seconds = (g_get_monotonic_time() - start) / 1e6;
    fprintf(stderr, "jixiao: %u reports reviewed in %.1f s; summary: %s\n", files->len, seconds, summary);
    return ok;
}

gboolean jx_review_command(uno_Interface *context, GHashTable *args, GError **error)
{
    const char *in = g_hash_table_lookup(args, "in");
    const char *out = g_hash_table_lookup(args, "out");
    if (in == NULL || out == NULL) {
        jx_set_error(error, JX_ERROR_INVALID, "review 需要 in=（报告或目录）和 out=",
                     "review needs in= (a report or a folder) and out=");
        return FALSE;
    }
    if (g_file_test(in, G_FILE_TEST_IS_DIR))
        return review_folder(context, in, out, error);
    Outcome o;
    gboolean ok = review_one(context, in, out, &o, error);
    outcome_clear(&o);
    return ok;
}

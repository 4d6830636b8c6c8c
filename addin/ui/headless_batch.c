/*
 * headless_batch.c: a folder of workbooks → a report and findings per
 * workbook, summary.json (the rows) and summary.ods; and the summary alone
 * from rows, which is how shards run on many offices or machines are
 * joined.
 *
 * Names: each workbook's files are named after its file name without the
 * extension (科协.ods → 科协.odt), unless another workbook of the folder has
 * the same stem; then after the whole file name (科协.ods.odt, 科协.xlsx.odt),
 * so no report replaces another.  The rule looks at the whole folder, and
 * shares are drawn by stem, so every share names alike.
 */
#include "ui/headless_commands.h"

#include <cjson/cJSON.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/error.h"
#include "core/summary.h"
#include "ui/headless_paths.h"
#include "ui/headless_report.h"
#include "ui/documents.h"
#include "uno/office.h"

#define MAX_SHARES 100000
#define MAX_ROWS_BYTES (64 * 1024 * 1024)

static gboolean is_workbook(const char *name)
{
    static const char *const extensions[] = { ".ods", ".fods", ".xlsx", ".xls" };
    for (gsize i = 0; i < G_N_ELEMENTS(extensions); i++)
        if (g_str_has_suffix(name, extensions[i]) && name[0] != '.')
            return TRUE;
    return FALSE;
}

/* FNV-1a: the same share for the same stem on every machine. */
static guint32 stem_hash(const char *stem)
{
    guint32 hash = 2166136261u;
    for (const unsigned char *c = (const unsigned char *)stem; *c; c++)
        hash = (hash ^ *c) * 16777619u;
    return hash;
}

typedef struct {
    char *path, *base;
} Input;

static void input_clear(gpointer data)
{
    Input *input = data;
    g_free(input->path);
    g_free(input->base);
}

static gint compare_inputs(gconstpointer a, gconstpointer b)
{
    return strcmp(((const Input *)a)->path, ((const Input *)b)->path);
}

/* Every workbook of folder, sorted, each with its output base name. */
static GArray *list_inputs(const char *folder, GError **error)
{
    GError *io = NULL;
    GDir *dir = g_dir_open(folder, 0, &io);
    if (dir == NULL) {
        jx_set_error(error, JX_ERROR_IO, "无法读取目录 %s：%s", "cannot read the folder %s: %s",
                     folder, io->message);
        g_error_free(io);
        return NULL;
    }
    GArray *inputs = g_array_new(FALSE, TRUE, sizeof(Input));
    g_array_set_clear_func(inputs, input_clear);
    g_autoptr(GHashTable) stems = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (const char *name; (name = g_dir_read_name(dir)) != NULL;) {
        g_autofree char *path = g_build_filename(folder, name, NULL);
        if (!is_workbook(name) || !g_file_test(path, G_FILE_TEST_IS_REGULAR))
            continue;
        Input input = { g_steal_pointer(&path), jx_door_stem(name) };
        guint count = GPOINTER_TO_UINT(g_hash_table_lookup(stems, input.base));
        g_hash_table_insert(stems, g_strdup(input.base), GUINT_TO_POINTER(count + 1));
        g_array_append_val(inputs, input);
    }
    g_dir_close(dir);
    g_array_sort(inputs, compare_inputs);
    for (guint i = 0; i < inputs->len; i++) {
        Input *input = &g_array_index(inputs, Input, i);
        if (GPOINTER_TO_UINT(g_hash_table_lookup(stems, input->base)) > 1) {
            g_free(input->base);
            input->base = g_path_get_basename(input->path);
        }
    }
    return inputs;
}

/* "K/N" → share K of N (1 ≤ K ≤ N); NULL → 1/1. */
static gboolean parse_share(const char *text, guint *k, guint *n, GError **error)
{
    *k = *n = 1;
    if (text == NULL)
        return TRUE;
    char *end;
    guint64 a = g_ascii_strtoull(text, &end, 10);
    guint64 b = *end == '/' ? g_ascii_strtoull(end + 1, &end, 10) : 0;
    if (*end != '\0' || a < 1 || b < 1 || a > b || b > MAX_SHARES) {
        jx_set_error(error, JX_ERROR_INVALID, "share=“%s” 应为 K/N（1 ≤ K ≤ N）",
                     "share='%s' must be K/N (1 ≤ K ≤ N)", text);
        return FALSE;
    }
    *k = (guint)a;
    *n = (guint)b;
    return TRUE;
}

static gboolean same_folder(const char *a, const char *b)
{
    GStatBuf sa, sb;
    return g_stat(a, &sa) == 0 && g_stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The summary spreadsheet of rows, stored at path. */
static gboolean write_summary(uno_Interface *context, const cJSON *rows, const char *path, GError **error)
{
    g_autofree char *fods = jx_summary_to_fods(rows);
    GError *office = NULL;
    uno_Interface *document = jx_office_load_bytes(context, fods, strlen(fods),
                                                   "OpenDocument Spreadsheet Flat XML", TRUE, &office);
    if (document == NULL) {
        jx_set_error(error, JX_ERROR_IO, "无法生成汇总表：%s", "cannot make the summary: %s",
                     office->message);
        g_error_free(office);
        return FALSE;
    }
    gboolean ok = jx_door_make_parent_folder(path, error) && jx_document_store(document, path, error);
    jx_document_close(&document);
    return ok;
}

/* An output of the batch must not be one of its inputs. */
static gboolean check_outputs(const char *const *outputs, GArray *inputs, GError **error)
{
    for (int o = 0; outputs[o]; o++)
        for (guint i = 0; i < inputs->len; i++)
            if (!jx_door_check_output(outputs[o], g_array_index(inputs, Input, i).path, error))
                return FALSE;
    return TRUE;
}

/* batch&in=DIR&out=DIR[&formats=odt,pdf][&schema=SCHEMA][&share=K/N]
 *      [&rows=FILE.json][&summary=FILE.ods|none] */
gboolean jx_door_batch(uno_Interface *context, const JxQuery *query, GError **error)
{
    static const char *const needed[] = { "in", "out", NULL };
    if (!jx_door_require(query, needed, error))
        return FALSE;
    const char *in = jx_query_get(query, "in"), *out = jx_query_get(query, "out");
    const char *formats_text = jx_query_get(query, "formats");
    g_auto(GStrv) formats = jx_door_report_formats(formats_text ? formats_text : "odt,pdf", error);
    guint k, n;
    if (formats == NULL || !parse_share(jx_query_get(query, "share"), &k, &n, error))
        return FALSE;
    if (!g_file_test(in, G_FILE_TEST_IS_DIR)) {
        jx_set_error(error, JX_ERROR_IO, "%s 不是文件夹", "%s is not a folder", in);
        return FALSE;
    }
    if (same_folder(in, out)) {
        jx_set_error(error, JX_ERROR_INVALID, "输出文件夹就是输入文件夹 %s：请另选输出文件夹",
                     "the output folder is the input folder %s: choose another output folder", in);
        return FALSE;
    }
    g_autoptr(GArray) inputs = list_inputs(in, error);
    if (inputs == NULL)
        return FALSE;
    g_autofree char *suffix = n > 1 ? g_strdup_printf("-%u-of-%u", k, n) : g_strdup("");
    g_autofree char *rows_default = g_strdup_printf("%s/summary%s.json", out, suffix);
    g_autofree char *summary_default = g_strdup_printf("%s/summary%s.ods", out, suffix);
    const char *rows_path = jx_query_get(query, "rows");
    const char *summary_path = jx_query_get(query, "summary");
    rows_path = rows_path ? rows_path : rows_default;
    summary_path = summary_path ? summary_path : summary_default;
    gboolean with_summary = strcmp(summary_path, "none") != 0;
    const char *outputs[] = { rows_path, with_summary ? summary_path : NULL, NULL };
    if (!check_outputs(outputs, inputs, error))
        return FALSE;

    g_autoptr(GPtrArray) mine = g_ptr_array_new();
    for (guint i = 0; i < inputs->len; i++) {
        Input *input = &g_array_index(inputs, Input, i);
        g_autofree char *stem = jx_door_stem(input->path);
        if (stem_hash(stem) % n == k - 1)
            g_ptr_array_add(mine, input);
    }
    jx_door_say("jixiao: batch: %u workbooks (share %u/%u of %u)\n", mine->len, k, n, inputs->len);
    cJSON *rows = cJSON_CreateArray();
    gint64 start = g_get_monotonic_time();
    for (guint i = 0; i < mine->len; i++) {
        const Input *input = g_ptr_array_index(mine, i);
        JxReportJob job = { input->path, out, input->base, jx_query_get(query, "schema"), formats };
        cJSON *row = jx_door_report_one(context, &job);
        g_autofree char *prefix = g_strdup_printf("[%u/%u] ", i + 1, mine->len);
        jx_door_say_row(prefix, row);
        cJSON_AddItemToArray(rows, row);
    }
    double seconds = (g_get_monotonic_time() - start) / 1e6;
    g_autofree char *json = cJSON_Print(rows);
    gboolean ok = jx_door_write_text(rows_path, json, error) &&
                  (!with_summary || write_summary(context, rows, summary_path, error));
    cJSON_Delete(rows);
    jx_door_say("jixiao: %u workbooks in %.1f s (%.0f per minute); summary: %s\n", mine->len, seconds,
                seconds > 0 ? mine->len * 60.0 / seconds : 0.0, with_summary ? summary_path : rows_path);
    return ok;
}

/* summary&in=ROWS.json&out=SUMMARY.ods: the summary spreadsheet of rows
 * written by batch (or joined from several batches). */
gboolean jx_door_summary(uno_Interface *context, const JxQuery *query, GError **error)
{
    static const char *const needed[] = { "in", "out", NULL };
    if (!jx_door_require(query, needed, error))
        return FALSE;
    const char *in = jx_query_get(query, "in"), *out = jx_query_get(query, "out");
    if (!jx_door_check_output(out, in, error))
        return FALSE;
    GStatBuf st;
    g_autofree char *text = NULL;
    GError *io = NULL;
    if (g_stat(in, &st) == 0 && st.st_size > MAX_ROWS_BYTES) {
        jx_set_error(error, JX_ERROR_IO, "%s 过大", "%s is too large", in);
        return FALSE;
    }
    if (!g_file_get_contents(in, &text, NULL, &io)) {
        jx_set_error(error, JX_ERROR_IO, "无法读取 %s：%s", "cannot read %s: %s", in, io->message);
        g_error_free(io);
        return FALSE;
    }
    cJSON *rows = cJSON_Parse(text);
    if (!cJSON_IsArray(rows)) {
        jx_set_error(error, JX_ERROR_INVALID, "%s 不是汇总行的 JSON 数组", "%s is not a JSON array of summary rows",
                     in);
        cJSON_Delete(rows);
        return FALSE;
    }
    gboolean ok = write_summary(context, rows, out, error);
    cJSON_Delete(rows);
    return ok;
}

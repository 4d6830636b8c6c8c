/*
 * schema_cache.c: the schema cache, which makes a batch of a hundred
 * workbooks parse the schema once, and the forms a workbook may be.
 *
 * Schemas and templates are immutable once loaded, so they are shared
 * between threads and doors; a changed file is loaded anew and the old one kept alive (it
 * may be in use), which costs a few kilobytes per edit.
 */
#include "ui/schema_cache.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ui/package.h"

typedef struct {
    JxBundle *bundle;
    gint64 mtime;
} CachedSchema;

/* The process's one cache; every access holds its lock. */
static struct {
    GMutex lock;
    GHashTable *by_path;   /* path → CachedSchema* */
    GPtrArray *retired;    /* replaced bundles, kept alive */
} cache;

/* The cached bundle of path if its file has not changed since, or NULL. */
static const JxBundle *lookup(const char *path, gint64 mtime)
{
    g_mutex_lock(&cache.lock);
    const CachedSchema *cached = cache.by_path ? g_hash_table_lookup(cache.by_path, path) : NULL;
    const JxBundle *bundle = cached && cached->mtime == mtime ? cached->bundle : NULL;
    g_mutex_unlock(&cache.lock);
    return bundle;
}

/* Keeps bundle as path's, retiring the one it replaces. */
static void store(const char *path, gint64 mtime, JxBundle *bundle)
{
    g_mutex_lock(&cache.lock);
    if (cache.by_path == NULL) {
        cache.by_path = g_hash_table_new(g_str_hash, g_str_equal);
        cache.retired = g_ptr_array_new();
    }
    CachedSchema *cached = g_hash_table_lookup(cache.by_path, path);
    if (cached == NULL) {
        cached = g_new0(CachedSchema, 1);
        g_hash_table_insert(cache.by_path, g_strdup(path), cached);
    } else {
        g_ptr_array_add(cache.retired, cached->bundle);
    }
    cached->bundle = bundle;
    cached->mtime = mtime;
    g_mutex_unlock(&cache.lock);
}

const JxBundle *jx_schema_cache_get(uno_Interface *context, const char *path, GError **error)
{
    g_autofree char *resolved = path ? g_strdup(path)
                                     : jx_package_path(context, JX_DEFAULT_SCHEMA, error);
    if (resolved == NULL)
        return NULL;
    GStatBuf st;
    gint64 mtime = g_stat(resolved, &st) == 0 ? (gint64)st.st_mtime : -1;
    const JxBundle *cached = lookup(resolved, mtime);
    if (cached != NULL)
        return cached;
    /* loaded outside the lock: two threads may both load it; the second is kept */
    JxBundle *bundle = jx_bundle_load_file(resolved, NULL, error);
    if (bundle != NULL)
        store(resolved, mtime, bundle);
    return bundle;
}

static gint compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The schema files of a folder, by name, `first` (a file name, or NULL)
 * ahead of the others; full paths. */
static GPtrArray *schema_files(const char *folder, const char *first, GError **error)
{
    GError *io = NULL;
    GDir *dir = g_dir_open(folder, 0, &io);
    if (dir == NULL) {
        jx_set_error(error, JX_ERROR_IO, "无法读取方案文件夹：%s", "cannot read the schema folder: %s", io->message);
        g_error_free(io);
        return NULL;
    }
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    for (const char *name; (name = g_dir_read_name(dir)) != NULL;)
        if (g_str_has_suffix(name, ".json") && !g_str_has_suffix(name, ".schema.json"))
            g_ptr_array_add(names, g_strdup(name));
    g_dir_close(dir);
    g_ptr_array_sort(names, compare_names);
    for (guint i = 0; first != NULL && i < names->len; i++)
        if (strcmp(g_ptr_array_index(names, i), first) == 0)
            g_ptr_array_insert(names, 0, g_ptr_array_steal_index(names, i));
    GPtrArray *paths = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < names->len; i++)
        g_ptr_array_add(paths, g_build_filename(folder, g_ptr_array_index(names, i), NULL));
    g_ptr_array_unref(names);
    if (paths->len == 0) {
        jx_set_error(error, JX_ERROR_IO, "方案文件夹 %s 中没有方案", "the schema folder %s holds no schema", folder);
        g_clear_pointer(&paths, g_ptr_array_unref);
    }
    return paths;
}

GPtrArray *jx_schema_cache_forms(uno_Interface *context, const char *path, GError **error)
{
    g_autoptr(GPtrArray) files = NULL;
    if (path != NULL && !g_file_test(path, G_FILE_TEST_IS_DIR)) {
        files = g_ptr_array_new_with_free_func(g_free);
        g_ptr_array_add(files, g_strdup(path));
    } else {
        g_autofree char *folder = path ? g_strdup(path) : jx_package_path(context, JX_DEFAULT_SCHEMA_FOLDER, error);
        g_autofree char *first = path ? NULL : g_path_get_basename(JX_DEFAULT_SCHEMA);
        files = folder ? schema_files(folder, first, error) : NULL;
    }
    if (files == NULL)
        return NULL;
    GPtrArray *forms = g_ptr_array_new();
    for (guint i = 0; i < files->len; i++) {
        const JxBundle *bundle = jx_schema_cache_get(context, g_ptr_array_index(files, i), error);
        if (bundle == NULL) {
            g_ptr_array_unref(forms);
            return NULL;
        }
        g_ptr_array_add(forms, (gpointer)bundle);
    }
    return forms;
}

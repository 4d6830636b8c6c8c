/*
 * schema_cache.c: the schema cache, which makes a batch of a hundred
 * workbooks parse the schema once.
 *
 * Schemas and templates are immutable once loaded, so they are shared
 * between threads and doors; a changed file is loaded anew and the old one kept alive (it
 * may be in use), which costs a few kilobytes per edit.
 */
#include "ui/schema_cache.h"

#include <glib/gstdio.h>

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

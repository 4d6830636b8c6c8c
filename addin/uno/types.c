/*
 * types.c: a process-wide cache of type descriptions by name.
 *
 * typelib_typedescription_getByName is a lookup through the office's type
 * manager; calling it on every dispatch would put a registry lookup on the
 * path of every cell function.  Descriptions are kept (one reference each)
 * until the process ends: there are a few dozen of them.
 */
#include "uno/types.h"

#include <string.h>

#include "uno/ustring.h"

static GMutex cache_lock;
static GHashTable *cache;   /* name → typelib_TypeDescription* */

typelib_TypeDescription *jx_type_description(const char *name)
{
    if (name == NULL)
        return NULL;
    g_mutex_lock(&cache_lock);
    if (cache == NULL)
        cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    typelib_TypeDescription *td = g_hash_table_lookup(cache, name);
    g_mutex_unlock(&cache_lock);
    if (td != NULL)
        return td;

    rtl_uString *uname = jx_ustr_new(name);
    typelib_typedescription_getByName(&td, uname);
    rtl_uString_release(uname);
    if (td == NULL)
        return NULL;
    if (!td->bComplete)
        typelib_typedescription_complete(&td);

    g_mutex_lock(&cache_lock);
    typelib_TypeDescription *existing = g_hash_table_lookup(cache, name);
    if (existing != NULL) {
        typelib_typedescription_release(td);
        td = existing;
    } else {
        g_hash_table_insert(cache, g_strdup(name), td);
    }
    g_mutex_unlock(&cache_lock);
    return td;
}

typelib_TypeDescriptionReference *jx_type_ref(const char *name)
{
    typelib_TypeDescription *td = jx_type_description(name);
    return td ? td->pWeakRef : NULL;
}

typelib_TypeDescriptionReference *jx_type_simple(typelib_TypeClass type_class)
{
    return *typelib_static_type_getByTypeClass(type_class);
}

char *jx_type_name(const typelib_TypeDescriptionReference *type)
{
    return type ? jx_ustr_to_utf8(type->pTypeName) : g_strdup("");
}

static gboolean inherits(const typelib_InterfaceTypeDescription *td,
                         const char *ancestor, int depth)
{
    if (td == NULL || depth > 32)
        return FALSE;
    if (jx_ustr_equals(td->aBase.pTypeName, ancestor))
        return TRUE;
    for (sal_Int32 i = 0; i < td->nBaseTypes; i++)
        if (inherits(td->ppBaseTypes[i], ancestor, depth + 1))
            return TRUE;
    return FALSE;
}

gboolean jx_interface_inherits(const char *name, const char *ancestor)
{
    if (strcmp(name, ancestor) == 0)
        return TRUE;
    typelib_TypeDescription *td = jx_type_description(name);
    if (td == NULL || td->eTypeClass != typelib_TypeClass_INTERFACE)
        return FALSE;
    return inherits((const typelib_InterfaceTypeDescription *)td, ancestor, 0);
}

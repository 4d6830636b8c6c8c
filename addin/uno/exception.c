/*
 * exception.c: every UNO exception struct begins with `string Message`
 * (com.sun.star.uno.Exception), so one constructor serves them all: build a
 * default instance, set its first member, copy it into the any.
 */
#include "uno/exception.h"

#include "uno/types.h"
#include "uno/ustring.h"

void jx_exception_construct(uno_Any *memory, const char *type_name,
                            const char *message)
{
    typelib_TypeDescription *td = jx_type_description(type_name);
    if (td == NULL || td->eTypeClass != typelib_TypeClass_EXCEPTION)
        td = jx_type_description("com.sun.star.uno.RuntimeException");
    void *instance = g_malloc0((gsize)td->nSize);
    uno_constructData(instance, td);
    jx_ustr_assign((rtl_uString **)instance, message);
    uno_any_construct(memory, instance, td, NULL);
    uno_destructData(instance, td, NULL);
    g_free(instance);
}

char *jx_exception_text(const uno_Any *exception)
{
    if (exception == NULL || exception->pType == NULL)
        return g_strdup("unknown exception");
    g_autofree char *type = jx_type_name(exception->pType);
    if (exception->pType->eTypeClass != typelib_TypeClass_EXCEPTION)
        return g_strdup(type);
    g_autofree char *message = jx_ustr_to_utf8(*(rtl_uString *const *)exception->pData);
    return g_strdup_printf("%s: %s", type, message);
}

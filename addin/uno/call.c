/*
 * call.c: outgoing calls.  Each call looks up the member's type description
 * (cached in types.c), queries the declaring interface (the interface named
 * before "::"), and dispatches.  A raised exception becomes a GError whose
 * message is "ExceptionType: Message".
 */
#include "uno/call.h"

#include <string.h>

#include "uno/exception.h"
#include "uno/types.h"

G_DEFINE_QUARK(jx-uno-error-quark, jx_uno_error)

void jx_release(uno_Interface **iface)
{
    if (iface != NULL && *iface != NULL) {
        (*iface)->release(*iface);
        *iface = NULL;
    }
}

uno_Interface *jx_query(uno_Interface *obj, const char *interface_name)
{
    if (obj == NULL)
        return NULL;
    typelib_TypeDescription *query = jx_type_description("com.sun.star.uno.XInterface::queryInterface");
    typelib_TypeDescriptionReference *type = jx_type_ref(interface_name);
    if (query == NULL || type == NULL)
        return NULL;
    uno_Any result;
    uno_Any exception_memory;
    uno_Any *exception = &exception_memory;
    void *args[] = { &type };
    obj->pDispatcher(obj, query, &result, args, &exception);
    if (exception != NULL) {
        uno_any_destruct(exception, NULL);
        return NULL;
    }
    uno_Interface *iface = NULL;
    if (result.pType->eTypeClass == typelib_TypeClass_INTERFACE) {
        iface = *(uno_Interface **)result.pData;
        if (iface != NULL)
            iface->acquire(iface);
    }
    uno_any_destruct(&result, NULL);
    return iface;
}

/* "com.sun.star.frame.XDesktop::terminate" → "com.sun.star.frame.XDesktop" */
static char *declaring_interface(const char *member)
{
    const char *colons = strstr(member, "::");
    return colons ? g_strndup(member, (gsize)(colons - member)) : NULL;
}

static gboolean dispatch(uno_Interface *obj, const char *member, void *result,
                         void **args, GError **error)
{
    if (obj == NULL) {
        g_set_error(error, JX_UNO_ERROR, JX_UNO_ERROR_NULL, "%s called on a null reference", member);
        return FALSE;
    }
    typelib_TypeDescription *td = jx_type_description(member);
    g_autofree char *interface_name = declaring_interface(member);
    if (td == NULL || interface_name == NULL) {
        g_set_error(error, JX_UNO_ERROR, JX_UNO_ERROR_NO_MEMBER, "unknown member %s", member);
        return FALSE;
    }
    uno_Interface *iface = jx_query(obj, interface_name);
    if (iface == NULL) {
        g_set_error(error, JX_UNO_ERROR, JX_UNO_ERROR_NO_INTERFACE,
                    "object does not implement %s", interface_name);
        return FALSE;
    }
    uno_Any exception_memory;
    uno_Any *exception = &exception_memory;
    iface->pDispatcher(iface, td, result, args, &exception);
    iface->release(iface);
    if (exception != NULL) {
        g_autofree char *text = jx_exception_text(exception);
        uno_any_destruct(exception, NULL);
        g_set_error(error, JX_UNO_ERROR, JX_UNO_ERROR_EXCEPTION, "%s: %s", member, text);
        return FALSE;
    }
    return TRUE;
}

gboolean jx_invoke(uno_Interface *obj, const char *member, void *result,
                   void **args, GError **error)
{
    return dispatch(obj, member, result, args, error);
}

gboolean jx_set_attribute(uno_Interface *obj, const char *member, void *value,
                          GError **error)
{
    void *args[] = { value };
    return dispatch(obj, member, NULL, args, error);
}

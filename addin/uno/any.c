/*
 * any.c: uno_Any helpers.  The data of a uno_Any lives either inline in
 * pReserved (pData points to it: numbers, references) or on the heap; the
 * readers below go through pData and so work for both.
 */
#include "uno/any.h"

#include "uno/call.h"
#include "uno/types.h"
#include "uno/ustring.h"

void jx_any_construct_void(uno_Any *any)
{
    uno_type_any_construct(any, NULL, NULL, NULL);
}

void jx_any_construct_double(uno_Any *any, double value)
{
    uno_type_any_construct(any, &value, jx_type_simple(typelib_TypeClass_DOUBLE), NULL);
}

void jx_any_construct_long(uno_Any *any, gint32 value)
{
    sal_Int32 v = value;
    uno_type_any_construct(any, &v, jx_type_simple(typelib_TypeClass_LONG), NULL);
}

void jx_any_construct_bool(uno_Any *any, gboolean value)
{
    sal_Bool v = value ? 1 : 0;
    uno_type_any_construct(any, &v, jx_type_simple(typelib_TypeClass_BOOLEAN), NULL);
}

void jx_any_construct_string(uno_Any *any, const char *utf8)
{
    rtl_uString *s = jx_ustr_new(utf8);
    uno_type_any_construct(any, &s, jx_type_simple(typelib_TypeClass_STRING), NULL);
    rtl_uString_release(s);
}

void jx_any_construct_interface(uno_Any *any, uno_Interface *iface,
                                const char *interface_name)
{
    typelib_TypeDescriptionReference *type = jx_type_ref(interface_name);
    if (type == NULL) {
        interface_name = "com.sun.star.uno.XInterface";
        type = jx_type_ref(interface_name);
    }
    /* A reference obtained as one interface (createInstance gives XInterface)
     * is a proxy for that interface only: the any must hold the proxy of the
     * type it claims, or the office calls a method the proxy does not have. */
    uno_Interface *typed = iface ? jx_query(iface, interface_name) : NULL;
    uno_type_any_construct(any, &typed, type, NULL);
    if (typed != NULL)
        typed->release(typed);
}

void jx_any_construct_value(uno_Any *any, void *value, const char *type_name)
{
    typelib_TypeDescriptionReference *type = jx_type_ref(type_name);
    if (type == NULL)
        jx_any_construct_void(any);
    else
        uno_type_any_construct(any, value, type, NULL);
}

static typelib_TypeClass class_of(const uno_Any *any)
{
    return any && any->pType ? any->pType->eTypeClass : typelib_TypeClass_VOID;
}

gboolean jx_any_is_void(const uno_Any *any)
{
    return class_of(any) == typelib_TypeClass_VOID;
}

gboolean jx_any_get_double(const uno_Any *any, double *value)
{
    const void *p = any ? any->pData : NULL;
    switch (class_of(any)) {
    case typelib_TypeClass_DOUBLE:         *value = *(const double *)p; return TRUE;
    case typelib_TypeClass_FLOAT:          *value = *(const float *)p; return TRUE;
    case typelib_TypeClass_LONG:           *value = *(const sal_Int32 *)p; return TRUE;
    case typelib_TypeClass_UNSIGNED_LONG:  *value = *(const sal_uInt32 *)p; return TRUE;
    case typelib_TypeClass_SHORT:          *value = *(const sal_Int16 *)p; return TRUE;
    case typelib_TypeClass_UNSIGNED_SHORT: *value = *(const sal_uInt16 *)p; return TRUE;
    case typelib_TypeClass_BYTE:           *value = *(const sal_Int8 *)p; return TRUE;
    case typelib_TypeClass_HYPER:          *value = (double)*(const sal_Int64 *)p; return TRUE;
    case typelib_TypeClass_BOOLEAN:        *value = *(const sal_Bool *)p ? 1 : 0; return TRUE;
    default:                               return FALSE;
    }
}

char *jx_any_get_utf8(const uno_Any *any)
{
    if (class_of(any) != typelib_TypeClass_STRING)
        return NULL;
    return jx_ustr_to_utf8(*(rtl_uString *const *)any->pData);
}

uno_Interface *jx_any_get_interface(const uno_Any *any)
{
    if (class_of(any) != typelib_TypeClass_INTERFACE)
        return NULL;
    return *(uno_Interface *const *)any->pData;
}

uno_Sequence *jx_any_get_sequence(const uno_Any *any)
{
    if (class_of(any) != typelib_TypeClass_SEQUENCE)
        return NULL;
    return *(uno_Sequence *const *)any->pData;
}

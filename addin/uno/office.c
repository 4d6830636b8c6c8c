/*
 * office.c: small wrappers over jx_invoke for the patterns every door uses.
 */
#include "uno/office.h"

#include "uno/any.h"
#include "uno/call.h"
#include "uno/sequence.h"
#include "uno/types.h"
#include "uno/ustring.h"

uno_Interface *jx_office_any_interface(const uno_Any *any)
{
    uno_Interface *iface = jx_any_get_interface(any);
    if (iface != NULL)
        iface->acquire(iface);
    return iface;
}

uno_Interface *jx_office_get(uno_Interface *obj, const char *member, GError **error)
{
    uno_Interface *result = NULL;
    if (!jx_invoke(obj, member, &result, NULL, error))
        return NULL;
    if (result == NULL)
        g_set_error(error, JX_UNO_ERROR, JX_UNO_ERROR_NULL, "%s returned nothing", member);
    return result;
}

uno_Interface *jx_office_create(uno_Interface *context, const char *service, GError **error)
{
    uno_Interface *manager = jx_office_get(context,
        "com.sun.star.uno.XComponentContext::getServiceManager", error);
    if (manager == NULL)
        return NULL;
    rtl_uString *name = jx_ustr_new(service);
    uno_Interface *instance = NULL;
    void *args[] = { &name, &context };
    gboolean ok = jx_invoke(manager,
        "com.sun.star.lang.XMultiComponentFactory::createInstanceWithContext",
        &instance, args, error);
    rtl_uString_release(name);
    manager->release(manager);
    if (ok && instance == NULL)
        g_set_error(error, JX_UNO_ERROR, JX_UNO_ERROR_NULL, "the service %s is not available", service);
    return ok ? instance : NULL;
}

gboolean jx_office_get_property(uno_Interface *obj, const char *name, uno_Any *value,
                                GError **error)
{
    rtl_uString *uname = jx_ustr_new(name);
    void *args[] = { &uname };
    gboolean ok = jx_invoke(obj, "com.sun.star.beans.XPropertySet::getPropertyValue",
                            value, args, error);
    rtl_uString_release(uname);
    return ok;
}

gboolean jx_office_set_property(uno_Interface *obj, const char *name, uno_Any *value,
                                GError **error)
{
    rtl_uString *uname = jx_ustr_new(name);
    void *args[] = { &uname, value };
    uno_Any ignored;
    gboolean ok = jx_invoke(obj, "com.sun.star.beans.XPropertySet::setPropertyValue",
                            &ignored, args, error);
    rtl_uString_release(uname);
    return ok;
}

/* com.sun.star.beans.PropertyValue: string Name; long Handle; any Value;
 * PropertyState State (an enum, 32 bits). */
typedef struct {
    rtl_uString *Name;
    sal_Int32 Handle;
    uno_Any Value;
    sal_Int32 State;
} PropertyValue;

uno_Sequence *jx_office_properties(const char *const *names, uno_Any *values, gsize n)
{
    uno_Sequence *seq = jx_seq_new("[]com.sun.star.beans.PropertyValue", (sal_Int32)n);
    for (gsize i = 0; seq != NULL && i < n; i++) {
        PropertyValue *p = &JX_SEQ_ELEMENT(seq, PropertyValue, i);
        jx_ustr_assign(&p->Name, names[i]);
        uno_any_destruct(&p->Value, NULL);
        uno_type_any_construct(&p->Value, values[i].pData, values[i].pType, NULL);
    }
    return seq;
}

char *jx_office_url(const char *path)
{
    g_autofree char *absolute = g_canonicalize_filename(path, NULL);
    return g_filename_to_uri(absolute, NULL, NULL);
}

static uno_Interface *input_stream(uno_Interface *context, const char *bytes, gsize length,
                                   GError **error)
{
    uno_Interface *manager = jx_office_get(context,
        "com.sun.star.uno.XComponentContext::getServiceManager", error);
    if (manager == NULL)
        return NULL;
    uno_Sequence *data = jx_seq_of_bytes(bytes, length);
    uno_Sequence *args = jx_seq_new("[]any", 1);
    uno_any_destruct(&JX_SEQ_ELEMENT(args, uno_Any, 0), NULL);
    jx_any_construct_value(&JX_SEQ_ELEMENT(args, uno_Any, 0), &data, "[]byte");
    rtl_uString *service = jx_ustr_new("com.sun.star.io.SequenceInputStream");
    uno_Interface *stream = NULL;
    void *call_args[] = { &service, &args, &context };
    jx_invoke(manager, "com.sun.star.lang.XMultiComponentFactory::createInstanceWithArgumentsAndContext",
              &stream, call_args, error);
    rtl_uString_release(service);
    jx_seq_release(args, "[]any");
    jx_seq_release(data, "[]byte");
    jx_release(&manager);
    return stream;
}

uno_Interface *jx_office_load_bytes(uno_Interface *context, const char *bytes, gsize length,
                                    const char *filter, gboolean hidden, GError **error)
{
    uno_Interface *stream = input_stream(context, bytes, length, error);
    uno_Interface *desktop = stream ? jx_office_create(context, "com.sun.star.frame.Desktop", error) : NULL;
    uno_Interface *document = NULL;
    if (desktop != NULL) {
        static const char *const names[] = { "InputStream", "FilterName", "AsTemplate", "Hidden" };
        uno_Any values[4];
        jx_any_construct_interface(&values[0], stream, "com.sun.star.io.XInputStream");
        jx_any_construct_string(&values[1], filter);
        jx_any_construct_bool(&values[2], TRUE);
        jx_any_construct_bool(&values[3], hidden);
        uno_Sequence *props = jx_office_properties(names, values, 4);
        for (int i = 0; i < 4; i++)
            uno_any_destruct(&values[i], NULL);
        rtl_uString *url = jx_ustr_new("private:stream"), *target = jx_ustr_new("_blank");
        sal_Int32 flags = 0;
        void *args[] = { &url, &target, &flags, &props };
        if (jx_invoke(desktop, "com.sun.star.frame.XComponentLoader::loadComponentFromURL",
                      &document, args, error) && document == NULL)
            g_set_error(error, JX_UNO_ERROR, JX_UNO_ERROR_NULL, "the office loaded no document");
        rtl_uString_release(url);
        rtl_uString_release(target);
        jx_seq_release(props, "[]com.sun.star.beans.PropertyValue");
    }
    jx_release(&desktop);
    jx_release(&stream);
    return document;
}

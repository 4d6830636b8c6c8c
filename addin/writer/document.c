/*
 * document.c: loading the report.  Building the document call by call
 * through the text API would cost thousands of UNO calls; loading the
 * finished flat XML is one, and keeps the document unit-testable without
 * the office (core/odf.c).
 */
#include "writer/document.h"

#include "core/error.h"
#include "uno/any.h"
#include "uno/call.h"
#include "uno/office.h"
#include "uno/sequence.h"
#include "uno/ustring.h"

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

uno_Interface *jx_writer_load(uno_Interface *context, const char *fodt, gsize length,
                              gboolean hidden, GError **error)
{
    GError *uno_error = NULL;
    uno_Interface *stream = input_stream(context, fodt, length, &uno_error);
    uno_Interface *desktop = stream ? jx_office_create(context, "com.sun.star.frame.Desktop", &uno_error) : NULL;
    uno_Interface *document = NULL;
    if (desktop != NULL) {
        static const char *const names[] = { "InputStream", "FilterName", "AsTemplate", "Hidden" };
        uno_Any values[4];
        jx_any_construct_interface(&values[0], stream, "com.sun.star.io.XInputStream");
        jx_any_construct_string(&values[1], "OpenDocument Text Flat XML");
        jx_any_construct_bool(&values[2], TRUE);
        jx_any_construct_bool(&values[3], hidden);
        uno_Sequence *props = jx_office_properties(names, values, 4);
        for (int i = 0; i < 4; i++)
            uno_any_destruct(&values[i], NULL);
        rtl_uString *url = jx_ustr_new("private:stream"), *target = jx_ustr_new("_blank");
        sal_Int32 flags = 0;
        void *args[] = { &url, &target, &flags, &props };
        jx_invoke(desktop, "com.sun.star.frame.XComponentLoader::loadComponentFromURL",
                  &document, args, &uno_error);
        rtl_uString_release(url);
        rtl_uString_release(target);
        jx_seq_release(props, "[]com.sun.star.beans.PropertyValue");
    }
    jx_release(&desktop);
    jx_release(&stream);
    if (document == NULL) {
        jx_set_error(error, JX_ERROR_IO, "Writer 无法打开生成的报告：%s", "Writer could not open the report: %s",
                     uno_error ? uno_error->message : "");
        g_clear_error(&uno_error);
    }
    return document;
}

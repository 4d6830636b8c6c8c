/*
 * documents.c: loading, storing and closing document files through the
 * office's Desktop and XStorable.
 */
#include "ui/documents.h"

#include "core/error.h"
#include "uno/any.h"
#include "uno/call.h"
#include "uno/office.h"
#include "uno/sequence.h"
#include "uno/types.h"
#include "uno/ustring.h"

/* com.sun.star.document.MacroExecutionMode.NEVER_EXECUTE */
#define MACRO_EXECUTION_NEVER 0
/* com.sun.star.document.UpdateDocMode.NO_UPDATE: links to other files stay as they are */
#define UPDATE_DOC_NO_UPDATE 0
/* com.sun.star.frame.FrameSearchFlag.AUTO (the target "_blank" makes a new frame anyway) */
#define FRAME_SEARCH_AUTO 0

#define PROPERTIES_TYPE "[]com.sun.star.beans.PropertyValue"

/* loadComponentFromURL(url, "_blank", …, props): the document, acquired,
 * or NULL with the office's reason in *uno_error. */
static uno_Interface *load(uno_Interface *context, const char *url, uno_Sequence *props,
                           GError **uno_error)
{
    uno_Interface *desktop = jx_office_create(context, "com.sun.star.frame.Desktop", uno_error);
    if (desktop == NULL)
        return NULL;
    rtl_uString *uurl = jx_ustr_new(url), *target = jx_ustr_new("_blank");
    sal_Int32 flags = FRAME_SEARCH_AUTO;
    uno_Interface *document = NULL;
    void *args[] = { &uurl, &target, &flags, &props };
    if (!jx_invoke(desktop, "com.sun.star.frame.XComponentLoader::loadComponentFromURL",
                   &document, args, uno_error))
        jx_release(&document);
    rtl_uString_release(uurl);
    rtl_uString_release(target);
    jx_release(&desktop);
    return document;
}

uno_Interface *jx_document_open(uno_Interface *context, const char *path, gboolean read_only,
                                GError **error)
{
    static const char *const names[] = { "Hidden", "ReadOnly", "MacroExecutionMode", "UpdateDocMode" };
    uno_Any values[G_N_ELEMENTS(names)];
    sal_Int16 macros = MACRO_EXECUTION_NEVER, links = UPDATE_DOC_NO_UPDATE;
    jx_any_construct_bool(&values[0], TRUE);
    jx_any_construct_bool(&values[1], read_only);
    uno_type_any_construct(&values[2], &macros, jx_type_simple(typelib_TypeClass_SHORT), NULL);
    uno_type_any_construct(&values[3], &links, jx_type_simple(typelib_TypeClass_SHORT), NULL);
    uno_Sequence *props = jx_office_properties(names, values, G_N_ELEMENTS(names));
    for (gsize i = 0; i < G_N_ELEMENTS(values); i++)
        uno_any_destruct(&values[i], NULL);
    g_autofree char *url = jx_office_url(path);
    GError *uno_error = NULL;
    uno_Interface *document = load(context, url, props, &uno_error);
    jx_seq_release(props, PROPERTIES_TYPE);
    if (document == NULL) {
        const char *reason = uno_error ? uno_error->message : "";
        g_autofree char *zh = g_strdup_printf("无法打开 %s%s%s", path, uno_error ? "：" : "", reason);
        g_autofree char *en = g_strdup_printf("cannot open %s%s%s", path, uno_error ? ": " : "", reason);
        jx_set_error_texts(error, JX_ERROR_IO, zh, en);
        g_clear_error(&uno_error);
    }
    return document;
}

gboolean jx_document_open_untitled(uno_Interface *context, const char *url, GError **error)
{
    static const char *const names[] = { "AsTemplate" };
    uno_Any values[G_N_ELEMENTS(names)];
    jx_any_construct_bool(&values[0], TRUE);
    uno_Sequence *props = jx_office_properties(names, values, G_N_ELEMENTS(names));
    uno_any_destruct(&values[0], NULL);
    uno_Interface *document = load(context, url, props, error);
    jx_seq_release(props, PROPERTIES_TYPE);
    gboolean ok = document != NULL;
    jx_release(&document);   /* its window holds it */
    return ok;
}

/* Export filters by file extension. */
static const struct { const char *extension, *filter; } filters[] = {
    { ".ods", "calc8" },
    { ".fods", "OpenDocument Spreadsheet Flat XML" },
    { ".xlsx", "Calc MS Excel 2007 XML" },
    { ".odt", "writer8" },
    { ".fodt", "OpenDocument Text Flat XML" },
    { ".docx", "MS Word 2007 XML" },
    { ".pdf", NULL },   /* chosen by document kind below */
};

gboolean jx_document_store(uno_Interface *document, const char *path, GError **error)
{
    const char *filter = NULL;
    gboolean known = FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(filters); i++)
        if (g_str_has_suffix(path, filters[i].extension)) {
            filter = filters[i].filter;
            known = TRUE;
        }
    if (!known) {
        jx_set_error(error, JX_ERROR_IO, "不支持的文件类型：%s", "unsupported file type: %s", path);
        return FALSE;
    }
    if (filter == NULL) {
        uno_Interface *calc = jx_query(document, "com.sun.star.sheet.XSpreadsheetDocument");
        filter = calc ? "calc_pdf_Export" : "writer_pdf_Export";
        jx_release(&calc);
    }
    /* no page thumbnail: drawing it was a third of a batch's time */
    static const char *const names[] = { "FilterName", "Overwrite", "NoThumbnail" };
    uno_Any values[G_N_ELEMENTS(names)];
    jx_any_construct_string(&values[0], filter);
    jx_any_construct_bool(&values[1], TRUE);
    jx_any_construct_bool(&values[2], TRUE);
    uno_Sequence *props = jx_office_properties(names, values, G_N_ELEMENTS(names));
    for (gsize i = 0; i < G_N_ELEMENTS(values); i++)
        uno_any_destruct(&values[i], NULL);
    g_autofree char *url = jx_office_url(path);
    rtl_uString *uurl = jx_ustr_new(url);
    void *args[] = { &uurl, &props };
    GError *uno_error = NULL;
    gboolean ok = jx_invoke(document, "com.sun.star.frame.XStorable::storeToURL", NULL, args, &uno_error);
    rtl_uString_release(uurl);
    jx_seq_release(props, PROPERTIES_TYPE);
    if (!ok) {
        jx_set_error(error, JX_ERROR_IO, "无法保存 %s：%s", "cannot save %s: %s", path,
                     uno_error->message);
        g_error_free(uno_error);
    }
    return ok;
}

void jx_document_close(uno_Interface **document)
{
    if (document == NULL || *document == NULL)
        return;
    sal_Bool deliver_ownership = 1;   /* whoever vetoes the close closes it later */
    void *args[] = { &deliver_ownership };
    if (!jx_invoke(*document, "com.sun.star.util.XCloseable::close", NULL, args, NULL))
        jx_invoke(*document, "com.sun.star.lang.XComponent::dispose", NULL, NULL, NULL);
    jx_release(document);
}

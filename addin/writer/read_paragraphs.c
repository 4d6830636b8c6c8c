/*
 * read_paragraphs.c: walking a text document's body paragraph by paragraph
 * (one enumeration, a few calls per paragraph; see read_paragraphs.h).
 */
#include "writer/read_paragraphs.h"

#include "core/error.h"
#include "core/review.h"
#include "uno/any.h"
#include "uno/call.h"
#include "uno/office.h"
#include "uno/ustring.h"

/* The enumeration of the document's body text, or NULL (not a text document). */
static uno_Interface *body_enumeration(uno_Interface *document)
{
    uno_Interface *text = document ? jx_office_get(document, "com.sun.star.text.XTextDocument::getText", NULL) : NULL;
    uno_Interface *paragraphs = text ? jx_office_get(text,
        "com.sun.star.container.XEnumerationAccess::createEnumeration", NULL) : NULL;
    jx_release(&text);
    return paragraphs;
}

/* The next paragraph of the enumeration (acquired), skipping tables; NULL at the end. */
static uno_Interface *next_paragraph(uno_Interface *enumeration)
{
    for (;;) {
        sal_Bool more = 0;
        if (!jx_invoke(enumeration, "com.sun.star.container.XEnumeration::hasMoreElements", &more, NULL, NULL) ||
            !more)
            return NULL;
        uno_Any element;
        if (!jx_invoke(enumeration, "com.sun.star.container.XEnumeration::nextElement", &element, NULL, NULL))
            return NULL;
        uno_Interface *item = jx_office_any_interface(&element);
        uno_any_destruct(&element, NULL);
        uno_Interface *table = item ? jx_query(item, "com.sun.star.text.XTextTable") : NULL;
        uno_Interface *range = item && table == NULL ? jx_query(item, "com.sun.star.text.XTextRange") : NULL;
        jx_release(&table);
        jx_release(&item);
        if (range != NULL)
            return range;
    }
}

static char *string_of(uno_Interface *range)
{
    rtl_uString *text = NULL;
    if (!jx_invoke(range, "com.sun.star.text.XTextRange::getString", &text, NULL, NULL))
        return g_strdup("");
    char *utf8 = jx_ustr_to_utf8(text);
    rtl_uString_release(text);
    return utf8;
}

static char *label_of(uno_Interface *paragraph)
{
    uno_Any value;
    if (!jx_office_get_property(paragraph, "ListLabelString", &value, NULL))
        return NULL;
    char *label = jx_any_get_utf8(&value);
    uno_any_destruct(&value, NULL);
    return label;
}

GPtrArray *jx_writer_read_paragraphs(uno_Interface *document, GError **error)
{
    uno_Interface *enumeration = body_enumeration(document);
    if (enumeration == NULL) {
        jx_set_error(error, JX_ERROR_IO, "这不是文字处理文档，无法审阅", "this is not a text document; nothing to review");
        return NULL;
    }
    GPtrArray *paragraphs = g_ptr_array_new_with_free_func(jx_review_paragraph_free);
    for (uno_Interface *p; (p = next_paragraph(enumeration)) != NULL;) {
        g_autofree char *text = string_of(p);
        g_autofree char *label = label_of(p);
        jx_release(&p);
        g_ptr_array_add(paragraphs, jx_review_paragraph_new(text, label));
        if (paragraphs->len > JX_WRITER_MAX_PARAGRAPHS) {
            jx_set_error(error, JX_ERROR_IO, "文档超过 %d 段，太长，未审阅", "the document has more than %d paragraphs; not reviewed",
                         JX_WRITER_MAX_PARAGRAPHS);
            g_ptr_array_unref(paragraphs);
            paragraphs = NULL;
            break;
        }
    }
    jx_release(&enumeration);
    return paragraphs;
}

uno_Interface *jx_writer_paragraph(uno_Interface *document, int index)
{
    uno_Interface *enumeration = body_enumeration(document);
    uno_Interface *found = NULL;
    for (int i = 0; enumeration && index >= 0 && i <= index; i++) {
        uno_Interface *p = next_paragraph(enumeration);
        if (p == NULL)
            break;
        if (i == index)
            found = p;
        else
            jx_release(&p);
    }
    jx_release(&enumeration);
    return found;
}

/*
 * ustring.c: conversions between UTF-8 and rtl_uString through GLib's UTF-16
 * routines (sal_Unicode is UTF-16), with repair of broken input so that no
 * caller has to handle a conversion failure.
 */
#include "uno/ustring.h"

#include <string.h>

rtl_uString *jx_ustr_new(const char *utf8)
{
    rtl_uString *result = NULL;
    if (utf8 == NULL)
        utf8 = "";
    g_autofree char *valid = NULL;
    if (!g_utf8_validate(utf8, -1, NULL))
        utf8 = valid = g_utf8_make_valid(utf8, -1);
    glong length = 0;
    g_autofree gunichar2 *utf16 = g_utf8_to_utf16(utf8, -1, NULL, &length, NULL);
    if (utf16 == NULL || length > G_MAXINT32)
        rtl_uString_new(&result);
    else
        rtl_uString_newFromStr_WithLength(&result, (const sal_Unicode *)utf16,
                                          (sal_Int32)length);
    return result;
}

void jx_ustr_assign(rtl_uString **target, const char *utf8)
{
    rtl_uString *fresh = jx_ustr_new(utf8);
    if (*target != NULL)
        rtl_uString_release(*target);
    *target = fresh;
}

char *jx_ustr_to_utf8(const rtl_uString *s)
{
    if (s == NULL || s->length == 0)
        return g_strdup("");
    char *utf8 = g_utf16_to_utf8((const gunichar2 *)s->buffer, s->length,
                                 NULL, NULL, NULL);
    if (utf8 != NULL)
        return utf8;
    /* lone surrogates: replace them one by one */
    GString *out = g_string_sized_new((gsize)s->length * 3);
    for (sal_Int32 i = 0; i < s->length; i++) {
        gunichar c = s->buffer[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s->length &&
            s->buffer[i + 1] >= 0xDC00 && s->buffer[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (s->buffer[i + 1] - 0xDC00);
            i++;
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            c = 0xFFFD;
        }
        g_string_append_unichar(out, c);
    }
    return g_string_free(out, FALSE);
}

gboolean jx_ustr_equals(const rtl_uString *s, const char *utf8)
{
    g_autofree char *text = jx_ustr_to_utf8(s);
    return strcmp(text, utf8 ? utf8 : "") == 0;
}

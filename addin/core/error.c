/*
 * error.c: bilingual GErrors.  The two texts are stored in one message,
 * separated by JX_TEXT_SEPARATOR, so the error stays an ordinary GError that
 * g_error_free() releases.
 */
#include "core/error.h"

#include <string.h>

#define JX_TEXT_SEPARATOR '\x1f'

G_DEFINE_QUARK(jx-error-quark, jx_error)

void jx_set_error(GError **error, JxErrorCode code,
                  const char *zh_format, const char *en_format, ...)
{
    if (error == NULL)
        return;
    va_list args, copy;
    va_start(args, en_format);
    va_copy(copy, args);
    g_autofree char *zh = g_strdup_vprintf(zh_format, args);
    g_autofree char *en = g_strdup_vprintf(en_format, copy);
    va_end(copy);
    va_end(args);
    g_set_error(error, JX_ERROR, code, "%s%c%s", zh, JX_TEXT_SEPARATOR, en);
}

void jx_set_error_texts(GError **error, JxErrorCode code, const char *zh, const char *en)
{
    if (error != NULL)
        g_set_error(error, JX_ERROR, code, "%s%c%s", zh, JX_TEXT_SEPARATOR, en);
}

char *jx_error_text(const GError *error, JxLang lang)
{
    if (error == NULL)
        return g_strdup("");
    const char *message = error->message ? error->message : "";
    const char *separator = strchr(message, JX_TEXT_SEPARATOR);
    if (error->domain != JX_ERROR || separator == NULL)
        return g_strdup(message);
    if (lang == JX_LANG_ZH)
        return g_strndup(message, (gsize)(separator - message));
    return g_strdup(separator + 1);
}

void jx_error_prefix(GError **error, const char *zh_prefix, const char *en_prefix)
{
    if (error == NULL || *error == NULL)
        return;
    g_autofree char *zh = jx_error_text(*error, JX_LANG_ZH);
    g_autofree char *en = jx_error_text(*error, JX_LANG_EN);
    GQuark domain = (*error)->domain;
    int code = (*error)->code;
    g_clear_error(error);
    if (domain == JX_ERROR)
        g_set_error(error, domain, code, "%s%s%c%s%s", zh_prefix, zh,
                    JX_TEXT_SEPARATOR, en_prefix, en);
    else
        g_set_error(error, domain, code, "%s%s", en_prefix, en);
}

JxLang jx_lang_from_code(const char *language)
{
    if (language != NULL && g_ascii_strncasecmp(language, "zh", 2) == 0)
        return JX_LANG_ZH;
    return JX_LANG_EN;
}

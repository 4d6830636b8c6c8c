/*
 * error.c: bilingual GErrors.  The two texts are stored in one message,
 * separated by JX_TEXT_SEPARATOR, so the error stays an ordinary GError that
 * g_error_free() releases.
 */
#include "core/error.h"

#include <string.h>

#define JX_TEXT_SEPARATOR '\x1f'

G_DEFINE_QUARK(jx-error-quark, jx_error)

/* A bilingual argument: STX zh US en ETX. */
#define JX_BILINGUAL_START '\x02'
#define JX_BILINGUAL_END '\x03'

char *jx_bilingual(const char *zh, const char *en)
{
    return g_strdup_printf("%c%s%c%s%c", JX_BILINGUAL_START, zh ? zh : "", JX_TEXT_SEPARATOR,
                           en ? en : "", JX_BILINGUAL_END);
}

/* text with every bilingual argument replaced by its side for lang; the
 * markers of a malformed one (text from outside may hold any byte) are
 * dropped. */
static char *resolve_bilingual(char *text, JxLang lang)
{
    if (strchr(text, JX_BILINGUAL_START) == NULL)
        return text;
    GString *out = g_string_sized_new(strlen(text));
    for (const char *p = text; *p;) {
        const char *end = *p == JX_BILINGUAL_START ? strchr(p, JX_BILINGUAL_END) : NULL;
        const char *separator = end ? memchr(p, JX_TEXT_SEPARATOR, (gsize)(end - p)) : NULL;
        if (separator == NULL) {
            if (*p != JX_BILINGUAL_START && *p != JX_BILINGUAL_END)
                g_string_append_c(out, *p);
            p++;
            continue;
        }
        if (lang == JX_LANG_ZH)
            g_string_append_len(out, p + 1, separator - p - 1);
        else
            g_string_append_len(out, separator + 1, end - separator - 1);
        p = end + 1;
    }
    g_free(text);
    return g_string_free(out, FALSE);
}

char *jx_bilingual_side(const char *text, JxLang lang)
{
    return resolve_bilingual(g_strdup(text ? text : ""), lang);
}

void jx_texts_vprintf(char *texts[2], const char *zh_format, const char *en_format, va_list args)
{
    va_list copy;
    va_copy(copy, args);
    texts[JX_LANG_ZH] = resolve_bilingual(g_strdup_vprintf(zh_format, args), JX_LANG_ZH);
    texts[JX_LANG_EN] = resolve_bilingual(g_strdup_vprintf(en_format, copy), JX_LANG_EN);
    va_end(copy);
}

void jx_texts_printf(char *texts[2], const char *zh_format, const char *en_format, ...)
{
    va_list args;
    va_start(args, en_format);
    jx_texts_vprintf(texts, zh_format, en_format, args);
    va_end(args);
}

void jx_set_error(GError **error, JxErrorCode code,
                  const char *zh_format, const char *en_format, ...)
{
    if (error == NULL)
        return;
    char *texts[2];
    va_list args;
    va_start(args, en_format);
    jx_texts_vprintf(texts, zh_format, en_format, args);
    va_end(args);
    jx_set_error_texts(error, code, texts[JX_LANG_ZH], texts[JX_LANG_EN]);
    g_free(texts[JX_LANG_ZH]);
    g_free(texts[JX_LANG_EN]);
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

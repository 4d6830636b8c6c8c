/*
 * error.h: the one error type of Jixiao's domain core.
 *
 * Every failing core function reports a GError in the JX_ERROR domain.  Its
 * message carries two texts, zh-CN and en-US, so a caller can show whichever
 * the user's office speaks: read them with jx_error_text(), never by printing
 * error->message directly.
 */
#ifndef JX_CORE_ERROR_H
#define JX_CORE_ERROR_H

#include <glib.h>

G_BEGIN_DECLS

#define JX_ERROR (jx_error_quark())
GQuark jx_error_quark(void);

typedef enum {
    JX_ERROR_PARSE,          /* text is not a quantity / number / date */
    JX_ERROR_UNIT_MISMATCH,  /* target and actual in unrelated units */
    JX_ERROR_ZERO_TARGET,    /* a rate or score divides by a zero target/budget */
    JX_ERROR_INVALID,        /* an argument outside its domain (negative weight, NaN …) */
    JX_ERROR_RANGE,          /* a value too large to represent (大写 beyond 万亿 …) */
    JX_ERROR_NEEDS_BAND,     /* a qualitative indicator needs its band chosen */
    JX_ERROR_SCHEMA,         /* schema file problem (JSON path in the message) */
    JX_ERROR_WORKBOOK,       /* workbook problem (sheet and cell in the message) */
    JX_ERROR_IO,             /* file could not be read or written */
} JxErrorCode;

typedef enum { JX_LANG_ZH = 0, JX_LANG_EN = 1 } JxLang;

/* A zh-CN format and an en-US format that take the same arguments: the
 * compiler checks both against the one argument list (the build treats a
 * mismatch as an error).  zh_index is the zh format's parameter position,
 * the en format follows it, first_arg is where the arguments start.  A
 * format may take them in another order with %1$s-style positions. */
#define JX_PRINTF_PAIR(zh_index, first_arg) \
    G_GNUC_PRINTF(zh_index, first_arg) G_GNUC_PRINTF((zh_index) + 1, first_arg)

/* A text in both languages as ONE argument of a JX_PRINTF_PAIR function:
 * "%s" prints its zh side in the zh text and its en side in the en text.
 * This is how a message names something whose name differs by language (a
 * field's label, a row, a unit's kind).  Newly allocated; never print it
 * with plain printf. */
char *jx_bilingual(const char *zh, const char *en);

/* The side of a bilingual text for lang (a plain text as it is).  Newly
 * allocated. */
char *jx_bilingual_side(const char *text, JxLang lang);

/* Formats the two texts of a message (texts[0] zh, texts[1] en, newly
 * allocated), resolving jx_bilingual arguments to each text's language. */
void jx_texts_printf(char *texts[2], const char *zh_format, const char *en_format, ...)
    JX_PRINTF_PAIR(2, 4);
void jx_texts_vprintf(char *texts[2], const char *zh_format, const char *en_format,
                      va_list args) JX_PRINTF_PAIR(2, 0);

/* Sets *error (if error is non-NULL) to code with a zh-CN and an en-US text
 * (see JX_PRINTF_PAIR and jx_bilingual). */
void jx_set_error(GError **error, JxErrorCode code,
                  const char *zh_format, const char *en_format, ...) JX_PRINTF_PAIR(3, 5);

/* Sets *error from two finished texts (for messages whose two languages
 * need their arguments in different orders). */
void jx_set_error_texts(GError **error, JxErrorCode code, const char *zh, const char *en);

/* The text of error in lang, newly allocated.  Works for foreign GErrors too
 * (their message is returned as is). */
char *jx_error_text(const GError *error, JxLang lang);

/* Prefixes both texts of *error with a context such as a JSON path or a cell
 * address: "基础数据表!C5: …" / "基础数据表!C5: …". */
void jx_error_prefix(GError **error, const char *zh_prefix, const char *en_prefix);

/* The language for a BCP-47 / UNO locale language code: "zh" → JX_LANG_ZH,
 * anything else → JX_LANG_EN. */
JxLang jx_lang_from_code(const char *language);

G_END_DECLS

#endif

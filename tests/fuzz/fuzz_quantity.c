/*
 * fuzz_quantity.c: libFuzzer harness for jx_quantity_parse.
 *
 * Any byte sequence must parse or fail cleanly: no crash, no read past the
 * end, an error set exactly when parsing fails, every result field a
 * NUL-terminated UTF-8 string, and values within their documented ranges.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Iaddin \
 *     $(pkg-config --cflags glib-2.0) tests/fuzz/fuzz_quantity.c \
 *     addin/core/{error,units,numerals,quantity}.c \
 *     $(pkg-config --libs glib-2.0) -lm -o /tmp/fq
 *   /tmp/fq -max_total_time=180 /tmp/corpus tests/fuzz/corpus/quantity
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/numerals.h"
#include "core/quantity.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(condition) \
    do { \
        if (!(condition)) { \
            g_printerr("invariant failed: %s\n", #condition); \
            abort(); \
        } \
    } while (0)

static void check_string_field(const char *field, gsize size)
{
    CHECK(memchr(field, '\0', size) != NULL);
    CHECK(g_utf8_validate(field, -1, NULL));
}

static void check_success(const JxQuantity *q)
{
    check_string_field(q->unit, sizeof q->unit);
    check_string_field(q->text, sizeof q->text);
    CHECK(q->comparison >= JX_CMP_NONE && q->comparison <= JX_CMP_EQ);
    CHECK(q->approximation >= JX_APPROX_EXACT && q->approximation <= JX_APPROX_ABOUT);
    switch (q->kind) {
    case JX_QUANTITY_NUMBER:
        CHECK(isfinite(q->value));
        CHECK(!(q->value == 0 && signbit(q->value)));   /* "-0" is 0 */
        CHECK(q->text[0] == '\0' && q->year == 0 && q->month == 0 && q->day == 0);
        break;
    case JX_QUANTITY_DATE:
        CHECK(q->year == 0 || (q->year >= 1000 && q->year <= 9999));
        CHECK(q->month >= 1 && q->month <= 12);
        CHECK(q->day >= 1 && q->day <= 31);
        CHECK(q->value == 0 && q->unit[0] == '\0' && q->text[0] == '\0');
        break;
    case JX_QUANTITY_QUALITATIVE:
        CHECK(q->text[0] != '\0');
        CHECK(q->comparison == JX_CMP_NONE && q->unit[0] == '\0');
        break;
    default:
        CHECK(!"unknown kind");
    }
}

static void check_failure(const GError *error, const char *text)
{
    CHECK(error != NULL);
    CHECK(error->domain == JX_ERROR && error->code == JX_ERROR_PARSE);
    char *zh = jx_error_text(error, JX_LANG_ZH);
    char *en = jx_error_text(error, JX_LANG_EN);
    CHECK(g_utf8_validate(zh, -1, NULL) && zh[0] != '\0');
    CHECK(g_utf8_validate(en, -1, NULL) && en[0] != '\0');
    /* a named position lies within the text (or just after it) */
    const char *at = strstr(en, "at character ");
    if (at != NULL) {
        long position = strtol(at + strlen("at character "), NULL, 10);
        glong characters = g_utf8_validate(text, -1, NULL) ? g_utf8_strlen(text, -1)
                                                           : (glong)strlen(text);
        CHECK(position >= 1 && position <= characters + 1);
    }
    g_free(zh);
    g_free(en);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = g_malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';

    JxQuantity q, again;
    GError *error = NULL;
    gboolean ok = jx_quantity_parse(text, &q, &error);
    CHECK(ok == (error == NULL));
    if (ok)
        check_success(&q);
    else
        check_failure(error, text);
    g_clear_error(&error);

    /* the same text, the same answer, with or without an error pointer */
    CHECK(jx_quantity_parse(text, &again, NULL) == ok);
    if (ok) {
        CHECK(again.kind == q.kind && again.comparison == q.comparison);
        CHECK(again.value == q.value && strcmp(again.unit, q.unit) == 0);
        double value;
        gboolean converted = jx_quantity_value_in(&q, "万元", &value, &error);
        CHECK(converted == (error == NULL));
        g_clear_error(&error);
    }

    double numeral;
    CHECK(jx_numeral_parse_prefix(text, &numeral) <= strlen(text));
    CHECK(numeral >= 0 && numeral < 10000);

    g_free(text);
    return 0;
}

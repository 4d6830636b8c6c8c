/*
 * fuzz_review.c: libFuzzer harness for the review of a report's prose.
 *
 * Any bytes, taken as the lines of a report (the first byte also decides
 * whether the first lines carry Writer's generated list labels), must be
 * reviewed without a crash, a read past a paragraph or a leak, and every
 * finding must be sound: a known kind, texts in both languages, a paragraph
 * that exists and characters inside it, a sentence and JSON that parse.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <glib.h>

#include "core/findings.h"
#include "core/review.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(condition) \
    do { \
        if (!(condition)) { \
            g_printerr("invariant failed: %s\n", #condition); \
            abort(); \
        } \
    } while (0)

static const char *const labels[] = { "一、", "（二）", "3.", "（4）", "①", "", "十二、", "1、" };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16)
        return 0;
    g_autofree char *text = g_utf8_make_valid((const char *)data, (gssize)size);
    g_autoptr(GPtrArray) paragraphs = jx_review_paragraphs_from_text(text, strlen(text));
    if (size > 0 && (data[0] & 1))
        for (guint i = 0; i < paragraphs->len && i < G_N_ELEMENTS(labels); i++) {
            JxReviewParagraph *p = g_ptr_array_index(paragraphs, i);
            g_free(p->label);
            p->label = g_strdup(labels[((data[0] >> 1) + i) % G_N_ELEMENTS(labels)]);
        }
    g_autoptr(GPtrArray) findings = jx_review_run(paragraphs, NULL);
    for (guint i = 0; i < findings->len; i++) {
        const JxFinding *f = g_ptr_array_index(findings, i);
        CHECK(f->kind != NULL && f->kind->code != NULL);
        CHECK(f->text[0] != NULL && f->text[1] != NULL && g_utf8_validate(f->text[0], -1, NULL) &&
              g_utf8_validate(f->text[1], -1, NULL));
        int p = jx_review_finding_paragraph(f);
        CHECK(p >= 0 && (guint)p < paragraphs->len);
        glong chars = g_utf8_strlen(((JxReviewParagraph *)g_ptr_array_index(paragraphs, (guint)p))->text, -1);
        CHECK(f->col >= 0 && f->col <= f->col2 && (f->col2 < chars || chars == 0));
        g_autofree char *sentence = jx_review_finding_sentence(f, paragraphs);
        CHECK(sentence != NULL && g_utf8_validate(sentence, -1, NULL));
    }
    g_autofree char *json = jx_review_to_json(findings, paragraphs, "fuzz.txt", NULL);
    cJSON *root = cJSON_Parse(json);
    CHECK(root != NULL);
    CHECK(cJSON_GetArraySize(cJSON_GetObjectItem(root, "findings")) == (int)findings->len);
    cJSON_Delete(root);
    return 0;
}

/*
 * review.c: reviewing a report's prose: the paragraphs in, the checks of
 * review_checks.h run in turn, the findings out (and as JSON); plain-text
 * reports read from a file.
 */
#include "core/review.h"

#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>
#include <glib/gstdio.h>

#include "core/error.h"
#include "core/review_checks.h"
#include "core/review_doc.h"

typedef void (*Check)(JxReviewDoc *doc);

static const Check checks[] = {
    jx_review_check_outline,
    jx_review_check_sums,
    jx_review_check_spending,
    jx_review_check_counts,
    jx_review_check_scores,
};

void jx_review_rules_init_default(JxReviewRules *rules)
{
    rules->note_limit = 0.01;
    jx_scoring_rules_init_default(&rules->scoring);
}

void jx_review_rules_from_settings(JxReviewRules *rules, const JxSettings *settings)
{
    rules->note_limit = settings->note_limit;
    rules->scoring = settings->scoring;
}

JxReviewParagraph *jx_review_paragraph_new(const char *text, const char *label)
{
    JxReviewParagraph *p = g_new0(JxReviewParagraph, 1);
    p->text = g_strdup(text ? text : "");
    p->label = label && label[0] ? g_strdup(label) : NULL;
    return p;
}

void jx_review_paragraph_free(gpointer paragraph)
{
    JxReviewParagraph *p = paragraph;
    if (p == NULL)
        return;
    g_free(p->text);
    g_free(p->label);
    g_free(p);
}

GPtrArray *jx_review_paragraphs_from_text(const char *text, gsize length)
{
    GPtrArray *paragraphs = g_ptr_array_new_with_free_func(jx_review_paragraph_free);
    static const char bom[] = "\xEF\xBB\xBF", separator[] = "\xE2\x80\xA9";   /* U+FEFF, U+2029 */
    gsize i = length >= 3 && memcmp(text, bom, 3) == 0 ? 3 : 0, start = i;
    while (i <= length) {
        gsize skip = 0;
        if (i == length)
            skip = 1;
        else if (text[i] == '\r')
            skip = i + 1 < length && text[i + 1] == '\n' ? 2 : 1;
        else if (text[i] == '\n')
            skip = 1;
        else if (i + 3 <= length && memcmp(text + i, separator, 3) == 0)
            skip = 3;
        if (skip == 0) {
            i++;
            continue;
        }
        if (i < length || i > start) {
            g_autofree char *line = g_strndup(text + start, i - start);
            g_ptr_array_add(paragraphs, jx_review_paragraph_new(line, NULL));
        }
        i += skip;
        start = i;
    }
    return paragraphs;
}

GPtrArray *jx_review_read_text_file(const char *path, gsize max_bytes, GError **error)
{
    GStatBuf st;
    if (g_stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
        jx_set_error(error, JX_ERROR_IO, "无法读取 %s：不是文件或不存在", "cannot read %s: not a file or missing",
                     path);
        return NULL;
    }
    if ((guint64)st.st_size > max_bytes) {
        jx_set_error(error, JX_ERROR_IO, "%s 太大（超过 %lu 字节），不像一份报告",
                     "%s is too large (over %lu bytes) to be a report", path, (unsigned long)max_bytes);
        return NULL;
    }
    g_autofree char *data = NULL;
    gsize length = 0;
    GError *io = NULL;
    if (!g_file_get_contents(path, &data, &length, &io)) {
        jx_set_error(error, JX_ERROR_IO, "无法读取 %s：%s", "cannot read %s: %s", path, io->message);
        g_error_free(io);
        return NULL;
    }
    g_autofree char *converted = NULL;
    const char *text = data;
    if (length >= 2 && ((guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE))
        converted = g_convert(data + 2, (gssize)length - 2, "UTF-8", "UTF-16LE", NULL, &length, NULL);
    else if (length >= 2 && ((guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF))
        converted = g_convert(data + 2, (gssize)length - 2, "UTF-8", "UTF-16BE", NULL, &length, NULL);
    else if (!g_utf8_validate(data, (gssize)length, NULL) && memchr(data, '\0', length) == NULL)
        converted = g_convert(data, (gssize)length, "UTF-8", "GB18030", NULL, &length, NULL);
    if (converted != NULL)
        text = converted;
    if (memchr(text, '\0', length) != NULL || !g_utf8_validate(text, (gssize)length, NULL)) {
        jx_set_error(error, JX_ERROR_PARSE, "%s 不是文本文件（UTF-8、UTF-16 或 GB18030）",
                     "%s is not a text file (UTF-8, UTF-16 or GB18030)", path);
        return NULL;
    }
    return jx_review_paragraphs_from_text(text, length);
}

GPtrArray *jx_review_run(const GPtrArray *paragraphs, const JxReviewRules *rules)
{
    JxReviewRules defaults;
    if (rules == NULL) {
        jx_review_rules_init_default(&defaults);
        rules = &defaults;
    }
    JxReviewDoc *doc = jx_review_doc_new(paragraphs, rules);
    for (gsize i = 0; i < G_N_ELEMENTS(checks); i++)
        checks[i](doc);
    GPtrArray *findings = g_steal_pointer(&doc->findings);
    jx_review_doc_free(doc);
    jx_findings_sort(findings);
    return findings;
}

int jx_review_finding_paragraph(const JxFinding *finding)
{
    return finding->sheet < 0 ? finding->row : -1;
}

static gboolean ends_sentence(gunichar c)
{
    return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?' || c == 0xFF1B || c == ';';
}

char *jx_review_finding_sentence(const JxFinding *finding, const GPtrArray *paragraphs)
{
    int p = jx_review_finding_paragraph(finding);
    if (paragraphs == NULL || p < 0 || (guint)p >= paragraphs->len)
        return g_strdup("");
    const char *text = ((const JxReviewParagraph *)g_ptr_array_index(paragraphs, (guint)p))->text;
    glong chars = g_utf8_strlen(text, -1);
    const char *start = g_utf8_offset_to_pointer(text, CLAMP(finding->col, 0, chars));
    const char *end = g_utf8_offset_to_pointer(text, CLAMP(finding->col2, 0, chars));
    while (start > text) {
        const char *prev = g_utf8_find_prev_char(text, start);
        if (ends_sentence(g_utf8_get_char(prev)))
            break;
        start = prev;
    }
    while (*end) {
        gunichar c = g_utf8_get_char(end);
        end = g_utf8_next_char(end);
        if (ends_sentence(c))
            break;
    }
    return g_strstrip(g_strndup(start, (gsize)(end - start)));
}

char *jx_review_to_json(const GPtrArray *findings, const GPtrArray *paragraphs,
                        const char *source, const char *failure)
{
    cJSON *root = cJSON_CreateObject();
    int errors, warnings, notes;
    jx_findings_count(findings, &errors, &warnings, &notes);
    cJSON_AddStringToObject(root, "source", source ? source : "");
    if (failure != NULL)
        cJSON_AddStringToObject(root, "failure", failure);
    cJSON_AddNumberToObject(root, "paragraphs", paragraphs ? paragraphs->len : 0);
    cJSON_AddNumberToObject(root, "errors", errors);
    cJSON_AddNumberToObject(root, "warnings", warnings);
    cJSON_AddNumberToObject(root, "notes", notes);
    cJSON *list = cJSON_AddArrayToObject(root, "findings");
    for (guint i = 0; findings && i < findings->len; i++) {
        const JxFinding *f = g_ptr_array_index(findings, i);
        cJSON *item = cJSON_CreateObject();
        cJSON_AddStringToObject(item, "code", f->kind->code);
        cJSON_AddStringToObject(item, "severity", jx_severity_name(f->severity, JX_LANG_EN));
        cJSON_AddNumberToObject(item, "paragraph", jx_review_finding_paragraph(f) + 1);
        cJSON_AddNumberToObject(item, "start", f->col);
        cJSON_AddNumberToObject(item, "end", f->col2 + 1);
        g_autofree char *sentence = jx_review_finding_sentence(f, paragraphs);
        cJSON_AddStringToObject(item, "sentence", sentence);
        cJSON *message = cJSON_AddObjectToObject(item, "message");
        cJSON_AddStringToObject(message, "zh", f->text[JX_LANG_ZH]);
        cJSON_AddStringToObject(message, "en", f->text[JX_LANG_EN]);
        cJSON_AddItemToArray(list, item);
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    char *result = g_strdup(text);
    cJSON_free(text);
    return result;
}

/*
 * check_generator_reports.c: Jixiao's own reports of the generated
 * departments (tests/generator/, DIR/cases.jsonl), reviewed.  Each case's
 * workbook is read through its schema, what Compute would write is planned,
 * and the report of the schema's template is rendered in the core, then
 * read as Writer would hand it to the review: headings with their numbers,
 * paragraphs, no tables.  It is reviewed by the rules of its schema (score
 * decimals, bands, grade bounds vary by bureau).
 *
 *   - a department as generated (consistent) must review clean;
 *   - a planted fault that the report's prose shows must be found there:
 *     an item off its class (sum-item) as JX-SUM-MISMATCH when every class
 *     lists two items or more, the cost indicator off the year's spending
 *     (same-cost) as JX-SAME-DIFFERS or JX-SAME-ROUNDING when the report lists
 *     it by the spending's name, people in 万元 (people-in-money) as
 *     JX-PEOPLE-IN-MONEY.  Other faults live in cells the prose does not
 *     repeat; for them nothing is asserted.
 *
 * Usage: check_generator_reports DIR; one TAP line per case.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <glib.h>

#include "core/bundle.h"
#include "core/compute.h"
#include "core/findings.h"
#include "core/model.h"
#include "core/render.h"
#include "core/review.h"
#include "grid.h"

static gboolean always(const GPtrArray *paragraphs)
{
    return TRUE;
}

/* The cost indicator shows when the report lists it by the spending's name. */
static gboolean cost_indicator_listed(const GPtrArray *paragraphs)
{
    for (guint i = 0; i < paragraphs->len; i++)
        if (strstr(((const JxReviewParagraph *)g_ptr_array_index(paragraphs, i))->text, "整体支出：年度指标值"))
            return TRUE;
    return FALSE;
}

/* An item off its class shows when every class lists two items or more: "…支出
 * 11.91万元，包括电费10.91万元" may leave items out, and is no claim to be whole. */
static gboolean classes_list_items(const GPtrArray *paragraphs)
{
    for (guint i = 0; i < paragraphs->len; i++) {
        const char *text = ((const JxReviewParagraph *)g_ptr_array_index(paragraphs, i))->text;
        const char *list = strstr(text, "，包括");
        int amounts = 0;
        for (const char *a = list; a && (a = strstr(a, "万元")) != NULL; a += strlen("万元"))
            amounts++;
        if (list && amounts < 2)
            return FALSE;
    }
    return TRUE;
}

/* The faults the report's prose shows (when `shows` says so), and what the
 * review must find. */
static const struct {
    const char *fault;
    const char *codes[2];
    gboolean (*shows)(const GPtrArray *paragraphs);
} shown[] = {
    { "sum-item", { "JX-SUM-MISMATCH", NULL }, classes_list_items },
    { "same-cost", { "JX-SAME-DIFFERS", "JX-SAME-ROUNDING" }, cost_indicator_listed },
    { "people-in-money", { "JX-PEOPLE-IN-MONEY", NULL }, always },
};

/* The report's body as Writer holds it: one paragraph per title, heading
 * (its number first) and paragraph; tables are not prose. */
static GPtrArray *paragraphs_of(const JxReport *report)
{
    GPtrArray *paragraphs = g_ptr_array_new_with_free_func(jx_review_paragraph_free);
    for (guint i = 0; i < report->blocks->len; i++) {
        const JxBlock *b = g_ptr_array_index(report->blocks, i);
        if (b->kind != JX_BLOCK_TITLE && b->kind != JX_BLOCK_HEADING && b->kind != JX_BLOCK_PARAGRAPH)
            continue;
        g_autofree char *text = jx_block_text(b);
        g_autofree char *numbered = g_strconcat(b->kind == JX_BLOCK_HEADING && b->number ? b->number : "", text, NULL);
        /* a paragraph with line breaks is one paragraph to Writer; the review reads it so */
        g_ptr_array_add(paragraphs, jx_review_paragraph_new(numbered, NULL));
    }
    return paragraphs;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s DIR (with DIR/cases.jsonl from tests/generator/generate.py)\n", argv[0]);
        return 2;
    }
    g_autofree char *path = g_build_filename(argv[1], "cases.jsonl", NULL);
    FILE *in = fopen(path, "r");
    if (in == NULL) {
        perror(path);
        return 2;
    }
    g_autoptr(GHashTable) bundles = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify)jx_bundle_free);
    int cases = 0, failed = 0, clean_cases = 0, found = 0, unasserted = 0;
    size_t size = 0;
    char *line = NULL;
    while (getline(&line, &size, in) > 0) {
        cJSON *c = cJSON_Parse(line);
        if (c == NULL)
            continue;
        const char *id = cJSON_GetObjectItem(c, "id")->valuestring;
        const cJSON *fault_json = cJSON_GetObjectItem(c, "fault");
        const char *fault = cJSON_IsString(fault_json) ? fault_json->valuestring : NULL;
        g_autofree char *schema_path = g_build_filename(argv[1], cJSON_GetObjectItem(c, "schema")->valuestring, NULL);
        JxBundle *bundle = g_hash_table_lookup(bundles, schema_path);
        if (bundle == NULL) {
            GError *error = NULL;
            bundle = jx_bundle_load_file(schema_path, NULL, &error);
            if (bundle == NULL || bundle->template == NULL) {
                g_printerr("%s: %s\n", schema_path, error ? error->message : "no report template");
                return 2;
            }
            g_hash_table_insert(bundles, g_strdup(schema_path), bundle);
        }
        g_autoptr(JxWorkbook) wb = workbook_of(cJSON_GetObjectItem(c, "grid"), id);
        g_autoptr(JxModel) model = jx_model_build(bundle->schema, wb);
        g_autoptr(JxComputePlan) plan = jx_compute_plan(model, JX_COMPUTE_MODE_VALUES, NULL);
        JxReportInput input = { model, plan->record, NULL };
        GError *error = NULL;
        g_autoptr(JxReport) report = jx_report_render(bundle->template, &input, &error);
        g_clear_error(&error);
        cases++;
        g_autoptr(GPtrArray) paragraphs = report ? paragraphs_of(report) : NULL;
        const char *const *wanted = NULL;
        for (gsize k = 0; fault && paragraphs && k < G_N_ELEMENTS(shown); k++)
            if (strcmp(fault, shown[k].fault) == 0 && shown[k].shows(paragraphs))
                wanted = shown[k].codes;
        if (report == NULL || (fault && wanted == NULL)) {
            unasserted += report != NULL;
            printf("ok %d %s: %s\n", cases, id, report ? "a fault the prose does not show" : "no report (skipped)");
            cJSON_Delete(c);
            continue;
        }
        JxReviewRules rules;   /* the department's bureau's rules, as its schema says */
        jx_review_rules_from_settings(&rules, &bundle->schema->settings);
        g_autoptr(GPtrArray) findings = jx_review_run(paragraphs, &rules);
        gboolean ok;
        if (fault == NULL) {
            clean_cases++;
            ok = findings->len == 0;
        } else {
            ok = FALSE;
            for (guint i = 0; i < findings->len && !ok; i++)
                for (int k = 0; k < 2 && wanted[k]; k++)
                    ok = ok || strcmp(((JxFinding *)g_ptr_array_index(findings, i))->kind->code, wanted[k]) == 0;
            found += ok;
        }
        failed += !ok;
        printf("%s %d %s%s%s: %s\n", ok ? "ok" : "not ok", cases, id, fault ? " with " : "", fault ? fault : "",
               fault ? "found in the prose" : "reviews clean");
        for (guint i = 0; !ok && i < findings->len; i++) {
            const JxFinding *f = g_ptr_array_index(findings, i);
            g_autofree char *sentence = jx_review_finding_sentence(f, paragraphs);
            printf("#   %s ¶%d %s | %s\n", f->kind->code, jx_review_finding_paragraph(f) + 1, f->text[0], sentence);
        }
        cJSON_Delete(c);
    }
    free(line);
    fclose(in);
    printf("1..%d\n", cases);
    printf("# review (generator): %d departments' reports reviewed (clean ones must be), %d planted faults found in the "
           "prose, %d faults the prose does not show, %d cases failed\n", clean_cases, found, unasserted, failed);
    return failed ? 1 : 0;
}

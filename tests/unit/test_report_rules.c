/*
 * test_report_rules.c: the report's wording rules on generated departments.
 *
 * Each department (department.h) is a workbook laid out from the default
 * schema (registration/schema/hunan-department-2023.json) the way the
 * standard workbook is and filled from a seed.  Its report is rendered with
 * the default template and read against what the generator itself wrote:
 *
 *   line items   a class is named when it or an item under it holds an
 *                amount, and its sentence names exactly the items that do;
 *   numbering    one level below the heading: 1. under （一）基本支出,
 *                （1） under 2.产出指标, （一） under 五、;
 *   absence      "本单位无…支出" for a blank fund table or a 无 row (the
 *                workbook's instructions make blank mean none), "本年度未设置
 *                X" only when other indicators exist, and a placeholder when
 *                there are none at all or no project rows;
 *   sentences    every body paragraph of the sections ends with its
 *                punctuation;
 *   notes        a finding planted at the 基本支出 figure puts a note on that
 *                figure and changes no text;
 *   counting     report->placeholders is the number of 【请填写】 in it.
 *
 * JX_DEPARTMENTS=n runs n departments (default 300).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "core/bundle.h"
#include "core/compute.h"
#include "core/findings.h"
#include "core/model.h"
#include "core/render.h"
#include "core/report.h"
#include "core/schema.h"
#include "core/workbook.h"
#include "department.h"
#include "test_helpers.h"

/* ---- reading the report --------------------------------------------------------- */

/* The body paragraphs under a heading (level, title), up to the next heading
 * of that level or above. */
static GPtrArray *section_paragraphs(const JxReport *r, int level, const char *title)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    gboolean inside = FALSE;
    for (guint i = 0; i < r->blocks->len; i++) {
        const JxBlock *b = g_ptr_array_index(r->blocks, i);
        if (b->kind == JX_BLOCK_HEADING) {
            g_autofree char *text = jx_block_text(b);
            if (b->level <= level)
                inside = b->level == level && strcmp(text, title) == 0;
            continue;
        }
        if (inside && b->kind == JX_BLOCK_PARAGRAPH)
            g_ptr_array_add(out, jx_block_text(b));
    }
    return out;
}

/* The placeholders of a paragraph (or a table cell's). */
static int placeholders_in(const JxBlock *b)
{
    int n = 0;
    for (guint s = 0; b->spans && s < b->spans->len; s++) {
        const JxSpan *span = g_ptr_array_index(b->spans, s);
        for (const char *p = span->placeholder ? span->text : ""; (p = strstr(p, "【")) != NULL; p++)
            n++;
    }
    return n;
}

static int count_placeholders(const JxReport *r)
{
    int n = 0;
    for (guint i = 0; i < r->blocks->len; i++) {
        const JxBlock *b = g_ptr_array_index(r->blocks, i);
        n += placeholders_in(b);
        for (int c = 0; b->kind == JX_BLOCK_TABLE && c < b->rows * b->cols; c++)
            n += placeholders_in(b->cells[c]);
    }
    return n;
}

static gboolean sentence_ended(const char *text)
{
    static const char *const endings[] = { "。", "！", "？", "：", "；", "】", NULL };
    for (int i = 0; endings[i]; i++)
        if (g_str_has_suffix(text, endings[i]))
            return TRUE;
    return FALSE;
}

static void fail(const Department *d, const char *what, const char *detail)
{
    g_test_fail_printf("department %u (%s): %s\n  %s", d->seed, d->department, what, detail ? detail : "");
}

static char *amount_text(double v)
{
    return g_strdup_printf("%.2f", v);
}

/* ---- the rules --------------------------------------------------------------- */

static void check_line_items(const Department *d, const JxReport *r)
{
    g_autoptr(GPtrArray) paragraphs = section_paragraphs(r, 2, "基本支出");
    GString *want = g_string_new(NULL);
    int n = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(items); i++) {
        if (!is_class(&items[i]) || d->item_state[i] != ITEM_USED)
            continue;
        g_autofree char *total = amount_text(d->item_amount[i]);
        g_string_append_printf(want, "|%d.%s%s万元，包括", ++n, items[i].name, total);
        int named = 0;
        for (gsize k = i + 1; k < G_N_ELEMENTS(items) && !is_class(&items[k]); k++)
            if (d->item_state[k] == ITEM_USED) {
                g_autofree char *amount = amount_text(d->item_amount[k]);
                g_string_append_printf(want, "%s%s%s万元", named++ ? "、" : "", items[k].name, amount);
            }
        g_string_append(want, "。");
    }
    GString *got = g_string_new(NULL);
    for (guint i = 1; i < paragraphs->len; i++)   /* after "…基本支出X万元，其中：" */
        g_string_append_printf(got, "|%s", (char *)g_ptr_array_index(paragraphs, i));
    if (n == 0)   /* nothing in use: the list asks for its rows */
        g_string_assign(want, "|【请填写：基本支出明细】");
    if (strcmp(got->str, want->str) != 0) {
        g_autofree char *detail = g_strdup_printf("got  %s\n  want %s", got->str, want->str);
        fail(d, "二（一） names the classes and items in use, numbered 1. 2.", detail);
    }
    g_string_free(want, TRUE);
    g_string_free(got, TRUE);
}

static void check_indicators(const Department *d, const JxReport *r)
{
    int all = d->indicators[0] + d->indicators[1] + d->indicators[2];
    for (int k = 0; k < 3; k++) {
        g_autoptr(GPtrArray) paragraphs = section_paragraphs(r, 3, levels[k]);
        g_autofree char *absent = g_strdup_printf("本年度未设置%s。", levels[k]);
        g_autofree char *asked = g_strdup_printf("【请填写：部门整体支出绩效自评表（%s）】", levels[k]);
        if (d->indicators[k] == 0) {
            const char *want = all > 0 ? absent : asked;
            if (paragraphs->len != 1 || strcmp(g_ptr_array_index(paragraphs, 0), want) != 0)
                fail(d, levels[k], want);
            continue;
        }
        gboolean ok = (int)paragraphs->len == d->indicators[k];
        for (guint i = 0; ok && i < paragraphs->len; i++) {
            g_autofree char *start = g_strdup_printf("（%u）%s第%u项：", i + 1, levels[k], i + 1);
            ok = g_str_has_prefix(g_ptr_array_index(paragraphs, i), start);
        }
        if (!ok)
            fail(d, "indicators listed （1）（2）… under their level-3 heading", levels[k]);
    }
}

static void check_projects(const Department *d, const JxReport *r)
{
    g_autoptr(GPtrArray) paragraphs = section_paragraphs(r, 2, "项目支出");
    /* intro, the projects (or the placeholder), 项目资金使用管理情况 */
    if (d->projects == 0) {
        if (paragraphs->len != 3 || strcmp(g_ptr_array_index(paragraphs, 1), "【请填写：项目支出】") != 0)
            fail(d, "no project rows: a placeholder, never 本年度无项目支出",
                 paragraphs->len > 1 ? g_ptr_array_index(paragraphs, 1) : NULL);
        return;
    }
    for (int p = 0; p < d->projects; p++) {
        const char *text = (guint)p + 1 < paragraphs->len ? g_ptr_array_index(paragraphs, p + 1) : "";
        if (!g_str_has_suffix(text, "建成专家工作站2个。"))
            fail(d, "a project's result closes its sentence once", text);
    }
}

static void check_funds(const Department *d, const JxReport *r)
{
    static const char *const nothing[] = { "本单位无政府性基金预算支出。", "本单位无国有资本经营预算支出。",
                                           "本单位未安排社会保险基金预算支出。" };
    for (int f = 0; f < 3; f++) {
        g_autoptr(GPtrArray) paragraphs = section_paragraphs(r, 1, fund_sections[f]);
        const char *want = d->funds[f] == FUND_ROWS ? "（一）某基金：预算数12.50万元，执行数12.00万元。" : nothing[f];
        if (paragraphs->len != 1 || strcmp(g_ptr_array_index(paragraphs, 0), want) != 0)
            fail(d, fund_sections[f], want);
    }
}

static void check_sentences(const Department *d, const JxReport *r)
{
    gboolean sections = FALSE;
    for (guint i = 0; i < r->blocks->len; i++) {
        const JxBlock *b = g_ptr_array_index(r->blocks, i);
        if (b->kind == JX_BLOCK_HEADING)
            sections = b->number && b->number[0];   /* annexes carry no number */
        if (!sections || b->kind != JX_BLOCK_PARAGRAPH || b->style != JX_PARA_BODY)
            continue;
        g_autofree char *text = jx_block_text(b);
        if (!sentence_ended(text))
            fail(d, "a body paragraph ends with its punctuation", text);
    }
}

/* A finding at the 基本支出 figure: a note there, and not a character changed. */
static void check_notes(const Department *d, const JxBundle *bundle, const JxModel *model, GHashTable *computed,
                        const JxReport *plain)
{
    g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func(jx_finding_free);
    g_ptr_array_add(findings, jx_finding_new(JX_FINDING_SUM_MISMATCH, d->basic_sheet, d->basic_row, d->basic_col,
                                             "基本支出 %s", "basic %s", "≠"));
    JxReportInput input = { model, computed, findings, NULL };
    g_autoptr(JxReport) noted = jx_report_render(bundle->template, &input, NULL);
    g_assert_nonnull(noted);
    g_assert_cmpuint(noted->blocks->len, ==, plain->blocks->len);
    int notes = 0;
    for (guint i = 0; i < noted->blocks->len; i++) {
        const JxBlock *a = g_ptr_array_index(plain->blocks, i), *b = g_ptr_array_index(noted->blocks, i);
        if (b->spans) {
            g_autofree char *ta = jx_block_text(a);
            g_autofree char *tb = jx_block_text(b);
            if (strcmp(ta, tb) != 0)
                fail(d, "a note changes no text", tb);
            for (guint s = 0; s < b->spans->len; s++) {
                const JxSpan *span = g_ptr_array_index(b->spans, s);
                if (span->note == NULL)
                    continue;
                notes++;
                if (!g_ascii_isdigit(span->text[0]) || strstr(span->note, "JX-SUM-MISMATCH") == NULL)
                    fail(d, "the note sits on the figure and says what was found", span->text);
            }
        }
        for (int c = 0; b->kind == JX_BLOCK_TABLE && c < b->rows * b->cols; c++) {
            g_autofree char *ca = jx_block_text(a->cells[c]);
            g_autofree char *cb = jx_block_text(b->cells[c]);
            if (strcmp(ca, cb) != 0)
                fail(d, "a note changes no cell", cb);
            for (guint s = 0; s < b->cells[c]->spans->len; s++)
                notes += ((const JxSpan *)g_ptr_array_index(b->cells[c]->spans, s))->note != NULL;
        }
    }
    /* 一（三）, 二（一）'s first sentence and 附件1 show it */
    if (notes != 3 || noted->notes != 3) {
        g_autofree char *detail = g_strdup_printf("%d notes (report says %d)", notes, noted->notes);
        fail(d, "the 基本支出 figure carries its note wherever it is shown", detail);
    }
}

static void test_departments(gconstpointer data)
{
    const JxBundle *bundle = data;
    const char *env = g_getenv("JX_DEPARTMENTS");
    guint n = env ? (guint)atoi(env) : 300;
    g_test_message("%u generated departments", n);
    for (guint seed = 1; seed <= n; seed++) {
        g_autoptr(Department) d = generate(bundle->schema, seed);
        g_autoptr(JxModel) model = jx_model_build(bundle->schema, d->wb);
        /* what Compute would write stands in for the computed cells, as in the office */
        g_autoptr(JxComputePlan) plan = jx_compute_plan(model, JX_COMPUTE_MODE_VALUES, NULL);
        JxReportInput input = { model, plan->record, NULL, NULL };
        GError *error = NULL;
        g_autoptr(JxReport) report = jx_report_render(bundle->template, &input, &error);
        g_assert_no_error(error);
        check_line_items(d, report);
        check_indicators(d, report);
        check_projects(d, report);
        check_funds(d, report);
        check_sentences(d, report);
        int counted = count_placeholders(report);
        if (counted != report->placeholders) {
            g_autofree char *detail = g_strdup_printf("%d in the text, %d counted", counted, report->placeholders);
            fail(d, "every placeholder is counted", detail);
        }
        check_notes(d, bundle, model, plan->record, report);
        if (g_test_failed()) {   /* the first department that fails says enough */
            g_printerr("department %u's report:\n", seed);
            for (guint i = 0; i < report->blocks->len; i++) {
                const JxBlock *b = g_ptr_array_index(report->blocks, i);
                g_autofree char *text = b->spans ? jx_block_text(b) : g_strdup("[table]");
                g_printerr("  %s%s\n", b->number ? b->number : "", text);
            }
            return;
        }
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    const char *relative = "registration/schema/hunan-department-2023.json";
    g_autofree char *path = g_file_test(relative, G_FILE_TEST_EXISTS)
        ? g_strdup(relative) : g_test_build_filename(G_TEST_BUILT, "..", "..", relative, NULL);
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func(jx_schema_problem_free);
    g_autoptr(JxBundle) bundle = jx_bundle_load_file(path, problems, NULL);
    if (bundle == NULL)
        print_problems(problems);
    g_assert_nonnull(bundle);
    g_test_add_data_func("/report-rules/departments", bundle, test_departments);
    return g_test_run();
}

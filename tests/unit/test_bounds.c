/*
 * test_bounds.c: a report template cannot make a report too large to lay
 * out.  What the template alone shows too large (a multi-megabyte literal,
 * hundreds of thousands of placeholders, a thousand loops) does not compile;
 * what only its expansion on a workbook shows (loops over large tables,
 * nested loops, long item lists) stops the rendering once a budget is spent.
 * Either way the problem names the JSON path of the template part, and the
 * report is never built.  Reports at the per-value caps (5 000 characters of
 * a value, 200 items of a group, 1 000 rows of a table) still render.
 */
#include <string.h>

#include <glib.h>

#include "core/bundle.h"
#include "core/error.h"
#include "core/model.h"
#include "core/render.h"
#include "core/report.h"
#include "core/template.h"
#include "core/workbook.h"
#include "test_helpers.h"

#define SCHEMA_HEAD \
    "{\"format\":\"jixiao-schema\",\"version\":1,\"id\":\"bounds\",\"title\":{\"zh\":\"界限\",\"en\":\"Bounds\"}," \
    "\"sheets\":{\"info\":{\"name\":\"基本情况\"},\"items\":{\"name\":\"明细\"}}," \
    "\"fields\":{\"department\":{\"label\":{\"zh\":\"单位名称\",\"en\":\"Department\"},\"sheet\":\"info\"," \
    "\"at\":{\"cell\":\"B1\"},\"type\":\"text\"}," \
    "\"total\":{\"label\":{\"zh\":\"整体支出\",\"en\":\"Total\"},\"sheet\":\"info\",\"at\":{\"cell\":\"B2\"}," \
    "\"type\":\"amount\"}}," \
    "\"tables\":{\"items\":{\"label\":{\"zh\":\"明细\",\"en\":\"Items\"},\"sheet\":\"items\"," \
    "\"header\":{\"label\":\"编码\",\"label_column\":\"A\"}," \
    "\"columns\":{\"code\":{\"header\":\"编码\",\"type\":\"text\"},\"name\":{\"header\":\"名称\",\"type\":\"text\"}," \
    "\"executed\":{\"header\":\"金额\",\"type\":\"amount\"},\"note\":{\"header\":\"说明\",\"type\":\"text\"}}," \
    "\"key\":\"name\",\"groups\":{\"column\":\"code\",\"rule\":\"prefix\"}}}," \
    "\"checks\":[],\"report\":"

/* A schema whose report is `report` (JSON). */
static char *schema_with(const char *report)
{
    return g_strconcat(SCHEMA_HEAD, report, "}", NULL);
}

/* Sections around a body (a JSON array's inside). */
static char *template_with(const char *body)
{
    return g_strdup_printf("{\"title\":\"{department}\",\"sections\":[{\"title\":\"一\",\"body\":[%s]}]}", body);
}

/* `count` copies of `element`, comma-separated. */
static char *repeated(const char *element, int count)
{
    GString *out = g_string_new(NULL);
    for (int i = 0; i < count; i++)
        g_string_append_printf(out, "%s%s", i ? "," : "", element);
    return g_string_free(out, FALSE);
}

/* A string of `count` copies of `piece`. */
static char *times(const char *piece, int count)
{
    GString *out = g_string_new(NULL);
    for (int i = 0; i < count; i++)
        g_string_append(out, piece);
    return g_string_free(out, FALSE);
}

/* ---- compiling ------------------------------------------------------------------ */

/* The template does not compile: one problem at `path` whose English text
 * holds `words`, and the bundle's error names that path. */
static void assert_refused(const char *body, const char *path, const char *words)
{
    g_autofree char *report = template_with(body);
    g_autofree char *json = schema_with(report);
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func(jx_schema_problem_free);
    GError *error = NULL;
    JxBundle *bundle = jx_bundle_load_data(json, strlen(json), problems, &error);
    g_assert_null(bundle);
    g_assert_error(error, JX_ERROR, JX_ERROR_SCHEMA);
    g_assert_cmpuint(problems->len, >=, 1);
    const JxSchemaProblem *first = g_ptr_array_index(problems, 0);
    g_assert_cmpstr(first->path, ==, path);
    if (strstr(first->en, words) == NULL)
        g_test_fail_printf("expected “%s” in: %s", words, first->en);
    g_autofree char *en = jx_error_text(error, JX_LANG_EN);
    g_autofree char *zh = jx_error_text(error, JX_LANG_ZH);
    g_assert_nonnull(strstr(en, path));
    g_assert_nonnull(strstr(zh, path));
    g_error_free(error);
}

static void test_literal_megabytes(void)
{
    g_autofree char *huge = times("很长的文字", 400000);   /* 2 000 000 characters, 6 MB */
    g_autofree char *body = g_strdup_printf("\"开头\",\"%s\"", huge);
    assert_refused(body, "$.report.sections[0].body[1]", "too long (2000000 characters, at most 5000)");
}

/* 300 000 placeholders in strings under the length bound: refused where the
 * count passes the bound, and nothing after that is compiled. */
static void test_placeholders_hundreds_of_thousands(void)
{
    g_autofree char *line = times("{total}", 700);                /* 4 900 characters */
    g_autofree char *string = g_strdup_printf("\"%s\"", line);
    g_autofree char *body = repeated(string, 430);              /* 301 000 placeholders */
    int crossing = JX_TEMPLATE_MAX_PLACEHOLDERS / 700;          /* the string holding number 5001 */
    g_autofree char *path = g_strdup_printf("$.report.sections[0].body[%d]", crossing);
    assert_refused(body, path, "more than 5000 placeholders");
}

static void test_each_a_thousand(void)
{
    g_autofree char *body = repeated("{\"each\":\"items\",\"paragraph\":\"{.name}\"}", 1000);
    assert_refused(body, "$.report.sections[0].body[200]", "more than 200 'each' loops");
}

static void test_blocks(void)
{
    g_autofree char *body = repeated("\"段落\"", 6000);
    assert_refused(body, "$.report.sections[0].body[5000]", "more than 5000 blocks");
}

static void test_strings_in_a_table(void)
{
    g_autofree char *row = repeated("\"格\"", 100);
    g_autofree char *bracketed = g_strdup_printf("[%s]", row);
    g_autofree char *rows = repeated(bracketed, 300);            /* 30 000 cells */
    g_autofree char *body = g_strdup_printf("{\"table\":{\"rows\":[%s]}}", rows);
    /* the title and the section's title come first: cell 19 999 is string 20 001 */
    assert_refused(body, "$.report.sections[0].body[0].table.rows[199][98]", "more than 20000 strings");
}

/* ---- rendering ------------------------------------------------------------------- */

/* 基本情况 and a 明细 of `groups` groups of `per_group` items each, every
 * item 1.00 万元 and `note` in its 说明. */
static JxWorkbook *workbook_of(int groups, int per_group, const char *note)
{
    JxWorkbook *wb = jx_workbook_new("book.ods");
    JxSheet *info = jx_workbook_add_sheet(wb, "基本情况", 2, 2);
    set_cell(wb, info, 0, 0, "单位名称");
    set_cell(wb, info, 0, 1, "沅江市科学技术协会");
    set_cell(wb, info, 1, 0, "整体支出");
    set_cell(wb, info, 1, 1, "410.41");
    int rows = 1 + groups * (per_group + 1);
    JxSheet *items = jx_workbook_add_sheet(wb, "明细", rows, 4);
    set_cell(wb, items, 0, 0, "编码");
    set_cell(wb, items, 0, 1, "名称");
    set_cell(wb, items, 0, 2, "金额");
    set_cell(wb, items, 0, 3, "说明");
    int r = 1;
    for (int g = 0; g < groups; g++) {
        g_autofree char *code = g_strdup_printf("%d", 100 + g);
        g_autofree char *name = g_strdup_printf("'类%d", g);
        set_cell(wb, items, r, 0, code);
        set_cell(wb, items, r, 1, name);
        g_autofree char *sum = g_strdup_printf("%d", per_group);
        set_cell(wb, items, r, 2, sum);
        r++;
        for (int i = 0; i < per_group; i++, r++) {
            g_autofree char *item_code = g_strdup_printf("%d%05d", 100 + g, i);
            g_autofree char *item_name = g_strdup_printf("'项%d-%d", g, i);
            set_cell(wb, items, r, 0, item_code);
            set_cell(wb, items, r, 1, item_name);
            set_cell(wb, items, r, 2, "1");
            set_cell(wb, items, r, 3, note);
        }
    }
    return wb;
}

typedef struct {
    JxBundle *bundle;
    JxWorkbook *workbook;
    JxModel *model;
} Case;

static Case *case_new(const char *body, int groups, int per_group, const char *note)
{
    Case *c = g_new0(Case, 1);
    g_autofree char *report = template_with(body);
    g_autofree char *json = schema_with(report);
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func(jx_schema_problem_free);
    c->bundle = jx_bundle_load_data(json, strlen(json), problems, NULL);
    if (c->bundle == NULL)
        print_problems(problems);
    g_assert_nonnull(c->bundle);
    c->workbook = workbook_of(groups, per_group, note);
    c->model = jx_model_build(c->bundle->schema, c->workbook);
    return c;
}

static void case_free(Case *c)
{
    jx_model_free(c->model);
    jx_workbook_free(c->workbook);
    jx_bundle_free(c->bundle);
    g_free(c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(Case, case_free)

static JxReport *render(const Case *c, const JxReportBudget *budget, GError **error)
{
    JxReportInput input = { c->model, NULL, NULL, budget };
    return jx_report_render(c->bundle->template, &input, error);
}

/* No report: the error names `path` and what ran out. */
static void assert_stopped(const Case *c, const JxReportBudget *budget, const char *path, const char *words)
{
    GError *error = NULL;
    JxReport *report = render(c, budget, &error);
    g_assert_null(report);
    g_assert_error(error, JX_ERROR, JX_ERROR_SCHEMA);
    g_autofree char *en = jx_error_text(error, JX_LANG_EN);
    g_autofree char *zh = jx_error_text(error, JX_LANG_ZH);
    if (strstr(en, path) == NULL || strstr(en, words) == NULL)
        g_test_fail_printf("expected %s and “%s” in: %s", path, words, en);
    else
        g_assert_nonnull(strstr(zh, path));
    g_assert_nonnull(strstr(zh, "展开过大"));
    g_error_free(error);
}

/* Each item's paragraph repeats a 4 000-character literal: 1 000 items make
 * 4 million characters. */
static void test_each_over_a_large_table(void)
{
    g_autofree char *literal = times("经费", 2000);
    g_autofree char *body = g_strdup_printf("{\"each\":\"items\",\"rows\":\"leaves\",\"paragraph\":\"{.name}%s\"}", literal);
    g_autoptr(Case) c = case_new(body, 10, 100, "");
    assert_stopped(c, NULL, "$.report.sections[0].body[0].paragraph", "more than 1000000 characters in the report");
}

/* A table per row whose rows are the whole table again: 1 000 × 1 000 cells. */
static void test_nested_each_over_tables(void)
{
    const char *body = "{\"each\":\"items\",\"table\":{\"source\":\"items\",\"row\":[\"{.name}\",\"{.executed|amount}\"]}}";
    g_autoptr(Case) c = case_new(body, 10, 100, "");
    assert_stopped(c, NULL, "$.report.sections[0].body[0].table", "more than 50000 table cells");
}

/* 200 items (the cap of a list) of 300 characters each, in one paragraph. */
static void test_items_in_one_paragraph(void)
{
    g_autofree char *literal = times("项", 300);
    g_autofree char *body = g_strdup_printf(
        "{\"each\":\"items\",\"rows\":\"groups\",\"paragraph\":\"{.name}：{items}\","
        "\"items\":{\"paragraph\":\"{.name}%s\"}}", literal);
    g_autoptr(Case) c = case_new(body, 1, 300, "");
    assert_stopped(c, NULL, "$.report.sections[0].body[0].items.paragraph", "more than 50000 characters in one paragraph");
}

/* Thirty loops of a thousand paragraphs (after the title and the heading,
 * the twentieth loop crosses 20 000). */
static void test_paragraphs(void)
{
    g_autofree char *body = repeated("{\"each\":\"items\",\"rows\":\"leaves\",\"paragraph\":\"{.name}\"}", 30);
    g_autoptr(Case) c = case_new(body, 10, 100, "");
    assert_stopped(c, NULL, "$.report.sections[0].body[19]", "more than 20000 paragraphs");
}

/* Loops that name nothing still look at every row: a smaller budget shows
 * the count stops them (the default, ten million, takes seconds to reach). */
static void test_rows_looked_at(void)
{
    g_autofree char *body = repeated("{\"each\":\"items\",\"where\":\"name=无此项\",\"paragraph\":\"{.name}\"}", 5);
    g_autoptr(Case) c = case_new(body, 10, 100, "");
    JxReportBudget budget = JX_REPORT_BUDGET_DEFAULT;
    budget.rows = 3000;   /* 1 010 rows a loop: the third loop crosses it */
    assert_stopped(c, &budget, "$.report.sections[0].body[2]", "more than 3000 workbook rows looked at");
    g_autoptr(JxReport) report = render(c, NULL, NULL);
    g_assert_nonnull(report);
}

/* Reports at the caps still render: a table of 1 000 rows, a group of 200
 * listed items, a value of 5 000 characters. */
static void test_caps_still_render(void)
{
    g_autofree char *note = times("说", 6000);
    g_autofree char *quoted_note = g_strdup_printf("'%s", note);
    const char *body =
        "{\"table\":{\"header\":[\"名称\",\"金额\"],\"source\":\"items\",\"row\":[\"{.name}\",\"{.executed|amount}\"]}},"
        "{\"each\":\"items\",\"rows\":\"groups\",\"paragraph\":\"{.name}：{items}\","
        " \"items\":{\"paragraph\":\"{.name}{.executed|amount}万元\"}},"
        "{\"each\":\"items\",\"rows\":\"leaves\",\"where\":\"name=项0-0\",\"paragraph\":\"{.note}\"}";
    g_autoptr(Case) c = case_new(body, 4, 300, quoted_note);
    GError *error = NULL;
    g_autoptr(JxReport) report = render(c, NULL, &error);
    g_assert_no_error(error);
    g_assert_nonnull(report);
    const JxBlock *table = NULL;
    int listing = 0, capped_value = 0;
    for (guint i = 0; i < report->blocks->len; i++) {
        const JxBlock *b = g_ptr_array_index(report->blocks, i);
        g_autofree char *text = b->kind == JX_BLOCK_PARAGRAPH ? jx_block_text(b) : NULL;
        if (b->kind == JX_BLOCK_TABLE)
            table = b;
        else if (text && strstr(text, "等共 300 项（此处列出前 200 项）"))
            listing++;
        else if (text && strstr(text, "共 6000 字，此处只列前 5000 字"))
            capped_value++;
    }
    g_assert_nonnull(table);
    g_assert_cmpint(table->rows, ==, 1 + 1000);
    g_assert_cmpint(listing, ==, 4);
    g_assert_cmpint(capped_value, ==, 1);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/bounds/compile/literal-megabytes", test_literal_megabytes);
    g_test_add_func("/bounds/compile/placeholders", test_placeholders_hundreds_of_thousands);
    g_test_add_func("/bounds/compile/each-a-thousand", test_each_a_thousand);
    g_test_add_func("/bounds/compile/blocks", test_blocks);
    g_test_add_func("/bounds/compile/strings-in-a-table", test_strings_in_a_table);
    g_test_add_func("/bounds/render/each-over-a-large-table", test_each_over_a_large_table);
    g_test_add_func("/bounds/render/nested-each", test_nested_each_over_tables);
    g_test_add_func("/bounds/render/items-in-one-paragraph", test_items_in_one_paragraph);
    g_test_add_func("/bounds/render/paragraphs", test_paragraphs);
    g_test_add_func("/bounds/render/rows-looked-at", test_rows_looked_at);
    g_test_add_func("/bounds/render/caps-still-render", test_caps_still_render);
    return g_test_run();
}

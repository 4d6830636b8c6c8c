/*
 * test_summary.c: the batch summary's flat ODS.  Every cell must come out
 * as a typed value: texts that look like formulas, DDE calls or spoofed
 * scores stay text, file names never reach a formula, and the document
 * stays well-formed XML whatever the texts hold.
 */
#include <string.h>

#include <cjson/cJSON.h>
#include <glib.h>

#include "core/model.h"
#include "core/summary.h"
#include "core/xml.h"
#include "test_helpers.h"

typedef struct {
    GString *text;        /* text of the cell being read */
    GPtrArray *cells;     /* "type|text|href" per cell, in order */
    char *href;
    const char *type;
    int depth_in_cell;
} Reader;

static void on_start(GMarkupParseContext *context, const char *name, const char **names,
                     const char **values, gpointer data, GError **error)
{
    Reader *r = data;
    for (int i = 0; names[i]; i++)
        g_assert_cmpstr(names[i], !=, "table:formula");
    if (strcmp(name, "table:table-cell") == 0) {
        r->type = "";
        for (int i = 0; names[i]; i++)
            if (strcmp(names[i], "office:value-type") == 0)
                r->type = values[i];
        r->type = g_intern_string(r->type);
        g_string_truncate(r->text, 0);
        g_clear_pointer(&r->href, g_free);
        r->depth_in_cell = 1;
    } else if (strcmp(name, "text:a") == 0) {
        for (int i = 0; names[i]; i++)
            if (strcmp(names[i], "xlink:href") == 0)
                r->href = g_strdup(values[i]);
    }
}

static void on_end(GMarkupParseContext *context, const char *name, gpointer data, GError **error)
{
    Reader *r = data;
    if (strcmp(name, "table:table-cell") == 0) {
        g_ptr_array_add(r->cells, g_strdup_printf("%s|%s|%s", r->type, r->text->str, r->href ? r->href : ""));
        r->depth_in_cell = 0;
    }
}

static void on_text(GMarkupParseContext *context, const char *text, gsize length, gpointer data,
                    GError **error)
{
    Reader *r = data;
    if (r->depth_in_cell)
        g_string_append_len(r->text, text, (gssize)length);
}

/* The cells of the summary, header row first, as "type|text|href". */
static GPtrArray *read_cells(const char *fods)
{
    static const GMarkupParser parser = { on_start, on_end, on_text, NULL, NULL };
    Reader r = { g_string_new(""), g_ptr_array_new_with_free_func(g_free), NULL, "", 0 };
    GMarkupParseContext *context = g_markup_parse_context_new(&parser, 0, &r, NULL);
    GError *error = NULL;
    gboolean ok = g_markup_parse_context_parse(context, fods, -1, &error) &&
                  g_markup_parse_context_end_parse(context, &error);
    g_assert_no_error(error);
    g_assert_true(ok);
    g_markup_parse_context_free(context);
    g_string_free(r.text, TRUE);
    g_free(r.href);
    return r.cells;
}

#define COLUMNS 11

static cJSON *row(const char *source, const char *department, const char *score, const char *report,
                  const char *failure)
{
    cJSON *item = cJSON_CreateObject();
    cJSON_AddStringToObject(item, "source", source);
    cJSON_AddStringToObject(item, "department", department);
    cJSON_AddStringToObject(item, "score", score);
    cJSON_AddStringToObject(item, "grade", "优");
    cJSON_AddNumberToObject(item, "errors", 2);
    cJSON_AddNumberToObject(item, "warnings", 0);
    cJSON_AddNumberToObject(item, "notes", 1);
    cJSON_AddNumberToObject(item, "placeholders", 3);
    if (report)
        cJSON_AddStringToObject(item, "report", report);
    cJSON_AddNumberToObject(item, "seconds", 0.5);
    if (failure)
        cJSON_AddStringToObject(item, "failure", failure);
    return item;
}

static void test_hostile_texts_stay_text(void)
{
    static const char *const hostile[] = {
        "=HYPERLINK(\"http://evil.example/\";\"点击\")", "=cmd|' /C calc'!A0", "=A3&\" 总分99.5 优\"",
        "+1+1", "-2+3", "@SUM(A1:A9)", "<table:table-cell table:formula=\"of:=1\">", "\x1b[31mred\x1b[0m",
        "a\"b&c<d>e", "\xff\xfe not utf-8",
    };
    cJSON *rows = cJSON_CreateArray();
    for (gsize i = 0; i < G_N_ELEMENTS(hostile); i++)
        cJSON_AddItemToArray(rows, row("/in/d.ods", hostile[i], hostile[i], NULL, hostile[i]));
    g_autofree char *fods = jx_summary_to_fods(rows);
    g_assert_null(strstr(fods, "table:formula=\""));   /* the one hostile text that spells it is escaped */
    g_autoptr(GPtrArray) cells = read_cells(fods);
    g_assert_cmpuint(cells->len, ==, COLUMNS * (1 + G_N_ELEMENTS(hostile)));
    for (gsize i = 0; i < G_N_ELEMENTS(hostile); i++) {
        const char *department = g_ptr_array_index(cells, COLUMNS * (i + 1) + 1);
        const char *score = g_ptr_array_index(cells, COLUMNS * (i + 1) + 2);
        g_assert_true(g_str_has_prefix(department, "string|"));
        g_assert_true(g_str_has_prefix(score, "string|"));   /* not a number: text, as given */
        /* the text survives, minus what XML cannot carry */
        g_autofree char *valid = g_utf8_make_valid(hostile[i], -1);
        g_autofree char *expected = g_strconcat(hostile[i], "|", NULL);
        if (strchr(hostile[i], '\x1b') == NULL && strcmp(valid, hostile[i]) == 0)
            g_assert_cmpstr(department + strlen("string|"), ==, expected);
    }
    cJSON_Delete(rows);
}

static void test_numbers_are_numbers(void)
{
    cJSON *rows = cJSON_CreateArray();
    cJSON_AddItemToArray(rows, row("/in/科协.ods", "沅江市科学技术协会", "98.89", "/out/科协.odt", NULL));
    g_autofree char *fods = jx_summary_to_fods(rows);
    g_autoptr(GPtrArray) cells = read_cells(fods);
    g_assert_cmpstr(g_ptr_array_index(cells, 0), ==, "string|工作簿 Workbook|");
    g_assert_cmpstr(g_ptr_array_index(cells, COLUMNS + 0), ==, "string|科协.ods|");
    g_assert_cmpstr(g_ptr_array_index(cells, COLUMNS + 2), ==, "float|98.89|");
    g_assert_cmpstr(g_ptr_array_index(cells, COLUMNS + 4), ==, "float|2|");
    g_assert_true(strstr(fods, "office:value=\"98.89\"") != NULL);
    cJSON_Delete(rows);
}

static void test_links_are_escaped(void)
{
    static const struct { const char *report, *href, *label; } cases[] = {
        { "/out/q\"&\"inj.odt", "file:///out/q%22&%22inj.odt", "q\"&\"inj.odt" },
        { "/out/z\");CONCATENATE(\"pwn.odt", "file:///out/z%22)%3BCONCATENATE(%22pwn.odt", "z\");CONCATENATE(\"pwn.odt" },
        { "/out/科协 2023.odt", "file:///out/%E7%A7%91%E5%8D%8F%202023.odt", "科协 2023.odt" },
        { "/out/a#b?.odt", "file:///out/a%23b%3F.odt", "a#b?.odt" },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        cJSON *rows = cJSON_CreateArray();
        cJSON_AddItemToArray(rows, row("/in/x.ods", "d", "", cases[i].report, NULL));
        g_autofree char *fods = jx_summary_to_fods(rows);
        g_autoptr(GPtrArray) cells = read_cells(fods);
        g_autofree char *expected = g_strdup_printf("string|%s|%s", cases[i].label, cases[i].href);
        g_assert_cmpstr(g_ptr_array_index(cells, COLUMNS + 8), ==, expected);
        cJSON_Delete(rows);
    }
}

static void test_failed_row(void)
{
    cJSON *rows = cJSON_CreateArray();
    cJSON *r = row("/in/broken.ods", "", "", NULL, "cannot open /in/broken.ods");
    cJSON_DeleteItemFromObject(r, "errors");
    cJSON_AddItemToArray(rows, r);
    g_autofree char *fods = jx_summary_to_fods(rows);
    g_autoptr(GPtrArray) cells = read_cells(fods);
    g_assert_cmpstr(g_ptr_array_index(cells, COLUMNS + 4), ==, "||");      /* no count, not 0 */
    g_assert_cmpstr(g_ptr_array_index(cells, COLUMNS + 8), ==, "||");
    g_assert_cmpstr(g_ptr_array_index(cells, COLUMNS + 10), ==, "string|cannot open /in/broken.ods|");
    cJSON_Delete(rows);
}

/* A figure of the new rows: key, labels, shown text, maybe a number. */
static void add_figure(cJSON *figures, const char *key, const char *zh, const char *en, const char *text,
                       double number, const char *format, int decimals)
{
    cJSON *f = cJSON_CreateObject();
    cJSON_AddStringToObject(f, "key", key);
    cJSON *label = cJSON_AddObjectToObject(f, "label");
    cJSON_AddStringToObject(label, "zh", zh);
    cJSON_AddStringToObject(label, "en", en);
    cJSON_AddStringToObject(f, "text", text);
    if (format != NULL) {
        cJSON_AddNumberToObject(f, "number", number);
        cJSON_AddStringToObject(f, "format", format);
        cJSON_AddNumberToObject(f, "decimals", decimals);
    }
    cJSON_AddItemToArray(figures, f);
}

/* A department and a project in one folder: the keys they share are one
 * column (both labels in its header), each form's own keys sit where its
 * rows put them, numbers are typed (a percentage as a percentage). */
static void test_forms_share_columns(void)
{
    cJSON *rows = cJSON_CreateArray();
    cJSON *project = cJSON_CreateObject(), *department = cJSON_CreateObject();
    cJSON_AddStringToObject(project, "source", "/in/科普专项.ods");
    cJSON *pf = cJSON_AddArrayToObject(project, "summary");
    add_figure(pf, "name", "项目", "Project", "=HYPERLINK(\"x\")", 0, NULL, 0);
    add_figure(pf, "department", "主管部门", "Supervising department", "沅江市科学技术协会", 0, NULL, 0);
    add_figure(pf, "budget", "全年预算数", "Budget", "98.00", 98, "number", 2);
    add_figure(pf, "execution_rate", "执行率", "Execution rate", "98.61%", 0.9861, "percent", 2);
    add_figure(pf, "score", "总分", "Score", "98.19", 98.19, "number", 2);
    add_figure(pf, "grade", "等级", "Grade", "优", 0, NULL, 0);
    cJSON_AddNumberToObject(project, "errors", 0);
    cJSON_AddStringToObject(department, "source", "/in/科协.ods");
    cJSON *df = cJSON_AddArrayToObject(department, "summary");
    add_figure(df, "name", "单位", "Department", "沅江市科学技术协会", 0, NULL, 0);
    add_figure(df, "score", "总分", "Score", "97.4", 97.4, "number", 1);
    add_figure(df, "grade", "等级", "Grade", "优", 0, NULL, 0);
    cJSON_AddNumberToObject(department, "errors", 1);
    cJSON_AddItemToArray(rows, project);
    cJSON_AddItemToArray(rows, department);
    cJSON_AddItemToArray(rows, row("/in/broken.ods", "", "", NULL, "cannot open"));   /* a row of an older batch */
    g_autofree char *fods = jx_summary_to_fods(rows);
    g_autoptr(GPtrArray) cells = read_cells(fods);
    static const char *const header[] = {
        "工作簿 Workbook", "项目／单位 Project/Department", "主管部门 Supervising department", "全年预算数 Budget",
        "执行率 Execution rate", "总分 Score", "等级 Grade", "错误 Errors",
    };
    const guint columns = 7 + 7;   /* the workbook, six figures, the seven after them */
    g_assert_cmpuint(cells->len, ==, 4 * columns);
    for (gsize i = 0; i < G_N_ELEMENTS(header); i++) {
        g_autofree char *expected = g_strdup_printf("string|%s|", header[i]);
        g_assert_cmpstr(g_ptr_array_index(cells, i), ==, expected);
    }
    static const char *const first[] = {
        "string|科普专项.ods|", "string|=HYPERLINK(\"x\")|", "string|沅江市科学技术协会|", "float|98.00|",
        "percentage|98.61%|", "float|98.19|", "string|优|", "float|0|",
    };
    static const char *const second[] = {
        "string|科协.ods|", "string|沅江市科学技术协会|", "||", "||", "||", "float|97.4|", "string|优|", "float|1|",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(first); i++) {
        g_assert_cmpstr(g_ptr_array_index(cells, columns + i), ==, first[i]);
        g_assert_cmpstr(g_ptr_array_index(cells, 2 * columns + i), ==, second[i]);
    }
    g_assert_cmpstr(g_ptr_array_index(cells, 3 * columns + 6), ==, "string|优|");   /* legacy grade, its column */
    g_assert_nonnull(strstr(fods, "office:value=\"0.9861\""));
    g_assert_nonnull(strstr(fods, "table:style-name=\"d1\""));                 /* 97.4 shown with one decimal */
    cJSON_Delete(rows);
}

#define FIGURES_SCHEMA \
    "{'format':'jixiao-schema','version':1,'id':'p','title':{'zh':'项目','en':'Project'}," \
    " 'sheets':{'s':{'name':'表'}}," \
    " 'fields':{'project':{'label':{'zh':'项目名称','en':'Project'},'sheet':'s','at':{'cell':'B1'},'type':'text'}," \
    "  'budget':{'label':{'zh':'全年预算数','en':'Budget'},'sheet':'s','at':{'cell':'B2'},'type':'amount'}," \
    "  'executed':{'label':{'zh':'全年执行数','en':'Executed'},'sheet':'s','at':{'cell':'B3'},'type':'amount'}," \
    "  'rate':{'label':{'zh':'执行率','en':'Rate'},'sheet':'s','at':{'cell':'B4'},'type':'percent'," \
    "   'role':'computed','compute':{'kind':'execution_rate','budget':'budget','executed':'executed'}}," \
    "  'total':{'label':{'zh':'总分','en':'Total'},'sheet':'s','at':{'cell':'B5'},'type':'number'," \
    "   'role':'computed','compute':{'kind':'total_score','parts':[7.5]}}," \
    "  'grade':{'label':{'zh':'等级','en':'Grade'},'sheet':'s','at':{'cell':'B6'},'type':'text'," \
    "   'role':'computed','compute':{'kind':'grade','total':'total'}}}%s}"

/* The figures of one workbook: typed by their fields, computed ones from
 * Compute's record where their cells are empty; without "summary" the total
 * and the grade. */
static void test_figures_of_a_workbook(void)
{
    g_autofree char *with = g_strdup_printf(FIGURES_SCHEMA,
        ",'summary':[{'key':'name','label':{'zh':'项目','en':'Project'},'field':'project'},"
        "{'key':'budget','label':{'zh':'预算','en':'Budget'},'field':'budget'},"
        "{'key':'rate','label':{'zh':'执行率','en':'Rate'},'field':'rate'},"
        "{'key':'score','label':{'zh':'总分','en':'Score'},'field':'total'},"
        "{'key':'grade','label':{'zh':'等级','en':'Grade'},'field':'grade'}]");
    g_autofree char *without = g_strdup_printf(FIGURES_SCHEMA, "");
    static const char *const grid[][2] = {
        { "项目名称", "科普专项" }, { "预算", "98" }, { "执行", "96.64万元" }, { "执行率", "" }, { "总分", "" },
        { "等级", "'差" },
    };
    g_autoptr(JxWorkbook) wb = jx_workbook_new("p.ods");
    FILL(wb, "表", grid);
    g_autoptr(GHashTable) computed = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_insert(computed, "表!B4", "0.986122448979592");
    g_hash_table_insert(computed, "表!B5", "7.5");
    g_hash_table_insert(computed, "表!B6", "良");   /* the cell holds 差: what it shows wins */
    JxSchema *schemas[] = { load_schema_quoted(with), load_schema_quoted(without) };
    static const char *const expected[][2] = {
        { "[{\"key\":\"name\",\"label\":{\"zh\":\"项目\",\"en\":\"Project\"},\"text\":\"科普专项\"},"
          "{\"key\":\"budget\",\"label\":{\"zh\":\"预算\",\"en\":\"Budget\"},\"text\":\"98.00\",\"number\":98,"
          "\"format\":\"number\",\"decimals\":2},"
          "{\"key\":\"rate\",\"label\":{\"zh\":\"执行率\",\"en\":\"Rate\"},\"text\":\"98.61%\","
          "\"number\":0.986122448979592,\"format\":\"percent\",\"decimals\":2},"
          "{\"key\":\"score\",\"label\":{\"zh\":\"总分\",\"en\":\"Score\"},\"text\":\"7.50\",\"number\":7.5,"
          "\"format\":\"number\",\"decimals\":2},"
          "{\"key\":\"grade\",\"label\":{\"zh\":\"等级\",\"en\":\"Grade\"},\"text\":\"差\"}]", NULL },
        { "[{\"key\":\"score\",\"label\":{\"zh\":\"总分\",\"en\":\"Score\"},\"text\":\"7.50\",\"number\":7.5,"
          "\"format\":\"number\",\"decimals\":2},"
          "{\"key\":\"grade\",\"label\":{\"zh\":\"等级\",\"en\":\"Grade\"},\"text\":\"差\"}]", NULL },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(schemas); i++) {
        JxModel *model = jx_model_build(schemas[i], wb);
        cJSON *figures = jx_summary_figures(model, computed);
        char *json = cJSON_PrintUnformatted(figures);
        g_assert_cmpstr(json, ==, expected[i][0]);
        cJSON_free(json);
        cJSON_Delete(figures);
        jx_model_free(model);   /* the model borrows its schema */
        jx_schema_free(schemas[i]);
    }
}

static void test_printable(void)
{
    static const struct { const char *in, *out; } cases[] = {
        { "plain 科协", "plain 科协" },
        { "\x1b]0;title\x07red\x1b[31m", "]0;titlered[31m" },
        { "a\rb\x7f" "c\xc2\x9b" "d", "abcd" },
        { "tab\tand\nline", "tab\tand\nline" },
        { "\xe2\x80\xae" "gnp.exe", "gnp.exe" },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *out = jx_text_printable(cases[i].in);
        g_assert_cmpstr(out, ==, cases[i].out);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/summary/hostile-texts-stay-text", test_hostile_texts_stay_text);
    g_test_add_func("/summary/numbers-are-numbers", test_numbers_are_numbers);
    g_test_add_func("/summary/links-are-escaped", test_links_are_escaped);
    g_test_add_func("/summary/failed-row", test_failed_row);
    g_test_add_func("/summary/printable", test_printable);
    g_test_add_func("/summary/forms-share-columns", test_forms_share_columns);
    g_test_add_func("/summary/figures-of-a-workbook", test_figures_of_a_workbook);
    return g_test_run();
}

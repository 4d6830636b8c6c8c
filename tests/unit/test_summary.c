/*
 * test_summary.c: the batch summary's flat ODS.  Every cell must come out
 * as a typed value: texts that look like formulas, DDE calls or spoofed
 * scores stay text, file names never reach a formula, and the document
 * stays well-formed XML whatever the texts hold.
 */
#include <string.h>

#include <cjson/cJSON.h>
#include <glib.h>

#include "core/summary.h"
#include "core/xml.h"

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
    return g_test_run();
}

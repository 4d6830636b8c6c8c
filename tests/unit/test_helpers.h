/*
 * test_helpers.h: what the core's unit tests share to build their inputs.
 *
 * Workbooks are built in code from C arrays of strings: "" or NULL is an
 * empty cell, "#…" an error value, "'…" a text (as in Calc), a string that
 * reads fully as a number a number, anything else a text.  Schemas are
 * written with ' for " (json_of converts them before loading), so that
 * they stay readable inside C strings.
 */
#ifndef JX_TEST_HELPERS_H
#define JX_TEST_HELPERS_H

#include <string.h>

#include <glib.h>

#include "core/schema.h"
#include "core/workbook.h"

static G_GNUC_UNUSED void set_cell(JxWorkbook *wb, JxSheet *sheet, int row, int col, const char *spec)
{
    if (spec == NULL || spec[0] == '\0')
        return;
    if (spec[0] == '#') {
        jx_sheet_set_error(wb, sheet, row, col, spec);
        return;
    }
    if (spec[0] == '\'') {
        jx_sheet_set_text(wb, sheet, row, col, spec + 1);
        return;
    }
    char *end;
    double number = g_ascii_strtod(spec, &end);
    if (end != spec && *end == '\0')
        jx_sheet_set_number(wb, sheet, row, col, number);
    else
        jx_sheet_set_text(wb, sheet, row, col, spec);
}

static G_GNUC_UNUSED JxSheet *fill_sheet(JxWorkbook *wb, const char *name, const char *const *cells,
                                         int rows, int cols)
{
    JxSheet *sheet = jx_workbook_add_sheet(wb, name, rows, cols);
    g_assert_nonnull(sheet);
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
            set_cell(wb, sheet, r, c, cells[r * cols + c]);
    return sheet;
}

/* A sheet from a two-dimensional array of cell specs. */
#define FILL(wb, name, grid) \
    fill_sheet(wb, name, &grid[0][0], (int)G_N_ELEMENTS(grid), (int)G_N_ELEMENTS(grid[0]))

/* JSON from a string written with ' for ", newly allocated. */
static G_GNUC_UNUSED char *json_of(const char *quoted)
{
    char *json = g_strdup(quoted);
    for (char *c = json; *c; c++)
        if (*c == '\'')
            *c = '"';
    return json;
}

static G_GNUC_UNUSED void print_problems(const GPtrArray *problems)
{
    for (guint i = 0; i < problems->len; i++) {
        const JxSchemaProblem *p = g_ptr_array_index(problems, i);
        g_printerr("  problem %u: %s: %s | %s\n", i, p->path, p->zh, p->en);
    }
}

/* A schema that must load without problems (written with ' for "). */
static G_GNUC_UNUSED JxSchema *load_schema_quoted(const char *quoted)
{
    g_autofree char *json = json_of(quoted);
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func(jx_schema_problem_free);
    GError *error = NULL;
    JxSchema *schema = jx_schema_load_data(json, strlen(json), problems, &error);
    if (schema == NULL || problems->len != 0)
        print_problems(problems);
    g_assert_no_error(error);
    g_assert_nonnull(schema);
    return schema;
}

#endif

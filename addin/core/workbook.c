/*
 * workbook.c: the cell grid.  Texts live in one GStringChunk so that a
 * 10,000-row sheet is a handful of allocations, not one per cell.
 */
#include "core/workbook.h"

#include <string.h>

#include "core/schema.h"

static const JxGridCell empty_cell = { JX_GRID_EMPTY, 0, NULL, NULL };

JxWorkbook *jx_workbook_new(const char *source)
{
    JxWorkbook *wb = g_new0(JxWorkbook, 1);
    wb->source = g_strdup(source ? source : "");
    wb->sheets = g_ptr_array_new();
    wb->names = g_hash_table_new(g_str_hash, g_str_equal);
    wb->strings = g_string_chunk_new(4096);
    return wb;
}

void jx_workbook_free(JxWorkbook *wb)
{
    if (wb == NULL)
        return;
    for (guint i = 0; i < wb->sheets->len; i++) {
        JxSheet *sheet = g_ptr_array_index(wb->sheets, i);
        g_free(sheet->name);
        g_free(sheet->cells);
        g_free(sheet);
    }
    g_ptr_array_free(wb->sheets, TRUE);
    GHashTableIter iter;
    gpointer value;
    g_hash_table_iter_init(&iter, wb->names);
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        JxNamedCell *n = value;
        g_free(n->name);
        g_free(n);
    }
    g_hash_table_unref(wb->names);
    g_string_chunk_free(wb->strings);
    g_free(wb->source);
    g_free(wb);
}

JxSheet *jx_workbook_add_sheet(JxWorkbook *wb, const char *name, int rows, int cols)
{
    if (rows < 0 || cols < 0 || (gint64)rows * cols > JX_SHEET_MAX_CELLS)
        return NULL;
    JxSheet *sheet = g_new0(JxSheet, 1);
    sheet->name = g_strdup(name ? name : "");
    sheet->index = (int)wb->sheets->len;
    sheet->rows = sheet->used_rows = rows;
    sheet->cols = sheet->used_cols = cols;
    sheet->cells = g_new0(JxGridCell, (gsize)rows * (gsize)cols + 1);
    g_ptr_array_add(wb->sheets, sheet);
    return sheet;
}

static JxGridCell *cell_at(JxSheet *sheet, int row, int col)
{
    if (row < 0 || col < 0 || row >= sheet->rows || col >= sheet->cols)
        return NULL;
    return &sheet->cells[(gsize)row * (gsize)sheet->cols + (gsize)col];
}

void jx_sheet_set_number(JxWorkbook *wb, JxSheet *sheet, int row, int col, double value)
{
    JxGridCell *cell = cell_at(sheet, row, col);
    if (cell) {
        cell->kind = JX_GRID_NUMBER;
        cell->number = value;
    }
}

void jx_sheet_set_text(JxWorkbook *wb, JxSheet *sheet, int row, int col, const char *text)
{
    JxGridCell *cell = cell_at(sheet, row, col);
    if (cell == NULL)
        return;
    if (text == NULL || text[0] == '\0') {
        cell->kind = JX_GRID_EMPTY;
        cell->text = NULL;
        return;
    }
    cell->kind = JX_GRID_TEXT;
    cell->text = g_string_chunk_insert(wb->strings, text);
}

void jx_sheet_set_error(JxWorkbook *wb, JxSheet *sheet, int row, int col, const char *shown)
{
    JxGridCell *cell = cell_at(sheet, row, col);
    if (cell) {
        cell->kind = JX_GRID_ERROR;
        cell->text = g_string_chunk_insert(wb->strings, shown ? shown : "#ERR");
    }
}

void jx_sheet_set_formula(JxWorkbook *wb, JxSheet *sheet, int row, int col, const char *formula)
{
    JxGridCell *cell = cell_at(sheet, row, col);
    if (cell)
        cell->formula = formula && formula[0] == '=' ? g_string_chunk_insert(wb->strings, formula) : NULL;
}

const JxGridCell *jx_sheet_cell(const JxSheet *sheet, int row, int col)
{
    if (sheet == NULL || row < 0 || col < 0 || row >= sheet->rows || col >= sheet->cols)
        return &empty_cell;
    return &sheet->cells[(gsize)row * (gsize)sheet->cols + (gsize)col];
}

JxSheet *jx_workbook_sheet(const JxWorkbook *wb, const char *name)
{
    for (guint i = 0; name && i < wb->sheets->len; i++) {
        JxSheet *sheet = g_ptr_array_index(wb->sheets, i);
        if (strcmp(sheet->name, name) == 0)
            return sheet;
    }
    return NULL;
}

void jx_workbook_add_name(JxWorkbook *wb, const char *name, int sheet, int row, int col)
{
    if (name == NULL || g_hash_table_contains(wb->names, name))
        return;
    JxNamedCell *n = g_new0(JxNamedCell, 1);
    n->name = g_strdup(name);
    n->sheet = sheet;
    n->row = row;
    n->col = col;
    g_hash_table_insert(wb->names, n->name, n);
}

char *jx_address_format(const JxWorkbook *wb, int sheet, int row, int col)
{
    const char *name = sheet >= 0 && (guint)sheet < wb->sheets->len
                           ? ((JxSheet *)g_ptr_array_index(wb->sheets, (guint)sheet))->name : "?";
    g_autofree char *letters = jx_column_letters(col);
    return g_strdup_printf("%s!%s%d", name, letters, row + 1);
}

char *jx_label_normalize(const char *text)
{
    GString *out = g_string_new(NULL);
    for (const char *p = text ? text : ""; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char_validated(p, -1);
        if (c == (gunichar)-1 || c == (gunichar)-2)
            break;
        if (g_unichar_isspace(c) || c == 0x3000 || c == 0xA0)
            continue;
        g_string_append_unichar(out, c);
    }
    for (;;) {   /* trailing colons, ASCII or full-width, in any mix */
        if (out->len > 0 && out->str[out->len - 1] == ':')
            g_string_truncate(out, out->len - 1);
        else if (g_str_has_suffix(out->str, "："))
            g_string_truncate(out, out->len - strlen("："));
        else
            break;
    }
    return g_string_free(out, FALSE);
}

/*
 * table_file.c: one setDataArray for the values, one setFormula per link,
 * then the document is stored and closed (see table_file.h).
 */
#include "ui/table_file.h"

#include <string.h>

#include "core/error.h"
#include "ui/pipeline.h"
#include "uno/any.h"
#include "uno/call.h"
#include "uno/office.h"
#include "uno/sequence.h"
#include "uno/types.h"
#include "uno/ustring.h"

static uno_Interface *new_spreadsheet(uno_Interface *context, GError **error)
{
    uno_Interface *desktop = jx_office_create(context, "com.sun.star.frame.Desktop", error);
    if (desktop == NULL)
        return NULL;
    static const char *const names[] = { "Hidden" };
    uno_Any hidden;
    jx_any_construct_bool(&hidden, TRUE);
    uno_Sequence *props = jx_office_properties(names, &hidden, 1);
    uno_any_destruct(&hidden, NULL);
    rtl_uString *url = jx_ustr_new("private:factory/scalc"), *target = jx_ustr_new("_blank");
    sal_Int32 flags = 0;
    uno_Interface *document = NULL;
    void *args[] = { &url, &target, &flags, &props };
    jx_invoke(desktop, "com.sun.star.frame.XComponentLoader::loadComponentFromURL", &document, args, error);
    rtl_uString_release(url);
    rtl_uString_release(target);
    jx_seq_release(props, "[]com.sun.star.beans.PropertyValue");
    jx_release(&desktop);
    return document;
}

static uno_Interface *first_sheet(uno_Interface *document, GError **error)
{
    uno_Interface *sheets = jx_office_get(document, "com.sun.star.sheet.XSpreadsheetDocument::getSheets", error);
    uno_Interface *sheet = NULL;
    uno_Any item;
    sal_Int32 first = 0;
    void *args[] = { &first };
    if (sheets && jx_invoke(sheets, "com.sun.star.container.XIndexAccess::getByIndex", &item, args, error)) {
        sheet = jx_office_any_interface(&item);
        uno_any_destruct(&item, NULL);
    }
    jx_release(&sheets);
    return sheet;
}

/* A plain number as people write it in a count column: digits, one point. */
static gboolean plain_number(const char *text, double *value)
{
    if (text == NULL || text[0] == '\0' || strlen(text) > 15)
        return FALSE;
    int points = 0;
    for (const char *p = text; *p; p++) {
        if (*p == '.')
            points++;
        else if (!g_ascii_isdigit(*p))
            return FALSE;
    }
    if (points > 1 || text[0] == '.')
        return FALSE;
    *value = g_ascii_strtod(text, NULL);
    return TRUE;
}

static uno_Sequence *row_of(const char *const *cells, int cols, int link_column)
{
    uno_Sequence *row = jx_seq_new("[]any", cols);
    for (int c = 0; c < cols; c++) {
        uno_Any *any = &JX_SEQ_ELEMENT(row, uno_Any, c);
        double number;
        const char *text = c == link_column ? NULL : cells[c];
        uno_any_destruct(any, NULL);
        if (plain_number(text, &number))
            jx_any_construct_double(any, number);
        else
            jx_any_construct_string(any, text ? text : "");
    }
    return row;
}

static char *quoted(const char *text)
{
    g_auto(GStrv) parts = g_strsplit(text, "\"", -1);
    g_autofree char *doubled = g_strjoinv("\"\"", parts);
    return g_strdup_printf("\"%s\"", doubled);
}

static gboolean set_link(uno_Interface *sheet, int col, int row, const char *path, GError **error)
{
    sal_Int32 c = col, r = row;
    void *args[] = { &c, &r };
    uno_Interface *cell = NULL;
    if (!jx_invoke(sheet, "com.sun.star.table.XCellRange::getCellByPosition", &cell, args, error))
        return FALSE;
    g_autofree char *url = jx_office_url(path);
    g_autofree char *name = g_path_get_basename(path);
    g_autofree char *qurl = quoted(url);
    g_autofree char *qname = quoted(name);
    g_autofree char *formula = g_strdup_printf("=HYPERLINK(%s;%s)", qurl, qname);
    rtl_uString *uformula = jx_ustr_new(formula);
    void *set_args[] = { &uformula };
    gboolean ok = jx_invoke(cell, "com.sun.star.table.XCell::setFormula", NULL, set_args, error);
    rtl_uString_release(uformula);
    jx_release(&cell);
    return ok;
}

gboolean jx_table_file_store(uno_Interface *context, const char *const *header, int cols,
                             const GPtrArray *rows, int link_column, const char *path, GError **error)
{
    uno_Interface *document = new_spreadsheet(context, error);
    if (document == NULL)
        return FALSE;
    uno_Interface *sheet = first_sheet(document, error);
    int n = (int)rows->len + 1;
    uno_Sequence **lines = g_new0(uno_Sequence *, (gsize)n);
    lines[0] = row_of(header, cols, -1);
    for (int i = 1; i < n; i++)
        lines[i] = row_of(g_ptr_array_index(rows, (guint)i - 1), cols, link_column);
    uno_Sequence *array = NULL;
    uno_type_sequence_construct(&array, jx_type_ref("[][]any"), lines, n, NULL);
    for (int i = 0; i < n; i++)
        jx_seq_release(lines[i], "[]any");
    g_free(lines);
    sal_Int32 left = 0, top = 0, right = cols - 1, bottom = n - 1;
    void *range_args[] = { &left, &top, &right, &bottom };
    uno_Interface *range = NULL;
    gboolean ok = sheet && jx_invoke(sheet, "com.sun.star.table.XCellRange::getCellRangeByPosition", &range,
                                     range_args, error);
    void *set_args[] = { &array };
    ok = ok && jx_invoke(range, "com.sun.star.sheet.XCellRangeData::setDataArray", NULL, set_args, error);
    jx_seq_release(array, "[][]any");
    for (int i = 1; ok && link_column >= 0 && i < n; i++) {
        const char *const *cells = g_ptr_array_index(rows, (guint)i - 1);
        if (cells[link_column] && cells[link_column][0])
            ok = set_link(sheet, link_column, i, cells[link_column], error);
    }
    ok = ok && jx_pipeline_store(document, path, error);
    jx_release(&range);
    jx_release(&sheet);
    jx_pipeline_close(&document);
    return ok;
}

/*
 * reader.c: reading a spreadsheet document with a few bulk calls (the
 * values of error cells excepted, see name_errors).
 *
 * getDataArray gives doubles and strings, an empty string for an empty
 * cell, and a void any for an error cell; getFormulaArray gives the
 * formula of each cell ("=…") or its content.  A used area larger than
 * JX_SHEET_MAX_CELLS or JX_SHEET_MAX_COLUMNS is clipped (a hostile file
 * cannot make us allocate gigabytes) and the model reports it.
 */
#include "calc/reader.h"

#include <string.h>

#include "core/error.h"
#include "uno/any.h"
#include "uno/call.h"
#include "uno/office.h"
#include "uno/sequence.h"
#include "uno/ustring.h"

/* Cells per getDataArray call: a large sheet is read in slices of rows so
 * that the office never builds one huge array. */
#define JX_CELLS_PER_READ 65536

/* com.sun.star.table.CellRangeAddress */
typedef struct {
    sal_Int16 Sheet;
    sal_Int32 StartColumn, StartRow, EndColumn, EndRow;
} CellRangeAddress;

static gboolean range_address(uno_Interface *range, CellRangeAddress *address, GError **error)
{
    return jx_invoke(range, "com.sun.star.sheet.XCellRangeAddressable::getRangeAddress",
                     address, NULL, error);
}

static char *sheet_name(uno_Interface *sheet)
{
    rtl_uString *name = NULL;
    if (!jx_invoke(sheet, "com.sun.star.container.XNamed::getName", &name, NULL, NULL))
        return g_strdup("");
    char *utf8 = jx_ustr_to_utf8(name);
    rtl_uString_release(name);
    return utf8;
}

/* The last used row and column (0-based) of a sheet. */
static gboolean used_area(uno_Interface *sheet, int *rows, int *cols, GError **error)
{
    uno_Interface *cursor = jx_office_get(sheet, "com.sun.star.sheet.XSpreadsheet::createCursor", error);
    if (cursor == NULL)
        return FALSE;
    sal_Bool expand = 0;
    void *args[] = { &expand };
    CellRangeAddress address;
    gboolean ok = jx_invoke(cursor, "com.sun.star.sheet.XUsedAreaCursor::gotoEndOfUsedArea",
                            NULL, args, error) &&
                  range_address(cursor, &address, error);
    jx_release(&cursor);
    if (ok) {
        *rows = address.EndRow + 1;
        *cols = address.EndColumn + 1;
    }
    return ok;
}

/* How Calc shows an error code. */
static char *error_text(sal_Int32 code)
{
    static const struct { sal_Int32 code; const char *text; } shown[] = {
        { 503, "#NUM!" }, { 519, "#VALUE!" }, { 524, "#REF!" }, { 525, "#NAME?" },
        { 532, "#DIV/0!" }, { 32767, "#N/A" }, { 522, "Err:522（循环引用 circular reference）" },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(shown); i++)
        if (shown[i].code == code)
            return g_strdup(shown[i].text);
    return g_strdup_printf("Err:%d", code);
}

/* The error value of each error cell, asked cell by cell: the bulk read only
 * says that there is one.  Error cells are few in a real workbook; beyond
 * JX_MAX_ERROR_LOOKUPS (a workbook of nothing but errors) they keep "#ERR". */
#define JX_MAX_ERROR_LOOKUPS 2000

static void name_errors(JxWorkbook *wb, JxSheet *sheet, uno_Interface *range, int *budget)
{
    for (int r = 0; r < sheet->rows && *budget > 0; r++)
        for (int c = 0; c < sheet->cols && *budget > 0; c++) {
            if (jx_sheet_cell(sheet, r, c)->kind != JX_GRID_ERROR)
                continue;
            (*budget)--;
            sal_Int32 col = c, row = r, code = 0;
            void *args[] = { &col, &row };
            uno_Interface *cell = NULL;
            if (jx_invoke(range, "com.sun.star.table.XCellRange::getCellByPosition", &cell, args, NULL) &&
                jx_invoke(cell, "com.sun.star.table.XCell::getError", &code, NULL, NULL) && code != 0) {
                g_autofree char *text = error_text(code);
                jx_sheet_set_error(wb, sheet, r, c, text);
            }
            jx_release(&cell);
        }
}

static void store_values(JxWorkbook *wb, JxSheet *sheet, int first_row, uno_Sequence *rows)
{
    for (sal_Int32 i = 0; i < rows->nElements && first_row + i < sheet->rows; i++) {
        uno_Sequence *row = JX_SEQ_ELEMENT(rows, uno_Sequence *, i);
        int r = first_row + i;
        for (sal_Int32 c = 0; c < row->nElements && c < sheet->cols; c++) {
            const uno_Any *cell = &JX_SEQ_ELEMENT(row, uno_Any, c);
            double number;
            if (jx_any_get_double(cell, &number)) {
                jx_sheet_set_number(wb, sheet, r, c, number);
            } else if (jx_any_is_void(cell)) {
                jx_sheet_set_error(wb, sheet, r, c, "#ERR");
            } else {
                g_autofree char *text = jx_any_get_utf8(cell);
                if (text != NULL && text[0] != '\0')
                    jx_sheet_set_text(wb, sheet, r, c, text);
            }
        }
    }
}

static void store_formulas(JxWorkbook *wb, JxSheet *sheet, int first_row, uno_Sequence *rows)
{
    for (sal_Int32 i = 0; i < rows->nElements && first_row + i < sheet->rows; i++) {
        uno_Sequence *row = JX_SEQ_ELEMENT(rows, uno_Sequence *, i);
        int r = first_row + i;
        for (sal_Int32 c = 0; c < row->nElements && c < sheet->cols; c++) {
            rtl_uString *formula = JX_SEQ_ELEMENT(row, rtl_uString *, c);
            if (formula->length > 1 && formula->buffer[0] == '=' &&
                jx_sheet_cell(sheet, r, c)->kind != JX_GRID_TEXT) {
                g_autofree char *utf8 = jx_ustr_to_utf8(formula);
                jx_sheet_set_formula(wb, sheet, r, c, utf8);
            }
        }
    }
}

static gboolean read_sheet(JxWorkbook *wb, uno_Interface *sheet_iface, gboolean with_formulas,
                           int *error_budget, GError **error)
{
    g_autofree char *name = sheet_name(sheet_iface);
    int used_rows, used_cols;
    if (!used_area(sheet_iface, &used_rows, &used_cols, error))
        return FALSE;
    int cols = MIN(used_cols, JX_SHEET_MAX_COLUMNS);
    int rows = (int)MIN((gint64)used_rows, (gint64)JX_SHEET_MAX_CELLS / MAX(cols, 1));
    JxSheet *sheet = jx_workbook_add_sheet(wb, name, rows, cols);
    if (sheet == NULL)
        return TRUE;
    sheet->used_rows = used_rows;
    sheet->used_cols = used_cols;
    if (rows == 0 || cols == 0)
        return TRUE;

    gboolean ok = TRUE;
    int slice = MAX(1, JX_CELLS_PER_READ / cols);
    for (int top = 0; ok && top < rows; top += slice) {
        sal_Int32 left = 0, first = top, right = cols - 1, bottom = MIN(top + slice, rows) - 1;
        void *args[] = { &left, &first, &right, &bottom };
        uno_Interface *range = NULL;
        if (!jx_invoke(sheet_iface, "com.sun.star.table.XCellRange::getCellRangeByPosition",
                       &range, args, error))
            return FALSE;
        uno_Sequence *values = NULL, *formulas = NULL;
        ok = jx_invoke(range, "com.sun.star.sheet.XCellRangeData::getDataArray", &values, NULL, error) &&
             (!with_formulas ||
              jx_invoke(range, "com.sun.star.sheet.XCellRangeFormula::getFormulaArray",
                        &formulas, NULL, error));
        if (values != NULL) {
            store_values(wb, sheet, top, values);
            jx_seq_release(values, "[][]any");
        }
        if (formulas != NULL) {
            store_formulas(wb, sheet, top, formulas);
            jx_seq_release(formulas, "[][]string");
        }
        jx_release(&range);
    }
    if (ok) {
        uno_Interface *whole = NULL;
        sal_Int32 left = 0, top = 0, right = cols - 1, bottom = rows - 1;
        void *args[] = { &left, &top, &right, &bottom };
        if (jx_invoke(sheet_iface, "com.sun.star.table.XCellRange::getCellRangeByPosition",
                      &whole, args, NULL))
            name_errors(wb, sheet, whole, error_budget);
        jx_release(&whole);
    }
    return ok;
}

/* Named ranges whose reference is a cell range: their top-left cell. */
static void read_names(JxWorkbook *wb, uno_Interface *document)
{
    uno_Any any;
    if (!jx_office_get_property(document, "NamedRanges", &any, NULL))
        return;
    uno_Interface *names = jx_office_any_interface(&any);
    uno_any_destruct(&any, NULL);
    if (names == NULL)
        return;
    sal_Int32 count = 0;
    jx_invoke(names, "com.sun.star.container.XIndexAccess::getCount", &count, NULL, NULL);
    for (sal_Int32 i = 0; i < count; i++) {
        uno_Any item;
        void *args[] = { &i };
        if (!jx_invoke(names, "com.sun.star.container.XIndexAccess::getByIndex", &item, args, NULL))
            continue;
        uno_Interface *named = jx_office_any_interface(&item);
        uno_any_destruct(&item, NULL);
        uno_Interface *cells = NULL;
        CellRangeAddress address;
        if (named != NULL &&
            jx_invoke(named, "com.sun.star.sheet.XCellRangeReferrer::getReferredCells",
                      &cells, NULL, NULL) &&
            cells != NULL && range_address(cells, &address, NULL)) {
            g_autofree char *name = sheet_name(named);
            jx_workbook_add_name(wb, name, address.Sheet, address.StartRow, address.StartColumn);
        }
        jx_release(&cells);
        jx_release(&named);
    }
    jx_release(&names);
}

JxWorkbook *jx_calc_read(uno_Interface *document, const char *source, gboolean with_formulas,
                         GError **error)
{
    GError *uno_error = NULL;
    uno_Interface *sheets = jx_office_get(document,
        "com.sun.star.sheet.XSpreadsheetDocument::getSheets", &uno_error);
    if (sheets == NULL) {
        jx_set_error(error, JX_ERROR_WORKBOOK, "%s 不是电子表格文档（%s）",
                     "%s is not a spreadsheet document (%s)", source, uno_error->message);
        g_error_free(uno_error);
        return NULL;
    }
    JxWorkbook *wb = jx_workbook_new(source);
    sal_Int32 count = 0;
    gboolean ok = jx_invoke(sheets, "com.sun.star.container.XIndexAccess::getCount",
                            &count, NULL, &uno_error);
    int error_budget = JX_MAX_ERROR_LOOKUPS;
    for (sal_Int32 i = 0; ok && i < count; i++) {
        uno_Any item;
        void *args[] = { &i };
        ok = jx_invoke(sheets, "com.sun.star.container.XIndexAccess::getByIndex", &item, args, &uno_error);
        if (!ok)
            break;
        uno_Interface *sheet = jx_office_any_interface(&item);
        uno_any_destruct(&item, NULL);
        ok = sheet != NULL && read_sheet(wb, sheet, with_formulas, &error_budget, &uno_error);
        jx_release(&sheet);
    }
    jx_release(&sheets);
    if (!ok) {
        jx_set_error(error, JX_ERROR_WORKBOOK, "读取 %s 失败：%s", "reading %s failed: %s", source,
                     uno_error ? uno_error->message : "");
        g_clear_error(&uno_error);
        jx_workbook_free(wb);
        return NULL;
    }
    read_names(wb, document);
    return wb;
}

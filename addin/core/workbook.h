/*
 * workbook.h: the cells of a spreadsheet as Jixiao reads them, without UNO.
 *
 * The Calc reader fills one JxSheet per sheet with a single bulk read of the
 * used area (values and formulas); tests and the batch tools build them
 * directly.  Everything downstream (model, rules, scoring, report) works on
 * this grid, so it never calls the office cell by cell.
 */
#ifndef JX_CORE_WORKBOOK_H
#define JX_CORE_WORKBOOK_H

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
    JX_GRID_EMPTY,
    JX_GRID_NUMBER,
    JX_GRID_TEXT,
    JX_GRID_ERROR,     /* an error value such as #DIV/0! */
} JxGridKind;

typedef struct {
    JxGridKind kind;
    double number;
    const char *text;      /* TEXT: the text; ERROR: the error as shown, if known */
    const char *formula;   /* the cell's formula ("=A1+B1"), NULL if a constant */
} JxGridCell;

typedef struct {
    char *name;
    int index;             /* position in the workbook */
    int rows, cols;        /* the used area, from A1 (clipped, see truncated) */
    int used_rows, used_cols; /* the used area as the office reported it */
    JxGridCell *cells;     /* rows × cols, row-major */
} JxSheet;

typedef struct {
    char *name;
    int sheet, row, col;   /* the top-left cell of the named range */
} JxNamedCell;

typedef struct {
    char *source;          /* file name or document title, for messages */
    GPtrArray *sheets;     /* JxSheet* in tab order */
    GHashTable *names;     /* name → JxNamedCell* */
    GStringChunk *strings; /* storage of every text */
} JxWorkbook;

/* Hard limits that keep a hostile file from exhausting memory: a sheet is
 * read up to this many cells (64 MB of grid), and this many columns. */
#define JX_SHEET_MAX_CELLS (2 * 1024 * 1024)
#define JX_SHEET_MAX_COLUMNS 256

JxWorkbook *jx_workbook_new(const char *source);
void jx_workbook_free(JxWorkbook *workbook);

/* Adds a sheet of rows × cols empty cells (NULL if over JX_SHEET_MAX_CELLS). */
JxSheet *jx_workbook_add_sheet(JxWorkbook *workbook, const char *name, int rows, int cols);

void jx_sheet_set_number(JxWorkbook *wb, JxSheet *sheet, int row, int col, double value);
void jx_sheet_set_text(JxWorkbook *wb, JxSheet *sheet, int row, int col, const char *text);
void jx_sheet_set_error(JxWorkbook *wb, JxSheet *sheet, int row, int col, const char *shown);
void jx_sheet_set_formula(JxWorkbook *wb, JxSheet *sheet, int row, int col, const char *formula);

/* The cell at (row, col); an EMPTY cell outside the used area. */
const JxGridCell *jx_sheet_cell(const JxSheet *sheet, int row, int col);

JxSheet *jx_workbook_sheet(const JxWorkbook *workbook, const char *name);

void jx_workbook_add_name(JxWorkbook *workbook, const char *name, int sheet, int row, int col);

/* "基础数据表!D5" (1-based row, column letters).  Newly allocated. */
char *jx_address_format(const JxWorkbook *workbook, int sheet, int row, int col);

/* Labels compare without white space (ASCII, U+3000, NBSP) and without a
 * trailing colon: "单 位 名 称：" matches "单位名称".  Newly allocated. */
char *jx_label_normalize(const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(JxWorkbook, jx_workbook_free)

G_END_DECLS

#endif

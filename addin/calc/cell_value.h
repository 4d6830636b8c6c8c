/*
 * cell_value.h: a spreadsheet value without UNO: what a cell function
 * receives (an empty cell, a number, a text, a range of those) and returns
 * (a number, a text, "not available" or an error with a reason).
 *
 * The add-in glue converts UNO arguments into these and results back; the
 * functions themselves (functions.c) never see UNO and are unit-tested as
 * plain C.
 */
#ifndef JX_CALC_CELL_VALUE_H
#define JX_CALC_CELL_VALUE_H

#include <glib.h>

#include "core/error.h"

typedef enum {
    JX_CELL_EMPTY,   /* an empty cell, or an optional argument left out */
    JX_CELL_NUMBER,
    JX_CELL_TEXT,
    JX_CELL_RANGE,   /* rows × cols values, row-major */
    JX_CELL_ERROR,   /* an error value inside a range (#DIV/0! …) */
} JxCellKind;

typedef struct JxCellValue JxCellValue;
struct JxCellValue {
    JxCellKind kind;
    double number;
    const char *text;          /* UTF-8, owned by the caller of the function */
    gsize rows, cols;
    const JxCellValue *cells;  /* RANGE: rows*cols values */
};

typedef enum {
    JX_RESULT_NUMBER,
    JX_RESULT_TEXT,
    JX_RESULT_NOT_AVAILABLE,  /* required input missing: the cell shows #N/A */
    JX_RESULT_ERROR,          /* bad input: the cell shows Err:502 */
} JxResultKind;

typedef struct {
    JxResultKind kind;
    double number;
    char *text;       /* TEXT: the value; g_free'd by jx_result_clear */
    GError *error;    /* ERROR: why (bilingual JX_ERROR) */
} JxCellResult;

void jx_result_number(JxCellResult *result, double value);
void jx_result_text(JxCellResult *result, char *text);  /* takes ownership */
void jx_result_not_available(JxCellResult *result);
void jx_result_error(JxCellResult *result, GError *error); /* takes ownership */
void jx_result_clear(JxCellResult *result);

/* TRUE for EMPTY, and for TEXT that is only white space. */
gboolean jx_cell_is_blank(const JxCellValue *value);

#endif

/*
 * reader.h: a Calc document into a JxWorkbook, in bulk.
 *
 * Per sheet: one call for the used area, one getDataArray and one
 * getFormulaArray over it.  Nothing is written to the document.
 */
#ifndef JX_CALC_READER_H
#define JX_CALC_READER_H

#include "core/workbook.h"
#include "uno/sdk.h"

/* Reads every sheet and the document's named ranges; with_formulas also
 * reads each cell's formula (Compute needs them to know its own cells;
 * validation does not, and skipping them saves a fifth of the time).
 * `source` names the document in messages.  NULL with *error if the
 * document is not a spreadsheet or the office refuses. */
JxWorkbook *jx_calc_read(uno_Interface *document, const char *source, gboolean with_formulas,
                         GError **error);

#endif

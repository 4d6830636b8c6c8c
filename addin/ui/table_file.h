/*
 * table_file.h: a table of texts stored as a spreadsheet file (.ods,
 * .xlsx …) through a hidden Calc document: the summary a bureau opens after
 * a folder has been processed.
 *
 * Cells are written as values, never as formulas: a file or department name
 * that begins with "=" stays text.  Texts that read fully as a plain number
 * ("3", "0.25") are stored as numbers so that the columns sort.  One column
 * may hold file paths, written as links (=HYPERLINK built here, quotes
 * escaped).
 */
#ifndef JX_UI_TABLE_FILE_H
#define JX_UI_TABLE_FILE_H

#include <glib.h>

#include "uno/sdk.h"

/* Writes header (cols texts) and rows (GPtrArray of char *[cols], NULL
 * cells empty) to the first sheet of a new spreadsheet stored at path (its
 * format from the extension).  link_column, if ≥ 0, holds file paths shown
 * as links. */
gboolean jx_table_file_store(uno_Interface *context, const char *const *header, int cols,
                             const GPtrArray *rows, int link_column, const char *path, GError **error);

#endif

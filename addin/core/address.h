/*
 * address.h: cell addresses in A1 notation, the way people and schemas
 * write them ("C5", column "AA").
 */
#ifndef JX_CORE_ADDRESS_H
#define JX_CORE_ADDRESS_H

#include <glib.h>

G_BEGIN_DECLS

/* XFD1048576, the last cell of a sheet (0-based) */
#define JX_LAST_COLUMN 16383
#define JX_LAST_ROW 1048575

/* Column letters ↔ 0-based index: "A" → 0, "AA" → 26; -1 if invalid. */
int jx_column_from_letters(const char *letters);
char *jx_column_letters(int column);
/* "C5" → row 4, col 2. */
gboolean jx_cell_from_a1(const char *a1, int *row, int *col);

G_END_DECLS

#endif

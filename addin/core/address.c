/*
 * address.c: A1 notation.  Bounds are the largest sheet a spreadsheet
 * allows (column XFD, row 1,048,576), so an address read from a schema can
 * never point outside any workbook the office can hold.
 */
#include "core/address.h"

#include <stdlib.h>

int jx_column_from_letters(const char *letters)
{
    int col = 0;
    if (letters == NULL || letters[0] == '\0')
        return -1;
    for (const char *c = letters; *c; c++) {
        if (!g_ascii_isalpha(*c) || col > JX_LAST_COLUMN)   /* stops long before an overflow */
            return -1;
        col = col * 26 + (g_ascii_toupper(*c) - 'A' + 1);
    }
    return col - 1;
}

char *jx_column_letters(int column)
{
    char buffer[16];
    int i = sizeof buffer - 1;
    buffer[i] = '\0';
    for (gint64 n = (gint64)column + 1; n > 0 && i > 0; n = (n - 1) / 26)   /* no overflow at G_MAXINT */
        buffer[--i] = (char)('A' + (n - 1) % 26);
    return g_strdup(buffer + i);
}

gboolean jx_cell_from_a1(const char *a1, int *row, int *col)
{
    if (a1 == NULL)
        return FALSE;
    const char *p = a1;
    while (g_ascii_isalpha(*p))
        p++;
    if (p == a1 || p - a1 > 3 || !g_ascii_isdigit(*p) || *p == '0')
        return FALSE;
    g_autofree char *letters = g_strndup(a1, (gsize)(p - a1));
    char *end;
    long r = strtol(p, &end, 10);
    if (*end != '\0' || r < 1 || r > JX_LAST_ROW + 1)
        return FALSE;
    int c = jx_column_from_letters(letters);
    if (c < 0 || c > JX_LAST_COLUMN)
        return FALSE;
    *col = c;
    *row = (int)r - 1;
    return TRUE;
}

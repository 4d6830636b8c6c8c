/*
 * places.c: reading the cell references out of a finding's text.  Each "!"
 * followed by a cell reference is preceded by a sheet name; the longest
 * sheet name of the workbook that ends there is the one meant ("基础数据表"
 * rather than a sheet called "数据表").
 */
#include "ui/places.h"

#include <string.h>

#include "core/schema.h"

static gboolean same_place(const JxPlace *a, const JxPlace *b)
{
    return a->sheet == b->sheet && a->row == b->row && a->col == b->col &&
           a->row2 == b->row2 && a->col2 == b->col2;
}

static void add_place(GArray *places, const JxPlace *place)
{
    for (guint i = 0; i < places->len; i++)
        if (same_place(&g_array_index(places, JxPlace, i), place))
            return;
    g_array_append_val(places, *place);
}

/* "D4" at *p: column and row (0-based); advances *p past it. */
static gboolean read_cell(const char **p, int *row, int *col)
{
    const char *s = *p;
    char letters[4] = { 0 };
    int n = 0;
    if (*s == '$')
        s++;
    while (g_ascii_isupper(*s) && n < 3)
        letters[n++] = *s++;
    if (*s == '$')
        s++;
    if (n == 0 || !g_ascii_isdigit(*s) || *s == '0')
        return FALSE;
    long number = 0;
    while (g_ascii_isdigit(*s) && number < 10000000)
        number = number * 10 + (*s++ - '0');
    if (g_ascii_isdigit(*s) || g_ascii_isalpha(*s))
        return FALSE;   /* part of a longer word */
    *col = jx_column_from_letters(letters);
    *row = (int)number - 1;
    *p = s;
    return *col >= 0;
}

/* The sheet whose name ends just before text[bang] (a "!"), or -1. */
static int sheet_before(const JxWorkbook *wb, const char *text, gsize bang)
{
    int best = -1;
    gsize best_length = 0;
    for (guint i = 0; i < wb->sheets->len; i++) {
        const JxSheet *sheet = g_ptr_array_index(wb->sheets, i);
        gsize n = strlen(sheet->name);
        if (n == 0 || n > bang || n <= best_length)
            continue;
        if (memcmp(text + bang - n, sheet->name, n) == 0) {
            best = (int)i;
            best_length = n;
        }
    }
    return best;
}

static void places_in_text(const char *text, const JxWorkbook *wb, GArray *places)
{
    for (const char *bang = strchr(text, '!'); bang != NULL; bang = strchr(bang + 1, '!')) {
        int sheet = sheet_before(wb, text, (gsize)(bang - text));
        const char *p = bang + 1;
        JxPlace place = { sheet, 0, 0, 0, 0 };
        if (sheet < 0 || !read_cell(&p, &place.row, &place.col))
            continue;
        place.row2 = place.row;
        place.col2 = place.col;
        const char *after = p + 1;
        if (*p == ':' && read_cell(&after, &place.row2, &place.col2)) {
            place.row2 = MAX(place.row2, place.row);
            place.col2 = MAX(place.col2, place.col);
        }
        add_place(places, &place);
    }
}

GArray *jx_finding_places(const JxFinding *finding, const JxWorkbook *workbook)
{
    GArray *places = g_array_new(FALSE, TRUE, sizeof(JxPlace));
    if (finding->sheet >= 0) {
        JxPlace own = { finding->sheet, finding->row, finding->col, finding->row2, finding->col2 };
        add_place(places, &own);
    }
    for (int lang = 0; workbook != NULL && lang < 2; lang++)
        if (finding->text[lang] != NULL)
            places_in_text(finding->text[lang], workbook, places);
    return places;
}

char *jx_place_format(const JxWorkbook *workbook, const JxPlace *place)
{
    char *start = jx_address_format(workbook, place->sheet, place->row, place->col);
    if (place->row2 == place->row && place->col2 == place->col)
        return start;
    g_autofree char *letters = jx_column_letters(place->col2);
    char *range = g_strdup_printf("%s:%s%d", start, letters, place->row2 + 1);
    g_free(start);
    return range;
}

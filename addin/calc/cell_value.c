/*
 * cell_value.c: constructors for function results.
 */
#include "calc/cell_value.h"

void jx_result_number(JxCellResult *result, double value)
{
    result->kind = JX_RESULT_NUMBER;
    result->number = value;
}

void jx_result_text(JxCellResult *result, char *text)
{
    result->kind = JX_RESULT_TEXT;
    result->text = text;
}

void jx_result_not_available(JxCellResult *result)
{
    result->kind = JX_RESULT_NOT_AVAILABLE;
}

void jx_result_error(JxCellResult *result, GError *error)
{
    result->kind = JX_RESULT_ERROR;
    result->error = error;
}

void jx_result_clear(JxCellResult *result)
{
    g_clear_pointer(&result->text, g_free);
    g_clear_error(&result->error);
}

gboolean jx_cell_is_blank(const JxCellValue *value)
{
    if (value == NULL || value->kind == JX_CELL_EMPTY)
        return TRUE;
    if (value->kind != JX_CELL_TEXT || value->text == NULL)
        return FALSE;
    for (const char *p = value->text; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (!g_unichar_isspace(c) && c != 0x3000)
            return FALSE;
    }
    return TRUE;
}

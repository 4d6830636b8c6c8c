/*
 * form_check.c: the sheet names of an open spreadsheet, for the form test.
 */
#include "ui/form_check.h"

#include "core/error.h"
#include "uno/call.h"
#include "uno/office.h"
#include "uno/sequence.h"
#include "uno/ustring.h"

/* The sheet names of a document, NULL-terminated (g_strfreev). */
static char **sheet_names(uno_Interface *document)
{
    uno_Interface *sheets = jx_office_get(document, "com.sun.star.sheet.XSpreadsheetDocument::getSheets", NULL);
    uno_Sequence *names = NULL;
    if (sheets)
        jx_invoke(sheets, "com.sun.star.container.XNameAccess::getElementNames", &names, NULL, NULL);
    jx_release(&sheets);
    GPtrArray *out = g_ptr_array_new();
    for (sal_Int32 i = 0; names && i < names->nElements; i++)
        g_ptr_array_add(out, jx_ustr_to_utf8(JX_SEQ_ELEMENT(names, rtl_uString *, i)));
    g_ptr_array_add(out, NULL);
    if (names)
        jx_seq_release(names, "[]string");
    return (char **)g_ptr_array_free(out, FALSE);
}

gboolean jx_form_check(uno_Interface *document, const JxSchema *schema, JxFormWay way,
                       const char *standard_path, GError **error)
{
    g_auto(GStrv) names = sheet_names(document);
    gsize n = g_strv_length(names);
    if (jx_form_recognised(schema, (const char *const *)names, n))
        return TRUE;
    g_autofree char *zh = jx_form_message(schema, (const char *const *)names, n, way, standard_path, JX_LANG_ZH);
    g_autofree char *en = jx_form_message(schema, (const char *const *)names, n, way, standard_path, JX_LANG_EN);
    jx_set_error_texts(error, JX_ERROR_WORKBOOK, zh, en);
    return FALSE;
}

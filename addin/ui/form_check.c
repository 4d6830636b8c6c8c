/*
 * form_check.c: the sheet names and the declared schema of an open
 * spreadsheet, for the form test.
 */
#include "ui/form_check.h"

#include "calc/writer.h"
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

const JxBundle *jx_form_check(uno_Interface *document, const GPtrArray *forms, JxFormWay way,
                              const char *standard_path, GError **error)
{
    g_auto(GStrv) names = sheet_names(document);
    gsize n = g_strv_length(names);
    g_autofree const JxSchema **schemas = g_new0(const JxSchema *, forms->len + 1);
    for (guint i = 0; i < forms->len; i++)
        schemas[i] = ((const JxBundle *)g_ptr_array_index(forms, i))->schema;
    g_autofree char *declared = jx_calc_document_property(document, JX_FORM_PROPERTY);
    int picked = jx_form_pick(schemas, forms->len, declared, (const char *const *)names, n);
    if (picked >= 0)
        return g_ptr_array_index(forms, (guint)picked);
    char *texts[2];
    for (int lang = 0; lang < 2; lang++)
        texts[lang] = jx_form_message(schemas, forms->len, declared, (const char *const *)names, n, way,
                                      standard_path, (JxLang)lang);
    jx_set_error_texts(error, JX_ERROR_WORKBOOK, texts[JX_LANG_ZH], texts[JX_LANG_EN]);
    g_free(texts[JX_LANG_ZH]);
    g_free(texts[JX_LANG_EN]);
    return NULL;
}

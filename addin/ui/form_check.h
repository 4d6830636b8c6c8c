/*
 * form_check.h: is an open spreadsheet the schema's workbook?  Its sheet
 * names asked of the office, answered by the recogniser of ui/form.h.
 */
#ifndef JX_UI_FORM_CHECK_H
#define JX_UI_FORM_CHECK_H

#include <glib.h>

#include "core/schema.h"
#include "ui/form.h"
#include "uno/sdk.h"

/* TRUE if document is the schema's workbook; FALSE with the one message
 * that says it is not, and the way to the standard workbook, as *error
 * (JX_ERROR_WORKBOOK). */
gboolean jx_form_check(uno_Interface *document, const JxSchema *schema, JxFormWay way,
                       const char *standard_path, GError **error);

#endif

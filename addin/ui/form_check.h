/*
 * form_check.h: which form is an open spreadsheet, if any?  Its sheet
 * names and its JixiaoSchema property asked of the office, answered by
 * ui/form.h.
 */
#ifndef JX_UI_FORM_CHECK_H
#define JX_UI_FORM_CHECK_H

#include <glib.h>

#include "core/bundle.h"
#include "core/schema.h"
#include "ui/form.h"
#include "uno/sdk.h"

/* Which of the forms (bundles, jx_schema_cache_forms: the default first)
 * the open spreadsheet is, by its JixiaoSchema property or its sheet names
 * (ui/form.h).  NULL with the one message that says it is none of them, and
 * the way to the standard workbook, as *error (JX_ERROR_WORKBOOK). */
const JxBundle *jx_form_check(uno_Interface *document, const GPtrArray *forms, JxFormWay way,
                              const char *standard_path, GError **error);

#endif

/*
 * form.h: is this spreadsheet the schema's workbook at all?  A spreadsheet
 * that is not gets one message naming the standard workbook and where it
 * is, instead of a finding for every sheet it lacks.  The test is by sheet
 * names for now; a schema-driven form detection can replace
 * jx_form_recognised without touching its callers.  No UNO here.
 */
#ifndef JX_UI_FORM_H
#define JX_UI_FORM_H

#include <glib.h>

#include "core/error.h"
#include "core/schema.h"

/* Where the standard workbook lies inside the extension. */
#define JX_STANDARD_WORKBOOK "workbooks/standard-workbook.fods"

/* TRUE if the sheets (names, n of them) look like the schema's workbook:
 * at least half of the sheets the schema requires are there.  A workbook
 * with a sheet or two renamed is still recognised, and its findings say
 * which ones. */
gboolean jx_form_recognised(const JxSchema *schema, const char *const *sheet_names, gsize n);

/* Where the message sends a person for the standard workbook. */
typedef enum {
    JX_FORM_WAY_PANEL_BUTTON,   /* the panel's button opens the copy inside the extension */
    JX_FORM_WAY_PATH,           /* a command line: the copy inside the extension, by its path */
    JX_FORM_WAY_BUREAU,         /* a bureau's own schema: the workbook that came with it */
} JxFormWay;

/* The one message for a spreadsheet that is not the schema's workbook:
 * the workbook it is not, the required sheets it lacks, and the way to the
 * standard workbook (standard_path is named for JX_FORM_WAY_PATH only);
 * newly allocated. */
char *jx_form_message(const JxSchema *schema, const char *const *sheet_names, gsize n, JxFormWay way,
                      const char *standard_path, JxLang lang);

#endif

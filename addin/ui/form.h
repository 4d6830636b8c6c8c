/*
 * form.h: which form is this spreadsheet, if any?  Jixiao knows several
 * forms (a schema each: the department-wide workbook, the project form …);
 * an open workbook is matched to one of them, and a spreadsheet that is
 * none of them gets one message naming the forms and the way to the
 * standard workbook, instead of a finding for every sheet it lacks.  No UNO
 * here.
 *
 * How a workbook is matched (README, "Which form a workbook is"):
 *   1. its document property JixiaoSchema names a known schema's id (the
 *      blank forms carry it, and copies keep it);
 *   2. else by sheet names: the schema whose required sheets the workbook
 *      has the largest share of, at least half of them (one or two renamed
 *      tabs still match, and the findings say which); a tie goes to the
 *      schema with more required sheets present, then to the earlier one.
 *      (A schema that requires no sheet matches by its property only.)
 */
#ifndef JX_UI_FORM_H
#define JX_UI_FORM_H

#include <glib.h>

#include "core/error.h"
#include "core/schema.h"

/* Where the standard workbook lies inside the extension. */
#define JX_STANDARD_WORKBOOK "workbooks/standard-workbook.fods"

/* The user-defined document property that names a workbook's schema id. */
#define JX_FORM_PROPERTY "JixiaoSchema"

/* TRUE if the sheets (names, n of them) look like the schema's workbook:
 * at least half of the sheets the schema requires are there.  A workbook
 * with a sheet or two renamed is still recognised, and its findings say
 * which ones. */
gboolean jx_form_recognised(const JxSchema *schema, const char *const *sheet_names, gsize n);

/* The index of the schema (of n_schemas, the default first) a workbook is
 * filled in on, by the rules above; `declared` is its JixiaoSchema property
 * (NULL or "" if none).  -1 if it is none of them. */
int jx_form_pick(const JxSchema *const *schemas, gsize n_schemas, const char *declared,
                 const char *const *sheet_names, gsize n);

/* Where the message sends a person for the standard workbook. */
typedef enum {
    JX_FORM_WAY_PANEL_BUTTON,   /* the panel's button opens the copy inside the extension */
    JX_FORM_WAY_PATH,           /* a command line: the copy inside the extension, by its path */
    JX_FORM_WAY_BUREAU,         /* a bureau's own schema: the workbook that came with it */
} JxFormWay;

/* The one message for a spreadsheet that is none of the schemas' forms:
 * each form it is not with the required sheets it lacks, a declared schema
 * that is not installed, and the way to the standard workbook
 * (standard_path is named for JX_FORM_WAY_PATH only); newly allocated. */
char *jx_form_message(const JxSchema *const *schemas, gsize n_schemas, const char *declared,
                      const char *const *sheet_names, gsize n, JxFormWay way, const char *standard_path,
                      JxLang lang);

#endif

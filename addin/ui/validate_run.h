/*
 * validate_run.h: Validate on an open spreadsheet, the first step of every
 * door (sidebar, menu, headless, batch): schema → the document's cells →
 * model → findings.  Nothing is written to the document.
 */
#ifndef JX_UI_VALIDATE_RUN_H
#define JX_UI_VALIDATE_RUN_H

#include <glib.h>

#include "core/model.h"
#include "core/schema.h"
#include "core/template.h"
#include "core/workbook.h"
#include "uno/sdk.h"

typedef struct {
    const JxSchema *schema;      /* borrowed from the schema cache */
    const JxTemplate *template;  /* its compiled report template (NULL: none), borrowed too */
    JxWorkbook *workbook;
    JxModel *model;
    GPtrArray *findings;     /* JxFinding* */
    double read_seconds;     /* time spent reading cells from the office */
    double total_seconds;
    int cells_changed;       /* Compute: the cells it actually changed */
} JxValidation;

/* Reads and validates a spreadsheet document: source names it in messages,
 * schema_path NULL takes the extension's schema.  *out is filled (clear it
 * with jx_validation_clear), also on failure. */
gboolean jx_validate_run(uno_Interface *context, uno_Interface *document, const char *source,
                         const char *schema_path, JxValidation *out, GError **error);

/* The same, reading each cell's formula too (what Compute needs). */
gboolean jx_validate_run_with_formulas(uno_Interface *context, uno_Interface *document,
                                       const char *source, const char *schema_path,
                                       JxValidation *out, GError **error);

void jx_validation_clear(JxValidation *validation);

#endif

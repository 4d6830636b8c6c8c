/*
 * pipeline.h: the one pipeline behind every door (sidebar, menu, headless,
 * batch): schema → read the document → model → findings.
 */
#ifndef JX_UI_PIPELINE_H
#define JX_UI_PIPELINE_H

#include <glib.h>

#include "core/model.h"
#include "core/schema.h"
#include "core/template.h"
#include "core/workbook.h"
#include "uno/sdk.h"

typedef struct {
    JxSchema *schema;        /* shared from the schema cache: do not free */
    const JxTemplate *template; /* its compiled report template (NULL: none), shared too */
    JxWorkbook *workbook;
    JxModel *model;
    GPtrArray *findings;     /* JxFinding* */
    double read_seconds;     /* time spent reading cells from the office */
    double total_seconds;
    int cells_changed;       /* Compute: the cells it actually changed */
} JxValidation;

/* The schema at path, or the extension's default if path is NULL.  Loaded
 * once per process and kept (reloaded when the file changes); never free
 * the result. */
const JxSchema *jx_pipeline_schema(uno_Interface *context, const char *path, GError **error);

/* Reads and validates a spreadsheet document.  Nothing is written to it. */
gboolean jx_pipeline_validate(uno_Interface *context, uno_Interface *document,
                              const char *source, const char *schema_path,
                              JxValidation *out, GError **error);

/* The same, reading each cell's formula too (what Compute needs). */
gboolean jx_pipeline_validate_with_formulas(uno_Interface *context, uno_Interface *document,
                                            const char *source, const char *schema_path,
                                            JxValidation *out, GError **error);

void jx_validation_clear(JxValidation *validation);

/* The title of Compute's undo step, "zh / en" as the Edit menu shows it. */
#define JX_COMPUTE_UNDO_TITLE "绩效自评：计算 / Jixiao: Compute"

/* Compute: plans the computed cells of the document, writes them as one
 * undo step, then validates again.  `mode` < 0 takes the schema's mode.
 * out->findings holds what Compute could not do, then the new validation. */
gboolean jx_pipeline_compute(uno_Interface *context, uno_Interface *document,
                             const char *source, const char *schema_path, int mode,
                             JxValidation *out, int *cells_written, GError **error);

typedef struct {
    uno_Interface *document;   /* the new Writer document, acquired */
    char *title;
    char *department;
    char *total_score;         /* as the report shows it, "" if unknown */
    char *grade;
    int placeholders;          /* values the user still has to fill in */
    int errors, warnings;      /* validation of the workbook */
    GPtrArray *notes;          /* char*: zh, en pairs (fonts used instead of official ones) */
    double validate_seconds;   /* where the time went: reading and validating, */
    double build_seconds;      /* building the report and its flat ODT, */
    double load_seconds;       /* Writer laying it out */
} JxReportOutcome;

/* Writes the report of a spreadsheet document into a new Writer document
 * (hidden for headless and batch runs).  The workbook is read, never
 * written: computed figures that are still empty are computed in memory.
 * validation, if non-NULL, receives the workbook's findings. */
gboolean jx_pipeline_report(uno_Interface *context, uno_Interface *workbook, const char *source,
                            const char *schema_path, gboolean hidden, JxReportOutcome *out,
                            JxValidation *validation, GError **error);
void jx_report_outcome_clear(JxReportOutcome *outcome);

/* Stores a copy of the document at path, the format chosen by its
 * extension (.ods, .fods, .xlsx, .odt, .docx, .pdf …). */
gboolean jx_pipeline_store(uno_Interface *document, const char *path, GError **error);

/* Opens a document file hidden, read-only, with macros disabled. */
uno_Interface *jx_pipeline_open(uno_Interface *context, const char *path, gboolean read_only,
                                GError **error);

/* Closes a document opened by jx_pipeline_open and releases it. */
void jx_pipeline_close(uno_Interface **document);

#endif

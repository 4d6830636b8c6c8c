/*
 * headless_workbook.c: the door's commands on one workbook: validate,
 * compute (into a copy) and extract.  The workbook is opened read-only and
 * never written; every command writes its outcome to out, with "failure"
 * set when the job could not run.
 */
#include "ui/headless_commands.h"

#include "core/error.h"
#include "core/findings.h"
#include "core/findings_json.h"
#include "core/model_json.h"
#include "ui/headless_paths.h"
#include "ui/compute_run.h"
#include "ui/documents.h"
#include "ui/validate_run.h"

/* The findings JSON of v (or of the failure) written to path. */
static gboolean write_findings(const char *path, const JxValidation *v, const char *in, const GError *failure,
                               GError **error)
{
    g_autofree char *failure_text = failure ? jx_error_text(failure, JX_LANG_EN) : NULL;
    g_autofree char *json = jx_findings_to_json(v->findings, v->workbook, in,
                                                v->schema ? v->schema->id : NULL, failure_text);
    return jx_door_write_text(path, json, error);
}

static void say_outcome(const char *in, const JxValidation *v, const GError *failure)
{
    if (failure != NULL) {
        g_autofree char *text = jx_error_text(failure, JX_LANG_EN);
        jx_door_say("jixiao: %s: %s\n", in, text);
        return;
    }
    int errors = 0, warnings = 0, notes = 0;
    jx_findings_count(v->findings, &errors, &warnings, &notes);
    jx_door_say("jixiao: %s: %d errors, %d warnings, %d notes (%.0f ms, reading %.0f ms)\n",
                in, errors, warnings, notes, v->total_seconds * 1000, v->read_seconds * 1000);
}

/* validate&in=BOOK&out=JSON[&schema=SCHEMA] */
gboolean jx_door_validate(uno_Interface *context, const JxQuery *query, GError **error)
{
    static const char *const needed[] = { "in", "out", NULL };
    const char *in = jx_query_get(query, "in"), *out = jx_query_get(query, "out");
    if (!jx_door_require(query, needed, error) || !jx_door_check_output(out, in, error))
        return FALSE;
    GError *failure = NULL;
    JxValidation v = { 0 };
    uno_Interface *document = jx_door_open_workbook(context, in, jx_query_get(query, "schema"), &failure);
    if (document != NULL)
        jx_validate_run(context, document, in, jx_query_get(query, "schema"), &v, &failure);
    jx_document_close(&document);
    say_outcome(in, &v, failure);
    gboolean ok = write_findings(out, &v, in, failure, error);
    jx_validation_clear(&v);
    g_clear_error(&failure);
    return ok;
}

/* compute&in=BOOK&out=COPY[&mode=values|formulas][&findings=JSON][&schema=SCHEMA]:
 * computes into the open (read-only) document and stores it as the copy. */
gboolean jx_door_compute(uno_Interface *context, const JxQuery *query, GError **error)
{
    static const char *const needed[] = { "in", "out", NULL };
    const char *in = jx_query_get(query, "in"), *out = jx_query_get(query, "out");
    const char *findings = jx_query_get(query, "findings");
    if (!jx_door_require(query, needed, error) || !jx_door_check_output(out, in, error) ||
        (findings != NULL && !jx_door_check_output(findings, in, error)))
        return FALSE;
    JxComputeChoice choice;
    if (!jx_compute_choice_parse(jx_query_get(query, "mode"), &choice)) {
        jx_set_error(error, JX_ERROR_INVALID, "mode 应为 values 或 formulas", "mode must be values or formulas");
        return FALSE;
    }
    GError *failure = NULL;
    JxValidation v = { 0 };
    int written = 0;
    uno_Interface *document = jx_door_open_workbook(context, in, jx_query_get(query, "schema"), &failure);
    gboolean ok = document != NULL &&
                  jx_compute_run(context, document, in, jx_query_get(query, "schema"), choice, &v, &written,
                                 &failure) &&
                  jx_door_make_parent_folder(out, &failure) && jx_document_store(document, out, &failure);
    jx_document_close(&document);
    if (ok)
        jx_door_say("jixiao: %s: %d cells computed into %s\n", in, written, out);
    else
        say_outcome(in, &v, failure);
    gboolean written_ok = findings == NULL || write_findings(findings, &v, in, failure, error);
    g_clear_error(&failure);
    jx_validation_clear(&v);
    return ok && written_ok;
}

/* extract&in=BOOK&out=JSON[&schema=SCHEMA]: the figures as the schema names
 * them, each with its cell. */
gboolean jx_door_extract(uno_Interface *context, const JxQuery *query, GError **error)
{
    static const char *const needed[] = { "in", "out", NULL };
    const char *in = jx_query_get(query, "in"), *out = jx_query_get(query, "out");
    if (!jx_door_require(query, needed, error) || !jx_door_check_output(out, in, error))
        return FALSE;
    JxValidation v = { 0 };
    GError *failure = NULL;
    uno_Interface *document = jx_door_open_workbook(context, in, jx_query_get(query, "schema"), &failure);
    gboolean ok = document != NULL &&
                  jx_validate_run(context, document, in, jx_query_get(query, "schema"), &v, &failure);
    jx_document_close(&document);
    g_autofree char *json = NULL;
    if (ok) {
        json = jx_model_to_json(v.model);
    } else {
        g_autofree char *text = jx_error_text(failure, JX_LANG_EN);
        json = jx_findings_to_json(NULL, NULL, in, NULL, text);
        jx_door_say("jixiao: %s: %s\n", in, text);
    }
    g_clear_error(&failure);
    jx_validation_clear(&v);
    return jx_door_write_text(out, json, error) && ok;
}

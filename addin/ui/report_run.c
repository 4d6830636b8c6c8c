/*
 * report_run.c: the report of a validated workbook, from the template to
 * the Writer document, with the 公文 faces that are installed.
 */
#include "ui/report_run.h"

#include <string.h>

#include "core/compute.h"
#include "core/odf.h"
#include "core/render.h"
#include "core/summary.h"
#include "uno/call.h"
#include "writer/document.h"
#include "writer/fonts.h"

static void note_clear(gpointer data)
{
    JxText *note = data;
    g_free(note->zh);
    g_free(note->en);
}

/* The faces for the report's roles (newly allocated) and, in notes, one
 * note for each role whose official face is not installed.  (The fonts
 * module hands them over as zh, en, zh, en … texts.) */
static void choose_fonts(uno_Interface *context, char *fonts[JX_FONT_COUNT], GArray *notes)
{
    g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func(g_free);
    jx_fonts_choose(context, fonts, texts);
    for (guint i = 0; i + 1 < texts->len; i += 2) {
        JxText note = { g_strdup(g_ptr_array_index(texts, i)), g_strdup(g_ptr_array_index(texts, i + 1)) };
        g_array_append_val(notes, note);
    }
}

gboolean jx_report_run(uno_Interface *context, const JxValidation *v, gboolean hidden,
                       JxReportOutcome *out, GError **error)
{
    memset(out, 0, sizeof *out);
    out->notes = g_array_new(FALSE, TRUE, sizeof(JxText));
    g_array_set_clear_func(out->notes, note_clear);
    if (v->template == NULL) {
        jx_set_error(error, JX_ERROR_SCHEMA, "方案中没有报告模板（report）", "the schema has no report template");
        return FALSE;
    }
    gint64 start = g_get_monotonic_time();
    /* computed figures a values-mode Compute would write, for empty cells */
    g_autoptr(JxComputePlan) plan = jx_compute_plan(v->model, JX_COMPUTE_MODE_VALUES, NULL);
    JxReportInput input = { v->model, plan->record, v->findings, NULL };
    g_autoptr(JxReport) report = jx_report_render(v->template, &input, error);
    if (report == NULL)
        return FALSE;
    char *fonts[JX_FONT_COUNT];
    choose_fonts(context, fonts, out->notes);
    g_autofree char *fodt = jx_report_to_fodt(report, (const char *const *)fonts);
    for (int i = 0; i < JX_FONT_COUNT; i++)
        g_free(fonts[i]);
    out->build_seconds = (g_get_monotonic_time() - start) / 1e6;
    gint64 loaded = g_get_monotonic_time();
    out->document = jx_writer_load(context, fodt, strlen(fodt), hidden, error);
    out->load_seconds = (g_get_monotonic_time() - loaded) / 1e6;
    out->title = g_strdup(report->title);
    out->placeholders = report->placeholders;
    out->figures = jx_summary_figures(v->model, plan->record);
    return out->document != NULL;
}

void jx_report_outcome_clear(JxReportOutcome *o)
{
    jx_release(&o->document);
    g_clear_pointer(&o->title, g_free);
    g_clear_pointer(&o->figures, cJSON_Delete);
    if (o->notes)
        g_array_free(o->notes, TRUE);
    o->notes = NULL;
}

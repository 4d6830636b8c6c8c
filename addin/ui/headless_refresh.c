/*
 * headless_refresh.c: the door's refresh command: a report Jixiao generated
 * (and an author has edited since), its figures brought up to date from a
 * workbook, written as a copy; the change list beside it.  The report and
 * the workbook are inputs: opened read-only, never written.
 */
#include "ui/headless_commands.h"

#include <glib/gstdio.h>
#include <string.h>

#include "core/error.h"
#include "ui/documents.h"
#include "ui/headless_paths.h"
#include "ui/refresh_run.h"
#include "uno/call.h"

static gboolean check_report_file(const char *path, GError **error)
{
    GStatBuf st;
    if (g_stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
        jx_set_error(error, JX_ERROR_IO, "无法读取报告 %s：不是文件或不存在", "cannot read the report %s: not a file, or missing",
                     path);
        return FALSE;
    }
    return TRUE;
}

/* The report opened hidden and read-only, if it is a text document. */
static uno_Interface *open_report(uno_Interface *context, const char *path, GError **error)
{
    if (!check_report_file(path, error))
        return NULL;
    GError *office = NULL;
    uno_Interface *document = jx_document_open(context, path, TRUE, &office);
    uno_Interface *text = document ? jx_query(document, "com.sun.star.text.XTextDocument") : NULL;
    if (text == NULL) {
        jx_set_error(error, JX_ERROR_IO, "LibreOffice 无法把 %s 作为文字处理文档打开（文件已损坏、设有密码，或不是报告）",
                     "LibreOffice cannot open %s as a text document (damaged, password-protected, or not a report)",
                     path);
        jx_document_close(&document);
    }
    g_clear_error(&office);
    jx_release(&text);
    return document;
}

static void say_outcome(const char *in, const char *out, const JxRefreshOutcome *o, const GError *failure)
{
    if (failure != NULL) {
        g_autofree char *text = jx_error_text(failure, JX_LANG_EN);
        jx_door_say("jixiao: %s: %s\n", in, text);
        return;
    }
    jx_door_say("jixiao: %s: %d figures changed, %d overtyped by hand (left as they are), %d kept, "
                "%d no longer in the workbook; %d errors, %d warnings in the workbook -> %s (%.1f s)\n", in,
                jx_refresh_count(o->plan, JX_REFRESH_CHANGED), jx_refresh_count(o->plan, JX_REFRESH_OVERTYPED),
                jx_refresh_count(o->plan, JX_REFRESH_KEPT), jx_refresh_count(o->plan, JX_REFRESH_UNRESOLVED),
                o->errors, o->warnings, out, o->seconds);
}

/* refresh&in=REPORT&workbook=BOOK&out=COPY[&changes=JSON][&take=IDS|all][&keep=IDS|all][&schema=SCHEMA] */
gboolean jx_door_refresh(uno_Interface *context, const JxQuery *query, GError **error)
{
    static const char *const needed[] = { "in", "workbook", "out", NULL };
    const char *in = jx_query_get(query, "in"), *book = jx_query_get(query, "workbook");
    const char *out = jx_query_get(query, "out"), *schema = jx_query_get(query, "schema");
    if (!jx_door_require(query, needed, error))
        return FALSE;
    g_autofree char *changes = g_strdup(jx_query_get(query, "changes"));
    if (changes == NULL)
        changes = g_strconcat(out, ".changes.json", NULL);
    if (!jx_door_check_output(out, in, error) || !jx_door_check_output(out, book, error) ||
        !jx_door_check_output(changes, in, error) || !jx_door_check_output(changes, book, error) ||
        !jx_door_check_output(changes, out, error))
        return FALSE;
    GError *failure = NULL;
    JxRefreshOutcome outcome = { 0 };
    JxRefreshChoices choices = { jx_query_get(query, "take"), jx_query_get(query, "keep") };
    uno_Interface *report = open_report(context, in, &failure);
    uno_Interface *workbook = report ? jx_door_open_workbook(context, book, schema, &failure) : NULL;
    if (workbook != NULL && jx_refresh_run(context, report, workbook, book, schema, &choices, &outcome, &failure) &&
        jx_door_make_parent_folder(out, &failure))
        jx_document_store(report, out, &failure);
    jx_document_close(&workbook);
    say_outcome(in, out, &outcome, failure);
    g_autofree char *reason = failure ? jx_error_text(failure, JX_LANG_EN) : NULL;
    g_autofree char *json = jx_refresh_changes_json(report, &outcome, in, reason);
    jx_document_close(&report);
    gboolean ok = jx_door_write_text(changes, json, error);
    jx_refresh_outcome_clear(&outcome);
    g_clear_error(&failure);
    return ok;
}

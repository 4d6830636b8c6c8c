/*
 * commands.c: the protocol handler and the commands behind it.
 *
 * The framework creates one handler per frame and passes the frame to
 * XInitialization::initialize.  Menu entries stay enabled: every status
 * listener is told so once when it registers.
 */
#define G_LOG_DOMAIN "jixiao"
#include "ui/commands.h"

#include <stdlib.h>
#include <string.h>

#include "core/findings.h"
#include "ui/ask.h"
#include "ui/compute_run.h"
#include "ui/documents.h"
#include "ui/form_check.h"
#include "ui/lang.h"
#include "ui/live.h"
#include "ui/navigate.h"
#include "ui/package.h"
#include "ui/query.h"
#include "ui/report_run.h"
#include "ui/schema_cache.h"
#include "ui/sidebar.h"
#include "ui/state.h"
#include "ui/validate_run.h"
#include "uno/any.h"
#include "uno/call.h"
#include "uno/office.h"
#include "uno/sequence.h"
#include "uno/structs.h"
#include "uno/types.h"
#include "uno/ustring.h"

/* --- the commands ---------------------------------------------------------------- */

static uno_Interface *document_of(uno_Interface *frame)
{
    uno_Interface *controller = jx_office_get(frame, "com.sun.star.frame.XFrame::getController", NULL);
    uno_Interface *model = controller ? jx_office_get(controller,
        "com.sun.star.frame.XController::getModel", NULL) : NULL;
    jx_release(&controller);
    uno_Interface *calc = model ? jx_query(model, "com.sun.star.sheet.XSpreadsheetDocument") : NULL;
    gboolean spreadsheet = calc != NULL;
    jx_release(&calc);
    if (!spreadsheet)
        jx_release(&model);   /* not a spreadsheet: Jixiao's commands do not apply */
    return model;
}

static char *document_name(uno_Interface *document)
{
    rtl_uString *url = NULL;
    char *name = NULL;
    if (jx_invoke(document, "com.sun.star.frame.XModel::getURL", &url, NULL, NULL)) {
        name = jx_ustr_to_utf8(url);
        rtl_uString_release(url);
    }
    if (name == NULL || name[0] == '\0') {
        g_free(name);
        name = g_strdup("untitled");
    }
    return name;
}

/* A command: the document shown in frame, the URL's query (ui/query.h). */
typedef gboolean (*CommandFunction)(uno_Interface *context, uno_Interface *frame,
                                    uno_Interface *document, const JxQuery *query);

/* A command that could not run: its reason becomes the panel's message.
 * Takes the error and clears the validation; returns FALSE. */
static gboolean command_failed(uno_Interface *document, GError *error, JxValidation *v)
{
    g_autofree char *zh = jx_error_text(error, JX_LANG_ZH);
    g_autofree char *en = jx_error_text(error, JX_LANG_EN);
    jx_state_set(document, NULL, NULL, zh, en);
    g_error_free(error);
    jx_validation_clear(v);
    return FALSE;
}

/* FALSE (and the one message that says what to do, in the panel) if the
 * document is not the schema's workbook at all; TRUE if it is, or if the
 * schema cannot be read (the command then says why). */
static gboolean is_the_workbook(uno_Interface *context, uno_Interface *document)
{
    const JxBundle *bundle = jx_schema_cache_get(context, NULL, NULL);
    GError *error = NULL;
    /* the panel names no path: the copy inside the installed extension is
     * opened by the panel's button, and its path says nothing to a person */
    if (bundle == NULL || jx_form_check(document, bundle->schema, JX_FORM_WAY_PANEL_BUTTON, NULL, &error))
        return TRUE;
    g_autofree char *zh = jx_error_text(error, JX_LANG_ZH);
    g_autofree char *en = jx_error_text(error, JX_LANG_EN);
    jx_state_set_not_a_workbook(document, zh, en);
    g_error_free(error);
    return FALSE;
}

/* Validates and shows the findings with the outcome message (zh, en). */
static gboolean validate_and_show(uno_Interface *context, uno_Interface *document,
                                  const char *message_zh, const char *message_en)
{
    if (!is_the_workbook(context, document))
        return FALSE;
    g_autofree char *name = document_name(document);
    JxValidation v;
    GError *error = NULL;
    if (!jx_validate_run(context, document, name, NULL, &v, &error))
        return command_failed(document, error, &v);
    jx_state_set(document, v.findings, v.workbook, message_zh, message_en);
    jx_validation_clear(&v);
    return TRUE;
}

static gboolean command_validate(uno_Interface *context, uno_Interface *frame,
                                 uno_Interface *document, const JxQuery *query)
{
    gboolean ok = validate_and_show(context, document, "已校验", "Validated");
    jx_live_watch(context, document);
    jx_sidebar_show(frame);
    return ok;
}

void jx_command_recheck(uno_Interface *context, uno_Interface *document, const char *reason_zh,
                        const char *reason_en)
{
    g_autoptr(GDateTime) now = g_date_time_new_now_local();
    g_autofree char *time = g_date_time_format(now, "%H:%M:%S");
    g_autofree char *zh = g_strdup_printf("%s（%s 随编辑更新）", reason_zh ? reason_zh : "已重新校验", time);
    g_autofree char *en = g_strdup_printf("%s (updated after your edit, %s)", reason_en ? reason_en : "Checked again",
                                          time);
    validate_and_show(context, document, zh, en);
}

static gboolean command_compute(uno_Interface *context, uno_Interface *frame,
                                uno_Interface *document, const JxQuery *query)
{
    g_autofree char *name = document_name(document);
    JxComputeChoice choice;
    if (!jx_compute_choice_parse(jx_query_get(query, "mode"), &choice))
        choice = JX_COMPUTE_AS_SCHEMA_SAYS;   /* an unknown mode: the schema's */
    JxValidation v = { 0 };
    GError *error = NULL;
    int written = 0;
    if (!is_the_workbook(context, document)) {
        jx_sidebar_show(frame);
        return FALSE;
    }
    if (!jx_compute_run(context, document, name, NULL, choice, &v, &written, &error))
        return command_failed(document, error, &v);
    g_autofree char *zh = v.cells_changed > 0
        ? g_strdup_printf("已计算：写入 %d 个单元格（可一次撤销）", v.cells_changed)
        : g_strdup("已计算：计算单元格都已是最新结果，工作簿未改动");
    g_autofree char *en = v.cells_changed > 0
        ? g_strdup_printf("Computed: %d %s written (one undo step)", v.cells_changed,
                          v.cells_changed == 1 ? "cell" : "cells")
        : g_strdup("Computed: every computed cell was up to date; the workbook is unchanged");
    jx_state_set(document, v.findings, v.workbook, zh, en);
    jx_validation_clear(&v);
    jx_live_watch(context, document);
    jx_sidebar_show(frame);
    return TRUE;
}

/* Goes to the next (step 1) or previous (step -1) finding, wrapping round;
 * "index=N" in the arguments goes to finding N. */
static gboolean go_to_finding(uno_Interface *context, uno_Interface *frame, uno_Interface *document,
                              int step, const JxQuery *query)
{
    g_autoptr(JxDocumentState) state = jx_state_get(document);
    int n = (int)state->findings->len;
    if (n == 0)
        return FALSE;
    const char *index_text = jx_query_get(query, "index");
    int index = index_text ? atoi(index_text)
              : state->current < 0 ? (step > 0 ? 0 : n - 1)
              : ((state->current + step) % n + n) % n;
    return jx_navigate_to_finding(frame, document, index) &&
           jx_navigate_tell(context, frame, document, index, jx_ui_lang(context));
}

static gboolean command_next_finding(uno_Interface *context, uno_Interface *frame,
                                     uno_Interface *document, const JxQuery *query)
{
    return go_to_finding(context, frame, document, 1, query);
}

static gboolean command_previous_finding(uno_Interface *context, uno_Interface *frame,
                                         uno_Interface *document, const JxQuery *query)
{
    return go_to_finding(context, frame, document, -1, query);
}

/* The outcome message of a report: its counts, then a line for each face
 * used instead of an official one. */
static char *report_message(const JxReportOutcome *outcome, int errors, JxLang lang)
{
    GString *text = g_string_new(NULL);
    if (lang == JX_LANG_ZH)
        g_string_printf(text, "已生成报告（%d 个错误，%d 处待填写）", errors, outcome->placeholders);
    else
        g_string_printf(text, "Report generated (%d errors, %d values to fill in)", errors, outcome->placeholders);
    for (guint i = 0; i < outcome->notes->len; i++)
        g_string_append_printf(text, "\n%s", jx_text_get(&g_array_index(outcome->notes, JxText, i), lang));
    return g_string_free(text, FALSE);
}

/* Validates, asks first if there are errors, and writes the report of
 * what was validated. */
static gboolean command_report(uno_Interface *context, uno_Interface *frame,
                               uno_Interface *document, const JxQuery *query)
{
    JxLang lang = jx_ui_lang(context);
    g_autofree char *name = document_name(document);
    GError *error = NULL;
    JxValidation v;
    if (!is_the_workbook(context, document)) {
        jx_sidebar_show(frame);
        return FALSE;
    }
    if (!jx_validate_run(context, document, name, NULL, &v, &error))
        return command_failed(document, error, &v);
    int errors;
    jx_findings_count(v.findings, &errors, NULL, NULL);
    if (errors > 0) {
        g_autofree char *question = g_strdup_printf(
            lang == JX_LANG_ZH ? "校验发现 %d 个错误，报告中的数字可能与实际不符。仍然生成报告吗？"
                               : "Validation found %d errors; the report may repeat them. Generate it anyway?",
            errors);
        if (!jx_ask_yes_no(context, frame, lang == JX_LANG_ZH ? "绩效自评" : "Jixiao", question)) {
            jx_validation_clear(&v);
            return TRUE;
        }
    }
    JxReportOutcome outcome;
    gboolean hidden = !jx_frame_is_visible(frame) && jx_query_is(query, "hidden", "1");
    if (!jx_report_run(context, &v, hidden, &outcome, &error)) {
        jx_report_outcome_clear(&outcome);
        return command_failed(document, error, &v);
    }
    g_autofree char *zh = report_message(&outcome, errors, JX_LANG_ZH);
    g_autofree char *en = report_message(&outcome, errors, JX_LANG_EN);
    jx_state_set(document, v.findings, v.workbook, zh, en);
    jx_state_set_report(document, outcome.document);
    jx_live_watch(context, document);
    jx_report_outcome_clear(&outcome);
    jx_validation_clear(&v);
    return TRUE;
}

/* Saves the last report as .odt, .docx or .pdf: a path given as
 * "path=…" (percent-encoded), else one chosen in the file dialog. */
static gboolean command_export_report(uno_Interface *context, uno_Interface *frame,
                                      uno_Interface *document, const JxQuery *query)
{
    JxLang lang = jx_ui_lang(context);
    uno_Interface *report = jx_state_report(document);
    if (report == NULL) {
        jx_state_set_message(document, "请先生成报告", "Generate the report first");
        return FALSE;
    }
    g_autofree char *path = g_strdup(jx_query_get(query, "path"));
    if (path == NULL)
        path = jx_ask_report_path(context, lang == JX_LANG_ZH ? "绩效自评报告" : "self-evaluation report", lang);
    gboolean ok = TRUE;
    if (path != NULL) {
        GError *error = NULL;
        ok = jx_document_store(report, path, &error);
        if (ok) {
            g_autofree char *zh = g_strdup_printf("报告已保存：%s", path);
            g_autofree char *en = g_strdup_printf("Report saved: %s", path);
            jx_state_set_message(document, zh, en);
        } else {
            g_autofree char *zh = jx_error_text(error, JX_LANG_ZH);
            g_autofree char *en = jx_error_text(error, JX_LANG_EN);
            jx_state_set_message(document, zh, en);
            g_error_free(error);
        }
    }
    jx_release(&report);
    return ok;
}

/* DebugTimings?path=FILE: the last live checks' timings (JSON), for make bench. */
static gboolean command_debug_timings(uno_Interface *context, uno_Interface *frame,
                                      uno_Interface *document, const JxQuery *query)
{
    const char *path = jx_query_get(query, "path");
    g_autofree char *json = jx_live_timings_json();
    return path != NULL && g_file_set_contents(path, json, -1, NULL);
}

/* Opens a new, untitled copy of the standard workbook that ships with the
 * extension: the way forward from a spreadsheet that is not one. */
static gboolean command_open_standard_workbook(uno_Interface *context, uno_Interface *frame,
                                               uno_Interface *document, const JxQuery *query)
{
    g_autofree char *url = jx_package_url(context, NULL);
    g_autofree char *workbook = url ? g_strconcat(url, "/", JX_STANDARD_WORKBOOK, NULL) : NULL;
    return workbook != NULL && jx_document_open_untitled(context, workbook, NULL);
}

/* DebugObjects?path=FILE: writes the live UNO objects per class (JSON), for
 * the lifetime tests: after documents close their objects must be gone. */
static gboolean command_debug_objects(uno_Interface *context, uno_Interface *frame,
                                      uno_Interface *document, const JxQuery *query)
{
    const char *path = jx_query_get(query, "path");
    g_autofree char *json = jx_object_live_counts_json();
    return path != NULL && g_file_set_contents(path, json, -1, NULL);
}

static gboolean command_show_panel(uno_Interface *context, uno_Interface *frame,
                                   uno_Interface *document, const JxQuery *query)
{
    jx_sidebar_show(frame);
    return TRUE;
}

static const struct { const char *name; CommandFunction run; } commands[] = {
    { "Validate", command_validate },
    { "Compute", command_compute },
    { "Report", command_report },
    { "ExportReport", command_export_report },
    { "ShowPanel", command_show_panel },
    { "DebugObjects", command_debug_objects },
    { "NextFinding", command_next_finding },
    { "PreviousFinding", command_previous_finding },
    { "OpenStandardWorkbook", command_open_standard_workbook },
    { "DebugTimings", command_debug_timings },
};

static CommandFunction find_command(const char *name)
{
    for (gsize i = 0; name && i < G_N_ELEMENTS(commands); i++)
        if (strcmp(commands[i].name, name) == 0)
            return commands[i].run;
    return NULL;
}

static void dispatch_slot(uno_Interface *helper, uno_Interface *provider, const char *url)
{
    rtl_uString *uurl = jx_ustr_new(url), *target = jx_ustr_new("");
    sal_Int32 flags = 0;
    uno_Sequence *none = jx_seq_new("[]com.sun.star.beans.PropertyValue", 0);
    uno_Any result;
    void *args[] = { &provider, &uurl, &target, &flags, &none };
    if (jx_invoke(helper, "com.sun.star.frame.XDispatchHelper::executeDispatch", &result, args, NULL))
        uno_any_destruct(&result, NULL);
    jx_seq_release(none, "[]com.sun.star.beans.PropertyValue");
    rtl_uString_release(uurl);
    rtl_uString_release(target);
}

/* A cell still being typed into when a button is clicked holds its new text
 * only in the editor: commit it, as Enter would, before a command reads the
 * sheet.  Moving the cursor down and back up ends the edit (and does
 * nothing else); the selection is then put back as it was. */
static void commit_pending_input(uno_Interface *context, uno_Interface *frame)
{
    if (!jx_frame_is_visible(frame))
        return;   /* hidden documents are never being typed into */
    uno_Interface *controller = jx_office_get(frame, "com.sun.star.frame.XFrame::getController", NULL);
    uno_Interface *helper = jx_office_create(context, "com.sun.star.frame.DispatchHelper", NULL);
    uno_Interface *provider = jx_query(frame, "com.sun.star.frame.XDispatchProvider");
    uno_Any selection;
    gboolean selected = controller && jx_invoke(controller, "com.sun.star.view.XSelectionSupplier::getSelection",
                                                &selection, NULL, NULL);
    if (selected && helper && provider) {
        dispatch_slot(helper, provider, ".uno:GoDown");
        dispatch_slot(helper, provider, ".uno:GoUp");
        sal_Bool done = 0;
        void *args[] = { &selection };
        jx_invoke(controller, "com.sun.star.view.XSelectionSupplier::select", &done, args, NULL);
    }
    if (selected)
        uno_any_destruct(&selection, NULL);
    jx_release(&provider);
    jx_release(&helper);
    jx_release(&controller);
}

gboolean jx_command_run(uno_Interface *context, uno_Interface *frame, const char *name,
                        const char *arguments)
{
    CommandFunction run = find_command(name);
    uno_Interface *document = frame ? document_of(frame) : NULL;
    g_debug("command %s(%s): frame %p, spreadsheet %p", name, arguments ? arguments : "",
            (void *)frame, (void *)document);
    if (run == NULL || document == NULL) {
        jx_release(&document);
        return FALSE;
    }
    commit_pending_input(context, frame);
    g_autoptr(JxQuery) query = jx_query_parse(arguments);
    jx_live_pause(document, TRUE);   /* what the command writes is no edit */
    gboolean ok = run(context, frame, document, query);
    jx_live_pause(document, FALSE);
    jx_release(&document);
    return ok;
}

/* --- the protocol handler ------------------------------------------------------- */

typedef struct {
    JxUnoObject base;
    uno_Interface *context;
    uno_Interface *frame;
} Handler;

#define URL_TYPE "com.sun.star.util.URL"
/* com.sun.star.frame.DispatchResultState */
#define DISPATCH_RESULT_FAILURE 0
#define DISPATCH_RESULT_SUCCESS 1

/* The command name and its arguments from "org.jixiao.commands:Compute?mode=values".
 * The URL is read from Complete: the office's URL parser does not split
 * the query of a protocol it does not know. */
static gboolean parse_url(void *url, char **name, char **arguments)
{
    g_autofree char *complete = jx_struct_string(URL_TYPE, url, "Complete");
    if (!g_str_has_prefix(complete, JX_COMMANDS_PROTOCOL))
        return FALSE;
    const char *rest = complete + strlen(JX_COMMANDS_PROTOCOL);
    const char *query = strchr(rest, '?');
    *name = query ? g_strndup(rest, (gsize)(query - rest)) : g_strdup(rest);
    *arguments = g_strdup(query ? query + 1 : "");
    return TRUE;
}

static gboolean is_ours(void *url)
{
    g_autofree char *name = NULL, *arguments = NULL;
    return parse_url(url, &name, &arguments) && find_command(name) != NULL;
}

/* The frame among the arguments (anys) of the handler. */
static void take_frame(Handler *h, uno_Sequence *args)
{
    for (sal_Int32 i = 0; i < args->nElements && h->frame == NULL; i++) {
        uno_Interface *frame = jx_office_any_interface(&JX_SEQ_ELEMENT(args, uno_Any, i));
        uno_Interface *is_frame = frame ? jx_query(frame, "com.sun.star.frame.XFrame") : NULL;
        if (is_frame != NULL) {
            h->frame = is_frame;
            /* the frame keeps its handlers: let go of it when it closes, or
             * the two would keep each other alive */
            uno_Interface *listener = &h->base.iface;
            void *listener_args[] = { &listener };
            jx_invoke(is_frame, "com.sun.star.lang.XComponent::addEventListener", NULL, listener_args, NULL);
        }
        jx_release(&frame);
    }
}

static void initialize(JxUnoObject *self, JxUnoCall *call)
{
    take_frame((Handler *)self, *(uno_Sequence **)call->args[0]);
}

static void query_dispatch(JxUnoObject *self, JxUnoCall *call)
{
    jx_call_return_interface(call, is_ours(call->args[0]) ? &self->iface : NULL);
}

/* sequence<XDispatch> queryDispatches(sequence<DispatchDescriptor>) */
static void query_dispatches(JxUnoObject *self, JxUnoCall *call)
{
    uno_Sequence *descriptors = *(uno_Sequence **)call->args[0];
    typelib_TypeDescription *td = jx_type_description("com.sun.star.frame.DispatchDescriptor");
    uno_Sequence *result = jx_seq_new("[]com.sun.star.frame.XDispatch", descriptors->nElements);
    for (sal_Int32 i = 0; td && result && i < descriptors->nElements; i++) {
        void *descriptor = descriptors->elements + (gsize)i * (gsize)td->nSize;
        void *url = jx_struct_member("com.sun.star.frame.DispatchDescriptor", descriptor, "FeatureURL");
        if (url && is_ours(url)) {
            self->iface.acquire(&self->iface);
            JX_SEQ_ELEMENT(result, uno_Interface *, i) = &self->iface;
        }
    }
    jx_call_return_sequence(call, result);
}

static gboolean run_url(JxUnoObject *self, void *url)
{
    Handler *h = (Handler *)self;
    g_autofree char *name = NULL, *arguments = NULL;
    if (!parse_url(url, &name, &arguments))
        return FALSE;
    /* a command may outlive the frame's handler (the window closes): hold on */
    jx_object_acquire(self);
    gboolean ok = jx_command_run(h->context, h->frame, name, arguments);
    jx_object_release(self);
    return ok;
}

static void dispatch(JxUnoObject *self, JxUnoCall *call)
{
    run_url(self, call->args[0]);
}

/* XNotifyingDispatch: the same, then DispatchResultEvent { Source, State, Result }
 * to the listener, so a caller (a test, a macro) knows when the command is done. */
static void dispatch_with_notification(JxUnoObject *self, JxUnoCall *call)
{
    gboolean ok = run_url(self, call->args[0]);
    uno_Interface *listener = *(uno_Interface **)call->args[2];
    if (listener == NULL)
        return;
    const char *type = "com.sun.star.frame.DispatchResultEvent";
    void *event = jx_struct_new(type);
    uno_Interface **source = jx_struct_member(type, event, "Source");
    *source = &self->iface;
    self->iface.acquire(&self->iface);
    *(sal_Int16 *)jx_struct_member(type, event, "State") = ok ? DISPATCH_RESULT_SUCCESS : DISPATCH_RESULT_FAILURE;
    void *args[] = { event };
    jx_invoke(listener, "com.sun.star.frame.XDispatchResultListener::dispatchFinished", NULL, args, NULL);
    jx_struct_free(type, event);
}

/* Tells a status listener that the command is enabled. */
static void add_status_listener(JxUnoObject *self, JxUnoCall *call)
{
    uno_Interface *listener = *(uno_Interface **)call->args[0];
    const char *type = "com.sun.star.frame.FeatureStateEvent";
    void *event = jx_struct_new(type);
    if (event == NULL || listener == NULL) {
        jx_struct_free(type, event);
        return;
    }
    uno_Interface **source = jx_struct_member(type, event, "Source");
    *source = &self->iface;
    self->iface.acquire(&self->iface);
    typelib_TypeDescription *url_td = jx_type_description(URL_TYPE);
    void *url = jx_struct_member(type, event, "FeatureURL");
    uno_destructData(url, url_td, NULL);
    uno_copyData(url, call->args[1], url_td, NULL);
    *(sal_Bool *)jx_struct_member(type, event, "IsEnabled") = 1;
    void *args[] = { event };
    jx_invoke(listener, "com.sun.star.frame.XStatusListener::statusChanged", NULL, args, NULL);
    jx_struct_free(type, event);
}

static void remove_status_listener(JxUnoObject *self, JxUnoCall *call)
{
    /* nothing is kept per listener */
}

static void frame_disposing(JxUnoObject *self, JxUnoCall *call)
{
    jx_release(&((Handler *)self)->frame);
}

static void handler_finalize(JxUnoObject *self)
{
    Handler *h = (Handler *)self;
    jx_release(&h->frame);
    jx_release(&h->context);
}

static const char *const handler_services[] = { "com.sun.star.frame.ProtocolHandler", NULL };
static const char *const handler_interfaces[] = {
    "com.sun.star.frame.XDispatchProvider", "com.sun.star.frame.XNotifyingDispatch",
    "com.sun.star.lang.XInitialization", "com.sun.star.lang.XEventListener",
    "com.sun.star.lang.XServiceInfo", "com.sun.star.lang.XTypeProvider", NULL,
};
static const JxUnoMethodEntry handler_methods[] = {
    { "com.sun.star.lang.XEventListener::disposing", frame_disposing },
    { "com.sun.star.lang.XInitialization::initialize", initialize },
    { "com.sun.star.frame.XDispatchProvider::queryDispatch", query_dispatch },
    { "com.sun.star.frame.XDispatchProvider::queryDispatches", query_dispatches },
    { "com.sun.star.frame.XDispatch::dispatch", dispatch },
    { "com.sun.star.frame.XNotifyingDispatch::dispatchWithNotification", dispatch_with_notification },
    { "com.sun.star.frame.XDispatch::addStatusListener", add_status_listener },
    { "com.sun.star.frame.XDispatch::removeStatusListener", remove_status_listener },
    { NULL, NULL },
};
static JxUnoClass handler_class = {
    .implementation_name = JX_COMMANDS_IMPLEMENTATION,
    .service_names = handler_services,
    .interfaces = handler_interfaces,
    .methods = handler_methods,
    .finalize = handler_finalize,
};

static JxUnoObject *handler_construct(uno_Interface *context, uno_Sequence *arguments,
                                      char **error_text)
{
    Handler *h = jx_object_new(&handler_class, sizeof(Handler));
    h->context = context;
    if (context)
        context->acquire(context);
    if (arguments != NULL)
        take_frame(h, arguments);
    return &h->base;
}

const JxImplementation jx_commands_implementation = { &handler_class, handler_construct };

/*
 * headless.c: the command-line door.  Commands (headless_commands.h):
 *   validate&in=FILE&out=JSON[&schema=SCHEMA]
 *   compute&in=FILE&out=COPY[&mode=values|formulas][&findings=JSON][&schema=SCHEMA]
 *   extract&in=FILE&out=JSON[&schema=SCHEMA]
 *   report&in=FILE&out=DIR[&formats=odt,docx,pdf][&name=BASE][&schema=SCHEMA]
 *   batch&in=DIR&out=DIR[&formats=odt,pdf][&schema=SCHEMA][&share=K/N][&rows=JSON][&summary=ODS|none]
 *   summary&in=ROWS.json&out=SUMMARY.ods
 *   review&in=REPORT-or-DIR&out=JSON-or-DIR (review_headless.h)
 *   refresh&in=REPORT&workbook=BOOK&out=COPY[&changes=JSON][&take=IDS|all][&keep=IDS|all][&schema=SCHEMA]
 * Values are percent-decoded (ui/query.h), so any path can be passed.  The outcome is
 * always written (with "failure" set when the job could not run) and a
 * summary goes to standard error.  The office exits 0 whatever happened:
 * tools/jixiao reads the outcome and turns it into an exit status.
 */
#include "ui/headless.h"

#include <string.h>

#include "core/error.h"
#include "ui/headless_commands.h"
#include "ui/headless_paths.h"
#include "ui/review_headless.h"
#include "uno/any.h"
#include "uno/call.h"
#include "uno/office.h"
#include "uno/ustring.h"

typedef struct {
    JxUnoObject base;
    uno_Interface *context;
} Headless;

/* --- exiting the office ----------------------------------------------------- */

typedef struct {
    JxUnoObject base;
    uno_Interface *context;
} Terminator;

static void terminator_notify(JxUnoObject *self, JxUnoCall *call)
{
    uno_Interface *desktop = jx_office_create(((Terminator *)self)->context,
                                              "com.sun.star.frame.Desktop", NULL);
    sal_Bool done = 0;
    if (desktop != NULL)
        jx_invoke(desktop, "com.sun.star.frame.XDesktop::terminate", &done, NULL, NULL);
    jx_release(&desktop);
}

static void terminator_finalize(JxUnoObject *self)
{
    jx_release(&((Terminator *)self)->context);
}

static const char *const terminator_interfaces[] = {
    "com.sun.star.awt.XCallback", "com.sun.star.lang.XTypeProvider", NULL,
};

static const JxUnoMethodEntry terminator_methods[] = {
    { "com.sun.star.awt.XCallback::notify", terminator_notify },
    { NULL, NULL },
};

static JxUnoClass terminator_class = {
    .implementation_name = "org.jixiao.Terminator",
    .interfaces = terminator_interfaces,
    .methods = terminator_methods,
    .finalize = terminator_finalize,
};

/* Asks the office to exit once the current call has returned. */
static void exit_office_later(uno_Interface *context)
{
    uno_Interface *async = jx_office_create(context, "com.sun.star.awt.AsyncCallback", NULL);
    if (async == NULL)
        return;
    Terminator *t = jx_object_new(&terminator_class, sizeof(Terminator));
    t->context = context;
    context->acquire(context);
    uno_Interface *callback = &t->base.iface;
    uno_Any data;
    jx_any_construct_void(&data);
    void *args[] = { &callback, &data };
    jx_invoke(async, "com.sun.star.awt.XRequestCallback::addCallback", NULL, args, NULL);
    uno_any_destruct(&data, NULL);
    jx_object_release(&t->base);
    jx_release(&async);
}

/* --- commands ----------------------------------------------------------------- */

gboolean jx_door_require(const JxQuery *query, const char *const *names, GError **error)
{
    for (int i = 0; names[i]; i++)
        if (jx_query_get(query, names[i]) == NULL) {
            jx_set_error(error, JX_ERROR_INVALID, "%s 需要 %s=", "%s needs %s=", query->command, names[i]);
            return FALSE;
        }
    return TRUE;
}

static const struct {
    const char *name;
    JxDoorCommand run;
} commands[] = {
    { "validate", jx_door_validate },
    { "compute", jx_door_compute },
    { "extract", jx_door_extract },
    { "report", jx_door_report },
    { "batch", jx_door_batch },
    { "summary", jx_door_summary },
    { "review", jx_door_review },
    { "refresh", jx_door_refresh },
};

static void trigger(JxUnoObject *object, JxUnoCall *call)
{
    Headless *self = (Headless *)object;
    g_autofree char *text = jx_call_arg_utf8(call, 0);
    g_autoptr(JxQuery) query = jx_query_parse(text);
    const char *name = query->command;
    GError *error = NULL;
    gboolean known = FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(commands); i++)
        if (strcmp(commands[i].name, name) == 0) {
            known = TRUE;
            commands[i].run(self->context, query, &error);
        }
    if (!known)
        jx_set_error(&error, JX_ERROR_INVALID, "未知命令“%s”", "unknown command '%s'", name);
    if (error != NULL) {
        g_autofree char *message = jx_error_text(error, JX_LANG_EN);
        jx_door_say("jixiao: %s\n", message);
        g_error_free(error);
    }
    if (!jx_query_is(query, "stay", "1"))
        exit_office_later(self->context);
}

static void headless_finalize(JxUnoObject *self)
{
    jx_release(&((Headless *)self)->context);
}

static const char *const headless_services[] = { JX_HEADLESS_IMPLEMENTATION, NULL };
static const char *const headless_interfaces[] = {
    "com.sun.star.task.XJobExecutor", "com.sun.star.lang.XServiceInfo",
    "com.sun.star.lang.XTypeProvider", NULL,
};
static const JxUnoMethodEntry headless_methods[] = {
    { "com.sun.star.task.XJobExecutor::trigger", trigger },
    { NULL, NULL },
};

static JxUnoClass headless_class = {
    .implementation_name = JX_HEADLESS_IMPLEMENTATION,
    .service_names = headless_services,
    .interfaces = headless_interfaces,
    .methods = headless_methods,
    .finalize = headless_finalize,
};

static JxUnoObject *headless_construct(uno_Interface *context, uno_Sequence *arguments,
                                       char **error_text)
{
    if (context == NULL) {
        *error_text = g_strdup("org.jixiao.Headless needs a component context");
        return NULL;
    }
    Headless *self = jx_object_new(&headless_class, sizeof(Headless));
    self->context = context;
    context->acquire(context);
    return &self->base;
}

const JxImplementation jx_headless_implementation = { &headless_class, headless_construct };

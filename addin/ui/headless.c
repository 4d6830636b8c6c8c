/*
 * headless.c: the command-line door.  Commands:
 *   validate&in=FILE&out=JSON[&schema=SCHEMA]
 *   compute&in=FILE&out=COPY[&mode=values|formulas][&findings=JSON][&schema=SCHEMA]
 *   extract&in=FILE&out=JSON[&schema=SCHEMA]
 * Values are percent-decoded, so any path can be passed.  The outcome is
 * always written to `out` (with "failure" set when the job could not run)
 * and a one-line summary goes to standard error.
 */
#include "ui/headless.h"

#include <stdio.h>
#include <string.h>

#include "core/findings.h"
#include "core/compute.h"
#include "core/findings_json.h"
#include "core/model_json.h"
#include "ui/pipeline.h"
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

/* "validate&in=a&out=b" → command "validate" and a table of arguments. */
static char *parse_command(const char *text, GHashTable *args)
{
    g_auto(GStrv) parts = g_strsplit(text, "&", -1);
    char *command = NULL;
    for (int i = 0; parts[i]; i++) {
        char *equals = strchr(parts[i], '=');
        if (equals == NULL) {
            if (command == NULL)
                command = g_uri_unescape_string(parts[i], NULL);
            continue;
        }
        *equals = '\0';
        char *value = g_uri_unescape_string(equals + 1, NULL);
        g_hash_table_insert(args, g_strdup(parts[i]), value ? value : g_strdup(equals + 1));
    }
    return command ? command : g_strdup("");
}

static gboolean write_text(const char *path, const char *text, GError **error)
{
    GError *io = NULL;
    if (g_file_set_contents(path, text, -1, &io))
        return TRUE;
    jx_set_error(error, JX_ERROR_IO, "无法写入 %s：%s", "cannot write %s: %s",
                 path, io->message, path, io->message);
    g_error_free(io);
    return FALSE;
}

static gboolean run_validate(Headless *self, GHashTable *args, GError **error)
{
    const char *in = g_hash_table_lookup(args, "in");
    const char *out = g_hash_table_lookup(args, "out");
    const char *schema = g_hash_table_lookup(args, "schema");
    if (in == NULL || out == NULL) {
        jx_set_error(error, JX_ERROR_INVALID, "validate 需要 in= 和 out=", "validate needs in= and out=");
        return FALSE;
    }
    GError *failure = NULL;
    JxValidation v = { 0 };
    uno_Interface *document = jx_pipeline_open(self->context, in, TRUE, &failure);
    if (document != NULL)
        jx_pipeline_validate(self->context, document, in, schema, &v, &failure);
    jx_pipeline_close(&document);
    g_autofree char *failure_text = failure ? jx_error_text(failure, JX_LANG_EN) : NULL;
    g_autofree char *json = jx_findings_to_json(v.findings, v.workbook, in,
                                                v.schema ? v.schema->id : NULL, failure_text);
    int errors = 0, warnings = 0, notes = 0;
    jx_findings_count(v.findings, &errors, &warnings, &notes);
    if (failure_text)
        fprintf(stderr, "jixiao: %s: %s\n", in, failure_text);
    else
        fprintf(stderr, "jixiao: %s: %d errors, %d warnings, %d notes (%.0f ms, reading %.0f ms)\n",
                in, errors, warnings, notes, v.total_seconds * 1000, v.read_seconds * 1000);
    jx_validation_clear(&v);
    g_clear_error(&failure);
    return write_text(out, json, error);
}

/* compute&in=BOOK&out=COPY[&mode=values|formulas][&findings=JSON][&schema=SCHEMA]:
 * computes into a copy; the input file is never written. */
static gboolean run_compute(Headless *self, GHashTable *args, GError **error)
{
    const char *in = g_hash_table_lookup(args, "in");
    const char *out = g_hash_table_lookup(args, "out");
    const char *mode_name = g_hash_table_lookup(args, "mode");
    const char *findings_path = g_hash_table_lookup(args, "findings");
    if (in == NULL || out == NULL) {
        jx_set_error(error, JX_ERROR_INVALID, "compute 需要 in= 和 out=", "compute needs in= and out=");
        return FALSE;
    }
    int mode = mode_name == NULL ? -1
             : g_strcmp0(mode_name, "values") == 0 ? JX_COMPUTE_MODE_VALUES
             : g_strcmp0(mode_name, "formulas") == 0 ? JX_COMPUTE_MODE_FORMULAS : -2;
    if (mode == -2) {
        jx_set_error(error, JX_ERROR_INVALID, "mode 应为 values 或 formulas",
                     "mode must be values or formulas");
        return FALSE;
    }
    GError *failure = NULL;
    JxValidation v = { 0 };
    int written = 0;
    uno_Interface *document = jx_pipeline_open(self->context, in, FALSE, &failure);
    gboolean ok = document != NULL &&
                  jx_pipeline_compute(self->context, document, in, g_hash_table_lookup(args, "schema"),
                                      mode, &v, &written, &failure) &&
                  jx_pipeline_store(document, out, &failure);
    jx_pipeline_close(&document);
    g_autofree char *failure_text = failure ? jx_error_text(failure, JX_LANG_EN) : NULL;
    if (ok)
        fprintf(stderr, "jixiao: %s: %d cells computed into %s\n", in, written, out);
    else
        fprintf(stderr, "jixiao: %s: %s\n", in, failure_text);
    gboolean written_ok = TRUE;
    if (findings_path != NULL) {
        g_autofree char *json = jx_findings_to_json(v.findings, v.workbook, in,
                                                    v.schema ? v.schema->id : NULL, failure_text);
        written_ok = write_text(findings_path, json, error);
    }
    jx_validation_clear(&v);
    g_clear_error(&failure);
    return ok && written_ok;
}

/* extract&in=BOOK&out=JSON[&schema=SCHEMA]: the figures as the schema names
 * them, each with its cell. */
static gboolean run_extract(Headless *self, GHashTable *args, GError **error)
{
    const char *in = g_hash_table_lookup(args, "in");
    const char *out = g_hash_table_lookup(args, "out");
    if (in == NULL || out == NULL) {
        jx_set_error(error, JX_ERROR_INVALID, "extract 需要 in= 和 out=", "extract needs in= and out=");
        return FALSE;
    }
    JxValidation v = { 0 };
    uno_Interface *document = jx_pipeline_open(self->context, in, TRUE, error);
    gboolean ok = document != NULL &&
                  jx_pipeline_validate(self->context, document, in, g_hash_table_lookup(args, "schema"),
                                       &v, error);
    jx_pipeline_close(&document);
    if (ok) {
        g_autofree char *json = jx_model_to_json(v.model);
        ok = write_text(out, json, error);
    }
    jx_validation_clear(&v);
    return ok;
}

typedef gboolean (*Command)(Headless *self, GHashTable *args, GError **error);

static const struct { const char *name; Command run; } commands[] = {
    { "validate", run_validate },
    { "compute", run_compute },
    { "extract", run_extract },
};

static void trigger(JxUnoObject *object, JxUnoCall *call)
{
    Headless *self = (Headless *)object;
    g_autofree char *text = jx_call_arg_utf8(call, 0);
    g_autoptr(GHashTable) args = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    g_autofree char *name = parse_command(text, args);
    GError *error = NULL;
    gboolean known = FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(commands); i++)
        if (strcmp(commands[i].name, name) == 0) {
            known = TRUE;
            commands[i].run(self, args, &error);
        }
    if (!known)
        jx_set_error(&error, JX_ERROR_INVALID, "未知命令“%s”", "unknown command '%s'", name, name);
    if (error != NULL) {
        g_autofree char *message = jx_error_text(error, JX_LANG_EN);
        fprintf(stderr, "jixiao: %s\n", message);
        g_error_free(error);
    }
    if (g_strcmp0(g_hash_table_lookup(args, "stay"), "1") != 0)
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

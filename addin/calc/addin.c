/*
 * addin.c: XAddIn and the function interface in binary UNO.
 *
 * Calc finds the functions by introspecting org.jixiao.calc.XFunctions,
 * asks XAddIn for their names and descriptions (once with the UI locale,
 * once with en-US), and then calls a method per cell.  Every call goes
 * through call_function: arguments become JxCellValues, the table's C
 * function computes, and the result becomes an any (#N/A for void) or an
 * IllegalArgumentException (Err:502).  Nothing here knows a domain rule.
 */
#include "calc/addin.h"

#include <string.h>

#include "calc/functions.h"
#include "uno/any.h"
#include "uno/sequence.h"
#include "uno/types.h"
#include "uno/ustring.h"

typedef struct {
    JxUnoObject base;
    gint lang;          /* JxLang, set by XLocalizable::setLocale */
    rtl_uString *locale[3]; /* Language, Country, Variant as last set */
} AddIn;

/* --- XAddIn: names and descriptions from the table ---------------------- */

static JxLang lang_of(JxUnoObject *self)
{
    return (JxLang)g_atomic_int_get(&((AddIn *)self)->lang);
}

static const JxFunctionSpec *spec_arg(JxUnoCall *call)
{
    g_autofree char *method = jx_call_arg_utf8(call, 0);
    return jx_function_by_method(method);
}

/* The visible argument at position n (Calc counts from 0). */
static const JxArgSpec *arg_spec(JxUnoCall *call)
{
    const JxFunctionSpec *spec = spec_arg(call);
    sal_Int32 n = *(sal_Int32 *)call->args[1];
    return spec && n >= 0 && n < spec->n_args ? &spec->args[n] : NULL;
}

static void get_programmatic_function_name(JxUnoObject *self, JxUnoCall *call)
{
    g_autofree char *display = jx_call_arg_utf8(call, 0);
    const JxFunctionSpec *spec = jx_function_by_display(display);
    jx_call_return_string(call, spec ? spec->method : "");
}

static void get_display_function_name(JxUnoObject *self, JxUnoCall *call)
{
    const JxFunctionSpec *spec = spec_arg(call);
    jx_call_return_string(call, spec ? spec->display : "");
}

static void get_function_description(JxUnoObject *self, JxUnoCall *call)
{
    const JxFunctionSpec *spec = spec_arg(call);
    jx_call_return_string(call, spec ? spec->description[lang_of(self)] : "");
}

static void get_display_argument_name(JxUnoObject *self, JxUnoCall *call)
{
    const JxArgSpec *arg = arg_spec(call);
    jx_call_return_string(call, arg ? arg->display[lang_of(self)] : "");
}

static void get_argument_description(JxUnoObject *self, JxUnoCall *call)
{
    const JxArgSpec *arg = arg_spec(call);
    jx_call_return_string(call, arg ? arg->description[lang_of(self)] : "");
}

static void get_programmatic_category_name(JxUnoObject *self, JxUnoCall *call)
{
    jx_call_return_string(call, "Add-In");
}

static void get_display_category_name(JxUnoObject *self, JxUnoCall *call)
{
    jx_call_return_string(call, lang_of(self) == JX_LANG_ZH ? "插件" : "Add-In");
}

static void get_service_name(JxUnoObject *self, JxUnoCall *call)
{
    jx_call_return_string(call, JX_ADDIN_SERVICE);
}

/* com.sun.star.lang.Locale is { string Language; string Country; string Variant; } */
static void set_locale(JxUnoObject *self, JxUnoCall *call)
{
    AddIn *addin = (AddIn *)self;
    rtl_uString **locale = call->args[0];
    g_autofree char *language = jx_ustr_to_utf8(locale[0]);
    for (int i = 0; i < 3; i++) {
        rtl_uString_acquire(locale[i]);
        if (addin->locale[i] != NULL)
            rtl_uString_release(addin->locale[i]);
        addin->locale[i] = locale[i];
    }
    g_atomic_int_set(&addin->lang, jx_lang_from_code(language));
}

static void get_locale(JxUnoObject *self, JxUnoCall *call)
{
    AddIn *addin = (AddIn *)self;
    rtl_uString **result = call->result;
    for (int i = 0; i < 3; i++) {
        result[i] = addin->locale[i];
        if (result[i] != NULL)
            rtl_uString_acquire(result[i]);
        else
            rtl_uString_new(&result[i]);
    }
}

/* --- the functions -------------------------------------------------------- */

/* Keeps the UTF-8 copies of argument texts alive for one call. */
typedef struct {
    GPtrArray *texts;
    GPtrArray *ranges;
} ArgStorage;

static void read_any(const uno_Any *any, JxCellValue *value, ArgStorage *storage);

/* A [][]any (a cell range) as a row-major RANGE value. */
static void read_range(uno_Sequence *rows, JxCellValue *value, ArgStorage *storage)
{
    gsize n_rows = rows ? (gsize)rows->nElements : 0, n_cols = 0;
    for (gsize r = 0; r < n_rows; r++)
        n_cols = MAX(n_cols, (gsize)JX_SEQ_ELEMENT(rows, uno_Sequence *, r)->nElements);
    JxCellValue *cells = g_new0(JxCellValue, n_rows * n_cols + 1);
    g_ptr_array_add(storage->ranges, cells);
    for (gsize r = 0; r < n_rows; r++) {
        uno_Sequence *row = JX_SEQ_ELEMENT(rows, uno_Sequence *, r);
        for (gsize c = 0; c < (gsize)row->nElements; c++) {
            const uno_Any *cell = &JX_SEQ_ELEMENT(row, uno_Any, c);
            if (cell->pType->eTypeClass == typelib_TypeClass_SEQUENCE)
                continue;   /* a nested range inside a range: not a cell */
            read_any(cell, &cells[r * n_cols + c], storage);
            /* Calc passes an error cell of a range as void (empty ones as "") */
            if (jx_any_is_void(cell))
                cells[r * n_cols + c].kind = JX_CELL_ERROR;
        }
    }
    value->kind = JX_CELL_RANGE;
    value->rows = n_rows;
    value->cols = n_cols;
    value->cells = cells;
}

static void read_any(const uno_Any *any, JxCellValue *value, ArgStorage *storage)
{
    char *text;
    uno_Sequence *seq;
    memset(value, 0, sizeof *value);
    if (jx_any_get_double(any, &value->number)) {
        value->kind = JX_CELL_NUMBER;
    } else if ((text = jx_any_get_utf8(any)) != NULL) {
        g_ptr_array_add(storage->texts, text);
        value->kind = JX_CELL_TEXT;
        value->text = text;
    } else if ((seq = jx_any_get_sequence(any)) != NULL &&
               any->pType->eTypeClass == typelib_TypeClass_SEQUENCE) {
        g_autofree char *type = jx_type_name(any->pType);
        if (strcmp(type, "[][]any") == 0)
            read_range(seq, value, storage);
    }
}

static void return_result(JxUnoObject *self, JxUnoCall *call, JxCellResult *result)
{
    uno_Any *any = call->result;
    switch (result->kind) {
    case JX_RESULT_NUMBER:
        jx_any_construct_double(any, result->number);
        break;
    case JX_RESULT_TEXT:
        jx_any_construct_string(any, result->text);
        break;
    case JX_RESULT_NOT_AVAILABLE:
        jx_any_construct_void(any);
        break;
    case JX_RESULT_ERROR: {
        g_autofree char *text = jx_error_text(result->error, lang_of(self));
        jx_call_raise(call, "com.sun.star.lang.IllegalArgumentException", text);
        break;
    }
    }
}

static void call_function(JxUnoObject *self, JxUnoCall *call)
{
    const typelib_InterfaceMemberTypeDescription *member =
        (const typelib_InterfaceMemberTypeDescription *)call->member;
    g_autofree char *method = jx_ustr_to_utf8(member->pMemberName);
    const JxFunctionSpec *spec = jx_function_by_method(method);
    if (spec == NULL) {
        jx_call_raise(call, "com.sun.star.uno.RuntimeException", "unknown Jixiao function");
        return;
    }
    ArgStorage storage = { g_ptr_array_new_with_free_func(g_free),
                           g_ptr_array_new_with_free_func(g_free) };
    JxCellValue args[JX_MAX_ARGS] = { 0 };
    for (int i = 0; i < spec->n_args; i++) {
        if (spec->args[i].type == JX_ARG_RANGE)
            read_range(*(uno_Sequence **)call->args[i], &args[i], &storage);
        else
            read_any(call->args[i], &args[i], &storage);
    }
    JxFunctionContext context = { lang_of(self) };
    JxCellResult result;
    jx_function_call(spec, &context, args, &result);
    return_result(self, call, &result);
    jx_result_clear(&result);
    g_ptr_array_free(storage.texts, TRUE);
    g_ptr_array_free(storage.ranges, TRUE);
}

/* --- the class ------------------------------------------------------------ */

static const char *const addin_services[] = {
    "com.sun.star.sheet.AddIn", JX_ADDIN_SERVICE, NULL,
};

static const char *const addin_interfaces[] = {
    JX_FUNCTIONS_INTERFACE,
    "com.sun.star.sheet.XAddIn",
    "com.sun.star.lang.XServiceName",
    "com.sun.star.lang.XServiceInfo",
    "com.sun.star.lang.XTypeProvider",
    NULL,
};

static const JxUnoMethodEntry addin_fixed_methods[] = {
    { "com.sun.star.sheet.XAddIn::getProgrammaticFuntionName", get_programmatic_function_name },
    { "com.sun.star.sheet.XAddIn::getDisplayFunctionName", get_display_function_name },
    { "com.sun.star.sheet.XAddIn::getFunctionDescription", get_function_description },
    { "com.sun.star.sheet.XAddIn::getDisplayArgumentName", get_display_argument_name },
    { "com.sun.star.sheet.XAddIn::getArgumentDescription", get_argument_description },
    { "com.sun.star.sheet.XAddIn::getProgrammaticCategoryName", get_programmatic_category_name },
    { "com.sun.star.sheet.XAddIn::getDisplayCategoryName", get_display_category_name },
    { "com.sun.star.lang.XLocalizable::setLocale", set_locale },
    { "com.sun.star.lang.XLocalizable::getLocale", get_locale },
    { "com.sun.star.lang.XServiceName::getServiceName", get_service_name },
};

/* The fixed methods plus one entry per function of the table. */
static gpointer build_methods(gpointer unused)
{
    gsize n_functions, n_fixed = G_N_ELEMENTS(addin_fixed_methods);
    const JxFunctionSpec *specs = jx_functions(&n_functions);
    JxUnoMethodEntry *methods = g_new0(JxUnoMethodEntry, n_fixed + n_functions + 1);
    memcpy(methods, addin_fixed_methods, sizeof addin_fixed_methods);
    for (gsize i = 0; i < n_functions; i++) {
        methods[n_fixed + i].member = g_strconcat(JX_FUNCTIONS_INTERFACE "::", specs[i].method, NULL);
        methods[n_fixed + i].method = call_function;
    }
    return methods;
}

static void addin_finalize(JxUnoObject *self)
{
    AddIn *addin = (AddIn *)self;
    for (int i = 0; i < 3; i++)
        if (addin->locale[i] != NULL)
            rtl_uString_release(addin->locale[i]);
}

static JxUnoClass addin_class = {
    .implementation_name = JX_ADDIN_IMPLEMENTATION,
    .service_names = addin_services,
    .interfaces = addin_interfaces,
    .finalize = addin_finalize,
};

static JxUnoObject *addin_construct(uno_Interface *context, uno_Sequence *arguments,
                                    char **error_text)
{
    static GOnce methods_once = G_ONCE_INIT;
    addin_class.methods = g_once(&methods_once, build_methods, NULL);
    AddIn *addin = jx_object_new(&addin_class, sizeof(AddIn));
    addin->lang = JX_LANG_ZH;
    return &addin->base;
}

const JxImplementation jx_addin_implementation = { &addin_class, addin_construct };

/*
 * functions.h: the table of Jixiao's Calc functions.
 *
 * One row per function: its programmatic name (the IDL method), the name
 * people type (JX.SCORE), descriptions and arguments in zh-CN and en-US, and
 * the C function that computes it.  The table drives XAddIn's names and
 * descriptions, the dispatcher, the generated IDL (tools/gen-functions) and
 * the README's function reference, so these cannot disagree.
 */
#ifndef JX_CALC_FUNCTIONS_H
#define JX_CALC_FUNCTIONS_H

#include <glib.h>

#include "calc/cell_value.h"
#include "core/error.h"

#define JX_MAX_ARGS 6

typedef enum {
    JX_ARG_VALUE,  /* one cell or value: number or text (IDL any) */
    JX_ARG_RANGE,  /* a range of mixed cells (IDL sequence<sequence<any>>) */
} JxArgType;

typedef struct {
    const char *name;           /* IDL parameter name */
    JxArgType type;
    gboolean optional;
    const char *display[2];     /* indexed by JxLang: zh, en */
    const char *description[2];
} JxArgSpec;

typedef struct {
    JxLang lang;                /* the office UI language (for JX.CHECK) */
} JxFunctionContext;

typedef void (*JxFunctionImpl)(const JxFunctionContext *context,
                               const JxCellValue *args, JxCellResult *result);

typedef struct {
    const char *method;         /* programmatic name, IDL method */
    const char *display;        /* what people type: "JX.SCORE" */
    const char *description[2];
    int n_args;
    JxArgSpec args[JX_MAX_ARGS];
    JxFunctionImpl impl;
    const char *example;        /* for the README: =JX.SCORE(10;"≥300人次";"280人次") */
} JxFunctionSpec;

/* The table, n entries. */
const JxFunctionSpec *jx_functions(gsize *n);

/* The row for a programmatic or display name (display names compare
 * case-insensitively), or NULL. */
const JxFunctionSpec *jx_function_by_method(const char *method);
const JxFunctionSpec *jx_function_by_display(const char *display);

/* Runs spec on args (n_args values; missing optional ones EMPTY). */
void jx_function_call(const JxFunctionSpec *spec, const JxFunctionContext *context,
                      const JxCellValue *args, JxCellResult *result);

#endif

/*
 * gen_docs.c: prints what Jixiao's C tables imply elsewhere, so nothing is
 * written twice by hand:
 *   gen-docs idl        the UNO IDL of org.jixiao.calc.XFunctions (function table)
 *   gen-docs functions  the README's function reference (function table)
 *   gen-docs findings   the README's list of finding codes (findings.c)
 * `make regen` writes them; `make check` fails if the files drift.
 */
#include <stdio.h>
#include <string.h>

#include "calc/functions.h"
#include "core/findings.h"

static void print_idl(void)
{
    gsize n;
    const JxFunctionSpec *specs = jx_functions(&n);
    printf("/* Generated from addin/calc/functions.c by tools/gen_functions.c: do not edit. */\n\n");
    printf("module org { module jixiao { module calc {\n\n");
    printf("/* Jixiao's Calc functions; every argument is optional to Calc (any) and\n"
           "   checked by the add-in, so a missing input shows #N/A, not Err:504. */\n");
    printf("interface XFunctions : com::sun::star::uno::XInterface\n{\n");
    for (gsize i = 0; i < n; i++) {
        printf("    /* %s: %s */\n", specs[i].display, specs[i].description[JX_LANG_EN]);
        printf("    any %s(", specs[i].method);
        for (int a = 0; a < specs[i].n_args; a++)
            printf("%s[in] %s %s", a ? ", " : "",
                   specs[i].args[a].type == JX_ARG_RANGE ? "sequence< sequence< any > >" : "any",
                   specs[i].args[a].name);
        printf(");\n");
    }
    printf("};\n\n}; }; };\n");
}

static void print_markdown(void)
{
    gsize n;
    const JxFunctionSpec *specs = jx_functions(&n);
    printf("<!-- generated from addin/calc/functions.c by `make regen`: do not edit -->\n");
    for (gsize i = 0; i < n; i++) {
        const JxFunctionSpec *f = &specs[i];
        printf("\n#### `%s(", f->display);
        for (int a = 0; a < f->n_args; a++)
            printf("%s%s%s%s", a ? "; " : "", f->args[a].optional ? "[" : "",
                   f->args[a].display[JX_LANG_EN], f->args[a].optional ? "]" : "");
        printf(")`\n\n%s  \n%s\n\n", f->description[JX_LANG_ZH], f->description[JX_LANG_EN]);
        printf("| argument | 参数 | meaning |\n|---|---|---|\n");
        for (int a = 0; a < f->n_args; a++)
            printf("| %s%s | %s | %s |\n", f->args[a].display[JX_LANG_EN],
                   f->args[a].optional ? " (optional)" : "",
                   f->args[a].display[JX_LANG_ZH], f->args[a].description[JX_LANG_EN]);
        printf("\nExample: `%s`\n", f->example);
    }
}

static void print_findings(void)
{
    gsize n;
    const JxFindingKind *kinds = jx_finding_kinds(&n);
    printf("<!-- generated from addin/core/findings.c by `make regen`: do not edit -->\n");
    printf("| code | severity | 说明 | meaning | 处理 | what to do |\n|---|---|---|---|---|---|\n");
    for (gsize i = 0; i < n; i++)
        printf("| `%s` | %s | %s | %s | %s | %s |\n", kinds[i].code, jx_severity_name(kinds[i].severity, JX_LANG_EN),
               kinds[i].summary[JX_LANG_ZH], kinds[i].summary[JX_LANG_EN], kinds[i].fix[JX_LANG_ZH],
               kinds[i].fix[JX_LANG_EN]);
}

static const struct { const char *name; void (*print)(void); } outputs[] = {
    { "idl", print_idl },
    { "functions", print_markdown },
    { "findings", print_findings },
};

int main(int argc, char **argv)
{
    for (gsize i = 0; argc == 2 && i < G_N_ELEMENTS(outputs); i++)
        if (strcmp(argv[1], outputs[i].name) == 0) {
            outputs[i].print();
            return 0;
        }
    fprintf(stderr, "usage: %s idl|functions|findings\n", argv[0]);
    return 2;
}

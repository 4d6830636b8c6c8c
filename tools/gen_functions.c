/*
 * gen_functions.c: prints what the function table (addin/calc/functions.c)
 * implies elsewhere, so nothing is written twice by hand:
 *   gen-functions idl        the UNO IDL of org.jixiao.calc.XFunctions
 *   gen-functions markdown   the README's function reference
 * `make regen` writes both; `make check` fails if the files drift.
 */
#include <stdio.h>
#include <string.h>

#include "calc/functions.h"

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

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "idl") == 0)
        print_idl();
    else if (argc == 2 && strcmp(argv[1], "markdown") == 0)
        print_markdown();
    else {
        fprintf(stderr, "usage: %s idl|markdown\n", argv[0]);
        return 2;
    }
    return 0;
}

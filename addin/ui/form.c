/*
 * form.c: matching a workbook to one of the known schemas, and the one
 * message for a spreadsheet that is none of them.
 */
#include "ui/form.h"

#include <string.h>

static gboolean has_sheet(const char *name, const char *const *sheet_names, gsize n)
{
    for (gsize j = 0; j < n; j++)
        if (sheet_names[j] != NULL && strcmp(sheet_names[j], name) == 0)
            return TRUE;
    return FALSE;
}

/* How many of the schema's required sheets there are, and how many of them
 * the workbook has. */
static void count_sheets(const JxSchema *schema, const char *const *sheet_names, gsize n, int *required,
                         int *present)
{
    *required = *present = 0;
    for (guint i = 0; i < schema->sheets->len; i++) {
        const JxSheetSpec *spec = g_ptr_array_index(schema->sheets, i);
        if (spec->required) {
            (*required)++;
            *present += has_sheet(spec->name, sheet_names, n);
        }
    }
}

gboolean jx_form_recognised(const JxSchema *schema, const char *const *sheet_names, gsize n)
{
    int required, present;
    count_sheets(schema, sheet_names, n, &required, &present);
    return required == 0 || 2 * present >= required;
}

int jx_form_pick(const JxSchema *const *schemas, gsize n_schemas, const char *declared,
                 const char *const *sheet_names, gsize n)
{
    for (gsize i = 0; declared && declared[0] && i < n_schemas; i++)
        if (g_strcmp0(schemas[i]->id, declared) == 0)
            return (int)i;
    int best = -1, best_required = 1, best_present = 0;
    for (gsize i = 0; i < n_schemas; i++) {
        int required, present;
        count_sheets(schemas[i], sheet_names, n, &required, &present);
        if (required == 0 || 2 * present < required)
            continue;
        /* present/required against the best so far, without division; then more sheets present */
        long share = (long)present * best_required, best_share = (long)best_present * required;
        if (best < 0 || share > best_share || (share == best_share && present > best_present)) {
            best = (int)i;
            best_required = required;
            best_present = present;
        }
    }
    return best;
}

/* "甲表、丙表": the schema's required sheets the workbook lacks. */
static char *missing_sheets(const JxSchema *schema, const char *const *sheet_names, gsize n, JxLang lang)
{
    GString *missing = g_string_new(NULL);
    for (guint i = 0; i < schema->sheets->len; i++) {
        const JxSheetSpec *spec = g_ptr_array_index(schema->sheets, i);
        if (spec->required && !has_sheet(spec->name, sheet_names, n))
            g_string_append_printf(missing, "%s%s", missing->len ? (lang == JX_LANG_ZH ? "、" : ", ") : "",
                                   spec->name);
    }
    return g_string_free(missing, FALSE);
}

/* The way to the standard workbook, by way and language; {path} is its path. */
static const char *const ways[][2] = {
    [JX_FORM_WAY_PANEL_BUTTON] = {
        "标准工作簿随绩效自评助手安装：单击“打开标准工作簿”，另存后填写。",
        "it comes with Jixiao. Click Open the standard workbook and save it under a name of yours.",
    },
    [JX_FORM_WAY_PATH] = {
        "标准工作簿随绩效自评助手安装，位于 {path}：复制一份，填写后再运行。",
        "it comes with Jixiao, at {path}. Copy it, fill it in and run again.",
    },
    [JX_FORM_WAY_BUREAU] = {
        "标准工作簿与方案一同由财政部门下发。",
        "the finance bureau sends it together with the schema.",
    },
};

char *jx_form_message(const JxSchema *const *schemas, gsize n_schemas, const char *declared,
                      const char *const *sheet_names, gsize n, JxFormWay way, const char *standard_path,
                      JxLang lang)
{
    GString *out = g_string_new(NULL);
    for (gsize i = 0; i < n_schemas; i++) {
        g_autofree char *missing = missing_sheets(schemas[i], sheet_names, n, lang);
        const char *title = jx_text_get(&schemas[i]->title, lang);
        if (lang == JX_LANG_ZH)
            g_string_append_printf(out, "%s“%s”工作簿（缺少工作表：%s）", i ? "，也不是" : "这不是", title, missing);
        else
            g_string_append_printf(out, "%s %s workbook (it lacks the sheets %s)", i ? ", nor a" : "This is not a",
                                   title, missing);
    }
    g_autoptr(GString) forward = g_string_new(ways[way][lang]);
    g_string_replace(forward, "{path}", standard_path ? standard_path : "", 1);
    if (lang == JX_LANG_ZH) {
        g_string_append(out, "，所以没有校验。");
        if (declared && declared[0])
            g_string_append_printf(out, "工作簿声明的方案“%s”没有安装。", declared);
        g_string_append_printf(out, "请在标准工作簿中填报。%s", forward->str);
    } else {
        g_string_append(out, ", so it was not validated. ");
        if (declared && declared[0])
            g_string_append_printf(out, "It names the schema %s, which is not installed. ", declared);
        g_string_append_printf(out, "Fill in the standard workbook: %s", forward->str);
    }
    return g_string_free(out, FALSE);
}

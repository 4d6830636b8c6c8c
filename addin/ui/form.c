/*
 * form.c: recognising the schema's workbook by its required sheets.
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

gboolean jx_form_recognised(const JxSchema *schema, const char *const *sheet_names, gsize n)
{
    int required = 0, present = 0;
    for (guint i = 0; i < schema->sheets->len; i++) {
        const JxSheetSpec *spec = g_ptr_array_index(schema->sheets, i);
        if (spec->required) {
            required++;
            present += has_sheet(spec->name, sheet_names, n);
        }
    }
    return required == 0 || 2 * present >= required;
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

char *jx_form_message(const JxSchema *schema, const char *const *sheet_names, gsize n, JxFormWay way,
                      const char *standard_path, JxLang lang)
{
    GString *missing = g_string_new(NULL);
    for (guint i = 0; i < schema->sheets->len; i++) {
        const JxSheetSpec *spec = g_ptr_array_index(schema->sheets, i);
        if (spec->required && !has_sheet(spec->name, sheet_names, n))
            g_string_append_printf(missing, "%s%s", missing->len ? (lang == JX_LANG_ZH ? "、" : ", ") : "",
                                   spec->name);
    }
    const char *title = jx_text_get(&schema->title, lang);
    g_autoptr(GString) forward = g_string_new(ways[way][lang]);
    g_string_replace(forward, "{path}", standard_path ? standard_path : "", 1);
    char *message;
    if (lang == JX_LANG_ZH)
        message = g_strdup_printf("这不是“%s”工作簿（缺少工作表：%s），所以没有校验。请在标准工作簿中填报。%s",
                                  title, missing->str, forward->str);
    else
        message = g_strdup_printf("This is not a %s workbook (it lacks the sheets %s), so it was not "
                                  "validated. Fill in the standard workbook: %s",
                                  title, missing->str, forward->str);
    g_string_free(missing, TRUE);
    return message;
}

/*
 * findings_json.c: serialising findings with cJSON.
 */
#include "core/findings_json.h"

#include <cjson/cJSON.h>

#include "core/findings.h"
#include "core/schema.h"

static char *cell_name(int row, int col)
{
    g_autofree char *letters = jx_column_letters(col);
    return g_strdup_printf("%s%d", letters, row + 1);
}

char *jx_findings_to_json(const GPtrArray *findings, const JxWorkbook *workbook,
                          const char *source, const char *schema_id, const char *failure)
{
    cJSON *root = cJSON_CreateObject();
    int errors, warnings, notes;
    jx_findings_count(findings, &errors, &warnings, &notes);
    cJSON_AddStringToObject(root, "source", source ? source : "");
    cJSON_AddStringToObject(root, "schema", schema_id ? schema_id : "");
    if (failure != NULL)
        cJSON_AddStringToObject(root, "failure", failure);
    cJSON_AddNumberToObject(root, "errors", errors);
    cJSON_AddNumberToObject(root, "warnings", warnings);
    cJSON_AddNumberToObject(root, "notes", notes);
    cJSON *list = cJSON_AddArrayToObject(root, "findings");
    for (guint i = 0; findings && i < findings->len; i++) {
        const JxFinding *f = g_ptr_array_index(findings, i);
        cJSON *item = cJSON_CreateObject();
        cJSON_AddStringToObject(item, "code", f->kind->code);
        cJSON_AddStringToObject(item, "severity", jx_severity_name(f->severity, JX_LANG_EN));
        if (f->sheet >= 0 && workbook && (guint)f->sheet < workbook->sheets->len) {
            const JxSheet *sheet = g_ptr_array_index(workbook->sheets, (guint)f->sheet);
            g_autofree char *first = cell_name(f->row, f->col);
            g_autofree char *last = cell_name(f->row2, f->col2);
            g_autofree char *range = g_strcmp0(first, last) == 0 ? g_strdup(first)
                                                                 : g_strdup_printf("%s:%s", first, last);
            cJSON_AddStringToObject(item, "sheet", sheet->name);
            cJSON_AddStringToObject(item, "cell", range);
        }
        cJSON *message = cJSON_AddObjectToObject(item, "message");
        cJSON_AddStringToObject(message, "zh", f->text[JX_LANG_ZH]);
        cJSON_AddStringToObject(message, "en", f->text[JX_LANG_EN]);
        cJSON *fix = cJSON_AddObjectToObject(item, "fix");
        cJSON_AddStringToObject(fix, "zh", f->kind->fix[JX_LANG_ZH]);
        cJSON_AddStringToObject(fix, "en", f->kind->fix[JX_LANG_EN]);
        if (f->check)
            cJSON_AddStringToObject(item, "check", f->check);
        cJSON_AddItemToArray(list, item);
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    char *result = g_strdup(text);
    cJSON_free(text);
    return result;
}

/*
 * model_json.c: serialising a model with cJSON.
 */
#include "core/model_json.h"

#include <cjson/cJSON.h>

static cJSON *value_json(const JxModel *model, const JxValue *v)
{
    cJSON *item = cJSON_CreateObject();
    if (v->cell == NULL || v->sheet < 0) {
        cJSON_AddNullToObject(item, "value");
        cJSON_AddNullToObject(item, "cell");
        return item;
    }
    switch (v->cell->kind) {
    case JX_GRID_NUMBER:
        cJSON_AddNumberToObject(item, "value", v->cell->number);
        break;
    case JX_GRID_TEXT:
        cJSON_AddStringToObject(item, "value", v->cell->text);
        break;
    case JX_GRID_ERROR:
        cJSON_AddNullToObject(item, "value");
        cJSON_AddTrueToObject(item, "error");
        break;
    default:
        cJSON_AddNullToObject(item, "value");
    }
    if (v->cell->formula)
        cJSON_AddStringToObject(item, "formula", v->cell->formula);
    g_autofree char *address = jx_value_address(model, v);
    cJSON_AddStringToObject(item, "cell", address);
    return item;
}

char *jx_model_to_json(const JxModel *model)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "source", model->workbook->source);
    cJSON_AddStringToObject(root, "schema", model->schema->id ? model->schema->id : "");
    cJSON *fields = cJSON_AddObjectToObject(root, "fields");
    for (guint i = 0; i < model->schema->fields->len; i++) {
        const JxFieldSpec *f = g_ptr_array_index(model->schema->fields, i);
        cJSON_AddItemToObject(fields, f->id, value_json(model, &model->fields[i]));
    }
    cJSON *tables = cJSON_AddObjectToObject(root, "tables");
    for (guint t = 0; t < model->schema->tables->len; t++) {
        const JxTableData *td = &model->tables[t];
        cJSON *rows = cJSON_AddArrayToObject(tables, td->spec->id);
        for (guint r = 0; td->located && r < td->rows->len; r++) {
            const JxTableRow *row = &g_array_index(td->rows, JxTableRow, r);
            cJSON *item = cJSON_CreateObject();
            for (guint c = 0; c < td->spec->columns->len; c++) {
                const JxColumnSpec *col = g_ptr_array_index(td->spec->columns, c);
                cJSON_AddItemToObject(item, col->id, value_json(model, &row->cells[c]));
            }
            if (row->group_parent >= 0)
                cJSON_AddNumberToObject(item, "_group_parent", row->group_parent);
            cJSON_AddItemToArray(rows, item);
        }
    }
    char *text = cJSON_Print(root);
    char *result = g_strdup(text);
    cJSON_free(text);
    cJSON_Delete(root);
    return result;
}

/*
 * binding.c: bindings and their JSON.  The JSON comes back from a document
 * the author may have edited anywhere (or a document made to look like a
 * report): every member is checked, and what does not read is an error, not
 * a guess.
 */
#include "core/binding.h"

#include <cjson/cJSON.h>
#include <string.h>

#include "core/error.h"

#define FORMAT_NAME "jixiao-bindings"
#define FORMAT_VERSION 1
#define MAX_BINDINGS 200000   /* far above any report's figures (the budget allows 1 000 000 characters) */

JxBinding *jx_binding_new(void)
{
    JxBinding *b = g_new0(JxBinding, 1);
    b->occurrence = 1;
    return b;
}

void jx_binding_free(gpointer data)
{
    JxBinding *b = data;
    if (b == NULL)
        return;
    g_free(b->id);
    g_free(b->field);
    g_free(b->table);
    g_free(b->column);
    g_free(b->row);
    g_free(b->cell);
    g_free(b->text);
    g_free(b->kept);
    g_free(b);
}

char *jx_binding_source(const JxBinding *b)
{
    if (b->field != NULL)
        return g_strdup(b->field);
    if (b->occurrence > 1)
        return g_strdup_printf("%s[%s#%d].%s", b->table, b->row, b->occurrence, b->column);
    return g_strdup_printf("%s[%s].%s", b->table, b->row, b->column);
}

char *jx_bindings_to_json(const GPtrArray *bindings, const char *schema_id, const char *workbook)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "format", FORMAT_NAME);
    cJSON_AddNumberToObject(root, "version", FORMAT_VERSION);
    if (schema_id != NULL)
        cJSON_AddStringToObject(root, "schema", schema_id);
    if (workbook != NULL)
        cJSON_AddStringToObject(root, "workbook", workbook);
    cJSON *figures = cJSON_AddArrayToObject(root, "figures");
    for (guint i = 0; bindings && i < bindings->len; i++) {
        const JxBinding *b = g_ptr_array_index(bindings, i);
        cJSON *f = cJSON_CreateObject();
        cJSON_AddStringToObject(f, "id", b->id);
        if (b->field != NULL) {
            cJSON_AddStringToObject(f, "field", b->field);
        } else {
            cJSON_AddStringToObject(f, "table", b->table);
            cJSON_AddStringToObject(f, "row", b->row);
            if (b->occurrence > 1)
                cJSON_AddNumberToObject(f, "n", b->occurrence);
            cJSON_AddStringToObject(f, "column", b->column);
        }
        cJSON_AddStringToObject(f, "format", jx_format_name(b->format));
        cJSON_AddStringToObject(f, "cell", b->cell ? b->cell : "");
        cJSON_AddStringToObject(f, "text", b->text ? b->text : "");
        if (b->placeholder)
            cJSON_AddBoolToObject(f, "placeholder", TRUE);
        if (b->ends_sentence)
            cJSON_AddBoolToObject(f, "end", TRUE);
        if (b->optional)
            cJSON_AddBoolToObject(f, "optional", TRUE);
        if (b->kept != NULL)
            cJSON_AddStringToObject(f, "kept", b->kept);
        cJSON_AddItemToArray(figures, f);
    }
    char *json = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    char *out = g_strdup(json);
    cJSON_free(json);
    return out;
}

/* obj.key as a string: NULL when absent; FALSE when present and not a string. */
static gboolean member_text(const cJSON *obj, const char *key, char **out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = NULL;
    if (v == NULL)
        return TRUE;
    if (!cJSON_IsString(v))
        return FALSE;
    *out = g_strdup(v->valuestring);
    return TRUE;
}

/* One figure; NULL (and why, in *why) when it does not read. */
static JxBinding *binding_of(const cJSON *f, const char **why)
{
    if (!cJSON_IsObject(f)) {
        *why = "not an object";
        return NULL;
    }
    JxBinding *b = jx_binding_new();
    char *format = NULL;
    gboolean ok = member_text(f, "id", &b->id) && member_text(f, "field", &b->field) &&
                  member_text(f, "table", &b->table) && member_text(f, "column", &b->column) &&
                  member_text(f, "row", &b->row) && member_text(f, "cell", &b->cell) &&
                  member_text(f, "text", &b->text) && member_text(f, "kept", &b->kept) &&
                  member_text(f, "format", &format);
    *why = "a member is not a text";
    if (ok && (b->id == NULL || !g_str_has_prefix(b->id, JX_BINDING_PREFIX))) {
        ok = FALSE;
        *why = "no id " JX_BINDING_PREFIX "…";
    }
    if (ok && b->field == NULL && (b->table == NULL || b->column == NULL || b->row == NULL)) {
        ok = FALSE;
        *why = "neither a field nor a table, row and column";
    }
    if (ok && (format == NULL || !jx_format_from_name(format, &b->format))) {
        ok = FALSE;
        *why = "an unknown format";
    }
    const cJSON *n = cJSON_GetObjectItemCaseSensitive(f, "n");
    if (ok && n != NULL) {
        ok = cJSON_IsNumber(n) && n->valuedouble >= 1 && n->valuedouble <= 1e6;
        b->occurrence = ok ? (int)n->valuedouble : 1;
        *why = "a row number that is not one";
    }
    b->placeholder = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(f, "placeholder"));
    b->ends_sentence = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(f, "end"));
    b->optional = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(f, "optional"));
    if (b->text == NULL)
        b->text = g_strdup("");
    if (b->cell == NULL)
        b->cell = g_strdup("");
    g_free(format);
    if (!ok) {
        jx_binding_free(b);
        return NULL;
    }
    return b;
}

static void not_bindings(GError **error, const char *why)
{
    jx_set_error(error, JX_ERROR_INVALID, "文档中记录的数字来源（%s）无法读取：%s",
                 "the figures' sources recorded in the document (%s) cannot be read: %s",
                 JX_BINDINGS_PROPERTY, why);
}

GPtrArray *jx_bindings_from_json(const char *json, char **schema_id, char **workbook, GError **error)
{
    if (schema_id)
        *schema_id = NULL;
    if (workbook)
        *workbook = NULL;
    cJSON *root = cJSON_Parse(json ? json : "");
    const cJSON *format = cJSON_GetObjectItemCaseSensitive(root, "format");
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "version");
    const cJSON *figures = cJSON_GetObjectItemCaseSensitive(root, "figures");
    if (root == NULL || !cJSON_IsString(format) || strcmp(format->valuestring, FORMAT_NAME) != 0 ||
        !cJSON_IsArray(figures)) {
        not_bindings(error, "not JSON of format " FORMAT_NAME);
        cJSON_Delete(root);
        return NULL;
    }
    if (!cJSON_IsNumber(version) || version->valuedouble != FORMAT_VERSION) {
        not_bindings(error, "a version this Jixiao does not read");
        cJSON_Delete(root);
        return NULL;
    }
    if (cJSON_GetArraySize(figures) > MAX_BINDINGS) {
        not_bindings(error, "too many figures");
        cJSON_Delete(root);
        return NULL;
    }
    GPtrArray *out = g_ptr_array_new_with_free_func(jx_binding_free);
    GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
    int i = 0;
    for (const cJSON *f = figures->child; f; f = f->next, i++) {
        const char *why = NULL;
        JxBinding *b = binding_of(f, &why);
        if (b != NULL && g_hash_table_contains(ids, b->id)) {
            why = "an id given twice";
            jx_binding_free(b);
            b = NULL;
        }
        if (b == NULL) {
            g_autofree char *where = g_strdup_printf("figures[%d]: %s", i, why);
            not_bindings(error, where);
            g_hash_table_destroy(ids);
            g_ptr_array_free(out, TRUE);
            cJSON_Delete(root);
            return NULL;
        }
        g_hash_table_add(ids, b->id);
        g_ptr_array_add(out, b);
    }
    g_hash_table_destroy(ids);
    if (schema_id && cJSON_IsString(cJSON_GetObjectItemCaseSensitive(root, "schema")))
        *schema_id = g_strdup(cJSON_GetObjectItemCaseSensitive(root, "schema")->valuestring);
    if (workbook && cJSON_IsString(cJSON_GetObjectItemCaseSensitive(root, "workbook")))
        *workbook = g_strdup(cJSON_GetObjectItemCaseSensitive(root, "workbook")->valuestring);
    cJSON_Delete(root);
    return out;
}

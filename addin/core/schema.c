/*
 * schema.c: loading and checking a schema file.
 *
 * The loader walks the JSON once, building the C structures and recording
 * every problem with its JSON path instead of stopping at the first: a
 * bureau fixing its schema wants the whole list.  Which keys an object may
 * have, of which JSON type, and which are required, is data (the KeySpec
 * tables below), not code.  After the walk, references are resolved and
 * cycles among sums and computed values are looked for.
 */
#include "core/schema.h"

#include <cjson/cJSON.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "core/json_path.h"
#include "core/units.h"

/* --- problems --------------------------------------------------------------- */

typedef struct {
    JxSchema *schema;
    GPtrArray *problems;   /* JxSchemaProblem* */
} Loader;

static void problem(Loader *l, const char *path, const char *zh_format,
                    const char *en_format, ...) JX_PRINTF_PAIR(3, 5);

static void problem(Loader *l, const char *path, const char *zh_format,
                    const char *en_format, ...)
{
    char *texts[2];
    va_list args;
    va_start(args, en_format);
    jx_texts_vprintf(texts, zh_format, en_format, args);
    va_end(args);
    g_ptr_array_add(l->problems, jx_schema_problem_new(path, texts[JX_LANG_ZH], texts[JX_LANG_EN]));
}

JxSchemaProblem *jx_schema_problem_new(const char *path, char *zh, char *en)
{
    JxSchemaProblem *p = g_new0(JxSchemaProblem, 1);
    p->path = g_strdup(path);
    p->zh = zh;
    p->en = en;
    return p;
}

/* A problem saying what a core error says. */
static void problem_error(Loader *l, const char *path, const GError *error)
{
    g_ptr_array_add(l->problems, jx_schema_problem_new(path, jx_error_text(error, JX_LANG_ZH),
                                                       jx_error_text(error, JX_LANG_EN)));
}

/* A problem whose texts are already formatted (taken over). */
static void problem_text(Loader *l, const char *path, char *zh, char *en)
{
    g_ptr_array_add(l->problems, jx_schema_problem_new(path, zh, en));
}

void jx_schema_problem_free(gpointer data)
{
    JxSchemaProblem *p = data;
    if (p == NULL)
        return;
    g_free(p->path);
    g_free(p->zh);
    g_free(p->en);
    g_free(p);
}

/* $.fields["a.b"] */
static char *path_key(const char *parent, const char *key)
{
    return jx_json_path_key(parent, key);
}

static char *path_index(const char *parent, int index)
{
    return jx_json_path_index(parent, index);
}

/* --- key tables ------------------------------------------------------------ */

enum { T_STRING = 1, T_NUMBER = 2, T_BOOL = 4, T_OBJECT = 8, T_ARRAY = 16 };

typedef struct {
    const char *key;
    int types;           /* T_* bits allowed */
    gboolean required;
} KeySpec;

static const KeySpec top_keys[] = {
    { "format", T_STRING, TRUE }, { "version", T_NUMBER, TRUE }, { "id", T_STRING, TRUE },
    { "title", T_OBJECT, TRUE }, { "settings", T_OBJECT, FALSE }, { "sheets", T_OBJECT, TRUE },
    { "fields", T_OBJECT, TRUE }, { "tables", T_OBJECT, FALSE }, { "checks", T_ARRAY, FALSE },
    { "report", T_OBJECT, FALSE }, { "description", T_STRING | T_OBJECT, FALSE },
    { "summary", T_ARRAY, FALSE }, { NULL, 0, FALSE },
};
static const KeySpec text_keys[] = {
    { "zh", T_STRING, TRUE }, { "en", T_STRING, TRUE }, { NULL, 0, FALSE },
};
static const KeySpec settings_keys[] = {
    { "amount_unit", T_STRING, FALSE }, { "amount_decimals", T_NUMBER, FALSE },
    { "precision", T_NUMBER, FALSE }, { "note_limit", T_NUMBER, FALSE },
    { "compute_mode", T_STRING, FALSE }, { "scoring", T_OBJECT, FALSE }, { NULL, 0, FALSE },
};
static const KeySpec sheet_keys[] = {
    { "name", T_STRING, TRUE }, { "required", T_BOOL, FALSE }, { NULL, 0, FALSE },
};
static const KeySpec field_keys[] = {
    { "label", T_OBJECT, TRUE }, { "sheet", T_STRING, TRUE }, { "at", T_OBJECT, TRUE },
    { "type", T_STRING, TRUE }, { "unit", T_STRING, FALSE }, { "required", T_BOOL, FALSE },
    { "role", T_STRING, FALSE }, { "compute", T_OBJECT, FALSE }, { "note", T_STRING, FALSE },
    { NULL, 0, FALSE },
};
static const KeySpec at_keys[] = {
    { "cell", T_STRING, FALSE }, { "named", T_STRING, FALSE }, { "label", T_STRING, FALSE },
    { "label_column", T_STRING, FALSE }, { "value_column", T_STRING, FALSE }, { NULL, 0, FALSE },
};
static const KeySpec table_keys[] = {
    { "label", T_OBJECT, TRUE }, { "sheet", T_STRING, TRUE }, { "header", T_OBJECT, TRUE },
    { "end", T_OBJECT, FALSE }, { "columns", T_OBJECT, TRUE }, { "key", T_STRING, FALSE },
    { "groups", T_OBJECT, FALSE }, { "defined_by", T_ARRAY, FALSE }, { "roles", T_OBJECT, FALSE },
    { "note", T_STRING, FALSE }, { NULL, 0, FALSE },
};
static const KeySpec header_keys[] = {
    { "label", T_STRING, TRUE }, { "label_column", T_STRING, TRUE }, { NULL, 0, FALSE },
};
static const KeySpec end_keys[] = {
    { "labels", T_ARRAY, FALSE }, { "prefixes", T_ARRAY, FALSE }, { "named", T_STRING, FALSE },
    { "blank_rows", T_NUMBER, FALSE }, { "max_rows", T_NUMBER, FALSE }, { NULL, 0, FALSE },
};
static const KeySpec role_keys[] = {
    { "label", T_OBJECT, TRUE }, { "names", T_ARRAY, FALSE }, { "where", T_ARRAY, FALSE },
    { "amount", T_STRING, FALSE }, { "note", T_STRING, FALSE }, { NULL, 0, FALSE },
};
static const KeySpec column_keys[] = {
    { "label", T_OBJECT, FALSE }, { "header", T_STRING, FALSE }, { "column", T_STRING, FALSE },
    { "type", T_STRING, TRUE }, { "unit", T_STRING, FALSE }, { "required", T_BOOL, FALSE },
    { "role", T_STRING, FALSE }, { "compute", T_OBJECT, FALSE }, { "note", T_STRING, FALSE },
    { NULL, 0, FALSE },
};
static const KeySpec summary_keys[] = {
    { "key", T_STRING, TRUE }, { "label", T_OBJECT, TRUE }, { "field", T_STRING, TRUE },
    { NULL, 0, FALSE },
};
static const KeySpec groups_keys[] = {
    { "column", T_STRING, TRUE }, { "rule", T_STRING, TRUE }, { NULL, 0, FALSE },
};
static const KeySpec check_keys[] = {
    { "id", T_STRING, TRUE }, { "kind", T_STRING, TRUE }, { "label", T_OBJECT, FALSE },
    { "total", T_STRING | T_NUMBER, FALSE }, { "parts", T_ARRAY, FALSE }, { "refs", T_ARRAY, FALSE },
    { "precision", T_NUMBER, FALSE }, { "table", T_STRING, FALSE }, { "column", T_STRING, FALSE },
    { "columns", T_OBJECT, FALSE }, { "budget", T_STRING, FALSE }, { "executed", T_STRING, FALSE },
    { "explanation", T_STRING, FALSE }, { "value", T_STRING, FALSE }, { "limit", T_STRING | T_NUMBER, FALSE },
    { "note", T_STRING, FALSE }, { NULL, 0, FALSE },
};

static const char *type_word(int types)
{
    if (types & T_OBJECT) return "an object";
    if (types & T_ARRAY) return "an array";
    if ((types & T_STRING) && (types & T_NUMBER)) return "a string or a number";
    if (types & T_STRING) return "a string";
    if (types & T_NUMBER) return "a number";
    return "true or false";
}

static const char *type_word_zh(int types)
{
    if (types & T_OBJECT) return "对象";
    if (types & T_ARRAY) return "数组";
    if ((types & T_STRING) && (types & T_NUMBER)) return "字符串或数值";
    if (types & T_STRING) return "字符串";
    if (types & T_NUMBER) return "数值";
    return "true 或 false";
}

static int json_type(const cJSON *item)
{
    if (cJSON_IsString(item)) return T_STRING;
    if (cJSON_IsNumber(item)) return T_NUMBER;
    if (cJSON_IsBool(item)) return T_BOOL;
    if (cJSON_IsObject(item)) return T_OBJECT;
    if (cJSON_IsArray(item)) return T_ARRAY;
    return 0;
}

/* Reports unknown, duplicate, missing and mistyped keys.  FALSE if obj is
 * not an object at all. */
static gboolean check_object(Loader *l, const cJSON *obj, const char *path,
                             const KeySpec *keys)
{
    if (!cJSON_IsObject(obj)) {
        problem(l, path, "应为对象", "must be an object");
        return FALSE;
    }
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (const cJSON *item = obj->child; item; item = item->next) {
        g_autofree char *p = path_key(path, item->string);
        const KeySpec *spec = NULL;
        for (const KeySpec *k = keys; k->key; k++)
            if (strcmp(k->key, item->string) == 0)
                spec = k;
        if (g_hash_table_contains(seen, item->string))
            problem(l, p, "键重复", "duplicate key");
        g_hash_table_add(seen, item->string);
        if (spec == NULL)
            problem(l, p, "未知的键“%s”", "unknown key '%s'", item->string);
        else if (!(json_type(item) & spec->types))
            problem_text(l, p, g_strconcat("应为", type_word_zh(spec->types), NULL),
                         g_strconcat("must be ", type_word(spec->types), NULL));
    }
    for (const KeySpec *k = keys; k->key; k++)
        if (k->required && !cJSON_HasObjectItem(obj, k->key)) {
            g_autofree char *p = path_key(path, k->key);
            problem(l, p, "缺少必需的键", "required key is missing");
        }
    return TRUE;
}

/* The item if present and of the right type (check_object reported otherwise). */
static const cJSON *item_of(const cJSON *obj, const char *key, int types)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    return item && (json_type(item) & types) ? item : NULL;
}

static char *string_of(const cJSON *obj, const char *key)
{
    const cJSON *item = item_of(obj, key, T_STRING);
    return item ? g_strdup(item->valuestring) : NULL;
}

static gboolean bool_of(const cJSON *obj, const char *key, gboolean fallback)
{
    const cJSON *item = item_of(obj, key, T_BOOL);
    return item ? cJSON_IsTrue(item) : fallback;
}

static double number_of(const cJSON *obj, const char *key, double fallback)
{
    const cJSON *item = item_of(obj, key, T_NUMBER);
    return item ? item->valuedouble : fallback;
}

/* An integer key within [low, high]. */
static int integer_of(Loader *l, const cJSON *obj, const char *key, const char *path,
                      int low, int high, int fallback)
{
    const cJSON *item = item_of(obj, key, T_NUMBER);
    if (item == NULL)
        return fallback;
    double v = item->valuedouble;
    if (v != floor(v) || v < low || v > high) {
        g_autofree char *p = path_key(path, key);
        problem(l, p, "应为 %d 到 %d 之间的整数", "must be a whole number from %d to %d", low, high);
        return fallback;
    }
    return (int)v;
}

static void read_text(Loader *l, const cJSON *obj, const char *path, JxText *text)
{
    if (obj == NULL)
        return;
    if (!check_object(l, obj, path, text_keys))
        return;
    text->zh = string_of(obj, "zh");
    text->en = string_of(obj, "en");
}

/* A name from a small vocabulary, or -1 with a problem. */
static int enum_of(Loader *l, const cJSON *obj, const char *key, const char *path,
                   const char *const *names, int fallback)
{
    const cJSON *item = item_of(obj, key, T_STRING);
    if (item == NULL)
        return fallback;
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], item->valuestring) == 0)
            return i;
    g_autofree char *p = path_key(path, key);
    g_autofree char *list = g_strjoinv(", ", (char **)names);
    problem(l, p, "“%s”不是可用的值（可用：%s）", "'%s' is not one of: %s",
            item->valuestring, list);
    return fallback;
}

/* A column letter key ("A") as an index, or -1 with a problem. */
static int column_key(Loader *l, const cJSON *obj, const char *key, const char *path)
{
    const cJSON *item = item_of(obj, key, T_STRING);
    if (item == NULL)
        return -1;
    int col = jx_column_from_letters(item->valuestring);
    if (col < 0 || col > JX_LAST_COLUMN) {
        g_autofree char *p = path_key(path, key);
        problem(l, p, "“%s”不是列号（如 A、B、AA）", "'%s' is not a column such as A, B, AA",
                item->valuestring);
        return -1;
    }
    return col;
}

/* --- references ------------------------------------------------------------ */

static void ref_free(JxRef *ref)
{
    if (ref == NULL)
        return;
    g_free(ref->text);
    g_free(ref->table);
    g_free(ref->name);
    g_free(ref->match_column);
    g_free(ref->match_value);
    g_free(ref->role);
    g_free(ref);
}

static gboolean is_identifier(const char *s, gsize n)
{
    if (n == 0)
        return FALSE;
    for (gsize i = 0; i < n; i++)
        if (!(g_ascii_isalnum(s[i]) || s[i] == '_' || s[i] == '.' || s[i] == '-'))
            return FALSE;
    return TRUE;
}

/* Parses "name", "table[col=value].col2" or "table[*].col2". */
static JxRef *parse_ref(Loader *l, const cJSON *item, const char *path)
{
    JxRef *ref = g_new0(JxRef, 1);
    if (cJSON_IsNumber(item)) {
        ref->is_constant = TRUE;
        ref->constant = item->valuedouble;
        ref->text = g_strdup_printf("%g", item->valuedouble);
        return ref;
    }
    if (!cJSON_IsString(item)) {
        problem(l, path, "应为引用（字符串）或数值", "must be a reference (a string) or a number");
        ref_free(ref);
        return NULL;
    }
    const char *s = item->valuestring;
    ref->text = g_strdup(s);
    const char *open = strchr(s, '[');
    if (open == NULL) {
        if (!is_identifier(s, strlen(s)))
            goto bad;
        ref->name = g_strdup(s);
        return ref;
    }
    const char *close = strchr(open, ']');
    if (close == NULL || close[1] != '.' || !is_identifier(s, (gsize)(open - s)) ||
        !is_identifier(close + 2, strlen(close + 2)))
        goto bad;
    ref->table = g_strndup(s, (gsize)(open - s));
    ref->name = g_strdup(close + 2);
    if (close - open == 2 && open[1] == '*') {
        ref->all_rows = TRUE;
        return ref;
    }
    if (open[1] == '@') {
        if (!is_identifier(open + 2, (gsize)(close - open - 2)))
            goto bad;
        ref->role = g_strndup(open + 2, (gsize)(close - open - 2));
        return ref;
    }
    const char *equals = memchr(open, '=', (gsize)(close - open));
    if (equals == NULL || !is_identifier(open + 1, (gsize)(equals - open - 1)) || equals + 1 == close)
        goto bad;
    ref->match_column = g_strndup(open + 1, (gsize)(equals - open - 1));
    ref->match_value = g_strndup(equals + 1, (gsize)(close - equals - 1));
    return ref;
bad:
    problem(l, path, "引用“%s”格式不对（应为 字段、表[列=值].列、表[@角色].列 或 表[*].列）",
            "reference '%s' is malformed (expected field, table[column=value].column, table[@role].column "
            "or table[*].column)", s);
    ref_free(ref);
    return NULL;
}

static GPtrArray *parse_ref_list(Loader *l, const cJSON *array, const char *path)
{
    GPtrArray *refs = g_ptr_array_new_with_free_func((GDestroyNotify)ref_free);
    int i = 0;
    for (const cJSON *item = array ? array->child : NULL; item; item = item->next, i++) {
        g_autofree char *p = path_index(path, i);
        JxRef *ref = parse_ref(l, item, p);
        if (ref)
            g_ptr_array_add(refs, ref);
    }
    return refs;
}

/* --- compute --------------------------------------------------------------- */

typedef struct {
    const char *name;
    JxComputeKind kind;
    const char *args[JX_COMPUTE_MAX_ARGS];   /* "?x" = optional */
    gboolean has_parts;
    int where;                               /* ANYWHERE, FIELDS_ONLY or COLUMNS_ONLY */
} ComputeSpec;

enum { ANYWHERE, FIELDS_ONLY, COLUMNS_ONLY };

static const ComputeSpec compute_specs[] = {
    { "execution_rate", JX_COMPUTE_EXECUTION_RATE, { "budget", "executed" }, FALSE, ANYWHERE },
    { "execution_points", JX_COMPUTE_EXECUTION_POINTS, { "weight", "budget", "executed" }, FALSE, ANYWHERE },
    { "total_score", JX_COMPUTE_TOTAL_SCORE, { NULL }, TRUE, FIELDS_ONLY },
    { "grade", JX_COMPUTE_GRADE, { "total" }, FALSE, ANYWHERE },
    { "sum", JX_COMPUTE_SUM, { NULL }, TRUE, ANYWHERE },
    { "ratio", JX_COMPUTE_RATIO, { "numerator", "denominator" }, FALSE, ANYWHERE },
    { "indicator_score", JX_COMPUTE_INDICATOR_SCORE,
      { "weight", "target", "actual", "?band", "?entered" }, FALSE, COLUMNS_ONLY },
    { "indicator_completion", JX_COMPUTE_INDICATOR_COMPLETION, { "target", "actual" }, FALSE, COLUMNS_ONLY },
    { "group_sum", JX_COMPUTE_GROUP_SUM, { "column" }, FALSE, COLUMNS_ONLY },
};

static void compute_free(JxCompute *c)
{
    if (c == NULL)
        return;
    for (int i = 0; i < c->n_args; i++)
        ref_free(c->args[i]);
    if (c->parts)
        g_ptr_array_free(c->parts, TRUE);
    g_free(c);
}

static JxCompute *parse_compute(Loader *l, const cJSON *obj, const char *path, gboolean in_table)
{
    if (!cJSON_IsObject(obj)) {
        problem(l, path, "应为对象", "must be an object");
        return NULL;
    }
    const cJSON *kind = item_of(obj, "kind", T_STRING);
    const ComputeSpec *spec = NULL;
    for (gsize i = 0; kind && i < G_N_ELEMENTS(compute_specs); i++)
        if (strcmp(compute_specs[i].name, kind->valuestring) == 0)
            spec = &compute_specs[i];
    g_autofree char *kind_path = path_key(path, "kind");
    if (spec == NULL) {
        problem(l, kind_path, "未知的计算类型“%s”", "unknown compute kind '%s'",
                kind ? kind->valuestring : "");
        return NULL;
    }
    if ((spec->where == FIELDS_ONLY && in_table) || (spec->where == COLUMNS_ONLY && !in_table))
        problem(l, kind_path, in_table ? "“%s”只能用于字段" : "“%s”只能用于表的列",
                in_table ? "'%s' applies to fields only" : "'%s' applies to table columns only",
                spec->name);
    JxCompute *c = g_new0(JxCompute, 1);
    c->kind = spec->kind;
    for (const cJSON *item = obj->child; item; item = item->next) {
        gboolean known = strcmp(item->string, "kind") == 0 ||
                         (spec->has_parts && strcmp(item->string, "parts") == 0);
        for (int a = 0; a < JX_COMPUTE_MAX_ARGS && spec->args[a]; a++) {
            const char *name = spec->args[a][0] == '?' ? spec->args[a] + 1 : spec->args[a];
            known = known || strcmp(name, item->string) == 0;
        }
        if (!known) {
            g_autofree char *p = path_key(path, item->string);
            problem(l, p, "“%s”计算没有参数“%s”", "compute kind '%s' has no argument '%s'",
                    spec->name, item->string);
        }
    }
    for (int a = 0; a < JX_COMPUTE_MAX_ARGS && spec->args[a]; a++) {
        gboolean optional = spec->args[a][0] == '?';
        const char *name = optional ? spec->args[a] + 1 : spec->args[a];
        const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, name);
        g_autofree char *p = path_key(path, name);
        c->arg_names[a] = name;
        c->n_args = a + 1;
        if (item == NULL) {
            if (!optional)
                problem(l, p, "缺少必需的参数", "required argument is missing");
            continue;
        }
        c->args[a] = parse_ref(l, item, p);
    }
    if (spec->has_parts) {
        const cJSON *parts = item_of(obj, "parts", T_ARRAY);
        g_autofree char *p = path_key(path, "parts");
        if (parts == NULL)
            problem(l, p, "缺少“parts”数组", "the 'parts' array is missing");
        c->parts = parse_ref_list(l, parts, p);
    }
    return c;
}

/* --- fields and columns ---------------------------------------------------- */

static const char *const type_names[] = {
    "text", "number", "integer", "amount", "percent", "quantity", "band", "date", NULL,
};
static const char *const role_names[] = { "input", "computed", "fixed", NULL };

/* type, unit, required, role and compute: shared by fields and columns. */
static void read_value_spec(Loader *l, const cJSON *obj, const char *path, gboolean in_table,
                            JxValueType *type, char **unit, gboolean *required,
                            JxRole *role, JxCompute **compute)
{
    *type = (JxValueType)enum_of(l, obj, "type", path, type_names, JX_TYPE_TEXT);
    *unit = string_of(obj, "unit");
    if (*unit != NULL && jx_unit_lookup(*unit) == NULL) {
        g_autofree char *p = path_key(path, "unit");
        problem(l, p, "未知单位“%s”", "unknown unit '%s'", *unit);
    }
    *required = bool_of(obj, "required", FALSE);
    *role = (JxRole)enum_of(l, obj, "role", path, role_names, JX_ROLE_INPUT);
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(obj, "compute");
    g_autofree char *cpath = path_key(path, "compute");
    if (cJSON_IsObject(c))   /* another type is reported by check_object */
        *compute = parse_compute(l, c, cpath, in_table);
    if (*role == JX_ROLE_COMPUTED && c == NULL)
        problem(l, cpath, "计算单元格缺少“compute”", "a computed value needs 'compute'");
    if (*role != JX_ROLE_COMPUTED && c != NULL)
        problem(l, cpath, "只有 role 为 computed 时才能有“compute”",
                "'compute' is only allowed with role 'computed'");
    if (*role == JX_ROLE_COMPUTED && *required) {
        g_autofree char *p = path_key(path, "required");
        problem(l, p, "计算单元格不能是必填项", "a computed value cannot be required");
    }
}

static void field_free(JxFieldSpec *f)
{
    g_free(f->id);
    g_free(f->label.zh);
    g_free(f->label.en);
    g_free(f->sheet);
    g_free(f->at.name);
    g_free(f->at.label);
    g_free(f->unit);
    compute_free(f->compute);
    g_free(f);
}

static void read_locator(Loader *l, const cJSON *obj, const char *path, JxLocator *at)
{
    if (!check_object(l, obj, path, at_keys))
        return;
    const cJSON *cell = item_of(obj, "cell", T_STRING);
    const cJSON *named = item_of(obj, "named", T_STRING);
    const cJSON *label = item_of(obj, "label", T_STRING);
    int ways = (cell != NULL) + (named != NULL) + (label != NULL);
    if (ways != 1) {
        problem(l, path, "应恰好给出 cell、named、label 之一",
                "give exactly one of 'cell', 'named' or 'label'");
        return;
    }
    if (cell != NULL) {
        at->kind = JX_AT_CELL;
        if (!jx_cell_from_a1(cell->valuestring, &at->row, &at->col)) {
            g_autofree char *p = path_key(path, "cell");
            problem(l, p, "“%s”不是单元格地址（如 C5）", "'%s' is not a cell address such as C5",
                    cell->valuestring);
        }
    } else if (named != NULL) {
        at->kind = JX_AT_NAMED;
        at->name = g_strdup(named->valuestring);
    } else {
        at->kind = JX_AT_LABEL;
        at->label = g_strdup(label->valuestring);
        at->label_col = column_key(l, obj, "label_column", path);
        at->value_col = column_key(l, obj, "value_column", path);
        if (!cJSON_HasObjectItem(obj, "label_column") || !cJSON_HasObjectItem(obj, "value_column"))
            problem(l, path, "按标签定位需要 label_column 和 value_column",
                    "a label needs 'label_column' and 'value_column'");
    }
    if (at->kind != JX_AT_LABEL &&
        (cJSON_HasObjectItem(obj, "label_column") || cJSON_HasObjectItem(obj, "value_column")))
        problem(l, path, "label_column、value_column 只用于按标签定位",
                "'label_column' and 'value_column' go with 'label' only");
}

static void read_fields(Loader *l, const cJSON *fields)
{
    for (const cJSON *item = fields ? fields->child : NULL; item; item = item->next) {
        g_autofree char *path = path_key("$.fields", item->string);
        if (!check_object(l, item, path, field_keys))
            continue;
        JxFieldSpec *f = g_new0(JxFieldSpec, 1);
        f->id = g_strdup(item->string);
        g_autofree char *label_path = path_key(path, "label");
        read_text(l, item_of(item, "label", T_OBJECT), label_path, &f->label);
        f->sheet = string_of(item, "sheet");
        const cJSON *at = item_of(item, "at", T_OBJECT);
        g_autofree char *at_path = path_key(path, "at");
        if (at)
            read_locator(l, at, at_path, &f->at);
        read_value_spec(l, item, path, FALSE, &f->type, &f->unit, &f->required, &f->role,
                        &f->compute);
        if (g_hash_table_contains(l->schema->field_index, f->id)) {
            problem(l, path, "字段编号重复", "duplicate field id");
            field_free(f);
            continue;
        }
        g_ptr_array_add(l->schema->fields, f);
        g_hash_table_insert(l->schema->field_index, f->id, f);
    }
}

/* --- tables ---------------------------------------------------------------- */

static void column_free(JxColumnSpec *c)
{
    g_free(c->id);
    g_free(c->label.zh);
    g_free(c->label.en);
    g_free(c->header);
    g_free(c->unit);
    compute_free(c->compute);
    g_free(c);
}

static void table_free(JxTableSpec *t)
{
    g_free(t->id);
    g_free(t->label.zh);
    g_free(t->label.en);
    g_free(t->sheet);
    g_free(t->header_label);
    if (t->end_labels)
        g_ptr_array_free(t->end_labels, TRUE);
    if (t->end_prefixes)
        g_ptr_array_free(t->end_prefixes, TRUE);
    g_free(t->end_named);
    if (t->columns)
        g_ptr_array_free(t->columns, TRUE);
    if (t->defined_by)
        g_array_free(t->defined_by, TRUE);
    if (t->roles)
        g_ptr_array_free(t->roles, TRUE);
    g_free(t->key);
    g_free(t->group_column);
    g_free(t);
}

static void read_columns(Loader *l, const cJSON *columns, const char *path, JxTableSpec *t)
{
    for (const cJSON *item = columns ? columns->child : NULL; item; item = item->next) {
        g_autofree char *p = path_key(path, item->string);
        if (!check_object(l, item, p, column_keys))
            continue;
        if (jx_table_column(t, item->string) != NULL) {
            problem(l, p, "列编号重复", "duplicate column id");
            continue;
        }
        JxColumnSpec *c = g_new0(JxColumnSpec, 1);
        c->id = g_strdup(item->string);
        g_autofree char *label_path = path_key(p, "label");
        read_text(l, item_of(item, "label", T_OBJECT), label_path, &c->label);
        c->header = string_of(item, "header");
        c->column = column_key(l, item, "column", p);
        if ((c->header != NULL) == cJSON_HasObjectItem(item, "column"))
            problem(l, p, "应恰好给出 header 或 column 之一",
                    "give exactly one of 'header' or 'column'");
        read_value_spec(l, item, p, TRUE, &c->type, &c->unit, &c->required, &c->role,
                        &c->compute);
        g_ptr_array_add(t->columns, c);
    }
}

/* An array of strings under key, appended to out. */
static void read_strings(Loader *l, const cJSON *obj, const char *key, const char *path, GPtrArray *out)
{
    const cJSON *array = item_of(obj, key, T_ARRAY);
    g_autofree char *array_path = path_key(path, key);
    int i = 0;
    for (const cJSON *e = array ? array->child : NULL; e; e = e->next, i++) {
        if (cJSON_IsString(e)) {
            g_ptr_array_add(out, g_strdup(e->valuestring));
        } else {
            g_autofree char *p = path_index(array_path, i);
            problem(l, p, "应为字符串", "must be a string");
        }
    }
}

/* A column id of table t at path, or a problem. */
static gboolean known_column(Loader *l, const JxTableSpec *t, const char *id, const char *path)
{
    if (jx_table_column(t, id) != NULL)
        return TRUE;
    problem(l, path, "没有名为“%s”的列", "there is no column '%s'", id);
    return FALSE;
}

static void read_defined_by(Loader *l, const cJSON *table, const char *path, JxTableSpec *t)
{
    if (item_of(table, "defined_by", T_ARRAY) == NULL)
        return;
    g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func(g_free);
    read_strings(l, table, "defined_by", path, ids);
    g_autofree char *list_path = path_key(path, "defined_by");
    t->defined_by = g_array_new(FALSE, FALSE, sizeof(int));
    for (guint i = 0; i < ids->len; i++) {
        g_autofree char *p = path_index(list_path, (int)i);
        if (known_column(l, t, g_ptr_array_index(ids, i), p)) {
            int index = jx_table_column_index(t, g_ptr_array_index(ids, i));
            g_array_append_val(t->defined_by, index);
        }
    }
    if (t->defined_by->len == 0)
        problem(l, list_path, "至少需要一列", "needs at least one column");
}

static void role_free(JxRoleSpec *r)
{
    g_free(r->id);
    g_free(r->label.zh);
    g_free(r->label.en);
    g_ptr_array_free(r->names, TRUE);
    for (guint i = 0; i < r->where->len; i++) {
        g_free(g_array_index(r->where, JxRowCondition, i).column);
        g_free(g_array_index(r->where, JxRowCondition, i).value);
    }
    g_array_free(r->where, TRUE);
    g_free(r->amount);
    g_free(r);
}

static void read_roles(Loader *l, const cJSON *roles, const char *path, JxTableSpec *t)
{
    for (const cJSON *item = roles ? roles->child : NULL; item; item = item->next) {
        g_autofree char *p = path_key(path, item->string);
        if (!check_object(l, item, p, role_keys))
            continue;
        if (!is_identifier(item->string, strlen(item->string)))
            problem(l, p, "角色名只能含字母、数字、_、-、.", "a role id may hold letters, digits, _, - and . only");
        JxRoleSpec *r = g_new0(JxRoleSpec, 1);
        r->id = g_strdup(item->string);
        r->names = g_ptr_array_new_with_free_func(g_free);
        r->where = g_array_new(FALSE, FALSE, sizeof(JxRowCondition));
        g_autofree char *label_path = path_key(p, "label");
        read_text(l, item_of(item, "label", T_OBJECT), label_path, &r->label);
        read_strings(l, item, "names", p, r->names);
        g_autoptr(GPtrArray) where = g_ptr_array_new_with_free_func(g_free);
        read_strings(l, item, "where", p, where);
        g_autofree char *where_path = path_key(p, "where");
        for (guint i = 0; i < where->len; i++) {
            const char *text = g_ptr_array_index(where, i);
            const char *equals = strchr(text, '=');
            g_autofree char *wp = path_index(where_path, (int)i);
            if (equals == NULL || equals == text || equals[1] == '\0') {
                problem(l, wp, "“%s”应为“列=值”", "'%s' must read column=value", text);
                continue;
            }
            JxRowCondition c = { g_strndup(text, (gsize)(equals - text)), g_strdup(equals + 1) };
            g_array_append_val(r->where, c);
            known_column(l, t, c.column, wp);
        }
        r->amount = string_of(item, "amount");
        g_autofree char *amount_path = path_key(p, "amount");
        if (r->amount)
            known_column(l, t, r->amount, amount_path);
        if (r->names->len == 0 && r->where->len == 0 && r->amount == NULL)
            problem(l, p, "角色需要 names、where 或 amount", "a role needs 'names', 'where' or 'amount'");
        if (r->names->len > 0 && t->key == NULL)
            problem(l, p, "按名称找行需要表的 key", "finding a row by its names needs the table's 'key'");
        g_ptr_array_add(t->roles, r);
    }
}

static void read_tables(Loader *l, const cJSON *tables)
{
    for (const cJSON *item = tables ? tables->child : NULL; item; item = item->next) {
        g_autofree char *path = path_key("$.tables", item->string);
        if (!check_object(l, item, path, table_keys))
            continue;
        JxTableSpec *t = g_new0(JxTableSpec, 1);
        t->id = g_strdup(item->string);
        t->columns = g_ptr_array_new_with_free_func((GDestroyNotify)column_free);
        t->end_labels = g_ptr_array_new_with_free_func(g_free);
        t->end_prefixes = g_ptr_array_new_with_free_func(g_free);
        t->roles = g_ptr_array_new_with_free_func((GDestroyNotify)role_free);
        t->max_rows = JX_TABLE_MAX_ROWS;
        t->header_label_col = 0;
        g_autofree char *label_path = path_key(path, "label");
        read_text(l, item_of(item, "label", T_OBJECT), label_path, &t->label);
        t->sheet = string_of(item, "sheet");

        const cJSON *header = item_of(item, "header", T_OBJECT);
        g_autofree char *header_path = path_key(path, "header");
        if (header && check_object(l, header, header_path, header_keys)) {
            t->header_label = string_of(header, "label");
            t->header_label_col = MAX(0, column_key(l, header, "label_column", header_path));
        }
        const cJSON *end = item_of(item, "end", T_OBJECT);
        g_autofree char *end_path = path_key(path, "end");
        if (end && check_object(l, end, end_path, end_keys)) {
            read_strings(l, end, "labels", end_path, t->end_labels);
            read_strings(l, end, "prefixes", end_path, t->end_prefixes);
            t->end_named = string_of(end, "named");
            t->end_blank_rows = integer_of(l, end, "blank_rows", end_path, 1, 1000, 0);
            t->max_rows = integer_of(l, end, "max_rows", end_path, 1, JX_TABLE_MAX_ROWS_LIMIT, JX_TABLE_MAX_ROWS);
        }
        g_autofree char *columns_path = path_key(path, "columns");
        read_columns(l, item_of(item, "columns", T_OBJECT), columns_path, t);
        t->key = string_of(item, "key");
        read_defined_by(l, item, path, t);
        g_autofree char *roles_path = path_key(path, "roles");
        read_roles(l, item_of(item, "roles", T_OBJECT), roles_path, t);
        if (t->key && jx_table_column(t, t->key) == NULL) {
            g_autofree char *p = path_key(path, "key");
            problem(l, p, "没有名为“%s”的列", "there is no column '%s'", t->key);
        }
        const cJSON *groups = item_of(item, "groups", T_OBJECT);
        g_autofree char *groups_path = path_key(path, "groups");
        if (groups && check_object(l, groups, groups_path, groups_keys)) {
            static const char *const rules[] = { "prefix", NULL };
            enum_of(l, groups, "rule", groups_path, rules, 0);
            t->group_column = string_of(groups, "column");
            if (t->group_column && jx_table_column(t, t->group_column) == NULL) {
                g_autofree char *p = path_key(groups_path, "column");
                problem(l, p, "没有名为“%s”的列", "there is no column '%s'", t->group_column);
            }
        }
        if (g_hash_table_contains(l->schema->table_index, t->id) ||
            g_hash_table_contains(l->schema->field_index, t->id)) {
            problem(l, path, "表编号与已有的表或字段重复", "table id repeats a table or field id");
            table_free(t);
            continue;
        }
        g_ptr_array_add(l->schema->tables, t);
        g_hash_table_insert(l->schema->table_index, t->id, t);
    }
}

/* --- checks ---------------------------------------------------------------- */

static const char *const check_kind_names[] = {
    "sum", "group_sums", "same", "indicators", "weights", "execution", "non_negative", "at_most", NULL,
};

/* Keys each check kind uses beyond id, kind, label and note ("?x":
 * optional).  weights and non_negative take refs/parts, or a table and
 * its column: read_checks knows that. */
#define CHECK_KEYS_MAX 5

static const char *const check_kind_keys[][CHECK_KEYS_MAX] = {
    [JX_CHECK_SUM] = { "total", "parts", "?precision" },
    [JX_CHECK_GROUP_SUMS] = { "table", "column", "?precision" },
    [JX_CHECK_SAME] = { "refs" },
    [JX_CHECK_INDICATORS] = { "table", "columns" },
    [JX_CHECK_WEIGHTS] = { "?total", "parts", "table", "column" },
    [JX_CHECK_EXECUTION] = { "budget", "executed", "?explanation" },
    [JX_CHECK_NON_NEGATIVE] = { "refs", "table", "column" },
    [JX_CHECK_AT_MOST] = { "value", "limit", "?explanation" },
};

/* The columns an indicators check names, by use; the rules need a target,
 * an actual and a weight. */
static const struct { const char *role; gboolean required; } indicator_roles[] = {
    { "name", FALSE }, { "target", TRUE }, { "actual", TRUE }, { "weight", TRUE },
    { "score", FALSE }, { "completion", FALSE }, { "band", FALSE }, { "deviation", FALSE },
    { "level1", FALSE }, { "level2", FALSE }, { "level3", FALSE },
};

/* A key of check_kind_keys without its optional mark. */
static const char *key_name(const char *key)
{
    return key[0] == '?' ? key + 1 : key;
}

static void check_free(JxCheckSpec *c)
{
    g_free(c->id);
    g_free(c->label.zh);
    g_free(c->label.en);
    ref_free(c->total);
    if (c->parts)
        g_ptr_array_free(c->parts, TRUE);
    g_free(c->table);
    g_free(c->column);
    if (c->columns)
        g_hash_table_unref(c->columns);
    ref_free(c->budget);
    ref_free(c->executed);
    ref_free(c->explanation);
    ref_free(c->value);
    ref_free(c->limit);
    g_free(c);
}

static JxRef *ref_key(Loader *l, const cJSON *obj, const char *key, const char *path)
{
    const cJSON *item = item_of(obj, key, T_STRING | T_NUMBER);
    if (item == NULL)
        return NULL;   /* another type is reported by check_object */
    g_autofree char *p = path_key(path, key);
    return parse_ref(l, item, p);
}

static void read_checks(Loader *l, const cJSON *checks)
{
    int i = 0;
    g_autoptr(GHashTable) ids = g_hash_table_new(g_str_hash, g_str_equal);
    for (const cJSON *item = checks ? checks->child : NULL; item; item = item->next, i++) {
        g_autofree char *path = path_index("$.checks", i);
        if (!check_object(l, item, path, check_keys))
            continue;
        int kind = enum_of(l, item, "kind", path, check_kind_names, -1);
        if (kind < 0)
            continue;
        JxCheckSpec *c = g_new0(JxCheckSpec, 1);
        c->kind = (JxCheckKind)kind;
        c->id = string_of(item, "id");
        if (c->id && g_hash_table_contains(ids, c->id)) {
            g_autofree char *p = path_key(path, "id");
            problem(l, p, "检查编号“%s”重复", "duplicate check id '%s'", c->id);
        }
        if (c->id)
            g_hash_table_add(ids, c->id);
        g_autofree char *label_path = path_key(path, "label");
        read_text(l, item_of(item, "label", T_OBJECT), label_path, &c->label);
        for (const cJSON *key = item->child; key; key = key->next) {
            gboolean used = strcmp(key->string, "id") == 0 || strcmp(key->string, "kind") == 0 ||
                            strcmp(key->string, "label") == 0 || strcmp(key->string, "note") == 0;
            for (gsize k = 0; k < CHECK_KEYS_MAX && check_kind_keys[kind][k]; k++)
                used = used || strcmp(key_name(check_kind_keys[kind][k]), key->string) == 0;
            gboolean known = FALSE;   /* unknown keys were reported by check_object */
            for (const KeySpec *k = check_keys; k->key; k++)
                known = known || strcmp(k->key, key->string) == 0;
            if (!used && known) {
                g_autofree char *p = path_key(path, key->string);
                problem(l, p, "“%s”检查不使用“%s”", "a '%s' check does not use '%s'",
                        check_kind_names[kind], key->string);
            }
        }
        for (gsize k = 0; k < CHECK_KEYS_MAX && check_kind_keys[kind][k]; k++) {
            const char *key = key_name(check_kind_keys[kind][k]);
            /* weights and non_negative take refs/parts, or a table and its column */
            gboolean either = kind == JX_CHECK_WEIGHTS || kind == JX_CHECK_NON_NEGATIVE;
            gboolean optional = check_kind_keys[kind][k][0] == '?' ||
                                (either && strcmp(key, "table") == 0) ||
                                (either && strcmp(key, "column") == 0) ||
                                (either && cJSON_HasObjectItem(item, "table"));
            if (!optional && !cJSON_HasObjectItem(item, key)) {
                g_autofree char *p = path_key(path, key);
                problem(l, p, "缺少必需的键", "required key is missing");
            }
        }
        c->total = ref_key(l, item, "total", path);
        g_autofree char *parts_path = path_key(path, "parts");
        g_autofree char *refs_path = path_key(path, "refs");
        c->parts = cJSON_HasObjectItem(item, "refs")
                       ? parse_ref_list(l, item_of(item, "refs", T_ARRAY), refs_path)
                       : parse_ref_list(l, item_of(item, "parts", T_ARRAY), parts_path);
        c->precision = number_of(item, "precision", -1);
        c->table = string_of(item, "table");
        c->column = string_of(item, "column");
        c->budget = ref_key(l, item, "budget", path);
        c->executed = ref_key(l, item, "executed", path);
        c->explanation = ref_key(l, item, "explanation", path);
        c->value = ref_key(l, item, "value", path);
        c->limit = ref_key(l, item, "limit", path);
        const cJSON *columns = item_of(item, "columns", T_OBJECT);
        if (columns != NULL) {
            c->columns = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
            g_autofree char *cp = path_key(path, "columns");
            for (const cJSON *col = columns->child; col; col = col->next) {
                g_autofree char *p = path_key(cp, col->string);
                gboolean known = FALSE;
                for (gsize r = 0; r < G_N_ELEMENTS(indicator_roles); r++)
                    known = known || strcmp(indicator_roles[r].role, col->string) == 0;
                if (!known)
                    problem(l, p, "未知的指标列用途“%s”", "unknown indicator column role '%s'",
                            col->string);
                else if (!cJSON_IsString(col))
                    problem(l, p, "应为列编号", "must be a column id");
                else
                    g_hash_table_insert(c->columns, g_strdup(col->string),
                                        g_strdup(col->valuestring));
            }
        }
        if ((kind == JX_CHECK_WEIGHTS || kind == JX_CHECK_NON_NEGATIVE) && c->table) {
            if (c->column == NULL) {
                g_autofree char *p = path_key(path, "column");
                problem(l, p, "给出 table 时也需要 column", "'table' needs 'column'");
            } else {
                JxRef *all = g_new0(JxRef, 1);
                all->table = g_strdup(c->table);
                all->name = g_strdup(c->column);
                all->all_rows = TRUE;
                all->text = g_strdup_printf("%s[*].%s", c->table, c->column);
                g_ptr_array_add(c->parts, all);
            }
        }
        if (kind == JX_CHECK_SAME && c->parts->len < 2)
            problem(l, refs_path, "至少需要两个引用", "needs at least two references");
        g_ptr_array_add(l->schema->checks, c);
    }
}

/* --- settings -------------------------------------------------------------- */

/* settings.scoring: the names of scoring.c's rule table. */
static void read_scoring(Loader *l, const cJSON *scoring, JxScoringRules *rules)
{
    if (scoring == NULL)
        return;
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (const cJSON *item = scoring->child; item; item = item->next) {
        g_autofree char *p = path_key("$.settings.scoring", item->string);
        const JxScoringRule *rule = jx_scoring_rule(item->string);
        GError *error = NULL;
        if (!g_hash_table_add(seen, item->string))
            problem(l, p, "键重复", "duplicate key");
        else if (rule == NULL)
            problem(l, p, "未知的键“%s”", "unknown key '%s'", item->string);
        else if (!cJSON_IsNumber(item))
            problem(l, p, "应为数值", "must be a number");
        else if (!jx_scoring_rule_set(rules, rule, item->valuedouble, &error))
            problem_error(l, p, error);
        g_clear_error(&error);
    }
    GError *error = NULL;
    if (!jx_scoring_rules_check(rules, &error))
        problem_error(l, "$.settings.scoring", error);
    g_clear_error(&error);
}

static void read_settings(Loader *l, const cJSON *obj)
{
    JxSettings *s = &l->schema->settings;
    s->amount_unit = g_strdup("万元");
    s->amount_decimals = 2;
    s->precision = 0.01;
    s->note_limit = 0.01;
    s->compute_mode = JX_COMPUTE_MODE_FORMULAS;
    jx_scoring_rules_init_default(&s->scoring);
    if (obj == NULL || !check_object(l, obj, "$.settings", settings_keys))
        return;
    char *unit = string_of(obj, "amount_unit");
    if (unit != NULL) {
        if (!jx_unit_is_money(unit))
            problem(l, "$.settings.amount_unit", "“%s”不是货币单位", "'%s' is not a unit of money", unit);
        g_free(s->amount_unit);
        s->amount_unit = unit;
    }
    s->amount_decimals = integer_of(l, obj, "amount_decimals", "$.settings", 0, 6, s->amount_decimals);
    s->precision = number_of(obj, "precision", s->precision);
    s->note_limit = number_of(obj, "note_limit", s->note_limit);
    if (!(s->precision >= 0 && s->precision < 1e6))
        problem(l, "$.settings.precision", "精度应为非负数", "must be a non-negative number");
    if (!(s->note_limit >= 0 && s->note_limit < 1e6))
        problem(l, "$.settings.note_limit", "应为非负数", "must be a non-negative number");
    static const char *const modes[] = { "formulas", "values", NULL };
    s->compute_mode = (JxComputeMode)enum_of(l, obj, "compute_mode", "$.settings", modes, s->compute_mode);
    read_scoring(l, item_of(obj, "scoring", T_OBJECT), &s->scoring);
}

static void read_sheets(Loader *l, const cJSON *sheets)
{
    g_autoptr(GHashTable) names = g_hash_table_new(g_str_hash, g_str_equal);
    for (const cJSON *item = sheets ? sheets->child : NULL; item; item = item->next) {
        g_autofree char *path = path_key("$.sheets", item->string);
        if (!check_object(l, item, path, sheet_keys))
            continue;
        if (g_hash_table_contains(l->schema->sheet_index, item->string)) {
            problem(l, path, "工作表编号重复", "duplicate sheet id");
            continue;
        }
        JxSheetSpec *s = g_new0(JxSheetSpec, 1);
        s->id = g_strdup(item->string);
        s->name = string_of(item, "name");
        s->required = bool_of(item, "required", TRUE);
        if (s->name && g_hash_table_contains(names, s->name)) {
            g_autofree char *p = path_key(path, "name");
            problem(l, p, "工作表名“%s”重复", "sheet name '%s' is used twice", s->name);
        }
        if (s->name)
            g_hash_table_add(names, s->name);
        g_ptr_array_add(l->schema->sheets, s);
        g_hash_table_insert(l->schema->sheet_index, s->id, s);
    }
}

/* --- the batch summary ------------------------------------------------------ */

static void summary_spec_free(JxSummarySpec *c)
{
    g_free(c->key);
    g_free(c->label.zh);
    g_free(c->label.en);
    g_free(c->field);
    g_free(c);
}

static void add_summary_spec(Loader *l, const char *key, const char *zh, const char *en, const char *field)
{
    JxSummarySpec *c = g_new0(JxSummarySpec, 1);
    c->key = g_strdup(key);
    c->label.zh = g_strdup(zh);
    c->label.en = g_strdup(en);
    c->field = g_strdup(field);
    g_ptr_array_add(l->schema->summary, c);
}

/* "summary": [{ "key", "label", "field" }, …]; without it, the total score
 * and the grade (the fields computed as such), as batch showed before. */
static void read_summary(Loader *l, const cJSON *summary)
{
    if (summary == NULL) {
        static const struct { JxComputeKind kind; const char *key, *zh, *en; } defaults[] = {
            { JX_COMPUTE_TOTAL_SCORE, "score", "总分", "Score" }, { JX_COMPUTE_GRADE, "grade", "等级", "Grade" },
        };
        for (gsize d = 0; d < G_N_ELEMENTS(defaults); d++)
            for (guint i = 0; i < l->schema->fields->len; i++) {
                const JxFieldSpec *f = g_ptr_array_index(l->schema->fields, i);
                if (f->compute && f->compute->kind == defaults[d].kind) {
                    add_summary_spec(l, defaults[d].key, defaults[d].zh, defaults[d].en, f->id);
                    break;
                }
            }
        return;
    }
    g_autoptr(GHashTable) keys = g_hash_table_new(g_str_hash, g_str_equal);
    int i = 0;
    for (const cJSON *item = summary->child; item; item = item->next, i++) {
        g_autofree char *path = path_index("$.summary", i);
        if (!check_object(l, item, path, summary_keys))
            continue;
        JxSummarySpec *c = g_new0(JxSummarySpec, 1);
        c->key = string_of(item, "key");
        c->field = string_of(item, "field");
        g_autofree char *label_path = path_key(path, "label");
        read_text(l, item_of(item, "label", T_OBJECT), label_path, &c->label);
        g_autofree char *key_path = path_key(path, "key");
        g_autofree char *field_path = path_key(path, "field");
        if (c->key && !is_identifier(c->key, strlen(c->key)))
            problem(l, key_path, "键名只能含字母、数字、_、-、.", "a key may hold letters, digits, _, - and . only");
        else if (c->key && !g_hash_table_add(keys, c->key))
            problem(l, key_path, "键“%s”重复", "duplicate key '%s'", c->key);
        if (c->field && jx_schema_field(l->schema, c->field) == NULL)
            problem(l, field_path, "引用了不存在的字段“%s”", "refers to the unknown field '%s'", c->field);
        g_ptr_array_add(l->schema->summary, c);
    }
}

/* --- resolving references -------------------------------------------------- */

/* Checks that ref names something that exists; `row_table` is the table
 * whose row a bare column name refers to (NULL outside tables). */
static void resolve_ref(Loader *l, JxRef *ref, const char *path, const JxTableSpec *row_table)
{
    if (ref == NULL || ref->is_constant)
        return;
    JxSchema *s = l->schema;
    if (ref->table == NULL) {
        if (row_table != NULL && jx_table_column(row_table, ref->name) != NULL) {
            ref->same_row = TRUE;
            return;
        }
        if (jx_schema_field(s, ref->name) == NULL)
            problem(l, path, "引用了不存在的字段“%s”", "refers to the unknown field '%s'", ref->name);
        return;
    }
    const JxTableSpec *t = jx_schema_table(s, ref->table);
    if (t == NULL) {
        problem(l, path, "引用了不存在的表“%s”", "refers to the unknown table '%s'", ref->table);
        return;
    }
    if (jx_table_column(t, ref->name) == NULL)
        problem(l, path, "表“%s”没有列“%s”", "table '%s' has no column '%s'", ref->table, ref->name);
    if (ref->match_column && jx_table_column(t, ref->match_column) == NULL)
        problem(l, path, "表“%s”没有列“%s”", "table '%s' has no column '%s'", ref->table,
                ref->match_column);
    if (ref->role && jx_table_role(t, ref->role) == NULL)
        problem(l, path, "表“%s”没有定义角色“%s”（roles）", "table '%s' defines no role '%s' (roles)",
                ref->table, ref->role);
}

static void resolve_compute(Loader *l, JxCompute *c, const char *path, const JxTableSpec *row_table)
{
    if (c == NULL)
        return;
    for (int a = 0; a < c->n_args; a++) {
        g_autofree char *p = path_key(path, c->arg_names[a]);
        if (c->kind == JX_COMPUTE_GROUP_SUM && c->args[a] != NULL) {
            if (row_table && jx_table_column(row_table, c->args[a]->name) == NULL)
                problem(l, p, "没有名为“%s”的列", "there is no column '%s'", c->args[a]->name);
            if (row_table && row_table->group_column == NULL)
                problem(l, path, "表没有定义 groups，不能按组求和",
                        "the table defines no 'groups' to sum by");
            continue;
        }
        resolve_ref(l, c->args[a], p, row_table);
    }
    for (guint i = 0; c->parts && i < c->parts->len; i++) {
        g_autofree char *pp = path_key(path, "parts");
        g_autofree char *p = path_index(pp, (int)i);
        resolve_ref(l, g_ptr_array_index(c->parts, i), p, row_table);
    }
}

static void resolve_sheet(Loader *l, const char *sheet, const char *path)
{
    if (sheet != NULL && jx_schema_sheet(l->schema, sheet) == NULL) {
        g_autofree char *p = path_key(path, "sheet");
        problem(l, p, "引用了不存在的工作表“%s”", "refers to the unknown sheet '%s'", sheet);
    }
}

static void resolve_all(Loader *l)
{
    JxSchema *s = l->schema;
    for (guint i = 0; i < s->fields->len; i++) {
        JxFieldSpec *f = g_ptr_array_index(s->fields, i);
        g_autofree char *path = path_key("$.fields", f->id);
        g_autofree char *cpath = path_key(path, "compute");
        resolve_sheet(l, f->sheet, path);
        resolve_compute(l, f->compute, cpath, NULL);
    }
    for (guint i = 0; i < s->tables->len; i++) {
        JxTableSpec *t = g_ptr_array_index(s->tables, i);
        g_autofree char *path = path_key("$.tables", t->id);
        resolve_sheet(l, t->sheet, path);
        for (guint c = 0; c < t->columns->len; c++) {
            JxColumnSpec *col = g_ptr_array_index(t->columns, c);
            g_autofree char *cols = path_key(path, "columns");
            g_autofree char *cp = path_key(cols, col->id);
            g_autofree char *p = path_key(cp, "compute");
            resolve_compute(l, col->compute, p, t);
        }
    }
    for (guint i = 0; i < s->checks->len; i++) {
        JxCheckSpec *c = g_ptr_array_index(s->checks, i);
        g_autofree char *path = path_index("$.checks", (int)i);
        g_autofree char *tp = path_key(path, "total");
        resolve_ref(l, c->total, tp, NULL);
        for (guint p = 0; p < c->parts->len; p++) {
            g_autofree char *pp = path_key(path, c->kind == JX_CHECK_SAME ||
                                                 c->kind == JX_CHECK_NON_NEGATIVE ? "refs" : "parts");
            g_autofree char *ip = path_index(pp, (int)p);
            resolve_ref(l, g_ptr_array_index(c->parts, p), ip, NULL);
        }
        g_autofree char *bp = path_key(path, "budget");
        g_autofree char *ep = path_key(path, "executed");
        g_autofree char *xp = path_key(path, "explanation");
        resolve_ref(l, c->budget, bp, NULL);
        resolve_ref(l, c->executed, ep, NULL);
        resolve_ref(l, c->explanation, xp, NULL);
        g_autofree char *vp = path_key(path, "value");
        g_autofree char *lp = path_key(path, "limit");
        resolve_ref(l, c->value, vp, NULL);
        resolve_ref(l, c->limit, lp, NULL);
        const JxTableSpec *t = c->table ? jx_schema_table(s, c->table) : NULL;
        if (c->table && t == NULL) {
            g_autofree char *p = path_key(path, "table");
            problem(l, p, "引用了不存在的表“%s”", "refers to the unknown table '%s'", c->table);
        }
        if (t && c->column && jx_table_column(t, c->column) == NULL) {
            g_autofree char *p = path_key(path, "column");
            problem(l, p, "表“%s”没有列“%s”", "table '%s' has no column '%s'", c->table, c->column);
        }
        if (c->kind == JX_CHECK_GROUP_SUMS && t && t->group_column == NULL)
            problem(l, path, "表“%s”没有定义 groups", "table '%s' defines no 'groups'", c->table);
        if (t && c->columns) {
            GHashTableIter iter;
            gpointer role, column;
            g_hash_table_iter_init(&iter, c->columns);
            while (g_hash_table_iter_next(&iter, &role, &column))
                if (jx_table_column(t, column) == NULL) {
                    g_autofree char *cp = path_key(path, "columns");
                    g_autofree char *p = path_key(cp, role);
                    problem(l, p, "表“%s”没有列“%s”", "table '%s' has no column '%s'",
                            c->table, (const char *)column);
                }
            for (gsize r = 0; c->kind == JX_CHECK_INDICATORS && r < G_N_ELEMENTS(indicator_roles); r++)
                if (indicator_roles[r].required && !g_hash_table_contains(c->columns, indicator_roles[r].role)) {
                    g_autofree char *cp = path_key(path, "columns");
                    problem(l, cp, "指标检查需要“%s”列", "an indicators check needs the '%s' column",
                            indicator_roles[r].role);
                }
        }
    }
}

/* --- cycles ---------------------------------------------------------------- */

/* A node is what a reference names: "field", "table.column" (all rows or a
 * same-row column) or "table[col=value].column" (one row). */
static char *node_of(const JxRef *ref, const char *row_table)
{
    if (ref == NULL || ref->is_constant)
        return NULL;
    if (ref->same_row)
        return g_strdup_printf("%s.%s", row_table, ref->name);
    if (ref->table == NULL)
        return g_strdup(ref->name);
    if (ref->all_rows)
        return g_strdup_printf("%s.%s", ref->table, ref->name);
    if (ref->role)
        return g_strdup_printf("%s[@%s].%s", ref->table, ref->role, ref->name);
    return g_strdup_printf("%s[%s=%s].%s", ref->table, ref->match_column, ref->match_value, ref->name);
}

typedef struct {
    GHashTable *edges;    /* node → GPtrArray of nodes it depends on */
    GHashTable *origin;   /* node → JSON path that made it depend */
} Graph;

static void add_edge(Graph *g, char *from, char *to, const char *path)
{
    if (from == NULL || to == NULL) {
        g_free(from);
        g_free(to);
        return;
    }
    GPtrArray *list = g_hash_table_lookup(g->edges, from);
    if (list == NULL) {
        list = g_ptr_array_new_with_free_func(g_free);
        g_hash_table_insert(g->edges, g_strdup(from), list);
        g_hash_table_insert(g->origin, g_strdup(from), g_strdup(path));
    }
    g_ptr_array_add(list, to);
    g_free(from);
}

static void add_compute_edges(Graph *g, const char *node, const JxCompute *c,
                              const char *row_table, const char *path)
{
    if (c == NULL)
        return;
    for (int a = 0; a < c->n_args; a++)
        if (c->kind != JX_COMPUTE_GROUP_SUM)
            add_edge(g, g_strdup(node), node_of(c->args[a], row_table), path);
    for (guint i = 0; c->parts && i < c->parts->len; i++)
        add_edge(g, g_strdup(node), node_of(g_ptr_array_index(c->parts, i), row_table), path);
}

/* Depth-first search; state: 1 on the current path, 2 done. */
static gboolean find_cycle(Graph *g, const char *node, GHashTable *state, GPtrArray *trail)
{
    int s = GPOINTER_TO_INT(g_hash_table_lookup(state, node));
    if (s == 1) {
        g_ptr_array_add(trail, (gpointer)node);
        return TRUE;
    }
    if (s == 2)
        return FALSE;
    g_hash_table_insert(state, (gpointer)node, GINT_TO_POINTER(1));
    g_ptr_array_add(trail, (gpointer)node);
    GPtrArray *list = g_hash_table_lookup(g->edges, node);
    for (guint i = 0; list && i < list->len; i++)
        if (find_cycle(g, g_ptr_array_index(list, i), state, trail))
            return TRUE;
    g_ptr_array_remove_index(trail, trail->len - 1);
    g_hash_table_insert(state, (gpointer)node, GINT_TO_POINTER(2));
    return FALSE;
}

static void check_cycles(Loader *l)
{
    JxSchema *s = l->schema;
    Graph g = { g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref),
                g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free) };
    for (guint i = 0; i < s->fields->len; i++) {
        JxFieldSpec *f = g_ptr_array_index(s->fields, i);
        g_autofree char *path = path_key("$.fields", f->id);
        add_compute_edges(&g, f->id, f->compute, NULL, path);
    }
    for (guint i = 0; i < s->tables->len; i++) {
        JxTableSpec *t = g_ptr_array_index(s->tables, i);
        for (guint c = 0; c < t->columns->len; c++) {
            JxColumnSpec *col = g_ptr_array_index(t->columns, c);
            g_autofree char *node = g_strdup_printf("%s.%s", t->id, col->id);
            g_autofree char *tp = path_key("$.tables", t->id);
            add_compute_edges(&g, node, col->compute, t->id, tp);
        }
    }
    for (guint i = 0; i < s->checks->len; i++) {
        JxCheckSpec *c = g_ptr_array_index(s->checks, i);
        if (c->kind != JX_CHECK_SUM)
            continue;
        g_autofree char *path = path_index("$.checks", (int)i);
        for (guint p = 0; p < c->parts->len; p++)
            add_edge(&g, node_of(c->total, NULL), node_of(g_ptr_array_index(c->parts, p), NULL), path);
    }
    g_autoptr(GHashTable) state = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTableIter iter;
    gpointer node;
    g_hash_table_iter_init(&iter, g.edges);
    while (g_hash_table_iter_next(&iter, &node, NULL)) {
        g_autoptr(GPtrArray) trail = g_ptr_array_new();
        if (!find_cycle(&g, node, state, trail))
            continue;
        const char *start = g_ptr_array_index(trail, trail->len - 1);
        GString *chain = g_string_new(NULL);
        gboolean on = FALSE;
        for (guint t = 0; t < trail->len; t++) {
            const char *n = g_ptr_array_index(trail, t);
            on = on || strcmp(n, start) == 0;
            if (on)
                g_string_append_printf(chain, "%s%s", chain->len ? " → " : "", n);
        }
        problem(l, g_hash_table_lookup(g.origin, start), "循环引用：%s", "cycle: %s", chain->str);
        g_string_free(chain, TRUE);
        break;   /* one cycle is enough to fix first */
    }
    g_hash_table_unref(g.edges);
    g_hash_table_unref(g.origin);
}

/* --- the schema ------------------------------------------------------------ */

static void sheet_free(JxSheetSpec *s)
{
    g_free(s->id);
    g_free(s->name);
    g_free(s);
}

static JxSchema *schema_new(void)
{
    JxSchema *s = g_new0(JxSchema, 1);
    s->sheets = g_ptr_array_new_with_free_func((GDestroyNotify)sheet_free);
    s->fields = g_ptr_array_new_with_free_func((GDestroyNotify)field_free);
    s->tables = g_ptr_array_new_with_free_func((GDestroyNotify)table_free);
    s->checks = g_ptr_array_new_with_free_func((GDestroyNotify)check_free);
    s->summary = g_ptr_array_new_with_free_func((GDestroyNotify)summary_spec_free);
    s->sheet_index = g_hash_table_new(g_str_hash, g_str_equal);
    s->field_index = g_hash_table_new(g_str_hash, g_str_equal);
    s->table_index = g_hash_table_new(g_str_hash, g_str_equal);
    return s;
}

void jx_schema_free(JxSchema *s)
{
    if (s == NULL)
        return;
    g_free(s->id);
    g_free(s->title.zh);
    g_free(s->title.en);
    g_free(s->settings.amount_unit);
    g_hash_table_unref(s->sheet_index);
    g_hash_table_unref(s->field_index);
    g_hash_table_unref(s->table_index);
    g_ptr_array_free(s->sheets, TRUE);
    g_ptr_array_free(s->fields, TRUE);
    g_ptr_array_free(s->tables, TRUE);
    g_ptr_array_free(s->checks, TRUE);
    g_ptr_array_free(s->summary, TRUE);
    cJSON_Delete(s->report);
    g_free(s);
}

/* The 1-based line and column of byte offset in json. */
static void line_column(const char *json, gsize offset, int *line, int *column)
{
    *line = 1;
    *column = 1;
    for (gsize i = 0; i < offset && json[i]; i++) {
        if (json[i] == '\n') {
            (*line)++;
            *column = 1;
        } else if (((unsigned char)json[i] & 0xC0) != 0x80) {
            (*column)++;
        }
    }
}

void jx_schema_problems_error(const GPtrArray *problems, GError **error)
{
    const JxSchemaProblem *first = g_ptr_array_index(problems, 0);
    g_autofree char *zh = problems->len == 1
        ? g_strdup_printf("方案有误：%s：%s", first->path, first->zh)
        : g_strdup_printf("方案有 %u 处错误，第一处：%s：%s", problems->len, first->path, first->zh);
    g_autofree char *en = problems->len == 1
        ? g_strdup_printf("schema error: %s: %s", first->path, first->en)
        : g_strdup_printf("schema has %u errors, the first: %s: %s", problems->len, first->path, first->en);
    jx_set_error_texts(error, JX_ERROR_SCHEMA, zh, en);
}

JxSchema *jx_schema_load_data(const char *json, gsize length, GPtrArray *problems,
                              GError **error)
{
    g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func(jx_schema_problem_free);
    Loader l = { schema_new(), own };
    if (length > JX_SCHEMA_MAX_BYTES) {
        problem(&l, "$", "方案文件太大（%.1f MB，上限 %d MB）", "the schema file is too large (%.1f MB, limit %d MB)",
                length / 1048576.0, JX_SCHEMA_MAX_BYTES / (1024 * 1024));
    } else if (!g_utf8_validate(json, (gssize)length, NULL)) {
        problem(&l, "$", "方案文件不是 UTF-8 编码", "the schema file is not UTF-8");
    } else {
        const char *end = NULL;
        cJSON *root = cJSON_ParseWithLengthOpts(json, length, &end, FALSE);
        gsize offset = end ? (gsize)(end - json) : 0;
        if (root != NULL) {   /* nothing but white space may follow the value */
            while (offset < length && g_ascii_isspace(json[offset]))
                offset++;
            if (offset < length) {
                cJSON_Delete(root);
                root = NULL;
            }
        }
        if (root == NULL) {
            int line, column;
            line_column(json, offset, &line, &column);
            problem(&l, "$", "不是合法的 JSON（第 %d 行第 %d 列附近）",
                    "not valid JSON (near line %d, column %d)", line, column);
        } else {
            if (check_object(&l, root, "$", top_keys)) {
                const cJSON *format = item_of(root, "format", T_STRING);
                if (format && strcmp(format->valuestring, "jixiao-schema") != 0)
                    problem(&l, "$.format", "应为“jixiao-schema”", "must be 'jixiao-schema'");
                const cJSON *version = item_of(root, "version", T_NUMBER);
                if (version && version->valuedouble != 1)
                    problem(&l, "$.version", "不支持的版本 %g（本程序读版本 1）",
                            "unsupported version %g (this program reads version 1)", version->valuedouble);
                l.schema->version = 1;
                l.schema->id = string_of(root, "id");
                read_text(&l, item_of(root, "title", T_OBJECT), "$.title", &l.schema->title);
                read_settings(&l, item_of(root, "settings", T_OBJECT));
                read_sheets(&l, item_of(root, "sheets", T_OBJECT));
                read_fields(&l, item_of(root, "fields", T_OBJECT));
                read_tables(&l, item_of(root, "tables", T_OBJECT));
                read_checks(&l, item_of(root, "checks", T_ARRAY));
                read_summary(&l, item_of(root, "summary", T_ARRAY));
                l.schema->report = cJSON_DetachItemFromObjectCaseSensitive(root, "report");
                resolve_all(&l);
                if (own->len == 0)
                    check_cycles(&l);
            }
            cJSON_Delete(root);
        }
    }
    if (own->len == 0)
        return l.schema;
    jx_schema_problems_error(own, error);
    while (problems != NULL && own->len > 0)
        g_ptr_array_add(problems, g_ptr_array_steal_index(own, 0));
    jx_schema_free(l.schema);
    return NULL;
}

JxSchema *jx_schema_load_file(const char *path, GPtrArray *problems, GError **error)
{
    g_autofree char *data = NULL;
    gsize length = 0;
    GStatBuf st;
    if (g_stat(path, &st) == 0 && st.st_size > JX_SCHEMA_MAX_BYTES) {
        jx_set_error(error, JX_ERROR_SCHEMA, "方案文件 %s 太大（%.1f MB，上限 %d MB）",
                     "the schema file %s is too large (%.1f MB, limit %d MB)", path,
                     st.st_size / 1048576.0, JX_SCHEMA_MAX_BYTES / (1024 * 1024));
        return NULL;
    }
    GError *io = NULL;
    if (!g_file_get_contents(path, &data, &length, &io)) {
        jx_set_error(error, JX_ERROR_IO, "无法读取方案文件：%s", "cannot read the schema file: %s",
                     io->message);
        g_error_free(io);
        return NULL;
    }
    /* the error lists every problem (up to 20): a bureau fixes them in one go */
    g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func(jx_schema_problem_free);
    JxSchema *schema = jx_schema_load_data(data, length, all, error);
    if (schema != NULL)
        return schema;
    GString *zh = g_string_new(NULL), *en = g_string_new(NULL);
    g_string_printf(zh, "方案文件 %s 有 %u 处错误：", path, all->len);
    g_string_printf(en, "the schema file %s has %u error%s:", path, all->len, all->len == 1 ? "" : "s");
    for (guint i = 0; i < all->len && i < 20; i++) {
        const JxSchemaProblem *p = g_ptr_array_index(all, i);
        g_string_append_printf(zh, "\n  %s：%s", p->path, p->zh);
        g_string_append_printf(en, "\n  %s: %s", p->path, p->en);
    }
    if (all->len > 20) {
        g_string_append_printf(zh, "\n  ……另有 %u 处", all->len - 20);
        g_string_append_printf(en, "\n  … and %u more", all->len - 20);
    }
    g_clear_error(error);
    jx_set_error_texts(error, JX_ERROR_SCHEMA, zh->str, en->str);
    g_string_free(zh, TRUE);
    g_string_free(en, TRUE);
    while (problems != NULL && all->len > 0)
        g_ptr_array_add(problems, g_ptr_array_steal_index(all, 0));
    return NULL;
}

/* --- lookups --------------------------------------------------------------- */

const JxSheetSpec *jx_schema_sheet(const JxSchema *schema, const char *id)
{
    return id ? g_hash_table_lookup(schema->sheet_index, id) : NULL;
}

const JxFieldSpec *jx_schema_field(const JxSchema *schema, const char *id)
{
    return id ? g_hash_table_lookup(schema->field_index, id) : NULL;
}

const JxTableSpec *jx_schema_table(const JxSchema *schema, const char *id)
{
    return id ? g_hash_table_lookup(schema->table_index, id) : NULL;
}

int jx_table_column_index(const JxTableSpec *table, const char *id)
{
    for (guint i = 0; id && i < table->columns->len; i++)
        if (strcmp(((JxColumnSpec *)g_ptr_array_index(table->columns, i))->id, id) == 0)
            return (int)i;
    return -1;
}

const JxRoleSpec *jx_table_role(const JxTableSpec *table, const char *id)
{
    for (guint i = 0; id && table->roles && i < table->roles->len; i++)
        if (strcmp(((JxRoleSpec *)g_ptr_array_index(table->roles, i))->id, id) == 0)
            return g_ptr_array_index(table->roles, i);
    return NULL;
}

const JxColumnSpec *jx_table_column(const JxTableSpec *table, const char *id)
{
    int i = jx_table_column_index(table, id);
    return i < 0 ? NULL : g_ptr_array_index(table->columns, (guint)i);
}

const char *jx_text_get(const JxText *text, JxLang lang)
{
    const char *s = lang == JX_LANG_ZH ? text->zh : text->en;
    if (s == NULL)
        s = lang == JX_LANG_ZH ? text->en : text->zh;
    return s ? s : "";
}

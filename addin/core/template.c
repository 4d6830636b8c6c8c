/*
 * template.c: compiling the report template.
 *
 * A template string is literal text with placeholders in braces:
 *   {field}            a field of the schema
 *   {.column}          a column of the current row (inside "each" and "table")
 *   {field|format}     formats: text, amount, percent, number, integer,
 *                      score, daxie, numeral
 *   {field?}           optional: an empty value is left out instead of
 *                      becoming a highlighted 【请填写：…】 placeholder
 *   {items}            the current group's rows, rendered by "items"
 *   {index}            the current row's position (1, 2, …)
 *   {{ and }}          literal braces
 * The vocabulary lives in the tables below, once; the compiler reads the
 * raw JSON with them and never looks at it again.
 */
#include "core/template.h"

#include <cjson/cJSON.h>
#include <string.h>

#include "core/json_path.h"
#include "core/workbook.h"

/* ---- the vocabulary ---------------------------------------------------------- */

typedef struct {
    const char *name;
    int value;
} Word;

static const Word formats[] = {
    { "text", JX_FORMAT_TEXT }, { "amount", JX_FORMAT_AMOUNT }, { "percent", JX_FORMAT_PERCENT },
    { "number", JX_FORMAT_NUMBER }, { "integer", JX_FORMAT_INTEGER }, { "score", JX_FORMAT_SCORE },
    { "daxie", JX_FORMAT_DAXIE }, { "numeral", JX_FORMAT_NUMERAL }, { NULL, 0 },
};

static const Word styles[] = {
    { "body", JX_PARA_BODY }, { "plain", JX_PARA_PLAIN }, { "center", JX_PARA_CENTER },
    { "right", JX_PARA_RIGHT }, { NULL, 0 },
};

static const Word row_modes[] = {
    { "all", JX_ROWS_ALL }, { "groups", JX_ROWS_GROUPS }, { "top", JX_ROWS_TOP },
    { "leaves", JX_ROWS_LEAVES }, { NULL, 0 },
};

/* Row predicates without an argument (filled:COLUMN, blank:COLUMN and
 * COLUMN=VALUE take one). */
static const Word row_tests[] = {
    { "met", JX_ROW_MET }, { "unmet", JX_ROW_UNMET }, { "qualitative", JX_ROW_QUALITATIVE },
    { "quantitative", JX_ROW_QUANTITATIVE }, { "group", JX_ROW_GROUP }, { "item", JX_ROW_ITEM },
    { "top", JX_ROW_TOP }, { NULL, 0 },
};

static const Word *word(const Word *words, const char *name)
{
    for (const Word *w = words; name && w->name; w++)
        if (strcmp(w->name, name) == 0)
            return w;
    return NULL;
}

const char *jx_format_name(JxFormat format)
{
    for (const Word *w = formats; w->name; w++)
        if (w->value == (int)format)
            return w->name;
    return "text";
}

gboolean jx_format_from_name(const char *name, JxFormat *format)
{
    const Word *w = word(formats, name);
    if (w != NULL)
        *format = (JxFormat)w->value;
    return w != NULL;
}

/* "a, b or c" / "a、b 或 c" for messages. */
static char *word_list(const Word *words, const char *comma, const char *or)
{
    GString *out = g_string_new(NULL);
    for (const Word *w = words; w->name; w++) {
        if (w != words)
            g_string_append(out, w[1].name ? comma : or);
        g_string_append(out, w->name);
    }
    return g_string_free(out, FALSE);
}

/* Keys each kind of object may have. */
static const char *const report_keys[] = { "title", "preamble", "sections", "annexes", "note", "none_when_blank", NULL };
static const char *const section_keys[] = { "title", "body", "sections", "note", NULL };
static const char *const paragraph_keys[] = { "paragraph", "style", NULL };
static const char *const each_keys[] = { "each", "rows", "where", "paragraph", "cases", "table", "numbered",
                                         "items", "empty", "zeros", NULL };
static const char *const case_keys[] = { "where", "paragraph", NULL };
static const char *const items_keys[] = { "paragraph", "separator", "where", "zeros", NULL };
static const char *const if_keys[] = { "if", "then", "else", NULL };
static const char *const table_keys[] = { "table", NULL };
static const char *const table_inner_keys[] = { "name", "caption", "header", "source", "where", "row", "rows",
                                                "after", "widths", "zeros", NULL };
static const char *const break_keys[] = { "page_break", NULL };

#define MAX_LEVEL 4   /* GB/T 9704 numbers headings four levels deep */

/* ---- freeing ------------------------------------------------------------------ */

static void pattern_free(JxPattern *p)
{
    if (p == NULL)
        return;
    for (int i = 0; i < p->n; i++)
        g_free(p->segments[i].literal);
    g_free(p->segments);
    g_free(p->path);
    g_free(p);
}

static void pattern_row_free(gpointer data)
{
    JxPatternRow *row = data;
    if (row == NULL)
        return;
    for (int i = 0; i < row->n; i++)
        pattern_free(row->cells[i]);
    g_free(row->cells);
    g_free(row);
}

static void table_node_clear(JxTableNode *t)
{
    pattern_free(t->name);
    pattern_free(t->caption);
    pattern_row_free(t->header);
    pattern_row_free(t->row);
    if (t->rows)
        g_ptr_array_free(t->rows, TRUE);
    if (t->after)
        g_ptr_array_free(t->after, TRUE);
    g_free(t->where.value);
    g_free(t->widths);
    g_free(t->path);
}

static void node_free(gpointer data)
{
    JxNode *n = data;
    switch (n->kind) {
    case JX_NODE_PARAGRAPH:
        pattern_free(n->paragraph.text);
        break;
    case JX_NODE_EACH:
        for (int i = 0; i < n->each.n_cases; i++) {
            pattern_free(n->each.cases[i].paragraph);
            g_free(n->each.cases[i].where.value);
        }
        g_free(n->each.cases);
        if (n->each.row_table) {
            table_node_clear(n->each.row_table);
            g_free(n->each.row_table);
        }
        if (n->each.items) {
            pattern_free(n->each.items->paragraph);
            g_free(n->each.items->separator);
            g_free(n->each.items->where.value);
            g_free(n->each.items);
        }
        pattern_free(n->each.empty);
        g_free(n->each.where.value);
        g_free(n->each.path);
        break;
    case JX_NODE_IF:
        g_ptr_array_free(n->when.then_nodes, TRUE);
        g_ptr_array_free(n->when.else_nodes, TRUE);
        break;
    case JX_NODE_TABLE:
        table_node_clear(&n->table);
        break;
    case JX_NODE_PAGE_BREAK:
        break;
    }
    g_free(n);
}

static void section_free(gpointer data)
{
    JxSection *s = data;
    pattern_free(s->title);
    g_ptr_array_free(s->body, TRUE);
    g_ptr_array_free(s->sections, TRUE);
    g_free(s);
}

void jx_template_free(JxTemplate *t)
{
    if (t == NULL)
        return;
    pattern_free(t->title);
    g_ptr_array_free(t->preamble, TRUE);
    g_ptr_array_free(t->sections, TRUE);
    g_ptr_array_free(t->annexes, TRUE);
    g_free(t->none_when_blank);
    g_free(t);
}

/* ---- the compiler --------------------------------------------------------------- */

typedef struct {
    const JxSchema *schema;
    GPtrArray *problems;
    /* what the template holds so far, against the bounds (template.h) */
    int strings, placeholders, blocks, eaches;
    gboolean stopped;           /* a bound was crossed: nothing more is compiled */
} Compiler;

/* Where a string is compiled: the table whose row it sees, if any. */
typedef struct {
    const JxTableSpec *table;   /* {.column} and {index} refer to its rows */
    gboolean in_group;          /* {items} is allowed */
    int level;                  /* the heading level of the section around it (0: none) */
} Scope;

static void problem(Compiler *c, const char *path, char *zh, char *en)
{
    g_ptr_array_add(c->problems, jx_schema_problem_new(path, zh, en));
}

static void problem_at_key(Compiler *c, const char *path, const char *key, char *zh, char *en)
{
    g_autofree char *p = jx_json_path_key(path, key);
    problem(c, p, zh, en);
}

/* Counts one more of something the template holds; past its bound the
 * compiler stops, with one problem at the path where the bound was crossed
 * (a huge template is refused before it costs memory or time). */
static gboolean within_bound(Compiler *c, int *count, int bound, const char *path, const char *zh_what,
                             const char *en_what)
{
    if (c->stopped)
        return FALSE;
    if (++*count <= bound)
        return TRUE;
    c->stopped = TRUE;
    problem(c, path, g_strdup_printf("报告模板过大：%s超过 %d 个（此处为第 %d 个），报告会大到无法排版", zh_what, bound, *count),
            g_strdup_printf("the report template is too large: more than %d %s (this is number %d); the report "
                            "would be too large to lay out", bound, en_what, *count));
    return FALSE;
}

static int table_index(const JxSchema *schema, const JxTableSpec *t)
{
    for (guint i = 0; i < schema->tables->len; i++)
        if (g_ptr_array_index(schema->tables, i) == t)
            return (int)i;
    return -1;
}

static int field_index(const JxSchema *schema, const JxFieldSpec *f)
{
    for (guint i = 0; i < schema->fields->len; i++)
        if (g_ptr_array_index(schema->fields, i) == f)
            return (int)i;
    return -1;
}

static void check_keys(Compiler *c, const cJSON *obj, const char *path, const char *const *allowed)
{
    for (const cJSON *k = obj->child; k; k = k->next) {
        gboolean ok = FALSE;
        for (int i = 0; allowed[i] && !ok; i++)
            ok = strcmp(allowed[i], k->string) == 0;
        if (!ok)
            problem_at_key(c, path, k->string, g_strdup_printf("未知的键“%s”", k->string),
                           g_strdup_printf("unknown key '%s'", k->string));
    }
}

static const cJSON *item(const cJSON *obj, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(obj, key);
}

static gboolean flag(const cJSON *obj, const char *key)
{
    return cJSON_IsTrue(item(obj, key));
}

/* --- strings --- */

static void add_segment(GArray *segments, JxSegment s)
{
    g_array_append_val(segments, s);
}

static void add_literal(GArray *segments, GString *literal)
{
    if (literal->len == 0)
        return;
    add_segment(segments, (JxSegment){ JX_SEGMENT_LITERAL, g_strdup(literal->str), -1, JX_FORMAT_TEXT, FALSE });
    g_string_truncate(literal, 0);
}

/* One placeholder's inside ("name|format?"), resolved in scope. */
static gboolean compile_placeholder(Compiler *c, const char *inner_text, const char *path, const Scope *scope,
                                    JxSegment *s)
{
    if (!within_bound(c, &c->placeholders, JX_TEMPLATE_MAX_PLACEHOLDERS, path, "占位符", "placeholders"))
        return FALSE;
    g_autofree char *inner = g_strstrip(g_strdup(inner_text));
    gsize length = strlen(inner);
    s->kind = JX_SEGMENT_FIELD;
    s->format = JX_FORMAT_TEXT;
    s->index = -1;
    if (length > 1 && inner[length - 1] == '?') {
        s->optional = TRUE;
        inner[length - 1] = '\0';
    }
    char *bar = strchr(inner, '|');
    gboolean ok = TRUE;
    if (bar != NULL) {
        *bar = '\0';
        const char *format = g_strstrip(bar + 1);
        const Word *w = word(formats, format);
        if (w == NULL) {
            problem(c, path, g_strdup_printf("未知的格式“%s”", format), g_strdup_printf("unknown format '%s'", format));
            ok = FALSE;
        } else {
            s->format = (JxFormat)w->value;
        }
    }
    const char *name = g_strstrip(inner);
    if (name[0] == '.') {
        s->kind = JX_SEGMENT_COLUMN;
        if (scope->table == NULL) {
            problem(c, path, g_strdup_printf("“{%s}”只能用在 each 或 table 中", name),
                    g_strdup_printf("'{%s}' is only allowed inside 'each' or 'table'", name));
            return FALSE;
        }
        s->index = jx_table_column_index(scope->table, name + 1);
        if (s->index < 0) {
            problem(c, path, g_strdup_printf("表“%s”没有列“%s”", scope->table->id, name + 1),
                    g_strdup_printf("table '%s' has no column '%s'", scope->table->id, name + 1));
            return FALSE;
        }
    } else if (strcmp(name, "items") == 0) {
        s->kind = JX_SEGMENT_ITEMS;
        if (!scope->in_group) {
            problem(c, path, g_strdup("“{items}”需要在带 items 的 each 中使用"),
                    g_strdup("'{items}' needs an 'each' with 'items'"));
            return FALSE;
        }
    } else if (strcmp(name, "index") == 0) {
        s->kind = JX_SEGMENT_INDEX;
        if (scope->table == NULL) {
            problem(c, path, g_strdup("“{index}”只能用在 each 或 table 中"),
                    g_strdup("'{index}' is only allowed inside 'each' or 'table'"));
            return FALSE;
        }
    } else {
        s->index = field_index(c->schema, jx_schema_field(c->schema, name));
        if (s->index < 0) {
            problem(c, path, g_strdup_printf("引用了不存在的字段“%s”", name),
                    g_strdup_printf("refers to the unknown field '%s'", name));
            return FALSE;
        }
    }
    return ok;
}

/* Splits a template string into segments; NULL with problems at path. */
static JxPattern *compile_string(Compiler *c, const char *text, const char *path, const Scope *scope)
{
    if (!within_bound(c, &c->strings, JX_TEMPLATE_MAX_STRINGS, path, "字符串", "strings"))
        return NULL;
    glong characters = g_utf8_strlen(text, -1);
    if (characters > JX_TEMPLATE_MAX_STRING) {
        problem(c, path, g_strdup_printf("模板字符串过长（%ld 字，上限 %d 字）", characters, JX_TEMPLATE_MAX_STRING),
                g_strdup_printf("the template string is too long (%ld characters, at most %d)", characters,
                                JX_TEMPLATE_MAX_STRING));
        return NULL;
    }
    GArray *segments = g_array_new(FALSE, TRUE, sizeof(JxSegment));
    GString *literal = g_string_new(NULL);
    gboolean ok = TRUE;
    for (const char *p = text; *p;) {
        if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
            g_string_append_c(literal, p[0]);
            p += 2;
            continue;
        }
        if (*p != '{') {
            g_string_append_c(literal, *p++);
            continue;
        }
        const char *close = strchr(p, '}');
        if (close == NULL || close == p + 1) {
            glong position = g_utf8_pointer_to_offset(text, p) + 1;
            problem(c, path, g_strdup_printf("第 %ld 个字符处的“{”没有对应的“}”或为空", position),
                    g_strdup_printf("the '{' at character %ld is empty or not closed", position));
            ok = FALSE;
            break;
        }
        add_literal(segments, literal);
        g_autofree char *inner = g_strndup(p + 1, (gsize)(close - p - 1));
        JxSegment s = { 0 };
        if (compile_placeholder(c, inner, path, scope, &s))
            add_segment(segments, s);
        else
            ok = FALSE;
        p = close + 1;
    }
    add_literal(segments, literal);
    g_string_free(literal, TRUE);
    JxPattern *pattern = g_new0(JxPattern, 1);
    pattern->n = (int)segments->len;
    pattern->segments = (JxSegment *)g_array_free(segments, FALSE);
    pattern->path = g_strdup(path);
    if (!ok) {
        pattern_free(pattern);
        return NULL;
    }
    return pattern;
}

/* The string at obj.key: NULL (and a problem if required or not a string). */
static JxPattern *compile_string_key(Compiler *c, const cJSON *obj, const char *key, const char *path,
                                     const Scope *scope, gboolean required)
{
    const cJSON *value = item(obj, key);
    g_autofree char *p = jx_json_path_key(path, key);
    if (value == NULL) {
        if (required)
            problem(c, p, g_strdup("缺少必需的键"), g_strdup("required key is missing"));
        return NULL;
    }
    if (!cJSON_IsString(value)) {
        problem(c, p, g_strdup("应为字符串"), g_strdup("must be a string"));
        return NULL;
    }
    return compile_string(c, value->valuestring, p, scope);
}

/* --- predicates and conditions --- */

static gboolean table_column(Compiler *c, const JxTableSpec *t, const char *column, const char *path, int *index)
{
    *index = jx_table_column_index(t, column);
    if (*index >= 0)
        return TRUE;
    problem(c, path, g_strdup_printf("表“%s”没有列“%s”", t->id, column),
            g_strdup_printf("table '%s' has no column '%s'", t->id, column));
    return FALSE;
}

/* obj.where, a row predicate of table t (absent: every row). */
static void compile_where(Compiler *c, const cJSON *obj, const char *path, const JxTableSpec *t,
                          JxRowPredicate *out)
{
    memset(out, 0, sizeof *out);
    out->test = JX_ROW_ANY;
    const cJSON *where = item(obj, "where");
    if (where == NULL)
        return;
    g_autofree char *p = jx_json_path_key(path, "where");
    if (!cJSON_IsString(where)) {
        problem(c, p, g_strdup("应为字符串"), g_strdup("must be a string"));
        return;
    }
    out->negate = where->valuestring[0] == '!';
    const char *text = where->valuestring + (out->negate ? 1 : 0);
    const char *equals = strchr(text, '=');
    if (equals != NULL) {
        g_autofree char *column = g_strndup(text, (gsize)(equals - text));
        if (table_column(c, t, column, p, &out->column)) {
            out->test = JX_ROW_EQUALS;
            out->value = jx_label_normalize(equals + 1);
        }
        return;
    }
    if (g_str_has_prefix(text, "filled:") || g_str_has_prefix(text, "blank:")) {
        if (table_column(c, t, strchr(text, ':') + 1, p, &out->column))
            out->test = text[0] == 'f' ? JX_ROW_FILLED : JX_ROW_BLANK;
        return;
    }
    const Word *w = word(row_tests, text);
    if (w != NULL)
        out->test = (JxRowTest)w->value;
    else
        problem(c, p, g_strdup_printf("未知的行条件“%s”", where->valuestring),
                g_strdup_printf("unknown row condition '%s'", where->valuestring));
}

static gboolean compile_condition(Compiler *c, const cJSON *value, const char *path, JxCondition *out)
{
    if (!cJSON_IsString(value)) {
        problem(c, path, g_strdup("应为字符串"), g_strdup("must be a string"));
        return FALSE;
    }
    out->negate = value->valuestring[0] == '!';
    const char *text = value->valuestring + (out->negate ? 1 : 0);
    if (strcmp(text, "errors") == 0) {
        out->kind = JX_IF_ERRORS;
        return TRUE;
    }
    const char *colon = strchr(text, ':');
    g_autofree char *kind = colon ? g_strndup(text, (gsize)(colon - text)) : g_strdup(text);
    const char *name = colon ? colon + 1 : "";
    int table = table_index(c->schema, jx_schema_table(c->schema, name));
    int field = field_index(c->schema, jx_schema_field(c->schema, name));
    static const struct {
        const char *kind;
        gboolean of_table;
        JxConditionKind condition;
    } forms[] = {
        { "empty", TRUE, JX_IF_TABLE_EMPTY }, { "filled", TRUE, JX_IF_TABLE_FILLED },
        { "filled", FALSE, JX_IF_FIELD_FILLED }, { "blank", FALSE, JX_IF_FIELD_BLANK },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(forms); i++) {
        int index = forms[i].of_table ? table : field;
        if (strcmp(forms[i].kind, kind) == 0 && index >= 0) {
            out->kind = forms[i].condition;
            out->index = index;
            return TRUE;
        }
    }
    problem(c, path, g_strdup_printf("无法识别的条件“%s”（可用：errors、empty:表、filled:表或字段、blank:字段）",
                                     value->valuestring),
            g_strdup_printf("unrecognised condition '%s' (use errors, empty:TABLE, filled:TABLE or FIELD, blank:FIELD)",
                            value->valuestring));
    return FALSE;
}

/* obj.key, one of words (absent: fallback). */
static int compile_word(Compiler *c, const cJSON *obj, const char *key, const char *path, const Word *words,
                        int fallback)
{
    const cJSON *value = item(obj, key);
    if (value == NULL)
        return fallback;
    const Word *w = cJSON_IsString(value) ? word(words, value->valuestring) : NULL;
    if (w != NULL)
        return w->value;
    g_autofree char *zh = word_list(words, "、", " 或 ");
    g_autofree char *en = word_list(words, ", ", " or ");
    problem_at_key(c, path, key, g_strdup_printf("应为 %s", zh), g_strdup_printf("must be %s", en));
    return fallback;
}

static const JxTableSpec *compile_table_name(Compiler *c, const cJSON *value, const char *path)
{
    if (!cJSON_IsString(value)) {
        problem(c, path, g_strdup("应为表编号"), g_strdup("must be a table id"));
        return NULL;
    }
    const JxTableSpec *t = jx_schema_table(c->schema, value->valuestring);
    if (t == NULL)
        problem(c, path, g_strdup_printf("引用了不存在的表“%s”", value->valuestring),
                g_strdup_printf("refers to the unknown table '%s'", value->valuestring));
    return t;
}

/* --- lists --- */

/* Compiles one element of a list at path; NULL when it does not compile. */
typedef gpointer (*CompileOne)(Compiler *c, const cJSON *element, const char *path, const Scope *scope);

/* A JSON array (absent: empty) compiled element by element at path[i]. */
static GPtrArray *compile_list(Compiler *c, const cJSON *list, const char *path, const Scope *scope,
                               GDestroyNotify free_element, CompileOne one)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(free_element);
    if (list == NULL)
        return out;
    if (!cJSON_IsArray(list)) {
        problem(c, path, g_strdup("应为数组"), g_strdup("must be an array"));
        return out;
    }
    int i = 0;
    for (const cJSON *element = list->child; element && !c->stopped; element = element->next, i++) {
        g_autofree char *p = jx_json_path_index(path, i);
        gpointer compiled = one(c, element, p, scope);
        if (compiled)
            g_ptr_array_add(out, compiled);
    }
    return out;
}

/* --- tables --- */

/* One row of a table: an array of template strings. */
static JxPatternRow *compile_row(Compiler *c, const cJSON *row, const char *path, const Scope *scope)
{
    if (!cJSON_IsArray(row)) {
        problem(c, path, g_strdup("应为数组"), g_strdup("must be an array"));
        return NULL;
    }
    JxPatternRow *out = g_new0(JxPatternRow, 1);
    out->cells = g_new0(JxPattern *, (gsize)cJSON_GetArraySize(row) + 1);
    for (const cJSON *cell = row->child; cell && !c->stopped; cell = cell->next, out->n++) {
        g_autofree char *p = jx_json_path_index(path, out->n);
        if (cJSON_IsString(cell))
            out->cells[out->n] = compile_string(c, cell->valuestring, p, scope);
        else
            problem(c, p, g_strdup("应为字符串"), g_strdup("must be a string"));
    }
    return out;
}

static gpointer compile_one_row(Compiler *c, const cJSON *row, const char *path, const Scope *scope)
{
    return compile_row(c, row, path, scope);
}

static GPtrArray *compile_rows(Compiler *c, const cJSON *rows, const char *path, const Scope *scope)
{
    return compile_list(c, rows, path, scope, pattern_row_free, compile_one_row);
}

static int row_width(const JxPatternRow *row)
{
    return row ? row->n : 0;
}

/* The inside of {"table": …} at path (…table); scope is the loop's, if any. */
static void compile_table(Compiler *c, const cJSON *t, const char *path, const Scope *scope, JxTableNode *out)
{
    memset(out, 0, sizeof *out);
    out->source = -1;
    out->where.test = JX_ROW_ANY;
    out->path = g_strdup(path);
    out->rows = g_ptr_array_new_with_free_func(pattern_row_free);
    out->after = g_ptr_array_new_with_free_func(pattern_row_free);
    if (!cJSON_IsObject(t)) {
        problem(c, path, g_strdup("应为对象"), g_strdup("must be an object"));
        return;
    }
    check_keys(c, t, path, table_inner_keys);
    if (cJSON_HasObjectItem(t, "source")) {
        g_autofree char *sp = jx_json_path_key(path, "source");
        const JxTableSpec *source = compile_table_name(c, item(t, "source"), sp);
        const cJSON *row = item(t, "row");
        g_autofree char *rp = jx_json_path_key(path, "row");
        if (!cJSON_IsArray(row)) {
            problem(c, rp, g_strdup("有 source 的表需要 row 数组"), g_strdup("a table with 'source' needs a 'row' array"));
        } else if (source) {
            out->source = table_index(c->schema, source);
            compile_where(c, t, path, source, &out->where);
            Scope row_scope = { source, FALSE, scope->level };
            out->row = compile_row(c, row, rp, &row_scope);
        }
    }
    g_autofree char *hp = jx_json_path_key(path, "header");
    g_autofree char *rsp = jx_json_path_key(path, "rows");
    g_autofree char *ap = jx_json_path_key(path, "after");
    if (item(t, "header") != NULL)
        out->header = compile_row(c, item(t, "header"), hp, scope);
    g_ptr_array_free(out->rows, TRUE);
    g_ptr_array_free(out->after, TRUE);
    out->rows = compile_rows(c, item(t, "rows"), rsp, scope);
    out->after = compile_rows(c, item(t, "after"), ap, scope);
    out->caption = compile_string_key(c, t, "caption", path, scope, FALSE);
    out->name = compile_string_key(c, t, "name", path, scope, FALSE);
    out->zeros = flag(t, "zeros");
    out->cols = MAX(row_width(out->header), row_width(out->row));
    for (guint i = 0; i < out->rows->len; i++)
        out->cols = MAX(out->cols, row_width(g_ptr_array_index(out->rows, i)));
    for (guint i = 0; i < out->after->len; i++)
        out->cols = MAX(out->cols, row_width(g_ptr_array_index(out->after, i)));
    const cJSON *widths = item(t, "widths");
    if (cJSON_IsArray(widths) && out->cols > 0 && cJSON_GetArraySize(widths) == out->cols) {
        out->widths = g_new0(double, (gsize)out->cols);
        int i = 0;
        for (const cJSON *w = widths->child; w; w = w->next, i++)
            out->widths[i] = cJSON_IsNumber(w) && w->valuedouble > 0 ? w->valuedouble : 1;
    }
}

/* --- blocks --- */

static GPtrArray *compile_blocks(Compiler *c, const cJSON *body, const char *path, const Scope *scope);

static JxNode *node_new(JxNodeKind kind)
{
    JxNode *n = g_new0(JxNode, 1);
    n->kind = kind;
    return n;
}

static JxNode *compile_paragraph(Compiler *c, const cJSON *block, const char *path, const Scope *scope)
{
    JxNode *n = node_new(JX_NODE_PARAGRAPH);
    if (cJSON_IsString(block)) {
        n->paragraph.text = compile_string(c, block->valuestring, path, scope);
        return n;
    }
    check_keys(c, block, path, paragraph_keys);
    n->paragraph.text = compile_string_key(c, block, "paragraph", path, scope, TRUE);
    n->paragraph.style = (JxParagraphStyle)compile_word(c, block, "style", path, styles, JX_PARA_BODY);
    return n;
}

static void compile_cases(Compiler *c, const cJSON *cases, const char *path, const JxTableSpec *t,
                          gboolean in_group, int level, JxEachNode *each)
{
    g_autofree char *cp = jx_json_path_key(path, "cases");
    if (!cJSON_IsArray(cases)) {
        problem(c, cp, g_strdup("应为数组"), g_strdup("must be an array"));
        return;
    }
    each->cases = g_new0(JxCase, (gsize)cJSON_GetArraySize(cases) + 1);
    Scope scope = { t, in_group, level };
    int i = 0;
    for (const cJSON *k = cases->child; k && !c->stopped; k = k->next, i++) {
        g_autofree char *kp = jx_json_path_index(cp, i);
        if (!cJSON_IsObject(k)) {
            problem(c, kp, g_strdup("应为对象"), g_strdup("must be an object"));
            continue;
        }
        check_keys(c, k, kp, case_keys);
        JxCase *one = &each->cases[each->n_cases++];
        one->paragraph = compile_string_key(c, k, "paragraph", kp, &scope, TRUE);
        compile_where(c, k, kp, t, &one->where);
    }
}

static JxItemsSpec *compile_items(Compiler *c, const cJSON *items, const char *path, const JxTableSpec *t,
                                  int level)
{
    g_autofree char *ip = jx_json_path_key(path, "items");
    if (!cJSON_IsObject(items)) {
        problem(c, ip, g_strdup("应为对象"), g_strdup("must be an object"));
        return NULL;
    }
    check_keys(c, items, ip, items_keys);
    JxItemsSpec *spec = g_new0(JxItemsSpec, 1);
    Scope scope = { t, FALSE, level };
    spec->paragraph = compile_string_key(c, items, "paragraph", ip, &scope, TRUE);
    const cJSON *separator = item(items, "separator");
    spec->separator = g_strdup(cJSON_IsString(separator) ? separator->valuestring : "、");
    spec->zeros = flag(items, "zeros");
    compile_where(c, items, ip, t, &spec->where);
    return spec;
}

static JxNode *compile_each(Compiler *c, const cJSON *block, const char *path, const Scope *outer)
{
    check_keys(c, block, path, each_keys);
    g_autofree char *ep = jx_json_path_key(path, "each");
    const JxTableSpec *t = compile_table_name(c, item(block, "each"), ep);
    if (t == NULL)
        return NULL;
    if (!within_bound(c, &c->eaches, JX_TEMPLATE_MAX_EACH, path, "each 循环", "'each' loops"))
        return NULL;
    JxNode *n = node_new(JX_NODE_EACH);
    JxEachNode *each = &n->each;
    each->path = g_strdup(path);
    each->table = table_index(c->schema, t);
    each->rows = (JxRowsMode)compile_word(c, block, "rows", path, row_modes, JX_ROWS_ALL);
    each->numbered = flag(block, "numbered");
    each->zeros = flag(block, "zeros");
    each->list_level = outer->level + 1;
    if (each->numbered && each->list_level > MAX_LEVEL) {
        g_autofree char *np = jx_json_path_key(path, "numbered");
        problem(c, np, g_strdup("四级标题下的列表不能再编号（GB/T 9704 只有四级序号）"),
                g_strdup("a list under a level-4 heading cannot be numbered (GB/T 9704 has four levels)"));
    }
    compile_where(c, block, path, t, &each->where);
    const cJSON *items = item(block, "items");
    const cJSON *cases = item(block, "cases");
    const cJSON *table = item(block, "table");
    int ways = cJSON_HasObjectItem(block, "paragraph") + (cases != NULL) + (table != NULL);
    if (ways != 1)
        problem(c, path, g_strdup("each 应恰好给出 paragraph、cases 或 table 之一"),
                g_strdup("an 'each' needs exactly one of 'paragraph', 'cases' or 'table'"));
    if (items != NULL)
        each->items = compile_items(c, items, path, t, outer->level);
    Scope row_scope = { t, items != NULL, outer->level };
    if (cJSON_HasObjectItem(block, "paragraph")) {
        each->cases = g_new0(JxCase, 1);
        each->cases[0].where.test = JX_ROW_ANY;
        each->cases[0].paragraph = compile_string_key(c, block, "paragraph", path, &row_scope, FALSE);
        each->n_cases = 1;
    } else if (cases != NULL) {
        compile_cases(c, cases, path, t, items != NULL, outer->level, each);
    } else if (table != NULL) {
        each->row_table = g_new0(JxTableNode, 1);
        g_autofree char *tp = jx_json_path_key(path, "table");
        compile_table(c, table, tp, &row_scope, each->row_table);
    }
    Scope plain = { NULL, FALSE, outer->level };
    each->empty = compile_string_key(c, block, "empty", path, &plain, FALSE);
    return n;
}

static JxNode *compile_if(Compiler *c, const cJSON *block, const char *path, const Scope *scope)
{
    check_keys(c, block, path, if_keys);
    JxNode *n = node_new(JX_NODE_IF);
    g_autofree char *cp = jx_json_path_key(path, "if");
    g_autofree char *tp = jx_json_path_key(path, "then");
    g_autofree char *xp = jx_json_path_key(path, "else");
    compile_condition(c, item(block, "if"), cp, &n->when.condition);
    n->when.then_nodes = compile_blocks(c, item(block, "then"), tp, scope);
    n->when.else_nodes = compile_blocks(c, item(block, "else"), xp, scope);
    return n;
}

static JxNode *compile_block(Compiler *c, const cJSON *block, const char *path, const Scope *scope)
{
    if (!within_bound(c, &c->blocks, JX_TEMPLATE_MAX_BLOCKS, path, "段落和块", "blocks"))
        return NULL;
    if (cJSON_IsString(block))
        return compile_paragraph(c, block, path, scope);
    if (!cJSON_IsObject(block)) {
        problem(c, path, g_strdup("应为字符串或对象"), g_strdup("must be a string or an object"));
        return NULL;
    }
    if (cJSON_HasObjectItem(block, "each"))
        return compile_each(c, block, path, scope);
    if (cJSON_HasObjectItem(block, "if"))
        return compile_if(c, block, path, scope);
    if (cJSON_HasObjectItem(block, "table")) {
        check_keys(c, block, path, table_keys);
        JxNode *n = node_new(JX_NODE_TABLE);
        g_autofree char *tp = jx_json_path_key(path, "table");
        compile_table(c, item(block, "table"), tp, scope, &n->table);
        return n;
    }
    if (cJSON_HasObjectItem(block, "page_break")) {
        check_keys(c, block, path, break_keys);
        return node_new(JX_NODE_PAGE_BREAK);
    }
    return compile_paragraph(c, block, path, scope);
}

static gpointer compile_one_block(Compiler *c, const cJSON *block, const char *path, const Scope *scope)
{
    return compile_block(c, block, path, scope);
}

static GPtrArray *compile_blocks(Compiler *c, const cJSON *body, const char *path, const Scope *scope)
{
    return compile_list(c, body, path, scope, node_free, compile_one_block);
}

static GPtrArray *compile_sections(Compiler *c, const cJSON *sections, const char *path, int level);

/* A section whose heading is at scope->level. */
static gpointer compile_section(Compiler *c, const cJSON *s, const char *path, const Scope *outer)
{
    if (!cJSON_IsObject(s)) {
        problem(c, path, g_strdup("应为对象"), g_strdup("must be an object"));
        return NULL;
    }
    check_keys(c, s, path, section_keys);
    Scope scope = { NULL, FALSE, outer->level };
    JxSection *section = g_new0(JxSection, 1);
    section->title = compile_string_key(c, s, "title", path, &scope, TRUE);
    g_autofree char *bp = jx_json_path_key(path, "body");
    g_autofree char *sp = jx_json_path_key(path, "sections");
    section->body = compile_blocks(c, item(s, "body"), bp, &scope);
    if (cJSON_HasObjectItem(s, "sections") && scope.level >= MAX_LEVEL) {
        problem(c, sp, g_strdup("标题最多四级"), g_strdup("headings go four levels deep at most"));
        section->sections = g_ptr_array_new_with_free_func(section_free);
    } else {
        section->sections = compile_sections(c, item(s, "sections"), sp, scope.level + 1);
    }
    return section;
}

/* Sections at heading level `level` (1 for the report's own). */
static GPtrArray *compile_sections(Compiler *c, const cJSON *sections, const char *path, int level)
{
    Scope scope = { NULL, FALSE, level };
    return compile_list(c, sections, path, &scope, section_free, compile_section);
}

/* "none_when_blank": [TABLE, …] */
static gboolean *compile_none_when_blank(Compiler *c, const cJSON *report)
{
    gboolean *none = g_new0(gboolean, c->schema->tables->len + 1);
    const cJSON *list = item(report, "none_when_blank");
    if (list == NULL)
        return none;
    const char *path = "$.report.none_when_blank";
    if (!cJSON_IsArray(list)) {
        problem(c, path, g_strdup("应为表编号的数组"), g_strdup("must be an array of table ids"));
        return none;
    }
    int i = 0;
    for (const cJSON *t = list->child; t; t = t->next, i++) {
        g_autofree char *p = jx_json_path_index(path, i);
        int index = table_index(c->schema, compile_table_name(c, t, p));
        if (index >= 0)
            none[index] = TRUE;
    }
    return none;
}

JxTemplate *jx_template_compile(const JxSchema *schema, GPtrArray *problems)
{
    const cJSON *report = schema->report;
    g_return_val_if_fail(report != NULL, NULL);
    Compiler c = { .schema = schema, .problems = problems };
    guint before = problems->len;
    JxTemplate *t = g_new0(JxTemplate, 1);
    t->schema = schema;
    Scope top = { NULL, FALSE, 0 };
    if (!cJSON_IsObject(report)) {
        problem(&c, "$.report", g_strdup("应为对象"), g_strdup("must be an object"));
    } else {
        check_keys(&c, report, "$.report", report_keys);
        t->title = compile_string_key(&c, report, "title", "$.report", &top, TRUE);
    }
    t->preamble = compile_blocks(&c, item(report, "preamble"), "$.report.preamble", &top);
    t->sections = compile_sections(&c, item(report, "sections"), "$.report.sections", 1);
    t->annexes = compile_sections(&c, item(report, "annexes"), "$.report.annexes", 1);
    t->none_when_blank = compile_none_when_blank(&c, report);
    if (problems->len > before) {
        jx_template_free(t);
        return NULL;
    }
    return t;
}

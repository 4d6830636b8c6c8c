/*
 * template.c: checking and expanding the report template.
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
 * Checking and expanding share one parser, so what loads is what renders.
 */
#include "core/template.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/amounts.h"
#include "core/indicator.h"
#include "core/numerals.h"
#include "core/quantity.h"
#include "core/units.h"

/* --- template strings ------------------------------------------------------------ */

typedef struct {
    char *literal;      /* literal text, or NULL for a placeholder */
    char *name;         /* placeholder: "field", ".column", "items", "index" */
    char *format;       /* NULL = text */
    gboolean optional;  /* "{name?}": an empty value is left out, not asked for */
} Segment;

static void segment_free(gpointer data)
{
    Segment *s = data;
    g_free(s->literal);
    g_free(s->name);
    g_free(s->format);
    g_free(s);
}

static const char *const formats[] = {
    "text", "amount", "percent", "number", "integer", "score", "daxie", "numeral", NULL,
};

/* Splits a template into segments; FALSE with a message (zh/en) on a
 * brace that does not close or an empty placeholder. */
static GPtrArray *parse_template(const char *text, char **zh, char **en)
{
    GPtrArray *segments = g_ptr_array_new_with_free_func(segment_free);
    GString *literal = g_string_new(NULL);
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
            *zh = g_strdup_printf("第 %ld 个字符处的“{”没有对应的“}”或为空", position);
            *en = g_strdup_printf("the '{' at character %ld is empty or not closed", position);
            g_string_free(literal, TRUE);
            g_ptr_array_free(segments, TRUE);
            return NULL;
        }
        if (literal->len) {
            Segment *s = g_new0(Segment, 1);
            s->literal = g_strdup(literal->str);
            g_ptr_array_add(segments, s);
            g_string_truncate(literal, 0);
        }
        g_autofree char *inner = g_strstrip(g_strndup(p + 1, (gsize)(close - p - 1)));
        Segment *s = g_new0(Segment, 1);
        gsize length = strlen(inner);
        if (length > 1 && inner[length - 1] == '?') {
            s->optional = TRUE;
            inner[length - 1] = '\0';
        }
        char *bar = strchr(inner, '|');
        if (bar != NULL) {
            *bar = '\0';
            s->format = g_strstrip(g_strdup(bar + 1));
        }
        s->name = g_strstrip(g_strdup(inner));
        g_ptr_array_add(segments, s);
        p = close + 1;
    }
    if (literal->len) {
        Segment *s = g_new0(Segment, 1);
        s->literal = g_strdup(literal->str);
        g_ptr_array_add(segments, s);
    }
    g_string_free(literal, TRUE);
    return segments;
}

/* --- predicates ------------------------------------------------------------------- */

/* Row predicates, optionally negated with "!": met, unmet, qualitative,
 * quantitative, group, item, top, filled:COLUMN, blank:COLUMN, COLUMN=VALUE. */
static const char *const row_predicates[] = {
    "met", "unmet", "qualitative", "quantitative", "group", "item", "top", NULL,
};
/* Document conditions, optionally negated: errors, empty:TABLE,
 * filled:TABLE, blank:FIELD, filled:FIELD. */

/* --- checking --------------------------------------------------------------------- */

typedef struct {
    const JxSchema *schema;
    GPtrArray *problems;
} Checker;

static void check_problem(Checker *c, const char *path, char *zh, char *en)
{
    g_ptr_array_add(c->problems, jx_schema_problem_new(path, zh, en));
}

static char *child_path(const char *parent, const char *key)
{
    return g_strdup_printf("%s.%s", parent, key);
}

static char *index_path(const char *parent, int i)
{
    return g_strdup_printf("%s[%d]", parent, i);
}

static void check_string(Checker *c, const char *text, const char *path, const JxTableSpec *row_table,
                         gboolean in_group)
{
    char *zh = NULL, *en = NULL;
    g_autoptr(GPtrArray) segments = parse_template(text, &zh, &en);
    if (segments == NULL) {
        check_problem(c, path, zh, en);
        return;
    }
    for (guint i = 0; i < segments->len; i++) {
        const Segment *s = g_ptr_array_index(segments, i);
        if (s->literal)
            continue;
        gboolean format_ok = s->format == NULL;
        for (int f = 0; formats[f] && !format_ok; f++)
            format_ok = strcmp(formats[f], s->format) == 0;
        if (!format_ok)
            check_problem(c, path, g_strdup_printf("未知的格式“%s”", s->format),
                          g_strdup_printf("unknown format '%s'", s->format));
        if (s->name[0] == '.') {
            if (row_table == NULL)
                check_problem(c, path, g_strdup_printf("“{%s}”只能用在 each 或 table 中", s->name),
                              g_strdup_printf("'{%s}' is only allowed inside 'each' or 'table'", s->name));
            else if (jx_table_column(row_table, s->name + 1) == NULL)
                check_problem(c, path, g_strdup_printf("表“%s”没有列“%s”", row_table->id, s->name + 1),
                              g_strdup_printf("table '%s' has no column '%s'", row_table->id, s->name + 1));
        } else if (strcmp(s->name, "items") == 0) {
            if (!in_group)
                check_problem(c, path, g_strdup("“{items}”需要在带 items 的 each 中使用"),
                              g_strdup("'{items}' needs an 'each' with 'items'"));
        } else if (strcmp(s->name, "index") == 0) {
            if (row_table == NULL)
                check_problem(c, path, g_strdup("“{index}”只能用在 each 或 table 中"),
                              g_strdup("'{index}' is only allowed inside 'each' or 'table'"));
        } else if (jx_schema_field(c->schema, s->name) == NULL) {
            check_problem(c, path, g_strdup_printf("引用了不存在的字段“%s”", s->name),
                          g_strdup_printf("refers to the unknown field '%s'", s->name));
        }
    }
}

static void check_row_predicate(Checker *c, const cJSON *item, const char *path, const JxTableSpec *t)
{
    if (item == NULL)
        return;
    if (!cJSON_IsString(item)) {
        check_problem(c, path, g_strdup("应为字符串"), g_strdup("must be a string"));
        return;
    }
    const char *p = item->valuestring[0] == '!' ? item->valuestring + 1 : item->valuestring;
    const char *equals = strchr(p, '=');
    if (equals != NULL) {
        g_autofree char *column = g_strndup(p, (gsize)(equals - p));
        if (jx_table_column(t, column) == NULL)
            check_problem(c, path, g_strdup_printf("表“%s”没有列“%s”", t->id, column),
                          g_strdup_printf("table '%s' has no column '%s'", t->id, column));
        return;
    }
    if (g_str_has_prefix(p, "filled:") || g_str_has_prefix(p, "blank:")) {
        const char *column = strchr(p, ':') + 1;
        if (jx_table_column(t, column) == NULL)
            check_problem(c, path, g_strdup_printf("表“%s”没有列“%s”", t->id, column),
                          g_strdup_printf("table '%s' has no column '%s'", t->id, column));
        return;
    }
    for (int i = 0; row_predicates[i]; i++)
        if (strcmp(row_predicates[i], p) == 0)
            return;
    check_problem(c, path, g_strdup_printf("未知的行条件“%s”", item->valuestring),
                  g_strdup_printf("unknown row condition '%s'", item->valuestring));
}

static void check_condition(Checker *c, const cJSON *item, const char *path)
{
    if (!cJSON_IsString(item)) {
        check_problem(c, path, g_strdup("应为字符串"), g_strdup("must be a string"));
        return;
    }
    const char *p = item->valuestring[0] == '!' ? item->valuestring + 1 : item->valuestring;
    if (strcmp(p, "errors") == 0)
        return;
    const char *colon = strchr(p, ':');
    g_autofree char *kind = colon ? g_strndup(p, (gsize)(colon - p)) : g_strdup(p);
    const char *name = colon ? colon + 1 : "";
    gboolean table_ok = jx_schema_table(c->schema, name) != NULL;
    gboolean field_ok = jx_schema_field(c->schema, name) != NULL;
    if ((strcmp(kind, "empty") == 0 && table_ok) || (strcmp(kind, "filled") == 0 && (table_ok || field_ok)) ||
        (strcmp(kind, "blank") == 0 && field_ok))
        return;
    check_problem(c, path, g_strdup_printf("无法识别的条件“%s”（可用：errors、empty:表、filled:表或字段、blank:字段）",
                                           item->valuestring),
                  g_strdup_printf("unrecognised condition '%s' (use errors, empty:TABLE, filled:TABLE or FIELD, blank:FIELD)",
                                  item->valuestring));
}

static void check_keys(Checker *c, const cJSON *obj, const char *path, const char *const *allowed)
{
    for (const cJSON *k = obj->child; k; k = k->next) {
        gboolean ok = FALSE;
        for (int i = 0; allowed[i] && !ok; i++)
            ok = strcmp(allowed[i], k->string) == 0;
        if (!ok) {
            g_autofree char *p = child_path(path, k->string);
            check_problem(c, p, g_strdup_printf("未知的键“%s”", k->string),
                          g_strdup_printf("unknown key '%s'", k->string));
        }
    }
}

static void check_blocks(Checker *c, const cJSON *body, const char *path, const JxTableSpec *row_table);

static void check_string_key(Checker *c, const cJSON *obj, const char *key, const char *path,
                             const JxTableSpec *row_table, gboolean in_group, gboolean required)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    g_autofree char *p = child_path(path, key);
    if (item == NULL) {
        if (required)
            check_problem(c, p, g_strdup("缺少必需的键"), g_strdup("required key is missing"));
        return;
    }
    if (!cJSON_IsString(item))
        check_problem(c, p, g_strdup("应为字符串"), g_strdup("must be a string"));
    else
        check_string(c, item->valuestring, p, row_table, in_group);
}

static const JxTableSpec *check_table_name(Checker *c, const cJSON *item, const char *path)
{
    if (!cJSON_IsString(item)) {
        check_problem(c, path, g_strdup("应为表编号"), g_strdup("must be a table id"));
        return NULL;
    }
    const JxTableSpec *t = jx_schema_table(c->schema, item->valuestring);
    if (t == NULL)
        check_problem(c, path, g_strdup_printf("引用了不存在的表“%s”", item->valuestring),
                      g_strdup_printf("refers to the unknown table '%s'", item->valuestring));
    return t;
}

/* One row of a table: an array of template strings. */
static void check_string_cells(Checker *c, const cJSON *row, const char *path, const JxTableSpec *t)
{
    if (!cJSON_IsArray(row)) {
        check_problem(c, path, g_strdup("应为数组"), g_strdup("must be an array"));
        return;
    }
    int j = 0;
    for (const cJSON *cell = row->child; cell; cell = cell->next, j++) {
        g_autofree char *cp = index_path(path, j);
        if (cJSON_IsString(cell))
            check_string(c, cell->valuestring, cp, t, FALSE);
        else
            check_problem(c, cp, g_strdup("应为字符串"), g_strdup("must be a string"));
    }
}

static void check_string_rows(Checker *c, const cJSON *rows, const char *path, const JxTableSpec *t)
{
    if (rows == NULL)
        return;
    int i = 0;
    for (const cJSON *row = cJSON_IsArray(rows) ? rows->child : NULL; row; row = row->next, i++) {
        g_autofree char *rp = index_path(path, i);
        check_string_cells(c, row, rp, t);
    }
    if (!cJSON_IsArray(rows))
        check_problem(c, path, g_strdup("应为数组"), g_strdup("must be an array"));
}

static void check_block(Checker *c, const cJSON *block, const char *path, const JxTableSpec *row_table)
{
    static const char *const paragraph_keys[] = { "paragraph", "style", NULL };
    static const char *const each_keys[] = { "each", "rows", "where", "paragraph", "cases", "table", "numbered",
                                             "items", "empty", NULL };
    static const char *const case_keys[] = { "where", "paragraph", NULL };
    static const char *const items_keys[] = { "paragraph", "separator", "where", NULL };
    static const char *const if_keys[] = { "if", "then", "else", NULL };
    static const char *const table_keys[] = { "table", NULL };
    static const char *const table_inner_keys[] = { "name", "caption", "header", "source", "where", "row", "rows",
                                                    "after", "widths", NULL };
    static const char *const break_keys[] = { "page_break", NULL };
    if (cJSON_IsString(block)) {
        check_string(c, block->valuestring, path, row_table, FALSE);
        return;
    }
    if (!cJSON_IsObject(block)) {
        check_problem(c, path, g_strdup("应为字符串或对象"), g_strdup("must be a string or an object"));
        return;
    }
    if (cJSON_HasObjectItem(block, "each")) {
        check_keys(c, block, path, each_keys);
        g_autofree char *ep = child_path(path, "each");
        const JxTableSpec *t = check_table_name(c, cJSON_GetObjectItemCaseSensitive(block, "each"), ep);
        if (t == NULL)
            return;
        const cJSON *rows = cJSON_GetObjectItemCaseSensitive(block, "rows");
        static const char *const row_modes[] = { "all", "groups", "top", "leaves", NULL };
        gboolean mode_ok = rows == NULL;
        for (int i = 0; rows && cJSON_IsString(rows) && row_modes[i]; i++)
            mode_ok = mode_ok || strcmp(row_modes[i], rows->valuestring) == 0;
        if (!mode_ok) {
            g_autofree char *rp = child_path(path, "rows");
            check_problem(c, rp, g_strdup("应为 all、groups、top 或 leaves"), g_strdup("must be all, groups, top or leaves"));
        }
        g_autofree char *wp = child_path(path, "where");
        check_row_predicate(c, cJSON_GetObjectItemCaseSensitive(block, "where"), wp, t);
        const cJSON *items = cJSON_GetObjectItemCaseSensitive(block, "items");
        const cJSON *cases = cJSON_GetObjectItemCaseSensitive(block, "cases");
        const cJSON *table = cJSON_GetObjectItemCaseSensitive(block, "table");
        int ways = cJSON_HasObjectItem(block, "paragraph") + (cases != NULL) + (table != NULL);
        if (ways != 1)
            check_problem(c, path, g_strdup("each 应恰好给出 paragraph、cases 或 table 之一"),
                          g_strdup("an 'each' needs exactly one of 'paragraph', 'cases' or 'table'"));
        check_string_key(c, block, "paragraph", path, t, items != NULL, FALSE);
        check_string_key(c, block, "empty", path, NULL, FALSE, FALSE);
        int i = 0;
        for (const cJSON *k = cJSON_IsArray(cases) ? cases->child : NULL; k; k = k->next, i++) {
            g_autofree char *cp = child_path(path, "cases");
            g_autofree char *kp = index_path(cp, i);
            if (!cJSON_IsObject(k)) {
                check_problem(c, kp, g_strdup("应为对象"), g_strdup("must be an object"));
                continue;
            }
            check_keys(c, k, kp, case_keys);
            check_string_key(c, k, "paragraph", kp, t, items != NULL, TRUE);
            g_autofree char *wp2 = child_path(kp, "where");
            check_row_predicate(c, cJSON_GetObjectItemCaseSensitive(k, "where"), wp2, t);
        }
        if (table != NULL) {
            cJSON *wrapper = cJSON_CreateObject();
            cJSON_AddItemReferenceToObject(wrapper, "table", (cJSON *)table);
            check_block(c, wrapper, path, t);
            cJSON_Delete(wrapper);
        }
        if (items != NULL) {
            g_autofree char *ip = child_path(path, "items");
            if (!cJSON_IsObject(items)) {
                check_problem(c, ip, g_strdup("应为对象"), g_strdup("must be an object"));
            } else {
                check_keys(c, items, ip, items_keys);
                check_string_key(c, items, "paragraph", ip, t, FALSE, TRUE);
                g_autofree char *iwp = child_path(ip, "where");
                check_row_predicate(c, cJSON_GetObjectItemCaseSensitive(items, "where"), iwp, t);
            }
        }
        return;
    }
    if (cJSON_HasObjectItem(block, "if")) {
        check_keys(c, block, path, if_keys);
        g_autofree char *cp = child_path(path, "if");
        check_condition(c, cJSON_GetObjectItemCaseSensitive(block, "if"), cp);
        g_autofree char *tp = child_path(path, "then");
        g_autofree char *xp = child_path(path, "else");
        check_blocks(c, cJSON_GetObjectItemCaseSensitive(block, "then"), tp, row_table);
        if (cJSON_HasObjectItem(block, "else"))
            check_blocks(c, cJSON_GetObjectItemCaseSensitive(block, "else"), xp, row_table);
        return;
    }
    if (cJSON_HasObjectItem(block, "table")) {
        check_keys(c, block, path, table_keys);
        const cJSON *t = cJSON_GetObjectItemCaseSensitive(block, "table");
        g_autofree char *tp = child_path(path, "table");
        if (!cJSON_IsObject(t)) {
            check_problem(c, tp, g_strdup("应为对象"), g_strdup("must be an object"));
            return;
        }
        check_keys(c, t, tp, table_inner_keys);
        const JxTableSpec *source = NULL;
        if (cJSON_HasObjectItem(t, "source")) {
            g_autofree char *sp = child_path(tp, "source");
            source = check_table_name(c, cJSON_GetObjectItemCaseSensitive(t, "source"), sp);
            g_autofree char *wp = child_path(tp, "where");
            if (source)
                check_row_predicate(c, cJSON_GetObjectItemCaseSensitive(t, "where"), wp, source);
            const cJSON *row = cJSON_GetObjectItemCaseSensitive(t, "row");
            g_autofree char *rp = child_path(tp, "row");
            if (!cJSON_IsArray(row)) {
                check_problem(c, rp, g_strdup("有 source 的表需要 row 数组"), g_strdup("a table with 'source' needs a 'row' array"));
            } else if (source) {
                int j = 0;
                for (const cJSON *cell = row->child; cell; cell = cell->next, j++) {
                    g_autofree char *cp = index_path(rp, j);
                    if (cJSON_IsString(cell))
                        check_string(c, cell->valuestring, cp, source, FALSE);
                    else
                        check_problem(c, cp, g_strdup("应为字符串"), g_strdup("must be a string"));
                }
            }
        }
        g_autofree char *hp = child_path(tp, "header");
        g_autofree char *rsp = child_path(tp, "rows");
        g_autofree char *ap = child_path(tp, "after");
        const cJSON *header = cJSON_GetObjectItemCaseSensitive(t, "header");
        if (header != NULL)
            check_string_cells(c, header, hp, row_table);   /* one row: header[j] */
        check_string_rows(c, cJSON_GetObjectItemCaseSensitive(t, "rows"), rsp, row_table);
        check_string_rows(c, cJSON_GetObjectItemCaseSensitive(t, "after"), ap, row_table);
        check_string_key(c, t, "caption", tp, row_table, FALSE, FALSE);
        check_string_key(c, t, "name", tp, row_table, FALSE, FALSE);
        return;
    }
    if (cJSON_HasObjectItem(block, "page_break")) {
        check_keys(c, block, path, break_keys);
        return;
    }
    check_keys(c, block, path, paragraph_keys);
    check_string_key(c, block, "paragraph", path, row_table, FALSE, TRUE);
    const cJSON *style = cJSON_GetObjectItemCaseSensitive(block, "style");
    static const char *const styles[] = { "body", "plain", "center", "right", NULL };
    gboolean style_ok = style == NULL;
    for (int i = 0; style && cJSON_IsString(style) && styles[i]; i++)
        style_ok = style_ok || strcmp(styles[i], style->valuestring) == 0;
    if (!style_ok) {
        g_autofree char *sp = child_path(path, "style");
        check_problem(c, sp, g_strdup("应为 body、plain、center 或 right"), g_strdup("must be body, plain, center or right"));
    }
}

static void check_blocks(Checker *c, const cJSON *body, const char *path, const JxTableSpec *row_table)
{
    if (body == NULL)
        return;
    if (!cJSON_IsArray(body)) {
        check_problem(c, path, g_strdup("应为数组"), g_strdup("must be an array"));
        return;
    }
    int i = 0;
    for (const cJSON *block = body->child; block; block = block->next, i++) {
        g_autofree char *p = index_path(path, i);
        check_block(c, block, p, row_table);
    }
}

static void check_sections(Checker *c, const cJSON *sections, const char *path, int depth)
{
    static const char *const section_keys[] = { "title", "body", "sections", "note", NULL };
    if (sections == NULL)
        return;
    if (!cJSON_IsArray(sections)) {
        check_problem(c, path, g_strdup("应为数组"), g_strdup("must be an array"));
        return;
    }
    int i = 0;
    for (const cJSON *s = sections->child; s; s = s->next, i++) {
        g_autofree char *p = index_path(path, i);
        if (!cJSON_IsObject(s)) {
            check_problem(c, p, g_strdup("应为对象"), g_strdup("must be an object"));
            continue;
        }
        check_keys(c, s, p, section_keys);
        check_string_key(c, s, "title", p, NULL, FALSE, TRUE);
        g_autofree char *bp = child_path(p, "body");
        g_autofree char *sp = child_path(p, "sections");
        check_blocks(c, cJSON_GetObjectItemCaseSensitive(s, "body"), bp, NULL);
        if (cJSON_HasObjectItem(s, "sections") && depth >= 4)
            check_problem(c, sp, g_strdup("标题最多四级"), g_strdup("headings go four levels deep at most"));
        else
            check_sections(c, cJSON_GetObjectItemCaseSensitive(s, "sections"), sp, depth + 1);
    }
}

void jx_template_check(const JxSchema *schema, GPtrArray *problems)
{
    static const char *const report_keys[] = { "title", "preamble", "sections", "annexes", "note", NULL };
    const cJSON *report = schema->report;
    if (report == NULL)
        return;
    Checker c = { schema, problems };
    check_keys(&c, report, "$.report", report_keys);
    check_string_key(&c, report, "title", "$.report", NULL, FALSE, TRUE);
    check_blocks(&c, cJSON_GetObjectItemCaseSensitive(report, "preamble"), "$.report.preamble", NULL);
    check_sections(&c, cJSON_GetObjectItemCaseSensitive(report, "sections"), "$.report.sections", 1);
    check_sections(&c, cJSON_GetObjectItemCaseSensitive(report, "annexes"), "$.report.annexes", 1);
}

/* --- building ---------------------------------------------------------------------- */

/* What one report may hold.  Writer lays out a paragraph in time growing
 * with the square of its length: a 2 MB text pasted into a cell, or eight
 * thousand line items joined into one sentence, would freeze the office.
 * Beyond these the report says how much more the workbook holds. */
#define JX_REPORT_MAX_CHARS 5000     /* of one value */
#define JX_REPORT_MAX_ITEMS 200      /* listed by {items} */
#define JX_REPORT_MAX_ROWS 1000      /* of one "each" or table */

typedef struct {
    const JxSchema *schema;
    const JxReportInput *in;
    JxReport *report;
    const JxTableData *table;   /* the current row's table, or NULL */
    int row;                    /* the current row */
    int index;                  /* its 1-based position in the loop */
    const cJSON *items;         /* the "items" spec of the current "each" */
} Builder;

typedef enum { VALUE_EMPTY, VALUE_NUMBER, VALUE_TEXT, VALUE_ERROR } ValueKind;

typedef struct {
    ValueKind kind;
    double number;
    char *text;
} Resolved;

/* A value, with the values Compute would write standing in for empty
 * computed cells. */
static void resolve_value(const Builder *b, const JxValue *v, Resolved *r)
{
    memset(r, 0, sizeof *r);
    if (v == NULL || v->cell == NULL)
        return;
    switch (v->cell->kind) {
    case JX_GRID_NUMBER:
        r->kind = VALUE_NUMBER;
        r->number = v->cell->number;
        return;
    case JX_GRID_TEXT:
        if (!jx_value_is_empty(v)) {
            r->kind = VALUE_TEXT;
            r->text = g_strstrip(g_strdup(v->cell->text));
        }
        return;
    case JX_GRID_ERROR:
        r->kind = VALUE_ERROR;
        r->text = g_strdup(v->cell->text);
        return;
    case JX_GRID_EMPTY:
        break;
    }
    if (b->in->computed == NULL)
        return;
    g_autofree char *address = jx_value_address(b->in->model, v);
    const char *content = g_hash_table_lookup(b->in->computed, address);
    if (content == NULL || content[0] == '\0' || content[0] == '=')
        return;
    char *end;
    double number = g_ascii_strtod(content, &end);
    if (*end == '\0') {
        r->kind = VALUE_NUMBER;
        r->number = number;
    } else {
        r->kind = VALUE_TEXT;
        r->text = g_strdup(content);
    }
}

static char *number_text(double v)
{
    char *s = g_strdup_printf("%.15g", v);
    return s;
}

/* The text of a value in a format; NULL when the value is missing. */
static char *format_value(const Builder *b, const Resolved *r, const char *format, const char *unit)
{
    const JxSettings *s = &b->schema->settings;
    if (r->kind == VALUE_EMPTY || r->kind == VALUE_ERROR)
        return NULL;
    const char *f = format ? format : "text";
    double number = r->number;
    gboolean numeric = r->kind == VALUE_NUMBER;
    gboolean money = strcmp(f, "amount") == 0 || strcmp(f, "daxie") == 0;
    if (!numeric && strcmp(f, "text") != 0) {
        /* "410.42万元", "3300" or "97.6%" in a text cell: read it; a unit of
         * its own wins over the field's */
        JxQuantity q;
        if (jx_quantity_parse(r->text, &q, NULL) && q.kind == JX_QUANTITY_NUMBER) {
            numeric = TRUE;
            number = q.value;
            if (money && q.unit[0] != '\0') {
                numeric = jx_unit_convert(q.value, q.unit, s->amount_unit, &number, NULL);
                unit = s->amount_unit;
            } else if (strcmp(f, "percent") == 0 && strcmp(q.unit, "%") == 0) {
                number = q.value / 100;
            }
        }
    }
    if (!numeric)
        return g_strdup(r->text);
    if (strcmp(f, "amount") == 0) {
        double converted = number;
        if (unit != NULL)
            jx_unit_convert(number, unit, s->amount_unit, &converted, NULL);
        return jx_format_fixed(converted, s->amount_decimals, FALSE);
    }
    if (strcmp(f, "percent") == 0)
        return jx_format_percent(number, 2);
    if (strcmp(f, "score") == 0)
        return jx_format_fixed(number, s->scoring.score_decimals, FALSE);
    if (strcmp(f, "integer") == 0)
        return jx_format_fixed(number, 0, FALSE);
    if (strcmp(f, "daxie") == 0) {
        double yuan;
        if (jx_unit_convert(number, unit ? unit : s->amount_unit, "元", &yuan, NULL)) {
            char *words = jx_amount_in_words(yuan, NULL);
            if (words)
                return words;
        }
        return jx_format_fixed(number, s->amount_decimals, FALSE);
    }
    if (strcmp(f, "numeral") == 0 && number == floor(number) && number >= 0 && number < 1e8) {
        char *numeral = jx_numeral_format((gint64)number, NULL);
        if (numeral)
            return numeral;
    }
    return number_text(number);
}

static const char *field_unit(const JxFieldSpec *f, const JxSettings *s)
{
    return f->type == JX_TYPE_AMOUNT ? (f->unit ? f->unit : s->amount_unit) : NULL;
}

static const char *column_unit(const JxColumnSpec *c, const JxSettings *s)
{
    return c->type == JX_TYPE_AMOUNT ? (c->unit ? c->unit : s->amount_unit) : NULL;
}

static const char *column_name(const JxColumnSpec *c)
{
    const char *label = jx_text_get(&c->label, JX_LANG_ZH);
    return label[0] ? label : (c->header ? c->header : c->id);
}

/* Appends a missing value's placeholder: 【请填写：主要职责】. */
static void add_placeholder(Builder *b, JxBlock *block, const char *label, gboolean error)
{
    g_autofree char *text = g_strdup_printf(error ? "【错误值：%s】" : "【请填写：%s】", label);
    jx_block_add_span(block, text, TRUE);
    b->report->placeholders++;
}

static void render(Builder *b, const char *template, JxBlock *block);

static void render_items(Builder *b, JxBlock *block);

static void render_placeholder(Builder *b, const Segment *s, JxBlock *block)
{
    const JxSettings *settings = &b->schema->settings;
    if (strcmp(s->name, "items") == 0) {
        render_items(b, block);
        return;
    }
    if (strcmp(s->name, "index") == 0) {
        g_autofree char *text = g_strdup_printf("%d", b->index);
        jx_block_add_span(block, text, FALSE);
        return;
    }
    const JxValue *v = NULL;
    const char *unit = NULL, *label = s->name;
    if (s->name[0] == '.') {
        int c = b->table ? jx_table_column_index(b->table->spec, s->name + 1) : -1;
        if (c < 0)
            return;
        const JxColumnSpec *col = g_ptr_array_index(b->table->spec->columns, (guint)c);
        v = &g_array_index(b->table->rows, JxTableRow, b->row).cells[c];
        unit = column_unit(col, settings);
        label = column_name(col);
    } else {
        const JxFieldSpec *f = jx_schema_field(b->schema, s->name);
        v = jx_model_field(b->in->model, s->name);
        if (f) {
            unit = field_unit(f, settings);
            label = jx_text_get(&f->label, JX_LANG_ZH);
        }
    }
    Resolved r;
    resolve_value(b, v, &r);
    g_autofree char *text = format_value(b, &r, s->format, unit);
    glong length = text ? g_utf8_strlen(text, -1) : 0;
    if (length > JX_REPORT_MAX_CHARS) {
        g_autofree char *head = g_utf8_substring(text, 0, JX_REPORT_MAX_CHARS);
        g_autofree char *note = g_strdup_printf("……（“%s”共 %ld 字，此处只列前 %d 字）", label, length,
                                                JX_REPORT_MAX_CHARS);
        jx_block_add_span(block, head, FALSE);
        jx_block_add_span(block, note, TRUE);
    } else if (text != NULL)
        jx_block_add_span(block, text, FALSE);
    else if (!s->optional || r.kind == VALUE_ERROR)
        add_placeholder(b, block, label, r.kind == VALUE_ERROR);
    g_free(r.text);
}

static void render(Builder *b, const char *template, JxBlock *block)
{
    char *zh = NULL, *en = NULL;
    g_autoptr(GPtrArray) segments = parse_template(template ? template : "", &zh, &en);
    g_free(zh);
    g_free(en);
    if (segments == NULL) {   /* checked at load; a literal is the safe reading */
        jx_block_add_span(block, template, FALSE);
        return;
    }
    for (guint i = 0; i < segments->len; i++) {
        const Segment *s = g_ptr_array_index(segments, i);
        if (s->literal)
            jx_block_add_span(block, s->literal, FALSE);
        else
            render_placeholder(b, s, block);
    }
}

/* --- rows and conditions ---------------------------------------------------------- */

static gboolean has_children(const JxTableData *td, int row)
{
    for (guint r = 0; r < td->rows->len; r++)
        if (g_array_index(td->rows, JxTableRow, r).group_parent == row)
            return TRUE;
    return FALSE;
}

/* The indicators check of a table gives its target/actual/… columns. */
static const JxCheckSpec *indicator_check(const JxSchema *s, const JxTableSpec *t)
{
    for (guint i = 0; i < s->checks->len; i++) {
        const JxCheckSpec *c = g_ptr_array_index(s->checks, i);
        if (c->kind == JX_CHECK_INDICATORS && g_strcmp0(c->table, t->id) == 0)
            return c;
    }
    return NULL;
}

static const JxValue *role_cell(const JxCheckSpec *check, const JxTableData *td, int row, const char *role)
{
    const char *column = check ? g_hash_table_lookup(check->columns, role) : NULL;
    int c = column ? jx_table_column_index(td->spec, column) : -1;
    return c >= 0 ? &g_array_index(td->rows, JxTableRow, row).cells[c] : NULL;
}

static gboolean row_matches(const Builder *b, const JxTableData *td, int row, const char *predicate)
{
    if (predicate == NULL)
        return TRUE;
    gboolean negate = predicate[0] == '!';
    const char *p = negate ? predicate + 1 : predicate;
    const JxTableRow *r = &g_array_index(td->rows, JxTableRow, row);
    gboolean result = FALSE;
    const char *equals = strchr(p, '=');
    if (equals != NULL) {
        g_autofree char *column = g_strndup(p, (gsize)(equals - p));
        int c = jx_table_column_index(td->spec, column);
        g_autofree char *text = c >= 0 ? jx_value_text(&r->cells[c]) : g_strdup("");
        g_autofree char *a = jx_label_normalize(text);
        g_autofree char *want = jx_label_normalize(equals + 1);
        result = strcmp(a, want) == 0;
    } else if (g_str_has_prefix(p, "filled:") || g_str_has_prefix(p, "blank:")) {
        int c = jx_table_column_index(td->spec, strchr(p, ':') + 1);
        gboolean empty = c < 0 || jx_value_is_empty(&r->cells[c]);
        result = p[0] == 'b' ? empty : !empty;
    } else if (strcmp(p, "group") == 0) {
        result = has_children(td, row);
    } else if (strcmp(p, "item") == 0) {
        result = r->group_parent >= 0;
    } else if (strcmp(p, "top") == 0) {
        result = r->group_parent < 0;
    } else {
        const JxCheckSpec *check = indicator_check(b->schema, td->spec);
        JxIndicatorCells cells = { role_cell(check, td, row, "target"), role_cell(check, td, row, "actual"),
                                   role_cell(check, td, row, "weight"), role_cell(check, td, row, "band"), NULL };
        JxIndicator ind;
        jx_indicator_evaluate(&b->schema->settings.scoring, &cells, &ind);
        gboolean met = jx_indicator_met(&ind);
        if (strcmp(p, "met") == 0)
            result = met;
        else if (strcmp(p, "unmet") == 0)   /* as validation sees it: a completion or a band says so */
            result = !met && (ind.has_completion || ind.band != JX_BAND_NONE);
        else if (strcmp(p, "qualitative") == 0)
            result = ind.qualitative;
        else if (strcmp(p, "quantitative") == 0)
            result = !ind.qualitative && ind.target_error == NULL;
        jx_indicator_clear(&ind);
    }
    return negate ? !result : result;
}

static gboolean table_is_empty(const Builder *b, const char *table)
{
    const JxTableData *td = jx_model_table(b->in->model, table);
    if (td == NULL || !td->located)
        return TRUE;
    int key = td->spec->key ? jx_table_column_index(td->spec, td->spec->key) : 0;
    for (guint r = 0; r < td->rows->len; r++)
        if (key >= 0 && !jx_value_is_empty(&g_array_index(td->rows, JxTableRow, r).cells[key]))
            return FALSE;
    return TRUE;
}

static gboolean condition_holds(const Builder *b, const char *condition)
{
    gboolean negate = condition[0] == '!';
    const char *p = negate ? condition + 1 : condition;
    gboolean result = FALSE;
    if (strcmp(p, "errors") == 0) {
        int errors = 0;
        jx_findings_count(b->in->findings, &errors, NULL, NULL);
        result = errors > 0;
    } else if (g_str_has_prefix(p, "empty:")) {
        result = table_is_empty(b, p + 6);
    } else if (g_str_has_prefix(p, "filled:") && jx_schema_table(b->schema, p + 7)) {
        result = !table_is_empty(b, p + 7);
    } else if (g_str_has_prefix(p, "filled:") || g_str_has_prefix(p, "blank:")) {
        const JxValue *v = jx_model_field(b->in->model, strchr(p, ':') + 1);
        Resolved r;
        resolve_value(b, v, &r);
        gboolean empty = r.kind == VALUE_EMPTY;
        g_free(r.text);
        result = p[0] == 'b' ? empty : !empty;
    }
    return negate ? !result : result;
}

static gboolean row_in_mode(const JxTableData *td, int row, const char *mode)
{
    if (mode == NULL || strcmp(mode, "all") == 0)
        return TRUE;
    const JxTableRow *r = &g_array_index(td->rows, JxTableRow, row);
    if (strcmp(mode, "groups") == 0)
        return has_children(td, row);
    if (strcmp(mode, "top") == 0)
        return r->group_parent < 0;
    return !has_children(td, row);   /* leaves */
}

/* --- blocks ----------------------------------------------------------------------- */

static const char *string_of(const cJSON *obj, const char *key)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(item) ? item->valuestring : NULL;
}

static void render_items(Builder *b, JxBlock *block)
{
    if (b->items == NULL || b->table == NULL)
        return;
    const char *template = string_of(b->items, "paragraph");
    const char *separator = string_of(b->items, "separator");
    const char *where = string_of(b->items, "where");
    Builder child = *b;
    child.items = NULL;
    int n = 0;
    for (guint r = 0; r < b->table->rows->len; r++) {
        if (g_array_index(b->table->rows, JxTableRow, r).group_parent != b->row ||
            !row_matches(b, b->table, (int)r, where))
            continue;
        if (++n > JX_REPORT_MAX_ITEMS)
            continue;   /* counted, not listed */
        if (n > 1)
            jx_block_add_span(block, separator ? separator : "、", FALSE);
        child.row = (int)r;
        child.index = n;
        render(&child, template, block);
    }
    if (n > JX_REPORT_MAX_ITEMS) {
        g_autofree char *more = g_strdup_printf("等共 %d 项（此处列出前 %d 项）", n, JX_REPORT_MAX_ITEMS);
        jx_block_add_span(block, more, FALSE);
    }
}

static JxParagraphStyle paragraph_style(const char *name)
{
    static const struct { const char *name; JxParagraphStyle style; } styles[] = {
        { "body", JX_PARA_BODY }, { "plain", JX_PARA_PLAIN },
        { "center", JX_PARA_CENTER }, { "right", JX_PARA_RIGHT },
    };
    for (gsize i = 0; name && i < G_N_ELEMENTS(styles); i++)
        if (strcmp(styles[i].name, name) == 0)
            return styles[i].style;
    return JX_PARA_BODY;
}

static void add_paragraph(Builder *b, const char *template, JxParagraphStyle style, const char *prefix)
{
    JxBlock *block = jx_report_add(b->report, JX_BLOCK_PARAGRAPH);
    block->style = style;
    if (prefix)
        jx_block_add_span(block, prefix, FALSE);
    render(b, template, block);
}

static void build_blocks(Builder *b, const cJSON *body);

static void build_table(Builder *b, const cJSON *spec);

static int array_length(const cJSON *array)
{
    return cJSON_IsArray(array) ? cJSON_GetArraySize(array) : 0;
}

/* The paragraph of the first case whose condition the row meets. */
static const char *case_for_row(const Builder *b, const cJSON *cases, const JxTableData *td, int row)
{
    for (const cJSON *k = cJSON_IsArray(cases) ? cases->child : NULL; k; k = k->next) {
        const cJSON *where = cJSON_GetObjectItemCaseSensitive(k, "where");
        if (row_matches(b, td, row, cJSON_IsString(where) ? where->valuestring : NULL)) {
            const cJSON *paragraph = cJSON_GetObjectItemCaseSensitive(k, "paragraph");
            return cJSON_IsString(paragraph) ? paragraph->valuestring : NULL;
        }
    }
    return NULL;
}

static void build_each(Builder *b, const cJSON *block)
{
    const JxTableData *td = jx_model_table(b->in->model, string_of(block, "each"));
    const char *mode = string_of(block, "rows"), *where = string_of(block, "where");
    gboolean numbered = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(block, "numbered"));
    Builder row_builder = *b;
    row_builder.table = td;
    row_builder.items = cJSON_GetObjectItemCaseSensitive(block, "items");
    int n = 0;
    for (guint r = 0; td && td->located && r < td->rows->len; r++) {
        if (!row_in_mode(td, (int)r, mode) || !row_matches(b, td, (int)r, where))
            continue;
        row_builder.row = (int)r;
        const cJSON *table = cJSON_GetObjectItemCaseSensitive(block, "table");
        const char *paragraph = cJSON_HasObjectItem(block, "cases")
            ? case_for_row(b, cJSON_GetObjectItemCaseSensitive(block, "cases"), td, (int)r)
            : string_of(block, "paragraph");
        if (table == NULL && paragraph == NULL)
            continue;   /* no case applies to this row */
        if (++n > JX_REPORT_MAX_ROWS)
            continue;   /* counted, not written */
        row_builder.index = n;
        if (table != NULL) {
            build_table(&row_builder, table);
            continue;
        }
        g_autofree char *number = numbered ? jx_heading_number(3, n, NULL) : NULL;
        add_paragraph(&row_builder, paragraph, JX_PARA_BODY, number);
    }
    if (n == 0 && string_of(block, "empty"))
        add_paragraph(b, string_of(block, "empty"), JX_PARA_BODY, NULL);
    if (n > JX_REPORT_MAX_ROWS) {
        g_autofree char *more = g_strdup_printf("（另有 %d 行未列出，见工作簿。）", n - JX_REPORT_MAX_ROWS);
        JxBlock *note = jx_report_add(b->report, JX_BLOCK_PARAGRAPH);
        jx_block_add_span(note, more, FALSE);
    }
}

/* A row with fewer cells than the table has columns: its last cell spans
 * the rest ("年度目标" | a long text over three columns). */
static void fill_row(Builder *b, JxBlock *table, int row, const cJSON *cells)
{
    int given = MIN(array_length(cells), table->cols);
    for (int c = 0; c < table->cols; c++)
        table->span[row * table->cols + c] = c < given - 1 ? 1 : c == given - 1 ? table->cols - c : 0;
    if (given == 0)
        table->span[row * table->cols] = table->cols;
    int col = 0;
    for (const cJSON *cell = cells ? cells->child : NULL; cell && col < table->cols; cell = cell->next, col++) {
        int before = b->report->placeholders;
        JxBlock *text = jx_block_new(JX_BLOCK_PARAGRAPH);
        render(b, cJSON_IsString(cell) ? cell->valuestring : "", text);
        table->cells[row * table->cols + col] = jx_block_text(text);
        table->cell_placeholder[row * table->cols + col] = b->report->placeholders > before;
        jx_block_free(text);
    }
}


static void build_table(Builder *b, const cJSON *spec)
{
    const cJSON *header = cJSON_GetObjectItemCaseSensitive(spec, "header");
    const cJSON *rows = cJSON_GetObjectItemCaseSensitive(spec, "rows");
    const cJSON *row = cJSON_GetObjectItemCaseSensitive(spec, "row");
    const cJSON *after = cJSON_GetObjectItemCaseSensitive(spec, "after");
    const JxTableData *td = jx_model_table(b->in->model, string_of(spec, "source"));
    const char *where = string_of(spec, "where");
    int cols = MAX(array_length(header), array_length(row));
    for (const cJSON *r = rows ? rows->child : NULL; r; r = r->next)
        cols = MAX(cols, array_length(r));
    for (const cJSON *r = after ? after->child : NULL; r; r = r->next)
        cols = MAX(cols, array_length(r));
    g_autoptr(GArray) source_rows = g_array_new(FALSE, FALSE, sizeof(int));
    int omitted = 0;
    for (guint r = 0; td && td->located && r < td->rows->len; r++)
        if (row_matches(b, td, (int)r, where)) {
            if (source_rows->len < JX_REPORT_MAX_ROWS)
                g_array_append_val(source_rows, r);
            else
                omitted++;
        }
    int n = (header ? 1 : 0) + array_length(rows) + (row ? (int)source_rows->len : 0) + array_length(after);
    if (cols == 0 || n == 0)
        return;
    if (string_of(spec, "caption"))
        add_paragraph(b, string_of(spec, "caption"), JX_PARA_CAPTION, NULL);
    JxBlock *table = jx_report_add(b->report, JX_BLOCK_TABLE);
    table->rows = n;
    table->cols = cols;
    table->header_rows = header ? 1 : 0;
    table->cells = g_new0(char *, (gsize)n * (gsize)cols);
    table->cell_placeholder = g_new0(gboolean, (gsize)n * (gsize)cols);
    table->span = g_new0(int, (gsize)n * (gsize)cols);
    const cJSON *widths = cJSON_GetObjectItemCaseSensitive(spec, "widths");
    if (array_length(widths) == cols) {
        table->widths = g_new0(double, (gsize)cols);
        int c = 0;
        for (const cJSON *w = widths->child; w; w = w->next, c++)
            table->widths[c] = cJSON_IsNumber(w) && w->valuedouble > 0 ? w->valuedouble : 1;
    }
    if (string_of(spec, "name") != NULL) {   /* "项目支出绩效自评表{index}": one name per row */
        int placeholders = b->report->placeholders;   /* a name is not text to fill in */
        JxBlock *text = jx_block_new(JX_BLOCK_PARAGRAPH);
        render(b, string_of(spec, "name"), text);
        table->name = jx_block_text(text);
        jx_block_free(text);
        b->report->placeholders = placeholders;
    } else {
        table->name = g_strdup("");
    }
    int at = 0;
    Builder literal = *b;   /* literal rows see the loop's row, if any */
    if (header)
        fill_row(&literal, table, at++, header);
    for (const cJSON *r = rows ? rows->child : NULL; r; r = r->next)
        fill_row(&literal, table, at++, r);
    Builder row_builder = *b;
    row_builder.table = td;
    for (guint i = 0; row && td && i < source_rows->len; i++) {
        row_builder.row = g_array_index(source_rows, int, i);
        row_builder.index = (int)i + 1;
        fill_row(&row_builder, table, at++, row);
    }
    for (const cJSON *r = after ? after->child : NULL; r; r = r->next)
        fill_row(&literal, table, at++, r);
    for (int i = 0; i < n * cols; i++)
        if (table->cells[i] == NULL)
            table->cells[i] = g_strdup("");
    if (omitted > 0) {
        g_autofree char *more = g_strdup_printf("（表中另有 %d 行未列出，见工作簿。）", omitted);
        JxBlock *note = jx_report_add(b->report, JX_BLOCK_PARAGRAPH);
        note->style = JX_PARA_PLAIN;
        jx_block_add_span(note, more, FALSE);
    }
}

static void build_block(Builder *b, const cJSON *block)
{
    if (cJSON_IsString(block)) {
        add_paragraph(b, block->valuestring, JX_PARA_BODY, NULL);
    } else if (cJSON_HasObjectItem(block, "each")) {
        build_each(b, block);
    } else if (cJSON_HasObjectItem(block, "if")) {
        const char *condition = string_of(block, "if");
        build_blocks(b, cJSON_GetObjectItemCaseSensitive(block, condition_holds(b, condition) ? "then" : "else"));
    } else if (cJSON_HasObjectItem(block, "table")) {
        build_table(b, cJSON_GetObjectItemCaseSensitive(block, "table"));
    } else if (cJSON_HasObjectItem(block, "page_break")) {
        jx_report_add(b->report, JX_BLOCK_PAGE_BREAK);
    } else {
        add_paragraph(b, string_of(block, "paragraph"), paragraph_style(string_of(block, "style")), NULL);
    }
}

static void build_blocks(Builder *b, const cJSON *body)
{
    for (const cJSON *block = cJSON_IsArray(body) ? body->child : NULL; block; block = block->next)
        build_block(b, block);
}

/* Sections: the heading number comes from the position among siblings. */
static void build_sections(Builder *b, const cJSON *sections, int level, gboolean numbered,
                           gboolean page_per_section)
{
    int index = 0;
    for (const cJSON *s = cJSON_IsArray(sections) ? sections->child : NULL; s; s = s->next) {
        if (page_per_section)
            jx_report_add(b->report, JX_BLOCK_PAGE_BREAK);
        JxBlock *heading = jx_report_add(b->report, JX_BLOCK_HEADING);
        heading->level = level;
        heading->number = numbered ? jx_heading_number(level, ++index, NULL) : g_strdup("");
        render(b, string_of(s, "title"), heading);
        build_blocks(b, cJSON_GetObjectItemCaseSensitive(s, "body"));
        build_sections(b, cJSON_GetObjectItemCaseSensitive(s, "sections"), level + 1, numbered, FALSE);
    }
}

static char *field_text(const Builder *b, const char *id)
{
    Resolved r;
    resolve_value(b, jx_model_field(b->in->model, id), &r);
    char *text = format_value(b, &r, "text", NULL);
    g_free(r.text);
    return text;
}

JxReport *jx_report_build(const JxSchema *schema, const JxReportInput *input)
{
    JxReport *report = jx_report_new();
    Builder b = { schema, input, report, NULL, -1, 0, NULL };
    report->department = field_text(&b, "department");
    report->year = field_text(&b, "year");
    const cJSON *template = schema->report;
    if (template == NULL)
        return report;
    JxBlock *title = jx_report_add(report, JX_BLOCK_TITLE);
    render(&b, string_of(template, "title"), title);
    report->title = jx_block_text(title);
    build_blocks(&b, cJSON_GetObjectItemCaseSensitive(template, "preamble"));
    build_sections(&b, cJSON_GetObjectItemCaseSensitive(template, "sections"), 1, TRUE, FALSE);
    build_sections(&b, cJSON_GetObjectItemCaseSensitive(template, "annexes"), 1, FALSE, TRUE);
    return report;
}

/*
 * check_core.c: generated departments through the domain core, without the
 * office.  Usage: check_core DIR (DIR/cases.jsonl from generate.py).
 *
 * For every case the workbook is built from its cells, validated with its
 * schema, and its findings compared with the expected ones (code, sheet,
 * cell): a clean department must have none, a planted fault exactly its
 * one.  For a clean department Compute is planned in both modes and the
 * formulas evaluated (JX functions through the function table, SUM, ROUND
 * and a ratio, the only formulas Compute writes), so that the two modes are
 * compared cell for cell.  The real office does the same for a smaller
 * number of them (run_office.py).
 *
 * Output: one TAP line per case, then "# generator (core): …" with the
 * figures, and exit status 1 if any case failed.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <glib.h>

#include "calc/functions.h"
#include "core/amounts.h"
#include "core/compute.h"
#include "core/findings.h"
#include "core/model.h"
#include "core/schema.h"
#include "core/validate.h"
#include "core/workbook.h"
#include "grid.h"

/* --- evaluating the formulas Compute writes ---------------------------------------------- */

typedef struct {
    JxCellKind kind;          /* EMPTY, NUMBER, TEXT, ERROR (an error value or #N/A) */
    double number;
    char *text;
} Value;

typedef struct {
    const JxWorkbook *wb;
    GHashTable *written;      /* "sheet:row:col" → content, the plan's writes */
    GHashTable *memo;         /* "sheet:row:col" → Value* */
    int depth;
} Evaluation;

static Value cell_value(Evaluation *s, int sheet, int row, int col);

static Value number_value(double n) { return (Value){ JX_CELL_NUMBER, n, NULL }; }
static Value error_value(void) { return (Value){ JX_CELL_ERROR, 0, NULL }; }

typedef struct {
    Evaluation *s;
    int sheet;                /* the formula's own sheet */
    const char *p;
} Parser;

static int sheet_index(const JxWorkbook *wb, const char *name)
{
    const JxSheet *sheet = jx_workbook_sheet(wb, name);
    return sheet ? sheet->index : -1;
}

/* D5 or $'基础数据表'.D5 at p; FALSE if there is none. */
static gboolean parse_ref(Parser *q, int *sheet, int *row, int *col)
{
    const char *p = q->p;
    *sheet = q->sheet;
    if (p[0] == '$' && p[1] == '\'') {
        GString *name = g_string_new(NULL);
        for (p += 2; *p && !(p[0] == '\'' && p[1] != '\''); p++) {
            if (p[0] == '\'')
                p++;
            g_string_append_c(name, *p);
        }
        *sheet = sheet_index(q->s->wb, name->str);
        g_string_free(name, TRUE);
        if (*p != '\'' || p[1] != '.')
            return FALSE;
        p += 2;
    }
    const char *start = p;
    while (g_ascii_isupper(*p))
        p++;
    if (p == start || !g_ascii_isdigit(*p))
        return FALSE;
    g_autofree char *letters = g_strndup(start, (gsize)(p - start));
    *col = jx_column_from_letters(letters);
    *row = (int)strtol(p, (char **)&p, 10) - 1;
    q->p = p;
    return TRUE;
}

static Value parse_expr(Parser *q);

/* The arguments of a call, each evaluated; an empty one is EMPTY. */
static GArray *parse_args(Parser *q)
{
    GArray *args = g_array_new(FALSE, TRUE, sizeof(Value));
    if (*q->p == ')') {
        q->p++;
        return args;
    }
    for (;;) {
        Value v = { JX_CELL_EMPTY, 0, NULL };
        if (*q->p != ';' && *q->p != ')')
            v = parse_expr(q);
        g_array_append_val(args, v);
        if (*q->p == ';') {
            q->p++;
            continue;
        }
        if (*q->p == ')')
            q->p++;
        return args;
    }
}

static void values_free(GArray *args)
{
    for (guint i = 0; i < args->len; i++)
        g_free(g_array_index(args, Value, i).text);
    g_array_free(args, TRUE);
}

static const JxFunctionSpec *function_named(const char *method)
{
    gsize n;
    const JxFunctionSpec *specs = jx_functions(&n);
    for (gsize i = 0; i < n; i++)
        if (g_ascii_strcasecmp(specs[i].method, method) == 0)
            return &specs[i];
    return NULL;
}

/* A JX function as Calc calls it: an empty cell arrives as 0, a left-out
 * argument as nothing, an error argument gives the error. */
static Value call_jx(const char *method, GArray *args)
{
    const JxFunctionSpec *spec = function_named(method);
    if (spec == NULL)
        return error_value();
    JxCellValue cells[JX_MAX_ARGS] = { 0 };
    for (guint i = 0; i < args->len && i < JX_MAX_ARGS; i++) {
        const Value *v = &g_array_index(args, Value, i);
        if (v->kind == JX_CELL_ERROR)
            return error_value();
        cells[i].kind = v->kind;
        cells[i].number = v->number;
        cells[i].text = v->text;
    }
    JxFunctionContext context = { JX_LANG_EN };
    JxCellResult result;
    jx_function_call(spec, &context, cells, &result);
    Value out = error_value();
    if (result.kind == JX_RESULT_NUMBER)
        out = number_value(result.number);
    else if (result.kind == JX_RESULT_TEXT)
        out = (Value){ JX_CELL_TEXT, 0, g_strdup(result.text) };
    jx_result_clear(&result);
    return out;
}

static Value parse_term(Parser *q)
{
    int sheet, row, col;
    const char *start = q->p;
    if (*q->p == '"') {
        const char *end = strchr(q->p + 1, '"');
        Value v = { JX_CELL_TEXT, 0, g_strndup(q->p + 1, (gsize)(end - q->p - 1)) };
        q->p = end + 1;
        return v;
    }
    if (g_ascii_isdigit(*q->p) || *q->p == '-') {
        char *end;
        double n = g_ascii_strtod(q->p, &end);
        q->p = end;
        return number_value(n);
    }
    if (parse_ref(q, &sheet, &row, &col)) {
        Value v = cell_value(q->s, sheet, row, col);
        /* a reference to an empty cell is 0 to a function */
        return v.kind == JX_CELL_EMPTY ? number_value(0) : (Value){ v.kind, v.number, g_strdup(v.text) };
    }
    q->p = start;
    while (g_ascii_isalnum(*q->p) || *q->p == '.' || *q->p == '_')
        q->p++;
    g_autofree char *name = g_strndup(start, (gsize)(q->p - start));
    if (*q->p != '(')
        return error_value();
    q->p++;
    /* SUM skips what is not a number, as Calc does; its references are read raw */
    if (strcmp(name, "SUM") == 0) {
        double sum = 0;
        gboolean error = FALSE;
        for (;;) {
            const char *arg = q->p;
            Value v;
            if (parse_ref(q, &sheet, &row, &col) && (*q->p == ';' || *q->p == ')')) {
                v = cell_value(q->s, sheet, row, col);
                v.text = NULL;                     /* borrowed from the memo */
            } else {
                q->p = arg;
                v = parse_expr(q);
                g_free(v.text);
                v.text = NULL;
            }
            error = error || v.kind == JX_CELL_ERROR;
            if (v.kind == JX_CELL_NUMBER)
                sum += v.number;
            if (*q->p == ';') {
                q->p++;
                continue;
            }
            q->p++;
            break;
        }
        return error ? error_value() : number_value(sum);
    }
    GArray *args = parse_args(q);
    Value out = error_value();
    if (strcmp(name, "ROUND") == 0) {
        Value x = g_array_index(args, Value, 0), n = g_array_index(args, Value, 1);
        if (x.kind == JX_CELL_NUMBER)
            out = number_value(jx_round(x.number, (int)n.number));
    } else if (g_str_has_prefix(name, JX_FORMULA_PREFIX)) {
        out = call_jx(name + strlen(JX_FORMULA_PREFIX), args);
    }
    values_free(args);
    return out;
}

static Value parse_expr(Parser *q)
{
    Value a = parse_term(q);
    if (*q->p != '/')
        return a;
    q->p++;
    Value b = parse_term(q);
    Value out = a.kind == JX_CELL_NUMBER && b.kind == JX_CELL_NUMBER && b.number != 0
                    ? number_value(a.number / b.number) : error_value();
    g_free(a.text);
    g_free(b.text);
    return out;
}

static char *key_of(int sheet, int row, int col)
{
    return g_strdup_printf("%d:%d:%d", sheet, row, col);
}

/* The value a cell shows once the plan is written (memoised; a formula
 * evaluated the first time). */
static Value cell_value(Evaluation *s, int sheet, int row, int col)
{
    g_autofree char *key = key_of(sheet, row, col);
    Value *memo = g_hash_table_lookup(s->memo, key);
    if (memo != NULL)
        return *memo;
    Value v = { JX_CELL_EMPTY, 0, NULL };
    const char *content = g_hash_table_lookup(s->written, key);
    if (content != NULL) {
        if (content[0] == '=' && s->depth < 64) {
            s->depth++;
            Parser q = { s, sheet, content + 1 };
            v = parse_expr(&q);
            s->depth--;
        } else if (content[0] == '=') {
            v = error_value();
        } else if (content[0] != '\0') {
            char *end;
            double n = g_ascii_strtod(content, &end);
            v = *end == '\0' ? number_value(n) : (Value){ JX_CELL_TEXT, 0, g_strdup(content) };
        }
    } else if (sheet >= 0 && (guint)sheet < s->wb->sheets->len) {
        const JxGridCell *cell = jx_sheet_cell(g_ptr_array_index(s->wb->sheets, (guint)sheet), row, col);
        if (cell->kind == JX_GRID_NUMBER)
            v = number_value(cell->number);
        else if (cell->kind == JX_GRID_TEXT)
            v = (Value){ JX_CELL_TEXT, 0, g_strdup(cell->text) };
        else if (cell->kind == JX_GRID_ERROR)
            v = error_value();
    }
    Value *stored = g_new(Value, 1);
    *stored = v;
    g_hash_table_insert(s->memo, g_steal_pointer(&key), stored);
    return v;
}

static void value_free(gpointer data)
{
    g_free(((Value *)data)->text);
    g_free(data);
}

static GHashTable *writes_of(const JxComputePlan *plan)
{
    GHashTable *written = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < plan->writes->len; i++) {
        const JxCellWrite *w = &g_array_index(plan->writes, JxCellWrite, i);
        g_hash_table_insert(written, key_of(w->sheet, w->row, w->col), w->content);
    }
    return written;
}

static gboolean same_value(Value a, Value b)
{
    if (a.kind != b.kind)
        return FALSE;
    if (a.kind == JX_CELL_NUMBER)
        return fabs(a.number - b.number) <= 1e-9 * MAX(1.0, fabs(a.number));
    if (a.kind == JX_CELL_TEXT)
        return g_strcmp0(a.text, b.text) == 0;
    return TRUE;
}

static char *value_text(Value v)
{
    switch (v.kind) {
    case JX_CELL_NUMBER: return g_strdup_printf("%.15g", v.number);
    case JX_CELL_TEXT: return g_strdup_printf("'%s'", v.text);
    case JX_CELL_ERROR: return g_strdup("error");
    default: return g_strdup("empty");
    }
}

/* Formulas and values of Compute, cell for cell; mismatches appended to
 * problems.  Returns the number of cells compared. */
static int compare_modes(const JxModel *model, GString *problems)
{
    g_autoptr(JxComputePlan) values = jx_compute_plan(model, JX_COMPUTE_MODE_VALUES, NULL);
    g_autoptr(JxComputePlan) formulas = jx_compute_plan(model, JX_COMPUTE_MODE_FORMULAS, NULL);
    Evaluation v = { model->workbook, writes_of(values), g_hash_table_new_full(g_str_hash, g_str_equal, g_free, value_free), 0 };
    Evaluation f = { model->workbook, writes_of(formulas), g_hash_table_new_full(g_str_hash, g_str_equal, g_free, value_free), 0 };
    g_autoptr(GHashTable) cells = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTableIter iter;
    gpointer key;
    g_hash_table_iter_init(&iter, v.written);
    while (g_hash_table_iter_next(&iter, &key, NULL))
        g_hash_table_add(cells, key);
    g_hash_table_iter_init(&iter, f.written);
    while (g_hash_table_iter_next(&iter, &key, NULL))
        g_hash_table_add(cells, key);
    int compared = 0;
    g_hash_table_iter_init(&iter, cells);
    while (g_hash_table_iter_next(&iter, &key, NULL)) {
        int sheet, row, col;
        sscanf(key, "%d:%d:%d", &sheet, &row, &col);
        Value a = cell_value(&v, sheet, row, col), b = cell_value(&f, sheet, row, col);
        compared++;
        if (!same_value(a, b)) {
            g_autofree char *address = jx_address_format(model->workbook, sheet, row, col);
            g_autofree char *at = value_text(a), *bt = value_text(b);
            g_string_append_printf(problems, "#   %s: values %s, formulas %s (%s)\n", address, at, bt,
                                   (const char *)g_hash_table_lookup(f.written, key));
        }
    }
    if (values->findings->len != formulas->findings->len)
        g_string_append_printf(problems, "#   values mode: %u findings, formulas mode: %u\n",
                               values->findings->len, formulas->findings->len);
    g_hash_table_unref(v.written);
    g_hash_table_unref(f.written);
    g_hash_table_unref(v.memo);
    g_hash_table_unref(f.memo);
    return compared;
}

/* --- the cases ----------------------------------------------------------------------- */

static char *finding_key(const JxWorkbook *wb, const JxFinding *f)
{
    const char *sheet = f->sheet >= 0 && (guint)f->sheet < wb->sheets->len
                            ? ((JxSheet *)g_ptr_array_index(wb->sheets, (guint)f->sheet))->name : "";
    g_autofree char *letters = jx_column_letters(f->col);
    return g_strdup_printf("%s %s!%s%d", f->kind->code, sheet, letters, f->row + 1);
}

typedef struct {
    int cases, departments, clean, faults, found, false_findings, missed, modes_compared, cells_compared,
        mode_mismatches, same_as_clean, failed;
    GHashTable *schemas;      /* path → JxSchema* */
    GHashTable *by_fault;     /* fault → found count */
    GHashTable *clean_fields; /* field id → what values mode writes, for the last clean department */
} Tally;

/* What values mode writes into each computed field ("" when nothing). */
static GHashTable *field_values(const JxModel *model, const cJSON *fields)
{
    g_autoptr(JxComputePlan) plan = jx_compute_plan(model, JX_COMPUTE_MODE_VALUES, NULL);
    GHashTable *values = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    const cJSON *field;
    cJSON_ArrayForEach(field, fields) {
        const char *sheet = cJSON_GetArrayItem(field, 0)->valuestring;
        const char *cell = cJSON_GetArrayItem(field, 1)->valuestring;
        const char *content = "";
        for (guint i = 0; i < plan->writes->len; i++) {
            const JxCellWrite *w = &g_array_index(plan->writes, JxCellWrite, i);
            g_autofree char *address = jx_address_format(model->workbook, w->sheet, w->row, w->col);
            g_autofree char *wanted = g_strdup_printf("%s!%s", sheet, cell);
            if (strcmp(address, wanted) == 0)
                content = w->content;
        }
        g_hash_table_insert(values, g_strdup(field->string), g_strdup(content));
    }
    return values;
}

static JxSchema *schema_for(Tally *t, const char *dir, const char *relative)
{
    g_autofree char *path = g_build_filename(dir, relative, NULL);
    JxSchema *schema = g_hash_table_lookup(t->schemas, path);
    if (schema == NULL) {
        GError *error = NULL;
        schema = jx_schema_load_file(path, NULL, &error);
        if (schema == NULL) {
            g_printerr("%s: %s\n", path, error->message);
            exit(2);
        }
        g_hash_table_insert(t->schemas, g_strdup(path), schema);
    }
    return schema;
}

static void run_case(Tally *t, const char *dir, const cJSON *c)
{
    const char *id = cJSON_GetObjectItem(c, "id")->valuestring;
    const cJSON *fault = cJSON_GetObjectItem(c, "fault");
    gboolean clean = !cJSON_IsString(fault);
    JxSchema *schema = schema_for(t, dir, cJSON_GetObjectItem(c, "schema")->valuestring);
    g_autoptr(JxWorkbook) wb = workbook_of(cJSON_GetObjectItem(c, "grid"), id);
    g_autoptr(JxModel) model = jx_model_build(schema, wb);
    g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func(jx_finding_free);
    jx_validate(model, findings);

    /* expected and found, as "CODE sheet!A1" multisets */
    g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func(g_free);
    const cJSON *e;
    cJSON_ArrayForEach(e, cJSON_GetObjectItem(c, "expect"))
        g_ptr_array_add(expected, g_strdup_printf("%s %s!%s", cJSON_GetObjectItem(e, "code")->valuestring,
                                                  cJSON_GetObjectItem(e, "sheet")->valuestring,
                                                  cJSON_GetObjectItem(e, "cell")->valuestring));
    GString *problems = g_string_new(NULL);
    int extra = 0, missing = 0;
    g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < findings->len; i++)
        g_ptr_array_add(found, finding_key(wb, g_ptr_array_index(findings, i)));
    for (guint i = 0; i < expected->len; i++) {
        guint at;
        if (g_ptr_array_find_with_equal_func(found, g_ptr_array_index(expected, i), g_str_equal, &at)) {
            g_ptr_array_remove_index(found, at);
        } else {
            missing++;
            g_string_append_printf(problems, "#   missed: %s\n", (const char *)g_ptr_array_index(expected, i));
        }
    }
    for (guint i = 0; i < found->len; i++) {
        extra++;
        const JxFinding *f = NULL;
        for (guint k = 0; k < findings->len && f == NULL; k++) {
            g_autofree char *key = finding_key(wb, g_ptr_array_index(findings, k));
            if (strcmp(key, g_ptr_array_index(found, i)) == 0)
                f = g_ptr_array_index(findings, k);
        }
        g_string_append_printf(problems, "#   unexpected: %s %s\n", (const char *)g_ptr_array_index(found, i),
                               f ? f->text[JX_LANG_ZH] : "");
    }
    if (clean || cJSON_IsTrue(cJSON_GetObjectItem(c, "same_as_clean"))) {
        GHashTable *values = field_values(model, cJSON_GetObjectItem(c, "fields"));
        if (clean) {
            if (t->clean_fields)
                g_hash_table_unref(t->clean_fields);
            t->clean_fields = values;
        } else {
            /* a blank row changes no total, score or grade Compute writes */
            GHashTableIter iter;
            gpointer field, value;
            g_hash_table_iter_init(&iter, values);
            while (g_hash_table_iter_next(&iter, &field, &value)) {
                const char *before = t->clean_fields ? g_hash_table_lookup(t->clean_fields, field) : NULL;
                if (g_strcmp0(before, value) != 0)
                    g_string_append_printf(problems, "#   %s: Compute writes '%s', in the clean copy '%s'\n",
                                           (const char *)field, (const char *)value, before ? before : "?");
            }
            t->same_as_clean++;
            g_hash_table_unref(values);
        }
    }
    if (cJSON_IsTrue(cJSON_GetObjectItem(c, "compare_modes"))) {
        GString *modes = g_string_new(NULL);
        t->cells_compared += compare_modes(model, modes);
        t->modes_compared++;
        if (modes->len > 0) {
            t->mode_mismatches++;
            g_string_append_printf(problems, "#   formulas and values disagree:\n%s", modes->str);
        }
        g_string_free(modes, TRUE);
    }
    t->cases++;
    t->false_findings += extra;
    if (clean) {
        t->departments++;
        t->clean += problems->len == 0;
    } else {
        t->faults++;
        t->missed += missing;
        if (missing == 0) {
            t->found++;
            int n = GPOINTER_TO_INT(g_hash_table_lookup(t->by_fault, fault->valuestring));
            g_hash_table_insert(t->by_fault, g_strdup(fault->valuestring), GINT_TO_POINTER(n + 1));
        }
    }
    gboolean ok = problems->len == 0;
    t->failed += !ok;
    printf("%s %d %s (%s, %s)\n", ok ? "ok" : "not ok", t->cases, id,
           cJSON_GetObjectItem(c, "department")->valuestring, cJSON_GetObjectItem(c, "variant")->valuestring);
    if (!ok)
        fputs(problems->str, stdout);
    g_string_free(problems, TRUE);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s DIR (with DIR/cases.jsonl from tests/generator/generate.py)\n", argv[0]);
        return 2;
    }
    g_autofree char *path = g_build_filename(argv[1], "cases.jsonl", NULL);
    FILE *in = fopen(path, "r");
    if (in == NULL) {
        perror(path);
        return 2;
    }
    Tally t = { 0 };
    t.schemas = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)jx_schema_free);
    t.by_fault = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    size_t size = 0;
    char *line = NULL;
    while (getline(&line, &size, in) > 0) {
        cJSON *c = cJSON_Parse(line);
        if (c == NULL) {
            fprintf(stderr, "%s: a line is not JSON\n", path);
            return 2;
        }
        run_case(&t, argv[1], c);
        cJSON_Delete(c);
    }
    free(line);
    fclose(in);
    printf("1..%d\n", t.cases);
    printf("# generator (core): %d departments validated (%d clean), %d faults planted, %d found at their cell, "
           "%d missed, %d false findings; formulas and values compared on %d workbooks (%d cells), %d disagree; "
           "%d with a blank row compute as without it\n",
           t.departments, t.clean, t.faults, t.found, t.missed,
           t.false_findings, t.modes_compared, t.cells_compared, t.mode_mismatches, t.same_as_clean);
    GHashTableIter iter;
    gpointer key, value;
    g_hash_table_iter_init(&iter, t.by_fault);
    GString *kinds = g_string_new(NULL);
    while (g_hash_table_iter_next(&iter, &key, &value))
        g_string_append_printf(kinds, " %s %d;", (const char *)key, GPOINTER_TO_INT(value));
    printf("# faults found by kind:%s\n", kinds->str);
    g_string_free(kinds, TRUE);
    g_hash_table_unref(t.schemas);
    g_hash_table_unref(t.by_fault);
    if (t.clean_fields)
        g_hash_table_unref(t.clean_fields);
    return t.failed ? 1 : 0;
}

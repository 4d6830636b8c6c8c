/*
 * render.c: walking the compiled template over a workbook's model.
 *
 * Three words carry the wording rules:
 *   a row is *in use* when one of the optional amounts it shows holds an
 *     amount (line items a department does not use stay blank; 0 counts
 *     only where the template says "zeros");
 *   a row is a *none row* when its key reads 无 (or its amounts are written
 *     as 0): the workbook saying there is nothing;
 *   an absence is *stated* when the workbook says it: the table has none
 *     rows, or (in a workbook the department has filled in) it holds rows in
 *     use that the list leaves out, or it is blank and the workbook's own
 *     instructions make a blank table mean none.
 * A list with nothing to name writes its "empty" sentence only when the
 * absence is stated, else a placeholder asking for the rows.
 */
#include "core/render.h"

#include <math.h>
#include <string.h>

#include "core/amounts.h"
#include "core/binding.h"
#include "core/error.h"
#include "core/indicator.h"
#include "core/names.h"
#include "core/numerals.h"
#include "core/odf.h"
#include "core/quantity.h"
#include "core/units.h"

/* What one report may hold.  Writer lays out a paragraph in time growing
 * with the square of its length: a 2 MB text pasted into a cell, or eight
 * thousand line items joined into one sentence, would freeze the office.
 * Beyond these the report says how much more the workbook holds. */
#define JX_REPORT_MAX_CHARS 5000     /* of one value */
#define JX_REPORT_MAX_ITEMS 200      /* listed by {items} */
#define JX_REPORT_MAX_ROWS 1000      /* of one "each" or table */

/* Key cells that say "nothing here". */
static const char *const none_words[] = { "无", "没有", "无此项", "无此项支出", "不适用", "/", "-", "—", "——", "－", NULL };

typedef struct {
    const JxTemplate *t;
    const JxSchema *schema;
    const JxReportInput *in;
    JxReport *report;
    GHashTable *notes;         /* "sheet:row:col" → what validation found there */
    gboolean **has_children;   /* per table, per row */
    gboolean filled;           /* the department has filled the workbook in */
    gboolean ends_in_text;     /* the last thing rendered was a text from a cell */
    /* what the report holds so far, against its budget (render.h) */
    JxReportBudget budget, used;
    const char *where;         /* the JSON path of the template part being rendered */
    GError *stopped;           /* a budget ran out: nothing more is rendered, no report */
    gboolean unbound;          /* rendering text that is not part of the document (a table's name) */
    int **occurrence;          /* per table, per row: which row of its name it is (made when needed) */
} Renderer;

/* Where a pattern is rendered. */
typedef struct {
    const JxTableData *table;  /* the current row's table, or NULL */
    int row;                   /* the current row */
    int index;                 /* its 1-based position in the loop */
    const JxItemsSpec *items;  /* the "items" of the current "each" */
    int level;                 /* the heading level of the section around (0: none) */
} Scope;

/* ---- the budgets ---------------------------------------------------------------- */

/* FALSE once a budget has run out; the first time, the reason (naming the
 * template part being rendered) is kept for the caller. */
static gboolean within_budget(Renderer *R, gint64 count, gint64 budget, const char *zh_what, const char *en_what)
{
    if (R->stopped != NULL)
        return FALSE;
    if (count <= budget)
        return TRUE;
    g_autofree char *what = jx_bilingual(zh_what, en_what);
    jx_set_error(&R->stopped, JX_ERROR_SCHEMA,
                 "报告模板在 %1$s 处展开过大：%2$s超过 %3$" G_GINT64_FORMAT "，未生成报告（请检查该处的 each、items 和表格）",
                 "the report template expands too far at %1$s: more than %3$" G_GINT64_FORMAT
                 " %2$s; no report was written (check the each, items and tables there)",
                 R->where ? R->where : "$.report", what, budget);
    return FALSE;
}

/* One more workbook row looked at by a loop. */
static gboolean visit_row(Renderer *R)
{
    return within_budget(R, ++R->used.rows, R->budget.rows, "查看的工作簿行数", "workbook rows looked at");
}

/* A block of the report; paragraphs and headings are counted. */
static JxBlock *add_block(Renderer *R, JxBlockKind kind)
{
    if (kind != JX_BLOCK_TABLE && kind != JX_BLOCK_PAGE_BREAK)
        within_budget(R, ++R->used.paragraphs, R->budget.paragraphs, "段落数", "paragraphs");
    R->used.paragraph_chars = 0;
    return jx_report_add(R->report, kind);
}

/* Text into a block, counted in the report and in its paragraph. */
static void count_chars(Renderer *R, const char *text)
{
    glong n = text ? g_utf8_strlen(text, -1) : 0;
    R->used.chars += n;
    R->used.paragraph_chars += n;
    within_budget(R, R->used.paragraph_chars, R->budget.paragraph_chars, "一个段落的字数", "characters in one paragraph");
    within_budget(R, R->used.chars, R->budget.chars, "报告的字数", "characters in the report");
}

static void add_span(Renderer *R, JxBlock *block, const char *text, gboolean placeholder)
{
    count_chars(R, text);
    jx_block_add_span(block, text, placeholder);
}

/* ---- values ------------------------------------------------------------------ */

typedef enum { VALUE_EMPTY, VALUE_NUMBER, VALUE_TEXT, VALUE_ERROR } ValueKind;

typedef struct {
    ValueKind kind;
    double number;
    char *text;
} Resolved;

/* A value, with the values Compute would write standing in for empty
 * computed cells. */
static void resolve_value(const Renderer *R, const JxValue *v, Resolved *r)
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
    if (R->in->computed == NULL)
        return;
    g_autofree char *address = jx_value_address(R->in->model, v);
    const char *content = g_hash_table_lookup(R->in->computed, address);
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

/* A value as a number ("0.33万元" read, converted to unit when it has one). */
static gboolean resolved_number(const Resolved *r, double *number)
{
    if (r->kind == VALUE_NUMBER) {
        *number = r->number;
        return TRUE;
    }
    JxQuantity q;
    if (r->kind != VALUE_TEXT || !jx_quantity_parse(r->text, &q, NULL) || q.kind != JX_QUANTITY_NUMBER)
        return FALSE;
    *number = q.value;
    return TRUE;
}

static gboolean is_none_word(const char *text)
{
    g_autofree char *normal = jx_label_normalize(text ? text : "");
    for (int i = 0; none_words[i]; i++)
        if (strcmp(normal, none_words[i]) == 0)
            return TRUE;
    return FALSE;
}

/* The text of a value in a format; NULL when the value is missing. */
static char *format_value(const Renderer *R, const Resolved *r, JxFormat f, const char *unit)
{
    const JxSettings *s = &R->schema->settings;
    if (r->kind == VALUE_EMPTY || r->kind == VALUE_ERROR)
        return NULL;
    double number = r->number;
    gboolean numeric = r->kind == VALUE_NUMBER;
    gboolean money = f == JX_FORMAT_AMOUNT || f == JX_FORMAT_DAXIE;
    if (!numeric && f != JX_FORMAT_TEXT) {
        /* "410.42万元", "3300" or "97.6%" in a text cell: read it; a unit of
         * its own wins over the field's */
        JxQuantity q;
        if (jx_quantity_parse(r->text, &q, NULL) && q.kind == JX_QUANTITY_NUMBER) {
            numeric = TRUE;
            number = q.value;
            if (money && q.unit[0] != '\0') {
                numeric = jx_unit_convert(q.value, q.unit, s->amount_unit, &number, NULL);
                unit = s->amount_unit;
            } else if (f == JX_FORMAT_PERCENT && strcmp(q.unit, "%") == 0) {
                number = q.value / 100;
            }
        }
    }
    if (!numeric)
        return g_strdup(r->text);
    switch (f) {
    case JX_FORMAT_AMOUNT: {
        double converted = number;
        if (unit != NULL)
            jx_unit_convert(number, unit, s->amount_unit, &converted, NULL);
        return jx_format_fixed(converted, s->amount_decimals, FALSE);
    }
    case JX_FORMAT_PERCENT:
        return jx_format_percent(number, 2);
    case JX_FORMAT_SCORE:
        return jx_format_fixed(number, s->scoring.score_decimals, FALSE);
    case JX_FORMAT_INTEGER:
        return jx_format_fixed(number, 0, FALSE);
    case JX_FORMAT_DAXIE: {
        double yuan;
        if (jx_unit_convert(number, unit ? unit : s->amount_unit, "元", &yuan, NULL)) {
            char *words = jx_amount_in_words(yuan, NULL);
            if (words)
                return words;
        }
        return jx_format_fixed(number, s->amount_decimals, FALSE);
    }
    case JX_FORMAT_NUMERAL:
        if (number == floor(number) && number >= 0 && number < 1e8) {
            char *numeral = jx_numeral_format((gint64)number, NULL);
            if (numeral)
                return numeral;
        }
        break;
    case JX_FORMAT_TEXT:
    case JX_FORMAT_NUMBER:
        break;
    }
    return g_strdup_printf("%.15g", number);
}

static const char *amount_unit(const JxValueType type, const char *unit, const JxSettings *s)
{
    return type == JX_TYPE_AMOUNT ? (unit ? unit : s->amount_unit) : NULL;
}

static const char *column_name(const JxColumnSpec *c)
{
    const char *label = jx_text_get(&c->label, JX_LANG_ZH);
    return label[0] ? label : (c->header ? c->header : c->id);
}

static const JxColumnSpec *column_spec(const JxTableData *td, int c)
{
    return g_ptr_array_index(td->spec->columns, (guint)c);
}

static const JxValue *cell_of(const JxTableData *td, int row, int c)
{
    return &g_array_index(td->rows, JxTableRow, row).cells[c];
}

/* ---- what validation found, by cell -------------------------------------------- */

static char *cell_key(int sheet, int row, int col)
{
    return g_strdup_printf("%d:%d:%d", sheet, row, col);
}

/* Errors and warnings by the cells they concern (a range of up to 64 cells
 * cell by cell, a larger one at its first cell). */
static GHashTable *notes_by_cell(const GPtrArray *findings)
{
    GHashTable *notes = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    for (guint i = 0; findings && i < findings->len; i++) {
        const JxFinding *f = g_ptr_array_index(findings, i);
        if (f->severity == JX_SEVERITY_NOTE || f->sheet < 0)
            continue;
        int rows = MAX(f->row2 - f->row, 0) + 1, cols = MAX(f->col2 - f->col, 0) + 1;
        gboolean whole = (gint64)rows * cols <= 64;
        for (int r = 0; r < (whole ? rows : 1); r++)
            for (int c = 0; c < (whole ? cols : 1); c++) {
                char *key = cell_key(f->sheet, f->row + r, f->col + c);
                const char *before = g_hash_table_lookup(notes, key);
                char *note = g_strdup_printf("%s%s" JX_NOTE_FOUND "%s：%s", before ? before : "", before ? "\n" : "",
                                             f->kind->code, f->text[JX_LANG_ZH]);
                g_hash_table_replace(notes, key, note);
            }
    }
    return notes;
}

static const char *note_of(const Renderer *R, const JxValue *v)
{
    if (v == NULL || v->cell == NULL || v->sheet < 0 || g_hash_table_size(R->notes) == 0)
        return NULL;
    g_autofree char *key = cell_key(v->sheet, v->row, v->col);
    return g_hash_table_lookup(R->notes, key);
}

/* ---- rows -------------------------------------------------------------------- */

typedef enum { ROW_IN_USE, ROW_BLANK, ROW_NONE } RowUse;

/* The optional amount columns a pattern shows: what makes its rows line items. */
static int shown_amounts(const JxTableSpec *t, const JxPattern *p, int *columns, int max)
{
    int n = 0;
    for (int i = 0; p && i < p->n && n < max; i++) {
        const JxSegment *s = &p->segments[i];
        if (s->kind != JX_SEGMENT_COLUMN || (s->format != JX_FORMAT_AMOUNT && s->format != JX_FORMAT_DAXIE))
            continue;
        const JxColumnSpec *c = g_ptr_array_index(t->columns, (guint)s->index);
        if (!c->required)
            columns[n++] = s->index;
    }
    return n;
}

/* Every amount column of a table (for conditions on the whole table). */
static int table_amounts(const JxTableSpec *t, int *columns, int max)
{
    int n = 0;
    for (guint c = 0; c < t->columns->len && n < max; c++)
        if (((const JxColumnSpec *)g_ptr_array_index(t->columns, c))->type == JX_TYPE_AMOUNT)
            columns[n++] = (int)c;
    return n;
}

#define MAX_AMOUNTS 16

static gboolean key_says_none(const JxTableData *td, int row)
{
    int key = td->spec->key ? jx_table_column_index(td->spec, td->spec->key) : 0;
    const JxValue *v = key >= 0 ? cell_of(td, row, key) : NULL;
    return v && v->cell && v->cell->kind == JX_GRID_TEXT && is_none_word(v->cell->text);
}

static RowUse row_use(const Renderer *R, const JxTableData *td, int row, const int *columns, int n,
                      gboolean zeros)
{
    if (key_says_none(td, row))
        return ROW_NONE;
    if (n == 0)
        return ROW_IN_USE;
    gboolean zero = FALSE, none = FALSE;   /* written as 0; written as 无 */
    for (int i = 0; i < n; i++) {
        Resolved r;
        resolve_value(R, cell_of(td, row, columns[i]), &r);
        double number;
        gboolean is_number = resolved_number(&r, &number);
        gboolean says_none = r.kind == VALUE_TEXT && !is_number && is_none_word(r.text);
        gboolean in_use = r.kind == VALUE_ERROR || (is_number && number != 0) ||
                          (r.kind == VALUE_TEXT && !is_number && !says_none);
        zero = zero || (is_number && number == 0);
        none = none || says_none;
        g_free(r.text);
        if (in_use)
            return ROW_IN_USE;
    }
    if (zero && zeros)
        return ROW_IN_USE;
    return zero || none ? ROW_NONE : ROW_BLANK;
}

static gboolean has_children(const Renderer *R, const JxTableData *td, int row)
{
    gboolean *children = R->has_children[td - R->in->model->tables];
    return children != NULL && children[row];
}

/* The amounts a list shows: those of its paragraph (or of its table row's
 * cells), and those of the rows listed under a group. */
typedef struct {
    int columns[MAX_AMOUNTS], n;
    gboolean zeros;
    int child_columns[MAX_AMOUNTS], child_n;
    gboolean child_zeros;
} Shown;

static void shown_by(Shown *shown, const JxTableSpec *t, const JxPattern *p, gboolean zeros,
                     const JxItemsSpec *items)
{
    memset(shown, 0, sizeof *shown);
    shown->n = shown_amounts(t, p, shown->columns, MAX_AMOUNTS);
    shown->zeros = zeros;
    const JxPattern *child = items ? items->paragraph : p;
    shown->child_n = shown_amounts(t, child, shown->child_columns, MAX_AMOUNTS);
    shown->child_zeros = items ? items->zeros : zeros;
}

static void shown_by_row(Shown *shown, const JxTableSpec *t, const JxPatternRow *row, gboolean zeros)
{
    memset(shown, 0, sizeof *shown);
    for (int c = 0; row && c < row->n; c++)
        shown->n += shown_amounts(t, row->cells[c], shown->columns + shown->n, MAX_AMOUNTS - shown->n);
    memcpy(shown->child_columns, shown->columns, sizeof shown->columns);
    shown->child_n = shown->n;
    shown->zeros = shown->child_zeros = zeros;
}

/* A row of a list: a group is in use when a row listed under it is. */
static RowUse list_row_use(Renderer *R, const JxTableData *td, int row, const Shown *shown)
{
    RowUse use = row_use(R, td, row, shown->columns, shown->n, shown->zeros);
    if (use == ROW_IN_USE || !has_children(R, td, row))
        return use;
    for (guint r = 0; r < td->rows->len && visit_row(R); r++)
        if (g_array_index(td->rows, JxTableRow, r).group_parent == row &&
            row_use(R, td, (int)r, shown->child_columns, shown->child_n, shown->child_zeros) == ROW_IN_USE)
            return ROW_IN_USE;
    return use;
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
    return c >= 0 ? cell_of(td, row, c) : NULL;
}

static gboolean indicator_test(const Renderer *R, const JxTableData *td, int row, JxRowTest test)
{
    const JxCheckSpec *check = indicator_check(R->schema, td->spec);
    JxIndicatorCells cells = { role_cell(check, td, row, "target"), role_cell(check, td, row, "actual"),
                               role_cell(check, td, row, "weight"), role_cell(check, td, row, "band"), NULL };
    JxIndicator ind;
    jx_indicator_evaluate(&R->schema->settings.scoring, &cells, &ind);
    gboolean met = jx_indicator_met(&ind), result = FALSE;
    switch (test) {
    case JX_ROW_MET: result = met; break;
    /* as validation sees it: a completion or a band says so */
    case JX_ROW_UNMET: result = !met && (ind.has_completion || ind.band != JX_BAND_NONE); break;
    case JX_ROW_QUALITATIVE: result = ind.qualitative; break;
    case JX_ROW_QUANTITATIVE: result = !ind.qualitative && ind.target_error == NULL; break;
    default: break;
    }
    jx_indicator_clear(&ind);
    return result;
}

static gboolean row_matches(const Renderer *R, const JxTableData *td, int row, const JxRowPredicate *p)
{
    const JxTableRow *r = &g_array_index(td->rows, JxTableRow, row);
    gboolean result = TRUE;
    switch (p->test) {
    case JX_ROW_ANY:
        return TRUE;
    case JX_ROW_EQUALS: {
        g_autofree char *text = jx_value_text(&r->cells[p->column]);
        g_autofree char *normal = jx_label_normalize(text);
        result = strcmp(normal, p->value) == 0;
        break;
    }
    case JX_ROW_FILLED:
    case JX_ROW_BLANK:
        result = jx_value_is_empty(&r->cells[p->column]) == (p->test == JX_ROW_BLANK);
        break;
    case JX_ROW_GROUP:
        result = has_children(R, td, row);
        break;
    case JX_ROW_ITEM:
        result = r->group_parent >= 0;
        break;
    case JX_ROW_TOP:
        result = r->group_parent < 0;
        break;
    case JX_ROW_MET:
    case JX_ROW_UNMET:
    case JX_ROW_QUALITATIVE:
    case JX_ROW_QUANTITATIVE:
        result = indicator_test(R, td, row, p->test);
        break;
    }
    return p->negate ? !result : result;
}

static gboolean row_in_mode(const Renderer *R, const JxTableData *td, int row, JxRowsMode mode)
{
    switch (mode) {
    case JX_ROWS_GROUPS: return has_children(R, td, row);
    case JX_ROWS_TOP: return g_array_index(td->rows, JxTableRow, row).group_parent < 0;
    case JX_ROWS_LEAVES: return !has_children(R, td, row);
    case JX_ROWS_ALL: break;
    }
    return TRUE;
}

/* What a list that named no row found on its way. */
typedef struct {
    gboolean left_out;   /* rows in use that the list's filters left out */
    int none_rows;       /* rows that say 无 or 0 */
} Passed;

/* Whether the workbook states that a list has no rows: rows written 无 or
 * 0 say so; in a workbook the department has filled in, so do rows in use
 * that the list leaves out (indicators, none of them 效益指标), and a blank
 * table the workbook's instructions make mean none.  (An untouched
 * workbook's preset rows state nothing.) */
static gboolean absence_stated(const Renderer *R, const JxTableData *td, const Passed *passed)
{
    if (!td->located)
        return FALSE;
    if (passed->none_rows > 0)
        return TRUE;
    if (!R->filled)
        return FALSE;
    return passed->left_out || R->t->none_when_blank[td - R->in->model->tables];
}

/* Whole tables, for "if": any row in use, and whether none is stated. */
static void table_state(Renderer *R, const JxTableData *td, gboolean *in_use, gboolean *none)
{
    int columns[MAX_AMOUNTS];
    int n = table_amounts(td->spec, columns, MAX_AMOUNTS);
    Passed passed = { FALSE, 0 };
    *in_use = FALSE;
    for (guint r = 0; td->located && r < td->rows->len && !*in_use && visit_row(R); r++) {
        RowUse use = row_use(R, td, (int)r, columns, n, FALSE);
        *in_use = use == ROW_IN_USE;
        passed.none_rows += use == ROW_NONE;
    }
    *none = !*in_use && absence_stated(R, td, &passed);
}

/* ---- text ---------------------------------------------------------------------- */

static void add_placeholder(Renderer *R, JxBlock *block, const char *label, gboolean error)
{
    g_autofree char *text = g_strdup_printf(error ? "【错误值：%s】" : "【请填写：%s】", label);
    add_span(R, block, text, TRUE);
    R->report->placeholders++;
}

static void render_pattern(Renderer *R, const Scope *scope, const JxPattern *p, JxBlock *block);

/* The rows of the current group, joined into its paragraph. */
static void render_items(Renderer *R, const Scope *scope, JxBlock *block)
{
    const JxItemsSpec *items = scope->items;
    const JxTableData *td = scope->table;
    if (items == NULL || td == NULL)
        return;
    Scope child = *scope;
    child.items = NULL;
    Shown shown;
    shown_by(&shown, td->spec, items->paragraph, items->zeros, NULL);
    int n = 0, children = 0;
    for (guint r = 0; r < td->rows->len && visit_row(R); r++) {
        if (g_array_index(td->rows, JxTableRow, r).group_parent != scope->row)
            continue;
        children++;
        if (!row_matches(R, td, (int)r, &items->where) || list_row_use(R, td, (int)r, &shown) != ROW_IN_USE)
            continue;
        if (++n > JX_REPORT_MAX_ITEMS)
            continue;   /* counted, not listed */
        if (n > 1)
            add_span(R, block, items->separator, FALSE);
        child.row = (int)r;
        child.index = n;
        render_pattern(R, &child, items->paragraph, block);
    }
    if (n == 0 && children > 0)   /* the group has rows, none in use */
        add_placeholder(R, block, jx_text_get(&td->spec->label, JX_LANG_ZH), FALSE);
    if (n > JX_REPORT_MAX_ITEMS) {
        g_autofree char *more = g_strdup_printf("等共 %d 项（此处列出前 %d 项）", n, JX_REPORT_MAX_ITEMS);
        add_span(R, block, more, FALSE);
    }
}

/* What the report writes for one value. */
typedef struct {
    char *text;           /* NULL: nothing (an optional value left empty) */
    gboolean placeholder; /* text asks for the value: 【请填写：…】, 【错误值：…】 */
    char *more;           /* a value cut at JX_REPORT_MAX_CHARS: what says so; else NULL */
    const char *note;     /* what validation found about its cell */
    gboolean is_text;     /* a text from a cell (it may end a sentence) */
} Written;

static void written_clear(Written *w)
{
    g_free(w->text);
    g_free(w->more);
}

/* A value as the report writes it, in a format; label names it in a
 * placeholder. */
static void write_value(const Renderer *R, const JxValue *v, JxFormat format, const char *unit, const char *label,
                        gboolean optional, Written *w)
{
    memset(w, 0, sizeof *w);
    Resolved r;
    resolve_value(R, v, &r);
    w->text = format_value(R, &r, format, unit);
    glong length = w->text ? g_utf8_strlen(w->text, -1) : 0;
    if (length > JX_REPORT_MAX_CHARS) {
        char *head = g_utf8_substring(w->text, 0, JX_REPORT_MAX_CHARS);
        g_free(w->text);
        w->text = head;
        w->more = g_strdup_printf("……（“%s”共 %ld 字，此处只列前 %d 字）", label, length, JX_REPORT_MAX_CHARS);
    } else if (w->text != NULL) {
        w->note = note_of(R, v);
        w->is_text = r.kind == VALUE_TEXT && format == JX_FORMAT_TEXT;
    } else if (!optional || r.kind == VALUE_ERROR) {
        w->text = g_strdup_printf(r.kind == VALUE_ERROR ? "【错误值：%s】" : "【请填写：%s】", label);
        w->placeholder = TRUE;
    }
    g_free(r.text);
}

/* The value a segment names in its scope, with its unit and label. */
static const JxValue *segment_value(const Renderer *R, const Scope *scope, const JxSegment *s, const char **unit,
                                    const char **label)
{
    const JxSettings *settings = &R->schema->settings;
    if (s->kind == JX_SEGMENT_COLUMN) {
        if (scope->table == NULL)
            return NULL;
        const JxColumnSpec *col = column_spec(scope->table, s->index);
        *unit = amount_unit(col->type, col->unit, settings);
        *label = column_name(col);
        return cell_of(scope->table, scope->row, s->index);
    }
    const JxFieldSpec *f = g_ptr_array_index(R->schema->fields, (guint)s->index);
    *unit = amount_unit(f->type, f->unit, settings);
    *label = jx_text_get(&f->label, JX_LANG_ZH);
    return &R->in->model->fields[s->index];
}

/* Which row of its name each row of a table is (1, 2 …), made once. */
static const int *occurrences(Renderer *R, const JxTableData *td)
{
    int t = (int)(td - R->in->model->tables);
    if (R->occurrence[t] == NULL) {
        R->occurrence[t] = g_new0(int, td->rows->len + 1);
        g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        for (guint r = 0; r < td->rows->len; r++) {
            char *name = jx_row_name(td, (int)r);
            int n = GPOINTER_TO_INT(g_hash_table_lookup(seen, name)) + 1;
            R->occurrence[t][r] = n;
            g_hash_table_replace(seen, name, GINT_TO_POINTER(n));
        }
    }
    return R->occurrence[t];
}

/* The binding of a value the report writes: where it was read, how. */
static const JxBinding *bind(Renderer *R, const Scope *scope, const JxSegment *s, const JxValue *v,
                             const Written *w)
{
    JxBinding *b = jx_binding_new();
    b->id = g_strdup_printf(JX_BINDING_PREFIX "%04u", R->report->bindings->len + 1);
    if (s->kind == JX_SEGMENT_COLUMN) {
        b->table = g_strdup(scope->table->spec->id);
        b->column = g_strdup(column_spec(scope->table, s->index)->id);
        b->row = jx_row_name(scope->table, scope->row);
        b->occurrence = occurrences(R, scope->table)[scope->row];
    } else {
        b->field = g_strdup(((const JxFieldSpec *)g_ptr_array_index(R->schema->fields, (guint)s->index))->id);
    }
    b->format = s->format;
    b->optional = s->optional;
    b->cell = jx_value_address(R->in->model, v);
    b->text = g_strdup(w->text);
    b->placeholder = w->placeholder;
    g_ptr_array_add(R->report->bindings, b);
    return b;
}

static void render_value(Renderer *R, const Scope *scope, const JxSegment *s, JxBlock *block)
{
    const char *unit = NULL, *label = NULL;
    const JxValue *v = segment_value(R, scope, s, &unit, &label);
    if (v == NULL)
        return;
    Written w;
    write_value(R, v, s->format, unit, label, s->optional, &w);
    if (w.more != NULL) {   /* a value cut short: not bound, it could not be refreshed whole */
        add_span(R, block, w.text, FALSE);
        add_span(R, block, w.more, TRUE);
    } else if (w.text != NULL) {
        /* a text of several lines reads as several paragraphs: prose, not a figure, and not bound
         * (a bookmark over paragraphs does not come back whole from .docx) */
        gboolean lines = strpbrk(w.text, "\r\n") != NULL;
        const JxBinding *binding = R->unbound || lines ? NULL : bind(R, scope, s, v, &w);
        count_chars(R, w.text);
        jx_block_add_bound(block, w.text, w.placeholder, w.note, binding);
        R->report->notes += w.note != NULL;
        R->report->placeholders += w.placeholder;
        R->ends_in_text = w.is_text;
    }
    written_clear(&w);
}

static void render_pattern(Renderer *R, const Scope *scope, const JxPattern *p, JxBlock *block)
{
    const char *outer = R->where;
    if (p != NULL)
        R->where = p->path;
    for (int i = 0; p && i < p->n && R->stopped == NULL; i++) {
        const JxSegment *s = &p->segments[i];
        switch (s->kind) {
        case JX_SEGMENT_LITERAL:
            add_span(R, block, s->literal, FALSE);
            R->ends_in_text = FALSE;
            break;
        case JX_SEGMENT_ITEMS:
            render_items(R, scope, block);
            R->ends_in_text = FALSE;
            break;
        case JX_SEGMENT_INDEX: {
            g_autofree char *text = g_strdup_printf("%d", scope->index);
            add_span(R, block, text, FALSE);
            R->ends_in_text = FALSE;
            break;
        }
        case JX_SEGMENT_FIELD:
        case JX_SEGMENT_COLUMN:
            render_value(R, scope, s, block);
            break;
        }
    }
    R->where = outer;
}

/* Sentence punctuation: what ends one, what may close after it, what leaves
 * it open. */
static const char *const final_marks[] = { "。", "！", "？", "!", "?", "：", ":", "…", NULL };
static const char *const closing_marks[] = { "”", "’", "」", "』", "）", ")", "》", NULL };
static const char *const open_marks[] = { "，", "、", "；", ",", ";", NULL };

static gboolean ends_with_one_of(const char *text, const char *const *marks)
{
    for (int i = 0; marks[i]; i++)
        if (g_str_has_suffix(text, marks[i]))
            return TRUE;
    return FALSE;
}

/* Whether text ends a sentence: a final mark, maybe inside closing quotes. */
static gboolean ends_sentence(const char *text)
{
    if (ends_with_one_of(text, final_marks))
        return TRUE;
    for (int i = 0; closing_marks[i]; i++)
        if (g_str_has_suffix(text, closing_marks[i])) {
            g_autofree char *inside = g_strndup(text, strlen(text) - strlen(closing_marks[i]));
            return ends_with_one_of(inside, final_marks);
        }
    return FALSE;
}

/* text without trailing space and without an open mark at its end
 * ("按时完成，" → "按时完成"), newly allocated. */
static char *without_open_end(const char *text)
{
    char *out = g_strchomp(g_strdup(text));
    for (int i = 0; open_marks[i]; i++)
        if (g_str_has_suffix(out, open_marks[i])) {
            out[strlen(out) - strlen(open_marks[i])] = '\0';
            break;
        }
    return out;
}

/* A body sentence ends with its punctuation: a paragraph that ends with a
 * text from a cell stopping without it (or on a comma) is closed with "。".
 * The template's own words are left as written.  A bound value keeps its
 * own text (less a trailing comma) and the full stop follows it, so the
 * value can be refreshed alone. */
static void end_sentence(JxBlock *block)
{
    if (block->spans->len == 0)
        return;
    JxSpan *last = g_ptr_array_index(block->spans, block->spans->len - 1);
    if (last->placeholder)
        return;   /* the user's text will go there */
    char *open = g_strchomp(g_strdup(last->text));
    char *closed = without_open_end(open);
    gboolean cut = strcmp(open, closed) != 0;
    g_free(last->text);
    g_free(open);
    last->text = closed;
    if (last->text[0] == '\0' || (!cut && ends_sentence(last->text)))
        return;
    if (last->binding == NULL) {
        last->text = g_strconcat(closed, "。", NULL);
        g_free(closed);
        return;
    }
    JxBinding *binding = (JxBinding *)last->binding;   /* the report's own */
    g_free(binding->text);
    binding->text = g_strdup(closed);
    binding->ends_sentence = TRUE;
    jx_block_add_span(block, "。", FALSE);
}

static JxBlock *add_paragraph(Renderer *R, const Scope *scope, const JxPattern *p, JxParagraphStyle style,
                              const char *prefix)
{
    JxBlock *block = add_block(R, JX_BLOCK_PARAGRAPH);
    block->style = style;
    if (prefix)
        add_span(R, block, prefix, FALSE);
    R->ends_in_text = FALSE;
    render_pattern(R, scope, p, block);
    if (style == JX_PARA_BODY && R->ends_in_text)
        end_sentence(block);
    return block;
}

/* What a list lists: "部门整体支出绩效自评表（产出指标）". */
static char *list_label(const JxTableData *td, const JxRowPredicate *where)
{
    const char *label = jx_text_get(&td->spec->label, JX_LANG_ZH);
    if (where->test == JX_ROW_EQUALS && !where->negate)
        return g_strdup_printf("%s（%s）", label, where->value);
    return g_strdup(label);
}

/* A paragraph asking for what a list needs: 【请填写：部门整体支出绩效自评表（产出指标）】. */
static void add_missing_rows(Renderer *R, const JxTableData *td, const JxRowPredicate *where, JxParagraphStyle style)
{
    g_autofree char *label = list_label(td, where);
    JxBlock *block = add_block(R, JX_BLOCK_PARAGRAPH);
    block->style = style;
    add_placeholder(R, block, label, FALSE);
}

/* ---- tables ------------------------------------------------------------------- */

/* One cell: its pattern rendered into the cell's paragraph. */
static void fill_cell(Renderer *R, const Scope *scope, JxBlock *table, int i, const JxPattern *p)
{
    R->used.paragraph_chars = 0;   /* a cell is a paragraph of its own */
    render_pattern(R, scope, p, table->cells[i]);
}

/* A row with fewer cells than the table has columns: its last cell spans
 * the rest ("年度目标" | a long text over three columns). */
static void fill_row(Renderer *R, const Scope *scope, JxBlock *table, int row, const JxPatternRow *cells)
{
    int given = MIN(cells ? cells->n : 0, table->cols);
    for (int c = 0; c < table->cols; c++)
        table->span[row * table->cols + c] = c < given - 1 ? 1 : c == given - 1 ? table->cols - c : 0;
    if (given == 0)
        table->span[row * table->cols] = table->cols;
    for (int c = 0; c < given; c++)
        fill_cell(R, scope, table, row * table->cols + c, cells->cells[c]);
}

/* The one cell of a row asking for the source's rows. */
static void fill_missing_row(Renderer *R, JxBlock *table, int row, const char *label)
{
    int i = row * table->cols;
    table->span[i] = table->cols;
    add_placeholder(R, table->cells[i], label, FALSE);
}

static void render_table(Renderer *R, const Scope *scope, const JxTableNode *t)
{
    const JxTableData *td = t->source >= 0 ? &R->in->model->tables[t->source] : NULL;
    g_autoptr(GArray) source_rows = g_array_new(FALSE, FALSE, sizeof(int));
    int omitted = 0;
    Passed passed = { FALSE, 0 };
    Shown shown;
    const char *outer = R->where;
    R->where = t->path;
    if (td != NULL)
        shown_by_row(&shown, td->spec, t->row, t->zeros);
    for (guint r = 0; td && td->located && r < td->rows->len && visit_row(R); r++) {
        RowUse use = list_row_use(R, td, (int)r, &shown);
        if (use == ROW_NONE)
            passed.none_rows++;
        if (use != ROW_IN_USE)
            continue;
        if (!row_matches(R, td, (int)r, &t->where))
            passed.left_out = TRUE;
        else if (source_rows->len < JX_REPORT_MAX_ROWS)
            g_array_append_val(source_rows, r);
        else
            omitted++;
    }
    gboolean missing = td != NULL && source_rows->len == 0 && !absence_stated(R, td, &passed);
    int body = td ? (int)source_rows->len + missing : 0;
    int n = (t->header ? 1 : 0) + (int)t->rows->len + body + (int)t->after->len;
    R->used.cells += (gint64)n * t->cols;
    if (t->cols == 0 || n == 0 || !within_budget(R, R->used.cells, R->budget.cells, "表格单元格数", "table cells")) {
        R->where = outer;
        return;
    }
    if (t->caption)
        add_paragraph(R, scope, t->caption, JX_PARA_CAPTION, NULL);
    JxBlock *table = add_block(R, JX_BLOCK_TABLE);
    table->rows = n;
    table->cols = t->cols;
    table->header_rows = t->header ? 1 : 0;
    gsize cells = (gsize)n * (gsize)t->cols;
    table->cells = g_new0(JxBlock *, cells);
    for (gsize i = 0; i < cells; i++)
        table->cells[i] = jx_block_new(JX_BLOCK_PARAGRAPH);
    table->span = g_new0(int, cells);
    table->row_keep = g_new0(gboolean, (gsize)n);
    if (t->widths)
        table->widths = g_memdup2(t->widths, sizeof(double) * (gsize)t->cols);
    if (t->name != NULL) {   /* "项目支出绩效自评表{index}": one name per row */
        int placeholders = R->report->placeholders, notes = R->report->notes;   /* a name is not text */
        JxBlock *text = jx_block_new(JX_BLOCK_PARAGRAPH);
        R->unbound = TRUE;
        render_pattern(R, scope, t->name, text);
        R->unbound = FALSE;
        table->name = jx_block_text(text);
        jx_block_free(text);
        R->report->placeholders = placeholders;
        R->report->notes = notes;
    } else {
        table->name = g_strdup("");
    }
    int at = 0;
    if (t->header)
        fill_row(R, scope, table, at++, t->header);
    for (guint i = 0; i < t->rows->len; i++)
        fill_row(R, scope, table, at++, g_ptr_array_index(t->rows, i));
    Scope row_scope = *scope;
    row_scope.table = td;
    for (guint i = 0; i < source_rows->len; i++) {
        row_scope.row = g_array_index(source_rows, int, i);
        row_scope.index = (int)i + 1;
        fill_row(R, &row_scope, table, at++, t->row);
    }
    if (missing)
        fill_missing_row(R, table, at++, jx_text_get(&td->spec->label, JX_LANG_ZH));
    /* the closing rows (totals) never stand alone at the top of a page */
    for (int i = at - 1; i < n - 1 && t->after->len > 0 && at > 0; i++)
        table->row_keep[i] = TRUE;
    for (guint i = 0; i < t->after->len; i++)
        fill_row(R, scope, table, at++, g_ptr_array_index(t->after, i));
    if (omitted > 0) {
        g_autofree char *more = g_strdup_printf("（表中另有 %d 行未列出，见工作簿。）", omitted);
        JxBlock *note = add_block(R, JX_BLOCK_PARAGRAPH);
        note->style = JX_PARA_PLAIN;
        add_span(R, note, more, FALSE);
    }
    R->where = outer;
}

/* ---- blocks --------------------------------------------------------------------- */

static void render_nodes(Renderer *R, const Scope *scope, const GPtrArray *nodes);

/* The first case whose condition the row meets, or -1. */
static int case_for_row(const Renderer *R, const JxEachNode *each, const JxTableData *td, int row)
{
    for (int i = 0; i < each->n_cases; i++)
        if (row_matches(R, td, row, &each->cases[i].where))
            return i;
    return -1;
}

static void render_each(Renderer *R, const Scope *scope, const JxEachNode *each)
{
    const JxTableData *td = &R->in->model->tables[each->table];
    const JxPattern *first = each->n_cases > 0 ? each->cases[0].paragraph : NULL;
    Scope row_scope = *scope;
    row_scope.table = td;
    row_scope.items = each->items;
    Passed passed = { FALSE, 0 };
    int n = 0;
    const char *outer = R->where;
    R->where = each->path;
    for (guint r = 0; td->located && r < td->rows->len && visit_row(R); r++) {
        int c = -1;
        gboolean wanted = row_in_mode(R, td, (int)r, each->rows) && row_matches(R, td, (int)r, &each->where);
        if (wanted && each->row_table == NULL) {
            c = case_for_row(R, each, td, (int)r);
            wanted = c >= 0;   /* no case applies to this row */
        }
        const JxPattern *pattern = c >= 0 ? each->cases[c].paragraph : first;
        Shown shown;
        shown_by(&shown, td->spec, pattern, each->zeros, each->items);
        RowUse use = list_row_use(R, td, (int)r, &shown);
        passed.none_rows += use == ROW_NONE;
        passed.left_out = passed.left_out || (use == ROW_IN_USE && !wanted);
        if (!wanted || use != ROW_IN_USE)
            continue;
        if (++n > JX_REPORT_MAX_ROWS)
            continue;   /* counted, not written */
        row_scope.row = (int)r;
        row_scope.index = n;
        if (each->row_table != NULL) {
            render_table(R, &row_scope, each->row_table);
            continue;
        }
        g_autofree char *number = each->numbered ? jx_heading_number(each->list_level, n, NULL) : NULL;
        add_paragraph(R, &row_scope, pattern, JX_PARA_BODY, number);
    }
    if (n == 0 && absence_stated(R, td, &passed)) {
        if (each->empty)
            add_paragraph(R, scope, each->empty, JX_PARA_BODY, NULL);
    } else if (n == 0) {
        add_missing_rows(R, td, &each->where, JX_PARA_BODY);
    }
    if (n > JX_REPORT_MAX_ROWS) {
        g_autofree char *more = g_strdup_printf("（另有 %d 行未列出，见工作簿。）", n - JX_REPORT_MAX_ROWS);
        JxBlock *note = add_block(R, JX_BLOCK_PARAGRAPH);
        add_span(R, note, more, FALSE);
    }
    R->where = outer;
}

static gboolean condition_holds(Renderer *R, const JxCondition *c)
{
    gboolean result = FALSE;
    switch (c->kind) {
    case JX_IF_ERRORS: {
        int errors = 0;
        jx_findings_count(R->in->findings, &errors, NULL, NULL);
        result = errors > 0;
        break;
    }
    case JX_IF_TABLE_EMPTY:
    case JX_IF_TABLE_FILLED: {
        gboolean in_use, none;
        table_state(R, &R->in->model->tables[c->index], &in_use, &none);
        result = c->kind == JX_IF_TABLE_EMPTY ? none : in_use;
        break;
    }
    case JX_IF_FIELD_FILLED:
    case JX_IF_FIELD_BLANK: {
        Resolved r;
        resolve_value(R, &R->in->model->fields[c->index], &r);
        result = (r.kind == VALUE_EMPTY) == (c->kind == JX_IF_FIELD_BLANK);
        g_free(r.text);
        break;
    }
    }
    return c->negate ? !result : result;
}

static void render_node(Renderer *R, const Scope *scope, const JxNode *node)
{
    switch (node->kind) {
    case JX_NODE_PARAGRAPH:
        add_paragraph(R, scope, node->paragraph.text, node->paragraph.style, NULL);
        break;
    case JX_NODE_EACH:
        render_each(R, scope, &node->each);
        break;
    case JX_NODE_IF:
        render_nodes(R, scope, condition_holds(R, &node->when.condition) ? node->when.then_nodes
                                                                          : node->when.else_nodes);
        break;
    case JX_NODE_TABLE:
        render_table(R, scope, &node->table);
        break;
    case JX_NODE_PAGE_BREAK:
        add_block(R, JX_BLOCK_PAGE_BREAK);
        break;
    }
}

static void render_nodes(Renderer *R, const Scope *scope, const GPtrArray *nodes)
{
    for (guint i = 0; nodes && i < nodes->len && R->stopped == NULL; i++)
        render_node(R, scope, g_ptr_array_index(nodes, i));
}

/* Sections: the heading number comes from the position among siblings. */
static void render_sections(Renderer *R, const GPtrArray *sections, int level, gboolean numbered,
                            gboolean page_per_section)
{
    for (guint i = 0; i < sections->len && R->stopped == NULL; i++) {
        const JxSection *s = g_ptr_array_index(sections, i);
        if (page_per_section)
            add_block(R, JX_BLOCK_PAGE_BREAK);
        Scope scope = { NULL, -1, 0, NULL, level };
        JxBlock *heading = add_block(R, JX_BLOCK_HEADING);
        heading->level = level;
        heading->number = numbered ? jx_heading_number(level, (int)i + 1, NULL) : g_strdup("");
        render_pattern(R, &scope, s->title, heading);
        render_nodes(R, &scope, s->body);
        render_sections(R, s->sections, level + 1, numbered, FALSE);
    }
}

/* ---- the report ------------------------------------------------------------------- */

static char *field_text(const Renderer *R, const char *id)
{
    for (guint i = 0; i < R->schema->fields->len; i++) {
        const JxFieldSpec *f = g_ptr_array_index(R->schema->fields, i);
        if (strcmp(f->id, id) != 0)
            continue;
        Resolved r;
        resolve_value(R, &R->in->model->fields[i], &r);
        char *text = format_value(R, &r, JX_FORMAT_TEXT, NULL);
        g_free(r.text);
        return text ? text : g_strdup("");
    }
    return g_strdup("");
}

/* Whether the department has filled the workbook in (a text or an amount
 * in an input field): a blank table in an untouched workbook states nothing.
 * (Preset cells do not count: the standard workbook comes with weights and
 * indicator rows already in it.) */
static gboolean workbook_filled(const Renderer *R)
{
    const JxModel *m = R->in->model;
    for (guint i = 0; i < R->schema->fields->len; i++) {
        const JxFieldSpec *f = g_ptr_array_index(R->schema->fields, i);
        if (f->role == JX_ROLE_INPUT && (f->type == JX_TYPE_TEXT || f->type == JX_TYPE_AMOUNT) &&
            !jx_value_is_empty(&m->fields[i]))
            return TRUE;
    }
    return FALSE;
}

static gboolean **children_of_tables(const JxModel *m)
{
    guint n = m->schema->tables->len;
    gboolean **out = g_new0(gboolean *, n + 1);
    for (guint t = 0; t < n; t++) {
        const JxTableData *td = &m->tables[t];
        if (!td->located || td->rows->len == 0)
            continue;
        out[t] = g_new0(gboolean, td->rows->len);
        for (guint r = 0; r < td->rows->len; r++) {
            int parent = g_array_index(td->rows, JxTableRow, r).group_parent;
            if (parent >= 0 && (guint)parent < td->rows->len)
                out[t][parent] = TRUE;
        }
    }
    return out;
}

static gboolean matches_schema(const JxTemplate *t, const JxModel *m, GError **error)
{
    GString *names = g_string_new(NULL);
    for (guint i = 0; i < t->schema->sheets->len; i++) {
        const JxSheetSpec *s = g_ptr_array_index(t->schema->sheets, i);
        if (jx_workbook_sheet(m->workbook, s->name) != NULL) {
            g_string_free(names, TRUE);
            return TRUE;
        }
        g_string_append_printf(names, "%s“%s”", names->len ? "、" : "", s->name);
    }
    g_autofree char *zh = g_strdup_printf("“%s”不是“%s”的工作簿：方案中的工作表（%s）一张也没有，因此不生成报告",
                                          m->workbook->source, jx_text_get(&t->schema->title, JX_LANG_ZH),
                                          names->str);
    g_autofree char *en = g_strdup_printf("'%s' is not a workbook of '%s': it has none of the schema's sheets "
                                          "(%s), so no report is written", m->workbook->source,
                                          jx_text_get(&t->schema->title, JX_LANG_EN), names->str);
    jx_set_error_texts(error, JX_ERROR_WORKBOOK, zh, en);
    g_string_free(names, TRUE);
    return FALSE;
}

JxReport *jx_report_render(const JxTemplate *t, const JxReportInput *input, GError **error)
{
    if (!matches_schema(t, input->model, error))
        return NULL;
    JxReport *report = jx_report_new();
    static const JxReportBudget budget = JX_REPORT_BUDGET_DEFAULT;
    Renderer R = { .t = t, .schema = t->schema, .in = input, .report = report,
                   .notes = notes_by_cell(input->findings), .has_children = children_of_tables(input->model),
                   .occurrence = g_new0(int *, t->schema->tables->len + 1),
                   .budget = input->budget ? *input->budget : budget };
    R.filled = workbook_filled(&R);
    report->department = field_text(&R, "department");
    report->year = field_text(&R, "year");
    report->amount_unit = g_strdup(t->schema->settings.amount_unit);
    report->schema_id = g_strdup(t->schema->id);
    report->workbook = g_strdup(input->model->workbook->source);
    Scope top = { NULL, -1, 0, NULL, 0 };
    JxBlock *title = add_block(&R, JX_BLOCK_TITLE);
    render_pattern(&R, &top, t->title, title);
    report->title = jx_block_text(title);
    render_nodes(&R, &top, t->preamble);
    render_sections(&R, t->sections, 1, TRUE, FALSE);
    render_sections(&R, t->annexes, 1, FALSE, TRUE);
    for (guint i = 0; i < t->schema->tables->len; i++) {
        g_free(R.has_children[i]);
        g_free(R.occurrence[i]);
    }
    g_free(R.has_children);
    g_free(R.occurrence);
    g_hash_table_destroy(R.notes);
    if (R.stopped != NULL) {
        g_propagate_error(error, R.stopped);
        jx_report_free(report);
        return NULL;
    }
    return report;
}

/* ---- one bound value again ------------------------------------------------------- */

struct JxReportValues {
    Renderer R;
    GHashTable **rows;   /* per table: "name\037occurrence" → row + 1 (made when needed) */
};

JxReportValues *jx_report_values_new(const JxTemplate *t, const JxReportInput *input)
{
    JxReportValues *values = g_new0(JxReportValues, 1);
    static const JxReportBudget budget = JX_REPORT_BUDGET_DEFAULT;
    values->R = (Renderer){ .t = t, .schema = t->schema, .in = input, .notes = notes_by_cell(input->findings),
                            .has_children = children_of_tables(input->model),
                            .occurrence = g_new0(int *, t->schema->tables->len + 1), .budget = budget };
    values->rows = g_new0(GHashTable *, t->schema->tables->len + 1);
    return values;
}

void jx_report_values_free(JxReportValues *values)
{
    if (values == NULL)
        return;
    for (guint i = 0; i < values->R.schema->tables->len; i++) {
        g_free(values->R.has_children[i]);
        g_free(values->R.occurrence[i]);
        if (values->rows[i])
            g_hash_table_destroy(values->rows[i]);
    }
    g_free(values->R.has_children);
    g_free(values->R.occurrence);
    g_free(values->rows);
    g_hash_table_destroy(values->R.notes);
    g_free(values);
}

/* The row of a table that a binding names (its name and which of that name), or -1. */
static int row_named(JxReportValues *values, const JxTableData *td, const char *name, int occurrence)
{
    int t = (int)(td - values->R.in->model->tables);
    if (values->rows[t] == NULL) {
        values->rows[t] = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        const int *nth = occurrences(&values->R, td);
        for (guint r = 0; r < td->rows->len; r++) {
            g_autofree char *row_name = jx_row_name(td, (int)r);
            g_hash_table_insert(values->rows[t], g_strdup_printf("%s\037%d", row_name, nth[r]), GINT_TO_POINTER(r + 1));
        }
    }
    g_autofree char *key = g_strdup_printf("%s\037%d", name, occurrence);
    return GPOINTER_TO_INT(g_hash_table_lookup(values->rows[t], key)) - 1;
}

void jx_report_value(JxReportValues *values, const JxBinding *b, JxReportValue *out)
{
    Renderer *R = &values->R;
    const JxModel *model = R->in->model;
    memset(out, 0, sizeof *out);
    const JxValue *v = NULL;
    const char *unit = NULL, *asked = NULL;   /* asked: the name a placeholder asks for, as render_value's */
    g_autofree char *label = NULL;
    if (b->field != NULL) {
        const JxFieldSpec *f = jx_schema_field(R->schema, b->field);
        if (f == NULL)
            return;
        guint index = 0;
        g_ptr_array_find(R->schema->fields, f, &index);
        v = &model->fields[index];
        unit = amount_unit(f->type, f->unit, &R->schema->settings);
        label = jx_field_name(f);
        asked = jx_text_get(&f->label, JX_LANG_ZH);
    } else {
        const JxTableData *td = jx_model_table(model, b->table);
        int column = td ? jx_table_column_index(td->spec, b->column) : -1;
        int row = column >= 0 && td->located ? row_named(values, td, b->row, b->occurrence) : -1;
        if (row < 0)
            return;
        const JxColumnSpec *col = column_spec(td, column);
        v = cell_of(td, row, column);
        unit = amount_unit(col->type, col->unit, &R->schema->settings);
        label = jx_row_cell_name(td, row, col, TRUE);
        asked = column_name(col);
    }
    g_autofree char *label_zh = jx_bilingual_side(label, JX_LANG_ZH);
    Written w;
    write_value(R, v, b->format, unit, asked, b->optional, &w);
    out->text = w.text ? (w.more ? g_strconcat(w.text, w.more, NULL) : g_strdup(w.text)) : g_strdup("");
    if (b->ends_sentence && !w.placeholder) {   /* the full stop after it is the template's */
        char *open = without_open_end(out->text);
        if (ends_with_one_of(open, final_marks) && !g_str_has_suffix(open, "…"))
            *g_utf8_find_prev_char(open, open + strlen(open)) = '\0';
        g_free(out->text);
        out->text = open;
    }
    out->placeholder = w.placeholder;
    out->note = g_strdup(w.note);
    out->cell = jx_value_address(model, v);
    out->label[JX_LANG_ZH] = g_steal_pointer(&label_zh);
    out->label[JX_LANG_EN] = jx_bilingual_side(label, JX_LANG_EN);
    written_clear(&w);
}

void jx_report_value_clear(JxReportValue *value)
{
    g_clear_pointer(&value->text, g_free);
    g_clear_pointer(&value->note, g_free);
    g_clear_pointer(&value->cell, g_free);
    g_clear_pointer(&value->label[0], g_free);
    g_clear_pointer(&value->label[1], g_free);
}

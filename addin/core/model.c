/*
 * model.c: locating the schema's fields and tables in the cell grid.
 *
 * Labels and headers are compared after jx_label_normalize, so "单 位 名 称："
 * finds "单位名称".  A row label is searched top to bottom in its column, so
 * inserting rows above it (a "moved label") does not break anything.
 */
#include "core/model.h"

#include <math.h>
#include <string.h>

#include "core/names.h"
#include "core/quantity.h"
#include "core/units.h"

static const JxSheet *sheet_of(const JxModel *m, const char *sheet_id)
{
    const JxSheetSpec *spec = jx_schema_sheet(m->schema, sheet_id);
    return spec ? jx_workbook_sheet(m->workbook, spec->name) : NULL;
}

/* TRUE if a text may change under jx_label_normalize: ASCII white space or
 * colon, NBSP (C2 A0), the general punctuation block's spaces (E2 80/81 …),
 * the ideographic space (E3 80 80) or the full-width colon (EF BC 9A). */
static gboolean needs_normalizing(const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p <= ' ' || *p == ':')
            return TRUE;
        if ((p[0] == 0xC2 && p[1] == 0xA0) || (p[0] == 0xE2 && (p[1] == 0x80 || p[1] == 0x81)) ||
            (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) ||
            (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x9A))
            return TRUE;
    }
    return FALSE;
}

static gboolean cell_reads(const JxGridCell *cell, const char *normalized_label)
{
    if (cell->kind != JX_GRID_TEXT)
        return FALSE;
    /* most cells are plain: compare them without copying */
    if (!needs_normalizing(cell->text))
        return strcmp(cell->text, normalized_label) == 0;
    g_autofree char *text = jx_label_normalize(cell->text);
    return strcmp(text, normalized_label) == 0;
}

static void set_value(JxValue *v, const JxSheet *sheet, int row, int col)
{
    v->cell = jx_sheet_cell(sheet, row, col);
    v->sheet = sheet->index;
    v->row = row;
    v->col = col;
}

/* --- fields ---------------------------------------------------------------- */

static void locate_field(JxModel *m, const JxFieldSpec *f, JxValue *v)
{
    const JxSheetSpec *sheet_spec = jx_schema_sheet(m->schema, f->sheet);
    const JxSheet *sheet = sheet_of(m, f->sheet);
    v->sheet = -1;
    if (sheet == NULL)
        return;   /* reported once per sheet by locate_sheets */
    switch (f->at.kind) {
    case JX_AT_CELL:
        set_value(v, sheet, f->at.row, f->at.col);
        return;
    case JX_AT_NAMED: {
        const JxNamedCell *n = g_hash_table_lookup(m->workbook->names, f->at.name);
        if (n != NULL && n->sheet >= 0 && (guint)n->sheet < m->workbook->sheets->len) {
            set_value(v, g_ptr_array_index(m->workbook->sheets, (guint)n->sheet), n->row, n->col);
            return;
        }
        g_autofree char *name = jx_field_name(f);
        g_ptr_array_add(m->findings,
            jx_finding_new(JX_FINDING_NAME_MISSING, sheet->index, 0, 0,
                           "找不到命名区域“%s”（%s）", "the named range '%s' (%s) was not found",
                           f->at.name, name));
        return;
    }
    case JX_AT_LABEL: {
        g_autofree char *label = jx_label_normalize(f->at.label);
        for (int row = 0; row < sheet->rows; row++)
            if (cell_reads(jx_sheet_cell(sheet, row, f->at.label_col), label)) {
                set_value(v, sheet, row, f->at.value_col);
                return;
            }
        g_autofree char *letters = jx_column_letters(f->at.label_col);
        g_autofree char *name = jx_field_name(f);
        g_ptr_array_add(m->findings,
            jx_finding_new(JX_FINDING_LABEL_MISSING, sheet->index, 0, f->at.label_col,
                           "工作表“%1$s”的 %2$s 列中找不到“%3$s”（%4$s）",
                           "'%3$s' was not found in column %2$s of sheet '%1$s' (%4$s)",
                           sheet_spec->name, letters, f->at.label, name));
        return;
    }
    }
}

/* --- tables ---------------------------------------------------------------- */

static gboolean row_is_blank(const JxSheet *sheet, int row, const int *column_of, int n)
{
    for (int c = 0; c < n; c++)
        if (column_of[c] >= 0 && jx_sheet_cell(sheet, row, column_of[c])->kind != JX_GRID_EMPTY)
            return FALSE;
    return TRUE;
}

static gboolean cell_is_filled(const JxGridCell *cell)
{
    JxValue v = { cell, 0, 0, 0 };
    return !jx_value_is_empty(&v);
}

/* A row holds data when one of its defining cells is filled: the template's
 * spare rows (only 一级/二级指标 or a code preset) are not data. */
static gboolean row_is_used(const JxSheet *sheet, int row, const JxTableSpec *t, const int *column_of)
{
    if (t->defined_by != NULL) {
        for (guint i = 0; i < t->defined_by->len; i++) {
            int c = column_of[g_array_index(t->defined_by, int, i)];
            if (c >= 0 && cell_is_filled(jx_sheet_cell(sheet, row, c)))
                return TRUE;
        }
        return FALSE;
    }
    for (guint i = 0; i < t->columns->len; i++) {
        const JxColumnSpec *spec = g_ptr_array_index(t->columns, i);
        if (spec->role != JX_ROLE_COMPUTED && column_of[i] >= 0 &&
            cell_is_filled(jx_sheet_cell(sheet, row, column_of[i])))
            return TRUE;
    }
    return FALSE;
}

static gboolean starts_with_prefix(const JxGridCell *cell, const GPtrArray *prefixes)
{
    if (cell->kind != JX_GRID_TEXT)
        return FALSE;
    const char *text = cell->text;
    while (g_ascii_isspace(*text))
        text++;
    for (guint i = 0; i < prefixes->len; i++)
        if (g_str_has_prefix(text, g_ptr_array_index(prefixes, i)))
            return TRUE;
    return FALSE;
}

static gboolean row_ends_table(const JxSheet *sheet, int row, const JxTableSpec *t,
                               const int *column_of, int n, GPtrArray *end_labels, int named_row)
{
    if (row == named_row)
        return TRUE;
    if (starts_with_prefix(jx_sheet_cell(sheet, row, t->header_label_col), t->end_prefixes))
        return TRUE;
    for (guint e = 0; e < end_labels->len; e++) {
        const char *label = g_ptr_array_index(end_labels, e);
        if (cell_reads(jx_sheet_cell(sheet, row, t->header_label_col), label))
            return TRUE;
        for (int c = 0; c < n; c++)
            if (column_of[c] >= 0 && cell_reads(jx_sheet_cell(sheet, row, column_of[c]), label))
                return TRUE;
    }
    return FALSE;
}

/* The row the table ends before: its end row, else -1. */
static int end_row(const JxModel *m, const JxSheet *sheet, const JxTableData *td, GPtrArray *end_labels)
{
    const JxTableSpec *t = td->spec;
    const JxNamedCell *named = t->end_named ? g_hash_table_lookup(m->workbook->names, t->end_named) : NULL;
    int named_row = named && named->sheet == sheet->index && named->row > td->header_row ? named->row : -1;
    for (int row = td->header_row + 1; row < sheet->rows; row++)
        if (row_ends_table(sheet, row, t, td->column_of, (int)t->columns->len, end_labels, named_row))
            return row;
    return named_row;
}

/* The text of a code cell: numbers as integers ("301").  Classification
 * codes are short; a longer text is no code (and would make the prefix
 * search quadratic in its length). */
#define CODE_MAX 64

static char *code_text(const JxGridCell *cell)
{
    if (cell->kind == JX_GRID_NUMBER && fabs(cell->number) < 1e15)
        return g_strdup_printf("%.0f", cell->number);
    if (cell->kind == JX_GRID_TEXT && strlen(cell->text) <= 4 * CODE_MAX) {
        char *code = jx_label_normalize(cell->text);
        if (strlen(code) <= CODE_MAX)
            return code;
        g_free(code);
    }
    return NULL;
}

/* Group totals by code prefix: a row's parent is the row with the longest
 * code that is a proper prefix of its own (30101 → 301). */
static void find_groups(JxTableData *td, int code_index)
{
    g_autoptr(GHashTable) by_code = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint r = 0; r < td->rows->len; r++) {
        JxTableRow *row = &g_array_index(td->rows, JxTableRow, r);
        char *code = row->cells[code_index].cell ? code_text(row->cells[code_index].cell) : NULL;
        if (code && code[0] && !g_hash_table_contains(by_code, code))
            g_hash_table_insert(by_code, code, GINT_TO_POINTER((int)r + 1));
        else
            g_free(code);
    }
    for (guint r = 0; r < td->rows->len; r++) {
        JxTableRow *row = &g_array_index(td->rows, JxTableRow, r);
        g_autofree char *code = row->cells[code_index].cell ? code_text(row->cells[code_index].cell) : NULL;
        row->group_parent = -1;
        for (gsize n = code ? strlen(code) : 0; n > 1 && row->group_parent < 0; n--) {
            g_autofree char *prefix = g_strndup(code, n - 1);
            int parent = GPOINTER_TO_INT(g_hash_table_lookup(by_code, prefix)) - 1;
            if (parent >= 0 && parent != (int)r)
                row->group_parent = parent;
        }
    }
}

/* "3、5、6" / "3, 5, 6": the 1-based sheet rows of a list, the first few. */
#define BLANK_ROWS_NAMED 10

static void note_blank_rows(JxModel *m, const JxSheet *sheet, GArray *blank, const char *table_name)
{
    GString *zh = g_string_new(NULL), *en = g_string_new(NULL);
    for (guint i = 0; i < blank->len && i < BLANK_ROWS_NAMED; i++) {
        int row = g_array_index(blank, int, i) + 1;
        g_string_append_printf(zh, "%s%d", i ? "、" : "", row);
        g_string_append_printf(en, "%s%d", i ? ", " : "", row);
    }
    if (blank->len > BLANK_ROWS_NAMED) {
        g_string_append_printf(zh, "等 %u 行", blank->len);
        g_string_append_printf(en, " (%u rows in all)", blank->len);
    }
    g_autofree char *rows = jx_bilingual(zh->str, en->str);
    g_ptr_array_add(m->findings,
        jx_finding_new(JX_FINDING_ROW_BLANK, sheet->index, g_array_index(blank, int, 0), 0,
                       "“%s”第 %s 行为空行，已跳过；其下的行照常读取",
                       "%s: row %s is blank and was skipped; the rows below it are read", table_name, rows));
    g_string_free(zh, TRUE);
    g_string_free(en, TRUE);
}

/* The data rows between the header and the end.  A table ends at its end
 * row, never at a blank one: blank rows inside are skipped (and named in a
 * note), spare rows of the template are not data. */
static void read_rows(JxModel *m, const JxSheet *sheet, JxTableData *td, const char *table_name)
{
    const JxTableSpec *t = td->spec;
    int n = (int)t->columns->len;
    g_autoptr(GPtrArray) end_labels = g_ptr_array_new_with_free_func(g_free);
    for (guint e = 0; e < t->end_labels->len; e++)   /* "总 计：" in the schema ends at "总计" */
        g_ptr_array_add(end_labels, jx_label_normalize(g_ptr_array_index(t->end_labels, e)));
    int last = end_row(m, sheet, td, end_labels);
    int blank_run_limit = last < 0 ? t->end_blank_rows : 0;
    if (last < 0)
        last = sheet->rows;
    g_autoptr(GArray) blank = g_array_new(FALSE, FALSE, sizeof(int));    /* since the last data row */
    g_autoptr(GArray) inside = g_array_new(FALSE, FALSE, sizeof(int));   /* followed by data */
    int blanks = 0;
    for (int row = td->header_row + 1; row < last; row++) {
        if (row_is_blank(sheet, row, td->column_of, n)) {
            g_array_append_val(blank, row);
            if (blank_run_limit > 0 && ++blanks >= blank_run_limit)
                break;
            continue;
        }
        blanks = 0;
        if (!row_is_used(sheet, row, t, td->column_of))
            continue;
        if ((int)td->rows->len >= t->max_rows) {
            g_ptr_array_add(m->findings,
                jx_finding_new(JX_FINDING_TABLE_TRUNCATED, sheet->index, row, 0,
                               "“%s”超过 %d 行，其后的行未读取", "%s has more than %d rows; the rest was not read",
                               table_name, t->max_rows));
            break;
        }
        if (td->rows->len > 0)
            g_array_append_vals(inside, blank->data, blank->len);
        g_array_set_size(blank, 0);
        JxTableRow r = { row, -1, g_new0(JxValue, n + 1) };
        for (int c = 0; c < n; c++) {
            r.cells[c].sheet = -1;
            if (td->column_of[c] >= 0)
                set_value(&r.cells[c], sheet, row, td->column_of[c]);
        }
        g_array_append_val(td->rows, r);
    }
    if (inside->len > 0)
        note_blank_rows(m, sheet, inside, table_name);
}

static void locate_table(JxModel *m, const JxTableSpec *t, JxTableData *td)
{
    const JxSheet *sheet = sheet_of(m, t->sheet);
    int n = (int)t->columns->len;
    td->spec = t;
    td->sheet = -1;
    td->column_of = g_new(int, n + 1);
    td->rows = g_array_new(FALSE, TRUE, sizeof(JxTableRow));
    for (int c = 0; c < n; c++)
        td->column_of[c] = -1;
    if (sheet == NULL)
        return;
    td->sheet = sheet->index;
    g_autofree char *table_name = jx_text_bilingual(&t->label);
    g_autofree char *header = jx_label_normalize(t->header_label);
    td->header_row = -1;
    for (int row = 0; row < sheet->rows && td->header_row < 0; row++)
        if (cell_reads(jx_sheet_cell(sheet, row, t->header_label_col), header))
            td->header_row = row;
    if (td->header_row < 0) {
        g_autofree char *letters = jx_column_letters(t->header_label_col);
        g_ptr_array_add(m->findings,
            jx_finding_new(JX_FINDING_TABLE_MISSING, sheet->index, 0, t->header_label_col,
                           "“%1$s”：工作表“%2$s”的 %3$s 列中找不到标题“%4$s”",
                           "%1$s: the header '%4$s' was not found in column %3$s of sheet '%2$s'",
                           table_name, sheet->name, letters, t->header_label));
        return;
    }
    for (int c = 0; c < n; c++) {
        const JxColumnSpec *col = g_ptr_array_index(t->columns, (guint)c);
        if (col->column >= 0) {
            td->column_of[c] = col->column;
            continue;
        }
        g_autofree char *wanted = jx_label_normalize(col->header);
        for (int x = 0; x < sheet->cols && td->column_of[c] < 0; x++)
            if (cell_reads(jx_sheet_cell(sheet, td->header_row, x), wanted))
                td->column_of[c] = x;
        if (td->column_of[c] < 0)
            g_ptr_array_add(m->findings,
                jx_finding_new(JX_FINDING_COLUMN_MISSING, sheet->index, td->header_row, 0,
                               "“%1$s”的标题行（第 %2$d 行）中没有“%3$s”列",
                               "%1$s: no column '%3$s' in the header row (row %2$d)",
                               table_name, td->header_row + 1, col->header));
    }
    td->located = TRUE;
    read_rows(m, sheet, td, table_name);
    if (t->group_column != NULL)
        find_groups(td, jx_table_column_index(t, t->group_column));
}

/* --- the model ------------------------------------------------------------- */

static void locate_sheets(JxModel *m)
{
    for (guint i = 0; i < m->workbook->sheets->len; i++) {
        const JxSheet *sheet = g_ptr_array_index(m->workbook->sheets, i);
        if (sheet->used_rows <= sheet->rows && sheet->used_cols <= sheet->cols)
            continue;
        g_ptr_array_add(m->findings,
            jx_finding_new(JX_FINDING_SHEET_TRUNCATED, sheet->index, MAX(sheet->rows - 1, 0), 0,
                           "工作表“%s”有 %d 行 %d 列，只读取了前 %d 行 %d 列",
                           "sheet '%s' has %d rows and %d columns; only the first %d rows and %d columns were read",
                           sheet->name, sheet->used_rows, sheet->used_cols, sheet->rows, sheet->cols));
    }
    for (guint i = 0; i < m->schema->sheets->len; i++) {
        const JxSheetSpec *s = g_ptr_array_index(m->schema->sheets, i);
        if (s->required && jx_workbook_sheet(m->workbook, s->name) == NULL)
            g_ptr_array_add(m->findings,
                jx_finding_new(JX_FINDING_SHEET_MISSING, -1, 0, 0,
                               "工作簿中没有工作表“%s”", "the workbook has no sheet '%s'", s->name));
    }
}

JxModel *jx_model_build(const JxSchema *schema, const JxWorkbook *workbook)
{
    JxModel *m = g_new0(JxModel, 1);
    m->schema = schema;
    m->workbook = workbook;
    m->findings = g_ptr_array_new_with_free_func(jx_finding_free);
    m->fields = g_new0(JxValue, schema->fields->len + 1);
    m->tables = g_new0(JxTableData, schema->tables->len + 1);
    locate_sheets(m);
    for (guint i = 0; i < schema->fields->len; i++)
        locate_field(m, g_ptr_array_index(schema->fields, i), &m->fields[i]);
    for (guint i = 0; i < schema->tables->len; i++)
        locate_table(m, g_ptr_array_index(schema->tables, i), &m->tables[i]);
    return m;
}

void jx_model_free(JxModel *m)
{
    if (m == NULL)
        return;
    for (guint i = 0; i < m->schema->tables->len; i++) {
        JxTableData *td = &m->tables[i];
        for (guint r = 0; td->rows && r < td->rows->len; r++)
            g_free(g_array_index(td->rows, JxTableRow, r).cells);
        if (td->rows)
            g_array_free(td->rows, TRUE);
        g_free(td->column_of);
    }
    g_free(m->tables);
    g_free(m->fields);
    g_ptr_array_free(m->findings, TRUE);
    g_free(m);
}

const JxValue *jx_model_field(const JxModel *m, const char *id)
{
    for (guint i = 0; id && i < m->schema->fields->len; i++)
        if (strcmp(((JxFieldSpec *)g_ptr_array_index(m->schema->fields, i))->id, id) == 0)
            return &m->fields[i];
    return NULL;
}

const JxTableData *jx_model_table(const JxModel *m, const char *id)
{
    for (guint i = 0; id && i < m->schema->tables->len; i++)
        if (strcmp(((JxTableSpec *)g_ptr_array_index(m->schema->tables, i))->id, id) == 0)
            return &m->tables[i];
    return NULL;
}

/* TRUE if the value reads `wanted` (text after normalising, or a number
 * equal to wanted read as a number: code 301 stored as a number). */
static gboolean value_matches(const JxValue *v, const char *wanted)
{
    if (v->cell == NULL)
        return FALSE;
    if (v->cell->kind == JX_GRID_TEXT) {
        g_autofree char *a = jx_label_normalize(v->cell->text);
        g_autofree char *b = jx_label_normalize(wanted);
        return strcmp(a, b) == 0;
    }
    if (v->cell->kind == JX_GRID_NUMBER) {
        char *end;
        double d = g_ascii_strtod(wanted, &end);
        return end != wanted && *end == '\0' && d == v->cell->number;
    }
    return FALSE;
}

/* --- roles ------------------------------------------------------------------ */

static gboolean holds_money(const JxValue *v)
{
    JxQuantity q;
    return v->cell && v->cell->kind == JX_GRID_TEXT && jx_quantity_parse(v->cell->text, &q, NULL) &&
           q.kind == JX_QUANTITY_NUMBER && jx_unit_is_money(q.unit);
}

static gboolean meets_conditions(const JxTableData *td, const JxTableRow *row, const JxRoleSpec *role)
{
    gboolean where = role->where->len == 0;
    for (guint i = 0; !where && i < role->where->len; i++) {
        const JxRowCondition *c = &g_array_index(role->where, JxRowCondition, i);
        int column = jx_table_column_index(td->spec, c->column);
        where = column >= 0 && value_matches(&row->cells[column], c->value);
    }
    int amount = role->amount ? jx_table_column_index(td->spec, role->amount) : -1;
    return where && (role->amount == NULL || (amount >= 0 && holds_money(&row->cells[amount])));
}

static gboolean has_name(const JxTableData *td, const JxTableRow *row, const JxRoleSpec *role)
{
    int key = td->spec->key ? jx_table_column_index(td->spec, td->spec->key) : -1;
    for (guint i = 0; key >= 0 && i < role->names->len; i++)
        if (value_matches(&row->cells[key], g_ptr_array_index(role->names, i)))
            return TRUE;
    return FALSE;
}

int jx_model_role_row(const JxTableData *td, const JxRoleSpec *role, GArray *candidates)
{
    g_autoptr(GArray) named = g_array_new(FALSE, FALSE, sizeof(int));
    g_autoptr(GArray) meeting = g_array_new(FALSE, FALSE, sizeof(int));
    for (guint r = 0; td->located && r < td->rows->len; r++) {
        const JxTableRow *row = &g_array_index(td->rows, JxTableRow, r);
        int index = (int)r;
        if (has_name(td, row, role))
            g_array_append_val(named, index);
        if (meets_conditions(td, row, role))
            g_array_append_val(meeting, index);
    }
    /* an accepted name is the clearest mark; the conditions come next */
    if (named->len == 1)
        return g_array_index(named, int, 0);
    if (named->len == 0 && meeting->len == 1)
        return g_array_index(meeting, int, 0);
    if (candidates != NULL) {
        GArray *could = named->len > 1 ? named : meeting;
        g_array_append_vals(candidates, could->data, could->len);
    }
    return -1;
}

gboolean jx_model_resolve(const JxModel *m, const JxRef *ref, const JxTableData *table,
                          int row, GArray *out, GError **error)
{
    if (ref->is_constant)
        return TRUE;
    if (ref->same_row) {
        int c = table ? jx_table_column_index(table->spec, ref->name) : -1;
        if (c >= 0 && row >= 0 && (guint)row < table->rows->len)
            g_array_append_val(out, g_array_index(table->rows, JxTableRow, row).cells[c]);
        return TRUE;
    }
    if (ref->table == NULL) {
        const JxValue *v = jx_model_field(m, ref->name);
        if (v != NULL)
            g_array_append_val(out, *v);
        return TRUE;
    }
    const JxTableData *td = jx_model_table(m, ref->table);
    if (td == NULL || !td->located)
        return TRUE;
    int c = jx_table_column_index(td->spec, ref->name);
    if (ref->role != NULL) {
        const JxRoleSpec *role = jx_table_role(td->spec, ref->role);
        int role_row = role ? jx_model_role_row(td, role, NULL) : -1;
        if (role_row >= 0) {
            g_array_append_val(out, g_array_index(td->rows, JxTableRow, role_row).cells[c]);
            return TRUE;
        }
        g_autofree char *label = role ? jx_text_bilingual(&role->label) : g_strdup(ref->role);
        jx_set_error(error, JX_ERROR_WORKBOOK, "找不到%s", "%s was not found", label);
        return FALSE;
    }
    int match = ref->match_column ? jx_table_column_index(td->spec, ref->match_column) : -1;
    gboolean found = FALSE;
    for (guint r = 0; r < td->rows->len; r++) {
        const JxTableRow *tr = &g_array_index(td->rows, JxTableRow, r);
        if (ref->all_rows || value_matches(&tr->cells[match], ref->match_value)) {
            g_array_append_val(out, tr->cells[c]);
            found = TRUE;
            if (!ref->all_rows)
                break;
        }
    }
    if (!found && !ref->all_rows) {
        jx_set_error(error, JX_ERROR_WORKBOOK, "“%s”中找不到%s为“%s”的行",
                     "no row of '%s' has %s '%s'", td->spec->id, ref->match_column, ref->match_value);
        return FALSE;
    }
    return TRUE;
}

gboolean jx_value_is_empty(const JxValue *v)
{
    if (v == NULL || v->cell == NULL || v->cell->kind == JX_GRID_EMPTY)
        return TRUE;
    if (v->cell->kind != JX_GRID_TEXT)
        return FALSE;
    g_autofree char *text = jx_label_normalize(v->cell->text);
    return text[0] == '\0';
}

char *jx_value_text(const JxValue *v)
{
    if (v == NULL || v->cell == NULL)
        return g_strdup("");
    switch (v->cell->kind) {
    case JX_GRID_NUMBER: {
        /* shortest form that reads back: 0.1, not 0.10000000000000001 */
        char *s = g_strdup_printf("%.15g", v->cell->number);
        if (g_ascii_strtod(s, NULL) != v->cell->number) {
            g_free(s);
            s = g_strdup_printf("%.17g", v->cell->number);
        }
        return s;
    }
    case JX_GRID_TEXT:
    case JX_GRID_ERROR:
        return g_strdup(v->cell->text ? v->cell->text : "");
    default:
        return g_strdup("");
    }
}

gboolean jx_value_number(const JxValue *v, const char *unit, double *number, GError **error)
{
    if (jx_value_is_empty(v)) {
        jx_set_error(error, JX_ERROR_INVALID, "为空", "is empty");
        return FALSE;
    }
    if (v->cell->kind == JX_GRID_ERROR) {
        jx_set_error(error, JX_ERROR_INVALID, "是错误值 %s", "is the error value %s", v->cell->text);
        return FALSE;
    }
    if (v->cell->kind == JX_GRID_NUMBER) {
        *number = v->cell->number;
        return TRUE;
    }
    JxQuantity q;
    if (!jx_quantity_parse(v->cell->text, &q, error))
        return FALSE;
    if (q.kind != JX_QUANTITY_NUMBER) {
        jx_set_error(error, JX_ERROR_INVALID, "“%s”不是数值", "'%s' is not a number", v->cell->text);
        return FALSE;
    }
    if (unit == NULL || q.unit[0] == '\0') {
        *number = q.value;
        return TRUE;
    }
    return jx_unit_convert(q.value, q.unit, unit, number, error);
}

gboolean jx_value_number_in(const JxValue *v, const char *own_unit, const char *unit,
                            double *number, GError **error)
{
    if (!jx_value_number(v, unit, number, error))
        return FALSE;
    if (unit != NULL && own_unit != NULL && v->cell->kind == JX_GRID_NUMBER && strcmp(own_unit, unit) != 0)
        return jx_unit_convert(*number, own_unit, unit, number, error);
    return TRUE;
}

char *jx_value_address(const JxModel *m, const JxValue *v)
{
    if (v == NULL || v->sheet < 0)
        return g_strdup("");
    return jx_address_format(m->workbook, v->sheet, v->row, v->col);
}

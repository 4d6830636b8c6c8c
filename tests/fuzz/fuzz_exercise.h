/*
 * fuzz_exercise.h: shared by the fuzz harnesses whose input becomes a schema
 * (fuzz_schema.c, fuzz_template.c): a small workbook laid out from the
 * schema itself (every sheet, field and table placed where the schema looks
 * for it, values drawn from a list of awkward ones: error cells, text in
 * number cells, 1e308, -0, empty cells, quantities), and run_schema(), which
 * builds the model on it, validates, plans both Compute modes, builds the
 * report of the schema's template and writes it as flat ODT, checking that
 * everything produced is sound.  Static functions: include it once.
 */
#ifndef JX_FUZZ_EXERCISE_H
#define JX_FUZZ_EXERCISE_H

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <glib.h>

#include "core/compute.h"
#include "core/error.h"
#include "core/findings.h"
#include "core/findings_json.h"
#include "core/model.h"
#include "core/model_json.h"
#include "core/odf.h"
#include "core/report.h"
#include "core/schema.h"
#include "core/render.h"
#include "core/template.h"
#include "core/validate.h"
#include "core/workbook.h"

#define CHECK(condition)                                                      \
    do {                                                                      \
        if (!(condition)) {                                                   \
            g_printerr("invariant failed at %s:%d: %s\n", __FILE__, __LINE__, \
                       #condition);                                           \
            abort();                                                          \
        }                                                                     \
    } while (0)

/* Bounds of the synthetic workbook: a schema may name cell XFD1048576. */
#define MAX_ROWS 400
#define MAX_COLS 64

/* ---- the values placed in the workbook ---------------------------------- */

typedef enum { V_TEXT, V_NUMBER, V_ERROR, V_EMPTY, V_FORMULA } ValueKind;

typedef struct {
    ValueKind kind;
    const char *text;
    double number;
} Value;

static const Value values[] = {
    { V_NUMBER, NULL, 410.41 },
    { V_TEXT, "≥300人次", 0 },
    { V_NUMBER, NULL, 1e308 },
    { V_TEXT, "300余人次", 0 },
    { V_NUMBER, NULL, -0.0 },
    { V_ERROR, "#DIV/0!", 0 },
    { V_TEXT, "有效提升", 0 },
    { V_EMPTY, NULL, 0 },
    { V_TEXT, "0.33万元", 0 },
    { V_NUMBER, NULL, 10 },
    { V_TEXT, "2023年12月31日前", 0 },
    { V_TEXT, "达成", 0 },
    { V_NUMBER, NULL, -5 },
    { V_TEXT, "部分达成", 0 },
    { V_FORMULA, "=SUM(B1:B3)", 273.77 },
    { V_TEXT, "很多", 0 },
    { V_NUMBER, NULL, 95 },
    { V_TEXT, "6万余人次", 0 },
    { V_NUMBER, NULL, 5e-324 },
    { V_TEXT, "  ", 0 },
    { V_NUMBER, NULL, 2023 },
    { V_TEXT, "≤10万元", 0 },
    { V_NUMBER, NULL, 0 },
    { V_ERROR, NULL, 0 },
    { V_TEXT, "12万元", 0 },
    { V_NUMBER, NULL, 0.9 },
};

static void put(JxWorkbook *wb, JxSheet *sheet, int row, int col, guint pick)
{
    const Value *v = &values[pick % G_N_ELEMENTS(values)];
    switch (v->kind) {
    case V_TEXT: jx_sheet_set_text(wb, sheet, row, col, v->text); break;
    case V_NUMBER: jx_sheet_set_number(wb, sheet, row, col, v->number); break;
    case V_ERROR: jx_sheet_set_error(wb, sheet, row, col, v->text); break;
    case V_EMPTY: jx_sheet_set_text(wb, sheet, row, col, NULL); break;
    case V_FORMULA:
        jx_sheet_set_number(wb, sheet, row, col, v->number);
        jx_sheet_set_formula(wb, sheet, row, col, v->text);
        break;
    }
}

/* ---- a workbook laid out as the schema expects ----------------------------- */

typedef struct {
    JxWorkbook *wb;
    GHashTable *next_row;   /* JxSheet* → next free row (GINT_TO_POINTER) */
    guint pick;
} Layout;

static JxSheet *sheet_for(Layout *l, const JxSchema *schema, const char *sheet_id)
{
    const JxSheetSpec *spec = sheet_id ? jx_schema_sheet(schema, sheet_id) : NULL;
    return spec ? jx_workbook_sheet(l->wb, spec->name) : NULL;
}

static int take_row(Layout *l, JxSheet *sheet, int n)
{
    int row = GPOINTER_TO_INT(g_hash_table_lookup(l->next_row, sheet));
    g_hash_table_insert(l->next_row, sheet, GINT_TO_POINTER(row + n));
    return row;
}

static void place_field(Layout *l, const JxSchema *schema, const JxFieldSpec *field)
{
    JxSheet *sheet = sheet_for(l, schema, field->sheet);
    if (sheet == NULL)
        return;
    const JxLocator *at = &field->at;
    switch (at->kind) {
    case JX_AT_CELL:
        put(l->wb, sheet, at->row, at->col, l->pick++);
        break;
    case JX_AT_NAMED: {
        int row = take_row(l, sheet, 1);
        if (at->name != NULL && (l->pick % 7) != 0)    /* now and then the name is missing */
            jx_workbook_add_name(l->wb, at->name, sheet->index, row, 1);
        put(l->wb, sheet, row, 1, l->pick++);
        break;
    }
    case JX_AT_LABEL: {
        int row = take_row(l, sheet, 1);
        if (at->label != NULL)
            jx_sheet_set_text(l->wb, sheet, row, at->label_col, at->label);
        put(l->wb, sheet, row, at->value_col, l->pick++);
        break;
    }
    }
}

static void place_table(Layout *l, const JxSchema *schema, const JxTableSpec *table)
{
    JxSheet *sheet = sheet_for(l, schema, table->sheet);
    if (sheet == NULL)
        return;
    int header = take_row(l, sheet, 6);
    if (table->header_label != NULL)
        jx_sheet_set_text(l->wb, sheet, header, table->header_label_col, table->header_label);
    int n = table->columns ? (int)table->columns->len : 0;
    for (int i = 0; i < n; i++) {
        const JxColumnSpec *column = g_ptr_array_index(table->columns, i);
        int col = column->column >= 0 ? column->column : i;
        if (column->header != NULL)
            jx_sheet_set_text(l->wb, sheet, header, col, column->header);
        for (int r = 1; r <= 3; r++) {
            if (column->header && table->header_label &&
                strcmp(column->header, table->header_label) == 0 && table->group_column)
                jx_sheet_set_text(l->wb, sheet, header + r, col, r == 1 ? "301" : r == 2 ? "30101" : "30102");
            else
                put(l->wb, sheet, header + r, col, l->pick++);
        }
    }
    if (table->end_labels && table->end_labels->len > 0)
        jx_sheet_set_text(l->wb, sheet, header + 4, 0, g_ptr_array_index(table->end_labels, 0));
}

static JxWorkbook *workbook_for(const JxSchema *schema, guint seed)
{
    Layout l = { jx_workbook_new("fuzz.ods"), g_hash_table_new(NULL, NULL), seed };
    for (guint i = 0; i < schema->sheets->len; i++) {
        const JxSheetSpec *spec = g_ptr_array_index(schema->sheets, i);
        if (spec->name == NULL || (seed % 11) == i)   /* sometimes a sheet is missing */
            continue;
        if (jx_workbook_sheet(l.wb, spec->name) == NULL)
            jx_workbook_add_sheet(l.wb, spec->name, MAX_ROWS, MAX_COLS);
    }
    for (guint i = 0; i < schema->fields->len; i++)
        place_field(&l, schema, g_ptr_array_index(schema->fields, i));
    for (guint i = 0; i < schema->tables->len; i++)
        place_table(&l, schema, g_ptr_array_index(schema->tables, i));
    g_hash_table_destroy(l.next_row);
    return l.wb;
}

/* ---- checks ------------------------------------------------------------------ */

static void check_json(char *json)
{
    CHECK(json != NULL);
    CHECK(g_utf8_validate(json, -1, NULL));
    cJSON *parsed = cJSON_Parse(json);
    CHECK(parsed != NULL);
    cJSON_Delete(parsed);
    g_free(json);
}

static void check_findings(const GPtrArray *findings, gboolean texts_valid)
{
    for (guint i = 0; i < findings->len; i++) {
        const JxFinding *f = g_ptr_array_index(findings, i);
        CHECK(f != NULL && f->kind != NULL && jx_finding_kind_named(f->kind->code) == f->kind);
        CHECK(f->severity >= JX_SEVERITY_ERROR && f->severity <= JX_SEVERITY_NOTE);
        CHECK(f->text[0] != NULL && f->text[1] != NULL);
        if (texts_valid)
            CHECK(g_utf8_validate(f->text[0], -1, NULL) && g_utf8_validate(f->text[1], -1, NULL));
        CHECK(f->sheet >= -1);
    }
}

static void check_plan(const JxComputePlan *plan, const JxWorkbook *wb)
{
    CHECK(plan != NULL && plan->writes != NULL);
    for (guint i = 0; i < plan->writes->len; i++) {
        const JxCellWrite *w = &g_array_index(plan->writes, JxCellWrite, i);
        CHECK(w->sheet >= 0 && (guint)w->sheet < wb->sheets->len);
        const JxSheet *sheet = g_ptr_array_index(wb->sheets, w->sheet);
        CHECK(w->row >= 0 && w->col >= 0);
        CHECK(w->row < sheet->rows && w->col < sheet->cols);
        CHECK(w->content != NULL);
    }
}

/* The report: tables whole (spans cover each row), headings numbered
 * 1–4, texts UTF-8, and its flat ODT well-formed XML. */
static void check_report(const JxSchema *schema, const JxModel *model, GHashTable *computed,
                         const GPtrArray *findings, gboolean texts_valid)
{
    if (schema->report == NULL)
        return;
    GPtrArray *problems = g_ptr_array_new_with_free_func(jx_schema_problem_free);
    JxTemplate *template = jx_template_compile(schema, problems);
    CHECK((template == NULL) == (problems->len > 0));
    g_ptr_array_unref(problems);
    if (template == NULL)
        return;
    JxReportInput input = { model, computed, findings, NULL };
    GError *render_error = NULL;
    JxReport *report = jx_report_render(template, &input, &render_error);
    if (report == NULL) {   /* only a workbook without any of the schema's sheets */
        CHECK(render_error != NULL && render_error->code == JX_ERROR_WORKBOOK);
        g_error_free(render_error);
        jx_template_free(template);
        return;
    }
    CHECK(report != NULL && report->blocks != NULL);
    CHECK(report->placeholders >= 0);
    for (guint i = 0; i < report->blocks->len; i++) {
        const JxBlock *b = g_ptr_array_index(report->blocks, i);
        if (b->kind == JX_BLOCK_HEADING)
            CHECK(b->level >= 1 && b->level <= 4 && b->number != NULL);
        if (b->kind == JX_BLOCK_TABLE) {
            CHECK(b->rows > 0 && b->cols > 0 && b->header_rows <= b->rows);
            for (int r = 0; r < b->rows; r++) {
                int covered = 0;
                for (int c = 0; c < b->cols;) {
                    int span = b->span[r * b->cols + c];
                    CHECK(span >= 1 && c + span <= b->cols);
                    for (int k = 1; k < span; k++)
                        CHECK(b->span[r * b->cols + c + k] == 0);
                    covered += span;
                    c += span;
                }
                CHECK(covered == b->cols);
                for (int c = 0; c < b->cols; c++) {
                    CHECK(b->cells[r * b->cols + c] != NULL);
                    char *cell = jx_block_text(b->cells[r * b->cols + c]);
                    if (texts_valid)
                        CHECK(g_utf8_validate(cell, -1, NULL));
                    g_free(cell);
                }
            }
        } else if (b->spans != NULL) {
            char *text = jx_block_text(b);
            CHECK(text != NULL);
            if (texts_valid)
                CHECK(g_utf8_validate(text, -1, NULL));
            g_free(text);
        }
    }
    if (texts_valid) {
        const char *fonts[JX_FONT_COUNT];
        for (int role = 0; role < JX_FONT_COUNT; role++)
            fonts[role] = jx_font_preferences((JxFontRole)role)[0];
        char *fodt = jx_report_to_fodt(report, fonts);
        CHECK(fodt != NULL && g_utf8_validate(fodt, -1, NULL));
        /* XML 1.0 allows no C0 control character but tab, newline, return */
        for (const unsigned char *c = (const unsigned char *)fodt; *c; c++)
            if (*c < 0x20 && *c != '\t' && *c != '\n' && *c != '\r') {
                g_printerr("the report's flat ODT holds control character 0x%02x at byte %ld\n",
                           *c, (long)(c - (const unsigned char *)fodt));
                CHECK(!"a control character in the flat ODT");
            }
        /* well-formed XML: GMarkup checks nesting, quoting and entities */
        static const GMarkupParser parser = { 0 };
        GMarkupParseContext *xml = g_markup_parse_context_new(&parser, 0, NULL, NULL);
        GError *error = NULL;
        gboolean well_formed = g_markup_parse_context_parse(xml, fodt, -1, &error) &&
                               g_markup_parse_context_end_parse(xml, &error);
        if (!well_formed)
            g_printerr("the report's flat ODT is not well-formed: %s\n", error->message);
        CHECK(well_formed);
        g_markup_parse_context_free(xml);
        g_free(fodt);
    }
    jx_report_free(report);
    jx_template_free(template);
}

static void run_schema(const JxSchema *schema, guint seed, gboolean texts_valid)
{
    /* the indexes agree with the lists */
    for (guint i = 0; i < schema->fields->len; i++) {
        const JxFieldSpec *field = g_ptr_array_index(schema->fields, i);
        CHECK(field->id != NULL && jx_schema_field(schema, field->id) != NULL);
        CHECK(field->role != JX_ROLE_COMPUTED || field->compute != NULL);
    }
    for (guint i = 0; i < schema->tables->len; i++) {
        const JxTableSpec *table = g_ptr_array_index(schema->tables, i);
        CHECK(table->id != NULL && jx_schema_table(schema, table->id) != NULL);
        for (guint c = 0; table->columns && c < table->columns->len; c++) {
            const JxColumnSpec *column = g_ptr_array_index(table->columns, c);
            CHECK(jx_table_column_index(table, column->id) >= 0);
        }
    }

    g_autoptr(JxWorkbook) wb = workbook_for(schema, seed);
    g_autoptr(JxModel) model = jx_model_build(schema, wb);
    CHECK(model != NULL && model->findings != NULL);
    check_findings(model->findings, texts_valid);

    g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func(jx_finding_free);
    jx_validate(model, findings);
    check_findings(findings, texts_valid);
    jx_findings_sort(findings);
    int errors = -1, warnings = -1, notes = -1;
    jx_findings_count(findings, &errors, &warnings, &notes);
    CHECK(errors >= 0 && warnings >= 0 && notes >= 0);
    CHECK((guint)(errors + warnings + notes) <= findings->len);

    if (texts_valid) {
        check_json(jx_findings_to_json(findings, wb, wb->source, schema->id, NULL));
        check_json(jx_model_to_json(model));
    }

    g_autoptr(JxComputePlan) formulas = jx_compute_plan(model, JX_COMPUTE_MODE_FORMULAS, NULL);
    check_plan(formulas, wb);
    check_findings(formulas->findings, texts_valid);
    /* a second Compute, knowing what the first wrote */
    g_autoptr(JxComputePlan) values = jx_compute_plan(model, JX_COMPUTE_MODE_VALUES, formulas->record);
    check_plan(values, wb);
    check_report(schema, model, values->record, findings, texts_valid);
    if (texts_valid) {
        char *record = jx_compute_record_to_json(values->record);
        CHECK(record != NULL);
        GHashTable *back = jx_compute_record_from_json(record);
        CHECK(back != NULL && g_hash_table_size(back) == g_hash_table_size(values->record));
        g_hash_table_unref(back);
        g_free(record);
    }
}

#endif

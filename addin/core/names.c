/*
 * names.c: the names of fields, rows, columns and units in messages (see
 * names.h).
 */
#include "core/names.h"

#include <string.h>

#include "core/units.h"

char *jx_text_bilingual(const JxText *text)
{
    return jx_bilingual(jx_text_get(text, JX_LANG_ZH), jx_text_get(text, JX_LANG_EN));
}

char *jx_field_name(const JxFieldSpec *field)
{
    return jx_text_bilingual(&field->label);
}

/* label without a trailing "（…）" */
static char *without_unit(const char *label)
{
    const char *open = g_str_has_suffix(label, "）") ? g_strrstr(label, "（") : NULL;
    if (open == NULL && g_str_has_suffix(label, ")"))
        open = g_strrstr(label, " (");
    return open && open != label ? g_strndup(label, (gsize)(open - label)) : g_strdup(label);
}

char *jx_column_name(const JxColumnSpec *column, gboolean short_form)
{
    const char *fallback = column->header ? column->header : column->id;
    const char *zh = jx_text_get(&column->label, JX_LANG_ZH);
    const char *en = jx_text_get(&column->label, JX_LANG_EN);
    g_autofree char *zh_name = short_form ? without_unit(zh[0] ? zh : fallback) : g_strdup(zh[0] ? zh : fallback);
    g_autofree char *en_name = short_form ? without_unit(en[0] ? en : fallback) : g_strdup(en[0] ? en : fallback);
    return jx_bilingual(zh_name, en_name);
}

char *jx_row_name(const JxTableData *table, int row)
{
    const JxTableRow *r = &g_array_index(table->rows, JxTableRow, row);
    int key = table->spec->key ? jx_table_column_index(table->spec, table->spec->key) : -1;
    if (key >= 0 && !jx_value_is_empty(&r->cells[key]))
        return jx_value_text(&r->cells[key]);
    for (guint c = 0; c < table->spec->columns->len; c++)
        if (r->cells[c].cell && r->cells[c].cell->kind == JX_GRID_TEXT && !jx_value_is_empty(&r->cells[c]))
            return jx_value_text(&r->cells[c]);
    g_autofree char *zh = g_strdup_printf("第 %d 行", r->row + 1);
    g_autofree char *en = g_strdup_printf("row %d", r->row + 1);
    return jx_bilingual(zh, en);
}

char *jx_row_cell_name(const JxTableData *table, int row, const JxColumnSpec *column,
                       gboolean short_form)
{
    g_autofree char *name = jx_row_name(table, row);
    g_autofree char *col = jx_column_name(column, short_form);
    char *texts[2];
    jx_texts_printf(texts, "%s（%s）", "%s (%s)", name, col);
    char *both = jx_bilingual(texts[JX_LANG_ZH], texts[JX_LANG_EN]);
    g_free(texts[JX_LANG_ZH]);
    g_free(texts[JX_LANG_EN]);
    return both;
}

const char *jx_field_unit(const JxSchema *schema, const JxFieldSpec *field)
{
    if (field == NULL || field->type != JX_TYPE_AMOUNT)
        return NULL;
    return field->unit ? field->unit : schema->settings.amount_unit;
}

const char *jx_column_unit(const JxSchema *schema, const JxColumnSpec *column)
{
    if (column == NULL || column->type != JX_TYPE_AMOUNT)
        return NULL;
    return column->unit ? column->unit : schema->settings.amount_unit;
}

const char *jx_ref_unit(const JxSchema *schema, const JxRef *ref, const JxTableSpec *row_table)
{
    if (ref == NULL || ref->is_constant)
        return NULL;
    if (ref->same_row)
        return row_table ? jx_column_unit(schema, jx_table_column(row_table, ref->name)) : NULL;
    if (ref->table == NULL)
        return jx_field_unit(schema, jx_schema_field(schema, ref->name));
    const JxTableSpec *table = jx_schema_table(schema, ref->table);
    return table ? jx_column_unit(schema, jx_table_column(table, ref->name)) : NULL;
}

char *jx_unit_name(const char *unit)
{
    static const char *const kinds[][2] = {
        [JX_DIM_NONE] = { "", "" },
        [JX_DIM_PEOPLE] = { "人数", "people" },
        [JX_DIM_PERSON_TIMES] = { "人数", "people" },
        [JX_DIM_COUNT] = { "数量", "a count" },
        [JX_DIM_MONEY] = { "金额", "money" },
        [JX_DIM_PERCENT] = { "比率", "a rate" },
        [JX_DIM_DURATION] = { "时长", "time" },
        [JX_DIM_AREA] = { "面积", "area" },
        [JX_DIM_LENGTH] = { "长度", "length" },
        [JX_DIM_MASS] = { "重量", "mass" },
        [JX_DIM_SCORE] = { "分数", "points" },
        [JX_DIM_OTHER] = { "", "" },
    };
    if (unit == NULL || unit[0] == '\0')
        return jx_bilingual("无单位", "no unit");
    const JxUnit *known = jx_unit_lookup(unit);
    JxDimension kind = known ? known->dimension : JX_DIM_OTHER;
    if (kinds[kind][0][0] == '\0')
        return g_strdup(unit);
    g_autofree char *zh = g_strdup_printf("%s（%s）", unit, kinds[kind][JX_LANG_ZH]);
    g_autofree char *en = g_strdup_printf("%s (%s)", unit, kinds[kind][JX_LANG_EN]);
    return jx_bilingual(zh, en);
}

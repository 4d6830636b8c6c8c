/*
 * names.h: how findings and Compute name what they speak of: a field, a
 * table row, a column, and the unit an amount is in.
 *
 * Every name is a bilingual text (jx_bilingual): pass it as one argument to
 * jx_finding_new or jx_set_error and each language gets its own words.  One
 * row has one name in every message, whichever check or Compute writes it.
 */
#ifndef JX_CORE_NAMES_H
#define JX_CORE_NAMES_H

#include <glib.h>

#include "core/model.h"

G_BEGIN_DECLS

/* A schema text ({zh, en}) as a bilingual text.  Newly allocated. */
char *jx_text_bilingual(const JxText *text);

/* A field's label.  Newly allocated. */
char *jx_field_name(const JxFieldSpec *field);

/* A column's label, else its header, else its id; `short_form` drops a
 * trailing unit in brackets ("全年执行数（万元）" → "全年执行数") for messages
 * that print the unit after the number anyway.  Newly allocated. */
char *jx_column_name(const JxColumnSpec *column, gboolean short_form);

/* A table row: its key cell, else its first text cell, else "第 N 行" /
 * "row N" (the sheet row).  Newly allocated. */
char *jx_row_name(const JxTableData *table, int row);

/* One cell of a table row: "工资福利支出（全年执行数）".  Newly allocated. */
char *jx_row_cell_name(const JxTableData *table, int row, const JxColumnSpec *column,
                       gboolean short_form);

/* The unit an amount field or column is in: its own, else the schema's
 * amount unit; NULL for anything that is not an amount. */
const char *jx_field_unit(const JxSchema *schema, const JxFieldSpec *field);
const char *jx_column_unit(const JxSchema *schema, const JxColumnSpec *column);

/* The unit of what a reference names (a same-row column of row_table, a
 * field, a table column); NULL when it is not an amount. */
const char *jx_ref_unit(const JxSchema *schema, const JxRef *ref, const JxTableSpec *row_table);

/* A unit with what it measures: "万元（金额）" / "万元 (money)", "人次（人数）"
 * / "人次 (people)"; "" is "无单位" / "no unit".  Newly allocated. */
char *jx_unit_name(const char *unit);

G_END_DECLS

#endif

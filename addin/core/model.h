/*
 * model.h: a workbook seen through a schema.
 *
 * jx_model_build finds every field and table of the schema in the workbook
 * grid (by cell, named range or row label; tables by their header row and
 * column headers), keeping each value's sheet and cell.  What cannot be
 * found becomes a finding naming the place; the model is still built, with
 * the missing values marked, so validation can report everything at once.
 */
#ifndef JX_CORE_MODEL_H
#define JX_CORE_MODEL_H

#include <glib.h>

#include "core/findings.h"
#include "core/schema.h"
#include "core/workbook.h"

G_BEGIN_DECLS

/* One located value: the cell and where it is.  cell is NULL when the field
 * could not be located (its sheet is missing, its label not found). */
typedef struct {
    const JxGridCell *cell;
    int sheet, row, col;
} JxValue;

typedef struct {
    int row;                 /* sheet row of the data row */
    int group_parent;        /* index of the group total row, -1 if none */
    JxValue *cells;          /* one per schema column */
} JxTableRow;

typedef struct {
    const JxTableSpec *spec;
    gboolean located;
    int sheet;
    int header_row;
    int *column_of;          /* sheet column per schema column, -1 if missing */
    GArray *rows;            /* JxTableRow */
} JxTableData;

typedef struct {
    const JxSchema *schema;  /* borrowed: outlives the model */
    const JxWorkbook *workbook;
    JxValue *fields;         /* aligned with schema->fields */
    JxTableData *tables;     /* aligned with schema->tables */
    GPtrArray *findings;     /* JxFinding*: what could not be located */
} JxModel;

JxModel *jx_model_build(const JxSchema *schema, const JxWorkbook *workbook);
void jx_model_free(JxModel *model);

const JxValue *jx_model_field(const JxModel *model, const char *id);
const JxTableData *jx_model_table(const JxModel *model, const char *id);

/* The values a reference names, appended to out (JxValue, copied).  For a
 * same-row column, `table`/`row` give the row (else NULL / -1).  Returns
 * FALSE (and *error) when a table[col=value] row does not exist. */
gboolean jx_model_resolve(const JxModel *model, const JxRef *ref,
                          const JxTableData *table, int row, GArray *out, GError **error);

/* The row of table (an index into its rows) that plays role: the one row
 * whose key reads one of the role's names; else the one row that meets its
 * conditions (any of `where`, money in its `amount` column).  -1 when no
 * row or several rows could: then `candidates` (may be NULL) receives the
 * indices of the rows that could. */
int jx_model_role_row(const JxTableData *table, const JxRoleSpec *role, GArray *candidates);

/* TRUE if a value is empty (or was not located). */
gboolean jx_value_is_empty(const JxValue *value);

/* The text of a value as written (numbers in shortest form), newly allocated. */
char *jx_value_text(const JxValue *value);

/* A value as a number in `unit` (NULL: as written): numbers as they are,
 * texts read as quantities ("41.73万元") and converted.  Errors: empty,
 * error cell, text that is not a number, unit that does not convert. */
gboolean jx_value_number(const JxValue *value, const char *unit, double *number,
                         GError **error);

/* The same where a plain number is in own_unit (the unit of its field or
 * column, e.g. a 元 column next to a 万元 total): it is converted to unit
 * like a text that names its unit. */
gboolean jx_value_number_in(const JxValue *value, const char *own_unit, const char *unit,
                            double *number, GError **error);

/* "基础数据表!D5" for a value, newly allocated ("" if not located). */
char *jx_value_address(const JxModel *model, const JxValue *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(JxModel, jx_model_free)

G_END_DECLS

#endif

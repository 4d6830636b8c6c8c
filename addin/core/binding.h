/*
 * binding.h: where a figure of the report came from.
 *
 * Every value the report takes from the workbook (a figure, a text from a
 * cell, or the placeholder standing for a missing one) is bound: the
 * document marks its characters (a bookmark named by the binding's id, see
 * odf.h) and keeps, in one document property, the list of bindings: the
 * field or table cell it was read from, the format it was written in, the
 * cell where it was found and the text written.  Bookmarks and document
 * properties survive .odt and .docx and print nothing, so a report edited
 * by hand can be refreshed from the workbook later (refresh.h): each bound
 * figure read again, every other character left as the author left it.
 *
 * A table cell is named by its row's name (jx_row_name: its key, else its
 * first text) and which row of that name it is, never by its position, so
 * rows may move in the workbook between the report and its refresh.
 */
#ifndef JX_CORE_BINDING_H
#define JX_CORE_BINDING_H

#include <glib.h>

#include "core/template.h"

G_BEGIN_DECLS

/* The document property holding the bindings (a JSON text). */
#define JX_BINDINGS_PROPERTY "JixiaoBindings"

/* Bookmark names: the prefix, then a number ("JX_F0001"): short ASCII, as
 * Word's bookmark names must be. */
#define JX_BINDING_PREFIX "JX_F"

typedef struct JxBinding {
    char *id;             /* the bookmark's name */
    char *field;          /* the field's id; NULL for a table cell */
    char *table, *column; /* a table cell: the ids of its table and column */
    char *row;            /* the row's name */
    int occurrence;       /* which row of that name (1: the first) */
    JxFormat format;
    char *cell;           /* "基础数据表!D5": where it was read ("" if nowhere) */
    char *text;           /* the text the report shows for it */
    gboolean placeholder; /* text is a 【请填写：…】: the workbook had no value */
    gboolean optional;    /* {x?}: an empty value is left out, not asked for */
    gboolean ends_sentence; /* a text ending its paragraph: the full stop after it is the template's,
                               so its own closing punctuation is left out */
    char *kept;           /* the author's own text, kept by choice over the workbook's, or NULL */
} JxBinding;

JxBinding *jx_binding_new(void);
void jx_binding_free(gpointer binding);

/* "spending.total.executed" or "expense_items[基本工资].executed" (with
 * "#2" after the row's name for its second row): for people.  Newly allocated. */
char *jx_binding_source(const JxBinding *binding);

/* The bindings as the document property's JSON text, with the schema's id
 * and the workbook they were read from (either may be NULL).  Newly allocated. */
char *jx_bindings_to_json(const GPtrArray *bindings, const char *schema_id, const char *workbook);

/* The bindings (JxBinding*, owned by the array) of a property's text; NULL
 * with *error when it is not one.  schema_id and workbook, if non-NULL,
 * receive what it recorded (newly allocated, NULL if nothing). */
GPtrArray *jx_bindings_from_json(const char *json, char **schema_id, char **workbook, GError **error);

G_END_DECLS

#endif

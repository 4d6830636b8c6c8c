/*
 * template.h: the report template (the schema's "report" key) compiled once,
 * when the schema loads, into a typed tree that render.h walks for every
 * report.
 *
 * The README describes the template language for bureaus: sections nest
 * (their numbers 一、 （一） 1. （1） are generated from the nesting, never
 * typed), bodies mix text with placeholders ({spending.total.executed|amount}),
 * loops over table rows ("each"), conditions ("if") and tables ("table").
 * Compiling resolves every name (fields, tables, columns) to its index and
 * every word of the vocabulary (formats, styles, row modes, predicates,
 * conditions) to an enum, and splits every string into segments; whatever
 * does not compile is a problem with its JSON path under $.report, so a
 * template that loads renders without surprises.
 */
#ifndef JX_CORE_TEMPLATE_H
#define JX_CORE_TEMPLATE_H

#include <glib.h>

#include "core/report.h"
#include "core/schema.h"

G_BEGIN_DECLS

/* What one template may hold (README, "Bounds").  A bureau's schema comes
 * from outside: a multi-megabyte literal paragraph, hundreds of thousands of
 * placeholders or a thousand loops fit in an 8 MB file and would keep Writer
 * busy for minutes.  Past a bound the template does not compile: the problem
 * names the JSON path where it was crossed.  The default template holds 266
 * strings (the longest 273 characters), 202 placeholders and 9 loops. */
#define JX_TEMPLATE_MAX_STRING 5000         /* characters of one template string */
#define JX_TEMPLATE_MAX_STRINGS 20000       /* strings in the whole template */
#define JX_TEMPLATE_MAX_PLACEHOLDERS 5000   /* placeholders ({…}) in the whole template */
#define JX_TEMPLATE_MAX_BLOCKS 5000         /* blocks (paragraphs, each, if, table) in it */
#define JX_TEMPLATE_MAX_EACH 200            /* "each" loops in it */

/* ---- strings: literal text and placeholders ------------------------------ */

typedef enum {
    JX_FORMAT_TEXT, JX_FORMAT_AMOUNT, JX_FORMAT_PERCENT, JX_FORMAT_NUMBER,
    JX_FORMAT_INTEGER, JX_FORMAT_SCORE, JX_FORMAT_DAXIE, JX_FORMAT_NUMERAL,
} JxFormat;

typedef enum {
    JX_SEGMENT_LITERAL,
    JX_SEGMENT_FIELD,     /* {field}: index into schema->fields */
    JX_SEGMENT_COLUMN,    /* {.column}: index into the current row's table columns */
    JX_SEGMENT_ITEMS,     /* {items}: the current group's rows */
    JX_SEGMENT_INDEX,     /* {index}: the current row's position */
} JxSegmentKind;

typedef struct {
    JxSegmentKind kind;
    char *literal;        /* LITERAL */
    int index;            /* FIELD, COLUMN */
    JxFormat format;
    gboolean optional;    /* {x?}: an empty value is left out, not asked for */
} JxSegment;

/* A format's word as templates write it ("amount"), and back. */
const char *jx_format_name(JxFormat format);
gboolean jx_format_from_name(const char *name, JxFormat *format);

/* A template string, split once. */
typedef struct {
    int n;
    JxSegment *segments;
    char *path;           /* its JSON path, for what goes wrong when it is rendered */
} JxPattern;

/* ---- rows and conditions ----------------------------------------------- */

typedef enum {
    JX_ROW_ANY,           /* no "where" */
    JX_ROW_MET, JX_ROW_UNMET, JX_ROW_QUALITATIVE, JX_ROW_QUANTITATIVE,
    JX_ROW_GROUP, JX_ROW_ITEM, JX_ROW_TOP,
    JX_ROW_FILLED,        /* filled:COLUMN */
    JX_ROW_BLANK,         /* blank:COLUMN */
    JX_ROW_EQUALS,        /* COLUMN=VALUE */
} JxRowTest;

typedef struct {
    JxRowTest test;
    gboolean negate;
    int column;           /* FILLED, BLANK, EQUALS */
    char *value;          /* EQUALS: normalised (jx_label_normalize) */
} JxRowPredicate;

typedef enum { JX_ROWS_ALL, JX_ROWS_GROUPS, JX_ROWS_TOP, JX_ROWS_LEAVES } JxRowsMode;

typedef enum {
    JX_IF_ERRORS,         /* validation found errors */
    JX_IF_TABLE_EMPTY,    /* empty:TABLE: the workbook states the table has no rows */
    JX_IF_TABLE_FILLED,   /* filled:TABLE: it has a row in use */
    JX_IF_FIELD_FILLED,   /* filled:FIELD */
    JX_IF_FIELD_BLANK,    /* blank:FIELD */
} JxConditionKind;

typedef struct {
    JxConditionKind kind;
    gboolean negate;
    int index;            /* the table or field */
} JxCondition;

/* ---- blocks ---------------------------------------------------------------- */

typedef enum { JX_NODE_PARAGRAPH, JX_NODE_EACH, JX_NODE_IF, JX_NODE_TABLE, JX_NODE_PAGE_BREAK } JxNodeKind;

typedef struct {
    int n;
    JxPattern **cells;
} JxPatternRow;

typedef struct {
    JxRowPredicate where;
    JxPattern *paragraph;
} JxCase;

/* "items": the rows of the current group, listed inside its paragraph. */
typedef struct {
    JxPattern *paragraph;
    char *separator;
    JxRowPredicate where;
    gboolean zeros;
} JxItemsSpec;

typedef struct {
    JxPattern *name, *caption;        /* either may be NULL */
    int cols;
    JxPatternRow *header;             /* NULL: none */
    GPtrArray *rows;                  /* JxPatternRow*: literal rows */
    int source;                       /* a row per row of this table, -1: none */
    JxRowPredicate where;
    JxPatternRow *row;                /* with source */
    GPtrArray *after;                 /* JxPatternRow*: closing rows (totals) */
    double *widths;                   /* cols relative widths, or NULL */
    gboolean zeros;
    char *path;                       /* its JSON path */
} JxTableNode;

typedef struct {
    int table;
    JxRowsMode rows;
    JxRowPredicate where;
    gboolean numbered;
    int list_level;                   /* numbered: the heading level its numbers take */
    gboolean zeros;                   /* name line items written as 0 */
    int n_cases;                      /* "paragraph" is one case without a condition */
    JxCase *cases;
    JxTableNode *row_table;           /* "table": one per row (then n_cases is 0) */
    JxItemsSpec *items;               /* NULL: none */
    JxPattern *empty;                 /* the sentence that states there are no rows, or NULL */
    char *path;                       /* its JSON path */
} JxEachNode;

typedef struct {
    JxCondition condition;
    GPtrArray *then_nodes, *else_nodes;   /* JxNode* */
} JxIfNode;

typedef struct {
    JxNodeKind kind;
    union {
        struct {
            JxPattern *text;
            JxParagraphStyle style;
        } paragraph;
        JxEachNode each;
        JxIfNode when;
        JxTableNode table;
    };
} JxNode;

typedef struct JxSection {
    JxPattern *title;
    GPtrArray *body;                  /* JxNode* */
    GPtrArray *sections;              /* struct JxSection* */
} JxSection;

typedef struct {
    const JxSchema *schema;           /* borrowed: outlives the template */
    JxPattern *title;
    GPtrArray *preamble;              /* JxNode* */
    GPtrArray *sections, *annexes;    /* JxSection* */
    /* per schema table: TRUE if the workbook's own instructions say the
     * table stays blank when there is nothing to report ("none_when_blank") */
    gboolean *none_when_blank;
} JxTemplate;

/* Compiles schema->report (which must be set); NULL with JxSchemaProblem*
 * (paths under $.report) appended to problems if it does not compile. */
JxTemplate *jx_template_compile(const JxSchema *schema, GPtrArray *problems);
void jx_template_free(JxTemplate *template);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(JxTemplate, jx_template_free)

G_END_DECLS

#endif

/*
 * schema.h: the schema file that tells Jixiao where every figure of a
 * workbook lives and what it means (format "jixiao-schema", version 1; the
 * README describes it for bureaus, registration/schema/ holds the default).
 *
 * jx_schema_load reads the JSON with cJSON and checks the schema itself:
 * unknown keys, wrong types, duplicate ids, references to missing fields,
 * tables or columns, and cycles among sums and computed values.  Every
 * problem is reported with its JSON path ($.fields["x"].at.label).
 */
#ifndef JX_CORE_SCHEMA_H
#define JX_CORE_SCHEMA_H

#include <glib.h>

#include "core/address.h"
#include "core/error.h"
#include "core/scoring.h"

G_BEGIN_DECLS

#define JX_SCHEMA_MAX_BYTES (8 * 1024 * 1024)

typedef struct {
    char *zh;
    char *en;
} JxText;

typedef enum { JX_AT_CELL, JX_AT_NAMED, JX_AT_LABEL } JxLocatorKind;

typedef struct {
    JxLocatorKind kind;
    int row, col;            /* CELL: 0-based */
    char *name;              /* NAMED: a named range of the document */
    char *label;             /* LABEL: text to find … */
    int label_col;           /* … in this column (0-based) … */
    int value_col;           /* … the value is in this column of that row */
} JxLocator;

typedef enum {
    JX_TYPE_TEXT, JX_TYPE_NUMBER, JX_TYPE_INTEGER, JX_TYPE_AMOUNT,
    JX_TYPE_PERCENT, JX_TYPE_QUANTITY, JX_TYPE_BAND, JX_TYPE_DATE,
} JxValueType;

typedef enum { JX_ROLE_INPUT, JX_ROLE_COMPUTED, JX_ROLE_FIXED } JxRole;

/* A reference to workbook values (see README, "references"):
 *   field                  → a field
 *   table[col=value].col2  → one cell of the row whose col reads value
 *   table[@role].col2      → one cell of the row that plays a role (JxRoleSpec)
 *   table[*].col           → the column of every data row
 *   col                    → (inside a table's compute) the same row's col */
typedef struct {
    char *text;              /* as written, for messages */
    char *table;             /* NULL: a field, or a same-row column */
    char *name;              /* field id or column id */
    char *match_column;      /* table[match_column=match_value] */
    char *match_value;
    char *role;              /* table[@role] */
    gboolean all_rows;       /* table[*] */
    gboolean same_row;       /* a bare column inside a table */
    gboolean is_constant;    /* a number given instead of a reference */
    double constant;
} JxRef;

typedef enum {
    JX_COMPUTE_NONE,
    JX_COMPUTE_EXECUTION_RATE,    /* budget, executed */
    JX_COMPUTE_EXECUTION_POINTS,  /* weight, budget, executed */
    JX_COMPUTE_TOTAL_SCORE,       /* parts */
    JX_COMPUTE_GRADE,             /* total */
    JX_COMPUTE_SUM,               /* parts */
    JX_COMPUTE_RATIO,             /* numerator, denominator */
    JX_COMPUTE_INDICATOR_SCORE,   /* weight, target, actual, band?, entered? */
    JX_COMPUTE_INDICATOR_COMPLETION, /* target, actual */
    JX_COMPUTE_GROUP_SUM,         /* column: the group's rows summed */
} JxComputeKind;

#define JX_COMPUTE_MAX_ARGS 6

typedef struct {
    JxComputeKind kind;
    int n_args;
    const char *arg_names[JX_COMPUTE_MAX_ARGS]; /* static strings: "budget" … */
    JxRef *args[JX_COMPUTE_MAX_ARGS];           /* NULL for an optional one left out */
    GPtrArray *parts;                           /* JxRef*: TOTAL_SCORE, SUM */
} JxCompute;

typedef struct {
    char *id;
    JxText label;
    char *sheet;             /* sheet id */
    JxLocator at;
    JxValueType type;
    char *unit;              /* amounts: the unit ("万元"); else NULL */
    gboolean required;
    JxRole role;
    JxCompute *compute;      /* COMPUTED only */
} JxFieldSpec;

typedef struct {
    char *id;
    JxText label;
    char *header;            /* header text, or NULL when fixed by column */
    int column;              /* fixed 0-based column, or -1 */
    JxValueType type;
    char *unit;
    gboolean required;
    JxRole role;
    JxCompute *compute;
} JxColumnSpec;

/* "column=value": a row whose column reads value. */
typedef struct {
    char *column;
    char *value;
} JxRowCondition;

/* A row a check relies on, found by what it is rather than by one wording
 * (the cost indicator: the 成本指标 row whose target is an amount).  The row
 * is the one whose key reads one of `names`; else the one row that meets
 * any of `where` and whose `amount` column holds an amount of money. */
typedef struct {
    char *id;
    JxText label;            /* what the row is, for messages */
    GPtrArray *names;        /* char*: accepted key texts */
    GArray *where;           /* JxRowCondition: any of them */
    char *amount;            /* column id that must hold money, or NULL */
} JxRoleSpec;

/* Defaults of a table's end: no blank-row end; at most this many rows. */
#define JX_TABLE_MAX_ROWS 100000
#define JX_TABLE_MAX_ROWS_LIMIT 1000000

typedef struct {
    char *id;
    JxText label;
    char *sheet;
    char *header_label;      /* the header row's text in header_label_col */
    int header_label_col;
    /* the table ends before the first row that reads one of end_labels (in
     * any of its columns), begins with one of end_prefixes (a note "注：…",
     * in header_label_col), or holds the named cell end_named; without one,
     * after end_blank_rows blank rows in a row (0: at the sheet's end) */
    GPtrArray *end_labels;   /* char* */
    GPtrArray *end_prefixes; /* char* */
    char *end_named;
    int end_blank_rows;
    int max_rows;
    GPtrArray *columns;      /* JxColumnSpec* */
    /* a row is used when one of these columns holds something; NULL: any
     * column that is not computed (template rows with only their preset
     * cells filled are spare rows, not data) */
    GArray *defined_by;      /* int: column indices */
    char *key;               /* column id identifying a row, or NULL */
    char *group_column;      /* code column for prefix groups, or NULL */
    GPtrArray *roles;        /* JxRoleSpec* */
} JxTableSpec;

typedef enum {
    JX_CHECK_SUM, JX_CHECK_GROUP_SUMS, JX_CHECK_SAME, JX_CHECK_INDICATORS,
    JX_CHECK_WEIGHTS, JX_CHECK_EXECUTION, JX_CHECK_NON_NEGATIVE, JX_CHECK_AT_MOST,
} JxCheckKind;

typedef struct {
    char *id;
    JxCheckKind kind;
    JxText label;            /* optional: what is compared, for messages */
    JxRef *total;            /* SUM; WEIGHTS: expected total as constant */
    GPtrArray *parts;        /* JxRef*: SUM parts, SAME refs, WEIGHTS parts, NON_NEGATIVE refs */
    double precision;        /* SUM: ≤ 0 means settings.precision */
    char *table;             /* GROUP_SUMS, INDICATORS */
    char *column;            /* GROUP_SUMS */
    GHashTable *columns;     /* INDICATORS: role ("target", "actual", "weight", "score",
                                "completion", "band", "deviation", "name") → column id */
    JxRef *budget, *executed, *explanation;  /* EXECUTION; AT_MOST: explanation */
    JxRef *value, *limit;    /* AT_MOST: value ≤ limit, or explained */
} JxCheckSpec;

typedef struct {
    char *id;
    char *name;              /* tab name */
    gboolean required;
} JxSheetSpec;

typedef enum { JX_COMPUTE_MODE_FORMULAS, JX_COMPUTE_MODE_VALUES } JxComputeMode;

typedef struct {
    char *amount_unit;
    int amount_decimals;
    double precision;
    double note_limit;
    JxComputeMode compute_mode;
    JxScoringRules scoring;
} JxSettings;

/* A column of the batch summary: a field under a key that several forms
 * may share ("name", "score", "grade" …), so one summary holds them all. */
typedef struct {
    char *key;
    JxText label;
    char *field;             /* field id */
} JxSummarySpec;

typedef struct {
    char *path;              /* JSON path: $.fields["x"].type */
    char *zh, *en;
} JxSchemaProblem;

typedef struct {
    char *id;
    int version;
    JxText title;
    JxSettings settings;
    GPtrArray *sheets;       /* JxSheetSpec* */
    GPtrArray *fields;       /* JxFieldSpec* */
    GPtrArray *tables;       /* JxTableSpec* */
    GPtrArray *checks;       /* JxCheckSpec* */
    GPtrArray *summary;      /* JxSummarySpec*: what batch shows of a workbook */
    struct cJSON *report;    /* the raw "report" template, read by template.c */
    GHashTable *sheet_index, *field_index, *table_index;  /* id → spec */
} JxSchema;

/* Parses and checks a schema.  On failure returns NULL, sets *error to the
 * first problem (and how many there are), and if problems is non-NULL
 * appends every JxSchemaProblem to it (free with jx_schema_problem_free). */
JxSchema *jx_schema_load_data(const char *json, gsize length, GPtrArray *problems,
                              GError **error);
JxSchema *jx_schema_load_file(const char *path, GPtrArray *problems, GError **error);

void jx_schema_free(JxSchema *schema);
void jx_schema_problem_free(gpointer problem);
/* A problem at a JSON path with two finished texts (taken over). */
JxSchemaProblem *jx_schema_problem_new(const char *path, char *zh, char *en);
/* Sets *error to the first of problems (non-empty), saying how many there are. */
void jx_schema_problems_error(const GPtrArray *problems, GError **error);

const JxSheetSpec *jx_schema_sheet(const JxSchema *schema, const char *id);
const JxFieldSpec *jx_schema_field(const JxSchema *schema, const char *id);
const JxTableSpec *jx_schema_table(const JxSchema *schema, const char *id);
const JxColumnSpec *jx_table_column(const JxTableSpec *table, const char *id);
int jx_table_column_index(const JxTableSpec *table, const char *id);
const JxRoleSpec *jx_table_role(const JxTableSpec *table, const char *id);

/* Text of a JxText in lang. */
const char *jx_text_get(const JxText *text, JxLang lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(JxSchema, jx_schema_free)

G_END_DECLS

#endif

/*
 * report.h: the report model: what the 自评报告 says, before it is any
 * particular file format.  Headings carry their generated numbers
 * (一、 （一） 1. （1）), paragraphs are runs of text (some marked as
 * placeholders the user must fill, some carrying a note: what validation
 * found about the figure), tables are rows of cells, each a paragraph of
 * runs.  A run taken from the workbook is bound (binding.h): it knows where
 * it came from.  odf.h turns it into a Writer document.
 */
#ifndef JX_CORE_REPORT_H
#define JX_CORE_REPORT_H

#include <glib.h>

G_BEGIN_DECLS

struct JxBinding;

typedef enum {
    JX_BLOCK_TITLE,       /* the report's title */
    JX_BLOCK_HEADING,     /* level 1–4, with number */
    JX_BLOCK_PARAGRAPH,
    JX_BLOCK_TABLE,
    JX_BLOCK_PAGE_BREAK,
} JxBlockKind;

typedef enum {
    JX_PARA_BODY,         /* 正文: first line indented two characters */
    JX_PARA_PLAIN,        /* no indent */
    JX_PARA_CENTER,
    JX_PARA_RIGHT,        /* signature lines, dates */
    JX_PARA_CAPTION,      /* a table's title */
} JxParagraphStyle;

typedef struct {
    char *text;
    gboolean placeholder; /* a value missing in the workbook: highlighted for the user */
    char *note;           /* what validation found about this figure (a comment), or NULL */
    const struct JxBinding *binding;   /* where it came from (owned by the report), or NULL */
} JxSpan;

typedef struct JxBlock {
    JxBlockKind kind;
    int level;            /* HEADING: 1–4 */
    char *number;         /* HEADING: "一、", "（二）", "3.", "（4）" */
    JxParagraphStyle style;
    GPtrArray *spans;     /* JxSpan*: TITLE, HEADING text, PARAGRAPH */
    /* TABLE */
    int rows, cols, header_rows;
    struct JxBlock **cells;   /* rows × cols paragraphs (NULL for a covered cell) */
    int *span;            /* columns each cell spans: 1, more, or 0 when covered by a span */
    gboolean *row_keep;   /* rows: kept on the page of the next row (a total row is never alone) */
    double *widths;       /* relative column widths, or NULL for equal columns */
    char *name;           /* table name in the document */
} JxBlock;

typedef struct {
    char *title;
    char *department;
    char *year;
    char *amount_unit;    /* "万元": kept whole on a line */
    char *schema_id;      /* the schema and the workbook it was made from (recorded with the bindings) */
    char *workbook;
    GPtrArray *blocks;    /* JxBlock* */
    int placeholders;     /* how many values the user still has to fill */
    int notes;            /* how many figures carry what validation found */
    GPtrArray *bindings;  /* struct JxBinding*, in the order of the text */
} JxReport;

JxReport *jx_report_new(void);
void jx_report_free(JxReport *report);

JxBlock *jx_report_add(JxReport *report, JxBlockKind kind);
/* A block outside any report (to render text into), and its destructor. */
JxBlock *jx_block_new(JxBlockKind kind);
void jx_block_free(gpointer block);
void jx_block_add_span(JxBlock *block, const char *text, gboolean placeholder);
/* A span of its own carrying a note (a figure validation flagged). */
void jx_block_add_noted(JxBlock *block, const char *text, const char *note);
/* A span of its own taken from the workbook (binding owned by the report;
 * note and binding may be NULL). */
void jx_block_add_bound(JxBlock *block, const char *text, gboolean placeholder, const char *note,
                        const struct JxBinding *binding);
/* The block's text, spans joined, newly allocated. */
char *jx_block_text(const JxBlock *block);
/* Whether a span of the block is a placeholder. */
gboolean jx_block_has_placeholder(const JxBlock *block);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(JxReport, jx_report_free)

G_END_DECLS

#endif

/*
 * refresh.h: bringing a finished report's figures up to date with its
 * workbook, leaving the author's prose alone.
 *
 * The author has reworded sentences, added and removed paragraphs; the
 * workbook has changed since.  Each bound figure (binding.h) is read again
 * and compared three ways: what the report wrote then, what the document
 * says now, what the workbook gives now.  A figure whose text is still what
 * Jixiao wrote takes the workbook's value; one the author changed by hand
 * is reported and left as it is (the author chooses: keep it, or take the
 * workbook's value); one the author chose to keep stays kept.  Everything
 * here is decided without the office; addin/writer/refresh.c reads the
 * document's figures and applies the plan.
 */
#ifndef JX_CORE_REFRESH_H
#define JX_CORE_REFRESH_H

#include <glib.h>

#include "core/binding.h"
#include "core/render.h"

G_BEGIN_DECLS

typedef enum {
    JX_REFRESH_SAME,        /* the workbook says what the document says */
    JX_REFRESH_CHANGED,     /* the workbook's value changed: the figure takes it */
    JX_REFRESH_OVERTYPED,   /* the author changed the figure by hand: reported, not overwritten */
    JX_REFRESH_KEPT,        /* the author chose their own text earlier: it stays */
    JX_REFRESH_UNRESOLVED,  /* its field, row or column is gone from the workbook: left as it is */
    JX_REFRESH_GONE,        /* the author deleted it (with its sentence): nothing to do */
} JxRefreshStatus;

typedef struct {
    JxBinding *binding;     /* the document's, borrowed */
    JxRefreshStatus status;
    char *current;          /* the document's text now (NULL: GONE) */
    JxReportValue now;      /* the workbook's value now (now.text NULL: UNRESOLVED), and
                               what validation finds about it now (now.note) */
} JxRefreshItem;

typedef struct {
    GPtrArray *items;       /* JxRefreshItem*, in the order of the bindings */
} JxRefreshPlan;

/* The plan for a document's bindings, given what its bookmarks hold now
 * (current: id → text; an id that is absent is GONE) and the workbook's
 * figures (input as for jx_report_render). */
JxRefreshPlan *jx_refresh_plan(const JxTemplate *template, const JxReportInput *input, GPtrArray *bindings,
                               GHashTable *current);
void jx_refresh_plan_free(JxRefreshPlan *plan);

/* The author's choice for an overtyped figure: take the workbook's value
 * (the item becomes CHANGED) or keep their own (KEPT).  FALSE if the item
 * is not overtyped. */
gboolean jx_refresh_take(JxRefreshItem *item);
gboolean jx_refresh_keep(JxRefreshItem *item);

/* Once the document shows the plan: each binding records what the document
 * now says for it (the workbook's value where it was taken). */
void jx_refresh_commit(JxRefreshPlan *plan);

/* How many items have a status. */
int jx_refresh_count(const JxRefreshPlan *plan, JxRefreshStatus status);

/* The word of a status ("changed" …). */
const char *jx_refresh_status_name(JxRefreshStatus status);

/* Text as the document and the report compare it: line ends made "\n". */
char *jx_refresh_normalize(const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(JxRefreshPlan, jx_refresh_plan_free)

G_END_DECLS

#endif

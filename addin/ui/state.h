/*
 * state.h: what Jixiao knows about each open document (its last findings),
 * kept outside the sidebar panel, which the office destroys whenever the
 * sidebar is hidden or the deck switched.  Panels watch it and redraw when
 * a command changes it.
 */
#ifndef JX_UI_STATE_H
#define JX_UI_STATE_H

#include <glib.h>

#include "core/findings.h"
#include "core/workbook.h"
#include "ui/places.h"
#include "uno/object.h"

typedef struct {
    JxFinding finding;       /* texts owned */
    char *where;             /* "基础数据表!D5" */
    GArray *places;          /* JxPlace: its own cells, then those its text names */
    GPtrArray *place_names;  /* char*: "基础数据表!D5" for each place */
} JxShownFinding;

typedef struct {
    gboolean validated;
    gboolean not_a_workbook; /* the spreadsheet is not the schema's workbook */
    int errors, warnings, notes;
    GPtrArray *findings;     /* JxShownFinding* */
    char *message[2];        /* the last command's outcome, zh/en, or NULL */
    int current;             /* the finding last gone to, -1 if none */
    guint version;           /* counts the changes of findings and message */
} JxDocumentState;

/* The key of a document: its UNO identity (XInterface), not acquired. */
uno_Interface *jx_state_key(uno_Interface *document);

/* Replaces a document's findings (copied) and outcome message. */
void jx_state_set(uno_Interface *document, const GPtrArray *findings, const JxWorkbook *workbook,
                  const char *message_zh, const char *message_en);

/* The last report generated from a document: kept (acquired) until the next
 * one or until the document closes; jx_state_report returns it acquired or NULL. */
void jx_state_set_report(uno_Interface *document, uno_Interface *report);
uno_Interface *jx_state_report(uno_Interface *document);

/* Remembers the finding the user went to; panels select it. */
void jx_state_set_current(uno_Interface *document, int index);

/* Marks the document as a spreadsheet that is not the schema's workbook,
 * with the one message that says so (no findings). */
void jx_state_set_not_a_workbook(uno_Interface *document, const char *message_zh,
                                 const char *message_en);

/* Replaces only the outcome message (the findings stay). */
void jx_state_set_message(uno_Interface *document, const char *message_zh, const char *message_en);

/* A copy of a document's state (free with jx_document_state_free); never NULL. */
JxDocumentState *jx_state_get(uno_Interface *document);
void jx_document_state_free(JxDocumentState *state);

/* Panels: refresh(panel) is called (panel acquired) after jx_state_set on
 * the document the panel shows. */
typedef void (*JxStateRefresh)(JxUnoObject *panel);
void jx_state_watch(JxUnoObject *panel, uno_Interface *document, JxStateRefresh refresh);
void jx_state_unwatch(JxUnoObject *panel);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(JxDocumentState, jx_document_state_free)

#endif

/*
 * state.c: per-document findings and the panels that show them.
 *
 * Documents are keyed by their XInterface pointer (UNO identity); an event
 * listener forgets a document when it is disposed, so a later document at
 * the same address never inherits old findings.  Panels are held weakly
 * (they unwatch on dispose); a refresh acquires the panel first, so a panel
 * disposed during a command is never used after it is freed.
 */
#include "ui/state.h"

#include <string.h>

#include "uno/call.h"

typedef struct {
    JxDocumentState state;
    uno_Interface *report;    /* the last report generated from it, acquired */
} Entry;

typedef struct {
    JxUnoObject *panel;
    uno_Interface *document;  /* identity only */
    JxStateRefresh refresh;
} Watcher;

static GMutex lock;
static GHashTable *documents;   /* identity → Entry* */
static GPtrArray *watchers;     /* Watcher* */

uno_Interface *jx_state_key(uno_Interface *document)
{
    uno_Interface *id = jx_query(document, "com.sun.star.uno.XInterface");
    if (id != NULL)
        id->release(id);   /* the pointer is only a key */
    return id ? id : document;
}

static void shown_free(gpointer data)
{
    JxShownFinding *s = data;
    g_free(s->finding.text[0]);
    g_free(s->finding.text[1]);
    g_free(s->finding.check);
    g_free(s->where);
    if (s->places)
        g_array_free(s->places, TRUE);
    if (s->place_names)
        g_ptr_array_free(s->place_names, TRUE);
    g_free(s);
}

static JxShownFinding *shown_copy(const JxShownFinding *from)
{
    JxShownFinding *to = g_new0(JxShownFinding, 1);
    to->finding = from->finding;
    to->finding.text[0] = g_strdup(from->finding.text[0]);
    to->finding.text[1] = g_strdup(from->finding.text[1]);
    to->finding.check = g_strdup(from->finding.check);
    to->where = g_strdup(from->where);
    to->places = g_array_copy(from->places);
    to->place_names = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < from->place_names->len; i++)
        g_ptr_array_add(to->place_names, g_strdup(g_ptr_array_index(from->place_names, i)));
    return to;
}

static void state_clear(JxDocumentState *state)
{
    if (state->findings)
        g_ptr_array_free(state->findings, TRUE);
    g_free(state->message[0]);
    g_free(state->message[1]);
    memset(state, 0, sizeof *state);
}

static void entry_free(gpointer data)
{
    Entry *e = data;
    state_clear(&e->state);
    jx_release(&e->report);
    g_free(e);
}

/* --- forgetting closed documents ------------------------------------------------ */

typedef struct {
    JxUnoObject base;
    uno_Interface *document;  /* identity only */
} Forgetter;

static void forget(JxUnoObject *self, JxUnoCall *call)
{
    g_mutex_lock(&lock);
    if (documents)
        g_hash_table_remove(documents, ((Forgetter *)self)->document);
    g_mutex_unlock(&lock);
}

static const char *const forgetter_interfaces[] = {
    "com.sun.star.lang.XEventListener", "com.sun.star.lang.XTypeProvider", NULL,
};
static const JxUnoMethodEntry forgetter_methods[] = {
    { "com.sun.star.lang.XEventListener::disposing", forget },
    { NULL, NULL },
};
static JxUnoClass forgetter_class = {
    .implementation_name = "org.jixiao.DocumentForgetter",
    .interfaces = forgetter_interfaces,
    .methods = forgetter_methods,
};

static void listen_for_close(uno_Interface *document, uno_Interface *key)
{
    Forgetter *f = jx_object_new(&forgetter_class, sizeof(Forgetter));
    f->document = key;
    uno_Interface *listener = &f->base.iface;
    void *args[] = { &listener };
    jx_invoke(document, "com.sun.star.lang.XComponent::addEventListener", NULL, args, NULL);
    jx_object_release(&f->base);
}

/* --- the state ----------------------------------------------------------------- */

/* Refreshes the panels showing document `key`: acquired under the lock,
 * called outside it. */
static void notify(uno_Interface *key)
{
    g_autoptr(GArray) calls = g_array_new(FALSE, FALSE, sizeof(Watcher));
    g_mutex_lock(&lock);
    for (guint i = 0; watchers && i < watchers->len; i++) {
        Watcher *w = g_ptr_array_index(watchers, i);
        if (w->document == key) {
            jx_object_acquire(w->panel);
            g_array_append_val(calls, *w);
        }
    }
    g_mutex_unlock(&lock);
    for (guint i = 0; i < calls->len; i++) {
        const Watcher *w = &g_array_index(calls, Watcher, i);
        w->refresh(w->panel);
        jx_object_release(w->panel);
    }
}

/* The index in `now` of the finding that was current `before` (same code,
 * same cell), or -1: a new validation keeps the user's place. */
static int same_finding(const JxDocumentState *before, const JxDocumentState *now)
{
    if (before->findings == NULL || before->current < 0 || (guint)before->current >= before->findings->len)
        return -1;
    const JxFinding *was = &((JxShownFinding *)g_ptr_array_index(before->findings, (guint)before->current))->finding;
    for (guint i = 0; i < now->findings->len; i++) {
        const JxFinding *f = &((JxShownFinding *)g_ptr_array_index(now->findings, i))->finding;
        if (f->kind == was->kind && f->sheet == was->sheet && f->row == was->row && f->col == was->col)
            return (int)i;
    }
    return -1;
}

static void set_state(uno_Interface *document, const GPtrArray *findings, const JxWorkbook *workbook,
                      const char *message_zh, const char *message_en, gboolean not_a_workbook)
{
    uno_Interface *key = jx_state_key(document);
    JxDocumentState fresh = { 0 };
    fresh.validated = findings != NULL;
    fresh.not_a_workbook = not_a_workbook;
    fresh.findings = g_ptr_array_new_with_free_func(shown_free);
    for (guint i = 0; findings && i < findings->len; i++) {
        const JxFinding *f = g_ptr_array_index(findings, i);
        JxShownFinding *s = g_new0(JxShownFinding, 1);
        s->finding = *f;
        s->finding.text[0] = g_strdup(f->text[0]);
        s->finding.text[1] = g_strdup(f->text[1]);
        s->finding.check = g_strdup(f->check);
        s->where = f->sheet >= 0 && workbook ? jx_address_format(workbook, f->sheet, f->row, f->col)
                                             : g_strdup("");
        s->places = workbook ? jx_finding_places(f, workbook) : g_array_new(FALSE, TRUE, sizeof(JxPlace));
        s->place_names = g_ptr_array_new_with_free_func(g_free);
        for (guint k = 0; k < s->places->len; k++)
            g_ptr_array_add(s->place_names, jx_place_format(workbook, &g_array_index(s->places, JxPlace, k)));
        g_ptr_array_add(fresh.findings, s);
    }
    jx_findings_count(findings, &fresh.errors, &fresh.warnings, &fresh.notes);
    fresh.current = -1;
    fresh.message[0] = g_strdup(message_zh);
    fresh.message[1] = g_strdup(message_en);

    g_mutex_lock(&lock);
    if (documents == NULL)
        documents = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, entry_free);
    Entry *entry = g_hash_table_lookup(documents, key);
    gboolean is_new = entry == NULL;
    if (is_new) {
        entry = g_new0(Entry, 1);
        g_hash_table_insert(documents, key, entry);
    }
    fresh.version = entry->state.version + 1;
    fresh.current = same_finding(&entry->state, &fresh);
    state_clear(&entry->state);
    entry->state = fresh;
    g_mutex_unlock(&lock);
    if (is_new)
        listen_for_close(document, key);
    notify(key);
}

void jx_state_set(uno_Interface *document, const GPtrArray *findings, const JxWorkbook *workbook,
                  const char *message_zh, const char *message_en)
{
    set_state(document, findings, workbook, message_zh, message_en, FALSE);
}

void jx_state_set_message(uno_Interface *document, const char *message_zh, const char *message_en)
{
    uno_Interface *key = jx_state_key(document);
    g_mutex_lock(&lock);
    Entry *entry = documents ? g_hash_table_lookup(documents, key) : NULL;
    if (entry != NULL) {
        g_free(entry->state.message[0]);
        g_free(entry->state.message[1]);
        entry->state.message[0] = g_strdup(message_zh);
        entry->state.message[1] = g_strdup(message_en);
        entry->state.version++;
    }
    g_mutex_unlock(&lock);
    if (entry == NULL)
        jx_state_set(document, NULL, NULL, message_zh, message_en);
    else
        notify(key);
}

JxDocumentState *jx_state_get(uno_Interface *document)
{
    uno_Interface *key = jx_state_key(document);
    JxDocumentState *copy = g_new0(JxDocumentState, 1);
    copy->current = -1;
    copy->findings = g_ptr_array_new_with_free_func(shown_free);
    g_mutex_lock(&lock);
    Entry *entry = documents ? g_hash_table_lookup(documents, key) : NULL;
    if (entry != NULL) {
        const JxDocumentState *s = &entry->state;
        copy->validated = s->validated;
        copy->not_a_workbook = s->not_a_workbook;
        copy->version = s->version;
        copy->errors = s->errors;
        copy->warnings = s->warnings;
        copy->notes = s->notes;
        copy->current = s->current;
        copy->message[0] = g_strdup(s->message[0]);
        copy->message[1] = g_strdup(s->message[1]);
        for (guint i = 0; i < s->findings->len; i++)
            g_ptr_array_add(copy->findings, shown_copy(g_ptr_array_index(s->findings, i)));
    }
    g_mutex_unlock(&lock);
    return copy;
}

void jx_state_set_current(uno_Interface *document, int index)
{
    uno_Interface *key = jx_state_key(document);
    g_mutex_lock(&lock);
    Entry *entry = documents ? g_hash_table_lookup(documents, key) : NULL;
    gboolean changed = entry != NULL && entry->state.current != index;
    if (changed)
        entry->state.current = index;
    g_mutex_unlock(&lock);
    if (changed)
        notify(key);
}

void jx_state_set_not_a_workbook(uno_Interface *document, const char *message_zh,
                                 const char *message_en)
{
    set_state(document, NULL, NULL, message_zh, message_en, TRUE);
}

void jx_state_set_report(uno_Interface *document, uno_Interface *report)
{
    uno_Interface *key = jx_state_key(document);
    uno_Interface *old = NULL;
    if (report)
        report->acquire(report);
    g_mutex_lock(&lock);
    Entry *entry = documents ? g_hash_table_lookup(documents, key) : NULL;
    if (entry != NULL) {
        old = entry->report;
        entry->report = report;
        report = NULL;
    }
    g_mutex_unlock(&lock);
    jx_release(&old);
    jx_release(&report);   /* no state for the document: nothing kept */
}

uno_Interface *jx_state_report(uno_Interface *document)
{
    uno_Interface *key = jx_state_key(document);
    g_mutex_lock(&lock);
    Entry *entry = documents ? g_hash_table_lookup(documents, key) : NULL;
    uno_Interface *report = entry ? entry->report : NULL;
    if (report)
        report->acquire(report);
    g_mutex_unlock(&lock);
    return report;
}

void jx_document_state_free(JxDocumentState *state)
{
    if (state == NULL)
        return;
    state_clear(state);
    g_free(state);
}

void jx_state_watch(JxUnoObject *panel, uno_Interface *document, JxStateRefresh refresh)
{
    Watcher *w = g_new0(Watcher, 1);
    w->panel = panel;
    w->document = jx_state_key(document);
    w->refresh = refresh;
    g_mutex_lock(&lock);
    if (watchers == NULL)
        watchers = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(watchers, w);
    g_mutex_unlock(&lock);
}

void jx_state_unwatch(JxUnoObject *panel)
{
    g_mutex_lock(&lock);
    for (guint i = 0; watchers && i < watchers->len;) {
        Watcher *w = g_ptr_array_index(watchers, i);
        if (w->panel == panel)
            g_ptr_array_remove_index_fast(watchers, i);
        else
            i++;
    }
    g_mutex_unlock(&lock);
}

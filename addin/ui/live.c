/*
 * live.c: the modify and undo listeners of validated documents, and the
 * timer behind jx_later.
 *
 * A change only moves the document's quiet time (now + the debounce); the
 * first change of a burst asks for one callback at that time, and the
 * callback asks again if changes kept coming meanwhile.  So a paste of a
 * thousand cells costs one check, and typing costs none until it pauses.
 *
 * The timer thread sleeps until the earliest deadline and posts the due
 * callbacks to the main thread (AsyncCallback); it ends when nothing is
 * pending, so no thread of ours outlives the work, and when the office
 * terminates, pending timers are dropped.
 */
#include "ui/live.h"

#include <string.h>

#include "ui/commands.h"
#include "ui/state.h"
#include "uno/any.h"
#include "uno/call.h"
#include "uno/object.h"
#include "uno/office.h"
#include "uno/structs.h"

/* --- later: a callback on the main thread after a delay ------------------------ */

typedef struct {
    gint64 due;               /* monotonic µs */
    JxLaterFunc run;
    gpointer data;
    GDestroyNotify free_data;
} Timer;

static GMutex timer_lock;
static GCond timer_wake;
static GThread *timer_thread;
static GPtrArray *timers;          /* Timer* */
static uno_Interface *async;       /* com.sun.star.awt.AsyncCallback, kept */
static gboolean terminating;       /* the office is going: no more timers */

static void timer_free(gpointer data)
{
    Timer *t = data;
    if (t->free_data != NULL)
        t->free_data(t->data);
    g_free(t);
}

typedef struct {
    JxUnoObject base;
    Timer timer;
} Poster;

static void poster_notify(JxUnoObject *self, JxUnoCall *call)
{
    Timer *t = &((Poster *)self)->timer;
    if (t->run != NULL)
        t->run(t->data);
    t->run = NULL;
}

static void poster_finalize(JxUnoObject *self)
{
    Timer *t = &((Poster *)self)->timer;
    if (t->free_data != NULL)
        t->free_data(t->data);
}

static const char *const poster_interfaces[] = {
    "com.sun.star.awt.XCallback", "com.sun.star.lang.XTypeProvider", NULL,
};
static const JxUnoMethodEntry poster_methods[] = {
    { "com.sun.star.awt.XCallback::notify", poster_notify },
    { NULL, NULL },
};
static JxUnoClass poster_class = {
    .implementation_name = "org.jixiao.LaterCallback",
    .interfaces = poster_interfaces,
    .methods = poster_methods,
    .finalize = poster_finalize,
};

/* Hands a due timer to the main thread (takes the timer). */
static void post(Timer *timer)
{
    Poster *poster = jx_object_new(&poster_class, sizeof(Poster));
    poster->timer = *timer;
    g_free(timer);
    uno_Interface *callback = &poster->base.iface;
    uno_Any data;
    jx_any_construct_void(&data);
    void *args[] = { &callback, &data };
    jx_invoke(async, "com.sun.star.awt.XRequestCallback::addCallback", NULL, args, NULL);
    uno_any_destruct(&data, NULL);
    jx_object_release(&poster->base);   /* the office holds it until it has run */
}

static gpointer timer_loop(gpointer unused)
{
    g_mutex_lock(&timer_lock);
    while (timers != NULL && timers->len > 0 && !terminating) {
        guint earliest = 0;
        for (guint i = 1; i < timers->len; i++)
            if (((Timer *)g_ptr_array_index(timers, i))->due <
                ((Timer *)g_ptr_array_index(timers, earliest))->due)
                earliest = i;
        Timer *t = g_ptr_array_index(timers, earliest);
        if (g_get_monotonic_time() < t->due) {
            g_cond_wait_until(&timer_wake, &timer_lock, t->due);
            continue;
        }
        g_ptr_array_remove_index_fast(timers, earliest);
        g_mutex_unlock(&timer_lock);
        post(t);
        g_mutex_lock(&timer_lock);
    }
    timer_thread = NULL;   /* under the lock: a new timer starts a new thread */
    g_mutex_unlock(&timer_lock);
    return NULL;
}

/* --- the office's end: pending timers are dropped, the thread ends ------------------ */

static void query_termination(JxUnoObject *self, JxUnoCall *call)
{
    /* Jixiao never vetoes */
}

static void notify_termination(JxUnoObject *self, JxUnoCall *call)
{
    g_mutex_lock(&timer_lock);
    terminating = TRUE;
    GPtrArray *dropped = timers;
    timers = NULL;
    g_cond_signal(&timer_wake);
    g_mutex_unlock(&timer_lock);
    if (dropped != NULL) {
        g_ptr_array_set_free_func(dropped, timer_free);
        g_ptr_array_free(dropped, TRUE);
    }
}

static void termination_disposing(JxUnoObject *self, JxUnoCall *call)
{
}

static const char *const terminate_interfaces[] = {
    "com.sun.star.frame.XTerminateListener", "com.sun.star.lang.XTypeProvider", NULL,
};
static const JxUnoMethodEntry terminate_methods[] = {
    { "com.sun.star.frame.XTerminateListener::queryTermination", query_termination },
    { "com.sun.star.frame.XTerminateListener::notifyTermination", notify_termination },
    { "com.sun.star.lang.XEventListener::disposing", termination_disposing },
    { NULL, NULL },
};
static JxUnoClass terminate_class = {
    .implementation_name = "org.jixiao.LaterTermination",
    .interfaces = terminate_interfaces,
    .methods = terminate_methods,
};

/* Once: the AsyncCallback service, and a terminate listener so that no
 * timer fires into an office that is shutting down. */
static uno_Interface *start_timers(uno_Interface *context)
{
    uno_Interface *service = jx_office_create(context, "com.sun.star.awt.AsyncCallback", NULL);
    uno_Interface *desktop = service ? jx_office_create(context, "com.sun.star.frame.Desktop", NULL) : NULL;
    if (desktop != NULL) {
        JxUnoObject *listener = jx_object_new(&terminate_class, sizeof(JxUnoObject));
        uno_Interface *iface = &listener->iface;
        void *args[] = { &iface };
        jx_invoke(desktop, "com.sun.star.frame.XDesktop::addTerminateListener", NULL, args, NULL);
        jx_object_release(listener);   /* the desktop keeps it */
    }
    jx_release(&desktop);
    return service;
}

void jx_later(uno_Interface *context, guint delay_ms, JxLaterFunc run, gpointer data,
              GDestroyNotify free_data)
{
    Timer *t = g_new0(Timer, 1);
    t->due = g_get_monotonic_time() + (gint64)delay_ms * 1000;
    t->run = run;
    t->data = data;
    t->free_data = free_data;
    /* the office is called outside the lock: it may be calling us meanwhile */
    g_mutex_lock(&timer_lock);
    gboolean first = async == NULL && context != NULL && !terminating;
    g_mutex_unlock(&timer_lock);
    uno_Interface *service = first ? start_timers(context) : NULL;
    g_mutex_lock(&timer_lock);
    if (async == NULL) {
        async = service;
        service = NULL;
    }
    if (async == NULL || terminating) {
        jx_release(&service);
        g_mutex_unlock(&timer_lock);
        timer_free(t);
        return;
    }
    if (timers == NULL)
        timers = g_ptr_array_new();
    g_ptr_array_add(timers, t);
    if (timer_thread == NULL) {
        timer_thread = g_thread_new("jixiao-timer", timer_loop, NULL);
        g_thread_unref(timer_thread);   /* it ends by itself */
    } else {
        g_cond_signal(&timer_wake);
    }
    g_mutex_unlock(&timer_lock);
    jx_release(&service);
}

/* --- timings for the benchmark -------------------------------------------------- */

#define TIMINGS 256
static struct { double wait_ms, check_ms; } timings[TIMINGS];
static guint timing_count;

static void record_timing(double wait_ms, double check_ms)
{
    g_mutex_lock(&timer_lock);
    timings[timing_count % TIMINGS].wait_ms = wait_ms;
    timings[timing_count % TIMINGS].check_ms = check_ms;
    timing_count++;
    g_mutex_unlock(&timer_lock);
}

char *jx_live_timings_json(void)
{
    GString *json = g_string_new("[");
    g_mutex_lock(&timer_lock);
    guint n = MIN(timing_count, TIMINGS), first = timing_count - n;
    for (guint i = first; i < timing_count; i++)
        g_string_append_printf(json, "%s{\"wait_ms\": %.3f, \"check_ms\": %.3f}", i > first ? ", " : "",
                               timings[i % TIMINGS].wait_ms, timings[i % TIMINGS].check_ms);
    g_mutex_unlock(&timer_lock);
    g_string_append(json, "]");
    return g_string_free(json, FALSE);
}

/* --- watching a document ---------------------------------------------------------- */

typedef struct {
    JxUnoObject base;
    uno_Interface *context;
    uno_Interface *document;   /* acquired until the document is disposed */
    uno_Interface *undo;       /* its undo manager, acquired likewise */
    uno_Interface *key;
    GMutex lock;
    gint64 quiet_at;           /* the end of the debounce, monotonic µs */
    gint64 last_change;
    gboolean scheduled, paused, disposed;
    char *reason[2];           /* what the next check reports (undo, redo), or NULL */
} Watcher;

static GMutex watchers_lock;
static GHashTable *watchers;   /* document key → Watcher* (not acquired) */

static Watcher *watcher_of(uno_Interface *document)
{
    uno_Interface *key = jx_state_key(document);
    g_mutex_lock(&watchers_lock);
    Watcher *w = watchers ? g_hash_table_lookup(watchers, key) : NULL;
    if (w != NULL)
        jx_object_acquire(&w->base);
    g_mutex_unlock(&watchers_lock);
    return w;
}

static void check_when_quiet(gpointer data);

static void schedule(Watcher *w, guint delay_ms)
{
    jx_object_acquire(&w->base);
    jx_later(w->context, delay_ms, check_when_quiet, w, (GDestroyNotify)jx_object_release);
}

/* A change: the check waits until the changes stop. */
static void changed(Watcher *w, const char *reason_zh, const char *reason_en)
{
    g_mutex_lock(&w->lock);
    gboolean start = !w->paused && !w->disposed && !w->scheduled;
    if (!w->paused && !w->disposed) {
        w->last_change = g_get_monotonic_time();
        w->quiet_at = w->last_change + JX_LIVE_DEBOUNCE_MS * 1000;
        if (reason_zh != NULL) {
            g_free(w->reason[0]);
            g_free(w->reason[1]);
            w->reason[0] = g_strdup(reason_zh);
            w->reason[1] = g_strdup(reason_en);
        }
    }
    if (start)
        w->scheduled = TRUE;
    g_mutex_unlock(&w->lock);
    if (start)
        schedule(w, JX_LIVE_DEBOUNCE_MS);
}

/* On the main thread: checks the document if no change came meanwhile,
 * else waits for the rest of the debounce. */
static void check_when_quiet(gpointer data)
{
    Watcher *w = data;
    gint64 now = g_get_monotonic_time();
    g_mutex_lock(&w->lock);
    if (w->disposed) {
        w->scheduled = FALSE;
        g_mutex_unlock(&w->lock);
        return;
    }
    if (now < w->quiet_at) {
        guint rest = (guint)((w->quiet_at - now + 999) / 1000);
        g_mutex_unlock(&w->lock);
        schedule(w, rest);
        return;
    }
    w->scheduled = FALSE;
    char *reason_zh = w->reason[0], *reason_en = w->reason[1];
    w->reason[0] = w->reason[1] = NULL;
    gint64 last_change = w->last_change;
    uno_Interface *document = w->document;
    if (document)
        document->acquire(document);
    g_mutex_unlock(&w->lock);
    if (document != NULL) {
        jx_command_recheck(w->context, document, reason_zh, reason_en);
        record_timing((now - last_change) / 1e3, (g_get_monotonic_time() - now) / 1e3);
    }
    jx_release(&document);
    g_free(reason_zh);
    g_free(reason_en);
}

/* Calc also tells of changes to the view (another sheet shown): only a
 * change that leaves the document modified is an edit. */
static void modified(JxUnoObject *self, JxUnoCall *call)
{
    Watcher *w = (Watcher *)self;
    g_mutex_lock(&w->lock);
    uno_Interface *document = w->document;
    if (document)
        document->acquire(document);
    g_mutex_unlock(&w->lock);
    sal_Bool is_modified = 0;
    if (document != NULL &&
        jx_invoke(document, "com.sun.star.util.XModifiable::isModified", &is_modified, NULL, NULL) && is_modified)
        changed(w, NULL, NULL);
    jx_release(&document);
}

/* "绩效自评：计算 / Jixiao: Compute" → the part in lang, else the whole title. */
static char *title_part(const char *title, int lang)
{
    const char *slash = strstr(title, " / ");
    if (slash == NULL)
        return g_strdup(title);
    return lang == 0 ? g_strndup(title, (gsize)(slash - title)) : g_strdup(slash + 3);
}

static void undone_or_redone(JxUnoObject *self, JxUnoCall *call, gboolean undone)
{
    const char *type = "com.sun.star.document.UndoManagerEvent";
    g_autofree char *title = jx_struct_string(type, call->args[0], "UndoActionTitle");
    g_autofree char *zh_title = title_part(title ? title : "", 0);
    g_autofree char *en_title = title_part(title ? title : "", 1);
    g_autofree char *zh = g_strdup_printf(undone ? "已撤销“%s”" : "已恢复“%s”", zh_title);
    g_autofree char *en = g_strdup_printf(undone ? "Undone: %s" : "Redone: %s", en_title);
    changed((Watcher *)self, zh, en);
}

static void action_undone(JxUnoObject *self, JxUnoCall *call)
{
    undone_or_redone(self, call, TRUE);
}

static void action_redone(JxUnoObject *self, JxUnoCall *call)
{
    undone_or_redone(self, call, FALSE);
}

static void ignored(JxUnoObject *self, JxUnoCall *call)
{
}

static void stop_listening(Watcher *w);

/* The document (or its undo manager) goes away. */
static void disposing(JxUnoObject *self, JxUnoCall *call)
{
    Watcher *w = (Watcher *)self;
    g_mutex_lock(&watchers_lock);
    gboolean listed = watchers && g_hash_table_lookup(watchers, w->key) == w;
    if (listed)
        g_hash_table_steal(watchers, w->key);
    g_mutex_unlock(&watchers_lock);
    stop_listening(w);
    if (listed)
        jx_object_release(&w->base);   /* the table's reference, outside its lock */
}

static void watcher_finalize(JxUnoObject *self)
{
    Watcher *w = (Watcher *)self;
    jx_release(&w->document);
    jx_release(&w->undo);
    jx_release(&w->context);
    g_free(w->reason[0]);
    g_free(w->reason[1]);
    g_mutex_clear(&w->lock);
}

static const char *const watcher_interfaces[] = {
    "com.sun.star.util.XModifyListener", "com.sun.star.document.XUndoManagerListener",
    "com.sun.star.lang.XTypeProvider", NULL,
};
static const JxUnoMethodEntry watcher_methods[] = {
    { "com.sun.star.util.XModifyListener::modified", modified },
    { "com.sun.star.document.XUndoManagerListener::actionUndone", action_undone },
    { "com.sun.star.document.XUndoManagerListener::actionRedone", action_redone },
    { "com.sun.star.document.XUndoManagerListener::undoActionAdded", ignored },
    { "com.sun.star.document.XUndoManagerListener::allActionsCleared", ignored },
    { "com.sun.star.document.XUndoManagerListener::redoActionsCleared", ignored },
    { "com.sun.star.document.XUndoManagerListener::resetAll", ignored },
    { "com.sun.star.document.XUndoManagerListener::enteredContext", ignored },
    { "com.sun.star.document.XUndoManagerListener::enteredHiddenContext", ignored },
    { "com.sun.star.document.XUndoManagerListener::leftContext", ignored },
    { "com.sun.star.document.XUndoManagerListener::leftHiddenContext", ignored },
    { "com.sun.star.document.XUndoManagerListener::cancelledContext", ignored },
    { "com.sun.star.lang.XEventListener::disposing", disposing },
    { NULL, NULL },
};
static JxUnoClass watcher_class = {
    .implementation_name = "org.jixiao.LiveCheck",
    .interfaces = watcher_interfaces,
    .methods = watcher_methods,
    .finalize = watcher_finalize,
};

static void listen(uno_Interface *target, const char *add_member, Watcher *w)
{
    uno_Interface *listener = &w->base.iface;
    void *args[] = { &listener };
    jx_invoke(target, add_member, NULL, args, NULL);
}

/* Removes the listeners and lets go of the document: called once. */
static void stop_listening(Watcher *w)
{
    g_mutex_lock(&w->lock);
    gboolean first = !w->disposed;
    w->disposed = TRUE;
    uno_Interface *document = w->document, *undo = w->undo;
    w->document = w->undo = NULL;
    g_mutex_unlock(&w->lock);
    if (!first)
        return;
    uno_Interface *listener = &w->base.iface;
    void *args[] = { &listener };
    if (document)
        jx_invoke(document, "com.sun.star.util.XModifyBroadcaster::removeModifyListener", NULL, args, NULL);
    if (undo)
        jx_invoke(undo, "com.sun.star.document.XUndoManager::removeUndoManagerListener", NULL, args, NULL);
    jx_release(&document);
    jx_release(&undo);
}

void jx_live_watch(uno_Interface *context, uno_Interface *document)
{
    Watcher *existing = watcher_of(document);
    if (existing != NULL) {
        jx_object_release(&existing->base);
        return;
    }
    Watcher *w = jx_object_new(&watcher_class, sizeof(Watcher));
    g_mutex_init(&w->lock);
    w->context = context;
    context->acquire(context);
    w->document = document;
    document->acquire(document);
    w->key = jx_state_key(document);
    w->undo = jx_office_get(document, "com.sun.star.document.XUndoManagerSupplier::getUndoManager", NULL);
    g_mutex_lock(&watchers_lock);
    if (watchers == NULL)
        watchers = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                         (GDestroyNotify)jx_object_release);
    g_hash_table_insert(watchers, w->key, w);   /* the table's reference */
    g_mutex_unlock(&watchers_lock);
    /* the modify broadcaster also tells of the document's disposal */
    listen(document, "com.sun.star.util.XModifyBroadcaster::addModifyListener", w);
    if (w->undo)
        listen(w->undo, "com.sun.star.document.XUndoManager::addUndoManagerListener", w);
}

void jx_live_pause(uno_Interface *document, gboolean paused)
{
    Watcher *w = watcher_of(document);
    if (w == NULL)
        return;
    g_mutex_lock(&w->lock);
    w->paused = paused;
    g_mutex_unlock(&w->lock);
    jx_object_release(&w->base);
}

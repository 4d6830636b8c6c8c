/*
 * object.h: UNO objects implemented in C.
 *
 * An object is one uno_Interface that answers every interface its class
 * lists: queryInterface hands out the same pointer for each.  Calls arrive at
 * one dispatcher, which finds the handler by member name in the class's
 * method table ("com.sun.star.lang.XServiceInfo::getImplementationName").
 * XInterface, XTypeProvider and XServiceInfo are answered from the class
 * description unless the table overrides them.
 *
 * A class embeds JxUnoObject as the first member of its own struct:
 *
 *     typedef struct { JxUnoObject base; int state; } MyThing;
 *     MyThing *t = jx_object_new(&my_thing_class, sizeof(MyThing));
 */
#ifndef JX_UNO_OBJECT_H
#define JX_UNO_OBJECT_H

#include <glib.h>

#include "uno/sdk.h"

typedef struct JxUnoClass JxUnoClass;
typedef struct JxUnoObject JxUnoObject;

/* One call: arguments and return slot as binary UNO passes them. */
typedef struct {
    const typelib_TypeDescription *member;
    void *result;          /* uninitialised memory of the return type */
    void **args;           /* args[i] points at the i-th value */
    uno_Any *exception;    /* where a raised exception is constructed */
    gboolean raised;
} JxUnoCall;

typedef void (*JxUnoMethod)(JxUnoObject *self, JxUnoCall *call);

typedef struct {
    const char *member;    /* "Interface::method" */
    JxUnoMethod method;
} JxUnoMethodEntry;

struct JxUnoClass {
    const char *implementation_name;
    const char *const *service_names;   /* NULL-terminated */
    const char *const *interfaces;      /* NULL-terminated; bases are implied */
    const JxUnoMethodEntry *methods;    /* ends with { NULL, NULL } */
    void (*finalize)(JxUnoObject *self);/* frees the class's own state, or NULL */
    /* private: method index, built on first use; live instances */
    GOnce index_once;
    GHashTable *index;
    gint live;
};

struct JxUnoObject {
    uno_Interface iface;   /* first: the office holds a pointer to this */
    gint refcount;
    JxUnoClass *klass;
};

/* A new object of `size` bytes (≥ sizeof(JxUnoObject)), zeroed, refcount 1. */
gpointer jx_object_new(JxUnoClass *klass, gsize size);

void jx_object_acquire(JxUnoObject *self);
void jx_object_release(JxUnoObject *self);

/* The object behind a uno_Interface that is one of ours, else NULL. */
JxUnoObject *jx_object_from_interface(uno_Interface *iface);

/* Raise an exception from inside a method handler. */
void jx_call_raise(JxUnoCall *call, const char *type_name, const char *message);

/* Helpers for handlers: return values constructed into call->result. */
void jx_call_return_string(JxUnoCall *call, const char *utf8);
void jx_call_return_bool(JxUnoCall *call, gboolean value);
void jx_call_return_double(JxUnoCall *call, double value);
void jx_call_return_interface(JxUnoCall *call, uno_Interface *iface); /* acquires */
void jx_call_return_sequence(JxUnoCall *call, uno_Sequence *seq);     /* takes ownership */

/* The UTF-8 text of string argument i, newly allocated. */
char *jx_call_arg_utf8(const JxUnoCall *call, int i);

/* Objects alive right now (all classes): the lifetime check of the tests. */
gint jx_object_live_count(void);

/* {"org.jixiao.Panel": 0, …}: live objects per class that ever had one,
 * as JSON, newly allocated. */
char *jx_object_live_counts_json(void);

#endif

/*
 * object.c: the dispatcher and the generic XInterface / XTypeProvider /
 * XServiceInfo behaviour shared by every Jixiao UNO object.
 *
 * Member names arrive decorated when inherited ("…XLocalizable::setLocale:@0,3:
 * com.sun.star.sheet.XAddIn"); only the part before ":@" names the member.
 */
#include "uno/object.h"

#include <string.h>

#include "uno/exception.h"
#include "uno/sequence.h"
#include "uno/types.h"
#include "uno/ustring.h"

static gint live_objects;
static GMutex classes_lock;
static GPtrArray *classes_seen;   /* JxUnoClass*, for the per-class counts */

static void SAL_CALL object_acquire(uno_Interface *iface);
static void SAL_CALL object_release(uno_Interface *iface);
static void SAL_CALL object_dispatch(uno_Interface *iface,
                                     const typelib_TypeDescription *member,
                                     void *result, void **args,
                                     uno_Any **exception);

gint jx_object_live_count(void)
{
    return g_atomic_int_get(&live_objects);
}

char *jx_object_live_counts_json(void)
{
    GString *out = g_string_new("{");
    g_mutex_lock(&classes_lock);
    for (guint i = 0; classes_seen && i < classes_seen->len; i++) {
        JxUnoClass *k = g_ptr_array_index(classes_seen, i);
        g_string_append_printf(out, "%s\"%s\": %d", i ? ", " : "", k->implementation_name,
                               g_atomic_int_get(&k->live));
    }
    g_mutex_unlock(&classes_lock);
    g_string_append_printf(out, "%s\"total\": %d}", out->len > 1 ? ", " : "", jx_object_live_count());
    return g_string_free(out, FALSE);
}

static gpointer build_index(gpointer data)
{
    JxUnoClass *klass = data;
    g_mutex_lock(&classes_lock);
    if (classes_seen == NULL)
        classes_seen = g_ptr_array_new();
    g_ptr_array_add(classes_seen, klass);
    g_mutex_unlock(&classes_lock);
    GHashTable *index = g_hash_table_new(g_str_hash, g_str_equal);
    for (const JxUnoMethodEntry *e = klass->methods; e && e->member; e++)
        g_hash_table_insert(index, (gpointer)e->member, (gpointer)e->method);
    klass->index = index;
    return index;
}

gpointer jx_object_new(JxUnoClass *klass, gsize size)
{
    g_return_val_if_fail(size >= sizeof(JxUnoObject), NULL);
    JxUnoObject *self = g_malloc0(size);
    self->iface.acquire = object_acquire;
    self->iface.release = object_release;
    self->iface.pDispatcher = object_dispatch;
    self->refcount = 1;
    self->klass = klass;
    g_once(&klass->index_once, build_index, klass);
    g_atomic_int_inc(&live_objects);
    g_atomic_int_inc(&klass->live);
    return self;
}

void jx_object_acquire(JxUnoObject *self)
{
    g_atomic_int_inc(&self->refcount);
}

void jx_object_release(JxUnoObject *self)
{
    if (!g_atomic_int_dec_and_test(&self->refcount))
        return;
    if (self->klass->finalize)
        self->klass->finalize(self);
    g_atomic_int_add(&live_objects, -1);
    g_atomic_int_add(&self->klass->live, -1);
    g_free(self);
}

JxUnoObject *jx_object_from_interface(uno_Interface *iface)
{
    if (iface == NULL || iface->pDispatcher != object_dispatch)
        return NULL;
    return (JxUnoObject *)iface;
}

static void SAL_CALL object_acquire(uno_Interface *iface)
{
    jx_object_acquire((JxUnoObject *)iface);
}

static void SAL_CALL object_release(uno_Interface *iface)
{
    jx_object_release((JxUnoObject *)iface);
}

/* --- return helpers ------------------------------------------------------ */

void jx_call_raise(JxUnoCall *call, const char *type_name, const char *message)
{
    if (call->raised)
        uno_any_destruct(call->exception, NULL);
    jx_exception_construct(call->exception, type_name, message);
    call->raised = TRUE;
}

void jx_call_return_string(JxUnoCall *call, const char *utf8)
{
    *(rtl_uString **)call->result = jx_ustr_new(utf8);
}

void jx_call_return_bool(JxUnoCall *call, gboolean value)
{
    *(sal_Bool *)call->result = value ? 1 : 0;
}

void jx_call_return_double(JxUnoCall *call, double value)
{
    *(double *)call->result = value;
}

void jx_call_return_interface(JxUnoCall *call, uno_Interface *iface)
{
    if (iface != NULL)
        iface->acquire(iface);
    *(uno_Interface **)call->result = iface;
}

void jx_call_return_sequence(JxUnoCall *call, uno_Sequence *seq)
{
    *(uno_Sequence **)call->result = seq;
}

char *jx_call_arg_utf8(const JxUnoCall *call, int i)
{
    return jx_ustr_to_utf8(*(rtl_uString **)call->args[i]);
}

/* --- generic interfaces -------------------------------------------------- */

static gboolean class_supports(const JxUnoClass *klass, const char *interface_name)
{
    if (strcmp(interface_name, "com.sun.star.uno.XInterface") == 0)
        return TRUE;
    for (const char *const *i = klass->interfaces; i && *i; i++)
        if (jx_interface_inherits(*i, interface_name))
            return TRUE;
    return FALSE;
}

static void query_interface(JxUnoObject *self, JxUnoCall *call)
{
    typelib_TypeDescriptionReference *type = *(typelib_TypeDescriptionReference **)call->args[0];
    g_autofree char *name = jx_type_name(type);
    uno_Any *result = call->result;
    if (type->eTypeClass == typelib_TypeClass_INTERFACE &&
        class_supports(self->klass, name)) {
        uno_Interface *iface = &self->iface;
        uno_type_any_construct(result, &iface, type, NULL);
    } else {
        uno_type_any_construct(result, NULL, NULL, NULL);
    }
}

static void get_types(JxUnoObject *self, JxUnoCall *call)
{
    gsize n = 0;
    while (self->klass->interfaces && self->klass->interfaces[n])
        n++;
    jx_call_return_sequence(call, jx_seq_of_types(self->klass->interfaces, n));
}

static void get_implementation_id(JxUnoObject *self, JxUnoCall *call)
{
    jx_call_return_sequence(call, jx_seq_of_bytes(NULL, 0));
}

static void get_implementation_name(JxUnoObject *self, JxUnoCall *call)
{
    jx_call_return_string(call, self->klass->implementation_name);
}

static void supports_service(JxUnoObject *self, JxUnoCall *call)
{
    g_autofree char *name = jx_call_arg_utf8(call, 0);
    gboolean found = FALSE;
    for (const char *const *s = self->klass->service_names; s && *s; s++)
        found = found || strcmp(*s, name) == 0;
    jx_call_return_bool(call, found);
}

static void get_supported_service_names(JxUnoObject *self, JxUnoCall *call)
{
    gsize n = 0;
    while (self->klass->service_names && self->klass->service_names[n])
        n++;
    jx_call_return_sequence(call, jx_seq_of_strings(self->klass->service_names, n));
}

static const JxUnoMethodEntry generic_methods[] = {
    { "com.sun.star.uno.XInterface::queryInterface", query_interface },
    { "com.sun.star.lang.XTypeProvider::getTypes", get_types },
    { "com.sun.star.lang.XTypeProvider::getImplementationId", get_implementation_id },
    { "com.sun.star.lang.XServiceInfo::getImplementationName", get_implementation_name },
    { "com.sun.star.lang.XServiceInfo::supportsService", supports_service },
    { "com.sun.star.lang.XServiceInfo::getSupportedServiceNames", get_supported_service_names },
    { NULL, NULL },
};

static JxUnoMethod find_method(const JxUnoClass *klass, const char *member)
{
    JxUnoMethod method = g_hash_table_lookup(klass->index, member);
    if (method != NULL)
        return method;
    for (const JxUnoMethodEntry *e = generic_methods; e->member; e++)
        if (strcmp(e->member, member) == 0)
            return e->method;
    return NULL;
}

/* The member's name without the ":@…" decoration of inherited members, in
 * `buffer` when short (the common case) to keep allocation off the hot path. */
static const char *member_name(const typelib_TypeDescription *member,
                               char *buffer, gsize size, char **allocated)
{
    const rtl_uString *u = member->pTypeName;
    gsize n = 0;
    for (; n < (gsize)u->length && n + 1 < size; n++) {
        sal_Unicode c = u->buffer[n];
        if (c >= 0x80)
            break;
        if (c == ':' && n + 1 < (gsize)u->length && u->buffer[n + 1] == '@')
            break;
        buffer[n] = (char)c;
    }
    if (n == (gsize)u->length || u->buffer[n] == ':') {
        buffer[n] = '\0';
        return buffer;
    }
    *allocated = jx_ustr_to_utf8(u);
    char *decoration = strstr(*allocated, ":@");
    if (decoration != NULL)
        *decoration = '\0';
    return *allocated;
}

static void SAL_CALL object_dispatch(uno_Interface *iface,
                                     const typelib_TypeDescription *member,
                                     void *result, void **args,
                                     uno_Any **exception)
{
    JxUnoObject *self = (JxUnoObject *)iface;
    JxUnoCall call = { member, result, args, *exception, FALSE };
    char buffer[160];
    g_autofree char *allocated = NULL;
    const char *name = member_name(member, buffer, sizeof buffer, &allocated);

    if (strcmp(name, "com.sun.star.uno.XInterface::acquire") == 0) {
        jx_object_acquire(self);
    } else if (strcmp(name, "com.sun.star.uno.XInterface::release") == 0) {
        jx_object_release(self);
    } else {
        JxUnoMethod method = find_method(self->klass, name);
        if (method != NULL) {
            method(self, &call);
        } else {
            g_autofree char *text = g_strdup_printf("%s has no method %s",
                                                    self->klass->implementation_name, name);
            jx_call_raise(&call, "com.sun.star.uno.RuntimeException", text);
        }
    }
    *exception = call.raised ? call.exception : NULL;
}

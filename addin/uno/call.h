/*
 * call.h: calling office objects from C by interface member name.
 *
 *     rtl_uString *url = jx_ustr_new("private:factory/swriter");
 *     void *args[] = { &url, &target, &flags, &properties };
 *     uno_Interface *doc = NULL;
 *     if (!jx_invoke(desktop, "com.sun.star.frame.XComponentLoader::loadComponentFromURL",
 *                    &doc, args, &error)) …
 *
 * The target may be any interface of the object: the declaring interface of
 * the member is queried first.  Arguments and the result follow binary UNO
 * (args[i] points at the value; the result slot is constructed by the callee
 * and owned by the caller afterwards).
 */
#ifndef JX_UNO_CALL_H
#define JX_UNO_CALL_H

#include <glib.h>

#include "uno/sdk.h"

#define JX_UNO_ERROR (jx_uno_error_quark())
GQuark jx_uno_error_quark(void);

typedef enum {
    JX_UNO_ERROR_EXCEPTION,  /* the office raised an exception (its text in the message) */
    JX_UNO_ERROR_NO_MEMBER,  /* the type library does not know the member */
    JX_UNO_ERROR_NO_INTERFACE, /* the object does not implement the interface */
    JX_UNO_ERROR_NULL,       /* called on a NULL reference */
} JxUnoErrorCode;

/* The interface `name` of obj, acquired, or NULL. */
uno_Interface *jx_query(uno_Interface *obj, const char *interface_name);

/* Calls member "Interface::method" (or reads attribute "Interface::attr")
 * on obj.  FALSE with *error if the member is unknown, obj lacks the
 * interface, or the call raised (then result was not constructed). */
gboolean jx_invoke(uno_Interface *obj, const char *member, void *result,
                   void **args, GError **error);

/* Sets attribute "Interface::attr" to *value. */
gboolean jx_set_attribute(uno_Interface *obj, const char *member, void *value,
                          GError **error);

/* Releases a reference if non-NULL and clears the pointer. */
void jx_release(uno_Interface **iface);

#endif

/*
 * office.h: the calls every Jixiao door makes on office objects, wrapped so
 * that each is one line at the call site: create a service, read or set a
 * property, call a method without arguments that returns an interface.
 */
#ifndef JX_UNO_OFFICE_H
#define JX_UNO_OFFICE_H

#include <glib.h>

#include "uno/sdk.h"

/* A service instance from the component context (acquired), or NULL. */
uno_Interface *jx_office_create(uno_Interface *context, const char *service, GError **error);

/* A method without arguments returning an interface (acquired), or NULL. */
uno_Interface *jx_office_get(uno_Interface *obj, const char *member, GError **error);

/* The interface held by an any, acquired, or NULL. */
uno_Interface *jx_office_any_interface(const uno_Any *any);

/* XPropertySet::getPropertyValue into *value (constructed; the caller
 * destructs it with uno_any_destruct). */
gboolean jx_office_get_property(uno_Interface *obj, const char *name, uno_Any *value,
                                GError **error);
gboolean jx_office_set_property(uno_Interface *obj, const char *name, uno_Any *value,
                                GError **error);

/* A []com.sun.star.beans.PropertyValue built from names and anys (the anys
 * are copied).  Release with jx_seq_release(seq, "[]com.sun.star.beans.PropertyValue"). */
uno_Sequence *jx_office_properties(const char *const *names, uno_Any *values, gsize n);

/* Loads a document from bytes in memory (a SequenceInputStream at
 * "private:stream") with the given import filter, as a new untitled
 * document (AsTemplate: Save asks where).  hidden: no window.  Returns the
 * document, acquired, or NULL with *error (the office's reason). */
uno_Interface *jx_office_load_bytes(uno_Interface *context, const char *bytes, gsize length,
                                    const char *filter, gboolean hidden, GError **error);

/* file:///… URL of a local path, newly allocated. */
char *jx_office_url(const char *path);

#endif

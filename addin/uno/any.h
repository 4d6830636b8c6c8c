/*
 * any.h: building and reading uno_Any values.
 *
 * The construct functions write into uninitialised memory (a return slot, a
 * fresh array element); the caller later destroys with uno_any_destruct.
 */
#ifndef JX_UNO_ANY_H
#define JX_UNO_ANY_H

#include <glib.h>

#include "uno/sdk.h"

void jx_any_construct_void(uno_Any *any);
void jx_any_construct_double(uno_Any *any, double value);
void jx_any_construct_long(uno_Any *any, gint32 value);
void jx_any_construct_bool(uno_Any *any, gboolean value);
void jx_any_construct_string(uno_Any *any, const char *utf8);
/* iface may be NULL (an empty reference of that interface type); it is
 * queried for interface_name first, so any reference to the object will do
 * (an object that lacks the interface gives an empty reference). */
void jx_any_construct_interface(uno_Any *any, uno_Interface *iface,
                                const char *interface_name);
/* A copy of *value of the named type (struct, enum, sequence …). */
void jx_any_construct_value(uno_Any *any, void *value, const char *type_name);

gboolean jx_any_is_void(const uno_Any *any);
/* Numbers of any numeric class, and booleans, as double. */
gboolean jx_any_get_double(const uno_Any *any, double *value);
/* A string's UTF-8 text, newly allocated, or NULL if not a string. */
char *jx_any_get_utf8(const uno_Any *any);
/* The interface held, borrowed, or NULL. */
uno_Interface *jx_any_get_interface(const uno_Any *any);
/* The sequence held, borrowed, or NULL if the any holds no sequence. */
uno_Sequence *jx_any_get_sequence(const uno_Any *any);

#endif

/*
 * structs.h: reading and writing members of UNO structs by name, using the
 * type library's member offsets, so no C struct has to mirror an IDL one by
 * hand (com.sun.star.util.URL, FeatureStateEvent, WindowEvent …).
 */
#ifndef JX_UNO_STRUCTS_H
#define JX_UNO_STRUCTS_H

#include <glib.h>

#include "uno/sdk.h"

/* A pointer to member `member` of the struct of type `type_name` at data
 * (inherited members included), or NULL if there is no such member. */
void *jx_struct_member(const char *type_name, void *data, const char *member);

/* A string member's UTF-8 text, newly allocated ("" if missing). */
char *jx_struct_string(const char *type_name, void *data, const char *member);

/* A new default-constructed instance (free with jx_struct_free). */
void *jx_struct_new(const char *type_name);
void jx_struct_free(const char *type_name, void *data);

#endif

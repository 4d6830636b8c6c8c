/*
 * types.h: type descriptions looked up by name, cached for the life of the
 * process.  UNO names: "double", "string", "any", "[]string", "[][]any",
 * "com.sun.star.beans.PropertyValue", and members as
 * "com.sun.star.frame.XComponentLoader::loadComponentFromURL".
 */
#ifndef JX_UNO_TYPES_H
#define JX_UNO_TYPES_H

#include <glib.h>

#include "uno/sdk.h"

/* The (borrowed, never released) description of a type or interface member,
 * or NULL if the office does not know the name. */
typelib_TypeDescription *jx_type_description(const char *name);

/* The (borrowed) reference of a type, or NULL if unknown. */
typelib_TypeDescriptionReference *jx_type_ref(const char *name);

/* The simple types by class (VOID, BOOLEAN, LONG, DOUBLE, STRING, TYPE, ANY …). */
typelib_TypeDescriptionReference *jx_type_simple(typelib_TypeClass type_class);

/* Name of a type reference as UTF-8, newly allocated. */
char *jx_type_name(const typelib_TypeDescriptionReference *type);

/* TRUE if interface type `name` is `ancestor` or inherits from it. */
gboolean jx_interface_inherits(const char *name, const char *ancestor);

#endif

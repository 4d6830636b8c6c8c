/*
 * exception.h: raising UNO exceptions from C and reading caught ones.
 */
#ifndef JX_UNO_EXCEPTION_H
#define JX_UNO_EXCEPTION_H

#include <glib.h>

#include "uno/sdk.h"

/* Constructs into the uninitialised any `memory` an exception of type
 * type_name ("com.sun.star.lang.IllegalArgumentException" …) whose Message is
 * message (UTF-8).  An unknown type falls back to RuntimeException. */
void jx_exception_construct(uno_Any *memory, const char *type_name,
                            const char *message);

/* "TypeName: Message" of a caught exception any, newly allocated. */
char *jx_exception_text(const uno_Any *exception);

#endif

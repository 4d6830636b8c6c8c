/*
 * factory.h: the XSingleComponentFactory the loader asks for, one per
 * implementation.  It creates a fresh object per request through the
 * implementation's constructor.
 */
#ifndef JX_UNO_FACTORY_H
#define JX_UNO_FACTORY_H

#include "uno/object.h"

/* Creates an instance (refcount 1) given the component context (borrowed,
 * may be NULL) and the creation arguments (a []any, borrowed, may be NULL).
 * Returns NULL with a message in *error_text on failure. */
typedef JxUnoObject *(*JxConstructor)(uno_Interface *context, uno_Sequence *arguments,
                                      char **error_text);

typedef struct {
    JxUnoClass *klass;
    JxConstructor construct;
} JxImplementation;

/* A new factory object for impl (refcount 1). */
uno_Interface *jx_factory_new(const JxImplementation *impl);

#endif

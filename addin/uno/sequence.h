/*
 * sequence.h: building UNO sequences from C arrays and reading them.
 */
#ifndef JX_UNO_SEQUENCE_H
#define JX_UNO_SEQUENCE_H

#include <glib.h>

#include "uno/sdk.h"

/* A sequence of n default-constructed elements of sequence type `type_name`
 * ("[]string", "[]any", "[]com.sun.star.beans.PropertyValue" …), or NULL if
 * the type is unknown.  Release with jx_seq_release. */
uno_Sequence *jx_seq_new(const char *type_name, sal_Int32 n);

void jx_seq_release(uno_Sequence *seq, const char *type_name);

/* []string from UTF-8 texts. */
uno_Sequence *jx_seq_of_strings(const char *const *texts, gsize n);

/* []type from type names (unknown names are skipped). */
uno_Sequence *jx_seq_of_types(const char *const *type_names, gsize n);

/* []byte holding a copy of data. */
uno_Sequence *jx_seq_of_bytes(const void *data, gsize n);

/* Element i of a sequence whose elements are `element_size` bytes. */
#define JX_SEQ_ELEMENT(seq, type, i) (((type *)(void *)(seq)->elements)[i])

#endif

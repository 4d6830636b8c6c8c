/*
 * sequence.c: sequence construction.  Elements are default-constructed by
 * the runtime and then overwritten in place, which keeps every constructor
 * here to a single allocation.
 */
#include "uno/sequence.h"

#include <string.h>

#include "uno/types.h"
#include "uno/ustring.h"

uno_Sequence *jx_seq_new(const char *type_name, sal_Int32 n)
{
    typelib_TypeDescriptionReference *type = jx_type_ref(type_name);
    uno_Sequence *seq = NULL;
    if (type == NULL || n < 0)
        return NULL;
    if (!uno_type_sequence_construct(&seq, type, NULL, n, NULL))
        return NULL;
    return seq;
}

void jx_seq_release(uno_Sequence *seq, const char *type_name)
{
    typelib_TypeDescriptionReference *type = jx_type_ref(type_name);
    if (seq != NULL && type != NULL)
        uno_type_destructData(&seq, type, NULL);
}

uno_Sequence *jx_seq_of_strings(const char *const *texts, gsize n)
{
    uno_Sequence *seq = jx_seq_new("[]string", (sal_Int32)n);
    for (gsize i = 0; seq != NULL && i < n; i++)
        jx_ustr_assign(&JX_SEQ_ELEMENT(seq, rtl_uString *, i), texts[i]);
    return seq;
}

uno_Sequence *jx_seq_of_types(const char *const *type_names, gsize n)
{
    typelib_TypeDescriptionReference **refs = g_new0(typelib_TypeDescriptionReference *, n + 1);
    sal_Int32 count = 0;
    for (gsize i = 0; i < n; i++) {
        typelib_TypeDescriptionReference *ref = jx_type_ref(type_names[i]);
        if (ref != NULL)
            refs[count++] = ref;
    }
    uno_Sequence *seq = NULL;
    uno_type_sequence_construct(&seq, jx_type_ref("[]type"), refs, count, NULL);
    g_free(refs);
    return seq;
}

uno_Sequence *jx_seq_of_bytes(const void *data, gsize n)
{
    uno_Sequence *seq = jx_seq_new("[]byte", (sal_Int32)n);
    if (seq != NULL && n > 0)
        memcpy(seq->elements, data, n);
    return seq;
}

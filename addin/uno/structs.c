/*
 * structs.c: struct members by name through typelib_CompoundTypeDescription.
 */
#include "uno/structs.h"

#include "uno/types.h"
#include "uno/ustring.h"

static void *find_member(typelib_CompoundTypeDescription *td, char *data, const char *member)
{
    for (; td != NULL; td = td->pBaseTypeDescription)
        for (sal_Int32 i = 0; i < td->nMembers; i++)
            if (jx_ustr_equals(td->ppMemberNames[i], member))
                return data + td->pMemberOffsets[i];
    return NULL;
}

void *jx_struct_member(const char *type_name, void *data, const char *member)
{
    typelib_TypeDescription *td = jx_type_description(type_name);
    if (td == NULL || data == NULL ||
        (td->eTypeClass != typelib_TypeClass_STRUCT && td->eTypeClass != typelib_TypeClass_EXCEPTION))
        return NULL;
    return find_member((typelib_CompoundTypeDescription *)td, data, member);
}

char *jx_struct_string(const char *type_name, void *data, const char *member)
{
    rtl_uString **s = jx_struct_member(type_name, data, member);
    return s ? jx_ustr_to_utf8(*s) : g_strdup("");
}

void *jx_struct_new(const char *type_name)
{
    typelib_TypeDescription *td = jx_type_description(type_name);
    if (td == NULL)
        return NULL;
    void *data = g_malloc0((gsize)td->nSize);
    uno_constructData(data, td);
    return data;
}

void jx_struct_free(const char *type_name, void *data)
{
    typelib_TypeDescription *td = jx_type_description(type_name);
    if (td != NULL && data != NULL)
        uno_destructData(data, td, NULL);
    g_free(data);
}

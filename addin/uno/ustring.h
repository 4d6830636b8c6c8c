/*
 * ustring.h: UTF-8 (Jixiao's text everywhere) ↔ rtl_uString (UNO's UTF-16).
 */
#ifndef JX_UNO_USTRING_H
#define JX_UNO_USTRING_H

#include <glib.h>

#include "uno/sdk.h"

/* A new rtl_uString reference holding utf8 (NULL → ""); invalid UTF-8 is
 * repaired with U+FFFD rather than refused, so a message always arrives. */
rtl_uString *jx_ustr_new(const char *utf8);

/* utf8 as a new rtl_uString stored in *target, releasing what was there. */
void jx_ustr_assign(rtl_uString **target, const char *utf8);

/* The UTF-8 text of s (NULL → ""), newly allocated with g_malloc.  Lone
 * surrogates become U+FFFD. */
char *jx_ustr_to_utf8(const rtl_uString *s);

/* TRUE if s equals the ASCII/UTF-8 text utf8. */
gboolean jx_ustr_equals(const rtl_uString *s, const char *utf8);

#endif

/*
 * xml.h: text into XML.  Anything from a workbook may hold characters that
 * XML cannot carry (control characters) or that would end an element or an
 * attribute early; these helpers make any UTF-8 string safe to embed.
 */
#ifndef JX_CORE_XML_H
#define JX_CORE_XML_H

#include <glib.h>

G_BEGIN_DECLS

/* Appends text escaped for element content and attribute values: & < > "
 * as entities, invalid UTF-8 repaired, control characters other than tab
 * dropped (newlines included: callers that keep lines split them first). */
void jx_xml_append_escaped(GString *out, const char *text);

/* Text with the control characters (C0, DEL, C1; tab and newline kept)
 * and the bidirectional overrides removed, so that a terminal shows it and never obeys it.  Newly
 * allocated; invalid UTF-8 repaired. */
char *jx_text_printable(const char *text);

G_END_DECLS

#endif

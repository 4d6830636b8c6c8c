/*
 * fonts.h: choosing the 公文 faces that are actually installed.
 */
#ifndef JX_WRITER_FONTS_H
#define JX_WRITER_FONTS_H

#include <glib.h>

#include "core/odf.h"
#include "uno/sdk.h"

/* For each role, the first preferred face the office can use; where none
 * of GB/T 9704's faces is installed, a note (zh, en) is appended to notes
 * (char* pairs) naming what was used instead.  fonts[i] are newly allocated. */
void jx_fonts_choose(uno_Interface *context, char *fonts[JX_FONT_COUNT], GPtrArray *notes);

#endif

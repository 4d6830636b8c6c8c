/*
 * navigate.h: taking the user to a finding's cells, and telling them why
 * they are there.
 */
#ifndef JX_UI_NAVIGATE_H
#define JX_UI_NAVIGATE_H

#include <glib.h>

#include "core/error.h"
#include "ui/places.h"
#include "uno/sdk.h"

/* Selects (and scrolls to) the cells of finding `index` of the document
 * shown in frame, and makes it the current finding (the panel selects it
 * in its list).  FALSE if there is no such finding or it has no cells. */
gboolean jx_navigate_to_finding(uno_Interface *frame, uno_Interface *document, int index);

/* Selects one place (a finding may name several). */
gboolean jx_navigate_to_place(uno_Interface *frame, uno_Interface *document, const JxPlace *place);

/* Shows finding `index`'s message in the window's status bar for a few
 * seconds.  TRUE (also when the frame has no status bar). */
gboolean jx_navigate_tell(uno_Interface *context, uno_Interface *frame, uno_Interface *document,
                          int index, JxLang lang);

#endif

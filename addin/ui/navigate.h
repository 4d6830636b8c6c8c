/*
 * navigate.h: taking the user to a finding's cells.
 */
#ifndef JX_UI_NAVIGATE_H
#define JX_UI_NAVIGATE_H

#include <glib.h>

#include "uno/sdk.h"

/* Selects (and scrolls to) the cells of finding `index` of the document
 * shown in frame, and remembers it as the current finding.  FALSE if there
 * is no such finding or it has no cells. */
gboolean jx_navigate_to_finding(uno_Interface *frame, uno_Interface *document, int index);

#endif

/*
 * sidebar.h: showing Jixiao's deck in a frame's sidebar, and the ids that
 * registration/Sidebar.xcu gives it.
 */
#ifndef JX_UI_SIDEBAR_H
#define JX_UI_SIDEBAR_H

#include "uno/sdk.h"

#define JX_DECK_ID "JixiaoDeck"
#define JX_PANEL_ID "JixiaoPanel"

/* Makes the sidebar of frame visible with Jixiao's deck in front.  Does
 * nothing (quietly) in a hidden or headless frame. */
void jx_sidebar_show(uno_Interface *frame);

#endif

/*
 * panel.h: the sidebar panel (绩效自评 / Performance self-evaluation) and the
 * factory the sidebar asks for it (registration/Factories.xcu).
 */
#ifndef JX_UI_PANEL_H
#define JX_UI_PANEL_H

#include "uno/factory.h"

#define JX_PANEL_FACTORY_IMPLEMENTATION "org.jixiao.PanelFactory"

extern const JxImplementation jx_panel_factory_implementation;

#endif

/*
 * review_panel.h: the sidebar panel of text documents (绩效自评 ▸ 审阅报告 /
 * Review report) and the factory the sidebar asks for it
 * (registration/Factories.xcu, Sidebar.xcu).
 */
#ifndef JX_UI_REVIEW_PANEL_H
#define JX_UI_REVIEW_PANEL_H

#include "uno/factory.h"

#define JX_REVIEW_PANEL_FACTORY_IMPLEMENTATION "org.jixiao.ReviewPanelFactory"

extern const JxImplementation jx_review_panel_factory_implementation;

#endif

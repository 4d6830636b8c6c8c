/*
 * commands.h: Jixiao's commands in a document window, reached from the
 * menu and toolbar (the protocol handler "org.jixiao.commands:") and from
 * the sidebar panel's buttons.  Both doors call jx_command_run.
 *
 *   org.jixiao.commands:Validate
 *   org.jixiao.commands:Compute[?mode=values|formulas]
 *   org.jixiao.commands:Report            (a new Writer document; asks first if there are errors)
 *   org.jixiao.commands:ExportReport[?path=…]  (.odt, .docx or .pdf of the last report)
 *   org.jixiao.commands:ShowPanel
 *   org.jixiao.commands:NextFinding[?index=N], …:PreviousFinding  (select its cells)
 *   org.jixiao.commands:OpenStandardWorkbook  (an untitled copy of the standard workbook)
 *
 * Before a command reads the sheet, a cell still being typed into is
 * committed; while it runs, its own changes start no live check.
 */
#ifndef JX_UI_COMMANDS_H
#define JX_UI_COMMANDS_H

#include <glib.h>

#include "uno/factory.h"

#define JX_COMMANDS_IMPLEMENTATION "org.jixiao.Commands"
#define JX_COMMANDS_PROTOCOL "org.jixiao.commands:"

extern const JxImplementation jx_commands_implementation;

/* Runs command `name` ("Validate", "Compute", "ShowPanel") on the document
 * shown in frame; `arguments` is the URL's query ("mode=values") or NULL.
 * The outcome goes to the document's state (ui/state.h), which the panel
 * shows.  FALSE for an unknown command or a frame without a spreadsheet. */
gboolean jx_command_run(uno_Interface *context, uno_Interface *frame, const char *name,
                        const char *arguments);

/* Validates the document again after the user changed it (ui/live.c) and
 * shows the findings, with the reason (what was undone, …) or NULL. */
void jx_command_recheck(uno_Interface *context, uno_Interface *document, const char *reason_zh,
                        const char *reason_en);

#endif

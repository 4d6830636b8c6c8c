/*
 * odf.h: a report model as an OpenDocument text in flat XML (.fodt), styled
 * in the 公文 manner of GB/T 9704: A4 with margins of 37 mm (top), 28 + a 7 mm
 * footer (bottom, 35 in all), 28 (left) and 26 (right), title in a
 * Song-style bold face at 22 pt, level-1 headings in a Hei face, level-2 in a
 * Kai face, body in a Fangsong face at 16 pt with fixed 28.95 pt lines (22
 * lines a page) and a two-character first-line indent, page numbers as
 * "— 1 —".  The styles are Writer's own names (Title, Heading 1–4, Text
 * Body, Table Contents …) redefined, so a user restyles the whole report in
 * one place and .docx export maps them to Word's headings.
 */
#ifndef JX_CORE_ODF_H
#define JX_CORE_ODF_H

#include <glib.h>

#include "core/report.h"

G_BEGIN_DECLS

/* Who writes Jixiao's comments: Writer deletes all comments of one author
 * at once.  What validation found begins with JX_NOTE_FOUND ("校验 …"). */
#define JX_NOTE_AUTHOR "绩效自评助手 Jixiao"
#define JX_NOTE_FOUND "校验 "

typedef enum {
    JX_FONT_TITLE,     /* 小标宋 */
    JX_FONT_HEI,       /* 黑体: level-1 headings */
    JX_FONT_KAI,       /* 楷体: level-2 headings */
    JX_FONT_FANGSONG,  /* 仿宋: body, level-3/4 headings, tables */
    JX_FONT_SONG,      /* 宋体: page numbers */
    JX_FONT_COUNT,
} JxFontRole;

/* The faces GB/T 9704 names for each role, best first; the office picks the
 * first one installed (ui/fonts.c). NULL-terminated. */
const char *const *jx_font_preferences(JxFontRole role);

/* The report as flat ODT; fonts[role] is the family to use for each role.
 * Newly allocated UTF-8. */
char *jx_report_to_fodt(const JxReport *report, const char *const fonts[JX_FONT_COUNT]);

G_END_DECLS

#endif

/*
 * places.h: the cells a finding names.  A finding carries one range; its
 * text may name others ("与 整体支出全年执行数（基础数据表!D4）不一致"), and
 * the panel offers each of them.  No UNO here: unit-tested with the core.
 */
#ifndef JX_UI_PLACES_H
#define JX_UI_PLACES_H

#include <glib.h>

#include "core/findings.h"
#include "core/workbook.h"

typedef struct {
    int sheet, row, col, row2, col2;   /* 0-based, inclusive */
} JxPlace;

/* The places of a finding: its own range first (if it has one), then every
 * "Sheet!A1" or "Sheet!A1:B2" its text names whose sheet is in the
 * workbook, each once.  A GArray of JxPlace. */
GArray *jx_finding_places(const JxFinding *finding, const JxWorkbook *workbook);

/* "基础数据表!D4" or "基础数据表!D4:E9", newly allocated. */
char *jx_place_format(const JxWorkbook *workbook, const JxPlace *place);

#endif

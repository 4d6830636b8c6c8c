/*
 * grid.h: a generated workbook (the "grid" of a case in cases.jsonl, from
 * tests/generator/generate.py) as a JxWorkbook: its sheets' cells (numbers
 * and texts) and its named cells.  Shared by the generator's harnesses
 * (check_core.c; tests/report/check_report.c).  Static: include it once.
 */
#ifndef JX_GENERATOR_GRID_H
#define JX_GENERATOR_GRID_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "core/workbook.h"

static G_GNUC_UNUSED JxWorkbook *workbook_of(const cJSON *grid, const char *source)
{
    JxWorkbook *wb = jx_workbook_new(source);
    const cJSON *sheets = cJSON_GetObjectItem(grid, "sheets");
    const cJSON *sheet_json;
    cJSON_ArrayForEach(sheet_json, sheets) {
        const cJSON *cells = cJSON_GetObjectItem(sheet_json, "cells"), *cell;
        int rows = 1, cols = 1;
        cJSON_ArrayForEach(cell, cells) {
            rows = MAX(rows, cJSON_GetArrayItem(cell, 0)->valueint + 1);
            cols = MAX(cols, cJSON_GetArrayItem(cell, 1)->valueint + 1);
        }
        JxSheet *sheet = jx_workbook_add_sheet(wb, cJSON_GetObjectItem(sheet_json, "name")->valuestring,
                                               rows, cols);
        cJSON_ArrayForEach(cell, cells) {
            int r = cJSON_GetArrayItem(cell, 0)->valueint, c = cJSON_GetArrayItem(cell, 1)->valueint;
            const cJSON *value = cJSON_GetArrayItem(cell, 2);
            if (cJSON_IsNumber(value))
                jx_sheet_set_number(wb, sheet, r, c, value->valuedouble);
            else if (cJSON_IsString(value))
                jx_sheet_set_text(wb, sheet, r, c, value->valuestring);
        }
    }
    const cJSON *name;
    cJSON_ArrayForEach(name, cJSON_GetObjectItem(grid, "names"))
        jx_workbook_add_name(wb, cJSON_GetArrayItem(name, 0)->valuestring, cJSON_GetArrayItem(name, 1)->valueint,
                             cJSON_GetArrayItem(name, 2)->valueint, cJSON_GetArrayItem(name, 3)->valueint);
    return wb;
}

#endif

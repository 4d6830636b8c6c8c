/*
 * findings_json.h: findings as the JSON that headless validation writes for
 * the bureau's tools (format described in the README, "Findings JSON").
 */
#ifndef JX_CORE_FINDINGS_JSON_H
#define JX_CORE_FINDINGS_JSON_H

#include <glib.h>

#include "core/workbook.h"

G_BEGIN_DECLS

/* { "source", "schema", "errors", "warnings", "notes", "findings": [ … ] },
 * newly allocated, UTF-8.  workbook may be NULL (then no sheet names). */
char *jx_findings_to_json(const GPtrArray *findings, const JxWorkbook *workbook,
                          const char *source, const char *schema_id, const char *failure);

G_END_DECLS

#endif

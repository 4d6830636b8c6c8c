/*
 * model_json.h: a workbook's figures as the schema names them, in JSON, with
 * each value's cell: what the bureau's own tools read from a batch of
 * workbooks (headless "extract"), and what the integration tests check.
 */
#ifndef JX_CORE_MODEL_JSON_H
#define JX_CORE_MODEL_JSON_H

#include "core/model.h"

G_BEGIN_DECLS

/* { "fields": { id: { "value": number|string|null, "cell": "基础数据表!D5" } },
 *   "tables": { id: [ { column: { "value": …, "cell": … }, … }, … ] } }
 * Error cells have "error": true; values not located have "cell": null. */
char *jx_model_to_json(const JxModel *model);

G_END_DECLS

#endif

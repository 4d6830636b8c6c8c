/*
 * validate.h: the rule engine.  The schema's checks are data; each kind of
 * check is one function here, run over the model, appending findings.
 * Required cells and types are checked for every field and column without a
 * check entry.  Validation reads the model only: it never writes anywhere.
 */
#ifndef JX_CORE_VALIDATE_H
#define JX_CORE_VALIDATE_H

#include <glib.h>

#include "core/model.h"

G_BEGIN_DECLS

/* Appends to findings (JxFinding*) everything wrong with the model: the
 * model's own locate findings, required and typed values, then each check.
 * Sorted, errors first. */
void jx_validate(const JxModel *model, GPtrArray *findings);

G_END_DECLS

#endif

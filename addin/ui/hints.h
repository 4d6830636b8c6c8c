/*
 * hints.h: what to do about a finding, one short sentence per finding code
 * in zh-CN and en-US, shown under the finding in the panel.  No UNO here.
 */
#ifndef JX_UI_HINTS_H
#define JX_UI_HINTS_H

#include "core/error.h"

/* The hint for a finding code, or NULL if the code has none. */
const char *jx_fix_hint(const char *code, JxLang lang);

#endif

/*
 * lang.h: the office's user-interface language, for Jixiao's own strings.
 */
#ifndef JX_UI_LANG_H
#define JX_UI_LANG_H

#include "core/error.h"
#include "uno/sdk.h"

/* zh when the office UI is Chinese (Office.Linguistic/General/UILocale,
 * else Setup/L10N/ooLocale, else the environment's LANG), en otherwise.
 * Read once per process. */
JxLang jx_ui_lang(uno_Interface *context);

#endif

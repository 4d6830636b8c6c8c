/*
 * schema_cache.h: the schemas every door validates with, loaded once per
 * process.
 */
#ifndef JX_UI_SCHEMA_CACHE_H
#define JX_UI_SCHEMA_CACHE_H

#include <glib.h>

#include "core/schema.h"
#include "uno/sdk.h"

/* The schema at path, or the extension's default if path is NULL.  Loaded
 * once per process and kept (loaded anew when the file changes); borrowed:
 * never free it. */
const JxSchema *jx_schema_cache_get(uno_Interface *context, const char *path, GError **error);

#endif

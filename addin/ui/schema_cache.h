/*
 * schema_cache.h: the schemas every door validates with, each with its
 * compiled report template (core/bundle.h), loaded once per process.
 */
#ifndef JX_UI_SCHEMA_CACHE_H
#define JX_UI_SCHEMA_CACHE_H

#include <glib.h>

#include "core/bundle.h"
#include "uno/sdk.h"

/* The schema file at path, or the extension's default if path is NULL:
 * its schema and report template.  Loaded once per process and kept
 * (loaded anew when the file changes); borrowed: never free it. */
const JxBundle *jx_schema_cache_get(uno_Interface *context, const char *path, GError **error);

#endif

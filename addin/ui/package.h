/*
 * package.h: files inside the installed extension (the default schema,
 * dialogs, icons), found through the office's PackageInformationProvider.
 */
#ifndef JX_UI_PACKAGE_H
#define JX_UI_PACKAGE_H

#include <glib.h>

#include "uno/sdk.h"

#define JX_EXTENSION_ID "org.jixiao.extension"
#define JX_DEFAULT_SCHEMA "schema/hunan-department-2023.json"
/* Every schema there is a form Jixiao knows (ui/form.h picks among them). */
#define JX_DEFAULT_SCHEMA_FOLDER "schema"

/* The extension's root as a file URL ("file:///…/jixiao.oxt_xyz"), newly
 * allocated, or NULL with *error. */
char *jx_package_url(uno_Interface *context, GError **error);

/* A local path to `relative` inside the extension, newly allocated. */
char *jx_package_path(uno_Interface *context, const char *relative, GError **error);

#endif

/*
 * documents.h: document files in and out of the office: opening one
 * hidden and read-only, opening an untitled copy in a window, storing a
 * copy in the format its name asks for, closing.
 */
#ifndef JX_UI_DOCUMENTS_H
#define JX_UI_DOCUMENTS_H

#include <glib.h>

#include "uno/sdk.h"

/* Opens a document file hidden, with macros disabled and links not
 * updated; read-only unless asked otherwise.  Acquired, or NULL with *error. */
uno_Interface *jx_document_open(uno_Interface *context, const char *path, gboolean read_only,
                                GError **error);

/* Opens an untitled copy of the document at url (a file URL) in a window
 * of its own, as a template is opened: saving it asks for a new name. */
gboolean jx_document_open_untitled(uno_Interface *context, const char *url, GError **error);

/* Stores a copy of the document at path, the format chosen by its
 * extension (.ods, .fods, .xlsx, .odt, .fodt, .docx, .pdf). */
gboolean jx_document_store(uno_Interface *document, const char *path, GError **error);

/* Closes a document (opened by jx_document_open or made hidden) and
 * releases it; *document becomes NULL. */
void jx_document_close(uno_Interface **document);

#endif

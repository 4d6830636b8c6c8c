/*
 * document.h: a finished report (flat ODT bytes) loaded into Writer.
 */
#ifndef JX_WRITER_DOCUMENT_H
#define JX_WRITER_DOCUMENT_H

#include <glib.h>

#include "uno/sdk.h"

/* Loads the flat ODT from memory as a new, untitled Writer document (a
 * SequenceInputStream at "private:stream", AsTemplate so that Save asks
 * where).  hidden: no window (headless, batch).  Returns the document,
 * acquired, or NULL with *error. */
uno_Interface *jx_writer_load(uno_Interface *context, const char *fodt, gsize length,
                              gboolean hidden, GError **error);

#endif

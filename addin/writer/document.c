/*
 * document.c: loading the report.  Building the document call by call
 * through the text API would cost thousands of UNO calls; loading the
 * finished flat XML is one, and keeps the document unit-testable without
 * the office (core/odf.c).
 */
#include "writer/document.h"

#include "core/error.h"
#include "uno/any.h"
#include "uno/call.h"
#include "uno/office.h"
#include "uno/sequence.h"
#include "uno/ustring.h"

uno_Interface *jx_writer_load(uno_Interface *context, const char *fodt, gsize length,
                              gboolean hidden, GError **error)
{
    GError *uno_error = NULL;
    uno_Interface *document = jx_office_load_bytes(context, fodt, length, "OpenDocument Text Flat XML",
                                                   hidden, &uno_error);
    if (document == NULL) {
        jx_set_error(error, JX_ERROR_IO, "Writer 无法打开生成的报告：%s", "Writer could not open the report: %s",
                     uno_error ? uno_error->message : "");
        g_clear_error(&uno_error);
    }
    return document;
}

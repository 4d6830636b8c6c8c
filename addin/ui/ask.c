/*
 * ask.c: a message box (XMessageBoxFactory) and the system file picker.
 */
#include "ui/ask.h"

#include <string.h>

#include "uno/any.h"
#include "uno/call.h"
#include "uno/office.h"
#include "uno/sequence.h"
#include "uno/types.h"
#include "uno/ustring.h"

/* com.sun.star.awt.MessageBoxType.QUERYBOX */
#define MESSAGE_BOX_QUERY 4
/* com.sun.star.awt.MessageBoxButtons.BUTTONS_YES_NO */
#define MESSAGE_BOX_BUTTONS_YES_NO 3
/* com.sun.star.awt.MessageBoxResults.YES */
#define MESSAGE_BOX_RESULT_YES 2
/* com.sun.star.ui.dialogs.TemplateDescription.FILESAVE_AUTOEXTENSION */
#define FILE_SAVE_AUTOEXTENSION 10
/* com.sun.star.ui.dialogs.ExecutableDialogResults.OK */
#define DIALOG_RESULT_OK 1

static uno_Interface *container_window(uno_Interface *frame)
{
    return frame ? jx_office_get(frame, "com.sun.star.frame.XFrame::getContainerWindow", NULL) : NULL;
}

gboolean jx_frame_is_visible(uno_Interface *frame)
{
    uno_Interface *window = container_window(frame);
    sal_Bool visible = 0;
    if (window)
        jx_invoke(window, "com.sun.star.awt.XWindow2::isVisible", &visible, NULL, NULL);
    jx_release(&window);
    return visible;
}

gboolean jx_ask_yes_no(uno_Interface *context, uno_Interface *frame, const char *title,
                       const char *question)
{
    if (!jx_frame_is_visible(frame))
        return TRUE;
    uno_Interface *window = container_window(frame);
    uno_Interface *peer = window ? jx_query(window, "com.sun.star.awt.XWindowPeer") : NULL;
    uno_Interface *toolkit = jx_office_create(context, "com.sun.star.awt.Toolkit", NULL);
    uno_Interface *box = NULL;
    sal_Int32 type = MESSAGE_BOX_QUERY, buttons = MESSAGE_BOX_BUTTONS_YES_NO;
    rtl_uString *utitle = jx_ustr_new(title), *utext = jx_ustr_new(question);
    void *args[] = { &peer, &type, &buttons, &utitle, &utext };
    if (toolkit && peer)
        jx_invoke(toolkit, "com.sun.star.awt.XMessageBoxFactory::createMessageBox", &box, args, NULL);
    sal_Int16 result = MESSAGE_BOX_RESULT_YES;   /* when no box could be shown */
    if (box)
        jx_invoke(box, "com.sun.star.awt.XMessageBox::execute", &result, NULL, NULL);
    rtl_uString_release(utitle);
    rtl_uString_release(utext);
    jx_release(&box);
    jx_release(&toolkit);
    jx_release(&peer);
    jx_release(&window);
    return result == MESSAGE_BOX_RESULT_YES;
}

char *jx_ask_report_path(uno_Interface *context, const char *suggested_name, JxLang lang)
{
    static const struct { const char *title[2], *pattern, *extension; } filters[] = {
        { { "ODF 文本文档 (.odt)", "ODF Text Document (.odt)" }, "*.odt", ".odt" },
        { { "Word 文档 (.docx)", "Word Document (.docx)" }, "*.docx", ".docx" },
        { { "PDF (.pdf)", "PDF (.pdf)" }, "*.pdf", ".pdf" },
    };
    uno_Interface *picker = jx_office_create(context, "com.sun.star.ui.dialogs.FilePicker", NULL);
    if (picker == NULL)
        return NULL;
    uno_Sequence *init = jx_seq_new("[]any", 1);
    sal_Int16 kind = FILE_SAVE_AUTOEXTENSION;
    uno_any_destruct(&JX_SEQ_ELEMENT(init, uno_Any, 0), NULL);
    uno_type_any_construct(&JX_SEQ_ELEMENT(init, uno_Any, 0), &kind, jx_type_simple(typelib_TypeClass_SHORT), NULL);
    void *init_args[] = { &init };
    jx_invoke(picker, "com.sun.star.lang.XInitialization::initialize", NULL, init_args, NULL);
    jx_seq_release(init, "[]any");
    for (gsize i = 0; i < G_N_ELEMENTS(filters); i++) {
        rtl_uString *title = jx_ustr_new(filters[i].title[lang]), *pattern = jx_ustr_new(filters[i].pattern);
        void *args[] = { &title, &pattern };
        jx_invoke(picker, "com.sun.star.ui.dialogs.XFilterManager::appendFilter", NULL, args, NULL);
        rtl_uString_release(title);
        rtl_uString_release(pattern);
    }
    rtl_uString *name = jx_ustr_new(suggested_name);
    void *name_args[] = { &name };
    jx_invoke(picker, "com.sun.star.ui.dialogs.XFilePicker::setDefaultName", NULL, name_args, NULL);
    rtl_uString_release(name);
    sal_Int16 result = 0;
    char *path = NULL;
    uno_Sequence *files = NULL;
    rtl_uString *filter = NULL;
    if (jx_invoke(picker, "com.sun.star.ui.dialogs.XExecutableDialog::execute", &result, NULL, NULL) &&
        result == DIALOG_RESULT_OK &&
        jx_invoke(picker, "com.sun.star.ui.dialogs.XFilePicker2::getSelectedFiles", &files, NULL, NULL) &&
        files->nElements > 0) {
        g_autofree char *url = jx_ustr_to_utf8(JX_SEQ_ELEMENT(files, rtl_uString *, 0));
        path = g_filename_from_uri(url, NULL, NULL);
        jx_invoke(picker, "com.sun.star.ui.dialogs.XFilterManager::getCurrentFilter", &filter, NULL, NULL);
        g_autofree char *chosen = filter ? jx_ustr_to_utf8(filter) : g_strdup("");
        for (gsize i = 0; path && i < G_N_ELEMENTS(filters); i++)
            if (strcmp(chosen, filters[i].title[lang]) == 0 && !g_str_has_suffix(path, filters[i].extension)) {
                char *with = g_strconcat(path, filters[i].extension, NULL);
                g_free(path);
                path = with;
            }
    }
    if (files)
        jx_seq_release(files, "[]string");
    if (filter)
        rtl_uString_release(filter);
    jx_release(&picker);
    return path;
}

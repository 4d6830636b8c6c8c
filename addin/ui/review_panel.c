/*
 * review_panel.c: the review panel of text documents.
 *
 * 审阅报告 / Review report reads the document's paragraphs
 * (writer/read_paragraphs.c), reviews them (core/review.h) and keeps the
 * findings in the document's state (ui/state.c), as Validate does for a
 * workbook; the panel lists them, one line each.  Clicking a finding selects
 * its words in the document and shows it in full below the list: where,
 * what, the sentence it is about and how to put it right.  The texts that were reviewed are kept with the findings,
 * so that a click after an edit says "review again" instead of selecting
 * the wrong words.
 */
#include "ui/review_panel.h"

#include <string.h>

#include "core/review.h"
#include "ui/lang.h"
#include "ui/package.h"
#include "ui/review_headless.h"
#include "ui/state.h"
#include "uno/any.h"
#include "uno/call.h"
#include "uno/office.h"
#include "uno/sequence.h"
#include "uno/structs.h"
#include "uno/types.h"
#include "uno/ustring.h"
#include "writer/read_paragraphs.h"

#define PANEL_DIALOG "dialogs/review.xdl"
#define MARGIN 6
#define BUTTON_HEIGHT 26
#define SUMMARY_HEIGHT 36
#define LABEL_HEIGHT 18
#define DETAIL_HEIGHT 150   /* the selected finding in full: place, message, sentence */
#define MINIMAL_WIDTH 300
#define TAB_BAR_OVERLAP 28   /* the sidebar's tab bar covers the panel's right edge (LibreOffice 7.4) */

typedef struct {
    JxUnoObject base;
    uno_Interface *context;
    uno_Interface *frame;
    uno_Interface *parent;     /* the sidebar's window for us */
    uno_Interface *window;     /* our container window, once created */
    uno_Interface *document;
    char *url;
    JxLang lang;
    gboolean disposed;
    GMutex lock;
} Panel;

static const struct { const char *control; const char *label[2]; } labels[] = {
    { "btnReview", { "审阅报告(~R)", "~Review report" } },
    { "lblFindings", { "问题清单（单击选中原文）", "Findings (click to select the words)" } },
};

static const char *const severity_mark[] = { "✖", "⚠", "ℹ" };

/* --- the texts that were reviewed, per document ------------------------------------ */

static GMutex reviewed_lock;
static GHashTable *reviewed;   /* document identity → GPtrArray of JxReviewParagraph */

static uno_Interface *identity(uno_Interface *document)
{
    uno_Interface *id = jx_query(document, "com.sun.star.uno.XInterface");
    if (id != NULL)
        id->release(id);   /* only a key */
    return id ? id : document;
}

typedef struct {
    JxUnoObject base;
    uno_Interface *document;   /* identity only */
} Forgetter;

static void forget(JxUnoObject *self, JxUnoCall *call)
{
    g_mutex_lock(&reviewed_lock);
    if (reviewed)
        g_hash_table_remove(reviewed, ((Forgetter *)self)->document);
    g_mutex_unlock(&reviewed_lock);
}

static const char *const forgetter_interfaces[] = {
    "com.sun.star.lang.XEventListener", "com.sun.star.lang.XTypeProvider", NULL,
};
static const JxUnoMethodEntry forgetter_methods[] = {
    { "com.sun.star.lang.XEventListener::disposing", forget },
    { NULL, NULL },
};
static JxUnoClass forgetter_class = {
    .implementation_name = "org.jixiao.ReviewedTextForgetter",
    .interfaces = forgetter_interfaces,
    .methods = forgetter_methods,
};

static void keep_reviewed(uno_Interface *document, GPtrArray *paragraphs)
{
    uno_Interface *key = identity(document);
    g_mutex_lock(&reviewed_lock);
    if (reviewed == NULL)
        reviewed = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, (GDestroyNotify)g_ptr_array_unref);
    gboolean is_new = !g_hash_table_contains(reviewed, key);
    g_hash_table_insert(reviewed, key, g_ptr_array_ref(paragraphs));
    g_mutex_unlock(&reviewed_lock);
    if (is_new) {
        Forgetter *f = jx_object_new(&forgetter_class, sizeof(Forgetter));
        f->document = key;
        uno_Interface *listener = &f->base.iface;
        void *args[] = { &listener };
        jx_invoke(document, "com.sun.star.lang.XComponent::addEventListener", NULL, args, NULL);
        jx_object_release(&f->base);
    }
}

/* The text paragraph p had when it was reviewed, newly allocated, or NULL. */
static char *reviewed_text(uno_Interface *document, int p)
{
    char *text = NULL;
    g_mutex_lock(&reviewed_lock);
    GPtrArray *paragraphs = reviewed ? g_hash_table_lookup(reviewed, identity(document)) : NULL;
    if (paragraphs && p >= 0 && (guint)p < paragraphs->len)
        text = g_strdup(((JxReviewParagraph *)g_ptr_array_index(paragraphs, (guint)p))->text);
    g_mutex_unlock(&reviewed_lock);
    return text;
}

/* The finding in full: "第25段 · 错误 · JX-SUM-MISMATCH", its message, the
 * sentence it points at.  Newly allocated. */
static char *detail_of(uno_Interface *document, const JxFinding *f, JxLang lang)
{
    int p = jx_review_finding_paragraph(f);
    g_autofree char *sentence = NULL;
    g_mutex_lock(&reviewed_lock);
    GPtrArray *paragraphs = reviewed ? g_hash_table_lookup(reviewed, identity(document)) : NULL;
    if (paragraphs)
        sentence = jx_review_finding_sentence(f, paragraphs);
    g_mutex_unlock(&reviewed_lock);
    const char *severity = jx_severity_name(f->severity, lang);
    return lang == JX_LANG_ZH
               ? g_strdup_printf("第%d段 · %s · %s\n%s\n“%s”\n改正：%s", p + 1, severity, f->kind->code,
                                 f->text[lang], sentence ? sentence : "", f->kind->fix[lang])
               : g_strdup_printf("Paragraph %d · %s · %s\n%s\n“%s”\nFix: %s", p + 1, severity, f->kind->code,
                                 f->text[lang], sentence ? sentence : "", f->kind->fix[lang]);
}

static void set_label(Panel *p, const char *name, const char *text);

/* --- reviewing and going to a finding ----------------------------------------------- */

static void review_document(Panel *p)
{
    GError *error = NULL;
    gint64 start = g_get_monotonic_time();
    g_autoptr(GPtrArray) paragraphs = jx_writer_read_paragraphs(p->document, &error);
    if (paragraphs == NULL) {
        g_autofree char *zh = jx_error_text(error, JX_LANG_ZH);
        g_autofree char *en = jx_error_text(error, JX_LANG_EN);
        jx_state_set(p->document, NULL, NULL, zh, en);
        g_error_free(error);
        return;
    }
    JxReviewRules rules;
    jx_review_rules_for(p->context, NULL, &rules, NULL);
    g_autoptr(GPtrArray) findings = jx_review_run(paragraphs, &rules);
    double ms = (g_get_monotonic_time() - start) / 1e3;
    keep_reviewed(p->document, paragraphs);
    g_autofree char *zh = g_strdup_printf("已审阅 %u 段（%.0f 毫秒）", paragraphs->len, ms);
    g_autofree char *en = g_strdup_printf("Reviewed %u paragraphs (%.0f ms)", paragraphs->len, ms);
    jx_state_set(p->document, findings, NULL, zh, en);
}

static gboolean go_right(uno_Interface *cursor, glong count, gboolean expand)
{
    while (count > 0) {
        sal_Int16 step = (sal_Int16)MIN(count, 32000);
        sal_Bool select = expand ? 1 : 0, moved = 0;
        void *args[] = { &step, &select };
        if (!jx_invoke(cursor, "com.sun.star.text.XTextCursor::goRight", &moved, args, NULL) || !moved)
            return FALSE;
        count -= step;
    }
    return TRUE;
}

/* Selects the words of finding `index` in the document. */
static void select_finding(Panel *p, int index)
{
    g_autoptr(JxDocumentState) state = jx_state_get(p->document);
    if (index < 0 || (guint)index >= state->findings->len)
        return;
    const JxFinding *f = &((JxShownFinding *)g_ptr_array_index(state->findings, (guint)index))->finding;
    jx_state_set_current(p->document, index);
    g_autofree char *detail = detail_of(p->document, f, p->lang);
    g_mutex_lock(&p->lock);
    if (!p->disposed)
        set_label(p, "lblDetail", detail);
    g_mutex_unlock(&p->lock);
    int number = jx_review_finding_paragraph(f);
    uno_Interface *paragraph = jx_writer_paragraph(p->document, number);
    rtl_uString *now = NULL;
    g_autofree char *then = reviewed_text(p->document, number);
    g_autofree char *current = NULL;
    if (paragraph && jx_invoke(paragraph, "com.sun.star.text.XTextRange::getString", &now, NULL, NULL)) {
        current = jx_ustr_to_utf8(now);
        rtl_uString_release(now);
    }
    if (current == NULL || then == NULL || strcmp(current, then) != 0) {
        jx_release(&paragraph);
        jx_state_set_message(p->document, "文档在审阅之后改动过：请再次单击“审阅报告”。",
                             "The document changed after the review: click Review report again.");
        return;
    }
    uno_Interface *text = jx_office_get(paragraph, "com.sun.star.text.XTextRange::getText", NULL);
    uno_Interface *start = jx_office_get(paragraph, "com.sun.star.text.XTextRange::getStart", NULL);
    uno_Interface *cursor = NULL;
    void *args[] = { &start };
    if (text && start)
        jx_invoke(text, "com.sun.star.text.XSimpleText::createTextCursorByRange", &cursor, args, NULL);
    uno_Interface *controller = jx_office_get(p->frame, "com.sun.star.frame.XFrame::getController", NULL);
    if (cursor && controller && go_right(cursor, f->col, FALSE) && go_right(cursor, f->col2 - f->col + 1, TRUE)) {
        uno_Any selection;
        sal_Bool done = 0;
        jx_any_construct_interface(&selection, cursor, "com.sun.star.text.XTextRange");
        void *select_args[] = { &selection };
        jx_invoke(controller, "com.sun.star.view.XSelectionSupplier::select", &done, select_args, NULL);
        uno_any_destruct(&selection, NULL);
    }
    jx_release(&controller);
    jx_release(&cursor);
    jx_release(&start);
    jx_release(&text);
    jx_release(&paragraph);
}

/* --- controls ------------------------------------------------------------------------- */

static uno_Interface *control(Panel *p, const char *name)
{
    if (p->window == NULL)
        return NULL;
    rtl_uString *uname = jx_ustr_new(name);
    uno_Interface *result = NULL;
    void *args[] = { &uname };
    jx_invoke(p->window, "com.sun.star.awt.XControlContainer::getControl", &result, args, NULL);
    rtl_uString_release(uname);
    return result;
}

static void set_model_property(Panel *p, const char *name, const char *property, uno_Any *value)
{
    uno_Interface *c = control(p, name);
    uno_Interface *model = c ? jx_office_get(c, "com.sun.star.awt.XControl::getModel", NULL) : NULL;
    if (model != NULL)
        jx_office_set_property(model, property, value, NULL);
    jx_release(&model);
    jx_release(&c);
}

static void set_label(Panel *p, const char *name, const char *text)
{
    uno_Any any;
    jx_any_construct_string(&any, text);
    set_model_property(p, name, "Label", &any);
    uno_any_destruct(&any, NULL);
}

static void place(Panel *p, const char *name, int x, int y, int width, int height)
{
    uno_Interface *c = control(p, name);
    if (c == NULL)
        return;
    sal_Int32 ax = x, ay = y, aw = MAX(width, 1), ah = MAX(height, 1);
    sal_Int16 flags = 15;   /* PosSize.POSSIZE */
    void *args[] = { &ax, &ay, &aw, &ah, &flags };
    jx_invoke(c, "com.sun.star.awt.XWindow::setPosSize", NULL, args, NULL);
    jx_release(&c);
}

/* The button, the summary, then the findings filling the rest. */
static void layout(Panel *p, int width, int height)
{
    if (p->window != NULL) {
        sal_Int32 x = 0, y0 = 0, w = width, h = height;
        sal_Int16 flags = 15;
        void *args[] = { &x, &y0, &w, &h, &flags };
        jx_invoke(p->window, "com.sun.star.awt.XWindow::setPosSize", NULL, args, NULL);
    }
    int inner = MAX(width - 2 * MARGIN - TAB_BAR_OVERLAP, 60), y = MARGIN;
    place(p, "btnReview", MARGIN, y, inner, BUTTON_HEIGHT);
    y += BUTTON_HEIGHT + MARGIN;
    place(p, "lblSummary", MARGIN, y, inner, SUMMARY_HEIGHT);
    y += SUMMARY_HEIGHT + MARGIN;
    place(p, "lblFindings", MARGIN, y, inner, LABEL_HEIGHT);
    y += LABEL_HEIGHT;
    int list = MAX(height - y - DETAIL_HEIGHT - 2 * MARGIN, 80);
    place(p, "lstFindings", MARGIN, y, inner, list);
    place(p, "lblDetail", MARGIN, y + list + MARGIN, inner, DETAIL_HEIGHT);
}

static void refresh(JxUnoObject *object)
{
    Panel *p = (Panel *)object;
    g_mutex_lock(&p->lock);
    if (p->disposed || p->window == NULL || p->document == NULL) {
        g_mutex_unlock(&p->lock);
        return;
    }
    g_autoptr(JxDocumentState) state = jx_state_get(p->document);
    JxLang lang = p->lang;
    GString *summary = g_string_new(NULL);
    if (state->message[lang] != NULL)
        g_string_append(summary, state->message[lang]);
    else
        g_string_append(summary, lang == JX_LANG_ZH ? "尚未审阅。单击“审阅报告”检查本报告的数字和编号。"
                                                    : "Not reviewed yet. Click Review report to check its figures and numbering.");
    if (state->validated)
        g_string_append_printf(summary, lang == JX_LANG_ZH ? "\n错误 %d · 警告 %d · 提示 %d"
                                                           : "\nErrors %d · warnings %d · notes %d",
                               state->errors, state->warnings, state->notes);
    set_label(p, "lblSummary", summary->str);
    g_string_free(summary, TRUE);

    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < state->findings->len; i++) {
        const JxShownFinding *s = g_ptr_array_index(state->findings, i);
        int paragraph = jx_review_finding_paragraph(&s->finding) + 1;
        g_ptr_array_add(items, lang == JX_LANG_ZH
                        ? g_strdup_printf("%s 第%d段 %s", severity_mark[s->finding.severity], paragraph, s->finding.text[lang])
                        : g_strdup_printf("%s ¶%d %s", severity_mark[s->finding.severity], paragraph, s->finding.text[lang]));
    }
    uno_Sequence *list = jx_seq_of_strings((const char *const *)items->pdata, items->len);
    uno_Any any;
    jx_any_construct_value(&any, &list, "[]string");
    set_model_property(p, "lstFindings", "StringItemList", &any);
    uno_any_destruct(&any, NULL);
    jx_seq_release(list, "[]string");
    const JxShownFinding *current = state->current >= 0 && (guint)state->current < state->findings->len
                                        ? g_ptr_array_index(state->findings, (guint)state->current) : NULL;
    g_autofree char *detail = current ? detail_of(p->document, &current->finding, lang) : g_strdup("");
    set_label(p, "lblDetail", detail);
    if (current) {
        uno_Interface *box = control(p, "lstFindings");
        sal_Int16 position = (sal_Int16)state->current;
        sal_Bool select = 1;
        void *args[] = { &position, &select };
        if (box)
            jx_invoke(box, "com.sun.star.awt.XListBox::selectItemPos", NULL, args, NULL);
        jx_release(&box);
    }
    g_mutex_unlock(&p->lock);
}

static int selected_finding(Panel *p)
{
    uno_Interface *list = control(p, "lstFindings");
    sal_Int16 position = -1;
    if (list != NULL)
        jx_invoke(list, "com.sun.star.awt.XListBox::getSelectedItemPos", &position, NULL, NULL);
    jx_release(&list);
    return position;
}

/* --- the window ------------------------------------------------------------------------ */

static void add_resize_listener(Panel *p);

static void create_window(Panel *p)
{
    if (p->window != NULL || p->parent == NULL)
        return;
    g_autofree char *root = jx_package_url(p->context, NULL);
    if (root == NULL)
        return;
    g_autofree char *url = g_strconcat(root, "/", PANEL_DIALOG, NULL);
    uno_Interface *provider = jx_office_create(p->context, "com.sun.star.awt.ContainerWindowProvider", NULL);
    uno_Interface *peer = jx_query(p->parent, "com.sun.star.awt.XWindowPeer");
    if (provider && peer) {
        rtl_uString *uurl = jx_ustr_new(url), *type = jx_ustr_new("");
        uno_Interface *handler = &p->base.iface;
        void *args[] = { &uurl, &type, &peer, &handler };
        jx_invoke(provider, "com.sun.star.awt.XContainerWindowProvider::createContainerWindow",
                  &p->window, args, NULL);
        rtl_uString_release(uurl);
        rtl_uString_release(type);
    }
    jx_release(&peer);
    jx_release(&provider);
    if (p->window == NULL)
        return;
    for (gsize i = 0; i < G_N_ELEMENTS(labels); i++)
        set_label(p, labels[i].control, labels[i].label[p->lang]);
    sal_Bool visible = 1;
    void *args[] = { &visible };
    jx_invoke(p->window, "com.sun.star.awt.XWindow::setVisible", NULL, args, NULL);
    add_resize_listener(p);
    refresh(&p->base);
}

/* --- interfaces ------------------------------------------------------------------------ */

static void get_real_interface(JxUnoObject *self, JxUnoCall *call)
{
    create_window((Panel *)self);
    jx_call_return_interface(call, &self->iface);
}

static void get_frame(JxUnoObject *self, JxUnoCall *call)
{
    jx_call_return_interface(call, ((Panel *)self)->frame);
}

static void get_resource_url(JxUnoObject *self, JxUnoCall *call)
{
    jx_call_return_string(call, ((Panel *)self)->url);
}

static void get_type(JxUnoObject *self, JxUnoCall *call)
{
    *(sal_Int16 *)call->result = 7;   /* UIElementType.TOOLPANEL */
}

static void get_window(JxUnoObject *self, JxUnoCall *call)
{
    create_window((Panel *)self);
    jx_call_return_interface(call, ((Panel *)self)->window);
}

static void create_accessible(JxUnoObject *self, JxUnoCall *call)
{
    Panel *p = (Panel *)self;
    *(uno_Interface **)call->result = p->window ? jx_query(p->window, "com.sun.star.accessibility.XAccessible") : NULL;
}

static void get_height_for_width(JxUnoObject *self, JxUnoCall *call)
{
    const char *type = "com.sun.star.ui.LayoutSize";
    void *size = call->result;
    uno_constructData(size, jx_type_description(type));
    *(sal_Int32 *)jx_struct_member(type, size, "Minimum") = 260;
    *(sal_Int32 *)jx_struct_member(type, size, "Maximum") = -1;
    *(sal_Int32 *)jx_struct_member(type, size, "Preferred") = 480;
}

static void get_minimal_width(JxUnoObject *self, JxUnoCall *call)
{
    *(sal_Int32 *)call->result = MINIMAL_WIDTH;
}

static void dispose(JxUnoObject *self, JxUnoCall *call)
{
    Panel *p = (Panel *)self;
    jx_state_unwatch(self);
    g_mutex_lock(&p->lock);
    gboolean first = !p->disposed;
    p->disposed = TRUE;
    uno_Interface *window = p->window;
    p->window = NULL;
    g_mutex_unlock(&p->lock);
    if (first && window != NULL)
        jx_invoke(window, "com.sun.star.lang.XComponent::dispose", NULL, NULL, NULL);
    jx_release(&window);
}

static void ignored(JxUnoObject *self, JxUnoCall *call)
{
}

static void call_handler_method(JxUnoObject *self, JxUnoCall *call)
{
    Panel *p = (Panel *)self;
    g_autofree char *method = jx_call_arg_utf8(call, 2);
    gboolean handled = TRUE;
    jx_object_acquire(self);   /* the sidebar may dispose us while the review runs */
    if (strcmp(method, "onReview") == 0 && !p->disposed && p->document)
        review_document(p);
    else if (strcmp(method, "onFindingSelected") == 0 && !p->disposed && p->document)
        select_finding(p, selected_finding(p));
    else
        handled = FALSE;
    jx_object_release(self);
    jx_call_return_bool(call, handled);
}

static void get_supported_method_names(JxUnoObject *self, JxUnoCall *call)
{
    static const char *const names[] = { "onReview", "onFindingSelected" };
    jx_call_return_sequence(call, jx_seq_of_strings(names, G_N_ELEMENTS(names)));
}

static void window_resized(JxUnoObject *self, JxUnoCall *call)
{
    const char *type = "com.sun.star.awt.WindowEvent";
    sal_Int32 *width = jx_struct_member(type, call->args[0], "Width");
    sal_Int32 *height = jx_struct_member(type, call->args[0], "Height");
    Panel *p = (Panel *)self;
    if (width && height && !p->disposed)
        layout(p, *width, *height);
}

static void add_resize_listener(Panel *p)
{
    uno_Interface *listener = &p->base.iface;
    void *args[] = { &listener };
    jx_invoke(p->parent, "com.sun.star.awt.XWindow::addWindowListener", NULL, args, NULL);
    const char *type = "com.sun.star.awt.Rectangle";
    void *rect = jx_struct_new(type);
    if (rect && jx_invoke(p->parent, "com.sun.star.awt.XWindow::getPosSize", rect, NULL, NULL))
        layout(p, *(sal_Int32 *)jx_struct_member(type, rect, "Width"),
               *(sal_Int32 *)jx_struct_member(type, rect, "Height"));
    jx_struct_free(type, rect);
}

static void panel_finalize(JxUnoObject *self)
{
    Panel *p = (Panel *)self;
    jx_state_unwatch(self);
    jx_release(&p->window);
    jx_release(&p->parent);
    jx_release(&p->frame);
    jx_release(&p->document);
    jx_release(&p->context);
    g_free(p->url);
    g_mutex_clear(&p->lock);
}

static const char *const panel_interfaces[] = {
    "com.sun.star.ui.XUIElement", "com.sun.star.ui.XToolPanel", "com.sun.star.ui.XSidebarPanel",
    "com.sun.star.lang.XComponent", "com.sun.star.awt.XContainerWindowEventHandler",
    "com.sun.star.awt.XWindowListener", "com.sun.star.lang.XTypeProvider", NULL,
};
static const JxUnoMethodEntry panel_methods[] = {
    { "com.sun.star.ui.XUIElement::getRealInterface", get_real_interface },
    { "com.sun.star.ui.XUIElement::Frame", get_frame },
    { "com.sun.star.ui.XUIElement::ResourceURL", get_resource_url },
    { "com.sun.star.ui.XUIElement::Type", get_type },
    { "com.sun.star.ui.XToolPanel::Window", get_window },
    { "com.sun.star.ui.XToolPanel::createAccessible", create_accessible },
    { "com.sun.star.ui.XSidebarPanel::getHeightForWidth", get_height_for_width },
    { "com.sun.star.ui.XSidebarPanel::getMinimalWidth", get_minimal_width },
    { "com.sun.star.lang.XComponent::dispose", dispose },
    { "com.sun.star.lang.XComponent::addEventListener", ignored },
    { "com.sun.star.lang.XComponent::removeEventListener", ignored },
    { "com.sun.star.awt.XContainerWindowEventHandler::callHandlerMethod", call_handler_method },
    { "com.sun.star.awt.XContainerWindowEventHandler::getSupportedMethodNames", get_supported_method_names },
    { "com.sun.star.awt.XWindowListener::windowResized", window_resized },
    { "com.sun.star.awt.XWindowListener::windowMoved", ignored },
    { "com.sun.star.awt.XWindowListener::windowShown", ignored },
    { "com.sun.star.awt.XWindowListener::windowHidden", ignored },
    { "com.sun.star.lang.XEventListener::disposing", ignored },
    { NULL, NULL },
};
static JxUnoClass panel_class = {
    .implementation_name = "org.jixiao.ReviewPanel",
    .interfaces = panel_interfaces,
    .methods = panel_methods,
    .finalize = panel_finalize,
};

/* --- the factory ------------------------------------------------------------------------ */

typedef struct {
    JxUnoObject base;
    uno_Interface *context;
} PanelFactory;

/* The value of argument `name` in a []PropertyValue, acquired, or NULL. */
static uno_Interface *interface_argument(uno_Sequence *args, const char *name)
{
    const char *type = "com.sun.star.beans.PropertyValue";
    typelib_TypeDescription *td = jx_type_description(type);
    for (sal_Int32 i = 0; td && i < args->nElements; i++) {
        void *pv = args->elements + (gsize)i * (gsize)td->nSize;
        g_autofree char *key = jx_struct_string(type, pv, "Name");
        if (strcmp(key, name) == 0)
            return jx_office_any_interface(jx_struct_member(type, pv, "Value"));
    }
    return NULL;
}

static void create_ui_element(JxUnoObject *self, JxUnoCall *call)
{
    PanelFactory *factory = (PanelFactory *)self;
    uno_Sequence *args = *(uno_Sequence **)call->args[1];
    uno_Interface *frame = interface_argument(args, "Frame");
    uno_Interface *parent = interface_argument(args, "ParentWindow");
    if (frame == NULL || parent == NULL) {
        jx_release(&frame);
        jx_release(&parent);
        jx_call_raise(call, "com.sun.star.lang.IllegalArgumentException",
                      "Jixiao's review panel needs a Frame and a ParentWindow");
        return;
    }
    Panel *p = jx_object_new(&panel_class, sizeof(Panel));
    g_mutex_init(&p->lock);
    p->context = factory->context;
    p->context->acquire(p->context);
    p->frame = frame;
    p->parent = parent;
    p->url = jx_call_arg_utf8(call, 0);
    p->lang = jx_ui_lang(p->context);
    uno_Interface *controller = jx_office_get(frame, "com.sun.star.frame.XFrame::getController", NULL);
    p->document = controller ? jx_office_get(controller, "com.sun.star.frame.XController::getModel", NULL) : NULL;
    jx_release(&controller);
    if (p->document != NULL)
        jx_state_watch(&p->base, p->document, refresh);
    *(uno_Interface **)call->result = &p->base.iface;   /* our reference goes to the caller */
}

static void factory_finalize(JxUnoObject *self)
{
    jx_release(&((PanelFactory *)self)->context);
}

static const char *const factory_services[] = { JX_REVIEW_PANEL_FACTORY_IMPLEMENTATION, NULL };
static const char *const factory_interfaces[] = {
    "com.sun.star.ui.XUIElementFactory", "com.sun.star.lang.XServiceInfo",
    "com.sun.star.lang.XTypeProvider", NULL,
};
static const JxUnoMethodEntry factory_methods[] = {
    { "com.sun.star.ui.XUIElementFactory::createUIElement", create_ui_element },
    { NULL, NULL },
};
static JxUnoClass factory_class = {
    .implementation_name = JX_REVIEW_PANEL_FACTORY_IMPLEMENTATION,
    .service_names = factory_services,
    .interfaces = factory_interfaces,
    .methods = factory_methods,
    .finalize = factory_finalize,
};

static JxUnoObject *factory_construct(uno_Interface *context, uno_Sequence *arguments, char **error_text)
{
    if (context == NULL) {
        *error_text = g_strdup("the review panel factory needs a component context");
        return NULL;
    }
    PanelFactory *f = jx_object_new(&factory_class, sizeof(PanelFactory));
    f->context = context;
    context->acquire(context);
    return &f->base;
}

const JxImplementation jx_review_panel_factory_implementation = { &factory_class, factory_construct };

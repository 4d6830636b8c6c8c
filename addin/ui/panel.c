/*
 * panel.c: the sidebar panel.
 *
 * Its window comes from registration/dialogs/panel.xdl through
 * ContainerWindowProvider; the dialog's buttons call back through
 * XContainerWindowEventHandler ("onValidate" …) and run the same commands
 * as the menu.  What it shows (summary and findings) lives in ui/state.c:
 * the office destroys a panel whenever the sidebar is hidden, and a new one
 * simply reads the document's state again.  Selecting a finding selects its
 * cells.
 */
#include "ui/panel.h"

#include <string.h>

#include "ui/commands.h"
#include "ui/lang.h"
#include "ui/navigate.h"
#include "ui/package.h"
#include "ui/state.h"
#include "uno/any.h"
#include "uno/call.h"
#include "uno/office.h"
#include "uno/sequence.h"
#include "uno/structs.h"
#include "uno/types.h"
#include "uno/ustring.h"

#define PANEL_DIALOG "dialogs/panel.xdl"
#define MARGIN 6
#define BUTTON_HEIGHT 26
#define MINIMAL_WIDTH 300
#define TAB_BAR_OVERLAP 28

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

/* The panel's strings: [zh, en]. */
static const struct { const char *control; const char *label[2]; } labels[] = {
    { "btnValidate", { "校验(~V)", "~Validate" } },
    { "btnCompute", { "计算(~C)", "~Compute" } },
    { "btnReport", { "生成报告(~R)", "Generate ~report" } },
    { "btnExport", { "导出报告(~E)…", "~Export report…" } },
    { "lblFindings", { "问题清单（单击定位到单元格）", "Findings (click to go to the cell)" } },
};

static const char *const severity_mark[] = { "✖", "⚠", "ℹ" };

/* --- controls -------------------------------------------------------------------- */

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

/* Lays the controls out for the panel's size: three buttons, the summary,
 * then the findings list filling the rest. */
static void layout(Panel *p, int width, int height)
{
    if (p->window != NULL) {
        sal_Int32 x = 0, y0 = 0, w = width, h = height;
        sal_Int16 flags = 15;
        void *args[] = { &x, &y0, &w, &h, &flags };
        jx_invoke(p->window, "com.sun.star.awt.XWindow::setPosSize", NULL, args, NULL);
    }
    /* the sidebar's tab bar overlaps the right edge of the panel window by
     * about its own width in LibreOffice 7.4: keep the controls clear of it */
    int inner = MAX(width - 2 * MARGIN - TAB_BAR_OVERLAP, 60), y = MARGIN;
    int half = (inner - MARGIN) / 2;
    place(p, "btnValidate", MARGIN, y, half, BUTTON_HEIGHT);
    place(p, "btnCompute", MARGIN + half + MARGIN, y, inner - half - MARGIN, BUTTON_HEIGHT);
    y += BUTTON_HEIGHT + MARGIN;
    place(p, "btnReport", MARGIN, y, half, BUTTON_HEIGHT);
    place(p, "btnExport", MARGIN + half + MARGIN, y, inner - half - MARGIN, BUTTON_HEIGHT);
    y += BUTTON_HEIGHT + MARGIN;
    place(p, "lblSummary", MARGIN, y, inner, 36);
    y += 36 + MARGIN;
    place(p, "lblFindings", MARGIN, y, inner, 18);
    y += 18;
    place(p, "lstFindings", MARGIN, y, inner, MAX(height - y - MARGIN, 80));
}

/* --- showing the state ------------------------------------------------------------ */

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
    else if (!state->validated)
        g_string_append(summary, lang == JX_LANG_ZH ? "尚未校验。单击“校验”检查本工作簿。"
                                                    : "Not validated yet. Click Validate.");
    if (state->validated)
        g_string_append_printf(summary, lang == JX_LANG_ZH ? "\n错误 %d · 警告 %d · 提示 %d"
                                                           : "\nErrors %d · warnings %d · notes %d",
                               state->errors, state->warnings, state->notes);
    set_label(p, "lblSummary", summary->str);
    g_string_free(summary, TRUE);

    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < state->findings->len; i++) {
        const JxShownFinding *s = g_ptr_array_index(state->findings, i);
        g_ptr_array_add(items, g_strdup_printf("%s %s %s", severity_mark[s->finding.severity],
                                               s->where, s->finding.text[lang]));
    }
    uno_Sequence *list = jx_seq_of_strings((const char *const *)items->pdata, items->len);
    uno_Any any;
    jx_any_construct_value(&any, &list, "[]string");
    set_model_property(p, "lstFindings", "StringItemList", &any);
    uno_any_destruct(&any, NULL);
    jx_seq_release(list, "[]string");
    if (state->current >= 0) {
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

/* --- the window ------------------------------------------------------------------- */

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

/* --- interfaces ------------------------------------------------------------------- */

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
    uno_Interface *accessible = p->window ? jx_query(p->window, "com.sun.star.accessibility.XAccessible") : NULL;
    *(uno_Interface **)call->result = accessible;
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

static void event_listener_ignored(JxUnoObject *self, JxUnoCall *call)
{
    /* the panel tells nobody of its disposal: its owner, the sidebar, disposes it */
}

/* The dialog's events. */
static void call_handler_method(JxUnoObject *self, JxUnoCall *call)
{
    Panel *p = (Panel *)self;
    g_autofree char *method = jx_call_arg_utf8(call, 2);
    gboolean handled = TRUE;
    jx_object_acquire(self);   /* the sidebar may dispose us while a command runs */
    if (strcmp(method, "onValidate") == 0)
        jx_command_run(p->context, p->frame, "Validate", NULL);
    else if (strcmp(method, "onCompute") == 0)
        jx_command_run(p->context, p->frame, "Compute", NULL);
    else if (strcmp(method, "onReport") == 0)
        jx_command_run(p->context, p->frame, "Report", NULL);
    else if (strcmp(method, "onExport") == 0)
        jx_command_run(p->context, p->frame, "ExportReport", NULL);
    else if (strcmp(method, "onFindingSelected") == 0 && !p->disposed)
        jx_navigate_to_finding(p->frame, p->document, selected_finding(p));
    else
        handled = FALSE;
    jx_object_release(self);
    jx_call_return_bool(call, handled);
}

static void get_supported_method_names(JxUnoObject *self, JxUnoCall *call)
{
    static const char *const names[] = { "onValidate", "onCompute", "onReport", "onExport", "onFindingSelected" };
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

static void window_event_ignored(JxUnoObject *self, JxUnoCall *call)
{
}

static void add_resize_listener(Panel *p)
{
    uno_Interface *listener = &p->base.iface;
    void *args[] = { &listener };
    jx_invoke(p->parent, "com.sun.star.awt.XWindow::addWindowListener", NULL, args, NULL);
    /* lay out once for the current size */
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
    { "com.sun.star.lang.XComponent::addEventListener", event_listener_ignored },
    { "com.sun.star.lang.XComponent::removeEventListener", event_listener_ignored },
    { "com.sun.star.awt.XContainerWindowEventHandler::callHandlerMethod", call_handler_method },
    { "com.sun.star.awt.XContainerWindowEventHandler::getSupportedMethodNames", get_supported_method_names },
    { "com.sun.star.awt.XWindowListener::windowResized", window_resized },
    { "com.sun.star.awt.XWindowListener::windowMoved", window_event_ignored },
    { "com.sun.star.awt.XWindowListener::windowShown", window_event_ignored },
    { "com.sun.star.awt.XWindowListener::windowHidden", window_event_ignored },
    { "com.sun.star.lang.XEventListener::disposing", window_event_ignored },
    { NULL, NULL },
};
static JxUnoClass panel_class = {
    .implementation_name = "org.jixiao.Panel",
    .interfaces = panel_interfaces,
    .methods = panel_methods,
    .finalize = panel_finalize,
};

/* --- the factory ------------------------------------------------------------------ */

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
                      "Jixiao's panel needs a Frame and a ParentWindow");
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

static const char *const factory_services[] = { JX_PANEL_FACTORY_IMPLEMENTATION, NULL };
static const char *const factory_interfaces[] = {
    "com.sun.star.ui.XUIElementFactory", "com.sun.star.lang.XServiceInfo",
    "com.sun.star.lang.XTypeProvider", NULL,
};
static const JxUnoMethodEntry factory_methods[] = {
    { "com.sun.star.ui.XUIElementFactory::createUIElement", create_ui_element },
    { NULL, NULL },
};
static JxUnoClass factory_class = {
    .implementation_name = JX_PANEL_FACTORY_IMPLEMENTATION,
    .service_names = factory_services,
    .interfaces = factory_interfaces,
    .methods = factory_methods,
    .finalize = factory_finalize,
};

static JxUnoObject *factory_construct(uno_Interface *context, uno_Sequence *arguments,
                                      char **error_text)
{
    if (context == NULL) {
        *error_text = g_strdup("the panel factory needs a component context");
        return NULL;
    }
    PanelFactory *f = jx_object_new(&factory_class, sizeof(PanelFactory));
    f->context = context;
    context->acquire(context);
    return &f->base;
}

const JxImplementation jx_panel_factory_implementation = { &factory_class, factory_construct };

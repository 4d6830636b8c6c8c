/*
 * panel.c: the sidebar panel.
 *
 * Its window comes from registration/dialogs/panel.xdl through
 * ContainerWindowProvider; the dialog's buttons call back through
 * XContainerWindowEventHandler ("onValidate" …) and run the same commands
 * as the menu.  What it shows (summary and findings) lives in ui/state.c:
 * the office destroys a panel whenever the sidebar is hidden, and a new one
 * simply reads the document's state again.
 *
 * Every text is shown whole: the summary, the selected finding's message
 * and its fix hint are multi-line labels as tall as their wrapped text
 * (measured by the label itself), the list takes the height that is left,
 * and the panel asks the sidebar for the height it needs.  Selecting a
 * finding selects its cells; each place it names is a button.
 */
#include "ui/panel.h"

#include <stdlib.h>
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
#define GAP 4
#define BUTTON_HEIGHT 26
#define HEADER_HEIGHT 18
#define MINIMAL_WIDTH 300
#define TAB_BAR_OVERLAP 28
#define LIST_MINIMUM 120       /* about six findings */
#define LIST_PREFERRED 260
#define PLACE_BUTTONS 4

/* com.sun.star.awt.PosSize.POSSIZE: setPosSize sets position and size */
#define POS_SIZE_ALL 15
/* com.sun.star.ui.UIElementType.TOOLPANEL */
#define UI_ELEMENT_TOOLPANEL 7

typedef struct {
    JxUnoObject base;
    uno_Interface *context;
    uno_Interface *frame;
    uno_Interface *parent;     /* the sidebar's window for us */
    uno_Interface *sidebar;    /* XSidebar, to ask for a new layout */
    uno_Interface *window;     /* our container window, once created */
    uno_Interface *document;
    char *url;
    JxLang lang;
    gboolean disposed;
    int width, height;         /* the parent window's size */
    int needed;                /* the height the texts need besides the list */
    char *items;               /* the list's items as last set, joined */
    GRecMutex lock;            /* a refresh may be asked for its height meanwhile */
} Panel;

/* The panel's fixed strings: [zh, en]. */
static const struct { const char *control; const char *label[2]; } labels[] = {
    { "btnValidate", { "校验(~V)", "~Validate" } },
    { "btnCompute", { "计算(~C)", "~Compute" } },
    { "btnReport", { "生成报告(~R)", "Generate ~report" } },
    { "btnExport", { "导出报告(~E)…", "~Export report…" } },
    { "btnOpenStandard", { "打开标准工作簿(~S)", "Open the ~standard workbook" } },
    { "lblFindings", { "问题清单（单击定位到单元格）", "Findings (click one to go to its cells)" } },
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

static void set_shown(Panel *p, const char *name, gboolean shown)
{
    uno_Interface *c = control(p, name);
    sal_Bool visible = shown != FALSE;
    void *args[] = { &visible };
    if (c)
        jx_invoke(c, "com.sun.star.awt.XWindow::setVisible", NULL, args, NULL);
    jx_release(&c);
}

static void place(Panel *p, const char *name, int x, int y, int width, int height)
{
    uno_Interface *c = control(p, name);
    if (c == NULL)
        return;
    sal_Int32 ax = x, ay = y, aw = MAX(width, 1), ah = MAX(height, 1);
    sal_Int16 flags = POS_SIZE_ALL;
    void *args[] = { &ax, &ay, &aw, &ah, &flags };
    jx_invoke(c, "com.sun.star.awt.XWindow::setPosSize", NULL, args, NULL);
    jx_release(&c);
}

/* The size a control asks for: its preferred size, or for a multi-line
 * label the height of its text wrapped at `width`. */
static void measure(Panel *p, const char *name, int width, int *out_width, int *out_height)
{
    const char *type = "com.sun.star.awt.Size";
    uno_Interface *c = control(p, name);
    uno_Interface *layout = c ? jx_query(c, "com.sun.star.awt.XLayoutConstrains") : NULL;
    void *wanted = jx_struct_new(type), *size = jx_struct_new(type);
    *out_width = width;
    *out_height = 0;
    if (layout && wanted && size) {
        *(sal_Int32 *)jx_struct_member(type, wanted, "Width") = width;
        void *args[] = { wanted };
        gboolean ok = width > 0
            ? jx_invoke(layout, "com.sun.star.awt.XLayoutConstrains::calcAdjustedSize", size, args, NULL)
            : jx_invoke(layout, "com.sun.star.awt.XLayoutConstrains::getPreferredSize", size, NULL, NULL);
        if (ok) {
            *out_width = *(sal_Int32 *)jx_struct_member(type, size, "Width");
            *out_height = *(sal_Int32 *)jx_struct_member(type, size, "Height");
        }
    }
    jx_struct_free(type, wanted);
    jx_struct_free(type, size);
    jx_release(&layout);
    jx_release(&c);
}

static int text_height(Panel *p, const char *name, int width)
{
    int w, h;
    measure(p, name, width, &w, &h);
    return h;
}

/* The height of the list showing `lines` findings. */
static int list_height(Panel *p, int lines)
{
    const char *type = "com.sun.star.awt.Size";
    uno_Interface *c = control(p, "lstFindings");
    uno_Interface *layout = c ? jx_query(c, "com.sun.star.awt.XTextLayoutConstrains") : NULL;
    void *size = jx_struct_new(type);
    sal_Int16 columns = 20, rows = (sal_Int16)MIN(lines, 200);
    void *args[] = { &columns, &rows };
    int height = lines * 18;
    if (layout && size && jx_invoke(layout, "com.sun.star.awt.XTextLayoutConstrains::getMinimumSize", size, args, NULL))
        height = *(sal_Int32 *)jx_struct_member(type, size, "Height") + 20;   /* and a horizontal scroll bar */
    jx_struct_free(type, size);
    jx_release(&layout);
    jx_release(&c);
    return height;
}

/* The place buttons that show, laid out in rows from y; returns the y below
 * them (y itself if there are none).  `apply` FALSE only measures. */
static int lay_out_places(Panel *p, int y, int inner, gboolean apply)
{
    g_autoptr(JxDocumentState) state = p->document ? jx_state_get(p->document) : NULL;
    const JxShownFinding *s = state && state->current >= 0 && (guint)state->current < state->findings->len
                                  ? g_ptr_array_index(state->findings, (guint)state->current) : NULL;
    guint n = s ? MIN(s->places->len, PLACE_BUTTONS) : 0;
    int x = MARGIN, bottom = y;
    for (guint i = 0; i < n; i++) {
        char name[16];
        g_snprintf(name, sizeof name, "btnPlace%u", i);
        int w, h;
        measure(p, name, 0, &w, &h);
        w = MIN(MAX(w + 12, 60), inner);
        if (x > MARGIN && x + w > MARGIN + inner) {
            x = MARGIN;
            y += BUTTON_HEIGHT + GAP;
        }
        if (apply)
            place(p, name, x, y, w, BUTTON_HEIGHT);
        x += w + GAP;
        bottom = y + BUTTON_HEIGHT + GAP;
    }
    return bottom;
}

/* Lays the controls out for the panel's size: the buttons, the summary,
 * the list taking what is left, then the selected finding's details.
 * Returns the height needed besides the list. */
static int layout(Panel *p, int width, int height, gboolean apply)
{
    if (apply && p->window != NULL) {
        sal_Int32 x = 0, y0 = 0, w = width, h = height;
        sal_Int16 flags = POS_SIZE_ALL;
        void *args[] = { &x, &y0, &w, &h, &flags };
        jx_invoke(p->window, "com.sun.star.awt.XWindow::setPosSize", NULL, args, NULL);
    }
    g_autoptr(JxDocumentState) state = p->document ? jx_state_get(p->document) : NULL;
    /* the sidebar's tab bar overlaps the right edge of the panel window by
     * about its own width in LibreOffice 7.4: keep the controls clear of it */
    int inner = MAX(width - 2 * MARGIN - TAB_BAR_OVERLAP, 60);
    int half = (inner - GAP) / 2;
    int summary = text_height(p, "lblSummary", inner);
    int detail = text_height(p, "lblDetail", inner);
    int hint = text_height(p, "lblHint", inner);
    gboolean standard = state && state->not_a_workbook;
    /* everything but the list, from the top */
    int places_height = lay_out_places(p, 0, inner, FALSE);
    int fixed = MARGIN + 2 * (BUTTON_HEIGHT + GAP) + summary + GAP +
                (standard ? BUTTON_HEIGHT + GAP : 0) + HEADER_HEIGHT + GAP + detail + GAP +
                places_height + hint + MARGIN;
    if (!apply)
        return fixed;
    /* the list is as tall as its findings (within what is left), so that
     * the details follow right under it */
    int list = MAX(MIN(height - fixed, list_height(p, state ? (int)state->findings->len + 1 : 1)), LIST_MINIMUM);
    int y = MARGIN;
    place(p, "btnValidate", MARGIN, y, half, BUTTON_HEIGHT);
    place(p, "btnCompute", MARGIN + half + GAP, y, inner - half - GAP, BUTTON_HEIGHT);
    y += BUTTON_HEIGHT + GAP;
    place(p, "btnReport", MARGIN, y, half, BUTTON_HEIGHT);
    place(p, "btnExport", MARGIN + half + GAP, y, inner - half - GAP, BUTTON_HEIGHT);
    y += BUTTON_HEIGHT + GAP;
    place(p, "lblSummary", MARGIN, y, inner, summary);
    y += summary + GAP;
    set_shown(p, "btnOpenStandard", standard);
    if (standard) {
        place(p, "btnOpenStandard", MARGIN, y, inner, BUTTON_HEIGHT);
        y += BUTTON_HEIGHT + GAP;
    }
    /* a spreadsheet that is not the workbook has no findings to list */
    set_shown(p, "lblFindings", !standard);
    set_shown(p, "lstFindings", !standard);
    if (!standard) {
        place(p, "lblFindings", MARGIN, y, inner, HEADER_HEIGHT);
        y += HEADER_HEIGHT;
        place(p, "lstFindings", MARGIN, y, inner, list);
        y += list + GAP;
    }
    place(p, "lblDetail", MARGIN, y, inner, detail);
    y += detail + GAP;
    y = lay_out_places(p, y, inner, TRUE);
    place(p, "lblHint", MARGIN, y, inner, hint);
    return fixed;
}

/* Lays out again for the current size, and asks the sidebar for another
 * height when the texts' needs changed. */
static void relayout(Panel *p)
{
    int fixed = layout(p, p->width, p->height, TRUE);
    gboolean changed = fixed != p->needed;
    p->needed = fixed;
    if (changed && p->sidebar != NULL)
        jx_invoke(p->sidebar, "com.sun.star.ui.XSidebar::requestLayout", NULL, NULL, NULL);
}

/* --- showing the state ------------------------------------------------------------ */

/* "错误 9 · 警告 1 · 提示 1" / "9 errors · 1 warning · 1 note" */
static char *counts_text(const JxDocumentState *state, JxLang lang)
{
    if (lang == JX_LANG_ZH)
        return g_strdup_printf("错误 %d · 警告 %d · 提示 %d", state->errors, state->warnings, state->notes);
    return g_strdup_printf("%d %s · %d %s · %d %s", state->errors, state->errors == 1 ? "error" : "errors",
                           state->warnings, state->warnings == 1 ? "warning" : "warnings",
                           state->notes, state->notes == 1 ? "note" : "notes");
}

static char *summary_text(const JxDocumentState *state, JxLang lang)
{
    GString *summary = g_string_new(NULL);
    if (state->message[lang] != NULL)
        g_string_append(summary, state->message[lang]);
    else if (!state->validated)
        g_string_append(summary, lang == JX_LANG_ZH ? "尚未校验。单击“校验”检查本工作簿。"
                                                    : "Not validated yet. Click Validate.");
    if (state->validated) {
        g_autofree char *counts = counts_text(state, lang);
        g_string_append_printf(summary, "%s%s", summary->len ? "\n" : "", counts);
    }
    return g_string_free(summary, FALSE);
}

/* The selected finding in full: severity, code and message; its places
 * (buttons) and what to do about it. */
static void show_detail(Panel *p, const JxDocumentState *state)
{
    JxLang lang = p->lang;
    const JxShownFinding *s = state->current >= 0 && (guint)state->current < state->findings->len
                                  ? g_ptr_array_index(state->findings, (guint)state->current) : NULL;
    if (s == NULL) {
        set_label(p, "lblDetail", state->findings->len == 0 ? ""
                  : lang == JX_LANG_ZH ? "单击一个问题，这里显示它的全文、位置和改法。"
                                       : "Click a finding to see it in full, its cells and what to do.");
        set_label(p, "lblHint", "");
        for (int i = 0; i < PLACE_BUTTONS; i++) {
            char name[16];
            g_snprintf(name, sizeof name, "btnPlace%d", i);
            set_shown(p, name, FALSE);
        }
        return;
    }
    g_autofree char *detail = g_strdup_printf("%s %s · %s · %d/%u\n%s", severity_mark[s->finding.severity],
                                              jx_severity_name(s->finding.severity, lang), s->finding.kind->code,
                                              state->current + 1, state->findings->len, s->finding.text[lang]);
    set_label(p, "lblDetail", detail);
    for (guint i = 0; i < PLACE_BUTTONS; i++) {
        char name[16];
        g_snprintf(name, sizeof name, "btnPlace%u", i);
        gboolean shown = i < s->places->len;
        if (shown) {
            g_autofree char *label = g_strdup_printf("~%u %s", i + 1,
                                                     (const char *)g_ptr_array_index(s->place_names, i));
            set_label(p, name, label);
        }
        set_shown(p, name, shown);
    }
    const char *hint = s->finding.kind->fix[lang];
    g_autofree char *hint_text = hint ? g_strdup_printf(lang == JX_LANG_ZH ? "怎么改：%s" : "What to do: %s", hint)
                                      : g_strdup("");
    set_label(p, "lblHint", hint_text);
}

static void show_list(Panel *p, const JxDocumentState *state)
{
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < state->findings->len; i++) {
        const JxShownFinding *s = g_ptr_array_index(state->findings, i);
        g_ptr_array_add(items, g_strdup_printf("%s %s %s", severity_mark[s->finding.severity],
                                               s->where, s->finding.text[p->lang]));
    }
    g_ptr_array_add(items, NULL);
    g_autofree char *joined = g_strjoinv("\n", (char **)items->pdata);
    g_ptr_array_remove_index(items, items->len - 1);
    if (p->items == NULL || strcmp(p->items, joined) != 0) {   /* a new list resets its scrolling */
        uno_Sequence *list = jx_seq_of_strings((const char *const *)items->pdata, items->len);
        uno_Any any;
        jx_any_construct_value(&any, &list, "[]string");
        set_model_property(p, "lstFindings", "StringItemList", &any);
        uno_any_destruct(&any, NULL);
        jx_seq_release(list, "[]string");
        g_free(p->items);
        p->items = g_steal_pointer(&joined);
    }
    uno_Interface *box = control(p, "lstFindings");
    sal_Int16 position = (sal_Int16)(state->current >= 0 ? state->current : -1);
    sal_Bool select = position >= 0;
    if (position < 0) {   /* deselect what is selected */
        sal_Int16 selected = -1;
        if (box)
            jx_invoke(box, "com.sun.star.awt.XListBox::getSelectedItemPos", &selected, NULL, NULL);
        position = selected;
    }
    void *args[] = { &position, &select };
    if (box && position >= 0)
        jx_invoke(box, "com.sun.star.awt.XListBox::selectItemPos", NULL, args, NULL);
    if (box && state->current >= 0) {   /* and keep it in view */
        sal_Int16 top = (sal_Int16)MAX(state->current - 2, 0);
        void *top_args[] = { &top };
        jx_invoke(box, "com.sun.star.awt.XListBox::makeVisible", NULL, top_args, NULL);
    }
    jx_release(&box);
}

static void refresh(JxUnoObject *object)
{
    Panel *p = (Panel *)object;
    g_rec_mutex_lock(&p->lock);
    if (p->disposed || p->window == NULL || p->document == NULL) {
        g_rec_mutex_unlock(&p->lock);
        return;
    }
    g_autoptr(JxDocumentState) state = jx_state_get(p->document);
    g_autofree char *summary = summary_text(state, p->lang);
    set_label(p, "lblSummary", summary);
    show_list(p, state);
    show_detail(p, state);
    relayout(p);
    g_rec_mutex_unlock(&p->lock);
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
    *(sal_Int16 *)call->result = UI_ELEMENT_TOOLPANEL;
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
    Panel *p = (Panel *)self;
    sal_Int32 width = *(sal_Int32 *)call->args[0];
    g_rec_mutex_lock(&p->lock);
    int fixed = p->window && !p->disposed ? layout(p, width, 0, FALSE) : 300;
    g_rec_mutex_unlock(&p->lock);
    const char *type = "com.sun.star.ui.LayoutSize";
    void *size = call->result;
    uno_constructData(size, jx_type_description(type));
    *(sal_Int32 *)jx_struct_member(type, size, "Minimum") = fixed + LIST_MINIMUM;
    *(sal_Int32 *)jx_struct_member(type, size, "Maximum") = -1;
    *(sal_Int32 *)jx_struct_member(type, size, "Preferred") = fixed + LIST_PREFERRED;
}

static void get_minimal_width(JxUnoObject *self, JxUnoCall *call)
{
    *(sal_Int32 *)call->result = MINIMAL_WIDTH;
}

static void dispose(JxUnoObject *self, JxUnoCall *call)
{
    Panel *p = (Panel *)self;
    jx_state_unwatch(self);
    g_rec_mutex_lock(&p->lock);
    gboolean first = !p->disposed;
    p->disposed = TRUE;
    uno_Interface *window = p->window, *sidebar = p->sidebar;
    p->window = p->sidebar = NULL;
    g_rec_mutex_unlock(&p->lock);
    jx_release(&sidebar);
    if (first && window != NULL)
        jx_invoke(window, "com.sun.star.lang.XComponent::dispose", NULL, NULL, NULL);
    jx_release(&window);
}

static void event_listener_ignored(JxUnoObject *self, JxUnoCall *call)
{
    /* the panel tells nobody of its disposal: its owner, the sidebar, disposes it */
}

/* Place i of the selected finding: select its cells. */
static void go_to_place(Panel *p, int i)
{
    g_autoptr(JxDocumentState) state = jx_state_get(p->document);
    if (state->current < 0 || (guint)state->current >= state->findings->len)
        return;
    const JxShownFinding *s = g_ptr_array_index(state->findings, (guint)state->current);
    if (i >= 0 && (guint)i < s->places->len)
        jx_navigate_to_place(p->frame, p->document, &g_array_index(s->places, JxPlace, (guint)i));
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
    else if (strcmp(method, "onOpenStandard") == 0)
        jx_command_run(p->context, p->frame, "OpenStandardWorkbook", NULL);
    else if (strcmp(method, "onFindingSelected") == 0 && !p->disposed) {
        int index = selected_finding(p);
        if (jx_navigate_to_finding(p->frame, p->document, index))
            jx_navigate_tell(p->context, p->frame, p->document, index, p->lang);
    } else if (g_str_has_prefix(method, "onPlace") && !p->disposed)
        go_to_place(p, atoi(method + strlen("onPlace")));
    else
        handled = FALSE;
    jx_object_release(self);
    jx_call_return_bool(call, handled);
}

static void get_supported_method_names(JxUnoObject *self, JxUnoCall *call)
{
    static const char *const names[] = {
        "onValidate", "onCompute", "onReport", "onExport", "onOpenStandard", "onFindingSelected",
        "onPlace0", "onPlace1", "onPlace2", "onPlace3",
    };
    jx_call_return_sequence(call, jx_seq_of_strings(names, G_N_ELEMENTS(names)));
}

static void window_resized(JxUnoObject *self, JxUnoCall *call)
{
    const char *type = "com.sun.star.awt.WindowEvent";
    sal_Int32 *width = jx_struct_member(type, call->args[0], "Width");
    sal_Int32 *height = jx_struct_member(type, call->args[0], "Height");
    Panel *p = (Panel *)self;
    if (width == NULL || height == NULL)
        return;
    g_rec_mutex_lock(&p->lock);
    p->width = *width;
    p->height = *height;
    if (!p->disposed)
        layout(p, p->width, p->height, TRUE);
    g_rec_mutex_unlock(&p->lock);
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
    if (rect && jx_invoke(p->parent, "com.sun.star.awt.XWindow::getPosSize", rect, NULL, NULL)) {
        p->width = *(sal_Int32 *)jx_struct_member(type, rect, "Width");
        p->height = *(sal_Int32 *)jx_struct_member(type, rect, "Height");
    }
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
    jx_release(&p->sidebar);
    jx_release(&p->context);
    g_free(p->url);
    g_free(p->items);
    g_rec_mutex_clear(&p->lock);
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
    g_rec_mutex_init(&p->lock);
    p->context = factory->context;
    p->context->acquire(p->context);
    p->frame = frame;
    p->parent = parent;
    p->sidebar = interface_argument(args, "Sidebar");
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

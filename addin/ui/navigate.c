/*
 * navigate.c: selecting a finding's cell range in the document's view;
 * Calc switches to the range's sheet and scrolls it into view.  The status
 * bar says which finding the cursor stands on: a status indicator (the
 * office's one door to the status bar's text) shown for a few seconds.
 */
#include "ui/navigate.h"

#include "ui/live.h"
#include "ui/state.h"
#include "uno/any.h"
#include "uno/call.h"
#include "uno/office.h"
#include "uno/ustring.h"

#define STATUS_SECONDS 8

static const char *const severity_mark[] = { "✖", "⚠", "ℹ" };

gboolean jx_navigate_to_place(uno_Interface *frame, uno_Interface *document, const JxPlace *place)
{
    if (place->sheet < 0)
        return FALSE;
    uno_Interface *sheets = jx_office_get(document, "com.sun.star.sheet.XSpreadsheetDocument::getSheets", NULL);
    uno_Interface *sheet = NULL, *range = NULL, *controller = NULL;
    uno_Any item;
    sal_Int32 sheet_index = place->sheet;
    void *index_args[] = { &sheet_index };
    if (sheets && jx_invoke(sheets, "com.sun.star.container.XIndexAccess::getByIndex", &item, index_args, NULL)) {
        sheet = jx_office_any_interface(&item);
        uno_any_destruct(&item, NULL);
    }
    sal_Int32 left = place->col, top = place->row, right = place->col2, bottom = place->row2;
    void *range_args[] = { &left, &top, &right, &bottom };
    if (sheet)
        jx_invoke(sheet, "com.sun.star.table.XCellRange::getCellRangeByPosition", &range, range_args, NULL);
    controller = jx_office_get(frame, "com.sun.star.frame.XFrame::getController", NULL);
    sal_Bool done = 0;
    if (range && controller) {
        uno_Any selection;
        jx_any_construct_interface(&selection, range, "com.sun.star.table.XCellRange");
        void *args[] = { &selection };
        jx_invoke(controller, "com.sun.star.view.XSelectionSupplier::select", &done, args, NULL);
        uno_any_destruct(&selection, NULL);
    }
    jx_release(&controller);
    jx_release(&range);
    jx_release(&sheet);
    jx_release(&sheets);
    return done;
}

gboolean jx_navigate_to_finding(uno_Interface *frame, uno_Interface *document, int index)
{
    g_autoptr(JxDocumentState) state = jx_state_get(document);
    if (index < 0 || (guint)index >= state->findings->len)
        return FALSE;
    const JxFinding *f = &((JxShownFinding *)g_ptr_array_index(state->findings, (guint)index))->finding;
    /* the cells first: the panel's refresh then finds the view where it goes */
    JxPlace own = { f->sheet, f->row, f->col, f->row2, f->col2 };
    gboolean done = jx_navigate_to_place(frame, document, &own);
    jx_state_set_current(document, index);
    return done;
}

/* --- the status bar ----------------------------------------------------------------- */

static GMutex status_lock;
static uno_Interface *status_shown;   /* the indicator showing a message, acquired */
static guint status_generation;

static void status_end(gpointer data)
{
    g_mutex_lock(&status_lock);
    uno_Interface *indicator = GPOINTER_TO_UINT(data) == status_generation ? status_shown : NULL;
    if (indicator != NULL)
        status_shown = NULL;
    g_mutex_unlock(&status_lock);
    if (indicator != NULL)
        jx_invoke(indicator, "com.sun.star.task.XStatusIndicator::end", NULL, NULL, NULL);
    jx_release(&indicator);
}

gboolean jx_navigate_tell(uno_Interface *context, uno_Interface *frame, uno_Interface *document,
                          int index, JxLang lang)
{
    g_autoptr(JxDocumentState) state = jx_state_get(document);
    if (index < 0 || (guint)index >= state->findings->len)
        return TRUE;
    const JxShownFinding *s = g_ptr_array_index(state->findings, (guint)index);
    g_autofree char *text = g_strdup_printf("%s %d/%u  %s  %s", severity_mark[s->finding.severity], index + 1,
                                            state->findings->len, s->where, s->finding.text[lang]);
    status_end(GUINT_TO_POINTER(status_generation));   /* the previous message goes */
    uno_Interface *indicator = jx_office_get(frame,
        "com.sun.star.task.XStatusIndicatorFactory::createStatusIndicator", NULL);
    if (indicator == NULL)
        return TRUE;
    rtl_uString *utext = jx_ustr_new(text);
    sal_Int32 range = 0;
    void *args[] = { &utext, &range };
    jx_invoke(indicator, "com.sun.star.task.XStatusIndicator::start", NULL, args, NULL);
    rtl_uString_release(utext);
    g_mutex_lock(&status_lock);
    status_shown = indicator;
    guint generation = ++status_generation;
    g_mutex_unlock(&status_lock);
    jx_later(context, STATUS_SECONDS * 1000, status_end, GUINT_TO_POINTER(generation), NULL);
    return TRUE;
}

/*
 * navigate.c: selecting a finding's cell range in the document's view;
 * Calc switches to the range's sheet and scrolls it into view.
 */
#include "ui/navigate.h"

#include "ui/state.h"
#include "uno/any.h"
#include "uno/call.h"
#include "uno/office.h"

gboolean jx_navigate_to_finding(uno_Interface *frame, uno_Interface *document, int index)
{
    g_autoptr(JxDocumentState) state = jx_state_get(document);
    if (index < 0 || (guint)index >= state->findings->len)
        return FALSE;
    const JxFinding *f = &((JxShownFinding *)g_ptr_array_index(state->findings, (guint)index))->finding;
    jx_state_set_current(document, index);
    if (f->sheet < 0)
        return FALSE;
    uno_Interface *sheets = jx_office_get(document, "com.sun.star.sheet.XSpreadsheetDocument::getSheets", NULL);
    uno_Interface *sheet = NULL, *range = NULL, *controller = NULL;
    uno_Any item;
    sal_Int32 sheet_index = f->sheet;
    void *index_args[] = { &sheet_index };
    if (sheets && jx_invoke(sheets, "com.sun.star.container.XIndexAccess::getByIndex", &item, index_args, NULL)) {
        sheet = jx_office_any_interface(&item);
        uno_any_destruct(&item, NULL);
    }
    sal_Int32 left = f->col, top = f->row, right = f->col2, bottom = f->row2;
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

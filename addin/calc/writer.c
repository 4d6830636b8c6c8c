/*
 * writer.c: the only code that writes into a user's workbook.
 *
 * Cells are written one by one.  The bulk setters (setFormulaArray,
 * setDataArray) would be fewer calls, but in LibreOffice 7.4 their undo
 * does not restore cells that were empty before, and Compute must be undone
 * exactly by one Ctrl+Z (tests/integration/test_compute.py checks it).
 * A Compute writes tens to hundreds of cells, so this costs milliseconds.
 * Cells that already hold what Compute would write are not written again:
 * a Compute that changes nothing leaves the document unmodified and adds
 * no undo step.
 */
#include "calc/writer.h"

#include <string.h>

#include "core/error.h"
#include "uno/any.h"
#include "uno/call.h"
#include "uno/office.h"
#include "uno/sequence.h"
#include "uno/types.h"
#include "uno/ustring.h"

/* com.sun.star.beans.PropertyAttribute.REMOVABLE */
#define PROPERTY_ATTRIBUTE_REMOVABLE 128

static uno_Interface *sheet_at(uno_Interface *document, int index, GError **error)
{
    uno_Interface *sheets = jx_office_get(document,
        "com.sun.star.sheet.XSpreadsheetDocument::getSheets", error);
    if (sheets == NULL)
        return NULL;
    sal_Int32 i = index;
    uno_Any item;
    void *args[] = { &i };
    uno_Interface *sheet = NULL;
    if (jx_invoke(sheets, "com.sun.star.container.XIndexAccess::getByIndex", &item, args, error)) {
        sheet = jx_office_any_interface(&item);
        uno_any_destruct(&item, NULL);
    }
    jx_release(&sheets);
    return sheet;
}

static gboolean set_protected(uno_Interface *sheet, gboolean protect, GError **error)
{
    rtl_uString *password = jx_ustr_new("");
    void *args[] = { &password };
    gboolean ok = jx_invoke(sheet, protect ? "com.sun.star.util.XProtectable::protect"
                                           : "com.sun.star.util.XProtectable::unprotect",
                            NULL, args, error);
    rtl_uString_release(password);
    return ok;
}

static gboolean is_protected(uno_Interface *sheet)
{
    sal_Bool result = 0;
    return jx_invoke(sheet, "com.sun.star.util.XProtectable::isProtected", &result, NULL, NULL) && result;
}

/* A text the office would not read as a number or formula. */
static gboolean plain_text(const char *text)
{
    char *end;
    if (text[0] == '=' || text[0] == '\'' || text[0] == '\0')
        return FALSE;
    g_ascii_strtod(text, &end);
    return end == text || *end != '\0';
}

static uno_Interface *cell_at(uno_Interface *sheet, const JxCellWrite *w, GError **error)
{
    sal_Int32 col = w->col, row = w->row;
    void *args[] = { &col, &row };
    uno_Interface *cell = NULL;
    jx_invoke(sheet, "com.sun.star.table.XCellRange::getCellByPosition", &cell, args, error);
    return cell;
}

/* A write goes through XTextRange::setString when its text would otherwise
 * read as a number or formula, else through XCell::setFormula (numbers,
 * formulas, clearing; the API reads numbers in the C locale). */
static gboolean writes_as_text(const JxCellWrite *w)
{
    return w->is_text && !plain_text(w->content) && w->content[0] != '\0';
}

/* TRUE if the cell already holds what w would write, read back the way it
 * would be written: rewriting it would change nothing but the document's
 * modified flag. */
static gboolean already_holds(uno_Interface *cell, const JxCellWrite *w)
{
    rtl_uString *current = NULL;
    if (!jx_invoke(cell, writes_as_text(w) ? "com.sun.star.text.XTextRange::getString"
                                           : "com.sun.star.table.XCell::getFormula",
                   &current, NULL, NULL))
        return FALSE;
    g_autofree char *text = jx_ustr_to_utf8(current);
    rtl_uString_release(current);
    return g_strcmp0(text, w->content) == 0;
}

static gboolean write_cell(uno_Interface *cell, const JxCellWrite *w, GError **error)
{
    rtl_uString *content = jx_ustr_new(w->content);
    void *content_args[] = { &content };
    gboolean ok = jx_invoke(cell, writes_as_text(w) ? "com.sun.star.text.XTextRange::setString"
                                                    : "com.sun.star.table.XCell::setFormula",
                            NULL, content_args, error);
    rtl_uString_release(content);
    return ok;
}

/* A cell to write: the plan's write and the cell it goes to (acquired). */
typedef struct {
    const JxCellWrite *write;
    uno_Interface *cell;
    uno_Interface *sheet;     /* acquired */
} Change;

static void change_clear(gpointer data)
{
    Change *c = data;
    jx_release(&c->cell);
    jx_release(&c->sheet);
}

/* The writes of the plan that would change a cell, in the plan's order. */
static GArray *changes_of(uno_Interface *document, const JxComputePlan *plan, GError **error)
{
    GArray *changes = g_array_new(FALSE, TRUE, sizeof(Change));
    g_array_set_clear_func(changes, change_clear);
    const JxCellWrite *writes = (const JxCellWrite *)plan->writes->data;
    uno_Interface *sheet = NULL;
    int sheet_index = -1;
    for (guint i = 0; i < plan->writes->len; i++) {
        if (writes[i].sheet != sheet_index) {
            jx_release(&sheet);
            sheet_index = writes[i].sheet;
            sheet = sheet_at(document, sheet_index, error);
        }
        uno_Interface *cell = sheet ? cell_at(sheet, &writes[i], error) : NULL;
        if (cell == NULL) {
            jx_release(&sheet);
            g_array_free(changes, TRUE);
            return NULL;
        }
        if (already_holds(cell, &writes[i])) {
            jx_release(&cell);
            continue;
        }
        sheet->acquire(sheet);
        Change c = { &writes[i], cell, sheet };
        g_array_append_val(changes, c);
    }
    jx_release(&sheet);
    return changes;
}

/* Writes changes[start, end), all on one sheet, lifting its protection
 * (without password) for the time of the writes. */
static gboolean write_sheet(const Change *changes, guint n, GError **error)
{
    uno_Interface *sheet = changes[0].sheet;
    gboolean was_protected = is_protected(sheet);
    gboolean ok = !was_protected || set_protected(sheet, FALSE, error);
    for (guint i = 0; ok && i < n; i++)
        ok = write_cell(changes[i].cell, changes[i].write, error);
    if (was_protected)
        set_protected(sheet, TRUE, ok ? error : NULL);
    return ok;
}

/* --- the record ---------------------------------------------------------------- */

static uno_Interface *user_properties(uno_Interface *document)
{
    uno_Interface *properties = jx_office_get(document,
        "com.sun.star.document.XDocumentPropertiesSupplier::getDocumentProperties", NULL);
    uno_Interface *user = properties ? jx_office_get(properties,
        "com.sun.star.document.XDocumentProperties::getUserDefinedProperties", NULL) : NULL;
    jx_release(&properties);
    return user;
}

GHashTable *jx_calc_read_record(uno_Interface *document)
{
    uno_Interface *user = user_properties(document);
    g_autofree char *json = NULL;
    uno_Any value;
    if (user != NULL && jx_office_get_property(user, JX_RECORD_PROPERTY, &value, NULL)) {
        json = jx_any_get_utf8(&value);
        uno_any_destruct(&value, NULL);
    }
    jx_release(&user);
    return jx_compute_record_from_json(json);
}

static void store_record(uno_Interface *document, GHashTable *record)
{
    uno_Interface *user = user_properties(document);
    if (user == NULL)
        return;
    g_autofree char *json = jx_compute_record_to_json(record);
    uno_Any value;
    jx_any_construct_string(&value, json);
    if (!jx_office_set_property(user, JX_RECORD_PROPERTY, &value, NULL)) {
        rtl_uString *name = jx_ustr_new(JX_RECORD_PROPERTY);
        sal_Int16 removable = PROPERTY_ATTRIBUTE_REMOVABLE;
        void *args[] = { &name, &removable, &value };
        jx_invoke(user, "com.sun.star.beans.XPropertyContainer::addProperty", NULL, args, NULL);
        rtl_uString_release(name);
    }
    uno_any_destruct(&value, NULL);
    jx_release(&user);
}

/* --- applying ------------------------------------------------------------------ */

gboolean jx_calc_apply(uno_Interface *document, const JxComputePlan *plan,
                       const char *undo_title, int *cells_changed, GError **error)
{
    if (cells_changed)
        *cells_changed = 0;
    GError *uno_error = NULL;
    g_autoptr(GArray) changes = changes_of(document, plan, &uno_error);
    if (changes == NULL) {
        jx_set_error(error, JX_ERROR_WORKBOOK, "无法读取要写入的单元格：%s", "cannot read the cells to write: %s",
                     uno_error ? uno_error->message : "");
        g_clear_error(&uno_error);
        return FALSE;
    }
    /* nothing to change: the document stays unmodified, and the record of
     * the Compute that wrote these cells stays as it is */
    if (changes->len == 0)
        return TRUE;
    uno_Interface *undo = jx_office_get(document,
        "com.sun.star.document.XUndoManagerSupplier::getUndoManager", &uno_error);
    if (undo == NULL) {
        jx_set_error(error, JX_ERROR_WORKBOOK, "文档不支持撤销：%s", "the document has no undo manager: %s",
                     uno_error->message);
        g_error_free(uno_error);
        return FALSE;
    }
    rtl_uString *title = jx_ustr_new(undo_title);
    void *title_args[] = { &title };
    gboolean ok = jx_invoke(undo, "com.sun.star.document.XUndoManager::enterUndoContext",
                            NULL, title_args, &uno_error);
    rtl_uString_release(title);
    gboolean entered = ok;
    const Change *all = (const Change *)changes->data;
    for (guint start = 0; ok && start < changes->len;) {
        guint end = start + 1;
        while (end < changes->len && all[end].write->sheet == all[start].write->sheet)
            end++;
        ok = write_sheet(all + start, end - start, &uno_error);
        start = end;
    }
    if (entered)
        jx_invoke(undo, "com.sun.star.document.XUndoManager::leaveUndoContext", NULL, NULL,
                  ok ? &uno_error : NULL);
    if (!ok && entered)   /* all or nothing: take back what was written */
        jx_invoke(undo, "com.sun.star.document.XUndoManager::undo", NULL, NULL, NULL);
    jx_release(&undo);
    if (!ok) {
        jx_set_error(error, JX_ERROR_WORKBOOK, "写入工作簿失败，已撤销：%s",
                     "writing the workbook failed and was undone: %s",
                     uno_error ? uno_error->message : "");
        g_clear_error(&uno_error);
        return FALSE;
    }
    store_record(document, plan->record);
    if (cells_changed)
        *cells_changed = (int)changes->len;
    return TRUE;
}

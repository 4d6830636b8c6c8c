/*
 * refresh.c: bookmarks, comments and the bindings' property of a report in
 * Writer.  A figure is reached by its bookmark (XBookmarksSupplier); its
 * text is replaced through the bookmark's own anchor, which keeps the
 * bookmark around the new text.
 */
#include "writer/refresh.h"

#include <string.h>

#include "core/error.h"
#include "core/odf.h"
#include "uno/any.h"
#include "uno/call.h"
#include "uno/office.h"
#include "uno/ustring.h"

/* com.sun.star.beans.PropertyAttribute.REMOVABLE */
#define PROPERTY_REMOVABLE 128

/* --- small calls ---------------------------------------------------------------- */

static char *string_of(uno_Interface *range)
{
    rtl_uString *text = NULL;
    if (range == NULL || !jx_invoke(range, "com.sun.star.text.XTextRange::getString", &text, NULL, NULL))
        return NULL;
    char *utf8 = jx_ustr_to_utf8(text);
    rtl_uString_release(text);
    return utf8;
}

static gboolean set_string(uno_Interface *range, const char *text)
{
    rtl_uString *u = jx_ustr_new(text);
    void *args[] = { &u };
    gboolean ok = jx_invoke(range, "com.sun.star.text.XTextRange::setString", NULL, args, NULL);
    rtl_uString_release(u);
    return ok;
}

static void set_text_property(uno_Interface *obj, const char *name, const char *value)
{
    uno_Any any;
    jx_any_construct_string(&any, value);
    jx_office_set_property(obj, name, &any, NULL);
    uno_any_destruct(&any, NULL);
}

static char *text_property(uno_Interface *obj, const char *name)
{
    uno_Any any;
    if (!jx_office_get_property(obj, name, &any, NULL))
        return NULL;
    char *text = jx_any_get_utf8(&any);
    uno_any_destruct(&any, NULL);
    return text;
}

/* The user-defined properties of a document (an XPropertySet), acquired. */
static uno_Interface *user_properties(uno_Interface *document)
{
    uno_Interface *info = jx_office_get(document,
        "com.sun.star.document.XDocumentPropertiesSupplier::getDocumentProperties", NULL);
    uno_Interface *container = info ? jx_office_get(info,
        "com.sun.star.document.XDocumentProperties::getUserDefinedProperties", NULL) : NULL;
    jx_release(&info);
    return container;
}

/* A text cursor at a range (collapsed to its start unless `whole`), acquired. */
static uno_Interface *cursor_at(uno_Interface *range, gboolean whole)
{
    uno_Interface *text = jx_office_get(range, "com.sun.star.text.XTextRange::getText", NULL);
    uno_Interface *at = whole ? range : jx_office_get(range, "com.sun.star.text.XTextRange::getStart", NULL);
    uno_Interface *cursor = NULL;
    void *args[] = { &at };
    if (text && at)
        jx_invoke(text, "com.sun.star.text.XSimpleText::createTextCursorByRange", &cursor, args, NULL);
    if (!whole)
        jx_release(&at);
    jx_release(&text);
    return cursor;
}

static gboolean cursor_move(uno_Interface *cursor, const char *member, gboolean expand)
{
    sal_Bool select = expand ? 1 : 0, done = 0;
    void *args[] = { &select };
    return jx_invoke(cursor, member, &done, args, NULL) && done;
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

/* --- bookmarks --------------------------------------------------------------------- */

/* The bookmark named id (its XTextContent, acquired), or NULL. */
static uno_Interface *bookmark(uno_Interface *document, const char *id)
{
    uno_Interface *marks = jx_office_get(document, "com.sun.star.text.XBookmarksSupplier::getBookmarks", NULL);
    if (marks == NULL)
        return NULL;
    rtl_uString *name = jx_ustr_new(id);
    void *args[] = { &name };
    sal_Bool has = 0;
    uno_Interface *found = NULL;
    if (jx_invoke(marks, "com.sun.star.container.XNameAccess::hasByName", &has, args, NULL) && has) {
        uno_Any any;
        if (jx_invoke(marks, "com.sun.star.container.XNameAccess::getByName", &any, args, NULL)) {
            uno_Interface *item = jx_office_any_interface(&any);
            found = item ? jx_query(item, "com.sun.star.text.XTextContent") : NULL;
            jx_release(&item);
            uno_any_destruct(&any, NULL);
        }
    }
    rtl_uString_release(name);
    jx_release(&marks);
    return found;
}

/* The range a figure's bookmark covers, acquired, or NULL. */
static uno_Interface *figure_range(uno_Interface *document, const char *id)
{
    uno_Interface *mark = bookmark(document, id);
    uno_Interface *anchor = mark ? jx_office_get(mark, "com.sun.star.text.XTextContent::getAnchor", NULL) : NULL;
    jx_release(&mark);
    return anchor;
}

/* A new bookmark named id around range (replacing the one of that name). */
static gboolean rebookmark(uno_Interface *document, const char *id, uno_Interface *range)
{
    uno_Interface *old = bookmark(document, id);
    uno_Interface *text = jx_office_get(range, "com.sun.star.text.XTextRange::getText", NULL);
    if (old != NULL && text != NULL) {
        void *args[] = { &old };
        jx_invoke(text, "com.sun.star.text.XText::removeTextContent", NULL, args, NULL);
    }
    jx_release(&old);
    uno_Interface *factory = jx_query(document, "com.sun.star.lang.XMultiServiceFactory");
    rtl_uString *service = jx_ustr_new("com.sun.star.text.Bookmark");
    void *create_args[] = { &service };
    uno_Interface *mark = NULL;
    if (factory)
        jx_invoke(factory, "com.sun.star.lang.XMultiServiceFactory::createInstance", &mark, create_args, NULL);
    rtl_uString_release(service);
    jx_release(&factory);
    gboolean ok = FALSE;
    uno_Interface *content = mark ? jx_query(mark, "com.sun.star.text.XTextContent") : NULL;
    if (content && text) {
        rtl_uString *name = jx_ustr_new(id);
        void *name_args[] = { &name };
        jx_invoke(mark, "com.sun.star.container.XNamed::setName", NULL, name_args, NULL);
        rtl_uString_release(name);
        sal_Bool absorb = 1;
        void *args[] = { &range, &content, &absorb };
        ok = jx_invoke(text, "com.sun.star.text.XText::insertTextContent", NULL, args, NULL);
    }
    jx_release(&content);
    jx_release(&mark);
    jx_release(&text);
    return ok;
}

/* A bookmark that ends short of `written` (which its text begins) is put
 * back around the whole of it when the document still reads it there.
 * Returns the bookmark's text afterwards (newly allocated). */
static char *realigned(uno_Interface *document, const JxBinding *b, uno_Interface *range, char *text)
{
    if (text == NULL || strcmp(text, b->text) == 0 || !g_str_has_prefix(b->text, text))
        return text;
    uno_Interface *cursor = cursor_at(range, FALSE);
    g_autofree char *there = NULL;
    if (cursor && go_right(cursor, g_utf8_strlen(b->text, -1), TRUE))
        there = string_of(cursor);
    if (there && strcmp(there, b->text) == 0 && rebookmark(document, b->id, cursor)) {
        g_free(text);
        text = g_strdup(b->text);
    }
    jx_release(&cursor);
    return text;
}

GHashTable *jx_writer_bound_texts(uno_Interface *document, const GPtrArray *bindings)
{
    GHashTable *texts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    for (guint i = 0; i < bindings->len; i++) {
        const JxBinding *b = g_ptr_array_index(bindings, i);
        uno_Interface *range = figure_range(document, b->id);
        char *text = range ? realigned(document, b, range, string_of(range)) : NULL;
        if (text != NULL)
            g_hash_table_insert(texts, g_strdup(b->id), text);
        jx_release(&range);
    }
    return texts;
}

/* --- the bindings' property -------------------------------------------------------- */

GPtrArray *jx_writer_read_bindings(uno_Interface *document, char **schema_id, char **workbook, GError **error)
{
    uno_Interface *properties = user_properties(document);
    g_autofree char *json = properties ? text_property(properties, JX_BINDINGS_PROPERTY) : NULL;
    jx_release(&properties);
    if (json == NULL) {
        jx_set_error(error, JX_ERROR_INVALID,
                     "本文档没有记录数字的来源：它不是绩效自评助手生成的报告（或记录已被删除），无法从工作簿刷新",
                     "this document records no sources for its figures: it is not a report Jixiao generated "
                     "(or the record was removed), so it cannot be refreshed from a workbook");
        return NULL;
    }
    return jx_bindings_from_json(json, schema_id, workbook, error);
}

gboolean jx_writer_write_bindings(uno_Interface *document, const GPtrArray *bindings, const char *schema_id,
                                  const char *workbook, GError **error)
{
    g_autofree char *json = jx_bindings_to_json(bindings, schema_id, workbook);
    uno_Interface *properties = user_properties(document);
    if (properties == NULL) {
        jx_set_error(error, JX_ERROR_IO, "无法写入文档属性", "the document's properties cannot be written");
        return FALSE;
    }
    uno_Any value;
    jx_any_construct_string(&value, json);
    GError *uno_error = NULL;
    gboolean ok = jx_office_set_property(properties, JX_BINDINGS_PROPERTY, &value, NULL);
    if (!ok) {   /* not there yet (a document made from a template): add it */
        rtl_uString *name = jx_ustr_new(JX_BINDINGS_PROPERTY);
        sal_Int16 attributes = PROPERTY_REMOVABLE;
        void *args[] = { &name, &attributes, &value };
        ok = jx_invoke(properties, "com.sun.star.beans.XPropertyContainer::addProperty", NULL, args, &uno_error);
        rtl_uString_release(name);
    }
    uno_any_destruct(&value, NULL);
    jx_release(&properties);
    if (!ok) {
        jx_set_error(error, JX_ERROR_IO, "无法记录数字的来源：%s", "the figures' sources cannot be recorded: %s",
                     uno_error ? uno_error->message : "");
        g_clear_error(&uno_error);
    }
    return ok;
}

/* --- comments ------------------------------------------------------------------------ */

/* Jixiao's comments beginning with `prefix`, removed. */
static void remove_notes(uno_Interface *document, const char *prefix)
{
    uno_Interface *fields = jx_office_get(document, "com.sun.star.text.XTextFieldsSupplier::getTextFields", NULL);
    uno_Interface *all = fields ? jx_office_get(fields,
        "com.sun.star.container.XEnumerationAccess::createEnumeration", NULL) : NULL;
    g_autoptr(GPtrArray) doomed = g_ptr_array_new();   /* removed after the enumeration */
    for (;;) {
        sal_Bool more = 0;
        uno_Any element;
        if (all == NULL || !jx_invoke(all, "com.sun.star.container.XEnumeration::hasMoreElements", &more, NULL, NULL) ||
            !more || !jx_invoke(all, "com.sun.star.container.XEnumeration::nextElement", &element, NULL, NULL))
            break;
        uno_Interface *field = jx_office_any_interface(&element);
        uno_any_destruct(&element, NULL);
        g_autofree char *author = field ? text_property(field, "Author") : NULL;
        g_autofree char *content = author ? text_property(field, "Content") : NULL;
        if (content && strcmp(author, JX_NOTE_AUTHOR) == 0 && g_str_has_prefix(content, prefix))
            g_ptr_array_add(doomed, field);
        else
            jx_release(&field);
    }
    for (guint i = 0; i < doomed->len; i++) {
        uno_Interface *field = g_ptr_array_index(doomed, i);
        jx_invoke(field, "com.sun.star.lang.XComponent::dispose", NULL, NULL, NULL);
        jx_release(&field);
    }
    jx_release(&all);
    jx_release(&fields);
}

/* A comment by Jixiao at cursor (over its range if absorb); returns the
 * comment (acquired) so more can be added to it. */
static uno_Interface *add_note(uno_Interface *document, uno_Interface *cursor, const char *content, gboolean absorb)
{
    uno_Interface *factory = jx_query(document, "com.sun.star.lang.XMultiServiceFactory");
    rtl_uString *service = jx_ustr_new("com.sun.star.text.textfield.Annotation");
    void *create_args[] = { &service };
    uno_Interface *note = NULL;
    if (factory)
        jx_invoke(factory, "com.sun.star.lang.XMultiServiceFactory::createInstance", &note, create_args, NULL);
    rtl_uString_release(service);
    jx_release(&factory);
    uno_Interface *field = note ? jx_query(note, "com.sun.star.text.XTextContent") : NULL;
    uno_Interface *text = cursor ? jx_office_get(cursor, "com.sun.star.text.XTextRange::getText", NULL) : NULL;
    gboolean ok = FALSE;
    if (field && text) {
        set_text_property(note, "Author", JX_NOTE_AUTHOR);
        set_text_property(note, "Content", content);
        sal_Bool whole = absorb ? 1 : 0;
        void *args[] = { &cursor, &field, &whole };
        ok = jx_invoke(text, "com.sun.star.text.XText::insertTextContent", NULL, args, NULL);
    }
    jx_release(&text);
    jx_release(&field);
    if (!ok)
        jx_release(&note);
    return note;
}

/* --- applying ----------------------------------------------------------------------- */

static void set_placeholder_style(uno_Interface *range, gboolean placeholder)
{
    if (placeholder) {
        set_text_property(range, "CharStyleName", "JX Placeholder");
        return;
    }
    rtl_uString *name = jx_ustr_new("CharStyleName");
    void *args[] = { &name };
    jx_invoke(range, "com.sun.star.beans.XPropertyState::setPropertyToDefault", NULL, args, NULL);
    rtl_uString_release(name);
}

/* The sentence around a figure (a cursor over it, acquired). */
static uno_Interface *sentence_of(uno_Interface *range)
{
    uno_Interface *cursor = cursor_at(range, FALSE);
    if (cursor == NULL)
        return NULL;
    cursor_move(cursor, "com.sun.star.text.XSentenceCursor::gotoStartOfSentence", FALSE);
    if (!cursor_move(cursor, "com.sun.star.text.XSentenceCursor::gotoEndOfSentence", TRUE))
        cursor_move(cursor, "com.sun.star.text.XParagraphCursor::gotoEndOfParagraph", TRUE);
    return cursor;
}

/* Whether two ranges begin at the same place (FALSE if they are in different texts). */
static gboolean same_start(uno_Interface *a, uno_Interface *b)
{
    uno_Interface *text = jx_office_get(a, "com.sun.star.text.XTextRange::getText", NULL);
    sal_Int16 order = 1;
    void *args[] = { &a, &b };
    gboolean ok = text && jx_invoke(text, "com.sun.star.text.XTextRangeCompare::compareRegionStarts", &order,
                                    args, NULL);
    jx_release(&text);
    return ok && order == 0;
}

/* The re-read comments: one over each sentence whose figures changed,
 * listing them. */
typedef struct {
    uno_Interface *sentence;   /* the last sentence marked */
    uno_Interface *note;       /* its comment */
    GString *content;
} Rereading;

static void mark_for_rereading(uno_Interface *document, Rereading *r, uno_Interface *range, const JxRefreshItem *item)
{
    uno_Interface *sentence = sentence_of(range);
    if (sentence == NULL)
        return;
    g_autofree char *change = g_strdup_printf("%s %s → %s", item->now.label[JX_LANG_ZH], item->current, item->now.text);
    if (r->sentence != NULL && r->note != NULL && same_start(r->sentence, sentence)) {
        g_string_append_printf(r->content, "；%s", change);
        g_autofree char *content = g_strconcat(r->content->str, "）。", NULL);
        set_text_property(r->note, "Content", content);
        jx_release(&sentence);
        return;
    }
    jx_release(&r->sentence);
    jx_release(&r->note);
    g_string_printf(r->content, JX_NOTE_REREAD "本句的数字已按工作簿更新，请重读本句（%s", change);
    g_autofree char *content = g_strconcat(r->content->str, "）。", NULL);
    r->note = add_note(document, sentence, content, TRUE);
    r->sentence = sentence;
}

gboolean jx_writer_refresh_apply(uno_Interface *document, JxRefreshPlan *plan, const char *schema_id,
                                 const char *workbook, GError **error)
{
    GError *uno_error = NULL;
    uno_Interface *undo = jx_office_get(document, "com.sun.star.document.XUndoManagerSupplier::getUndoManager",
                                        &uno_error);
    rtl_uString *title = jx_ustr_new(JX_REFRESH_UNDO_TITLE);
    void *title_args[] = { &title };
    gboolean entered = undo && jx_invoke(undo, "com.sun.star.document.XUndoManager::enterUndoContext", NULL,
                                         title_args, NULL);
    rtl_uString_release(title);
    jx_invoke(document, "com.sun.star.frame.XModel::lockControllers", NULL, NULL, NULL);

    remove_notes(document, JX_NOTE_FOUND);   /* what validation found, renewed below */
    Rereading rereading = { NULL, NULL, g_string_new(NULL) };
    for (guint i = 0; i < plan->items->len; i++) {
        JxRefreshItem *item = g_ptr_array_index(plan->items, i);
        if (item->status == JX_REFRESH_GONE)
            continue;
        uno_Interface *range = figure_range(document, item->binding->id);
        if (range == NULL)
            continue;
        if (item->status == JX_REFRESH_CHANGED) {
            set_string(range, item->now.text);
            set_placeholder_style(range, item->now.placeholder);
        }
        if (item->now.note != NULL && item->status != JX_REFRESH_UNRESOLVED) {
            uno_Interface *at = cursor_at(range, FALSE);
            uno_Interface *note = at ? add_note(document, at, item->now.note, FALSE) : NULL;
            jx_release(&note);
            jx_release(&at);
        }
        if (item->status == JX_REFRESH_CHANGED && !item->now.placeholder)
            mark_for_rereading(document, &rereading, range, item);
        jx_release(&range);
    }
    jx_release(&rereading.sentence);
    jx_release(&rereading.note);
    g_string_free(rereading.content, TRUE);
    jx_refresh_commit(plan);
    GPtrArray *bindings = g_ptr_array_new();
    for (guint i = 0; i < plan->items->len; i++)
        g_ptr_array_add(bindings, ((JxRefreshItem *)g_ptr_array_index(plan->items, i))->binding);
    gboolean ok = jx_writer_write_bindings(document, bindings, schema_id, workbook, error);
    g_ptr_array_free(bindings, TRUE);

    jx_invoke(document, "com.sun.star.frame.XModel::unlockControllers", NULL, NULL, NULL);
    if (entered)
        jx_invoke(undo, "com.sun.star.document.XUndoManager::leaveUndoContext", NULL, NULL, NULL);
    jx_release(&undo);
    g_clear_error(&uno_error);
    return ok;
}

/* --- places ---------------------------------------------------------------------------- */

gboolean jx_writer_figure_place(uno_Interface *document, const char *id, char **paragraph, char **cell)
{
    *paragraph = NULL;
    *cell = NULL;
    uno_Interface *range = figure_range(document, id);
    uno_Interface *cursor = range ? cursor_at(range, FALSE) : NULL;
    if (cursor == NULL) {
        jx_release(&range);
        return FALSE;
    }
    cursor_move(cursor, "com.sun.star.text.XParagraphCursor::gotoStartOfParagraph", FALSE);
    cursor_move(cursor, "com.sun.star.text.XParagraphCursor::gotoEndOfParagraph", TRUE);
    *paragraph = string_of(cursor);
    uno_Any any;
    if (jx_office_get_property(range, "Cell", &any, NULL)) {
        uno_Interface *in_cell = jx_office_any_interface(&any);
        uno_any_destruct(&any, NULL);
        g_autofree char *cell_name = in_cell ? text_property(in_cell, "CellName") : NULL;
        uno_Interface *table = NULL;
        if (cell_name && jx_office_get_property(range, "TextTable", &any, NULL)) {
            table = jx_office_any_interface(&any);
            uno_any_destruct(&any, NULL);
        }
        rtl_uString *table_name = NULL;
        g_autofree char *name = NULL;
        if (table && jx_invoke(table, "com.sun.star.container.XNamed::getName", &table_name, NULL, NULL)) {
            name = jx_ustr_to_utf8(table_name);
            rtl_uString_release(table_name);
        }
        if (cell_name)
            *cell = g_strdup_printf("%s %s", name ? name : "", cell_name);
        jx_release(&table);
        jx_release(&in_cell);
    }
    jx_release(&cursor);
    jx_release(&range);
    if (*paragraph == NULL)
        *paragraph = g_strdup("");
    return TRUE;
}

gboolean jx_writer_select_figure(uno_Interface *frame, uno_Interface *document, const char *id)
{
    uno_Interface *range = figure_range(document, id);
    uno_Interface *controller = range ? jx_office_get(frame, "com.sun.star.frame.XFrame::getController", NULL) : NULL;
    gboolean done = FALSE;
    if (controller != NULL) {
        uno_Any selection;
        sal_Bool selected = 0;
        jx_any_construct_interface(&selection, range, "com.sun.star.text.XTextRange");
        void *args[] = { &selection };
        done = jx_invoke(controller, "com.sun.star.view.XSelectionSupplier::select", &selected, args, NULL) && selected;
        uno_any_destruct(&selection, NULL);
    }
    jx_release(&controller);
    jx_release(&range);
    return done;
}

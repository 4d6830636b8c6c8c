/*
 * refresh.c: deciding, figure by figure, what a refresh does.
 *
 *   document says     workbook gives    →
 *   what was written  the same           SAME
 *   what was written  something else     CHANGED (the document takes it)
 *   the workbook's    (anything)         SAME (the author typed it already)
 *   the kept text     something else     KEPT
 *   something else    something else     OVERTYPED (reported, the author chooses)
 *   (no bookmark)                        GONE
 *                     (no such value)    UNRESOLVED (left as it is)
 */
#include "core/refresh.h"

#include <string.h>

static const char *const status_names[] = {
    [JX_REFRESH_SAME] = "same", [JX_REFRESH_CHANGED] = "changed", [JX_REFRESH_OVERTYPED] = "overtyped",
    [JX_REFRESH_KEPT] = "kept", [JX_REFRESH_UNRESOLVED] = "unresolved", [JX_REFRESH_GONE] = "gone",
};

const char *jx_refresh_status_name(JxRefreshStatus status)
{
    return status <= JX_REFRESH_GONE ? status_names[status] : "?";
}

char *jx_refresh_normalize(const char *text)
{
    GString *out = g_string_new(NULL);
    for (const char *p = text ? text : ""; *p; p++) {
        if (*p == '\r') {
            g_string_append_c(out, '\n');
            if (p[1] == '\n')
                p++;
        } else {
            g_string_append_c(out, *p);
        }
    }
    return g_string_free(out, FALSE);
}

static gboolean same_text(const char *a, const char *b)
{
    g_autofree char *na = jx_refresh_normalize(a);
    g_autofree char *nb = jx_refresh_normalize(b);
    return strcmp(na, nb) == 0;
}

static void item_free(gpointer data)
{
    JxRefreshItem *item = data;
    g_free(item->current);
    jx_report_value_clear(&item->now);
    g_free(item);
}

static JxRefreshStatus decide(const JxRefreshItem *item)
{
    const JxBinding *b = item->binding;
    if (item->current == NULL)
        return JX_REFRESH_GONE;
    if (item->now.text == NULL)
        return JX_REFRESH_UNRESOLVED;
    if (same_text(item->current, item->now.text))
        return JX_REFRESH_SAME;
    if (b->kept != NULL && same_text(item->current, b->kept))
        return JX_REFRESH_KEPT;
    if (same_text(item->current, b->text))
        return JX_REFRESH_CHANGED;
    return JX_REFRESH_OVERTYPED;
}

JxRefreshPlan *jx_refresh_plan(const JxTemplate *t, const JxReportInput *input, GPtrArray *bindings,
                               GHashTable *current)
{
    JxRefreshPlan *plan = g_new0(JxRefreshPlan, 1);
    plan->items = g_ptr_array_new_with_free_func(item_free);
    JxReportValues *values = jx_report_values_new(t, input);
    for (guint i = 0; i < bindings->len; i++) {
        JxRefreshItem *item = g_new0(JxRefreshItem, 1);
        item->binding = g_ptr_array_index(bindings, i);
        const char *text = g_hash_table_lookup(current, item->binding->id);
        item->current = g_strdup(text);
        jx_report_value(values, item->binding, &item->now);
        item->status = decide(item);
        g_ptr_array_add(plan->items, item);
    }
    jx_report_values_free(values);
    return plan;
}

int jx_refresh_count(const JxRefreshPlan *plan, JxRefreshStatus status)
{
    int n = 0;
    for (guint i = 0; i < plan->items->len; i++)
        n += ((const JxRefreshItem *)g_ptr_array_index(plan->items, i))->status == status;
    return n;
}

void jx_refresh_plan_free(JxRefreshPlan *plan)
{
    if (plan == NULL)
        return;
    g_ptr_array_free(plan->items, TRUE);
    g_free(plan);
}

gboolean jx_refresh_take(JxRefreshItem *item)
{
    if (item->status != JX_REFRESH_OVERTYPED && item->status != JX_REFRESH_KEPT)
        return FALSE;
    item->status = JX_REFRESH_CHANGED;
    return TRUE;
}

gboolean jx_refresh_keep(JxRefreshItem *item)
{
    if (item->status != JX_REFRESH_OVERTYPED)
        return FALSE;
    item->status = JX_REFRESH_KEPT;
    return TRUE;
}

void jx_refresh_commit(JxRefreshPlan *plan)
{
    for (guint i = 0; i < plan->items->len; i++) {
        JxRefreshItem *item = g_ptr_array_index(plan->items, i);
        JxBinding *b = item->binding;
        switch (item->status) {
        case JX_REFRESH_SAME:
        case JX_REFRESH_CHANGED:
            g_free(b->text);
            b->text = g_strdup(item->now.text);
            b->placeholder = item->now.placeholder;
            g_free(b->cell);
            b->cell = g_strdup(item->now.cell);
            g_clear_pointer(&b->kept, g_free);
            break;
        case JX_REFRESH_KEPT:
            if (b->kept == NULL || !same_text(b->kept, item->current)) {
                g_free(b->kept);
                b->kept = g_strdup(item->current);
            }
            break;
        case JX_REFRESH_OVERTYPED:
        case JX_REFRESH_UNRESOLVED:
        case JX_REFRESH_GONE:
            break;
        }
    }
}

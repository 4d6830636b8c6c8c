/*
 * report.c: the report model's constructors.
 */
#include "core/report.h"

#include "core/binding.h"

static void span_free(gpointer data)
{
    JxSpan *s = data;
    g_free(s->text);
    g_free(s->note);
    g_free(s);
}

void jx_block_free(gpointer data)
{
    JxBlock *b = data;
    g_free(b->number);
    if (b->spans)
        g_ptr_array_free(b->spans, TRUE);
    for (int i = 0; b->cells && i < b->rows * b->cols; i++)
        if (b->cells[i] != NULL)
            jx_block_free(b->cells[i]);
    g_free(b->cells);
    g_free(b->span);
    g_free(b->row_keep);
    g_free(b->widths);
    g_free(b->name);
    g_free(b);
}

JxReport *jx_report_new(void)
{
    JxReport *r = g_new0(JxReport, 1);
    r->blocks = g_ptr_array_new_with_free_func(jx_block_free);
    r->bindings = g_ptr_array_new_with_free_func(jx_binding_free);
    return r;
}

void jx_report_free(JxReport *r)
{
    if (r == NULL)
        return;
    g_free(r->title);
    g_free(r->department);
    g_free(r->year);
    g_free(r->amount_unit);
    g_free(r->schema_id);
    g_free(r->workbook);
    g_ptr_array_free(r->blocks, TRUE);
    g_ptr_array_free(r->bindings, TRUE);
    g_free(r);
}

JxBlock *jx_block_new(JxBlockKind kind)
{
    JxBlock *b = g_new0(JxBlock, 1);
    b->kind = kind;
    b->spans = g_ptr_array_new_with_free_func(span_free);
    return b;
}

JxBlock *jx_report_add(JxReport *r, JxBlockKind kind)
{
    JxBlock *b = jx_block_new(kind);
    g_ptr_array_add(r->blocks, b);
    return b;
}

void jx_block_add_span(JxBlock *b, const char *text, gboolean placeholder)
{
    if (text == NULL || text[0] == '\0')
        return;
    JxSpan *last = b->spans->len ? g_ptr_array_index(b->spans, b->spans->len - 1) : NULL;
    if (last != NULL && last->placeholder == placeholder && last->note == NULL && last->binding == NULL) {
        char *joined = g_strconcat(last->text, text, NULL);
        g_free(last->text);
        last->text = joined;
        return;
    }
    JxSpan *s = g_new0(JxSpan, 1);
    s->text = g_strdup(text);
    s->placeholder = placeholder;
    g_ptr_array_add(b->spans, s);
}

void jx_block_add_noted(JxBlock *b, const char *text, const char *note)
{
    jx_block_add_bound(b, text, FALSE, note, NULL);
}

void jx_block_add_bound(JxBlock *b, const char *text, gboolean placeholder, const char *note,
                        const struct JxBinding *binding)
{
    if (note == NULL && binding == NULL) {
        jx_block_add_span(b, text, placeholder);
        return;
    }
    if (text == NULL || text[0] == '\0')
        return;
    JxSpan *s = g_new0(JxSpan, 1);
    s->text = g_strdup(text);
    s->placeholder = placeholder;
    s->note = g_strdup(note);
    s->binding = binding;
    g_ptr_array_add(b->spans, s);
}

gboolean jx_block_has_placeholder(const JxBlock *b)
{
    for (guint i = 0; b->spans && i < b->spans->len; i++)
        if (((JxSpan *)g_ptr_array_index(b->spans, i))->placeholder)
            return TRUE;
    return FALSE;
}

char *jx_block_text(const JxBlock *b)
{
    GString *out = g_string_new(NULL);
    for (guint i = 0; b->spans && i < b->spans->len; i++)
        g_string_append(out, ((JxSpan *)g_ptr_array_index(b->spans, i))->text);
    return g_string_free(out, FALSE);
}

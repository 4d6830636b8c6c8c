/*
 * test_refresh.c: every value the report takes from the workbook is bound
 * (binding.h); the bindings go into the document (as bookmarks and one
 * document property, odf.c) and come back as JSON; a refresh decides, figure
 * by figure, what the workbook changed, what the author changed by hand and
 * what is gone (refresh.h).
 *
 * The "document" here is what Writer's bookmarks would hold: id → text,
 * edited as an author would (a figure overtyped, one deleted with its
 * sentence), while the workbook changes under it.
 */
#include <string.h>

#include <glib.h>

#include "core/binding.h"
#include "core/bundle.h"
#include "core/error.h"
#include "core/findings.h"
#include "core/model.h"
#include "core/odf.h"
#include "core/refresh.h"
#include "core/render.h"
#include "core/report.h"
#include "core/validate.h"
#include "core/workbook.h"
#include "test_helpers.h"

#define SCHEMA \
    "{'format':'jixiao-schema','version':1,'id':'refresh','title':{'zh':'刷新','en':'Refresh'}," \
    "'sheets':{'info':{'name':'基本情况'},'items':{'name':'明细'}}," \
    "'fields':{" \
    " 'department':{'label':{'zh':'单位名称','en':'Department'},'sheet':'info','at':{'cell':'B1'},'type':'text'}," \
    " 'total':{'label':{'zh':'整体支出','en':'Total'},'sheet':'info','at':{'cell':'B2'},'type':'amount'}," \
    " 'rate':{'label':{'zh':'执行率','en':'Rate'},'sheet':'info','at':{'cell':'B3'},'type':'percent'}," \
    " 'result':{'label':{'zh':'完成情况','en':'Result'},'sheet':'info','at':{'cell':'B4'},'type':'text'}," \
    " 'budget':{'label':{'zh':'预算数','en':'Budget'},'sheet':'info','at':{'cell':'B5'},'type':'amount'}}," \
    "'tables':{'items':{'label':{'zh':'明细','en':'Items'},'sheet':'items'," \
    " 'header':{'label':'编码','label_column':'A'}," \
    " 'columns':{'code':{'header':'编码','type':'text'},'name':{'header':'名称','type':'text'}," \
    "  'executed':{'header':'金额','type':'amount'}},'key':'name','groups':{'column':'code','rule':'prefix'}}}," \
    "'checks':[{'id':'sum','kind':'sum','total':'total','parts':['items[code=301].executed','items[code=302].executed']}]," \
    "'report':{'title':'{department}自评报告','sections':[{'title':'基本情况','body':[" \
    "  '全年支出{total|amount}万元，执行率{rate|percent}，预算{budget|amount}万元。'," \
    "  '完成情况：{result}'," \
    "  {'each':'items','rows':'groups','paragraph':'{.name}{.executed|amount}万元，包括{items}。'," \
    "   'items':{'paragraph':'{.name}{.executed|amount}万元'}}," \
    "  {'table':{'header':['科目','金额'],'source':'items','row':['{.name}','{.executed|amount}']}}]}]}}"

/* The workbook: B5 (budget) blank, so the report asks for it. */
static const char *const info_grid[][2] = {
    { "单位名称", "沅江市科学技术协会" },
    { "整体支出", "320.45" },
    { "执行率", "0.9735" },
    { "完成情况", "'全面完成，" },
    { "预算数", "" },
};

static const char *const items_grid[][3] = {
    { "编码", "名称", "金额" },
    { "301", "工资福利支出", "273.77" },
    { "30101", "基本工资", "115.87" },
    { "30102", "奖金", "157.90" },
    { "302", "商品和服务支出", "36.68" },   /* the total is off: 273.77 + 36.68 ≠ 320.45 */
    { "30201", "办公费", "46.68" },
};

typedef struct {
    JxBundle *bundle;
    JxWorkbook *workbook;
    JxModel *model;
    GPtrArray *findings;
} Book;

static Book *book_new(JxBundle *bundle, void (*change)(JxWorkbook *wb))
{
    Book *b = g_new0(Book, 1);
    b->bundle = bundle;
    b->workbook = jx_workbook_new("book.ods");
    FILL(b->workbook, "基本情况", info_grid);
    FILL(b->workbook, "明细", items_grid);
    if (change)
        change(b->workbook);
    b->model = jx_model_build(bundle->schema, b->workbook);
    b->findings = g_ptr_array_new_with_free_func(jx_finding_free);
    jx_validate(b->model, b->findings);
    return b;
}

static void book_free(Book *b)
{
    g_ptr_array_free(b->findings, TRUE);
    jx_model_free(b->model);
    jx_workbook_free(b->workbook);
    g_free(b);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(Book, book_free)

static JxBundle *bundle_new(void)
{
    g_autofree char *json = json_of(SCHEMA);
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func(jx_schema_problem_free);
    JxBundle *bundle = jx_bundle_load_data(json, strlen(json), problems, NULL);
    if (bundle == NULL)
        print_problems(problems);
    g_assert_nonnull(bundle);
    return bundle;
}

static JxReport *report_of(const Book *b)
{
    JxReportInput input = { b->model, NULL, b->findings, NULL };
    JxReport *report = jx_report_render(b->bundle->template, &input, NULL);
    g_assert_nonnull(report);
    return report;
}

/* The binding whose text is `text` in the report, or whose source reads `source`. */
static const JxBinding *binding_with(const GPtrArray *bindings, const char *source)
{
    for (guint i = 0; i < bindings->len; i++) {
        const JxBinding *b = g_ptr_array_index(bindings, i);
        g_autofree char *s = jx_binding_source(b);
        if (strcmp(s, source) == 0)
            return b;
    }
    g_test_fail_printf("no binding %s", source);
    return g_ptr_array_index(bindings, 0);
}

/* Every bound span of a block (and of its cells): the binding's text is the span's. */
static void check_spans(const JxBlock *b, GHashTable *seen)
{
    for (guint s = 0; b->spans && s < b->spans->len; s++) {
        const JxSpan *span = g_ptr_array_index(b->spans, s);
        if (span->binding == NULL)
            continue;
        g_assert_cmpstr(span->text, ==, span->binding->text);
        g_assert_cmpint(span->placeholder, ==, span->binding->placeholder);
        g_assert_false(g_hash_table_contains(seen, span->binding));
        g_hash_table_add(seen, (gpointer)span->binding);
    }
    for (int c = 0; b->kind == JX_BLOCK_TABLE && c < b->rows * b->cols; c++)
        check_spans(b->cells[c], seen);
}

/* ---- binding -------------------------------------------------------------------- */

/* Every value from the workbook is bound once, in the order of the text;
 * the binding says where it came from and what was written. */
static void test_every_value_bound(void)
{
    g_autoptr(JxBundle) bundle = bundle_new();
    g_autoptr(Book) book = book_new(bundle, NULL);
    g_autoptr(JxReport) report = report_of(book);
    g_autoptr(GHashTable) seen = g_hash_table_new(NULL, NULL);
    for (guint i = 0; i < report->blocks->len; i++)
        check_spans(g_ptr_array_index(report->blocks, i), seen);
    g_assert_cmpuint(g_hash_table_size(seen), ==, report->bindings->len);
    /* title 1, first sentence 3, result 1, two groups and their three items (a name and an
     * amount each), the table's five rows × 2 */
    g_assert_cmpuint(report->bindings->len, ==, 1 + 3 + 1 + 2 * 2 + 3 * 2 + 5 * 2);
    const JxBinding *total = binding_with(report->bindings, "total");
    g_assert_cmpstr(total->id, ==, "JX_F0002");
    g_assert_cmpstr(total->text, ==, "320.45");
    g_assert_cmpstr(total->cell, ==, "基本情况!B2");
    g_assert_cmpstr(jx_format_name(total->format), ==, "amount");
    const JxBinding *budget = binding_with(report->bindings, "budget");
    g_assert_true(budget->placeholder);
    g_assert_cmpstr(budget->text, ==, "【请填写：预算数】");
    const JxBinding *office = binding_with(report->bindings, "items[办公费].executed");
    g_assert_cmpstr(office->row, ==, "办公费");
    g_assert_cmpstr(office->column, ==, "executed");
    g_assert_cmpstr(office->cell, ==, "明细!C6");
    /* a text ending its paragraph: its comma gave way to the full stop, which is not its own */
    const JxBinding *result = binding_with(report->bindings, "result");
    g_assert_cmpstr(result->text, ==, "全面完成");
    g_assert_true(result->ends_sentence);
    const JxBlock *p = g_ptr_array_index(report->blocks, 3);
    g_autofree char *text = jx_block_text(p);
    g_assert_cmpstr(text, ==, "完成情况：全面完成。");
    /* the figure validation flagged carries its note */
    gboolean noted = FALSE;
    const JxBlock *first = g_ptr_array_index(report->blocks, 2);
    for (guint s = 0; s < first->spans->len; s++) {
        const JxSpan *span = g_ptr_array_index(first->spans, s);
        noted = noted || (span->binding == total && span->note && strstr(span->note, "JX-SUM-MISMATCH"));
    }
    g_assert_true(noted);
}

/* The bindings as the document property: the same after the round trip. */
static void test_json_round_trip(void)
{
    g_autoptr(JxBundle) bundle = bundle_new();
    g_autoptr(Book) book = book_new(bundle, NULL);
    g_autoptr(JxReport) report = report_of(book);
    JxBinding *kept = g_ptr_array_index(report->bindings, 3);
    kept->kept = g_strdup("约97%");
    g_autofree char *json = jx_bindings_to_json(report->bindings, "refresh", "/data/book.ods");
    g_autofree char *schema = NULL, *workbook = NULL;
    GError *error = NULL;
    g_autoptr(GPtrArray) back = jx_bindings_from_json(json, &schema, &workbook, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(schema, ==, "refresh");
    g_assert_cmpstr(workbook, ==, "/data/book.ods");
    g_assert_cmpuint(back->len, ==, report->bindings->len);
    for (guint i = 0; i < back->len; i++) {
        const JxBinding *a = g_ptr_array_index(report->bindings, i), *b = g_ptr_array_index(back, i);
        g_assert_cmpstr(a->id, ==, b->id);
        g_assert_cmpstr(a->field, ==, b->field);
        g_assert_cmpstr(a->table, ==, b->table);
        g_assert_cmpstr(a->row, ==, b->row);
        g_assert_cmpint(a->occurrence, ==, b->occurrence);
        g_assert_cmpstr(a->column, ==, b->column);
        g_assert_cmpint(a->format, ==, b->format);
        g_assert_cmpstr(a->cell, ==, b->cell);
        g_assert_cmpstr(a->text, ==, b->text);
        g_assert_cmpint(a->placeholder, ==, b->placeholder);
        g_assert_cmpint(a->ends_sentence, ==, b->ends_sentence);
        g_assert_cmpstr(a->kept, ==, b->kept);
    }
}

/* What comes back from a document is checked, not trusted. */
static void test_json_hostile(void)
{
    static const char *const bad[] = {
        "", "null", "[]", "{'format':'other','version':1,'figures':[]}",
        "{'format':'jixiao-bindings','version':2,'figures':[]}",
        "{'format':'jixiao-bindings','version':1,'figures':{}}",
        "{'format':'jixiao-bindings','version':1,'figures':[1]}",
        "{'format':'jixiao-bindings','version':1,'figures':[{'id':'X1','field':'a','format':'text'}]}",
        "{'format':'jixiao-bindings','version':1,'figures':[{'id':'JX_F1','format':'text'}]}",
        "{'format':'jixiao-bindings','version':1,'figures':[{'id':'JX_F1','field':'a','format':'bold'}]}",
        "{'format':'jixiao-bindings','version':1,'figures':[{'id':'JX_F1','field':7,'format':'text'}]}",
        "{'format':'jixiao-bindings','version':1,'figures':[{'id':'JX_F1','table':'t','row':'r','column':'c',"
        "'n':-3,'format':'text'}]}",
        "{'format':'jixiao-bindings','version':1,'figures':[{'id':'JX_F1','field':'a','format':'text'},"
        "{'id':'JX_F1','field':'b','format':'text'}]}",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autofree char *json = json_of(bad[i]);
        GError *error = NULL;
        GPtrArray *bindings = jx_bindings_from_json(json, NULL, NULL, &error);
        if (bindings != NULL)
            g_test_fail_printf("read as bindings: %s", bad[i]);
        g_assert_error(error, JX_ERROR, JX_ERROR_INVALID);
        g_autofree char *zh = jx_error_text(error, JX_LANG_ZH);
        g_assert_nonnull(strstr(zh, JX_BINDINGS_PROPERTY));
        g_error_free(error);
    }
}

/* In the flat ODT each bound value lies between its bookmark's start and
 * end, a flagged one's comment before the start, and the bindings are the
 * document property. */
static void test_odt_bookmarks(void)
{
    g_autoptr(JxBundle) bundle = bundle_new();
    g_autoptr(Book) book = book_new(bundle, NULL);
    g_autoptr(JxReport) report = report_of(book);
    const char *fonts[JX_FONT_COUNT] = { 0 };
    g_autofree char *xml = jx_report_to_fodt(report, fonts);
    for (guint i = 0; i < report->bindings->len; i++) {
        const JxBinding *b = g_ptr_array_index(report->bindings, i);
        g_autofree char *start = g_strdup_printf("<text:bookmark-start text:name=\"%s\"/>", b->id);
        g_autofree char *end = g_strdup_printf("<text:bookmark-end text:name=\"%s\"/>", b->id);
        const char *s = strstr(xml, start), *e = strstr(xml, end);
        g_assert_nonnull(s);
        g_assert_nonnull(e);
        g_autofree char *inside = g_strndup(s + strlen(start), (gsize)(e - s - strlen(start)));
        if (b->placeholder)
            g_assert_nonnull(strstr(inside, b->text));
        else
            g_assert_cmpstr(inside, ==, b->text);
    }
    const JxBinding *total = binding_with(report->bindings, "total");
    g_autofree char *noted = g_strdup_printf("</office:annotation><text:bookmark-start text:name=\"%s\"/>", total->id);
    g_assert_nonnull(strstr(xml, noted));
    g_assert_nonnull(strstr(xml, "<meta:user-defined meta:name=\"JixiaoBindings\" meta:value-type=\"string\">"
                                 "{&quot;format&quot;:&quot;jixiao-bindings&quot;"));
}

/* ---- refreshing ------------------------------------------------------------------ */

/* The workbook after the bureau's corrections: the total and two groups
 * changed, the budget filled in, the result worded otherwise, and the sum
 * now adds up (320.45 ≠ 273.77 + 36.68 → 330.45 = 283.77 + 46.68). */
static void corrected(JxWorkbook *wb)
{
    JxSheet *info = jx_workbook_sheet(wb, "基本情况");
    set_cell(wb, info, 1, 1, "330.45");
    set_cell(wb, info, 4, 1, "359.95");
    set_cell(wb, info, 3, 1, "'基本完成");
    JxSheet *items = jx_workbook_sheet(wb, "明细");
    set_cell(wb, items, 1, 2, "283.77");
    set_cell(wb, items, 3, 2, "167.90");
    set_cell(wb, items, 4, 2, "46.68");
}

/* The document as its bookmarks hold it: the report's texts. */
static GHashTable *document_of(const JxReport *report)
{
    GHashTable *current = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
    for (guint i = 0; i < report->bindings->len; i++) {
        const JxBinding *b = g_ptr_array_index(report->bindings, i);
        g_hash_table_insert(current, b->id, g_strdup(b->text));
    }
    return current;
}

static const JxRefreshItem *item_of(const JxRefreshPlan *plan, const JxBinding *b)
{
    for (guint i = 0; i < plan->items->len; i++) {
        const JxRefreshItem *item = g_ptr_array_index(plan->items, i);
        if (item->binding == b)
            return item;
    }
    g_assert_not_reached();
}

static void test_plan(void)
{
    g_autoptr(JxBundle) bundle = bundle_new();
    g_autoptr(Book) before = book_new(bundle, NULL);
    g_autoptr(JxReport) report = report_of(before);
    g_autoptr(GHashTable) document = document_of(report);
    /* the author: overtypes the rate, deletes the sentence with 奖金 in the table's row */
    const JxBinding *rate = binding_with(report->bindings, "rate");
    g_hash_table_insert(document, rate->id, g_strdup("约97%"));
    const JxBinding *bonus = NULL;
    for (guint i = report->bindings->len; i > 0 && bonus == NULL; i--) {   /* the table's 奖金 */
        const JxBinding *b = g_ptr_array_index(report->bindings, i - 1);
        if (b->row && strcmp(b->row, "奖金") == 0 && strcmp(b->column, "executed") == 0)
            bonus = b;
    }
    g_hash_table_remove(document, bonus->id);
    g_autoptr(Book) after = book_new(bundle, corrected);
    JxReportInput input = { after->model, NULL, after->findings, NULL };
    g_autoptr(JxRefreshPlan) plan = jx_refresh_plan(bundle->template, &input, report->bindings, document);
    g_assert_cmpuint(plan->items->len, ==, report->bindings->len);

    const JxRefreshItem *total = item_of(plan, binding_with(report->bindings, "total"));
    g_assert_cmpint(total->status, ==, JX_REFRESH_CHANGED);
    g_assert_cmpstr(total->current, ==, "320.45");
    g_assert_cmpstr(total->now.text, ==, "330.45");
    g_assert_cmpstr(total->now.cell, ==, "基本情况!B2");
    g_assert_cmpstr(total->now.label[JX_LANG_ZH], ==, "整体支出");
    g_assert_null(total->now.note);   /* the sum adds up now: no longer flagged */
    const JxRefreshItem *budget = item_of(plan, binding_with(report->bindings, "budget"));
    g_assert_cmpint(budget->status, ==, JX_REFRESH_CHANGED);   /* the placeholder is filled */
    g_assert_cmpstr(budget->now.text, ==, "359.95");
    g_assert_false(budget->now.placeholder);
    const JxRefreshItem *overtyped = item_of(plan, rate);
    g_assert_cmpint(overtyped->status, ==, JX_REFRESH_OVERTYPED);
    g_assert_cmpstr(overtyped->current, ==, "约97%");
    g_assert_cmpstr(overtyped->now.text, ==, "97.35%");
    const JxRefreshItem *result = item_of(plan, binding_with(report->bindings, "result"));
    g_assert_cmpint(result->status, ==, JX_REFRESH_CHANGED);
    g_assert_cmpstr(result->now.text, ==, "基本完成");
    g_assert_cmpint(item_of(plan, bonus)->status, ==, JX_REFRESH_GONE);
    const JxRefreshItem *office = item_of(plan, binding_with(report->bindings, "items[办公费].executed"));
    g_assert_cmpint(office->status, ==, JX_REFRESH_SAME);
    g_assert_cmpint(jx_refresh_count(plan, JX_REFRESH_OVERTYPED), ==, 1);
    g_assert_cmpint(jx_refresh_count(plan, JX_REFRESH_GONE), ==, 1);
    /* the total, the budget, the result; 工资福利支出 and 商品和服务支出 in the list and the
     * table; 奖金 in the list (its row of the table is gone) */
    g_assert_cmpint(jx_refresh_count(plan, JX_REFRESH_CHANGED), ==, 3 + 2 + 2 + 1);

    /* the author keeps the overtyped figure: kept, and kept next time too */
    g_assert_true(jx_refresh_keep((JxRefreshItem *)overtyped));
    jx_refresh_commit(plan);
    g_assert_cmpstr(total->binding->text, ==, "330.45");
    g_assert_false(budget->binding->placeholder);
    g_assert_cmpstr(rate->kept, ==, "约97%");
    g_autoptr(GHashTable) next = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
    for (guint i = 0; i < plan->items->len; i++) {
        const JxRefreshItem *item = g_ptr_array_index(plan->items, i);
        if (item->status == JX_REFRESH_GONE)
            continue;
        g_hash_table_insert(next, item->binding->id,
                            g_strdup(item->status == JX_REFRESH_CHANGED ? item->now.text : item->current));
    }
    g_autoptr(JxRefreshPlan) again = jx_refresh_plan(bundle->template, &input, report->bindings, next);
    g_assert_cmpint(jx_refresh_count(again, JX_REFRESH_CHANGED), ==, 0);
    g_assert_cmpint(jx_refresh_count(again, JX_REFRESH_KEPT), ==, 1);
    g_assert_cmpint(jx_refresh_count(again, JX_REFRESH_OVERTYPED), ==, 0);
    g_assert_cmpint(jx_refresh_count(again, JX_REFRESH_SAME), ==, (int)report->bindings->len - 2);
}

/* Rows are found by name, not by place: a row moved in the workbook is
 * still found; a row renamed is not, and its figures are left alone. */
static void moved_and_renamed(JxWorkbook *wb)
{
    JxSheet *items = jx_workbook_sheet(wb, "明细");
    set_cell(wb, items, 4, 0, "30103");   /* 商品和服务支出's row now reads as an item … */
    set_cell(wb, items, 4, 1, "'印刷费");   /* … named otherwise */
    set_cell(wb, items, 2, 1, "'奖金");     /* 基本工资 and 奖金 swap rows */
    set_cell(wb, items, 2, 2, "157.90");
    set_cell(wb, items, 3, 1, "'基本工资");
    set_cell(wb, items, 3, 2, "115.87");
}

static void test_rows_by_name(void)
{
    g_autoptr(JxBundle) bundle = bundle_new();
    g_autoptr(Book) before = book_new(bundle, NULL);
    g_autoptr(JxReport) report = report_of(before);
    g_autoptr(GHashTable) document = document_of(report);
    g_autoptr(Book) after = book_new(bundle, moved_and_renamed);
    JxReportInput input = { after->model, NULL, after->findings, NULL };
    g_autoptr(JxRefreshPlan) plan = jx_refresh_plan(bundle->template, &input, report->bindings, document);
    const JxRefreshItem *wage = item_of(plan, binding_with(report->bindings, "items[基本工资].executed"));
    g_assert_cmpint(wage->status, ==, JX_REFRESH_SAME);
    g_assert_cmpstr(wage->now.cell, ==, "明细!C4");
    const JxRefreshItem *goods = item_of(plan, binding_with(report->bindings, "items[商品和服务支出].executed"));
    g_assert_cmpint(goods->status, ==, JX_REFRESH_UNRESOLVED);
    g_assert_null(goods->now.text);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/refresh/binding/every-value", test_every_value_bound);
    g_test_add_func("/refresh/binding/json-round-trip", test_json_round_trip);
    g_test_add_func("/refresh/binding/json-hostile", test_json_hostile);
    g_test_add_func("/refresh/binding/odt-bookmarks", test_odt_bookmarks);
    g_test_add_func("/refresh/plan", test_plan);
    g_test_add_func("/refresh/rows-by-name", test_rows_by_name);
    return g_test_run();
}

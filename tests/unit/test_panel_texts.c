/*
 * test_panel_texts.c: what the sidebar panel says besides the findings
 * themselves: the places a finding names, and the one message for a
 * spreadsheet that is not the schema's workbook.
 */
#include <string.h>

#include <glib.h>

#include "core/findings.h"
#include "core/schema.h"
#include "core/workbook.h"
#include "test_helpers.h"
#include "ui/form.h"
#include "ui/places.h"

static JxWorkbook *three_sheets(void)
{
    JxWorkbook *wb = jx_workbook_new("test");
    jx_workbook_add_sheet(wb, "数据表", 5, 5);
    jx_workbook_add_sheet(wb, "基础数据表", 5, 5);
    jx_workbook_add_sheet(wb, "部门整体支出绩效自评表", 5, 5);
    return wb;
}

static char *place_text(const JxWorkbook *wb, GArray *places, guint i)
{
    return jx_place_format(wb, &g_array_index(places, JxPlace, i));
}

static void test_places_own_then_named(void)
{
    g_autoptr(JxWorkbook) wb = three_sheets();
    JxFinding *f = jx_finding_new(JX_FINDING_SAME_ROUNDING, 2, 10, 4,
        "部门整体支出 410.42 万元 与 整体支出全年执行数（基础数据表!D4）410.41 万元 不一致",
        "部门整体支出 410.42 万元 differs from Total expenditure (基础数据表!D4) 410.41 万元");
    GArray *places = jx_finding_places(f, wb);
    g_assert_cmpuint(places->len, ==, 2);   /* the same place named in both texts counts once */
    g_autofree char *own = place_text(wb, places, 0);
    g_autofree char *named = place_text(wb, places, 1);
    g_assert_cmpstr(own, ==, "部门整体支出绩效自评表!E11");
    /* the longest sheet name ending at the "!" wins over the sheet "数据表" */
    g_assert_cmpstr(named, ==, "基础数据表!D4");
    g_array_free(places, TRUE);
    jx_finding_free(f);
}

static void test_places_ranges_and_noise(void)
{
    g_autoptr(JxWorkbook) wb = three_sheets();
    JxFinding *f = jx_finding_new(JX_FINDING_SUM_MISMATCH, -1, 0, 0,
        "见 数据表!B2:C4 与 数据表!$A$1；忽略 未知表!A1、数据表!D0、数据表!AB12X 和 感叹号!",
        "see 数据表!B2:C4");
    GArray *places = jx_finding_places(f, wb);
    g_assert_cmpuint(places->len, ==, 2);   /* no own range (sheet -1); unknown sheets and non-cells ignored */
    g_autofree char *range = place_text(wb, places, 0);
    g_autofree char *cell = place_text(wb, places, 1);
    g_assert_cmpstr(range, ==, "数据表!B2:C4");
    g_assert_cmpstr(cell, ==, "数据表!A1");
    g_array_free(places, TRUE);
    jx_finding_free(f);
}

static const char *const schema_json =
    "{'format':'jixiao-schema','version':1,'id':'t','title':{'zh':'测试自评','en':'Test self-evaluation'},"
    " 'sheets':{'a':{'name':'甲表','required':true},'b':{'name':'乙表','required':true},"
    "           'c':{'name':'丙表','required':true},'d':{'name':'说明','required':false}},"
    " 'fields':{}}";

static void test_form_recognised_by_required_sheets(void)
{
    JxSchema *schema = load_schema_quoted(schema_json);
    const char *all[] = { "说明", "甲表", "乙表", "丙表" };
    const char *two[] = { "甲表", "丙表", "Sheet3" };
    const char *one[] = { "甲表", "Sheet2" };
    const char *other[] = { "Sheet1", "说明" };
    g_assert_true(jx_form_recognised(schema, all, G_N_ELEMENTS(all)));
    g_assert_true(jx_form_recognised(schema, two, G_N_ELEMENTS(two)));   /* one sheet renamed */
    g_assert_false(jx_form_recognised(schema, one, G_N_ELEMENTS(one)));
    g_assert_false(jx_form_recognised(schema, other, G_N_ELEMENTS(other)));
    g_assert_false(jx_form_recognised(schema, NULL, 0));
    jx_schema_free(schema);
}

static void test_form_message_names_the_way_forward(void)
{
    JxSchema *schema = load_schema_quoted(schema_json);
    const char *sheets[] = { "Sheet1", "乙表" };
    const char *path = "/ext/workbooks/standard-workbook.fods";
    g_autofree char *zh = jx_form_message(schema, sheets, 2, JX_FORM_WAY_PANEL_BUTTON, NULL, JX_LANG_ZH);
    g_autofree char *en = jx_form_message(schema, sheets, 2, JX_FORM_WAY_PANEL_BUTTON, NULL, JX_LANG_EN);
    g_assert_nonnull(strstr(zh, "测试自评"));
    g_assert_nonnull(strstr(zh, "甲表、丙表"));          /* the missing required sheets, only */
    g_assert_null(strstr(zh, "乙表"));
    g_assert_nonnull(strstr(zh, "打开标准工作簿"));
    g_assert_nonnull(strstr(en, "Test self-evaluation"));
    g_assert_nonnull(strstr(en, "甲表, 丙表"));
    g_assert_nonnull(strstr(en, "Open the standard workbook"));
    g_assert_nonnull(strstr(en, "comes with Jixiao."));   /* the panel names no path */
    /* a command line has no button: the path instead */
    g_autofree char *door_zh = jx_form_message(schema, sheets, 2, JX_FORM_WAY_PATH, path, JX_LANG_ZH);
    g_autofree char *door_en = jx_form_message(schema, sheets, 2, JX_FORM_WAY_PATH, path, JX_LANG_EN);
    g_assert_nonnull(strstr(door_zh, path));
    g_assert_nonnull(strstr(door_en, path));
    g_assert_null(strstr(door_zh, "打开标准工作簿"));
    g_assert_null(strstr(door_en, "Open the standard workbook"));
    g_assert_nonnull(strstr(door_en, "甲表, 丙表"));
    /* a bureau's own schema: its workbook is not the one inside the extension */
    g_autofree char *bureau = jx_form_message(schema, sheets, 2, JX_FORM_WAY_BUREAU, path, JX_LANG_EN);
    g_assert_null(strstr(bureau, path));
    g_assert_nonnull(strstr(bureau, "standard workbook"));
    jx_schema_free(schema);
}

/* The panel shows each finding's fix under it: every kind has one in both languages. */
static void test_every_code_has_a_fix(void)
{
    gsize n;
    const JxFindingKind *kinds = jx_finding_kinds(&n);
    for (gsize i = 0; i < n; i++)
        for (int lang = 0; lang < 2; lang++) {
            if (kinds[i].fix[lang] == NULL)
                g_error("no %s fix for %s", lang ? "en" : "zh", kinds[i].code);
            g_assert_cmpuint(strlen(kinds[i].fix[lang]), >, 5);
        }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/panel/places/own-then-named", test_places_own_then_named);
    g_test_add_func("/panel/places/ranges-and-noise", test_places_ranges_and_noise);
    g_test_add_func("/panel/form/recognised", test_form_recognised_by_required_sheets);
    g_test_add_func("/panel/form/message", test_form_message_names_the_way_forward);
    g_test_add_func("/panel/fixes/every-code", test_every_code_has_a_fix);
    return g_test_run();
}

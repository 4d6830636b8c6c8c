/*
 * test_schema.c: the schema loader.  A minimal and a rich schema load
 * without problems and their structures hold what the JSON said; every class
 * of malformed schema is reported with its count and exact JSON paths.
 *
 * Schemas are written with ' for " (converted before loading) so that the
 * JSON stays readable inside C strings; no text below contains an apostrophe.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "core/error.h"
#include "core/bundle.h"
#include "core/schema.h"
#include "test_helpers.h"

/* ---- helpers ------------------------------------------------------------ */

/* Loads a schema that must be valid. */
static JxSchema *load_valid(const char *quoted)
{
    g_autofree char *json = json_of(quoted);
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func(jx_schema_problem_free);
    GError *error = NULL;
    JxSchema *schema = jx_schema_load_data(json, strlen(json), problems, &error);
    if (schema == NULL || problems->len != 0) {
        print_problems(problems);
        g_autofree char *en = jx_error_text(error, JX_LANG_EN);
        g_printerr("  error: %s\n", en);
    }
    g_assert_no_error(error);
    g_assert_nonnull(schema);
    g_assert_cmpuint(problems->len, ==, 0);
    return schema;
}

/* Loads raw bytes that must fail; returns the problems. */
static GPtrArray *load_invalid_bytes(const char *data, gsize length, GError **error_out)
{
    GPtrArray *problems = g_ptr_array_new_with_free_func(jx_schema_problem_free);
    GError *error = NULL;
    JxSchema *schema = jx_schema_load_data(data, length, problems, &error);
    g_assert_null(schema);
    g_assert_error(error, JX_ERROR, JX_ERROR_SCHEMA);
    g_assert_cmpuint(problems->len, >, 0);
    for (guint i = 0; i < problems->len; i++) {
        const JxSchemaProblem *p = g_ptr_array_index(problems, i);
        g_assert_nonnull(p->path);
        g_assert_true(g_str_has_prefix(p->path, "$"));
        g_assert_true(g_utf8_validate(p->path, -1, NULL));
        g_assert_nonnull(p->zh);
        g_assert_nonnull(p->en);
        g_assert_cmpstr(p->zh, !=, "");
        g_assert_cmpstr(p->en, !=, "");
        g_assert_true(g_utf8_validate(p->zh, -1, NULL));
        g_assert_true(g_utf8_validate(p->en, -1, NULL));
    }
    /* the error names the first problem's path in both languages */
    const JxSchemaProblem *first = g_ptr_array_index(problems, 0);
    g_autofree char *zh = jx_error_text(error, JX_LANG_ZH);
    g_autofree char *en = jx_error_text(error, JX_LANG_EN);
    g_assert_nonnull(strstr(zh, first->path));
    g_assert_nonnull(strstr(en, first->path));
    g_assert_nonnull(strstr(en, first->en));
    if (problems->len > 1) {
        g_autofree char *count = g_strdup_printf("%u errors", problems->len);
        g_assert_nonnull(strstr(en, count));
    }
    if (error_out)
        *error_out = error;
    else
        g_error_free(error);
    return problems;
}

static GPtrArray *load_invalid(const char *quoted)
{
    g_autofree char *json = json_of(quoted);
    return load_invalid_bytes(json, strlen(json), NULL);
}

static void assert_ref(const JxRef *ref, const char *table, const char *name,
                       const char *match_column, const char *match_value,
                       gboolean all_rows, gboolean same_row)
{
    g_assert_nonnull(ref);
    g_assert_false(ref->is_constant);
    g_assert_cmpstr(ref->table, ==, table);
    g_assert_cmpstr(ref->name, ==, name);
    g_assert_cmpstr(ref->match_column, ==, match_column);
    g_assert_cmpstr(ref->match_value, ==, match_value);
    g_assert_cmpint(ref->all_rows, ==, all_rows);
    g_assert_cmpint(ref->same_row, ==, same_row);
    g_assert_nonnull(ref->text);
}

static void assert_constant(const JxRef *ref, double value)
{
    g_assert_nonnull(ref);
    g_assert_true(ref->is_constant);
    g_assert_cmpfloat(ref->constant, ==, value);
    g_assert_null(ref->table);
}

/* The argument of a compute by name. */
static const JxRef *arg(const JxCompute *c, const char *name)
{
    for (int i = 0; i < c->n_args; i++)
        if (strcmp(c->arg_names[i], name) == 0)
            return c->args[i];
    g_assert_not_reached();
    return NULL;
}

static gboolean has_arg(const JxCompute *c, const char *name)
{
    for (int i = 0; i < c->n_args; i++)
        if (strcmp(c->arg_names[i], name) == 0)
            return TRUE;
    return FALSE;
}

/* Common pieces of the schemas below. */
#define HEAD_REST "'id':'t','title':{'zh':'测试','en':'Test'},"
#define HEAD "{'format':'jixiao-schema','version':1," HEAD_REST
#define SHEETS "'sheets':{'s':{'name':'表1'}},"
#define LBL "'label':{'zh':'甲','en':'A'}"
#define FIELD(id, rest) "'" id "':{" LBL ",'sheet':'s','at':{'cell':'B2'},'type':'amount'" rest "}"
#define FIELDS "'fields':{" FIELD("a", "") "," FIELD("b", "") "}"
#define COLS "'code':{'header':'编码','type':'text'},'v':{'header':'金额','type':'amount'}"
#define TABLE(id, rest) "'" id "':{" LBL ",'sheet':'s','header':{'label':'编码','label_column':'A'}," \
                        "'columns':{" COLS "}" rest "}"
#define TABLE_COLS(id, cols, rest) "'" id "':{" LBL ",'sheet':'s','header':{'label':'编码','label_column':'A'}," \
                                   "'columns':{" cols "}" rest "}"
#define MINIMAL HEAD SHEETS FIELDS "}"
#define WITH_TABLE(table) HEAD SHEETS FIELDS ",'tables':{" table "}}"
#define WITH_CHECKS(checks) HEAD SHEETS FIELDS ",'tables':{" TABLE("t", "") "},'checks':[" checks "]}"
#define SUM_CHECK(id, total, parts) "{'id':'" id "','kind':'sum','total':" total ",'parts':[" parts "]}"

/* ---- valid schemas -------------------------------------------------------- */

static void test_minimal(void)
{
    g_autoptr(JxSchema) s = load_valid(
        "{'format':'jixiao-schema','version':1,'id':'mini','title':{'zh':'最小','en':'Minimal'},"
        "'sheets':{'s':{'name':'表1'}},"
        "'fields':{'a':{'label':{'zh':'甲','en':'A'},'sheet':'s','at':{'cell':'C3'},'type':'text'}}}");
    g_assert_cmpstr(s->id, ==, "mini");
    g_assert_cmpint(s->version, ==, 1);
    g_assert_cmpstr(s->title.zh, ==, "最小");
    g_assert_cmpstr(s->title.en, ==, "Minimal");
    /* settings take their defaults */
    g_assert_cmpstr(s->settings.amount_unit, ==, "万元");
    g_assert_cmpint(s->settings.amount_decimals, ==, 2);
    g_assert_cmpfloat(s->settings.precision, ==, 0.01);
    g_assert_cmpfloat(s->settings.note_limit, ==, 0.01);
    g_assert_cmpint(s->settings.compute_mode, ==, JX_COMPUTE_MODE_FORMULAS);
    JxScoringRules defaults;
    jx_scoring_rules_init_default(&defaults);
    const JxScoringRules *r = &s->settings.scoring;
    g_assert_cmpfloat(r->grade_excellent, ==, defaults.grade_excellent);
    g_assert_cmpfloat(r->grade_good, ==, defaults.grade_good);
    g_assert_cmpfloat(r->grade_pass, ==, defaults.grade_pass);
    g_assert_cmpfloat(r->band_achieved_low, ==, defaults.band_achieved_low);
    g_assert_cmpfloat(r->band_partial_low, ==, defaults.band_partial_low);
    g_assert_cmpfloat(r->overachievement, ==, defaults.overachievement);
    g_assert_cmpfloat(r->execution_explain_below, ==, defaults.execution_explain_below);
    g_assert_cmpint(r->score_decimals, ==, defaults.score_decimals);
    g_assert_cmpuint(s->sheets->len, ==, 1);
    const JxSheetSpec *sheet = jx_schema_sheet(s, "s");
    g_assert_nonnull(sheet);
    g_assert_cmpstr(sheet->name, ==, "表1");
    g_assert_true(sheet->required);   /* default */
    g_assert_cmpuint(s->fields->len, ==, 1);
    const JxFieldSpec *f = jx_schema_field(s, "a");
    g_assert_nonnull(f);
    g_assert_cmpint(f->at.kind, ==, JX_AT_CELL);
    g_assert_cmpint(f->at.row, ==, 2);
    g_assert_cmpint(f->at.col, ==, 2);
    g_assert_cmpint(f->type, ==, JX_TYPE_TEXT);
    g_assert_cmpint(f->role, ==, JX_ROLE_INPUT);
    g_assert_false(f->required);
    g_assert_null(f->unit);
    g_assert_null(f->compute);
    g_assert_cmpuint(s->tables->len, ==, 0);
    g_assert_cmpuint(s->checks->len, ==, 0);
    g_assert_null(jx_schema_field(s, "b"));
    g_assert_null(jx_schema_field(s, NULL));
    g_assert_null(jx_schema_table(s, "a"));
    g_assert_null(jx_schema_sheet(s, "x"));
}

static const char rich_schema[] =
    "{'format':'jixiao-schema','version':1,'id':'rich',"
    " 'title':{'zh':'部门整体支出绩效自评','en':'Department self-evaluation'},"
    " 'description':'a test schema',"
    " 'settings':{'amount_unit':'万元','amount_decimals':2,'precision':0.005,'note_limit':0.02,"
    "   'compute_mode':'values',"
    "   'scoring':{'grade_excellent':95,'grade_good':85,'grade_pass':65,'band_achieved_low':0.85,"
    "     'band_partial_low':0.65,'overachievement':1.3,'execution_explain_below':0.85,'score_decimals':1}},"
    " 'sheets':{'budget':{'name':'基础数据表'},'ind':{'name':'绩效自评表','required':false},"
    "   'items':{'name':'基本支出明细','required':true}},"
    " 'fields':{"
    "  'dept':{'label':{'zh':'单位名称','en':'Department'},'sheet':'budget','at':{'named':'JX_DEPARTMENT'},"
    "    'type':'text','required':true,'note':'from the named range'},"
    "  'budget.total':{'label':{'zh':'全年预算数','en':'Budget'},'sheet':'budget','at':{'cell':'D5'},"
    "    'type':'amount','unit':'万元','required':true},"
    "  'spending.total':{'label':{'zh':'整体支出','en':'Total expenditure'},'sheet':'budget',"
    "    'at':{'label':'整体支出','label_column':'A','value_column':'D'},'type':'amount','unit':'元'},"
    "  'spending.basic':{'label':{'zh':'基本支出','en':'Basic expenditure'},'sheet':'budget',"
    "    'at':{'label':'基本支出','label_column':'B','value_column':'AA'},'type':'amount'},"
    "  'exec.explanation':{'label':{'zh':'说明','en':'Explanation'},'sheet':'budget','at':{'cell':'XFD1048576'},"
    "    'type':'text'},"
    "  'count':{'label':{'zh':'人数','en':'Head count'},'sheet':'budget','at':{'cell':'A1'},'type':'integer'},"
    "  'share':{'label':{'zh':'占比','en':'Share'},'sheet':'budget','at':{'cell':'A2'},'type':'percent'},"
    "  'goal':{'label':{'zh':'目标','en':'Goal'},'sheet':'budget','at':{'cell':'A3'},'type':'quantity'},"
    "  'band':{'label':{'zh':'档次','en':'Band'},'sheet':'budget','at':{'cell':'A4'},'type':'band'},"
    "  'date':{'label':{'zh':'日期','en':'Date'},'sheet':'budget','at':{'cell':'A5'},'type':'date'},"
    "  'plain':{'label':{'zh':'数','en':'Number'},'sheet':'budget','at':{'cell':'A6'},'type':'number'},"
    "  'title':{'label':{'zh':'标题','en':'Title'},'sheet':'budget','at':{'cell':'A7'},'type':'text','role':'fixed'},"
    "  'exec.rate':{'label':{'zh':'执行率','en':'Execution rate'},'sheet':'budget','at':{'cell':'E5'},"
    "    'type':'percent','role':'computed',"
    "    'compute':{'kind':'execution_rate','budget':'budget.total','executed':'spending.total'}},"
    "  'exec.points':{'label':{'zh':'执行率得分','en':'Execution points'},'sheet':'budget','at':{'cell':'F5'},"
    "    'type':'number','role':'computed',"
    "    'compute':{'kind':'execution_points','weight':10,'budget':'budget.total','executed':'spending.total'}},"
    "  'score.total':{'label':{'zh':'总分','en':'Total score'},'sheet':'ind','at':{'cell':'H20'},"
    "    'type':'number','role':'computed',"
    "    'compute':{'kind':'total_score','parts':['exec.points','ind[*].computed_score']}},"
    "  'grade':{'label':{'zh':'等级','en':'Grade'},'sheet':'ind','at':{'cell':'H21'},'type':'text',"
    "    'role':'computed','compute':{'kind':'grade','total':'score.total'}},"
    "  'basic.sum':{'label':{'zh':'基本支出合计','en':'Basic sum'},'sheet':'items','at':{'cell':'D30'},"
    "    'type':'amount','role':'computed',"
    "    'compute':{'kind':'sum','parts':['items[code=301].executed','items[code=302].executed',0.5]}},"
    "  'basic.ratio':{'label':{'zh':'基本支出占比','en':'Basic share'},'sheet':'budget','at':{'cell':'G5'},"
    "    'type':'percent','role':'computed',"
    "    'compute':{'kind':'ratio','numerator':'spending.basic','denominator':'spending.total'}}"
    " },"
    " 'tables':{"
    "  'items':{'label':{'zh':'基本支出明细','en':'Basic expenditure items'},'sheet':'items',"
    "   'header':{'label':'科目编码','label_column':'A'},"
    "   'end':{'labels':['合计','总计'],'blank_rows':2,'max_rows':500},"
    "   'columns':{"
    "     'code':{'header':'科目编码','type':'text'},"
    "     'name':{'label':{'zh':'科目名称','en':'Item'},'header':'科目名称','type':'text','required':true},"
    "     'executed':{'header':'全年执行数（万元）','type':'amount','unit':'万元'},"
    "     'group_total':{'column':'F','type':'amount','role':'computed',"
    "       'compute':{'kind':'group_sum','column':'executed'}}"
    "   },"
    "   'key':'name','groups':{'column':'code','rule':'prefix'},'note':'economic classes'},"
    "  'ind':{'label':{'zh':'绩效指标','en':'Indicators'},'sheet':'ind',"
    "   'header':{'label':'三级指标','label_column':'C'},"
    "   'columns':{"
    "     'name':{'header':'三级指标','type':'text'},"
    "     'target':{'header':'年度指标值','type':'quantity'},"
    "     'actual':{'header':'实际完成值','type':'quantity'},"
    "     'weight':{'header':'分值','type':'number'},"
    "     'band':{'header':'档次','type':'band'},"
    "     'score':{'header':'得分','type':'number'},"
    "     'computed_score':{'column':'I','type':'number','role':'computed',"
    "       'compute':{'kind':'indicator_score','weight':'weight','target':'target','actual':'actual',"
    "                  'band':'band','entered':'score'}},"
    "     'completion':{'column':'J','type':'percent','role':'computed',"
    "       'compute':{'kind':'indicator_completion','target':'target','actual':'actual'}},"
    "     'deviation':{'header':'偏差原因分析及改进措施','type':'text'}"
    "   },"
    "   'key':'name'},"
    "  'projects':{'label':{'zh':'项目支出','en':'Projects'},'sheet':'budget',"
    "   'header':{'label':'项目名称','label_column':'A'},"
    "   'columns':{"
    "     'name':{'header':'项目名称','type':'text'},"
    "     'budget':{'header':'全年预算数','type':'amount'},"
    "     'executed':{'header':'全年执行数','type':'amount'},"
    "     'rate':{'column':'E','type':'percent','role':'computed',"
    "       'compute':{'kind':'execution_rate','budget':'budget','executed':'executed'}},"
    "     'points':{'column':'F','type':'number','role':'computed',"
    "       'compute':{'kind':'execution_points','weight':10,'budget':'budget','executed':'executed'}}"
    "   }}"
    " },"
    " 'checks':["
    "  {'id':'sum.basic','kind':'sum','label':{'zh':'基本支出','en':'Basic expenditure'},"
    "   'total':'spending.basic','parts':['items[code=301].executed','items[code=302].executed'],'precision':0,"
    "   'note':'the four classes'},"
    "  {'id':'groups','kind':'group_sums','table':'items','column':'executed','precision':0.01},"
    "  {'id':'same.total','kind':'same','refs':['spending.total','budget.total','items[name=合计 ].executed']},"
    "  {'id':'ind','kind':'indicators','table':'ind','columns':{'name':'name','target':'target',"
    "   'actual':'actual','weight':'weight','score':'score','completion':'completion','band':'band',"
    "   'deviation':'deviation'}},"
    "  {'id':'weights','kind':'weights','total':100,'parts':['ind[*].weight','exec.points']},"
    "  {'id':'exec','kind':'execution','budget':'budget.total','executed':'spending.total',"
    "   'explanation':'exec.explanation'},"
    "  {'id':'nonneg','kind':'non_negative','refs':['items[*].executed','budget.total']}"
    " ]"
    "}";

static void test_rich(void)
{
    g_autoptr(JxSchema) s = load_valid(rich_schema);
    g_assert_cmpstr(s->id, ==, "rich");

    /* settings */
    g_assert_cmpstr(s->settings.amount_unit, ==, "万元");
    g_assert_cmpint(s->settings.amount_decimals, ==, 2);
    g_assert_cmpfloat(s->settings.precision, ==, 0.005);
    g_assert_cmpfloat(s->settings.note_limit, ==, 0.02);
    g_assert_cmpint(s->settings.compute_mode, ==, JX_COMPUTE_MODE_VALUES);
    const JxScoringRules *r = &s->settings.scoring;
    g_assert_cmpfloat(r->grade_excellent, ==, 95);
    g_assert_cmpfloat(r->grade_good, ==, 85);
    g_assert_cmpfloat(r->grade_pass, ==, 65);
    g_assert_cmpfloat(r->band_achieved_low, ==, 0.85);
    g_assert_cmpfloat(r->band_partial_low, ==, 0.65);
    g_assert_cmpfloat(r->overachievement, ==, 1.3);
    g_assert_cmpfloat(r->execution_explain_below, ==, 0.85);
    g_assert_cmpint(r->score_decimals, ==, 1);

    /* sheets, in file order */
    g_assert_cmpuint(s->sheets->len, ==, 3);
    g_assert_cmpstr(((JxSheetSpec *)g_ptr_array_index(s->sheets, 0))->id, ==, "budget");
    g_assert_true(jx_schema_sheet(s, "budget")->required);
    g_assert_false(jx_schema_sheet(s, "ind")->required);
    g_assert_true(jx_schema_sheet(s, "items")->required);
    g_assert_cmpstr(jx_schema_sheet(s, "ind")->name, ==, "绩效自评表");

    /* fields: locators */
    g_assert_cmpuint(s->fields->len, ==, 18);
    const JxFieldSpec *dept = jx_schema_field(s, "dept");
    g_assert_cmpint(dept->at.kind, ==, JX_AT_NAMED);
    g_assert_cmpstr(dept->at.name, ==, "JX_DEPARTMENT");
    g_assert_true(dept->required);
    g_assert_cmpstr(dept->label.zh, ==, "单位名称");
    g_assert_cmpstr(dept->label.en, ==, "Department");
    g_assert_cmpstr(dept->sheet, ==, "budget");
    const JxFieldSpec *budget = jx_schema_field(s, "budget.total");
    g_assert_cmpint(budget->at.kind, ==, JX_AT_CELL);
    g_assert_cmpint(budget->at.row, ==, 4);
    g_assert_cmpint(budget->at.col, ==, 3);
    g_assert_cmpint(budget->type, ==, JX_TYPE_AMOUNT);
    g_assert_cmpstr(budget->unit, ==, "万元");
    const JxFieldSpec *total = jx_schema_field(s, "spending.total");
    g_assert_cmpint(total->at.kind, ==, JX_AT_LABEL);
    g_assert_cmpstr(total->at.label, ==, "整体支出");
    g_assert_cmpint(total->at.label_col, ==, 0);
    g_assert_cmpint(total->at.value_col, ==, 3);
    g_assert_cmpstr(total->unit, ==, "元");
    const JxFieldSpec *basic = jx_schema_field(s, "spending.basic");
    g_assert_cmpint(basic->at.label_col, ==, 1);
    g_assert_cmpint(basic->at.value_col, ==, 26);
    g_assert_null(basic->unit);   /* the schema's amount_unit applies */
    const JxFieldSpec *corner = jx_schema_field(s, "exec.explanation");
    g_assert_cmpint(corner->at.row, ==, 1048575);
    g_assert_cmpint(corner->at.col, ==, 16383);

    /* fields: every type and role */
    static const struct { const char *id; JxValueType type; JxRole role; } types[] = {
        { "count", JX_TYPE_INTEGER, JX_ROLE_INPUT }, { "share", JX_TYPE_PERCENT, JX_ROLE_INPUT },
        { "goal", JX_TYPE_QUANTITY, JX_ROLE_INPUT }, { "band", JX_TYPE_BAND, JX_ROLE_INPUT },
        { "date", JX_TYPE_DATE, JX_ROLE_INPUT }, { "plain", JX_TYPE_NUMBER, JX_ROLE_INPUT },
        { "title", JX_TYPE_TEXT, JX_ROLE_FIXED }, { "dept", JX_TYPE_TEXT, JX_ROLE_INPUT },
        { "exec.rate", JX_TYPE_PERCENT, JX_ROLE_COMPUTED },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(types); i++) {
        const JxFieldSpec *f = jx_schema_field(s, types[i].id);
        g_assert_nonnull(f);
        g_assert_cmpint(f->type, ==, types[i].type);
        g_assert_cmpint(f->role, ==, types[i].role);
    }

    /* fields: compute kinds and their refs */
    const JxCompute *c = jx_schema_field(s, "exec.rate")->compute;
    g_assert_cmpint(c->kind, ==, JX_COMPUTE_EXECUTION_RATE);
    assert_ref(arg(c, "budget"), NULL, "budget.total", NULL, NULL, FALSE, FALSE);
    assert_ref(arg(c, "executed"), NULL, "spending.total", NULL, NULL, FALSE, FALSE);
    g_assert_null(c->parts);
    c = jx_schema_field(s, "exec.points")->compute;
    g_assert_cmpint(c->kind, ==, JX_COMPUTE_EXECUTION_POINTS);
    assert_constant(arg(c, "weight"), 10);
    assert_ref(arg(c, "budget"), NULL, "budget.total", NULL, NULL, FALSE, FALSE);
    c = jx_schema_field(s, "score.total")->compute;
    g_assert_cmpint(c->kind, ==, JX_COMPUTE_TOTAL_SCORE);
    g_assert_cmpuint(c->parts->len, ==, 2);
    assert_ref(g_ptr_array_index(c->parts, 0), NULL, "exec.points", NULL, NULL, FALSE, FALSE);
    assert_ref(g_ptr_array_index(c->parts, 1), "ind", "computed_score", NULL, NULL, TRUE, FALSE);
    g_assert_cmpstr(((JxRef *)g_ptr_array_index(c->parts, 1))->text, ==, "ind[*].computed_score");
    c = jx_schema_field(s, "grade")->compute;
    g_assert_cmpint(c->kind, ==, JX_COMPUTE_GRADE);
    assert_ref(arg(c, "total"), NULL, "score.total", NULL, NULL, FALSE, FALSE);
    c = jx_schema_field(s, "basic.sum")->compute;
    g_assert_cmpint(c->kind, ==, JX_COMPUTE_SUM);
    g_assert_cmpuint(c->parts->len, ==, 3);
    assert_ref(g_ptr_array_index(c->parts, 0), "items", "executed", "code", "301", FALSE, FALSE);
    assert_ref(g_ptr_array_index(c->parts, 1), "items", "executed", "code", "302", FALSE, FALSE);
    assert_constant(g_ptr_array_index(c->parts, 2), 0.5);
    c = jx_schema_field(s, "basic.ratio")->compute;
    g_assert_cmpint(c->kind, ==, JX_COMPUTE_RATIO);
    assert_ref(arg(c, "numerator"), NULL, "spending.basic", NULL, NULL, FALSE, FALSE);
    assert_ref(arg(c, "denominator"), NULL, "spending.total", NULL, NULL, FALSE, FALSE);

    /* tables */
    g_assert_cmpuint(s->tables->len, ==, 3);
    const JxTableSpec *items = jx_schema_table(s, "items");
    g_assert_nonnull(items);
    g_assert_cmpstr(items->sheet, ==, "items");
    g_assert_cmpstr(items->header_label, ==, "科目编码");
    g_assert_cmpint(items->header_label_col, ==, 0);
    g_assert_cmpuint(items->end_labels->len, ==, 2);
    g_assert_cmpstr(g_ptr_array_index(items->end_labels, 0), ==, "合计");
    g_assert_cmpstr(g_ptr_array_index(items->end_labels, 1), ==, "总计");
    g_assert_cmpint(items->end_blank_rows, ==, 2);
    g_assert_cmpint(items->max_rows, ==, 500);
    g_assert_cmpstr(items->key, ==, "name");
    g_assert_cmpstr(items->group_column, ==, "code");
    g_assert_cmpuint(items->columns->len, ==, 4);
    g_assert_cmpint(jx_table_column_index(items, "code"), ==, 0);
    g_assert_cmpint(jx_table_column_index(items, "group_total"), ==, 3);
    g_assert_cmpint(jx_table_column_index(items, "nope"), ==, -1);
    g_assert_cmpint(jx_table_column_index(items, NULL), ==, -1);
    const JxColumnSpec *col = jx_table_column(items, "executed");
    g_assert_cmpstr(col->header, ==, "全年执行数（万元）");
    g_assert_cmpint(col->column, ==, -1);
    g_assert_cmpint(col->type, ==, JX_TYPE_AMOUNT);
    g_assert_cmpstr(col->unit, ==, "万元");
    col = jx_table_column(items, "name");
    g_assert_true(col->required);
    g_assert_cmpstr(col->label.zh, ==, "科目名称");
    col = jx_table_column(items, "group_total");
    g_assert_null(col->header);
    g_assert_cmpint(col->column, ==, 5);
    g_assert_cmpint(col->role, ==, JX_ROLE_COMPUTED);
    g_assert_cmpint(col->compute->kind, ==, JX_COMPUTE_GROUP_SUM);
    g_assert_cmpstr(arg(col->compute, "column")->name, ==, "executed");

    const JxTableSpec *ind = jx_schema_table(s, "ind");
    g_assert_cmpint(ind->header_label_col, ==, 2);
    g_assert_cmpuint(ind->end_labels->len, ==, 0);    /* defaults */
    g_assert_cmpint(ind->end_blank_rows, ==, 0);    /* no blank-row end: to the end row */
    g_assert_cmpint(ind->max_rows, ==, 100000);
    g_assert_null(ind->group_column);
    col = jx_table_column(ind, "computed_score");
    g_assert_cmpint(col->column, ==, 8);
    c = col->compute;
    g_assert_cmpint(c->kind, ==, JX_COMPUTE_INDICATOR_SCORE);
    assert_ref(arg(c, "weight"), NULL, "weight", NULL, NULL, FALSE, TRUE);
    assert_ref(arg(c, "target"), NULL, "target", NULL, NULL, FALSE, TRUE);
    assert_ref(arg(c, "actual"), NULL, "actual", NULL, NULL, FALSE, TRUE);
    assert_ref(arg(c, "band"), NULL, "band", NULL, NULL, FALSE, TRUE);
    assert_ref(arg(c, "entered"), NULL, "score", NULL, NULL, FALSE, TRUE);
    c = jx_table_column(ind, "completion")->compute;
    g_assert_cmpint(c->kind, ==, JX_COMPUTE_INDICATOR_COMPLETION);
    assert_ref(arg(c, "target"), NULL, "target", NULL, NULL, FALSE, TRUE);
    g_assert_false(has_arg(c, "weight"));

    /* the schema format lets table columns compute execution rates and points too */
    const JxTableSpec *projects = jx_schema_table(s, "projects");
    c = jx_table_column(projects, "rate")->compute;
    g_assert_cmpint(c->kind, ==, JX_COMPUTE_EXECUTION_RATE);
    assert_ref(arg(c, "budget"), NULL, "budget", NULL, NULL, FALSE, TRUE);
    assert_ref(arg(c, "executed"), NULL, "executed", NULL, NULL, FALSE, TRUE);
    c = jx_table_column(projects, "points")->compute;
    g_assert_cmpint(c->kind, ==, JX_COMPUTE_EXECUTION_POINTS);
    assert_constant(arg(c, "weight"), 10);

    /* checks, in file order */
    g_assert_cmpuint(s->checks->len, ==, 7);
    static const JxCheckKind kinds[] = {
        JX_CHECK_SUM, JX_CHECK_GROUP_SUMS, JX_CHECK_SAME, JX_CHECK_INDICATORS,
        JX_CHECK_WEIGHTS, JX_CHECK_EXECUTION, JX_CHECK_NON_NEGATIVE,
    };
    for (guint i = 0; i < 7; i++)
        g_assert_cmpint(((JxCheckSpec *)g_ptr_array_index(s->checks, i))->kind, ==, kinds[i]);
    const JxCheckSpec *k = g_ptr_array_index(s->checks, 0);
    g_assert_cmpstr(k->id, ==, "sum.basic");
    g_assert_cmpstr(k->label.zh, ==, "基本支出");
    assert_ref(k->total, NULL, "spending.basic", NULL, NULL, FALSE, FALSE);
    g_assert_cmpuint(k->parts->len, ==, 2);
    assert_ref(g_ptr_array_index(k->parts, 1), "items", "executed", "code", "302", FALSE, FALSE);
    g_assert_cmpfloat(k->precision, ==, 0);
    k = g_ptr_array_index(s->checks, 1);
    g_assert_cmpstr(k->table, ==, "items");
    g_assert_cmpstr(k->column, ==, "executed");
    g_assert_cmpfloat(k->precision, ==, 0.01);
    k = g_ptr_array_index(s->checks, 2);
    g_assert_cmpuint(k->parts->len, ==, 3);
    g_assert_cmpfloat(k->precision, <, 0);   /* not given: settings.precision */
    /* a match value keeps what was written, spaces included */
    assert_ref(g_ptr_array_index(k->parts, 2), "items", "executed", "name", "合计 ", FALSE, FALSE);
    k = g_ptr_array_index(s->checks, 3);
    g_assert_cmpstr(k->table, ==, "ind");
    g_assert_cmpuint(g_hash_table_size(k->columns), ==, 8);
    g_assert_cmpstr(g_hash_table_lookup(k->columns, "target"), ==, "target");
    g_assert_cmpstr(g_hash_table_lookup(k->columns, "deviation"), ==, "deviation");
    k = g_ptr_array_index(s->checks, 4);
    assert_constant(k->total, 100);
    g_assert_cmpuint(k->parts->len, ==, 2);
    k = g_ptr_array_index(s->checks, 5);
    assert_ref(k->budget, NULL, "budget.total", NULL, NULL, FALSE, FALSE);
    assert_ref(k->executed, NULL, "spending.total", NULL, NULL, FALSE, FALSE);
    assert_ref(k->explanation, NULL, "exec.explanation", NULL, NULL, FALSE, FALSE);
    k = g_ptr_array_index(s->checks, 6);
    g_assert_cmpuint(k->parts->len, ==, 2);
    assert_ref(g_ptr_array_index(k->parts, 0), "items", "executed", NULL, NULL, TRUE, FALSE);
    g_assert_null(k->columns);
    g_assert_null(k->budget);

}

static void test_text_get(void)
{
    JxText both = { (char *)"中", (char *)"en" };
    JxText zh_only = { (char *)"中", NULL };
    JxText en_only = { NULL, (char *)"en" };
    JxText none = { NULL, NULL };
    g_assert_cmpstr(jx_text_get(&both, JX_LANG_ZH), ==, "中");
    g_assert_cmpstr(jx_text_get(&both, JX_LANG_EN), ==, "en");
    g_assert_cmpstr(jx_text_get(&zh_only, JX_LANG_EN), ==, "中");
    g_assert_cmpstr(jx_text_get(&en_only, JX_LANG_ZH), ==, "en");
    g_assert_cmpstr(jx_text_get(&none, JX_LANG_ZH), ==, "");
}

/* A schema whose ids are not plain words gets quoted, valid UTF-8 paths. */
typedef struct {
    const char *path;
    const char *id;
    const char *expected;
} PathCase;

static const PathCase path_cases[] = {
    { "/schema/path/dotted-id", "spending.total", "$.fields[\"spending.total\"].foo" },
    { "/schema/path/chinese-id", "整体支出", "$.fields[\"整体支出\"].foo" },
    { "/schema/path/latin-id", "café", "$.fields[\"café\"].foo" },
    { "/schema/path/supplementary-id", "𠀀x", "$.fields[\"𠀀x\"].foo" },
    { "/schema/path/digit-first", "1a", "$.fields[\"1a\"].foo" },
    { "/schema/path/plain-id", "a_1", "$.fields.a_1.foo" },
};

static void test_path(gconstpointer data)
{
    const PathCase *k = data;
    g_autofree char *quoted = g_strdup_printf(HEAD SHEETS "'fields':{'%s':{" LBL ",'sheet':'s',"
                                              "'at':{'cell':'B2'},'type':'amount','foo':1}}}", k->id);
    g_autoptr(GPtrArray) problems = load_invalid(quoted);
    g_assert_cmpuint(problems->len, ==, 1);
    g_assert_cmpstr(((JxSchemaProblem *)g_ptr_array_index(problems, 0))->path, ==, k->expected);
}

/* ---- malformed schemas ---------------------------------------------------- */

typedef struct {
    const char *path;           /* test path */
    const char *json;           /* ' for " */
    const char *problems[4];    /* expected JSON paths, in order */
    const char *en_contains;    /* a word of the first problem's English text, or NULL */
} BadCase;

static const BadCase bad_cases[] = {
    /* the file */
    { "/schema/load/not-an-object", "[1,2]", { "$" }, "object" },
    { "/schema/load/wrong-format", "{'format':'other-schema','version':1," HEAD_REST SHEETS FIELDS "}",
      { "$.format" }, "jixiao-schema" },
    { "/schema/load/version-2", "{'format':'jixiao-schema','version':2," HEAD_REST SHEETS FIELDS "}",
      { "$.version" }, "version 2" },
    { "/schema/load/version-string", "{'format':'jixiao-schema','version':'1'," HEAD_REST SHEETS FIELDS "}",
      { "$.version" }, "number" },

    /* the batch summary */
    { "/schema/load/summary/unknown-field", HEAD SHEETS FIELDS ",'summary':[{'key':'name'," LBL ",'field':'zz'}]}",
      { "$.summary[0].field" }, "unknown field 'zz'" },
    { "/schema/load/summary/duplicate-key", HEAD SHEETS FIELDS ",'summary':[{'key':'n'," LBL ",'field':'a'},"
      "{'key':'n'," LBL ",'field':'b'}]}", { "$.summary[1].key" }, "duplicate key 'n'" },
    { "/schema/load/summary/bad-key", HEAD SHEETS FIELDS ",'summary':[{'key':'a b'," LBL ",'field':'a'}]}",
      { "$.summary[0].key" }, "letters, digits" },
    { "/schema/load/summary/no-label", HEAD SHEETS FIELDS ",'summary':[{'key':'n','field':'a','width':3}]}",
      { "$.summary[0].width", "$.summary[0].label" }, "unknown key" },
    { "/schema/load/summary/not-an-array", HEAD SHEETS FIELDS ",'summary':{'key':'n'}}",
      { "$.summary" }, "array" },
    /* at_most */
    { "/schema/load/at-most/no-limit", WITH_CHECKS("{'id':'m','kind':'at_most','value':'a'}"),
      { "$.checks[0].limit" }, "required key" },
    { "/schema/load/at-most/unknown-value", WITH_CHECKS("{'id':'m','kind':'at_most','value':'zz','limit':'b'}"),
      { "$.checks[0].value" }, "unknown field 'zz'" },

    /* unknown keys */
    { "/schema/load/unknown-key/top", HEAD SHEETS FIELDS ",'foo':1}", { "$.foo" }, "unknown key 'foo'" },
    { "/schema/load/unknown-key/field", HEAD SHEETS "'fields':{" FIELD("a", ",'foo':1") "}}",
      { "$.fields.a.foo" }, "unknown key" },
    { "/schema/load/unknown-key/at",
      HEAD SHEETS "'fields':{'a':{" LBL ",'sheet':'s','at':{'cell':'B2','row':2},'type':'amount'}}}",
      { "$.fields.a.at.row" }, "unknown key 'row'" },
    { "/schema/load/unknown-key/column",
      WITH_TABLE(TABLE_COLS("t", "'v':{'header':'金额','type':'amount','width':3}", "")),
      { "$.tables.t.columns.v.width" }, "unknown key" },
    { "/schema/load/unknown-key/check", WITH_CHECKS(SUM_CHECK("c", "'a'", "'b'") ",{'id':'d','kind':'sum','total':'a','parts':['b'],'foo':1}"),
      { "$.checks[1].foo" }, "'foo'" },
    { "/schema/load/unknown-key/sheet", HEAD "'sheets':{'s':{'name':'表1','hidden':true}}," FIELDS "}",
      { "$.sheets.s.hidden" }, "unknown key" },
    { "/schema/load/unknown-key/settings", HEAD "'settings':{'currency':'CNY'}," SHEETS FIELDS "}",
      { "$.settings.currency" }, "unknown key" },
    { "/schema/load/unknown-key/scoring", HEAD "'settings':{'scoring':{'grade_great':95}}," SHEETS FIELDS "}",
      { "$.settings.scoring.grade_great" }, "unknown key" },
    { "/schema/load/unknown-key/title", "{'format':'jixiao-schema','version':1,'id':'t',"
      "'title':{'zh':'测试','en':'Test','fr':'Essai'}," SHEETS FIELDS "}",
      { "$.title.fr" }, "unknown key" },
    { "/schema/load/unknown-key/compute",
      HEAD SHEETS "'fields':{" FIELD("a", "") "," FIELD("b", "") ",'r':{" LBL ",'sheet':'s','at':{'cell':'C2'},"
      "'type':'percent','role':'computed','compute':{'kind':'ratio','numerator':'a','denominator':'b','scale':100}}}}",
      { "$.fields.r.compute.scale" }, "no argument 'scale'" },
    { "/schema/load/unknown-key/check-of-other-kind",
      WITH_CHECKS("{'id':'c','kind':'sum','total':'a','parts':['b'],'table':'t'}"),
      { "$.checks[0].table" }, "does not use 'table'" },
    { "/schema/load/unknown-key/indicator-role",
      WITH_CHECKS("{'id':'c','kind':'indicators','table':'t','columns':{'target':'v','actual':'v','weight':'v','goal':'v'}}"),
      { "$.checks[0].columns.goal" }, "role 'goal'" },

    /* wrong types */
    { "/schema/load/type/string-for-number", HEAD "'settings':{'amount_decimals':'2'}," SHEETS FIELDS "}",
      { "$.settings.amount_decimals" }, "must be a number" },
    { "/schema/load/type/number-for-string", HEAD SHEETS "'fields':{'a':{" LBL ",'sheet':5,'at':{'cell':'B2'},'type':'amount'}}}",
      { "$.fields.a.sheet" }, "must be a string" },
    { "/schema/load/type/string-for-bool", HEAD SHEETS "'fields':{" FIELD("a", ",'required':'yes'") "}}",
      { "$.fields.a.required" }, "true or false" },
    { "/schema/load/type/string-for-object-label", HEAD SHEETS "'fields':{'a':{'label':'甲','sheet':'s','at':{'cell':'B2'},'type':'amount'}}}",
      { "$.fields.a.label" }, "must be an object" },
    { "/schema/load/type/string-for-object-at", HEAD SHEETS "'fields':{'a':{" LBL ",'sheet':'s','at':'B2','type':'amount'}}}",
      { "$.fields.a.at" }, "must be an object" },
    { "/schema/load/type/string-for-object-header",
      WITH_TABLE("'t':{" LBL ",'sheet':'s','header':'编码','columns':{" COLS "}}"),
      { "$.tables.t.header" }, "must be an object" },
    { "/schema/load/type/array-for-object-end", WITH_TABLE(TABLE("t", ",'end':['合计']")),
      { "$.tables.t.end" }, "must be an object" },
    { "/schema/load/type/string-for-object-groups", WITH_TABLE(TABLE("t", ",'groups':'code'")),
      { "$.tables.t.groups" }, "must be an object" },
    { "/schema/load/type/string-for-object-compute",
      HEAD SHEETS "'fields':{" FIELD("a", ",'role':'computed','compute':'sum'") "}}",
      { "$.fields.a.compute" }, "must be an object" },
    { "/schema/load/type/string-for-object-scoring", HEAD "'settings':{'scoring':'strict'}," SHEETS FIELDS "}",
      { "$.settings.scoring" }, "must be an object" },
    { "/schema/load/type/array-for-object-fields", HEAD SHEETS "'fields':[]}", { "$.fields" }, "must be an object" },
    { "/schema/load/type/object-for-array-checks", HEAD SHEETS FIELDS ",'checks':{}}", { "$.checks" }, "must be an array" },
    { "/schema/load/type/string-for-array-parts", WITH_CHECKS("{'id':'c','kind':'sum','total':'a','parts':'b'}"),
      { "$.checks[0].parts" }, "must be an array" },
    { "/schema/load/type/bool-for-ref", WITH_CHECKS("{'id':'c','kind':'sum','total':true,'parts':['b']}"),
      { "$.checks[0].total" }, "string or a number" },
    { "/schema/load/type/object-in-parts", WITH_CHECKS("{'id':'c','kind':'sum','total':'a','parts':['b',{}]}"),
      { "$.checks[0].parts[1]" }, "reference" },
    { "/schema/load/type/number-in-end-labels", WITH_TABLE(TABLE("t", ",'end':{'labels':['合计',3]}")),
      { "$.tables.t.end.labels[1]" }, "must be a string" },
    { "/schema/load/type/fraction-for-integer", WITH_TABLE(TABLE("t", ",'end':{'blank_rows':1.5}")),
      { "$.tables.t.end.blank_rows" }, "whole number" },
    { "/schema/load/type/zero-max-rows", WITH_TABLE(TABLE("t", ",'end':{'max_rows':0}")),
      { "$.tables.t.end.max_rows" }, "whole number" },
    { "/schema/load/type/number-for-indicator-column",
      WITH_CHECKS("{'id':'c','kind':'indicators','table':'t','columns':{'target':'v','actual':'v','weight':3}}"),
      { "$.checks[0].columns.weight", "$.checks[0].columns" }, "column id" },

    /* missing keys */
    { "/schema/load/missing/top-id", "{'format':'jixiao-schema','version':1,'title':{'zh':'测','en':'T'}," SHEETS FIELDS "}",
      { "$.id" }, "required key" },
    { "/schema/load/missing/title-en", "{'format':'jixiao-schema','version':1,'id':'t','title':{'zh':'测'}," SHEETS FIELDS "}",
      { "$.title.en" }, "required key" },
    { "/schema/load/missing/field-type", HEAD SHEETS "'fields':{'a':{" LBL ",'sheet':'s','at':{'cell':'B2'}}}}",
      { "$.fields.a.type" }, "required key" },
    { "/schema/load/missing/field-at", HEAD SHEETS "'fields':{'a':{" LBL ",'sheet':'s','type':'text'}}}",
      { "$.fields.a.at" }, "required key" },
    { "/schema/load/missing/sheet-name", HEAD "'sheets':{'s':{'required':false}}," FIELDS "}",
      { "$.sheets.s.name" }, "required key" },
    { "/schema/load/missing/table-columns", WITH_TABLE("'t':{" LBL ",'sheet':'s','header':{'label':'编码','label_column':'A'}}"),
      { "$.tables.t.columns" }, "required key" },
    { "/schema/load/missing/header-label-column",
      WITH_TABLE("'t':{" LBL ",'sheet':'s','header':{'label':'编码'},'columns':{" COLS "}}"),
      { "$.tables.t.header.label_column" }, "required key" },
    { "/schema/load/missing/column-type", WITH_TABLE(TABLE_COLS("t", "'v':{'header':'金额'}", "")),
      { "$.tables.t.columns.v.type" }, "required key" },
    { "/schema/load/missing/column-header", WITH_TABLE(TABLE_COLS("t", "'v':{'type':'amount'}", "")),
      { "$.tables.t.columns.v" }, "'header' or 'column'" },
    { "/schema/load/missing/groups-rule", WITH_TABLE(TABLE("t", ",'groups':{'column':'code'}")),
      { "$.tables.t.groups.rule" }, "required key" },
    { "/schema/load/missing/check-id", WITH_CHECKS("{'kind':'sum','total':'a','parts':['b']}"),
      { "$.checks[0].id" }, "required key" },
    { "/schema/load/missing/check-kind", WITH_CHECKS("{'id':'c','total':'a','parts':['b']}"),
      { "$.checks[0].kind" }, "required key" },
    { "/schema/load/missing/sum-parts", WITH_CHECKS("{'id':'c','kind':'sum','total':'a'}"),
      { "$.checks[0].parts" }, "required key" },
    { "/schema/load/missing/execution-budget", WITH_CHECKS("{'id':'c','kind':'execution','executed':'a'}"),
      { "$.checks[0].budget" }, "required key" },
    { "/schema/load/missing/compute-argument",
      HEAD SHEETS "'fields':{" FIELD("a", "") ",'r':{" LBL ",'sheet':'s','at':{'cell':'C2'},'type':'percent',"
      "'role':'computed','compute':{'kind':'execution_rate','budget':'a'}}}}",
      { "$.fields.r.compute.executed" }, "required argument" },
    { "/schema/load/missing/compute-parts",
      HEAD SHEETS "'fields':{'r':{" LBL ",'sheet':'s','at':{'cell':'C2'},'type':'number',"
      "'role':'computed','compute':{'kind':'total_score'}}}}",
      { "$.fields.r.compute.parts" }, "'parts'" },
    { "/schema/load/missing/compute-kind",
      HEAD SHEETS "'fields':{" FIELD("a", "") ",'r':{" LBL ",'sheet':'s','at':{'cell':'C2'},'type':'number',"
      "'role':'computed','compute':{'parts':['a']}}}}",
      { "$.fields.r.compute.kind" }, "compute kind" },
    { "/schema/load/missing/same-one-ref", WITH_CHECKS("{'id':'c','kind':'same','refs':['a']}"),
      { "$.checks[0].refs" }, "two references" },

    /* duplicates */
    { "/schema/load/duplicate/key", HEAD SHEETS "'fields':{" FIELD("a", ",'type':'text'") "}}",
      { "$.fields.a.type" }, "duplicate key" },
    { "/schema/load/duplicate/top-key", HEAD SHEETS FIELDS ",'id':'again'}", { "$.id" }, "duplicate key" },
    { "/schema/load/duplicate/field-id", HEAD SHEETS "'fields':{" FIELD("a", "") "," FIELD("a", "") "}}",
      { "$.fields.a" }, "duplicate field id" },
    { "/schema/load/duplicate/sheet-id", HEAD "'sheets':{'s':{'name':'表1'},'s':{'name':'表2'}}," FIELDS "}",
      { "$.sheets.s" }, "duplicate sheet id" },
    { "/schema/load/duplicate/sheet-name", HEAD "'sheets':{'s':{'name':'表1'},'s2':{'name':'表1'}}," FIELDS "}",
      { "$.sheets.s2.name" }, "used twice" },
    { "/schema/load/duplicate/column-id", WITH_TABLE(TABLE_COLS("t", COLS ",'v':{'header':'金额2','type':'amount'}", "")),
      { "$.tables.t.columns.v" }, "duplicate column id" },
    { "/schema/load/duplicate/table-id", WITH_TABLE(TABLE("t", "") "," TABLE("t", "")),
      { "$.tables.t" }, "repeats" },
    { "/schema/load/duplicate/table-equals-field", WITH_TABLE(TABLE("a", "")), { "$.tables.a" }, "repeats" },
    { "/schema/load/duplicate/check-id", WITH_CHECKS(SUM_CHECK("c", "'a'", "'b'") "," SUM_CHECK("c", "'b'", "'a'")),
      { "$.checks[1].id" }, "duplicate check id 'c'" },

    /* at */
    { "/schema/load/at/two-ways",
      HEAD SHEETS "'fields':{'a':{" LBL ",'sheet':'s','at':{'cell':'B2','named':'X'},'type':'amount'}}}",
      { "$.fields.a.at" }, "exactly one" },
    { "/schema/load/at/none", HEAD SHEETS "'fields':{'a':{" LBL ",'sheet':'s','at':{},'type':'amount'}}}",
      { "$.fields.a.at" }, "exactly one" },
    { "/schema/load/at/label-without-columns",
      HEAD SHEETS "'fields':{'a':{" LBL ",'sheet':'s','at':{'label':'甲','label_column':'A'},'type':'amount'}}}",
      { "$.fields.a.at" }, "'value_column'" },
    { "/schema/load/at/columns-without-label",
      HEAD SHEETS "'fields':{'a':{" LBL ",'sheet':'s','at':{'cell':'B2','value_column':'D'},'type':'amount'}}}",
      { "$.fields.a.at" }, "go with 'label'" },
    { "/schema/load/at/cell-row-zero",
      HEAD SHEETS "'fields':{'a':{" LBL ",'sheet':'s','at':{'cell':'C0'},'type':'amount'}}}",
      { "$.fields.a.at.cell" }, "'C0'" },
    { "/schema/load/at/cell-digits-first",
      HEAD SHEETS "'fields':{'a':{" LBL ",'sheet':'s','at':{'cell':'5C'},'type':'amount'}}}",
      { "$.fields.a.at.cell" }, "'5C'" },
    { "/schema/load/at/cell-beyond-xfd",
      HEAD SHEETS "'fields':{'a':{" LBL ",'sheet':'s','at':{'cell':'XFE1'},'type':'amount'}}}",
      { "$.fields.a.at.cell" }, "'XFE1'" },
    { "/schema/load/at/cell-absolute",
      HEAD SHEETS "'fields':{'a':{" LBL ",'sheet':'s','at':{'cell':'$C$5'},'type':'amount'}}}",
      { "$.fields.a.at.cell" }, "cell address" },
    { "/schema/load/at/bad-label-column",
      HEAD SHEETS "'fields':{'a':{" LBL ",'sheet':'s','at':{'label':'甲','label_column':'1','value_column':'D'},'type':'amount'}}}",
      { "$.fields.a.at.label_column" }, "'1'" },
    { "/schema/load/at/bad-value-column",
      HEAD SHEETS "'fields':{'a':{" LBL ",'sheet':'s','at':{'label':'甲','label_column':'A','value_column':'XFE'}," "'type':'amount'}}}",
      { "$.fields.a.at.value_column" }, "'XFE'" },
    { "/schema/load/column/bad-letters", WITH_TABLE(TABLE_COLS("t", "'v':{'column':'A1','type':'amount'}", "")),
      { "$.tables.t.columns.v.column" }, "'A1'" },
    { "/schema/load/column/header-and-column",
      WITH_TABLE(TABLE_COLS("t", "'v':{'header':'金额','column':'B','type':'amount'}", "")),
      { "$.tables.t.columns.v" }, "exactly one" },
    { "/schema/load/header/bad-label-column",
      WITH_TABLE("'t':{" LBL ",'sheet':'s','header':{'label':'编码','label_column':'ZZZZ'},'columns':{" COLS "}}"),
      { "$.tables.t.header.label_column" }, "'ZZZZ'" },

    /* vocabularies */
    { "/schema/load/unknown/type", HEAD SHEETS "'fields':{'a':{" LBL ",'sheet':'s','at':{'cell':'B2'},'type':'money'}}}",
      { "$.fields.a.type" }, "'money'" },
    { "/schema/load/unknown/role", HEAD SHEETS "'fields':{" FIELD("a", ",'role':'output'") "}}",
      { "$.fields.a.role" }, "'output'" },
    { "/schema/load/unknown/compute-kind",
      HEAD SHEETS "'fields':{" FIELD("a", ",'role':'computed','compute':{'kind':'average','parts':['b']}") "," FIELD("b", "") "}}",
      { "$.fields.a.compute.kind" }, "'average'" },
    { "/schema/load/unknown/check-kind", WITH_CHECKS("{'id':'c','kind':'sums','total':'a','parts':['b']}"),
      { "$.checks[0].kind" }, "'sums'" },
    { "/schema/load/unknown/group-rule", WITH_TABLE(TABLE("t", ",'groups':{'column':'code','rule':'suffix'}")),
      { "$.tables.t.groups.rule" }, "'suffix'" },
    { "/schema/load/unknown/unit", HEAD SHEETS "'fields':{" FIELD("a", ",'unit':'斤两'") "}}",
      { "$.fields.a.unit" }, "unknown unit" },
    { "/schema/load/unknown/column-unit", WITH_TABLE(TABLE_COLS("t", "'v':{'header':'金额','type':'amount','unit':'银两'}", "")),
      { "$.tables.t.columns.v.unit" }, "unknown unit" },

    /* compute and role */
    { "/schema/load/compute/on-input",
      HEAD SHEETS "'fields':{" FIELD("a", ",'compute':{'kind':'sum','parts':['b']}") "," FIELD("b", "") "}}",
      { "$.fields.a.compute" }, "role 'computed'" },
    { "/schema/load/compute/computed-without",
      HEAD SHEETS "'fields':{" FIELD("a", ",'role':'computed'") "}}",
      { "$.fields.a.compute" }, "needs 'compute'" },
    { "/schema/load/compute/computed-required",
      HEAD SHEETS "'fields':{" FIELD("a", ",'role':'computed','required':true,'compute':{'kind':'sum','parts':['b']}") ","
      FIELD("b", "") "}}",
      { "$.fields.a.required" }, "cannot be required" },
    { "/schema/load/compute/table-kind-on-field",
      HEAD SHEETS "'fields':{" FIELD("a", ",'role':'computed','compute':{'kind':'group_sum','column':'v'}") "}}",
      { "$.fields.a.compute.kind" }, "table columns only" },
    { "/schema/load/compute/field-kind-in-column",
      WITH_TABLE(TABLE_COLS("t", COLS ",'g':{'column':'F','type':'number','role':'computed','compute':{'kind':'total_score','parts':['a']}}", "")),
      { "$.tables.t.columns.g.compute.kind" }, "fields only" },

    /* references */
    { "/schema/load/ref/missing-field", WITH_CHECKS(SUM_CHECK("c", "'a'", "'b','nope'")),
      { "$.checks[0].parts[1]" }, "unknown field 'nope'" },
    { "/schema/load/ref/missing-table", WITH_CHECKS(SUM_CHECK("c", "'a'", "'nope[*].v'")),
      { "$.checks[0].parts[0]" }, "unknown table 'nope'" },
    { "/schema/load/ref/missing-column", WITH_CHECKS(SUM_CHECK("c", "'a'", "'t[*].nope'")),
      { "$.checks[0].parts[0]" }, "no column 'nope'" },
    { "/schema/load/ref/missing-match-column", WITH_CHECKS(SUM_CHECK("c", "'a'", "'t[nope=301].v'")),
      { "$.checks[0].parts[0]" }, "no column 'nope'" },
    { "/schema/load/ref/missing-total", WITH_CHECKS(SUM_CHECK("c", "'nope'", "'a'")),
      { "$.checks[0].total" }, "unknown field" },
    { "/schema/load/ref/missing-in-compute",
      HEAD SHEETS "'fields':{" FIELD("a", ",'role':'computed','compute':{'kind':'ratio','numerator':'nope','denominator':'b'}") ","
      FIELD("b", "") "}}",
      { "$.fields.a.compute.numerator" }, "unknown field 'nope'" },
    { "/schema/load/ref/missing-same-row-column",
      WITH_TABLE(TABLE_COLS("t", COLS ",'s':{'column':'F','type':'number','role':'computed',"
                 "'compute':{'kind':'indicator_completion','target':'goal','actual':'v'}}", "")),
      { "$.tables.t.columns.s.compute.target" }, "unknown field 'goal'" },
    { "/schema/load/ref/missing-sheet", HEAD SHEETS "'fields':{'a':{" LBL ",'sheet':'x','at':{'cell':'B2'},'type':'amount'}}}",
      { "$.fields.a.sheet" }, "unknown sheet 'x'" },
    { "/schema/load/ref/missing-table-sheet", WITH_TABLE("'t':{" LBL ",'sheet':'x','header':{'label':'编码','label_column':'A'},'columns':{" COLS "}}"),
      { "$.tables.t.sheet" }, "unknown sheet 'x'" },
    { "/schema/load/ref/missing-key-column", WITH_TABLE(TABLE("t", ",'key':'name'")),
      { "$.tables.t.key" }, "no column 'name'" },
    { "/schema/load/ref/missing-group-column", WITH_TABLE(TABLE("t", ",'groups':{'column':'kode','rule':'prefix'}")),
      { "$.tables.t.groups.column" }, "no column 'kode'" },
    { "/schema/load/ref/missing-check-table", WITH_CHECKS("{'id':'c','kind':'group_sums','table':'nope','column':'v'}"),
      { "$.checks[0].table" }, "unknown table 'nope'" },
    { "/schema/load/ref/missing-check-column",
      HEAD SHEETS FIELDS ",'tables':{" TABLE("t", ",'groups':{'column':'code','rule':'prefix'}") "},"
      "'checks':[{'id':'c','kind':'group_sums','table':'t','column':'nope'}]}",
      { "$.checks[0].column" }, "no column 'nope'" },
    { "/schema/load/ref/missing-indicator-column",
      WITH_CHECKS("{'id':'c','kind':'indicators','table':'t','columns':{'target':'v','actual':'v','weight':'w'}}"),
      { "$.checks[0].columns.weight" }, "no column 'w'" },
    { "/schema/load/ref/missing-group-sum-column",
      WITH_TABLE(TABLE_COLS("t", COLS ",'g':{'column':'F','type':'amount','role':'computed',"
                 "'compute':{'kind':'group_sum','column':'w'}}", ",'groups':{'column':'code','rule':'prefix'}")),
      { "$.tables.t.columns.g.compute.column" }, "no column 'w'" },

    /* malformed reference strings */
    { "/schema/load/ref/unclosed", WITH_CHECKS(SUM_CHECK("c", "'a'", "'a[b'")),
      { "$.checks[0].parts[0]" }, "'a[b' is malformed" },
    { "/schema/load/ref/empty-match-column", WITH_CHECKS(SUM_CHECK("c", "'a'", "'a[=x].c'")),
      { "$.checks[0].parts[0]" }, "malformed" },
    { "/schema/load/ref/empty-match-value", WITH_CHECKS(SUM_CHECK("c", "'a'", "'a[x=].c'")),
      { "$.checks[0].parts[0]" }, "malformed" },
    { "/schema/load/ref/no-column", WITH_CHECKS(SUM_CHECK("c", "'a'", "'t[*]'")),
      { "$.checks[0].parts[0]" }, "malformed" },
    { "/schema/load/ref/no-equals", WITH_CHECKS(SUM_CHECK("c", "'a'", "'t[code].v'")),
      { "$.checks[0].parts[0]" }, "malformed" },
    { "/schema/load/ref/empty", WITH_CHECKS(SUM_CHECK("c", "'a'", "''")), { "$.checks[0].parts[0]" }, "malformed" },
    { "/schema/load/ref/space", WITH_CHECKS(SUM_CHECK("c", "'a'", "'a b'")), { "$.checks[0].parts[0]" }, "malformed" },
    { "/schema/load/ref/no-table", WITH_CHECKS(SUM_CHECK("c", "'a'", "'[*].v'")), { "$.checks[0].parts[0]" }, "malformed" },

    /* groups, indicators */
    { "/schema/load/groups/check-without-groups", WITH_CHECKS("{'id':'c','kind':'group_sums','table':'t','column':'v'}"),
      { "$.checks[0]" }, "no 'groups'" },
    { "/schema/load/groups/compute-without-groups",
      WITH_TABLE(TABLE_COLS("t", COLS ",'g':{'column':'F','type':'amount','role':'computed',"
                 "'compute':{'kind':'group_sum','column':'v'}}", "")),
      { "$.tables.t.columns.g.compute" }, "no 'groups'" },
    { "/schema/load/indicators/without-target",
      WITH_CHECKS("{'id':'c','kind':'indicators','table':'t','columns':{'actual':'v','weight':'v'}}"),
      { "$.checks[0].columns" }, "'target'" },
    { "/schema/load/indicators/without-columns", WITH_CHECKS("{'id':'c','kind':'indicators','table':'t'}"),
      { "$.checks[0].columns" }, "required key" },

    /* settings */
    { "/schema/load/settings/grades-out-of-order",
      HEAD "'settings':{'scoring':{'grade_excellent':80,'grade_good':90}}," SHEETS FIELDS "}",
      { "$.settings.scoring" }, "excellent" },
    { "/schema/load/settings/pass-above-good",
      HEAD "'settings':{'scoring':{'grade_pass':85}}," SHEETS FIELDS "}",
      { "$.settings.scoring" }, "excellent" },
    { "/schema/load/settings/bands-out-of-order",
      HEAD "'settings':{'scoring':{'band_achieved_low':0.5,'band_partial_low':0.7}}," SHEETS FIELDS "}",
      { "$.settings.scoring" }, "band" },
    { "/schema/load/settings/band-above-one",
      HEAD "'settings':{'scoring':{'band_achieved_low':1.5}}," SHEETS FIELDS "}",
      { "$.settings.scoring" }, "band" },
    { "/schema/load/settings/score-decimals",
      HEAD "'settings':{'scoring':{'score_decimals':7}}," SHEETS FIELDS "}",
      { "$.settings.scoring.score_decimals" }, "whole number" },
    { "/schema/load/settings/compute-mode", HEAD "'settings':{'compute_mode':'x'}," SHEETS FIELDS "}",
      { "$.settings.compute_mode" }, "'x'" },
    { "/schema/load/settings/negative-precision", HEAD "'settings':{'precision':-0.01}," SHEETS FIELDS "}",
      { "$.settings.precision" }, "non-negative" },
    { "/schema/load/settings/negative-note-limit", HEAD "'settings':{'note_limit':-1}," SHEETS FIELDS "}",
      { "$.settings.note_limit" }, "non-negative" },
    { "/schema/load/settings/decimals", HEAD "'settings':{'amount_decimals':7}," SHEETS FIELDS "}",
      { "$.settings.amount_decimals" }, "whole number" },
    { "/schema/load/settings/amount-unit-not-money", HEAD "'settings':{'amount_unit':'人'}," SHEETS FIELDS "}",
      { "$.settings.amount_unit" }, "money" },

    /* several problems at once, in file order */
    { "/schema/load/several",
      HEAD "'settings':{'compute_mode':'x'}," SHEETS "'fields':{" FIELD("a", ",'foo':1") ","
      "'b':{" LBL ",'sheet':'s','at':{'cell':'C0'},'type':'amount'}},'bar':2}",
      { "$.bar", "$.settings.compute_mode", "$.fields.a.foo", "$.fields.b.at.cell" }, NULL },
};

static void test_bad(gconstpointer data)
{
    const BadCase *k = data;
    g_autoptr(GPtrArray) problems = load_invalid(k->json);
    guint expected = 0;
    while (expected < G_N_ELEMENTS(k->problems) && k->problems[expected])
        expected++;
    if (problems->len != expected)
        print_problems(problems);
    g_assert_cmpuint(problems->len, ==, expected);
    for (guint i = 0; i < expected; i++)
        g_assert_cmpstr(((JxSchemaProblem *)g_ptr_array_index(problems, i))->path, ==, k->problems[i]);
    if (k->en_contains) {
        const JxSchemaProblem *first = g_ptr_array_index(problems, 0);
        if (strstr(first->en, k->en_contains) == NULL)
            g_test_fail_printf("'%s' does not contain '%s'", first->en, k->en_contains);
    }
}

static void test_not_json(void)
{
    const char *json = "{\n  \"format\": \"jixiao-schema\",\n  \"version\": 1,,\n}";
    g_autoptr(GPtrArray) problems = load_invalid_bytes(json, strlen(json), NULL);
    g_assert_cmpuint(problems->len, ==, 1);
    const JxSchemaProblem *p = g_ptr_array_index(problems, 0);
    g_assert_cmpstr(p->path, ==, "$");
    int line = 0, column = 0;
    g_assert_cmpint(sscanf(p->en, "not valid JSON (near line %d, column %d)", &line, &column), ==, 2);
    g_assert_cmpint(line, ==, 3);
    /* at the second comma or just after it */
    g_assert_cmpint(column, >=, 16);
    g_assert_cmpint(column, <=, 17);
    g_assert_nonnull(strstr(p->zh, "第 3 行"));

    /* columns count characters, not bytes */
    const char *cjk = "{\"标题\": 测试}";
    g_autoptr(GPtrArray) more = load_invalid_bytes(cjk, strlen(cjk), NULL);
    p = g_ptr_array_index(more, 0);
    g_assert_cmpint(sscanf(p->en, "not valid JSON (near line %d, column %d)", &line, &column), ==, 2);
    g_assert_cmpint(line, ==, 1);
    g_assert_cmpint(column, >=, 8);
    g_assert_cmpint(column, <=, 9);

    /* empty input and trailing garbage */
    g_autoptr(GPtrArray) empty = load_invalid_bytes("", 0, NULL);
    g_assert_cmpuint(empty->len, ==, 1);
    g_autoptr(GPtrArray) garbage = load_invalid_bytes("{} x", 4, NULL);
    g_assert_cmpuint(garbage->len, ==, 1);
    g_assert_cmpstr(((JxSchemaProblem *)g_ptr_array_index(garbage, 0))->path, ==, "$");
}

static void test_not_utf8(void)
{
    const char json[] = "{\"format\": \"jixiao-schema\", \"id\": \"\xff\xfe\"}";
    g_autoptr(GPtrArray) problems = load_invalid_bytes(json, sizeof json - 1, NULL);
    g_assert_cmpuint(problems->len, ==, 1);
    const JxSchemaProblem *p = g_ptr_array_index(problems, 0);
    g_assert_cmpstr(p->path, ==, "$");
    g_assert_nonnull(strstr(p->en, "UTF-8"));
    g_assert_nonnull(strstr(p->zh, "UTF-8"));
}

static void test_too_large(void)
{
    gsize length = JX_SCHEMA_MAX_BYTES + 1;
    char *data = g_malloc(length + 1);
    memset(data, ' ', length);
    data[0] = '{';
    data[length - 1] = '}';
    data[length] = '\0';
    g_autoptr(GPtrArray) problems = load_invalid_bytes(data, length, NULL);
    g_assert_cmpuint(problems->len, ==, 1);
    const JxSchemaProblem *p = g_ptr_array_index(problems, 0);
    g_assert_cmpstr(p->path, ==, "$");
    g_assert_nonnull(strstr(p->en, "too large"));
    g_assert_nonnull(strstr(p->en, "8 MB"));
    g_free(data);

    /* exactly the limit is read (and fails only as JSON) */
    length = JX_SCHEMA_MAX_BYTES;
    data = g_malloc(length + 1);
    memset(data, ' ', length);
    data[0] = '[';
    data[length - 1] = ']';
    data[length] = '\0';
    g_autoptr(GPtrArray) limit = load_invalid_bytes(data, length, NULL);
    g_assert_cmpuint(limit->len, ==, 1);
    g_assert_nonnull(strstr(((JxSchemaProblem *)g_ptr_array_index(limit, 0))->en, "object"));
    g_free(data);
}

/* The error is set even when the caller wants no list, and neither is required. */
static void test_no_problem_list(void)
{
    g_autofree char *json = json_of(HEAD SHEETS FIELDS ",'foo':1,'bar':2}");
    GError *error = NULL;
    g_assert_null(jx_schema_load_data(json, strlen(json), NULL, &error));
    g_assert_error(error, JX_ERROR, JX_ERROR_SCHEMA);
    g_autofree char *en = jx_error_text(error, JX_LANG_EN);
    g_autofree char *zh = jx_error_text(error, JX_LANG_ZH);
    g_assert_cmpstr(en, ==, "schema has 2 errors, the first: $.foo: unknown key 'foo'");
    g_assert_cmpstr(zh, ==, "方案有 2 处错误，第一处：$.foo：未知的键“foo”");
    g_clear_error(&error);
    g_assert_null(jx_schema_load_data(json, strlen(json), NULL, NULL));

    g_autofree char *one = json_of(HEAD SHEETS FIELDS ",'foo':1}");
    g_assert_null(jx_schema_load_data(one, strlen(one), NULL, &error));
    g_autofree char *en1 = jx_error_text(error, JX_LANG_EN);
    g_assert_cmpstr(en1, ==, "schema error: $.foo: unknown key 'foo'");
    g_clear_error(&error);

    /* appended to a list that already holds something */
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func(jx_schema_problem_free);
    g_ptr_array_add(problems, NULL);
    g_assert_null(jx_schema_load_data(json, strlen(json), problems, NULL));
    g_assert_cmpuint(problems->len, ==, 3);
}

/* ---- cycles --------------------------------------------------------------- */

static void test_cycle_sum_checks(void)
{
    g_autoptr(GPtrArray) problems = load_invalid(
        HEAD SHEETS "'fields':{" FIELD("A", "") "," FIELD("B", "") "," FIELD("C", "") "," FIELD("D", "") "},"
        "'checks':[" SUM_CHECK("one", "'A'", "'B','C'") "," SUM_CHECK("two", "'B'", "'A','D'") "]}");
    g_assert_cmpuint(problems->len, ==, 1);
    const JxSchemaProblem *p = g_ptr_array_index(problems, 0);
    g_assert_true(strcmp(p->path, "$.checks[0]") == 0 || strcmp(p->path, "$.checks[1]") == 0);
    g_assert_true(strcmp(p->en, "cycle: A → B → A") == 0 || strcmp(p->en, "cycle: B → A → B") == 0);
    g_assert_true(g_str_has_prefix(p->zh, "循环引用："));
}

static void test_cycle_sum_checks_long(void)
{
    g_autoptr(GPtrArray) problems = load_invalid(
        HEAD SHEETS "'fields':{" FIELD("A", "") "," FIELD("B", "") "," FIELD("C", "") "},"
        "'checks':[" SUM_CHECK("one", "'A'", "'B'") "," SUM_CHECK("two", "'B'", "'C'") ","
        SUM_CHECK("three", "'C'", "'A'") "]}");
    g_assert_cmpuint(problems->len, ==, 1);
    const JxSchemaProblem *p = g_ptr_array_index(problems, 0);
    static const char *const chains[] = {
        "cycle: A → B → C → A", "cycle: B → C → A → B", "cycle: C → A → B → C",
    };
    gboolean found = FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(chains); i++)
        found = found || strcmp(p->en, chains[i]) == 0;
    if (!found)
        g_test_fail_printf("unexpected chain: %s", p->en);
}

static void test_cycle_field_self(void)
{
    g_autoptr(GPtrArray) problems = load_invalid(
        HEAD SHEETS "'fields':{" FIELD("a", "") ","
        "'x':{" LBL ",'sheet':'s','at':{'cell':'C2'},'type':'amount','role':'computed',"
        "'compute':{'kind':'sum','parts':['a','x']}}}}");
    g_assert_cmpuint(problems->len, ==, 1);
    const JxSchemaProblem *p = g_ptr_array_index(problems, 0);
    g_assert_cmpstr(p->path, ==, "$.fields.x");
    g_assert_cmpstr(p->en, ==, "cycle: x → x");
    g_assert_cmpstr(p->zh, ==, "循环引用：x → x");
}

static void test_cycle_fields_mutual(void)
{
    g_autoptr(GPtrArray) problems = load_invalid(
        HEAD SHEETS "'fields':{"
        "'x':{" LBL ",'sheet':'s','at':{'cell':'C2'},'type':'percent','role':'computed',"
        "'compute':{'kind':'ratio','numerator':'y','denominator':2}},"
        "'y':{" LBL ",'sheet':'s','at':{'cell':'C3'},'type':'number','role':'computed',"
        "'compute':{'kind':'total_score','parts':['x']}}}}");
    g_assert_cmpuint(problems->len, ==, 1);
    const JxSchemaProblem *p = g_ptr_array_index(problems, 0);
    g_assert_true(strcmp(p->en, "cycle: x → y → x") == 0 || strcmp(p->en, "cycle: y → x → y") == 0);
}

static void test_cycle_column_same_row(void)
{
    g_autoptr(GPtrArray) problems = load_invalid(
        WITH_TABLE(TABLE_COLS("t", "'target':{'header':'指标值','type':'quantity'},"
                   "'score':{'header':'得分','type':'number','role':'computed',"
                   "'compute':{'kind':'indicator_score','weight':'score','target':'target','actual':'target'}}", "")));
    g_assert_cmpuint(problems->len, ==, 1);
    const JxSchemaProblem *p = g_ptr_array_index(problems, 0);
    g_assert_cmpstr(p->path, ==, "$.tables.t");
    g_assert_cmpstr(p->en, ==, "cycle: t.score → t.score");
}

/* A field summing a whole column that is computed from that field. */
static void test_cycle_field_and_column(void)
{
    g_autoptr(GPtrArray) problems = load_invalid(
        HEAD SHEETS "'fields':{"
        "'total':{" LBL ",'sheet':'s','at':{'cell':'C2'},'type':'number','role':'computed',"
        "'compute':{'kind':'total_score','parts':['t[*].score']}}},"
        "'tables':{" TABLE_COLS("t", "'target':{'header':'指标值','type':'quantity'},"
                   "'score':{'header':'得分','type':'number','role':'computed',"
                   "'compute':{'kind':'indicator_score','weight':'total','target':'target','actual':'target'}}", "") "}}");
    g_assert_cmpuint(problems->len, ==, 1);
    const JxSchemaProblem *p = g_ptr_array_index(problems, 0);
    g_assert_true(strcmp(p->en, "cycle: total → t.score → total") == 0 ||
                  strcmp(p->en, "cycle: t.score → total → t.score") == 0);
}

/* Not cycles: a diamond, a group_sum (its rows are other rows), a sum check
 * whose total is also a part of another check. */
static void test_no_cycle(void)
{
    g_autoptr(JxSchema) s = load_valid(
        HEAD SHEETS "'fields':{" FIELD("A", "") "," FIELD("B", "") "," FIELD("C", "") "," FIELD("D", "") ","
        "'x':{" LBL ",'sheet':'s','at':{'cell':'C2'},'type':'amount','role':'computed',"
        "'compute':{'kind':'sum','parts':['A','B']}},"
        "'y':{" LBL ",'sheet':'s','at':{'cell':'C3'},'type':'amount','role':'computed',"
        "'compute':{'kind':'sum','parts':['x','A']}}},"
        "'tables':{" TABLE_COLS("t", COLS ",'g':{'column':'F','type':'amount','role':'computed',"
                   "'compute':{'kind':'group_sum','column':'g'}}", ",'groups':{'column':'code','rule':'prefix'}") "},"
        "'checks':[" SUM_CHECK("one", "'A'", "'B','C'") "," SUM_CHECK("two", "'D'", "'A','B'") "]}");
    g_assert_cmpuint(s->fields->len, ==, 6);
}

/* ---- cell addresses ------------------------------------------------------- */

typedef struct {
    const char *letters;
    int column;
} LettersCase;

static const LettersCase letters_cases[] = {
    { "A", 0 }, { "B", 1 }, { "Z", 25 }, { "AA", 26 }, { "AB", 27 }, { "AZ", 51 }, { "BA", 52 },
    { "ZZ", 701 }, { "AAA", 702 }, { "XFD", 16383 }, { "xfd", 16383 }, { "a", 0 }, { "aZ", 51 },
};

static void test_column_letters(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(letters_cases); i++) {
        const LettersCase *k = &letters_cases[i];
        g_assert_cmpint(jx_column_from_letters(k->letters), ==, k->column);
        g_autofree char *back = jx_column_letters(k->column);
        g_autofree char *upper = g_ascii_strup(k->letters, -1);
        g_assert_cmpstr(back, ==, upper);
    }
    /* every column of a sheet round-trips */
    for (int c = 0; c <= 16383; c++) {
        g_autofree char *letters = jx_column_letters(c);
        if (jx_column_from_letters(letters) != c)
            g_test_fail_printf("column %d → %s → %d", c, letters, jx_column_from_letters(letters));
    }
    static const char *const invalid[] = { "", "1", "A1", "1A", " A", "A ", "$A", "Ä", "-", "ZZZZZZZZZZ" };
    for (gsize i = 0; i < G_N_ELEMENTS(invalid); i++)
        if (jx_column_from_letters(invalid[i]) != -1)
            g_test_fail_printf("'%s' should be invalid", invalid[i]);
    g_assert_cmpint(jx_column_from_letters(NULL), ==, -1);
    g_autofree char *none = jx_column_letters(-1);
    g_assert_cmpstr(none, ==, "");
    g_autofree char *big = jx_column_letters(G_MAXINT);
    g_assert_cmpint(jx_column_from_letters(big), ==, -1);   /* beyond the guard, not wrapped */
}

typedef struct {
    const char *a1;
    gboolean valid;
    int row, col;
} CellCase;

static const CellCase cell_cases[] = {
    { "A1", TRUE, 0, 0 },
    { "C5", TRUE, 4, 2 },
    { "c5", TRUE, 4, 2 },
    { "D5", TRUE, 4, 3 },
    { "AA10", TRUE, 9, 26 },
    { "XFD1048576", TRUE, 1048575, 16383 },
    { "C0", FALSE, 0, 0 },
    { "5C", FALSE, 0, 0 },
    { "C05", FALSE, 0, 0 },
    { "", FALSE, 0, 0 },
    { "C", FALSE, 0, 0 },
    { "5", FALSE, 0, 0 },
    { "C5x", FALSE, 0, 0 },
    { "C 5", FALSE, 0, 0 },
    { "C-5", FALSE, 0, 0 },
    { "$C$5", FALSE, 0, 0 },
    { "AAAA1", FALSE, 0, 0 },
    { "XFE1", FALSE, 0, 0 },
    { "ZZZ1", FALSE, 0, 0 },
    { "A1048577", FALSE, 0, 0 },
    { "A99999999999", FALSE, 0, 0 },
};

static void test_cell_from_a1(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(cell_cases); i++) {
        const CellCase *k = &cell_cases[i];
        int row = -7, col = -7;
        gboolean ok = jx_cell_from_a1(k->a1, &row, &col);
        if (ok != k->valid) {
            g_test_fail_printf("'%s': expected %s", k->a1, k->valid ? "valid" : "invalid");
            continue;
        }
        if (ok && (row != k->row || col != k->col))
            g_test_fail_printf("'%s': got row %d col %d", k->a1, row, col);
    }
    int row, col;
    g_assert_false(jx_cell_from_a1(NULL, &row, &col));
}

/* ---- files ---------------------------------------------------------------- */

static void test_file_missing(void)
{
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func(jx_schema_problem_free);
    GError *error = NULL;
    g_assert_null(jx_schema_load_file("/nonexistent/jixiao/schema.json", problems, &error));
    g_assert_error(error, JX_ERROR, JX_ERROR_IO);
    g_autofree char *en = jx_error_text(error, JX_LANG_EN);
    g_autofree char *zh = jx_error_text(error, JX_LANG_ZH);
    g_assert_nonnull(strstr(en, "cannot read the schema file"));
    g_assert_nonnull(strstr(en, "/nonexistent/jixiao/schema.json"));
    g_assert_nonnull(strstr(zh, "无法读取方案文件"));
    g_assert_cmpuint(problems->len, ==, 0);
    g_error_free(error);
    g_assert_null(jx_schema_load_file("/nonexistent/jixiao/schema.json", NULL, NULL));
}

static void test_file_valid_and_invalid(void)
{
    g_autofree char *dir = g_dir_make_tmp("jixiao-schema-XXXXXX", NULL);
    g_assert_nonnull(dir);
    g_autofree char *good = g_build_filename(dir, "good.json", NULL);
    g_autofree char *bad = g_build_filename(dir, "bad.json", NULL);
    g_autofree char *big = g_build_filename(dir, "big.json", NULL);
    g_autofree char *good_json = json_of(MINIMAL);
    g_autofree char *bad_json = json_of(HEAD SHEETS FIELDS ",'foo':1}");
    g_assert_true(g_file_set_contents(good, good_json, -1, NULL));
    g_assert_true(g_file_set_contents(bad, bad_json, -1, NULL));
    char *large = g_malloc0(JX_SCHEMA_MAX_BYTES + 2);
    memset(large, ' ', JX_SCHEMA_MAX_BYTES + 1);
    g_assert_true(g_file_set_contents(big, large, JX_SCHEMA_MAX_BYTES + 1, NULL));
    g_free(large);

    GError *error = NULL;
    JxSchema *s = jx_schema_load_file(good, NULL, &error);
    g_assert_no_error(error);
    g_assert_nonnull(s);
    g_assert_cmpuint(s->fields->len, ==, 2);
    jx_schema_free(s);

    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func(jx_schema_problem_free);
    g_assert_null(jx_schema_load_file(bad, problems, &error));
    g_assert_error(error, JX_ERROR, JX_ERROR_SCHEMA);
    g_assert_cmpuint(problems->len, ==, 1);
    g_autofree char *en = jx_error_text(error, JX_LANG_EN);
    g_assert_nonnull(strstr(en, bad));   /* the file is named */
    g_assert_nonnull(strstr(en, "$.foo"));
    g_clear_error(&error);

    g_assert_null(jx_schema_load_file(big, NULL, &error));
    g_assert_error(error, JX_ERROR, JX_ERROR_SCHEMA);
    g_autofree char *too = jx_error_text(error, JX_LANG_EN);
    g_assert_nonnull(strstr(too, "too large"));
    g_clear_error(&error);

    g_assert_cmpint(g_remove(good), ==, 0);
    g_assert_cmpint(g_remove(bad), ==, 0);
    g_assert_cmpint(g_remove(big), ==, 0);
    g_assert_cmpint(g_rmdir(dir), ==, 0);
}

/* Every schema shipped with the extension (the forms it knows) loads
 * without problems, under a unique id, and says what batch shows of it. */
static void test_shipped_schemas(void)
{
    const char *folder = "registration/schema";
    GDir *dir = g_dir_open(folder, 0, NULL);
    if (dir == NULL) {
        g_test_skip("run from the repository root");
        return;
    }
    g_autoptr(GHashTable) ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    int loaded = 0;
    for (const char *name; (name = g_dir_read_name(dir)) != NULL;) {
        if (!g_str_has_suffix(name, ".json") || g_str_has_suffix(name, ".schema.json"))
            continue;
        g_autofree char *path = g_build_filename(folder, name, NULL);
        g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func(jx_schema_problem_free);
        GError *error = NULL;
        /* the schema, then its report template compiled against it */
        JxBundle *bundle = jx_bundle_load_file(path, problems, &error);
        if (bundle == NULL)
            print_problems(problems);
        g_assert_no_error(error);
        g_assert_nonnull(bundle);
        g_assert_nonnull(bundle->template);
        const JxSchema *s = bundle->schema;
        g_assert_cmpuint(s->fields->len, >, 0);
        g_assert_true(g_hash_table_add(ids, g_strdup(s->id)));
        /* the summary names the form's item, its score and its grade */
        static const char *const keys[] = { "name", "score", "grade" };
        for (gsize k = 0; k < G_N_ELEMENTS(keys); k++) {
            gboolean found = FALSE;
            for (guint i = 0; i < s->summary->len; i++)
                found = found || strcmp(((JxSummarySpec *)g_ptr_array_index(s->summary, i))->key, keys[k]) == 0;
            if (!found)
                g_error("%s: no summary column '%s'", path, keys[k]);
        }
        jx_bundle_free(bundle);
        loaded++;
    }
    g_dir_close(dir);
    g_assert_cmpint(loaded, >=, 2);
}

static void test_free_null(void)
{
    jx_schema_free(NULL);
    jx_schema_problem_free(NULL);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/schema/valid/minimal", test_minimal);
    g_test_add_func("/schema/valid/rich", test_rich);
    g_test_add_func("/schema/valid/no-cycle", test_no_cycle);
    g_test_add_func("/schema/text-get", test_text_get);
    for (gsize i = 0; i < G_N_ELEMENTS(path_cases); i++)
        g_test_add_data_func(path_cases[i].path, &path_cases[i], test_path);
    for (gsize i = 0; i < G_N_ELEMENTS(bad_cases); i++)
        g_test_add_data_func(bad_cases[i].path, &bad_cases[i], test_bad);
    g_test_add_func("/schema/load/not-json", test_not_json);
    g_test_add_func("/schema/load/not-utf8", test_not_utf8);
    g_test_add_func("/schema/load/too-large", test_too_large);
    g_test_add_func("/schema/load/no-problem-list", test_no_problem_list);
    g_test_add_func("/schema/cycle/sum-checks", test_cycle_sum_checks);
    g_test_add_func("/schema/cycle/sum-checks-long", test_cycle_sum_checks_long);
    g_test_add_func("/schema/cycle/field-self", test_cycle_field_self);
    g_test_add_func("/schema/cycle/fields-mutual", test_cycle_fields_mutual);
    g_test_add_func("/schema/cycle/column-same-row", test_cycle_column_same_row);
    g_test_add_func("/schema/cycle/field-and-column", test_cycle_field_and_column);
    g_test_add_func("/schema/address/column-letters", test_column_letters);
    g_test_add_func("/schema/address/cell-from-a1", test_cell_from_a1);
    g_test_add_func("/schema/file/missing", test_file_missing);
    g_test_add_func("/schema/file/valid-and-invalid", test_file_valid_and_invalid);
    g_test_add_func("/schema/file/shipped-schemas", test_shipped_schemas);
    g_test_add_func("/schema/free-null", test_free_null);
    return g_test_run();
}

/*
 * test_template.c: the report template (the schema's "report" key) compiled
 * when the schema loads (jx_bundle_load_data) and rendered into a report
 * model with a workbook's figures (jx_report_render).
 *
 * Every case builds a small schema with a "report" key and the same small
 * workbook in code (see test_model.c: "" is an empty cell, "#…" an error,
 * "'…" a text, a number a number), renders it and compares the
 * report, written out one line per block:
 *   "# title"                    the title
 *   "H2 （一）title"             a heading: level, number, text
 *   "text"                       a body paragraph ("plain: …", "center: …",
 *                                "right: …", "caption: …" for other styles)
 *   "---"                        a page break
 *   "table NAME RxC h=N w=a,b"   a table (w= only with widths), then a line
 *   "| a | b@2 | - |"            per row: "@n" a cell spanning n columns,
 *                                "-" a covered cell
 * Placeholder spans (and table cells that hold one) are written «…».
 *
 * Schemas are written with ' for " (converted before loading); no text
 * below contains an apostrophe.
 */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "core/binding.h"
#include "core/bundle.h"
#include "core/error.h"
#include "core/findings.h"
#include "core/model.h"
#include "core/render.h"
#include "core/report.h"
#include "core/schema.h"
#include "core/template.h"
#include "core/workbook.h"
#include "test_helpers.h"

/* ---- the workbook ---------------------------------------------------------- */

/* 基本情况: label in A, value in B; the fields below point at column B. */
static const char *const info_grid[][2] = {
    { "单位名称", "沅江市科学技术协会" },   /* B1 department */
    { "年度", "2023" },                      /* B2 year */
    { "整体支出", "410.41" },                /* B3 total (万元) */
    { "元金额", "3300" },                    /* B4 yuan (a field in 元) */
    { "文字金额", "0.33万元" },              /* B5 text_amount: a text with its unit */
    { "执行率", "0.976" },                   /* B6 rate */
    { "总分", "97.364" },                    /* B7 score */
    { "人数", "15.6" },                      /* B8 count */
    { "个数", "12" },                        /* B9 twelve */
    { "主要职责", "" },                      /* B10 duties: empty */
    { "坏值", "#DIV/0!" },                   /* B11 broken: an error value */
    { "等级", "" },                          /* B12 grade: computed, empty */
    { "其他", "" },                          /* B13 other: empty */
    { "说明", "甲 & 乙" },                   /* B14 note */
    { "元文字", "3300元" },                  /* B15 yuan_text: a text in 元 */
    { "百分比文字", "97.6%" },               /* B16 rate_text */
    { "空白", "'　 " },                      /* B17 spaces: blank text */
    { "得分", "" },                          /* B18 points: computed, empty */
    { "无单位文字", "'3300" },               /* B19 yuan_plain: a number typed as text, field in 元 */
    { "万元字段", "3300元" },                /* B20 wan_text: a text in 元, field in 万元 */
};

/* 明细: code groups 301 ⊃ 30101, 30102; 302 ⊃ 30201, 30202; 310 alone. */
static const char *const items_grid[][3] = {
    { "编码", "名称", "金额" },
    { "301", "工资福利支出", "220.36" },
    { "30101", "基本工资", "115.87" },
    { "30102", "奖金", "104.49" },
    { "302", "商品和服务支出", "43.06" },
    { "30201", "办公费", "1.89" },
    { "30202", "印刷费", "41.17" },
    { "310", "资本性支出", "0.33" },
};

/* 指标: met (培训人次, 满意度), unmet (活动场次; 社会效益, qualitative in
 * the partial band), neither (服务人次: people against 万元, no completion). */
static const char *const ind_grid[][8] = {
    { "一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "档次", "偏差原因" },
    { "产出指标", "培训人次", "≥300人次", "300余人次", "10", "10", "", "" },
    { "产出指标", "活动场次", "≥100场次", "80场次", "10", "8", "", "场地不足" },
    { "效益指标", "社会效益", "有效提升", "有所提升", "10", "7", "部分达成", "宣传不足" },
    { "效益指标", "服务人次", "≥5万人次", "超过6万元", "10", "", "", "" },
    { "满意度指标", "满意度", "≥95%", "96%", "10", "10", "", "" },
};

static const char *const funds_grid[][2] = {
    { "项目", "预算数" },
};

static JxWorkbook *workbook(void)
{
    JxWorkbook *wb = jx_workbook_new("book.ods");
    FILL(wb, "基本情况", info_grid);
    FILL(wb, "明细", items_grid);
    FILL(wb, "指标", ind_grid);
    FILL(wb, "基金", funds_grid);
    return wb;
}

/* ---- the schema ------------------------------------------------------------- */

#define HEAD "{'format':'jixiao-schema','version':1,'id':'t','title':{'zh':'测试','en':'Test'},"
#define SHEETS "'sheets':{'info':{'name':'基本情况'},'items':{'name':'明细'},'ind':{'name':'指标'}," \
               "'funds':{'name':'基金','required':false}},"
#define F(id, zh, row, type, rest) \
    "'" id "':{'label':{'zh':'" zh "','en':'E'},'sheet':'info','at':{'cell':'B" row "'},'type':'" type "'" rest "}"
#define FIELDS "'fields':{" \
    F("department", "单位名称", "1", "text", "") "," \
    F("year", "年度", "2", "integer", "") "," \
    F("total", "整体支出", "3", "amount", ",'unit':'万元'") "," \
    F("yuan", "元金额", "4", "amount", ",'unit':'元'") "," \
    F("text_amount", "文字金额", "5", "amount", "") "," \
    F("rate", "执行率", "6", "percent", "") "," \
    F("score", "总分", "7", "number", "") "," \
    F("count", "人数", "8", "integer", "") "," \
    F("twelve", "个数", "9", "integer", "") "," \
    F("duties", "主要职责", "10", "text", ",'required':true") "," \
    F("broken", "坏值", "11", "number", "") "," \
    F("grade", "等级", "12", "text", ",'role':'computed','compute':{'kind':'grade','total':'score'}") "," \
    F("other", "其他", "13", "text", "") "," \
    F("note", "说明", "14", "text", "") "," \
    F("yuan_text", "元文字", "15", "amount", ",'unit':'元'") "," \
    F("rate_text", "百分比文字", "16", "percent", "") "," \
    F("spaces", "空白", "17", "text", "") "," \
    F("points", "得分", "18", "number", ",'role':'computed','compute':{'kind':'ratio','numerator':'total'," \
                                          "'denominator':'total'}") "," \
    F("yuan_plain", "无单位文字", "19", "amount", ",'unit':'元'") "," \
    F("wan_text", "万元字段", "20", "amount", ",'unit':'万元'") "},"
#define TABLES "'tables':{" \
    "'items':{'label':{'zh':'明细','en':'Items'},'sheet':'items','header':{'label':'编码','label_column':'A'}," \
    " 'columns':{'code':{'header':'编码','type':'text'},'name':{'header':'名称','type':'text'}," \
    "  'executed':{'header':'金额','type':'amount','unit':'万元'}},'key':'name'," \
    " 'groups':{'column':'code','rule':'prefix'}}," \
    "'ind':{'label':{'zh':'指标','en':'Indicators'},'sheet':'ind','header':{'label':'一级指标','label_column':'A'}," \
    " 'columns':{'level1':{'header':'一级指标','type':'text'},'name':{'header':'三级指标','type':'text'}," \
    "  'target':{'header':'年度指标值','type':'quantity'},'actual':{'header':'实际完成值','type':'quantity'}," \
    "  'weight':{'header':'分值','type':'number'},'score':{'header':'得分','type':'number'}," \
    "  'band':{'header':'档次','type':'band'},'deviation':{'header':'偏差原因','type':'text'}},'key':'name'}," \
    "'funds':{'label':{'zh':'基金','en':'Funds'},'sheet':'funds','header':{'label':'项目','label_column':'A'}," \
    " 'columns':{'name':{'header':'项目','type':'text'},'budget':{'header':'预算数','type':'amount'}},'key':'name'}},"
#define CHECKS "'checks':[{'id':'ind','kind':'indicators','table':'ind','columns':{'name':'name','target':'target'," \
               "'actual':'actual','weight':'weight','score':'score','band':'band','deviation':'deviation'}}]"

static JxBundle *load_bundle_json(const char *quoted)
{
    g_autofree char *json = json_of(quoted);
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func(jx_schema_problem_free);
    GError *error = NULL;
    JxBundle *bundle = jx_bundle_load_data(json, strlen(json), problems, &error);
    if (bundle == NULL)
        print_problems(problems);
    g_assert_no_error(error);
    g_assert_nonnull(bundle);
    return bundle;
}

static JxBundle *load_schema(const char *report)
{
    g_autofree char *quoted = g_strconcat(HEAD SHEETS FIELDS TABLES CHECKS ",'report':", report, "}", NULL);
    return load_bundle_json(quoted);
}

/* Loads a schema whose template must be rejected; returns its problems. */
static GPtrArray *load_problems(const char *report)
{
    g_autofree char *quoted = g_strconcat(HEAD SHEETS FIELDS TABLES CHECKS ",'report':", report, "}", NULL);
    g_autofree char *json = json_of(quoted);
    GPtrArray *problems = g_ptr_array_new_with_free_func(jx_schema_problem_free);
    GError *error = NULL;
    JxBundle *bundle = jx_bundle_load_data(json, strlen(json), problems, &error);
    g_assert_null(bundle);
    g_assert_error(error, JX_ERROR, JX_ERROR_SCHEMA);
    g_assert_cmpuint(problems->len, >, 0);
    const JxSchemaProblem *first = g_ptr_array_index(problems, 0);
    g_autofree char *en = jx_error_text(error, JX_LANG_EN);
    g_assert_nonnull(strstr(en, first->path));
    g_error_free(error);
    return problems;
}

/* ---- the report as lines ------------------------------------------------------ */

/* A run of highlighted text (one placeholder span or several in a row)
 * is written «…», as the reader sees it. */
static void append_spans(GString *out, const JxBlock *b)
{
    gboolean open = FALSE;
    for (guint i = 0; i < b->spans->len; i++) {
        const JxSpan *s = g_ptr_array_index(b->spans, i);
        if (s->placeholder != open)
            g_string_append(out, open ? "»" : "«");
        open = s->placeholder;
        g_string_append(out, s->text);
    }
    if (open)
        g_string_append(out, "»");
}

static void append_block(GString *out, const JxBlock *b)
{
    static const char *const prefixes[] = { "", "plain: ", "center: ", "right: ", "caption: " };
    switch (b->kind) {
    case JX_BLOCK_TITLE:
        g_string_append(out, "# ");
        append_spans(out, b);
        break;
    case JX_BLOCK_HEADING:
        g_string_append_printf(out, "H%d %s", b->level, b->number ? b->number : "(null)");
        append_spans(out, b);
        break;
    case JX_BLOCK_PARAGRAPH:
        g_string_append(out, prefixes[b->style]);
        append_spans(out, b);
        break;
    case JX_BLOCK_PAGE_BREAK:
        g_string_append(out, "---");
        break;
    case JX_BLOCK_TABLE:
        g_string_append_printf(out, "table %s %dx%d h=%d", b->name, b->rows, b->cols, b->header_rows);
        if (b->widths) {
            g_string_append(out, " w=");
            for (int c = 0; c < b->cols; c++)
                g_string_append_printf(out, "%s%g", c ? "," : "", b->widths[c]);
        }
        for (int r = 0; r < b->rows; r++) {
            g_string_append(out, "\n|");
            for (int c = 0; c < b->cols; c++) {
                int i = r * b->cols + c;
                if (b->span[i] == 0) {
                    g_string_append(out, " - |");
                    continue;
                }
                g_autofree char *cell = jx_block_text(b->cells[i]);
                g_string_append_printf(out, jx_block_has_placeholder(b->cells[i]) ? " «%s»" : " %s", cell);
                if (b->span[i] > 1)
                    g_string_append_printf(out, "@%d", b->span[i]);
                g_string_append(out, " |");
            }
        }
        break;
    }
}

static char *report_lines(const JxReport *report)
{
    GString *out = g_string_new(NULL);
    for (guint i = 0; i < report->blocks->len; i++) {
        if (i > 0)
            g_string_append_c(out, '\n');
        append_block(out, g_ptr_array_index(report->blocks, i));
    }
    return g_string_free(out, FALSE);
}

/* Table invariants: every cell has a text, spans cover each row exactly. */
static void assert_tables_sound(const JxReport *report)
{
    for (guint i = 0; i < report->blocks->len; i++) {
        const JxBlock *b = g_ptr_array_index(report->blocks, i);
        if (b->kind != JX_BLOCK_TABLE)
            continue;
        g_assert_cmpint(b->rows, >, 0);
        g_assert_cmpint(b->cols, >, 0);
        g_assert_cmpint(b->header_rows, <=, b->rows);
        for (int r = 0; r < b->rows; r++) {
            int covered = 0;
            for (int c = 0; c < b->cols;) {
                int span = b->span[r * b->cols + c];
                g_assert_cmpint(span, >=, 1);
                g_assert_cmpint(c + span, <=, b->cols);
                for (int k = 1; k < span; k++)
                    g_assert_cmpint(b->span[r * b->cols + c + k], ==, 0);
                covered += span;
                c += span;
            }
            g_assert_cmpint(covered, ==, b->cols);
            for (int c = 0; c < b->cols; c++)
                g_assert_nonnull(b->cells[r * b->cols + c]);
        }
    }
}

typedef struct {
    GHashTable *computed;        /* NULL: none */
    const GPtrArray *findings;   /* NULL: none */
} Extra;

/* Renders a bundle's template on a workbook. */
static JxReport *render_on(const JxBundle *bundle, const JxWorkbook *wb, const Extra *extra)
{
    JxModel *model = jx_model_build(bundle->schema, wb);
    JxReportInput input = { model, extra ? extra->computed : NULL, extra ? extra->findings : NULL, NULL };
    GError *error = NULL;
    JxReport *report = jx_report_render(bundle->template, &input, &error);
    g_assert_no_error(error);
    jx_model_free(model);
    g_assert_nonnull(report);
    assert_tables_sound(report);
    return report;
}

/* Builds the report of a template on the workbook above. */
static JxReport *build_with(const char *report_template, const Extra *extra)
{
    g_autoptr(JxBundle) bundle = load_schema(report_template);
    g_autoptr(JxWorkbook) wb = workbook();
    return render_on(bundle, wb, extra);
}

static JxReport *build(const char *report_template)
{
    return build_with(report_template, NULL);
}

static void assert_lines(const JxReport *report, const char *expected)
{
    g_autofree char *lines = report_lines(report);
    if (strcmp(lines, expected) != 0)
        g_printerr("--- expected:\n%s\n--- got:\n%s\n", expected, lines);
    g_assert_cmpstr(lines, ==, expected);
}

/* The report without its title line (templates below have "title":"T"). */
static char *body_lines(const JxReport *report)
{
    g_autofree char *lines = report_lines(report);
    g_assert_true(g_str_has_prefix(lines, "# T"));
    return g_strdup(lines[3] == '\n' ? lines + 4 : lines + 3);
}

/* ---- placeholders and formats (table-driven) ---------------------------------- */

typedef struct {
    const char *path;
    const char *template;     /* one body paragraph */
    const char *expected;     /* its line */
    int placeholders;
} ParagraphCase;

static const ParagraphCase paragraph_cases[] = {
    /* fields as text */
    { "/template/field/text", "{department}{year}年度", "沅江市科学技术协会2023年度", 0 },
    { "/template/field/number-as-text", "{total}", "410.41", 0 },
    { "/template/field/literal-braces", "{{department}} = {department}", "{department} = 沅江市科学技术协会", 0 },
    { "/template/field/spaces-inside-braces", "{ total | amount }", "410.41", 0 },
    { "/template/field/escaping-kept", "{note}", "甲 & 乙", 0 },
    /* formats */
    { "/template/format/amount", "{total|amount}万元", "410.41万元", 0 },
    { "/template/format/amount-two-decimals", "{twelve|amount}", "12.00", 0 },
    { "/template/format/amount-from-yuan-field", "{yuan|amount}万元", "0.33万元", 0 },
    { "/template/format/amount-text-with-unit", "{text_amount|amount}万元", "0.33万元", 0 },
    { "/template/format/amount-text-in-yuan", "{yuan_text|amount}万元", "0.33万元", 0 },
    { "/template/format/amount-unitless-text-in-yuan-field", "{yuan_plain|amount}万元", "0.33万元", 0 },
    { "/template/format/amount-of-a-word", "{department|amount}", "沅江市科学技术协会", 0 },
    { "/template/format/percent", "{rate|percent}", "97.60%", 0 },
    { "/template/format/percent-of-a-percent-text", "{rate_text|percent}", "97.60%", 0 },
    { "/template/format/score", "{score|score}分", "97.36分", 0 },
    { "/template/format/number", "{score|number}", "97.364", 0 },
    { "/template/format/integer", "{count|integer}人", "16人", 0 },
    { "/template/format/text", "{count|text}", "15.6", 0 },
    { "/template/format/daxie", "{total|daxie}", "肆佰壹拾万肆仟壹佰元整", 0 },
    { "/template/format/daxie-yuan-field", "{yuan|daxie}", "叁仟叁佰元整", 0 },
    { "/template/format/daxie-text-with-unit", "{text_amount|daxie}", "叁仟叁佰元整", 0 },
    { "/template/format/daxie-text-in-yuan", "{yuan_text|daxie}", "叁仟叁佰元整", 0 },
    { "/template/format/amount-yuan-text-in-wan-field", "{wan_text|amount}万元", "0.33万元", 0 },
    { "/template/format/daxie-yuan-text-in-wan-field", "{wan_text|daxie}", "叁仟叁佰元整", 0 },
    { "/template/format/numeral", "{twelve|numeral}个", "十二个", 0 },
    { "/template/format/numeral-not-whole", "{count|numeral}", "15.6", 0 },
    /* optional, missing, errors */
    { "/template/optional/empty-left-out", "其他：{other?}。", "其他：。", 0 },
    { "/template/optional/filled-shown", "{note?}", "甲 & 乙", 0 },
    { "/template/optional/with-format", "[{other|amount?}]", "[]", 0 },
    { "/template/optional/blank-text", "[{spaces?}]", "[]", 0 },
    { "/template/missing/placeholder", "主要职责：{duties}。", "主要职责：«【请填写：主要职责】»。", 1 },
    { "/template/missing/blank-text", "{spaces}", "«【请填写：空白】»", 1 },
    { "/template/missing/with-format", "{other|amount}万元", "«【请填写：其他】»万元", 1 },
    { "/template/missing/computed-without-overlay", "{grade}", "«【请填写：等级】»", 1 },
    { "/template/missing/counted-each", "{duties}{other}{duties}", "«【请填写：主要职责】【请填写：其他】【请填写：主要职责】»", 3 },
    { "/template/error/placeholder", "{broken}", "«【错误值：坏值】»", 1 },
    { "/template/error/formatted", "{broken|amount}", "«【错误值：坏值】»", 1 },
    { "/template/error/optional-still-shown", "{broken?}", "«【错误值：坏值】»", 1 },
};

/* (in style plain: what a body paragraph adds at its end is tested below) */
static void test_paragraph_case(gconstpointer data)
{
    const ParagraphCase *c = data;
    g_autofree char *quoted = g_strdup_printf("{'title':'T','preamble':[{'paragraph':'%s','style':'plain'}]}",
                                              c->template);
    g_autoptr(JxReport) report = build(quoted);
    g_autofree char *body = body_lines(report);
    g_autofree char *expected = g_strconcat("plain: ", c->expected, NULL);
    g_assert_cmpstr(body, ==, expected);
    g_assert_cmpint(report->placeholders, ==, c->placeholders);
}

/* A placeholder is its own span, highlighted; the text around it is not.
 * Every value from the workbook is a span of its own, bound to where it
 * was read: its field, format and cell, and the text written. */
static void test_placeholder_spans(void)
{
    g_autoptr(JxReport) report = build("{'title':'{department}','preamble':['职责：{duties}，总分{score|score}分。']}");
    g_assert_cmpstr(report->title, ==, "沅江市科学技术协会");
    g_assert_cmpstr(report->department, ==, "沅江市科学技术协会");
    g_assert_cmpstr(report->year, ==, "2023");
    const JxBlock *p = g_ptr_array_index(report->blocks, 1);
    g_assert_cmpint(p->kind, ==, JX_BLOCK_PARAGRAPH);
    g_assert_cmpuint(p->spans->len, ==, 5);
    static const struct { const char *text; gboolean placeholder; const char *id, *field, *format, *cell; } spans[] = {
        { "职责：", FALSE, NULL, NULL, NULL, NULL },
        { "【请填写：主要职责】", TRUE, "JX_F0002", "duties", "text", "基本情况!B10" },
        { "，总分", FALSE, NULL, NULL, NULL, NULL },
        { "97.36", FALSE, "JX_F0003", "score", "score", "基本情况!B7" },
        { "分。", FALSE, NULL, NULL, NULL, NULL },
    };
    for (guint i = 0; i < G_N_ELEMENTS(spans); i++) {
        const JxSpan *s = g_ptr_array_index(p->spans, i);
        g_assert_cmpstr(s->text, ==, spans[i].text);
        g_assert_cmpint(s->placeholder, ==, spans[i].placeholder);
        if (spans[i].id == NULL) {
            g_assert_null(s->binding);
            continue;
        }
        const JxBinding *b = s->binding;
        g_assert_nonnull(b);
        g_assert_cmpstr(b->id, ==, spans[i].id);
        g_assert_cmpstr(b->field, ==, spans[i].field);
        g_assert_cmpstr(jx_format_name(b->format), ==, spans[i].format);
        g_assert_cmpstr(b->cell, ==, spans[i].cell);
        g_assert_cmpstr(b->text, ==, spans[i].text);
        g_assert_cmpint(b->placeholder, ==, spans[i].placeholder);
    }
    /* the title's {department} is the first binding */
    g_assert_cmpuint(report->bindings->len, ==, 3);
    const JxBinding *title = g_ptr_array_index(report->bindings, 0);
    g_assert_cmpstr(title->field, ==, "department");
    g_assert_cmpstr(title->text, ==, "沅江市科学技术协会");
    g_autofree char *text = jx_block_text(p);
    g_assert_cmpstr(text, ==, "职责：【请填写：主要职责】，总分97.36分。");
    g_assert_cmpint(report->placeholders, ==, 1);
}

/* Settings change the amount unit and decimals, and the score decimals. */
static void test_settings_formats(void)
{
    g_autofree char *quoted = g_strconcat(HEAD "'settings':{'amount_unit':'元','amount_decimals':0,"
                                          "'scoring':{'score_decimals':1}}," SHEETS FIELDS TABLES CHECKS
                                          ",'report':{'title':'T','preamble':['{total|amount}元 {yuan|amount}元 "
                                          "{text_amount|amount}元 {score|score}分']}}", NULL);
    g_autoptr(JxBundle) bundle = load_bundle_json(quoted);
    g_autoptr(JxWorkbook) wb = workbook();
    g_autoptr(JxReport) report = render_on(bundle, wb, NULL);
    g_autofree char *body = body_lines(report);
    g_assert_cmpstr(body, ==, "4104100元 3300元 3300元 97.4分");
}

/* The computed overlay stands in for empty computed cells only. */
static void test_computed_overlay(void)
{
    g_autoptr(GHashTable) computed = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_insert(computed, (char *)"基本情况!B12", (char *)"优");
    g_hash_table_insert(computed, (char *)"基本情况!B18", (char *)"9.7611");
    g_hash_table_insert(computed, (char *)"基本情况!B3", (char *)"999");      /* the cell is not empty */
    g_hash_table_insert(computed, (char *)"基本情况!B13", (char *)"=1+1");    /* a formula: not a value */
    g_hash_table_insert(computed, (char *)"基本情况!B10", (char *)"");        /* cleared */
    Extra extra = { computed, NULL };
    g_autoptr(JxReport) report = build_with("{'title':'T','preamble':['等级{grade}，得分{points|score}，"
                                            "合计{total|amount}，{other}，{duties}','{grade|text}{points}']}", &extra);
    g_autofree char *body = body_lines(report);
    g_assert_cmpstr(body, ==, "等级优，得分9.76，合计410.41，«【请填写：其他】»，«【请填写：主要职责】»\n优9.7611");
    g_assert_cmpint(report->placeholders, ==, 2);
    /* and without the overlay both are placeholders */
    g_autoptr(JxReport) bare = build("{'title':'T','preamble':['{grade}{points|score}']}");
    g_autofree char *bare_body = body_lines(bare);
    g_assert_cmpstr(bare_body, ==, "«【请填写：等级】【请填写：得分】»");
    g_assert_cmpint(bare->placeholders, ==, 2);
}

/* A schema without a template loads with no template to render. */
static void test_no_template(void)
{
    g_autofree char *quoted = g_strconcat(HEAD SHEETS FIELDS TABLES CHECKS "}", NULL);
    g_autoptr(JxBundle) bundle = load_bundle_json(quoted);
    g_assert_null(bundle->schema->report);
    g_assert_null(bundle->template);
}

/* A spreadsheet holding none of the schema's sheets gets no report. */
static void test_not_this_workbook(void)
{
    g_autoptr(JxBundle) bundle = load_schema("{'title':'T','preamble':['{department}']}");
    g_autoptr(JxWorkbook) wb = jx_workbook_new("预算表.ods");
    JxSheet *sheet = jx_workbook_add_sheet(wb, "Sheet1", 3, 3);
    jx_sheet_set_text(wb, sheet, 0, 0, "单位名称");
    jx_sheet_set_text(wb, sheet, 0, 1, "某单位");
    g_autoptr(JxModel) model = jx_model_build(bundle->schema, wb);
    JxReportInput input = { model, NULL, NULL, NULL };
    GError *error = NULL;
    g_assert_null(jx_report_render(bundle->template, &input, &error));
    g_assert_error(error, JX_ERROR, JX_ERROR_WORKBOOK);
    g_autofree char *zh = jx_error_text(error, JX_LANG_ZH);
    g_assert_nonnull(strstr(zh, "预算表.ods"));
    g_assert_nonnull(strstr(zh, "“基本情况”"));
    g_clear_error(&error);
    /* one of its sheets is enough: what is missing becomes placeholders */
    jx_workbook_add_sheet(wb, "指标", 1, 1);
    g_autoptr(JxModel) again = jx_model_build(bundle->schema, wb);
    JxReportInput input2 = { again, NULL, NULL, NULL };
    g_autoptr(JxReport) report = jx_report_render(bundle->template, &input2, &error);
    g_assert_no_error(error);
    g_autofree char *body = body_lines(report);
    g_assert_cmpstr(body, ==, "«【请填写：单位名称】»");
}

/* Paragraph styles of the preamble and bodies. */
static void test_paragraph_styles(void)
{
    g_autoptr(JxReport) report = build(
        "{'title':'T','preamble':[{'paragraph':'单位：{department}','style':'plain'},"
        "{'paragraph':'{year}年','style':'right'},{'paragraph':'居中','style':'center'},"
        "{'paragraph':'正文','style':'body'},{'paragraph':'默认'},'字符串']}");
    assert_lines(report, "# T\nplain: 单位：沅江市科学技术协会\nright: 2023年\ncenter: 居中\n正文\n默认\n字符串");
}

/* ---- each (table-driven) ----------------------------------------------------- */

typedef struct {
    const char *path;
    const char *table;
    const char *rows;        /* NULL: not given */
    const char *where;       /* NULL: not given */
    const char *expected;    /* the rows' keys, space-separated */
} EachCase;

static const EachCase each_cases[] = {
    { "/template/each/all-default", "items", NULL, NULL, "301 30101 30102 302 30201 30202 310" },
    { "/template/each/all", "items", "all", NULL, "301 30101 30102 302 30201 30202 310" },
    { "/template/each/groups", "items", "groups", NULL, "301 302" },
    { "/template/each/top", "items", "top", NULL, "301 302 310" },
    { "/template/each/leaves", "items", "leaves", NULL, "30101 30102 30201 30202 310" },
    { "/template/each/where-group", "items", NULL, "group", "301 302" },
    { "/template/each/where-not-group", "items", NULL, "!group", "30101 30102 30201 30202 310" },
    { "/template/each/where-item", "items", NULL, "item", "30101 30102 30201 30202" },
    { "/template/each/where-not-item", "items", NULL, "!item", "301 302 310" },
    { "/template/each/where-top", "items", NULL, "top", "301 302 310" },
    { "/template/each/leaves-and-top", "items", "leaves", "top", "310" },
    { "/template/each/where-column-value", "items", NULL, "name=办公费", "30201" },
    { "/template/each/where-column-value-normalized", "items", NULL, "name= 办公 费：", "30201" },
    { "/template/each/where-column-number", "items", NULL, "code=302", "302" },
    { "/template/each/where-not-column-value", "items", "top", "!code=302", "301 310" },
    { "/template/each/where-column-no-match", "items", NULL, "name=差旅费", "" },
    { "/template/each/where-filled", "ind", NULL, "filled:deviation", "活动场次 社会效益" },
    { "/template/each/where-blank", "ind", NULL, "blank:deviation", "培训人次 服务人次 满意度" },
    { "/template/each/where-not-blank", "ind", NULL, "!blank:deviation", "活动场次 社会效益" },
    { "/template/each/where-met", "ind", NULL, "met", "培训人次 满意度" },
    { "/template/each/where-not-met", "ind", NULL, "!met", "活动场次 社会效益 服务人次" },
    /* 服务人次 (people against 万元) has no completion: neither met nor unmet,
     * as validation sees it */
    { "/template/each/where-unmet", "ind", NULL, "unmet", "活动场次 社会效益" },
    { "/template/each/where-qualitative", "ind", NULL, "qualitative", "社会效益" },
    { "/template/each/where-quantitative", "ind", NULL, "quantitative", "培训人次 活动场次 服务人次 满意度" },
    { "/template/each/where-not-qualitative", "ind", NULL, "!qualitative", "培训人次 活动场次 服务人次 满意度" },
    { "/template/each/where-level", "ind", NULL, "level1=效益指标", "社会效益 服务人次" },
    { "/template/each/where-not-level", "ind", NULL, "!level1=产出指标", "社会效益 服务人次 满意度" },
    /* a blank table the workbook does not say means none: its rows are asked for */
    { "/template/each/empty-table", "funds", NULL, NULL, "«【请填写：基金】»" },
};

static void test_each_case(gconstpointer data)
{
    const EachCase *c = data;
    /* the key, then a literal: a paragraph ending in a cell's text would end in 。 */
    const char *key = strcmp(c->table, "items") == 0 ? "{.code}|" : "{.name}|";
    GString *block = g_string_new(NULL);
    g_string_append_printf(block, "{'each':'%s','paragraph':'%s'", c->table, key);
    if (c->rows)
        g_string_append_printf(block, ",'rows':'%s'", c->rows);
    if (c->where)
        g_string_append_printf(block, ",'where':'%s'", c->where);
    g_string_append_c(block, '}');
    g_autofree char *quoted = g_strdup_printf("{'title':'T','preamble':[%s]}", block->str);
    g_string_free(block, TRUE);
    g_autoptr(JxReport) report = build(quoted);
    GString *keys = g_string_new(NULL);
    for (guint i = 1; i < report->blocks->len; i++) {
        const JxBlock *b = g_ptr_array_index(report->blocks, i);
        g_assert_cmpint(b->kind, ==, JX_BLOCK_PARAGRAPH);
        g_autofree char *text = jx_block_text(b);
        const JxSpan *first = g_ptr_array_index(b->spans, 0);
        if (first->placeholder) {   /* the list asks for its rows */
            g_string_append_printf(keys, "%s«%s»", keys->len ? " " : "", text);
            continue;
        }
        g_assert_true(g_str_has_suffix(text, "|"));
        text[strlen(text) - 1] = '\0';
        g_string_append_printf(keys, "%s%s", keys->len ? " " : "", text);
    }
    g_autofree char *got = g_string_free(keys, FALSE);
    g_assert_cmpstr(got, ==, c->expected);
    g_assert_cmpint(report->placeholders, ==, strstr(c->expected, "«") != NULL);
}

/* A numbered list takes the level below its heading (GB/T 9704 一、（一）1.（1）):
 * under 2.产出指标 the indicators are （1）（2）, never 1. 2. again. */
#define NUMBERED "{'each':'items','rows':'groups','numbered':true,'paragraph':'{.name}{.executed|amount}万元（第{index}项）'}"

static void test_each_numbered(void)
{
    g_autoptr(JxReport) report = build(
        "{'title':'T','preamble':[" NUMBERED ",{'each':'items','rows':'leaves','where':'!top','paragraph':'{index}：{.name}'}],"
        "'sections':[{'title':'甲','body':[" NUMBERED "],'sections':[{'title':'乙','body':[" NUMBERED "],"
        "'sections':[{'title':'丙','body':[" NUMBERED "]}]}]}]}");
    assert_lines(report,
                 "# T\n一、工资福利支出220.36万元（第1项）\n二、商品和服务支出43.06万元（第2项）\n"
                 "1：基本工资。\n2：奖金。\n3：办公费。\n4：印刷费。\n"
                 "H1 一、甲\n（一）工资福利支出220.36万元（第1项）\n（二）商品和服务支出43.06万元（第2项）\n"
                 "H2 （一）乙\n1.工资福利支出220.36万元（第1项）\n2.商品和服务支出43.06万元（第2项）\n"
                 "H3 1.丙\n（1）工资福利支出220.36万元（第1项）\n（2）商品和服务支出43.06万元（第2项）");
}

/* The first case whose condition the row meets; rows no case takes are skipped
 * and do not count in the numbering. */
static void test_each_cases(void)
{
    g_autoptr(JxReport) report = build(
        "{'title':'T','preamble':[{'each':'ind','numbered':true,'cases':["
        "{'where':'qualitative','paragraph':'{.name}：定性，{.band}'},"
        "{'where':'unmet','paragraph':'{.name}：未完成，{.deviation}'},"
        "{'where':'met','paragraph':'{.name}：完成'},"
        "{'where':'qualitative','paragraph':'never: a second match'}]},"
        "{'each':'ind','cases':[{'where':'level1=效益指标','paragraph':'效益：{.name}'},"
        "{'paragraph':'其他：{.name}'}]}]}");
    g_autofree char *body = body_lines(report);
    g_assert_cmpstr(body, ==,
                    "一、培训人次：完成\n二、活动场次：未完成，场地不足。\n三、社会效益：定性，部分达成。\n"
                    "四、满意度：完成\n"
                    "其他：培训人次。\n其他：活动场次。\n效益：社会效益。\n效益：服务人次。\n其他：满意度。");
}

/* Rows that the filters leave out state the absence; a list with no row
 * and no such statement asks for its rows. */
static void test_each_empty(void)
{
    g_autoptr(JxReport) report = build(
        "{'title':'T','preamble':["
        "{'each':'funds','paragraph':'{.name}','empty':'本单位无政府性基金预算支出。'},"
        "{'each':'items','where':'name=不存在','paragraph':'{.name}|','empty':'{department}无此项。'},"
        "{'each':'ind','cases':[{'where':'level1=不存在','paragraph':'x'}],'empty':'无匹配的指标。'},"
        "{'each':'items','rows':'groups','paragraph':'{.name}|','empty':'not shown'},"
        "{'each':'ind','where':'level1=不存在','paragraph':'x'},"
        "{'each':'funds','where':'name=甲','paragraph':'{.name}'}]}");
    g_autofree char *body = body_lines(report);
    g_assert_cmpstr(body, ==,
                    "«【请填写：基金】»\n沅江市科学技术协会无此项。\n无匹配的指标。\n"
                    "工资福利支出|\n商品和服务支出|\n«【请填写：基金（甲）】»");
    g_assert_cmpint(report->placeholders, ==, 2);
}

/* ---- absence: when the workbook says there is nothing (table-driven) ------------- */

typedef struct {
    const char *path;
    const char *funds[4][2];   /* rows under the header of 基金 ({NULL} ends) */
    gboolean declared;         /* "none_when_blank": ["funds"] */
    gboolean filled;           /* the rest of the workbook filled in */
    gboolean no_sheet;         /* the 基金 sheet deleted */
    const char *expected;      /* the section's lines */
} AbsenceCase;

static const AbsenceCase absence_cases[] = {
    { "/template/absence/blank-undeclared", { { NULL } }, FALSE, TRUE, FALSE, "«【请填写：基金】»" },
    { "/template/absence/blank-declared", { { NULL } }, TRUE, TRUE, FALSE, "本单位无基金支出。" },
    /* nothing written anywhere: a blank table is not a statement */
    { "/template/absence/blank-declared-empty-workbook", { { NULL } }, TRUE, FALSE, FALSE, "«【请填写：基金】»" },
    { "/template/absence/sheet-missing", { { NULL } }, TRUE, TRUE, TRUE, "«【请填写：基金】»" },
    { "/template/absence/written-none", { { "无", "" } }, FALSE, TRUE, FALSE, "本单位无基金支出。" },
    { "/template/absence/written-none-dash", { { "—", "" } }, FALSE, TRUE, FALSE, "本单位无基金支出。" },
    { "/template/absence/written-zero", { { "甲基金", "0" } }, FALSE, TRUE, FALSE, "本单位无基金支出。" },
    { "/template/absence/written-zero-text", { { "甲基金", "0.00万元" } }, FALSE, TRUE, FALSE, "本单位无基金支出。" },
    { "/template/absence/a-row", { { "甲基金", "5" }, { "无", "" } }, TRUE, TRUE, FALSE, "（一）甲基金5.00万元。" },
    /* a name without an amount is an unused line, not a fund */
    { "/template/absence/name-only-declared", { { "甲基金", "" } }, TRUE, TRUE, FALSE, "本单位无基金支出。" },
    { "/template/absence/name-only-undeclared", { { "甲基金", "" } }, FALSE, TRUE, FALSE, "«【请填写：基金】»" },
};

static void test_absence_case(gconstpointer data)
{
    const AbsenceCase *c = data;
    g_autofree char *quoted = g_strdup_printf(
        "{'title':'T','sections':[{'title':'基金','body':[{'each':'funds','numbered':true,"
        "'paragraph':'{.name}{.budget|amount}万元。','empty':'本单位无基金支出。'},"
        "{'if':'empty:funds','then':['（空）'],'else':['（非空）']}]}]%s}",
        c->declared ? ",'none_when_blank':['funds']" : "");
    g_autoptr(JxBundle) bundle = load_schema(quoted);
    g_autoptr(JxWorkbook) wb = jx_workbook_new("absence.ods");
    if (c->filled) {
        FILL(wb, "基本情况", info_grid);
        FILL(wb, "明细", items_grid);
        FILL(wb, "指标", ind_grid);
    } else {
        jx_workbook_add_sheet(wb, "基本情况", 1, 1);
    }
    if (!c->no_sheet) {
        JxSheet *funds = jx_workbook_add_sheet(wb, "基金", 6, 2);
        set_cell(wb, funds, 0, 0, "项目");
        set_cell(wb, funds, 0, 1, "预算数");
        for (int r = 0; r < 4 && c->funds[r][0]; r++) {
            set_cell(wb, funds, r + 1, 0, c->funds[r][0]);
            set_cell(wb, funds, r + 1, 1, c->funds[r][1]);
        }
    }
    g_autoptr(JxReport) report = render_on(bundle, wb, NULL);
    g_autofree char *body = body_lines(report);
    gboolean stated = g_str_has_prefix(c->expected, "本单位");
    g_autofree char *expected = g_strdup_printf("H1 一、基金\n%s\n%s", c->expected,
                                                stated ? "（空）" : "（非空）");
    g_assert_cmpstr(body, ==, expected);
}

static void test_each_items(void)
{
    g_autoptr(JxReport) report = build(
        "{'title':'T','preamble':[{'each':'items','rows':'groups','numbered':true,"
        "'paragraph':'{.name}{.executed|amount}万元，包括{items}。',"
        "'items':{'paragraph':'{.name}{.executed|amount}万元','separator':'、'}},"
        "{'each':'items','where':'code=302','paragraph':'{.name}：{items}',"
        "'items':{'paragraph':'{index}.{.name}','separator':'；','where':'!name=办公费'}},"
        "{'each':'items','rows':'top','paragraph':'{.name}：[{items}]',"
        "'items':{'paragraph':'{.code}'}}]}");
    g_autofree char *body = body_lines(report);
    g_assert_cmpstr(body, ==,
                    "一、工资福利支出220.36万元，包括基本工资115.87万元、奖金104.49万元。\n"
                    "二、商品和服务支出43.06万元，包括办公费1.89万元、印刷费41.17万元。\n"
                    "商品和服务支出：1.印刷费\n"
                    "工资福利支出：[30101、30102]\n商品和服务支出：[30201、30202]\n资本性支出：[]");
}

/* Line items a department does not use (blank, 0, 无) are not named: no
 * placeholder floods a fully filled workbook's 基本支出. */
static const char *const used_items_grid[][3] = {
    { "编码", "名称", "金额" },
    { "301", "工资福利支出", "115.87" },
    { "30101", "基本工资", "115.87" },
    { "30102", "伙食补助费", "0" },
    { "30103", "职业年金缴费", "" },
    { "30104", "奖金", "无" },
    { "302", "商品和服务支出", "" },
    { "30201", "咨询费", "" },
    { "30202", "办公费", "0.00" },
    { "310", "资本性支出", "" },
    { "31002", "办公设备购置", "0.33" },
};

static void test_each_line_items(void)
{
    const char *template =
        "{'title':'T','sections':[{'title':'基本支出','body':[{'each':'items','rows':'groups','numbered':true,"
        "'paragraph':'{.name}{.executed|amount}万元，包括{items}。','items':{'paragraph':'{.name}{.executed|amount}万元'}},"
        "{'each':'items','rows':'groups','paragraph':'{.name}：{items}。','zeros':true,"
        "'items':{'paragraph':'{.name}{.executed|amount}万元','zeros':true}},"
        "{'table':{'header':['名称','金额'],'source':'items','row':['{.name}','{.executed|amount?}']}}]}]}";
    g_autoptr(JxBundle) bundle = load_schema(template);
    g_autoptr(JxWorkbook) wb = jx_workbook_new("book.ods");
    FILL(wb, "基本情况", info_grid);
    FILL(wb, "明细", used_items_grid);
    g_autoptr(JxReport) report = render_on(bundle, wb, NULL);
    assert_lines(report,
                 "# T\nH1 一、基本支出\n"
                 "（一）工资福利支出115.87万元，包括基本工资115.87万元。\n"
                 "（二）资本性支出«【请填写：金额】»万元，包括办公设备购置0.33万元。\n"
                 "工资福利支出：基本工资115.87万元、伙食补助费0.00万元。\n"
                 "商品和服务支出：办公费0.00万元。\n"
                 "资本性支出：办公设备购置0.33万元。\n"
                 "table  5x2 h=1\n| 名称 | 金额 |\n| 工资福利支出 | 115.87 |\n| 基本工资 | 115.87 |\n"
                 "| 资本性支出 |  |\n| 办公设备购置 | 0.33 |");
    g_assert_cmpint(report->placeholders, ==, 1);
}

/* A missing column value inside a loop is a placeholder named by the column. */
static void test_each_placeholders(void)
{
    g_autoptr(JxReport) report = build(
        "{'title':'T','preamble':[{'each':'ind','where':'blank:deviation','paragraph':'{.name}：{.deviation}'},"
        "{'each':'ind','where':'blank:score','paragraph':'{.name}：{.score|score}分{.deviation?}'}]}");
    g_autofree char *body = body_lines(report);
    g_assert_cmpstr(body, ==,
                    "培训人次：«【请填写：偏差原因】»\n服务人次：«【请填写：偏差原因】»\n满意度：«【请填写：偏差原因】»\n"
                    "服务人次：«【请填写：得分】»分");
    g_assert_cmpint(report->placeholders, ==, 4);
}

/* ---- if (table-driven) ---------------------------------------------------------- */

typedef struct {
    const char *path;
    const char *condition;
    gboolean errors;      /* pass an error finding */
    gboolean holds;
} IfCase;

static const IfCase if_cases[] = {
    { "/template/if/errors", "errors", TRUE, TRUE },
    { "/template/if/errors-none", "errors", FALSE, FALSE },
    { "/template/if/not-errors", "!errors", FALSE, TRUE },
    { "/template/if/not-errors-with-errors", "!errors", TRUE, FALSE },
    /* a blank table says nothing unless "none_when_blank" (see /template/absence) */
    { "/template/if/empty-table", "empty:funds", FALSE, FALSE },
    { "/template/if/empty-table-with-rows", "empty:items", FALSE, FALSE },
    { "/template/if/not-empty-table", "!empty:funds", FALSE, TRUE },
    { "/template/if/filled-table", "filled:items", FALSE, TRUE },
    { "/template/if/filled-table-empty", "filled:funds", FALSE, FALSE },
    { "/template/if/filled-field", "filled:note", FALSE, TRUE },
    { "/template/if/filled-field-empty", "filled:other", FALSE, FALSE },
    { "/template/if/filled-field-blank-text", "filled:spaces", FALSE, FALSE },
    /* an error value is there (and shown as 【错误值】), not blank */
    { "/template/if/filled-field-error", "filled:broken", FALSE, TRUE },
    { "/template/if/blank-field-error", "blank:broken", FALSE, FALSE },
    { "/template/if/not-filled-field", "!filled:other", FALSE, TRUE },
    { "/template/if/blank-field", "blank:duties", FALSE, TRUE },
    { "/template/if/blank-field-filled", "blank:department", FALSE, FALSE },
    { "/template/if/blank-field-number", "blank:total", FALSE, FALSE },
    { "/template/if/not-blank-field", "!blank:department", FALSE, TRUE },
};

static void test_if_case(gconstpointer data)
{
    const IfCase *c = data;
    g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func(jx_finding_free);
    /* a warning never counts as an error */
    g_ptr_array_add(findings, jx_finding_new(JX_FINDING_OVERACHIEVED_NO_REASON, 2, 1, 7, "警告", "warning"));
    if (c->errors) {
        JxFinding *f = jx_finding_new(JX_FINDING_SUM_MISMATCH, 0, 2, 1, "不符", "mismatch");
        f->severity = JX_SEVERITY_ERROR;
        g_ptr_array_add(findings, f);
    }
    Extra extra = { NULL, findings };
    g_autofree char *quoted = g_strdup_printf(
        "{'title':'T','preamble':[{'if':'%s','then':['是：{department}',{'paragraph':'二','style':'plain'}],"
        "'else':['否']},{'if':'%s','then':['只有 then']}]}", c->condition, c->condition);
    g_autoptr(JxReport) report = build_with(quoted, &extra);
    g_autofree char *body = body_lines(report);
    g_assert_cmpstr(body, ==, c->holds ? "是：沅江市科学技术协会。\nplain: 二\n只有 then" : "否");
}

/* if nests with each, and its branches take the loop's row */
static void test_if_nested(void)
{
    g_autoptr(JxReport) report = build(
        "{'title':'T','sections':[{'title':'其他','body':["
        "{'if':'filled:other','then':['{other}'],'else':['无。']},"
        "{'if':'!empty:items','then':[{'each':'items','rows':'groups','paragraph':'{.name}'},"
        "{'if':'empty:funds','then':['本单位无基金支出。']}]}]}]}");
    assert_lines(report, "# T\nH1 一、其他\n无。\n工资福利支出。\n商品和服务支出。");
}

/* ---- tables ------------------------------------------------------------------ */

static void test_table_literal(void)
{
    g_autoptr(JxReport) report = build(
        "{'title':'T','preamble':[{'table':{'name':'基础数据表','caption':'单位：万元',"
        "'header':['项目','金额','说明'],"
        "'rows':[['整体支出','{total|amount}','{note}'],['备注：{department}'],['其中','{other|amount}']],"
        "'after':[['合计','{yuan|amount?}'],[]],'widths':[2,1,1.5]}}]}");
    assert_lines(report,
                 "# T\ncaption: 单位：万元\n"
                 "table 基础数据表 6x3 h=1 w=2,1,1.5\n"
                 "| 项目 | 金额 | 说明 |\n"
                 "| 整体支出 | 410.41 | 甲 & 乙 |\n"
                 "| 备注：沅江市科学技术协会@3 | - | - |\n"
                 "| 其中 | «【请填写：其他】»@2 | - |\n"
                 "| 合计 | 0.33@2 | - |\n"
                 "| @3 | - | - |");
    const JxBlock *t = g_ptr_array_index(report->blocks, 2);
    g_assert_cmpint(t->kind, ==, JX_BLOCK_TABLE);
    g_assert_false(jx_block_has_placeholder(t->cells[1 * 3 + 1]));
    g_assert_true(jx_block_has_placeholder(t->cells[3 * 3 + 1]));
    g_assert_false(jx_block_has_placeholder(t->cells[3 * 3 + 0]));
    g_assert_cmpint(report->placeholders, ==, 1);
}

static void test_table_source(void)
{
    g_autoptr(JxReport) report = build(
        "{'title':'T','sections':[{'title':'附表','body':[{'table':{'name':'明细',"
        "'header':['序号','编码','名称','金额'],"
        "'rows':[['预算执行率','','','{rate|percent}']],"
        "'source':'items','where':'!item','row':['{index}','{.code}','{.name}','{.executed|amount}'],"
        "'after':[['合计','','','{total|amount}'],['等级：{grade?}']]}}]}]}");
    assert_lines(report,
                 "# T\nH1 一、附表\n"
                 "table 明细 7x4 h=1\n"
                 "| 序号 | 编码 | 名称 | 金额 |\n"
                 "| 预算执行率 |  |  | 97.60% |\n"
                 "| 1 | 301 | 工资福利支出 | 220.36 |\n"
                 "| 2 | 302 | 商品和服务支出 | 43.06 |\n"
                 "| 3 | 310 | 资本性支出 | 0.33 |\n"
                 "| 合计 |  |  | 410.41 |\n"
                 "| 等级：@4 | - | - | - |");
}

/* Widths that do not match the columns are ignored; a table with nothing in
 * it is left out with its caption; a source with no rows, whose absence the
 * workbook does not state, gets a row asking for them. */
static void test_table_widths_and_nothing(void)
{
    g_autoptr(JxReport) report = build(
        "{'title':'T','preamble':["
        "{'table':{'header':['a','b'],'widths':[1,2,3]}},"
        "{'table':{'header':['a','b'],'widths':[0,'x']}},"
        "{'table':{'caption':'不出现','rows':[]}},"
        "{'table':{'caption':'出现','source':'funds','row':['{.name}','{.budget|amount}']}},"
        "{'table':{'name':'基金','header':['项目','预算数'],'source':'funds','row':['{.name}','{.budget|amount}']}}]}");
    assert_lines(report,
                 "# T\n"
                 "table  1x2 h=1\n| a | b |\n"
                 "table  1x2 h=1 w=1,1\n| a | b |\n"
                 "caption: 出现\ntable  1x2 h=0\n| «【请填写：基金】»@2 | - |\n"
                 "table 基金 2x2 h=1\n| 项目 | 预算数 |\n| «【请填写：基金】»@2 | - |");
    g_assert_cmpint(report->placeholders, ==, 2);
}

static void test_table_in_each(void)
{
    g_autoptr(JxReport) report = build(
        "{'title':'T','preamble':[{'each':'items','rows':'groups','empty':'无',"
        "'table':{'name':'表{index}{other?}{duties}','caption':'{.name}','header':['名称','{.name}'],"
        "'rows':[['金额（万元）','{.executed|amount}'],['编码','{.code}']],'widths':[1,2]}}]}");
    assert_lines(report,
                 "# T\ncaption: 工资福利支出\n"
                 "table 表1【请填写：主要职责】 3x2 h=1 w=1,2\n| 名称 | 工资福利支出 |\n| 金额（万元） | 220.36 |\n| 编码 | 301 |\n"
                 "caption: 商品和服务支出\n"
                 "table 表2【请填写：主要职责】 3x2 h=1 w=1,2\n| 名称 | 商品和服务支出 |\n| 金额（万元） | 43.06 |\n| 编码 | 302 |");
    g_assert_cmpint(report->placeholders, ==, 0);   /* a table name is not counted as a value to fill */
}

/* ---- sections and headings ------------------------------------------------------ */

static void test_heading_numbers(void)
{
    g_autoptr(JxReport) report = build(
        "{'title':'{year}年度报告','preamble':['前言'],'sections':["
        "{'title':'甲','body':['甲的正文'],'sections':["
        "  {'title':'甲一','sections':[{'title':'a','body':['a 的正文']},{'title':'b','sections':["
        "     {'title':'b1'},{'title':'b2'}]}]},"
        "  {'title':'甲二'}]},"
        "{'title':'乙','sections':[{'title':'乙一','sections':[{'title':'c'}]},{'title':'乙二'},{'title':'乙三'}]},"
        "{'title':'{department}'}],"
        "'annexes':[{'title':'附件1　表','body':['附件正文'],'sections':[{'title':'附件小节'}]},"
        "{'title':'附件2'}]}");
    assert_lines(report,
                 "# 2023年度报告\n前言\n"
                 "H1 一、甲\n甲的正文\nH2 （一）甲一\nH3 1.a\na 的正文\nH3 2.b\nH4 （1）b1\nH4 （2）b2\nH2 （二）甲二\n"
                 "H1 二、乙\nH2 （一）乙一\nH3 1.c\nH2 （二）乙二\nH2 （三）乙三\n"
                 "H1 三、沅江市科学技术协会\n"
                 "---\nH1 附件1　表\n附件正文\nH2 附件小节\n---\nH1 附件2");
}

/* Twelve sections, as in the reference report: 一 … 十二 once each, and the
 * level-2 numbers restart under every level-1 heading. */
static void test_heading_numbers_twelve(void)
{
    GString *sections = g_string_new(NULL);
    for (int i = 1; i <= 12; i++)
        g_string_append_printf(sections, "%s{'title':'第%d节','sections':[{'title':'x'},{'title':'y'},{'title':'z'}]}",
                               i > 1 ? "," : "", i);
    g_autofree char *quoted = g_strdup_printf("{'title':'T','sections':[%s]}", sections->str);
    g_string_free(sections, TRUE);
    g_autoptr(JxReport) report = build(quoted);
    static const char *const level1[] = { "一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、",
                                          "十、", "十一、", "十二、" };
    static const char *const level2[] = { "（一）", "（二）", "（三）" };
    int n1 = 0, n2 = 0;
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 1; i < report->blocks->len; i++) {
        const JxBlock *b = g_ptr_array_index(report->blocks, i);
        g_assert_cmpint(b->kind, ==, JX_BLOCK_HEADING);
        g_autofree char *text = jx_block_text(b);
        if (b->level == 1) {
            g_assert_cmpint(n1, <, 12);
            g_assert_cmpstr(b->number, ==, level1[n1]);
            g_autofree char *expected = g_strdup_printf("第%d节", ++n1);
            g_assert_cmpstr(text, ==, expected);
            g_assert_false(g_hash_table_contains(seen, b->number));
            g_hash_table_add(seen, b->number);
            n2 = 0;
        } else {
            g_assert_cmpint(b->level, ==, 2);
            g_assert_cmpint(n2, <, 3);
            g_assert_cmpstr(b->number, ==, level2[n2++]);
        }
    }
    g_assert_cmpint(n1, ==, 12);
    g_assert_cmpint(n2, ==, 3);
}

/* ---- the default template ----------------------------------------------------------- */

static char *default_schema_path(void)
{
    const char *relative = "registration/schema/hunan-department-2023.json";
    if (g_file_test(relative, G_FILE_TEST_EXISTS))
        return g_strdup(relative);
    return g_test_build_filename(G_TEST_BUILT, "..", "..", relative, NULL);
}

static void test_default_schema_loads(void)
{
    g_autofree char *path = default_schema_path();
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func(jx_schema_problem_free);
    GError *error = NULL;
    g_autoptr(JxBundle) bundle = jx_bundle_load_file(path, problems, &error);
    print_problems(problems);
    g_assert_no_error(error);
    g_assert_nonnull(bundle);
    g_assert_cmpuint(problems->len, ==, 0);
    g_assert_nonnull(bundle->template);
    /* the three fund tables are blank when there is no such spending (填报说明 11) */
    static const char *const blank_is_none[] = { "government_funds", "state_capital", "social_insurance" };
    for (gsize i = 0; i < G_N_ELEMENTS(blank_is_none); i++) {
        const JxTableSpec *t = jx_schema_table(bundle->schema, blank_is_none[i]);
        guint index = 0;
        g_assert_true(g_ptr_array_find(bundle->schema->tables, t, &index));
        g_assert_true(bundle->template->none_when_blank[index]);
    }
}

/* The default template on a workbook with its sheets and nothing in them:
 * the reference outline, every number once, annexes on new pages without
 * numbers, the gaps as placeholders, and no absence asserted. */
static void test_default_outline(void)
{
    g_autofree char *path = default_schema_path();
    g_autoptr(JxBundle) bundle = jx_bundle_load_file(path, NULL, NULL);
    g_assert_nonnull(bundle);
    const JxSchema *schema = bundle->schema;
    g_autoptr(JxWorkbook) wb = jx_workbook_new("empty.ods");
    for (guint i = 0; i < schema->sheets->len; i++)
        jx_workbook_add_sheet(wb, ((JxSheetSpec *)g_ptr_array_index(schema->sheets, i))->name, 1, 1);
    g_autoptr(JxModel) model = jx_model_build(schema, wb);
    JxReportInput input = { model, NULL, model->findings, NULL };
    g_autoptr(JxReport) report = jx_report_render(bundle->template, &input, NULL);
    g_assert_nonnull(report);
    assert_tables_sound(report);
    static const char *const outline[] = {
        "一、部门基本情况", "二、一般公共预算支出情况", "三、项目组织实施情况", "四、资产管理情况",
        "五、政府性基金预算支出情况", "六、国有资本经营预算支出情况", "七、社会保险基金预算支出情况",
        "八、部门整体支出绩效情况", "九、存在的主要问题及原因分析", "十、下一步改进措施",
        "十一、绩效自评结果拟应用和公开情况", "十二、其他需要说明的情况",
    };
    guint n = 0, annexes = 0;
    gboolean after_break = FALSE;
    for (guint i = 0; i < report->blocks->len; i++) {
        const JxBlock *b = g_ptr_array_index(report->blocks, i);
        if (b->kind == JX_BLOCK_PAGE_BREAK) {
            after_break = TRUE;
            continue;
        }
        if (b->kind == JX_BLOCK_HEADING && b->level == 1) {
            g_autofree char *text = jx_block_text(b);
            g_autofree char *full = g_strconcat(b->number, text, NULL);
            if (n < G_N_ELEMENTS(outline)) {
                g_assert_false(after_break);
                g_assert_cmpstr(full, ==, outline[n]);
                n++;
            } else {
                g_assert_true(after_break);
                g_assert_cmpstr(b->number, ==, "");
                g_assert_true(g_str_has_prefix(text, "附件"));
                annexes++;
            }
        }
        after_break = FALSE;
    }
    g_assert_cmpuint(n, ==, G_N_ELEMENTS(outline));
    g_assert_cmpuint(annexes, ==, 6);
    g_assert_cmpint(report->placeholders, >, 10);
    g_autofree char *lines = report_lines(report);
    g_assert_nonnull(strstr(lines, "H1 五、政府性基金预算支出情况\n«【请填写：政府性基金预算支出】»\n"));
    g_assert_nonnull(strstr(lines, "H1 七、社会保险基金预算支出情况\n«【请填写：社会保险基金预算支出】»\n"));
    g_assert_nonnull(strstr(lines, "«【请填写：主要职责】»"));
    g_assert_nonnull(strstr(lines, "H3 2.产出指标\n«【请填写：部门整体支出绩效自评表（产出指标）】»\n"));
    /* nothing states an absence the workbook did not state */
    static const char *const absences[] = { "本年度未设置", "本年度无项目支出", "未安排", "本单位无", "无。" };
    for (gsize i = 0; i < G_N_ELEMENTS(absences); i++)
        if (strstr(lines, absences[i]) != NULL)
            g_test_fail_printf("an empty workbook's report says “%s”", absences[i]);
}

/* ---- checking the template (table-driven) ------------------------------------------ */

typedef struct {
    const char *path;
    const char *report;       /* the "report" value */
    guint count;              /* problems expected */
    const char *at;           /* the first problem's path */
    const char *en;           /* words of its English text */
    const char *zh;           /* words of its Chinese text */
} CheckCase;

#define SECTION(body) "{'title':'T','sections':[{'title':'S','body':[" body "]}]}"

static const CheckCase check_cases[] = {
    { "/template/check/unknown-field",
      "{'title':'T','sections':[{'title':'A','body':['{department}']},{'title':'B','body':['有{nope|amount}万元']}]}",
      1, "$.report.sections[1].body[0]", "refers to the unknown field 'nope'", "“nope”" },
    { "/template/check/unknown-field-in-title", "{'title':'{year}{nope}'}",
      1, "$.report.title", "unknown field 'nope'", "不存在的字段" },
    { "/template/check/unknown-field-in-preamble", "{'title':'T','preamble':['x',{'paragraph':'{nope}'}]}",
      1, "$.report.preamble[1].paragraph", "unknown field 'nope'", NULL },
    { "/template/check/unknown-field-in-annex", "{'title':'T','annexes':[{'title':'附件','body':['{nope}']}]}",
      1, "$.report.annexes[0].body[0]", "unknown field 'nope'", NULL },
    { "/template/check/unknown-field-in-heading", "{'title':'T','sections':[{'title':'S','sections':[{'title':'{nope}'}]}]}",
      1, "$.report.sections[0].sections[0].title", "unknown field 'nope'", NULL },
    { "/template/check/unknown-field-in-if", SECTION("{'if':'errors','then':['a'],'else':['{nope}']}"),
      1, "$.report.sections[0].body[0].else[0]", "unknown field 'nope'", NULL },
    { "/template/check/column-outside-each", SECTION("'金额{.executed}'"),
      1, "$.report.sections[0].body[0]", "'{.executed}' is only allowed inside 'each' or 'table'", "只能用在" },
    { "/template/check/column-in-literal-table-row", SECTION("{'table':{'rows':[['{.name}']]}}"),
      1, "$.report.sections[0].body[0].table.rows[0][0]", "only allowed inside 'each' or 'table'", NULL },
    { "/template/check/column-in-empty-text", SECTION("{'each':'items','paragraph':'{.name}','empty':'{.name}'}"),
      1, "$.report.sections[0].body[0].empty", "only allowed inside", NULL },
    { "/template/check/index-outside-each", SECTION("'{index}'"),
      1, "$.report.sections[0].body[0]", "'{index}' is only allowed inside 'each' or 'table'", NULL },
    { "/template/check/unknown-column", SECTION("{'each':'items','paragraph':'{.name}{.nope}'}"),
      1, "$.report.sections[0].body[0].paragraph", "table 'items' has no column 'nope'", "没有列" },
    { "/template/check/unknown-column-in-case", SECTION("{'each':'ind','cases':[{'where':'met','paragraph':'{.nope}'}]}"),
      1, "$.report.sections[0].body[0].cases[0].paragraph", "table 'ind' has no column 'nope'", NULL },
    { "/template/check/unknown-column-in-source-row",
      SECTION("{'table':{'header':['a'],'source':'items','row':['{.name}','{.nope}']}}"),
      1, "$.report.sections[0].body[0].table.row[1]", "table 'items' has no column 'nope'", NULL },
    { "/template/check/unknown-column-in-each-table",
      SECTION("{'each':'items','table':{'header':['{.name}'],'rows':[['{.nope}']]}}"),
      1, "$.report.sections[0].body[0].table.rows[0][0]", "table 'items' has no column 'nope'", NULL },
    { "/template/check/header-cell-path", SECTION("{'table':{'header':['a','{nope}']}}"),
      1, "$.report.sections[0].body[0].table.header[1]", "unknown field 'nope'", NULL },
    { "/template/check/table-name", SECTION("{'table':{'name':'表{nope}','header':['a']}}"),
      1, "$.report.sections[0].body[0].table.name", "unknown field 'nope'", NULL },
    { "/template/check/unknown-format", SECTION("'{total|money}'"),
      1, "$.report.sections[0].body[0]", "unknown format 'money'", "未知的格式“money”" },
    { "/template/check/unknown-format-optional", SECTION("'{total|percentage?}'"),
      1, "$.report.sections[0].body[0]", "unknown format 'percentage'", NULL },
    { "/template/check/unclosed-brace", SECTION("'合计{total'"),
      1, "$.report.sections[0].body[0]", "the '{' at character 3 is empty or not closed", "第 3 个字符" },
    { "/template/check/empty-braces", SECTION("'a{}b'"),
      1, "$.report.sections[0].body[0]", "the '{' at character 2 is empty or not closed", NULL },
    { "/template/check/unknown-predicate", SECTION("{'each':'items','where':'done','paragraph':'x'}"),
      1, "$.report.sections[0].body[0].where", "unknown row condition 'done'", "未知的行条件" },
    { "/template/check/unknown-negated-predicate", SECTION("{'each':'items','where':'!done','paragraph':'x'}"),
      1, "$.report.sections[0].body[0].where", "unknown row condition '!done'", NULL },
    { "/template/check/predicate-unknown-column", SECTION("{'each':'items','where':'filled:nope','paragraph':'x'}"),
      1, "$.report.sections[0].body[0].where", "table 'items' has no column 'nope'", NULL },
    { "/template/check/predicate-value-unknown-column", SECTION("{'each':'ind','where':'!level9=效益指标','paragraph':'x'}"),
      1, "$.report.sections[0].body[0].where", "table 'ind' has no column 'level9'", NULL },
    { "/template/check/predicate-in-case", SECTION("{'each':'ind','cases':[{'where':'late','paragraph':'x'}]}"),
      1, "$.report.sections[0].body[0].cases[0].where", "unknown row condition 'late'", NULL },
    { "/template/check/predicate-in-items",
      SECTION("{'each':'items','paragraph':'{items}','items':{'paragraph':'x','where':'big'}}"),
      1, "$.report.sections[0].body[0].items.where", "unknown row condition 'big'", NULL },
    { "/template/check/predicate-in-table", SECTION("{'table':{'source':'items','where':'blank:nope','row':['x']}}"),
      1, "$.report.sections[0].body[0].table.where", "table 'items' has no column 'nope'", NULL },
    { "/template/check/unknown-condition", SECTION("{'if':'warnings','then':['x']}"),
      1, "$.report.sections[0].body[0].if", "unrecognised condition 'warnings'", "无法识别的条件" },
    { "/template/check/empty-of-field", SECTION("{'if':'empty:total','then':['x']}"),
      1, "$.report.sections[0].body[0].if", "unrecognised condition 'empty:total'", NULL },
    { "/template/check/blank-of-table", SECTION("{'if':'!blank:items','then':['x']}"),
      1, "$.report.sections[0].body[0].if", "unrecognised condition '!blank:items'", NULL },
    { "/template/check/filled-unknown", SECTION("{'if':'filled:nope','then':['x']}"),
      1, "$.report.sections[0].body[0].if", "unrecognised condition 'filled:nope'", NULL },
    { "/template/check/each-two-ways", SECTION("{'each':'items','paragraph':'x','cases':[{'paragraph':'y'}]}"),
      1, "$.report.sections[0].body[0]", "exactly one of 'paragraph', 'cases' or 'table'", "恰好" },
    { "/template/check/each-paragraph-and-table", SECTION("{'each':'items','paragraph':'x','table':{'header':['a']}}"),
      1, "$.report.sections[0].body[0]", "exactly one of", NULL },
    { "/template/check/each-no-way", SECTION("{'each':'items','numbered':true}"),
      1, "$.report.sections[0].body[0]", "exactly one of", NULL },
    { "/template/check/each-unknown-table", SECTION("{'each':'nope','paragraph':'x'}"),
      1, "$.report.sections[0].body[0].each", "refers to the unknown table 'nope'", NULL },
    { "/template/check/each-bad-rows", SECTION("{'each':'items','rows':'some','paragraph':'x'}"),
      1, "$.report.sections[0].body[0].rows", "must be all, groups, top or leaves", NULL },
    { "/template/check/each-unknown-key", SECTION("{'each':'items','paragraph':'x','sort':'name'}"),
      1, "$.report.sections[0].body[0].sort", "unknown key 'sort'", NULL },
    { "/template/check/items-without-items", SECTION("{'each':'items','paragraph':'包括{items}'}"),
      1, "$.report.sections[0].body[0].paragraph", "'{items}' needs an 'each' with 'items'", NULL },
    { "/template/check/items-outside-each", SECTION("'包括{items}'"),
      1, "$.report.sections[0].body[0]", "'{items}' needs an 'each' with 'items'", NULL },
    { "/template/check/items-paragraph-missing", SECTION("{'each':'items','paragraph':'{items}','items':{'separator':'、'}}"),
      1, "$.report.sections[0].body[0].items.paragraph", "required key is missing", NULL },
    { "/template/check/bad-style", SECTION("{'paragraph':'x','style':'bold'}"),
      1, "$.report.sections[0].body[0].style", "must be body, plain, center or right", "应为 body" },
    { "/template/check/paragraph-missing", SECTION("{'style':'plain'}"),
      1, "$.report.sections[0].body[0].paragraph", "required key is missing", NULL },
    { "/template/check/five-levels",
      "{'title':'T','sections':[{'title':'1','sections':[{'title':'2','sections':[{'title':'3','sections':["
      "{'title':'4','sections':[{'title':'5'}]}]}]}]}]}",
      1, "$.report.sections[0].sections[0].sections[0].sections[0].sections", "four levels deep at most", "最多四级" },
    { "/template/check/section-title-missing", "{'title':'T','sections':[{'body':['x']}]}",
      1, "$.report.sections[0].title", "required key is missing", NULL },
    { "/template/check/section-unknown-key", "{'title':'T','sections':[{'title':'S','text':'x'}]}",
      1, "$.report.sections[0].text", "unknown key 'text'", NULL },
    { "/template/check/report-unknown-key", "{'title':'T','chapters':[]}",
      1, "$.report.chapters", "unknown key 'chapters'", NULL },
    { "/template/check/title-missing", "{'sections':[]}",
      1, "$.report.title", "required key is missing", NULL },
    { "/template/check/report-not-object", "[]",
      1, "$.report", "object", NULL },
    { "/template/check/body-not-array", "{'title':'T','sections':[{'title':'S','body':'x'}]}",
      1, "$.report.sections[0].body", "must be an array", NULL },
    { "/template/check/block-not-object", SECTION("42"),
      1, "$.report.sections[0].body[0]", "must be a string or an object", NULL },
    { "/template/check/table-source-without-row", SECTION("{'table':{'header':['a'],'source':'items'}}"),
      1, "$.report.sections[0].body[0].table.row", "a table with 'source' needs a 'row' array", NULL },
    { "/template/check/table-unknown-key", SECTION("{'table':{'header':['a'],'footer':['b']}}"),
      1, "$.report.sections[0].body[0].table.footer", "unknown key 'footer'", NULL },
    { "/template/check/several-problems",
      "{'title':'T','sections':[{'title':'S','body':['{nope}','{.x}',{'paragraph':'y','style':'big'}]}]}",
      3, "$.report.sections[0].body[0]", "unknown field 'nope'", NULL },
};

static void test_check_case(gconstpointer data)
{
    const CheckCase *c = data;
    g_autoptr(GPtrArray) problems = load_problems(c->report);
    if (problems->len != c->count)
        print_problems(problems);
    g_assert_cmpuint(problems->len, ==, c->count);
    const JxSchemaProblem *p = g_ptr_array_index(problems, 0);
    if (strcmp(p->path, c->at) != 0 || strstr(p->en, c->en) == NULL)
        print_problems(problems);
    g_assert_cmpstr(p->path, ==, c->at);
    g_assert_nonnull(strstr(p->en, c->en));
    if (c->zh)
        g_assert_nonnull(strstr(p->zh, c->zh));
    for (guint i = 0; i < problems->len; i++) {
        const JxSchemaProblem *q = g_ptr_array_index(problems, i);
        g_assert_true(g_str_has_prefix(q->path, "$.report"));
        g_assert_true(g_utf8_validate(q->zh, -1, NULL));
        g_assert_cmpstr(q->en, !=, "");
    }
}

/* What every construct accepts loads without problems. */
static void test_check_accepts(void)
{
    g_autoptr(JxBundle) bundle = load_schema(
        "{'title':'{department}{year}年度报告','note':'comment','preamble':[{'paragraph':'x','style':'plain'},"
        "{'page_break':true}],'sections':[{'title':'S','note':'n','body':["
        "'{total|amount}{rate|percent}{score|score}{count|integer}{total|daxie}{twelve|numeral}{note|text}"
        "{score|number}{other?}{other|amount?}{{literal}}',"
        "{'each':'items','rows':'groups','where':'!code=301','numbered':true,'paragraph':'{index}{.name}{items}',"
        "'items':{'paragraph':'{.name}{index}','separator':'、','where':'filled:executed'},'empty':'{department}'},"
        "{'each':'ind','cases':[{'where':'met','paragraph':'{.name}'},{'where':'!unmet','paragraph':'a'},"
        "{'where':'qualitative','paragraph':'b'},{'where':'!quantitative','paragraph':'c'},"
        "{'where':'group','paragraph':'d'},{'where':'item','paragraph':'e'},{'where':'top','paragraph':'f'},"
        "{'where':'blank:band','paragraph':'g'},{'paragraph':'h'}]},"
        "{'each':'items','table':{'name':'t{index}','caption':'{.name}','header':['{.name}'],'rows':[['{.code}']],"
        "'widths':[1]}},"
        "{'if':'errors','then':['a']},{'if':'!empty:funds','then':[],'else':['b']},{'if':'filled:items','then':[]},"
        "{'if':'filled:other','then':[]},{'if':'blank:other','then':[]},"
        "{'table':{'name':'n','caption':'c{year}','header':['a','b'],'rows':[['{total}']],'source':'items',"
        "'where':'!group','row':['{.name}','{index}'],'after':[['{grade?}']],'widths':[1,2]}}],"
        "'sections':[{'title':'2','sections':[{'title':'3','sections':[{'title':'4'}]}]}]}],"
        "'annexes':[{'title':'附件','body':['x']}],'none_when_blank':['funds']}");
    g_assert_nonnull(bundle->template);
}

/* ---- main -------------------------------------------------------------------------- */

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(paragraph_cases); i++)
        g_test_add_data_func(paragraph_cases[i].path, &paragraph_cases[i], test_paragraph_case);
    g_test_add_func("/template/placeholder/spans", test_placeholder_spans);
    g_test_add_func("/template/format/settings", test_settings_formats);
    g_test_add_func("/template/computed-overlay", test_computed_overlay);
    g_test_add_func("/template/paragraph/styles", test_paragraph_styles);
    g_test_add_func("/template/no-template", test_no_template);
    g_test_add_func("/template/not-this-workbook", test_not_this_workbook);
    for (gsize i = 0; i < G_N_ELEMENTS(each_cases); i++)
        g_test_add_data_func(each_cases[i].path, &each_cases[i], test_each_case);
    g_test_add_func("/template/each/numbered", test_each_numbered);
    g_test_add_func("/template/each/cases", test_each_cases);
    g_test_add_func("/template/each/empty", test_each_empty);
    for (gsize i = 0; i < G_N_ELEMENTS(absence_cases); i++)
        g_test_add_data_func(absence_cases[i].path, &absence_cases[i], test_absence_case);
    g_test_add_func("/template/each/items", test_each_items);
    g_test_add_func("/template/each/line-items", test_each_line_items);
    g_test_add_func("/template/each/placeholders", test_each_placeholders);
    for (gsize i = 0; i < G_N_ELEMENTS(if_cases); i++)
        g_test_add_data_func(if_cases[i].path, &if_cases[i], test_if_case);
    g_test_add_func("/template/if/nested", test_if_nested);
    g_test_add_func("/template/table/literal", test_table_literal);
    g_test_add_func("/template/table/source", test_table_source);
    g_test_add_func("/template/table/widths-and-nothing", test_table_widths_and_nothing);
    g_test_add_func("/template/table/in-each", test_table_in_each);
    g_test_add_func("/template/heading/numbers", test_heading_numbers);
    g_test_add_func("/template/heading/twelve", test_heading_numbers_twelve);
    g_test_add_func("/template/default/loads", test_default_schema_loads);
    g_test_add_func("/template/default/outline", test_default_outline);
    for (gsize i = 0; i < G_N_ELEMENTS(check_cases); i++)
        g_test_add_data_func(check_cases[i].path, &check_cases[i], test_check_case);
    g_test_add_func("/template/check/accepts", test_check_accepts);
    return g_test_run();
}

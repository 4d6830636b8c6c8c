/*
 * test_odf.c: the flat ODT writer.  Reports are built by hand, written with
 * jx_report_to_fodt and parsed back with GLib's GMarkupParseContext into a
 * small tree, so every test also proves the output well-formed XML.  Texts
 * are read back the way an ODF reader does (white space collapsed, text:s
 * and text:tab expanded), so escaping and spacing are checked end to end.
 */
#include <string.h>

#include <glib.h>

#include "core/odf.h"
#include "core/report.h"

/* ---- a tiny DOM over GMarkup ---------------------------------------------- */

typedef struct Node Node;
struct Node {
    char *name;            /* NULL for a text node */
    char *text;            /* text node: its text */
    GHashTable *attrs;     /* element: qualified name → value */
    GPtrArray *children;   /* Node* */
    Node *parent;
};

static void node_free(gpointer data)
{
    Node *n = data;
    g_free(n->name);
    g_free(n->text);
    if (n->attrs)
        g_hash_table_unref(n->attrs);
    if (n->children)
        g_ptr_array_free(n->children, TRUE);
    g_free(n);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(Node, node_free)

static void on_start(GMarkupParseContext *context, const char *name, const char **names, const char **values,
                     gpointer user_data, GError **error)
{
    Node **current = user_data;
    Node *n = g_new0(Node, 1);
    n->name = g_strdup(name);
    n->attrs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    for (int i = 0; names[i]; i++)
        g_hash_table_insert(n->attrs, g_strdup(names[i]), g_strdup(values[i]));
    n->children = g_ptr_array_new_with_free_func(node_free);
    n->parent = *current;
    g_ptr_array_add((*current)->children, n);
    *current = n;
}

static void on_end(GMarkupParseContext *context, const char *name, gpointer user_data, GError **error)
{
    Node **current = user_data;
    *current = (*current)->parent;
}

static void on_text(GMarkupParseContext *context, const char *text, gsize length, gpointer user_data,
                    GError **error)
{
    Node **current = user_data;
    if ((*current)->parent == NULL || length == 0)
        return;   /* between the declaration and the root, or nothing */
    Node *n = g_new0(Node, 1);
    n->text = g_strndup(text, length);
    n->parent = *current;
    g_ptr_array_add((*current)->children, n);
}

/* Parses a document that must be well-formed; returns the root element. */
static Node *parse(const char *xml)
{
    g_assert_true(g_utf8_validate(xml, -1, NULL));
    g_assert_true(g_str_has_prefix(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    Node *document = g_new0(Node, 1);
    document->children = g_ptr_array_new_with_free_func(node_free);
    Node *current = document;
    static const GMarkupParser parser = { on_start, on_end, on_text, NULL, NULL };
    GMarkupParseContext *context = g_markup_parse_context_new(&parser, 0, &current, NULL);
    GError *error = NULL;
    gboolean ok = g_markup_parse_context_parse(context, xml, -1, &error) &&
                  g_markup_parse_context_end_parse(context, &error);
    if (!ok)
        g_printerr("%s\n", xml);
    g_assert_no_error(error);
    g_assert_true(ok);
    g_markup_parse_context_free(context);
    g_assert_true(current == document);
    g_assert_cmpuint(document->children->len, ==, 1);
    Node *root = g_ptr_array_steal_index(document->children, 0);
    root->parent = NULL;
    node_free(document);
    g_assert_cmpstr(root->name, ==, "office:document");
    return root;
}

static const char *attr(const Node *n, const char *name)
{
    return n->attrs ? g_hash_table_lookup(n->attrs, name) : NULL;
}

static void collect(const Node *n, const char *name, GPtrArray *out)
{
    for (guint i = 0; n->children && i < n->children->len; i++) {
        Node *c = g_ptr_array_index(n->children, i);
        if (c->name && strcmp(c->name, name) == 0)
            g_ptr_array_add(out, c);
        if (c->name)
            collect(c, name, out);
    }
}

/* Elements of one name, in document order (borrowed). */
static GPtrArray *all(const Node *root, const char *name)
{
    GPtrArray *out = g_ptr_array_new();
    collect(root, name, out);
    return out;
}

static const Node *first(const Node *root, const char *name)
{
    g_autoptr(GPtrArray) found = all(root, name);
    return found->len ? g_ptr_array_index(found, 0) : NULL;
}

/* The element `name` whose attribute has the value, or NULL. */
static const Node *find(const Node *root, const char *name, const char *attribute, const char *value)
{
    g_autoptr(GPtrArray) found = all(root, name);
    for (guint i = 0; i < found->len; i++) {
        const Node *n = g_ptr_array_index(found, i);
        if (g_strcmp0(attr(n, attribute), value) == 0)
            return n;
    }
    return NULL;
}

static const Node *child(const Node *n, const char *name)
{
    for (guint i = 0; n->children && i < n->children->len; i++) {
        const Node *c = g_ptr_array_index(n->children, i);
        if (c->name && strcmp(c->name, name) == 0)
            return c;
    }
    return NULL;
}

/* Paragraph text as an ODF reader sees it: literal white space collapses to
 * one space and is dropped at the start; text:s, text:tab and
 * text:line-break are a space run, a tab and a newline; a comment
 * (office:annotation) is not part of the text. */
static void text_into(const Node *n, GString *out)
{
    for (guint i = 0; n->children && i < n->children->len; i++) {
        const Node *c = g_ptr_array_index(n->children, i);
        if (c->name == NULL) {
            for (const char *p = c->text; *p; p++) {
                if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
                    if (out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
                        g_string_append_c(out, ' ');
                } else {
                    g_string_append_c(out, *p);
                }
            }
        } else if (strcmp(c->name, "text:s") == 0) {
            const char *count = attr(c, "text:c");
            int k = count ? atoi(count) : 1;
            for (int j = 0; j < k; j++)
                g_string_append_c(out, ' ');
        } else if (strcmp(c->name, "text:tab") == 0) {
            g_string_append_c(out, '\t');
        } else if (strcmp(c->name, "text:line-break") == 0) {
            g_string_append_c(out, '\n');
        } else if (strcmp(c->name, "office:annotation") != 0) {
            text_into(c, out);
        }
    }
}

static char *text_of(const Node *n)
{
    GString *out = g_string_new(NULL);
    text_into(n, out);
    return g_string_free(out, FALSE);
}

/* The body's paragraphs and headings, one line each: "style|text", headings
 * "style@level|text", tables "[table NAME]". */
static char *body_outline(const Node *root)
{
    const Node *text = first(root, "office:text");
    g_assert_nonnull(text);
    GString *out = g_string_new(NULL);
    for (guint i = 0; i < text->children->len; i++) {
        const Node *c = g_ptr_array_index(text->children, i);
        if (c->name == NULL)
            continue;
        if (out->len)
            g_string_append_c(out, '\n');
        if (strcmp(c->name, "table:table") == 0) {
            g_string_append_printf(out, "[table %s]", attr(c, "table:name"));
            continue;
        }
        g_autofree char *t = text_of(c);
        if (strcmp(c->name, "text:h") == 0)
            g_string_append_printf(out, "%s@%s|%s", attr(c, "text:style-name"), attr(c, "text:outline-level"), t);
        else
            g_string_append_printf(out, "%s|%s", attr(c, "text:style-name"), t);
    }
    return g_string_free(out, FALSE);
}

/* ---- building reports ---------------------------------------------------- */

static JxBlock *add_paragraph(JxReport *r, JxParagraphStyle style, const char *text)
{
    JxBlock *b = jx_report_add(r, JX_BLOCK_PARAGRAPH);
    b->style = style;
    jx_block_add_span(b, text, FALSE);
    return b;
}

static JxBlock *add_heading(JxReport *r, int level, const char *number, const char *text)
{
    JxBlock *b = jx_report_add(r, JX_BLOCK_HEADING);
    b->level = level;
    b->number = g_strdup(number);
    jx_block_add_span(b, text, FALSE);
    return b;
}

/* A table from rows of cells; "" cells, spans as given (NULL: all 1). */
static JxBlock *add_table(JxReport *r, const char *name, int rows, int cols, int header_rows,
                          const char *const *cells, const int *spans, const double *widths)
{
    JxBlock *b = jx_report_add(r, JX_BLOCK_TABLE);
    b->rows = rows;
    b->cols = cols;
    b->header_rows = header_rows;
    b->cells = g_new0(JxBlock *, (gsize)(rows * cols));
    b->span = g_new0(int, (gsize)(rows * cols));
    for (int i = 0; i < rows * cols; i++) {
        b->cells[i] = jx_block_new(JX_BLOCK_PARAGRAPH);
        jx_block_add_span(b->cells[i], cells[i], FALSE);
        b->span[i] = spans ? spans[i] : 1;
    }
    if (widths) {
        b->widths = g_new0(double, (gsize)cols);
        memcpy(b->widths, widths, sizeof(double) * (gsize)cols);
    }
    b->name = g_strdup(name);
    return b;
}

/* Cell i of a table becomes one placeholder span with its text. */
static void make_placeholder(JxBlock *table, int i)
{
    g_autofree char *text = jx_block_text(table->cells[i]);
    jx_block_free(table->cells[i]);
    table->cells[i] = jx_block_new(JX_BLOCK_PARAGRAPH);
    jx_block_add_span(table->cells[i], text, TRUE);
}

static const char *const test_fonts[JX_FONT_COUNT] = {
    "方正小标宋简体", "黑体", "楷体_GB2312", "仿宋_GB2312", "宋体",
};

static Node *write_and_parse(const JxReport *report, const char *const *fonts, char **xml_out)
{
    char *xml = jx_report_to_fodt(report, fonts);
    g_assert_nonnull(xml);
    Node *root = parse(xml);
    if (xml_out)
        *xml_out = xml;
    else
        g_free(xml);
    return root;
}

/* The report most tests read: title, headings 1–4, placeholders, tables. */
static JxReport *sample_report(void)
{
    JxReport *r = jx_report_new();
    r->title = g_strdup("沅江市科学技术协会2023年度部门整体支出绩效自评报告");
    r->department = g_strdup("沅江市科学技术协会");
    r->year = g_strdup("2023");
    JxBlock *title = jx_report_add(r, JX_BLOCK_TITLE);
    jx_block_add_span(title, r->title, FALSE);
    add_paragraph(r, JX_PARA_PLAIN, "单位名称（盖章）：沅江市科学技术协会");
    add_paragraph(r, JX_PARA_RIGHT, "2024年3月1日");
    add_heading(r, 1, "一、", "部门基本情况");
    add_heading(r, 2, "（一）", "部门职责");
    JxBlock *p = add_paragraph(r, JX_PARA_BODY, "主要职责是：");
    jx_block_add_span(p, "【请填写：主要职责】", TRUE);
    jx_block_add_span(p, "。", FALSE);
    add_heading(r, 3, "1.", "预算执行");
    add_heading(r, 4, "（1）", "执行率");
    add_paragraph(r, JX_PARA_CENTER, "本单位无此项支出。");
    add_paragraph(r, JX_PARA_CAPTION, "单位：万元");
    static const char *const cells[] = {
        "项目", "金额", "说明",
        "整体支出", "410.41", "A & B",
        "年度目标：全年完成", "", "",
        "合计", "【请填写：合计】", "",
    };
    static const int spans[] = { 1, 1, 1, 1, 1, 1, 3, 0, 0, 1, 2, 0 };
    static const double widths[] = { 2, 1, 1 };
    JxBlock *t = add_table(r, "基础数据表", 4, 3, 1, cells, spans, widths);
    make_placeholder(t, 9 + 1);
    jx_report_add(r, JX_BLOCK_PAGE_BREAK);
    add_heading(r, 1, "", "附件1　部门整体支出绩效自评表");
    static const char *const cells2[] = { "a", "b", "c", "d" };
    add_table(r, "", 2, 2, 0, cells2, NULL, NULL);
    jx_report_add(r, JX_BLOCK_PAGE_BREAK);
    add_table(r, "第三表", 2, 2, 2, cells2, NULL, NULL);
    return r;
}

/* ---- tests ------------------------------------------------------------------ */

static void test_well_formed(void)
{
    g_autoptr(JxReport) report = sample_report();
    g_autofree char *xml = NULL;
    g_autoptr(Node) root = write_and_parse(report, test_fonts, &xml);
    g_assert_cmpstr(attr(root, "office:mimetype"), ==, "application/vnd.oasis.opendocument.text");
    g_assert_cmpstr(attr(root, "office:version"), ==, "1.3");
    static const char *const sections[] = {
        "office:meta", "office:settings", "office:font-face-decls", "office:styles", "office:automatic-styles",
        "office:master-styles", "office:body",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(sections); i++) {
        const Node *n = child(root, sections[i]);
        if (n == NULL)
            g_test_fail_printf("no %s", sections[i]);
    }
    g_assert_nonnull(first(root, "office:text"));
    /* an empty report is a valid document too */
    g_autoptr(JxReport) empty = jx_report_new();
    g_autoptr(Node) empty_root = write_and_parse(empty, test_fonts, NULL);
    g_assert_nonnull(first(empty_root, "office:text"));
}

static void test_meta(void)
{
    g_autoptr(JxReport) report = sample_report();
    g_autoptr(Node) root = write_and_parse(report, test_fonts, NULL);
    g_autofree char *title = text_of(first(root, "dc:title"));
    g_assert_cmpstr(title, ==, "沅江市科学技术协会2023年度部门整体支出绩效自评报告");
    g_autofree char *subject = text_of(first(root, "dc:subject"));
    g_assert_cmpstr(subject, ==, "沅江市科学技术协会");
    g_autofree char *generator = text_of(first(root, "meta:generator"));
    g_assert_cmpstr(generator, ==, "Jixiao");
    g_autoptr(GPtrArray) keywords = all(root, "meta:keyword");
    g_assert_cmpuint(keywords->len, ==, 2);
    g_autofree char *year = text_of(g_ptr_array_index(keywords, 0));
    g_assert_cmpstr(year, ==, "2023");
}

typedef struct {
    const char *name, *display, *family, *parent;
    const char *font;        /* face name its text properties use, or NULL */
    const char *outline;     /* default outline level, or NULL */
} StyleCase;

static void test_styles(void)
{
    g_autoptr(JxReport) report = sample_report();
    g_autoptr(Node) root = write_and_parse(report, test_fonts, NULL);
    const Node *styles = child(root, "office:styles");
    g_assert_nonnull(styles);
    static const StyleCase cases[] = {
        { "Standard", NULL, "paragraph", NULL, "JX Fangsong Face", NULL },
        { "Title", NULL, "paragraph", "Standard", "JX Title Face", NULL },
        { "Heading_20_1", "Heading 1", "paragraph", "Standard", "JX Hei Face", "1" },
        { "Heading_20_2", "Heading 2", "paragraph", "Standard", "JX Kai Face", "2" },
        { "Heading_20_3", "Heading 3", "paragraph", "Standard", "JX Fangsong Face", "3" },
        { "Heading_20_4", "Heading 4", "paragraph", "Standard", "JX Fangsong Face", "4" },
        { "Text_20_body", "Text Body", "paragraph", "Standard", "JX Fangsong Face", NULL },
        { "Table_20_Contents", "Table Contents", "paragraph", "Standard", "JX Fangsong Face", NULL },
        { "Table_20_Heading", "Table Heading", "paragraph", "Table_20_Contents", "JX Hei Face", NULL },
        { "JX_20_Plain", "JX Plain", "paragraph", "Standard", NULL, NULL },
        { "JX_20_Centered", "JX Centered", "paragraph", "Standard", NULL, NULL },
        { "JX_20_Signature", "JX Signature", "paragraph", "Standard", NULL, NULL },
        { "JX_20_Table_20_Caption", "JX Table Caption", "paragraph", "Standard", NULL, NULL },
        { "Footer", NULL, "paragraph", "Standard", "JX Song Face", NULL },
        { "JX_20_Placeholder", "JX Placeholder", "text", NULL, NULL, NULL },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        const StyleCase *c = &cases[i];
        const Node *s = find(styles, "style:style", "style:name", c->name);
        if (s == NULL) {
            g_test_fail_printf("no style %s", c->name);
            continue;
        }
        g_assert_cmpstr(attr(s, "style:display-name"), ==, c->display);
        g_assert_cmpstr(attr(s, "style:family"), ==, c->family);
        g_assert_cmpstr(attr(s, "style:parent-style-name"), ==, c->parent);
        g_assert_cmpstr(attr(s, "style:default-outline-level"), ==, c->outline);
        const Node *props = child(s, "style:text-properties");
        g_assert_nonnull(props);
        if (c->font) {
            g_assert_cmpstr(attr(props, "style:font-name"), ==, c->font);
            g_assert_cmpstr(attr(props, "style:font-name-asian"), ==, c->font);
        }
    }
    /* 公文 sizes: title 22 pt bold, body 16 pt with fixed 28.95 pt lines and a two-character indent */
    const Node *title = child(find(styles, "style:style", "style:name", "Title"), "style:text-properties");
    g_assert_cmpstr(attr(title, "fo:font-size"), ==, "22pt");
    g_assert_cmpstr(attr(title, "fo:font-weight"), ==, "bold");
    const Node *body = find(styles, "style:style", "style:name", "Text_20_body");
    g_assert_cmpstr(attr(child(body, "style:text-properties"), "fo:font-size"), ==, "16pt");
    g_assert_cmpstr(attr(child(body, "style:paragraph-properties"), "fo:text-indent"), ==, "32pt");
    const Node *standard = find(styles, "style:style", "style:name", "Standard");
    g_assert_cmpstr(attr(child(standard, "style:paragraph-properties"), "fo:line-height"), ==, "28.95pt");
    /* the placeholder style is highlighted */
    const Node *placeholder = child(find(styles, "style:style", "style:name", "JX_20_Placeholder"),
                                    "style:text-properties");
    g_assert_nonnull(attr(placeholder, "fo:background-color"));
    g_assert_nonnull(attr(placeholder, "fo:color"));
}

static void test_page_layout(void)
{
    g_autoptr(JxReport) report = sample_report();
    g_autoptr(Node) root = write_and_parse(report, test_fonts, NULL);
    const Node *layout = find(root, "style:page-layout", "style:name", "JXPage");
    g_assert_nonnull(layout);
    const Node *p = child(layout, "style:page-layout-properties");
    g_assert_nonnull(p);
    g_assert_cmpstr(attr(p, "fo:page-width"), ==, "210mm");
    g_assert_cmpstr(attr(p, "fo:page-height"), ==, "297mm");
    g_assert_cmpstr(attr(p, "style:print-orientation"), ==, "portrait");
    g_assert_cmpstr(attr(p, "fo:margin-top"), ==, "37mm");
    g_assert_cmpstr(attr(p, "fo:margin-bottom"), ==, "28mm");
    g_assert_cmpstr(attr(p, "fo:margin-left"), ==, "28mm");
    g_assert_cmpstr(attr(p, "fo:margin-right"), ==, "26mm");
    /* the footer (7 mm) sits inside the bottom margin's 28 mm: a 156 × 225 mm text block */
    const Node *footer = first(layout, "style:header-footer-properties");
    g_assert_cmpstr(attr(footer, "fo:min-height"), ==, "7mm");
    /* the master page uses it, with the page number as "— N —" */
    const Node *master = find(root, "style:master-page", "style:name", "Standard");
    g_assert_nonnull(master);
    g_assert_cmpstr(attr(master, "style:page-layout-name"), ==, "JXPage");
    const Node *number = first(master, "text:page-number");
    g_assert_nonnull(number);
    g_autofree char *footer_text = text_of(first(master, "text:p"));
    g_assert_cmpstr(footer_text, ==, "— 1 —");
    /* tables are as wide as the text block */
    const Node *table = find(root, "style:style", "style:name", "JXTable");
    g_assert_cmpstr(attr(child(table, "style:table-properties"), "style:width"), ==, "156mm");
}

static void test_font_faces(void)
{
    g_autoptr(JxReport) report = sample_report();
    g_autoptr(Node) root = write_and_parse(report, test_fonts, NULL);
    static const char *const faces[] = {
        "JX Title Face", "JX Hei Face", "JX Kai Face", "JX Fangsong Face", "JX Song Face",
    };
    for (int i = 0; i < JX_FONT_COUNT; i++) {
        const Node *face = find(root, "style:font-face", "style:name", faces[i]);
        g_assert_nonnull(face);
        g_autofree char *family = g_strdup_printf("'%s'", test_fonts[i]);
        g_assert_cmpstr(attr(face, "svg:font-family"), ==, family);
    }
    /* a missing font falls back to the role's first preference; names are escaped */
    const char *fonts[JX_FONT_COUNT] = { NULL, "Noto Sans CJK SC", "A&B <Kai>", NULL, NULL };
    g_autoptr(Node) other = write_and_parse(report, fonts, NULL);
    const Node *title = find(other, "style:font-face", "style:name", "JX Title Face");
    g_autofree char *expected = g_strdup_printf("'%s'", jx_font_preferences(JX_FONT_TITLE)[0]);
    g_assert_cmpstr(attr(title, "svg:font-family"), ==, expected);
    g_assert_cmpstr(attr(find(other, "style:font-face", "style:name", "JX Hei Face"), "svg:font-family"), ==,
                    "'Noto Sans CJK SC'");
    g_assert_cmpstr(attr(find(other, "style:font-face", "style:name", "JX Kai Face"), "svg:font-family"), ==,
                    "'A&B <Kai>'");
    /* every role has preferences, the GB/T 9704 face first */
    g_assert_cmpstr(jx_font_preferences(JX_FONT_HEI)[0], ==, "黑体");
    g_assert_cmpstr(jx_font_preferences(JX_FONT_FANGSONG)[0], ==, "仿宋_GB2312");
    for (int i = 0; i < JX_FONT_COUNT; i++)
        g_assert_nonnull(jx_font_preferences((JxFontRole)i)[0]);
}

static void test_body(void)
{
    g_autoptr(JxReport) report = sample_report();
    g_autoptr(Node) root = write_and_parse(report, test_fonts, NULL);
    g_autofree char *outline = body_outline(root);
    g_assert_cmpstr(outline, ==,
                    "Title|沅江市科学技术协会2023年度部门整体支出绩效自评报告\n"
                    "JX_20_Plain|单位名称（盖章）：沅江市科学技术协会\n"
                    "JX_20_Signature|2024年3月1日\n"
                    "Heading_20_1@1|一、部门基本情况\n"
                    "Heading_20_2@2|（一）部门职责\n"
                    "Text_20_body|主要职责是：【请填写：主要职责】。\n"
                    "Heading_20_3@3|1.预算执行\n"
                    "Heading_20_4@4|（1）执行率\n"
                    "JX_20_Centered|本单位无此项支出。\n"
                    "JX_20_Table_20_Caption|单位：万元\n"
                    "[table 基础数据表]\n"
                    "Break_Heading_20_1@1|附件1　部门整体支出绩效自评表\n"
                    "[table Table2]\n"
                    "[table 第三表]");
    /* headings are text:h, the rest text:p */
    g_autoptr(GPtrArray) headings = all(first(root, "office:text"), "text:h");
    g_assert_cmpuint(headings->len, ==, 5);
    /* the placeholder is a span in the placeholder style, the rest is not */
    g_autoptr(GPtrArray) spans = all(first(root, "office:text"), "text:span");
    g_assert_cmpuint(spans->len, ==, 2);   /* the paragraph's and the table cell's */
    const Node *span = g_ptr_array_index(spans, 0);
    g_assert_cmpstr(attr(span, "text:style-name"), ==, "JX_20_Placeholder");
    g_autofree char *span_text = text_of(span);
    g_assert_cmpstr(span_text, ==, "【请填写：主要职责】");
    g_assert_cmpstr(span->parent->name, ==, "text:p");
    g_assert_cmpstr(attr(span->parent, "text:style-name"), ==, "Text_20_body");
}

static void test_page_breaks(void)
{
    g_autoptr(JxReport) report = sample_report();
    g_autoptr(Node) root = write_and_parse(report, test_fonts, NULL);
    /* the annex heading starts a page through a child of Heading 1 */
    const Node *brk = find(root, "style:style", "style:name", "Break_Heading_20_1");
    g_assert_nonnull(brk);
    g_assert_cmpstr(attr(brk, "style:parent-style-name"), ==, "Heading_20_1");
    g_assert_cmpstr(attr(brk, "style:family"), ==, "paragraph");
    g_assert_cmpstr(attr(child(brk, "style:paragraph-properties"), "fo:break-before"), ==, "page");
    /* every paragraph style has its breaking twin */
    static const char *const names[] = { "Text_20_body", "Title", "Heading_20_2", "JX_20_Centered",
                                         "JX_20_Table_20_Caption" };
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        g_autofree char *name = g_strconcat("Break_", names[i], NULL);
        const Node *s = find(root, "style:style", "style:name", name);
        g_assert_nonnull(s);
        g_assert_cmpstr(attr(s, "style:parent-style-name"), ==, names[i]);
    }
    /* a table right after a break starts the page itself */
    const Node *third = find(root, "table:table", "table:name", "第三表");
    g_assert_cmpstr(attr(third, "table:style-name"), ==, "JXTableBreak");
    const Node *style = find(root, "style:style", "style:name", "JXTableBreak");
    g_assert_cmpstr(attr(child(style, "style:table-properties"), "fo:break-before"), ==, "page");
    g_assert_cmpstr(attr(find(root, "table:table", "table:name", "Table2"), "table:style-name"), ==, "JXTable");
    /* only the block after a break breaks */
    g_autoptr(GPtrArray) ps = all(first(root, "office:text"), "text:p");
    guint breaking = 0;
    for (guint i = 0; i < ps->len; i++)
        breaking += g_str_has_prefix(attr(g_ptr_array_index(ps, i), "text:style-name"), "Break_");
    g_assert_cmpuint(breaking, ==, 0);

    /* a break before anything is dropped; two in a row give one */
    g_autoptr(JxReport) r = jx_report_new();
    jx_report_add(r, JX_BLOCK_PAGE_BREAK);
    add_paragraph(r, JX_PARA_BODY, "第一页");
    jx_report_add(r, JX_BLOCK_PAGE_BREAK);
    jx_report_add(r, JX_BLOCK_PAGE_BREAK);
    add_paragraph(r, JX_PARA_BODY, "第二页\n续");
    add_paragraph(r, JX_PARA_BODY, "同页");
    g_autoptr(Node) small = write_and_parse(r, test_fonts, NULL);
    g_autofree char *outline = body_outline(small);
    g_assert_cmpstr(outline, ==, "Text_20_body|第一页\nBreak_Text_20_body|第二页\nText_20_body|续\nText_20_body|同页");
}

typedef struct {
    const char *path;
    const char *text;        /* one body paragraph */
    const char *outline;     /* what the reader sees */
    const char *raw;         /* must appear in the XML as is, or NULL */
    const char *absent;      /* must not appear in the XML, or NULL */
} EscapeCase;

static const EscapeCase escape_cases[] = {
    { "/odf/text/ampersand", "A & B", "Text_20_body|A & B", "A &amp; B", " & " },
    { "/odf/text/angles", "x < y > z", "Text_20_body|x < y > z", "x &lt; y &gt; z", "x < y" },
    { "/odf/text/quotes", "“引号” \"q\" 'a'", "Text_20_body|“引号” \"q\" 'a'", "&quot;q&quot;", NULL },
    { "/odf/text/markup-like", "<text:p>注入</text:p>", "Text_20_body|<text:p>注入</text:p>",
      "&lt;text:p&gt;注入&lt;/text:p&gt;", NULL },
    { "/odf/text/entity-like", "&amp; &#1;", "Text_20_body|&amp; &#1;", "&amp;amp; &amp;#1;", NULL },
    { "/odf/text/control-dropped", "a\x01" "b\x08" "c\x0b" "d\x0c" "e\x1f" "f\x7f", "Text_20_body|abcdef\x7f",
      NULL, "\x01" },
    { "/odf/text/carriage-return", "a\rb", "Text_20_body|ab", NULL, "\r" },
    { "/odf/text/tab", "项目\t金额", "Text_20_body|项目\t金额", "项目<text:tab/>金额", NULL },
    { "/odf/text/newline", "第一段\n第二段", "Text_20_body|第一段\nText_20_body|第二段", NULL, "line-break" },
    { "/odf/text/crlf", "第一段\r\n第二段\n\n第三段", "Text_20_body|第一段\nText_20_body|第二段\nText_20_body|第三段",
      NULL, NULL },
    { "/odf/text/trailing-newline", "一段\n", "Text_20_body|一段\nText_20_body|", NULL, NULL },
    { "/odf/text/spaces", "a   b", "Text_20_body|a   b", "<text:s text:c=\"3\"/>", NULL },
    { "/odf/text/two-spaces", "a  b c", "Text_20_body|a  b c", "<text:s text:c=\"2\"/>", NULL },
    { "/odf/text/leading-spaces", "第一行\n    缩进", "Text_20_body|第一行\nText_20_body|    缩进", NULL, NULL },
    { "/odf/text/invalid-utf8", "a\xff" "b\xc3", "Text_20_body|a\xef\xbf\xbd" "b\xef\xbf\xbd", NULL, NULL },
};

static void test_escape_case(gconstpointer data)
{
    const EscapeCase *c = data;
    g_autoptr(JxReport) r = jx_report_new();
    add_paragraph(r, JX_PARA_BODY, c->text);
    g_autofree char *xml = NULL;
    g_autoptr(Node) root = write_and_parse(r, test_fonts, &xml);
    g_autofree char *outline = body_outline(root);
    g_assert_cmpstr(outline, ==, c->outline);
    const char *body = strstr(xml, "<office:body>");
    g_assert_nonnull(body);
    if (c->raw)
        g_assert_nonnull(strstr(body, c->raw));
    if (c->absent)
        g_assert_null(strstr(body, c->absent));
}

/* The same characters in headings, placeholders, table cells, names and the title. */
static void test_escape_everywhere(void)
{
    const char *nasty = "A&B <C> \"D\"\x01 E";
    const char *seen = "A&B <C> \"D\" E";
    g_autoptr(JxReport) r = jx_report_new();
    r->title = g_strdup(nasty);
    r->department = g_strdup(nasty);
    r->year = g_strdup("2023\xff");
    JxBlock *title = jx_report_add(r, JX_BLOCK_TITLE);
    jx_block_add_span(title, nasty, FALSE);
    add_heading(r, 1, "一、", "第一\n第二");
    JxBlock *p = add_paragraph(r, JX_PARA_BODY, "前");
    jx_block_add_span(p, "【请填写：<x>&\n二】", TRUE);
    const char *cells[] = { nasty, "行一\n行二" };
    JxBlock *t = add_table(r, nasty, 1, 2, 0, cells, NULL, NULL);
    make_placeholder(t, 0);
    g_autoptr(Node) root = write_and_parse(r, test_fonts, NULL);
    g_autofree char *title_text = text_of(first(root, "dc:title"));
    g_assert_cmpstr(title_text, ==, seen);
    g_autofree char *subject = text_of(first(root, "dc:subject"));
    g_assert_cmpstr(subject, ==, seen);
    g_autofree char *outline = body_outline(root);
    g_autofree char *expected = g_strdup_printf("Title|%s\n"
                                                "Heading_20_1@1|一、第一\n第二\n"   /* a line break in a heading */
                                                "Text_20_body|前【请填写：<x>&\n二】\n"
                                                "[table %s]", seen, seen);
    g_assert_cmpstr(outline, ==, expected);
    g_autoptr(GPtrArray) cellnodes = all(root, "table:table-cell");
    g_assert_cmpuint(cellnodes->len, ==, 2);
    g_autofree char *c0 = text_of(g_ptr_array_index(cellnodes, 0));
    g_autofree char *c1 = text_of(g_ptr_array_index(cellnodes, 1));
    g_assert_cmpstr(c0, ==, seen);
    g_assert_cmpstr(c1, ==, "行一\n行二");   /* a line break inside the cell */
    g_assert_nonnull(first(g_ptr_array_index(cellnodes, 0), "text:span"));
    g_assert_null(first(g_ptr_array_index(cellnodes, 1), "text:span"));
}

static void test_tables(void)
{
    g_autoptr(JxReport) report = sample_report();
    g_autoptr(Node) root = write_and_parse(report, test_fonts, NULL);
    g_autoptr(GPtrArray) tables = all(root, "table:table");
    g_assert_cmpuint(tables->len, ==, 3);
    const Node *t = g_ptr_array_index(tables, 0);
    g_assert_cmpstr(attr(t, "table:name"), ==, "基础数据表");
    /* one column element per column, each with its relative width */
    g_autoptr(GPtrArray) columns = all(t, "table:table-column");
    g_assert_cmpuint(columns->len, ==, 3);
    static const struct { const char *width, *rel; } widths[] = {
        { "78.0mm", "500*" }, { "39.0mm", "250*" }, { "39.0mm", "250*" },
    };
    for (guint c = 0; c < 3; c++) {
        const char *style_name = attr(g_ptr_array_index(columns, c), "table:style-name");
        g_autofree char *expected_name = g_strdup_printf("JXTable1.C%u", c);
        g_assert_cmpstr(style_name, ==, expected_name);
        const Node *style = find(root, "style:style", "style:name", style_name);
        g_assert_nonnull(style);
        g_assert_cmpstr(attr(style, "style:family"), ==, "table-column");
        g_assert_cmpstr(style->parent->name, ==, "office:automatic-styles");
        const Node *props = child(style, "style:table-column-properties");
        g_assert_cmpstr(attr(props, "style:column-width"), ==, widths[c].width);
        g_assert_cmpstr(attr(props, "style:rel-column-width"), ==, widths[c].rel);
    }
    /* the header row is a repeated header row, in the heading style */
    const Node *header = child(t, "table:table-header-rows");
    g_assert_nonnull(header);
    g_autoptr(GPtrArray) header_rows = all(header, "table:table-row");
    g_assert_cmpuint(header_rows->len, ==, 1);
    g_autoptr(GPtrArray) rows = all(t, "table:table-row");
    g_assert_cmpuint(rows->len, ==, 4);
    const char *expected[4][3] = {
        { "项目", "金额", "说明" },
        { "整体支出", "410.41", "A & B" },
        { "年度目标：全年完成", NULL, NULL },
        { "合计", "【请填写：合计】", NULL },
    };
    static const int spanned[4][3] = { { 0, 0, 0 }, { 0, 0, 0 }, { 3, -1, -1 }, { 0, 2, -1 } };
    for (guint r = 0; r < rows->len; r++) {
        const Node *row = g_ptr_array_index(rows, r);
        guint c = 0;
        for (guint k = 0; k < row->children->len; k++, c++) {
            const Node *cell = g_ptr_array_index(row->children, k);
            g_assert_cmpuint(c, <, 3);
            if (spanned[r][c] < 0) {
                g_assert_cmpstr(cell->name, ==, "table:covered-table-cell");
                continue;
            }
            g_assert_cmpstr(cell->name, ==, "table:table-cell");
            g_assert_cmpstr(attr(cell, "table:style-name"), ==, "JXCell");
            if (spanned[r][c] > 0) {
                g_autofree char *n = g_strdup_printf("%d", spanned[r][c]);
                g_assert_cmpstr(attr(cell, "table:number-columns-spanned"), ==, n);
            } else {
                g_assert_null(attr(cell, "table:number-columns-spanned"));
            }
            const Node *p = child(cell, "text:p");
            g_assert_nonnull(p);
            g_assert_cmpstr(attr(p, "text:style-name"), ==, r == 0 ? "Table_20_Heading" : "Table_20_Contents");
            g_autofree char *text = text_of(p);
            g_assert_cmpstr(text, ==, expected[r][c] ? expected[r][c] : "");
            /* the placeholder cell is highlighted */
            g_assert_true((first(cell, "text:span") != NULL) == (r == 3 && c == 1));
        }
        g_assert_cmpuint(c, ==, 3);   /* cells and covered cells fill every row */
    }
    /* no widths: one column element repeated; an unnamed table gets a name */
    const Node *t2 = g_ptr_array_index(tables, 1);
    g_assert_cmpstr(attr(t2, "table:name"), ==, "Table2");
    g_autoptr(GPtrArray) columns2 = all(t2, "table:table-column");
    g_assert_cmpuint(columns2->len, ==, 1);
    g_assert_cmpstr(attr(g_ptr_array_index(columns2, 0), "table:number-columns-repeated"), ==, "2");
    g_assert_null(child(t2, "table:table-header-rows"));
    /* two header rows */
    const Node *t3 = g_ptr_array_index(tables, 2);
    g_autoptr(GPtrArray) header3 = all(child(t3, "table:table-header-rows"), "table:table-row");
    g_assert_cmpuint(header3->len, ==, 2);
}

/* Line breaking: no number split or parted from its unit, a table's total
 * row kept with the rows above it (document settings Writer reads). */
static void test_line_breaking(void)
{
    g_autoptr(JxReport) report = sample_report();
    report->amount_unit = g_strdup("万元");
    g_autoptr(Node) root = write_and_parse(report, test_fonts, NULL);
    /* LibreOffice reads the settings only with the ooo namespace declared */
    g_assert_cmpstr(attr(root, "xmlns:ooo"), ==, "http://openoffice.org/2004/office");
    const Node *settings = child(root, "office:settings");
    g_assert_nonnull(settings);
    const Node *set = find(settings, "config:config-item-set", "config:name", "ooo:configuration-settings");
    g_assert_nonnull(set);
    g_autofree char *keep = text_of(find(set, "config:config-item", "config:name", "TableRowKeep"));
    g_assert_cmpstr(keep, ==, "true");
    const Node *forbidden = find(set, "config:config-item-map-indexed", "config:name", "ForbiddenCharacters");
    g_assert_nonnull(forbidden);
    g_autofree char *language = text_of(find(forbidden, "config:config-item", "config:name", "Language"));
    g_autofree char *country = text_of(find(forbidden, "config:config-item", "config:name", "Country"));
    g_assert_cmpstr(language, ==, "zh");
    g_assert_cmpstr(country, ==, "CN");
    g_autofree char *begin = text_of(find(forbidden, "config:config-item", "config:name", "BeginLine"));
    g_autofree char *end = text_of(find(forbidden, "config:config-item", "config:name", "EndLine"));
    /* zh-CN's own rules kept: no line begins with 。 or ）, none ends with （ or “ */
    for (const char *const *c = (const char *const[]){ "。", "，", "）", "%", "元", NULL }; *c; c++)
        if (strstr(begin, *c) == NULL)
            g_test_fail_printf("a line may begin with %s", *c);
    for (const char *const *c = (const char *const[]){ "（", "“", "0", "5", "9", ".", NULL }; *c; c++)
        if (strstr(end, *c) == NULL)
            g_test_fail_printf("a line may end with %s", *c);
    g_assert_null(strpbrk(begin, "0123456789"));   /* a line may begin with a number */
    /* the paragraph styles keep the rules strict and add no space between Chinese and digits */
    const Node *standard = find(child(root, "office:styles"), "style:style", "style:name", "Standard");
    const Node *props = child(standard, "style:paragraph-properties");
    g_assert_cmpstr(attr(props, "style:line-break"), ==, "strict");
    g_assert_cmpstr(attr(props, "style:text-autospace"), ==, "none");
}

/* A total row kept with the row above: keep-with-next on that row's paragraphs. */
static void test_row_keep(void)
{
    g_autoptr(JxReport) report = jx_report_new();
    static const char *const cells[] = { "项目", "金额", "甲", "1.00", "乙", "2.00", "合计", "3.00" };
    JxBlock *t = add_table(report, "表", 4, 2, 1, cells, NULL, NULL);
    t->row_keep = g_new0(gboolean, 4);
    t->row_keep[2] = TRUE;
    g_autoptr(Node) root = write_and_parse(report, test_fonts, NULL);
    const Node *keep = find(child(root, "office:automatic-styles"), "style:style", "style:name", "Keep_Table_20_Contents");
    g_assert_nonnull(keep);
    g_assert_cmpstr(attr(keep, "style:parent-style-name"), ==, "Table_20_Contents");
    g_assert_cmpstr(attr(child(keep, "style:paragraph-properties"), "fo:keep-with-next"), ==, "always");
    g_autoptr(GPtrArray) rows = all(first(root, "table:table"), "table:table-row");
    g_assert_cmpuint(rows->len, ==, 4);
    for (guint r = 0; r < rows->len; r++) {
        g_autoptr(GPtrArray) paragraphs = all(g_ptr_array_index(rows, r), "text:p");
        for (guint i = 0; i < paragraphs->len; i++) {
            const char *style = attr(g_ptr_array_index(paragraphs, i), "text:style-name");
            g_assert_cmpint(g_str_has_prefix(style, "Keep_"), ==, r == 2);
        }
    }
}

/* A figure validation flagged: a comment just before it, by Jixiao, with
 * what was found; the text around it reads as it would without. */
static void test_notes(void)
{
    g_autoptr(JxReport) report = jx_report_new();
    JxBlock *p = add_paragraph(report, JX_PARA_BODY, "基本支出");
    jx_block_add_noted(p, "273.77", "校验 JX-SUM-MISMATCH：基本支出 273.77 ≠ 320.45\n第二条 <&>");
    jx_block_add_span(p, "万元，其中：", FALSE);
    g_assert_cmpuint(p->spans->len, ==, 3);
    static const char *const cells[] = { "项目", "273.77" };
    JxBlock *t = add_table(report, "表", 1, 2, 0, cells, NULL, NULL);
    jx_block_free(t->cells[1]);
    t->cells[1] = jx_block_new(JX_BLOCK_PARAGRAPH);
    jx_block_add_noted(t->cells[1], "273.77", "校验 JX-SUM-MISMATCH：表中");
    g_autoptr(Node) root = write_and_parse(report, test_fonts, NULL);
    g_assert_null(first(root, "office:annotation-end"));   /* a point, not a range: see odf.c */
    g_autoptr(GPtrArray) notes = all(first(root, "office:text"), "office:annotation");
    g_assert_cmpuint(notes->len, ==, 2);
    const Node *note = g_ptr_array_index(notes, 0);
    g_autofree char *author = text_of(child(note, "dc:creator"));
    g_assert_cmpstr(author, ==, "绩效自评助手 Jixiao");
    g_autoptr(GPtrArray) lines = all(note, "text:p");
    g_assert_cmpuint(lines->len, ==, 2);
    g_autofree char *second = text_of(g_ptr_array_index(lines, 1));
    g_assert_cmpstr(second, ==, "第二条 <&>");
    /* the comment sits right before the figure */
    const Node *para = note->parent;
    guint at = 0;
    g_assert_true(g_ptr_array_find(para->children, note, &at));
    const Node *next = g_ptr_array_index(para->children, at + 1);
    g_assert_null(next->name);
    g_assert_true(g_str_has_prefix(next->text, "273.77"));
    g_autofree char *text = text_of(para);
    g_assert_cmpstr(text, ==, "基本支出273.77万元，其中：");
    /* in a cell, before the cell's text */
    const Node *cell_note = g_ptr_array_index(notes, 1);
    g_assert_cmpstr(cell_note->parent->name, ==, "text:p");
    g_autofree char *cell_text = text_of(cell_note->parent);
    g_assert_cmpstr(cell_text, ==, "273.77");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/odf/well-formed", test_well_formed);
    g_test_add_func("/odf/meta", test_meta);
    g_test_add_func("/odf/styles", test_styles);
    g_test_add_func("/odf/page-layout", test_page_layout);
    g_test_add_func("/odf/fonts", test_font_faces);
    g_test_add_func("/odf/body", test_body);
    g_test_add_func("/odf/page-breaks", test_page_breaks);
    for (gsize i = 0; i < G_N_ELEMENTS(escape_cases); i++)
        g_test_add_data_func(escape_cases[i].path, &escape_cases[i], test_escape_case);
    g_test_add_func("/odf/text/everywhere", test_escape_everywhere);
    g_test_add_func("/odf/tables", test_tables);
    g_test_add_func("/odf/line-breaking", test_line_breaking);
    g_test_add_func("/odf/row-keep", test_row_keep);
    g_test_add_func("/odf/notes", test_notes);
    return g_test_run();
}

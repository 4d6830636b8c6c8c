/*
 * odf.c: writing the flat ODT.  Text is escaped for XML (control characters
 * other than tab and newline cannot appear in XML at all and are dropped;
 * newlines become line breaks, runs of spaces text:s).  A figure with a note
 * (what validation found) gets a comment anchored just before it, so the
 * visible text stays as it is and Writer removes every comment in one go.
 * (A comment over a range would do too, but Writer may break the line at
 * the range's end, between the number and its unit.)  A value taken from
 * the workbook lies between the start and end of a bookmark named by its
 * binding (binding.h), and the bindings are a document property: neither
 * shows nor prints, and both survive .odt and .docx.
 */
#include "core/odf.h"

#include <string.h>

#include "core/binding.h"

static const char *const title_faces[] = {
    "方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "华文中宋", "Noto Serif CJK SC", "Noto Serif CJK JP", NULL,
};
static const char *const hei_faces[] = {
    "黑体", "SimHei", "方正黑体_GBK", "Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Zen Hei", NULL,
};
static const char *const kai_faces[] = {
    "楷体_GB2312", "楷体", "KaiTi", "方正楷体_GBK", "AR PL UKai CN", "Noto Serif CJK SC", "Noto Serif CJK JP", NULL,
};
static const char *const fangsong_faces[] = {
    "仿宋_GB2312", "仿宋", "FangSong", "方正仿宋_GBK", "Noto Serif CJK SC", "Noto Serif CJK JP", NULL,
};
static const char *const song_faces[] = {
    "宋体", "SimSun", "Noto Serif CJK SC", "Noto Serif CJK JP", NULL,
};

const char *const *jx_font_preferences(JxFontRole role)
{
    static const char *const *const table[JX_FONT_COUNT] = {
        title_faces, hei_faces, kai_faces, fangsong_faces, song_faces,
    };
    return role < JX_FONT_COUNT ? table[role] : fangsong_faces;
}

/* --- XML text ---------------------------------------------------------------------- */

static void append_escaped(GString *out, const char *text)
{
    g_autofree char *valid = g_utf8_make_valid(text ? text : "", -1);   /* names, meta: not checked before */
    for (const char *p = valid; *p; p++) {
        unsigned char c = (unsigned char)*p;
        switch (c) {
        case '&': g_string_append(out, "&amp;"); break;
        case '<': g_string_append(out, "&lt;"); break;
        case '>': g_string_append(out, "&gt;"); break;
        case '"': g_string_append(out, "&quot;"); break;
        default:
            if (c >= 0x20 || c == '\t')
                g_string_append_c(out, (char)c);
        }
    }
}

/* Paragraph content: newlines → a new paragraph of the same style (a text
 * cell with several lines reads as several paragraphs; in a table cell, as a
 * line break), space runs → text:s. */
static void append_text_in(GString *out, const char *text, const char *paragraph_style,
                           const char *element)
{
    g_autofree char *valid = g_utf8_make_valid(text ? text : "", -1);
    for (const char *p = valid; *p;) {
        if (*p == '\n') {
            if (paragraph_style != NULL)
                g_string_append_printf(out, "</%s><text:p text:style-name=\"%s\">", element, paragraph_style);
            else
                g_string_append(out, "<text:line-break/>");
            while (*p == '\n' || *p == '\r')
                p++;
        } else if (*p == '\t') {
            g_string_append(out, "<text:tab/>");
            p++;
        } else if (*p == ' ' && p[1] == ' ') {
            /* the whole run as text:s: a literal space at the start of a
             * paragraph would be dropped by the reader */
            int n = 0;
            while (p[n] == ' ')
                n++;
            g_string_append_printf(out, "<text:s text:c=\"%d\"/>", n);
            p += n;
        } else {
            const char *end = p;
            while (*end && *end != '\n' && *end != '\t' && !(end[0] == ' ' && end[1] == ' '))
                end++;
            g_autofree char *piece = g_strndup(p, (gsize)(end - p));
            append_escaped(out, piece);
            p = end;
        }
    }
}

static void append_text(GString *out, const char *text)
{
    append_text_in(out, text, NULL, NULL);
}

/* A comment, anchored where it is written (*notes counts them). */
static void append_note(GString *out, const char *note, int *notes)
{
    ++*notes;
    g_string_append(out, "<office:annotation><dc:creator>" JX_NOTE_AUTHOR "</dc:creator>");
    g_auto(GStrv) lines = g_strsplit(note, "\n", -1);
    for (int i = 0; lines[i]; i++) {
        g_string_append(out, "<text:p>");
        append_escaped(out, lines[i]);
        g_string_append(out, "</text:p>");
    }
    g_string_append(out, "</office:annotation>");
}

static void append_bookmark(GString *out, const char *side, const struct JxBinding *binding)
{
    g_string_append_printf(out, "<text:bookmark-%s text:name=\"", side);
    append_escaped(out, binding->id);
    g_string_append(out, "\"/>");
}

/* A paragraph's spans; a newline in the text continues in a new paragraph
 * of `style` (closing the current `element` first), or, with no style (a
 * table cell), on a new line. */
static void append_spans(GString *out, const JxBlock *block, const char *style, const char *element, int *notes)
{
    for (guint i = 0; i < block->spans->len; i++) {
        const JxSpan *s = g_ptr_array_index(block->spans, i);
        if (s->note != NULL && !s->placeholder)
            append_note(out, s->note, notes);
        if (s->binding != NULL)
            append_bookmark(out, "start", s->binding);
        if (s->placeholder) {
            g_string_append(out, "<text:span text:style-name=\"JX_20_Placeholder\">");
            append_text(out, s->text);
            g_string_append(out, "</text:span>");
        } else if (s->note != NULL) {   /* a flagged figure: one line, no split */
            append_text(out, s->text);
        } else {
            append_text_in(out, s->text, style, element);
            if (style != NULL && strchr(s->text, '\n') != NULL)
                element = "text:p";   /* after a split we are in a plain paragraph */
        }
        if (s->binding != NULL)
            append_bookmark(out, "end", s->binding);
    }
}

/* --- styles ------------------------------------------------------------------------ */

static const char header[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
    " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
    " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""
    " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
    " xmlns:config=\"urn:oasis:names:tc:opendocument:xmlns:config:1.0\""
    " xmlns:ooo=\"http://openoffice.org/2004/office\""
    " office:version=\"1.3\" office:mimetype=\"application/vnd.oasis.opendocument.text\">\n";

/* Line breaking.  Writer breaks Chinese text between any two characters
 * except where the document's forbidden characters say no; the defaults for
 * zh-CN (LocaleData) keep punctuation off the start and end of lines.  Added
 * to them: a digit or "." never ends a line and "%" never begins one, so no
 * number is split ("97.|60%") and none is parted from its unit ("410.41|万元"),
 * while a line may still begin with a number; nor is the amount unit itself
 * split ("万|元").  No extra space between Chinese and digits (text-autospace
 * none, as in a 公文): Writer would break the line at that seam.  TableRowKeep makes Writer keep a table row whose first
 * paragraph has keep-with-next on the page of the next row (the rows above a
 * total). */
static const char zh_begin_line[] =
    ":!),.:;?]}¢'\"、。〉》」』】〕〗〞︰︱︳﹐､﹒﹔﹕﹖﹗﹚﹜﹞！），．：；？｜｝︴︶︸︺︼︾﹀﹂﹄﹏～￠々‖•·ˇˉ―--′’”"
    "%％";
static const char zh_end_line[] =
    "([{£¥'\"‵〈《「『【〔〖（［｛￡￥〝︵︷︹︻︽︿﹁﹃﹙﹛﹝“‘"
    "0123456789.";

static void append_settings(GString *out, const JxReport *report)
{
    g_string_append(out,
        "<office:settings><config:config-item-set config:name=\"ooo:configuration-settings\">"
        "<config:config-item config:name=\"TableRowKeep\" config:type=\"boolean\">true</config:config-item>"
        "<config:config-item-map-indexed config:name=\"ForbiddenCharacters\"><config:config-item-map-entry>"
        "<config:config-item config:name=\"Language\" config:type=\"string\">zh</config:config-item>"
        "<config:config-item config:name=\"Country\" config:type=\"string\">CN</config:config-item>"
        "<config:config-item config:name=\"Variant\" config:type=\"string\"></config:config-item>"
        "<config:config-item config:name=\"BeginLine\" config:type=\"string\">");
    append_escaped(out, zh_begin_line);
    const char *unit = report->amount_unit ? report->amount_unit : "";
    if (unit[0] != '\0')
        append_escaped(out, g_utf8_next_char(unit));   /* "万元" → "元" never begins a line */
    g_string_append(out, "</config:config-item><config:config-item config:name=\"EndLine\" config:type=\"string\">");
    append_escaped(out, zh_end_line);
    g_string_append(out, "</config:config-item></config:config-item-map-entry></config:config-item-map-indexed>"
                         "</config:config-item-set></office:settings>\n");
}

/* Writer's style names, with the 公文 properties: name, display name, parent,
 * font role, size, extra paragraph properties, extra text properties. */
static const struct {
    const char *name, *display, *parent;
    JxFontRole font;
    const char *size, *paragraph, *text;
    int outline_level;
} paragraph_styles[] = {
    { "Standard", NULL, NULL, JX_FONT_FANGSONG, "16pt",
      "fo:line-height=\"28.95pt\" fo:text-align=\"justify\" style:line-break=\"strict\""
      " style:text-autospace=\"none\"", "", 0 },
    { "Text_20_body", "Text Body", "Standard", JX_FONT_FANGSONG, "16pt",
      "fo:text-indent=\"32pt\" fo:margin-top=\"0pt\" fo:margin-bottom=\"0pt\"", "", 0 },
    { "Title", NULL, "Standard", JX_FONT_TITLE, "22pt",
      "fo:text-align=\"center\" fo:line-height=\"35pt\" fo:margin-top=\"0pt\" fo:margin-bottom=\"28.95pt\"",
      "fo:font-weight=\"bold\" style:font-weight-asian=\"bold\"", 0 },
    { "Heading_20_1", "Heading 1", "Standard", JX_FONT_HEI, "16pt",
      "fo:text-indent=\"32pt\" fo:keep-with-next=\"always\"", "", 1 },
    { "Heading_20_2", "Heading 2", "Standard", JX_FONT_KAI, "16pt",
      "fo:text-indent=\"32pt\" fo:keep-with-next=\"always\"", "", 2 },
    { "Heading_20_3", "Heading 3", "Standard", JX_FONT_FANGSONG, "16pt",
      "fo:text-indent=\"32pt\" fo:keep-with-next=\"always\"",
      "fo:font-weight=\"bold\" style:font-weight-asian=\"bold\"", 3 },
    { "Heading_20_4", "Heading 4", "Standard", JX_FONT_FANGSONG, "16pt",
      "fo:text-indent=\"32pt\" fo:keep-with-next=\"always\"", "", 4 },
    { "JX_20_Plain", "JX Plain", "Standard", JX_FONT_FANGSONG, "16pt", "", "", 0 },
    { "JX_20_Centered", "JX Centered", "Standard", JX_FONT_FANGSONG, "16pt", "fo:text-align=\"center\"", "", 0 },
    { "JX_20_Signature", "JX Signature", "Standard", JX_FONT_FANGSONG, "16pt", "fo:text-align=\"end\"", "", 0 },
    { "JX_20_Table_20_Caption", "JX Table Caption", "Standard", JX_FONT_HEI, "14pt",
      "fo:text-align=\"center\" fo:keep-with-next=\"always\" fo:line-height=\"24pt\" fo:margin-bottom=\"6pt\"", "", 0 },
    { "Table_20_Contents", "Table Contents", "Standard", JX_FONT_FANGSONG, "10.5pt",
      "fo:line-height=\"115%\" fo:text-align=\"start\"", "", 0 },
    { "Table_20_Heading", "Table Heading", "Table_20_Contents", JX_FONT_HEI, "10.5pt",
      "fo:text-align=\"center\"", "", 0 },
    { "Footer", NULL, "Standard", JX_FONT_SONG, "14pt", "fo:text-align=\"center\" fo:line-height=\"100%\"", "", 0 },
};

static const char *const font_face_names[JX_FONT_COUNT] = {
    "JX Title Face", "JX Hei Face", "JX Kai Face", "JX Fangsong Face", "JX Song Face",
};

static void append_font_faces(GString *out, const char *const fonts[JX_FONT_COUNT])
{
    g_string_append(out, "<office:font-face-decls>\n");
    for (int i = 0; i < JX_FONT_COUNT; i++) {
        g_string_append_printf(out, "<style:font-face style:name=\"%s\" svg:font-family=\"'", font_face_names[i]);
        append_escaped(out, fonts[i] ? fonts[i] : jx_font_preferences((JxFontRole)i)[0]);
        g_string_append(out, "'\"/>\n");
    }
    g_string_append(out, "</office:font-face-decls>\n");
}

static void append_styles(GString *out)
{
    g_string_append(out, "<office:styles>\n");
    for (gsize i = 0; i < G_N_ELEMENTS(paragraph_styles); i++) {
        const char *face = font_face_names[paragraph_styles[i].font];
        const char *size = paragraph_styles[i].size;
        g_string_append_printf(out, "<style:style style:name=\"%s\" style:family=\"paragraph\"",
                               paragraph_styles[i].name);
        if (paragraph_styles[i].display)
            g_string_append_printf(out, " style:display-name=\"%s\"", paragraph_styles[i].display);
        if (paragraph_styles[i].parent)
            g_string_append_printf(out, " style:parent-style-name=\"%s\"", paragraph_styles[i].parent);
        if (paragraph_styles[i].outline_level > 0)
            g_string_append_printf(out, " style:next-style-name=\"Text_20_body\" style:default-outline-level=\"%d\"",
                                   paragraph_styles[i].outline_level);
        g_string_append_printf(out, "><style:paragraph-properties %s/>"
                               "<style:text-properties style:font-name=\"%s\" style:font-name-asian=\"%s\""
                               " style:font-name-complex=\"%s\" fo:font-size=\"%s\" style:font-size-asian=\"%s\""
                               " style:font-size-complex=\"%s\" fo:language=\"zh\" fo:country=\"CN\""
                               " style:language-asian=\"zh\" style:country-asian=\"CN\" %s/></style:style>\n",
                               paragraph_styles[i].paragraph, face, face, face, size, size, size,
                               paragraph_styles[i].text);
    }
    g_string_append(out,
        "<style:style style:name=\"JX_20_Placeholder\" style:display-name=\"JX Placeholder\" style:family=\"text\">"
        "<style:text-properties fo:color=\"#c00000\" fo:background-color=\"#ffff00\"/></style:style>\n"
        "</office:styles>\n");
}

static void append_automatic_styles(GString *out)
{
    g_string_append(out,
        "<office:automatic-styles>\n"
        "<style:style style:name=\"JXTable\" style:family=\"table\"><style:table-properties style:width=\"156mm\""
        " table:align=\"margins\" table:border-model=\"collapsing\"/></style:style>\n"
        "<style:style style:name=\"JXTableBreak\" style:family=\"table\"><style:table-properties style:width=\"156mm\""
        " table:align=\"margins\" table:border-model=\"collapsing\" fo:break-before=\"page\"/></style:style>\n"
        "<style:style style:name=\"JXCell\" style:family=\"table-cell\"><style:table-cell-properties"
        " fo:border=\"0.5pt solid #000000\" fo:padding=\"0.8mm\" style:vertical-align=\"middle\"/></style:style>\n");
    /* a table row kept with the next one (a total never stands alone) */
    g_string_append(out,
        "<style:style style:name=\"Keep_Table_20_Contents\" style:family=\"paragraph\""
        " style:parent-style-name=\"Table_20_Contents\"><style:paragraph-properties fo:keep-with-next=\"always\"/>"
        "</style:style>\n"
        "<style:style style:name=\"Keep_Table_20_Heading\" style:family=\"paragraph\""
        " style:parent-style-name=\"Table_20_Heading\"><style:paragraph-properties fo:keep-with-next=\"always\"/>"
        "</style:style>\n");
    /* a page break before a block: a child of its style with break-before */
    for (gsize i = 0; i < G_N_ELEMENTS(paragraph_styles); i++)
        g_string_append_printf(out,
            "<style:style style:name=\"Break_%s\" style:family=\"paragraph\" style:parent-style-name=\"%s\">"
            "<style:paragraph-properties fo:break-before=\"page\"/></style:style>\n",
            paragraph_styles[i].name, paragraph_styles[i].name);
    g_string_append(out,
        "<style:page-layout style:name=\"JXPage\"><style:page-layout-properties fo:page-width=\"210mm\""
        " fo:page-height=\"297mm\" style:print-orientation=\"portrait\" fo:margin-top=\"37mm\""
        " fo:margin-bottom=\"28mm\" fo:margin-left=\"28mm\" fo:margin-right=\"26mm\"/>"
        "<style:footer-style><style:header-footer-properties fo:min-height=\"7mm\" fo:margin-top=\"0mm\"/>"
        "</style:footer-style></style:page-layout>\n"
        "</office:automatic-styles>\n"
        "<office:master-styles><style:master-page style:name=\"Standard\" style:page-layout-name=\"JXPage\">"
        "<style:footer><text:p text:style-name=\"Footer\">— <text:page-number text:select-page=\"current\">1"
        "</text:page-number> —</text:p></style:footer></style:master-page></office:master-styles>\n");
}

static void append_meta(GString *out, const JxReport *report)
{
    g_string_append(out, "<office:meta><meta:generator>Jixiao</meta:generator><dc:title>");
    append_escaped(out, report->title);
    g_string_append(out, "</dc:title><dc:subject>");
    append_escaped(out, report->department);
    g_string_append(out, "</dc:subject><meta:keyword>");
    append_escaped(out, report->year);
    g_string_append(out, "</meta:keyword><meta:keyword>绩效自评</meta:keyword>");
    if (report->bindings->len > 0) {
        g_autofree char *json = jx_bindings_to_json(report->bindings, report->schema_id, report->workbook);
        g_string_append(out, "<meta:user-defined meta:name=\"" JX_BINDINGS_PROPERTY "\" meta:value-type=\"string\">");
        append_escaped(out, json);
        g_string_append(out, "</meta:user-defined>");
    }
    g_string_append(out, "</office:meta>\n");
}

/* --- blocks ------------------------------------------------------------------------ */

static const char *paragraph_style_name(const JxBlock *b)
{
    static const char *const heading_styles[] = { "Heading_20_1", "Heading_20_2", "Heading_20_3", "Heading_20_4" };
    switch (b->kind) {
    case JX_BLOCK_TITLE: return "Title";
    case JX_BLOCK_HEADING: return heading_styles[CLAMP(b->level, 1, 4) - 1];
    default: break;
    }
    switch (b->style) {
    case JX_PARA_PLAIN: return "JX_20_Plain";
    case JX_PARA_CENTER: return "JX_20_Centered";
    case JX_PARA_RIGHT: return "JX_20_Signature";
    case JX_PARA_CAPTION: return "JX_20_Table_20_Caption";
    default: return "Text_20_body";
    }
}

/* Column widths of table `number` as automatic styles (relative widths). */
static void append_column_styles(GString *out, const JxBlock *b, int number)
{
    double total = 0;
    for (int c = 0; c < b->cols; c++)
        total += b->widths[c];
    for (int c = 0; c < b->cols; c++)
        g_string_append_printf(out, "<style:style style:name=\"JXTable%d.C%d\" style:family=\"table-column\">"
                               "<style:table-column-properties style:column-width=\"%.1fmm\""
                               " style:rel-column-width=\"%d*\"/></style:style>\n",
                               number, c, 156.0 * b->widths[c] / total, (int)(1000 * b->widths[c] / total));
}

static void append_table(GString *out, const JxBlock *b, int number, gboolean page_break, int *notes)
{
    g_string_append_printf(out, "<table:table table:name=\"");
    if (b->name && b->name[0])
        append_escaped(out, b->name);
    else
        g_string_append_printf(out, "Table%d", number);
    g_string_append_printf(out, "\" table:style-name=\"%s\">", page_break ? "JXTableBreak" : "JXTable");
    if (b->widths != NULL)
        for (int c = 0; c < b->cols; c++)
            g_string_append_printf(out, "<table:table-column table:style-name=\"JXTable%d.C%d\"/>", number, c);
    else
        g_string_append_printf(out, "<table:table-column table:number-columns-repeated=\"%d\"/>", b->cols);
    g_string_append_c(out, '\n');
    for (int r = 0; r < b->rows; r++) {
        gboolean heading = r < b->header_rows;
        if (r == 0 && heading)
            g_string_append(out, "<table:table-header-rows>");
        g_string_append(out, "<table:table-row>");
        for (int c = 0; c < b->cols; c++) {
            int i = r * b->cols + c;
            int span = b->span ? b->span[i] : 1;
            if (span == 0) {
                g_string_append(out, "<table:covered-table-cell/>");
                continue;
            }
            g_string_append(out, "<table:table-cell table:style-name=\"JXCell\" office:value-type=\"string\"");
            if (span > 1)
                g_string_append_printf(out, " table:number-columns-spanned=\"%d\"", span);
            gboolean keep = b->row_keep && b->row_keep[r];
            g_string_append_printf(out, "><text:p text:style-name=\"%s%s\">", keep ? "Keep_" : "",
                                   heading ? "Table_20_Heading" : "Table_20_Contents");
            if (b->cells[i] != NULL)
                append_spans(out, b->cells[i], NULL, "text:p", notes);
            g_string_append(out, "</text:p></table:table-cell>");
        }
        g_string_append(out, "</table:table-row>\n");
        if (heading && r == b->header_rows - 1)
            g_string_append(out, "</table:table-header-rows>\n");
    }
    g_string_append(out, "</table:table>\n");
}

char *jx_report_to_fodt(const JxReport *report, const char *const fonts[JX_FONT_COUNT])
{
    GString *out = g_string_sized_new(64 * 1024);
    g_string_append(out, header);
    append_meta(out, report);
    append_settings(out, report);
    append_font_faces(out, fonts);
    append_styles(out);
    append_automatic_styles(out);
    /* column widths, as automatic styles ahead of the body */
    GString *columns = g_string_new(NULL);
    for (guint i = 0, n = 0; i < report->blocks->len; i++) {
        const JxBlock *b = g_ptr_array_index(report->blocks, i);
        if (b->kind == JX_BLOCK_TABLE && ++n && b->widths != NULL)
            append_column_styles(columns, b, (int)n);
    }
    if (columns->len > 0) {
        /* inserted at the end of the automatic styles written above */
        char *master = strstr(out->str, "</office:automatic-styles>");
        if (master != NULL)
            g_string_insert(out, master - out->str, columns->str);
    }
    g_string_free(columns, TRUE);
    g_string_append(out, "<office:body><office:text>\n");
    gboolean page_break = FALSE;
    int tables = 0, notes = 0;
    for (guint i = 0; i < report->blocks->len; i++) {
        const JxBlock *b = g_ptr_array_index(report->blocks, i);
        if (b->kind == JX_BLOCK_PAGE_BREAK) {
            page_break = i > 0;
            continue;
        }
        if (b->kind == JX_BLOCK_TABLE) {
            append_table(out, b, ++tables, page_break, &notes);
            page_break = FALSE;
            continue;
        }
        const char *style = paragraph_style_name(b);
        const char *element = b->kind == JX_BLOCK_HEADING ? "text:h" : "text:p";
        g_string_append_printf(out, "<%s text:style-name=\"%s%s\"", element, page_break ? "Break_" : "", style);
        if (b->kind == JX_BLOCK_HEADING)
            g_string_append_printf(out, " text:outline-level=\"%d\"", CLAMP(b->level, 1, 4));
        g_string_append_c(out, '>');
        if (b->number)
            append_text(out, b->number);
        GString *content = g_string_new(NULL);
        append_spans(content, b, b->kind == JX_BLOCK_PARAGRAPH ? style : NULL, element, &notes);
        g_string_append(out, content->str);
        /* a split paragraph ends as text:p */
        g_string_append_printf(out, "</%s>\n", strstr(content->str, "<text:p ") ? "text:p" : element);
        g_string_free(content, TRUE);
        page_break = FALSE;
    }
    g_string_append(out, "</office:text></office:body></office:document>\n");
    return g_string_free(out, FALSE);
}

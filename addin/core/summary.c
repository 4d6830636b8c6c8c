/*
 * summary.c: the batch summary as flat ODS.  The columns are a table; each
 * cell is written with its value type, so no cell of the summary is ever a
 * formula, whatever the workbooks' texts or file names say.
 */
#include "core/summary.h"

#include <math.h>
#include <string.h>

#include "core/xml.h"

static const JxSummaryColumn batch_columns[] = {
    { "source", "工作簿 Workbook", JX_SUMMARY_NAME, "5cm" },
    { "department", "单位 Department", JX_SUMMARY_TEXT, "6cm" },
    { "score", "总分 Score", JX_SUMMARY_NUMBER, "2.2cm" },
    { "grade", "等级 Grade", JX_SUMMARY_TEXT, "2cm" },
    { "errors", "错误 Errors", JX_SUMMARY_COUNT, "2cm" },
    { "warnings", "警告 Warnings", JX_SUMMARY_COUNT, "2.4cm" },
    { "notes", "提示 Notes", JX_SUMMARY_COUNT, "2cm" },
    { "placeholders", "待填 To fill", JX_SUMMARY_COUNT, "2.2cm" },
    { "report", "报告 Report", JX_SUMMARY_LINK, "5cm" },
    { "seconds", "秒 Seconds", JX_SUMMARY_NUMBER, "2.2cm" },
    { "failure", "失败 Failure", JX_SUMMARY_TEXT, "8cm" },
};

static const char *row_string(const cJSON *row, const char *key)
{
    const char *value = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(row, key));
    return value ? value : "";
}

static void text_cell(GString *out, const char *text)
{
    if (text[0] == '\0') {
        g_string_append(out, "<table:table-cell/>");
        return;
    }
    g_string_append(out, "<table:table-cell office:value-type=\"string\"><text:p>");
    jx_xml_append_escaped(out, text);
    g_string_append(out, "</text:p></table:table-cell>");
}

static void number_cell(GString *out, double value, const char *shown)
{
    char number[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd(number, sizeof number, "%.15g", value);   /* the digits a sheet shows */
    g_string_append_printf(out, "<table:table-cell office:value-type=\"float\" office:value=\"%s\"><text:p>",
                           number);
    jx_xml_append_escaped(out, shown);
    g_string_append(out, "</text:p></table:table-cell>");
}

/* A number given as a JSON number or as text that reads wholly as one
 * ("98.89"); anything else (—, "", words) stays text. */
static void numeric_cell(GString *out, const cJSON *item)
{
    if (cJSON_IsNumber(item)) {
        g_autofree char *shown = g_strdup_printf("%.2f", item->valuedouble);
        number_cell(out, item->valuedouble, shown);
        return;
    }
    const char *text = cJSON_GetStringValue(item);
    char *end = NULL;
    double value = text && text[0] ? g_ascii_strtod(text, &end) : NAN;
    if (end != NULL && *end == '\0' && isfinite(value))
        number_cell(out, value, text);
    else
        text_cell(out, text ? text : "");
}

static void count_cell(GString *out, const cJSON *item)
{
    if (!cJSON_IsNumber(item)) {
        text_cell(out, "");
        return;
    }
    g_autofree char *shown = g_strdup_printf("%.0f", item->valuedouble);
    number_cell(out, item->valuedouble, shown);
}

/* The link is written absolute (a stream has no base to resolve "../x"
 * against); the office stores it relative to summary.ods when it saves it
 * (its default), so the folder can be moved or mailed whole. */
static void link_cell(GString *out, const char *report)
{
    g_autofree char *target = report[0] ? g_filename_to_uri(report, NULL, NULL) : NULL;
    if (target == NULL) {
        text_cell(out, "");
        return;
    }
    g_autofree char *label = g_path_get_basename(report);
    g_string_append(out, "<table:table-cell office:value-type=\"string\"><text:p>"
                         "<text:a xlink:type=\"simple\" xlink:href=\"");
    jx_xml_append_escaped(out, target);
    g_string_append(out, "\">");
    jx_xml_append_escaped(out, label);
    g_string_append(out, "</text:a></text:p></table:table-cell>");
}

static void append_row(GString *out, const JxSummaryColumn *columns, gsize n, const cJSON *row)
{
    g_string_append(out, "<table:table-row>");
    for (gsize c = 0; c < n; c++) {
        const cJSON *item = cJSON_GetObjectItemCaseSensitive(row, columns[c].key);
        switch (columns[c].kind) {
        case JX_SUMMARY_NAME: {
            g_autofree char *name = g_path_get_basename(row_string(row, columns[c].key));
            text_cell(out, row_string(row, columns[c].key)[0] ? name : "");
            break;
        }
        case JX_SUMMARY_TEXT: text_cell(out, row_string(row, columns[c].key)); break;
        case JX_SUMMARY_COUNT: count_cell(out, item); break;
        case JX_SUMMARY_NUMBER: numeric_cell(out, item); break;
        case JX_SUMMARY_LINK: link_cell(out, row_string(row, columns[c].key)); break;
        }
    }
    g_string_append(out, "</table:table-row>\n");
}

char *jx_summary_to_fods(const cJSON *rows)
{
    return jx_summary_table_to_fods(batch_columns, G_N_ELEMENTS(batch_columns), rows);
}

char *jx_summary_table_to_fods(const JxSummaryColumn *columns, gsize n, const cJSON *rows)
{
    GString *out = g_string_new(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
        " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
        " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
        " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
        " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
        " xmlns:xlink=\"http://www.w3.org/1999/xlink\""
        " office:version=\"1.3\" office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\">\n"
        "<office:automatic-styles>\n"
        "<style:style style:name=\"header\" style:family=\"table-cell\">"
        "<style:text-properties fo:font-weight=\"bold\" style:font-weight-asian=\"bold\"/></style:style>\n");
    for (gsize c = 0; c < n; c++)
        g_string_append_printf(out, "<style:style style:name=\"co%zu\" style:family=\"table-column\">"
                                    "<style:table-column-properties style:column-width=\"%s\"/></style:style>\n",
                               c, columns[c].width);
    g_string_append(out, "</office:automatic-styles>\n<office:body><office:spreadsheet>\n"
                         "<table:table table:name=\"汇总 Summary\">\n");
    for (gsize c = 0; c < n; c++)
        g_string_append_printf(out, "<table:table-column table:style-name=\"co%zu\"/>", c);
    g_string_append(out, "\n<table:table-header-rows><table:table-row>");
    for (gsize c = 0; c < n; c++) {
        g_string_append(out, "<table:table-cell table:style-name=\"header\" office:value-type=\"string\"><text:p>");
        jx_xml_append_escaped(out, columns[c].header);
        g_string_append(out, "</text:p></table:table-cell>");
    }
    g_string_append(out, "</table:table-row></table:table-header-rows>\n");
    const cJSON *row;
    cJSON_ArrayForEach(row, rows)
        if (cJSON_IsObject(row))
            append_row(out, columns, n, row);
    g_string_append(out, "</table:table>\n</office:spreadsheet></office:body>\n</office:document>\n");
    return g_string_free(out, FALSE);
}

/*
 * summary.c: the batch summary as flat ODS.  The columns are a table; each
 * cell is written with its value type, so no cell of the summary is ever a
 * formula, whatever the workbooks' texts or file names say.
 */
#include "core/summary.h"

#include <math.h>
#include <string.h>

#include "core/amounts.h"
#include "core/names.h"
#include "core/xml.h"

/* Decimals a figure may ask for (more are shown as the sheet likes). */
#define JX_SUMMARY_MAX_DECIMALS 6

/* A figure column of the batch: its key and the labels the forms give it. */
typedef struct {
    char *key;
    GString *zh, *en;    /* "单位／项目", "Department/Project" */
} FigureColumn;

/* The batch's columns after its figures (the workbook comes first). */
static const JxSummaryColumn tail_columns[] = {
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

/* A typed number; `style` (NULL: none) gives its decimals or makes it a
 * percentage (the styles of jx_summary_to_fods). */
static void styled_number_cell(GString *out, double value, const char *shown, const char *style)
{
    char number[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd(number, sizeof number, "%.15g", value);   /* the digits a sheet shows */
    gboolean percent = style != NULL && strcmp(style, "percent") == 0;
    g_string_append(out, "<table:table-cell");
    if (style != NULL)
        g_string_append_printf(out, " table:style-name=\"%s\"", style);
    g_string_append_printf(out, " office:value-type=\"%s\" office:value=\"%s\"><text:p>",
                           percent ? "percentage" : "float", number);
    jx_xml_append_escaped(out, shown);
    g_string_append(out, "</text:p></table:table-cell>");
}

static void number_cell(GString *out, double value, const char *shown)
{
    styled_number_cell(out, value, shown, NULL);
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

/* A figure of jx_summary_figures: a number typed with its decimals (or as
 * a percentage), else its text. */
static void figure_cell(GString *out, const cJSON *figure)
{
    const cJSON *number = cJSON_GetObjectItemCaseSensitive(figure, "number");
    const char *text = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(figure, "text"));
    if (!cJSON_IsNumber(number) || !isfinite(number->valuedouble)) {
        const cJSON *value = cJSON_GetObjectItemCaseSensitive(figure, "value");
        if (value != NULL)
            numeric_cell(out, value);   /* a row of an older batch */
        else
            text_cell(out, text ? text : "");
        return;
    }
    const char *format = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(figure, "format"));
    const cJSON *d = cJSON_GetObjectItemCaseSensitive(figure, "decimals");
    int decimals = cJSON_IsNumber(d) && d->valuedouble >= 0 && d->valuedouble <= JX_SUMMARY_MAX_DECIMALS
                       ? (int)d->valuedouble : -1;
    g_autofree char *style = g_strcmp0(format, "percent") == 0 ? g_strdup("percent")
                           : decimals >= 0 ? g_strdup_printf("d%d", decimals) : NULL;
    styled_number_cell(out, number->valuedouble, text ? text : "", style);
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
        case JX_SUMMARY_FIGURE: figure_cell(out, item); break;
        }
    }
    g_string_append(out, "</table:table-row>\n");
}

/* --- the batch's figure columns ------------------------------------------------------ */

/* A row's figures.  Rows of an older batch carry department, score and
 * grade instead: they read as the figures name, score and grade. */
static cJSON *figures_of(const cJSON *row)
{
    const cJSON *figures = cJSON_GetObjectItemCaseSensitive(row, "summary");
    if (cJSON_IsArray(figures))
        return cJSON_Duplicate(figures, TRUE);
    static const struct { const char *member, *key, *zh, *en; } legacy[] = {
        { "department", "name", "单位", "Department" }, { "score", "score", "总分", "Score" },
        { "grade", "grade", "等级", "Grade" },
    };
    cJSON *out = cJSON_CreateArray();
    for (gsize i = 0; i < G_N_ELEMENTS(legacy); i++) {
        const cJSON *value = cJSON_GetObjectItemCaseSensitive(row, legacy[i].member);
        if (value == NULL)
            continue;
        cJSON *figure = cJSON_CreateObject();
        cJSON_AddStringToObject(figure, "key", legacy[i].key);
        cJSON *label = cJSON_AddObjectToObject(figure, "label");
        cJSON_AddStringToObject(label, "zh", legacy[i].zh);
        cJSON_AddStringToObject(label, "en", legacy[i].en);
        cJSON_AddItemToObject(figure, "value", cJSON_Duplicate(value, TRUE));
        cJSON_AddItemToArray(out, figure);
    }
    return out;
}

static const char *figure_string(const cJSON *figure, const char *member)
{
    const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(figure, member));
    return s ? s : "";
}

static void figure_column_free(gpointer data)
{
    FigureColumn *c = data;
    g_free(c->key);
    g_string_free(c->zh, TRUE);
    g_string_free(c->en, TRUE);
    g_free(c);
}

static int column_index(GPtrArray *columns, const char *key)
{
    for (guint i = 0; i < columns->len; i++)
        if (strcmp(((FigureColumn *)g_ptr_array_index(columns, i))->key, key) == 0)
            return (int)i;
    return -1;
}

/* "单位" and then "项目" → "单位／项目": one column, the labels of each form. */
static void add_label(GString *labels, const char *label, const char *separator)
{
    if (label[0] == '\0')
        return;
    g_auto(GStrv) known = g_strsplit(labels->str, separator, -1);
    if (g_strv_contains((const char *const *)known, label))
        return;
    g_string_append_printf(labels, "%s%s", labels->len ? separator : "", label);
}

/* The figure columns of all rows: each row's keys in its own order, a key
 * not seen yet placed right after the key before it in that row, so that
 * forms sharing keys ("name", "score", "grade") share columns. */
static GPtrArray *figure_columns(cJSON *const *figures, gsize n)
{
    GPtrArray *columns = g_ptr_array_new_with_free_func(figure_column_free);
    for (gsize r = 0; r < n; r++) {
        int previous = -1;
        const cJSON *figure;
        cJSON_ArrayForEach(figure, figures[r]) {
            const char *key = figure_string(figure, "key");
            if (key[0] == '\0')
                continue;
            int at = column_index(columns, key);
            if (at < 0) {
                FigureColumn *c = g_new0(FigureColumn, 1);
                c->key = g_strdup(key);
                c->zh = g_string_new(NULL);
                c->en = g_string_new(NULL);
                at = previous + 1;
                g_ptr_array_insert(columns, at, c);
            }
            const cJSON *label = cJSON_GetObjectItemCaseSensitive(figure, "label");
            FigureColumn *c = g_ptr_array_index(columns, (guint)at);
            add_label(c->zh, figure_string(label, "zh"), "／");
            add_label(c->en, figure_string(label, "en"), "/");
            previous = at;
        }
    }
    return columns;
}

char *jx_summary_to_fods(const cJSON *rows)
{
    /* each row's figures, as members "figure:KEY" of a copy of the row */
    cJSON *flat = cJSON_CreateArray();
    GPtrArray *figures = g_ptr_array_new_with_free_func((GDestroyNotify)cJSON_Delete);
    const cJSON *row;
    cJSON_ArrayForEach(row, rows) {
        if (!cJSON_IsObject(row))
            continue;
        cJSON *copy = cJSON_Duplicate(row, TRUE), *mine = figures_of(row), *figure;
        cJSON_ArrayForEach(figure, mine) {
            g_autofree char *member = g_strdup_printf("figure:%s", figure_string(figure, "key"));
            cJSON_DeleteItemFromObjectCaseSensitive(copy, member);
            cJSON_AddItemToObject(copy, member, cJSON_Duplicate(figure, TRUE));
        }
        cJSON_AddItemToArray(flat, copy);
        g_ptr_array_add(figures, mine);
    }
    g_autoptr(GPtrArray) keys = figure_columns((cJSON *const *)figures->pdata, figures->len);
    GArray *columns = g_array_new(FALSE, FALSE, sizeof(JxSummaryColumn));
    GPtrArray *texts = g_ptr_array_new_with_free_func(g_free);   /* what the columns point at */
    JxSummaryColumn source = { "source", "工作簿 Workbook", JX_SUMMARY_NAME, "5cm" };
    g_array_append_val(columns, source);
    for (guint c = 0; c < keys->len; c++) {
        const FigureColumn *f = g_ptr_array_index(keys, c);
        char *member = g_strdup_printf("figure:%s", f->key);
        char *header = g_strstrip(g_strdup_printf("%s %s", f->zh->str, f->en->str));
        g_ptr_array_add(texts, member);
        g_ptr_array_add(texts, header);
        JxSummaryColumn column = { member, header, JX_SUMMARY_FIGURE, strcmp(f->key, "name") == 0 ? "6cm" : "2.6cm" };
        g_array_append_val(columns, column);
    }
    g_array_append_vals(columns, tail_columns, G_N_ELEMENTS(tail_columns));
    char *fods = jx_summary_table_to_fods((const JxSummaryColumn *)columns->data, columns->len, flat);
    g_array_free(columns, TRUE);
    g_ptr_array_free(texts, TRUE);
    g_ptr_array_free(figures, TRUE);
    cJSON_Delete(flat);
    return fods;
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
        " xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\""
        " xmlns:xlink=\"http://www.w3.org/1999/xlink\""
        " office:version=\"1.3\" office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\">\n"
        "<office:automatic-styles>\n"
        "<style:style style:name=\"header\" style:family=\"table-cell\">"
        "<style:text-properties fo:font-weight=\"bold\" style:font-weight-asian=\"bold\"/></style:style>\n");
    /* number styles: dN, N decimals; percent, two */
    for (int d = 0; d <= JX_SUMMARY_MAX_DECIMALS; d++)
        g_string_append_printf(out, "<number:number-style style:name=\"n%d\"><number:number number:decimal-places=\"%d\""
                                    " number:min-decimal-places=\"%d\" number:min-integer-digits=\"1\"/>"
                                    "</number:number-style>\n<style:style style:name=\"d%d\" style:family=\"table-cell\""
                                    " style:data-style-name=\"n%d\"/>\n", d, d, d, d, d);
    g_string_append(out, "<number:percentage-style style:name=\"np\"><number:number number:decimal-places=\"2\""
                         " number:min-decimal-places=\"2\" number:min-integer-digits=\"1\"/><number:text>%</number:text>"
                         "</number:percentage-style>\n<style:style style:name=\"percent\" style:family=\"table-cell\""
                         " style:data-style-name=\"np\"/>\n");
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

/* --- the figures of a workbook ------------------------------------------------------ */

/* The number a field shows: its cell's, or what Compute would write into
 * its empty cell.  FALSE when there is none (or the field is text). */
static gboolean field_number(const JxModel *model, const JxFieldSpec *f, const JxValue *v, GHashTable *computed,
                             double *number)
{
    if (!jx_value_is_empty(v))
        return jx_value_number(v, f->type == JX_TYPE_AMOUNT ? jx_field_unit(model->schema, f) : NULL, number, NULL);
    g_autofree char *address = jx_value_address(model, v);
    const char *content = computed && address[0] ? g_hash_table_lookup(computed, address) : NULL;
    char *end = NULL;
    *number = content && content[0] ? g_ascii_strtod(content, &end) : NAN;
    return end != NULL && *end == '\0' && isfinite(*number);
}

static char *field_text(const JxModel *model, const JxValue *v, GHashTable *computed)
{
    if (!jx_value_is_empty(v))
        return jx_value_text(v);
    g_autofree char *address = jx_value_address(model, v);
    const char *content = computed && address[0] ? g_hash_table_lookup(computed, address) : NULL;
    return g_strdup(content ? content : "");
}

/* The shown text of a number of type `type`. */
/* The decimals a number of field f is shown with (-1: as typed). */
static int number_decimals(const JxSchema *schema, const JxFieldSpec *f)
{
    switch (f->type) {
    case JX_TYPE_AMOUNT: return schema->settings.amount_decimals;
    case JX_TYPE_PERCENT: return 2;
    case JX_TYPE_INTEGER: return 0;
    default:
        /* computed numbers are scores; typed ones are shown as typed */
        return f->role == JX_ROLE_COMPUTED ? schema->settings.scoring.score_decimals : -1;
    }
}

static void add_number(cJSON *figure, const JxSchema *schema, const JxFieldSpec *f, double number)
{
    int decimals = number_decimals(schema, f);
    g_autofree char *text = f->type == JX_TYPE_PERCENT ? jx_format_percent(number, decimals)
                          : decimals >= 0 ? jx_format_fixed(number, decimals, FALSE)
                                          : g_strdup_printf("%.15g", number);
    cJSON_AddStringToObject(figure, "text", text);
    cJSON_AddNumberToObject(figure, "number", number);
    cJSON_AddStringToObject(figure, "format", f->type == JX_TYPE_PERCENT ? "percent" : "number");
    cJSON_AddNumberToObject(figure, "decimals", decimals);
}

cJSON *jx_summary_figures(const JxModel *model, GHashTable *computed)
{
    const JxSchema *schema = model->schema;
    cJSON *out = cJSON_CreateArray();
    for (guint i = 0; i < schema->summary->len; i++) {
        const JxSummarySpec *c = g_ptr_array_index(schema->summary, i);
        const JxFieldSpec *f = jx_schema_field(schema, c->field);
        const JxValue *v = jx_model_field(model, c->field);
        if (f == NULL || v == NULL)
            continue;
        cJSON *figure = cJSON_CreateObject();
        cJSON_AddStringToObject(figure, "key", c->key);
        cJSON *label = cJSON_AddObjectToObject(figure, "label");
        cJSON_AddStringToObject(label, "zh", jx_text_get(&c->label, JX_LANG_ZH));
        cJSON_AddStringToObject(label, "en", jx_text_get(&c->label, JX_LANG_EN));
        gboolean numeric = f->type == JX_TYPE_AMOUNT || f->type == JX_TYPE_NUMBER ||
                           f->type == JX_TYPE_INTEGER || f->type == JX_TYPE_PERCENT;
        double number;
        if (numeric && field_number(model, f, v, computed, &number)) {
            add_number(figure, schema, f, number);
        } else {
            g_autofree char *text = field_text(model, v, computed);
            cJSON_AddStringToObject(figure, "text", text);
        }
        cJSON_AddItemToArray(out, figure);
    }
    return out;
}

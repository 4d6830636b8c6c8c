/*
 * check_report.c: the report's wording rules on the generated departments of
 * tests/generator/ (DIR/cases.jsonl from generate.py), through the domain
 * core: every case's workbook is validated, what Compute would write is
 * planned, and the report of its schema's template is rendered twice, with
 * and without validation's findings.  Usage: check_report DIR
 *
 * Read against the department's own model (not against what the generator
 * meant), for the default template:
 *
 *   line items   二（一） names a class when it or an item under it holds an
 *                amount, and its sentence names exactly the items that do,
 *                numbered 1. 2. under （一）基本支出;
 *   numbering    the indicators under 2.产出指标 … are （1）（2）…;
 *   absence      "本年度未设置X" only when the workbook has other indicators
 *                and none of X, "本单位无…" only for a fund table with no
 *                amount, "本年度无项目支出" never while projects hold amounts;
 *   sentences    every body paragraph of the sections ends with its
 *                punctuation;
 *   counting     the report's count of placeholders is what it shows;
 *   notes        the findings change no character of the report; a note sits
 *                only on a figure; a field the body shows whose cell
 *                validation flagged carries a note.
 *
 * Output: one TAP line per case, "# report (generated): …", exit 1 if a
 * case fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <glib.h>

#include "core/amounts.h"
#include "core/bundle.h"
#include "core/compute.h"
#include "core/findings.h"
#include "core/model.h"
#include "core/render.h"
#include "core/validate.h"
#include "grid.h"

static const char *const levels[] = { "产出指标", "效益指标", "满意度指标" };
static const char *const fund_tables[] = { "government_funds", "state_capital", "social_insurance" };
static const char *const fund_sections[] = { "政府性基金预算支出情况", "国有资本经营预算支出情况",
                                             "社会保险基金预算支出情况" };
static const char *const fund_absent[] = { "本单位无政府性基金预算支出。", "本单位无国有资本经营预算支出。",
                                           "本单位未安排社会保险基金预算支出。" };

typedef struct {
    int cases, departments, faults, notes, flagged_shown, failed;
    GHashTable *bundles;   /* path → JxBundle* */
} Tally;

/* ---- the report, read back ----------------------------------------------------------- */

/* The text of the body paragraphs under the heading (level, title). */
static GPtrArray *section_paragraphs(const JxReport *r, int level, const char *title)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    gboolean inside = FALSE;
    for (guint i = 0; i < r->blocks->len; i++) {
        const JxBlock *b = g_ptr_array_index(r->blocks, i);
        if (b->kind == JX_BLOCK_HEADING) {
            g_autofree char *text = jx_block_text(b);
            if (b->level <= level)
                inside = b->level == level && strcmp(text, title) == 0;
        } else if (inside && b->kind == JX_BLOCK_PARAGRAPH) {
            g_ptr_array_add(out, jx_block_text(b));
        }
    }
    return out;
}

static gboolean sentence_ended(const char *text)
{
    static const char *const endings[] = { "。", "！", "？", "：", "；", "】", NULL };
    for (int i = 0; endings[i]; i++)
        if (g_str_has_suffix(text, endings[i]))
            return TRUE;
    return FALSE;
}

/* ---- the model ------------------------------------------------------------------------- */

static const JxValue *cell(const JxTableData *td, guint row, const char *column)
{
    int c = jx_table_column_index(td->spec, column);
    return c >= 0 ? &g_array_index(td->rows, JxTableRow, row).cells[c] : NULL;
}

/* An amount in 万元, or 0 (blank, 无, not a number). */
static double amount_of(const JxValue *v)
{
    double number = 0;
    if (v == NULL || !jx_value_number(v, "万元", &number, NULL))
        return 0;
    return number;
}

static char *text_of(const JxValue *v)
{
    char *text = v ? jx_value_text(v) : g_strdup("");
    return g_strstrip(text);
}

/* ---- the rules --------------------------------------------------------------------------- */

static void check_line_items(const JxModel *m, const JxReport *r, GString *problems)
{
    const JxTableData *td = jx_model_table(m, "expense_items");
    g_autoptr(GPtrArray) paragraphs = section_paragraphs(r, 2, "基本支出");
    GString *want = g_string_new(NULL);
    int n = 0;
    for (guint i = 0; td->located && i < td->rows->len; i++) {
        gboolean group = FALSE;   /* the classes: rows with items under them */
        for (guint k = 0; k < td->rows->len && !group; k++)
            group = g_array_index(td->rows, JxTableRow, k).group_parent == (int)i;
        if (!group)
            continue;
        GString *parts = g_string_new(NULL);
        for (guint k = 0; k < td->rows->len; k++) {
            if (g_array_index(td->rows, JxTableRow, k).group_parent != (int)i || amount_of(cell(td, k, "executed")) == 0)
                continue;
            g_autofree char *name = text_of(cell(td, k, "name"));
            g_autofree char *amount = jx_format_fixed(amount_of(cell(td, k, "executed")), 2, FALSE);
            g_string_append_printf(parts, "%s%s%s万元", parts->len ? "、" : "", name, amount);
        }
        double total = amount_of(cell(td, i, "executed"));
        if (total != 0 || parts->len > 0) {
            g_autofree char *name = text_of(cell(td, i, "name"));
            g_autofree char *amount = total != 0 ? jx_format_fixed(total, 2, FALSE) : g_strdup("【请填写：全年执行数（万元）】");
            g_string_append_printf(want, "|%d.%s%s万元，包括%s。", ++n, name, amount,
                                   parts->len ? parts->str : "【请填写：基本支出明细】");
        }
        g_string_free(parts, TRUE);
    }
    if (n == 0)
        g_string_assign(want, "|【请填写：基本支出明细】");
    GString *got = g_string_new(NULL);
    for (guint i = 1; i < paragraphs->len; i++)   /* after "…基本支出X万元，其中：" */
        g_string_append_printf(got, "|%s", (const char *)g_ptr_array_index(paragraphs, i));
    if (strcmp(got->str, want->str) != 0)
        g_string_append_printf(problems, "#   二（一）:\n#     got  %s\n#     want %s\n", got->str, want->str);
    g_string_free(got, TRUE);
    g_string_free(want, TRUE);
}

static void check_indicators(const JxModel *m, const JxReport *r, GString *problems)
{
    const JxTableData *td = jx_model_table(m, "indicators");
    int count[3] = { 0 }, all = 0;
    for (guint i = 0; td->located && i < td->rows->len; i++) {
        g_autofree char *level = text_of(cell(td, i, "level1"));
        all++;
        for (int k = 0; k < 3; k++)
            count[k] += strcmp(level, levels[k]) == 0;
    }
    for (int k = 0; k < 3; k++) {
        g_autoptr(GPtrArray) paragraphs = section_paragraphs(r, 3, levels[k]);
        g_autofree char *absent = g_strdup_printf("本年度未设置%s。", levels[k]);
        for (guint i = 0; i < paragraphs->len; i++) {
            const char *text = g_ptr_array_index(paragraphs, i);
            if (strcmp(text, absent) == 0 && (count[k] > 0 || all == 0))
                g_string_append_printf(problems, "#   %s: says 本年度未设置 (%d of %d indicators are of it)\n",
                                       levels[k], count[k], all);
            g_autofree char *number = g_strdup_printf("（%u）", i + 1);
            if (count[k] > 0 && !g_str_has_prefix(text, number))
                g_string_append_printf(problems, "#   %s: paragraph %u is not numbered %s: %s\n", levels[k], i + 1,
                                       number, text);
        }
        if (count[k] > 0 && (int)paragraphs->len != count[k])
            g_string_append_printf(problems, "#   %s: %u paragraphs for %d indicators\n", levels[k],
                                   paragraphs->len, count[k]);
    }
}

static void check_absences(const JxModel *m, const JxReport *r, GString *problems)
{
    for (int f = 0; f < 3; f++) {
        const JxTableData *td = jx_model_table(m, fund_tables[f]);
        double held = 0;
        for (guint i = 0; td->located && i < td->rows->len; i++)
            held += amount_of(cell(td, i, "budget")) != 0 || amount_of(cell(td, i, "executed")) != 0;
        g_autoptr(GPtrArray) paragraphs = section_paragraphs(r, 1, fund_sections[f]);
        for (guint i = 0; i < paragraphs->len; i++)
            if (strcmp(g_ptr_array_index(paragraphs, i), fund_absent[f]) == 0 && held > 0)
                g_string_append_printf(problems, "#   %s: says %s with %g rows holding amounts\n", fund_sections[f],
                                       fund_absent[f], held);
    }
    const JxTableData *projects = jx_model_table(m, "projects");
    int held = 0;
    for (guint i = 0; projects->located && i < projects->rows->len; i++)
        held += amount_of(cell(projects, i, "budget")) != 0 || amount_of(cell(projects, i, "executed")) != 0;
    g_autoptr(GPtrArray) paragraphs = section_paragraphs(r, 2, "项目支出");
    for (guint i = 0; i < paragraphs->len; i++)
        if (strstr(g_ptr_array_index(paragraphs, i), "本年度无项目支出") && held > 0)
            g_string_append_printf(problems, "#   项目支出: says 本年度无项目支出 with %d projects\n", held);
}

static void check_sentences(const JxReport *r, GString *problems)
{
    gboolean sections = FALSE;
    for (guint i = 0; i < r->blocks->len; i++) {
        const JxBlock *b = g_ptr_array_index(r->blocks, i);
        if (b->kind == JX_BLOCK_HEADING)
            sections = b->number && b->number[0];   /* annexes carry no number */
        if (!sections || b->kind != JX_BLOCK_PARAGRAPH || b->style != JX_PARA_BODY)
            continue;
        g_autofree char *text = jx_block_text(b);
        if (!sentence_ended(text))
            g_string_append_printf(problems, "#   a body paragraph without its punctuation: %s\n", text);
    }
}

/* The placeholders of a paragraph (or a table cell's). */
static int placeholders_in(const JxBlock *b)
{
    int n = 0;
    for (guint s = 0; b->spans && s < b->spans->len; s++) {
        const JxSpan *span = g_ptr_array_index(b->spans, s);
        for (const char *p = span->placeholder ? span->text : ""; (p = strstr(p, "【")) != NULL; p++)
            n++;
    }
    return n;
}

static int shown_placeholders(const JxReport *r)
{
    int n = 0;
    for (guint i = 0; i < r->blocks->len; i++) {
        const JxBlock *b = g_ptr_array_index(r->blocks, i);
        n += placeholders_in(b);
        for (int c = 0; b->kind == JX_BLOCK_TABLE && c < b->rows * b->cols; c++)
            n += placeholders_in(b->cells[c]);
    }
    return n;
}

/* The fields the template's body paragraphs show (not its tables). */
static void fields_in(const GPtrArray *nodes, gboolean *shown)
{
    for (guint i = 0; nodes && i < nodes->len; i++) {
        const JxNode *n = g_ptr_array_index(nodes, i);
        if (n->kind == JX_NODE_IF) {
            fields_in(n->when.then_nodes, shown);
            fields_in(n->when.else_nodes, shown);
            continue;
        }
        const JxPattern *p = n->kind == JX_NODE_PARAGRAPH ? n->paragraph.text : NULL;
        for (int s = 0; p && s < p->n; s++)
            if (p->segments[s].kind == JX_SEGMENT_FIELD && p->segments[s].format != JX_FORMAT_TEXT)
                shown[p->segments[s].index] = TRUE;
    }
}

static void sections_fields(const GPtrArray *sections, gboolean *shown)
{
    for (guint i = 0; i < sections->len; i++) {
        const JxSection *s = g_ptr_array_index(sections, i);
        fields_in(s->body, shown);
        sections_fields(s->sections, shown);
    }
}

/* The findings change no text, notes sit on figures, and every figure the
 * body shows whose cell was flagged carries one.  Returns the notes. */
static int check_notes(Tally *t, const JxBundle *bundle, const JxModel *m, const JxReport *plain,
                       const JxReport *noted, const GPtrArray *findings, GString *problems)
{
    for (guint i = 0; i < plain->blocks->len && i < noted->blocks->len; i++) {
        const JxBlock *a = g_ptr_array_index(plain->blocks, i), *b = g_ptr_array_index(noted->blocks, i);
        if (b->spans == NULL)
            continue;
        g_autofree char *ta = jx_block_text(a);
        g_autofree char *tb = jx_block_text(b);
        if (strcmp(ta, tb) != 0)
            g_string_append_printf(problems, "#   the findings change the text:\n#     %s\n#     %s\n", ta, tb);
        for (guint s = 0; s < b->spans->len; s++) {
            const JxSpan *span = g_ptr_array_index(b->spans, s);
            if (span->note != NULL && strpbrk(span->text, "0123456789") == NULL)
                g_string_append_printf(problems, "#   a note on a text that is no figure: %s\n", span->text);
        }
    }
    if (plain->blocks->len != noted->blocks->len)
        g_string_append(problems, "#   the findings change the blocks\n");
    gboolean *shown = g_new0(gboolean, bundle->schema->fields->len + 1);
    sections_fields(bundle->template->sections, shown);
    int flagged = 0;
    for (guint f = 0; f < bundle->schema->fields->len; f++) {
        const JxValue *v = &m->fields[f];
        if (!shown[f] || v->cell == NULL || jx_value_is_empty(v))
            continue;
        for (guint k = 0; k < findings->len; k++) {
            const JxFinding *x = g_ptr_array_index(findings, k);
            if (x->severity != JX_SEVERITY_NOTE && x->sheet == v->sheet && x->row <= v->row &&
                v->row <= MAX(x->row, x->row2) && x->col <= v->col && v->col <= MAX(x->col, x->col2)) {
                flagged++;
                break;
            }
        }
    }
    g_free(shown);
    t->flagged_shown += flagged;
    if (noted->notes < flagged)
        g_string_append_printf(problems, "#   %d shown figures were flagged, %d notes\n", flagged, noted->notes);
    return noted->notes;
}

/* ---- the cases ----------------------------------------------------------------------------- */

static JxBundle *bundle_for(Tally *t, const char *dir, const char *relative)
{
    g_autofree char *path = g_build_filename(dir, relative, NULL);
    JxBundle *bundle = g_hash_table_lookup(t->bundles, path);
    if (bundle == NULL) {
        GError *error = NULL;
        bundle = jx_bundle_load_file(path, NULL, &error);
        if (bundle == NULL || bundle->template == NULL) {
            g_printerr("%s: %s\n", path, error ? error->message : "no report template");
            exit(2);
        }
        g_hash_table_insert(t->bundles, g_strdup(path), bundle);
    }
    return bundle;
}

static void run_case(Tally *t, const char *dir, const cJSON *c)
{
    const char *id = cJSON_GetObjectItem(c, "id")->valuestring;
    gboolean clean = !cJSON_IsString(cJSON_GetObjectItem(c, "fault"));
    const JxBundle *bundle = bundle_for(t, dir, cJSON_GetObjectItem(c, "schema")->valuestring);
    g_autoptr(JxWorkbook) wb = workbook_of(cJSON_GetObjectItem(c, "grid"), id);
    g_autoptr(JxModel) model = jx_model_build(bundle->schema, wb);
    g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func(jx_finding_free);
    jx_validate(model, findings);
    g_autoptr(JxComputePlan) plan = jx_compute_plan(model, JX_COMPUTE_MODE_VALUES, NULL);
    JxReportInput bare = { model, plan->record, NULL, NULL }, flagged = { model, plan->record, findings, NULL };
    GError *error = NULL;
    g_autoptr(JxReport) plain = jx_report_render(bundle->template, &bare, &error);
    g_autoptr(JxReport) noted = plain ? jx_report_render(bundle->template, &flagged, &error) : NULL;
    GString *problems = g_string_new(NULL);
    if (noted == NULL) {
        g_string_append_printf(problems, "#   no report: %s\n", error ? error->message : "?");
        g_clear_error(&error);
    } else {
        if (clean) {   /* a fault changes a figure or two: the rules are read on the clean ones */
            check_line_items(model, plain, problems);
            check_indicators(model, plain, problems);
            check_absences(model, plain, problems);
            check_sentences(plain, problems);
        }
        int shown = shown_placeholders(noted);
        if (shown != noted->placeholders)
            g_string_append_printf(problems, "#   %d placeholders shown, %d counted\n", shown, noted->placeholders);
        t->notes += check_notes(t, bundle, model, plain, noted, findings, problems);
    }
    t->cases++;
    t->departments += clean;
    t->faults += !clean;
    gboolean ok = problems->len == 0;
    t->failed += !ok;
    printf("%s %d report of %s (%s)\n", ok ? "ok" : "not ok", t->cases, id,
           cJSON_GetObjectItem(c, "department")->valuestring);
    if (!ok)
        fputs(problems->str, stdout);
    g_string_free(problems, TRUE);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s DIR (with DIR/cases.jsonl from tests/generator/generate.py)\n", argv[0]);
        return 2;
    }
    g_autofree char *path = g_build_filename(argv[1], "cases.jsonl", NULL);
    FILE *in = fopen(path, "r");
    if (in == NULL) {
        perror(path);
        return 2;
    }
    Tally t = { 0 };
    t.bundles = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)jx_bundle_free);
    size_t size = 0;
    char *line = NULL;
    while (getline(&line, &size, in) > 0) {
        cJSON *c = cJSON_Parse(line);
        if (c == NULL) {
            fprintf(stderr, "%s: a line is not JSON\n", path);
            return 2;
        }
        run_case(&t, argv[1], c);
        cJSON_Delete(c);
    }
    free(line);
    fclose(in);
    printf("1..%d\n", t.cases);
    printf("# report (generated): %d departments and %d planted faults reported; %d notes on flagged figures "
           "(%d shown figures flagged), %d cases failed\n", t.departments, t.faults, t.notes, t.flagged_shown,
           t.failed);
    g_hash_table_unref(t.bundles);
    return t.failed ? 1 : 0;
}

/*
 * template_bench.c: what the report template costs, built against either
 * engine.  By default the current one: the bundle loads the schema and
 * compiles its template once (template.c), render.c walks the typed tree
 * for every report.  With -DJX_BENCH_OLD, the engine before it (its sources
 * taken from git by tools/bench/template.py): the loader checked the raw
 * cJSON template, and template.c walked it again for every report,
 * splitting every string anew.
 *
 * What the template adds to loading a schema is timed as the difference
 * between loading the schema file and loading it without its "report" key
 * (the loaders themselves changed in between: only the template's part is
 * compared).  Both render the default template on the same generated
 * departments (tests/unit/department.h), with the figures Compute would
 * write standing in for computed cells, as the Report command does; models
 * are built outside the timing.  Prints one line of JSON: median times of a
 * load, a load without the template, and one report, in µs.
 *
 * Usage: template-bench SCHEMA DEPARTMENTS ROUNDS
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <glib.h>

#include "core/compute.h"
#include "core/model.h"
#include "core/report.h"
#include "core/schema.h"
#ifdef JX_BENCH_OLD
#include "core/template.h"
#else
#include "core/bundle.h"
#include "core/render.h"
#endif
#include "department.h"

#ifdef JX_BENCH_OLD
typedef JxSchema Loaded;
static Loaded *load(const char *json, gsize length) { return jx_schema_load_data(json, length, NULL, NULL); }
static const JxSchema *schema_of(const Loaded *l) { return l; }
static JxReport *render(const Loaded *l, const JxReportInput *in) { return jx_report_build(l, in); }
static void unload(Loaded *l) { jx_schema_free(l); }
#else
typedef JxBundle Loaded;
static Loaded *load(const char *json, gsize length) { return jx_bundle_load_data(json, length, NULL, NULL); }
static const JxSchema *schema_of(const Loaded *l) { return l->schema; }
static JxReport *render(const Loaded *l, const JxReportInput *in) { return jx_report_render(l->template, in, NULL); }
static void unload(Loaded *l) { jx_bundle_free(l); }
#endif

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *values, int n)
{
    qsort(values, (size_t)n, sizeof *values, compare);
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s SCHEMA DEPARTMENTS ROUNDS\n", argv[0]);
        return 2;
    }
    char *json = NULL;
    gsize length = 0;
    if (!g_file_get_contents(argv[1], &json, &length, NULL)) {
        fprintf(stderr, "template-bench: cannot read %s\n", argv[1]);
        return 1;
    }
    int departments = atoi(argv[2]), rounds = atoi(argv[3]);
    if (departments < 1 || rounds < 1)
        return 2;

    /* the same schema without its template */
    cJSON *root = cJSON_Parse(json);
    cJSON_DeleteItemFromObjectCaseSensitive(root, "report");
    char *bare = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);

    double *loads = g_new(double, rounds), *bare_loads = g_new(double, rounds), *reports = g_new(double, rounds);
    for (int r = 0; r < rounds; r++) {   /* alternating, so both see the same machine */
        gint64 start = g_get_monotonic_time();
        Loaded *l = load(json, length);
        loads[r] = (double)(g_get_monotonic_time() - start);
        start = g_get_monotonic_time();
        Loaded *b = load(bare, strlen(bare));
        bare_loads[r] = (double)(g_get_monotonic_time() - start);
        if (l == NULL || b == NULL) {
            fprintf(stderr, "template-bench: %s does not load\n", argv[1]);
            return 1;
        }
        unload(l);
        unload(b);
    }

    Loaded *loaded = load(json, length);
    const JxSchema *schema = schema_of(loaded);
    Department **made = g_new(Department *, departments);
    JxModel **models = g_new(JxModel *, departments);
    JxComputePlan **plans = g_new(JxComputePlan *, departments);
    for (int d = 0; d < departments; d++) {
        made[d] = generate(schema, (guint)d + 1);
        models[d] = jx_model_build(schema, made[d]->wb);
        plans[d] = jx_compute_plan(models[d], JX_COMPUTE_MODE_VALUES, NULL);
    }
    long blocks = 0;
    for (int r = 0; r < rounds; r++) {
        gint64 start = g_get_monotonic_time();
        for (int d = 0; d < departments; d++) {
            JxReportInput input = { models[d], plans[d]->record, models[d]->findings, NULL };
            JxReport *report = render(loaded, &input);
            blocks += report ? (long)report->blocks->len : 0;
            jx_report_free(report);
        }
        reports[r] = (double)(g_get_monotonic_time() - start) / departments;
    }
    printf("{\"load_us\": %.1f, \"bare_load_us\": %.1f, \"report_us\": %.1f, \"departments\": %d, "
           "\"rounds\": %d, \"blocks\": %ld}\n", median(loads, rounds), median(bare_loads, rounds),
           median(reports, rounds), departments, rounds, blocks / rounds);

    for (int d = 0; d < departments; d++) {
        jx_compute_plan_free(plans[d]);
        jx_model_free(models[d]);
        department_free(made[d]);
    }
    g_free(plans);
    g_free(models);
    g_free(made);
    unload(loaded);
    g_free(loads);
    g_free(bare_loads);
    cJSON_free(bare);
    g_free(reports);
    g_free(json);
    return 0;
}

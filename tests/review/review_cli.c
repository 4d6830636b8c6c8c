/*
 * review_cli.c: the review's core on plain-text reports, without an office:
 * for the generated reports (tests/review/run-generated.sh) and the
 * benchmarks (tools/bench).
 *
 *   review-cli FILE.txt…               the findings JSON of each, one per line
 *   review-cli --time RUNS FILE.txt…   median milliseconds to review each
 *                                      (reading the file excluded), and its
 *                                      paragraphs
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "core/error.h"
#include "core/review.h"

#define MAX_BYTES (64u << 20)

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int time_reviews(int runs, char **files, int n)
{
    for (int i = 0; i < n; i++) {
        GError *error = NULL;
        g_autoptr(GPtrArray) paragraphs = jx_review_read_text_file(files[i], MAX_BYTES, &error);
        if (paragraphs == NULL) {
            fprintf(stderr, "review-cli: %s\n", error->message);
            g_error_free(error);
            return 2;
        }
        double *ms = g_new(double, runs);
        for (int r = 0; r < runs; r++) {
            gint64 start = g_get_monotonic_time();
            GPtrArray *findings = jx_review_run(paragraphs, NULL);
            ms[r] = (g_get_monotonic_time() - start) / 1e3;
            g_ptr_array_unref(findings);
        }
        qsort(ms, (size_t)runs, sizeof *ms, compare_doubles);
        printf("{\"file\": \"%s\", \"paragraphs\": %u, \"median_ms\": %.3f, \"min_ms\": %.3f}\n", files[i],
               paragraphs->len, ms[runs / 2], ms[0]);
        g_free(ms);
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 4 && strcmp(argv[1], "--time") == 0)
        return time_reviews(MAX(atoi(argv[2]), 1), argv + 3, argc - 3);
    if (argc < 2) {
        fprintf(stderr, "usage: review-cli FILE.txt… | review-cli --time RUNS FILE.txt…\n");
        return 2;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        GError *error = NULL;
        g_autoptr(GPtrArray) paragraphs = jx_review_read_text_file(argv[i], MAX_BYTES, &error);
        g_autoptr(GPtrArray) findings = paragraphs ? jx_review_run(paragraphs, NULL) : NULL;
        g_autofree char *failure = error ? jx_error_text(error, JX_LANG_EN) : NULL;
        g_autofree char *json = jx_review_to_json(findings, paragraphs, argv[i], failure);
        /* one line per report */
        for (char *c = json; *c; c++)
            if (*c == '\n')
                *c = ' ';
        printf("%s\n", json);
        if (error) {
            status = 2;
            g_error_free(error);
        }
    }
    return status;
}

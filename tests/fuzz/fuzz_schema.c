/*
 * fuzz_schema.c: libFuzzer harness for the schema loader, and for what a
 * loaded schema drives: the workbook model, validation, the compute plan
 * and the JSON writers.
 *
 * The input is the schema's JSON.  Any bytes must load or fail cleanly:
 * NULL exactly when an error is set, at least one problem on failure and
 * none on success, every problem's path a JSON path ("$…"), texts UTF-8
 * when the input was.  A schema that loads is then run on a small workbook
 * made from the schema itself (every sheet, field and table placed where
 * the schema looks for it, the values drawn from a list of awkward ones:
 * error cells, text in number cells, 1e308, -0, empty cells, quantities),
 * and everything it produces must be sound: findings with texts and
 * addresses, a compute plan whose cells lie in the workbook, JSON that
 * parses, a report whose tables are whole and whose flat ODT is well-formed
 * XML (tests/fuzz/fuzz_exercise.h).  The same bytes also go to the compute record reader
 * (jx_compute_record_from_json), which reads JSON kept in documents.
 *
 * Built and run by `make fuzz` (tests/fuzz/fuzz.mk); by hand:
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Iaddin \
 *     $(pkg-config --cflags glib-2.0 libcjson) tests/fuzz/fuzz_schema.c \
 *     addin/core/[a-z]*.c $(pkg-config --libs glib-2.0 libcjson) -lm -o /tmp/fs
 *   /tmp/fs -dict=tests/fuzz/schema.dict /tmp/corpus tests/fuzz/corpus/schema
 */
#include "fuzz_exercise.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    /* GLib's g_warning/g_critical from a precondition would abort under
     * G_DEBUG=fatal-warnings; keep the default (log and go on) but quiet. */
    g_log_set_always_fatal(G_LOG_FATAL_MASK);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1024 * 1024)
        return -1;   /* the loader caps schemas at 8 MB; keep runs fast */
    char *json = g_malloc(size + 1);
    memcpy(json, data, size);
    json[size] = '\0';
    gboolean texts_valid = g_utf8_validate(json, (gssize)size, NULL);

    GPtrArray *problems = g_ptr_array_new_with_free_func(jx_schema_problem_free);
    GError *error = NULL;
    JxSchema *schema = jx_schema_load_data(json, size, problems, &error);
    CHECK((schema == NULL) == (error != NULL));
    if (schema == NULL) {
        CHECK(error->domain == JX_ERROR);
        CHECK(problems->len > 0 || error->code != JX_ERROR_SCHEMA);
        char *zh = jx_error_text(error, JX_LANG_ZH);
        char *en = jx_error_text(error, JX_LANG_EN);
        CHECK(zh != NULL && en != NULL && zh[0] != '\0' && en[0] != '\0');
        if (texts_valid)
            CHECK(g_utf8_validate(zh, -1, NULL) && g_utf8_validate(en, -1, NULL));
        g_free(zh);
        g_free(en);
        g_error_free(error);
    } else {
        CHECK(problems->len == 0);
    }
    for (guint i = 0; i < problems->len; i++) {
        const JxSchemaProblem *p = g_ptr_array_index(problems, i);
        CHECK(p->path != NULL && p->path[0] == '$');
        CHECK(p->zh != NULL && p->en != NULL);
        if (texts_valid)
            CHECK(g_utf8_validate(p->zh, -1, NULL) && g_utf8_validate(p->en, -1, NULL));
    }
    g_ptr_array_unref(problems);

    /* without a problem list: the same outcome */
    JxSchema *again = jx_schema_load_data(json, size, NULL, NULL);
    CHECK((again == NULL) == (schema == NULL));
    jx_schema_free(again);

    if (schema != NULL) {
        guint seed = size > 0 ? data[size / 2] + data[size - 1] * 31u : 0;
        run_schema(schema, seed, texts_valid);
        jx_schema_free(schema);
    }

    /* the compute record kept in a document is JSON from the document */
    GHashTable *record = jx_compute_record_from_json(json);
    if (record != NULL)
        g_hash_table_unref(record);

    g_free(json);
    return 0;
}

/*
 * fuzz_template.c: libFuzzer harness for the report template engine:
 * compiling a template when its schema loads (core/bundle.h, template.h),
 * rendering it on a workbook (core/render.h) and writing the report as flat
 * ODT.
 *
 * The input is the JSON of the schema's "report" key: it is spliced into
 * the default schema (registration/schema/hunan-department-2023.json, read
 * once), so the template's references meet real fields, tables and columns.
 * A template that fails to load must say why (a problem under $.report); one
 * that loads is expanded on a workbook laid out from the schema with
 * awkward values (fuzz_exercise.h), and the report must be sound: tables
 * whole, headings numbered, texts UTF-8, the flat ODT well-formed XML with
 * no control characters.
 *
 * Built and run by `make fuzz` (tests/fuzz/fuzz.mk), from the repository
 * root (the default schema is found from there, or at $JX_FUZZ_SCHEMA).
 */
#include "fuzz_exercise.h"

#include "core/bundle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define DEFAULT_SCHEMA "registration/schema/hunan-department-2023.json"

static char *schema_head;    /* the default schema without its report, open at the end */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    g_log_set_always_fatal(G_LOG_FATAL_MASK);
    const char *path = g_getenv("JX_FUZZ_SCHEMA") ? g_getenv("JX_FUZZ_SCHEMA") : DEFAULT_SCHEMA;
    char *text = NULL;
    gsize length = 0;
    if (!g_file_get_contents(path, &text, &length, NULL)) {
        g_printerr("fuzz_template: cannot read %s (run from the repository root)\n", path);
        abort();
    }
    cJSON *root = cJSON_Parse(text);
    CHECK(root != NULL);
    cJSON_DeleteItemFromObject(root, "report");
    char *rest = cJSON_PrintUnformatted(root);
    gsize n = strlen(rest);
    CHECK(n >= 2 && rest[n - 1] == '}');
    rest[n - 1] = '\0';
    schema_head = g_strconcat(rest, ",\"report\":", NULL);
    cJSON_free(rest);
    cJSON_Delete(root);
    g_free(text);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256 * 1024)
        return -1;
    gsize head = strlen(schema_head);
    char *json = g_malloc(head + size + 2);
    memcpy(json, schema_head, head);
    memcpy(json + head, data, size);
    json[head + size] = '}';
    json[head + size + 1] = '\0';
    gsize length = head + size + 1;
    gboolean texts_valid = g_utf8_validate(json, (gssize)length, NULL);

    GPtrArray *problems = g_ptr_array_new_with_free_func(jx_schema_problem_free);
    GError *error = NULL;
    JxBundle *bundle = jx_bundle_load_data(json, length, problems, &error);
    JxSchema *schema = bundle ? bundle->schema : NULL;
    CHECK((schema == NULL) == (error != NULL));
    CHECK((schema == NULL) == (problems->len > 0) || error->code != JX_ERROR_SCHEMA);
    for (guint i = 0; i < problems->len; i++) {
        const JxSchemaProblem *p = g_ptr_array_index(problems, i);
        CHECK(p->path != NULL && p->path[0] == '$' && p->zh != NULL && p->en != NULL);
        if (texts_valid)
            CHECK(g_utf8_validate(p->zh, -1, NULL) && g_utf8_validate(p->en, -1, NULL));
    }
    g_ptr_array_unref(problems);
    g_clear_error(&error);

    if (schema != NULL) {
        guint seed = size > 0 ? data[size / 2] + data[size - 1] * 31u : 0;
        run_schema(schema, seed, texts_valid);
        jx_bundle_free(bundle);
    }
    g_free(json);
    return 0;
}

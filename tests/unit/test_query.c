/*
 * test_query.c: the one parser of command arguments, as the headless door
 * ("validate&in=…") and the menu and panel ("mode=values") pass them.
 */
#include <glib.h>

#include "ui/query.h"

static void test_door_command_and_values(void)
{
    g_autoptr(JxQuery) q = jx_query_parse("validate&in=%2Ftmp%2F%E7%A7%91%E5%8D%8F%20a.ods&out=/x/f.json&stay=1");
    g_assert_cmpstr(q->command, ==, "validate");
    g_assert_cmpstr(jx_query_get(q, "in"), ==, "/tmp/科协 a.ods");
    g_assert_cmpstr(jx_query_get(q, "out"), ==, "/x/f.json");
    g_assert_true(jx_query_is(q, "stay", "1"));
    g_assert_null(jx_query_get(q, "schema"));
    g_assert_cmpuint(g_hash_table_size(q->values), ==, 3);
}

static void test_menu_values_without_command(void)
{
    g_autoptr(JxQuery) q = jx_query_parse("mode=values&hidden=1");
    g_assert_cmpstr(q->command, ==, "");
    g_assert_cmpstr(jx_query_get(q, "mode"), ==, "values");
    g_assert_true(jx_query_is(q, "hidden", "1"));
    g_assert_false(jx_query_is(q, "hidden", "0"));
    g_assert_false(jx_query_is(q, "absent", "1"));
}

static void test_empty_and_null(void)
{
    const char *texts[] = { NULL, "", "&", "&&&" };
    for (gsize i = 0; i < G_N_ELEMENTS(texts); i++) {
        g_autoptr(JxQuery) q = jx_query_parse(texts[i]);
        g_assert_cmpstr(q->command, ==, "");
        g_assert_cmpuint(g_hash_table_size(q->values), ==, 0);
    }
}

/* The first bare part is the command; later bare parts are ignored; a key
 * given twice keeps its last value; a key is matched whole. */
static void test_first_command_last_value(void)
{
    g_autoptr(JxQuery) q = jx_query_parse("report&extra&in=a.ods&in=b.ods&input=c.ods&formats=&=odd");
    g_assert_cmpstr(q->command, ==, "report");
    g_assert_cmpstr(jx_query_get(q, "in"), ==, "b.ods");
    g_assert_cmpstr(jx_query_get(q, "input"), ==, "c.ods");
    g_assert_cmpstr(jx_query_get(q, "formats"), ==, "");
    g_assert_cmpstr(jx_query_get(q, ""), ==, "odd");
    g_assert_null(jx_query_get(q, "extra"));
}

/* Values that do not decode are kept as written; "=" inside a value and an
 * encoded "&" stay in the value. */
static void test_values_that_do_not_decode(void)
{
    g_autoptr(JxQuery) q = jx_query_parse("x&a=100%.ods&b=%00&c=k=v&d=1%262&e=%2");
    g_assert_cmpstr(jx_query_get(q, "a"), ==, "100%.ods");
    g_assert_cmpstr(jx_query_get(q, "b"), ==, "%00");
    g_assert_cmpstr(jx_query_get(q, "c"), ==, "k=v");
    g_assert_cmpstr(jx_query_get(q, "d"), ==, "1&2");
    g_assert_cmpstr(jx_query_get(q, "e"), ==, "%2");
}

static void test_encoded_command(void)
{
    g_autoptr(JxQuery) q = jx_query_parse("%76alidate&in=x");
    g_assert_cmpstr(q->command, ==, "validate");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/query/door-command-and-values", test_door_command_and_values);
    g_test_add_func("/query/menu-values-without-command", test_menu_values_without_command);
    g_test_add_func("/query/empty-and-null", test_empty_and_null);
    g_test_add_func("/query/first-command-last-value", test_first_command_last_value);
    g_test_add_func("/query/values-that-do-not-decode", test_values_that_do_not_decode);
    g_test_add_func("/query/encoded-command", test_encoded_command);
    return g_test_run();
}

/*
 * lang.c: reading the UI language from the configuration.
 */
#include "ui/lang.h"

#include <stdlib.h>

#include "uno/any.h"
#include "uno/call.h"
#include "uno/office.h"
#include "uno/sequence.h"
#include "uno/ustring.h"

/* A string setting of the configuration, newly allocated, or NULL. */
static char *configured(uno_Interface *context, const char *node, const char *setting)
{
    uno_Interface *provider = jx_office_create(context,
        "com.sun.star.configuration.ConfigurationProvider", NULL);
    if (provider == NULL)
        return NULL;
    static const char *const names[] = { "nodepath" };
    uno_Any values[1];
    jx_any_construct_string(&values[0], node);
    uno_Sequence *props = jx_office_properties(names, values, 1);
    uno_any_destruct(&values[0], NULL);
    /* the arguments are anys holding PropertyValues */
    uno_Sequence *args = jx_seq_new("[]any", 1);
    uno_any_destruct(&JX_SEQ_ELEMENT(args, uno_Any, 0), NULL);
    jx_any_construct_value(&JX_SEQ_ELEMENT(args, uno_Any, 0), props->elements,
                           "com.sun.star.beans.PropertyValue");
    jx_seq_release(props, "[]com.sun.star.beans.PropertyValue");
    rtl_uString *service = jx_ustr_new("com.sun.star.configuration.ConfigurationAccess");
    uno_Interface *access = NULL;
    void *call_args[] = { &service, &args };
    jx_invoke(provider, "com.sun.star.lang.XMultiServiceFactory::createInstanceWithArguments",
              &access, call_args, NULL);
    rtl_uString_release(service);
    jx_seq_release(args, "[]any");
    jx_release(&provider);
    if (access == NULL)
        return NULL;
    rtl_uString *name = jx_ustr_new(setting);
    uno_Any value;
    void *name_args[] = { &name };
    char *locale = NULL;
    if (jx_invoke(access, "com.sun.star.container.XNameAccess::getByName", &value, name_args, NULL)) {
        locale = jx_any_get_utf8(&value);
        uno_any_destruct(&value, NULL);
    }
    rtl_uString_release(name);
    jx_release(&access);
    return locale;
}

JxLang jx_ui_lang(uno_Interface *context)
{
    static gsize once = 0;
    static JxLang lang = JX_LANG_ZH;
    if (g_once_init_enter(&once)) {
        /* the language chosen in Tools ▸ Options, else the installation's */
        g_autofree char *chosen = context ? configured(context, "/org.openoffice.Office.Linguistic/General",
                                                       "UILocale") : NULL;
        g_autofree char *installed = context ? configured(context, "/org.openoffice.Setup/L10N",
                                                          "ooLocale") : NULL;
        const char *locale = chosen && chosen[0] ? chosen : installed;
        const char *env = getenv("LC_ALL");
        if (env == NULL || env[0] == '\0')
            env = getenv("LANG");
        lang = jx_lang_from_code(locale && locale[0] ? locale : env);
        g_once_init_leave(&once, 1);
    }
    return lang;
}

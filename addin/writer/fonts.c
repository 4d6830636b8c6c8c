/*
 * fonts.c: the installed font families, asked once from the office's
 * toolkit (a screen-compatible device lists every face fontconfig offers,
 * headless too), then cached for the process.
 */
#include "writer/fonts.h"

#include <string.h>

#include "uno/call.h"
#include "uno/office.h"
#include "uno/sequence.h"
#include "uno/structs.h"
#include "uno/types.h"
#include "uno/ustring.h"

static GHashTable *installed_families(uno_Interface *context)
{
    static GMutex lock;
    static GHashTable *families;
    g_mutex_lock(&lock);
    if (families == NULL) {
        families = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        uno_Interface *toolkit = jx_office_create(context, "com.sun.star.awt.Toolkit", NULL);
        uno_Interface *device = NULL;
        sal_Int32 width = 1, height = 1;
        void *args[] = { &width, &height };
        if (toolkit)
            jx_invoke(toolkit, "com.sun.star.awt.XToolkit::createScreenCompatibleDevice", &device, args, NULL);
        uno_Sequence *descriptors = NULL;
        if (device &&
            jx_invoke(device, "com.sun.star.awt.XDevice::getFontDescriptors", &descriptors, NULL, NULL)) {
            typelib_TypeDescription *td = jx_type_description("com.sun.star.awt.FontDescriptor");
            for (sal_Int32 i = 0; td && i < descriptors->nElements; i++) {
                void *d = descriptors->elements + (gsize)i * (gsize)td->nSize;
                g_hash_table_add(families, jx_struct_string("com.sun.star.awt.FontDescriptor", d, "Name"));
            }
            jx_seq_release(descriptors, "[]com.sun.star.awt.FontDescriptor");
        }
        jx_release(&device);
        jx_release(&toolkit);
    }
    g_mutex_unlock(&lock);
    return families;
}

void jx_fonts_choose(uno_Interface *context, char *fonts[JX_FONT_COUNT], GPtrArray *notes)
{
    static const char *const role_names[JX_FONT_COUNT][2] = {
        { "标题（小标宋）", "title (Xiaobiaosong)" }, { "一级标题（黑体）", "level-1 headings (Hei)" },
        { "二级标题（楷体）", "level-2 headings (Kai)" }, { "正文（仿宋）", "body text (Fangsong)" },
        { "页码（宋体）", "page numbers (Song)" },
    };
    GHashTable *installed = installed_families(context);
    gboolean known = g_hash_table_size(installed) > 0;
    for (int role = 0; role < JX_FONT_COUNT; role++) {
        const char *const *preferences = jx_font_preferences((JxFontRole)role);
        const char *chosen = NULL;
        for (int i = 0; preferences[i] && chosen == NULL; i++)
            if (!known || g_hash_table_contains(installed, preferences[i]))
                chosen = preferences[i];
        /* official faces come before the fallbacks "Noto …" in each list */
        gboolean fallback = chosen == NULL || g_str_has_prefix(chosen, "Noto") ||
                            g_str_has_prefix(chosen, "AR PL") || g_str_has_prefix(chosen, "WenQuanYi");
        if (chosen == NULL)
            chosen = preferences[0];
        fonts[role] = g_strdup(chosen);
        if (fallback && notes != NULL) {
            g_ptr_array_add(notes, g_strdup_printf("%s：未安装%s，已改用“%s”", role_names[role][0],
                                                   preferences[0], chosen));
            g_ptr_array_add(notes, g_strdup_printf("%s: %s is not installed; '%s' is used instead",
                                                   role_names[role][1], preferences[0], chosen));
        }
    }
}

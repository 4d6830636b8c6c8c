/*
 * package.c: where the extension was unpacked.
 */
#include "ui/package.h"

#include "core/error.h"
#include "uno/any.h"
#include "uno/call.h"
#include "uno/office.h"
#include "uno/ustring.h"

char *jx_package_url(uno_Interface *context, GError **error)
{
    rtl_uString *name = jx_ustr_new("/singletons/com.sun.star.deployment.PackageInformationProvider");
    uno_Any any;
    void *args[] = { &name };
    gboolean ok = jx_invoke(context, "com.sun.star.uno.XComponentContext::getValueByName",
                            &any, args, error);
    rtl_uString_release(name);
    if (!ok)
        return NULL;
    uno_Interface *provider = jx_office_any_interface(&any);
    uno_any_destruct(&any, NULL);
    if (provider == NULL) {
        jx_set_error(error, JX_ERROR_IO, "找不到扩展信息服务", "the package information provider is missing");
        return NULL;
    }
    rtl_uString *id = jx_ustr_new(JX_EXTENSION_ID);
    rtl_uString *location = NULL;
    void *id_args[] = { &id };
    ok = jx_invoke(provider, "com.sun.star.deployment.XPackageInformationProvider::getPackageLocation",
                   &location, id_args, error);
    rtl_uString_release(id);
    jx_release(&provider);
    if (!ok)
        return NULL;
    char *url = jx_ustr_to_utf8(location);
    rtl_uString_release(location);
    if (url[0] == '\0') {
        g_free(url);
        jx_set_error(error, JX_ERROR_IO, "扩展 %s 未安装", "the extension %s is not installed",
                     JX_EXTENSION_ID);
        return NULL;
    }
    return url;
}

char *jx_package_path(uno_Interface *context, const char *relative, GError **error)
{
    g_autofree char *url = jx_package_url(context, error);
    if (url == NULL)
        return NULL;
    g_autofree char *root = g_filename_from_uri(url, NULL, NULL);
    if (root == NULL) {
        jx_set_error(error, JX_ERROR_IO, "扩展位置不是本地文件：%s", "the extension is not on a local disk: %s",
                     url);
        return NULL;
    }
    return g_build_filename(root, relative, NULL);
}

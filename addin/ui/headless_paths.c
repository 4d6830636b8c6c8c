/*
 * headless_paths.c: the door's dealings with paths from outside.
 */
#include "ui/headless_paths.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/error.h"
#include "core/xml.h"
#include "ui/documents.h"
#include "ui/form_check.h"
#include "ui/package.h"
#include "ui/schema_cache.h"
#include "uno/call.h"

void jx_door_say(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    g_autofree char *text = g_strdup_vprintf(format, args);
    va_end(args);
    g_autofree char *shown = jx_text_printable(text);
    fputs(shown, stderr);
    fflush(stderr);
}

static gboolean check_input(const char *path, GError **error)
{
    GStatBuf st;
    if (g_stat(path, &st) != 0) {
        jx_set_error(error, JX_ERROR_IO, "找不到文件 %s", "%s does not exist", path);
        return FALSE;
    }
    if (S_ISDIR(st.st_mode)) {
        jx_set_error(error, JX_ERROR_IO, "%s 是文件夹，不是工作簿", "%s is a folder, not a workbook", path);
        return FALSE;
    }
    if (!S_ISREG(st.st_mode) || g_access(path, R_OK) != 0) {
        jx_set_error(error, JX_ERROR_IO, "无法读取 %s（不是普通文件或没有读取权限）",
                     "cannot read %s (not a regular file, or no permission to read it)", path);
        return FALSE;
    }
    return TRUE;
}

/* FALSE with the one message that says so if document is a spreadsheet
 * but not the schema's workbook: findings of every sheet it lacks would
 * not tell a person what is wrong.  TRUE if the schema cannot be read (the
 * validation then says why). */
static gboolean check_form(uno_Interface *context, uno_Interface *document, const char *schema_path,
                           GError **error)
{
    const JxBundle *bundle = jx_schema_cache_get(context, schema_path, NULL);
    if (bundle == NULL)
        return TRUE;
    if (schema_path != NULL)   /* a bureau's own schema comes with its own workbook */
        return jx_form_check(document, bundle->schema, JX_FORM_WAY_BUREAU, NULL, error);
    g_autofree char *standard = jx_package_path(context, JX_STANDARD_WORKBOOK, NULL);
    return jx_form_check(document, bundle->schema, standard ? JX_FORM_WAY_PATH : JX_FORM_WAY_BUREAU, standard,
                         error);
}

uno_Interface *jx_door_open_workbook(uno_Interface *context, const char *path, const char *schema_path,
                                     GError **error)
{
    if (!check_input(path, error))
        return NULL;
    GError *office = NULL;
    uno_Interface *document = jx_document_open(context, path, TRUE, &office);
    if (document == NULL) {
        /* the office's own words ("Unsupported URL …") name no cause a person can act on */
        jx_set_error(error, JX_ERROR_IO,
                     "LibreOffice 无法打开 %s：文件已损坏、设有密码，或不是它能读取的文档",
                     "LibreOffice cannot open %s: the file is damaged, password-protected, "
                     "or not a document it reads", path);
        g_clear_error(&office);
        return NULL;
    }
    uno_Interface *spreadsheet = jx_query(document, "com.sun.star.sheet.XSpreadsheetDocument");
    if (spreadsheet == NULL) {
        jx_set_error(error, JX_ERROR_IO, "%s 不是电子表格：LibreOffice 把它当作其他种类的文档打开",
                     "%s is not a spreadsheet: LibreOffice opened it as another kind of document", path);
        jx_document_close(&document);
    } else if (!check_form(context, document, schema_path, error)) {
        jx_document_close(&document);
    }
    jx_release(&spreadsheet);
    return document;
}

/* Two paths name one file: the same inode when both exist, else the same
 * canonical path (an output not written yet cannot be a hard link). */
static gboolean same_file(const char *a, const char *b)
{
    GStatBuf sa, sb;
    if (g_stat(a, &sa) == 0 && g_stat(b, &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    g_autofree char *ca = g_canonicalize_filename(a, NULL);
    g_autofree char *cb = g_canonicalize_filename(b, NULL);
    return strcmp(ca, cb) == 0;
}

gboolean jx_door_check_output(const char *out, const char *in, GError **error)
{
    if (!same_file(out, in))
        return TRUE;
    jx_set_error(error, JX_ERROR_INVALID, "输出 %s 就是输入文件；绩效自评助手从不改写输入，请另选输出路径",
                 "the output %s is the input file; Jixiao never writes its inputs: choose another output path",
                 out);
    return FALSE;
}

gboolean jx_door_check_name(const char *name, GError **error)
{
    gboolean plain = name[0] != '\0' && name[0] != '.' && strlen(name) <= 200 &&
                     strchr(name, '/') == NULL && strchr(name, '\\') == NULL &&
                     g_utf8_validate(name, -1, NULL);
    for (const char *c = name; plain && *c; c++)
        plain = (unsigned char)*c >= 0x20 && *c != 0x7f;
    if (plain)
        return TRUE;
    g_autofree char *shown = g_utf8_make_valid(name, -1);
    for (char *c = shown; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            *c = '?';   /* the message is one line */
    jx_set_error(error, JX_ERROR_INVALID,
                 "name=“%s” 不可用：只能是一个文件名（不含目录、不以点开头、不含控制字符）",
                 "name='%s' cannot be used: give a plain file name (no folder, no leading dot, no control characters)",
                 shown);
    return FALSE;
}

gboolean jx_door_make_parent_folder(const char *path, GError **error)
{
    g_autofree char *folder = g_path_get_dirname(path);
    if (g_mkdir_with_parents(folder, 0755) == 0)
        return TRUE;
    int code = errno;
    jx_set_error(error, JX_ERROR_IO, "无法创建目录 %s：%s", "cannot create the folder %s: %s",
                 folder, g_strerror(code));
    return FALSE;
}

gboolean jx_door_write_text(const char *path, const char *text, GError **error)
{
    GError *io = NULL;
    if (!jx_door_make_parent_folder(path, error))
        return FALSE;
    if (g_file_set_contents(path, text, -1, &io))
        return TRUE;
    jx_set_error(error, JX_ERROR_IO, "无法写入 %s：%s", "cannot write %s: %s",
                 path, io->message);
    g_error_free(io);
    return FALSE;
}

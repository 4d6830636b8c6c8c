/*
 * units.c: the table of units Jixiao knows, and conversion between them.
 *
 * Aliases map to a canonical spelling so that "场次" and "场" stay distinct
 * (they are written for different things) but "％" and "%" are one unit.
 * COUNT units (个, 场, 期 …) are each their own unit: 3 个 is not 3 场.
 */
#include "core/units.h"

#include <math.h>
#include <string.h>

#include "core/error.h"

static const JxUnit units[] = {
    { "人", JX_DIM_PEOPLE, 1 },
    { "万人", JX_DIM_PEOPLE, 1e4 },
    { "人次", JX_DIM_PERSON_TIMES, 1 },
    { "万人次", JX_DIM_PERSON_TIMES, 1e4 },
    { "元", JX_DIM_MONEY, 1 },
    { "千元", JX_DIM_MONEY, 1e3 },
    { "万元", JX_DIM_MONEY, 1e4 },
    { "亿元", JX_DIM_MONEY, 1e8 },
    { "%", JX_DIM_PERCENT, 1 },
    { "‰", JX_DIM_PERCENT, 0.1 },
    { "百分点", JX_DIM_PERCENT, 1 },
    { "小时", JX_DIM_DURATION, 1.0 / 24 },
    { "天", JX_DIM_DURATION, 1 },
    { "个工作日", JX_DIM_DURATION, 1 },
    { "工作日", JX_DIM_DURATION, 1 },
    { "周", JX_DIM_DURATION, 7 },
    { "个月", JX_DIM_DURATION, 30 },
    { "月", JX_DIM_DURATION, 30 },
    { "年", JX_DIM_DURATION, 365 },
    { "平方米", JX_DIM_AREA, 1 },
    { "平方公里", JX_DIM_AREA, 1e6 },
    { "亩", JX_DIM_AREA, 2000.0 / 3 },
    { "公顷", JX_DIM_AREA, 1e4 },
    { "米", JX_DIM_LENGTH, 1 },
    { "公里", JX_DIM_LENGTH, 1e3 },
    { "千米", JX_DIM_LENGTH, 1e3 },
    { "吨", JX_DIM_MASS, 1e3 },
    { "千克", JX_DIM_MASS, 1 },
    { "公斤", JX_DIM_MASS, 1 },
    { "分", JX_DIM_SCORE, 1 },
    /* counts: each a unit of its own */
    { "个", JX_DIM_COUNT, 1 },   { "场", JX_DIM_COUNT, 1 },
    { "场次", JX_DIM_COUNT, 1 }, { "次", JX_DIM_COUNT, 1 },
    { "期", JX_DIM_COUNT, 1 },   { "家", JX_DIM_COUNT, 1 },
    { "项", JX_DIM_COUNT, 1 },   { "件", JX_DIM_COUNT, 1 },
    { "篇", JX_DIM_COUNT, 1 },   { "份", JX_DIM_COUNT, 1 },
    { "所", JX_DIM_COUNT, 1 },   { "户", JX_DIM_COUNT, 1 },
    { "条", JX_DIM_COUNT, 1 },   { "座", JX_DIM_COUNT, 1 },
    { "套", JX_DIM_COUNT, 1 },   { "台", JX_DIM_COUNT, 1 },
    { "辆", JX_DIM_COUNT, 1 },   { "册", JX_DIM_COUNT, 1 },
    { "本", JX_DIM_COUNT, 1 },   { "批", JX_DIM_COUNT, 1 },
    { "处", JX_DIM_COUNT, 1 },   { "张", JX_DIM_COUNT, 1 },
    { "部", JX_DIM_COUNT, 1 },   { "门", JX_DIM_COUNT, 1 },
    { "支", JX_DIM_COUNT, 1 },   { "株", JX_DIM_COUNT, 1 },
    { "棵", JX_DIM_COUNT, 1 },   { "头", JX_DIM_COUNT, 1 },
    { "只", JX_DIM_COUNT, 1 },   { "块", JX_DIM_COUNT, 1 },
    { "间", JX_DIM_COUNT, 1 },   { "栋", JX_DIM_COUNT, 1 },
    { "所学校", JX_DIM_COUNT, 1 }, { "个村", JX_DIM_COUNT, 1 },
    { "期次", JX_DIM_COUNT, 1 }, { "课时", JX_DIM_COUNT, 1 },
    { "节", JX_DIM_COUNT, 1 },   { "轮", JX_DIM_COUNT, 1 },
    { "届", JX_DIM_COUNT, 1 },   { "站", JX_DIM_COUNT, 1 },
    { "个站", JX_DIM_COUNT, 1 }, { "家次", JX_DIM_COUNT, 1 },
    { "户次", JX_DIM_COUNT, 1 }, { "车次", JX_DIM_COUNT, 1 },
    { "人日", JX_DIM_COUNT, 1 }, { "个百分点", JX_DIM_PERCENT, 1 },
};

/* Spellings that mean a canonical unit. */
static const struct { const char *alias; const char *canonical; } aliases[] = {
    { "％", "%" },   { "名", "人" },   { "位", "人" },   { "万名", "万人" },
    { "日", "天" },   { "元人民币", "元" }, { "km", "公里" }, { "m²", "平方米" },
    { "㎡", "平方米" }, { "kg", "千克" }, { "t", "吨" },
};

const JxUnit *jx_unit_lookup(const char *name)
{
    if (name == NULL)
        return NULL;
    for (gsize i = 0; i < G_N_ELEMENTS(aliases); i++)
        if (strcmp(name, aliases[i].alias) == 0) {
            name = aliases[i].canonical;
            break;
        }
    for (gsize i = 0; i < G_N_ELEMENTS(units); i++)
        if (strcmp(name, units[i].name) == 0)
            return &units[i];
    return NULL;
}

const JxUnit *jx_unit_match_prefix(const char *text, gsize *length)
{
    const JxUnit *best = NULL;
    gsize best_length = 0;
    if (text == NULL)
        return NULL;
    for (gsize i = 0; i < G_N_ELEMENTS(units); i++) {
        gsize n = strlen(units[i].name);
        if (n > best_length && strncmp(text, units[i].name, n) == 0) {
            best = &units[i];
            best_length = n;
        }
    }
    for (gsize i = 0; i < G_N_ELEMENTS(aliases); i++) {
        gsize n = strlen(aliases[i].alias);
        if (n > best_length && strncmp(text, aliases[i].alias, n) == 0) {
            best = jx_unit_lookup(aliases[i].canonical);
            best_length = n;
        }
    }
    if (length != NULL)
        *length = best ? best_length : 0;
    return best;
}

/* Dimension and factor of a unit name; "" is NONE, unknown names are OTHER. */
static JxDimension dimension_of(const char *name, double *factor)
{
    const JxUnit *unit = jx_unit_lookup(name);
    *factor = 1;
    if (name == NULL || name[0] == '\0')
        return JX_DIM_NONE;
    if (unit == NULL)
        return JX_DIM_OTHER;
    *factor = unit->factor;
    return unit->dimension;
}

static const char *canonical(const char *name)
{
    const JxUnit *unit = jx_unit_lookup(name);
    return unit ? unit->name : (name ? name : "");
}

gboolean jx_unit_convertible(const char *from, const char *to)
{
    double f, t;
    JxDimension a = dimension_of(from, &f), b = dimension_of(to, &t);
    if (a == JX_DIM_NONE || b == JX_DIM_NONE)
        return TRUE;
    if (a != b)
        return FALSE;
    if (a == JX_DIM_COUNT || a == JX_DIM_OTHER)
        return strcmp(canonical(from), canonical(to)) == 0;
    return TRUE;
}

gboolean jx_unit_convert(double value, const char *from, const char *to,
                         double *result, GError **error)
{
    if (!jx_unit_convertible(from, to)) {
        jx_set_error(error, JX_ERROR_UNIT_MISMATCH,
                     "单位“%s”不能换算为“%s”",
                     "unit '%s' cannot be converted to '%s'",
                     from ? from : "", to ? to : "");
        return FALSE;
    }
    double f, t;
    JxDimension a = dimension_of(from, &f), b = dimension_of(to, &t);
    if (a == JX_DIM_NONE || b == JX_DIM_NONE)
        f = t = 1;
    double converted = value * f / t;
    /* 1.5 亿元 → 万元 is 15000 exactly, not 14999.999999999998 */
    if (isfinite(converted) && fabs(converted) < 1e15) {
        double rounded = round(converted * 1e6) / 1e6;
        if (fabs(rounded - converted) < 1e-9 * fmax(1, fabs(converted)))
            converted = rounded;
    }
    *result = converted;
    return TRUE;
}

gboolean jx_unit_is_money(const char *name)
{
    const JxUnit *unit = jx_unit_lookup(name);
    return unit != NULL && unit->dimension == JX_DIM_MONEY;
}

gboolean jx_unit_is_people(const char *name)
{
    const JxUnit *unit = jx_unit_lookup(name);
    return unit != NULL && (unit->dimension == JX_DIM_PEOPLE ||
                            unit->dimension == JX_DIM_PERSON_TIMES);
}

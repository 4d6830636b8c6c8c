/*
 * units.h: the units people write after indicator values (人次, 场, 万元 …).
 *
 * Each unit belongs to a dimension; units of one dimension convert into each
 * other by a factor (元/万元/亿元).  Units of different dimensions never
 * convert: 人 and 人次 are distinct, and so are a count of people and money.
 */
#ifndef JX_CORE_UNITS_H
#define JX_CORE_UNITS_H

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
    JX_DIM_NONE,      /* no unit written */
    JX_DIM_PEOPLE,    /* 人, 名, 位 */
    JX_DIM_PERSON_TIMES, /* 人次 */
    JX_DIM_COUNT,     /* 个, 场, 期, 家, 项, 件 … each its own unit, see below */
    JX_DIM_MONEY,     /* 元, 千元, 万元, 亿元 */
    JX_DIM_PERCENT,   /* %, 百分点 */
    JX_DIM_DURATION,  /* 天, 日, 个月, 年, 小时 */
    JX_DIM_AREA,      /* 平方米, 亩, 公顷 */
    JX_DIM_LENGTH,    /* 米, 公里 */
    JX_DIM_MASS,      /* 吨, 千克 */
    JX_DIM_SCORE,     /* 分 (points) */
    JX_DIM_OTHER,     /* a word not in the table, kept verbatim */
} JxDimension;

typedef struct {
    const char *name;       /* canonical spelling, UTF-8: "万元" */
    JxDimension dimension;
    double factor;          /* to the dimension's base unit (元 = 1, 万元 = 1e4) */
} JxUnit;

/* The unit spelled exactly `name` (canonical or alias, e.g. "场次" → "场次",
 * "％" → "%"), or NULL. */
const JxUnit *jx_unit_lookup(const char *name);

/* The longest unit that is a prefix of text (UTF-8), or NULL; *length gets
 * its length in bytes. */
const JxUnit *jx_unit_match_prefix(const char *text, gsize *length);

/* TRUE if a value in unit `from` can be expressed in unit `to`.  Two COUNT or
 * OTHER units convert only if they are the same unit; NONE converts to
 * anything (a bare number takes the other side's unit). */
gboolean jx_unit_convertible(const char *from, const char *to);

/* Converts value from one unit to another (names as in jx_unit_lookup, "" for
 * none).  Fails with JX_ERROR_UNIT_MISMATCH when not convertible. */
gboolean jx_unit_convert(double value, const char *from, const char *to,
                         double *result, GError **error);

/* TRUE for a unit of money (元, 万元 …): used to flag people counted in 万元. */
gboolean jx_unit_is_money(const char *name);

/* TRUE for a unit that counts people (人, 人次, 名 …). */
gboolean jx_unit_is_people(const char *name);

G_END_DECLS

#endif

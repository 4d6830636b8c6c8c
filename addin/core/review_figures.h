/*
 * review_figures.h: the numbers of a paragraph of prose, as figures.
 *
 * "整体支出规模为：410.41万元" holds one figure, 410.41 万元; "超过6万元",
 * "300余人次", "97.60%", "得分9.76分" are figures too.  Years ("2023年"),
 * dates ("12月31日"), ordinals ("第3"), Chinese numerals and numbers glued
 * to Latin letters are not: prose uses them for other things.  Each figure
 * is read with jx_quantity_parse, so it means what the same text in a cell
 * would mean.
 */
#ifndef JX_CORE_REVIEW_FIGURES_H
#define JX_CORE_REVIEW_FIGURES_H

#include <glib.h>

#include "core/quantity.h"

G_BEGIN_DECLS

typedef enum {
    JX_FIGURE_MONEY,     /* 元, 万元, 亿元 … */
    JX_FIGURE_PERCENT,   /* %, 百分点 */
    JX_FIGURE_PEOPLE,    /* 人, 人次, 名 … */
    JX_FIGURE_COUNT,     /* 个, 场次, 期 … */
    JX_FIGURE_OTHER,     /* another known unit (天, 分, 平方米 …) */
    JX_FIGURE_BARE,      /* no unit: "40万为…" */
} JxFigureKind;

typedef struct {
    gsize start, end;     /* bytes of the figure as written, a leading qualifier
                             such as 超过 or ≥ included */
    gsize number;         /* byte where its digits begin */
    JxFigureKind kind;
    JxQuantity quantity;  /* value in quantity.unit, with comparison and approximation */
    double precision;     /* what the written digits resolve, in quantity.unit:
                             0.01 for "273.77万元", 1 for "40万元", 0 for "0万元" */
} JxFigure;

/* The figures of text[0, length), in order (JxFigure). */
GArray *jx_figures_scan(const char *text, gsize length);

/* The figure's value and precision expressed in unit (e.g. "万元").  FALSE
 * if its unit does not convert. */
gboolean jx_figure_in(const JxFigure *figure, const char *unit, double *value, double *precision);

G_END_DECLS

#endif

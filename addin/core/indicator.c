/*
 * indicator.c: reading and scoring one indicator row.
 */
#include "core/indicator.h"

#include <math.h>
#include <string.h>

static gboolean read_quantity(const JxValue *v, JxQuantity *q, GError **error)
{
    if (jx_value_is_empty(v)) {
        jx_set_error(error, JX_ERROR_INVALID, "为空", "is empty");
        return FALSE;
    }
    if (v->cell->kind == JX_GRID_ERROR) {
        jx_set_error(error, JX_ERROR_INVALID, "是错误值", "is an error value");
        return FALSE;
    }
    if (v->cell->kind == JX_GRID_NUMBER) {
        memset(q, 0, sizeof *q);
        q->kind = JX_QUANTITY_NUMBER;
        q->value = v->cell->number;
        return TRUE;
    }
    return jx_quantity_parse(v->cell->text, q, error);
}

void jx_indicator_evaluate(const JxScoringRules *rules, const JxIndicatorCells *cells,
                           JxIndicator *out)
{
    memset(out, 0, sizeof *out);
    gboolean target_ok = read_quantity(cells->target, &out->target, &out->target_error);
    gboolean actual_ok = read_quantity(cells->actual, &out->actual, &out->actual_error);
    out->has_weight = cells->weight && !jx_value_is_empty(cells->weight) &&
                      jx_value_number(cells->weight, NULL, &out->weight, NULL) &&
                      isfinite(out->weight) && out->weight >= 0;
    if (cells->band && !jx_value_is_empty(cells->band) && cells->band->cell->kind == JX_GRID_TEXT)
        out->band = jx_band_parse(cells->band->cell->text);
    out->has_entered = cells->score && !jx_value_is_empty(cells->score) &&
                       jx_value_number(cells->score, NULL, &out->entered, NULL);
    out->qualitative = target_ok && jx_direction_of(&out->target) == JX_DIRECTION_QUALITATIVE;
    if (!target_ok || !actual_ok) {
        GError *why = target_ok ? out->actual_error : out->target_error;
        g_autofree char *zh = jx_error_text(why, JX_LANG_ZH);
        g_autofree char *en = jx_error_text(why, JX_LANG_EN);
        g_autofree char *zh_text = g_strdup_printf("%s%s", target_ok ? "实际完成值" : "年度指标值", zh);
        g_autofree char *en_text = g_strdup_printf("the %s %s", target_ok ? "actual" : "target", en);
        jx_set_error_texts(&out->score_error, JX_ERROR_INVALID, zh_text, en_text);
        return;
    }
    out->has_completion = jx_completion_rate(&out->target, &out->actual, &out->completion,
                                             &out->completion_error);
    if (!out->has_weight) {
        jx_set_error(&out->score_error, JX_ERROR_INVALID, "缺少分值", "the weight is missing");
        return;
    }
    /* a typed score is kept only where the rules leave a choice: qualitative bands */
    gboolean band_applies = out->qualitative || (out->actual.kind == JX_QUANTITY_QUALITATIVE);
    const double *entered = band_applies && out->has_entered && out->band != JX_BAND_NONE
                                ? &out->entered : NULL;
    out->has_score = jx_indicator_score(rules, out->weight, &out->target, &out->actual,
                                        out->band, entered, &out->score, &out->score_error);
}

void jx_indicator_clear(JxIndicator *indicator)
{
    g_clear_error(&indicator->target_error);
    g_clear_error(&indicator->actual_error);
    g_clear_error(&indicator->score_error);
    g_clear_error(&indicator->completion_error);
}

gboolean jx_indicator_met(const JxIndicator *ind)
{
    if (ind->has_completion)
        return ind->completion >= 1 - 1e-12;
    if (ind->qualitative || ind->actual.kind == JX_QUANTITY_QUALITATIVE)
        return ind->band == JX_BAND_ACHIEVED || (ind->band == JX_BAND_NONE && ind->actual.achieved);
    return FALSE;
}

/*
 * indicator.h: one performance indicator read from its cells and scored.
 *
 * Validation, Compute and the report all need the same reading of a row of
 * the 绩效自评表 (target, actual, weight, band, the score typed in); this is
 * that reading, done once, with every problem kept rather than thrown.
 */
#ifndef JX_CORE_INDICATOR_H
#define JX_CORE_INDICATOR_H

#include <glib.h>

#include "core/model.h"
#include "core/quantity.h"
#include "core/scoring.h"

G_BEGIN_DECLS

typedef struct {
    const JxValue *target, *actual, *weight, *band, *score;  /* any may be NULL */
} JxIndicatorCells;

typedef struct {
    JxQuantity target, actual;
    GError *target_error;      /* set if the target is empty or unreadable */
    GError *actual_error;
    gboolean has_weight;
    double weight;
    JxBand band;               /* NONE if none chosen */
    gboolean has_entered;      /* a score is in the score cell */
    double entered;
    gboolean has_completion;
    double completion;         /* fraction */
    GError *completion_error;  /* why there is no completion rate (units, a zero target …) */
    gboolean has_score;
    double score;              /* by the rules (keeps an entered qualitative score) */
    GError *score_error;       /* why there is no score */
    gboolean qualitative;
} JxIndicator;

void jx_indicator_evaluate(const JxScoringRules *rules, const JxIndicatorCells *cells,
                           JxIndicator *out);
void jx_indicator_clear(JxIndicator *indicator);

/* TRUE if the indicator reached its target (completion ≥ 1, or a qualitative
 * one in the achieved band or stating achievement). */
gboolean jx_indicator_met(const JxIndicator *indicator);

G_END_DECLS

#endif

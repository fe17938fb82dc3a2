/*
 * growth_core.h
 *	  The rules of official growth statistics, in plain C: when a comparison
 *	  is defined, the float8 formulas, and look-ups in quarterly series by
 *	  period (never by row position).
 *
 * The numeric (exact) versions live in the PostgreSQL glue, because exact
 * arithmetic is PostgreSQL's numeric type; they apply the same rules
 * through growth_base_is_usable() and friends.
 */
#ifndef HATRUNG_GROWTH_CORE_H
#define HATRUNG_GROWTH_CORE_H

#include <stdbool.h>
#include <stdint.h>

/*
 * A base (denominator) is usable when it is finite and > 0: a growth rate
 * against 0 is undefined and against a negative figure not meaningful.
 * `sign` is -1, 0 or 1.
 */
static inline bool
growth_base_is_usable(int sign, bool finite)
{
	return finite && sign > 0;
}

/*
 * The float8 formulas.  Each returns false (the SQL result is NULL) when the
 * measure is undefined; non-finite inputs are never meaningful figures.
 */
extern bool growth_pct_f8(double current, double base, double *result);
extern bool dev_index_f8(double current, double base, double *result);
extern bool pct_of_plan_f8(double actual, double plan, double *result);
extern bool cagr_f8(double first, double last, int64_t steps, double *result);
extern bool contribution_pp_f8(double part_current, double part_base,
							   double total_base, double *result);
extern bool share_of_growth_f8(double contribution_pp, double total_growth_pct,
							   double min_abs_total, double *result);

/* CAGR is defined for first > 0, last >= 0, steps > 0. */
static inline bool
cagr_is_defined(int first_sign, int last_sign, int64_t steps)
{
	return first_sign > 0 && last_sign >= 0 && steps > 0;
}

/* --- Quarterly series: ordinals sorted ascending, one per period --------- */

typedef enum SeriesOrder
{
	SERIES_ORDERED = 0,			/* strictly increasing */
	SERIES_DUPLICATE,			/* a period repeats */
	SERIES_UNORDERED			/* a period goes backwards */
} SeriesOrder;

/* How `next` may follow `prev` in a series ordered by period. */
static inline SeriesOrder
series_step_order(int32_t prev, int32_t next)
{
	if (next > prev)
		return SERIES_ORDERED;
	return next == prev ? SERIES_DUPLICATE : SERIES_UNORDERED;
}

/* Index of `period` in the sorted array, or -1 when the period is absent. */
extern int	series_find(const int32_t *ordinals, int n, int32_t period);

typedef enum IndicatorKind
{
	KIND_FLOW,					/* additive over time: YTD is a sum */
	KIND_STOCK,					/* a level at a point: YTD is the latest value */
	KIND_INVALID
} IndicatorKind;

/* "flow" or "stock" (exact, lower case); anything else is KIND_INVALID. */
extern IndicatorKind indicator_kind_parse(const char *text, int len);

/*
 * The observations that make up the year-to-date of `period`: for a flow,
 * quarters 1..q of its year (all must be present); for a stock, the period
 * itself.  Fills `members` with their indexes into the sorted array and
 * returns how many, or -1 when any is missing (the YTD is then unknown).
 */
extern int	series_ytd_members(const int32_t *ordinals, int n, int32_t period,
							   IndicatorKind kind, int members[4]);

/*
 * The earliest period that YTD-versus-last-year of `period` reads: quarter 1
 * of the previous year.  Window functions look back no further than this.
 */
static inline int32_t
series_lookback_floor(int32_t period)
{
	return period - period % 4 - 4;
}

#endif							/* HATRUNG_GROWTH_CORE_H */

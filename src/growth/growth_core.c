/*
 * growth_core.c
 *	  float8 growth formulas and period look-ups in quarterly series.
 */
#include "growth_core.h"

#include <math.h>
#include <string.h>

static int
sign_of(double x)
{
	return (x > 0) - (x < 0);
}

bool
growth_pct_f8(double current, double base, double *result)
{
	if (!isfinite(current) || !growth_base_is_usable(sign_of(base), isfinite(base)))
		return false;
	*result = (current - base) * 100.0 / base;
	return isfinite(*result);
}

bool
dev_index_f8(double current, double base, double *result)
{
	if (!isfinite(current) || !growth_base_is_usable(sign_of(base), isfinite(base)))
		return false;
	*result = current * 100.0 / base;
	return isfinite(*result);
}

bool
pct_of_plan_f8(double actual, double plan, double *result)
{
	/* a plan of 0 or below cannot be "achieved by a percentage" */
	return dev_index_f8(actual, plan, result);
}

bool
cagr_f8(double first, double last, int64_t steps, double *result)
{
	if (!isfinite(first) || !isfinite(last) ||
		!cagr_is_defined(sign_of(first), sign_of(last), steps))
		return false;
	*result = (pow(last / first, 1.0 / (double) steps) - 1.0) * 100.0;
	return isfinite(*result);
}

bool
contribution_pp_f8(double part_current, double part_base, double total_base,
				   double *result)
{
	if (!isfinite(part_current) || !isfinite(part_base) || !isfinite(total_base) ||
		total_base == 0.0)
		return false;
	*result = (part_current - part_base) * 100.0 / total_base;
	return isfinite(*result);
}

bool
share_of_growth_f8(double contribution_pp, double total_growth_pct,
				   double min_abs_total, double *result)
{
	/* near-zero total growth makes shares explode: report them as unknown */
	if (!isfinite(contribution_pp) || !isfinite(total_growth_pct) ||
		!(fabs(total_growth_pct) >= min_abs_total) || total_growth_pct == 0.0)
		return false;
	*result = contribution_pp * 100.0 / total_growth_pct;
	return isfinite(*result);
}

int
series_find(const int32_t *ordinals, int n, int32_t period)
{
	int			lo = 0,
				hi = n - 1;

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (ordinals[mid] == period)
			return mid;
		if (ordinals[mid] < period)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

IndicatorKind
indicator_kind_parse(const char *text, int len)
{
	if (len == 4 && memcmp(text, "flow", 4) == 0)
		return KIND_FLOW;
	if (len == 5 && memcmp(text, "stock", 5) == 0)
		return KIND_STOCK;
	return KIND_INVALID;
}

int
series_ytd_members(const int32_t *ordinals, int n, int32_t period,
				   IndicatorKind kind, int members[4])
{
	int32_t		first = period - period % 4;	/* quarter 1 of the year */
	int32_t		p;
	int			count = 0;

	if (kind == KIND_STOCK)
		first = period;
	for (p = first; p <= period; p++)
	{
		int			i = series_find(ordinals, n, p);

		if (i < 0)
			return -1;
		members[count++] = i;
	}
	return count;
}

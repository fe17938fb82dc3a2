/*
 * growth_numeric.h
 *	  Exact growth arithmetic on PostgreSQL numeric, shared by the scalar
 *	  functions, the window functions and the series accessors.  Every
 *	  function returns NULL (a null pointer) where the measure is undefined,
 *	  by the rules in growth_core.h.
 */
#ifndef HATRUNG_GROWTH_NUMERIC_H
#define HATRUNG_GROWTH_NUMERIC_H

#include "postgres.h"
#include "common/compat.h"

#include "growth/growth_core.h"
#include "utils/numeric.h"

/*
 * (current / base - 1) * 100; NULL unless base > 0 and both finite.  The
 * arguments may be packed (short-header) varlenas, as stored in tuples.
 */
extern Numeric growth_pct_numeric(Numeric current, Numeric base);

/* current * 100 / base; NULL unless base > 0 and both finite */
extern Numeric dev_index_numeric(Numeric current, Numeric base);

/* ((last / first) ^ (1 / steps) - 1) * 100 for a numeric step count */
extern Numeric cagr_numeric(Numeric first, Numeric last, Numeric steps);

extern Numeric numeric_add_exact(Numeric a, Numeric b);

/*
 * NaN test of a numeric datum as stored in a tuple, short header included
 * (numeric_is_nan needs the expanded form): the first header word of a NaN
 * is 0xC000.
 */
static inline bool
numeric_datum_is_nan(Datum d)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	uint16		header;

	if (VARATT_IS_EXTENDED(v) && !VARATT_IS_SHORT(v))
		return numeric_is_nan(DatumGetNumeric(d));
	memcpy(&header, VARDATA_ANY(v), sizeof(uint16));
	return header == 0xC000;
}

/* 'flow' or 'stock' from a kind argument; anything else raises 22023. */
extern IndicatorKind indicator_kind_arg(text *kind);

/*
 * The 128-bit fast path (numeric_fast.c): same answers, or not taken.  Off
 * when the setting hatrung.numeric_fast_path is off.
 */
extern bool hatrung_numeric_fast_path;

typedef enum FastStatus
{
	FAST_DONE,
	FAST_UNDEFINED,				/* the measure is undefined: NULL */
	FAST_NOT_TAKEN				/* use the ordinary numeric path */
} FastStatus;

extern FastStatus growth_pct_fast(Numeric current, Numeric base, Numeric *result);
extern FastStatus dev_index_fast(Numeric current, Numeric base, Numeric *result);
extern FastStatus numeric_sum_fast(Numeric *values, int n, Numeric *result);
extern FastStatus exact_ratio_fast(Numeric num, Numeric den, Numeric *result);

/*
 * num / den rounded once, half away from zero, at a scale that gives at
 * least 20 significant digits and makes any further rounding to 10 or
 * fewer decimals the correct rounding of the exact ratio (numeric_fast.c).
 * den must be finite and nonzero, num finite.
 */
extern Numeric exact_ratio(Numeric num, Numeric den);

/* x rounded to at least 20 significant digits (for irrational results) */
extern Numeric round_to_20_digits(Numeric x);

#endif							/* HATRUNG_GROWTH_NUMERIC_H */

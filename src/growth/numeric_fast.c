/*
 * numeric_fast.c
 *	  Exact growth arithmetic on numeric values that fit in 128-bit
 *	  integers, giving bit-for-bit the result PostgreSQL's numeric
 *	  operators give, several times faster.
 *
 * Most statistical figures have a handful of digits (820, 767.8,
 * 685.528), yet numeric division runs a general long-division routine.
 * Here a figure is read straight from numeric's on-disk form (stable since
 * PostgreSQL 9.1) as an integer mantissa and a display scale, the quotient
 * is computed with one 128-bit division, and the result is rounded at the
 * scale numeric_div would choose (select_div_scale in numeric.c) and half
 * away from zero, as numeric_div rounds.  Anything outside that range
 * (huge values, long fractions, NaN, infinities) takes the ordinary path,
 * so the fast path only ever changes speed, never an answer; the tests
 * compare both paths with the plain SQL expressions.
 */
#include "postgres.h"
#include "common/compat.h"

#include "port/pg_bitutils.h"

#include "growth/growth_core.h"
#include "growth_numeric.h"

/*
 * The fast path writes numeric's on-disk form and copies numeric.c's
 * division-scale and rounding rules, so it is compiled only for the major
 * versions whose numeric.c CI has compared it with (14 to 18); a newer
 * server takes the ordinary path until it is verified there too.
 */
#if defined(HAVE_INT128) && PG_VERSION_NUM >= 140000 && PG_VERSION_NUM < 190000
#define HATRUNG_FAST_NUMERIC 1
#endif

/* hatrung.numeric_fast_path: off sends every figure down the ordinary path */
bool		hatrung_numeric_fast_path = true;

#ifdef HATRUNG_FAST_NUMERIC

/* numeric's on-disk header (src/backend/utils/adt/numeric.c) */
#define NBASE					10000
#define DEC_DIGITS				4
#define NUMERIC_SIGN_MASK		0xC000
#define NUMERIC_NEG				0x4000
#define NUMERIC_SHORT			0x8000
#define NUMERIC_SPECIAL			0xC000
#define NUMERIC_SHORT_SIGN_MASK 0x2000
#define NUMERIC_SHORT_DSCALE_MASK 0x1F80
#define NUMERIC_SHORT_DSCALE_SHIFT 7
#define NUMERIC_SHORT_WEIGHT_SIGN_MASK 0x0040
#define NUMERIC_SHORT_WEIGHT_MASK 0x003F
#define NUMERIC_DSCALE_MASK		0x3FFF
#define NUMERIC_MIN_SIG_DIGITS	16

/* Largest mantissa taken on the fast path: 10^18. */
#define MANTISSA_LIMIT			UINT64CONST(1000000000000000000)

static int128 pow10_table[39];
static uint64 pow10_u64[20];

static void
init_pow10(void)
{
	int			i;

	if (pow10_table[0] != 0)
		return;
	pow10_table[0] = 1;
	for (i = 1; i < 39; i++)
		pow10_table[i] = pow10_table[i - 1] * 10;
	for (i = 0; i < 20; i++)
		pow10_u64[i] = (uint64) pow10_table[i];
}

/*
 * n / d and n % d for a 64-bit divisor.  Plain C: a hand-written x86-64
 * divq measured 5.8 against 6.0 ns a division here (3%, about 1% of a
 * growth_pct call), not worth assembly.
 */
static inline uint128
u128_divmod_u64(uint128 n, uint64 d, uint64 *rem)
{
	*rem = (uint64) (n % d);
	return n / d;
}

/* A finite decimal: value = mantissa / 10^scale. */
typedef struct Decimal
{
	int128		mantissa;
	int			scale;
	/* numeric's base-10000 weight and first digit, when read from one (else -1) */
	int			nbase_weight;
	int			nbase_first;
} Decimal;

/*
 * Reads a numeric as mantissa and display scale, if it is finite and the
 * mantissa stays below 10^18 with a scale of at most 18.  All in 64-bit
 * arithmetic: this runs twice for every row a growth function sees.
 */
static pg_attribute_always_inline bool
decimal_read(Numeric num, Decimal *d)
{
	const char *data = VARDATA_ANY(num);
	int			size = VARSIZE_ANY_EXHDR(num);
	uint16		header;
	int16		word1;
	const char *digits;
	int			ndigits,
				weight,
				dscale,
				i;
	bool		negative;
	uint64		m = 0;

	/* memcpy: a packed varlena's data need not be 2-byte aligned */
	if (size < (int) sizeof(uint16))
		return false;
	memcpy(&header, data, sizeof(uint16));

	if ((header & NUMERIC_SIGN_MASK) == NUMERIC_SPECIAL)
		return false;			/* NaN or an infinity */
	if ((header & NUMERIC_SIGN_MASK) == NUMERIC_SHORT)
	{
		negative = (header & NUMERIC_SHORT_SIGN_MASK) != 0;
		dscale = (header & NUMERIC_SHORT_DSCALE_MASK) >> NUMERIC_SHORT_DSCALE_SHIFT;
		weight = (header & NUMERIC_SHORT_WEIGHT_MASK) |
			((header & NUMERIC_SHORT_WEIGHT_SIGN_MASK) ? ~NUMERIC_SHORT_WEIGHT_MASK : 0);
		digits = data + sizeof(uint16);
		ndigits = (size - (int) sizeof(uint16)) / (int) sizeof(int16);
	}
	else
	{
		if (size < 2 * (int) sizeof(uint16))
			return false;
		memcpy(&word1, data + sizeof(uint16), sizeof(int16));
		negative = (header & NUMERIC_SIGN_MASK) == NUMERIC_NEG;
		dscale = header & NUMERIC_DSCALE_MASK;
		weight = word1;
		digits = data + 2 * sizeof(uint16);
		ndigits = (size - 2 * (int) sizeof(uint16)) / (int) sizeof(int16);
	}
	if (dscale > 18 || ndigits > 6)
		return false;
	/* what select_div_scale in numeric.c reads: the first nonzero group */
	d->nbase_weight = 0;
	d->nbase_first = 0;
	for (i = 0; i < ndigits; i++)
	{
		/* this group is worth digits[i] * 10^(4 * (weight - i)) */
		int			exp10 = DEC_DIGITS * (weight - i) + dscale;
		int16		digit;
		uint64		term;

		memcpy(&digit, digits + i * sizeof(int16), sizeof(int16));
		if (digit < 0 || digit >= NBASE)
			return false;		/* not a valid numeric: leave it to numeric.c */
		if (digit != 0 && d->nbase_first == 0)
		{
			d->nbase_weight = weight - i;
			d->nbase_first = digit;
		}
		term = (uint64) digit;

		if (exp10 >= 0)
		{
			/* digit < 10^4 and the sum must stay below 10^18 */
			if (exp10 > 18 || (term != 0 && exp10 > 14 && term >= pow10_u64[18 - exp10]))
				return false;
			term *= pow10_u64[exp10];
		}
		else
		{
			/* digits beyond the display scale are zero in a valid numeric */
			switch (-exp10)
			{
				case 1:
					if (term % 10 != 0)
						return false;
					term /= 10;
					break;
				case 2:
					if (term % 100 != 0)
						return false;
					term /= 100;
					break;
				case 3:
					if (term % 1000 != 0)
						return false;
					term /= 1000;
					break;
				default:
					return false;
			}
		}
		m += term;
		if (m >= MANTISSA_LIMIT)
			return false;
	}
	d->mantissa = negative ? -(int128) m : (int128) m;
	d->scale = dscale;
	return true;
}

/* The number of decimal digits of |v| (1 for zero). */
static pg_attribute_always_inline int
decimal_digits(int128 v)
{
	int			n;

	if (v < 0)
		v = -v;
	if (v <= (int128) PG_UINT64_MAX)
	{
		uint64		u = (uint64) v;

		/* log10 from the bit length (1233/4096 ~ log10(2)), corrected once */
		if (u == 0)
			return 1;
		n = ((pg_leftmost_one_pos64(u) + 1) * 1233) >> 12;
		return n + (n < 20 && u >= pow10_u64[n] ? 1 : 0);
	}
	n = 19;
	while (n < 38 && v >= pow10_table[n])
		n++;
	return n;
}

/* numeric's (weight, first NBASE digit) of a decimal, for select_div_scale */
static pg_attribute_always_inline void
decimal_nbase_lead(const Decimal *d, int *weight, int *firstdigit)
{
	int128		m = d->mantissa < 0 ? -d->mantissa : d->mantissa;
	int			e,
				w,
				shift;

	if (d->nbase_first >= 0)
	{
		*weight = d->nbase_weight;
		*firstdigit = d->nbase_first;
		return;
	}
	if (m == 0)
	{
		*weight = 0;
		*firstdigit = 0;
		return;
	}
	e = decimal_digits(m) - 1 - d->scale;	/* |value| is in [10^e, 10^(e+1)) */
	w = e >= 0 ? e / DEC_DIGITS : -((-e + DEC_DIGITS - 1) / DEC_DIGITS);
	shift = d->scale + DEC_DIGITS * w;	/* firstdigit = |value| / NBASE^w */
	*weight = w;
	if (m <= (int128) PG_UINT64_MAX && shift < 20 && shift > -4)
		*firstdigit = (int) (shift >= 0 ? (uint64) m / pow10_u64[shift] : (uint64) m * pow10_u64[-shift]);
	else
		*firstdigit = (int) (shift >= 0 ? m / pow10_table[shift] : m * pow10_table[-shift]);
}

/* The result scale numeric_div chooses for a / b (numeric.c). */
static pg_attribute_always_inline int
div_scale(const Decimal *a, const Decimal *b)
{
	int			w1,
				f1,
				w2,
				f2,
				qweight,
				rscale;

	decimal_nbase_lead(a, &w1, &f1);
	decimal_nbase_lead(b, &w2, &f2);
	qweight = w1 - w2;
	if (f1 <= f2)
		qweight--;
	rscale = NUMERIC_MIN_SIG_DIGITS - qweight * DEC_DIGITS;
	rscale = Max(rscale, a->scale);
	rscale = Max(rscale, b->scale);
	return Max(rscale, 0);
}

/*
 * a / b rounded half away from zero at numeric_div's scale, as a decimal;
 * false when it does not fit 128 bits.  a and b come from decimal_read.
 */
static pg_attribute_always_inline bool
decimal_div(const Decimal *a, const Decimal *b, Decimal *q)
{
	int			rscale = div_scale(a, b);
	int			shift = rscale + b->scale - a->scale;	/* q = a.m * 10^shift / b.m */
	uint128		num = (uint128) (a->mantissa < 0 ? -a->mantissa : a->mantissa);
	uint128		den = (uint128) (b->mantissa < 0 ? -b->mantissa : b->mantissa);
	uint128		quot;
	bool		round_up;

	if (den == 0 || rscale > 36 || shift > 36 || shift < -36)
		return false;
	if (shift >= 0)
	{
		/* below 10^18 times at most 10^19 fits; otherwise count the digits */
		if (shift <= 19 && num < MANTISSA_LIMIT)
			num = (uint128) (uint64) num * pow10_u64[shift];
		else if (decimal_digits((int128) num) + shift > 37)
			return false;
		else
			num *= (uint128) pow10_table[shift];
	}
	else
	{
		if (decimal_digits((int128) den) - shift > 37)
			return false;
		den *= (uint128) pow10_table[-shift];
	}
	if (den <= PG_UINT64_MAX)
	{
		uint64		d64 = (uint64) den,
					rem;

		quot = u128_divmod_u64(num, d64, &rem);
		round_up = rem >= d64 - rem;	/* rem * 2 >= den, without overflow */
	}
	else
	{
		uint128		rem = num % den;

		quot = num / den;
		round_up = rem >= den - rem;
	}
	if (round_up)
		quot++;
	q->mantissa = ((a->mantissa < 0) != (b->mantissa < 0)) ? -(int128) quot : (int128) quot;
	q->scale = rscale;
	q->nbase_first = -1;
	return true;
}

/*
 * Writes a decimal in numeric's on-disk form, exactly as make_result() in
 * numeric.c would: base-10000 digits without leading or trailing zero
 * groups, the short header when scale and weight allow it.
 */
static Numeric
decimal_to_numeric(int128 mantissa, int scale)
{
	int16		groups[16];
	int			ngroups = 0,
				first,
				last,
				weight,
				pad = (DEC_DIGITS - scale % DEC_DIGITS) % DEC_DIGITS;
	bool		negative = mantissa < 0;
	uint128		m = (uint128) (negative ? -mantissa : mantissa);
	Numeric		result;
	Size		len;
	uint16		header;
	int			i;

	if (m > (uint128) PG_UINT64_MAX && decimal_digits((int128) m) + pad > 38)
		return NULL;
	m *= (uint128) pow10_u64[pad];	/* the decimal point now falls between groups */
	/* least significant group first; 16 digits at a time while over 64 bits */
	while (m > (uint128) PG_UINT64_MAX)
	{
		uint64		chunk;

		m = u128_divmod_u64(m, UINT64CONST(10000000000000000), &chunk);
		for (i = 0; i < 4; i++)
		{
			groups[ngroups++] = (int16) (chunk % NBASE);
			chunk /= NBASE;
		}
	}
	{
		/*
		 * The last (at most 20) digits as five groups, leading zero groups
		 * included (trimmed below); split at 10^8 first so that the
		 * divisions do not wait on one another.
		 */
		uint64		top = (uint64) m,
					high = top / 100000000;
		uint32		low8 = (uint32) (top % 100000000),
					mid8 = (uint32) (high % 100000000),
					top4 = (uint32) (high / 100000000);	/* < 1845 */

		groups[ngroups++] = (int16) (low8 % NBASE);
		groups[ngroups++] = (int16) (low8 / NBASE);
		groups[ngroups++] = (int16) (mid8 % NBASE);
		groups[ngroups++] = (int16) (mid8 / NBASE);
		groups[ngroups++] = (int16) top4;
	}
	/* weight of the most significant group; (scale + pad) / 4 groups are fractional */
	weight = ngroups - 1 - (scale + pad) / DEC_DIGITS;
	first = ngroups - 1;
	last = 0;
	while (first >= 0 && groups[first] == 0)
		first--;
	while (last <= first && groups[last] == 0)
		last++;
	if (first < 0)
	{
		/* zero: no digits, weight 0, positive */
		weight = 0;
		negative = false;
		first = -1;
		last = 0;
	}
	else
		weight -= (ngroups - 1 - first);
	if (scale <= (NUMERIC_SHORT_DSCALE_MASK >> NUMERIC_SHORT_DSCALE_SHIFT) &&
		weight <= NUMERIC_SHORT_WEIGHT_MASK && weight >= -(NUMERIC_SHORT_WEIGHT_MASK + 1))
	{
		len = VARHDRSZ + sizeof(uint16) + (first - last + 1) * sizeof(int16);
		result = palloc(len);
		SET_VARSIZE(result, len);
		header = NUMERIC_SHORT | (negative ? NUMERIC_SHORT_SIGN_MASK : 0) |
			(uint16) (scale << NUMERIC_SHORT_DSCALE_SHIFT) |
			(weight < 0 ? NUMERIC_SHORT_WEIGHT_SIGN_MASK : 0) |
			(uint16) (weight & NUMERIC_SHORT_WEIGHT_MASK);
		memcpy(VARDATA(result), &header, sizeof(uint16));
		for (i = first; i >= last; i--)
			memcpy(VARDATA(result) + sizeof(uint16) + (first - i) * sizeof(int16), &groups[i], sizeof(int16));
		return result;
	}
	return NULL;				/* long header cases: leave them to numeric */
}

/*
 * (a / b - 1) * 100, exactly as the SQL expression computes it.  Returns
 * FAST_UNDEFINED for a base <= 0 and FAST_NOT_TAKEN when the figures are
 * outside the fast range.
 */
FastStatus
growth_pct_fast(Numeric current, Numeric base, Numeric *result)
{
	Decimal		a,
				b,
				q;

	if (!hatrung_numeric_fast_path)
		return FAST_NOT_TAKEN;
	init_pow10();
	if (!decimal_read(current, &a) || !decimal_read(base, &b))
		return FAST_NOT_TAKEN;
	if (!growth_base_is_usable((b.mantissa > 0) - (b.mantissa < 0), true))
		return FAST_UNDEFINED;
	if (!decimal_div(&a, &b, &q))
		return FAST_NOT_TAKEN;
	/* room for "minus one, times 100" (a quotient within 64 bits always has it) */
	if ((q.mantissa > (int128) PG_UINT64_MAX || q.mantissa < -(int128) PG_UINT64_MAX) &&
		decimal_digits(q.mantissa) > 34)
		return FAST_NOT_TAKEN;
	/* minus 1 at the quotient's scale, times 100 (an integer: scale unchanged) */
	q.mantissa = (q.mantissa - pow10_table[q.scale]) * 100;
	*result = decimal_to_numeric(q.mantissa, q.scale);
	return *result ? FAST_DONE : FAST_NOT_TAKEN;
}

/* a * 100 / b, exactly as the SQL expression computes it */
FastStatus
dev_index_fast(Numeric current, Numeric base, Numeric *result)
{
	Decimal		a,
				b,
				q;

	if (!hatrung_numeric_fast_path)
		return FAST_NOT_TAKEN;
	init_pow10();
	if (!decimal_read(current, &a) || !decimal_read(base, &b))
		return FAST_NOT_TAKEN;
	if (!growth_base_is_usable((b.mantissa > 0) - (b.mantissa < 0), true))
		return FAST_UNDEFINED;
	a.mantissa *= 100;
	a.nbase_first = -1;			/* no longer what was read */
	if (!decimal_div(&a, &b, &q))
		return FAST_NOT_TAKEN;
	*result = decimal_to_numeric(q.mantissa, q.scale);
	return *result ? FAST_DONE : FAST_NOT_TAKEN;
}

/* The sum of n numerics, as repeated numeric addition gives it. */
FastStatus
numeric_sum_fast(Numeric *values, int n, Numeric *result)
{
	Decimal		d[8],
				sum = {0, 0, 0, -1};
	int			i;

	if (!hatrung_numeric_fast_path)
		return FAST_NOT_TAKEN;
	init_pow10();
	if (n < 1 || n > 8)
		return FAST_NOT_TAKEN;
	for (i = 0; i < n; i++)
	{
		if (!decimal_read(values[i], &d[i]))
			return FAST_NOT_TAKEN;
		sum.scale = Max(sum.scale, d[i].scale);	/* numeric_add keeps the larger scale */
	}
	for (i = 0; i < n; i++)
		sum.mantissa += d[i].mantissa * pow10_table[sum.scale - d[i].scale];	/* < 8 * 10^36 */
	*result = decimal_to_numeric(sum.mantissa, sum.scale);
	return *result ? FAST_DONE : FAST_NOT_TAKEN;
}

#else							/* no 128-bit integers, or a version not verified */

FastStatus
numeric_sum_fast(Numeric *values, int n, Numeric *result)
{
	return FAST_NOT_TAKEN;
}

FastStatus
growth_pct_fast(Numeric current, Numeric base, Numeric *result)
{
	return FAST_NOT_TAKEN;
}

FastStatus
dev_index_fast(Numeric current, Numeric base, Numeric *result)
{
	return FAST_NOT_TAKEN;
}

#endif

/*
 * numeric_fast.c
 *	  Exact growth arithmetic on numeric values that fit in 128-bit
 *	  integers: the same answers as the numeric path (growth_scalar.c),
 *	  several times faster.
 *
 * Every growth measure of official statistics is a ratio num / den of
 * exact figures (growth rate, index, % of plan, contribution, share).  Its
 * result is that ratio rounded once, half away from zero, at a scale S
 * chosen so that (see ratio_scale) it has at least 20 significant digits,
 * and so that rounding it again to any number of decimals up to 10 gives
 * the correctly rounded exact ratio.  Most statistical figures have a
 * handful of digits (820, 767.8, 685.528): here a figure is read straight
 * from numeric's on-disk form (stable since PostgreSQL 9.1) as an integer
 * mantissa and a display scale, the ratio is one 128-bit division, and the
 * result is written in numeric's on-disk form.  Anything outside that range
 * (huge values, long fractions, NaN, infinities) takes the numeric path, so
 * the fast path only ever changes speed, never an answer; the tests compare
 * both paths with an exact reference.
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

/*
 * n / d and n % d when the quotient is known to fit 64 bits (the high half
 * of n below d): one divq on x86-64, where the compiler would call the
 * general 128-bit division.
 */
static pg_attribute_always_inline uint64
udiv128_small_quotient(uint128 n, uint64 d, uint64 *rem)
{
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
	uint64		q;

	__asm__("divq %[d]" : "=a"(q), "=d"(*rem) : [d] "rm"(d), "a"((uint64) n), "d"((uint64) (n >> 64)));
	return q;
#else
	*rem = (uint64) (n % d);
	return (uint64) (n / d);
#endif
}

/* A finite decimal: value = mantissa / 10^scale. */
typedef struct Decimal
{
	int128		mantissa;
	int			scale;
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
	for (i = 0; i < ndigits; i++)
	{
		/* this group is worth digits[i] * 10^(4 * (weight - i)) */
		int			exp10 = DEC_DIGITS * (weight - i) + dscale;
		int16		digit;
		uint64		term;

		memcpy(&digit, digits + i * sizeof(int16), sizeof(int16));
		if (digit < 0 || digit >= NBASE)
			return false;		/* not a valid numeric: leave it to numeric.c */
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

/*
 * The scale at which num / den is rounded (numeric.h's ratio_scale rule):
 * at least 10 + the digits of den's mantissa + num's scale, because the
 * ratio's denominator in lowest terms divides den's mantissa * 10^num's
 * scale, so no tie point of a rounding to 10 or fewer decimals lies within
 * half a unit of the last place of the result; and at least 20 significant
 * digits (19 - a lower bound of floor(log10 |ratio|)).
 */
static pg_attribute_always_inline int
ratio_scale(int num_digits, int num_scale, int den_digits, int den_scale)
{
	int			s = 10 + den_digits + num_scale;

	if (num_digits > 0)
		s = Max(s, 19 - (num_digits - 1 - num_scale - den_digits + den_scale));
	return Max(s, 19);
}

/*
 * num / den rounded half away from zero at ratio_scale; false when it does
 * not fit 128 bits (or den is zero).
 */
static pg_attribute_always_inline bool
decimal_ratio(const Decimal *num, const Decimal *den, Decimal *q)
{
	uint128		n = (uint128) (num->mantissa < 0 ? -num->mantissa : num->mantissa);
	uint128		d = (uint128) (den->mantissa < 0 ? -den->mantissa : den->mantissa);
	int			nd = n == 0 ? 0 : decimal_digits((int128) n);
	int			dd = decimal_digits((int128) d);
	/* a scale both share cancels out of the ratio */
	int			common = Min(num->scale, den->scale);
	int			scale = ratio_scale(nd, num->scale - common, dd, den->scale - common);
	int			shift = scale + den->scale - num->scale;	/* q = n * 10^shift / d */
	uint128		quot;
	bool		round_up;

	if (d == 0 || scale > 38 || shift > 38 || shift < -38)
		return false;
	if (shift >= 0)
	{
		if (n != 0 && nd + shift > 38)
			return false;
		n *= (uint128) pow10_table[shift];
	}
	else
	{
		if (dd - shift > 38)
			return false;
		d *= (uint128) pow10_table[-shift];
	}
	if (d <= PG_UINT64_MAX)
	{
		uint64		d64 = (uint64) d,
					rem;

		quot = u128_divmod_u64(n, d64, &rem);
		round_up = rem >= d64 - rem;	/* rem * 2 >= d, without overflow */
	}
	else
	{
		uint128		rem = n % d;

		quot = n / d;
		round_up = rem >= d - rem;
	}
	if (round_up)
		quot++;
	if (decimal_digits((int128) quot) > 38)
		return false;
	q->mantissa = ((num->mantissa < 0) != (den->mantissa < 0)) ? -(int128) quot : (int128) quot;
	q->scale = scale;
	return true;
}

/* mantissa * 10^extra, if it stays within 38 digits */
static pg_attribute_always_inline bool
decimal_rescale(Decimal *d, int extra)
{
	if (extra == 0)
		return true;
	if (d->mantissa != 0 && decimal_digits(d->mantissa) + extra > 38)
		return false;
	d->mantissa *= pow10_table[extra];
	d->scale += extra;
	return true;
}

static Numeric groups_to_numeric(int16 *groups, int ngroups, int scale, int pad, bool negative);

/*
 * The last (at most 20) digits of a number as five base-10000 groups,
 * least significant first, leading zero groups included; split at 10^8
 * first so that the divisions do not wait on one another.
 */
static pg_attribute_always_inline int
put_top_groups(int16 *groups, int ngroups, uint64 top)
{
	uint64		high = top / 100000000;
	uint32		low8 = (uint32) (top % 100000000),
				mid8 = (uint32) (high % 100000000),
				top4 = (uint32) (high / 100000000);	/* < 1845 */

	groups[ngroups++] = (int16) (low8 % NBASE);
	groups[ngroups++] = (int16) (low8 / NBASE);
	groups[ngroups++] = (int16) (mid8 % NBASE);
	groups[ngroups++] = (int16) (mid8 / NBASE);
	groups[ngroups++] = (int16) top4;
	return ngroups;
}

/* Sixteen digits as four base-10000 groups, least significant first. */
static pg_attribute_always_inline int
put_16_digits(int16 *groups, int ngroups, uint64 chunk)
{
	uint32		low8 = (uint32) (chunk % 100000000),
				high8 = (uint32) (chunk / 100000000);

	groups[ngroups++] = (int16) (low8 % NBASE);
	groups[ngroups++] = (int16) (low8 / NBASE);
	groups[ngroups++] = (int16) (high8 % NBASE);
	groups[ngroups++] = (int16) (high8 / NBASE);
	return ngroups;
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
				pad = (DEC_DIGITS - scale % DEC_DIGITS) % DEC_DIGITS;
	bool		negative = mantissa < 0;
	uint128		m = (uint128) (negative ? -mantissa : mantissa);

	if (m > (uint128) PG_UINT64_MAX && decimal_digits((int128) m) + pad > 38)
		return NULL;
	m *= (uint128) pow10_u64[pad];	/* the decimal point now falls between groups */
	/* least significant group first; 16 digits at a time while over 64 bits */
	while (m > (uint128) PG_UINT64_MAX)
	{
		uint64		chunk;

		m = u128_divmod_u64(m, UINT64CONST(10000000000000000), &chunk);
		ngroups = put_16_digits(groups, ngroups, chunk);
	}
	ngroups = put_top_groups(groups, ngroups, (uint64) m);
	return groups_to_numeric(groups, ngroups, scale, pad, negative);
}

/*
 * hi * 10^16 + lo (lo < 10^16) at the given scale, as decimal_to_numeric
 * writes it, without 128-bit arithmetic.  NULL when hi is too large.
 */
static Numeric
split_to_numeric(uint64 hi, uint64 lo, int scale, bool negative)
{
	int16		groups[16];
	int			pad = (DEC_DIGITS - scale % DEC_DIGITS) % DEC_DIGITS;
	uint64		p = pow10_u64[pad],
				lo_padded = lo * p; /* < 10^19 */

	if (hi >= UINT64CONST(1000000000000000))	/* hi * 10^pad + 999 stays within 64 bits */
		return NULL;
	/* the decimal point now falls between groups */
	return groups_to_numeric(groups,
							 put_top_groups(groups,
											put_16_digits(groups, 0, lo_padded % UINT64CONST(10000000000000000)),
											hi * p + lo_padded / UINT64CONST(10000000000000000)),
							 scale, pad, negative);
}

/* The groups (least significant first) as a numeric; see decimal_to_numeric. */
static Numeric
groups_to_numeric(int16 *groups, int ngroups, int scale, int pad, bool negative)
{
	int			first,
				last,
				weight;
	Numeric		result;
	Size		len;
	uint16		header;
	int			i;

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
 * The common case of decimal_ratio without 128-bit division: when
 * |num| * 10^(shift - 16) and |den| fit 64 bits, the quotient is the integer
 * part of that over den (one 64-bit division) followed by 16 more digits
 * from the remainder (a 128-by-64 division whose quotient fits 64 bits),
 * rounded half away from zero as decimal_ratio rounds.  Gives hi * 10^16 +
 * lo, or false to leave it to decimal_ratio.
 */
static pg_attribute_always_inline bool
decimal_ratio_split(const Decimal *num, const Decimal *den, uint64 *hi, uint64 *lo, int *scale)
{
	int128		na = num->mantissa < 0 ? -num->mantissa : num->mantissa,
				da = den->mantissa < 0 ? -den->mantissa : den->mantissa;
	uint64		n,
				d,
				a,
				q1,
				r1,
				q2,
				r2;
	int			nd,
				dd,
				common,
				s,
				e;
	const uint64 ten16 = UINT64CONST(10000000000000000);

	if (na > (int128) PG_UINT64_MAX || da > (int128) PG_UINT64_MAX || da == 0)
		return false;
	n = (uint64) na;
	d = (uint64) da;
	nd = n == 0 ? 0 : decimal_digits(na);
	dd = decimal_digits(da);
	common = Min(num->scale, den->scale);
	s = ratio_scale(nd, num->scale - common, dd, den->scale - common);
	e = s + den->scale - num->scale - 16;	/* the shift beyond the 16 digits of lo */
	if (s > 38 || e < 0 || e > 19 || (n != 0 && nd + e > 19))
		return false;
	a = n * pow10_u64[e];
	q1 = a / d;
	r1 = a % d;
	/* r1 < d, so r1 * 10^16 / d < 10^16: the quotient fits 64 bits */
	q2 = udiv128_small_quotient((uint128) r1 * ten16, d, &r2);
	if (r2 >= d - r2)			/* rem * 2 >= d, without overflow */
	{
		if (++q2 == ten16)
		{
			q2 = 0;
			q1++;
		}
	}
	*hi = q1;
	*lo = q2;
	*scale = s;
	return true;
}

/* The ratio of two decimals as a numeric, or FAST_NOT_TAKEN. */
static FastStatus
ratio_result(const Decimal *num, const Decimal *den, Numeric *result)
{
	Decimal		q;
	uint64		hi,
				lo;
	int			scale;

	if (decimal_ratio_split(num, den, &hi, &lo, &scale))
	{
		*result = split_to_numeric(hi, lo, scale,
								   (hi != 0 || lo != 0) && ((num->mantissa < 0) != (den->mantissa < 0)));
		if (*result)
			return FAST_DONE;
	}

	if (!decimal_ratio(num, den, &q))
		return FAST_NOT_TAKEN;
	*result = decimal_to_numeric(q.mantissa, q.scale);
	return *result ? FAST_DONE : FAST_NOT_TAKEN;
}

/*
 * (current - base) * 100 / base.  FAST_UNDEFINED for a base <= 0,
 * FAST_NOT_TAKEN when the figures are outside the fast range.
 */
FastStatus
growth_pct_fast(Numeric current, Numeric base, Numeric *result)
{
	Decimal		a,
				b,
				num;

	if (!hatrung_numeric_fast_path)
		return FAST_NOT_TAKEN;
	init_pow10();
	if (!decimal_read(current, &a) || !decimal_read(base, &b))
		return FAST_NOT_TAKEN;
	if (!growth_base_is_usable((b.mantissa > 0) - (b.mantissa < 0), true))
		return FAST_UNDEFINED;
	/* both at the larger scale (mantissas below 10^18, scales at most 18) */
	if (!decimal_rescale(&a, Max(b.scale - a.scale, 0)) || !decimal_rescale(&b, Max(a.scale - b.scale, 0)))
		return FAST_NOT_TAKEN;
	num.mantissa = a.mantissa - b.mantissa;
	num.scale = a.scale;
	if (!decimal_rescale(&num, 2))
		return FAST_NOT_TAKEN;
	num.scale -= 2;				/* times 100 */
	return ratio_result(&num, &b, result);
}

/* current * 100 / base (also pct_of_plan) */
FastStatus
dev_index_fast(Numeric current, Numeric base, Numeric *result)
{
	Decimal		a,
				b;

	if (!hatrung_numeric_fast_path)
		return FAST_NOT_TAKEN;
	init_pow10();
	if (!decimal_read(current, &a) || !decimal_read(base, &b))
		return FAST_NOT_TAKEN;
	if (!growth_base_is_usable((b.mantissa > 0) - (b.mantissa < 0), true))
		return FAST_UNDEFINED;
	if (!decimal_rescale(&a, 2))
		return FAST_NOT_TAKEN;
	a.scale -= 2;				/* times 100 */
	return ratio_result(&a, &b, result);
}

/* num / den for any two finite numerics (den nonzero); the ratio rule above */
FastStatus
exact_ratio_fast(Numeric num, Numeric den, Numeric *result)
{
	Decimal		a,
				b;

	if (!hatrung_numeric_fast_path)
		return FAST_NOT_TAKEN;
	init_pow10();
	if (!decimal_read(num, &a) || !decimal_read(den, &b) || b.mantissa == 0)
		return FAST_NOT_TAKEN;
	return ratio_result(&a, &b, result);
}

/* The sum of n numerics, as repeated numeric addition gives it. */
FastStatus
numeric_sum_fast(Numeric *values, int n, Numeric *result)
{
	Decimal		d[8],
				sum = {0, 0};
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

FastStatus
exact_ratio_fast(Numeric num, Numeric den, Numeric *result)
{
	return FAST_NOT_TAKEN;
}

#endif

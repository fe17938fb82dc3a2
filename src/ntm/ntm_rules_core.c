/*
 * ntm_rules_core.c
 *	  The packed rules and score state of ntm_score (see ntm_rules_core.h).
 *
 * Rules, all integers little-endian:
 *	 0	"NTR1"
 *	 4	uint8 n, three zero bytes
 *	 8	uint32 fingerprint: FNV-1a of everything after the header
 *	 12 n entries of 10 bytes, sorted by code (bytewise, a prefix first):
 *		uint16 code offset, uint8 code length, uint8 criterion,
 *		uint8 comparison, uint8 has threshold, uint16 threshold offset,
 *		uint16 threshold length
 *	 then the codes and thresholds the entries point to.
 *
 * State:
 *	 0	"NTS1"
 *	 4	uint8 n, three zero bytes
 *	 8	uint32 fingerprint of the rules it was made from, four zero bytes
 *	 16 uint64 criteria bitmap of the measured indicators
 *	 24 uint64 seen[2]: bit i set when indicator i was measured
 *	 40 uint8 criterion[n]
 */
#include <stdlib.h>
#include <string.h>

#include "ntm_rules_core.h"

#define RULES_HEADER 12
#define BITS_AT 16
#define SEEN_AT 24
#define ENTRY_SIZE 10

static const uint8_t rules_magic[4] = {'N', 'T', 'R', '1'};
static const uint8_t state_magic[4] = {'N', 'T', 'S', '1'};

static void
put16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t) (v & 0xFF);
	p[1] = (uint8_t) ((v >> 8) & 0xFF);
}

static unsigned
get16(const uint8_t *p)
{
	return (unsigned) p[0] | ((unsigned) p[1] << 8);
}

static void
put32(uint8_t *p, uint32_t v)
{
	int			i;

	for (i = 0; i < 4; i++)
		p[i] = (uint8_t) (v >> (8 * i));
}

static uint32_t
get32(const uint8_t *p)
{
	return (uint32_t) p[0] | ((uint32_t) p[1] << 8) | ((uint32_t) p[2] << 16) | ((uint32_t) p[3] << 24);
}

static uint32_t
fnv1a(const uint8_t *p, size_t len)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	for (i = 0; i < len; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

/*
 * Written out byte by byte (no loop): compilers turn these into one load or
 * store on little-endian machines, and ntm_score_add runs per measurement.
 */
static void
put64(uint8_t *p, uint64_t v)
{
	p[0] = (uint8_t) v;
	p[1] = (uint8_t) (v >> 8);
	p[2] = (uint8_t) (v >> 16);
	p[3] = (uint8_t) (v >> 24);
	p[4] = (uint8_t) (v >> 32);
	p[5] = (uint8_t) (v >> 40);
	p[6] = (uint8_t) (v >> 48);
	p[7] = (uint8_t) (v >> 56);
}

static uint64_t
get64(const uint8_t *p)
{
	return (uint64_t) p[0] | ((uint64_t) p[1] << 8) | ((uint64_t) p[2] << 16) | ((uint64_t) p[3] << 24) |
		((uint64_t) p[4] << 32) | ((uint64_t) p[5] << 40) | ((uint64_t) p[6] << 48) | ((uint64_t) p[7] << 56);
}

/* The words of the seen bitmap (SEEN_AT: two, up to NTM_SCORE_HEADER). */
#define SEEN_WORDS ((NTM_RULES_MAX_INDICATORS + 63) / 64)

/* The bits of seen word w that stand for indicators 0 to k - 1. */
static uint64_t
bits_below(int k, int w)
{
	int			b = k - 64 * w;

	if (b <= 0)
		return 0;
	if (b >= 64)
		return ~(uint64_t) 0;
	return ((uint64_t) 1 << b) - 1;
}

/* Bytewise order, a prefix before the longer code. */
static int
code_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int			c = memcmp(a, b, alen < blen ? alen : blen);

	if (c != 0)
		return c;
	return (alen > blen) - (alen < blen);
}

static int
rule_cmp(const void *x, const void *y)
{
	const NtmRule *a = x;
	const NtmRule *b = y;

	return code_cmp(a->code, a->code_len, b->code, b->code_len);
}

NtmRulesStatus
ntm_rules_prepare(NtmRule *rules, int n, size_t *size, int *bad)
{
	size_t		total = RULES_HEADER + (size_t) n * ENTRY_SIZE;
	int			i;

	*bad = -1;
	if (n > NTM_RULES_MAX_INDICATORS)
		return NTM_RULES_TOO_MANY;
	for (i = 0; i < n; i++)
	{
		*bad = i;
		if (rules[i].code_len > NTM_RULES_MAX_CODE)
			return NTM_RULES_CODE_TOO_LONG;
		if (rules[i].criterion_no < 1 || rules[i].criterion_no > NTM_MAX_CRITERIA)
			return NTM_RULES_BAD_CRITERION;
		if (rules[i].op == NTM_INVALID || rules[i].op < NTM_GE || rules[i].op > NTM_YES)
			return NTM_RULES_BAD_COMPARISON;
		total += rules[i].code_len + (rules[i].has_threshold ? rules[i].threshold_len : 0);
		if (total > 0xFFFF)
			return NTM_RULES_TOO_LARGE;
	}
	if (n > 1)
		qsort(rules, (size_t) n, sizeof(NtmRule), rule_cmp);
	for (i = 1; i < n; i++)
		if (rule_cmp(&rules[i - 1], &rules[i]) == 0)
		{
			*bad = i;
			return NTM_RULES_DUPLICATE;
		}
	*bad = -1;
	*size = total;
	return NTM_RULES_OK;
}

void
ntm_rules_write(const NtmRule *rules, int n, uint8_t *out)
{
	size_t		pos = RULES_HEADER + (size_t) n * ENTRY_SIZE;
	int			i;

	memcpy(out, rules_magic, 4);
	out[4] = (uint8_t) n;
	out[5] = out[6] = out[7] = 0;
	for (i = 0; i < n; i++)
	{
		uint8_t    *e = out + RULES_HEADER + (size_t) i * ENTRY_SIZE;
		size_t		thr_len = rules[i].has_threshold ? rules[i].threshold_len : 0;

		put16(e, (unsigned) pos);
		e[2] = (uint8_t) rules[i].code_len;
		e[3] = (uint8_t) rules[i].criterion_no;
		e[4] = (uint8_t) rules[i].op;
		e[5] = rules[i].has_threshold ? 1 : 0;
		memcpy(out + pos, rules[i].code, rules[i].code_len);
		pos += rules[i].code_len;
		put16(e + 6, (unsigned) pos);
		put16(e + 8, (unsigned) thr_len);
		if (thr_len > 0)
			memcpy(out + pos, rules[i].threshold, thr_len);
		pos += thr_len;
	}
	put32(out + 8, fnv1a(out + RULES_HEADER, pos - RULES_HEADER));
}

int
ntm_rules_count(const uint8_t *blob, size_t len)
{
	int			n;

	if (len < RULES_HEADER || memcmp(blob, rules_magic, 4) != 0 ||
		blob[5] != 0 || blob[6] != 0 || blob[7] != 0)
		return -1;
	n = blob[4];
	if (n > NTM_RULES_MAX_INDICATORS || len < RULES_HEADER + (size_t) n * ENTRY_SIZE)
		return -1;
	return n;
}

bool
ntm_rules_get(const uint8_t *blob, size_t len, int i, NtmRule *out)
{
	int			n = ntm_rules_count(blob, len);
	const uint8_t *e;
	size_t		code_off,
				thr_off,
				thr_len;

	if (n < 0 || i < 0 || i >= n)
		return false;
	e = blob + RULES_HEADER + (size_t) i * ENTRY_SIZE;
	code_off = get16(e);
	thr_off = get16(e + 6);
	thr_len = get16(e + 8);
	if (code_off + e[2] > len || thr_off + thr_len > len ||
		e[3] < 1 || e[3] > NTM_MAX_CRITERIA || e[4] > NTM_YES || e[5] > 1)
		return false;
	out->code = (const char *) blob + code_off;
	out->code_len = e[2];
	out->criterion_no = e[3];
	out->op = (NtmComparison) e[4];
	out->has_threshold = e[5] == 1;
	out->threshold = blob + thr_off;
	out->threshold_len = thr_len;
	return true;
}

int
ntm_rules_find(const uint8_t *blob, size_t len, const char *code, size_t code_len, NtmRule *out)
{
	int			lo = 0,
				hi = ntm_rules_count(blob, len) - 1;

	if (hi < -1)
		return -2;
	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;
		int			c;

		if (!ntm_rules_get(blob, len, mid, out))
			return -2;
		c = code_cmp(out->code, out->code_len, code, code_len);
		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

bool
ntm_score_init(uint8_t *state, const uint8_t *blob, size_t len)
{
	int			n = ntm_rules_count(blob, len);
	int			i;

	if (n < 0)
		return false;
	memset(state, 0, NTM_SCORE_SIZE(n));
	memcpy(state, state_magic, 4);
	state[4] = (uint8_t) n;
	memcpy(state + 8, blob + 8, 4);
	for (i = 0; i < n; i++)
	{
		NtmRule		r;

		if (!ntm_rules_get(blob, len, i, &r))
			return false;
		state[NTM_SCORE_HEADER + i] = (uint8_t) r.criterion_no;
	}
	return true;
}

int
ntm_score_count(const uint8_t *state, size_t len)
{
	int			n,
				i;

	if (len < NTM_SCORE_HEADER || memcmp(state, state_magic, 4) != 0 ||
		state[5] != 0 || state[6] != 0 || state[7] != 0 || get32(state + 12) != 0)
		return -1;
	n = state[4];
	if (n > NTM_RULES_MAX_INDICATORS || len != NTM_SCORE_SIZE(n))
		return -1;
	for (i = 0; i < n; i++)
		if (state[NTM_SCORE_HEADER + i] < 1 || state[NTM_SCORE_HEADER + i] > NTM_MAX_CRITERIA)
			return -1;
	/* no seen bit beyond the indicators: bits n to NTM_RULES_MAX_INDICATORS - 1, a word at a time */
	for (i = 0; i < SEEN_WORDS; i++)
		if (get64(state + SEEN_AT + 8 * i) & ~bits_below(n, i) & bits_below(NTM_RULES_MAX_INDICATORS, i))
			return -1;
	return n;
}

bool
ntm_score_matches(const uint8_t *state, const uint8_t *blob)
{
	return memcmp(state + 8, blob + 8, 4) == 0 && state[4] == blob[4];
}

bool
ntm_score_fits(const uint8_t *state, size_t len, const uint8_t *blob, size_t blob_len)
{
	int			n = ntm_rules_count(blob, blob_len);

	return n >= 0 && len == NTM_SCORE_SIZE(n) && memcmp(state, state_magic, 4) == 0 &&
		state[4] == (uint8_t) n && state[5] == 0 && state[6] == 0 && state[7] == 0 &&
		get32(state + 12) == 0 && ntm_score_matches(state, blob);
}

bool
ntm_score_add(uint8_t *state, int i, NtmStatus s)
{
	NtmCriteriaBits bits = get64(state + BITS_AT);
	uint64_t	seen = get64(state + SEEN_AT + 8 * (i / 64));
	uint8_t		criterion = state[NTM_SCORE_HEADER + i];

	if (criterion < 1 || criterion > NTM_MAX_CRITERIA)
		return false;
	ntm_criteria_add(&bits, criterion, s);
	put64(state + BITS_AT, bits);
	put64(state + SEEN_AT + 8 * (i / 64), seen | ((uint64_t) 1 << (i % 64)));
	return true;
}

bool
ntm_score_merge(uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
	int			n = ntm_score_count(a, alen);
	int			w;

	if (n < 0 || ntm_score_count(b, blen) != n || memcmp(a + 8, b + 8, 4) != 0 ||
		memcmp(a + NTM_SCORE_HEADER, b + NTM_SCORE_HEADER, (size_t) n) != 0)
		return false;
	put64(a + BITS_AT, ntm_criteria_merge(get64(a + BITS_AT), get64(b + BITS_AT)));
	for (w = 0; w < 2; w++)
		put64(a + SEEN_AT + 8 * w, get64(a + SEEN_AT + 8 * w) | get64(b + SEEN_AT + 8 * w));
	return true;
}

NtmCriteriaBits
ntm_score_result(const uint8_t *state, size_t len)
{
	int			n = ntm_score_count(state, len);
	NtmCriteriaBits bits;
	uint64_t	seen = 0;
	int			i;

	if (n < 0)
		return 0;
	bits = get64(state + BITS_AT);
	for (i = 0; i < n; i++)
	{
		if (i % 64 == 0)
			seen = get64(state + SEEN_AT + 8 * (i / 64));
		if ((seen & ((uint64_t) 1 << (i % 64))) == 0)
			ntm_criteria_add(&bits, state[NTM_SCORE_HEADER + i], NTM_UNKNOWN);
	}
	return bits;
}

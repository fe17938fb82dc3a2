/*
 * ntm_rules.c
 *	  ntm_rules(set, zone, year) and the aggregate
 *	  ntm_score(rules, indicator_code, value, value_yes).
 *
 * The aggregate scores one unit's measurements into the criteria bitmap of
 * a set, as folding ntm_indicator_status would, without reading a table:
 * the rules of the set for the unit's zone and year (criterion, comparison
 * and threshold in force of every indicator) arrive as an argument, built
 * once per set, zone and year by ntm_rules().  A query therefore resolves
 * the rules where tables can be read (on one server, or on the Citus
 * coordinator) and the aggregate runs wherever the measurements are, on
 * Citus worker nodes included.  Its state is a bytea (ntm_rules_core.h),
 * updated in place, so Citus can also ship partial scores between nodes.
 */
#include "postgres.h"
#include "common/compat.h"

#include "common/aggregate.h"
#include "common/varlena.h"
#include "fmgr.h"
#include "ntm/ntm_core.h"
#include "ntm/ntm_rules_core.h"
#include "ntm_pg.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

static void
bad_rules(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid NTM rules value"),
			 errhint("Pass the value ntm_rules(set_code, zone, year) returns.")));
}

static void
bad_state(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid ntm_score state")));
}

/* ntm_rules(set_code text, zone text, year int) -> bytea */
PG_FUNCTION_INFO_V1(ntm_rules_fn);
Datum
ntm_rules_fn(PG_FUNCTION_ARGS)
{
	char	   *set_code = text_to_cstring(PG_GETARG_TEXT_PP(0));
	char	   *zone = text_to_cstring(PG_GETARG_TEXT_PP(1));
	RulesCache *cache = ntm_rules_cache(fcinfo);
	SetRules   *set = ntm_find_rules(cache, set_code, zone, PG_GETARG_INT32(2));
	NtmRule    *rules;
	size_t		size;
	int			bad,
				i;
	NtmRulesStatus st;
	bytea	   *result;

	/* called once per row when a query passes ntm_rules(...) straight in */
	if (set->packed != NULL)
		PG_RETURN_BYTEA_P(set->packed);
	rules = palloc(sizeof(NtmRule) * Max(set->n, 1));
	for (i = 0; i < set->n; i++)
	{
		rules[i].code = set->ind[i].code;
		rules[i].code_len = strlen(set->ind[i].code);
		rules[i].criterion_no = set->ind[i].criterion_no;
		rules[i].op = set->ind[i].op;
		rules[i].has_threshold = set->ind[i].threshold != NULL;
		rules[i].threshold = rules[i].has_threshold ? (const uint8 *) VARDATA(set->ind[i].threshold) : NULL;
		rules[i].threshold_len = rules[i].has_threshold ? VARSIZE(set->ind[i].threshold) - VARHDRSZ : 0;
	}
	st = ntm_rules_prepare(rules, set->n, &size, &bad);
	if (st != NTM_RULES_OK)
	{
		const char *what = bad >= 0 ? pnstrdup(rules[bad].code, rules[bad].code_len) : "";

		switch (st)
		{
			case NTM_RULES_TOO_MANY:
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("criteria set %s has %d indicators; ntm_score handles at most %d",
								set_code, set->n, NTM_RULES_MAX_INDICATORS)));
				break;
			case NTM_RULES_BAD_CRITERION:
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("criterion number out of range for ntm_score: %d", rules[bad].criterion_no),
						 errdetail("Indicator %s of set %s; criteria are numbered 1 to %d.",
								   what, set_code, NTM_MAX_CRITERIA)));
				break;
			case NTM_RULES_CODE_TOO_LONG:
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("indicator code of set %s longer than %d bytes", set_code, NTM_RULES_MAX_CODE)));
				break;
			default:
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("the rules of criteria set %s cannot be packed for ntm_score", set_code),
						 errdetail("Indicator \"%s\".", what)));
				break;
		}
	}
	result = MemoryContextAlloc(cache->cxt, VARHDRSZ + size);
	SET_VARSIZE(result, VARHDRSZ + size);
	ntm_rules_write(rules, set->n, (uint8 *) VARDATA(result));
	set->packed = result;
	PG_RETURN_BYTEA_P(result);
}

/*
 * The rules a transition is fed, decoded once per aggregate call site: a
 * hash of the indicator codes and each threshold as a numeric, so that a
 * measurement costs one hash probe.  A query passes the same few rules
 * values (one per set, zone and year) with every row; the last few decoded
 * ones are kept, keyed by the value's address, size and fingerprint (an
 * FNV-1a hash of its contents, so a different value that happens to land
 * at the same address is not mistaken for it).  Where fn_extra does not
 * survive between calls, every call decodes: slower, never wrong.
 */
#define DECODED_KEEP 8
#define DECODED_SLOTS 256		/* a power of two over 2 * NTM_RULES_MAX_INDICATORS */

typedef struct DecodedRules
{
	const void *key_ptr;		/* the datum as passed (before any detoasting) */
	Size		key_size;
	uint8		fingerprint[4];
	int			n;
	uint8	   *copy;			/* the packed rules the pointers below point into */
	NtmRule		rule[NTM_RULES_MAX_INDICATORS];
	Numeric		threshold[NTM_RULES_MAX_INDICATORS];
	int16		slot[DECODED_SLOTS];	/* rule index + 1; 0 is empty */
} DecodedRules;

typedef struct DecodedCache
{
	int			next;			/* the entry to replace next */
	DecodedRules *entry[DECODED_KEEP];
} DecodedCache;

static uint32
code_hash(const char *code, size_t len)
{
	uint32		h = 2166136261u;
	size_t		i;

	for (i = 0; i < len; i++)
		h = (h ^ (uint8) code[i]) * 16777619u;
	return h;
}

static DecodedRules *
decode_rules(MemoryContext cxt, DecodedRules *d, const uint8 *blob, size_t len)
{
	int			n = ntm_rules_count(blob, len),
				i;

	if (n < 0)
		bad_rules();
	if (d == NULL)
		d = MemoryContextAlloc(cxt, sizeof(DecodedRules));
	else
	{
		pfree(d->copy);
		for (i = 0; i < d->n; i++)
			if (d->threshold[i])
				pfree(d->threshold[i]);
	}
	memset(d->slot, 0, sizeof(d->slot));
	d->n = 0;
	d->copy = MemoryContextAlloc(cxt, Max(len, 1));
	memcpy(d->copy, blob, len);
	memcpy(d->fingerprint, blob + 8, 4);
	for (i = 0; i < n; i++)
	{
		NtmRule    *r = &d->rule[i];
		uint32		h;

		if (!ntm_rules_get(d->copy, len, i, r))
			bad_rules();
		d->threshold[i] = NULL;
		if (r->has_threshold)
		{
			char	   *t = MemoryContextAlloc(cxt, VARHDRSZ + r->threshold_len);

			SET_VARSIZE(t, VARHDRSZ + r->threshold_len);
			memcpy(t + VARHDRSZ, r->threshold, r->threshold_len);
			d->threshold[i] = (Numeric) t;
		}
		/* linear probing; a code seen twice (only in forged rules) keeps its first rule */
		for (h = code_hash(r->code, r->code_len) & (DECODED_SLOTS - 1); d->slot[h] != 0;
			 h = (h + 1) & (DECODED_SLOTS - 1))
			;
		d->slot[h] = (int16) (i + 1);
		d->n = i + 1;
	}
	return d;
}

static int
decoded_find(const DecodedRules *d, const char *code, size_t len)
{
	uint32		h;

	for (h = code_hash(code, len) & (DECODED_SLOTS - 1); d->slot[h] != 0; h = (h + 1) & (DECODED_SLOTS - 1))
	{
		const NtmRule *r = &d->rule[d->slot[h] - 1];

		if (r->code_len == len && memcmp(r->code, code, len) == 0)
			return d->slot[h] - 1;
	}
	return -1;
}

/*
 * The decoded form of the rules argument (rules: its bytes, detoasted, which
 * ntm_rules_count has accepted: the fingerprint is there to read).
 */
static DecodedRules *
decoded_rules(FunctionCallInfo fcinfo, const void *key_ptr, const uint8 *rules, size_t rules_len)
{
	DecodedCache *c = (DecodedCache *) fcinfo->flinfo->fn_extra;
	Size		key_size = VARSIZE_ANY(key_ptr);
	DecodedRules *d;
	int			i;

	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(DecodedCache));
		fcinfo->flinfo->fn_extra = c;
	}
	for (i = 0; i < DECODED_KEEP && c->entry[i] != NULL; i++)
	{
		d = c->entry[i];
		if (d->key_ptr == key_ptr && d->key_size == key_size && memcmp(d->fingerprint, rules + 8, 4) == 0)
			return d;
	}
	i = c->next;
	c->next = (c->next + 1) % DECODED_KEEP;
	d = c->entry[i] = decode_rules(fcinfo->flinfo->fn_mcxt, c->entry[i], rules, rules_len);
	d->key_ptr = key_ptr;
	d->key_size = key_size;
	return d;
}

/*
 * transition: (state bytea, rules bytea, indicator_code text, value numeric,
 * value_yes boolean).  The first row of a group (even one without a
 * measurement, from an outer join) makes the state from the rules; a row
 * with NULL rules is not assessed.  The state is updated in place.
 */
PG_FUNCTION_INFO_V1(ntm_score_rules_trans);
Datum
ntm_score_rules_trans(PG_FUNCTION_ARGS)
{
	bytea	   *state;
	struct varlena *rules_v;
	const uint8 *rules;
	size_t		rules_len;
	int			n,
				i;
	text	   *code;
	DecodedRules *decoded;
	NtmStatus	status;

	aggregate_context(fcinfo, "ntm_score transition");
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	rules_v = varlena_in_place((struct varlena *) PG_GETARG_POINTER(1));
	rules = (const uint8 *) VARDATA_ANY(rules_v);
	rules_len = VARSIZE_ANY_EXHDR(rules_v);
	n = ntm_rules_count(rules, rules_len);
	if (n < 0)
		bad_rules();
	if (PG_ARGISNULL(0))
	{
		state = palloc(VARHDRSZ + NTM_SCORE_SIZE(n));
		SET_VARSIZE(state, VARHDRSZ + NTM_SCORE_SIZE(n));
		if (!ntm_score_init((uint8 *) VARDATA(state), rules, rules_len))
			bad_rules();
	}
	else
	{
		/* the group's state, in the aggregate's memory: updated in place */
		state = PG_GETARG_BYTEA_P(0);
		/* constant time: this runs for every measurement */
		if (!ntm_score_fits((uint8 *) VARDATA(state), VARSIZE(state) - VARHDRSZ, rules, rules_len))
		{
			if (ntm_score_count((uint8 *) VARDATA(state), VARSIZE(state) - VARHDRSZ) < 0)
				bad_state();
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("ntm_score received the rules of different criteria sets in one group"),
					 errhint("Group by unit, year and set, and pass the rules of that set, zone and year.")));
		}
	}
	if (PG_ARGISNULL(2))
		PG_RETURN_BYTEA_P(state);	/* no measurement (an outer join's empty side) */

	/* read in place: this runs for every measurement */
	code = PG_GETARG_TEXT_PP(2);
	decoded = decoded_rules(fcinfo, PG_GETARG_POINTER(1), rules, rules_len);
	i = decoded_find(decoded, VARDATA_ANY(code), VARSIZE_ANY_EXHDR(code));
	if (i < 0)
		PG_RETURN_BYTEA_P(state);	/* an indicator of another set */
	status = ntm_measurement_status(decoded->rule[i].op, PG_ARGISNULL(3) ? NULL : PG_GETARG_NUMERIC(3),
									!PG_ARGISNULL(4), !PG_ARGISNULL(4) && PG_GETARG_BOOL(4),
									decoded->threshold[i]);
	if (!ntm_score_add((uint8 *) VARDATA(state), i, status))
		bad_state();
	PG_RETURN_BYTEA_P(state);
}

/* combine: both halves score one unit, year and set; merged into a in place. */
PG_FUNCTION_INFO_V1(ntm_score_rules_combine);
Datum
ntm_score_rules_combine(PG_FUNCTION_ARGS)
{
	bytea	   *a,
			   *b;

	aggregate_context(fcinfo, "ntm_score combine");
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	b = PG_GETARG_BYTEA_PP(1);
	if (ntm_score_count((uint8 *) VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b)) < 0)
		bad_state();
	if (PG_ARGISNULL(0))
	{
		/* a copy with a 4-byte header, which later calls update in place */
		a = palloc(VARHDRSZ + VARSIZE_ANY_EXHDR(b));
		SET_VARSIZE(a, VARHDRSZ + VARSIZE_ANY_EXHDR(b));
		memcpy(VARDATA(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b));
		PG_RETURN_BYTEA_P(a);
	}
	a = PG_GETARG_BYTEA_P(0);
	if (!ntm_score_merge((uint8 *) VARDATA(a), VARSIZE(a) - VARHDRSZ,
						 (uint8 *) VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("ntm_score cannot combine the scores of different criteria sets")));
	PG_RETURN_BYTEA_P(a);
}

/*
 * final: the criteria bitmap, every indicator without a measurement counted
 * unknown; NULL for a set without indicators, which has nothing to score.
 */
PG_FUNCTION_INFO_V1(ntm_score_rules_final);
Datum
ntm_score_rules_final(PG_FUNCTION_ARGS)
{
	bytea	   *state = PG_GETARG_BYTEA_PP(0);
	int			n = ntm_score_count((uint8 *) VARDATA_ANY(state), VARSIZE_ANY_EXHDR(state));

	if (n < 0)
		bad_state();
	if (n == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT64((int64) ntm_score_result((uint8 *) VARDATA_ANY(state), VARSIZE_ANY_EXHDR(state)));
}

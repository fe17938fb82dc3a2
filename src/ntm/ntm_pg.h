/*
 * ntm_pg.h
 *	  What the NTM glue files share: the decision for one measurement, so
 *	  the indicator view and the scoring aggregate can never disagree.
 */
#ifndef HATRUNG_NTM_PG_H
#define HATRUNG_NTM_PG_H

#include "postgres.h"

#include "fmgr.h"
#include "ntm/ntm_core.h"
#include "utils/numeric.h"

/*
 * The status of one measurement: value (NULL if none) for >=, <=, =, or
 * the yes/no answer (have_yes false if none) for yes; threshold NULL when
 * none is configured.  NaN counts as no value.
 */
extern NtmStatus ntm_measurement_status(NtmComparison op, Numeric value, bool have_yes,
										bool yes, Numeric threshold);

/* ---- a criteria set's rules for one zone and year (ntm_score.c) ---- */

/* Indicators of one set the seen-bitmap can track. */
#define MAX_SET_INDICATORS 128

typedef struct SetIndicator
{
	char	   *code;
	int32		criterion_no;
	NtmComparison op;
	Numeric		threshold;		/* NULL when none is configured */
} SetIndicator;

/* A set's indicators as they apply in one zone and year, sorted by code. */
typedef struct SetRules
{
	char	   *set_code;
	char	   *zone;
	int32		year;
	int			n;
	SetIndicator ind[MAX_SET_INDICATORS];
	bytea	   *packed;			/* ntm_rules()'s result, once made */
	struct SetRules *next;
} SetRules;

/* Per call site (FmgrInfo), for the life of the query. */
typedef struct RulesCache
{
	MemoryContext cxt;
	char	   *schema;			/* the extension's schema, quoted */
	SetRules   *sets;
} RulesCache;

/* The rules cache of a call site (fn_extra), for the life of the query. */
extern RulesCache *ntm_rules_cache(FunctionCallInfo fcinfo);

/* Reads a set's indicators, criteria, comparisons and thresholds in force. */
extern SetRules *ntm_load_rules(RulesCache *cache, const char *set_code, const char *zone, int32 year);

/* The same, read once per call site. */
extern SetRules *ntm_find_rules(RulesCache *cache, const char *set_code, const char *zone, int32 year);

#endif							/* HATRUNG_NTM_PG_H */

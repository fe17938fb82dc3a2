/*
 * ntm_rules_core.h
 *	  Two byte formats, in plain C, that let ntm_score run without reading
 *	  a table (so Citus can run it on worker nodes):
 *
 *	  rules   a criteria set's indicators as they apply in one zone and
 *			  year (criterion, comparison, threshold in force), built once
 *			  per set, zone and year by ntm_rules() and passed to every row
 *			  of the aggregate;
 *	  state   the aggregate's running score of one unit: the criteria bitmap
 *			  of the measured indicators, which indicators were seen, and
 *			  each indicator's criterion (so the final step can count the
 *			  unseen ones as unknown without the rules).
 *
 * Both are read with bounds checks on every access: they reach the
 * aggregate as bytea values, which a caller could forge.  Thresholds are
 * opaque bytes here (a numeric's on-disk form); the glue interprets them.
 */
#ifndef HATRUNG_NTM_RULES_CORE_H
#define HATRUNG_NTM_RULES_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ntm_core.h"

#define NTM_RULES_MAX_INDICATORS 128
#define NTM_RULES_MAX_CODE 255

/* One indicator's rule. */
typedef struct NtmRule
{
	const char *code;
	size_t		code_len;
	int32_t		criterion_no;	/* 1 .. NTM_MAX_CRITERIA */
	NtmComparison op;
	bool		has_threshold;
	const uint8_t *threshold;	/* when has_threshold */
	size_t		threshold_len;
} NtmRule;

typedef enum NtmRulesStatus
{
	NTM_RULES_OK = 0,
	NTM_RULES_TOO_MANY,			/* more than NTM_RULES_MAX_INDICATORS */
	NTM_RULES_CODE_TOO_LONG,	/* a code over NTM_RULES_MAX_CODE bytes */
	NTM_RULES_BAD_CRITERION,	/* a criterion outside 1 .. NTM_MAX_CRITERIA */
	NTM_RULES_BAD_COMPARISON,
	NTM_RULES_DUPLICATE,		/* one code twice */
	NTM_RULES_TOO_LARGE			/* over 64 kB in all */
} NtmRulesStatus;

/*
 * Sorts the rules by code (in place), checks them and gives the size of
 * their packed form; *bad is the index of the offending rule.
 */
extern NtmRulesStatus ntm_rules_prepare(NtmRule *rules, int n, size_t *size, int *bad);

/* Packs prepared rules into out (size bytes from ntm_rules_prepare). */
extern void ntm_rules_write(const NtmRule *rules, int n, uint8_t *out);

/* The number of rules of a packed form, or -1 if its header is not one. */
extern int	ntm_rules_count(const uint8_t *blob, size_t len);

/* Rule i of a packed form; false if it points outside the bytes. */
extern bool ntm_rules_get(const uint8_t *blob, size_t len, int i, NtmRule *out);

/*
 * The index of the rule for a code (not NUL-terminated), -1 if there is
 * none, -2 if the packed form is damaged.
 */
extern int	ntm_rules_find(const uint8_t *blob, size_t len, const char *code, size_t code_len,
						   NtmRule *out);

/* ---- score state ---------------------------------------------------------- */

#define NTM_SCORE_HEADER 40
#define NTM_SCORE_SIZE(n) (NTM_SCORE_HEADER + (size_t) (n))

/* A fresh state for packed rules with n rules (out: NTM_SCORE_SIZE(n) bytes). */
extern bool ntm_score_init(uint8_t *state, const uint8_t *blob, size_t len);

/* The number of indicators of a state, or -1 if the bytes are not one. */
extern int	ntm_score_count(const uint8_t *state, size_t len);

/* True if a state was made from these rules (same fingerprint and count). */
extern bool ntm_score_matches(const uint8_t *state, const uint8_t *blob);

/*
 * The per-measurement check of a state against the rules it is fed with:
 * its header, its size for the rules' count and the rules' fingerprint.
 * Constant time (ntm_score_count reads every byte): with ntm_score_add's own
 * check of the byte it reads, every write stays within the state.
 */
extern bool ntm_score_fits(const uint8_t *state, size_t len, const uint8_t *blob, size_t blob_len);

/*
 * Records indicator i's status (i from ntm_rules_find on the same rules);
 * false, with nothing written, if the state's criterion byte for i is not
 * a criterion number.
 */
extern bool ntm_score_add(uint8_t *state, int i, NtmStatus s);

/* Merges b into a; false unless both score the same indicators. */
extern bool ntm_score_merge(uint8_t *a, size_t alen, const uint8_t *b, size_t blen);

/* The criteria bitmap, every indicator not seen counted unknown. */
extern NtmCriteriaBits ntm_score_result(const uint8_t *state, size_t len);

#endif							/* HATRUNG_NTM_RULES_CORE_H */

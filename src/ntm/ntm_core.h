/*
 * ntm_core.h
 *	  Scoring rules of the New Rural Development (Nông thôn mới) criteria,
 *	  in plain C: deciding an indicator against its threshold, and folding
 *	  indicators into criteria and criteria into a commune result.
 *
 * The rule that shapes everything: "unknown" (no measurement, or no
 * threshold configured) is never counted as met and never as failed.  It
 * is carried separately, so a commune with an unknown criterion does not
 * reach a tier, and a report can say what data is missing.
 */
#ifndef HATRUNG_NTM_CORE_H
#define HATRUNG_NTM_CORE_H

#include <stdbool.h>
#include <stdint.h>

typedef enum NtmStatus
{
	NTM_MET = 0,
	NTM_NOT_MET = 1,
	NTM_UNKNOWN = 2
} NtmStatus;

typedef enum NtmComparison
{
	NTM_GE,						/* value >= threshold */
	NTM_LE,						/* value <= threshold */
	NTM_EQ,						/* value = threshold */
	NTM_YES,					/* yes/no indicator: met when yes */
	NTM_INVALID
} NtmComparison;

/* ">=", "<=", "=", "yes"; anything else is NTM_INVALID. */
extern NtmComparison ntm_comparison_parse(const char *text, int len);

/*
 * The status of a numeric indicator, given whether the measurement and the
 * threshold are known and, when both are, the sign of value - threshold.
 */
extern NtmStatus ntm_decide(NtmComparison op, bool have_value, bool have_threshold,
							int value_minus_threshold_sign);

/* The status of a yes/no indicator. */
extern NtmStatus ntm_decide_yes(bool have_value, bool value);

/*
 * Folding: a criterion is met when every indicator is met, not met when any
 * is not met, otherwise unknown.  The same rule folds criteria into a tier.
 */
typedef struct NtmFold
{
	int32_t		met;
	int32_t		not_met;
	int32_t		unknown;
} NtmFold;

static inline void
ntm_fold_add(NtmFold *f, NtmStatus s)
{
	if (s == NTM_MET)
		f->met++;
	else if (s == NTM_NOT_MET)
		f->not_met++;
	else
		f->unknown++;
}

static inline void
ntm_fold_merge(NtmFold *into, const NtmFold *from)
{
	into->met += from->met;
	into->not_met += from->not_met;
	into->unknown += from->unknown;
}

extern NtmStatus ntm_fold_status(const NtmFold *f);

/*
 * Criteria bitmaps: the fold of a whole set in one 64-bit word.  Criterion
 * n (1..NTM_MAX_CRITERIA) owns bits 2(n-1) and 2(n-1)+1, holding
 * 0 = no indicator seen, 1 = met, 2 = unknown, 3 = not met.  The codes are
 * ordered like the fold's precedence (not met > unknown > met), so adding
 * an indicator keeps the larger code and merging two bitmaps keeps the
 * larger code of each criterion: the fold is a field-wise maximum, which
 * makes it order-independent and parallel without extra state.
 */
#define NTM_MAX_CRITERIA 32

typedef uint64_t NtmCriteriaBits;

/* Folds one indicator's status into its criterion; false if n is out of range. */
extern bool ntm_criteria_add(NtmCriteriaBits *bits, int32_t criterion_no, NtmStatus s);
extern NtmCriteriaBits ntm_criteria_merge(NtmCriteriaBits a, NtmCriteriaBits b);

/* The status of criterion n; false if no indicator of it was seen. */
extern bool ntm_criteria_status(NtmCriteriaBits bits, int32_t criterion_no, NtmStatus *s);

/* Criteria with status s: how many, and their numbers ascending (out: NTM_MAX_CRITERIA). */
extern int	ntm_criteria_count(NtmCriteriaBits bits, NtmStatus s);
extern int	ntm_criteria_list(NtmCriteriaBits bits, NtmStatus s, int32_t *out);

extern const char *ntm_status_name(NtmStatus s);	/* met, not_met, unknown */
extern const char *ntm_status_name_vi(NtmStatus s); /* đạt, chưa đạt, chưa đủ dữ liệu */
extern NtmStatus ntm_status_parse(const char *text, int len, bool *ok);

#endif							/* HATRUNG_NTM_CORE_H */

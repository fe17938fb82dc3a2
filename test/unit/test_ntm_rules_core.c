/*
 * test_ntm_rules_core.c
 *	  Unit tests of ntm_score's packed rules and score state: packing,
 *	  look-up by code, the state's bookkeeping, merging, and rejection of
 *	  damaged or mismatched bytes.
 */
#include <stdlib.h>

#include "unit.h"
#include "../../src/ntm/ntm_rules_core.h"

static const uint8_t thr_80[] = {1, 2, 3};	/* opaque threshold bytes */

static size_t
pack(NtmRule *rules, int n, uint8_t *out, size_t cap)
{
	size_t		size = 0;
	int			bad;

	if (ntm_rules_prepare(rules, n, &size, &bad) != NTM_RULES_OK || size > cap)
		return 0;
	ntm_rules_write(rules, n, out);
	return size;
}

static void
test_pack_and_find(void)
{
	NtmRule		rules[4] = {
		{"3.1", 3, 3, NTM_GE, true, thr_80, sizeof(thr_80)},
		{"10", 2, 10, NTM_GE, false, NULL, 0},
		{"1.1", 3, 1, NTM_YES, false, NULL, 0},
		{"3.10", 4, 3, NTM_LE, true, thr_80, 2},
	};
	uint8_t		blob[512];
	size_t		len = pack(rules, 4, blob, sizeof(blob));
	NtmRule		r;

	CHECK(len > 0);
	CHECK_EQ_INT(ntm_rules_count(blob, len), 4);
	/* sorted bytewise, a prefix first: 1.1, 10, 3.1, 3.10 */
	CHECK_EQ_INT(ntm_rules_find(blob, len, "1.1", 3, &r), 0);
	CHECK_EQ_INT(r.op, NTM_YES);
	CHECK_EQ_INT(ntm_rules_find(blob, len, "10", 2, &r), 1);
	CHECK(!r.has_threshold);
	CHECK_EQ_INT(ntm_rules_find(blob, len, "3.1", 3, &r), 2);
	CHECK_EQ_INT(r.criterion_no, 3);
	CHECK(r.has_threshold && r.threshold_len == 3 && memcmp(r.threshold, thr_80, 3) == 0);
	CHECK_EQ_INT(ntm_rules_find(blob, len, "3.10", 4, &r), 3);
	CHECK_EQ_INT(r.threshold_len, 2);
	CHECK_EQ_INT(ntm_rules_find(blob, len, "3", 1, &r), -1);
	CHECK_EQ_INT(ntm_rules_find(blob, len, "3.100", 5, &r), -1);
	CHECK_EQ_INT(ntm_rules_find(blob, len, "", 0, &r), -1);
	/* an empty set packs too */
	CHECK(pack(rules, 0, blob, sizeof(blob)) > 0);
	CHECK_EQ_INT(ntm_rules_count(blob, 12), 0);
}

static void
test_prepare_rejects(void)
{
	NtmRule		r[2] = {{"1", 1, 1, NTM_GE, false, NULL, 0}, {"1", 1, 2, NTM_GE, false, NULL, 0}};
	NtmRule		one = {"9", 1, 33, NTM_GE, false, NULL, 0};
	NtmRule		op = {"9", 1, 3, NTM_INVALID, false, NULL, 0};
	NtmRule	   *many = calloc(NTM_RULES_MAX_INDICATORS + 1, sizeof(NtmRule));
	size_t		size;
	int			bad;

	CHECK_EQ_INT(ntm_rules_prepare(r, 2, &size, &bad), NTM_RULES_DUPLICATE);
	CHECK_EQ_INT(ntm_rules_prepare(&one, 1, &size, &bad), NTM_RULES_BAD_CRITERION);
	CHECK_EQ_INT(bad, 0);
	CHECK_EQ_INT(ntm_rules_prepare(&op, 1, &size, &bad), NTM_RULES_BAD_COMPARISON);
	CHECK_EQ_INT(ntm_rules_prepare(many, NTM_RULES_MAX_INDICATORS + 1, &size, &bad), NTM_RULES_TOO_MANY);
	free(many);
}

static void
test_score_state(void)
{
	NtmRule		rules[3] = {
		{"a", 1, 1, NTM_GE, false, NULL, 0},
		{"b", 1, 1, NTM_GE, false, NULL, 0},
		{"c", 1, 2, NTM_YES, false, NULL, 0},
	};
	uint8_t		blob[256],
				s1[NTM_SCORE_SIZE(3)],
				s2[NTM_SCORE_SIZE(3)],
				other_blob[256],
				other[NTM_SCORE_SIZE(3)];
	size_t		len = pack(rules, 3, blob, sizeof(blob)),
				other_len;
	NtmCriteriaBits bits;
	NtmStatus	st;

	CHECK(ntm_score_init(s1, blob, len));
	CHECK(ntm_score_init(s2, blob, len));
	CHECK_EQ_INT(ntm_score_count(s1, sizeof(s1)), 3);
	CHECK(ntm_score_matches(s1, blob));
	/* nothing measured: every criterion unknown */
	bits = ntm_score_result(s1, sizeof(s1));
	CHECK(ntm_criteria_status(bits, 1, &st) && st == NTM_UNKNOWN);
	CHECK(ntm_criteria_status(bits, 2, &st) && st == NTM_UNKNOWN);
	/* a met, b met in another partial state, c not met */
	ntm_score_add(s1, 0, NTM_MET);
	ntm_score_add(s2, 1, NTM_MET);
	ntm_score_add(s2, 2, NTM_NOT_MET);
	bits = ntm_score_result(s1, sizeof(s1));
	CHECK(ntm_criteria_status(bits, 1, &st) && st == NTM_UNKNOWN);	/* b unseen */
	CHECK(ntm_score_merge(s1, sizeof(s1), s2, sizeof(s2)));
	bits = ntm_score_result(s1, sizeof(s1));
	CHECK(ntm_criteria_status(bits, 1, &st) && st == NTM_MET);
	CHECK(ntm_criteria_status(bits, 2, &st) && st == NTM_NOT_MET);
	/* a state of other rules (same count, other criteria) does not merge */
	rules[2].criterion_no = 3;
	other_len = pack(rules, 3, other_blob, sizeof(other_blob));
	CHECK(ntm_score_init(other, other_blob, other_len));
	CHECK(!ntm_score_matches(other, blob));
	CHECK(!ntm_score_merge(s1, sizeof(s1), other, sizeof(other)));
}

static void
test_damaged_bytes(void)
{
	NtmRule		rules[2] = {{"x", 1, 1, NTM_GE, true, thr_80, 3}, {"y", 1, 2, NTM_LE, false, NULL, 0}};
	uint8_t		blob[256],
				copy[256],
				state[NTM_SCORE_SIZE(2)];
	size_t		len = pack(rules, 2, blob, sizeof(blob)),
				i;
	NtmRule		r;
	int			wrong = 0;

	/*
	 * Every truncation is refused: too short for the header and entries, the
	 * count says so; shorter than the codes and thresholds the entries point
	 * to, a look-up reports damage (ASan and valgrind watch the reads).
	 */
	CHECK_EQ_INT(len, 12 + 2 * 10 + 1 + 3 + 1);
	for (i = 0; i < len; i++)
		if (i < 32 ? ntm_rules_count(blob, i) != -1 : ntm_rules_find(blob, i, "y", 1, &r) != -2)
			wrong++;
	CHECK_EQ_INT(wrong, 0);
	CHECK_EQ_INT(ntm_rules_find(blob, len, "y", 1, &r), 1);
	/* a wrong magic, count or criterion is refused */
	memcpy(copy, blob, len);
	copy[0] = 'X';
	CHECK_EQ_INT(ntm_rules_count(copy, len), -1);
	memcpy(copy, blob, len);
	copy[4] = 200;
	CHECK_EQ_INT(ntm_rules_count(copy, len), -1);
	memcpy(copy, blob, len);
	copy[12 + 3] = 40;			/* first entry's criterion */
	CHECK(!ntm_rules_get(copy, len, 0, &r));
	memcpy(copy, blob, len);
	copy[12] = 0xFF;			/* first entry's code offset past the end */
	copy[13] = 0xFF;
	CHECK_EQ_INT(ntm_rules_find(copy, len, "x", 1, &r), -2);
	/* a state: wrong size, seen bit past the indicators, bad criterion */
	CHECK(ntm_score_init(state, blob, len));
	CHECK_EQ_INT(ntm_score_count(state, sizeof(state) - 1), -1);
	state[24] = 0x80;			/* seen bit 7, beyond 2 indicators */
	CHECK_EQ_INT(ntm_score_count(state, sizeof(state)), -1);
	CHECK(ntm_score_init(state, blob, len));
	state[NTM_SCORE_HEADER] = 0;
	CHECK_EQ_INT(ntm_score_count(state, sizeof(state)), -1);
	/* the constant-time check and the checked add */
	CHECK(ntm_score_init(state, blob, len));
	CHECK(ntm_score_fits(state, sizeof(state), blob, len));
	CHECK(!ntm_score_fits(state, sizeof(state) - 1, blob, len));
	memcpy(copy, blob, len);
	copy[0] ^= 1;				/* not packed rules */
	CHECK(!ntm_score_fits(state, sizeof(state), copy, len));
	state[8] ^= 1;				/* another fingerprint */
	CHECK(!ntm_score_fits(state, sizeof(state), blob, len));
	state[8] ^= 1;
	state[5] = 1;				/* reserved byte */
	CHECK(!ntm_score_fits(state, sizeof(state), blob, len));
	CHECK(ntm_score_init(state, blob, len));
	state[NTM_SCORE_HEADER + 1] = NTM_MAX_CRITERIA + 1;
	CHECK(!ntm_score_add(state, 1, NTM_MET));
	CHECK(ntm_score_add(state, 0, NTM_MET));
}

int
main(void)
{
	test_pack_and_find();
	test_prepare_rejects();
	test_score_state();
	test_damaged_bytes();
	return UNIT_REPORT("ntm_rules_core");
}

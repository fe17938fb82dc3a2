/*
 * test_ntm_core.c
 *	  Unit tests of NTM indicator decisions and folding.
 */
#include "unit.h"
#include "../../src/ntm/ntm_core.h"

static void
test_decide(void)
{
	/* each comparison at, above and below the threshold */
	CHECK_EQ_INT(ntm_decide(NTM_GE, true, true, 0), NTM_MET);
	CHECK_EQ_INT(ntm_decide(NTM_GE, true, true, 1), NTM_MET);
	CHECK_EQ_INT(ntm_decide(NTM_GE, true, true, -1), NTM_NOT_MET);
	CHECK_EQ_INT(ntm_decide(NTM_LE, true, true, 0), NTM_MET);
	CHECK_EQ_INT(ntm_decide(NTM_LE, true, true, -1), NTM_MET);
	CHECK_EQ_INT(ntm_decide(NTM_LE, true, true, 1), NTM_NOT_MET);
	CHECK_EQ_INT(ntm_decide(NTM_EQ, true, true, 0), NTM_MET);
	CHECK_EQ_INT(ntm_decide(NTM_EQ, true, true, 1), NTM_NOT_MET);
	CHECK_EQ_INT(ntm_decide(NTM_EQ, true, true, -1), NTM_NOT_MET);
	/* missing measurement or threshold: unknown, whatever the comparison */
	CHECK_EQ_INT(ntm_decide(NTM_GE, false, true, 0), NTM_UNKNOWN);
	CHECK_EQ_INT(ntm_decide(NTM_GE, true, false, 0), NTM_UNKNOWN);
	CHECK_EQ_INT(ntm_decide(NTM_LE, false, false, 0), NTM_UNKNOWN);
	CHECK_EQ_INT(ntm_decide(NTM_INVALID, true, true, 0), NTM_UNKNOWN);
	/* yes/no */
	CHECK_EQ_INT(ntm_decide_yes(true, true), NTM_MET);
	CHECK_EQ_INT(ntm_decide_yes(true, false), NTM_NOT_MET);
	CHECK_EQ_INT(ntm_decide_yes(false, false), NTM_UNKNOWN);
}

static void
test_parse(void)
{
	bool		ok;

	CHECK_EQ_INT(ntm_comparison_parse(">=", 2), NTM_GE);
	CHECK_EQ_INT(ntm_comparison_parse("<=", 2), NTM_LE);
	CHECK_EQ_INT(ntm_comparison_parse("=", 1), NTM_EQ);
	CHECK_EQ_INT(ntm_comparison_parse("yes", 3), NTM_YES);
	CHECK_EQ_INT(ntm_comparison_parse(">", 1), NTM_INVALID);
	CHECK_EQ_INT(ntm_comparison_parse("", 0), NTM_INVALID);
	CHECK_EQ_INT(ntm_status_parse("met", 3, &ok), NTM_MET);
	CHECK(ok);
	CHECK_EQ_INT(ntm_status_parse("not_met", 7, &ok), NTM_NOT_MET);
	CHECK_EQ_INT(ntm_status_parse("unknown", 7, &ok), NTM_UNKNOWN);
	ntm_status_parse("MET", 3, &ok);
	CHECK(!ok);
	CHECK_EQ_STR(ntm_status_name(NTM_NOT_MET), "not_met");
	CHECK_EQ_STR(ntm_status_name_vi(NTM_MET), "đạt");
	CHECK_EQ_STR(ntm_status_name_vi(NTM_NOT_MET), "chưa đạt");
	CHECK_EQ_STR(ntm_status_name_vi(NTM_UNKNOWN), "chưa đủ dữ liệu");
}

static void
test_fold(void)
{
	NtmFold		f = {0, 0, 0};
	NtmFold		g = {0, 0, 0};

	/* nothing known is not met */
	CHECK_EQ_INT(ntm_fold_status(&f), NTM_UNKNOWN);
	ntm_fold_add(&f, NTM_MET);
	ntm_fold_add(&f, NTM_MET);
	CHECK_EQ_INT(ntm_fold_status(&f), NTM_MET);
	/* an unknown indicator keeps the criterion from being met */
	ntm_fold_add(&f, NTM_UNKNOWN);
	CHECK_EQ_INT(ntm_fold_status(&f), NTM_UNKNOWN);
	/* and any failure decides */
	ntm_fold_add(&g, NTM_NOT_MET);
	ntm_fold_merge(&f, &g);
	CHECK_EQ_INT(ntm_fold_status(&f), NTM_NOT_MET);
	CHECK_EQ_INT(f.met, 2);
	CHECK_EQ_INT(f.not_met, 1);
	CHECK_EQ_INT(f.unknown, 1);
}

static void
test_criteria_bits(void)
{
	NtmCriteriaBits bits = 0;
	NtmStatus	st;
	int32_t		list[NTM_MAX_CRITERIA];

	CHECK(ntm_criteria_add(&bits, 1, NTM_MET));
	CHECK(ntm_criteria_add(&bits, 1, NTM_MET));
	CHECK(ntm_criteria_add(&bits, 2, NTM_MET));
	CHECK(ntm_criteria_add(&bits, 2, NTM_UNKNOWN));
	CHECK(ntm_criteria_add(&bits, 2, NTM_MET));
	CHECK(ntm_criteria_add(&bits, 19, NTM_UNKNOWN));
	CHECK(ntm_criteria_add(&bits, 19, NTM_NOT_MET));
	CHECK(ntm_criteria_add(&bits, 19, NTM_MET));
	CHECK(ntm_criteria_add(&bits, 32, NTM_NOT_MET));
	CHECK(!ntm_criteria_add(&bits, 0, NTM_MET));
	CHECK(!ntm_criteria_add(&bits, 33, NTM_MET));
	CHECK(!ntm_criteria_add(&bits, -1, NTM_MET));

	CHECK(ntm_criteria_status(bits, 1, &st) && st == NTM_MET);
	CHECK(ntm_criteria_status(bits, 2, &st) && st == NTM_UNKNOWN);
	CHECK(ntm_criteria_status(bits, 19, &st) && st == NTM_NOT_MET);
	CHECK(ntm_criteria_status(bits, 32, &st) && st == NTM_NOT_MET);
	CHECK(!ntm_criteria_status(bits, 3, &st));
	CHECK(!ntm_criteria_status(bits, 33, &st));
	CHECK_EQ_INT(ntm_criteria_count(bits, NTM_MET), 1);
	CHECK_EQ_INT(ntm_criteria_count(bits, NTM_UNKNOWN), 1);
	CHECK_EQ_INT(ntm_criteria_count(bits, NTM_NOT_MET), 2);
	CHECK_EQ_INT(ntm_criteria_list(bits, NTM_NOT_MET, list), 2);
	CHECK_EQ_INT(list[0], 19);
	CHECK_EQ_INT(list[1], 32);
	CHECK_EQ_INT(ntm_criteria_count(0, NTM_MET), 0);
}

/*
 * Property: on random indicator streams the bitmap gives, for every
 * criterion, what NtmFold gives, and folding any split of the stream in
 * two parts and merging them gives the same bitmap.
 */
static void
test_criteria_bits_agree_with_fold(void)
{
	uint32_t	seed = 12345;
	int			round,
				bad = 0;

	for (round = 0; round < 2000; round++)
	{
		NtmFold		folds[NTM_MAX_CRITERIA] = {{0, 0, 0}};
		NtmCriteriaBits whole = 0,
					left = 0,
					right = 0;
		int			n,
					k,
					split;

		seed = seed * 1103515245 + 12345;
		n = (int) (seed >> 16) % 80;
		seed = seed * 1103515245 + 12345;
		split = n ? (int) (seed >> 16) % (n + 1) : 0;
		for (k = 0; k < n; k++)
		{
			int32_t		c;
			NtmStatus	s;

			seed = seed * 1103515245 + 12345;
			c = 1 + (int32_t) ((seed >> 16) % NTM_MAX_CRITERIA);
			s = (NtmStatus) ((seed >> 8) % 3);
			ntm_fold_add(&folds[c - 1], s);
			ntm_criteria_add(&whole, c, s);
			ntm_criteria_add(k < split ? &left : &right, c, s);
		}
		if (ntm_criteria_merge(left, right) != whole || ntm_criteria_merge(right, left) != whole)
			bad++;
		for (k = 0; k < NTM_MAX_CRITERIA; k++)
		{
			NtmStatus	s;
			bool		seen = ntm_criteria_status(whole, k + 1, &s);
			bool		any = folds[k].met + folds[k].not_met + folds[k].unknown > 0;

			if (seen != any || (seen && s != ntm_fold_status(&folds[k])))
				bad++;
		}
	}
	CHECK_EQ_INT(bad, 0);
}

int
main(void)
{
	test_decide();
	test_parse();
	test_fold();
	test_criteria_bits();
	test_criteria_bits_agree_with_fold();
	return UNIT_REPORT("ntm_core");
}

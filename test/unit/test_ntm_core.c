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

int
main(void)
{
	test_decide();
	test_parse();
	test_fold();
	return UNIT_REPORT("ntm_core");
}

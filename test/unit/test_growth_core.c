/*
 * test_growth_core.c
 *	  Unit tests of the growth rules, float8 formulas and series look-ups.
 */
#include <math.h>

#include "unit.h"
#include "../../src/growth/growth_core.h"

#define CHECK_NEAR(got, want, tol) CHECK(fabs((got) - (want)) < (tol))

static void
test_formulas(void)
{
	double		r = 0;

	CHECK(growth_pct_f8(820, 767.8, &r));
	CHECK_NEAR(r, 6.79864548059390, 1e-9);
	CHECK(!growth_pct_f8(10, 0, &r));
	CHECK(!growth_pct_f8(10, -5, &r));
	CHECK(!growth_pct_f8(NAN, 5, &r));
	CHECK(!growth_pct_f8(5, INFINITY, &r));
	CHECK(!growth_pct_f8(INFINITY, 5, &r));
	CHECK(!growth_pct_f8(1e308, 1e-308, &r));	/* overflow is not a figure */
	CHECK(growth_pct_f8(0, 15, &r));
	CHECK_NEAR(r, -100.0, 1e-12);

	CHECK(dev_index_f8(820, 767.8, &r));
	CHECK_NEAR(r, 106.79864548059390, 1e-9);
	CHECK(pct_of_plan_f8(685.528, 1200, &r));
	CHECK_NEAR(r, 57.127333333, 1e-6);
	CHECK(!pct_of_plan_f8(1, 0, &r));

	CHECK(cagr_f8(800, 1000, 5, &r));
	CHECK_NEAR(r, 4.56395525912731, 1e-9);
	CHECK(cagr_f8(800, 0, 5, &r));
	CHECK_NEAR(r, -100.0, 1e-12);
	CHECK(!cagr_f8(0, 1000, 5, &r));
	CHECK(!cagr_f8(800, -1, 5, &r));
	CHECK(!cagr_f8(800, 1000, 0, &r));
	CHECK(!cagr_f8(800, 1000, -1, &r));

	CHECK(contribution_pp_f8(612, 600, 1000, &r));
	CHECK_NEAR(r, 1.2, 1e-12);
	CHECK(!contribution_pp_f8(1, 2, 0, &r));
	CHECK(contribution_pp_f8(1, 2, -10, &r));

	CHECK(share_of_growth_f8(1.2, 6.8, 0.05, &r));
	CHECK_NEAR(r, 17.6470588235, 1e-9);
	CHECK(!share_of_growth_f8(0.5, 0.01, 0.05, &r));
	CHECK(!share_of_growth_f8(0.5, 0, 0, &r));
	CHECK(!share_of_growth_f8(0.5, NAN, 0.05, &r));
	CHECK(!share_of_growth_f8(0.5, 1, NAN, &r));
}

static void
test_rules(void)
{
	CHECK(growth_base_is_usable(1, true));
	CHECK(!growth_base_is_usable(0, true));
	CHECK(!growth_base_is_usable(-1, true));
	CHECK(!growth_base_is_usable(1, false));
	CHECK(cagr_is_defined(1, 0, 1));
	CHECK(!cagr_is_defined(1, -1, 1));
	CHECK(!cagr_is_defined(0, 1, 1));
	CHECK_EQ_INT(series_step_order(8092, 8093), SERIES_ORDERED);
	CHECK_EQ_INT(series_step_order(8092, 8092), SERIES_DUPLICATE);
	CHECK_EQ_INT(series_step_order(8093, 8092), SERIES_UNORDERED);
	CHECK_EQ_INT(indicator_kind_parse("flow", 4), KIND_FLOW);
	CHECK_EQ_INT(indicator_kind_parse("stock", 5), KIND_STOCK);
	CHECK_EQ_INT(indicator_kind_parse("ratio", 5), KIND_INVALID);
	CHECK_EQ_INT(indicator_kind_parse("Flow", 4), KIND_INVALID);
	CHECK_EQ_INT(indicator_kind_parse("flows", 5), KIND_INVALID);
	CHECK_EQ_INT(indicator_kind_parse("flo", 3), KIND_INVALID);
	CHECK_EQ_INT(indicator_kind_parse("", 0), KIND_INVALID);
	/* 2023-Q3 = 2023 * 4 + 2: the floor is 2022-Q1 */
	CHECK_EQ_INT(series_lookback_floor(2023 * 4 + 2), 2022 * 4);
	CHECK_EQ_INT(series_lookback_floor(2023 * 4), 2022 * 4);
}

static void
test_series(void)
{
	/* 2022-Q1, 2022-Q3, 2022-Q4, 2023-Q1, 2023-Q2, 2023-Q3 */
	int32_t		ords[] = {8088, 8090, 8091, 8092, 8093, 8094};
	int			n = 6;
	int			m[4];

	CHECK_EQ_INT(series_find(ords, n, 8088), 0);
	CHECK_EQ_INT(series_find(ords, n, 8094), 5);
	CHECK_EQ_INT(series_find(ords, n, 8089), -1);
	CHECK_EQ_INT(series_find(ords, n, 8000), -1);
	CHECK_EQ_INT(series_find(ords, n, 9000), -1);
	CHECK_EQ_INT(series_find(ords, 0, 8088), -1);

	/* flow YTD of 2023-Q3 = Q1 + Q2 + Q3 */
	CHECK_EQ_INT(series_ytd_members(ords, n, 8094, KIND_FLOW, m), 3);
	CHECK_EQ_INT(m[0], 3);
	CHECK_EQ_INT(m[2], 5);
	/* flow YTD of 2022-Q3: Q2 is missing */
	CHECK_EQ_INT(series_ytd_members(ords, n, 8090, KIND_FLOW, m), -1);
	/* flow YTD of 2022-Q1 is Q1 alone */
	CHECK_EQ_INT(series_ytd_members(ords, n, 8088, KIND_FLOW, m), 1);
	/* stock YTD is the value at the period */
	CHECK_EQ_INT(series_ytd_members(ords, n, 8090, KIND_STOCK, m), 1);
	CHECK_EQ_INT(m[0], 1);
	CHECK_EQ_INT(series_ytd_members(ords, n, 8089, KIND_STOCK, m), -1);
}

int
main(void)
{
	test_formulas();
	test_rules();
	test_series();
	return UNIT_REPORT("growth_core");
}

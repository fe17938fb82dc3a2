/*
 * test_quarter_core.c
 *	  Unit tests of the quarter core, run without a server (and under
 *	  ASan/UBSan and valgrind by the test driver).
 */
#include "unit.h"
#include "../../src/quarter/quarter_core.h"

static QuarterStatus
parse(const char *s, int32_t *ord)
{
	return quarter_parse(s, strlen(s), ord);
}

/* Every accepted spelling of 2023-Q<q> parses to the same ordinal. */
static void
test_accepted_forms(void)
{
	static const struct
	{
		const char *text;
		int			year;
		int			q;
	}			cases[] = {
		{"2023-Q1", 2023, 1},
		{"2023Q1", 2023, 1},
		{"2023 Q1", 2023, 1},
		{"2023/Q2", 2023, 2},
		{"2023 - q3", 2023, 3},
		{"Q1 2023", 2023, 1},
		{"Q1-2023", 2023, 1},
		{"Q1/2023", 2023, 1},
		{"q4-2023", 2023, 4},
		{"I-2023", 2023, 1},
		{"II/2023", 2023, 2},
		{"iii 2023", 2023, 3},
		{"IV-2023", 2023, 4},
		{"quý I-2023", 2023, 1},
		{"Quý II/2023", 2023, 2},
		{"quy III-2023", 2023, 3},
		{"quý 2/2023", 2023, 2},
		{"quý 4 năm 2023", 2023, 4},
		{"Quý IV năm 2023", 2023, 4},
		{"QUÝ IV NĂM 2023", 2023, 4},
		{"Quý I - 2023", 2023, 1},
		{"quí I/2023", 2023, 1},
		{"qúy I/2023", 2023, 1},
		{"quy\xCC\x81 I-2023", 2023, 1},	/* decomposed: y + combining acute */
		{"qu\xC3\xBD\xC2\xA0I-2023", 2023, 1},	/* no-break space */
		{"  \t2023-Q1\n ", 2023, 1},
		{"qu\xC3\xBD I\xE2\x80\x93" "2023", 2023, 1},	/* en dash */
		{"2023\xE2\x88\x92Q2", 2023, 2},	/* minus sign */
		{"0001-Q1", 1, 1},
		{"9999-Q4", 9999, 4},
	};
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		int32_t		ord = -1;

		CHECK_EQ_INT(parse(cases[i].text, &ord), QUARTER_OK);
		CHECK_EQ_INT(ord, quarter_make_ordinal(cases[i].year, cases[i].q));
	}
}

static void
test_rejected_forms(void)
{
	static const struct
	{
		const char *text;
		QuarterStatus status;
	}			cases[] = {
		{"", QUARTER_BAD_SYNTAX},
		{"   ", QUARTER_BAD_SYNTAX},
		{"2023", QUARTER_BAD_SYNTAX},
		{"2023-", QUARTER_BAD_SYNTAX},
		{"2023-Q1x", QUARTER_BAD_SYNTAX},
		{"2023-Q1 junk", QUARTER_BAD_SYNTAX},
		{"2023-1", QUARTER_BAD_SYNTAX},
		{"Q1", QUARTER_BAD_SYNTAX},
		{"Q12023", QUARTER_BAD_SYNTAX},
		{"quý", QUARTER_BAD_SYNTAX},
		{"quý I", QUARTER_BAD_SYNTAX},
		{"quý I-", QUARTER_BAD_SYNTAX},
		{"quý I--2023", QUARTER_BAD_SYNTAX},
		{"quý I năm", QUARTER_BAD_SYNTAX},
		{"2023-Q1\x01", QUARTER_BAD_SYNTAX},
		{"2023\xC3\xA9Q1", QUARTER_BAD_SYNTAX},
		{"\xCC\x81" "2023-Q1", QUARTER_BAD_SYNTAX},
		{"\xFF", QUARTER_BAD_SYNTAX},
		{"\xC3", QUARTER_BAD_SYNTAX},
		{"2023\xE2\x80\x94Q1", QUARTER_BAD_SYNTAX},	/* em dash is not a separator */
		{"2023-Q1\xE2\x80", QUARTER_BAD_SYNTAX},	/* truncated UTF-8 */
		{"abc", QUARTER_BAD_SYNTAX},
		{"Q5-2023", QUARTER_BAD_QUARTER_NUMBER},
		{"2023-Q0", QUARTER_BAD_QUARTER_NUMBER},
		{"2023-Q11", QUARTER_BAD_QUARTER_NUMBER},
		{"quý V/2023", QUARTER_BAD_QUARTER_NUMBER},
		{"quý IIII/2023", QUARTER_BAD_QUARTER_NUMBER},
		{"quý 5/2023", QUARTER_BAD_QUARTER_NUMBER},
		{"quý I/23", QUARTER_SHORT_YEAR},
		{"23-Q1", QUARTER_SHORT_YEAR},
		{"0000-Q1", QUARTER_YEAR_OUT_OF_RANGE},
		{"10000-Q1", QUARTER_YEAR_OUT_OF_RANGE},
		{"Q1-99999999999999999999", QUARTER_YEAR_OUT_OF_RANGE},
		{"2023-Q1                                                     x", QUARTER_BAD_SYNTAX},
	};
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		int32_t		ord = 12345;
		QuarterStatus st = parse(cases[i].text, &ord);

		if (st != cases[i].status)
			fprintf(stderr, "  input: \"%s\"\n", cases[i].text);
		CHECK_EQ_INT(st, cases[i].status);
		CHECK_EQ_INT(ord, 12345);	/* untouched on error */
	}

	/* the length argument is honoured: no reading past it */
	{
		int32_t		ord;

		CHECK_EQ_INT(quarter_parse("2023-Q1junk", 7, &ord), QUARTER_OK);
		CHECK_EQ_INT(ord, quarter_make_ordinal(2023, 1));
		CHECK_EQ_INT(quarter_parse("2023-Q1", 6, &ord), QUARTER_BAD_SYNTAX);
	}
}

static void
test_format(void)
{
	char		buf[QUARTER_TEXT_BUFSIZE];

	CHECK_EQ_INT(quarter_format(quarter_make_ordinal(2023, 1), buf), 7);
	CHECK_EQ_STR(buf, "2023-Q1");
	quarter_format(quarter_make_ordinal(1, 4), buf);
	CHECK_EQ_STR(buf, "0001-Q4");
	quarter_format(QUARTER_MAX_ORDINAL, buf);
	CHECK_EQ_STR(buf, "9999-Q4");
	quarter_format_vi(quarter_make_ordinal(2023, 1), buf);
	CHECK_EQ_STR(buf, "qu\xC3\xBD I-2023");
	quarter_format_vi(quarter_make_ordinal(2023, 4), buf);
	CHECK_EQ_STR(buf, "qu\xC3\xBD IV-2023");
	quarter_format_vi(quarter_make_ordinal(7, 3), buf);
	CHECK_EQ_STR(buf, "qu\xC3\xBD III-0007");
}

/* Output parses back to the same value, in both formats, for every quarter. */
static void
test_round_trip_all(void)
{
	int32_t		ord;
	int			bad = 0;

	for (ord = QUARTER_MIN_ORDINAL; ord <= QUARTER_MAX_ORDINAL; ord++)
	{
		char		buf[QUARTER_TEXT_BUFSIZE];
		int32_t		back = -1,
					back_vi = -1;
		int			len = quarter_format(ord, buf);

		if (quarter_parse(buf, (size_t) len, &back) != QUARTER_OK || back != ord)
			bad++;
		len = quarter_format_vi(ord, buf);
		if (quarter_parse(buf, (size_t) len, &back_vi) != QUARTER_OK || back_vi != ord)
			bad++;
	}
	CHECK_EQ_INT(bad, 0);
}

static int
naive_days_in_month(int y, int m)
{
	static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool		leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return len[m - 1] + (m == 2 && leap);
}

/* Walk every day of years 1..9999 and compare with a naive calendar. */
static void
test_calendar_exhaustive(void)
{
	int32_t		day = civil_to_days(1, 1, 1);
	int			y,
				m,
				d,
				bad = 0;

	CHECK_EQ_INT(civil_to_days(2000, 1, 1), 0);
	CHECK_EQ_INT(civil_to_days(1970, 1, 1), -10957);
	for (y = 1; y <= 9999; y++)
		for (m = 1; m <= 12; m++)
			for (d = 1; d <= naive_days_in_month(y, m); d++, day++)
			{
				int32_t		yy,
							mm,
							dd,
							ord = 0;

				if (civil_to_days(y, m, d) != day)
					bad++;
				days_to_civil(day, &yy, &mm, &dd);
				if (yy != y || mm != m || dd != d)
					bad++;
				if (quarter_from_day(day, &ord) != QUARTER_OK ||
					ord != quarter_make_ordinal(y, (m - 1) / 3 + 1))
					bad++;
			}
	CHECK_EQ_INT(bad, 0);
}

static void
test_quarter_days(void)
{
	int32_t		q2024_1 = quarter_make_ordinal(2024, 1);
	int32_t		q2023_1 = quarter_make_ordinal(2023, 1);
	int32_t		ord;

	CHECK_EQ_INT(quarter_last_day(q2024_1) - quarter_first_day(q2024_1) + 1, 91);
	CHECK_EQ_INT(quarter_last_day(q2023_1) - quarter_first_day(q2023_1) + 1, 90);
	CHECK_EQ_INT(quarter_last_day(q2024_1), civil_to_days(2024, 3, 31));
	CHECK_EQ_INT(quarter_first_day(quarter_make_ordinal(2023, 4)),
				 civil_to_days(2023, 10, 1));
	CHECK_EQ_INT(quarter_last_day(QUARTER_MAX_ORDINAL), civil_to_days(9999, 12, 31));
	CHECK_EQ_INT(quarter_from_day(civil_to_days(0, 12, 31), &ord), QUARTER_OUT_OF_RANGE);
	CHECK_EQ_INT(quarter_from_day(civil_to_days(10000, 1, 1), &ord), QUARTER_OUT_OF_RANGE);
	CHECK_EQ_INT(quarter_from_day(-2451545, &ord), QUARTER_OUT_OF_RANGE);	/* 4714 BC */
}

static void
test_arithmetic(void)
{
	int32_t		r = 0;

	CHECK_EQ_INT(quarter_add(quarter_make_ordinal(2023, 4), 1, &r), QUARTER_OK);
	CHECK_EQ_INT(r, quarter_make_ordinal(2024, 1));
	CHECK_EQ_INT(quarter_add(quarter_make_ordinal(2023, 1), -1, &r), QUARTER_OK);
	CHECK_EQ_INT(r, quarter_make_ordinal(2022, 4));
	CHECK_EQ_INT(quarter_add(quarter_make_ordinal(2023, 1), -4, &r), QUARTER_OK);
	CHECK_EQ_INT(r, quarter_make_ordinal(2022, 1));
	CHECK_EQ_INT(quarter_add(QUARTER_MAX_ORDINAL, 1, &r), QUARTER_OUT_OF_RANGE);
	CHECK_EQ_INT(quarter_add(QUARTER_MIN_ORDINAL, -1, &r), QUARTER_OUT_OF_RANGE);
	CHECK_EQ_INT(quarter_add(QUARTER_MIN_ORDINAL, 2147483647, &r), QUARTER_OUT_OF_RANGE);
	CHECK_EQ_INT(quarter_add(QUARTER_MAX_ORDINAL, -2147483647LL - 1, &r), QUARTER_OUT_OF_RANGE);
	CHECK_EQ_INT(quarter_add(QUARTER_MIN_ORDINAL, QUARTER_MAX_ORDINAL - QUARTER_MIN_ORDINAL, &r),
				 QUARTER_OK);
	CHECK_EQ_INT(r, QUARTER_MAX_ORDINAL);
}

static void
test_parts_and_yyyyq(void)
{
	int32_t		r = 0;

	CHECK_EQ_INT(quarter_from_parts(2023, 3, &r), QUARTER_OK);
	CHECK_EQ_INT(quarter_year(r), 2023);
	CHECK_EQ_INT(quarter_of_year(r), 3);
	CHECK_EQ_INT(quarter_from_parts(2023, 0, &r), QUARTER_BAD_QUARTER_NUMBER);
	CHECK_EQ_INT(quarter_from_parts(2023, 5, &r), QUARTER_BAD_QUARTER_NUMBER);
	CHECK_EQ_INT(quarter_from_parts(0, 1, &r), QUARTER_YEAR_OUT_OF_RANGE);
	CHECK_EQ_INT(quarter_from_parts(10000, 1, &r), QUARTER_YEAR_OUT_OF_RANGE);
	CHECK_EQ_INT(quarter_from_yyyyq(20231, &r), QUARTER_OK);
	CHECK_EQ_INT(quarter_to_yyyyq(r), 20231);
	CHECK_EQ_INT(quarter_from_yyyyq(20235, &r), QUARTER_BAD_QUARTER_NUMBER);
	CHECK_EQ_INT(quarter_from_yyyyq(-20231, &r), QUARTER_YEAR_OUT_OF_RANGE);
	CHECK_EQ_INT(quarter_from_yyyyq(100001, &r), QUARTER_YEAR_OUT_OF_RANGE);
}

static void
test_fiscal(void)
{
	int32_t		r = 0;

	/* start in January: calendar quarters */
	CHECK_EQ_INT(quarter_fiscal_from_day(civil_to_days(2023, 5, 15), 1, &r), QUARTER_OK);
	CHECK_EQ_INT(r, quarter_make_ordinal(2023, 2));
	/* start in October (US federal): 2023-10-01 opens FY2024 Q1 */
	CHECK_EQ_INT(quarter_fiscal_from_day(civil_to_days(2023, 10, 1), 10, &r), QUARTER_OK);
	CHECK_EQ_INT(r, quarter_make_ordinal(2024, 1));
	CHECK_EQ_INT(quarter_fiscal_from_day(civil_to_days(2023, 9, 30), 10, &r), QUARTER_OK);
	CHECK_EQ_INT(r, quarter_make_ordinal(2023, 4));
	/* start in April: 2024-03-31 is the last day of FY2024 */
	CHECK_EQ_INT(quarter_fiscal_from_day(civil_to_days(2024, 3, 31), 4, &r), QUARTER_OK);
	CHECK_EQ_INT(r, quarter_make_ordinal(2024, 4));
	CHECK_EQ_INT(quarter_fiscal_from_day(civil_to_days(2024, 4, 1), 4, &r), QUARTER_OK);
	CHECK_EQ_INT(r, quarter_make_ordinal(2025, 1));
	CHECK_EQ_INT(quarter_fiscal_from_day(0, 0, &r), QUARTER_BAD_PARAMETER);
	CHECK_EQ_INT(quarter_fiscal_from_day(0, 13, &r), QUARTER_BAD_PARAMETER);
	CHECK_EQ_INT(quarter_fiscal_from_day(civil_to_days(9999, 7, 1), 7, &r),
				 QUARTER_OUT_OF_RANGE);
}

static QuarterStatus
parse_period(const char *s, int32_t *lo, int32_t *hi)
{
	return period_parse_vi(s, strlen(s), lo, hi);
}

/* Report headings: the cumulative periods from January and any quarter. */
static void
test_period_accepted(void)
{
	static const struct
	{
		const char *text;
		int			year;
		int			quarters;	/* from Q1, or 0 for a single quarter */
		int			q;
	}			cases[] = {
		{"6 tháng đầu năm 2023", 2023, 2, 1},
		{"6 Tháng Đầu Năm 2023", 2023, 2, 1},
		{"6 THÁNG ĐẦU NĂM 2023", 2023, 2, 1},
		{"6 tha\xCC\x81ng \xC4\x91\xC3\xA2\xCC\x80u n\xC4\x83m 2023", 2023, 2, 1},	/* decomposed */
		{"6 tháng năm 2023", 2023, 2, 1},
		{"6 tháng 2023", 2023, 2, 1},
		{"  9\xC2\xA0tháng  năm 2023 ", 2023, 3, 1},
		{"9 tháng đầu năm 2023", 2023, 3, 1},
		{"3 tháng đầu năm 2024", 2024, 1, 1},
		{"12 tháng năm 2023", 2023, 4, 1},
		{"năm 2023", 2023, 4, 1},
		{"Năm 2023", 2023, 4, 1},
		{"cả năm 2023", 2023, 4, 1},
		{"Cả năm 2023", 2023, 4, 1},
		{"quý II-2023", 2023, 0, 2},
		{"2023-Q4", 2023, 0, 4},
		{"9 tháng năm 0001", 1, 3, 1},
		{"9 tháng năm 9999", 9999, 3, 1},
		{"9999-Q3", 9999, 0, 3},
	};
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		int32_t		lo = -1,
					hi = -1;
		int32_t		first = quarter_make_ordinal(cases[i].year, cases[i].q);

		CHECK_EQ_INT(parse_period(cases[i].text, &lo, &hi), QUARTER_OK);
		CHECK_EQ_INT(lo, first);
		CHECK_EQ_INT(hi, first + (cases[i].quarters ? cases[i].quarters : 1));
	}
}

static void
test_period_rejected(void)
{
	static const struct
	{
		const char *text;
		QuarterStatus want;
	}			cases[] = {
		{"", QUARTER_BAD_SYNTAX},
		{"   ", QUARTER_BAD_SYNTAX},
		{"tháng 2023", QUARTER_BAD_SYNTAX},
		{"6 tháng", QUARTER_BAD_SYNTAX},
		{"6 tháng đầu năm", QUARTER_BAD_SYNTAX},
		{"6 tháng đầu năm 2023 x", QUARTER_BAD_SYNTAX},
		{"6 tháng cuối năm 2023", QUARTER_BAD_SYNTAX},	/* July-December is not cumulative */
		{"6 thang dau nam 2023x", QUARTER_BAD_SYNTAX},
		{"năm", QUARTER_BAD_SYNTAX},
		{"cả năm", QUARTER_BAD_SYNTAX},
		{"2023", QUARTER_BAD_SYNTAX},
		{"5 tháng năm 2023", QUARTER_BAD_MONTHS},
		{"0 tháng năm 2023", QUARTER_BAD_MONTHS},
		{"15 tháng năm 2023", QUARTER_BAD_MONTHS},
		{"99999999999 tháng năm 2023", QUARTER_BAD_MONTHS},
		{"6 tháng năm 23", QUARTER_SHORT_YEAR},
		{"năm 223", QUARTER_SHORT_YEAR},
		{"năm 0000", QUARTER_YEAR_OUT_OF_RANGE},
		{"năm 9999", QUARTER_YEAR_OUT_OF_RANGE},	/* no quarter after it to end at */
		{"cả năm 12345", QUARTER_YEAR_OUT_OF_RANGE},
		{"9999-Q4", QUARTER_YEAR_OUT_OF_RANGE},
		{"quý V-2023", QUARTER_BAD_QUARTER_NUMBER},
	};
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		int32_t		lo = 7,
					hi = 7;

		CHECK_EQ_INT(parse_period(cases[i].text, &lo, &hi), cases[i].want);
		CHECK_EQ_INT(lo, 7);	/* untouched on failure */
	}
}

static void
test_period_format(void)
{
	char		buf[PERIOD_TEXT_BUFSIZE];
	int32_t		q1 = quarter_make_ordinal(2023, 1);
	int32_t		lo,
				hi,
				a,
				b;

	CHECK_EQ_INT(period_format_vi(q1, q1 + 1, buf), (int) strlen("quý I-2023"));
	CHECK_EQ_STR(buf, "quý I-2023");
	period_format_vi(q1, q1 + 2, buf);
	CHECK_EQ_STR(buf, "6 tháng đầu năm 2023");
	period_format_vi(q1, q1 + 3, buf);
	CHECK_EQ_STR(buf, "9 tháng đầu năm 2023");
	period_format_vi(q1, q1 + 4, buf);
	CHECK_EQ_STR(buf, "năm 2023");
	period_format_vi(q1 + 1, q1 + 3, buf);
	CHECK_EQ_STR(buf, "từ quý II-2023 đến quý III-2023");
	period_format_vi(q1, q1 + 8, buf);
	CHECK_EQ_STR(buf, "từ quý I-2023 đến quý IV-2024");
	/* the longest label fits */
	CHECK(period_format_vi(quarter_make_ordinal(1, 3), QUARTER_MAX_ORDINAL, buf) < PERIOD_TEXT_BUFSIZE);

	/* every label of a range within a decade reads back as the same range */
	for (a = quarter_make_ordinal(2019, 1); a < quarter_make_ordinal(2029, 1); a++)
		for (b = a + 1; b <= quarter_make_ordinal(2029, 1); b++)
		{
			int			n = period_format_vi(a, b, buf);
			QuarterStatus st = period_parse_vi(buf, (size_t) n, &lo, &hi);

			if (b - a == 1 || (quarter_of_year(a) == 1 && b - a <= 4))
			{
				CHECK_EQ_INT(st, QUARTER_OK);
				CHECK(lo == a && hi == b);
			}
			else
				CHECK_EQ_INT(st, QUARTER_BAD_SYNTAX);	/* "từ ... đến ..." is output only */
		}
}

int
main(void)
{
	test_accepted_forms();
	test_rejected_forms();
	test_format();
	test_round_trip_all();
	test_calendar_exhaustive();
	test_quarter_days();
	test_arithmetic();
	test_parts_and_yyyyq();
	test_fiscal();
	test_period_accepted();
	test_period_rejected();
	test_period_format();
	return UNIT_REPORT("quarter_core");
}

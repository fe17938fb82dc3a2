/*
 * test_vnnum_core.c
 *	  Unit tests of Vietnamese number parsing and formatting.
 */
#include "unit.h"
#include "../../src/vnnum/vnnum_core.h"

static void
check_parse(const char *in, VnNumStatus want, const char *want_out)
{
	char		out[VNNUM_BUFSIZE] = "";
	VnNumStatus st = vnnum_parse(in, strlen(in), out);

	if (st != want)
		fprintf(stderr, "  input: \"%s\"\n", in);
	CHECK_EQ_INT(st, want);
	if (want == VNNUM_OK)
		CHECK_EQ_STR(out, want_out);
}

static void
test_parse(void)
{
	check_parse("820", VNNUM_OK, "820");
	check_parse("22,756", VNNUM_OK, "22.756");
	check_parse("685,528", VNNUM_OK, "685.528");
	check_parse("1.041,6", VNNUM_OK, "1041.6");
	check_parse("12.439,9", VNNUM_OK, "12439.9");
	check_parse("1.234.567", VNNUM_OK, "1234567");
	check_parse("1 234 567,5", VNNUM_OK, "1234567.5");
	check_parse("1\xC2\xA0" "234", VNNUM_OK, "1234");
	check_parse("  -5 ", VNNUM_OK, "-5");
	check_parse("+5", VNNUM_OK, "5");
	check_parse("\xE2\x88\x92" "4,5", VNNUM_OK, "-4.5");
	check_parse("0,05", VNNUM_OK, "0.05");
	check_parse("22,756 tri\xE1\xBB\x87u", VNNUM_OK, "22756000");
	check_parse("685,528 t\xE1\xBB\xB7", VNNUM_OK, "685528000000");
	check_parse("1,5 t\xE1\xBB\x89", VNNUM_OK, "1500000000");
	check_parse("2 ngh\xC3\xACn t\xE1\xBB\xB7", VNNUM_OK, "2000000000000");
	check_parse("3 ng\xC3\xA0n", VNNUM_OK, "3000");
	check_parse("7 v\xE1\xBA\xA1n", VNNUM_OK, "70000");
	check_parse("1,23456 nghin", VNNUM_OK, "1234.56");
	check_parse("5 TRIEU", VNNUM_OK, "5000000");
	check_parse("1.041,6 ngh\xC3\xACn", VNNUM_OK, "1041600");

	check_parse("", VNNUM_EMPTY, NULL);
	check_parse("   ", VNNUM_EMPTY, NULL);
	check_parse("abc", VNNUM_BAD_SYNTAX, NULL);
	check_parse("-", VNNUM_BAD_SYNTAX, NULL);
	check_parse(",5", VNNUM_BAD_SYNTAX, NULL);
	check_parse("5,", VNNUM_BAD_SYNTAX, NULL);
	check_parse("1,5,6", VNNUM_BAD_SYNTAX, NULL);
	check_parse("12x", VNNUM_BAD_SYNTAX, NULL);
	check_parse("1.5", VNNUM_BAD_GROUPING, NULL);
	check_parse("1.23", VNNUM_BAD_GROUPING, NULL);
	check_parse("1.2345", VNNUM_BAD_GROUPING, NULL);
	check_parse("1234.567", VNNUM_BAD_GROUPING, NULL);
	check_parse("1.234 567", VNNUM_BAD_GROUPING, NULL);
	check_parse("22,756 USD", VNNUM_UNKNOWN_WORD, NULL);
	check_parse("5 tri", VNNUM_UNKNOWN_WORD, NULL);
	check_parse("5 triệux", VNNUM_UNKNOWN_WORD, NULL);
	check_parse("5 tỷ tỷ tỷ", VNNUM_UNKNOWN_WORD, NULL);
	check_parse("6,8%", VNNUM_BAD_SYNTAX, NULL);
	check_parse("NaN", VNNUM_BAD_SYNTAX, NULL);
	check_parse("1e5", VNNUM_BAD_SYNTAX, NULL);
	{
		char		big[400];

		memset(big, '9', sizeof(big) - 1);
		big[sizeof(big) - 1] = '\0';
		check_parse(big, VNNUM_TOO_LONG, NULL);
	}
}

static void
test_format(void)
{
	char		out[VNNUM_BUFSIZE];

	CHECK_EQ_INT(vnnum_format("1041.6", out, sizeof(out)), 0);
	CHECK_EQ_STR(out, "1.041,6");
	vnnum_format("22.756", out, sizeof(out));
	CHECK_EQ_STR(out, "22,756");
	vnnum_format("820", out, sizeof(out));
	CHECK_EQ_STR(out, "820");
	vnnum_format("-1234567.50", out, sizeof(out));
	CHECK_EQ_STR(out, "-1.234.567,50");
	vnnum_format("685528000000", out, sizeof(out));
	CHECK_EQ_STR(out, "685.528.000.000");
	vnnum_format("0.05", out, sizeof(out));
	CHECK_EQ_STR(out, "0,05");
	CHECK_EQ_INT(vnnum_format("NaN", out, sizeof(out)), -1);
	CHECK_EQ_INT(vnnum_format("", out, sizeof(out)), -1);
	CHECK_EQ_INT(vnnum_format("1.2.3", out, sizeof(out)), -1);
	CHECK_EQ_INT(vnnum_format("123456", out, 4), -1);
}

/* Formatting then parsing gives the number back. */
static void
test_round_trip(void)
{
	static const char *const values[] = {"0", "1", "999", "1000", "-1000.5", "123456789.0123", "100000"};
	size_t		i;

	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++)
	{
		char		vn[VNNUM_BUFSIZE],
					back[VNNUM_BUFSIZE];

		CHECK_EQ_INT(vnnum_format(values[i], vn, sizeof(vn)), 0);
		CHECK_EQ_INT(vnnum_parse(vn, strlen(vn), back), VNNUM_OK);
		CHECK_EQ_STR(back, values[i]);
	}
}

static void
test_scale_reported(void)
{
	char		out[VNNUM_BUFSIZE];
	int			e = -1;

	CHECK_EQ_INT(vnnum_parse_scaled("22,756", 6, out, &e), VNNUM_OK);
	CHECK_EQ_INT(e, 0);
	CHECK_EQ_INT(vnnum_parse_scaled("22,756 tri\xE1\xBB\x87u", 14, out, &e), VNNUM_OK);
	CHECK_EQ_INT(e, 6);
	CHECK_EQ_STR(out, "22756000");
	CHECK_EQ_INT(vnnum_parse_scaled("2 ngh\xC3\xACn t\xE1\xBB\xB7", 13, out, &e), VNNUM_OK);
	CHECK_EQ_INT(e, 12);
	CHECK_EQ_INT(vnnum_parse_scaled("1\xC2\xA0" "234", 6, out, &e), VNNUM_OK);
	CHECK_EQ_INT(e, 0);
}

int
main(void)
{
	test_scale_reported();
	test_parse();
	test_format();
	test_round_trip();
	return UNIT_REPORT("vnnum_core");
}

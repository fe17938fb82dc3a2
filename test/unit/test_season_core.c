/*
 * test_season_core.c
 *	  Unit tests of the crop season core, run without a server (and under
 *	  ASan/UBSan and valgrind by the test driver).
 */
#include "unit.h"
#include "../../src/season/season_core.h"

static SeasonStatus
parse(const char *s, int32_t *ord)
{
	return season_parse(s, strlen(s), ord);
}

/* Every accepted spelling, with the kind and crop year it means. */
static void
test_accepted(void)
{
	static const struct
	{
		const char *text;
		SeasonKind	kind;
		int			crop_year;
	}			cases[] = {
		{"vụ Đông Xuân 2022-2023", SEASON_DONG_XUAN, 2023},
		{"vụ đông xuân 2022 - 2023", SEASON_DONG_XUAN, 2023},
		{"Vụ ĐÔNG XUÂN 2022/2023", SEASON_DONG_XUAN, 2023},
		{"Đông Xuân 2022-2023", SEASON_DONG_XUAN, 2023},
		{"vu dong xuan 2022-2023", SEASON_DONG_XUAN, 2023},
		{"  vụ\u00a0Đông   Xuân 2022\u20132023 ", SEASON_DONG_XUAN, 2023},
		/* decomposed: "vụ" as u + U+0323, "Đông" with o + U+0302 */
		{"vu\xcc\xa3 \xc4\x90o\xcc\x82ng Xua\xcc\x82n 2022-2023", SEASON_DONG_XUAN, 2023},
		{"vụ Đông Xuân năm 2022-2023", SEASON_DONG_XUAN, 2023},
		{"vụ Xuân 2023", SEASON_XUAN, 2023},
		{"vụ Hè Thu 2023", SEASON_HE_THU, 2023},
		{"vụ hè thu năm 2023", SEASON_HE_THU, 2023},
		{"vụ Thu Đông 2023", SEASON_THU_DONG, 2023},
		{"vụ Mùa 2023", SEASON_MUA, 2023},
		{"vụ mùa năm 2023", SEASON_MUA, 2023},
		{"vụ Đông 2023", SEASON_DONG, 2023},
		{"vụ Đông 2023-2024", SEASON_DONG, 2023},
		{"vụ Đông Xuân 0001-0002", SEASON_DONG_XUAN, 2},
		{"vụ Mùa 9999", SEASON_MUA, 9999},
	};
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		int32_t		ord = -1;

		CHECK_EQ_INT(parse(cases[i].text, &ord), SEASON_OK);
		CHECK_EQ_INT(season_kind(ord), cases[i].kind);
		CHECK_EQ_INT(season_crop_year(ord), cases[i].crop_year);
	}
}

static void
test_rejected(void)
{
	static const struct
	{
		const char *text;
		SeasonStatus status;
	}			cases[] = {
		{"", SEASON_BAD_SYNTAX},
		{"   ", SEASON_BAD_SYNTAX},
		{"2023-Q1", SEASON_BAD_SYNTAX},
		{"quý I-2023", SEASON_BAD_SYNTAX},
		{"vụ Chiêm 2023", SEASON_UNKNOWN_NAME},
		{"vụ 2023", SEASON_UNKNOWN_NAME},
		{"vụ Mùa", SEASON_BAD_SYNTAX},
		{"vụ Mùa2023", SEASON_BAD_SYNTAX},
		{"vụ Mùa 2023 x", SEASON_BAD_SYNTAX},
		{"vụ Mùa 2023-", SEASON_BAD_SYNTAX},
		{"vụ Đông Xuân 2023", SEASON_NEEDS_TWO_YEARS},
		{"vụ Đông Xuân 2022-2024", SEASON_NOT_CONSECUTIVE},
		{"vụ Đông Xuân 2023-2022", SEASON_NOT_CONSECUTIVE},
		{"vụ Mùa 2022-2023", SEASON_ONE_YEAR_ONLY},
		{"vụ Đông Xuân 22-23", SEASON_SHORT_YEAR},
		{"vụ Đông Xuân 2022-23", SEASON_SHORT_YEAR},
		{"vụ Mùa 023", SEASON_SHORT_YEAR},
		{"vụ Mùa 20231", SEASON_YEAR_OUT_OF_RANGE},
		{"vụ Mùa 0000", SEASON_YEAR_OUT_OF_RANGE},
		{"vụ Đông Xuân 0000-0001", SEASON_YEAR_OUT_OF_RANGE},
		{"vụ Đông 9999-10000", SEASON_YEAR_OUT_OF_RANGE},
		{"vụ Mùa 2023\xff", SEASON_BAD_SYNTAX},
		{"vụ Mùa 20\x00" "23", SEASON_BAD_SYNTAX},
		{"vụ Mùa 2023 \xcc\x81", SEASON_BAD_SYNTAX},	/* a mark after a space */
		{"vụ Mùa 2023 năm năm năm năm năm năm năm năm năm năm", SEASON_BAD_SYNTAX},
	};
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		int32_t		ord = -1;
		size_t		len = strlen(cases[i].text);

		if (strncmp(cases[i].text, "vụ Mùa 20", 12) == 0 && len == 12)
			len = 15;			/* the embedded NUL case */
		CHECK_EQ_INT(season_parse(cases[i].text, len, &ord), cases[i].status);
	}
}

static void
test_format(void)
{
	char		buf[SEASON_TEXT_BUFSIZE];
	int32_t		ord = -1;

	CHECK_EQ_INT(season_from_parts(SEASON_DONG_XUAN, 2023, &ord), SEASON_OK);
	season_format_vi(ord, buf);
	CHECK_EQ_STR(buf, "vụ Đông Xuân 2022-2023");
	CHECK_EQ_INT(season_from_parts(SEASON_MUA, 2023, &ord), SEASON_OK);
	season_format_vi(ord, buf);
	CHECK_EQ_STR(buf, "vụ Mùa 2023");
	CHECK_EQ_INT(season_from_parts(SEASON_HE_THU, 2023, &ord), SEASON_OK);
	season_format_vi(ord, buf);
	CHECK_EQ_STR(buf, "vụ Hè Thu 2023");
	CHECK_EQ_INT(season_from_parts(SEASON_THU_DONG, 5, &ord), SEASON_OK);
	season_format_vi(ord, buf);
	CHECK_EQ_STR(buf, "vụ Thu Đông 0005");
	CHECK_EQ_INT(season_from_parts(SEASON_DONG, 2023, &ord), SEASON_OK);
	season_format_vi(ord, buf);
	CHECK_EQ_STR(buf, "vụ Đông 2023");
	CHECK_EQ_INT(season_from_parts(SEASON_XUAN, 2023, &ord), SEASON_OK);
	season_format_vi(ord, buf);
	CHECK_EQ_STR(buf, "vụ Xuân 2023");
	CHECK_EQ_INT(season_from_parts(6, 2023, &ord), SEASON_BAD_KIND);
	CHECK_EQ_INT(season_from_parts(-1, 2023, &ord), SEASON_BAD_KIND);
	CHECK_EQ_INT(season_from_parts(SEASON_DONG_XUAN, 1, &ord), SEASON_YEAR_OUT_OF_RANGE);
	CHECK_EQ_INT(season_from_parts(SEASON_MUA, 10000, &ord), SEASON_YEAR_OUT_OF_RANGE);
}

/* Every valid season prints a label that parses back to it, and order is (year, kind). */
static void
test_round_trip_all(void)
{
	int32_t		ord,
				prev = -1;
	int			bad = 0,
				count = 0;

	for (ord = 0; ord <= SEASON_MAX_YEAR * 8 + 7; ord++)
	{
		char		buf[SEASON_TEXT_BUFSIZE];
		int32_t		back = -1;
		int			n;

		if (!season_ordinal_is_valid(ord))
			continue;
		count++;
		n = season_format_vi(ord, buf);
		if (n >= SEASON_TEXT_BUFSIZE || season_parse(buf, (size_t) n, &back) != SEASON_OK || back != ord)
			bad++;
		if (prev >= 0 && !(season_crop_year(prev) < season_crop_year(ord) ||
						   (season_crop_year(prev) == season_crop_year(ord) && season_kind(prev) < season_kind(ord))))
			bad++;
		prev = ord;
	}
	CHECK_EQ_INT(bad, 0);
	CHECK_EQ_INT(count, 9999 * 6 - 1);
}

static void
test_arithmetic_and_codes(void)
{
	int32_t		ord = -1,
				r = -1;

	CHECK_EQ_INT(parse("vụ Đông Xuân 2022-2023", &ord), SEASON_OK);
	CHECK_EQ_INT(season_add_years(ord, -1, &r), SEASON_OK);
	CHECK_EQ_INT(season_crop_year(r), 2022);
	CHECK_EQ_INT(season_kind(r), SEASON_DONG_XUAN);
	CHECK_EQ_INT(season_add_years(ord, 10, &r), SEASON_OK);
	CHECK_EQ_INT(season_crop_year(r), 2033);
	CHECK_EQ_INT(season_add_years(ord, -2021, &r), SEASON_OK);	/* Đông Xuân 0001-0002 */
	CHECK_EQ_INT(season_add_years(ord, -2022, &r), SEASON_OUT_OF_RANGE);	/* no year 0 */
	CHECK_EQ_INT(season_add_years(ord, 7976, &r), SEASON_OK);
	CHECK_EQ_INT(season_add_years(ord, 7977, &r), SEASON_OUT_OF_RANGE);
	CHECK_EQ_INT(season_add_years(ord, (int64_t) 1 << 40, &r), SEASON_OUT_OF_RANGE);
	CHECK_EQ_INT(season_add_years(ord, -((int64_t) 1 << 40), &r), SEASON_OUT_OF_RANGE);
	CHECK_EQ_STR(season_kind_code(SEASON_HE_THU), "he_thu");
	CHECK_EQ_INT(season_kind_from_code("dong_xuan", 9), SEASON_DONG_XUAN);
	CHECK_EQ_INT(season_kind_from_code("dong", 4), SEASON_DONG);
	CHECK_EQ_INT(season_kind_from_code("dong_", 5), -1);
	CHECK_EQ_INT(season_kind_from_code("", 0), -1);
	CHECK(!season_ordinal_is_valid(-8));
	CHECK(!season_ordinal_is_valid(2023 * 8 + 6));
	CHECK(!season_ordinal_is_valid(1 * 8 + SEASON_DONG_XUAN));
	CHECK(season_ordinal_is_valid(1 * 8 + SEASON_MUA));
	CHECK(!season_ordinal_is_valid(10000 * 8));
}

int
main(void)
{
	test_accepted();
	test_rejected();
	test_format();
	test_round_trip_all();
	test_arithmetic_and_codes();
	return UNIT_REPORT("season_core");
}

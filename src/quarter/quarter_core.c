/*
 * quarter_core.c
 *	  Parsing, formatting and calendar arithmetic of quarters, in plain C.
 *
 * Accepted text forms (case-insensitive; white space around the value is
 * ignored; '-', '/' or white space separate the parts; Vietnamese
 * diacritics are optional):
 *
 *	 2023-Q1   2023Q1   2023 Q1   2023/Q1				(year first, SDMX style)
 *	 Q1-2023   Q1/2023  Q1 2023						(Q and a digit)
 *	 I-2023    II/2023  IV 2023						(Roman numeral)
 *	 quý I-2023  Quý II/2023  quy III-2023  quý 2/2023	(Vietnamese reports)
 *	 quý 4 năm 2023  Quý IV năm 2023
 *
 * The year always has four digits: "quý I/23" is refused rather than read as
 * the year 23, because a silent wrong century is worse than an error.
 */
#include "quarter_core.h"

#include <stdio.h>
#include <string.h>

/* No accepted form is longer than this once white space is folded. */
#define NORMALISED_MAX 48

/*
 * Fold `len` bytes of UTF-8 into lower-case ASCII: the Vietnamese letters
 * that can appear in the keywords ("quý", "qúy", "quí", "năm", and the
 * cumulative periods' "tháng", "đầu", "cả") lose their
 * marks, combining marks (text in decomposed form) vanish, and every run of
 * white space, the no-break spaces pasted from word processors included,
 * becomes one ' '; the en dash and minus sign word processors substitute
 * for '-' become '-'.  Leading and trailing space is dropped.
 *
 * Returns false when the text cannot be one of the accepted forms: it is
 * too long, or holds a character no form uses.
 */
static bool
normalise(const char *in, size_t len, char *out, size_t *outlen)
{
	const unsigned char *s = (const unsigned char *) in;
	const unsigned char *end = s + len;
	size_t		n = 0;
	bool		pending_space = false;

	while (s < end)
	{
		unsigned char c = *s;
		char		folded = 0;
		bool		is_space = false;
		size_t		width = 1;

		if (c < 0x80)
		{
			if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
				c == '\f' || c == '\v')
				is_space = true;
			else if (c >= 'A' && c <= 'Z')
				folded = (char) (c - 'A' + 'a');
			else if (c == 0)
				return false;
			else
				folded = (char) c;
		}
		else if (s + 1 < end && (c == 0xC3 || c == 0xC4 || c == 0xC2 ||
								 c == 0xCC || c == 0xCD))
		{
			unsigned char c2 = s[1];

			width = 2;
			if (c == 0xC3 && (c2 == 0xBD || c2 == 0x9D))
				folded = 'y';	/* ý Ý */
			else if (c == 0xC3 && (c2 == 0xAD || c2 == 0x8D))
				folded = 'i';	/* í Í */
			else if (c == 0xC3 && (c2 == 0xBA || c2 == 0x9A))
				folded = 'u';	/* ú Ú (old tone placement "qúy") */
			else if (c == 0xC4 && (c2 == 0x83 || c2 == 0x82))
				folded = 'a';	/* ă Ă */
			else if (c == 0xC3 && (c2 == 0xA1 || c2 == 0x81 || c2 == 0xA2 || c2 == 0x82))
				folded = 'a';	/* á Á â Â ("tháng", decomposed "đầu") */
			else if (c == 0xC4 && (c2 == 0x91 || c2 == 0x90))
				folded = 'd';	/* đ Đ ("đầu") */
			else if (c == 0xC2 && c2 == 0xA0)
				is_space = true;	/* U+00A0 no-break space */
			else if ((c == 0xCC && c2 >= 0x80 && c2 <= 0xBF) ||
					 (c == 0xCD && c2 >= 0x80 && c2 <= 0xAF))
			{
				/* U+0300..U+036F combining mark: only after a letter */
				if (n == 0 || pending_space ||
					out[n - 1] < 'a' || out[n - 1] > 'z')
					return false;
				s += width;
				continue;
			}
			else
				return false;
		}
		else if (s + 2 < end && c == 0xE1 && s[1] == 0xBA &&
				 (s[2] == 0xA2 || s[2] == 0xA3 || s[2] == 0xA6 || s[2] == 0xA7))
		{
			width = 3;
			folded = 'a';		/* ả Ả ầ Ầ ("cả năm", "đầu năm") */
		}
		else if (s + 2 < end && c == 0xE2 && s[1] == 0x80 && s[2] == 0xAF)
		{
			width = 3;
			is_space = true;	/* U+202F narrow no-break space */
		}
		else if (s + 2 < end && c == 0xE2 &&
				 ((s[1] == 0x80 && s[2] == 0x93) || (s[1] == 0x88 && s[2] == 0x92)))
		{
			width = 3;
			folded = '-';		/* U+2013 en dash, U+2212 minus: "quý I–2023" */
		}
		else
			return false;

		s += width;
		if (is_space)
		{
			pending_space = (n > 0);
			continue;
		}
		if (n + 2 >= NORMALISED_MAX)
			return false;
		if (pending_space)
		{
			out[n++] = ' ';
			pending_space = false;
		}
		out[n++] = folded;
	}
	out[n] = '\0';
	*outlen = n;
	return true;
}

static bool
is_letter(char c)
{
	return c >= 'a' && c <= 'z';
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* What the grammar found, checked for range only once the syntax is whole. */
typedef struct ParsedQuarter
{
	int			year_digits;
	int32_t		year;			/* meaningful only when year_digits <= 4 */
	int32_t		q;				/* 0 when the quarter number is not 1..4 */
} ParsedQuarter;

/* Digits of the year; false if there are none. */
static bool
scan_year(const char **p, ParsedQuarter *pq)
{
	const char *s = *p;
	int32_t		year = 0;
	int			digits = 0;

	while (is_digit(*s))
	{
		if (digits < 4)
			year = year * 10 + (*s - '0');
		digits++;
		s++;
	}
	if (digits == 0)
		return false;
	pq->year = year;
	pq->year_digits = digits;
	*p = s;
	return true;
}

/* A run of digits as a quarter number: exactly one digit 1..4 to be valid. */
static bool
scan_quarter_digits(const char **p, ParsedQuarter *pq)
{
	const char *s = *p;

	if (!is_digit(*s))
		return false;
	pq->q = (s[0] >= '1' && s[0] <= '4' && !is_digit(s[1])) ? s[0] - '0' : 0;
	while (is_digit(*s))
		s++;
	*p = s;
	return true;
}

/* A run of Roman-numeral letters: I, II, III or IV to be valid. */
static bool
scan_quarter_roman(const char **p, ParsedQuarter *pq)
{
	static const char *const numerals[] = {"i", "ii", "iii", "iv"};
	const char *s = *p;
	size_t		n = 0;
	int			i;

	while (s[n] == 'i' || s[n] == 'v' || s[n] == 'x')
		n++;
	if (n == 0 || is_letter(s[n]))
		return false;
	pq->q = 0;
	for (i = 0; i < 4; i++)
		if (strlen(numerals[i]) == n && strncmp(s, numerals[i], n) == 0)
			pq->q = i + 1;
	*p = s + n;
	return true;
}

/* Separator between parts: " - ", "-", "/", " / " or a single space. */
static bool
scan_separator(const char **p)
{
	const char *s = *p;

	if (*s == ' ')
		s++;
	if (*s == '-' || *s == '/')
	{
		s++;
		if (*s == ' ')
			s++;
	}
	if (s == *p)
		return false;
	*p = s;
	return true;
}

/* What follows a quarter number: " năm 2023" or a separator and the year. */
static bool
scan_year_tail(const char **p, ParsedQuarter *pq)
{
	const char *s = *p;

	if (strncmp(s, " nam ", 5) == 0)
		s += 5;
	else if (!scan_separator(&s))
		return false;
	*p = s;
	return scan_year(p, pq);
}

static bool
parse_grammar(const char *s, ParsedQuarter *pq)
{
	if (strncmp(s, "quy", 3) == 0 || strncmp(s, "qui", 3) == 0)
	{
		s += 3;
		if (*s == ' ')
			s++;
		if (!scan_quarter_digits(&s, pq) && !scan_quarter_roman(&s, pq))
			return false;
		if (!scan_year_tail(&s, pq))
			return false;
	}
	else if (s[0] == 'q' && is_digit(s[1]))
	{
		s++;
		scan_quarter_digits(&s, pq);
		if (!scan_year_tail(&s, pq))
			return false;
	}
	else if (is_digit(s[0]))
	{
		scan_year(&s, pq);
		scan_separator(&s);		/* optional: 2023Q1 */
		if (*s++ != 'q' || !scan_quarter_digits(&s, pq))
			return false;
	}
	else
	{
		if (!scan_quarter_roman(&s, pq) || !scan_year_tail(&s, pq))
			return false;
	}
	return *s == '\0';
}

/* A quarter from text already normalised (see normalise()). */
static QuarterStatus
parse_normalised(const char *buf, int32_t *ordinal)
{
	ParsedQuarter pq = {0, 0, 0};

	if (!parse_grammar(buf, &pq))
		return QUARTER_BAD_SYNTAX;
	if (pq.q == 0)
		return QUARTER_BAD_QUARTER_NUMBER;
	if (pq.year_digits < 4)
		return QUARTER_SHORT_YEAR;
	if (pq.year_digits > 4 || pq.year < QUARTER_MIN_YEAR)
		return QUARTER_YEAR_OUT_OF_RANGE;
	*ordinal = quarter_make_ordinal(pq.year, pq.q);
	return QUARTER_OK;
}

QuarterStatus
quarter_parse(const char *text, size_t len, int32_t *ordinal)
{
	char		buf[NORMALISED_MAX];
	size_t		n;

	if (!normalise(text, len, buf, &n) || n == 0)
		return QUARTER_BAD_SYNTAX;
	return parse_normalised(buf, ordinal);
}

QuarterStatus
quarter_from_parts(int64_t year, int64_t q, int32_t *ordinal)
{
	if (q < 1 || q > 4)
		return QUARTER_BAD_QUARTER_NUMBER;
	if (year < QUARTER_MIN_YEAR || year > QUARTER_MAX_YEAR)
		return QUARTER_YEAR_OUT_OF_RANGE;
	*ordinal = quarter_make_ordinal((int32_t) year, (int32_t) q);
	return QUARTER_OK;
}

QuarterStatus
quarter_add(int32_t ordinal, int64_t n, int32_t *result)
{
	/* int32 + int32 cannot overflow int64, so the range check is exact */
	int64_t		r = (int64_t) ordinal + n;

	if (!quarter_ordinal_is_valid(r))
		return QUARTER_OUT_OF_RANGE;
	*result = (int32_t) r;
	return QUARTER_OK;
}

/* Four-digit zero-padded year; years are 1..9999 so four digits suffice. */
static char *
write_year(char *p, int32_t year)
{
	p[0] = (char) ('0' + year / 1000);
	p[1] = (char) ('0' + year / 100 % 10);
	p[2] = (char) ('0' + year / 10 % 10);
	p[3] = (char) ('0' + year % 10);
	return p + 4;
}

int
quarter_format(int32_t ordinal, char *buf)
{
	char	   *p = write_year(buf, quarter_year(ordinal));

	*p++ = '-';
	*p++ = 'Q';
	*p++ = (char) ('0' + quarter_of_year(ordinal));
	*p = '\0';
	return (int) (p - buf);
}

int
quarter_format_vi(int32_t ordinal, char *buf)
{
	static const char *const numerals[] = {"I", "II", "III", "IV"};
	static const char prefix[] = "qu\xC3\xBD ";	/* "quý " in UTF-8 */
	const char *roman = numerals[quarter_of_year(ordinal) - 1];
	size_t		rlen = strlen(roman);
	char	   *p = buf;

	memcpy(p, prefix, sizeof(prefix) - 1);
	p += sizeof(prefix) - 1;
	memcpy(p, roman, rlen);
	p += rlen;
	*p++ = '-';
	p = write_year(p, quarter_year(ordinal));
	*p = '\0';
	return (int) (p - buf);
}

/*
 * Day numbers from civil dates and back, in the proleptic Gregorian
 * calendar, using the era-of-400-years method (H. Hinnant's public-domain
 * algorithms), shifted to PostgreSQL's epoch 2000-01-01.
 */
#define DAYS_1970_TO_2000 10957

int32_t
civil_to_days(int32_t year, int32_t month, int32_t day)
{
	int32_t		y = year - (month <= 2);
	int32_t		era = (y >= 0 ? y : y - 399) / 400;
	int32_t		yoe = y - era * 400;
	int32_t		doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	int32_t		doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468 - DAYS_1970_TO_2000;
}

void
days_to_civil(int32_t days, int32_t *year, int32_t *month, int32_t *day)
{
	int32_t		z = days + DAYS_1970_TO_2000 + 719468;
	int32_t		era = (z >= 0 ? z : z - 146096) / 146097;
	int32_t		doe = z - era * 146097;
	int32_t		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int32_t		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int32_t		mp = (5 * doy + 2) / 153;
	int32_t		m = mp < 10 ? mp + 3 : mp - 9;

	*day = doy - (153 * mp + 2) / 5 + 1;
	*month = m;
	*year = yoe + era * 400 + (m <= 2);
}

int32_t
quarter_first_day(int32_t ordinal)
{
	return civil_to_days(quarter_year(ordinal),
						 (quarter_of_year(ordinal) - 1) * 3 + 1, 1);
}

int32_t
quarter_last_day(int32_t ordinal)
{
	/* valid for the last quarter too: year 10000 is plain arithmetic here */
	return quarter_first_day(ordinal + 1) - 1;
}

QuarterStatus
quarter_from_day(int32_t days, int32_t *ordinal)
{
	int32_t		y,
				m,
				d;

	days_to_civil(days, &y, &m, &d);
	if (y < QUARTER_MIN_YEAR || y > QUARTER_MAX_YEAR)
		return QUARTER_OUT_OF_RANGE;
	*ordinal = quarter_make_ordinal(y, (m - 1) / 3 + 1);
	return QUARTER_OK;
}

QuarterStatus
quarter_fiscal_from_day(int32_t days, int32_t start_month, int32_t *ordinal)
{
	int32_t		y,
				m,
				d;
	int32_t		months_in,
				fiscal_year;

	if (start_month < 1 || start_month > 12)
		return QUARTER_BAD_PARAMETER;
	days_to_civil(days, &y, &m, &d);
	months_in = (m - start_month + 12) % 12;
	/* a year starting in month 1 ends in the same year; later ones, the next */
	fiscal_year = (m >= start_month ? y : y - 1) + (start_month > 1);
	if (fiscal_year < QUARTER_MIN_YEAR || fiscal_year > QUARTER_MAX_YEAR)
		return QUARTER_OUT_OF_RANGE;
	*ordinal = quarter_make_ordinal(fiscal_year, months_in / 3 + 1);
	return QUARTER_OK;
}

QuarterStatus
quarter_from_yyyyq(int64_t yyyyq, int32_t *ordinal)
{
	if (yyyyq < 0)
		return QUARTER_YEAR_OUT_OF_RANGE;
	return quarter_from_parts(yyyyq / 10, yyyyq % 10, ordinal);
}

/*
 * Cumulative periods, as reports head them: "6 tháng đầu năm 2023",
 * "6 tháng năm 2023", "6 tháng 2023", "9 tháng năm 2023", "cả năm 2023",
 * "năm 2023" (3, 6, 9 or 12 months from January), or any quarter.
 */
QuarterStatus
period_parse_vi(const char *text, size_t len, int32_t *lower, int32_t *upper)
{
	char		buf[NORMALISED_MAX];
	const char *s = buf;
	size_t		n;
	int			months = 12;
	int64_t		year = 0;
	int			digits = 0;
	QuarterStatus st;
	int32_t		q;

	/* one pass of normalise() for both grammars: headings are read in bulk */
	if (!normalise(text, len, buf, &n) || n == 0)
		return QUARTER_BAD_SYNTAX;
	if (is_digit(*s))
	{
		months = 0;
		for (; is_digit(*s); s++)
			if (months < 100)	/* any count above 99 is as wrong as 100 */
				months = months * 10 + (*s - '0');
		if (strncmp(s, " thang ", 7) != 0)
			s = NULL;			/* not "N tháng": a quarter written year first */
		else
		{
			s += 7;
			if (strncmp(s, "dau nam ", 8) == 0)
				s += 8;
			else if (strncmp(s, "nam ", 4) == 0)
				s += 4;
		}
	}
	else if (strncmp(s, "ca nam ", 7) == 0)
		s += 7;
	else if (strncmp(s, "nam ", 4) == 0)
		s += 4;
	else
		s = NULL;
	if (s == NULL)
	{
		/* any quarter spelling */
		st = parse_normalised(buf, &q);
		if (st != QUARTER_OK)
			return st;
		if (q == QUARTER_MAX_ORDINAL)
			return QUARTER_YEAR_OUT_OF_RANGE;	/* no quarter after 9999-Q4 to end at */
		*lower = q;
		*upper = q + 1;
		return QUARTER_OK;
	}
	while (is_digit(*s) && digits < 6)
	{
		year = year * 10 + (*s++ - '0');
		digits++;
	}
	if (digits == 0 || *s != '\0')
		return QUARTER_BAD_SYNTAX;
	if (months != 3 && months != 6 && months != 9 && months != 12)
		return QUARTER_BAD_MONTHS;
	if (digits < 4)
		return QUARTER_SHORT_YEAR;
	/* the end is the quarter after the last: 9999's whole year has none */
	if (digits > 4 || year < QUARTER_MIN_YEAR || (year == QUARTER_MAX_YEAR && months == 12))
		return QUARTER_YEAR_OUT_OF_RANGE;
	*lower = quarter_make_ordinal((int32_t) year, 1);
	*upper = *lower + months / 3;
	return QUARTER_OK;
}

int
period_format_vi(int32_t lower, int32_t upper, char *buf)
{
	int32_t		n = upper - lower;
	char		a[QUARTER_TEXT_BUFSIZE],
				b[QUARTER_TEXT_BUFSIZE];

	if (n == 1)
		return quarter_format_vi(lower, buf);
	if (quarter_of_year(lower) == 1 && n == 4)
		return sprintf(buf, "n\xC4\x83m %04d", (int) quarter_year(lower));	/* năm 2023 */
	if (quarter_of_year(lower) == 1 && n > 1 && n < 4)
		/* 6 tháng đầu năm 2023 */
		return sprintf(buf, "%d th\xC3\xA1ng \xC4\x91\xE1\xBA\xA7u n\xC4\x83m %04d",
					   (int) n * 3, (int) quarter_year(lower));
	quarter_format_vi(lower, a);
	quarter_format_vi(upper - 1, b);
	/* từ quý II-2023 đến quý III-2023 */
	return sprintf(buf, "t\xE1\xBB\xAB %s \xC4\x91\xE1\xBA\xBFn %s", a, b);
}

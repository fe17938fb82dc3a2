/*
 * season_core.c
 *	  Parsing and formatting of crop seasons, in plain C.
 *
 * Accepted text (case-insensitive; Vietnamese diacritics optional, in
 * composed or decomposed form; white space runs and no-break spaces fold to
 * one space; '-', '/', en dash or minus between the years, with or without
 * spaces; "vụ" and "năm" optional):
 *
 *	 vụ Đông Xuân 2022-2023   vụ đông xuân 2022 - 2023   Đông Xuân 2022/2023
 *	 vụ Xuân 2023   vụ Hè Thu 2023   vụ Thu Đông 2023   vụ Mùa năm 2023
 *	 vụ Đông 2023   vụ Đông 2023-2024 (the same winter crop)
 *
 * Refused, each with its own status: a Đông Xuân season with one year (the
 * winter before or after?), years that do not follow each other, two years
 * for a season within one year, years of fewer than four digits.
 */
#include "season_core.h"

#include <string.h>

/* No accepted form is longer than this once folded. */
#define FOLDED_MAX 48

static const char *const kind_codes[SEASON_KINDS] = {
	"dong_xuan", "xuan", "he_thu", "thu_dong", "mua", "dong"
};

/* As the labels write them (UTF-8): Đông Xuân, Xuân, Hè Thu, Thu Đông, Mùa, Đông. */
static const char *const kind_names_vi[SEASON_KINDS] = {
	"\xc4\x90\xc3\xb4ng Xu\xc3\xa2n", "Xu\xc3\xa2n", "H\xc3\xa8 Thu",
	"Thu \xc4\x90\xc3\xb4ng", "M\xc3\xb9\x61", "\xc4\x90\xc3\xb4ng"
};

/* The names once folded, longest first so "dong xuan" wins over "dong". */
static const struct
{
	const char *folded;
	size_t		len;
	SeasonKind	kind;
}			folded_names[] = {
	{"dong xuan", 9, SEASON_DONG_XUAN}, {"thu dong", 8, SEASON_THU_DONG},
	{"he thu", 6, SEASON_HE_THU}, {"xuan", 4, SEASON_XUAN},
	{"dong", 4, SEASON_DONG}, {"mua", 3, SEASON_MUA}
};

/*
 * A Vietnamese letter without its marks, in lower case; 0 for a code point
 * no label uses.  Covers Latin-1 (à á â ã è é ê ì í ò ó ô õ ù ú ý), ă đ ĩ
 * ũ ơ ư, and the block U+1EA0..U+1EF9 (ạ ả ấ ... ỹ), laid out by vowel.
 */
static char
fold_letter(uint32_t cp)
{
	if (cp >= 0xC0 && cp <= 0xFF)
	{
		uint32_t	c = cp | 0x20;	/* upper and lower case differ by 0x20 */

		if (c >= 0xE0 && c <= 0xE3)
			return 'a';
		if (c >= 0xE8 && c <= 0xEA)
			return 'e';
		if (c == 0xEC || c == 0xED)
			return 'i';
		if (c >= 0xF2 && c <= 0xF5)
			return 'o';
		if (c == 0xF9 || c == 0xFA)
			return 'u';
		if (c == 0xFD)
			return 'y';
		return 0;
	}
	switch (cp)
	{
		case 0x102: case 0x103: return 'a';
		case 0x110: case 0x111: return 'd';
		case 0x128: case 0x129: return 'i';
		case 0x168: case 0x169: return 'u';
		case 0x1A0: case 0x1A1: return 'o';
		case 0x1AF: case 0x1B0: return 'u';
	}
	if (cp >= 0x1EA0 && cp <= 0x1EB7)
		return 'a';
	if (cp >= 0x1EB8 && cp <= 0x1EC7)
		return 'e';
	if (cp >= 0x1EC8 && cp <= 0x1ECB)
		return 'i';
	if (cp >= 0x1ECC && cp <= 0x1EE3)
		return 'o';
	if (cp >= 0x1EE4 && cp <= 0x1EF1)
		return 'u';
	if (cp >= 0x1EF2 && cp <= 0x1EF9)
		return 'y';
	return 0;
}

/* One UTF-8 sequence at s (< end): its code point and width, or width 0. */
static size_t
decode_utf8(const unsigned char *s, const unsigned char *end, uint32_t *cp)
{
	if (s[0] >= 0xC2 && s[0] <= 0xDF && s + 1 < end && (s[1] & 0xC0) == 0x80)
	{
		*cp = ((uint32_t) (s[0] & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	if (s[0] >= 0xE0 && s[0] <= 0xEF && s + 2 < end &&
		(s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80)
	{
		*cp = ((uint32_t) (s[0] & 0x0F) << 12) | ((uint32_t) (s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		return *cp >= 0x800 ? 3 : 0;
	}
	return 0;
}

/*
 * Fold the label into lower-case ASCII (see the header comment).  False
 * when it holds a character no label uses or is too long.
 */
static bool
fold(const char *in, size_t len, char *out, size_t *outlen)
{
	const unsigned char *s = (const unsigned char *) in;
	const unsigned char *end = s + len;
	size_t		n = 0;
	bool		pending_space = false;

	while (s < end)
	{
		char		c = 0;
		bool		is_space = false;

		if (*s < 0x80)
		{
			unsigned char a = *s++;

			if (a == ' ' || (a >= '\t' && a <= '\r'))
				is_space = true;
			else if (a >= 'A' && a <= 'Z')
				c = (char) (a - 'A' + 'a');
			else if (a == 0)
				return false;
			else
				c = (char) a;
		}
		else
		{
			uint32_t	cp = 0;
			size_t		w = decode_utf8(s, end, &cp);

			if (w == 0)
				return false;
			s += w;
			if (cp >= 0x300 && cp <= 0x36F)
			{
				/* a combining mark (decomposed text): only after a letter */
				if (n == 0 || pending_space || out[n - 1] < 'a' || out[n - 1] > 'z')
					return false;
				continue;
			}
			if (cp == 0xA0 || cp == 0x202F || cp == 0x2009)
				is_space = true;
			else if (cp == 0x2013 || cp == 0x2212)
				c = '-';
			else if ((c = fold_letter(cp)) == 0)
				return false;
		}
		if (is_space)
		{
			pending_space = (n > 0);
			continue;
		}
		if (n + 2 >= FOLDED_MAX)
			return false;
		if (pending_space)
		{
			out[n++] = ' ';
			pending_space = false;
		}
		out[n++] = c;
	}
	out[n] = '\0';
	*outlen = n;
	return true;
}

/* A run of digits: its value (first 5 digits) and length; false if none. */
static bool
scan_year(const char **p, int32_t *year, int *digits)
{
	const char *s = *p;
	int32_t		y = 0;
	int			d = 0;

	while (*s >= '0' && *s <= '9')
	{
		if (d < 5)
			y = y * 10 + (*s - '0');
		d++;
		s++;
	}
	if (d == 0)
		return false;
	*year = y;
	*digits = d;
	*p = s;
	return true;
}

SeasonStatus
season_parse(const char *text, size_t len, int32_t *ordinal)
{
	char		buf[FOLDED_MAX];
	const char *p = buf;
	size_t		n = 0,
				i;
	bool		said_vu = false;
	int			kind = -1;
	int32_t		y1 = 0,
				y2 = 0,
				crop_year;
	int			d1 = 0,
				d2 = 0;
	bool		two_years = false;

	if (!fold(text, len, buf, &n) || n == 0)
		return SEASON_BAD_SYNTAX;
	if (strncmp(p, "vu ", 3) == 0)
	{
		p += 3;
		said_vu = true;
	}
	for (i = 0; i < sizeof(folded_names) / sizeof(folded_names[0]); i++)
		if (strncmp(p, folded_names[i].folded, folded_names[i].len) == 0)
		{
			kind = (int) folded_names[i].kind;
			p += folded_names[i].len;
			break;
		}
	if (kind < 0)
		return said_vu ? SEASON_UNKNOWN_NAME : SEASON_BAD_SYNTAX;
	if (*p++ != ' ')
		return SEASON_BAD_SYNTAX;
	if (strncmp(p, "nam ", 4) == 0)
		p += 4;
	if (!scan_year(&p, &y1, &d1))
		return SEASON_BAD_SYNTAX;
	if (*p != '\0')
	{
		if (*p == ' ')
			p++;
		if (*p != '-' && *p != '/')
			return SEASON_BAD_SYNTAX;
		p++;
		if (*p == ' ')
			p++;
		if (!scan_year(&p, &y2, &d2) || *p != '\0')
			return SEASON_BAD_SYNTAX;
		two_years = true;
	}
	if (d1 < 4 || (two_years && d2 < 4))
		return SEASON_SHORT_YEAR;
	if (d1 > 4 || d2 > 4)
		return SEASON_YEAR_OUT_OF_RANGE;
	if (two_years)
	{
		if (kind != SEASON_DONG_XUAN && kind != SEASON_DONG)
			return SEASON_ONE_YEAR_ONLY;
		if (y2 != y1 + 1)
			return SEASON_NOT_CONSECUTIVE;
		crop_year = kind == SEASON_DONG_XUAN ? y2 : y1;
	}
	else
	{
		if (kind == SEASON_DONG_XUAN)
			return SEASON_NEEDS_TWO_YEARS;
		crop_year = y1;
	}
	return season_from_parts(kind, crop_year, ordinal);
}

SeasonStatus
season_from_parts(int kind, int64_t crop_year, int32_t *ordinal)
{
	if (kind < 0 || kind >= SEASON_KINDS)
		return SEASON_BAD_KIND;
	if (crop_year < season_min_year((SeasonKind) kind) || crop_year > SEASON_MAX_YEAR)
		return SEASON_YEAR_OUT_OF_RANGE;
	*ordinal = season_make_ordinal((int32_t) crop_year, (SeasonKind) kind);
	return SEASON_OK;
}

SeasonStatus
season_add_years(int32_t ordinal, int64_t n, int32_t *result)
{
	SeasonKind	kind = season_kind(ordinal);
	int64_t		year;

	if (n > SEASON_MAX_YEAR || n < -SEASON_MAX_YEAR)
		return SEASON_OUT_OF_RANGE;
	year = (int64_t) season_crop_year(ordinal) + n;
	if (year < season_min_year(kind) || year > SEASON_MAX_YEAR)
		return SEASON_OUT_OF_RANGE;
	*result = season_make_ordinal((int32_t) year, kind);
	return SEASON_OK;
}

/* Four-digit zero-padded year at buf; returns 4. */
static int
put_year(char *buf, int32_t year)
{
	buf[0] = (char) ('0' + year / 1000);
	buf[1] = (char) ('0' + year / 100 % 10);
	buf[2] = (char) ('0' + year / 10 % 10);
	buf[3] = (char) ('0' + year % 10);
	return 4;
}

int
season_format_vi(int32_t ordinal, char *buf)
{
	SeasonKind	kind = season_kind(ordinal);
	int32_t		year = season_crop_year(ordinal);
	const char *name = kind_names_vi[kind];
	size_t		len = strlen(name);
	int			n = 0;

	memcpy(buf, "v\xe1\xbb\xa5 ", 5);	/* "vụ " */
	n = 5;
	memcpy(buf + n, name, len);
	n += (int) len;
	buf[n++] = ' ';
	if (kind == SEASON_DONG_XUAN)
	{
		n += put_year(buf + n, year - 1);
		buf[n++] = '-';
	}
	n += put_year(buf + n, year);
	buf[n] = '\0';
	return n;
}

const char *
season_kind_code(SeasonKind kind)
{
	return kind_codes[kind];
}

int
season_kind_from_code(const char *code, size_t len)
{
	int			k;

	for (k = 0; k < SEASON_KINDS; k++)
		if (strlen(kind_codes[k]) == len && memcmp(kind_codes[k], code, len) == 0)
			return k;
	return -1;
}

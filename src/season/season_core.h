/*
 * season_core.h
 *	  The crop season as a plain integer: parsing and formatting of the
 *	  Vietnamese labels ("vụ Đông Xuân 2022-2023", "vụ Mùa 2023") and year
 *	  arithmetic, with no PostgreSQL dependency.
 *
 * A season is a kind and a crop year, stored as  crop_year * 8 + kind, so
 * that integer order is (crop year, kind) order and ordinal - 8 is the same
 * season a year before.  The crop year is the year a season is harvested
 * in, the one GSO's annual rice figures count it under: "vụ Đông Xuân
 * 2022-2023" (sown in late 2022, harvested in 2023) belongs to 2023.
 * The winter crop "vụ Đông 2023" is named by the year it is sown in, as
 * northern provinces write it; "vụ Đông 2023-2024" reads as the same.
 *
 * Nothing here throws or allocates: every fallible function returns a
 * SeasonStatus, and the PostgreSQL glue maps it to an SQLSTATE.
 */
#ifndef HATRUNG_SEASON_CORE_H
#define HATRUNG_SEASON_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Kinds, in their order within a crop year (roughly the order of sowing). */
typedef enum SeasonKind
{
	SEASON_DONG_XUAN = 0,		/* vụ Đông Xuân: winter-spring, across two years */
	SEASON_XUAN = 1,			/* vụ Xuân: spring */
	SEASON_HE_THU = 2,			/* vụ Hè Thu: summer-autumn */
	SEASON_THU_DONG = 3,		/* vụ Thu Đông: autumn-winter (Mekong delta) */
	SEASON_MUA = 4,				/* vụ Mùa: the main wet season */
	SEASON_DONG = 5				/* vụ Đông: winter crops (north) */
} SeasonKind;

#define SEASON_KINDS		6
#define SEASON_MIN_YEAR		1
#define SEASON_MAX_YEAR		9999

/* Longest text season_format_vi() writes, with NUL ("vụ Đông Xuân 9998-9999"). */
#define SEASON_TEXT_BUFSIZE 40

typedef enum SeasonStatus
{
	SEASON_OK = 0,
	SEASON_BAD_SYNTAX,			/* not "vụ <season> <year>" */
	SEASON_UNKNOWN_NAME,		/* "vụ" and a year, but no season of that name */
	SEASON_NEEDS_TWO_YEARS,		/* "vụ Đông Xuân 2023": which winter? */
	SEASON_NOT_CONSECUTIVE,		/* "vụ Đông Xuân 2022-2024" */
	SEASON_ONE_YEAR_ONLY,		/* "vụ Mùa 2022-2023": a season within one year */
	SEASON_SHORT_YEAR,			/* a year written with fewer than 4 digits */
	SEASON_YEAR_OUT_OF_RANGE,	/* crop year outside 1..9999 (2..9999 for Đông Xuân) */
	SEASON_OUT_OF_RANGE,		/* arithmetic left the supported years */
	SEASON_BAD_KIND				/* an unknown kind code given to a constructor */
} SeasonStatus;

static inline int32_t
season_make_ordinal(int32_t crop_year, SeasonKind kind)
{
	return crop_year * 8 + (int32_t) kind;
}

static inline int32_t
season_crop_year(int32_t ordinal)
{
	return ordinal / 8;
}

static inline SeasonKind
season_kind(int32_t ordinal)
{
	return (SeasonKind) (ordinal % 8);
}

/* The lowest crop year of a kind: Đông Xuân needs the year before it. */
static inline int32_t
season_min_year(SeasonKind kind)
{
	return kind == SEASON_DONG_XUAN ? SEASON_MIN_YEAR + 1 : SEASON_MIN_YEAR;
}

static inline bool
season_ordinal_is_valid(int64_t ordinal)
{
	int64_t		year = ordinal / 8;
	int64_t		kind = ordinal % 8;

	return ordinal >= 0 && kind < SEASON_KINDS &&
		year >= season_min_year((SeasonKind) kind) && year <= SEASON_MAX_YEAR;
}

/* Parse a label (see season_core.c); `len` bytes of UTF-8, no NUL needed. */
extern SeasonStatus season_parse(const char *text, size_t len, int32_t *ordinal);

/* Build from a kind and a crop year, validating both. */
extern SeasonStatus season_from_parts(int kind, int64_t crop_year, int32_t *ordinal);

/* The same season n crop years later (n < 0: earlier), range-checked. */
extern SeasonStatus season_add_years(int32_t ordinal, int64_t n, int32_t *result);

/* "vụ Đông Xuân 2022-2023" (UTF-8); returns the length written. */
extern int	season_format_vi(int32_t ordinal, char *buf);

/* The kind's code ("dong_xuan", "mua", ...), and back (-1: unknown). */
extern const char *season_kind_code(SeasonKind kind);
extern int	season_kind_from_code(const char *code, size_t len);

#endif							/* HATRUNG_SEASON_CORE_H */

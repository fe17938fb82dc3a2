/*
 * utf8.h
 *	  The pure cores read UTF-8; text in another server encoding is
 *	  converted only when it has non-ASCII bytes ("quý", "tỷ" in WIN1258).
 */
#ifndef HATRUNG_UTF8_H
#define HATRUNG_UTF8_H

#include "postgres.h"

#include "mb/pg_wchar.h"

/*
 * `len` bytes of server-encoded text as UTF-8: the same pointer when no
 * conversion is needed, else a palloc'd NUL-terminated copy.
 */
static inline const char *
server_text_as_utf8(const char *str, size_t len, size_t *utf8_len)
{
	int			enc = GetDatabaseEncoding();
	size_t		i;
	char	   *utf8;

	*utf8_len = len;
	if (enc == PG_UTF8 || enc == PG_SQL_ASCII)
		return str;
	for (i = 0; i < len && !IS_HIGHBIT_SET(str[i]); i++)
		;
	if (i == len)
		return str;
	utf8 = pg_server_to_any(str, (int) len, PG_UTF8);
	*utf8_len = strlen(utf8);
	return utf8;
}

#endif							/* HATRUNG_UTF8_H */

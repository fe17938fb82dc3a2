/*
 * compat.h
 *	  Version guards that keep the C glue building unchanged on every
 *	  supported PostgreSQL major version: 14 to 18.  Every glue file
 *	  includes it right after postgres.h.
 */
#ifndef HATRUNG_COMPAT_H
#define HATRUNG_COMPAT_H

#include "postgres.h"

/*
 * 13 and older lack what the glue relies on (HASH_STRINGS,
 * int64_to_numeric, numeric infinities, multiranges, BEGIN ATOMIC bodies).
 */
#if PG_VERSION_NUM < 140000
#error "hatrung supports PostgreSQL 14 to 18; this server is older than 14"
#endif

/*
 * Since PostgreSQL 16 the varlena macros (VARDATA_ANY, VARSIZE_ANY_EXHDR,
 * VARATT_IS_COMPRESSED, ...) live in varatt.h, which postgres.h no longer
 * includes.
 */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/*
 * Soft input errors (pg_input_is_valid, COPY ... ON_ERROR) arrived in
 * PostgreSQL 16.  Before that every input error is a hard error.
 */
#if PG_VERSION_NUM < 160000
#define errsave(context, ...) \
	do { (void) (context); ereport(ERROR, __VA_ARGS__); } while (0)
#define SOFT_ERROR_OCCURRED(escontext)	false
#else
#include "nodes/miscnodes.h"
#endif

#endif							/* HATRUNG_COMPAT_H */

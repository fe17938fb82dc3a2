/*
 * compat.h
 *	  Shims that keep the C glue building unchanged on PostgreSQL 13 to 17.
 */
#ifndef HATRUNG_COMPAT_H
#define HATRUNG_COMPAT_H

#include "postgres.h"

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

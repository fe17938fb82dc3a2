/*
 * aggregate.h
 *	  What hatrung's aggregate support functions share.
 */
#ifndef HATRUNG_AGGREGATE_H
#define HATRUNG_AGGREGATE_H

#include "postgres.h"

#include "fmgr.h"

/*
 * The aggregate's long-lived memory context; a support function called any
 * other way (directly, from SQL it cannot be) is a programming error.
 */
static inline MemoryContext
aggregate_context(FunctionCallInfo fcinfo, const char *fn)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "%s called in non-aggregate context", fn);
	return aggcxt;
}

#endif							/* HATRUNG_AGGREGATE_H */

/*
 * unit.h
 *	  A minimal test harness for the pure C core: no framework to install,
 *	  output that the test driver can count.
 */
#ifndef HATRUNG_UNIT_H
#define HATRUNG_UNIT_H

#include <stdio.h>
#include <string.h>

static int	unit_passed = 0;
static int	unit_failed = 0;

#define CHECK(cond) \
	do { \
		if (cond) \
			unit_passed++; \
		else \
		{ \
			unit_failed++; \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		} \
	} while (0)

#define CHECK_EQ_INT(got, want) \
	do { \
		long long g_ = (long long) (got), w_ = (long long) (want); \
		if (g_ == w_) \
			unit_passed++; \
		else \
		{ \
			unit_failed++; \
			fprintf(stderr, "%s:%d: %s = %lld, want %lld\n", __FILE__, __LINE__, #got, g_, w_); \
		} \
	} while (0)

#define CHECK_EQ_STR(got, want) \
	do { \
		const char *g_ = (got), *w_ = (want); \
		if (strcmp(g_, w_) == 0) \
			unit_passed++; \
		else \
		{ \
			unit_failed++; \
			fprintf(stderr, "%s:%d: %s = \"%s\", want \"%s\"\n", __FILE__, __LINE__, #got, g_, w_); \
		} \
	} while (0)

/* Prints the count line the test driver reads; exit status 1 on failure. */
#define UNIT_REPORT(name) \
	(printf("%s: %d passed, %d failed\n", (name), unit_passed, unit_failed), \
	 unit_failed == 0 ? 0 : 1)

#endif							/* HATRUNG_UNIT_H */

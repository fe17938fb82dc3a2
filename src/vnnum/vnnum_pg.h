/*
 * vnnum_pg.h
 *	  Vietnamese number parsing for other glue files (the loaders).
 */
#ifndef HATRUNG_VNNUM_PG_H
#define HATRUNG_VNNUM_PG_H

#include "postgres.h"

#include "vnnum/vnnum_core.h"

/* vnnum_parse_scaled for `len` bytes of text in the server encoding. */
extern VnNumStatus vnnum_parse_server(const char *str, size_t len, char *out, int *scale_exp10);

#endif							/* HATRUNG_VNNUM_PG_H */

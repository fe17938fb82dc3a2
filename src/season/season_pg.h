/*
 * season_pg.h
 *	  What other glue files (the loader) use of the crop_season glue.
 */
#ifndef HATRUNG_SEASON_PG_H
#define HATRUNG_SEASON_PG_H

#include "postgres.h"

#include "season/season_core.h"

/* season_parse for text in the server encoding. */
extern SeasonStatus season_parse_server(const char *str, size_t len, int32 *ordinal);

/* Why a label was refused, as an errdetail sentence (NULL: a plain syntax error). */
extern const char *season_status_detail(SeasonStatus st);

/* The label in the server encoding (palloc'd). */
extern char *season_label_server(int32 ordinal);

#endif							/* HATRUNG_SEASON_PG_H */

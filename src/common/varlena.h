/*
 * varlena.h
 *	  Reading a varlena argument in place.
 */
#ifndef HATRUNG_VARLENA_H
#define HATRUNG_VARLENA_H

#include "postgres.h"
#include "common/compat.h"

#include "fmgr.h"

/*
 * The value as stored in the tuple, short (1-byte) header included, or its
 * expanded copy when it is toasted (compressed or out of line).  The check
 * is inline: on a per-row path the common case costs no call and no copy.
 */
static inline struct varlena *
varlena_in_place(struct varlena *v)
{
	if (VARATT_IS_EXTERNAL(v) || VARATT_IS_COMPRESSED(v))
		return pg_detoast_datum_packed(v);
	return v;
}

#endif							/* HATRUNG_VARLENA_H */

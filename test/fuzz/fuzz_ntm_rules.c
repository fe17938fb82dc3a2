/*
 * fuzz_ntm_rules.c
 *	  libFuzzer harness for ntm_score's packed rules and score state: any
 *	  bytes are read within bounds (ASan sees a read past the exact-size
 *	  copy); whatever reads as rules looks up each of its own codes back at
 *	  its own index, and makes a state that scores and merges with itself.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/ntm/ntm_rules_core.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t    *bytes = malloc(size ? size : 1);
	int			n,
				i;

	memcpy(bytes, data, size);
	n = ntm_rules_count(bytes, size);
	if (n >= 0)
	{
		uint8_t    *state = malloc(NTM_SCORE_SIZE(n));
		uint8_t    *state2 = malloc(NTM_SCORE_SIZE(n));
		bool		well_formed = ntm_score_init(state, bytes, size);

		for (i = 0; i < n; i++)
		{
			NtmRule		r,
						found;

			if (!ntm_rules_get(bytes, size, i, &r))
			{
				well_formed = false;
				continue;
			}
			/* an unsorted forged blob may miss; a found code is the entry's */
			if (ntm_rules_find(bytes, size, r.code, r.code_len, &found) >= 0 &&
				(found.code_len != r.code_len || memcmp(found.code, r.code, r.code_len) != 0))
				abort();
		}
		if (well_formed)
		{
			memcpy(state2, state, NTM_SCORE_SIZE(n));
			if (!ntm_score_fits(state, NTM_SCORE_SIZE(n), bytes, size))
				abort();
			for (i = 0; i < n; i++)
				if (!ntm_score_add(state, i, (NtmStatus) (i % 3)))
					abort();
			if (ntm_score_count(state, NTM_SCORE_SIZE(n)) != n ||
				!ntm_score_merge(state2, NTM_SCORE_SIZE(n), state, NTM_SCORE_SIZE(n)))
				abort();
			(void) ntm_score_result(state2, NTM_SCORE_SIZE(n));
		}
		free(state);
		free(state2);
	}
	/* the bytes as a state */
	(void) ntm_score_result(bytes, size);
	/* ... fed to the transition with rules it claims to fit: every write stays in it */
	if (size >= NTM_SCORE_HEADER)
	{
		uint8_t    *forged = malloc(size);
		static const uint8_t none[1] = {0};

		memcpy(forged, bytes, size);
		if (ntm_score_fits(forged, size, forged, size))	/* a state is no rules blob */
			abort();
		(void) ntm_score_fits(forged, size, none, 0);
		free(forged);
	}
	free(bytes);
	return 0;
}

-- bench/lib.sql: timing helpers shared by the benchmark scripts.
-- bench_time(query, runs) runs the query `runs` times and returns the best
-- wall-clock time in milliseconds (the minimum is the least noisy estimate
-- of what the work itself costs on a shared machine).
CREATE OR REPLACE FUNCTION pg_temp.bench_time(query text, runs int DEFAULT 3)
RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	best numeric := NULL;
	ms numeric;
BEGIN
	FOR i IN 1..runs LOOP
		t0 := clock_timestamp();
		EXECUTE query;
		ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
		best := least(coalesce(best, ms), ms);
	END LOOP;
	RETURN round(best, 1);
END
$$;

-- bench_compare(label, subject, baseline, target) times both and prints the
-- ratio subject / baseline next to its target.
CREATE OR REPLACE FUNCTION pg_temp.bench_compare(label text, subject text, baseline text, target text,
	runs int DEFAULT 3)
RETURNS TABLE (benchmark text, subject_ms numeric, baseline_ms numeric, ratio numeric, goal text)
LANGUAGE plpgsql AS $$
BEGIN
	benchmark := label;
	baseline_ms := pg_temp.bench_time(baseline, runs);
	subject_ms := pg_temp.bench_time(subject, runs);
	ratio := round(subject_ms / nullif(baseline_ms, 0), 3);
	goal := target;
	RETURN NEXT;
END
$$;

#!/usr/bin/env python3
"""bench/ab.py: two builds of hatrung timed against each other in one server,
at the same moment, query by query (run by bench/ab.sh, which prepares the
databases).

A shared machine's speed drifts by more than the few per cent a release
comparison is about: two benchmark runs one after the other can differ by 20%
for a query neither build changed.  Here the two builds run side by side:
PostgreSQL loads hatrung.so once per backend and keeps the library it loaded,
so a session opened after installing the old build keeps the old code after
the new build is installed for the second session.  Each query then runs
alternately in the two sessions (old first in even rounds, new first in odd
ones), and the best time of each is compared.  One core per query: parallel
workers would load whichever library is installed when they start.

usage: bench/ab.py OLD_TREE NEW_TREE OLD_DB NEW_DB SUITE
  (SUITE: report or growth_ntm; PGHOST/PGPORT/PGUSER name the server; the
   trees are built; installing needs write access to the server's files)
"""
import os
import statistics
import subprocess
import sys

PG_CONFIG = os.environ.get("PG_CONFIG", "pg_config")

# (label, query, work_mem, rounds): the queries of bench/data.sql,
# bench/growth.sql and bench/ntm.sql, each with a version-independent
# reference that says whether the machine stayed the same for both sides.
SUITES = {
    "report": [
        ("quarterly_report, one first quarter nationwide",
         "SELECT count(*), sum(yoy_pct), sum(ytd) FROM hatrung.quarterly_report WHERE period_label = '2023-Q1'",
         "4MB", 15),
        ("quarterly_report, one third quarter nationwide",
         "SELECT count(*), sum(yoy_pct), sum(ytd) FROM hatrung.quarterly_report WHERE period_label = '2023-Q3'",
         "4MB", 9),
        ("quarterly_report, one unit, all quarters",
         "SELECT count(*), sum(yoy_pct), sum(ytd) FROM hatrung.quarterly_report WHERE unit_code = 'C00042'",
         "4MB", 15),
        ("reference: plain-SQL report, one first quarter",
         "SELECT count(*), sum(yoy_pct), sum(ytd) FROM bench_plain_report WHERE period_label = '2023-Q1'",
         "4MB", 5),
    ],
    "growth_ntm": [
        ("quarterly_series, 10,000 series of ~1,000 quarters, serial",
         "SELECT count(hatrung.periods(s)) FROM (SELECT u, hatrung.quarterly_series(v, period) AS s FROM bench_g GROUP BY u) t",
         "1GB", 5),
        ("reference: count(v) over the same rows",
         "SELECT count(v) FROM bench_g", "1GB", 5),
        ("ntm_commune_status, 10,000 communes x 2 sets",
         "SELECT count(*), count(*) FILTER (WHERE level <> 'none'), sum(criteria_met) FROM hatrung.ntm_commune_status",
         "4MB", 7),
        ("reference: the same rules in plain SQL",
         "SELECT count(*), count(*) FILTER (WHERE level <> 'none'), sum(met) FROM bench_plain_commune",
         "4MB", 5),
    ],
}

TIMER = """CREATE FUNCTION pg_temp.ab_time(q text, wm text) RETURNS numeric LANGUAGE plpgsql AS $f$
DECLARE t0 timestamptz;
BEGIN
	PERFORM set_config('work_mem', wm, false);
	t0 := clock_timestamp();
	EXECUTE q;
	RETURN round((extract(epoch FROM clock_timestamp() - t0) * 1000)::numeric, 1);
END $f$;"""


def install(tree):
    subprocess.run(["make", "-s", "-C", tree, "PG_CONFIG=" + PG_CONFIG, "install"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class Session:
    """One psql process kept open; statements in, bare values out."""

    def __init__(self, db):
        self.p = subprocess.Popen(["psql", "-X", "-q", "-A", "-t", "-d", db],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True)
        self.run("SET search_path = public, hatrung; SET jit = off; "
                 "SET max_parallel_workers_per_gather = 0; SET client_min_messages = warning;")
        self.run(TIMER)
        # a call into the library loads it now, from the build installed now
        self.version = self.run("SELECT extversion FROM pg_extension WHERE extname = 'hatrung';"
                                "SELECT '2023-Q1'::hatrung.quarter;")[0]

    def run(self, sql):
        self.p.stdin.write(sql + "\n\\echo __ab_end__\n")
        self.p.stdin.flush()
        out = []
        while True:
            line = self.p.stdout.readline()
            if line == "" or line.strip() == "__ab_end__":
                return out
            out.append(line.rstrip("\n"))

    def time(self, query, work_mem):
        out = self.run("SELECT pg_temp.ab_time($ab$" + query + "$ab$, '" + work_mem + "');")
        try:
            return float(out[-1])
        except (IndexError, ValueError):
            sys.exit("bench/ab.py: " + "\n".join(out))


def main():
    if len(sys.argv) != 6 or sys.argv[5] not in SUITES:
        sys.exit(__doc__)
    old_tree, new_tree, old_db, new_db, suite = sys.argv[1:]
    install(old_tree)
    old = Session(old_db)
    install(new_tree)
    new = Session(new_db)
    queries = SUITES[suite]
    for s in (old, new):            # one untimed pass: caches, hint bits
        for _, q, wm, _ in queries:
            s.time(q, wm)
    print("| benchmark | old %s: best (median) ms | new %s: best (median) ms | new / old (best) | runs |"
          % (old.version, new.version))
    print("| --- | --- | --- | --- | --- |")
    for label, q, wm, rounds in queries:
        a, b = [], []
        for i in range(rounds):
            if i % 2 == 0:
                a.append(old.time(q, wm))
                b.append(new.time(q, wm))
            else:
                b.append(new.time(q, wm))
                a.append(old.time(q, wm))
        print("| %s | %s (%s) | %s (%s) | %.3f | %d each, alternating |"
              % (label, f"{min(a):,.1f}", f"{statistics.median(a):,.1f}",
                 f"{min(b):,.1f}", f"{statistics.median(b):,.1f}", min(b) / min(a), rounds), flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# bench/run.sh [-v var=value ...] [name ...]: run benchmarks (default: all
# bench/*.sql but lib.sql) on a throwaway cluster. Prints ratios measured in the
# same run; never gates CI.  -v passes a variable to every script (for example
# -v scale=3000 for a smaller data.sql); PGBIN=<server's bin directory> runs
# against another PostgreSQL, such as the 18 that scripts/test-matrix.sh builds.
set -u
psql_vars=()
while [ "${1:-}" = -v ]; do
	psql_vars+=(-v "$2")
	shift 2
done
. "$(dirname "$0")/../scripts/lib.sh"
cd "$REPO_ROOT"
ensure_packages || exit 1
build_and_install || exit 1
start_cluster || exit 1
psql -X -q -d postgres -c "ALTER SYSTEM SET shared_buffers = '2GB'" -c "ALTER SYSTEM SET max_wal_size = '8GB'"
as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -w restart -l "$PGTMP/server.log" >/dev/null
createdb hatrung_bench && psql -X -q -d hatrung_bench -c "CREATE EXTENSION hatrung"
names=${*:-$(ls bench/*.sql | xargs -n1 basename | sed 's/\.sql$//' | grep -v '^lib$')}
for n in $names; do
	echo "== bench/$n.sql ($(nproc) cores, PostgreSQL $(psql -X -A -t -d postgres -c 'SHOW server_version'))"
	psql -X -v ON_ERROR_STOP=1 "${psql_vars[@]}" -d hatrung_bench -f "bench/$n.sql" || exit 1
done

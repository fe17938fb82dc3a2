#!/usr/bin/env bash
# bench/ab.sh [-v scale=N] OLD_REV [NEW_REV]: two builds timed against each
# other in one server, query by query, at the same moment (see bench/ab.py):
# the report queries of bench/data.sql, quarterly_series of bench/growth.sql
# and ntm_commune_status of bench/ntm.sql, each old vs new, with a
# version-independent reference beside them.  OLD_REV and NEW_REV are git
# revisions (NEW_REV defaults to this working tree).  The data are generated
# by the benchmark scripts' own set-up sections, in a database per build and
# suite (the report in one holding only bench/data.sql's units, as when
# data.sql runs).  Never gates CI; about 15 minutes at the default scale.
set -u
scale=3000
if [ "${1:-}" = -v ]; then
	scale=${2#scale=}
	shift 2
fi
[ $# -ge 1 ] || { echo "usage: bench/ab.sh [-v scale=N] OLD_REV [NEW_REV]" >&2; exit 2; }
. "$(dirname "$0")/../scripts/lib.sh"
cd "$REPO_ROOT"
ensure_packages || exit 1
WORK=$(mktemp -d /tmp/hatrung-ab.XXXXXX)
cleanup() {
	stop_cluster
	git -C "$REPO_ROOT" worktree remove --force "$WORK/old" >/dev/null 2>&1
	[ -d "$WORK/new" ] && git -C "$REPO_ROOT" worktree remove --force "$WORK/new" >/dev/null 2>&1
	rm -rf "$WORK"
}
git worktree add -q --detach "$WORK/old" "$1" || exit 1
NEW=$REPO_ROOT
if [ $# -ge 2 ]; then
	git worktree add -q --detach "$WORK/new" "$2" || { cleanup; exit 1; }
	NEW=$WORK/new
fi
for t in "$WORK/old" "$NEW"; do
	echo "== building $(git -C "$t" rev-parse --short HEAD)$([ "$t" = "$REPO_ROOT" ] && ! git diff --quiet HEAD && echo ' + working tree changes')"
	(make -s -C "$t" PG_CONFIG="$PG_CONFIG" clean >/dev/null 2>&1 && make -s -C "$t" PG_CONFIG="$PG_CONFIG" >/dev/null 2>&1) ||
		{ echo "build failed in $t" >&2; cleanup; exit 1; }
done
start_cluster || { cleanup; exit 1; }
trap cleanup EXIT
psql -X -q -d postgres -c "ALTER SYSTEM SET shared_buffers = '2GB'" -c "ALTER SYSTEM SET max_wal_size = '8GB'"
as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -w restart -l "$PGTMP/server.log" >/dev/null

# the set-up sections of the benchmark scripts, up to their first timing
sed '/^\\echo .quarterly_report (best of 3)/,$d' bench/data.sql >"$WORK/report.sql"
sed '/^VACUUM ANALYZE bench_g;/q' bench/growth.sql >"$WORK/growth.sql"
sed '/^\\echo .scoring/,$d' bench/ntm.sql >"$WORK/ntm.sql"
for side in old new; do
	tree=$WORK/old
	[ $side = new ] && tree=$NEW
	as_root make -s -C "$tree" PG_CONFIG="$PG_CONFIG" install >/dev/null 2>&1 || exit 1
	for db in report growth_ntm; do
		createdb "ab_${side}_$db" && psql -X -q -d "ab_${side}_$db" -c "CREATE EXTENSION hatrung" || exit 1
	done
	echo "== generating the $side build's data (scale $scale)"
	psql -X -q -v ON_ERROR_STOP=1 -v scale="$scale" -d "ab_${side}_report" -f "$WORK/report.sql" >/dev/null &&
		psql -X -q -v ON_ERROR_STOP=1 -d "ab_${side}_growth_ntm" -f "$WORK/growth.sql" >/dev/null &&
		psql -X -q -v ON_ERROR_STOP=1 -d "ab_${side}_growth_ntm" -f "$WORK/ntm.sql" >/dev/null || exit 1
done
psql -X -q -d postgres -c "CHECKPOINT"
echo "== $(nproc) cores, PostgreSQL $(psql -X -A -t -d postgres -c 'SHOW server_version'); old $(git -C "$WORK/old" rev-parse --short HEAD), new $(git -C "$NEW" rev-parse --short HEAD)"
for db in report growth_ntm; do
	PG_CONFIG=$PG_CONFIG python3 bench/ab.py "$WORK/old" "$NEW" "ab_old_$db" "ab_new_$db" "$db" || exit 1
done

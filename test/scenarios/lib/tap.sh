# test/scenarios/lib/tap.sh — TAP output for shell scenarios (run by prove).
# Each scenario expects PGHOST/PGPORT/PGUSER of a running cluster, which
# scripts/test.sh exports.
TAP_N=0
TAP_FAILED=0

tap_plan() { echo "1..$1"; }

# tap_is <got> <want> <description>
tap_is() {
	TAP_N=$((TAP_N + 1))
	if [ "$1" = "$2" ]; then
		echo "ok $TAP_N - $3"
	else
		TAP_FAILED=$((TAP_FAILED + 1))
		echo "not ok $TAP_N - $3"
		printf '#   got:  %s\n#   want: %s\n' "$1" "$2" | head -20
	fi
}

# tap_ok <exit status> <description>
tap_ok() { tap_is "$1" 0 "$2"; }

# psql returning bare values, stopping at the first error.
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }

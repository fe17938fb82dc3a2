#!/usr/bin/env bash
# The README is the user's manual, and this keeps it true (lib/readme.py
# says exactly what it checks): every example shown with its output is run
# and must print that output; every row of a reference table with an
# example and a result is evaluated; every quarter input the README lists
# as accepted is accepted, and every one it lists as an error fails with
# its SQLSTATE; no link leaves the repository; the SECURITY DEFINER
# statement names what the catalog marks so; every function, type, table,
# view and setting of the extension is named; the Layout section lists the
# files that exist.
#
# It works in databases of its own (hatrung_readme_*), always dropped, and
# drops the roles its examples create.  HATRUNG_README=<file> checks another
# copy of the README against this repository (to see a check fail).
. "$(dirname "$0")/lib/tap.sh"
set -u
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3
README=${HATRUNG_README:-README.md}
if [ ! -x "$PY" ]; then
	echo "1..0 # SKIP $PY missing"
	exit 0
fi
cleanup() {
	for d in hatrung_readme_run hatrung_readme_demo hatrung_readme_ext; do
		dropdb --if-exists "$d" 2>/dev/null
	done
}
OUT=$(mktemp /tmp/hatrung-readme.XXXXXX)
trap 'cleanup; rm -f "$OUT"' EXIT
"$PY" test/scenarios/lib/readme.py "$README" "$PWD" >"$OUT"
rc=$?
descs=() gots=() wants=() diffs=()
while IFS=$'\t' read -r -d '' desc got want diff; do
	descs+=("$desc") gots+=("$got") wants+=("$want") diffs+=("$diff")
done <"$OUT"
tap_plan $((${#descs[@]} + 1))
tap_ok $rc "lib/readme.py ran to the end"
for k in "${!descs[@]}"; do
	tap_is "${gots[$k]}" "${wants[$k]}" "${descs[$k]}"
	if [ "${gots[$k]}" != "${wants[$k]}" ] && [ -n "${diffs[$k]}" ]; then
		printf '%s\n' "${diffs[$k]}" | head -60 | sed 's/^/#   /'
	fi
done
[ "$TAP_FAILED" = 0 ]

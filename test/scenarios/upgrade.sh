#!/usr/bin/env bash
# Releases and upgrades: frozen release scripts are unchanged, the sources of
# a released default version are its frozen script, and for every earlier
# release "CREATE EXTENSION hatrung VERSION 'old'; ALTER EXTENSION hatrung
# UPDATE" gives exactly the catalog and reference data of a fresh install.
#
# The catalog comparison uses pg_dump --binary-upgrade, the one pg_dump mode
# that writes out every member object of an extension (functions, types,
# operators, views, comments, column order); its OIDs and transaction ids
# differ between any two databases, and are masked.
. "$(dirname "$0")/lib/tap.sh"
set -u
cd "$(dirname "$0")/../.."
REL=src/releases
CURRENT=$(sed -n "s/^default_version = '\(.*\)'/\1/p" hatrung.control)
OLDER=$(ls "$REL" | sed -n 's/^hatrung--\([0-9.]*\)\.sql$/\1/p' | grep -vx "$CURRENT" | sort -V)
TMP=$(mktemp -d /tmp/hatrung-upgrade.XXXXXX)
DBS="hatrung_up_fresh hatrung_up_updated hatrung_up_altered hatrung_up_data"
trap 'rm -rf "$TMP"; for d in $DBS; do dropdb --if-exists "$d" 2>/dev/null; done' EXIT

tap_plan $((6 + 8 * $(echo "$OLDER" | grep -c .)))

# --- the release files themselves ---------------------------------------------
(cd "$REL" && sha256sum --quiet -c SHA256SUMS >/dev/null 2>&1)
tap_ok $? "frozen release scripts match src/releases/SHA256SUMS"
frozen=$(ls "$REL" | grep -cE '^hatrung--[0-9.]+\.sql$')
tap_is "$(grep -c . "$REL/SHA256SUMS")" "$frozen" "every frozen release script has a checksum"
bad_names=""
for f in $(ls "$REL" | grep -E '^hatrung--.*--.*\.sql$'); do
	from=$(echo "$f" | sed 's/^hatrung--\([0-9.]*\)--.*/\1/')
	[ -f "$REL/hatrung--$from.sql" ] || bad_names="$bad_names $f"
done
tap_is "$bad_names" "" "every upgrade script starts from a released version"

# The sources of the default version: frozen if released, else assembled.
parts=$(sed -n '/^SQL_PARTS = /,/^$/p' Makefile | grep -o 'src/[a-z_/]*\.sql')
if [ -f "$REL/hatrung--$CURRENT.sql" ]; then
	cat $parts | cmp -s - "$REL/hatrung--$CURRENT.sql"
	tap_ok $? "default version $CURRENT is released and the sources are still its frozen script"
else
	tap_ok 0 "default version $CURRENT is in development (assembled from the sources)"
fi

# --- comparing installs -----------------------------------------------------
# catalog <db>: every extension member object, OIDs removed.
catalog() {
	pg_dump --binary-upgrade --schema-only -d "$1" 2>/dev/null |
		grep -v -e '^--' -e '^$' -e 'binary_upgrade_set_next_' -e '^\\restrict' -e '^\\unrestrict' |
		sed -e "/binary_upgrade_create_empty_extension/s/'{[0-9,]*}'/'{config table oids}'/" \
			-e "s/^SET relfrozenxid = '[0-9]*', relminmxid = '[0-9]*'/SET relfrozenxid = X, relminmxid = X/" \
			-e "s/^WHERE oid = '[0-9]*';/WHERE oid = toast table;/"
}
# reference_data <db>: row count and checksum of every table of the schema.
reference_data() {
	q -d "$1" <<'SQL'
SELECT string_agg(format('%s %s', c.relname,
		(xpath('/row/f/text()', query_to_xml(format(
			'SELECT count(*) || '':'' || coalesce(md5(string_agg(t::text, ''|'' ORDER BY t::text)), '''') AS f FROM %I.%I AS t',
			n.nspname, c.relname), false, true, '')))[1]::text), E'\n' ORDER BY c.relname)
FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
WHERE n.nspname = 'hatrung' AND c.relkind IN ('r', 'p');
SELECT extversion, extconfig::regclass[]::text, extcondition::text FROM pg_extension WHERE extname = 'hatrung';
SQL
}
# behaviour <db>: the demo loaded and reported through the installed objects.
behaviour() {
	q -d "$1" -c "SELECT hatrung.load_demo(); SELECT hatrung.load_ntm_demo();" >/dev/null &&
	q -d "$1" -c "SELECT md5(hatrung.quarter_report('392', '2023-Q1')
		|| (SELECT string_agg(s::text, '|' ORDER BY s::text) FROM hatrung.ntm_commune_status AS s)
		|| (SELECT string_agg(r::text, '|' ORDER BY r::text) FROM hatrung.quarterly_report AS r))"
}

# answers <db>: the report views over the demo and a gappy, multi-vintage
# data set (deterministic), the user-loaded thresholds and the history, for
# comparing the same data before and after an update.
load_answer_data() {
	q -d "$1" >/dev/null <<'SQL'
SELECT hatrung.load_demo();
SELECT hatrung.load_ntm_demo();
INSERT INTO hatrung.indicator (code, name_vi, name_en, unit_of_measure, kind, decimals)
VALUES ('T_STOCK', 'Tồn (kiểm thử)', 'Stock (test)', 'con', 'stock', 0),
	   ('T_RATIO', 'Tỷ lệ (kiểm thử)', 'Ratio (test)', '%', 'ratio', 1);
INSERT INTO hatrung.admin_unit (code, name, level, valid_from, source)
SELECT 'T' || g, 'Test ' || g, 'commune', '2000-01-01', 'test' FROM generate_series(1, 40) AS g;
INSERT INTO hatrung.observation (unit_id, indicator_code, period, vintage, value, source)
SELECT u.unit_id, ind, '2019-Q1'::hatrung.quarter OPERATOR(hatrung.+) k, vin,
	   round(((u.unit_id * 37 + k * 11 + length(ind) * 5 + length(vin)) % 997)::numeric / 10, 1), 'test'
FROM (SELECT unit_id FROM hatrung.admin_unit WHERE code LIKE 'T%') AS u,
	 (VALUES ('MEAT_OUTPUT'), ('T_STOCK'), ('T_RATIO')) AS i(ind), generate_series(0, 23) AS k,
	 (VALUES ('estimate'), ('preliminary'), ('official')) AS v(vin)
WHERE (u.unit_id + k * 7 + length(ind)) % 5 <> 0 AND (k + u.unit_id + length(vin)) % 3 <> 0;
UPDATE hatrung.observation SET value = value + 1
WHERE source = 'test' AND period OPERATOR(hatrung.=) '2020-Q1';	-- history to keep
SQL
}
# (ntm_district_status: its columns of 1.0 and 1.1; 1.2 adds applies)
# $2: quarterly_report's columns in the version before the update (a later
# version may add columns; the ones that were there must answer the same)
answers() {
	q -d "$1" -c "SELECT md5((SELECT string_agg(r::text, '|' ORDER BY r.unit_code, r.indicator_code, r.period_label)
			FROM (SELECT $2 FROM hatrung.quarterly_report) AS r)
		|| (SELECT string_agg(s::text, '|' ORDER BY s::text) FROM hatrung.ntm_commune_status AS s)
		|| (SELECT string_agg(d::text, '|' ORDER BY d::text)
			FROM (SELECT district_code, district_name, year, communes_total, communes_ntm, pct_ntm,
						 communes_nang_cao, pct_nang_cao, communes_kieu_mau, pct_kieu_mau, avg_criteria_met,
						 cond_all_communes_ntm, cond_10pct_nang_cao, cond_townships_civilised,
						 cond_satisfaction_90pct, cond_district_criteria
				  FROM hatrung.ntm_district_status) AS d)
		|| (SELECT count(*) || ':' || string_agg(t.set_code || t.indicator_code || t.zone || t.value, '|' ORDER BY t.threshold_id)
			FROM hatrung.ntm_threshold AS t WHERE NOT t.shipped)
		|| (SELECT count(*) FROM hatrung.observation_history))"
}

for d in $DBS; do dropdb --if-exists "$d" 2>/dev/null; done
createdb hatrung_up_fresh && q -d hatrung_up_fresh -c "CREATE EXTENSION hatrung" >/dev/null
tap_ok $? "fresh install of $CURRENT"
catalog hatrung_up_fresh >"$TMP/fresh.sql"
reference_data hatrung_up_fresh >"$TMP/fresh.data"

# The comparison must be able to fail: one changed function property shows.
createdb hatrung_up_altered && q -d hatrung_up_altered -c "CREATE EXTENSION hatrung;
	ALTER FUNCTION hatrung.growth_pct(numeric, numeric) COST 2;" >/dev/null
catalog hatrung_up_altered >"$TMP/altered.sql"
diff "$TMP/fresh.sql" "$TMP/altered.sql" >"$TMP/altered.diff"
tap_is "$(grep -c '^[<>]' "$TMP/altered.diff") $(grep -c '^>.* COST 2 ' "$TMP/altered.diff")" "2 1" \
	"the catalog comparison sees a one-word change to one function"

for old in $OLDER; do
	dropdb --if-exists hatrung_up_updated 2>/dev/null
	createdb hatrung_up_updated
	q -d hatrung_up_updated -c "CREATE EXTENSION hatrung VERSION '$old'" >/dev/null
	tap_ok $? "install released $old"
	q -d hatrung_up_updated -c "ALTER EXTENSION hatrung UPDATE" >/dev/null &&
		[ "$(q -d hatrung_up_updated -c "SELECT extversion FROM pg_extension WHERE extname = 'hatrung'")" = "$CURRENT" ]
	tap_ok $? "ALTER EXTENSION hatrung UPDATE from $old reaches $CURRENT"
	catalog hatrung_up_updated >"$TMP/updated.sql"
	tap_is "$(diff "$TMP/fresh.sql" "$TMP/updated.sql" | head -40)" "" \
		"$old updated to $CURRENT: catalog identical to a fresh $CURRENT"
	tap_is "$(reference_data hatrung_up_updated | diff "$TMP/fresh.data" - | head -20)" "" \
		"$old updated to $CURRENT: shipped reference data identical"
	tap_is "$(behaviour hatrung_up_updated)" "$(behaviour hatrung_up_fresh)" \
		"$old updated to $CURRENT: demo report, NTM status and quarterly_report identical"
	# the same data answers the same before and after the update
	dropdb --if-exists hatrung_up_data 2>/dev/null
	createdb hatrung_up_data && q -d hatrung_up_data -c "CREATE EXTENSION hatrung VERSION '$old'" >/dev/null &&
		load_answer_data hatrung_up_data &&
		[ "$(q -d hatrung_up_data -c "SELECT count(*) > 1500 AND (SELECT count(*) > 50 FROM hatrung.observation_history) FROM hatrung.quarterly_report")" = t ]
	tap_ok $? "$old with the demo, a gappy multi-vintage data set and its history loaded"
	report_columns=$(q -d hatrung_up_data -c "SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum)
		FROM pg_attribute WHERE attrelid = 'hatrung.quarterly_report'::regclass AND attnum > 0 AND NOT attisdropped")
	before=$(answers hatrung_up_data "$report_columns")
	q -d hatrung_up_data -c "ALTER EXTENSION hatrung UPDATE" >/dev/null
	tap_is "$(answers hatrung_up_data "$report_columns")" "$before" \
		"$old updated to $CURRENT with data in place: user thresholds and history kept; quarterly_report, ntm_commune_status and ntm_district_status answer as before"
	# a per-unit editor granted before the update can still write its unit, and only it
	q -d hatrung_up_data >/dev/null 2>&1 <<-'SQL'
		DROP ROLE IF EXISTS hatrung_up_editor;
		CREATE ROLE hatrung_up_editor;
	SQL
	dropdb hatrung_up_data && createdb hatrung_up_data &&
		q -d hatrung_up_data -c "CREATE EXTENSION hatrung VERSION '$old'" -c "SELECT hatrung.load_demo()" \
			-c "SELECT hatrung.grant_unit_editor('hatrung_up_editor', ARRAY['15277'])" \
			-c "ALTER EXTENSION hatrung UPDATE" >/dev/null
	got=$(q -d hatrung_up_data -c "SET ROLE hatrung_up_editor" \
		-c "SELECT hatrung.may_edit_unit(u.unit_id) FROM hatrung.admin_unit u WHERE u.code IN ('15277', '392') ORDER BY u.code" \
		-c "RESET ROLE" -c "SELECT count(*) FROM hatrung.unit_editor WHERE role_name = 'hatrung_up_editor'" | tr '\n' ' ')
	q -d hatrung_up_data -c "SELECT format('DROP ROLE %I', rolname) FROM pg_roles WHERE rolname ~ ('^hatrung_unit_[0-9]+_' || left(md5(current_database()), 8) || '\$')" |
		while read -r stmt; do q -d postgres -c "$stmt" >/dev/null 2>&1; done
	dropdb hatrung_up_data && psql -X -q -d postgres -c "DROP ROLE hatrung_up_editor" >/dev/null 2>&1
	tap_is "$got" "t f 1 " "$old updated to $CURRENT: a per-unit editor granted before the update keeps its unit's right (a unit role) and gets no other"
	# behaviour() loaded the demo into the fresh database: start it again
	dropdb hatrung_up_fresh && createdb hatrung_up_fresh &&
		q -d hatrung_up_fresh -c "CREATE EXTENSION hatrung" >/dev/null
done

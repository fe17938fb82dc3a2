#!/usr/bin/env bash
# pg_dump / pg_restore round trip of a database using every hatrung type,
# with indexes and constraints: the restored database answers every query
# exactly as the original.
. "$(dirname "$0")/lib/tap.sh"
tap_plan 15
set -u
SRC=hatrung_dump_src
DST=hatrung_dump_dst
DSTPLAIN=hatrung_dump_plain
DUMP=$(mktemp /tmp/hatrung-dump.XXXXXX)
trap 'rm -f "$DUMP" "$DUMP.sql" "$DUMP.err"; for d in $SRC $DST $DSTPLAIN; do dropdb --if-exists "$d" 2>/dev/null; done' EXIT

for d in $SRC $DST $DSTPLAIN; do dropdb --if-exists "$d" 2>/dev/null; done
createdb "$SRC"
q -d "$SRC" >/dev/null <<'SQL'
CREATE EXTENSION hatrung;
CREATE TABLE report (
	unit text, period hatrung.quarter, valid hatrung.quarterrange,
	covered hatrung.quartermultirange, value numeric,
	PRIMARY KEY (unit, period));
CREATE INDEX report_period_brin ON report USING brin (period);
CREATE INDEX report_valid_gist ON report USING gist (valid);
CREATE INDEX report_period_hash ON report USING hash (period);
INSERT INTO report
SELECT 'unit' || u, '2020-Q1'::hatrung.quarter OPERATOR(hatrung.+) i,
	   hatrung.quarterrange('2020-Q1'::hatrung.quarter OPERATOR(hatrung.+) i, NULL),
	   hatrung.quartermultirange(hatrung.quarterrange('2019-Q1', '2019-Q3'),
								 hatrung.quarterrange('2020-Q1'::hatrung.quarter OPERATOR(hatrung.+) i, NULL)),
	   u * 100 + i
FROM generate_series(1, 50) AS u, generate_series(0, 23) AS i;
INSERT INTO report VALUES ('edge', '0001-Q1', 'empty', '{}', 0), ('edge', '9999-Q4', '(,)', '{(,)}', NULL);
SELECT hatrung.load_demo();
SELECT hatrung.load_ntm_demo();
INSERT INTO hatrung.ntm_threshold_import VALUES
	('NTM_XA_2021', '15.1', 'DBSH', '2021-01-01', '', '95', 'no', 'user-loaded threshold (test)');
UPDATE hatrung.observation SET value = 821 WHERE period OPERATOR(hatrung.=) '2023-Q1' AND indicator_code = 'MEAT_OUTPUT'
	AND unit_id = (SELECT unit_id FROM hatrung.admin_unit WHERE code = '392');
CREATE VIEW report_labels AS
	SELECT unit, hatrung.label_vi(period) AS label, hatrung.year(period) AS year FROM report;
SQL
tap_ok $? "source database built"

CHECK="SELECT md5(string_agg(t::text, '|' ORDER BY unit, period::text)) FROM report AS t"
CHECK_VIEW="SELECT md5(string_agg(t::text, '|' ORDER BY unit, label)) FROM report_labels AS t"
want=$(q -d "$SRC" -c "$CHECK")
want_view=$(q -d "$SRC" -c "$CHECK_VIEW")
CHECK_DATA="SELECT md5(hatrung.quarter_report('392', '2023-Q1') || (SELECT string_agg(h::text, '|' ORDER BY history_id) FROM hatrung.observation_history h) || (SELECT string_agg(u::text, '|' ORDER BY unit_id) FROM hatrung.admin_unit u))"
want_data=$(q -d "$SRC" -c "$CHECK_DATA")

pg_dump -Fc -f "$DUMP" "$SRC"
tap_ok $? "pg_dump -Fc"
createdb "$DST" && pg_restore --exit-on-error -d "$DST" "$DUMP"
tap_ok $? "pg_restore into a new database, without errors"
tap_is "$(q -d "$DST" -c "$CHECK")" "$want" "restored rows are identical"
tap_is "$(q -d "$DST" -c "$CHECK_VIEW")" "$want_view" "restored view gives identical results"
tap_is "$(q -d "$DST" -c "$CHECK_DATA")" "$want_data" "user data (units, observations, history) survives: identical report and history"
STAMPS="SELECT (SELECT md5(string_agg(o.obs_id || ':' || o.recorded_by || '@' || o.recorded_at, '|' ORDER BY o.obs_id)) FROM hatrung.observation o) || ' ' || (SELECT md5(string_agg(m.unit_id || m.indicator_code || m.recorded_at, '|' ORDER BY m.unit_id, m.year, m.indicator_code)) FROM hatrung.ntm_measurement m)"
tap_is "$(q -d "$DST" -c "$STAMPS")" "$(q -d "$SRC" -c "$STAMPS")" \
	"the restore keeps who recorded each figure and when (a superuser's insert keeps its stamps; an editor's would be replaced)"
tap_is "$(q -d "$DST" -c "SELECT count(*) FROM hatrung.plan_source")" "3" "shipped rows are not duplicated by the restore"
tap_is "$(q -d "$DST" -c "SELECT count(*) FILTER (WHERE shipped) || '/' || count(*) FILTER (WHERE NOT shipped) || '/' || count(*) FILTER (WHERE source LIKE 'user-loaded%') FROM hatrung.ntm_threshold")" \
	"$(q -d "$SRC" -c "SELECT count(*) FILTER (WHERE shipped) || '/' || count(*) FILTER (WHERE NOT shipped) || '/' || count(*) FILTER (WHERE source LIKE 'user-loaded%') FROM hatrung.ntm_threshold")" \
	"user-loaded NTM thresholds survive, shipped ones are not duplicated"
tap_is "$(q -d "$DST" -c "SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes WHERE tablename = 'report'")" \
	"report_period_brin,report_period_hash,report_pkey,report_valid_gist" "every index is restored"
tap_is "$(q -d "$DST" -c "SET search_path = public, hatrung; SET enable_seqscan = off; SELECT count(*) FROM report WHERE period = '2021-Q1'")" \
	"50" "restored indexes answer queries"

# pg_restore --clean drops the extension to put the dump's rows in place:
# the DROP guard lets it through (a plain DROP EXTENSION would be refused)
pg_restore --clean --if-exists --exit-on-error -d "$DST" "$DUMP" 2>"$DUMP.err"
tap_ok $? "pg_restore --clean over a database holding figures passes the DROP guard"
tap_is "$(q -d "$DST" -c "$CHECK_DATA")" "$want_data" "... and leaves the dump's figures and history"

pg_dump -f "$DUMP.sql" "$SRC" && createdb "$DSTPLAIN" &&
	psql -X -q -v ON_ERROR_STOP=1 -d "$DSTPLAIN" -f "$DUMP.sql" >/dev/null
tap_ok $? "plain-format dump restores through psql"
tap_is "$(q -d "$DSTPLAIN" -c "$CHECK")" "$want" "plain-format restore gives identical rows"
[ "$TAP_FAILED" = 0 ]

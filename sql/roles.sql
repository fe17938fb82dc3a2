-- Roles and row-level security with real roles: a commune editor writes
-- its own unit, gets 42501 for another, cannot change history or shipped
-- reference data; a reader cannot write; the district editor writes all.
-- expected/roles_1.out is this file's output on PostgreSQL 16 and later,
-- where core words the refused GRANT of a role differently.
SET search_path = public, hatrung;
\set SHOW_CONTEXT never
SET client_min_messages = warning;
-- the drops below are deliberate (the demo's figures go with them)
SET hatrung.allow_drop = on;

\i sql/include/try.sql
GRANT EXECUTE ON FUNCTION pg_temp.try(text) TO PUBLIC;

SELECT rolname FROM pg_roles WHERE rolname LIKE 'hatrung\_%' AND rolname !~ '^hatrung_unit_[0-9]' ORDER BY 1;

DROP EXTENSION hatrung CASCADE;
CREATE EXTENSION hatrung;
SELECT load_demo() IS NOT NULL AS demo;
CREATE ROLE hatrung_test_ha_vinh LOGIN;
CREATE ROLE hatrung_test_reader LOGIN IN ROLE hatrung_reader;
CREATE ROLE hatrung_test_district LOGIN IN ROLE hatrung_editor;
SELECT grant_unit_editor('hatrung_test_ha_vinh', ARRAY['15277']) AS rights_granted;
SELECT pg_temp.try($$SELECT hatrung.grant_unit_editor('hatrung_test_ha_vinh', ARRAY['99999'])$$) AS unknown_unit;
SELECT role_name, u.code, u.name FROM unit_editor JOIN admin_unit u USING (unit_id);

-- The commune editor of Hà Vinh (15277).
SET ROLE hatrung_test_ha_vinh;
SELECT pg_temp.try($$INSERT INTO hatrung.observation_import VALUES ('15277', 'MEAT_OUTPUT', 'quý II-2023', 'sơ bộ', '41,5', 'commune editor')$$) AS own_unit_via_import,
	   pg_temp.try($$INSERT INTO hatrung.observation_import VALUES ('15280', 'MEAT_OUTPUT', 'quý II-2023', 'sơ bộ', '44', 'commune editor')$$) AS other_unit_via_import;
SELECT pg_temp.try($$INSERT INTO hatrung.observation_import VALUES ('15277', 'MEAT_OUTPUT', '6 tháng đầu năm 2023', 'sơ bộ', '80', 'commune editor')$$) AS own_span_via_import,
	   pg_temp.try($$INSERT INTO hatrung.observation_import VALUES ('15280', 'MEAT_OUTPUT', '6 tháng đầu năm 2023', 'sơ bộ', '80', 'commune editor')$$) AS other_span_via_import,
	   pg_temp.try($$UPDATE hatrung.cumulative_observation SET value = 81 WHERE source = 'commune editor'$$) AS update_own_span,
	   pg_temp.try($$INSERT INTO hatrung.cumulative_observation_history (operation, cum_id, unit_id, indicator_code, period, vintage, value, recorded_by, recorded_at) VALUES ('DELETE', 1, 1, 'X', '2023-Q2', 'official', 1, 'me', now())$$) AS write_span_history;
SELECT pg_temp.try($$UPDATE hatrung.observation SET value = 42 WHERE unit_id = (SELECT unit_id FROM hatrung.admin_unit WHERE code = '15277') AND period OPERATOR(hatrung.=) '2023-Q2'$$) AS update_own,
	   pg_temp.try($$UPDATE hatrung.observation SET value = 1 WHERE unit_id = (SELECT unit_id FROM hatrung.admin_unit WHERE code = '392')$$) AS update_other_silently_none;
SELECT count(*) AS other_rows_changed FROM hatrung.observation WHERE value = 1;
SELECT pg_temp.try($$INSERT INTO hatrung.observation (unit_id, indicator_code, period, vintage, value) SELECT unit_id, 'MEAT_OUTPUT', '2023-Q3', 'official', 1 FROM hatrung.admin_unit WHERE code = '392'$$) AS insert_other,
	   pg_temp.try($$INSERT INTO hatrung.observation_history (operation, obs_id, unit_id, indicator_code, period, vintage, value, recorded_by, recorded_at) VALUES ('DELETE', 1, 1, 'X', '2023-Q1', 'official', 1, 'me', now())$$) AS write_history,
	   pg_temp.try($$DELETE FROM hatrung.observation_history$$) AS delete_history,
	   pg_temp.try($$UPDATE hatrung.indicator SET name_vi = 'x'$$) AS change_indicator,
	   pg_temp.try($$UPDATE hatrung.ntm_threshold SET value = 1 WHERE shipped$$) AS change_shipped_threshold,
	   pg_temp.try($$UPDATE hatrung.admin_unit SET name = 'x'$$) AS change_units,
	   pg_temp.try($$SELECT hatrung.grant_unit_editor('hatrung_test_ha_vinh', ARRAY['392'])$$) AS grant_itself_more;
-- Forging the stamps: whatever the editor sends, the server records who and
-- when; a figure cannot be back-dated into an "as known at" report.
SELECT pg_temp.try($$INSERT INTO hatrung.observation (unit_id, indicator_code, period, vintage, value, source, recorded_by, recorded_at)
	SELECT unit_id, 'EXPORT_VALUE', '2023-Q1', 'official', 1.5, 'forged', 'postgres', '2020-01-01' FROM hatrung.admin_unit WHERE code = '15277'$$) AS forged_insert,
	   pg_temp.try($$INSERT INTO hatrung.ntm_measurement (unit_id, year, indicator_code, value, source, recorded_by, recorded_at)
	SELECT unit_id, 2023, '3.1', 99, 'forged', 'postgres', '2020-01-01' FROM hatrung.admin_unit WHERE code = '15277'$$) AS forged_measurement;
SELECT pg_temp.try($$UPDATE hatrung.observation SET recorded_by = 'postgres', recorded_at = '2020-01-01' WHERE source = 'forged'$$) AS forged_update;
RESET ROLE;
SELECT 'observation' AS tbl, recorded_by, recorded_at > now() - interval '1 hour' AS stamped_by_the_server
FROM observation WHERE source = 'forged'
UNION ALL
SELECT 'ntm_measurement', recorded_by, recorded_at > now() - interval '1 hour' FROM ntm_measurement WHERE source = 'forged';
SELECT count(*) AS forged_rows_known_in_2021
FROM observations_as_of('2021-01-01') v WHERE v.source = 'forged';
-- The editor's update was kept in the history, written on its behalf.
SELECT operation, value, changed_by FROM observation_history ORDER BY changed_at, obs_id;
SELECT operation, value, changed_by FROM cumulative_observation_history;

-- A reader reads but cannot write.
SET ROLE hatrung_test_reader;
SELECT count(*) > 0 AS reads_report FROM hatrung.quarterly_report;
SELECT pg_temp.try($$INSERT INTO hatrung.observation_import VALUES ('15277', 'MEAT_OUTPUT', 'quý III-2023', 'sơ bộ', '40', 'reader')$$) AS reader_insert,
	   pg_temp.try($$DELETE FROM hatrung.observation$$) AS reader_delete;
RESET ROLE;

-- The district editor writes any unit.
SET ROLE hatrung_test_district;
SELECT pg_temp.try($$INSERT INTO hatrung.observation_import VALUES ('15280', 'MEAT_OUTPUT', 'quý II-2023', 'sơ bộ', '44', 'district editor')$$) AS any_unit,
	   pg_temp.try($$UPDATE hatrung.annual_plan SET value = 96 WHERE indicator_code = 'EXPORT_VALUE'$$) AS plans;
RESET ROLE;
-- ... but not the official thresholds that ship with hatrung: changing,
-- deleting or forging one fails (42501); a threshold of its own is fine.
SET ROLE hatrung_test_district;
SELECT pg_temp.try($$UPDATE hatrung.ntm_threshold SET value = 50 WHERE shipped AND indicator_code = '3.1'$$) AS change_shipped,
	   pg_temp.try($$DELETE FROM hatrung.ntm_threshold WHERE shipped AND indicator_code = '3.1'$$) AS delete_shipped,
	   pg_temp.try($$UPDATE hatrung.ntm_threshold SET shipped = false WHERE shipped AND indicator_code = '3.1'$$) AS unship;
SELECT pg_temp.try($$INSERT INTO hatrung.ntm_threshold (set_code, indicator_code, zone, valid_from, value, official, source, shipped)
	VALUES ('NTM_XA_2021', '3.1', 'TH_V1', '2024-01-01', 85, false, 'forged as shipped', true)$$) AS insert_as_shipped,
	   pg_temp.try($$INSERT INTO hatrung.ntm_threshold (set_code, indicator_code, zone, valid_from, value, official, source)
	VALUES ('NTM_XA_2021', '3.1', 'TH_V1', '2024-01-01', 85, false, 'the province''s own (test)')$$) AS insert_own,
	   pg_temp.try($$UPDATE hatrung.ntm_threshold SET value = 86 WHERE source = 'the province''s own (test)'$$) AS update_own,
	   pg_temp.try($$DELETE FROM hatrung.ntm_threshold WHERE source = 'the province''s own (test)'$$) AS delete_own;
RESET ROLE;
SELECT count(*) FILTER (WHERE value = 80) AS shipped_3_1_still_80, count(*) AS shipped_3_1_rows
FROM ntm_threshold WHERE shipped AND indicator_code = '3.1' AND set_code = 'NTM_XA_2021';

-- ... and the district editor's plan change too; a delete names the role.
SET ROLE hatrung_test_district;
SELECT pg_temp.try($$DELETE FROM hatrung.observation WHERE source = 'district editor'$$) AS district_delete;
RESET ROLE;
SELECT operation, value, changed_by FROM observation_history ORDER BY changed_at, obs_id;
SELECT operation, value, changed_by FROM annual_plan_history ORDER BY changed_at, indicator_code;

-- Rights are memberships of the unit's role, held by role OID: an editor
-- dropped while still granted blocks nobody, a renamed editor keeps its
-- rights, and a new role with a dropped editor's name gains nothing.
CREATE ROLE hatrung_test_ghost LOGIN;
SELECT grant_unit_editor('hatrung_test_ghost', ARRAY['15277']) AS ghost_granted;
DROP ROLE hatrung_test_ghost;
SET ROLE hatrung_test_ha_vinh;
SELECT pg_temp.try($$INSERT INTO hatrung.observation_import VALUES ('15277', 'MEAT_OUTPUT', 'quý IV-2023', 'sơ bộ', '43', 'after a dropped editor')$$) AS other_editor_dropped,
	   pg_temp.try($$UPDATE hatrung.observation SET value = 43.5 WHERE source = 'after a dropped editor'$$) AS update_after_drop;
RESET ROLE;
CREATE ROLE hatrung_test_ghost LOGIN IN ROLE hatrung_unit_editor;
SET ROLE hatrung_test_ghost;
SELECT pg_temp.try($$INSERT INTO hatrung.observation_import VALUES ('15277', 'MEAT_OUTPUT', 'quý IV-2022', 'sơ bộ', '1', 'impostor')$$) AS same_name_again;
RESET ROLE;
ALTER ROLE hatrung_test_ha_vinh RENAME TO hatrung_test_ha_vinh_renamed;
SET ROLE hatrung_test_ha_vinh_renamed;
SELECT pg_temp.try($$INSERT INTO hatrung.observation_import VALUES ('15277', 'MEAT_OUTPUT', 'quý III-2022', 'sơ bộ', '39', 'renamed editor')$$) AS renamed_editor;
RESET ROLE;
ALTER ROLE hatrung_test_ha_vinh_renamed RENAME TO hatrung_test_ha_vinh;
SELECT role_name, u.code FROM unit_editor JOIN admin_unit u USING (unit_id) ORDER BY 1, 2;

-- Revoking takes the right away.
SELECT revoke_unit_editor('hatrung_test_ha_vinh', ARRAY['15277']) AS rights_revoked;
SET ROLE hatrung_test_ha_vinh;
SELECT pg_temp.try($$INSERT INTO hatrung.observation_import VALUES ('15277', 'MEAT_OUTPUT', 'quý III-2023', 'sơ bộ', '40', 'after revoke')$$) AS after_revoke;
RESET ROLE;

DROP EXTENSION hatrung CASCADE;
DROP ROLE hatrung_test_ha_vinh, hatrung_test_reader, hatrung_test_district, hatrung_test_ghost;
-- the per-unit roles are the cluster's, like the base roles: drop this test's
SELECT format('DROP ROLE %I', rolname) FROM pg_roles
WHERE rolname ~ ('^hatrung_unit_[0-9]+_' || left(md5(current_database()), 8) || '$') \gexec
CREATE EXTENSION hatrung;

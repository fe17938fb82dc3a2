-- pgTAP: properties of crop_season and of plan periods, and their errors
-- with SQLSTATE.  Runs inside one transaction that is rolled back.
BEGIN;
SET search_path = public, hatrung;
SELECT plan(24);

-- Catalog contract -------------------------------------------------------------
SELECT has_type('hatrung', 'crop_season', 'type crop_season exists');
SELECT is((SELECT typlen::int FROM pg_type WHERE oid = 'hatrung.crop_season'::regtype), 4, 'crop_season is 4 bytes');
SELECT ok((SELECT typbyval FROM pg_type WHERE oid = 'hatrung.crop_season'::regtype), 'crop_season is passed by value');
SELECT ok((SELECT typreceive <> 0 AND typsend <> 0 FROM pg_type WHERE oid = 'hatrung.crop_season'::regtype),
		  'crop_season has binary send and receive');
SELECT volatility_is('hatrung', 'crop_season_in', ARRAY['cstring'], 'immutable');
SELECT is_strict('hatrung', 'crop_season', ARRAY['text', 'integer']);
SELECT volatility_is('hatrung', 'season_months', ARRAY['crop_season', 'text'], 'stable');
SELECT volatility_is('hatrung', 'parse_plan_period_vi', ARRAY['text'], 'immutable');

-- Properties over every season of 1900-2100 ---------------------------------------
CREATE TEMP TABLE seasons AS
SELECT crop_season(k, y) AS s, k, y
FROM generate_series(1900, 2100) AS y, unnest(ARRAY['dong_xuan', 'xuan', 'he_thu', 'thu_dong', 'mua', 'dong']) AS k;
SELECT is((SELECT count(*) FROM seasons WHERE label_vi(s)::crop_season <> s), 0::bigint,
		  'every label reads back as its season');
SELECT is((SELECT count(*) FROM seasons WHERE s::text::crop_season <> s OR s::text <> label_vi(s)), 0::bigint,
		  'output is the label and reads back');
SELECT is((SELECT count(*) FROM seasons WHERE crop_year(s) <> y OR season_kind(s) <> k), 0::bigint,
		  'crop_year and season_kind give back what crop_season() was given');
SELECT is((SELECT count(*) FROM seasons WHERE y > 1900 AND ((s - 1) + 1 <> s OR s - (s - 1) <> 1 OR season_kind(s - 1) <> k)),
		  0::bigint, 'season - 1 is the same kind a crop year before, and + 1 undoes it');
SELECT is((SELECT count(*) FROM seasons a JOIN seasons b ON (a.s < b.s) <> ((a.y, array_position(ARRAY['dong_xuan', 'xuan', 'he_thu', 'thu_dong', 'mua', 'dong'], a.k))
															   < (b.y, array_position(ARRAY['dong_xuan', 'xuan', 'he_thu', 'thu_dong', 'mua', 'dong'], b.k)))
		   WHERE a.y BETWEEN 2000 AND 2010 AND b.y BETWEEN 2000 AND 2010), 0::bigint,
		  'order is crop year, then Đông Xuân, Xuân, Hè Thu, Thu Đông, Mùa, Đông');
SELECT is((SELECT count(*) FROM seasons a JOIN seasons b ON a.s = b.s
		   WHERE crop_season_hash(a.s) <> crop_season_hash(b.s)), 0::bigint, 'equal seasons hash alike');
SELECT is((SELECT count(DISTINCT crop_season_hash(s)) FROM seasons), (SELECT count(*) FROM seasons),
		  'different seasons hash apart (no collision over 1,206 seasons)');
SELECT is((SELECT count(*) FROM seasons WHERE upper(season_months(s)) <= lower(season_months(s))), 0::bigint,
		  'every season spans at least a month in the shipped calendar');
SELECT ok((SELECT bool_and(lower(season_months(s)) < make_date(y, 1, 1)) FROM seasons WHERE k = 'dong_xuan'),
		  'Đông Xuân starts the winter before its crop year');

-- Errors with SQLSTATE ------------------------------------------------------------------
SELECT throws_ok($$SELECT 'vụ Đông Xuân 2023'::hatrung.crop_season$$, '22007', NULL, 'one year for Đông Xuân: 22007');
SELECT throws_ok($$SELECT 'vụ Mùa 10000'::hatrung.crop_season$$, '22008', NULL, 'a year out of range: 22008');
SELECT throws_ok($$SELECT hatrung.crop_season('chiem', 2023)$$, '22023', NULL, 'an unknown kind: 22023');
SELECT throws_ok($$SELECT 'vụ Mùa 9999'::hatrung.crop_season + 1$$, '22008', NULL, 'past 9999: 22008');
SELECT throws_ok($$SELECT 'vụ Mùa 2023'::hatrung.crop_season - 'vụ Xuân 2023'::hatrung.crop_season$$, '22023', NULL,
				 'years between seasons of different kinds: 22023');
SELECT throws_ok($$SELECT * FROM hatrung.parse_plan_period_vi('giai đoạn 2025-2021')$$, '22007', NULL,
				 'a plan period ending before it starts: 22007');
SELECT is((SELECT steps FROM parse_plan_period_vi('giai đoạn 2021-2025')), (SELECT steps FROM parse_plan_period_vi('nhiệm kỳ 2020-2025')),
		  'giai đoạn 2021-2025 and nhiệm kỳ 2020-2025 both count 5 steps from 2020');

SELECT * FROM finish();
ROLLBACK;

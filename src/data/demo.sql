-- ---------------------------------------------------------------------------
-- load_demo(): the Hà Trung demo dataset.  Real: unit codes and names, the
-- 2019 / 2025 changes and the figures of the district's quarter I-2023
-- report.  Derived or illustrative rows say so in their source column.
-- ---------------------------------------------------------------------------
CREATE FUNCTION @extschema@.load_demo() RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	report constant text := 'Bản tin hội nghị Ban Chấp hành Đảng bộ huyện Hà Trung ngày 6-4-2023';
	-- when the report made the quarter I-2023 figures known: quarter_report's
	-- as_of reproduces what was known then (kept when a superuser loads the
	-- demo, see stamp_recorded())
	published constant timestamptz := '2023-04-06 00:00+07';
	illustrative constant text := 'ILLUSTRATIVE (demo data, not an official figure)';
	prov bigint;
	dist bigint;
BEGIN
	IF EXISTS (SELECT 1 FROM @extschema@.admin_unit WHERE code = '392') THEN
		RAISE EXCEPTION 'the demo data is already loaded' USING ERRCODE = 'unique_violation';
	END IF;

	INSERT INTO @extschema@.indicator (code, name_vi, name_en, unit_of_measure, unit_scale, kind, decimals, display_order) VALUES
		('SOWING_PLAN', 'Gieo cấy lúa đông xuân và cây màu vụ xuân', 'Winter-spring rice and spring crops sown', '% kế hoạch', 1, 'ratio', 0, 10),
		('LAND_CONSOLIDATED', 'Diện tích đất nông nghiệp tích tụ thêm', 'Agricultural land consolidated', 'ha', 1, 'flow', 0, 20),
		('MEAT_OUTPUT', 'Sản lượng thịt hơi xuất chuồng', 'Live-weight meat output sold', 'tấn', 1, 'flow', 0, 30),
		('EXPORT_VALUE', 'Giá trị xuất khẩu', 'Export value', 'triệu USD', 1000000, 'flow', 3, 40),
		('BUDGET_REVENUE', 'Tổng thu ngân sách Nhà nước trên địa bàn', 'State budget revenue on the territory', 'tỷ đồng', 1000000000, 'flow', 3, 50);

	INSERT INTO @extschema@.admin_unit (code, name, level, valid_from, source)
	VALUES ('38', 'Tỉnh Thanh Hóa', 'province', '2000-01-01',
			'code 38 official; validity start ILLUSTRATIVE (not researched)')
	RETURNING unit_id INTO prov;
	INSERT INTO @extschema@.admin_unit (code, name, level, parent_id, valid_from, valid_to, source)
	VALUES ('392', 'Huyện Hà Trung', 'district', prov, '2000-01-01', '2025-07-01',
			'code 392 official; district level abolished 1 Jul 2025 (NQ 1686/NQ-UBTVQH15); validity start ILLUSTRATIVE')
	RETURNING unit_id INTO dist;

	-- the 20 commune-level units of 1 Dec 2019 (NQ 786/NQ-UBTVQH14)
	INSERT INTO @extschema@.admin_unit (code, name, level, parent_id, valid_from, valid_to, source)
	SELECT c.code, c.name, c.level, dist, '2019-12-01', c.valid_to, 'official code; units from 1 Dec 2019 (NQ 786/NQ-UBTVQH14)'
	FROM (VALUES
		('15271', 'Thị trấn Hà Trung', 'township', '2025-07-01'::date), ('15274', 'Xã Hà Long', 'commune', '2025-01-01'),
		('15277', 'Xã Hà Vinh', 'commune', '2025-07-01'), ('15280', 'Xã Hà Bắc', 'commune', '2025-07-01'),
		('15283', 'Xã Hoạt Giang', 'commune', '2025-07-01'), ('15286', 'Xã Yên Dương', 'commune', '2025-07-01'),
		('15292', 'Xã Hà Giang', 'commune', '2025-07-01'), ('15298', 'Xã Lĩnh Toại', 'commune', '2025-07-01'),
		('15304', 'Xã Hà Ngọc', 'commune', '2025-07-01'), ('15307', 'Xã Yến Sơn', 'commune', '2025-07-01'),
		('15313', 'Xã Hà Sơn', 'commune', '2025-07-01'), ('15316', 'Xã Hà Lĩnh', 'commune', '2025-01-01'),
		('15319', 'Xã Hà Đông', 'commune', '2025-07-01'), ('15322', 'Xã Hà Tân', 'commune', '2025-07-01'),
		('15325', 'Xã Hà Tiến', 'commune', '2025-07-01'), ('15328', 'Xã Hà Bình', 'commune', '2025-07-01'),
		('15331', 'Xã Hà Lai', 'commune', '2025-01-01'), ('15334', 'Xã Hà Châu', 'commune', '2025-07-01'),
		('15340', 'Xã Hà Thái', 'commune', '2025-01-01'), ('15343', 'Xã Hà Hải', 'commune', '2025-07-01')
	) AS c(code, name, level, valid_to);

	-- about 1 Jan 2025: two townships and the merger Hà Thái + Hà Lai
	INSERT INTO @extschema@.admin_unit (code, name, level, parent_id, valid_from, valid_to, source) VALUES
		('15274', 'Thị trấn Hà Long', 'township', dist, '2025-01-01', '2025-07-01', 'official code; change of about 1 Jan 2025'),
		('15316', 'Thị trấn Hà Lĩnh', 'township', dist, '2025-01-01', '2025-07-01', 'official code; change of about 1 Jan 2025'),
		('15331', 'Xã Thái Lai', 'commune', dist, '2025-01-01', '2025-07-01', 'official code; Hà Thái + Hà Lai, about 1 Jan 2025');

	-- 1 Jul 2025: the district is abolished; six commune-level units of the province
	INSERT INTO @extschema@.admin_unit (code, name, level, parent_id, valid_from, source) VALUES
		('15271', 'Xã Hà Trung', 'commune', prov, '2025-07-01', 'official code (reused); NQ 1686/NQ-UBTVQH15'),
		('15316', 'Xã Tống Sơn', 'commune', prov, '2025-07-01', 'official code (reused); NQ 1686/NQ-UBTVQH15'),
		('15274', 'Xã Hà Long', 'commune', prov, '2025-07-01', 'official code (reused); NQ 1686/NQ-UBTVQH15'),
		('15286', 'Xã Hoạt Giang', 'commune', prov, '2025-07-01', 'official code (reused); NQ 1686/NQ-UBTVQH15'),
		('15298', 'Xã Lĩnh Toại', 'commune', prov, '2025-07-01', 'official code (reused); NQ 1686/NQ-UBTVQH15'),
		('14812', 'Phường Bỉm Sơn', 'ward', prov, '2025-07-01', 'official code; three wards of Bỉm Sơn + Xã Hà Vinh');

	-- successions: whole units have share 1; the two split units are split 50/50 for the demo
	INSERT INTO @extschema@.unit_succession (old_unit_id, new_unit_id, effective, share, source)
	SELECT o.unit_id, n.unit_id, s.effective, s.share, s.source
	FROM (VALUES
		('15274', '2019-12-01'::date, '15274', '2025-01-01'::date, '2025-01-01'::date, 1.0, 'Xã Hà Long -> Thị trấn Hà Long'),
		('15316', '2019-12-01', '15316', '2025-01-01', '2025-01-01', 1.0, 'Xã Hà Lĩnh -> Thị trấn Hà Lĩnh'),
		('15340', '2019-12-01', '15331', '2025-01-01', '2025-01-01', 1.0, 'Hà Thái + Hà Lai -> Thái Lai'),
		('15331', '2019-12-01', '15331', '2025-01-01', '2025-01-01', 1.0, 'Hà Thái + Hà Lai -> Thái Lai'),
		('15319', '2019-12-01', '15271', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Hà Đông -> Xã Hà Trung'),
		('15304', '2019-12-01', '15271', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Hà Ngọc -> Xã Hà Trung'),
		('15307', '2019-12-01', '15271', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Yến Sơn -> Xã Hà Trung'),
		('15271', '2019-12-01', '15271', '2025-07-01', '2025-07-01', 0.5, 'NQ 1686: part of TT Hà Trung -> Xã Hà Trung; share ILLUSTRATIVE'),
		('15328', '2019-12-01', '15271', '2025-07-01', '2025-07-01', 0.5, 'NQ 1686: part of Hà Bình -> Xã Hà Trung; share ILLUSTRATIVE'),
		('15316', '2025-01-01', '15316', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: TT Hà Lĩnh -> Xã Tống Sơn'),
		('15325', '2019-12-01', '15316', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Hà Tiến -> Xã Tống Sơn'),
		('15322', '2019-12-01', '15316', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Hà Tân -> Xã Tống Sơn'),
		('15313', '2019-12-01', '15316', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Hà Sơn -> Xã Tống Sơn'),
		('15274', '2025-01-01', '15274', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: TT Hà Long -> Xã Hà Long'),
		('15280', '2019-12-01', '15274', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Hà Bắc -> Xã Hà Long'),
		('15292', '2019-12-01', '15274', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Hà Giang -> Xã Hà Long'),
		('15286', '2019-12-01', '15286', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Yên Dương -> Xã Hoạt Giang'),
		('15283', '2019-12-01', '15286', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Hoạt Giang -> Xã Hoạt Giang'),
		('15271', '2019-12-01', '15286', '2025-07-01', '2025-07-01', 0.5, 'NQ 1686: rest of TT Hà Trung -> Xã Hoạt Giang; share ILLUSTRATIVE'),
		('15328', '2019-12-01', '15286', '2025-07-01', '2025-07-01', 0.5, 'NQ 1686: rest of Hà Bình -> Xã Hoạt Giang; share ILLUSTRATIVE'),
		('15343', '2019-12-01', '15298', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Hà Hải -> Xã Lĩnh Toại'),
		('15334', '2019-12-01', '15298', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Hà Châu -> Xã Lĩnh Toại'),
		('15331', '2025-01-01', '15298', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Thái Lai -> Xã Lĩnh Toại'),
		('15298', '2019-12-01', '15298', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Lĩnh Toại -> Xã Lĩnh Toại'),
		('15277', '2019-12-01', '14812', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Hà Vinh -> Phường Bỉm Sơn')
	) AS s(old_code, old_from, new_code, new_from, effective, share, source)
	JOIN @extschema@.admin_unit o ON o.code = s.old_code AND o.valid_from = s.old_from
	JOIN @extschema@.admin_unit n ON n.code = s.new_code AND n.valid_from = s.new_from;

	-- the district's quarter I-2023 figures, as the report states them
	INSERT INTO @extschema@.observation (unit_id, indicator_code, period, vintage, value, source, recorded_at) VALUES
		(dist, 'MEAT_OUTPUT', '2023-Q1', 'preliminary', 820, report || ': "đạt 820 tấn, tăng 6,8%"', published),
		(dist, 'EXPORT_VALUE', '2023-Q1', 'estimate', 22.756, report || ': "ước đạt 22,756 triệu USD"', published),
		(dist, 'BUDGET_REVENUE', '2023-Q1', 'estimate', 685.528, report || ': "ước đạt 685,528 tỷ đồng"', published),
		(dist, 'LAND_CONSOLIDATED', '2023-Q1', 'preliminary', 10, report || ': "tích tụ thêm được 10 ha"', published),
		(dist, 'MEAT_OUTPUT', '2022-Q1', 'preliminary', 767.8,
		 'DERIVED: 820 / 1,068, từ mức tăng 6,8% mà bản tin quý I-2023 nêu (không phải số liệu công bố)', published);

	-- the sowing of the winter-spring season, which the report gives as a
	-- share of the plan: a figure of the season, not of the quarter
	INSERT INTO @extschema@.season_figure (unit_id, indicator_code, season, figure, vintage, value, source, recorded_at)
	VALUES (dist, 'SOWING_PLAN', 'vụ Đông Xuân 2022-2023', 'actual', 'preliminary', 100,
			report || ': "gieo cấy lúa đông xuân và cây màu vụ xuân đạt 100% kế hoạch"', published);

	-- commune figures for quarter I-2023: ILLUSTRATIVE, they sum to 815 t, not 820
	INSERT INTO @extschema@.observation (unit_id, indicator_code, period, vintage, value, source, recorded_at)
	SELECT u.unit_id, 'MEAT_OUTPUT', '2023-Q1', 'preliminary', v.t, illustrative, published
	FROM (VALUES ('15271', 38), ('15274', 46), ('15277', 41), ('15280', 44), ('15283', 40),
				 ('15286', 43), ('15292', 39), ('15298', 42), ('15304', 37), ('15307', 45),
				 ('15313', 36), ('15316', 44), ('15319', 40), ('15322', 38), ('15325', 41),
				 ('15328', 42), ('15331', 39), ('15334', 43), ('15340', 37), ('15343', 40)) AS v(code, t)
	JOIN @extschema@.admin_unit u ON u.code = v.code AND u.valid_from = '2019-12-01';

	-- annual plans for 2023: ILLUSTRATIVE
	INSERT INTO @extschema@.annual_plan (unit_id, indicator_code, year, plan_source, value, source) VALUES
		(dist, 'EXPORT_VALUE', 2023, 'district_council', 95, illustrative),
		(dist, 'BUDGET_REVENUE', 2023, 'province', 1200, illustrative);

	RETURN format('loaded: %s units, %s successions, %s indicators, %s observations, %s plans',
				  (SELECT count(*) FROM @extschema@.admin_unit), (SELECT count(*) FROM @extschema@.unit_succession),
				  (SELECT count(*) FROM @extschema@.indicator), (SELECT count(*) FROM @extschema@.observation),
				  (SELECT count(*) FROM @extschema@.annual_plan));
END
$$;
COMMENT ON FUNCTION @extschema@.load_demo() IS
	'loads the Hà Trung demo: real unit codes, 2019/2025 changes and the quarter I-2023 report figures; derived and illustrative rows are labelled in their source column';

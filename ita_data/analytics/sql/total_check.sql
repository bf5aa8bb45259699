-- total_check: organisation-years whose printed total differs from the total recomputed from the
-- printed indicators with the year's weights by more than the tolerance, largest difference first
-- (total_checks holds every organisation-year that differs at all, in that order).
SELECT y.fiscal_year, y.org_id, y.org_name, y.org_type, y.province_code, y.province,
       y.district_code, y.district,
       y.total_printed, y.total_computed, y.total_printed - y.total_computed AS difference
FROM total_checks y
WHERE y.fiscal_year = $fiscal_year
  AND abs(y.total_printed - y.total_computed) > $tolerance + 1e-9
  AND ($province_code IS NULL OR y.province_code = $province_code)
  AND ($district_code IS NULL OR y.district_code = $district_code)
  AND ($org_type IS NULL OR y.org_type = $org_type)
  AND ($include_synthetic OR NOT y.is_synthetic);

-- level_check: organisation-years whose printed level is not the official level of the year's scheme;
-- `reported_in_scheme` is false when the report used another scheme's label (a letter in FY2566).
SELECT y.fiscal_year, y.org_id, d.org_name, d.org_type, d.province_code, d.province,
       d.district_code, d.district, y.total_score,
       y.level_reported, y.level_computed,
       list_contains($levels, y.level_reported) AS reported_in_scheme
FROM org_year y
JOIN org_dim d USING (org_id)
WHERE y.fiscal_year = $fiscal_year
  AND y.level_reported IS NOT NULL
  AND y.level_reported IS DISTINCT FROM y.level_computed
  AND ($province_code IS NULL OR y.province_code = $province_code)
  AND ($district_code IS NULL OR y.district_code = $district_code)
  AND ($org_type IS NULL OR y.org_type = $org_type)
  AND ($include_synthetic OR NOT y.is_synthetic)
ORDER BY y.org_id;

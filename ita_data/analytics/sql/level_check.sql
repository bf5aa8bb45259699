-- level_check: organisation-years whose printed level is not the official level of the year's scheme;
-- `reported_in_scheme` is false when the report used another scheme's label (a letter in FY2566).
-- level_checks is stored by year and organisation.
SELECT y.fiscal_year, y.org_id, y.org_name, y.org_type, y.province_code, y.province,
       y.district_code, y.district, y.total_score,
       y.level_reported, y.level_computed,
       list_contains($levels, y.level_reported) AS reported_in_scheme
FROM level_checks y
WHERE y.fiscal_year = $fiscal_year
  AND y.level_reported IS NOT NULL
  AND y.level_reported IS DISTINCT FROM y.level_computed
  AND ($province_code IS NULL OR y.province_code = $province_code)
  AND ($district_code IS NULL OR y.district_code = $district_code)
  AND ($org_type IS NULL OR y.org_type = $org_type)
  AND ($include_synthetic OR NOT y.is_synthetic);

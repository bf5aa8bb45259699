-- level_distribution: how many organisations of the selection hold each official level of the year's
-- scheme, by the level's place in the scheme (level_order, 1 = best); the function names the levels.
SELECT y.level_order, count(*) AS org_count
FROM org_year y
WHERE y.fiscal_year = $fiscal_year
  AND ($province_code IS NULL OR y.province_code = $province_code)
  AND ($district_code IS NULL OR y.district_code = $district_code)
  AND ($org_type IS NULL OR y.org_type = $org_type)
  AND ($include_synthetic OR NOT y.is_synthetic)
  AND y.level_order IS NOT NULL
GROUP BY y.level_order;

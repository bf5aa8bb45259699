-- missing_years: for each organisation of the selection, the years from first_year to the chosen year
-- that the data has for others but not for it.
WITH data_years AS (
    SELECT list(DISTINCT fiscal_year ORDER BY fiscal_year) AS years
    FROM org_year
    WHERE fiscal_year BETWEEN $first_year AND $fiscal_year
      AND ($include_synthetic OR NOT is_synthetic)
),
present AS (
    SELECT org_id, list(fiscal_year) AS years
    FROM org_year
    WHERE fiscal_year BETWEEN $first_year AND $fiscal_year
    GROUP BY org_id
),
missing AS (
    SELECT d.org_id, len(coalesce(p.years, [])) AS years_present,
           unnest(list_filter(y.years, lambda fy: NOT list_contains(coalesce(p.years, []), fy)))
               AS fiscal_year
    FROM org_dim d
    CROSS JOIN data_years y
    LEFT JOIN present p USING (org_id)
    WHERE ($province_code IS NULL OR d.province_code = $province_code)
      AND ($district_code IS NULL OR d.district_code = $district_code)
      AND ($org_type IS NULL OR d.org_type = $org_type)
      AND ($include_synthetic OR NOT d.is_synthetic)
)
SELECT m.org_id, d.org_name, d.org_type, d.province_code, d.province, d.district_code, d.district,
       CAST(m.fiscal_year AS SMALLINT) AS fiscal_year, m.years_present
FROM missing m
JOIN org_dim d USING (org_id)
ORDER BY m.org_id, m.fiscal_year;

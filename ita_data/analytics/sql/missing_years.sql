-- missing_years: for each organisation of the selection, the years from first_year to the chosen year
-- that the data has for others (for real organisations, when synthetic ones are left out) but not for
-- it; org_missing_years (refresh_derived.sql) is stored by organisation and year.
SELECT m.org_id, m.org_name, m.org_type, m.province_code, m.province, m.district_code, m.district,
       m.fiscal_year,
       len(list_filter(m.present_years, lambda fy: fy BETWEEN $first_year AND $fiscal_year)) AS years_present
FROM org_missing_years m
WHERE m.fiscal_year BETWEEN $first_year AND $fiscal_year
  AND ($include_synthetic OR (m.year_has_real AND NOT m.is_synthetic))
  AND ($province_code IS NULL OR m.province_code = $province_code)
  AND ($district_code IS NULL OR m.district_code = $district_code)
  AND ($org_type IS NULL OR m.org_type = $org_type);

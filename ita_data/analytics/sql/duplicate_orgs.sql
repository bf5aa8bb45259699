-- duplicate_orgs: pairs of organisations that are probably one organisation spelled two ways (see
-- org_duplicates in refresh_derived.sql), with the years each has data for.
WITH years AS (
    SELECT org_id, list(fiscal_year ORDER BY fiscal_year) AS years
    FROM org_year
    GROUP BY org_id
)
SELECT p.org_id_a, a.org_name AS org_name_a, p.org_id_b, b.org_name AS org_name_b,
       a.org_type, coalesce(a.province_code, b.province_code) AS province_code,
       coalesce(a.province, b.province) AS province,
       a.district AS district_a, b.district AS district_b,
       p.reason,
       coalesce(ya.years, []) AS years_a, coalesce(yb.years, []) AS years_b,
       len(list_intersect(coalesce(ya.years, []), coalesce(yb.years, []))) AS shared_years
FROM org_duplicates p
JOIN org_dim a ON a.org_id = p.org_id_a
JOIN org_dim b ON b.org_id = p.org_id_b
LEFT JOIN years ya ON ya.org_id = p.org_id_a
LEFT JOIN years yb ON yb.org_id = p.org_id_b
WHERE ($province_code IS NULL OR coalesce(a.province_code, b.province_code) = $province_code)
  AND ($district_code IS NULL OR a.district_code = $district_code OR b.district_code = $district_code)
  AND ($org_type IS NULL OR a.org_type = $org_type)
  AND ($include_synthetic OR NOT (a.is_synthetic OR b.is_synthetic))
ORDER BY province_code, p.org_id_a, p.org_id_b;

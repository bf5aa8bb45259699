-- yoy_change: per organisation and score, the change from one year to another; an organisation
-- assessed in only one of the two years shows the other side empty.
WITH cur AS (
    SELECT s.org_id, s.indicator, s.score
    FROM org_scores s
    WHERE s.fiscal_year = $fiscal_year
      AND list_contains($indicators, s.indicator)
      AND ($include_synthetic OR NOT s.is_synthetic)
),
prev AS (
    SELECT s.org_id, s.indicator, s.score
    FROM org_scores s
    WHERE s.fiscal_year = $from_year
      AND list_contains($indicators, s.indicator)
      AND ($include_synthetic OR NOT s.is_synthetic)
)
SELECT org_id, d.org_name, d.org_type, d.province_code, d.province, d.district_code, d.district,
       indicator,
       CAST($from_year AS SMALLINT) AS from_year, CAST($fiscal_year AS SMALLINT) AS to_year,
       prev.score AS score_from, cur.score AS score_to, cur.score - prev.score AS delta,
       CAST($method_notes AS VARCHAR) IS NOT NULL AS method_change,
       CAST($method_notes AS VARCHAR) AS method_notes
FROM cur
FULL JOIN prev USING (org_id, indicator)
JOIN org_dim d USING (org_id)
WHERE ($province_code IS NULL OR d.province_code = $province_code)
  AND ($district_code IS NULL OR d.district_code = $district_code)
  AND ($org_type IS NULL OR d.org_type = $org_type)
ORDER BY list_position($indicators, indicator), org_id

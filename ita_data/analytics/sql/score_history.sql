-- score_history: per organisation of the selection, the chosen score year by year up to the fiscal
-- year (oldest first), as lists a table can draw as a sparkline.
SELECT s.org_id,
       list(CAST(s.fiscal_year AS SMALLINT) ORDER BY s.fiscal_year) AS years,
       list(s.score ORDER BY s.fiscal_year) AS scores
FROM org_scores s
JOIN org_dim d USING (org_id)
WHERE s.indicator = $indicator
  AND s.fiscal_year BETWEEN $first_year AND $fiscal_year
  AND ($include_synthetic OR NOT s.is_synthetic)
  AND ($province_code IS NULL OR d.province_code = $province_code)
  AND ($district_code IS NULL OR d.district_code = $district_code)
  AND ($org_type IS NULL OR d.org_type = $org_type)
GROUP BY s.org_id
ORDER BY s.org_id;

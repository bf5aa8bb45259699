-- top_org: the selection's first organisation by the chosen score this year, as the national ranking
-- orders it (best score first, then the smallest org_id); an organisation without the score comes last.
SELECT s.org_id
FROM org_scores s
JOIN org_dim d ON d.org_id = s.org_id
JOIN org_year y ON y.org_id = s.org_id AND y.fiscal_year = s.fiscal_year
WHERE s.indicator = $indicator
  AND s.fiscal_year = $fiscal_year
  AND ($include_synthetic OR NOT s.is_synthetic)
  AND ($province_code IS NULL OR d.province_code = $province_code)
  AND ($district_code IS NULL OR d.district_code = $district_code)
  AND ($org_type IS NULL OR d.org_type = $org_type)
ORDER BY s.score DESC NULLS LAST, s.org_id
LIMIT 1;

-- province_map: per province, the mean of the chosen score and the share at or above the pass mark.
-- The province and district filters do not apply: a map shows every province.
SELECT s.province_code, any_value(d.province) AS province, count(*) AS org_count,
       avg(s.score) AS mean_score,
       avg(CAST(s.score >= $pass_mark AS DOUBLE)) AS pass_rate
FROM org_scores s
JOIN org_dim d USING (org_id)
WHERE s.fiscal_year = $fiscal_year
  AND s.indicator = $indicator
  AND s.province_code IS NOT NULL
  AND ($org_type IS NULL OR s.org_type = $org_type)
  AND ($include_synthetic OR NOT s.is_synthetic)
GROUP BY s.province_code
ORDER BY s.province_code;

-- district_map: per district of one province, the mean of the chosen score and the share at or above the
-- pass mark; organisations without a district are one row with an empty district_code.
SELECT s.district_code, any_value(d.district) AS district, count(*) AS org_count,
       avg(s.score) AS mean_score,
       avg(CAST(s.score >= $pass_mark AS DOUBLE)) AS pass_rate
FROM org_scores s
JOIN org_dim d USING (org_id)
WHERE s.fiscal_year = $fiscal_year
  AND s.indicator = $indicator
  AND s.province_code = $province_code
  AND ($org_type IS NULL OR s.org_type = $org_type)
  AND ($include_synthetic OR NOT s.is_synthetic)
GROUP BY s.district_code
ORDER BY s.district_code NULLS LAST;

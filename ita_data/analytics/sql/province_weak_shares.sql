-- province_weak_shares: per province and indicator, the share of the selection's organisations below
-- the pass mark.
SELECT s.province_code, any_value(d.province) AS province, s.indicator,
       count(*) AS org_count,
       count(*) FILTER (WHERE s.score < $pass_mark) AS below_pass_count,
       count(*) FILTER (WHERE s.score < $pass_mark) / count(*) AS share_below_pass
FROM org_scores s
JOIN org_dim d USING (org_id)
WHERE s.fiscal_year = $fiscal_year
  AND list_contains($indicators, s.indicator)
  AND s.province_code IS NOT NULL
  AND ($province_code IS NULL OR s.province_code = $province_code)
  AND ($district_code IS NULL OR s.district_code = $district_code)
  AND ($org_type IS NULL OR s.org_type = $org_type)
  AND ($include_synthetic OR NOT s.is_synthetic)
GROUP BY s.province_code, s.indicator
ORDER BY s.province_code, CAST(s.indicator AS INTEGER);

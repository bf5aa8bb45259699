-- measure_coverage: per organisation, the indicators that are weak in a year (below the pass mark or
-- below the province median) and how many of that year's measures aim at each; uncovered ones first.
WITH weak AS (
    SELECT s.org_id, s.indicator, s.score, s.points_recoverable, m.province_median,
           s.score < $pass_mark AS below_pass,
           coalesce(s.score < m.province_median, false) AS below_province_median
    FROM org_scores s
    LEFT JOIN (
        SELECT fiscal_year, indicator, peer_key AS province_code,
               CASE WHEN $include_synthetic THEN median_all ELSE median_real END AS province_median
        FROM peer_medians WHERE scope = 'province'
    ) m USING (fiscal_year, indicator, province_code)
    WHERE s.fiscal_year = $fiscal_year
      AND list_contains($indicators, s.indicator)
      AND (s.score < $pass_mark OR s.score < m.province_median)
      AND ($province_code IS NULL OR s.province_code = $province_code)
      AND ($district_code IS NULL OR s.district_code = $district_code)
      AND ($org_type IS NULL OR s.org_type = $org_type)
      AND ($include_synthetic OR NOT s.is_synthetic)
),
aimed AS (
    SELECT org_id, indicator, count(*) AS measure_count
    FROM measures_current
    WHERE fiscal_year = $fiscal_year AND indicator IS NOT NULL
    GROUP BY ALL
)
SELECT CAST($fiscal_year AS SMALLINT) AS fiscal_year, w.org_id, d.org_name, d.province_code, d.province,
       w.indicator, w.score, w.province_median, w.below_pass, w.below_province_median,
       w.points_recoverable,
       coalesce(a.measure_count, 0) AS measure_count,
       a.measure_count IS NOT NULL AS covered
FROM weak w
JOIN org_dim d USING (org_id)
LEFT JOIN aimed a USING (org_id, indicator)
ORDER BY covered, points_recoverable DESC, w.org_id, CAST(w.indicator AS INTEGER);

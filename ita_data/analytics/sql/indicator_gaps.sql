-- indicator_gaps: per organisation and indicator, the gaps to 100, to the pass mark and to the peer
-- medians, and the points the total would gain if the indicator reached 100 with the year's weights;
-- `priority` 1 is the indicator worth most, so "what to fix first" reads down an organisation's rows.
-- Peers are every organisation of the same province (or type) that year, whatever the selection.
WITH gaps AS (
    SELECT s.org_id, s.indicator, s.score, s.points_recoverable, s.priority,
           CASE WHEN $include_synthetic THEN pm.median_all ELSE pm.median_real END AS province_median,
           CASE WHEN $include_synthetic THEN tm.median_all ELSE tm.median_real END AS type_median
    FROM org_scores s
    LEFT JOIN peer_medians pm ON pm.fiscal_year = s.fiscal_year AND pm.indicator = s.indicator
                             AND pm.scope = 'province' AND pm.peer_key = s.province_code
    LEFT JOIN peer_medians tm ON tm.fiscal_year = s.fiscal_year AND tm.indicator = s.indicator
                             AND tm.scope = 'type' AND tm.peer_key = s.org_type
    WHERE s.fiscal_year = $fiscal_year
      AND list_contains($indicators, s.indicator)
      AND ($province_code IS NULL OR s.province_code = $province_code)
      AND ($district_code IS NULL OR s.district_code = $district_code)
      AND ($org_type IS NULL OR s.org_type = $org_type)
      AND ($include_synthetic OR NOT s.is_synthetic)
)
SELECT CAST($fiscal_year AS SMALLINT) AS fiscal_year, g.org_id, d.org_name, d.province_code, d.province,
       g.indicator, g.score,
       100 - g.score AS gap_to_100,
       $pass_mark - g.score AS gap_to_pass,
       g.province_median, g.province_median - g.score AS gap_to_province_median,
       g.type_median, g.type_median - g.score AS gap_to_type_median,
       g.points_recoverable, g.priority
FROM gaps g
JOIN org_dim d USING (org_id)
ORDER BY g.org_id, g.priority, CAST(g.indicator AS INTEGER);

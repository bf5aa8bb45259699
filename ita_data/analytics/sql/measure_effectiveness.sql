-- measure_effectiveness: for each indicator, how it moved from the measures' year to the next for the
-- organisations with a measure aimed at it, against organisations of the same province without one.
-- Each organisation with a measure is compared with its own province's mean change without; `effect`
-- is the mean of those differences. The selection picks the organisations with a measure; their peers
-- are everyone else in their provinces.
WITH moved AS (
    -- rows of the next year carry the measures' year as score_prev
    SELECT s.org_id, s.indicator, s.province_code, s.district_code, s.org_type,
           s.score - s.score_prev AS change
    FROM org_scores s
    WHERE s.fiscal_year = $fiscal_year + 1
      AND s.score_prev IS NOT NULL
      AND list_contains($indicators, s.indicator)
      AND ($include_synthetic OR NOT s.is_synthetic)
),
aimed AS (
    SELECT DISTINCT org_id, indicator
    FROM measures_current
    WHERE fiscal_year = $fiscal_year AND indicator IS NOT NULL
),
marked AS (
    SELECT m.*, a.org_id IS NOT NULL AS has_measure
    FROM moved m
    LEFT JOIN aimed a USING (org_id, indicator)
),
peers AS (
    SELECT province_code, indicator, avg(change) AS peer_change, count(*) AS peer_count
    FROM marked
    WHERE NOT has_measure AND province_code IS NOT NULL
    GROUP BY ALL
)
SELECT CAST($fiscal_year AS SMALLINT) AS fiscal_year, CAST($fiscal_year + 1 AS SMALLINT) AS next_year,
       t.indicator,
       count(*) AS orgs_with_measure,
       avg(t.change) AS mean_change_with_measure,
       count(p.peer_change) AS orgs_compared,
       avg(p.peer_change) AS mean_change_peers,
       avg(t.change - p.peer_change) AS effect,
       CAST($method_notes AS VARCHAR) IS NOT NULL AS method_change,
       CAST($method_notes AS VARCHAR) AS method_notes
FROM marked t
LEFT JOIN peers p USING (province_code, indicator)
WHERE t.has_measure
  AND ($province_code IS NULL OR t.province_code = $province_code)
  AND ($district_code IS NULL OR t.district_code = $district_code)
  AND ($org_type IS NULL OR t.org_type = $org_type)
GROUP BY t.indicator
ORDER BY CAST(t.indicator AS INTEGER);

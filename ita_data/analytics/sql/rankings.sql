-- rankings: each organisation's rank by the chosen score within its group (nation, province, district
-- or type) this year and the year before; ties share the best rank. The selection filters the rows
-- shown, not the groups: a province's organisations keep their national rank.
WITH pop AS (
    SELECT s.fiscal_year, s.org_id, s.score,
           CASE $within WHEN 'nation' THEN 'nation'
                        WHEN 'province' THEN s.province_code
                        WHEN 'district' THEN s.district_code
                        WHEN 'type' THEN s.org_type END AS grp
    FROM org_scores s
    WHERE s.indicator = $indicator
      AND s.fiscal_year IN ($fiscal_year, $fiscal_year - 1)
      AND ($include_synthetic OR NOT s.is_synthetic)
),
ranked AS (
    -- an organisation whose group is unknown (no district on record) gets no rank
    SELECT fiscal_year, org_id, score, grp,
           CASE WHEN grp IS NOT NULL THEN rank() OVER (PARTITION BY fiscal_year, grp ORDER BY score DESC) END
               AS rank,
           CASE WHEN grp IS NOT NULL THEN count(*) OVER (PARTITION BY fiscal_year, grp) END AS group_size
    FROM pop
),
province_total AS (
    -- the rank a report prints is the provincial rank by the total
    SELECT s.org_id, rank() OVER (PARTITION BY s.province_code ORDER BY s.score DESC) AS province_rank
    FROM org_scores s
    WHERE s.indicator = 'total'
      AND s.fiscal_year = $fiscal_year
      AND s.province_code IS NOT NULL
      AND ($include_synthetic OR NOT s.is_synthetic)
)
SELECT CAST($fiscal_year AS SMALLINT) AS fiscal_year, cur.org_id, d.org_name, d.org_type,
       d.province_code, d.province, d.district_code, d.district,
       CAST($indicator AS VARCHAR) AS indicator, CAST($within AS VARCHAR) AS within,
       cur.score, cur.rank, cur.group_size,
       CASE WHEN cur.group_size = 1 THEN 100.0
            ELSE 100.0 * (cur.group_size - cur.rank) / (cur.group_size - 1) END AS percentile,
       prev.score AS score_prev, prev.rank AS rank_prev,
       prev.rank - cur.rank AS rank_change,
       y.level_computed AS level, y.level_reported,
       y.province_rank_reported AS rank_reported, y.province_rank_of AS rank_reported_of,
       p.province_rank AS province_rank_computed,
       coalesce(y.province_rank_reported <> p.province_rank, y.province_rank_reported IS NOT NULL)
           AS rank_reported_differs
FROM ranked cur
JOIN org_dim d ON d.org_id = cur.org_id
JOIN org_year y ON y.org_id = cur.org_id AND y.fiscal_year = cur.fiscal_year
LEFT JOIN ranked prev ON prev.org_id = cur.org_id AND prev.fiscal_year = $fiscal_year - 1
LEFT JOIN province_total p ON p.org_id = cur.org_id
WHERE cur.fiscal_year = $fiscal_year
  AND ($province_code IS NULL OR d.province_code = $province_code)
  AND ($district_code IS NULL OR d.district_code = $district_code)
  AND ($org_type IS NULL OR d.org_type = $org_type)
ORDER BY cur.grp, cur.rank, cur.org_id;

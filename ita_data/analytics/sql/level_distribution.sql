-- level_distribution: how many organisations of the selection hold each official level of the year's scheme.
WITH levels AS (
    SELECT unnest($levels) AS level, generate_subscripts($levels, 1) AS level_order
),
counts AS (
    SELECT y.level_computed AS level, count(*) AS org_count
    FROM org_year y
    WHERE y.fiscal_year = $fiscal_year
      AND ($province_code IS NULL OR y.province_code = $province_code)
      AND ($district_code IS NULL OR y.district_code = $district_code)
      AND ($org_type IS NULL OR y.org_type = $org_type)
      AND ($include_synthetic OR NOT y.is_synthetic)
    GROUP BY ALL
)
SELECT l.level_order, l.level, coalesce(c.org_count, 0) AS org_count,
       coalesce(c.org_count, 0) / nullif(sum(coalesce(c.org_count, 0)) OVER (), 0) AS share
FROM levels l
LEFT JOIN counts c USING (level)
ORDER BY l.level_order;

-- trends: per organisation, the chosen score over a span of years: straight-line slope (points a year),
-- first and last scores, the run of consecutive year-on-year improvements up to its last year, years
-- missing against the years the data has, and whether the span crosses a change of method.
WITH s AS (
    SELECT s.org_id, s.fiscal_year, s.score
    FROM org_scores s
    WHERE s.indicator = $indicator
      AND s.fiscal_year BETWEEN $first_year AND $fiscal_year
      AND ($include_synthetic OR NOT s.is_synthetic)
),
data_years AS (
    SELECT count(DISTINCT fiscal_year) AS n FROM s
),
steps AS (
    SELECT *,
           coalesce(lag(fiscal_year) OVER w = fiscal_year - 1 AND score > lag(score) OVER w, false)
               AS improved
    FROM s
    WINDOW w AS (PARTITION BY org_id ORDER BY fiscal_year)
),
per_org AS (
    SELECT org_id, count(*) AS years_count,
           min(fiscal_year) AS first_year, max(fiscal_year) AS last_year,
           arg_min(score, fiscal_year) AS first_score, arg_max(score, fiscal_year) AS last_score,
           regr_slope(score, fiscal_year) AS slope,
           -- the first year never counts as improved, so this FILTER is never empty
           max(fiscal_year) - max(fiscal_year) FILTER (WHERE NOT improved) AS improving_streak
    FROM steps
    GROUP BY org_id
)
SELECT p.org_id, d.org_name, d.org_type, d.province_code, d.province, d.district_code, d.district,
       CAST($indicator AS VARCHAR) AS indicator,
       p.years_count, (SELECT n FROM data_years) - p.years_count AS years_missing,
       CAST(p.first_year AS SMALLINT) AS first_year, CAST(p.last_year AS SMALLINT) AS last_year,
       p.first_score, p.last_score, p.last_score - p.first_score AS change,
       p.slope, p.improving_streak,
       len(list_filter($break_years, lambda y: y > p.first_year AND y <= p.last_year)) > 0
           AS method_change
FROM per_org p
JOIN org_dim d USING (org_id)
WHERE ($province_code IS NULL OR d.province_code = $province_code)
  AND ($district_code IS NULL OR d.district_code = $district_code)
  AND ($org_type IS NULL OR d.org_type = $org_type)
ORDER BY p.org_id;

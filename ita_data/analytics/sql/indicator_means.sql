-- indicator_means: the mean of every score (total, tools, indicators) for the selection and the nation.
WITH year_scores AS (
    SELECT s.indicator, s.score,
           ($province_code IS NULL OR s.province_code = $province_code)
           AND ($district_code IS NULL OR s.district_code = $district_code)
           AND ($org_type IS NULL OR s.org_type = $org_type) AS selected
    FROM org_scores s
    WHERE s.fiscal_year = $fiscal_year
      AND ($include_synthetic OR NOT s.is_synthetic)
)
SELECT indicator,
       count(*) FILTER (WHERE selected) AS org_count,
       avg(score) FILTER (WHERE selected) AS mean_selection,
       avg(score) AS mean_nation,
       avg(score) FILTER (WHERE selected) - avg(score) AS difference
FROM year_scores
GROUP BY indicator
HAVING count(*) FILTER (WHERE selected) > 0
ORDER BY list_position($indicator_order, indicator);

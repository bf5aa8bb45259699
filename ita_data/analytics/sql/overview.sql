-- overview: one row, the selection beside the nation, for one year and the chosen score.
WITH year_scores AS (
    SELECT s.score,
           ($province_code IS NULL OR s.province_code = $province_code)
           AND ($district_code IS NULL OR s.district_code = $district_code)
           AND ($org_type IS NULL OR s.org_type = $org_type) AS selected
    FROM org_scores s
    WHERE s.fiscal_year = $fiscal_year
      AND s.indicator = $indicator
      AND ($include_synthetic OR NOT s.is_synthetic)
)
SELECT CAST($fiscal_year AS SMALLINT) AS fiscal_year,
       CAST($indicator AS VARCHAR) AS indicator,
       count(*) FILTER (WHERE selected) AS org_count,
       avg(score) FILTER (WHERE selected) AS mean_score,
       median(score) FILTER (WHERE selected) AS median_score,
       avg(CAST(score >= $pass_mark AS DOUBLE)) FILTER (WHERE selected) AS pass_rate,
       count(*) AS nation_org_count,
       avg(score) AS nation_mean_score,
       avg(CAST(score >= $pass_mark AS DOUBLE)) AS nation_pass_rate
FROM year_scores;

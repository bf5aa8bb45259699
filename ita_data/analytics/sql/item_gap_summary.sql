-- item_gap_summary: per item, how many of the selection's organisations fell short of full marks in a
-- year, with the mean score and the year's Thai title; most often missed first.
WITH catalogue AS (
    SELECT unnest($item_codes) AS item, unnest($item_titles) AS title_th
),
selected AS (
    SELECT d.org_id
    FROM org_dim d
    WHERE ($province_code IS NULL OR d.province_code = $province_code)
      AND ($district_code IS NULL OR d.district_code = $district_code)
      AND ($org_type IS NULL OR d.org_type = $org_type)
      AND ($include_synthetic OR NOT d.is_synthetic)
),
per_item AS (
    SELECT i.item, any_value(i.indicator) AS indicator,
           count(*) AS org_count,
           count(*) FILTER (WHERE i.score < 100) AS below_full_count,
           avg(i.score) AS mean_score
    FROM item_scores i
    SEMI JOIN selected s ON s.org_id = i.org_id
    WHERE i.fiscal_year = $fiscal_year
      AND (list_contains($indicators, CAST(i.indicator AS VARCHAR)) OR ($all_indicators AND i.indicator IS NULL))
    GROUP BY i.item
)
SELECT CAST($fiscal_year AS SMALLINT) AS fiscal_year, p.item, CAST(p.indicator AS VARCHAR) AS indicator,
       p.org_count, p.below_full_count, p.below_full_count / p.org_count AS share_below_full,
       p.mean_score, c.title_th
FROM per_item p
LEFT JOIN catalogue c USING (item)
ORDER BY share_below_full DESC, list_position($item_codes, p.item) NULLS LAST, p.item;

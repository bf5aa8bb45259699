-- item_gaps: one organisation's items below full marks in a year, largest gap first, with the year's
-- Thai titles (where the rules know them).
WITH catalogue AS (
    SELECT unnest($item_codes) AS item, unnest($item_titles) AS title_th
)
SELECT i.fiscal_year, i.org_id, i.item, CAST(i.indicator AS VARCHAR) AS indicator, i.score,
       100 - i.score AS gap_to_full, c.title_th
FROM item_scores i
LEFT JOIN catalogue c USING (item)
WHERE i.org_id = $org_id
  AND i.fiscal_year = $fiscal_year
  AND i.score < 100
  AND (list_contains($indicators, CAST(i.indicator AS VARCHAR)) OR ($all_indicators AND i.indicator IS NULL))
ORDER BY gap_to_full DESC, list_position($item_codes, i.item) NULLS LAST, i.item;

-- open_measures: the year's measures still planned or in progress, with those past their due date
-- as of a day flagged, and the score of the indicator each aims at in its year and the next. Soonest
-- due first, which is most days overdue first and then by due date, whatever the day.
SELECT m.measure_id, m.org_id, m.org_name, m.org_type, m.province_code, m.province,
       m.district_code, m.district, m.fiscal_year, m.indicator, m.item, m.title, m.responsible,
       m.due_date, m.status,
       coalesce(m.due_date < $as_of, false) AS overdue,
       CASE WHEN m.due_date < $as_of THEN date_diff('day', m.due_date, $as_of) END AS days_overdue,
       before.score AS score_before, after.score AS score_after, after.score - before.score AS score_change
FROM measures_open m
-- the score of the indicator the measure aims at, in the measure's year and the year after
LEFT JOIN org_scores before
       ON before.org_id = m.org_id AND before.fiscal_year = m.fiscal_year AND before.indicator = m.indicator
LEFT JOIN org_scores after
       ON after.org_id = m.org_id AND after.fiscal_year = m.fiscal_year + 1 AND after.indicator = m.indicator
WHERE m.fiscal_year = $fiscal_year
  AND ($all_indicators OR list_contains($indicators, m.indicator))
  AND ($province_code IS NULL OR m.province_code = $province_code)
  AND ($district_code IS NULL OR m.district_code = $district_code)
  AND ($org_type IS NULL OR m.org_type = $org_type)
  AND ($include_synthetic OR NOT m.is_synthetic)
-- measures_open's own order, which the joins above do not keep
ORDER BY m.due_date NULLS LAST, m.org_id, m.measure_id;

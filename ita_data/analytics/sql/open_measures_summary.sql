-- open_measures_summary: counts of the year's open and overdue measures by organisation, indicator or
-- responsible unit (`$by`); the group with most overdue first. Follows the CTE `open`
-- (open_measures.sql).
, keyed AS (
    SELECT *,
           CASE $by WHEN 'org' THEN CAST(org_id AS VARCHAR) WHEN 'indicator' THEN indicator
                    ELSE responsible END AS key,
           CASE $by WHEN 'org' THEN org_name WHEN 'indicator' THEN indicator ELSE responsible END AS label
    FROM open
)
SELECT CAST($by AS VARCHAR) AS by, key, any_value(label) AS label,
       count(*) AS open_count,
       count(*) FILTER (WHERE overdue) AS overdue_count,
       count(*) FILTER (WHERE status = 'planned') AS planned_count,
       count(*) FILTER (WHERE status = 'in_progress') AS in_progress_count,
       min(due_date) AS earliest_due_date
FROM keyed
GROUP BY key
ORDER BY overdue_count DESC, open_count DESC, key NULLS LAST;

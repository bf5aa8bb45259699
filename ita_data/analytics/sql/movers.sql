-- movers: the biggest gains and the biggest falls of the chosen score; follows the CTE `changes`
-- (yoy_change.sql).
SELECT * FROM (
    SELECT 'gain' AS direction, row_number() OVER (ORDER BY delta DESC, org_id) AS position, *
    FROM changes WHERE delta > 0
    QUALIFY position <= $n
    UNION ALL
    SELECT 'fall' AS direction, row_number() OVER (ORDER BY delta ASC, org_id) AS position, *
    FROM changes WHERE delta < 0
    QUALIFY position <= $n
)
ORDER BY direction DESC, position;

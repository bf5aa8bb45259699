-- filter_options: the years, provinces, districts of one province and organisation types that have
-- organisations, in the order the filters list them: the table is stored in that order (see
-- refresh_derived.sql).
SELECT kind, code, label, org_count
FROM (
    SELECT kind, code, label, sort_order,
           CASE WHEN $include_synthetic THEN org_count_all ELSE org_count_real END AS org_count
    FROM filter_options
    WHERE kind <> 'district' OR province_code = $province_code
)
WHERE org_count > 0;

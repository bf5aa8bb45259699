-- years: the fiscal years in the data, oldest first, with how many organisations each has.
SELECT y.fiscal_year, count(*) AS org_count
FROM org_year y
WHERE $include_synthetic OR NOT y.is_synthetic
GROUP BY y.fiscal_year
ORDER BY y.fiscal_year;

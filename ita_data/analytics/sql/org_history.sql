-- org_history: every score one organisation has, year by year, beside its province's and the nation's median.
SELECT s.fiscal_year, s.indicator, s.score,
       CASE WHEN $include_synthetic THEN pm.median_all ELSE pm.median_real END AS province_median,
       CASE WHEN $include_synthetic THEN nm.median_all ELSE nm.median_real END AS nation_median,
       y.level_computed AS level, y.level_reported
FROM org_scores s
JOIN org_year y ON y.org_id = s.org_id AND y.fiscal_year = s.fiscal_year
LEFT JOIN peer_medians pm ON pm.fiscal_year = s.fiscal_year AND pm.indicator = s.indicator
                         AND pm.scope = 'province' AND pm.peer_key = s.province_code
LEFT JOIN peer_medians nm ON nm.fiscal_year = s.fiscal_year AND nm.indicator = s.indicator
                         AND nm.scope = 'nation'
WHERE s.org_id = $org_id
ORDER BY s.fiscal_year, list_position($indicator_order, s.indicator);

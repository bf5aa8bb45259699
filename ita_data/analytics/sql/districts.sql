-- districts: the districts of one province that have organisations, in Thai alphabetical order.
SELECT d.district_code, any_value(d.district) AS district, count(*) AS org_count
FROM org_dim d
WHERE d.province_code = $province_code
  AND d.district_code IS NOT NULL
  AND ($include_synthetic OR NOT d.is_synthetic)
GROUP BY d.district_code
ORDER BY district COLLATE th, d.district_code;

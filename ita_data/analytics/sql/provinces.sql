-- provinces: the provinces that have organisations, in Thai alphabetical order.
SELECT d.province_code, any_value(d.province) AS province, count(*) AS org_count
FROM org_dim d
WHERE d.province_code IS NOT NULL
  AND ($include_synthetic OR NOT d.is_synthetic)
GROUP BY d.province_code
ORDER BY province COLLATE th, d.province_code;

-- search_orgs: organisations whose name contains the text, in Thai alphabetical order.
SELECT d.org_id, d.org_name, d.org_type, d.province_code, d.province, d.district_code, d.district,
       d.is_synthetic
FROM org_dim d
WHERE (contains(d.org_name, $text) OR contains(d.name, $text))
  AND ($include_synthetic OR NOT d.is_synthetic)
ORDER BY d.org_name COLLATE th, d.province COLLATE th, d.org_id
LIMIT $limit;

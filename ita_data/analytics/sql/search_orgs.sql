-- search_orgs: organisations whose name contains the text, in Thai alphabetical order (org_dim is
-- stored in name_order, and a scan of one table keeps its order).
SELECT d.org_id, d.org_name, d.org_type, d.province_code, d.province, d.district_code, d.district,
       d.is_synthetic
FROM org_dim d
WHERE contains(d.search_text, $text)
  AND ($include_synthetic OR NOT d.is_synthetic)
LIMIT $limit;

-- org_types: the organisation types present, in the order orgs.ORG_TYPES lists them.
SELECT d.org_type, count(*) AS org_count
FROM org_dim d
WHERE $include_synthetic OR NOT d.is_synthetic
GROUP BY d.org_type
ORDER BY list_position($type_order, d.org_type);

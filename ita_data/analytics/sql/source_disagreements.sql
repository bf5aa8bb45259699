-- Facts that two sources state differently: the current value (the store's precedence rule chose it)
-- and what each other source says, with its file. Reads the store's disagreements table.
WITH d AS (
    SELECT org_id, fiscal_year, fact, key, stated_values[1] AS current_value, source_ids[1] AS current_id,
           unnest(source_ids[2:]) AS other_id, unnest(stated_values[2:]) AS other_value,
           generate_subscripts(source_ids[2:], 1) AS pos
    FROM disagreements
)
SELECT d.org_id, o.org_name, o.province_code, o.province, d.fiscal_year, d.fact, d.key, d.current_value,
       c.file_name AS current_source,
       string_agg(s.file_name || ': ' || d.other_value, '; ' ORDER BY d.pos) AS other_sources
FROM d
JOIN org_dim o USING (org_id)
JOIN sources c ON c.source_id = d.current_id
JOIN sources s ON s.source_id = d.other_id
WHERE ($province_code IS NULL OR o.province_code = $province_code)
  AND ($include_synthetic OR NOT o.is_synthetic)
GROUP BY ALL
ORDER BY d.fiscal_year DESC, any_value(o.name_order), d.fact, d.key

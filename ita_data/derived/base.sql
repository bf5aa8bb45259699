-- The first step of the refresh; the official level of each row is computed from it in Python
-- (framework.official_levels, the one place a level is computed) and joined in refresh.sql.

-- One row per organisation with its display name; name_order is its place in a Thai alphabetical
-- list (name, then province), and the table is stored in that order for search_orgs.
CREATE OR REPLACE TABLE org_dim AS
SELECT o.org_id, CAST(n.org_name AS VARCHAR) AS org_name, o.org_type, o.name, o.province_code, o.province,
       o.district_code, o.district, o.is_synthetic,
       -- what search_orgs looks in: the display name, and the name too when the display name lacks it
       -- (Bangkok, Pattaya); a line break keeps a match from spanning the two
       CASE WHEN contains(CAST(n.org_name AS VARCHAR), o.name) THEN CAST(n.org_name AS VARCHAR)
            ELSE CAST(n.org_name AS VARCHAR) || chr(10) || o.name END AS search_text,
       CAST(row_number() OVER (ORDER BY CAST(n.org_name AS VARCHAR) COLLATE th, o.province COLLATE th, o.org_id)
           AS INTEGER) AS name_order
FROM organizations o
JOIN _org_names n USING (org_id)
ORDER BY name_order;

-- One row per organisation-year, before its level: printed and recomputed totals, tool scores, printed
-- rank, and the organisation's names, so the per-year lists need no join.
-- A tool score needs all of its indicators; the recomputed total needs all ten.
CREATE OR REPLACE TEMP TABLE _org_year_base AS
WITH by_tool AS (
    SELECT s.org_id, s.fiscal_year, r.tool,
           CASE WHEN count(*) = any_value(r.tool_size) THEN avg(s.score) END AS tool_score,
           sum(r.weight * s.score) AS weighted,
           count(*) AS n,
           any_value(r.indicator_count) AS indicator_count
    FROM indicator_scores s
    JOIN _indicator_rules r USING (fiscal_year, indicator)
    GROUP BY ALL
),
wide AS (
    SELECT org_id, fiscal_year,
           max(tool_score) FILTER (WHERE tool = 'IIT') AS iit,
           max(tool_score) FILTER (WHERE tool = 'EIT') AS eit,
           max(tool_score) FILTER (WHERE tool = 'OIT') AS oit,
           -- rounded half up to two decimals, as printed totals are
           CASE WHEN sum(n) = any_value(indicator_count)
                THEN CAST(round(CAST(sum(weighted) AS DECIMAL(18, 6)), 2) AS DOUBLE) END AS total_computed,
           sum(n) AS indicator_count
    FROM by_tool
    GROUP BY ALL
)
SELECT a.org_id, a.fiscal_year, d.org_type, d.province_code, d.district_code, d.is_synthetic,
       d.org_name, d.province, d.district,
       a.total_score AS total_printed,
       w.total_computed,
       coalesce(a.total_score, w.total_computed) AS total_score,
       w.iit, w.eit, w.oit,
       coalesce(w.indicator_count, 0) AS indicator_count,
       a.level_reported,
       a.province_rank_reported, a.province_rank_of
FROM assessments a
JOIN org_dim d USING (org_id)
LEFT JOIN wide w USING (org_id, fiscal_year)
ORDER BY a.fiscal_year, a.org_id;

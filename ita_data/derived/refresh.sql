-- The derived tables the analytics read, rebuilt whole inside the caller's write transaction.
-- Runs after base.sql (org_dim, _org_year_base); reads small frames the Python side registers from the rules:
--   _org_names(org_id, org_name)                      display names from orgs.display_name
--   _indicator_rules(fiscal_year, indicator, tool, weight, tool_size, indicator_count)
--   _measure_items(fiscal_year, item, indicator)       measures that name an item but no indicator
--   _org_types(org_type, type_order, label)            the types in orgs.ORG_TYPES order, Thai names
--   _levels(fiscal_year, level, level_order)           each year's official levels, 1 = best
--   _open_statuses(status)                             store.OPEN_STATUSES
--   _computed_levels(org_id, fiscal_year, level_computed)  framework.official_levels of each row
--
-- Several tables are stored in the order a query lists them, so that query needs no ORDER BY: DuckDB
-- keeps a table's row order through a scan of that one table with WHERE, SELECT and LIMIT
-- (https://duckdb.org/docs/2.0/sql/dialect/order_preservation). tests/test_analytics_order.py
-- checks each such query against an explicit sort.

-- One row per organisation-year: printed and recomputed totals, tool scores, levels (level_computed: the
-- official level by the year's rules; level_order: its place in the year's scheme, 1 = best), printed
-- rank, and the organisation's names, so the per-year lists need no join.
CREATE OR REPLACE TABLE org_year AS
SELECT b.org_id, b.fiscal_year, b.org_type, b.province_code, b.district_code, b.is_synthetic,
       b.org_name, b.province, b.district, b.total_printed, b.total_computed, b.total_score,
       b.iit, b.eit, b.oit, b.indicator_count,
       b.level_reported, c.level_computed, CAST(l.level_order AS TINYINT) AS level_order,
       b.province_rank_reported, b.province_rank_of
FROM _org_year_base b
LEFT JOIN _computed_levels c USING (org_id, fiscal_year)
LEFT JOIN _levels l ON l.fiscal_year = b.fiscal_year AND l.level = c.level_computed
ORDER BY b.fiscal_year, b.org_id;

-- Every score an organisation has in a year, long: the total, the three tools and the ten indicators,
-- keyed as Filters.indicator spells them; sorted so a (year, indicator) slice is one contiguous run.
-- score_prev is the same score in the year before (empty when that year has none). Indicator rows also carry points_recoverable (what the total gains if the indicator reached 100 with
-- the year's weights) and priority (1 = the organisation's indicator worth most that year; ties share).
CREATE OR REPLACE TABLE org_scores AS
WITH long AS (
    SELECT fiscal_year, 'total' AS indicator, org_id, total_score AS score,
           NULL::DOUBLE AS points_recoverable FROM org_year
    UNION ALL SELECT fiscal_year, 'IIT', org_id, iit, NULL FROM org_year
    UNION ALL SELECT fiscal_year, 'EIT', org_id, eit, NULL FROM org_year
    UNION ALL SELECT fiscal_year, 'OIT', org_id, oit, NULL FROM org_year
    UNION ALL
    SELECT s.fiscal_year, CAST(s.indicator AS VARCHAR), s.org_id, s.score, r.weight * (100 - s.score)
    FROM indicator_scores s
    JOIN _indicator_rules r USING (fiscal_year, indicator)
),
-- the previous row of the same score, when it is the year before (a window, not a self-join: 3× faster)
scored AS (
    SELECT l.*,
           CASE WHEN lag(l.fiscal_year) OVER prev = l.fiscal_year - 1 THEN lag(l.score) OVER prev END AS score_prev
    FROM long l
    WHERE l.score IS NOT NULL
    WINDOW prev AS (PARTITION BY l.org_id, l.indicator ORDER BY l.fiscal_year)
)
SELECT l.fiscal_year, l.indicator, l.org_id, d.org_type, d.province_code, d.district_code,
       d.is_synthetic, l.score, l.score_prev, l.points_recoverable,
       -- ranked on six decimals: 0.3/3 × 27.5 and 0.4/2 × 13.75 are one value, not two in float
       CASE WHEN l.points_recoverable IS NOT NULL
            THEN rank() OVER (PARTITION BY l.fiscal_year, l.org_id, l.points_recoverable IS NULL
                              ORDER BY round(l.points_recoverable, 6) DESC) END AS priority
FROM scored l
JOIN org_dim d USING (org_id)
ORDER BY l.fiscal_year, l.indicator, l.org_id;

-- Medians of every score by year and peer group (province, type, nation), with and without synthetic
-- organisations, so a page comparing an organisation with its peers does not sort the year again.
CREATE OR REPLACE TABLE peer_medians AS
SELECT fiscal_year, indicator, 'province' AS scope, province_code AS peer_key,
       median(score) AS median_all, median(score) FILTER (WHERE NOT is_synthetic) AS median_real
FROM org_scores WHERE province_code IS NOT NULL GROUP BY ALL
UNION ALL
SELECT fiscal_year, indicator, 'type', org_type,
       median(score), median(score) FILTER (WHERE NOT is_synthetic)
FROM org_scores GROUP BY ALL
UNION ALL
SELECT fiscal_year, indicator, 'nation', 'nation',
       median(score), median(score) FILTER (WHERE NOT is_synthetic)
FROM org_scores GROUP BY ALL
ORDER BY fiscal_year, indicator, scope, peer_key;

-- The measures that stand for an organisation-year: a measures report (or any non-analysis source)
-- supersedes the plan listed in the analysis of the same year, which would otherwise count twice.
-- The organisation's names ride along, as in org_year.
CREATE OR REPLACE TABLE measures_current AS
WITH m AS (
    SELECT m.*, s.kind AS source_kind,
           coalesce(m.indicator, r.indicator) AS target_indicator
    FROM measures m
    JOIN sources s USING (source_id)
    LEFT JOIN _measure_items r ON r.fiscal_year = m.fiscal_year AND r.item = m.item
),
reported AS (
    SELECT DISTINCT org_id, fiscal_year FROM m WHERE source_kind <> 'analysis'
)
SELECT m.measure_id, m.org_id, m.fiscal_year, d.org_type, d.province_code, d.district_code,
       d.is_synthetic, d.org_name, d.province, d.district,
       CAST(m.target_indicator AS VARCHAR) AS indicator, m.item, m.title,
       m.responsible, m.due_date, m.status, m.completed_on, m.source_kind
FROM m
JOIN org_dim d USING (org_id)
LEFT JOIN reported r USING (org_id, fiscal_year)
WHERE m.source_kind <> 'analysis' OR r.org_id IS NULL
ORDER BY m.fiscal_year, m.org_id, m.measure_id;

-- The measures of measures_current still open (planned or in progress), soonest due first: for
-- open_measures, overdue ones (most days overdue first) and then the rest by due date.
CREATE OR REPLACE TABLE measures_open AS
SELECT m.*
FROM measures_current m
WHERE m.status IN (SELECT status FROM _open_statuses)
ORDER BY m.fiscal_year, m.due_date NULLS LAST, m.org_id, m.measure_id;

-- Pairs of organisations that are probably one organisation spelled two ways: same type, same province
-- (or one province unknown), no two different districts, and names equal once spaces, dots and Thai
-- tone marks are dropped, or one letter (not a digit) apart.
CREATE OR REPLACE TABLE org_duplicates AS
WITH o AS (
    SELECT org_id, org_type, name, province_code, district_code,
           regexp_replace(name, '[\s.\-\x{0E47}-\x{0E4C}]', '', 'g') AS loose
    FROM organizations
),
pairs AS (
    SELECT a.org_id AS org_id_a, b.org_id AS org_id_b, 'same_name_loosely' AS reason
    FROM o a JOIN o b ON a.org_type = b.org_type AND a.loose = b.loose AND a.org_id < b.org_id
    WHERE (a.province_code = b.province_code OR a.province_code IS NULL OR b.province_code IS NULL)
      AND (a.district_code = b.district_code OR a.district_code IS NULL OR b.district_code IS NULL)
    UNION ALL
    SELECT a.org_id, b.org_id, 'one_letter_apart'
    FROM o a JOIN o b ON a.org_type = b.org_type AND a.province_code = b.province_code
                     AND a.org_id < b.org_id
    WHERE a.loose <> b.loose
      AND length(a.loose) >= 5
      AND levenshtein(a.loose, b.loose) = 1
      -- a number in a name tells two organisations apart ("บ้านนา 2" is not "บ้านนา 3")
      AND regexp_replace(a.loose, '\D', '', 'g') = regexp_replace(b.loose, '\D', '', 'g')
      AND (a.district_code = b.district_code OR a.district_code IS NULL OR b.district_code IS NULL)
)
SELECT * FROM pairs ORDER BY org_id_a, org_id_b;

-- The choices the filters offer (years, provinces, districts, organisation types) with how many
-- organisations each has, with and without synthetic ones, in the order they are listed: years
-- oldest first, places in Thai alphabetical order, types in orgs.ORG_TYPES order.
CREATE OR REPLACE TABLE filter_options AS
WITH options AS (
    SELECT 1 AS kind_order, 'year' AS kind, CAST(fiscal_year AS VARCHAR) AS code,
           CAST(fiscal_year AS VARCHAR) AS label, NULL::VARCHAR AS province_code,
           count(*) AS org_count_all, count(*) FILTER (WHERE NOT is_synthetic) AS org_count_real,
           row_number() OVER (ORDER BY fiscal_year) AS within_order
    FROM org_year
    GROUP BY fiscal_year
    UNION ALL
    SELECT 2, 'province', province_code, any_value(province), province_code,
           count(*), count(*) FILTER (WHERE NOT is_synthetic),
           row_number() OVER (ORDER BY any_value(province) COLLATE th, province_code)
    FROM org_dim
    WHERE province_code IS NOT NULL
    GROUP BY province_code
    UNION ALL
    SELECT 3, 'district', district_code, any_value(district), any_value(province_code),
           count(*), count(*) FILTER (WHERE NOT is_synthetic),
           row_number() OVER (ORDER BY any_value(district) COLLATE th, district_code)
    FROM org_dim
    WHERE province_code IS NOT NULL AND district_code IS NOT NULL
    GROUP BY district_code
    UNION ALL
    SELECT 4, 'org_type', d.org_type, any_value(t.label), NULL,
           count(*), count(*) FILTER (WHERE NOT d.is_synthetic), any_value(t.type_order)
    FROM org_dim d
    JOIN _org_types t USING (org_type)
    GROUP BY d.org_type
)
SELECT kind, code, label, province_code, org_count_all, org_count_real,
       CAST(row_number() OVER (ORDER BY kind_order, within_order) AS INTEGER) AS sort_order
FROM options
ORDER BY sort_order;

-- Organisation-years whose printed total differs at all from the recomputed one, largest difference
-- first (total_check filters these few rows by its tolerance), and those whose printed level is not
-- the official one, by organisation (level_check).
CREATE OR REPLACE TABLE total_checks AS
SELECT *
FROM org_year
WHERE abs(total_printed - total_computed) > 1e-9
ORDER BY fiscal_year, abs(total_printed - total_computed) DESC, org_id;

CREATE OR REPLACE TABLE level_checks AS
SELECT *
FROM org_year
WHERE level_reported IS NOT NULL AND level_reported IS DISTINCT FROM level_computed
ORDER BY fiscal_year, org_id;

-- Each organisation with each year the data has that it lacks; year_has_real tells whether any
-- real (not synthetic) organisation has the year, and present_years lists the years it does have.
CREATE OR REPLACE TABLE org_missing_years AS
WITH data_years AS (
    SELECT fiscal_year, bool_or(NOT is_synthetic) AS year_has_real
    FROM org_year
    GROUP BY fiscal_year
),
present AS (
    SELECT org_id, list(fiscal_year ORDER BY fiscal_year) AS present_years
    FROM org_year
    GROUP BY org_id
)
SELECT d.org_id, d.org_name, d.org_type, d.province_code, d.province, d.district_code, d.district,
       d.is_synthetic, y.fiscal_year, y.year_has_real,
       coalesce(p.present_years, []) AS present_years
FROM org_dim d
CROSS JOIN data_years y
LEFT JOIN present p USING (org_id)
WHERE NOT list_contains(coalesce(p.present_years, []), y.fiscal_year)
ORDER BY d.org_id, y.fiscal_year;

DROP TABLE _org_year_base;

"""The database's shape: the words facts are stored under, the versioned schema and its migrations."""

from __future__ import annotations

import datetime as dt

import duckdb

from ita_data import labels, orgs

from .errors import StoreError

STATUSES = ("planned", "in_progress", "done", "cannot", "unknown")
OPEN_STATUSES = ("planned", "in_progress")
SOURCE_KINDS = ("analysis", "measures", "table", "synthetic")
# The precedence rule: which source's value of a fact is current. Higher first; among equals, the newer.
SOURCE_PRIORITY = {"table": 3, "analysis": 2, "measures": 2, "synthetic": 1}
ASSESSMENT_FACTS = ("total_score", "level_reported", "province_rank", "province_rank_of")
SCORE_FACTS = ("total_score", "indicator", "item")
FACT_KINDS = ASSESSMENT_FACTS + ("indicator", "item")
MEASURE_FIELDS = (
    "indicator",
    "item",
    "title",
    "issue",
    "steps",
    "responsible",
    "due_date",
    "status",
    "completed_on",
    "result",
)
FACT_COLUMNS = ("org_id", "fiscal_year", "fact", "key", "value_num", "value_text", "location", "snippet", "from_ocr")


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


_ORG_TYPES_SQL = ", ".join(f"'{t.code}'" for t in orgs.ORG_TYPES)
_STATUSES_SQL = ", ".join(f"'{s}'" for s in STATUSES)
_KINDS_SQL = ", ".join(f"'{k}'" for k in SOURCE_KINDS)
_FACTS_SQL = ", ".join(f"'{f}'" for f in FACT_KINDS)
_SCORES_SQL = ", ".join(f"'{f}'" for f in SCORE_FACTS)
# A source's rank in the precedence rule, as SQL over ``sources.kind`` (alias s).
PRIORITY_SQL = (
    "CASE s.kind " + " ".join(f"WHEN '{kind}' THEN {rank}" for kind, rank in SOURCE_PRIORITY.items()) + " ELSE 0 END"
)

# Each entry upgrades the schema by one version; never edit a shipped entry, append a new one.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # 1: the first schema
        "CREATE SEQUENCE source_ids START 1",
        f"""CREATE TABLE sources (
            source_id INTEGER PRIMARY KEY DEFAULT nextval('source_ids'),
            file_name VARCHAR NOT NULL,
            checksum VARCHAR NOT NULL,
            kind VARCHAR NOT NULL CHECK (kind IN ({_KINDS_SQL})),
            imported_at TIMESTAMP NOT NULL,
            note VARCHAR)""",
        "CREATE SEQUENCE org_ids START 1",
        f"""CREATE TABLE organizations (
            org_id INTEGER PRIMARY KEY DEFAULT nextval('org_ids'),
            org_key VARCHAR NOT NULL UNIQUE,
            org_type VARCHAR NOT NULL CHECK (org_type IN ({_ORG_TYPES_SQL})),
            name VARCHAR NOT NULL,
            province_code VARCHAR,
            province VARCHAR,
            district_code VARCHAR,
            district VARCHAR,
            is_synthetic BOOLEAN NOT NULL DEFAULT false)""",
        """CREATE TABLE assessments (
            org_id INTEGER NOT NULL,
            fiscal_year SMALLINT NOT NULL,
            total_score DOUBLE CHECK (total_score BETWEEN 0 AND 100),
            level_reported VARCHAR,
            level_computed VARCHAR,
            province_rank_reported INTEGER CHECK (province_rank_reported >= 1),
            source_id INTEGER NOT NULL,
            PRIMARY KEY (org_id, fiscal_year))""",
        """CREATE TABLE indicator_scores (
            org_id INTEGER NOT NULL,
            fiscal_year SMALLINT NOT NULL,
            indicator TINYINT NOT NULL CHECK (indicator BETWEEN 1 AND 10),
            score DOUBLE NOT NULL CHECK (score BETWEEN 0 AND 100),
            source_id INTEGER NOT NULL,
            PRIMARY KEY (org_id, fiscal_year, indicator))""",
        """CREATE TABLE item_scores (
            org_id INTEGER NOT NULL,
            fiscal_year SMALLINT NOT NULL,
            item VARCHAR NOT NULL,
            indicator TINYINT CHECK (indicator BETWEEN 1 AND 10),
            score DOUBLE NOT NULL CHECK (score BETWEEN 0 AND 100),
            source_id INTEGER NOT NULL)""",
        "CREATE INDEX item_scores_org_year ON item_scores (org_id, fiscal_year)",
        "CREATE SEQUENCE measure_ids START 1",
        f"""CREATE TABLE measures (
            measure_id BIGINT PRIMARY KEY DEFAULT nextval('measure_ids'),
            org_id INTEGER NOT NULL,
            fiscal_year SMALLINT NOT NULL,
            indicator TINYINT CHECK (indicator BETWEEN 1 AND 10),
            item VARCHAR,
            title VARCHAR,
            issue VARCHAR,
            steps VARCHAR,
            responsible VARCHAR,
            due_date DATE,
            status VARCHAR NOT NULL CHECK (status IN ({_STATUSES_SQL})),
            completed_on DATE,
            result VARCHAR,
            source_id INTEGER NOT NULL)""",
    ),
    (  # 2: the size of the ranking a printed rank refers to, and dataset facts for the footer
        "ALTER TABLE assessments ADD COLUMN province_rank_of INTEGER",
        "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
    ),
    (  # 3: every source's facts with where they were read; current values chosen by precedence;
        #    who imported what; withdrawal; no computed level in a base table
        "ALTER TABLE sources ADD COLUMN imported_by VARCHAR",
        "ALTER TABLE sources ADD COLUMN from_ocr BOOLEAN DEFAULT false",
        "ALTER TABLE sources ADD COLUMN changes VARCHAR",
        "ALTER TABLE sources ADD COLUMN withdrawn_at TIMESTAMP",
        "ALTER TABLE sources ADD COLUMN withdrawn_by VARCHAR",
        "ALTER TABLE organizations ADD COLUMN source_id INTEGER",
        f"""CREATE TABLE facts (
            source_id INTEGER NOT NULL,
            org_id INTEGER NOT NULL,
            fiscal_year SMALLINT NOT NULL,
            fact VARCHAR NOT NULL CHECK (fact IN ({_FACTS_SQL})),
            key VARCHAR NOT NULL DEFAULT '',
            value_num DOUBLE,
            value_text VARCHAR,
            location VARCHAR,
            snippet VARCHAR,
            from_ocr BOOLEAN NOT NULL DEFAULT false,
            is_current BOOLEAN NOT NULL DEFAULT true,
            CHECK (fact NOT IN ({_SCORES_SQL}) OR value_num BETWEEN 0 AND 100),
            CHECK (fact NOT IN ('province_rank', 'province_rank_of') OR value_num >= 1))""",
        # Existing data: each stored value becomes a fact of the source it carried.
        """INSERT INTO facts (source_id, org_id, fiscal_year, fact, key, value_num, value_text, is_current)
            SELECT source_id, org_id, fiscal_year, 'total_score', '', total_score, NULL, true
            FROM assessments WHERE total_score IS NOT NULL
            UNION ALL SELECT source_id, org_id, fiscal_year, 'level_reported', '', NULL, level_reported, true
            FROM assessments WHERE level_reported IS NOT NULL
            UNION ALL SELECT source_id, org_id, fiscal_year, 'province_rank', '', province_rank_reported, NULL, true
            FROM assessments WHERE province_rank_reported IS NOT NULL
            UNION ALL SELECT source_id, org_id, fiscal_year, 'province_rank_of', '', province_rank_of, NULL, true
            FROM assessments WHERE province_rank_of IS NOT NULL
            UNION ALL SELECT source_id, org_id, fiscal_year, 'indicator', CAST(indicator AS VARCHAR), score,
                             NULL, true FROM indicator_scores
            UNION ALL SELECT source_id, org_id, fiscal_year, 'item', item, score, NULL, true FROM item_scores""",
        f"""CREATE TABLE measure_facts (
            measure_id BIGINT PRIMARY KEY DEFAULT nextval('measure_ids'),
            source_id INTEGER NOT NULL,
            org_id INTEGER NOT NULL,
            fiscal_year SMALLINT NOT NULL,
            indicator TINYINT CHECK (indicator BETWEEN 1 AND 10),
            item VARCHAR,
            title VARCHAR,
            issue VARCHAR,
            steps VARCHAR,
            responsible VARCHAR,
            due_date DATE,
            status VARCHAR NOT NULL CHECK (status IN ({_STATUSES_SQL})),
            completed_on DATE,
            result VARCHAR,
            location VARCHAR,
            snippet VARCHAR,
            from_ocr BOOLEAN NOT NULL DEFAULT false)""",
        """INSERT INTO measure_facts (measure_id, source_id, org_id, fiscal_year, indicator, item, title,
            issue, steps, responsible, due_date, status, completed_on, result)
            SELECT measure_id, source_id, org_id, fiscal_year, indicator, item, title, issue, steps,
                   responsible, due_date, status, completed_on, result FROM measures""",
        """CREATE TABLE org_facts (
            source_id INTEGER,
            org_id INTEGER NOT NULL,
            district_code VARCHAR NOT NULL,
            district VARCHAR)""",
        """UPDATE organizations SET source_id = (
            SELECT min(source_id) FROM (
                SELECT source_id FROM facts f WHERE f.org_id = organizations.org_id
                UNION ALL SELECT source_id FROM measure_facts m WHERE m.org_id = organizations.org_id))""",
        """INSERT INTO org_facts SELECT source_id, org_id, district_code, district
            FROM organizations WHERE district_code IS NOT NULL""",
        "ALTER TABLE assessments DROP COLUMN level_computed",
        # Two sources that state different values for one fact: kept current by the write path.
        """CREATE TABLE disagreements (
            org_id INTEGER NOT NULL,
            fiscal_year SMALLINT NOT NULL,
            fact VARCHAR NOT NULL,
            key VARCHAR NOT NULL,
            source_ids INTEGER[] NOT NULL,
            stated_values VARCHAR[] NOT NULL)""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()[0]
    if not exists:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(con: duckdb.DuckDBPyConnection, upto: int = SCHEMA_VERSION) -> int:
    """Bring the schema to version ``upto``; each step is its own transaction."""
    version = current_version(con)
    if version > SCHEMA_VERSION:
        raise StoreError(labels.STORE_NEWER_SCHEMA.format(version=version, ours=SCHEMA_VERSION))
    if version == 0:
        con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at TIMESTAMP)")
    for number in range(version + 1, upto + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in MIGRATIONS[number - 1]:
                con.execute(statement)
            con.execute("INSERT INTO schema_version VALUES (?, ?)", [number, now()])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return current_version(con)


def stored_derived_version(cur: duckdb.DuckDBPyConnection) -> str | None:
    """The version of the derived tables the database holds (None before the first refresh)."""
    if not cur.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchone()[0]:
        return None
    row = cur.execute("SELECT value FROM meta WHERE key = 'derived_version'").fetchone()
    return row[0] if row else None

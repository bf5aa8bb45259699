"""The one package that opens DuckDB: the versioned schema, facts and their precedence, published snapshots.

Every value a source states is kept as a *fact* (``facts``, ``measure_facts``, ``org_facts``) with the
source and the place in it where it was read. The tables the analytics read — ``assessments``,
``indicator_scores``, ``item_scores``, ``measures`` — hold the *current* value of each fact, chosen by one
rule (``SOURCE_PRIORITY``): a NACC result table over an organisation's own report over synthetic data, and
among sources of the same rank the one imported last. Whatever the ITA rules compute (levels, recomputed
totals, tool scores) is derived and lives in the derived tables, rebuilt by the function handed in as
``Derived``.

- ``database``: ``Store`` — readers' cursors on the newest published snapshot, one write at a time,
  ``importing()`` (the one way to record an import: ``importing``), ``withdraw()``;
- ``schema``: the words facts are stored under, the migrations; ``errors``: messages a person can act on;
- ``snapshots``: the writers' lock and publishing; ``sources``, ``organizations``, ``facts`` (the write
  path, precedence, withdrawal) and ``records`` (what one document or row says, checked).
"""

from __future__ import annotations

from .cursors import registered
from .database import Derived, Store, default_db_path, use_derived
from .errors import DataError, StoreBusy, StoreDamaged, StoreError, explain_read_error, explain_write_error, is_damage
from .facts import ASSESSMENT_COLUMNS, facts_from_columns, facts_from_long, resolve, withdraw_source, write_facts
from .importing import Import, Stored
from .organizations import OrgRecord, add_organizations, org_frame, resolve_org, upsert_organization
from .records import assessment_facts, check_status, measure_frame, replace_measures, save_assessment
from .schema import (
    ASSESSMENT_FACTS,
    FACT_COLUMNS,
    FACT_KINDS,
    MEASURE_FIELDS,
    OPEN_STATUSES,
    SCHEMA_VERSION,
    SCORE_FACTS,
    SOURCE_KINDS,
    SOURCE_PRIORITY,
    STATUSES,
    migrate,
)
from .snapshots import publish_file, remove_files
from .sources import add_source, file_checksum, find_source, record_changes, set_meta

__all__ = [
    "ASSESSMENT_COLUMNS",
    "ASSESSMENT_FACTS",
    "FACT_COLUMNS",
    "FACT_KINDS",
    "MEASURE_FIELDS",
    "OPEN_STATUSES",
    "SCHEMA_VERSION",
    "SCORE_FACTS",
    "SOURCE_KINDS",
    "SOURCE_PRIORITY",
    "STATUSES",
    "DataError",
    "Derived",
    "Import",
    "OrgRecord",
    "Store",
    "StoreBusy",
    "StoreDamaged",
    "StoreError",
    "Stored",
    "add_organizations",
    "add_source",
    "assessment_facts",
    "check_status",
    "default_db_path",
    "explain_read_error",
    "explain_write_error",
    "facts_from_columns",
    "facts_from_long",
    "file_checksum",
    "find_source",
    "is_damage",
    "measure_frame",
    "migrate",
    "org_frame",
    "publish_file",
    "record_changes",
    "registered",
    "remove_files",
    "replace_measures",
    "resolve",
    "resolve_org",
    "save_assessment",
    "set_meta",
    "upsert_organization",
    "use_derived",
    "withdraw_source",
    "write_facts",
]

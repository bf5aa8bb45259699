"""One way to record an import: its source, its organisations, facts and measures, and what it changed.

``with db.importing(kind, file_name, checksum, by=...) as imp:`` is one write, whole or not at all.
``imp.existing`` is the source already imported from these same bytes. ``imp.organizations``,
``imp.facts`` and ``imp.measures`` store what the file states: the source is recorded at the first of
them, so an import that writes nothing records nothing. On the way out the current values of what the
import touched are chosen again (the precedence rule) and ``imp.changes`` is kept with the source.
Report ingest, result tables and the generated data all go through here; no importer runs SQL on the
store's tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

from ita_data import labels

from .cursors import registered
from .errors import StoreError
from .facts import distinct_keys, resolve, write_facts
from .organizations import OrgRecord, add_organizations, org_frame
from .records import assessment_facts, measure_frame
from .sources import add_source, find_source, record_changes, set_meta


@dataclass(frozen=True)
class Stored:
    """What the store holds now for some organisation-years, each row keyed by the caller's ``row``."""

    organizations: pd.DataFrame  # row, org_id, stored_district_code, stored_district
    assessments: pd.DataFrame  # row, total_score, level_reported, province_rank_reported, province_rank_of
    indicators: pd.DataFrame  # row, indicator, old (the current score)
    items: pd.DataFrame  # row, item, old
    measures: pd.DataFrame  # row, measures (how many current measures)

    def holds(self, row: int) -> bool:
        """Whether the store has a result or a measure for that row's organisation-year."""
        return bool((self.assessments["row"] == row).any() or (self.measures["row"] == row).any())


class Import:
    """One import in progress, inside its write (see the module's docstring)."""

    def __init__(
        self,
        cur: duckdb.DuckDBPyConnection,
        kind: str,
        file_name: str,
        checksum: str,
        *,
        by: str | None = None,
        note: str | None = None,
        from_ocr: bool = False,
        imported_at: dt.datetime | None = None,
        choose_all: bool = False,
        dry_run: bool = False,
    ):
        self._cur = cur
        self.kind, self.file_name, self.checksum = kind, file_name, checksum
        self.by, self.imported_at, self.dry_run = by, imported_at, dry_run
        # Settable until the first write, when the source is recorded with them.
        self.note, self.from_ocr = note, from_ocr
        self.choose_all = choose_all
        self.existing: int | None = find_source(cur, checksum)
        self.changes: dict[str, int] = {}
        self._source_id: int | None = None
        self._fact_keys: list[pd.DataFrame] = []
        self._measure_keys: list[pd.DataFrame] = []

    @property
    def source_id(self) -> int | None:
        """The source this import recorded, or None while it has written nothing."""
        return self._source_id

    def _source(self) -> int:
        if self.dry_run:
            raise StoreError(labels.STORE_READ_ONLY.format(path=self.file_name))
        if self._source_id is None:
            self._source_id = add_source(
                self._cur,
                self.file_name,
                self.checksum,
                self.kind,
                self.note,
                imported_by=self.by,
                from_ocr=self.from_ocr,
                imported_at=self.imported_at,
            )
        return self._source_id

    # -- what the store holds now, to compare with

    def stored(self, keys: pd.DataFrame) -> Stored:
        """The current values of the organisation-years in ``keys`` (row, org_key, fiscal_year)."""
        cur = self._cur
        with registered(cur, "_import_keys", keys[["row", "org_key", "fiscal_year"]]):
            organizations = cur.execute(
                "SELECT k.row, o.org_id, o.district_code AS stored_district_code, o.district AS stored_district "
                "FROM _import_keys k JOIN organizations o ON o.org_key = k.org_key"
            ).df()
            assessments = cur.execute(
                "SELECT k.row, a.total_score, a.level_reported, a.province_rank_reported, a.province_rank_of "
                "FROM _import_keys k JOIN organizations o ON o.org_key = k.org_key "
                "JOIN assessments a ON a.org_id = o.org_id AND a.fiscal_year = k.fiscal_year"
            ).df()
            indicators = cur.execute(
                "SELECT k.row, s.indicator, s.score AS old FROM _import_keys k "
                "JOIN organizations o ON o.org_key = k.org_key "
                "JOIN indicator_scores s ON s.org_id = o.org_id AND s.fiscal_year = k.fiscal_year"
            ).df()
            items = cur.execute(
                "SELECT k.row, s.item, s.score AS old FROM _import_keys k "
                "JOIN organizations o ON o.org_key = k.org_key "
                "JOIN item_scores s ON s.org_id = o.org_id AND s.fiscal_year = k.fiscal_year"
            ).df()
            measures = cur.execute(
                "SELECT k.row, count(*) AS measures FROM _import_keys k "
                "JOIN organizations o ON o.org_key = k.org_key "
                "JOIN measures m ON m.org_id = o.org_id AND m.fiscal_year = k.fiscal_year GROUP BY k.row"
            ).df()
        return Stored(organizations, assessments, indicators, items, measures)

    def candidates(self, province_codes: Iterable[str]) -> pd.DataFrame:
        """The organisations stored in those provinces, for matching a table's rows to them:
        org_id, org_key, org_type, name, province_code, district_code, district."""
        codes = pd.DataFrame({"province_code": sorted({str(c) for c in province_codes if c})}, dtype="object")
        with registered(self._cur, "_import_provinces", codes):
            return self._cur.execute(
                "SELECT o.org_id, o.org_key, o.org_type, o.name, o.province_code, o.district_code, o.district "
                "FROM organizations o JOIN _import_provinces p USING (province_code) ORDER BY o.org_id"
            ).df()

    def stored_record(self, record: OrgRecord, fiscal_year: int) -> Stored:
        """The current values of one organisation-year (``row`` 0)."""
        key = org_frame([record])["org_key"].iloc[0]
        return self.stored(pd.DataFrame({"row": [0], "org_key": [key], "fiscal_year": [fiscal_year]}))

    def require_empty(self) -> None:
        """Refuse to go on unless the store holds no organisation yet (the generated data)."""
        if self._cur.execute("SELECT count(*) FROM organizations").fetchone()[0]:
            raise StoreError(labels.STORE_NOT_EMPTY)

    # -- what the file states

    def organizations(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Organisations (the columns of ``org_frame``); returns org_key → org_id."""
        return add_organizations(self._cur, frame, self._source())

    def organization(self, record: OrgRecord) -> int:
        """One organisation's id, created if new."""
        return int(self.organizations(org_frame([record]))["org_id"].iloc[0])

    def facts(self, frame: pd.DataFrame) -> None:
        """Facts in the shape of ``write_facts`` (org_id, fiscal_year, fact, key, value_num or value_text…)."""
        if len(frame):
            self._fact_keys.append(write_facts(self._cur, self._source(), frame, choose=False))

    def measures(self, frame: pd.DataFrame) -> None:
        """Measures in the shape of ``measure_frame`` (org_id, fiscal_year and the measure's fields)."""
        if len(frame):
            self._measure_keys.append(write_facts(self._cur, self._source(), measures=frame, choose=False))

    def assessment(self, org_id: int, fiscal_year: int, **values: Any) -> pd.DataFrame:
        """What one document or row says of one organisation-year, checked (``assessment_facts``) and stored."""
        frame = assessment_facts(org_id, fiscal_year, **values)
        self.facts(frame)
        return frame

    def document_measures(
        self, org_id: int, fiscal_year: int, measures: Iterable[Mapping[str, Any]], *, label: str
    ) -> pd.DataFrame:
        """One document's measures, checked (``measure_frame``) and stored."""
        frame = measure_frame(org_id, fiscal_year, measures, label=label)
        self.measures(frame)
        return frame

    def meta(self, values: Mapping[str, str]) -> None:
        """Facts about the dataset itself (the generated data's seed and dates)."""
        set_meta(self._cur, values)

    # -- the end of the import

    def finish(self) -> None:
        """Choose the current values of what was touched, and keep the record of what changed."""
        if self._source_id is None:
            return
        cur = self._cur
        if self.choose_all:
            resolve(cur, None)
        else:
            facts = distinct_keys(self._fact_keys)
            measures = distinct_keys(self._measure_keys)
            if len(facts):
                resolve(cur, facts, measures=False)
            if len(measures):
                resolve(cur, measures, facts=False)
        if self.changes:
            record_changes(cur, self._source_id, self.changes)

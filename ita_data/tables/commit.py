"""Store a checked table preview in one transaction: all rows land or none, each number keeps its source.

Every value the file gives becomes a fact of the file's source, through the store's one write path; the
store's precedence rule decides which values are current (a result table outranks a report). The plan
compares the file with the current values to say what it adds, updates and leaves unchanged; the same
file twice changes nothing, and another file stating the same values (the same page saved, then printed)
changes nothing either but is recorded as a source of them.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from ita_data import labels, store
from ita_data.tables import match
from ita_data.tables.read import INDICATOR_COLUMNS, Progress, TablePreview, check_upload, read_table

_ASSESSMENT_FIELDS = ("total_score", "level_reported", "province_rank_reported", "province_rank_of")
_SAME = 1e-9  # two parsed scores closer than this are the same number

_CHANGE_COLUMNS = ["row", "org_name", "province", "fiscal_year", "status", "changed"]


@dataclass(eq=False)
class ImportResult:
    """What an import did (or, for a dry run, would do). Any rejected row means nothing was stored."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)
    source_id: int | None = None
    warnings: list[tuple[int, str]] = field(default_factory=list)
    # One line per stored row: its status (added / updated / unchanged) and the fields that changed.
    changes: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=_CHANGE_COLUMNS))
    dry_run: bool = False
    seconds: float = 0.0
    # How the rows matched the organisations stored (tables.match): one line per row and near candidate,
    # the counts per status, and the rows that still need a person's decision.
    matches: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=match.MATCH_COLUMNS))
    match_counts: dict[str, int] = field(default_factory=dict)
    undecided: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.undecided

    def summary(self) -> str:
        if self.rejected:
            return labels.TABLE_NOT_IMPORTED.format(
                problems=len(self.rejected), rows=len({r for r, _ in self.rejected})
            )
        return labels.TABLE_IMPORTED.format(
            verb=labels.TABLE_WOULD if self.dry_run else "",
            added=self.added,
            updated=self.updated,
            unchanged=self.unchanged,
            dry_run=", dry run" if self.dry_run else "",
        )


def _differs(new: Any, old: Any) -> bool:
    """A value given in the file that the store does not already hold."""
    if new is None or pd.isna(new):
        return False
    if old is None or pd.isna(old):
        return True
    if isinstance(new, float) or isinstance(old, float):
        return abs(float(new) - float(old)) > _SAME
    return new != old


@dataclass
class _Plan:
    """What the file would change, row by row, compared with the current values (the write itself
    hands every value to the store's write path)."""

    rows: pd.DataFrame  # preview rows + org_id (NA for a new organisation) + status + changed
    warnings: list[tuple[int, str]]


def _long(rows: pd.DataFrame, value_columns: list[str], key: str) -> pd.DataFrame:
    frame = rows[["row", *value_columns]].melt(id_vars="row", var_name=key, value_name="score")
    return frame.dropna(subset=["score"])


def _plan(held: store.Stored, preview: TablePreview) -> _Plan:
    """Compare the preview's rows with what the store holds now (``Import.stored``)."""
    rows = preview.rows.copy()
    orgs, old = held.organizations, held.assessments
    old_indicators, old_items = held.indicators, held.items
    rows = rows.merge(orgs, on="row", how="left")
    old_by_row = old.set_index("row").to_dict("index")

    indicators = _long(rows, list(INDICATOR_COLUMNS), "indicator")
    indicators["indicator"] = indicators["indicator"].str.removeprefix("indicator_").astype("int64")
    indicators = _changed_scores(indicators, old_indicators, "indicator")
    items = _long(rows, preview.item_codes, "item") if preview.item_codes else _empty_long("item")
    items = _changed_scores(items, old_items, "item")

    changed_by_row: dict[int, list[str]] = {}
    for frame, key, prefix in ((indicators, "indicator", "indicator_"), (items, "item", "")):
        for row, name in zip(frame["row"], frame[key]):
            changed_by_row.setdefault(int(row), []).append(f"{prefix}{name}")

    statuses, changed_text, warnings = [], [], []
    needed = ("row", "org_id", "org_name", "district", "district_code", "stored_district", "stored_district_code")
    for record in match.records(rows, needed + _ASSESSMENT_FIELDS):
        number = record["row"]
        stored = old_by_row.get(number)
        changed = [f for f in _ASSESSMENT_FIELDS if _differs(record[f], (stored or {}).get(f))]
        if not pd.isna(record["org_id"]) and not pd.isna(record["district_code"]):
            if pd.isna(record["stored_district_code"]):
                changed.append("district")  # the store fills a district it lacks
            elif record["stored_district_code"] != record["district_code"]:
                warnings.append(
                    (
                        number,
                        labels.TABLE_DISTRICT_KEPT.format(
                            org=record["org_name"], stored=record["stored_district"], given=record["district"]
                        ),
                    )
                )
        changed += changed_by_row.get(number, [])
        statuses.append("added" if stored is None else "updated" if changed else "unchanged")
        changed_text.append("" if stored is None else ", ".join(changed))
    rows["status"], rows["changed"] = statuses, changed_text

    return _Plan(rows=rows, warnings=warnings)


def _empty_long(key: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"row": pd.Series(dtype="int64"), key: pd.Series(dtype="object"), "score": pd.Series(dtype="float64")}
    )


def _changed_scores(new: pd.DataFrame, old: pd.DataFrame, key: str) -> pd.DataFrame:
    merged = new.merge(old, on=["row", key], how="left")
    keep = merged["old"].isna() | ((merged["score"] - merged["old"]).abs() > _SAME)
    return merged.loc[keep, ["row", key, "score"]].reset_index(drop=True)


def _write(imp: store.Import, plan: _Plan, preview: TablePreview, say: Progress) -> None:
    """Every value the file gives becomes a fact of its source (the unchanged ones too, so that the
    file still stands behind them if another source is withdrawn); the store chooses current values."""
    say(0.3, labels.TABLE_PROGRESS_ORGANISATIONS)
    org_columns = ["org_key", "org_type", "name", "province_code", "province", "district_code", "district"]
    ids = imp.organizations(plan.rows[org_columns])
    rows = plan.rows.drop(columns=["org_id"]).merge(ids, on="org_key")
    sheet = labels.TABLE_SHEET_LOCATION.format(sheet=preview.sheet) if preview.sheet else ""
    rows["location"] = [labels.TABLE_ROW_LOCATION.format(row=row) + sheet for row in rows["row"]]
    say(0.5, labels.TABLE_PROGRESS_SCORES)
    columns = dict(store.ASSESSMENT_COLUMNS)
    columns.update({column: ("indicator", column.removeprefix("indicator_")) for column in INDICATOR_COLUMNS})
    columns.update({code: ("item", code) for code in preview.item_codes})
    imp.facts(store.facts_from_columns(rows, columns))


def _result(plan: _Plan, preview: TablePreview, source_id: int | None, dry_run: bool, started: float) -> ImportResult:
    counts = plan.rows["status"].value_counts()
    return ImportResult(
        added=int(counts.get("added", 0)),
        updated=int(counts.get("updated", 0)),
        unchanged=int(counts.get("unchanged", 0)),
        source_id=source_id,
        warnings=sorted(preview.warnings + plan.warnings, key=lambda w: w[0]),
        changes=plan.rows[_CHANGE_COLUMNS].reset_index(drop=True),
        dry_run=dry_run,
        seconds=time.perf_counter() - started,
    )


def commit_table(
    db: store.Store,
    preview: TablePreview,
    progress: Progress | None = None,
    *,
    dry_run: bool = False,
    imported_by: str | None = None,
    decisions: Mapping[int, int | str] | None = None,
    accept_near: bool = False,
) -> ImportResult:
    """Store the preview's rows in one transaction, or nothing if any row was rejected or a near match
    is undecided.

    ``dry_run`` computes what would be added, updated and left unchanged without writing;
    ``imported_by`` is who the record of the import names (default: the OS user). ``decisions`` and
    ``accept_near`` settle the rows near a stored organisation (``tables.match.decide``).
    """
    started = time.perf_counter()
    say = progress or (lambda _f, _m: None)
    if preview.errors:
        return ImportResult(
            rejected=list(preview.errors),
            warnings=list(preview.warnings),
            dry_run=dry_run,
            seconds=time.perf_counter() - started,
        )
    say(0.0, labels.TABLE_PROGRESS_COMPARING)
    with db.importing("table", preview.file_name, preview.checksum, by=imported_by, dry_run=dry_run) as imp:
        matches = match.decide(
            preview.rows, imp.candidates(preview.rows["province_code"]), decisions, accept_near=accept_near
        )
        # A row matched or confirmed to a stored organisation is stored under that organisation's key.
        preview = replace(preview, rows=preview.rows.assign(org_key=preview.rows["row"].map(matches.keys)))
        plan = _plan(imp.stored(preview.rows[["row", "org_key", "fiscal_year"]]), preview)
        blocked = bool(matches.undecided or matches.errors)
        if imp.existing is not None and not dry_run:
            plan.rows["status"], plan.rows["changed"] = "unchanged", ""  # this very file is in already
        elif not dry_run and not blocked and len(plan.rows):
            # A file that changes nothing (the same page printed after it was saved) is recorded all the
            # same: it stands behind the same facts, so withdrawing the other form leaves them current.
            imp.note = f"{len(plan.rows)} rows" + (f", sheet {preview.sheet}" if preview.sheet else "")
            _write(imp, plan, preview, say)
            counts = plan.rows["status"].value_counts()
            imp.changes.update({k: int(counts.get(k, 0)) for k in ("added", "updated", "unchanged")} | {"rejected": 0})
            say(0.9, labels.TABLE_PROGRESS_DERIVED)  # the store refreshes them as it publishes
    say(1.0, labels.TABLE_PROGRESS_STORED)
    result = _result(plan, preview, imp.source_id or imp.existing, dry_run, started)
    result.matches, result.match_counts, result.undecided = matches.listing, matches.counts(), matches.undecided
    result.rejected = list(matches.errors)
    if matches.undecided and not dry_run:
        rows = ", ".join(map(str, matches.undecided[:20])) + (" …" if len(matches.undecided) > 20 else "")
        result.rejected.append((matches.undecided[0], labels.TABLE_UNDECIDED.format(rows=rows)))
    return result


def import_table_file(
    db: store.Store,
    path: str | Path,
    *,
    fiscal_year: int | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    imported_by: str | None = None,
    decisions: Mapping[int, int | str] | None = None,
    accept_near: bool = False,
) -> tuple[TablePreview, ImportResult]:
    """Read and store one table file (the CLI's path); the preview tells what was read."""
    path = Path(path)
    check_upload(path.name, path.stat().st_size)
    preview = read_table(path.read_bytes(), path.name, fiscal_year=fiscal_year, progress=progress)
    result = commit_table(
        db, preview, progress, dry_run=dry_run, imported_by=imported_by, decisions=decisions, accept_near=accept_near
    )
    return preview, result

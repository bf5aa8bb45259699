"""What one document or table row says, checked: facts and measures in the shape the write path takes.

Each check names the record (organisation, year, fact) in its ``DataError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import duckdb
import pandas as pd

from ita_data import framework, labels

from .errors import DataError
from .facts import write_facts
from .schema import FACT_COLUMNS, MEASURE_FIELDS, STATUSES


def check_score(what: str, value: Any) -> float | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    try:
        score = float(value)
    except (TypeError, ValueError):
        raise DataError(labels.DATA_NOT_A_NUMBER.format(what=what, value=value)) from None
    if not 0 <= score <= 100:
        raise DataError(labels.DATA_OUT_OF_RANGE.format(what=what, score=score))
    return score


def check_status(what: str, status: str) -> str:
    if status not in STATUSES:
        raise DataError(labels.DATA_BAD_STATUS.format(what=what, status=status, choices=", ".join(STATUSES)))
    return status


def assessment_facts(
    org_id: int,
    fiscal_year: int,
    *,
    label: str,
    total_score: float | None = None,
    level_reported: str | None = None,
    province_rank: int | None = None,
    province_rank_of: int | None = None,
    indicator_scores: Mapping[Any, float] | None = None,
    item_scores: Mapping[str, float] | None = None,
    locations: Mapping[str, tuple[str | None, str | None]] | None = None,
    from_ocr: Iterable[str] = (),
) -> pd.DataFrame:
    """What one document says of one organisation-year, checked, as rows of facts.

    ``locations`` maps a report key ('total_score', 'level', 'province_rank', 'indicator:3', 'item:o5')
    to (where, snippet); ``from_ocr`` lists the keys read by OCR.
    """
    what = f"{label} ปี {fiscal_year}"
    try:
        framework.year_rules(fiscal_year)
    except framework.UnknownYearError as err:
        raise DataError(f"{what}: {err}") from None
    rows: list[tuple[str, str, float | None, str | None, str]] = []
    total = check_score(f"{what} total_score", total_score)
    if total is not None:
        rows.append(("total_score", "", total, None, "total_score"))
    if level_reported:
        rows.append(("level_reported", "", None, str(level_reported), "level"))
    if province_rank is not None:
        if int(province_rank) < 1:
            raise DataError(labels.DATA_BAD_RANK.format(what=what, rank=province_rank))
        rows.append(("province_rank", "", float(province_rank), None, "province_rank"))
    if province_rank_of is not None and int(province_rank_of) >= 1:
        rows.append(("province_rank_of", "", float(province_rank_of), None, "province_rank_of"))
    for key, value in sorted((indicator_scores or {}).items(), key=lambda kv: int(kv[0])):
        number = int(key)
        if not 1 <= number <= 10:
            raise DataError(labels.DATA_BAD_INDICATOR.format(what=what, indicator=key))
        score = check_score(f"{what} indicator {number}", value)
        if score is not None:
            rows.append(("indicator", str(number), score, None, f"indicator:{number}"))
    for code, value in (item_scores or {}).items():
        try:
            item = framework.normalize_item_code(code)
        except ValueError as err:
            raise DataError(f"{what}: {err}") from None
        score = check_score(f"{what} item {item}", value)
        if score is not None:
            rows.append(("item", item, score, None, f"item:{item}"))
    places = locations or {}
    ocr = set(from_ocr)
    return pd.DataFrame(
        [
            {
                "org_id": org_id,
                "fiscal_year": fiscal_year,
                "fact": fact,
                "key": key,
                "value_num": num,
                "value_text": text,
                "location": (places.get(ref) or (None, None))[0],
                "snippet": (places.get(ref) or (None, None))[1],
                "from_ocr": ref in ocr,
            }
            for fact, key, num, text, ref in rows
        ],
        columns=list(FACT_COLUMNS),
    )


def save_assessment(
    cur: duckdb.DuckDBPyConnection, org_id: int, fiscal_year: int, source_id: int, **values: Any
) -> None:
    """Store what one document or table row says of one organisation-year (see ``assessment_facts``)."""
    write_facts(cur, source_id, assessment_facts(org_id, fiscal_year, **values))


def measure_frame(org_id: int, fiscal_year: int, measures: Iterable[Mapping[str, Any]], *, label: str) -> pd.DataFrame:
    """One document's measures, checked, in the shape ``write_facts`` takes."""
    rows = []
    for number, m in enumerate(measures, start=1):
        what = f"{label} ปี {fiscal_year} มาตรการที่ {number}"
        status = check_status(what, m.get("status") or "unknown")
        indicator = m.get("indicator")
        if indicator is not None and not 1 <= int(indicator) <= 10:
            raise DataError(labels.DATA_BAD_INDICATOR.format(what=what, indicator=indicator))
        rows.append(
            {
                "org_id": org_id,
                "fiscal_year": fiscal_year,
                **{f: status if f == "status" else m.get(f) for f in MEASURE_FIELDS},
                "location": m.get("location"),
                "snippet": m.get("snippet"),
                "from_ocr": bool(m.get("from_ocr", False)),
            }
        )
    frame = pd.DataFrame(rows, columns=["org_id", "fiscal_year", *MEASURE_FIELDS, "location", "snippet", "from_ocr"])
    return frame.astype({"indicator": "Int64", "due_date": "object", "completed_on": "object"})


def replace_measures(
    cur: duckdb.DuckDBPyConnection,
    org_id: int,
    fiscal_year: int,
    source_kind: str,
    measures: Iterable[Mapping[str, Any]],
    source_id: int,
    *,
    label: str,
) -> int:
    """A document's measures; those of the newest document of a kind are the current ones."""
    frame = measure_frame(org_id, fiscal_year, measures, label=label)
    write_facts(cur, source_id, measures=frame)
    return len(frame)

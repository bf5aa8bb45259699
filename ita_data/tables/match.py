"""A table's rows matched to the organisations already stored: matched, never guessed.

A row whose type, name and province (and district, where the table needs it to tell two apart) are a
stored organisation's is matched. A row that is near one — a spelling variant of a stored name, the same
name under another type (an อบต. that became a เทศบาลตำบล), the same name in another district — needs a
person's decision: the stored organisation, or a new one. Every other row is a new organisation.
Names are compared in ``orgs.name_key`` form (one spelling of the Thai, no spaces or dots) with
RapidFuzz's ratio.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd
from rapidfuzz import fuzz, process

from ita_data import labels, orgs
from ita_data.tables.limits import quoted

# How alike two name keys must be (0-100, RapidFuzz ratio) to be put to the person as one organisation.
NEAR_SCORE = 85.0
MAX_CANDIDATES = 3  # near matches listed per row
NEW = "new"  # the decision that a near row is a new organisation

MATCH_COLUMNS = [
    "row",
    "org_name",
    "district",
    "province",
    "status",
    "candidate_id",
    "candidate",
    "candidate_district",
    "why",
]


@dataclass
class Matches:
    """Each row's match: ``keys`` (row → the org_key to store it under) and what the preview lists.

    ``listing`` has one line per matched row and one per near candidate (MATCH_COLUMNS, plus the
    candidate's key). ``undecided`` are rows that still need a decision; ``errors`` decisions refused.
    """

    keys: dict[int, str]
    listing: pd.DataFrame
    undecided: list[int] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        per_row = self.listing.drop_duplicates("row")["status"].value_counts()
        return {s: int(per_row.get(s, 0)) for s in labels.TABLE_MATCH_STATUS}

    def near(self) -> pd.DataFrame:
        """The near candidates, one line each, for the person to decide on."""
        return self.listing[self.listing["candidate_id"].notna() & (self.listing["status"] != "matched")]


def _base(key: str) -> str:
    """An org_key without the district that tells two same-named organisations apart."""
    return "|".join(key.split("|")[:3])


def _name_of(key: str) -> str:
    return key.split("|")[1]


def _respelled(stored: Mapping) -> str:
    """A stored organisation's key as ``orgs.org_key`` writes it today (with the district its key carries)."""
    district = stored["org_key"].split("|")[3] if stored["org_key"].count("|") > 2 else None
    return orgs.org_key(stored["org_type"], stored["name"], stored["province_code"], district)


def _label(stored: Mapping) -> str:
    return orgs.display_name(stored["org_type"], stored["name"])


ROW_COLUMNS = ("row", "org_key", "org_type", "org_name", "province_code", "district_code", "district", "province")


def records(frame: pd.DataFrame, columns: Sequence[str] | None = None) -> list[dict]:
    """The frame's rows as dicts of ``columns`` (all by default): a national table's 7,850 rows in a few
    milliseconds, where ``to_dict("records")`` of every column takes a tenth of a second."""
    names = list(frame.columns if columns is None else columns)
    return [dict(zip(names, values)) for values in zip(*(frame[c].tolist() for c in names))]


def match_rows(rows: pd.DataFrame | list[dict], stored: pd.DataFrame | list[dict]) -> list[dict]:
    """Per row: its status ("matched", "new", "decide") and the stored organisations it is or is near.

    ``rows`` are a preview's rows (row, org_key, org_type, name, org_name, province_code, district_code,
    district, province); ``stored`` is ``Import.candidates`` for their provinces."""
    if isinstance(stored, pd.DataFrame):
        stored = _stored_records(stored)
    if isinstance(rows, pd.DataFrame):
        rows = records(rows, ROW_COLUMNS)
    by_key: dict[str, dict] = {}
    by_base: dict[str, list[dict]] = {}
    by_place: dict[str, list[dict]] = {}
    for record in stored:
        by_key.setdefault(record["org_key"], record)
        by_key.setdefault(record["match_key"], record)
        by_base.setdefault(_base(record["match_key"]), []).append(record)
        by_place.setdefault(record["province_code"], []).append(record)
    names = {p: [_name_of(r["match_key"]) for r in found] for p, found in by_place.items()}
    out = []
    for row in rows:
        key, district = row["org_key"], row["district_code"]
        found: list[tuple[dict, str]] = []  # (stored, why) near candidates
        exact = by_key.get(key)
        if exact is None:
            # Stored under the key with its district (two of that name in the province), or without it.
            same_name = by_base.get(_base(key), [])
            same_place = [s for s in same_name if district and s["district_code"] == district]
            exact = same_place[0] if same_place else None
            if exact is None:
                found += [(s, "district") for s in same_name]
        if exact is not None:
            if district and exact["district_code"] and exact["district_code"] != district:
                found.append((exact, "district"))
            else:
                out.append({"row": row["row"], "status": "matched", "candidates": [(exact, "")]})
                continue
        place = by_place.get(row["province_code"], [])
        name = _name_of(key)
        for stored_row in place:
            if _name_of(stored_row["match_key"]) == name and stored_row["org_type"] != row["org_type"]:
                found.append((stored_row, "type"))
        if place:
            for _, score, index in process.extract(
                name, names[row["province_code"]], scorer=fuzz.ratio, score_cutoff=NEAR_SCORE, limit=None
            ):
                stored_row = place[index]
                if stored_row["org_type"] == row["org_type"] and _name_of(stored_row["match_key"]) != name:
                    found.append((stored_row, f"spelling:{score}"))
        unique: list[tuple[dict, str]] = []
        for stored_row, why in found:
            if all(stored_row["org_id"] != u["org_id"] for u, _ in unique):
                unique.append((stored_row, why))
        status = "decide" if unique else "new"
        out.append({"row": row["row"], "status": status, "candidates": unique[:MAX_CANDIDATES]})
    return out


def _stored_records(stored: pd.DataFrame) -> list[dict]:
    """``Import.candidates`` as dicts, a missing value None (not NaN), each with the key it has today."""
    found = records(stored.astype(object).where(stored.notna(), None))
    for record in found:
        # A key stored before names were compared in one spelling of the Thai is found by its name now.
        record["match_key"] = _respelled(record)
    return found


def _why(why: str) -> str:
    if why.startswith("spelling:"):
        return labels.TABLE_NEAR_WHY["spelling"].format(score=float(why.split(":")[1]))
    return labels.TABLE_NEAR_WHY.get(why, "")


def decide(
    rows: pd.DataFrame,
    stored: pd.DataFrame,
    decisions: Mapping[int, int | str] | None = None,
    *,
    accept_near: bool = False,
) -> Matches:
    """Match the rows and apply the person's decisions: ``decisions`` maps a row to a stored org_id or
    ``NEW``; ``accept_near`` takes the one stored organisation proposed for a row (a row with several
    still needs its decision)."""
    decisions = dict(decisions or {})
    row_records, stored_records = records(rows, ROW_COLUMNS), _stored_records(stored)
    matched = match_rows(row_records, stored_records)
    keys: dict[int, str] = {}
    lines, undecided, errors = [], [], []
    deciding = {m["row"] for m in matched if m["status"] == "decide"}
    for number in sorted(set(decisions) - deciding):
        errors.append(
            (number, labels.TABLE_DECISION_NO_ROW.format(row=number, rows=", ".join(map(str, sorted(deciding))) or "-"))
        )
    stored_keys = {k for r in stored_records for k in (r["org_key"], r["match_key"])}
    for row, match in zip(row_records, matched):
        number, status, key = row["row"], match["status"], row["org_key"]
        candidates = match["candidates"]
        if status == "decide":
            choice = decisions.get(number)
            if choice is None and accept_near and len(candidates) == 1:
                choice = int(candidates[0][0]["org_id"])
            offered = {int(s["org_id"]): s for s, _ in candidates}
            if choice is None:
                undecided.append(number)
            elif str(choice).strip().casefold() == NEW:
                status = "confirmed_new"
                if key in stored_keys:
                    # A new organisation named as a stored one: its district tells the two apart.
                    if row["district_code"]:
                        key = f"{_base(key)}|{row['district_code']}"
                    else:
                        errors.append((number, labels.TABLE_NEW_COLLIDES.format(name=quoted(row["org_name"]))))
            elif _as_id(choice) in offered:
                status, key = "confirmed", offered[_as_id(choice)]["org_key"]
            else:
                errors.append(
                    (
                        number,
                        labels.TABLE_DECISION_UNKNOWN.format(
                            row=number, choice=quoted(choice), offered=", ".join(map(str, offered))
                        ),
                    )
                )
                undecided.append(number)
        elif status == "matched":
            key = candidates[0][0]["org_key"]
        keys[number] = key
        base = {
            "row": number,
            "org_name": row["org_name"],
            "district": row["district"],
            "province": row["province"],
            "status": status,
        }
        if not candidates:
            lines.append({**base, "candidate_id": None, "candidate": None, "candidate_district": None, "why": ""})
        for stored_row, why in candidates:
            lines.append(
                {
                    **base,
                    "candidate_id": int(stored_row["org_id"]),
                    "candidate": _label(stored_row),
                    "candidate_district": stored_row["district"],
                    "why": _why(why),
                }
            )
    listing = pd.DataFrame(lines, columns=MATCH_COLUMNS).astype({"candidate_id": "Int64"})
    return Matches(keys=keys, listing=listing, undecided=undecided, errors=errors)


def _as_id(choice: int | str) -> int | None:
    try:
        return int(str(choice).strip())
    except ValueError:
        return None


def read_decisions(data: bytes, file_name: str) -> dict[int, int | str]:
    """A decisions file: a CSV with the columns ``row`` and ``choice`` (an org_id, or ``new``)."""
    try:
        frame = pd.read_csv(io.BytesIO(data), dtype=str, encoding="utf-8-sig")
        if not {"row", "choice"} <= set(frame.columns):
            raise ValueError(f"columns {', '.join(map(str, frame.columns))}")
        return {int(r): str(c).strip() for r, c in zip(frame["row"], frame["choice"]) if str(c).strip()}
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as err:
        raise ValueError(labels.TABLE_DECISIONS_FILE.format(name=quoted(file_name), reason=err)) from None

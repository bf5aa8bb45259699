"""A result table's bytes (CSV or XLSX) read into exactly the rows that would be stored, with every problem.

Nothing here touches the database: ``read_table`` is what a page shows as the preview before the
officer confirms, and what ``commit_table`` then stores. It reads in steps, one function each: the
file's grids of cells (``grids``), the header, each column's field, the rows (each cell by ``cells``),
the checks of the file as a whole, and the rows' frame.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ita_data import framework, labels, orgs, store
from ita_data.tables import columns
from ita_data.tables.cells import (
    CellError,
    cell_text,
    is_blank,
    plain_text,
    read_count,
    read_rank,
    read_score,
    read_year,
)
from ita_data.tables.grids import READERS, Grid, Grids, TableError, read_grids
from ita_data.tables.limits import MAX_FILE_BYTES, quoted
from ita_data.tables.xlsx import column_letter

ALLOWED_SUFFIXES = tuple(READERS)  # (".csv", ".xlsx")
INDICATOR_COLUMNS = tuple(f"indicator_{i.number}" for i in framework.indicators())
# The columns of TablePreview.rows before the item columns (one per item code found, e.g. "o12").
ROW_COLUMNS = (
    "row",
    "org_key",
    "org_type",
    "name",
    "org_name",
    "province_code",
    "province",
    "district_code",
    "district",
    "fiscal_year",
    "total_score",
    "level_reported",
    "level_computed",
    "province_rank_reported",
    "province_rank_of",
    *INDICATOR_COLUMNS,
)
# How far a printed total may sit from the one the year's weights give before we warn.
TOTAL_TOLERANCE = 0.011
_HEADER_SEARCH_ROWS = 10

Progress = Callable[[float, str], None]

__all__ = [
    "ALLOWED_SUFFIXES",
    "INDICATOR_COLUMNS",
    "MAX_FILE_BYTES",
    "ROW_COLUMNS",
    "Progress",
    "TableError",
    "TablePreview",
    "check_upload",
    "read_table",
]


@dataclass(eq=False)
class TablePreview:
    """What a table file would store: ``rows`` (valid rows, numbered as in the file) and its problems.

    ``errors`` and ``warnings`` are ``(row_number, reason)``; a file-level note carries the number of the
    header row. Any error means the file will not be stored at all.
    """

    file_name: str
    checksum: str
    rows: pd.DataFrame
    errors: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)
    unmapped_columns: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # header as written -> field
    header_rows: tuple[int, ...] = ()
    encoding: str | None = None
    sheet: str | None = None
    rows_read: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def item_codes(self) -> list[str]:
        return [c for c in self.rows.columns if c not in ROW_COLUMNS]

    def issues(self) -> pd.DataFrame:
        """Errors and warnings in file order, for a table beside the preview."""
        frame = pd.DataFrame(
            [(r, "error", m) for r, m in self.errors] + [(r, "warning", m) for r, m in self.warnings],
            columns=["row", "severity", "message"],
        )
        return frame.sort_values(["row", "severity"], kind="stable").reset_index(drop=True)


def check_upload(file_name: str, size: int) -> None:
    """Refuse a file by its name and size before reading it, with a message a person can act on."""
    name = quoted(file_name)
    if Path(file_name).suffix.lower() not in ALLOWED_SUFFIXES:
        raise TableError(labels.TABLE_FILE_KIND.format(name=name))
    if size > MAX_FILE_BYTES:
        raise TableError(
            labels.TABLE_FILE_TOO_LARGE.format(
                name=name, size_mb=size / 1024 / 1024, limit_mb=MAX_FILE_BYTES // 1024 // 1024
            )
        )
    if size == 0:
        raise TableError(labels.TABLE_FILE_EMPTY.format(name=name))


def read_table(
    data: bytes, file_name: str, *, fiscal_year: int | None = None, progress: Progress | None = None
) -> TablePreview:
    """Read a CSV or XLSX result table into a preview; raises TableError when it is no table at all.

    ``fiscal_year`` is used when the file has no year column (tables that give the year in the title).
    """
    check_upload(file_name, len(data))
    say = progress or (lambda _f, _m: None)
    say(0.0, labels.TABLE_PROGRESS_READING)
    grids = read_grids(data, file_name)
    header = _find_header(grids, file_name)
    mapped = _map_columns(header, fiscal_year)
    rows = _read_rows(header, mapped, fiscal_year, say)
    errors, warnings = _check_file(file_name, grids, header, mapped, rows)
    say(1.0, labels.TABLE_PROGRESS_DONE)
    return TablePreview(
        file_name=Path(file_name).name,
        checksum=store.file_checksum(data),
        rows=_rows_frame(rows.records, rows.items),
        errors=errors,
        warnings=warnings,
        unmapped_columns=mapped.unmapped,
        columns=mapped.names,
        header_rows=header.numbers,
        encoding=grids.encoding,
        sheet=header.grid.title,
        rows_read=rows.read,
    )


# --- the header ----------------------------------------------------------------------------


@dataclass
class _Header:
    """Where a grid's header is, and what each of its columns holds."""

    grid: Grid
    start: int  # index into grid.rows
    depth: int  # 1, or 2 with a group label written above several columns
    fields: dict[int, str]  # column index -> field
    texts: dict[int, str]  # column index -> header as written
    unmapped: dict[int, str]  # column index -> a header that names no field
    others: list[Grid] = field(default_factory=list)  # the file's other grids holding cells: not read

    @property
    def score(self) -> int:
        return len(set(self.fields.values()))

    @property
    def numbers(self) -> tuple[int, ...]:
        """The header's row numbers in the file."""
        return tuple(self.grid.rows[self.start + k][0] for k in range(self.depth))

    @property
    def row(self) -> int:
        """The header's last row number: where what is said about the whole file is placed."""
        return self.grid.rows[self.start + self.depth - 1][0]

    @property
    def data_rows(self) -> list[tuple[int, list[Any]]]:
        """The grid's rows below the header."""
        return self.grid.rows[self.start + self.depth :]


def _header_at(grid: Grid, start: int, depth: int) -> _Header:
    """The header read from ``depth`` rows of ``grid`` at ``start``: each column's field by its words."""
    rows = [list(grid.rows[start + k][1]) for k in range(depth)]
    width = max(len(r) for r in rows)
    rows = [r + [None] * (width - len(r)) for r in rows]
    if depth == 2:
        # A group label written once above several columns (a merge flattened into CSV) covers them all.
        top = rows[0]
        for c in range(1, width):
            if is_blank(top[c]) and not is_blank(rows[1][c]):
                top[c] = top[c - 1]
    fields, texts, unmapped = {}, {}, {}
    for c in range(width):
        parts = ["" if is_blank(r[c]) else str(r[c]).strip() for r in rows]
        text = " ".join(dict.fromkeys(p for p in parts if p))
        found = columns.field_of_column(parts)
        if found:
            fields[c], texts[c] = found, text
        elif text:
            unmapped[c] = text
    return _Header(grid, start, depth, fields, texts, unmapped)


def _grid_header(grid: Grid) -> _Header | None:
    """The header naming the most fields among the first rows of a grid, if one names the organisation."""
    best = None
    for start in range(min(_HEADER_SEARCH_ROWS, len(grid.rows))):
        for depth in (1, 2):
            if start + depth > len(grid.rows):
                continue
            header = _header_at(grid, start, depth)
            if "name" not in header.fields.values():
                continue
            if best is None or header.score > best.score:
                best = header
    return best


def _find_header(grids: Grids, file_name: str) -> _Header:
    """The header of the file's first grid that has one; raises TableError when no grid has one."""
    found: _Header | None = None
    others: list[Grid] = []
    for grid in grids.grids:
        header = _grid_header(grid) if found is None else None
        if header is not None:
            found = header
        elif any(any(not is_blank(v) for v in cells) for _, cells in grid.rows):
            others.append(grid)
    if found is None:
        raise TableError(_no_header(grids, file_name))
    found.others = others
    return found


def _no_header(grids: Grids, file_name: str) -> str:
    """Why no header was found: formulas without a saved result in the first rows, or no organisation column."""
    unread = [(g.title, r, c) for g in grids.grids for r, c in g.formulas if r <= _HEADER_SEARCH_ROWS]
    if unread:
        title, r, c = unread[0]
        return labels.TABLE_HEADER_FORMULAS.format(
            name=quoted(file_name), count=len(unread), sheet=quoted(title), cell=f"{column_letter(c)}{r}"
        )
    return labels.TABLE_NO_HEADER.format(name=quoted(file_name), rows=_HEADER_SEARCH_ROWS)


# --- the columns ---------------------------------------------------------------------------


@dataclass
class _Columns:
    """What the header's columns hold, checked, and what is said about them at the header row."""

    names: dict[str, str]  # header as written -> field
    letters: dict[str, str]  # field -> its column letter, so a message names its cell ("P3")
    unmapped: list[str]  # the columns not read: their header, or their letter when they have none
    warnings: list[tuple[int, str]]


def _map_columns(header: _Header, fiscal_year: int | None) -> _Columns:
    """Each column's field; raises TableError when two columns name one field or a required one is missing."""
    by_field: dict[str, list[int]] = {}
    for c, name in header.fields.items():
        by_field.setdefault(name, []).append(c)
    clashes = {f: cs for f, cs in by_field.items() if len(cs) > 1 and f not in columns.IGNORED}
    if clashes:
        described = "; ".join(
            labels.TABLE_SAME_FIELD_CLASH.format(
                columns=", ".join(
                    labels.TABLE_SAME_FIELD_COLUMN.format(header=quoted(header.texts[c]), letter=column_letter(c))
                    for c in cs
                ),
                field=f,
            )
            for f, cs in clashes.items()
        )
        raise TableError(labels.TABLE_SAME_FIELD.format(clashes=described))
    # A fiscal year the person states stands in for a year column.
    required = [f for f in columns.REQUIRED if not (f == "fiscal_year" and fiscal_year is not None)]
    missing = [f for f in required if f not in by_field]
    if missing:
        found = ", ".join(quoted(header.texts[c]) for c in sorted(header.texts)) or "-"
        fields = ", ".join(labels.TABLE_FIELD_LABELS[f] for f in missing)
        raise TableError(labels.TABLE_MISSING_COLUMNS.format(fields=fields, row=header.row, found=found))

    # A column with a header we cannot place, or data under no header, is named once.
    unmapped, warnings = [], []
    for c, text in sorted(header.unmapped.items()):
        unmapped.append(text)
        warnings.append((header.row, labels.TABLE_UNKNOWN_COLUMN.format(header=quoted(text), letter=column_letter(c))))
    mapped = set(header.fields) | set(header.unmapped)
    for c in sorted({c for _, cells in header.data_rows for c, v in enumerate(cells) if not is_blank(v)} - mapped):
        unmapped.append(labels.TABLE_NO_HEADER_COLUMN.format(letter=column_letter(c)))
        warnings.append((header.row, labels.TABLE_DATA_WITHOUT_HEADER.format(letter=column_letter(c))))
    tools = sorted({f[5:] for f in header.fields.values() if f.startswith("tool:")})
    if tools:
        warnings.append((header.row, labels.TABLE_TOOLS_CHECKED.format(tools=", ".join(tools))))
    return _Columns(
        names={header.texts[c]: f for c, f in sorted(header.fields.items())},
        letters={f: column_letter(c) for c, f in header.fields.items()},
        unmapped=unmapped,
        warnings=warnings,
    )


# --- the rows ------------------------------------------------------------------------------


@dataclass
class _Rows:
    """The data rows read: those to store with their item scores, and each row's problems."""

    records: list[dict[str, Any]] = field(default_factory=list)
    items: list[dict[str, float]] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)
    read: int = 0  # rows read, rejected ones included (not blank rows, not the header repeated)


def _read_rows(header: _Header, mapped: _Columns, fiscal_year: int | None, say: Progress) -> _Rows:
    """Every row below the header read and checked; blank rows and the header repeated are skipped."""
    data_rows = header.data_rows
    formulas = _unsaved_formulas(header)
    header_values = [
        [cell_text(v) for v in cells] for _, cells in header.grid.rows[header.start : header.start + header.depth]
    ]
    places = _Places()
    out = _Rows()
    seen: dict[tuple[str, int], int] = {}
    total = max(len(data_rows), 1)
    for index, (number, cells) in enumerate(data_rows):
        if index % 500 == 0:
            say(0.1 + 0.9 * index / total, labels.TABLE_PROGRESS_ROWS.format(done=index, total=len(data_rows)))
        if number in formulas:
            out.read += 1
            shown = ", ".join(formulas[number][:5]) + (" …" if len(formulas[number]) > 5 else "")
            out.errors.append((number, labels.TABLE_ROW_FORMULAS.format(cells=shown)))
            continue
        if all(is_blank(v) for v in cells):
            continue
        if [cell_text(v) for v in cells] in header_values:
            continue  # the header repeated (tables pasted page by page)
        out.read += 1
        values = {f: cells[c] if c < len(cells) else None for c, f in header.fields.items()}
        row, items, row_errors, row_warnings = _read_row(number, values, mapped.letters, fiscal_year, places)
        if not row_errors:
            key = (row["org_key"], row["fiscal_year"])
            if key in seen:
                row_errors.append(
                    labels.TABLE_DUPLICATE_ROW.format(first=seen[key], province=row["province"], row=number)
                )
            else:
                seen[key] = number
        label = _row_label(row)
        out.errors.extend((number, f"{label}{m}") for m in row_errors)
        out.warnings.extend((number, f"{label}{m}") for m in row_warnings)
        if not row_errors:
            out.records.append(row)
            out.items.append(items)
    return out


def _unsaved_formulas(header: _Header) -> dict[int, list[str]]:
    """Per data row, its cells in the columns read that hold a formula the file keeps no result for."""
    formulas: dict[int, list[str]] = {}
    for (r, c), text in sorted(header.grid.formulas.items()):
        if r > header.row and c in header.fields:
            formulas.setdefault(r, []).append(f"{column_letter(c)}{r}" + (f" ={quoted(text, 40)}" if text else ""))
    return formulas


def _row_label(row: dict[str, Any]) -> str:
    if "org_name" not in row:
        return ""
    year = labels.TABLE_ROW_LABEL_YEAR.format(year=row["fiscal_year"]) if row.get("fiscal_year") else ""
    return labels.TABLE_ROW_LABEL.format(name=quoted(row["org_name"]), year=year)


class _Places:
    """orgs.place with a memory: a national table names each district hundreds of times."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], orgs.Place | str | None] = {}

    def __call__(self, province: str, district: str) -> orgs.Place | None:
        key = (province, district)
        if key not in self._seen:
            try:
                self._seen[key] = orgs.place(province, district or None)
            except orgs.OrgError as err:
                self._seen[key] = str(err)
        found = self._seen[key]
        if isinstance(found, str):
            raise CellError(found)
        return found


def _organisation(cells: dict[str, Any], places: _Places) -> dict[str, Any]:
    raw_name = plain_text(cells, "name")
    if not raw_name:
        raise CellError(labels.TABLE_NAME_MISSING)
    type_text = plain_text(cells, "org_type")
    try:
        type_code = orgs.find_org_type(type_text).code if type_text else None
        code, name = orgs.split_name(raw_name, default_type=type_code)
    except orgs.OrgError as err:
        raise CellError(str(err)) from None
    if type_code and code != type_code:
        raise CellError(
            labels.TABLE_TYPE_DISAGREES.format(
                name=quoted(raw_name), name_type=orgs.org_type(code).short_th, type_text=quoted(type_text)
            )
        )
    province = plain_text(cells, "province")
    if not province:
        raise CellError(labels.TABLE_PROVINCE_MISSING.format(name=quoted(raw_name)))
    try:
        where = places(province, plain_text(cells, "district"))
    except CellError as err:
        raise CellError(labels.TABLE_PLACE_REFUSED.format(name=quoted(raw_name), reason=err)) from None
    assert where is not None  # a province was named above, so a place was found or refused
    try:
        type_code, name, _ = store.resolve_org(store.OrgRecord(code, name))
    except store.DataError as err:
        raise CellError(str(err)) from None
    return {
        "org_key": orgs.org_key(type_code, name, where.province_code),
        "org_type": type_code,
        "name": name,
        "org_name": orgs.display_name(type_code, name),
        "province_code": where.province_code,
        "province": where.province_th,
        "district_code": where.district_code,
        "district": where.district_th,
    }


def _computed_level(fiscal_year: int, total: float | None, scores: dict[int, float]) -> str | None:
    """The official level of the printed total (or, lacking it, of the indicators' total)."""
    if total is None:
        total = framework.total_score(fiscal_year, scores)
    return framework.official_level(fiscal_year, total, framework.tool_scores(scores))


def _check_consistency(row: dict[str, Any], tools: dict[str, float]) -> list[str]:
    """Warnings, not rejections: a printed total or tool score that the indicators do not give."""
    year, warnings = row["fiscal_year"], []
    scores = {i: row[f"indicator_{i}"] for i in range(1, 11) if row.get(f"indicator_{i}") is not None}
    computed = framework.total_score(year, scores)
    if computed is not None and row["total_score"] is not None:
        if abs(computed - row["total_score"]) > TOTAL_TOLERANCE:
            w = framework.year_rules(year).weights
            warnings.append(
                labels.TABLE_TOTAL_DIFFERS.format(
                    total=row["total_score"], computed=computed, iit=w["IIT"], eit=w["EIT"], oit=w["OIT"], year=year
                )
            )
    means = framework.tool_scores(scores)
    for tool, value in tools.items():
        if tool in means and abs(framework.round2(means[tool]) - value) > TOTAL_TOLERANCE:
            warnings.append(labels.TABLE_TOOL_DIFFERS.format(tool=tool, value=value, mean=means[tool]))
    level = row["level_reported"]
    if level is not None:
        year_levels = [b.level for b in framework.level_bands(year)]
        if level not in framework.all_levels():
            warnings.append(labels.TABLE_LEVEL_UNKNOWN.format(level=level, year=year, levels=", ".join(year_levels)))
        elif level in year_levels and row["level_computed"] and level != row["level_computed"]:
            warnings.append(labels.TABLE_LEVEL_DIFFERS.format(level=level, year=year, computed=row["level_computed"]))
    rank, of = row["province_rank_reported"], row["province_rank_of"]
    if rank is not None and of is not None and rank > of:
        warnings.append(labels.TABLE_RANK_OVER_COUNT.format(rank=rank, of=of))
    return warnings


# The total and each indicator's score, as a message names them.
_SCORE_NAMES = {
    "total_score": labels.TABLE_WHAT_TOTAL,
    **{name: labels.TABLE_WHAT_INDICATOR.format(number=name.split("_")[1]) for name in INDICATOR_COLUMNS},
}


def _read_row(
    number: int, cells: dict[str, Any], letters: dict[str, str], default_year: int | None, places: _Places
) -> tuple[dict[str, Any], dict[str, float], list[str], list[str]]:
    """One data row as stored values, its item scores, its errors and its warnings.

    ``letters`` gives each field's column letter, so a message names its cell (``P3``).
    """
    errors: list[str] = []
    notes: list[str] = []
    row: dict[str, Any] = {"row": number}

    def cell(name: str) -> str:
        return labels.TABLE_AT_CELL.format(cell=f"{letters[name]}{number}") if name in letters else ""

    def score(name: str, label: str) -> float | None:
        """The score in field ``name``; its error or note names the cell."""
        before = len(notes)
        try:
            value = read_score(cells.get(name), label, notes)
        except CellError as err:
            errors.append(f"{err}{cell(name)}")
            return None
        notes[before:] = [f"{n}{cell(name)}" for n in notes[before:]]
        return value

    try:
        row.update(_organisation(cells, places))
    except CellError as err:
        errors.append(f"{err}{cell(err.field) if err.field else ''}")
    try:
        row["fiscal_year"] = read_year(cells["fiscal_year"]) if "fiscal_year" in cells else default_year
    except CellError as err:
        errors.append(f"{err}{cell('fiscal_year')}")
    for name, what in _SCORE_NAMES.items():
        row[name] = score(name, what)
    tools: dict[str, float] = {}
    for tool in framework.TOOLS:
        value = score(f"tool:{tool}", tool)
        if value is not None:
            tools[tool] = value
    items: dict[str, float] = {}
    for key in cells:
        if key.startswith("item:"):
            value = score(key, labels.TABLE_WHAT_ITEM.format(code=key[5:]))
            if value is not None:
                items[key[5:]] = value
    try:
        rank, of = read_rank(cells.get("province_rank_reported"))
    except CellError as err:
        errors.append(f"{err}{cell('province_rank_reported')}")
        rank, of = None, None
    try:
        if "province_rank_of" in cells and not is_blank(cells["province_rank_of"]):
            of = read_count(cells["province_rank_of"], labels.TABLE_WHAT_RANK_OF)
    except CellError as err:
        errors.append(f"{err}{cell('province_rank_of')}")
    row["province_rank_reported"], row["province_rank_of"] = rank, of
    try:
        row["level_reported"] = plain_text(cells, "level_reported") or None
    except CellError as err:
        errors.append(f"{err}{cell(err.field) if err.field else ''}")
    if errors:
        return row, items, errors, []
    scores = [row["total_score"], *(row[c] for c in INDICATOR_COLUMNS)]
    if all(s is None for s in scores) and not items and row["level_reported"] is None:
        return row, items, [labels.TABLE_NOTHING_TO_STORE], []
    year = row["fiscal_year"]
    indicator_scores = {i: row[f"indicator_{i}"] for i in range(1, 11) if row[f"indicator_{i}"] is not None}
    row["level_computed"] = _computed_level(year, row["total_score"], indicator_scores)
    warnings = notes + _check_consistency(row, tools)
    for code in items:
        if framework.item_indicator(year, code) is None:
            warnings.append(labels.TABLE_ITEM_NOT_IN_YEAR.format(code=code, year=year))
    return row, items, [], warnings


# --- the file as a whole, and the frame ---------------------------------------------------------


def _check_file(
    file_name: str, grids: Grids, header: _Header, mapped: _Columns, rows: _Rows
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Errors and warnings in order: the columns', the file's own (sheets, text, merges, no rows), each row's."""
    at = header.row
    warnings = list(mapped.warnings)
    sheet = quoted(header.grid.title)
    warnings.extend((at, labels.TABLE_SHEET_NOT_READ.format(title=quoted(g.title), sheet=sheet)) for g in header.others)
    warnings.extend((at, note) for note in grids.notes)
    warnings.extend(_merge_warnings(header))
    warnings.extend(rows.warnings)
    errors = list(rows.errors)
    if rows.read == 0:
        errors.append((at, labels.TABLE_NO_ROWS.format(name=quoted(file_name), row=at)))
    return errors, warnings


# Fields where one value merged down several rows is a person's shorthand (one province for its rows).
_SHARED_DOWN = ("name", "org_type", "district", "province", "fiscal_year", "level_computed", "row_index")


def _merge_warnings(header: _Header) -> list[tuple[int, str]]:
    """A merged range below the header copies one value into several cells: say so where it matters."""
    out = []
    for min_row, min_col, max_row, max_col in header.grid.merges:
        if max_row <= header.row:
            continue
        fields = [header.fields[c] for c in range(min_col, max_col + 1) if c in header.fields]
        span = f"{column_letter(min_col)}{min_row}:{column_letter(max_col)}{max_row}"
        at = max(min_row, header.row + 1)
        if len(fields) > 1:
            out.append((at, labels.TABLE_MERGED_ACROSS.format(span=span, fields=", ".join(fields))))
        elif fields and max_row > max(min_row, header.row) and fields[0] not in _SHARED_DOWN:
            out.append((at, labels.TABLE_MERGED_DOWN.format(span=span, field=fields[0])))
    return out


def _item_sort_key(code: str) -> tuple[int, int]:
    return "ieo".index(code[0]), int(code[1:])


def _rows_frame(records: list[dict[str, Any]], item_rows: list[dict[str, float]]) -> pd.DataFrame:
    """The rows to store as a frame: ROW_COLUMNS, then one column per item code found, in catalogue order."""
    frame = pd.DataFrame.from_records(records, columns=list(ROW_COLUMNS))
    codes = sorted({c for items in item_rows for c in items}, key=_item_sort_key)
    if codes:
        items = pd.DataFrame.from_records(item_rows, columns=codes, index=frame.index)
        frame = pd.concat([frame, items.astype("float64")], axis=1)
    types = {
        "row": "int64",
        "fiscal_year": "int64",
        "total_score": "float64",
        "province_rank_reported": "Int64",
        "province_rank_of": "Int64",
    }
    types.update({c: "float64" for c in INDICATOR_COLUMNS})
    return frame.astype(types)

"""A result table's bytes (CSV or XLSX) read into exactly the rows that would be stored, with every problem.

Nothing here touches the database: ``read_table`` is what a page shows as the preview before the
officer confirms, and what ``commit_table`` then stores.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pandas as pd

from ita_data import framework, orgs, store, thai
from ita_data.tables import columns

MAX_FILE_BYTES = 50 * 1024 * 1024
ALLOWED_SUFFIXES = (".csv", ".xlsx")
INDICATOR_COLUMNS = tuple(f"indicator_{i.number}" for i in framework.indicators())
# The columns of TablePreview.rows before the item columns (one per item code found, e.g. "o12").
ROW_COLUMNS = (
    "row", "org_key", "org_type", "name", "org_name", "province_code", "province", "district_code",
    "district", "fiscal_year", "total_score", "level_reported", "level_computed",
    "province_rank_reported", "province_rank_of", *INDICATOR_COLUMNS,
)
# How far a printed total may sit from the one the year's weights give before we warn.
TOTAL_TOLERANCE = 0.011
_HEADER_SEARCH_ROWS = 10

Progress = Callable[[float, str], None]


class TableError(ValueError):
    """A file that cannot be read as a result table at all (type, size, encoding, header)."""


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
    suffix = Path(file_name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise TableError(
            f"ไฟล์ {file_name}: รับเฉพาะไฟล์ .csv หรือ .xlsx (only CSV and XLSX result tables are accepted;"
            " save an .xls file as .xlsx first)"
        )
    if size > MAX_FILE_BYTES:
        raise TableError(
            f"ไฟล์ {file_name} ใหญ่ {size / 1024 / 1024:.1f} MB เกินขนาดสูงสุด "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB (file too large; split it by province or year)"
        )
    if size == 0:
        raise TableError(f"ไฟล์ {file_name} ว่างเปล่า (the file is empty)")


# --- bytes to a grid of cells ------------------------------------------------------------


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # Thai Windows (and Excel's "CSV" on a Thai system) write cp874, a superset of TIS-620.
        return data.decode("cp874"), "cp874"
    except UnicodeDecodeError:
        raise TableError(
            "อ่านตัวอักษรในไฟล์ไม่ได้: the file is neither UTF-8 nor Thai Windows (cp874); "
            "save it again as 'CSV UTF-8'"
        ) from None


def _csv_grid(data: bytes) -> tuple[list[tuple[int, list[Any]]], str]:
    text, encoding = _decode(data)
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    grid = []
    start = 1
    for cells in reader:
        grid.append((start, cells))
        start = reader.line_num + 1
    return grid, encoding


def _xlsx_grids(data: bytes) -> list[tuple[str, list[tuple[int, list[Any]]]]]:
    from openpyxl import load_workbook  # only XLSX imports need it

    try:
        # Not read-only: the merged ranges are only known to a fully loaded sheet.
        book = load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as err:
        raise TableError(f"เปิดไฟล์ Excel ไม่ได้: {err} (is it really an .xlsx workbook?)") from None
    sheets = []
    for ws in book.worksheets:
        filled: dict[tuple[int, int], Any] = {}
        for rng in ws.merged_cells.ranges:
            value = ws.cell(rng.min_row, rng.min_col).value
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    filled[(r, c)] = value
        grid = []
        for r, values in enumerate(ws.iter_rows(min_row=1, values_only=True), start=1):
            cells = list(values)
            for c in range(len(cells)):
                if (r, c + 1) in filled:
                    cells[c] = filled[(r, c + 1)]
            grid.append((r, cells))
        sheets.append((ws.title, grid))
    book.close()
    return sheets


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or str(value).strip() == ""


# --- the header --------------------------------------------------------------------------


@dataclass
class _Header:
    start: int  # index into the grid
    depth: int
    fields: dict[int, str]  # column index -> field
    texts: dict[int, str]  # column index -> header as written
    unmapped: dict[int, str]

    @property
    def score(self) -> int:
        return len(set(self.fields.values()))


def _header_at(grid: list[tuple[int, list[Any]]], start: int, depth: int) -> _Header:
    rows = [list(grid[start + k][1]) for k in range(depth)]
    width = max(len(r) for r in rows)
    rows = [r + [None] * (width - len(r)) for r in rows]
    if depth == 2:
        # A group label written once above several columns (a merge flattened into CSV) covers them all.
        top = rows[0]
        for c in range(1, width):
            if _blank(top[c]) and not _blank(rows[1][c]):
                top[c] = top[c - 1]
    fields, texts, unmapped = {}, {}, {}
    for c in range(width):
        parts = ["" if _blank(r[c]) else str(r[c]).strip() for r in rows]
        text = " ".join(dict.fromkeys(p for p in parts if p))
        found = columns.field_of_column(parts)
        if found:
            fields[c], texts[c] = found, text
        elif text:
            unmapped[c] = text
    return _Header(start, depth, fields, texts, unmapped)


def _find_header(grid: list[tuple[int, list[Any]]]) -> _Header | None:
    best = None
    for start in range(min(_HEADER_SEARCH_ROWS, len(grid))):
        for depth in (1, 2):
            if start + depth > len(grid):
                continue
            header = _header_at(grid, start, depth)
            if "name" not in header.fields.values():
                continue
            if best is None or header.score > best.score:
                best = header
    return best


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --- cells to values ---------------------------------------------------------------------


class _CellError(ValueError):
    pass


def _number(value: Any, what: str) -> float | None:
    if _blank(value) or str(value).strip() in ("-", "–", "—"):
        return None
    if isinstance(value, bool):
        raise _CellError(f"{what}: {value!r} ไม่ใช่ตัวเลข (not a number)")
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        number = thai.parse_number(str(value).strip().rstrip("%").strip())
        if number is None:
            raise _CellError(f"{what}: {str(value).strip()!r} ไม่ใช่ตัวเลข (not a number)")
    if math.isnan(number):
        return None
    return number


def _score(value: Any, what: str) -> float | None:
    number = _number(value, what)
    if number is not None and not 0 <= number <= 100:
        raise _CellError(f"{what} = {number:g} อยู่นอกช่วง 0–100 (a score must be 0-100)")
    return number


def _year(value: Any) -> int:
    if _blank(value):
        raise _CellError("ไม่ระบุปีงบประมาณ (fiscal year missing)")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        digits = [str(int(value))] if float(value).is_integer() else []
    else:
        digits = re.findall(r"\d+", thai.to_arabic(str(value)))
    if len(digits) != 1 or len(digits[0]) not in (2, 4):
        raise _CellError(f"ปีงบประมาณ {str(value).strip()!r} อ่านไม่ได้ (expected a B.E. year such as 2566)")
    year = int(digits[0]) + (2500 if len(digits[0]) == 2 else 0)
    if 1900 <= year < 2400:
        raise _CellError(
            f"ปี {year} เป็นปี ค.ศ.: ITA uses Buddhist Era fiscal years; write {thai.ce_to_be(year)} "
            f"(= C.E. {year})"
        )
    if year not in framework.known_years():
        years = framework.known_years()
        raise _CellError(
            f"ปีงบประมาณ {year} ไม่มีเกณฑ์ ITA: the rules cover FY{years[0]}-FY{years[-1]}"
        )
    return year


def _rank(value: Any) -> tuple[int | None, int | None]:
    if _blank(value):
        return None, None
    numbers = re.findall(r"\d+(?:\.0+)?", thai.to_arabic(str(value)))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        numbers = [str(value)]
    if not numbers or len(numbers) > 2 or any(not float(n).is_integer() for n in numbers):
        raise _CellError(f"ลำดับในจังหวัด {str(value).strip()!r} อ่านไม่ได้ (expected e.g. 3 or 3/12)")
    rank = int(float(numbers[0]))
    if rank < 1:
        raise _CellError(f"ลำดับในจังหวัด {rank} ต้องเป็น 1 ขึ้นไป (a rank starts at 1)")
    return rank, int(float(numbers[1])) if len(numbers) == 2 else None


def _text(value: Any) -> str:
    if _blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return orgs.clean_text(str(value))


# --- rows ----------------------------------------------------------------------------------


class _Places:
    """orgs.place with a memory: a national table names each district hundreds of times."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], orgs.Place | str] = {}

    def __call__(self, province: str, district: str) -> orgs.Place:
        key = (province, district)
        if key not in self._seen:
            try:
                self._seen[key] = orgs.place(province, district or None)
            except orgs.OrgError as err:
                self._seen[key] = str(err)
        found = self._seen[key]
        if isinstance(found, str):
            raise _CellError(found)
        return found


def _organisation(cells: dict[str, Any], places: _Places) -> dict[str, Any]:
    raw_name = _text(cells.get("name"))
    if not raw_name:
        raise _CellError("ไม่มีชื่อหน่วยงาน (organisation name missing)")
    type_text = _text(cells.get("org_type"))
    try:
        type_code = orgs.find_org_type(type_text).code if type_text else None
        code, name = orgs.split_name(raw_name, default_type=type_code)
    except orgs.OrgError as err:
        raise _CellError(str(err)) from None
    if type_code and code != type_code:
        raise _CellError(
            f"{raw_name}: ชื่อระบุประเภท {orgs.org_type(code).short_th} แต่คอลัมน์ประเภทเป็น {type_text} "
            "(the name and the type column disagree)"
        )
    province = _text(cells.get("province"))
    if not province:
        raise _CellError(
            f"{raw_name}: ไม่ระบุจังหวัด (province missing; without it namesakes in other provinces merge)"
        )
    try:
        where = places(province, _text(cells.get("district")))
    except _CellError as err:
        raise _CellError(f"{raw_name}: {err}") from None
    type_code, name, _ = store.resolve_org(store.OrgRecord(code, name))
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


def _check_consistency(row: dict[str, Any], tools: dict[str, float]) -> list[str]:
    """Warnings, not rejections: a printed total or tool score that the indicators do not give."""
    year, warnings = row["fiscal_year"], []
    scores = {i: row[f"indicator_{i}"] for i in range(1, 11) if row.get(f"indicator_{i}") is not None}
    computed = framework.total_score(year, scores)
    if computed is not None and row["total_score"] is not None:
        if abs(computed - row["total_score"]) > TOTAL_TOLERANCE:
            w = framework.year_rules(year).weights
            warnings.append(
                f"คะแนนรวม {row['total_score']:.2f} ไม่ตรงกับที่คำนวณจากตัวชี้วัด {computed:.2f} "
                f"(total differs from {w['IIT']:g}·IIT + {w['EIT']:g}·EIT + {w['OIT']:g}·OIT of the "
                f"indicators with FY{year} weights; stored as written)"
            )
    means = framework.tool_scores(scores)
    for tool, value in tools.items():
        if tool in means and abs(framework.round2(means[tool]) - value) > TOTAL_TOLERANCE:
            warnings.append(
                f"{tool} {value:.2f} ไม่ตรงกับค่าเฉลี่ยตัวชี้วัด {means[tool]:.2f} "
                f"({tool} differs from the mean of its indicators)"
            )
    level = row["level_reported"]
    if level is not None:
        year_levels = [b.level for b in framework.level_bands(year)]
        if level not in framework.all_levels():
            warnings.append(
                f"ระดับ {level!r} ไม่ใช่ระดับที่รู้จัก (unknown level label; kept as written, "
                f"FY{year} uses {', '.join(year_levels)})"
            )
        elif level in year_levels and row["level_computed"] and level != row["level_computed"]:
            warnings.append(
                f"ระดับ {level} ต่างจากระดับตามเกณฑ์ปี {year} ({row['level_computed']}) "
                "(the reported level differs from the official rule; both are kept)"
            )
    rank, of = row["province_rank_reported"], row["province_rank_of"]
    if rank is not None and of is not None and rank > of:
        warnings.append(f"ลำดับ {rank} มากกว่าจำนวน {of} (rank greater than the number ranked)")
    return warnings


def _read_row(
    number: int, cells: dict[str, Any], default_year: int | None, places: _Places
) -> tuple[dict[str, Any], dict[str, float], list[str], list[str]]:
    """One data row as stored values, its item scores, its errors and its warnings."""
    errors: list[str] = []
    row: dict[str, Any] = {"row": number}
    try:
        row.update(_organisation(cells, places))
    except _CellError as err:
        errors.append(str(err))
    try:
        row["fiscal_year"] = _year(cells["fiscal_year"]) if "fiscal_year" in cells else default_year
    except _CellError as err:
        errors.append(str(err))
    for name in ("total_score", *INDICATOR_COLUMNS):
        label = "คะแนนรวม" if name == "total_score" else f"ตัวชี้วัดที่ {name.split('_')[1]}"
        try:
            row[name] = _score(cells.get(name), label)
        except _CellError as err:
            errors.append(str(err))
    tools: dict[str, float] = {}
    for tool in framework.TOOLS:
        try:
            value = _score(cells.get(f"tool:{tool}"), tool)
        except _CellError as err:
            errors.append(str(err))
            continue
        if value is not None:
            tools[tool] = value
    items: dict[str, float] = {}
    for key, value in cells.items():
        if key.startswith("item:"):
            try:
                score = _score(value, f"ข้อ {key[5:]}")
            except _CellError as err:
                errors.append(str(err))
                continue
            if score is not None:
                items[key[5:]] = score
    try:
        rank, of = _rank(cells.get("province_rank_reported"))
        if "province_rank_of" in cells and not _blank(cells["province_rank_of"]):
            of_number = _number(cells["province_rank_of"], "จำนวนหน่วยงานในจังหวัด")
            if of_number is None or not of_number.is_integer() or of_number < 1:
                raise _CellError(f"จำนวนหน่วยงานในจังหวัด {cells['province_rank_of']!r} ไม่ใช่จำนวนเต็ม")
            of = int(of_number)
        row["province_rank_reported"], row["province_rank_of"] = rank, of
    except _CellError as err:
        errors.append(str(err))
    row["level_reported"] = _text(cells.get("level_reported")) or None
    if errors:
        return row, items, errors, []
    scores = [row["total_score"], *(row[c] for c in INDICATOR_COLUMNS)]
    if all(s is None for s in scores) and not items and row["level_reported"] is None:
        return row, items, ["ไม่มีคะแนนหรือระดับให้บันทึก (no score, level or item in this row)"], []
    year = row["fiscal_year"]
    indicator_scores = {i: row[f"indicator_{i}"] for i in range(1, 11) if row[f"indicator_{i}"] is not None}
    row["level_computed"] = store.computed_level(year, row["total_score"], indicator_scores)
    warnings = _check_consistency(row, tools)
    for code in items:
        if framework.item_indicator(year, code) is None:
            warnings.append(
                f"ข้อ {code} ไม่อยู่ในรายการข้อของปี {year} (item not in FY{year}'s catalogue; stored "
                "without an indicator)"
            )
    return row, items, [], warnings


def read_table(
    data: bytes,
    file_name: str,
    *,
    fiscal_year: int | None = None,
    progress: Progress | None = None,
) -> TablePreview:
    """Read a CSV or XLSX result table into a preview; raises TableError when it is no table at all.

    ``fiscal_year`` is used when the file has no year column (tables that give the year in the title).
    """
    check_upload(file_name, len(data))
    say = progress or (lambda _f, _m: None)
    say(0.0, "อ่านไฟล์ (reading the file)")
    encoding, sheet, other_sheets = None, None, []
    if Path(file_name).suffix.lower() == ".csv":
        grid, encoding = _csv_grid(data)
        header = _find_header(grid)
    else:
        header, grid = None, []
        for title, sheet_grid in _xlsx_grids(data):
            found = _find_header(sheet_grid) if header is None else None
            if found is not None:
                header, grid, sheet = found, sheet_grid, title
            elif any(any(not _blank(v) for v in cells) for _, cells in sheet_grid):
                other_sheets.append(title)
    if header is None:
        raise TableError(
            f"ไม่พบแถวหัวตารางใน {file_name}: no header row naming the organisation (e.g. ชื่อหน่วยงาน or "
            f"organization) in the first {_HEADER_SEARCH_ROWS} rows"
        )
    header_numbers = tuple(grid[header.start + k][0] for k in range(header.depth))
    header_row = header_numbers[-1]
    by_field: dict[str, list[int]] = {}
    for c, name in header.fields.items():
        by_field.setdefault(name, []).append(c)
    clashes = {f: cs for f, cs in by_field.items() if len(cs) > 1 and f not in columns.IGNORED}
    if clashes:
        described = "; ".join(
            f"{', '.join(f'{header.texts[c]!r} (column {_column_letter(c)})' for c in cs)} → {f}"
            for f, cs in clashes.items()
        )
        raise TableError(f"หลายคอลัมน์มีความหมายเดียวกัน: {described}; rename or remove one of them")
    missing = [f for f in columns.REQUIRED if f not in by_field]
    if fiscal_year is not None and "fiscal_year" in missing:
        missing.remove("fiscal_year")
    if missing:
        found = ", ".join(header.texts[c] for c in sorted(header.texts)) or "-"
        raise TableError(
            f"ไม่พบคอลัมน์ {', '.join(columns.FIELD_LABELS[f] for f in missing)} ในแถวหัวตาราง "
            f"(row {header_row}); columns read: {found}"
        )

    warnings: list[tuple[int, str]] = []
    data_rows = grid[header.start + header.depth:]
    # A column with a header we cannot place, or data under no header, is named once.
    unmapped = []
    for c, text in sorted(header.unmapped.items()):
        unmapped.append(text)
        warnings.append((header_row, (
            f"คอลัมน์ {text!r} (column {_column_letter(c)}) ไม่รู้จัก จึงไม่นำเข้า: not a known column; "
            "known ones include ชื่อหน่วยงาน, ประเภท, อำเภอ, จังหวัด, ปีงบประมาณ, คะแนนรวม, ระดับ, "
            "IIT/EIT/OIT, "
            "ตัวชี้วัดที่ 1-10, item codes such as o12, ลำดับในจังหวัด"
        )))
    mapped = set(header.fields) | set(header.unmapped)
    for c in sorted({c for _, cells in data_rows for c, v in enumerate(cells) if not _blank(v)} - mapped):
        unmapped.append(f"column {_column_letter(c)}")
        warnings.append((header_row, (
            f"คอลัมน์ {_column_letter(c)} ไม่มีหัวตาราง จึงไม่นำเข้า (data under no header, ignored)"
        )))
    tools_given = sorted({f[5:] for f in header.fields.values() if f.startswith("tool:")})
    if tools_given:
        warnings.append((header_row, (
            f"คอลัมน์ {', '.join(tools_given)} ใช้ตรวจสอบเท่านั้น: checked against the indicators, "
            "not stored "
            "(the dashboard computes tool scores from indicators 1-10)"
        )))
    for title in other_sheets:
        warnings.append((header_row, f"ไม่ได้อ่านชีต {title!r} (only sheet {sheet!r} is read)"))

    header_values = [
        [_text(v) for v in grid[header.start + k][1]] for k in range(header.depth)
    ]
    places = _Places()
    errors: list[tuple[int, str]] = []
    records, item_rows = [], []
    seen: dict[tuple[str, int], int] = {}
    rows_read = 0
    total = max(len(data_rows), 1)
    for index, (number, cells) in enumerate(data_rows):
        if index % 500 == 0:
            say(0.1 + 0.9 * index / total, f"ตรวจแถว {index:,}/{len(data_rows):,} (checking rows)")
        if all(_blank(v) for v in cells):
            continue
        if [_text(v) for v in cells] in header_values:
            continue  # the header repeated (tables pasted page by page)
        rows_read += 1
        values = {f: cells[c] if c < len(cells) else None for c, f in header.fields.items()}
        row, items, row_errors, row_warnings = _read_row(number, values, fiscal_year, places)
        if not row_errors:
            key = (row["org_key"], row["fiscal_year"])
            if key in seen:
                row_errors.append(
                    f"ซ้ำกับแถว {seen[key]} จ.{row['province']} "
                    f"(duplicate: rows {seen[key]} and {number} are the same organisation and year)"
                )
            else:
                seen[key] = number
        label = _row_label(row)
        errors.extend((number, f"{label}{m}") for m in row_errors)
        warnings.extend((number, f"{label}{m}") for m in row_warnings)
        if not row_errors:
            records.append(row)
            item_rows.append(items)
    say(1.0, "ตรวจครบ (checked)")
    return TablePreview(
        file_name=Path(file_name).name,
        checksum=store.file_checksum(data),
        rows=_rows_frame(records, item_rows),
        errors=errors,
        warnings=warnings,
        unmapped_columns=unmapped,
        columns={header.texts[c]: f for c, f in sorted(header.fields.items())},
        header_rows=header_numbers,
        encoding=encoding,
        sheet=sheet,
        rows_read=rows_read,
    )


def _row_label(row: dict[str, Any]) -> str:
    if "org_name" not in row:
        return ""
    year = f" ปี {row['fiscal_year']}" if row.get("fiscal_year") else ""
    return f"{row['org_name']}{year}: "


def _item_sort_key(code: str) -> tuple[int, int]:
    return "ieo".index(code[0]), int(code[1:])


def _rows_frame(records: list[dict[str, Any]], item_rows: list[dict[str, float]]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=list(ROW_COLUMNS))
    codes = sorted({c for items in item_rows for c in items}, key=_item_sort_key)
    if codes:
        items = pd.DataFrame.from_records(item_rows, columns=codes, index=frame.index)
        frame = pd.concat([frame, items.astype("float64")], axis=1)
    types = {"row": "int64", "fiscal_year": "int64", "total_score": "float64",
             "province_rank_reported": "Int64", "province_rank_of": "Int64"}
    types.update({c: "float64" for c in INDICATOR_COLUMNS})
    return frame.astype(types)

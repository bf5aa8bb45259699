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
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ita_data import framework, orgs, safe_text, store, thai
from ita_data.tables import columns, limits, xlsx
from ita_data.tables.limits import MAX_FILE_BYTES, quoted

ALLOWED_SUFFIXES = (".csv", ".xlsx")
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


class TableError(ValueError):
    """A file that cannot be read as a result table at all (type, size, encoding, header, a limit)."""


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
            f"ไฟล์ {quoted(file_name)}: รับเฉพาะไฟล์ .csv หรือ .xlsx (only CSV and XLSX result tables are "
            "accepted; save an .xls file as .xlsx first)"
        )
    if size > MAX_FILE_BYTES:
        raise TableError(
            f"ไฟล์ {quoted(file_name)} ใหญ่ {size / 1024 / 1024:.1f} MB เกินขนาดสูงสุด "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB (file too large; split it by province or year)"
        )
    if size == 0:
        raise TableError(f"ไฟล์ {quoted(file_name)} ว่างเปล่า (the file is empty)")


# --- bytes to a grid of cells ------------------------------------------------------------

# Thai vowels and tone marks written above or below a consonant, and the vowels written before one.
_THAI_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
# cp874 text that no Thai writer produces: a Thai mark on a Latin letter ("Caf้" is Latin-1 "Café"),
# a Thai character between two Latin letters ("Se๑or"), a leading vowel before a Latin letter.
_NOT_THAI = re.compile(f"[A-Za-z][{_THAI_MARKS}]|[A-Za-z][\u0e01-\u0e5b][A-Za-z]|[\u0e40-\u0e44][A-Za-z]")


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"-be"`` when the bytes look like UTF-16 that lost its byte-order mark.

    Every ASCII character (commas, digits, line ends) has a zero byte on the same side of its pair.
    """
    sample = data[:65536]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if even + odd < max(len(sample) // 10, 2):
        return None
    if odd >= 9 * even:
        return "utf-16-le"
    if even >= 9 * odd:
        return "utf-16-be"
    return None


def _decode(data: bytes, file_name: str) -> tuple[str, str, list[str]]:
    """The text, the encoding it was read in, and notes on it for the preview."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError:
            raise TableError(
                f"ไฟล์ {quoted(file_name)} ขึ้นต้นแบบ UTF-16 แต่ถอดรหัสไม่ได้ (starts with a UTF-16 byte-order "
                "mark but does not decode; save it again as 'CSV UTF-8')"
            ) from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            raise TableError(
                f"ไฟล์ {quoted(file_name)} ดูเหมือนเข้ารหัส UTF-16 แต่ไม่มีเครื่องหมายลำดับไบต์ (BOM) และถอดรหัส"
                "ไม่ได้ (looks like UTF-16 without a byte-order mark, and does not decode; save it again "
                "as 'CSV UTF-8')"
            ) from None
        note = (
            f"ไฟล์เข้ารหัส {utf16.upper()} โดยไม่มีเครื่องหมายลำดับไบต์ (BOM) จึงอ่านตามรูปแบบของไบต์: "
            "ตรวจชื่อในตัวอย่างก่อนยืนยัน (UTF-16 without a byte-order mark, read by its byte pattern; "
            "check the names below, or save the file as 'CSV UTF-8')"
        )
        return text, utf16, [note]
    try:
        return data.decode("utf-8-sig"), "utf-8", []
    except UnicodeDecodeError:
        pass
    try:
        # Thai Windows (and Excel's "CSV" on a Thai system) write cp874, a superset of TIS-620.
        text = data.decode("cp874")
    except UnicodeDecodeError:
        raise TableError(
            f"อ่านตัวอักษรในไฟล์ {quoted(file_name)} ไม่ได้: the file is neither UTF-8 nor Thai Windows "
            "(cp874); save it again as 'CSV UTF-8'"
        ) from None
    odd = _NOT_THAI.search(text)
    if odd:
        line = text.count("\n", 0, odd.start()) + 1
        start = text.rfind("\n", 0, odd.start()) + 1
        snippet = text[max(start, odd.start() - 20) : odd.end() + 20].splitlines()[0]
        as_latin = snippet.encode("cp874").decode("cp1252", errors="replace")
        raise TableError(
            f"ไฟล์ {quoted(file_name)} ไม่ใช่ภาษาไทยแบบ Windows (cp874): บรรทัด {line} อ่านได้เป็น "
            f"{quoted(snippet)} ซึ่งน่าจะเป็นอักษรละติน {quoted(as_latin)} (the file looks like Latin-1/"
            "Windows-1252, not Thai; it was not read — save it again as 'CSV UTF-8')"
        )
    return text, "cp874", []


def _csv_grid(data: bytes, file_name: str) -> tuple[list[tuple[int, list[Any]]], str, list[str]]:
    text, encoding, notes = _decode(data, file_name)
    sample = text[:4096]  # the Sniffer's regexes are quadratic in the sample: 8 KB of ',"' took 0.9 s
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    grid: list[tuple[int, list[Any]]] = []
    start, cells_read = 1, 0
    where = f"ไฟล์ {quoted(file_name)}"
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            if "field larger than field limit" in str(err):
                raise TableError(_too_long(where, f"บรรทัด {reader.line_num}")) from None
            raise TableError(f"{where} บรรทัด {reader.line_num}: อ่านเป็น CSV ไม่ได้ ({quoted(err)})") from None
        if len(grid) >= limits.MAX_ROWS:
            raise TableError(f"{where} มีเกิน {limits.MAX_ROWS:,} แถว (more than {limits.MAX_ROWS:,} rows; split it)")
        if len(cells) > limits.MAX_COLUMNS:
            raise TableError(
                f"{where} บรรทัด {start} มี {len(cells):,} คอลัมน์ เกิน {limits.MAX_COLUMNS} "
                f"(more than {limits.MAX_COLUMNS} columns: is the delimiter right?)"
            )
        cells_read += len(cells)
        if cells_read > limits.MAX_CSV_CELLS:
            raise TableError(f"{where} มีเกิน {limits.MAX_CSV_CELLS:,} เซลล์ (too many cells; split it)")
        for c, value in enumerate(cells):
            if len(value) > limits.MAX_CELL_CHARS:
                raise TableError(_too_long(where, f"เซลล์ {xlsx.column_letter(c)}{start}"))
        grid.append((start, cells))
        start = reader.line_num + 1
    return grid, encoding, notes


def _too_long(where: str, cell: str) -> str:
    return (
        f"{where} {cell}: ข้อความยาวเกิน {limits.MAX_CELL_CHARS:,} ตัวอักษร (a cell longer than "
        f"{limits.MAX_CELL_CHARS:,} characters, Excel's own limit: is this really a result table?)"
    )


def _xlsx_sheets(data: bytes, file_name: str) -> list[xlsx.Sheet]:
    try:
        return list(xlsx.read_sheets(data))
    except xlsx.XlsxError as err:
        raise TableError(f"ไฟล์ {quoted(file_name)}: {err}") from None


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


_column_letter = xlsx.column_letter


# --- cells to values ---------------------------------------------------------------------


class _CellError(ValueError):
    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field  # the field whose cell is at fault, when one is


_DASHES = ("-", "–", "—")  # written for "no score"
_NOT_NUMBERS = ("nan", "inf", "+inf", "-inf", "infinity", "n/a", "na", "#n/a", "null", "none")


def _number_text(value: Any, what: str) -> str:
    """The text of a number cell, without Thai digits; refuses what is close to a number but is not one."""
    text = thai.to_arabic(str(value)).strip()
    if text.casefold() in _NOT_NUMBERS:
        raise _CellError(
            f"{what}: {quoted(value)} ไม่ใช่ตัวเลข หากไม่มีคะแนนให้เว้นว่าง (not a number; leave the cell "
            "empty when there is no score)"
        )
    return text


def _score(value: Any, what: str, notes: list[str]) -> float | None:
    """A score 0-100: Arabic or Thai digits with at most one decimal point.

    A comma is refused, not guessed: in a score it is never a thousands separator, and reading "85,5" as
    855 or 85.5 silently would both be wrong somewhere. "85%" is read as 85 points, with a note.
    """
    if _blank(value) or str(value).strip() in _DASHES:
        return None
    if isinstance(value, bool):
        raise _CellError(f"{what}: {quoted(value)} ไม่ใช่ตัวเลข (not a number)")
    if isinstance(value, xlsx.Percent):
        number = round(float(value) * 100, 10)
        notes.append(
            f"{what}: เซลล์จัดรูปแบบเป็นร้อยละ ({number:g}%) อ่านเป็น {number:g} คะแนน "
            f"(a percentage-formatted cell holding {float(value):g}; read as {number:g} points of 100)"
        )
    elif isinstance(value, (int, float)):
        number = float(value)
        if not math.isfinite(number):
            raise _CellError(f"{what}: {quoted(value)} ไม่ใช่ตัวเลข (not a number)")
    else:
        text = _number_text(value, what)
        percent = text.endswith("%")
        if percent:
            text = text[:-1].strip()
        if "," in text:
            raise _CellError(
                f"{what}: {quoted(value)} มีจุลภาค (,) ซึ่งไม่ใช้ในคะแนน: ใช้จุด (.) เป็นจุดทศนิยม เช่น 85.5 "
                "(a comma is not read in a score, neither as a decimal nor a thousands separator; "
                "write 85.5)"
            )
        parsed = thai.parse_number(text, thousands=False)
        if parsed is None:
            raise _CellError(
                f"{what}: {quoted(value)} ไม่ใช่ตัวเลข (not a number: expected digits with at most one "
                "decimal point, e.g. 85.5 or ๘๕.๕)"
            )
        number = parsed
        if percent:
            notes.append(
                f"{what}: {quoted(value)} เขียนเป็นร้อยละ อ่านเป็น {number:g} คะแนน "
                f"(written as a percentage; read as {number:g} points of 100)"
            )
    if not 0 <= number <= 100:
        raise _CellError(f"{what} = {number:g} อยู่นอกช่วง 0–100 (a score must be 0-100)")
    return number


def _count(value: Any, what: str) -> int | None:
    """A whole number of 1 or more (how many organisations a province ranked)."""
    if _blank(value) or str(value).strip() in _DASHES:
        return None
    number: float | None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    else:
        number = thai.parse_number(_number_text(value, what))
    if number is None or not math.isfinite(number) or not number.is_integer() or number < 1:
        raise _CellError(f"{what} {quoted(value)} ไม่ใช่จำนวนเต็ม (expected a whole number such as 12)")
    return int(number)


def _year(value: Any) -> int:
    if _blank(value):
        raise _CellError("ไม่ระบุปีงบประมาณ (fiscal year missing)")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        digits = [str(int(value))] if math.isfinite(value) and float(value).is_integer() else []
    else:
        digits = re.findall(r"[0-9]+", thai.to_arabic(str(value)))
    if len(digits) != 1 or len(digits[0]) not in (2, 4):
        raise _CellError(f"ปีงบประมาณ {quoted(str(value).strip())} อ่านไม่ได้ (expected a B.E. year such as 2566)")
    year = int(digits[0]) + (2500 if len(digits[0]) == 2 else 0)
    if 1900 <= year < 2400:
        raise _CellError(
            f"ปี {year} เป็นปี ค.ศ.: ITA uses Buddhist Era fiscal years; write {thai.ce_to_be(year)} (= C.E. {year})"
        )
    if year not in framework.known_years():
        years = framework.known_years()
        raise _CellError(f"ปีงบประมาณ {year} ไม่มีเกณฑ์ ITA: the rules cover FY{years[0]}-FY{years[-1]}")
    return year


# A rank, alone or with the size of the ranking: "3", "3/12", "ที่ 3 จาก 12", "3 of 12" (Thai digits too).
_RANK = re.compile(r"(?:ลำดับ\s*)?(?:ที่\s*)?([0-9]+)(?:\.0+)?(?:\s*(?:/|จาก|ใน|of)\s*([0-9]+)(?:\.0+)?)?", re.ASCII)


def _rank(value: Any) -> tuple[int | None, int | None]:
    if _blank(value):
        return None, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not math.isfinite(value) or not float(value).is_integer():
            raise _CellError(f"ลำดับในจังหวัด {quoted(value)} อ่านไม่ได้ (expected e.g. 3 or 3/12)")
        rank, of = int(value), None
    else:
        m = _RANK.fullmatch(thai.to_arabic(str(value)).strip())
        if not m:
            raise _CellError(f"ลำดับในจังหวัด {quoted(str(value).strip())} อ่านไม่ได้ (expected e.g. 3 or 3/12)")
        rank, of = int(m.group(1)), int(m.group(2)) if m.group(2) else None
    if rank < 1:
        raise _CellError(f"ลำดับในจังหวัด {rank} ต้องเป็น 1 ขึ้นไป (a rank starts at 1)")
    return rank, of


def _text(value: Any) -> str:
    if _blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    # Our own exports write a text that looks like a formula behind an apostrophe: read it as written.
    return orgs.clean_text(safe_text.from_spreadsheet_cell(str(value)))


def _control_character(text: str) -> str | None:
    """The first control character (or lone surrogate) in a text; tab and line ends are white space."""
    for ch in text:
        if ch not in "\t\n\r" and unicodedata.category(ch) in ("Cc", "Cs"):
            return ch
    return None


def _plain_text(cells: dict[str, Any], name: str) -> str:
    """A text cell for a name, type, place or level; refuses control characters (a NUL byte in a name
    is a damaged or binary file, not a name)."""
    value = cells.get(name)
    if isinstance(value, str):
        ch = _control_character(value)
        if ch is not None:
            raise _CellError(
                f"{columns.FIELD_LABELS.get(name, name)} {quoted(value)} มีอักขระควบคุม U+{ord(ch):04X} "
                "(a control character: the file may be damaged or not plain text; remove it)",
                name,
            )
    return _text(value)


# --- rows ----------------------------------------------------------------------------------


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
            raise _CellError(found)
        return found


def _organisation(cells: dict[str, Any], places: _Places) -> dict[str, Any]:
    raw_name = _plain_text(cells, "name")
    if not raw_name:
        raise _CellError("ไม่มีชื่อหน่วยงาน (organisation name missing)")
    type_text = _plain_text(cells, "org_type")
    try:
        type_code = orgs.find_org_type(type_text).code if type_text else None
        code, name = orgs.split_name(raw_name, default_type=type_code)
    except orgs.OrgError as err:
        raise _CellError(str(err)) from None
    if type_code and code != type_code:
        raise _CellError(
            f"{quoted(raw_name)}: ชื่อระบุประเภท {orgs.org_type(code).short_th} แต่คอลัมน์ประเภทเป็น "
            f"{quoted(type_text)} (the name and the type column disagree)"
        )
    province = _plain_text(cells, "province")
    if not province:
        raise _CellError(
            f"{quoted(raw_name)}: ไม่ระบุจังหวัด (province missing; without it namesakes in other provinces merge)"
        )
    try:
        where = places(province, _plain_text(cells, "district"))
    except _CellError as err:
        raise _CellError(f"{quoted(raw_name)}: {err}") from None
    assert where is not None  # a province was named above, so a place was found or refused
    try:
        type_code, name, _ = store.resolve_org(store.OrgRecord(code, name))
    except store.DataError as err:
        raise _CellError(str(err)) from None
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
    number: int, cells: dict[str, Any], letters: dict[str, str], default_year: int | None, places: _Places
) -> tuple[dict[str, Any], dict[str, float], list[str], list[str]]:
    """One data row as stored values, its item scores, its errors and its warnings.

    ``letters`` gives each field's column letter, so a message names its cell (``P3``).
    """
    errors: list[str] = []
    notes: list[str] = []
    row: dict[str, Any] = {"row": number}

    def cell(name: str) -> str:
        return f" [เซลล์ {letters[name]}{number}]" if name in letters else ""

    def score(name: str, label: str) -> float | None:
        """The score in field ``name``; its error or note names the cell."""
        before = len(notes)
        try:
            value = _score(cells.get(name), label, notes)
        except _CellError as err:
            errors.append(f"{err}{cell(name)}")
            return None
        notes[before:] = [f"{n}{cell(name)}" for n in notes[before:]]
        return value

    try:
        row.update(_organisation(cells, places))
    except _CellError as err:
        errors.append(f"{err}{cell(err.field) if err.field else ''}")
    try:
        row["fiscal_year"] = _year(cells["fiscal_year"]) if "fiscal_year" in cells else default_year
    except _CellError as err:
        errors.append(f"{err}{cell('fiscal_year')}")
    for name in ("total_score", *INDICATOR_COLUMNS):
        row[name] = score(name, "คะแนนรวม" if name == "total_score" else f"ตัวชี้วัดที่ {name.split('_')[1]}")
    tools: dict[str, float] = {}
    for tool in framework.TOOLS:
        value = score(f"tool:{tool}", tool)
        if value is not None:
            tools[tool] = value
    items: dict[str, float] = {}
    for key in cells:
        if key.startswith("item:"):
            value = score(key, f"ข้อ {key[5:]}")
            if value is not None:
                items[key[5:]] = value
    try:
        rank, of = _rank(cells.get("province_rank_reported"))
    except _CellError as err:
        errors.append(f"{err}{cell('province_rank_reported')}")
        rank, of = None, None
    try:
        if "province_rank_of" in cells and not _blank(cells["province_rank_of"]):
            of = _count(cells["province_rank_of"], "จำนวนหน่วยงานในจังหวัด")
    except _CellError as err:
        errors.append(f"{err}{cell('province_rank_of')}")
    row["province_rank_reported"], row["province_rank_of"] = rank, of
    try:
        row["level_reported"] = _plain_text(cells, "level_reported") or None
    except _CellError as err:
        errors.append(f"{err}{cell(err.field) if err.field else ''}")
    if errors:
        return row, items, errors, []
    scores = [row["total_score"], *(row[c] for c in INDICATOR_COLUMNS)]
    if all(s is None for s in scores) and not items and row["level_reported"] is None:
        return row, items, ["ไม่มีคะแนนหรือระดับให้บันทึก (no score, level or item in this row)"], []
    year = row["fiscal_year"]
    indicator_scores = {i: row[f"indicator_{i}"] for i in range(1, 11) if row[f"indicator_{i}"] is not None}
    row["level_computed"] = _computed_level(year, row["total_score"], indicator_scores)
    warnings = notes + _check_consistency(row, tools)
    for code in items:
        if framework.item_indicator(year, code) is None:
            warnings.append(
                f"ข้อ {code} ไม่อยู่ในรายการข้อของปี {year} (item not in FY{year}'s catalogue; stored without an indicator)"
            )
    return row, items, [], warnings


def read_table(
    data: bytes, file_name: str, *, fiscal_year: int | None = None, progress: Progress | None = None
) -> TablePreview:
    """Read a CSV or XLSX result table into a preview; raises TableError when it is no table at all.

    ``fiscal_year`` is used when the file has no year column (tables that give the year in the title).
    """
    check_upload(file_name, len(data))
    say = progress or (lambda _f, _m: None)
    say(0.0, "อ่านไฟล์ (reading the file)")
    encoding: str | None = None
    sheet: str | None = None
    other_sheets: list[str] = []
    notes: list[str] = []
    chosen: xlsx.Sheet | None = None
    if Path(file_name).suffix.lower() == ".csv":
        grid, encoding, notes = _csv_grid(data, file_name)
        header = _find_header(grid)
    else:
        header, grid = None, []
        sheets = _xlsx_sheets(data, file_name)
        for candidate in sheets:
            candidate_header = _find_header(candidate.grid) if header is None else None
            if candidate_header is not None:
                header, grid, sheet, chosen = candidate_header, candidate.grid, candidate.title, candidate
            elif any(any(not _blank(v) for v in cells) for _, cells in candidate.grid):
                other_sheets.append(candidate.title)
        if header is None:
            unread = [
                (title, r, c)
                for title, r, c in ((s.title, r, c) for s in sheets for r, c in s.formulas)
                if r <= _HEADER_SEARCH_ROWS
            ]
            if unread:
                title, r, c = unread[0]
                raise TableError(
                    f"ไม่พบแถวหัวตารางใน {quoted(file_name)}: {len(unread):,} เซลล์ในแถวต้น ๆ เป็นสูตรที่ไม่มีค่า"
                    f"ที่คำนวณไว้ เช่น ชีต {quoted(title)} เซลล์ {_column_letter(c)}{r} (formulas whose "
                    "results the file does not keep: open it in Excel or LibreOffice and save it again)"
                )
    if header is None:
        raise TableError(
            f"ไม่พบแถวหัวตารางใน {quoted(file_name)}: no header row naming the organisation (e.g. "
            f"ชื่อหน่วยงาน or organization) in the first {_HEADER_SEARCH_ROWS} rows"
        )
    header_numbers = tuple(grid[header.start + k][0] for k in range(header.depth))
    header_row = header_numbers[-1]
    by_field: dict[str, list[int]] = {}
    for c, name in header.fields.items():
        by_field.setdefault(name, []).append(c)
    clashes = {f: cs for f, cs in by_field.items() if len(cs) > 1 and f not in columns.IGNORED}
    if clashes:
        described = "; ".join(
            f"{', '.join(f'{quoted(header.texts[c])} (column {_column_letter(c)})' for c in cs)} → {f}"
            for f, cs in clashes.items()
        )
        raise TableError(f"หลายคอลัมน์มีความหมายเดียวกัน: {described}; rename or remove one of them")
    missing = [f for f in columns.REQUIRED if f not in by_field]
    if fiscal_year is not None and "fiscal_year" in missing:
        missing.remove("fiscal_year")
    if missing:
        found = ", ".join(quoted(header.texts[c]) for c in sorted(header.texts)) or "-"
        raise TableError(
            f"ไม่พบคอลัมน์ {', '.join(columns.FIELD_LABELS[f] for f in missing)} ในแถวหัวตาราง "
            f"(row {header_row}); columns read: {found}"
        )

    warnings: list[tuple[int, str]] = []
    data_rows = grid[header.start + header.depth :]
    # A column with a header we cannot place, or data under no header, is named once.
    unmapped = []
    for c, text in sorted(header.unmapped.items()):
        unmapped.append(text)
        warnings.append(
            (
                header_row,
                (
                    f"คอลัมน์ {quoted(text)} (column {_column_letter(c)}) ไม่รู้จัก จึงไม่นำเข้า: not a known column; "
                    "known ones include ชื่อหน่วยงาน, ประเภท, อำเภอ, จังหวัด, ปีงบประมาณ, คะแนนรวม, ระดับ, "
                    "IIT/EIT/OIT, "
                    "ตัวชี้วัดที่ 1-10, item codes such as o12, ลำดับในจังหวัด"
                ),
            )
        )
    mapped = set(header.fields) | set(header.unmapped)
    for c in sorted({c for _, cells in data_rows for c, v in enumerate(cells) if not _blank(v)} - mapped):
        unmapped.append(f"column {_column_letter(c)}")
        warnings.append(
            (header_row, (f"คอลัมน์ {_column_letter(c)} ไม่มีหัวตาราง จึงไม่นำเข้า (data under no header, ignored)"))
        )
    tools_given = sorted({f[5:] for f in header.fields.values() if f.startswith("tool:")})
    if tools_given:
        warnings.append(
            (
                header_row,
                (
                    f"คอลัมน์ {', '.join(tools_given)} ใช้ตรวจสอบเท่านั้น: checked against the indicators, "
                    "not stored "
                    "(the dashboard computes tool scores from indicators 1-10)"
                ),
            )
        )
    for title in other_sheets:
        warnings.append((header_row, f"ไม่ได้อ่านชีต {quoted(title)} (only sheet {quoted(sheet)} is read)"))
    warnings.extend((header_row, note) for note in notes)
    if chosen is not None:
        warnings.extend(_merge_warnings(chosen, header, header_row))
    # Formulas the file keeps no result for, in the columns read: the row would silently lack them.
    formulas: dict[int, list[str]] = {}
    for (r, c), text in sorted((chosen.formulas if chosen else {}).items()):
        if r > header_row and c in header.fields:
            formulas.setdefault(r, []).append(f"{_column_letter(c)}{r}" + (f" ={quoted(text, 40)}" if text else ""))
    letters = {f: _column_letter(c) for c, f in header.fields.items()}

    header_values = [[_text(v) for v in grid[header.start + k][1]] for k in range(header.depth)]
    places = _Places()
    errors: list[tuple[int, str]] = []
    records, item_rows = [], []
    seen: dict[tuple[str, int], int] = {}
    rows_read = 0
    total = max(len(data_rows), 1)
    for index, (number, cells) in enumerate(data_rows):
        if index % 500 == 0:
            say(0.1 + 0.9 * index / total, f"ตรวจแถว {index:,}/{len(data_rows):,} (checking rows)")
        if number in formulas:
            rows_read += 1
            cells_text = ", ".join(formulas[number][:5]) + (" …" if len(formulas[number]) > 5 else "")
            errors.append(
                (
                    number,
                    (
                        f"เซลล์ {cells_text} เป็นสูตรที่ไฟล์ไม่ได้เก็บผลลัพธ์ไว้ จึงอ่านค่าไม่ได้ (formulas without a "
                        "saved result were not read: open the file in Excel or LibreOffice and save it again, or "
                        "paste the values)"
                    ),
                )
            )
            continue
        if all(_blank(v) for v in cells):
            continue
        if [_text(v) for v in cells] in header_values:
            continue  # the header repeated (tables pasted page by page)
        rows_read += 1
        values = {f: cells[c] if c < len(cells) else None for c, f in header.fields.items()}
        row, items, row_errors, row_warnings = _read_row(number, values, letters, fiscal_year, places)
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
    if rows_read == 0:
        errors.append(
            (
                header_row,
                (
                    f"ไฟล์ {quoted(file_name)} มีแถวหัวตาราง (แถว {header_row}) แต่ไม่มีแถวข้อมูล จึงไม่มีอะไรให้บันทึก "
                    "(no rows: the file has a header and no data rows; nothing will be stored)"
                ),
            )
        )
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
    return f"{quoted(row['org_name'])}{year}: "


# Fields where one value merged down several rows is a person's shorthand (one province for its rows).
_SHARED_DOWN = ("name", "org_type", "district", "province", "fiscal_year", "level_computed", "row_index")


def _merge_warnings(sheet: xlsx.Sheet, header: _Header, header_row: int) -> list[tuple[int, str]]:
    """A merged range below the header copies one value into several cells: say so where it matters."""
    out = []
    for min_row, min_col, max_row, max_col in sheet.merges:
        if max_row <= header_row:
            continue
        fields = [header.fields[c] for c in range(min_col, max_col + 1) if c in header.fields]
        span = f"{_column_letter(min_col)}{min_row}:{_column_letter(max_col)}{max_row}"
        if len(fields) > 1:
            out.append(
                (
                    max(min_row, header_row + 1),
                    (
                        f"เซลล์ {span} ผสานข้ามคอลัมน์ ค่าเดียวกันจึงถูกอ่านในทุกคอลัมน์ที่ครอบ "
                        f"({', '.join(fields)}) (cells merged across columns: each column reads the same value)"
                    ),
                )
            )
        elif fields and max_row > max(min_row, header_row) and fields[0] not in _SHARED_DOWN:
            out.append(
                (
                    max(min_row, header_row + 1),
                    (
                        f"เซลล์ {span} ผสานข้ามแถว ทุกแถวที่ครอบจึงได้ค่า {fields[0]} เดียวกัน "
                        "(a score merged down several rows: each row reads the same value)"
                    ),
                )
            )
    return out


def _item_sort_key(code: str) -> tuple[int, int]:
    return "ieo".index(code[0]), int(code[1:])


def _rows_frame(records: list[dict[str, Any]], item_rows: list[dict[str, float]]) -> pd.DataFrame:
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

"""An XLSX workbook read cell by cell straight from its zip, every size checked before and while reading.

openpyxl trusts what a file declares: it fills each merged range cell by cell (one 5 KB file merging
``Q1:XFD1048576`` cost 6.9 GB) and expands any zip it is given. Here the zip directory is checked first,
each part is parsed as a stream (expat with DTDs refused, no tree is built), and rows, columns, cells and merged
ranges are counted as they come; merged ranges are clipped to the cells the sheet holds.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from xml.parsers import expat

from ita_data import labels
from ita_data.tables import limits
from ita_data.tables.limits import quoted

_CHUNK = 64 * 1024
_RATIO_FROM_BYTES = 1024 * 1024  # parts smaller than this are not judged by their compression ratio
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and an .xlsx saved with a password
_REF = re.compile(r"^\$?([A-Z]{1,3})\$?([0-9]{1,7})$")
# Number formats Excel numbers itself: dates (incl. the East Asian and Thai ones) and percentages.
_DATE_FORMAT_IDS = {*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59), *range(71, 82)}
_PERCENT_FORMAT_IDS = {9, 10, 67, 68}


class XlsxError(ValueError):
    """What in the workbook could not be read, or which limit it passes; the caller adds the file name."""


class Percent(float):
    """A number shown as a percentage in Excel: the cell holds 0.85 and shows 85%."""


@dataclass
class Sheet:
    title: str
    grid: list[tuple[int, list[Any]]]  # (row number, values from column A), every row from 1 on
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # min_row, min_col, max_row, max_col
    # Cells holding a formula whose result the file does not keep: (row, column index) -> formula.
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


_COLUMNS: dict[str, int] = {}  # "AB" -> 27, filled as letters are met (a national sheet repeats them)


def _cell_ref(text: str) -> tuple[int, int]:
    """``"B12"`` → (12, 1): the row number and the 0-based column."""
    letters = text.rstrip("0123456789")
    digits = text[len(letters) :]
    col = _COLUMNS.get(letters)
    if col is None or not 0 < len(digits) <= 7:
        m = _REF.match(text.strip().upper())
        if not m:
            raise XlsxError(labels.TABLE_XLSX_BAD_REFERENCE.format(reference=quoted(text)))
        col, digits = _column_index(m.group(1)), m.group(2)
        if letters == m.group(1):
            _COLUMNS[letters] = col
    return int(digits), col


def _local(tag: str) -> str:
    """``"x:c"`` → ``"c"``: parts are parsed without namespaces, so a prefix is just part of the name."""
    return tag[tag.rfind(":") + 1 :]


def _attr(attrib: dict[str, str], name: str) -> str | None:
    """An attribute by its local name, whatever namespace prefix the file gives it."""
    if name in attrib:
        return attrib[name]
    for key, value in attrib.items():
        if _local(key) == name:
            return value
    return None


# --- the zip ------------------------------------------------------------------------------


def _check_archive(book: zipfile.ZipFile) -> None:
    """Refuse by the zip directory alone: no part is expanded yet."""
    infos = book.infolist()
    if len(infos) > limits.MAX_XLSX_PARTS:
        raise XlsxError(labels.TABLE_XLSX_TOO_MANY_PARTS.format(count=len(infos), limit=limits.MAX_XLSX_PARTS))
    total = sum(i.file_size for i in infos)
    if total > limits.MAX_XLSX_UNCOMPRESSED_BYTES:
        raise XlsxError(labels.TABLE_XLSX_TOO_LARGE.format(size=total, limit=limits.MAX_XLSX_UNCOMPRESSED_BYTES))
    for info in infos:
        if info.file_size > _RATIO_FROM_BYTES and info.file_size > limits.MAX_XLSX_COMPRESSION_RATIO * max(
            info.compress_size, 1
        ):
            raise XlsxError(
                labels.TABLE_XLSX_RATIO.format(
                    part=quoted(info.filename),
                    compressed=info.compress_size,
                    size=info.file_size,
                    ratio=limits.MAX_XLSX_COMPRESSION_RATIO,
                )
            )


class _Target:
    """Collects parser events; subclasses keep only what they need, so no element tree is built."""

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        pass

    def end(self, tag: str) -> None:
        pass

    def data(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass


class _DtdRefused(Exception):
    pass


def _refuse_dtd(*_args: object) -> None:
    raise _DtdRefused


def _refuse_external(*_args: object) -> int:
    raise _DtdRefused


def _parse(book: zipfile.ZipFile, name: str, target: _Target) -> None:
    """Stream one part through expat with every DTD refused, as defusedxml's ``forbid_dtd`` does: no
    entity can then be declared (no billion laughs) or fetched. expat is driven directly because
    defusedxml's ElementTree parser is the pure-Python one, several times slower on a national sheet."""
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    parser.ExternalEntityRefHandler = _refuse_external
    parser.StartElementHandler = target.start
    parser.EndElementHandler = target.end
    parser.CharacterDataHandler = target.data
    try:
        with book.open(name) as stream:
            while chunk := stream.read(_CHUNK):
                parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as err:
        raise XlsxError(
            labels.TABLE_XLSX_BROKEN_PART.format(
                part=quoted(name), line=err.lineno, offset=err.offset, reason=expat.ErrorString(err.code)
            )
        ) from None
    except _DtdRefused:
        raise XlsxError(labels.TABLE_XLSX_DTD.format(part=quoted(name))) from None


class _Relations(_Target):
    def __init__(self) -> None:
        self.targets: dict[str, tuple[str, str]] = {}  # Id -> (Type, Target)

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if _local(tag) == "Relationship":
            self.targets[attrib.get("Id", "")] = (attrib.get("Type", ""), attrib.get("Target", ""))


class _Workbook(_Target):
    def __init__(self) -> None:
        self.sheets: list[tuple[str, str]] = []  # (name, relationship id)
        self.date1904 = False

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        name = _local(tag)
        if name == "sheet":
            if len(self.sheets) >= limits.MAX_SHEETS:
                raise XlsxError(labels.TABLE_XLSX_TOO_MANY_SHEETS.format(limit=limits.MAX_SHEETS))
            self.sheets.append((attrib.get("name", ""), _attr(attrib, "id") or ""))
        elif name == "workbookPr":
            self.date1904 = attrib.get("date1904", "0").lower() in ("1", "true")


class _SharedStrings(_Target):
    def __init__(self) -> None:
        self.strings: list[str] = []
        self._parts: list[str] = []
        self._in_text = False
        self._phonetic = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        name = _local(tag)
        if name == "si":
            self._parts = []
        elif name == "t" and not self._phonetic:
            self._in_text = True
        elif name == "rPh":
            self._phonetic += 1  # reading aids for East Asian text, not the text

    def end(self, tag: str) -> None:
        name = _local(tag)
        if name == "si":
            text = "".join(self._parts)
            if len(text) > limits.MAX_CELL_CHARS:
                raise XlsxError(labels.TABLE_XLSX_TEXT_TOO_LONG.format(length=len(text), limit=limits.MAX_CELL_CHARS))
            if len(self.strings) >= limits.MAX_CELLS:
                raise XlsxError(labels.TABLE_XLSX_TOO_MANY_TEXTS.format(limit=limits.MAX_CELLS))
            self.strings.append(text)
        elif name == "t":
            self._in_text = False
        elif name == "rPh":
            self._phonetic -= 1

    def data(self, text: str) -> None:
        if self._in_text:
            self._parts.append(text)


class _Styles(_Target):
    def __init__(self) -> None:
        self.formats: dict[int, str] = {}  # custom numFmtId -> format code
        self.cell_formats: list[int] = []  # style index -> numFmtId
        self._in_cell_xfs = False

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        name = _local(tag)
        if name == "numFmt":
            try:
                self.formats[int(attrib.get("numFmtId", ""))] = attrib.get("formatCode", "")
            except ValueError:
                pass
        elif name == "cellXfs":
            self._in_cell_xfs = True
        elif name == "xf" and self._in_cell_xfs:
            try:
                self.cell_formats.append(int(attrib.get("numFmtId", "0")))
            except ValueError:
                self.cell_formats.append(0)

    def end(self, tag: str) -> None:
        if _local(tag) == "cellXfs":
            self._in_cell_xfs = False

    def kinds(self) -> list[str]:
        """Per style index: "date", "percent" or "number"."""
        # Only openpyxl's reading of the number-format grammar is borrowed.
        from openpyxl.styles.numbers import is_date_format

        out = []
        for fmt_id in self.cell_formats:
            code = self.formats.get(fmt_id)
            if fmt_id in _DATE_FORMAT_IDS or (code is not None and is_date_format(code)):
                out.append("date")
            elif fmt_id in _PERCENT_FORMAT_IDS or (code is not None and "%" in re.sub(r'"[^"]*"', "", code)):
                out.append("percent")
            else:
                out.append("number")
        return out


class _SheetReader(_Target):
    """One worksheet's cells as values, counted against the limits as they stream past."""

    def __init__(self, title: str, strings: list[str], kinds: list[str], date1904: bool, counted: list[int]) -> None:
        self.title, self.strings, self.kinds, self.date1904 = title, strings, kinds, date1904
        self.counted = counted  # cells read so far in the whole workbook (shared between sheets)
        self.rows: dict[int, dict[int, Any]] = {}
        self.merges: list[tuple[int, int, int, int]] = []
        self.formulas: dict[tuple[int, int], str] = {}
        self._row = 0
        self._col = -1
        self._cell: dict[str, str] | None = None
        self._text: list[str] | None = None
        self._value: str | None = None
        self._formula: str | None = None
        self._inline: list[str] | None = None
        self._phonetic = 0

    def _where(self, row: int, col: int) -> str:
        return labels.TABLE_XLSX_CELL.format(sheet=quoted(self.title), cell=f"{column_letter(col)}{row}")

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        name = _local(tag) if ":" in tag else tag
        if name == "c":
            ref = attrib.get("r")
            if ref:
                row, col = _cell_ref(ref)
                if row != self._row:
                    self._row = row  # a cell may name its row even when <row> did not
            else:
                row, col = self._row, self._col + 1
            self._col = col
            if row > limits.MAX_ROWS:
                raise XlsxError(labels.TABLE_XLSX_CELL_ROWS.format(where=self._where(row, col), limit=limits.MAX_ROWS))
            if col >= limits.MAX_COLUMNS:
                raise XlsxError(
                    labels.TABLE_XLSX_CELL_COLUMNS.format(
                        where=self._where(row, col),
                        last=column_letter(limits.MAX_COLUMNS - 1),
                        limit=limits.MAX_COLUMNS,
                    )
                )
            self.counted[0] += 1
            if self.counted[0] > limits.MAX_CELLS:
                raise XlsxError(labels.TABLE_XLSX_TOO_MANY_CELLS.format(limit=limits.MAX_CELLS))
            self._cell = attrib
            self._value = self._formula = self._inline = None
        elif self._cell is not None and name in ("v", "f"):
            self._text = []
        elif self._cell is not None and name == "is":
            self._inline = []
        elif self._inline is not None and name == "rPh":
            self._phonetic += 1
        elif self._inline is not None and name == "t" and not self._phonetic:
            self._text = []
        elif name == "row":
            number = attrib.get("r")
            self._row = int(number) if number and number.isdigit() else self._row + 1
            self._col = -1
            if self._row > limits.MAX_ROWS:
                raise XlsxError(
                    labels.TABLE_XLSX_ROWS.format(sheet=quoted(self.title), row=self._row, limit=limits.MAX_ROWS)
                )
        elif name == "dimension":
            self._check_dimension(attrib.get("ref", ""))
        elif name == "mergeCell":
            self._merge(attrib.get("ref", ""))

    def data(self, text: str) -> None:
        if self._text is not None:
            self._text.append(text)

    def end(self, tag: str) -> None:
        name = _local(tag) if ":" in tag else tag
        if self._text is not None and name in ("v", "f", "t"):
            text = "".join(self._text)
            self._text = None
            if name == "v":
                self._value = text
            elif name == "f":
                self._formula = text
            elif self._inline is not None:
                self._inline.append(text)
        elif name == "rPh" and self._inline is not None:
            self._phonetic -= 1
        elif name == "c" and self._cell is not None:
            self._store_cell()
            self._cell = None

    def _store_cell(self) -> None:
        attrib, row, col = self._cell or {}, self._row, self._col
        kind = attrib.get("t", "n")
        raw = "".join(self._inline or []) if kind == "inlineStr" else self._value
        if raw is None and self._formula is not None:
            self.formulas[(row, col)] = self._formula  # no <v>: the result was never saved
            return
        if not raw:
            return
        value = self._convert(kind, raw, attrib.get("s"), row, col)
        if isinstance(value, str) and len(value) > limits.MAX_CELL_CHARS:
            raise XlsxError(
                labels.TABLE_XLSX_CELL_TOO_LONG.format(
                    where=self._where(row, col), length=len(value), limit=limits.MAX_CELL_CHARS
                )
            )
        self.rows.setdefault(row, {})[col] = value

    def _convert(self, kind: str, raw: str, style: str | None, row: int, col: int) -> Any:
        if kind == "s":
            try:
                return self.strings[int(raw)]
            except (ValueError, IndexError):
                raise XlsxError(
                    labels.TABLE_XLSX_CELL_NO_TEXT.format(where=self._where(row, col), index=quoted(raw))
                ) from None
        if kind in ("str", "inlineStr", "e"):
            return raw  # a formula's text result, a typed text, or an error such as #N/A
        if kind == "b":
            return raw.strip() in ("1", "true")
        if kind == "d":
            try:
                return dt.datetime.fromisoformat(raw.strip())
            except ValueError:
                return raw
        try:
            number = float(raw)
        except ValueError:
            return raw  # not a number after all: the reader says so in its own words
        if not math.isfinite(number):
            return raw
        style_kind = "number"
        if style and style.isdigit() and int(style) < len(self.kinds):
            style_kind = self.kinds[int(style)]
        if style_kind == "date":
            from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel

            try:
                return from_excel(number, MAC_EPOCH if self.date1904 else WINDOWS_EPOCH)
            except (ValueError, OverflowError):
                return number
        if style_kind == "percent":
            return Percent(number)
        return int(number) if number.is_integer() and abs(number) < 2**53 and "." not in raw else number

    def _range(self, ref: str) -> tuple[int, int, int, int]:
        first, _, last = ref.partition(":")
        r1, c1 = _cell_ref(first)
        r2, c2 = _cell_ref(last) if last else (r1, c1)
        return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)

    def _check_dimension(self, ref: str) -> None:
        if not ref:
            return
        _, _, max_row, max_col = self._range(ref)
        if max_row > limits.MAX_ROWS or max_col >= limits.MAX_COLUMNS:
            raise XlsxError(
                labels.TABLE_XLSX_DIMENSION.format(
                    sheet=quoted(self.title), reference=quoted(ref), rows=limits.MAX_ROWS, columns=limits.MAX_COLUMNS
                )
            )

    def _merge(self, ref: str) -> None:
        if len(self.merges) >= limits.MAX_MERGED_RANGES:
            raise XlsxError(
                labels.TABLE_XLSX_TOO_MANY_MERGES.format(sheet=quoted(self.title), limit=limits.MAX_MERGED_RANGES)
            )
        self.merges.append(self._range(ref))

    def sheet(self) -> Sheet:
        """The grid with each merged range's value copied into the cells it covers that the sheet holds."""
        held = [*((r, c) for r, cells in self.rows.items() for c in cells), *self.formulas]
        last_row = max((r for r, _ in held), default=0)
        width = 1 + max((c for _, c in held), default=-1)
        filled, merges = 0, []
        for min_row, min_col, max_row, max_col in self.merges:
            max_row, max_col = min(max_row, last_row), min(max_col, width - 1)
            if min_row > max_row or min_col > max_col:
                continue  # wholly outside the cells the sheet holds
            merges.append((min_row, min_col, max_row, max_col))
            filled += (max_row - min_row + 1) * (max_col - min_col + 1) - 1
            if filled > limits.MAX_MERGED_CELLS:
                raise XlsxError(
                    labels.TABLE_XLSX_MERGED_CELLS.format(sheet=quoted(self.title), limit=limits.MAX_MERGED_CELLS)
                )
            value = self.rows.get(min_row, {}).get(min_col)
            formula = self.formulas.get((min_row, min_col))
            for r in range(min_row, max_row + 1):
                cells = self.rows.setdefault(r, {})
                for c in range(min_col, max_col + 1):
                    if (r, c) == (min_row, min_col):
                        continue
                    if value is None:
                        cells.pop(c, None)
                    else:
                        cells[c] = value
                    if formula is not None:
                        self.formulas[(r, c)] = formula
        grid: list[tuple[int, list[Any]]] = []
        for number in range(1, last_row + 1):
            held_cells = self.rows.get(number)
            if not held_cells:
                grid.append((number, []))
                continue
            values: list[Any] = [None] * (max(held_cells) + 1)
            for c, value in held_cells.items():
                values[c] = value
            grid.append((number, values))
        return Sheet(self.title, grid, merges, self.formulas)


def _part_name(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target))


def _relations(book: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    rels = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    if rels not in book.NameToInfo:
        return {}
    target = _Relations()
    _parse(book, rels, target)
    return target.targets


def _workbook_part(book: zipfile.ZipFile) -> str:
    for kind, target in _relations(book, "").values():
        if kind.endswith("/officeDocument"):
            return _part_name("", target)
    return "xl/workbook.xml"


def read_sheets(data: bytes) -> Iterable[Sheet]:
    """Each worksheet of an XLSX file in workbook order; raises XlsxError with a reason a person reads."""
    if data.startswith(_OLE_MAGIC):
        raise XlsxError(labels.TABLE_XLSX_OLD_OR_LOCKED)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            _check_archive(book)
            part = _workbook_part(book)
            workbook = _Workbook()
            _parse(book, part, workbook)
            rels = _relations(book, part)
            strings: list[str] = []
            kinds: list[str] = []
            for kind, target in rels.values():
                name = _part_name(part, target)
                if kind.endswith("/sharedStrings") and name in book.NameToInfo:
                    shared = _SharedStrings()
                    _parse(book, name, shared)
                    strings = shared.strings
                elif kind.endswith("/styles") and name in book.NameToInfo:
                    styles = _Styles()
                    _parse(book, name, styles)
                    kinds = styles.kinds()
            counted = [0]
            sheets = []
            for title, rel_id in workbook.sheets:
                kind, target = rels.get(rel_id, ("", ""))
                if not kind.endswith("/worksheet"):
                    continue  # a chart sheet or a dialog sheet holds no cells
                name = _part_name(part, target)
                if name not in book.NameToInfo:
                    raise XlsxError(labels.TABLE_XLSX_MISSING_SHEET.format(sheet=quoted(title)))
                reader = _SheetReader(title, strings, kinds, workbook.date1904, counted)
                _parse(book, name, reader)
                sheets.append(reader.sheet())
    except XlsxError:
        raise
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        KeyError,
        NotImplementedError,
        RuntimeError,
        OverflowError,
        ValueError,
    ) as err:
        # A damaged zip, a compression method zipfile lacks, an encrypted part, a broken number field.
        raise XlsxError(labels.TABLE_XLSX_UNOPENABLE.format(reason=quoted(err))) from None
    return sheets

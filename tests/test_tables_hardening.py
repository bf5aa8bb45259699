"""Hostile and doubtful table files: each gets a message a person can act on, and nothing is stored.

The XLSX files are built by hand with zipfile, so a test can hold exactly the part it is about (a merged
range over a million rows, a formula without its result, a zip bomb) in a few kilobytes.
``.venv/bin/python -m tests.test_tables_hardening`` prints how long each hostile file takes to be answered.
"""

from __future__ import annotations

import io
import math
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd
import pytest

from ita_data.tables import TableError, commit_table, import_table_file, limits, read_table, xlsx
from ita_data.tables.limits import quoted
from tests.tables_helpers import HEADERS, csv_bytes, row

GOOD = row("อบต.สมมุติริมน้ำ", total=90.0, level="ผ่านดี")
OTHER = row("ทต.สมมุติหนองบัว", district="แก่งคอย", total=90.0)
# HEADERS: A name, B district, C province, D year, E total, F level, G-P indicators 1-10.
TOTAL_COLUMN = "E"


# --- what the database holds, whatever its tables are ----------------------------------------


def _snapshot(store) -> dict[str, str]:
    """Every base table's full content as text: equal snapshots mean nothing was written."""
    names = store.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
        "AND table_type = 'BASE TABLE' ORDER BY table_name"
    )["table_name"]
    # Table names come from the catalogue, not from a file; quoted as identifiers.
    return {name: store.query('SELECT * FROM "' + name.replace('"', '""') + '"').to_csv(index=False) for name in names}


@pytest.fixture
def seeded(store):
    """A store holding one earlier import, so "unchanged" means more than "still empty"."""
    result = commit_table(store, read_table(csv_bytes([GOOD, OTHER]), "earlier.csv"))
    assert result.ok and result.added == 2
    return store


def _refused_and_nothing_stored(store, tmp_path: Path, data: bytes, name: str) -> str:
    """Import the file as the CLI does: a TableError, the database exactly as before; the message."""
    before = _snapshot(store)
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(TableError) as caught:
        import_table_file(store, path)
    assert _snapshot(store) == before
    return str(caught.value)


def _rejected_and_nothing_stored(store, data: bytes, name: str):
    """Read and commit: the preview carries errors, the commit stores nothing. Returns the preview."""
    before = _snapshot(store)
    preview = read_table(data, name)
    result = commit_table(store, preview)
    assert not preview.ok and not result.ok and result.source_id is None
    assert _snapshot(store) == before
    return preview


# --- CSV: sizes ------------------------------------------------------------------------------


def test_a_cell_longer_than_excel_allows_is_refused_naming_its_cell(seeded, tmp_path):
    name = "อบต.สมมุติ" + "ก" * limits.MAX_CELL_CHARS
    message = _refused_and_nothing_stored(seeded, tmp_path, csv_bytes([row(name)]), "long.csv")
    assert message.startswith("ไฟล์ 'long.csv' เซลล์ A2: ข้อความยาวเกิน 32,767 ตัวอักษร")


def test_a_cell_past_the_csv_modules_own_limit_is_the_same_clear_refusal(seeded, tmp_path):
    # 140,000 characters: past the csv module's 131,072, which used to surface as a traceback.
    data = csv_bytes([row("อบต.สมมุติ" + "ก" * 140_000)])
    message = _refused_and_nothing_stored(seeded, tmp_path, data, "huge.csv")
    assert message.startswith("ไฟล์ 'huge.csv' บรรทัด 2: ข้อความยาวเกิน 32,767 ตัวอักษร")


def test_a_cell_at_the_limit_is_read():
    name = "อบต.สมมุติ" + "ก" * (limits.MAX_CELL_CHARS - len("อบต.สมมุติ"))
    preview = read_table(csv_bytes([row(name)]), "at-limit.csv")
    assert preview.ok, preview.errors
    assert len("อบต." + preview.rows["name"][0]) == limits.MAX_CELL_CHARS


def test_csv_rows_columns_and_cells_are_limited(tmp_path, store):
    too_many_rows = b"\n".join([b"a"] * (limits.MAX_ROWS + 1))
    message = _refused_and_nothing_stored(store, tmp_path, too_many_rows, "rows.csv")
    assert message == f"ไฟล์ 'rows.csv' มีเกิน {limits.MAX_ROWS:,} แถว (more than {limits.MAX_ROWS:,} rows; split it)"
    wide = csv_bytes([GOOD + ["x"] * (limits.MAX_COLUMNS - len(GOOD) + 1)], headers=HEADERS)
    message = _refused_and_nothing_stored(store, tmp_path, wide, "wide.csv")
    assert message.startswith(f"ไฟล์ 'wide.csv' บรรทัด 2 มี {limits.MAX_COLUMNS + 1} คอลัมน์ เกิน 300")


def test_csv_cells_are_counted_against_the_limit(tmp_path, store, monkeypatch):
    monkeypatch.setattr(limits, "MAX_CSV_CELLS", 2 * len(HEADERS))  # the header and one row fit, not two
    assert read_table(csv_bytes([GOOD]), "one.csv").ok
    message = _refused_and_nothing_stored(store, tmp_path, csv_bytes([GOOD, OTHER]), "two.csv")
    assert message.startswith(f"ไฟล์ 'two.csv' มีเกิน {2 * len(HEADERS):,} เซลล์")


# --- CSV: values a person would question -----------------------------------------------------


@pytest.mark.parametrize(
    "written, reason",
    [
        ("NaN", "คะแนนรวม: 'NaN' ไม่ใช่ตัวเลข หากไม่มีคะแนนให้เว้นว่าง"),
        ("inf", "คะแนนรวม: 'inf' ไม่ใช่ตัวเลข"),
        ("85,5", "คะแนนรวม: '85,5' มีจุลภาค (,) ซึ่งไม่ใช้ในคะแนน: ใช้จุด (.) เป็นจุดทศนิยม"),
        ("9,0", "คะแนนรวม: '9,0' มีจุลภาค"),  # once read as 90
        ("9_0", "คะแนนรวม: '9_0' ไม่ใช่ตัวเลข"),  # once read as 90 by float()
        ("1e2", "คะแนนรวม: '1e2' ไม่ใช่ตัวเลข"),
        ("90.0.1", "คะแนนรวม: '90.0.1' ไม่ใช่ตัวเลข"),
        ("๙,๐", "คะแนนรวม: '๙,๐' มีจุลภาค"),
    ],
    ids=["NaN", "inf", "decimal-comma", "9,0", "9_0", "exponent", "two-points", "thai-comma"],
)
def test_a_doubtful_score_rejects_its_row_naming_the_cell(seeded, written, reason):
    data = csv_bytes([GOOD, row("อบต.สมมุติท่าน้ำ", total=written)])
    preview = _rejected_and_nothing_stored(seeded, data, "doubtful.csv")
    assert [r for r, _ in preview.errors] == [3]
    message = preview.errors[0][1]
    assert message.startswith("'อบต.สมมุติท่าน้ำ' ปี 2566: ") and reason in message
    assert message.endswith(f"[เซลล์ {TOTAL_COLUMN}3]")
    assert list(preview.rows["row"]) == [2]


@pytest.mark.parametrize(
    "written, expected", [("85.5", 85.5), ("๘๕.๕", 85.5), ("๙๐", 90.0), (" 90 ", 90.0), (".5", 0.5), ("-", None)]
)
def test_a_score_is_digits_arabic_or_thai_with_at_most_one_decimal_point(written, expected):
    preview = read_table(csv_bytes([row("อบต.สมมุติริมน้ำ", total=written)]), "ok.csv")
    assert preview.ok, preview.errors
    got = preview.rows["total_score"][0]
    assert (got == expected) if expected is not None else math.isnan(got)  # NaN: no score


@pytest.mark.parametrize(
    "written, expected",
    [("3", (3, None)), ("3/12", (3, 12)), ("๓ จาก ๑๒", (3, 12)), ("ที่ 3", (3, None)), ("3 of 12", (3, 12))],
)
def test_a_rank_is_a_whole_number_with_perhaps_the_size_of_the_ranking(written, expected):
    data = csv_bytes([row("อบต.สมมุติริมน้ำ") + [written]], headers=HEADERS + ["ลำดับในจังหวัด"])
    got = read_table(data, "rank.csv").rows.iloc[0]
    assert (
        got["province_rank_reported"],
        None if got["province_rank_of"] is pd.NA else got["province_rank_of"],
    ) == expected


@pytest.mark.parametrize("written", ["3,5", "3.5", "3/12/2566", "สาม"])
def test_a_rank_that_is_not_one_is_refused_naming_the_cell(written):
    data = csv_bytes([row("อบต.สมมุติริมน้ำ") + [written]], headers=HEADERS + ["ลำดับในจังหวัด"])
    preview = read_table(data, "rank.csv")
    assert preview.errors == [
        (2, (f"'อบต.สมมุติริมน้ำ' ปี 2566: ลำดับในจังหวัด {quoted(written)} อ่านไม่ได้ (expected e.g. 3 or 3/12) [เซลล์ Q2]"))
    ]


def test_a_percentage_is_read_as_points_with_a_warning_naming_the_cell(store):
    # ALL_90's indicators give 90.00, so the only warning is the percentage.
    preview = read_table(csv_bytes([row("อบต.สมมุติริมน้ำ", total="90%")]), "percent.csv")
    assert preview.ok and preview.rows["total_score"][0] == 90.0
    assert preview.warnings == [
        (
            2,
            (
                "'อบต.สมมุติริมน้ำ' ปี 2566: คะแนนรวม: '90%' เขียนเป็นร้อยละ อ่านเป็น 90 คะแนน "
                "(written as a percentage; read as 90 points of 100) [เซลล์ E2]"
            ),
        )
    ]


def test_a_nul_byte_in_a_name_rejects_the_row_and_shows_the_character(seeded):
    data = csv_bytes([GOOD, row("อบต.สมมุติ\x00ท่าน้ำ")])
    preview = _rejected_and_nothing_stored(seeded, data, "nul.csv")
    assert preview.errors == [
        (
            3,
            (
                "ชื่อหน่วยงาน (organization) 'อบต.สมมุติ\\x00ท่าน้ำ' มีอักขระควบคุม U+0000 (a control character: "
                "the file may be damaged or not plain text; remove it) [เซลล์ A3]"
            ),
        )
    ]


def test_a_header_without_rows_is_an_error_and_records_no_source(seeded):
    preview = _rejected_and_nothing_stored(seeded, csv_bytes([]), "header-only.csv")
    assert preview.errors == [
        (
            1,
            (
                "ไฟล์ 'header-only.csv' มีแถวหัวตาราง (แถว 1) แต่ไม่มีแถวข้อมูล จึงไม่มีอะไรให้บันทึก "
                "(no rows: the file has a header and no data rows; nothing will be stored)"
            ),
        )
    ]
    assert preview.rows_read == 0


# --- CSV: encodings --------------------------------------------------------------------------


def _latin1_table() -> bytes:
    header = "organization,province,fiscal_year,total\n".encode("ascii")
    return header + "sao Café Renée,Saraburi,2566,90\n".encode("latin-1")


def test_a_latin1_file_is_refused_rather_than_read_as_thai(store, tmp_path):
    message = _refused_and_nothing_stored(store, tmp_path, _latin1_table(), "latin.csv")
    assert message == (
        "ไฟล์ 'latin.csv' ไม่ใช่ภาษาไทยแบบ Windows (cp874): บรรทัด 2 อ่านได้เป็น 'sao Caf้ Ren้e,Saraburi,2566' "
        "ซึ่งน่าจะเป็นอักษรละติน 'sao Café Renée,Saraburi,2566' (the file looks like Latin-1/Windows-1252, "
        "not Thai; it was not read — save it again as 'CSV UTF-8')"
    )


def test_thai_windows_text_with_latin_words_is_still_thai():
    rows = [row("อบต.สมมุติริมน้ำ", level="ผ่านดี"), row("ทต.สมมุติหนองบัว", level="A")]
    preview = read_table(csv_bytes(rows, encoding="cp874"), "thai.csv")
    assert preview.ok and preview.encoding == "cp874"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_and_says_so(encoding):
    text = csv_bytes([GOOD, OTHER]).decode("utf-8")
    preview = read_table(text.encode(encoding), "utf16.csv")
    expected = read_table(text.encode("utf-8"), "utf16.csv")
    assert preview.ok and preview.encoding == encoding
    assert preview.rows.equals(expected.rows)
    assert preview.warnings == [
        (
            1,
            (
                f"ไฟล์เข้ารหัส {encoding.upper()} โดยไม่มีเครื่องหมายลำดับไบต์ (BOM) จึงอ่านตามรูปแบบของไบต์: "
                "ตรวจชื่อในตัวอย่างก่อนยืนยัน (UTF-16 without a byte-order mark, read by its byte pattern; "
                "check the names below, or save the file as 'CSV UTF-8')"
            ),
        )
    ]


def test_utf16_that_does_not_decode_names_the_encoding(store, tmp_path):
    broken = csv_bytes([GOOD]).decode("utf-8").encode("utf-16-le") + b"\x00"  # an odd byte count
    message = _refused_and_nothing_stored(store, tmp_path, broken, "odd.csv")
    assert message.startswith("ไฟล์ 'odd.csv' ดูเหมือนเข้ารหัส UTF-16 แต่ไม่มีเครื่องหมายลำดับไบต์ (BOM)")


# --- XLSX built by hand ------------------------------------------------------------------------

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


_col = xlsx.column_letter  # the reader's own: 0 → A, 26 → AA


def _cell(ref: str, value) -> str:
    """A cell: a number, a text (inline), ("f", formula, cached or None), or ("s", style, number)."""
    if isinstance(value, tuple) and value[0] == "f":
        cached = "" if value[2] is None else f"<v>{value[2]}</v>"
        return f'<c r="{ref}"><f>{escape(value[1])}</f>{cached}</c>'
    if isinstance(value, tuple) and value[0] == "s":
        return f'<c r="{ref}" s="{value[1]}"><v>{value[2]}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def _rows(rows: list[list]) -> str:
    out = []
    for r, values in enumerate(rows, start=1):
        cells = "".join(_cell(f"{_col(c)}{r}", v) for c, v in enumerate(values) if v not in (None, ""))
        out.append(f'<row r="{r}">{cells}</row>')
    return "".join(out)


def _sheet(body: str, *, dimension: str | None = None, merges: tuple[str, ...] = ()) -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    merged = ""
    if merges:
        merged = (
            f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>"
        )
    return f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">{dim}<sheetData>{body}</sheetData>{merged}</worksheet>'


def _xlsx(
    sheet_xml: str | bytes, *, styles: str | None = None, extra: dict[str, bytes] | None = None, title: str = "ผล"
) -> bytes:
    rels = [f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>']
    if styles:
        rels.append(f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>')
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "_rels/.rels": f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets><sheet name="{escape(title)}" '
        'sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{_PKG}">{"".join(rels)}</Relationships>',
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    if styles:
        parts["xl/styles.xml"] = styles
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        for name, content in parts.items():
            book.writestr(name, content)
        for name, content in (extra or {}).items():
            book.writestr(name, content)
    return buffer.getvalue()


def _table_sheet(*rows: list, **kwargs) -> str:
    return _sheet(_rows([HEADERS, *rows]), **kwargs)


def test_a_hand_built_workbook_reads_like_the_same_csv():
    preview = read_table(_xlsx(_table_sheet(GOOD, OTHER)), "plain.xlsx")
    expected = read_table(csv_bytes([GOOD, OTHER]), "plain.csv")
    assert preview.ok and preview.sheet == "ผล"
    assert preview.rows.equals(expected.rows)


def test_formulas_without_saved_results_reject_their_row_naming_the_cells(seeded):
    formula_row = row("อบต.สมมุติท่าน้ำ", total=("f", "AVERAGE(G3:P3)", None))
    formula_row[6] = ("f", "SUM(Q3:R3)", None)
    cached = row("ทต.สมมุติหนองบัว", district="แก่งคอย", total=("f", "AVERAGE(G4:P4)", 90))
    data = _xlsx(_table_sheet(GOOD, formula_row, cached))
    preview = _rejected_and_nothing_stored(seeded, data, "formulas.xlsx")
    assert preview.errors == [
        (
            3,
            (
                "เซลล์ E3 ='AVERAGE(G3:P3)', G3 ='SUM(Q3:R3)' เป็นสูตรที่ไฟล์ไม่ได้เก็บผลลัพธ์ไว้ จึงอ่านค่าไม่ได้ "
                "(formulas without a saved result were not read: open the file in Excel or LibreOffice and save it "
                "again, or paste the values)"
            ),
        )
    ]
    assert list(preview.rows["row"]) == [2, 4]  # a formula with its saved result is read
    assert preview.rows["total_score"][1] == 90.0


def test_a_row_of_nothing_but_unsaved_formulas_is_not_skipped_as_blank():
    formulas = [("f", f"X{c}", None) for c in range(len(HEADERS))]
    preview = read_table(_xlsx(_table_sheet(GOOD, formulas)), "all-formulas.xlsx")
    assert [r for r, _ in preview.errors] == [3]
    assert preview.errors[0][1].startswith("เซลล์ A3 ='X0', B3 ='X1', C3 ='X2', D3 ='X3', E3 ='X4' …")


def test_a_sheet_that_is_not_well_formed_xml_is_a_clear_message(store, tmp_path):
    broken = _table_sheet(GOOD).replace("</sheetData>", "<row></sheetData>")
    message = _refused_and_nothing_stored(store, tmp_path, _xlsx(broken), "broken.xlsx")
    assert message.startswith(
        "ไฟล์ 'broken.xlsx': ส่วน 'xl/worksheets/sheet1.xml' ของไฟล์ Excel เสียหาย อ่านไม่ได้ที่บรรทัด 1 ตำแหน่ง"
    )
    assert "mismatched tag: the XML is not well-formed" in message


def test_the_cli_prints_the_message_for_a_broken_sheet_without_a_traceback(tmp_path, capsys):
    from ita_data.__main__ import main

    path = tmp_path / "broken.xlsx"
    path.write_bytes(_xlsx(_table_sheet(GOOD).replace("</sheetData>", "<row></sheetData>")))
    assert main(["import-table", str(path), "--db", str(tmp_path / "cli.duckdb")]) == 1
    err = capsys.readouterr().err
    assert "ไฟล์ 'broken.xlsx': ส่วน 'xl/worksheets/sheet1.xml' ของไฟล์ Excel เสียหาย" in err
    assert "Traceback" not in err


def test_a_part_declaring_entities_is_refused(store, tmp_path):
    laughs = '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;">]>' + _table_sheet(["&b;"])
    message = _refused_and_nothing_stored(store, tmp_path, _xlsx(laughs), "laughs.xlsx")
    assert message == (
        "ไฟล์ 'laughs.xlsx': ส่วน 'xl/worksheets/sheet1.xml' ของไฟล์ Excel มีการประกาศ DTD/entity "
        "ซึ่งสเปรดชีตไม่ใช้ (the part declares a DTD or entities; refused)"
    )


def test_an_old_xls_or_password_protected_workbook_is_named(store, tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512
    message = _refused_and_nothing_stored(store, tmp_path, ole, "locked.xlsx")
    assert message.startswith("ไฟล์ 'locked.xlsx': ไฟล์นี้เป็น Excel รุ่นเก่า (.xls) หรือมีรหัสผ่าน")


# --- XLSX: small files, large costs --------------------------------------------------------------


@pytest.mark.parametrize("merge", ["Q1:XFD1048576", "Q1:Z200000", "A1:XFD1"])
def test_a_merged_range_far_beyond_the_table_is_clipped_to_the_cells_held(merge):
    # Once 6.9 GB and a MemoryError (Q1:XFD1048576) or 54 s (Q1:Z200000): the range is clipped to the
    # cells the sheet holds, so it costs nothing and the table reads as it shows.
    title = ["ผลการประเมิน (ตัวอย่างสมมุติ)"]
    data = _xlsx(_sheet(_rows([title, HEADERS, GOOD, OTHER]), merges=(merge,)))
    preview = read_table(data, "merged.xlsx")
    assert preview.ok, preview.errors
    assert list(preview.rows["row"]) == [3, 4] and list(preview.rows["total_score"]) == [90.0, 90.0]


def test_merged_ranges_inside_the_table_filling_too_many_cells_are_refused(store, tmp_path):
    # A cell at P100000 makes the whole range real: 1.6 million cells to fill from one small file.
    body = _rows([HEADERS, GOOD]) + '<row r="100000"><c r="P100000"><v>1</v></c></row>'
    data = _xlsx(_sheet(body, merges=("A3:P100000",)))
    message = _refused_and_nothing_stored(store, tmp_path, data, "fill.xlsx")
    assert message == (
        "ไฟล์ 'fill.xlsx': ชีต 'ผล': ช่วงเซลล์ที่ผสานครอบเกิน 100,000 เซลล์ (merged ranges cover too many "
        "cells; unmerge them and fill the values in)"
    )


def test_too_many_merged_ranges_are_refused(store, tmp_path):
    merges = tuple(f"Q{r}:R{r}" for r in range(1, limits.MAX_MERGED_RANGES + 2))
    message = _refused_and_nothing_stored(store, tmp_path, _xlsx(_table_sheet(GOOD, merges=merges)), "m.xlsx")
    assert message == "ไฟล์ 'm.xlsx': ชีต 'ผล' มีช่วงเซลล์ที่ผสานเกิน 10,000 ช่วง (too many merged ranges)"


def test_a_declared_sheet_size_beyond_the_limits_is_refused_before_the_cells(store, tmp_path):
    data = _xlsx(_table_sheet(GOOD, dimension="A1:XFD1048576"))
    message = _refused_and_nothing_stored(store, tmp_path, data, "dimension.xlsx")
    assert message == (
        "ไฟล์ 'dimension.xlsx': ชีต 'ผล' ระบุขนาด 'A1:XFD1048576' เกิน 100,000 แถว หรือ 300 คอลัมน์ "
        "(the sheet declares more rows or columns than a result table has)"
    )


def test_a_cell_beyond_the_row_or_column_limit_is_refused_naming_it(store, tmp_path):
    far_right = _table_sheet(GOOD).replace("</sheetData>", '<row r="3"><c r="KO3"><v>1</v></c></row></sheetData>')
    message = _refused_and_nothing_stored(store, tmp_path, _xlsx(far_right), "right.xlsx")
    assert message.startswith("ไฟล์ 'right.xlsx': ชีต 'ผล' เซลล์ KO3: เกินคอลัมน์ KN (more than 300 columns")
    far_down = _table_sheet(GOOD).replace(
        "</sheetData>", '<row r="100001"><c r="A100001"><v>1</v></c></row></sheetData>'
    )
    message = _refused_and_nothing_stored(store, tmp_path, _xlsx(far_down), "down.xlsx")
    assert message == "ไฟล์ 'down.xlsx': ชีต 'ผล' แถว 100,001: เกิน 100,000 แถว (too many rows)"


def test_xlsx_cells_are_counted_against_the_limit(store, tmp_path, monkeypatch):
    cells = sum(1 for v in [*HEADERS, *GOOD] if v not in (None, ""))
    monkeypatch.setattr(limits, "MAX_CELLS", cells)
    assert read_table(_xlsx(_table_sheet(GOOD)), "fits.xlsx").ok
    message = _refused_and_nothing_stored(store, tmp_path, _xlsx(_table_sheet(GOOD, OTHER)), "cells.xlsx")
    assert message == f"ไฟล์ 'cells.xlsx': ไฟล์ Excel มีเกิน {cells:,} เซลล์ (too many cells)"


def test_a_zip_bomb_is_refused_from_the_zip_directory(store, tmp_path):
    # 2 MB of sheet that compresses to a few kilobytes: more than 100 times its compressed size.
    padded = _table_sheet(GOOD).replace("<sheetData>", " " * (2 * 1024 * 1024) + "<sheetData>")
    message = _refused_and_nothing_stored(store, tmp_path, _xlsx(padded), "bomb.xlsx")
    assert message.startswith("ไฟล์ 'bomb.xlsx': ส่วน 'xl/worksheets/sheet1.xml' ในไฟล์ Excel ขยายจาก ")
    assert "(more than 100× its compressed size: not a spreadsheet a person made; refused)" in message


def test_a_workbook_expanding_past_the_total_limit_is_refused(store, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_XLSX_UNCOMPRESSED_BYTES", 64 * 1024)
    monkeypatch.setattr(limits, "MAX_XLSX_COMPRESSION_RATIO", 10**9)
    padded = _table_sheet(GOOD).replace("<sheetData>", " " * (64 * 1024) + "<sheetData>")
    message = _refused_and_nothing_stored(store, tmp_path, _xlsx(padded), "big.xlsx")
    with zipfile.ZipFile(io.BytesIO(_xlsx(padded))) as book:
        total = sum(i.file_size for i in book.infolist())
    assert message == (
        f"ไฟล์ 'big.xlsx': ไฟล์ Excel ขยายได้ {total:,} ไบต์ เกินขนาดสูงสุด 65,536 ไบต์ "
        "(uncompressed size too large for a result table; split it by province or year)"
    )


def test_a_workbook_of_too_many_parts_is_refused(store, tmp_path):
    extra = {f"xl/media/{i}.bin": b"" for i in range(limits.MAX_XLSX_PARTS)}
    message = _refused_and_nothing_stored(store, tmp_path, _xlsx(_table_sheet(GOOD), extra=extra), "parts.xlsx")
    assert message.startswith(f"ไฟล์ 'parts.xlsx': ไฟล์ Excel มี {limits.MAX_XLSX_PARTS + 5:,} ส่วน เกิน 1,000")


def test_a_workbook_listing_too_many_sheets_is_refused(store, tmp_path):
    listed = "".join(f'<sheet name="s{i}" sheetId="{i}" r:id="rId1"/>' for i in range(limits.MAX_SHEETS + 1))
    data = _xlsx(_table_sheet(GOOD))
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    parts["xl/workbook.xml"] = (
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>{listed}</sheets></workbook>'
    ).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        for name, content in parts.items():
            book.writestr(name, content)
    message = _refused_and_nothing_stored(store, tmp_path, buffer.getvalue(), "sheets.xlsx")
    assert message == f"ไฟล์ 'sheets.xlsx': ไฟล์ Excel มีชีตเกิน {limits.MAX_SHEETS} ชีต (too many sheets)"


# --- XLSX: what a cell shows is what is read -------------------------------------------------------

_PERCENT_STYLES = (
    f'<styleSheet xmlns="{_MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="9"/></cellXfs></styleSheet>'
)


def test_a_percentage_formatted_score_is_read_as_it_shows_with_a_warning():
    percent = row("อบต.สมมุติริมน้ำ", total=("s", 1, 0.9))
    preview = read_table(_xlsx(_table_sheet(percent), styles=_PERCENT_STYLES), "percent.xlsx")
    assert preview.ok and preview.rows["total_score"][0] == 90.0
    assert preview.warnings == [
        (
            2,
            (
                "'อบต.สมมุติริมน้ำ' ปี 2566: คะแนนรวม: เซลล์จัดรูปแบบเป็นร้อยละ (90%) อ่านเป็น 90 คะแนน "
                "(a percentage-formatted cell holding 0.9; read as 90 points of 100) [เซลล์ E2]"
            ),
        )
    ]


def test_a_value_merged_across_score_columns_is_flagged():
    merged = row("อบต.สมมุติริมน้ำ", scores=(90,) + ("",) * 9)
    preview = read_table(_xlsx(_table_sheet(merged, merges=("G2:P2",))), "across.xlsx")
    assert preview.ok and list(preview.rows.iloc[0][[f"indicator_{i}" for i in range(1, 11)]]) == [90.0] * 10
    assert (
        2,
        (
            "เซลล์ G2:P2 ผสานข้ามคอลัมน์ ค่าเดียวกันจึงถูกอ่านในทุกคอลัมน์ที่ครอบ (indicator_1, indicator_2, "
            "indicator_3, indicator_4, indicator_5, indicator_6, indicator_7, indicator_8, indicator_9, "
            "indicator_10) (cells merged across columns: each column reads the same value)"
        ),
    ) in preview.warnings


def test_a_province_merged_down_its_rows_is_not_flagged():
    other = list(OTHER)
    other[2] = ""  # the province written once, merged down C2:C3
    preview = read_table(_xlsx(_table_sheet(GOOD, other, merges=("C2:C3",))), "down.xlsx")
    assert preview.ok and list(preview.rows["province"]) == ["สระบุรี", "สระบุรี"]
    assert preview.warnings == []


def test_a_shared_text_the_file_lacks_is_named():
    bad = _table_sheet(GOOD).replace(
        '<c r="A2" t="inlineStr"><is><t>อบต.สมมุติริมน้ำ</t></is></c>', '<c r="A2" t="s"><v>7</v></c>'
    )
    with pytest.raises(TableError) as caught:
        read_table(_xlsx(bad), "shared.xlsx")
    assert str(caught.value) == (
        "ไฟล์ 'shared.xlsx': ชีต 'ผล' เซลล์ A2: อ้างถึงข้อความที่ '7' ซึ่งไม่มีในไฟล์ "
        "(refers to a shared text the file does not hold)"
    )


# --- values from the file are quoted as data in every message ----------------------------------------


def test_markup_in_headers_and_file_names_is_quoted_plainly_and_cut():
    markup = "**ตัวหนา** <b>html</b> [ลิงก์](http://example.invalid) " + "ยาว" * 60
    data = csv_bytes([GOOD + ["x"]], headers=HEADERS + [markup])
    preview = read_table(data, "[ผล](http://example.invalid).csv")
    (note,) = [m for _, m in preview.warnings if "ไม่รู้จัก" in m]
    assert note.startswith(f"คอลัมน์ {quoted(markup)} (column Q) ไม่รู้จัก")
    assert quoted(markup) == repr(markup[: limits.QUOTE_CHARS] + "…")
    empty = read_table(csv_bytes([], headers=HEADERS), "<script>x</script>.csv")
    assert empty.errors[0][1].startswith("ไฟล์ '<script>x</script>.csv' มีแถวหัวตาราง")


def test_a_quoted_value_shows_control_and_invisible_characters():
    assert quoted("a\nb\u200b\u202ec") == "'a\\nb\\u200b\\u202ec'"


# --- a benchmark: how long each hostile file takes to be answered -----------------------------------


def _national_xlsx() -> bytes:
    """For scale: a national-size table of fictional organisations in real districts, as pandas writes it."""
    import numpy as np
    import pandas as pd

    from ita_data import orgs, synthetic

    rng = np.random.default_rng(1)
    found = synthetic.make_organizations(rng).iloc[:7850]
    frame = pd.DataFrame(
        {
            "ประเภท": [orgs.org_type(c).short_th for c in found["org_type"]],
            "ชื่อหน่วยงาน": found["name"].to_numpy(),
            "อำเภอ": found["district"].to_numpy(),
            "จังหวัด": found["province"].to_numpy(),
            "ปีงบประมาณ": 2566,
        }
    )
    for i in range(1, 11):
        frame[f"ตัวชี้วัดที่ {i}"] = np.round(rng.uniform(60, 100, len(frame)), 2)
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False)
    return buffer.getvalue()


def _hostile_files() -> dict[str, tuple[str, bytes]]:
    big_fill = _rows([HEADERS, GOOD]) + '<row r="100000"><c r="P100000"><v>1</v></c></row>'
    bomb_sheet = _table_sheet(GOOD).replace("<sheetData>", " " * (110 * 1024 * 1024) + "<sheetData>")
    many_cells = "".join(
        f'<row r="{r}">' + "".join(f'<c r="{_col(c)}{r}"><v>1</v></c>' for c in range(26)) + "</row>"
        for r in range(1, 80_001)
    )
    return {
        "national table, 7,850 rows (fictional)": ("national.xlsx", _national_xlsx()),
        "merged Q1:XFD1048576": ("q.xlsx", _xlsx(_table_sheet(GOOD, merges=("Q1:XFD1048576",)))),
        "merged Q1:Z200000": ("z.xlsx", _xlsx(_table_sheet(GOOD, merges=("Q1:Z200000",)))),
        "merged A3:P100000 inside the cells held": ("fill.xlsx", _xlsx(_sheet(big_fill, merges=("A3:P100000",)))),
        "dimension A1:XFD1048576": ("dim.xlsx", _xlsx(_table_sheet(GOOD, dimension="A1:XFD1048576"))),
        "zip bomb, 110 MB of sheet": ("bomb.xlsx", _xlsx(bomb_sheet)),
        "2,080,000 real cells (80,000 rows x 26)": ("cells.xlsx", _xlsx(_sheet(many_cells))),
        "CSV cell of 140,000 characters": ("long.csv", csv_bytes([row("อบต.ก" + "ก" * 140_000)])),
    }


# One fresh process per file, so the peak memory is that file's and not the files built before it.
_MEASURE = """
import resource, sys, time
from pathlib import Path
from ita_data.tables import TableError, read_table
path = Path(sys.argv[1])
data = path.read_bytes()
started, cpu = time.perf_counter(), time.process_time()
try:
    preview = read_table(data, path.name)
    outcome = f"read, {len(preview.rows)} rows, {len(preview.errors)} errors"
except TableError as err:
    outcome = "refused: " + str(err)[:70]
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
# VmHWM is this process's own peak; ru_maxrss would carry the parent's across fork and exec.
status = Path("/proc/self/status").read_text() if Path("/proc/self/status").exists() else ""
kb = [int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")]
peak = kb[0] / 1024 if kb else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{seconds:6.2f} s ({cpu:5.2f} s CPU)  peak RSS {peak:4.0f} MB  {outcome}")
"""


def bench() -> None:
    """Print the seconds and peak memory each hostile file costs before it is answered."""
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        for label, (name, data) in _hostile_files().items():
            path = Path(tmp) / name
            path.write_bytes(data)
            done = subprocess.run(
                [sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True, cwd=root, check=True
            )
            print(f"{label:42} {len(data) / 1024:7,.0f} KB {done.stdout.strip()}")


if __name__ == "__main__":
    bench()

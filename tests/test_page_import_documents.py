"""นำเข้าข้อมูล with real documents: a PDF and a zip go in; a scan's numbers wait for the checkbox."""

from __future__ import annotations

import io
import zipfile

import pytest

from ita_data.bench.samples import docx_to_pdf, make_docx, scan_pdf
from ita_data.reports import parse_bytes
from ita_data.store import Store
from tests.conftest import seed_path

PAGE = "pages/import_data.py"


@pytest.fixture(scope="module")
def made(tmp_path_factory, seeds_dir):
    out = tmp_path_factory.mktemp("page-docs")
    docx = [make_docx(seed_path(seeds_dir, n), out / f"{n}.docx") for n in ("001", "004")]
    pdfs = docx_to_pdf(docx, out / "pdf")
    return {"docx": docx, "pdf": pdfs, "scan": scan_pdf(pdfs[0], out / "scan.pdf", pages=1)}


@pytest.fixture
def small_db(tmp_path):
    path = tmp_path / "ita.duckdb"
    Store(path).close()
    return path


def _count(db_path, sql):
    with Store(db_path) as db:
        return int(db.query(sql).iloc[0, 0])


def test_a_pdf_and_a_zip_of_word_files_are_previewed_then_stored(app, small_db, made):
    bundle = io.BytesIO()
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.writestr("word/004.docx", made["docx"][1].read_bytes())
    at = app(small_db, page=PAGE)
    uploader = at.tabs[1].file_uploader[0]
    uploader.upload("001.pdf", made["pdf"][0].read_bytes(), "application/pdf")
    uploader.upload("reports.zip", bundle.getvalue(), "application/zip").run()
    assert not at.exception
    preview = at.dataframe[0].value
    assert list(preview["ปีงบประมาณ"]) == [2568, 2562]
    assert _count(small_db, "SELECT count(*) FROM assessments") == 0  # the preview stored nothing
    at.button(key="confirm_reports").click().run()
    assert not at.exception and len(at.success) == 2
    assert _count(small_db, "SELECT count(*) FROM assessments") == 2


def test_a_scan_shows_its_page_and_holds_its_numbers_until_confirmed(app, small_db, made):
    at = app(small_db, page=PAGE)
    at.tabs[1].file_uploader[0].upload("scan.pdf", made["scan"].read_bytes(), "application/pdf").run()
    assert not at.exception
    assert at.expander and "OCR" in at.expander[0].label
    box = at.checkbox(key="ocr_ok_scan.pdf")
    assert box.value is False
    assert len(at.dataframe) >= 2  # the preview and the OCR'd numbers beside the page image
    # the year is among them, read right (its digits read again from the image), and waits like them
    year = parse_bytes(made["pdf"][0].read_bytes(), "001.pdf").fiscal_year
    ocr_table = at.dataframe[1].value
    assert ocr_table.loc[ocr_table["ค่า"] == "ปีงบประมาณ", "ที่อ่านได้"].tolist() == [str(year)]
    at.button(key="confirm_reports").click().run()
    assert not at.exception
    assert _count(small_db, "SELECT count(*) FROM sources") == 0
    at.checkbox(key="ocr_ok_scan.pdf").check().run()
    at.button(key="confirm_reports").click().run()
    assert not at.exception
    assert _count(small_db, f"SELECT count(*) FROM assessments WHERE fiscal_year = {year}") == 1

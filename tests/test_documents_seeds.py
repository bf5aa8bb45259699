"""Every golden fact of the five seeds comes out the same from every form a document arrives in.

The expectations are what the seed's own text gives (parse of the .txt), never numbers copied here; the
forms are the corpus's (tests/conftest.py ``corpus``: Word, LibreOffice PDF, saved web page, chromium
PDF) and a scan of the LibreOffice PDF made here.
"""

from __future__ import annotations

import subprocess

import pytest

from ita_data.bench.samples import scan_pdf
from ita_data.documents import read_document
from ita_data.documents.text import normalize_text
from ita_data.reports import parse_bytes, parse_file
from ita_data.reports.text import compact

SEEDS = ("000", "001", "002", "003", "004")
TEXT_FORMS = ("docx", "pdf", "html", "chromium_pdf")


# the forms this file reads, under the names of the corpus's producers
FORM_PRODUCERS = {"txt": "txt", "docx": "docx", "pdf": "lo_pdf", "html": "html", "chromium_pdf": "chromium_pdf"}


@pytest.fixture(scope="session")
def forms(corpus, tmp_path_factory):
    """{"000": {"txt", "docx", "pdf", "html", "chromium_pdf", "scan_pdf"}} for each seed."""
    out = tmp_path_factory.mktemp("scans")
    made = {}
    for n in SEEDS:
        made[n] = {form: corpus[producer][f"seed-{n}"] for form, producer in FORM_PRODUCERS.items()}
        made[n]["scan_pdf"] = scan_pdf(made[n]["pdf"], out / f"{n}.pdf")
    return made


@pytest.fixture(scope="session")
def expected(forms):
    return {n: parse_file(forms[n]["txt"]) for n in SEEDS}


def golden(report):
    """The facts tests/test_reports_seeds.py checks: who, which year, the scores, and each measure."""
    return {
        "kind": report.kind,
        "organization": report.organization.to_json() if report.organization else None,
        "fiscal_year": report.fiscal_year,
        "total_score": report.total_score,
        "level": report.level,
        "province_rank": report.province_rank,
        "indicator_scores": report.indicator_scores,
        "item_scores": report.item_scores,
        "measures": [(m.indicator, m.item, m.status, m.due, m.completed_on) for m in report.measures],
    }


def measure_texts(report):
    """What each measure says, without white space (a PDF wraps lines where the text file did not)."""
    return [tuple(compact(getattr(m, f) or "") for f in ("title", "issue", "steps", "result")) for m in report.measures]


@pytest.mark.parametrize("form", TEXT_FORMS)
@pytest.mark.parametrize("seed", SEEDS)
def test_every_golden_fact_comes_out_of_every_text_form(forms, expected, seed, form):
    path = forms[seed][form]
    report = parse_bytes(path.read_bytes(), path.name)
    assert golden(report) == golden(expected[seed])
    assert report.document is not None and not report.document.ocr_lines


@pytest.mark.parametrize("form", ("docx", "html"))
@pytest.mark.parametrize("seed", SEEDS)
def test_word_and_web_pages_keep_every_measure_word_for_word(forms, expected, seed, form):
    path = forms[seed][form]
    assert measure_texts(parse_bytes(path.read_bytes(), path.name)) == measure_texts(expected[seed])


@pytest.mark.parametrize("form", ("pdf", "chromium_pdf"))
@pytest.mark.parametrize("seed", SEEDS)
def test_pdf_text_has_every_letter_and_mark_of_the_seed_once(forms, seed, form):
    """Nothing dropped or doubled: the PDF's characters (white space aside) are the seed's, as a multiset
    (a table row cut by a page comes back as one row, so the order may differ). Chromium's PDFs give every
    glyph of a Thai cluster the cluster's /ActualText, which PDFium reads once per glyph."""
    from collections import Counter

    from ita_data.documents.text import strip_html

    document = read_document(forms[seed][form].read_bytes(), "x.pdf")
    seed_text = "".join(strip_html(c) for c in forms[seed]["txt"].read_text(encoding="utf-8").split("\t"))
    assert Counter(compact(strip_html(document.text.replace("\t", " ")))) == Counter(compact(normalize_text(seed_text)))


def test_the_libreoffice_pdf_is_a_real_export(forms):
    """pdftotext (poppler, not our reader) finds the organisation and the year in the generated PDF."""
    out = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(forms["001"]["pdf"]), "-"], capture_output=True, check=True, text=True
    ).stdout
    org = parse_file(forms["001"]["txt"]).organization
    assert org.name in out and "๒๕๖๘" in out
    info = subprocess.run(["pdfinfo", str(forms["001"]["pdf"])], capture_output=True, check=True, text=True).stdout
    assert "LibreOffice" in info


def test_document_text_is_already_normalised(forms):
    for form in TEXT_FORMS:
        document = read_document(forms["004"][form].read_bytes(), f"x.{form}")
        assert normalize_text(document.text) == document.text


def test_pdf_lines_know_their_page(forms):
    document = read_document(forms["004"]["pdf"].read_bytes(), "x.pdf")
    lines = document.text.split("\n")
    assert document.page_of_line(1) == 1
    assert document.page_of_line(len(lines)) == document.page_count > 1
    pages = [document.page_of_line(n) for n in range(1, len(lines) + 1)]
    assert None not in pages and pages == sorted(p or 0 for p in pages)


@pytest.mark.parametrize("seed", SEEDS)
def test_scans_give_the_organisation_and_year_and_flag_every_number_as_ocr(forms, expected, seed):
    path = forms[seed]["scan_pdf"]
    report = parse_bytes(path.read_bytes(), path.name)
    want = expected[seed]
    assert report.organization is not None and report.organization.name == want.organization.name
    # Tesseract's Thai model has no ๖ or ๘: the year comes from the digits read again from the image
    assert report.fiscal_year == want.fiscal_year
    document = report.document
    assert document.ocr_pages == frozenset({1, 2}) and document.ocr_lines
    assert all(document.is_ocr_line(line) for line in report.locations.values())
    assert document.page_image(1).startswith(b"\x89PNG")

"""Text from documents, files and links stays data: never a link, an image or HTML on a page, never a
formula in a file we write; a crafted link falls back with a plain notice; the server's defaults."""

from __future__ import annotations

import io
import json
import tomllib

import openpyxl
import pandas as pd
import pytest

from ita_data import labels, safe_text, tables, views
from ita_data.analytics import Filters
from ita_data.store import Store
from ita_data.tables import export
from tests.apptest_support import PROJECT_ROOT, shown
from tests.tables_helpers import MIXED, csv_bytes, row

LINK_NAME = "[คลิก](http://evil.example/x)"
HTML_NAME = '<a href="http://evil.example">ลิงก์</a><b>หนา</b><i>เอียง</i>'
IMAGE_NAME = "![ภาพ](http://evil.example/i.png)"
FORMULAS = ['=HYPERLINK("http://evil.example","คลิก")', "+SUM(1,2)", "-1+2", "@SUM(1)", "\tTAB", "\rCR"]
CRAFTED = [LINK_NAME, HTML_NAME, IMAGE_NAME, FORMULAS[0], FORMULAS[1]]


def crafted_db(path):
    """Organisations whose names carry Markdown, HTML and formulas, as a result table would bring them."""
    data = csv_bytes([row("อบต." + n) for n in CRAFTED] + [row("อบต." + n, year=2567, scores=MIXED) for n in CRAFTED])
    with Store(path) as db:
        preview = tables.read_table(data, "crafted.csv")
        assert preview.ok, preview.issues()
        tables.commit_table(db, preview)
        ids = dict(db.query("SELECT name, org_id FROM organizations").itertuples(index=False))
    return ids


@pytest.fixture
def crafted(tmp_path):
    path = tmp_path / "ita.duckdb"
    return path, crafted_db(path)


# --- the helpers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        LINK_NAME,
        HTML_NAME,
        IMAGE_NAME,
        "ทต.*หนา* _เอียง_ `code` :red[แดง] $x$ # หัว",
        "http://evil.example/auto",
        "1. รายการ\n- ย่อย",
        "a\\[b\\]",
    ],
)
def test_markdown_escaping_leaves_no_markup_and_shows_the_text_as_written(text):
    escaped = safe_text.markdown_literal(text)
    assert shown(escaped) == text.replace("\n", " ")
    # Every punctuation mark is escaped: nothing of Markdown, Streamlit's directives or HTML is left.
    assert all(escaped[i - 1] == "\\" for i, c in enumerate(escaped) if c in "[]()<>*_`:$#!" and i)


def test_a_long_value_from_a_link_is_cut_before_it_is_echoed():
    assert shown(safe_text.markdown_literal("1" * 5000, 60)) == "1" * 60 + "…"


def test_html_escaping_leaves_plotly_no_tag_and_keeps_missing_values():
    assert safe_text.html_literal(HTML_NAME).count("<") == 0
    assert safe_text.html_literal("A & B <b>") == "A &amp; B &lt;b&gt;"
    series = safe_text.html_literals(pd.Series([HTML_NAME, None]))
    assert "<" not in series[0] and pd.isna(series[1])


@pytest.mark.parametrize("formula", FORMULAS)
def test_a_text_cell_a_spreadsheet_would_run_is_written_as_text(formula):
    assert safe_text.spreadsheet_cell(formula) == "'" + formula


def test_numbers_and_ordinary_text_are_written_as_they_are():
    frame = pd.DataFrame(
        {
            "name": ["อบต.หนอง", FORMULAS[2], None],
            "score": [-1.5, 90.0, None],
            "count": pd.array([-3, 2, None], dtype="Int64"),
        }
    )
    out = safe_text.spreadsheet_frame(frame)
    assert out.name.tolist()[:2] == ["อบต.หนอง", "'-1+2"] and pd.isna(out.name[2])
    assert out.score.dtype == frame.score.dtype and out["count"].dtype == frame["count"].dtype
    assert out.score.tolist()[:2] == [-1.5, 90.0] and out["count"].tolist()[:2] == [-3, 2]


# --- the files we write ------------------------------------------------------------------------


def test_export_writes_no_formula_into_results_csv(crafted, tmp_path):
    path, _ = crafted
    with Store(path) as db:
        written = export.export_all(db, tmp_path / "out")
    names = pd.read_csv(written["results"], encoding="utf-8-sig", dtype=str)["ชื่อหน่วยงาน"]
    assert not any(n.startswith(safe_text.FORMULA_STARTS) for n in names)
    assert {"'" + FORMULAS[0], "'" + FORMULAS[1], LINK_NAME} <= set(names)


def test_a_page_download_writes_no_formula_in_csv_or_xlsx():
    table = pd.DataFrame({"org_name": [FORMULAS[0], "อบต.หนอง"], "score": [90.0, -2.0]})
    view = views.View("t", "rankings", "ตาราง", ("org_name", "score"), lambda ask, sel: table, lambda sel: "t")
    crafted_place = 'x,=HYPERLINK("http://evil.example")'
    made = views.Download(
        view,
        views.Selection(Filters(fiscal_year=2566, province_code="19")),
        table,
        "http://127.0.0.1:8501/rankings?fy=2566&province=19",
        names={"province": crafted_place},
    )
    csv_text = views.csv_bytes(made).decode("utf-8-sig")
    import csv

    cells = [cell for line in csv.reader(io.StringIO(csv_text)) for cell in line]
    texts = [c for c in cells if pd.isna(pd.to_numeric(c, errors="coerce"))]
    assert texts and not any(c.startswith(safe_text.FORMULA_STARTS) for c in texts)
    assert cells[0].startswith("# ") and crafted_place in cells[0]  # the caption stays one cell, its comma and all
    assert "-2.00" in cells  # a number stays a number (as the screen rounds it), never a neutralised text
    book = openpyxl.load_workbook(io.BytesIO(views.xlsx_bytes(made)))
    values = [c.value for r in book[labels.DATA_SHEET].iter_rows() for c in r]
    assert "'" + FORMULAS[0] in values and -2.0 in values
    every = [c for sheet in book.worksheets for r in sheet.iter_rows() for c in r]
    assert all(c.data_type != "f" for c in every)
    assert not any(isinstance(c.value, str) and c.value.startswith(safe_text.FORMULA_STARTS) for c in every)


# --- pages (AppTest on the real dashboard) -----------------------------------------------------


def test_the_organisation_page_shows_a_linked_name_as_written(app, crafted):
    path, ids = crafted
    at = app(path, page="pages/organization.py", query={"org": str(ids[LINK_NAME]), "fy": "2567"})
    assert not at.exception
    heading = at.subheader[0].value
    assert shown(heading).endswith(LINK_NAME) and "](http" not in heading


def _plotly_specs(at) -> str:
    return " ".join(json.dumps(json.loads(c.proto.spec), ensure_ascii=False) for c in at.get("plotly_chart"))


def test_chart_labels_and_hovers_carry_no_html_from_names(app, crafted):
    path, _ = crafted
    at = app(path, page="pages/rankings.py", query={"fy": "2567"})
    assert not at.exception
    specs = _plotly_specs(at)
    assert "&lt;a href=" in specs and "&lt;b&gt;หนา&lt;/b&gt;" in specs  # drawn as written
    assert "<a href" not in specs and "<b>หนา" not in specs and "<i>" not in specs
    at = app(path, page="pages/change.py", query={"fy": "2567"})
    assert not at.exception
    specs = _plotly_specs(at)  # the movers' slope chart and heatmap name every organisation
    assert "&lt;a href=" in specs and "<a href" not in specs and "<b>หนา" not in specs


def test_a_crafted_link_value_is_echoed_as_plain_text(app, crafted):
    path, _ = crafted
    lure = "[กรุณาเข้าสู่ระบบใหม่ที่นี่](http://evil.example/login)"
    at = app(path, query={"province": lure})
    assert not at.exception
    notice = next(w.value for w in at.warning if "ไม่มีในตัวเลือก" in w.value)
    assert lure in shown(notice) and "](http" not in notice


@pytest.mark.parametrize("value", ["1" * 5000, "๑" * 5000, "²", "99999999999", "-1", "[x](http://e.x)"])
def test_an_impossible_organisation_in_a_link_falls_back_with_a_notice(app, crafted, value):
    path, _ = crafted
    at = app(path, page="pages/organization.py", query={"org": value, "fy": "2567"})
    assert not at.exception
    notice = next(w.value for w in at.warning if "ไม่พบหน่วยงานรหัส" in w.value)
    assert len(notice) < 300 and "](http" not in notice


def test_a_long_number_typed_in_the_search_is_no_crash(app, crafted):
    path, _ = crafted
    at = app(path, page="pages/organization.py")
    at.text_input(key="org_search").input("1" * 5000).run()
    assert not at.exception


@pytest.fixture
def empty_db(tmp_path):
    path = tmp_path / "ita.duckdb"
    Store(path).close()
    return path


def test_a_file_name_with_a_link_shows_as_written_in_the_error_box(app, empty_db):
    at = app(empty_db, page="pages/import_data.py")
    name = "[คลิก](https://evil.example/x).xls"
    at.tabs[0].file_uploader[0].upload(name, b"\xd0\xcf\x11\xe0", "application/vnd.ms-excel").run()
    assert not at.exception
    error = at.error[0].value
    assert name in shown(error) and "](https" not in error


def test_header_cells_with_a_link_or_an_image_show_as_written(app, empty_db):
    headers = [
        "ชื่อหน่วยงาน",
        "อำเภอ",
        "จังหวัด",
        "ปีงบประมาณ",
        "คะแนนรวม",
        "ระดับ",
        *[f"ตัวชี้วัดที่ {i}" for i in range(1, 11)],
        LINK_NAME,
        IMAGE_NAME,
    ]
    data = csv_bytes([[*row("อบต.หนองทดลอง"), "x", "y"]], headers=headers)
    at = app(empty_db, page="pages/import_data.py")
    at.tabs[0].file_uploader[0].upload("results.csv", data, "text/csv").run()
    assert not at.exception
    notes = " ".join(m.value for m in [*at.warning, *at.error, *at.info])
    assert LINK_NAME in shown(notes) and IMAGE_NAME in shown(notes)
    assert "](http" not in notes


# --- serving defaults --------------------------------------------------------------------------


def test_the_project_config_serves_loopback_only_and_hides_error_details():
    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    assert config["client"]["showErrorDetails"] == "none"
    # XSRF protection and CORS stay as Streamlit sets them (it enforces both once [auth] is configured).
    assert not {"enableXsrfProtection", "enableCORS"} & set(config["server"])

"""นำเข้าข้อมูล with an ITAS page: rows pasted into the box, the year chosen, near names decided, then stored."""

from __future__ import annotations

import pytest

from ita_data import labels
from ita_data.bench.itas_pages import PageRow, page_html
from ita_data.build import build_database
from ita_data.store import Store

PAGE = "pages/import_data.py"
ROWS = [
    PageRow("องค์การบริหารส่วนตำบลสมมุติบ้านหมอ", "บ้านหมอ", "สระบุรี", 93.1),
    PageRow("เทศบาลตำบลสมมุติเสาไห้", "เสาไห้", "สระบุรี", 95.5),
]


def _copied(rows: list[PageRow]) -> str:
    """Rows as a browser copies a table: the header, then tab-separated cells (what copied_text gives)."""
    lines = ["ผลการประเมินรายหน่วยงานภายในจังหวัด", "#\tหน่วยงาน\tอำเภอ\tจังหวัด\tคะแนนเฉลี่ย"]
    lines += ["\t".join(r.cells(n)) for n, r in enumerate(rows, start=1)]
    return "\n".join(lines)


@pytest.fixture
def real_db(tmp_path):
    path = tmp_path / "real.duckdb"
    build_database(path, reports_dir=None, synthetic_data=False)
    return path


def _count(path, sql: str) -> int:
    with Store(path) as db:
        return int(db.query(sql).iloc[0, 0])


def test_pasted_rows_need_a_year_then_are_previewed_and_stored(app, real_db):
    at = app(real_db, page=PAGE)
    at.run()
    at.text_area(key="table_paste").input(_copied(ROWS)).run()
    assert not at.exception
    assert not [b for b in at.button if b.key == "confirm_table"]  # no year yet: nothing to confirm
    year = at.selectbox(key="table_fy")
    assert year.value is None  # a required choice, with no default
    year.select(2566).run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[labels.IMPORT_NEW_ORGS] == str(len(ROWS)) and metrics[labels.IMPORT_TO_DECIDE] == "0"
    assert _count(real_db, "SELECT count(*) FROM assessments") == 0  # the preview wrote nothing
    at.button(key="confirm_table").click().run()
    assert not at.exception and at.success
    assert _count(real_db, "SELECT count(*) FROM assessments WHERE fiscal_year = 2566") == len(ROWS)


def test_a_near_name_is_decided_on_the_page_before_it_can_be_stored(app, real_db, tmp_path):
    at = app(real_db, page=PAGE)
    at.run()
    at.tabs[0].file_uploader[0].upload("saved.html", page_html(ROWS), "text/html").run()
    at.selectbox(key="table_fy").select(2566).run()
    at.button(key="confirm_table").click().run()
    assert _count(real_db, "SELECT count(*) FROM organizations") == len(ROWS)

    at = app(real_db, page=PAGE)
    at.run()
    variant = [PageRow("องค์การบริหารส่วนตำบลสมมุติบ้านหม้อ", "บ้านหมอ", "สระบุรี", 90.0)]
    at.tabs[0].file_uploader[0].upload("next.html", page_html(variant, year_ce=2024), "text/html").run()
    at.selectbox(key="table_fy").select(2567).run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[labels.IMPORT_TO_DECIDE] == "1"
    assert not [b for b in at.button if b.key == "confirm_table"]
    choice = at.selectbox(key="table_near_2")
    assert choice.value is None
    stored_id = next(o for o in choice.options if "สมมุติบ้านหมอ" in o)
    choice.set_value(int(stored_id.split("]")[0].strip("["))).run()
    assert not at.exception
    at.button(key="confirm_table").click().run()
    assert not at.exception and at.success
    assert _count(real_db, "SELECT count(*) FROM organizations") == len(ROWS)
    assert _count(real_db, "SELECT count(*) FROM assessments WHERE fiscal_year = 2567") == 1

"""The overview page's brief button: offered for a province, and in a real browser it downloads that brief."""

from __future__ import annotations

import subprocess
from urllib.parse import urlencode

import pytest

from ita_data import analytics
from ita_data.store import Store
from tests.conftest import serving_copy
from tests.serving_support import WAIT_MS

PAGE = "pages/overview.py"
BUTTON = "ดาวน์โหลดรายงานสรุปจังหวัด (PDF)"


def _download_buttons(at) -> list:
    return [e for e in at.get("download_button") if e.proto.label == BUTTON]


def test_the_button_is_offered_for_a_province_and_not_for_the_nation(app, national_db):
    at = app(national_db, query={"province": "สระบุรี", "fy": "2567"})
    assert not at.exception
    (button,) = _download_buttons(at)
    assert button.proto.deferred_file_id  # printed only when clicked, not on every rerun

    at = app(national_db)
    assert not at.exception
    assert not _download_buttons(at)
    assert any("เลือกจังหวัดในแถบด้านข้าง" in c.value for c in at.caption)


@pytest.fixture(scope="module")
def server(national_db, tmp_path_factory):
    with serving_copy(national_db, tmp_path_factory.mktemp("brief_e2e")) as (_proc, url, db):
        yield url, db


def test_the_button_downloads_the_brief_of_the_sidebar_selection(server, browser, tmp_path, national_db):
    url, _ = server
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="th-TH", accept_downloads=True)
    page = context.new_page()
    try:
        # a link names the choices as the sidebar shows them
        page.goto(f"{url}/?" + urlencode({"province": "สระบุรี", "fy": "2567", "type": "องค์การบริหารส่วนตำบล"}))
        button = page.get_by_role("button", name=BUTTON)
        button.wait_for(timeout=WAIT_MS)
        with page.expect_download(timeout=WAIT_MS) as download:
            button.click()
        saved = tmp_path / "brief.pdf"
        download.value.save_as(saved)
    finally:
        context.close()
    assert download.value.suggested_filename == "ita-brief-19-sao-2567.pdf"
    text = " ".join(
        subprocess.run(
            ["pdftotext", "-raw", str(saved), "-"], check=True, capture_output=True, text=True
        ).stdout.split()
    )
    with Store(national_db) as db:
        want = analytics.overview(db.cursor(), analytics.Filters(2567, province_code="19", org_type="sao")).iloc[0]
    assert "จังหวัดสระบุรี · องค์การบริหารส่วนตำบล · ปีงบประมาณ 2567" in text
    assert f"ค่าเฉลี่ย {want.mean_score:,.2f}" in text

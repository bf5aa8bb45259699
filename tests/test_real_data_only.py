"""A database of real data only is a first-class start: ``build --no-synthetic``, then an ITAS page of one
province, and every page, download and the brief work on a few organisations — no synthetic banner, and
no comparison called "the nation" when the data is one province.

The organisations are fictional ("สมมุติ") in real districts of สระบุรี; two years, so that change works.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request

import pytest

from ita_data import brief, labels, views
from ita_data.analytics import Filters
from ita_data.analytics import about as about_data
from ita_data.bench.itas_pages import PageRow, page_html
from ita_data.brief.content import gather
from ita_data.brief.render import render
from ita_data.build import build_database
from ita_data.derived import open_store
from ita_data.tables import commit_table, read_table
from pages import PAGES
from tests.conftest import serving_copy

SARABURI = "19"
NAMES = [
    ("องค์การบริหารส่วนตำบลสมมุติบ้านหมอ", "บ้านหมอ"),
    ("เทศบาลตำบลสมมุติเสาไห้", "เสาไห้"),
    ("เทศบาลเมืองสมมุติแก่งคอย", "แก่งคอย"),
    ("องค์การบริหารส่วนตำบลสมมุติหนองแค", "หนองแค"),
]


@pytest.fixture(scope="module")
def real_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("real") / "real.duckdb"
    build_database(path, reports_dir=None, synthetic_data=False)
    with open_store(path) as db:
        for fy, year_ce, scores in ((2566, 2023, (93.1, 95.5, 81.0, 70.25)), (2567, 2024, (94.0, 90.0, 86.5, 79.0))):
            rows = [PageRow(name, district, "สระบุรี", s) for (name, district), s in zip(NAMES, scores)]
            result = commit_table(db, read_table(page_html(rows, year_ce=year_ce), f"{fy}.html", fiscal_year=fy))
            assert result.ok
    return path


def test_the_data_says_it_covers_one_province_not_the_country(real_db):
    with open_store(real_db) as db:
        status = about_data.data_status(db.cursor())
    assert (status["synthetic_orgs"], status["provinces"], status["real_provinces"]) == (0, 1, 1)
    whole = labels.whole_data(status)
    assert whole != labels.WHOLE_NATION and f"1 จาก {status['all_provinces']}" in whole
    assert f"1 จาก {status['all_provinces']} จังหวัด" in about_data.footer_text(status)


@pytest.mark.parametrize("page", [p.file for p in PAGES if p.file != "pages/import_data.py"])
def test_every_page_runs_without_the_synthetic_banner(app, real_db, page):
    at = app(real_db, page=page)
    assert not at.exception
    assert labels.SYNTHETIC_BANNER not in [w.value for w in at.warning]
    shown = " ".join(
        [e.value for e in at.subheader]
        + [c.value for c in at.caption]
        + [str(m.label) for m in at.metric]
        + [str(c) for d in at.dataframe for c in d.value.columns]
    )
    assert labels.WHOLE_NATION not in shown  # no comparison, chart title or column pretends to be the country's


def test_the_rankings_scope_and_its_downloads_name_what_the_data_covers(app, real_db):
    at = app(real_db, page="pages/rankings.py", query={"within": "nation"})
    assert not at.exception
    with open_store(real_db) as db:
        whole = labels.whole_data(about_data.data_status(db.cursor()))
    assert any(whole in s.value for s in at.subheader)
    buttons = at.get("download_button")
    assert len(buttons) >= 2  # CSV and XLSX of what the table shows


def test_the_brief_of_the_province_compares_with_what_the_data_covers(real_db):
    with open_store(real_db) as db:
        cur = db.cursor()
        content = gather(cur, Filters(fiscal_year=2567, province_code=SARABURI))
        page, _, _ = render(content)
        assert content.whole == labels.whole_data(about_data.data_status(cur))
        assert content.whole in page and "เทียบทั้งประเทศ" not in page
        assert not content.synthetic
        pdf = brief.make_brief(cur, Filters(fiscal_year=2567, province_code=SARABURI))
    assert pdf.startswith(b"%PDF")


def test_every_api_view_and_the_brief_answer_on_real_data_only(real_db, tmp_path):
    """Over real HTTP: each view's JSON and CSV of the province, none marked synthetic, the nation's
    columns named for what the data covers, and the province's brief."""
    whole_columns = {"mean_nation", "nation_median"}
    named: set[str] = set()
    with open_store(real_db) as db:
        covered = labels.whole_data(about_data.data_status(db.cursor()))
    with serving_copy(real_db, tmp_path) as (_proc, url, _db):
        for name in views.VIEWS:
            query = urllib.parse.urlencode({"province": SARABURI})
            with urllib.request.urlopen(f"{url}/api/v1/{name}.json?{query}", timeout=120) as answer:
                body = json.loads(answer.read())
            assert body["synthetic"] is False, name
            for column in body["columns"]:
                if column["name"] in whole_columns:
                    assert covered in column["label"], (name, column)
                    named.add(name)
            with urllib.request.urlopen(f"{url}/api/v1/{name}.csv?{query}", timeout=120) as answer:
                text = answer.read().decode("utf-8-sig")
            assert labels.SYNTHETIC_BANNER not in text, name
        with urllib.request.urlopen(f"{url}/api/v1/brief.pdf?province={SARABURI}", timeout=180) as answer:
            assert answer.read().startswith(b"%PDF")
    assert {"indicators", "organization"} <= named  # the views that compare with the nation

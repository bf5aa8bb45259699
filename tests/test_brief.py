"""The provincial brief: its PDF's text says what the analytics say, on every page, and stays plain text."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from analytics_helpers import Builder, flat, with_scores

from ita_data import analytics, brief, labels, thai
from ita_data.__main__ import main as cli_main
from ita_data.analytics import about
from ita_data.analytics.common import method_notes
from ita_data.brief import pdf as brief_pdf
from ita_data.brief.content import OVERDUE_LISTED, TOP_AND_BOTTOM
from ita_data.brief.render import SYNTHETIC_MARK
from ita_data.store import Store
from tests.conftest import PROJECT_ROOT

AS_OF = dt.date.today()  # the synthetic measures are dated around the day of the build
SARABURI = analytics.Filters(2568, province_code="19")


def pdf_pages(pdf: bytes, tmp_path: Path) -> list[str]:
    """The PDF's text per page as pdftotext reads it (content order), each page's lines joined by
    single spaces so that a line break inside a cell does not matter."""
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]


def _unwrapped(text: str) -> str:
    """The row label as one phrase wherever the table's column widths wrapped it."""
    return re.sub(r"หน่วยงานที่ได้รับ\s*การ\s*ประเมิน", "หน่วยงานที่ได้รับการประเมิน", text)


def _n(value: float, digits: int = 2) -> str:
    return f"{value:,.{digits}f}"


def _pct(share: float) -> str:
    return f"{share * 100:.1f}%"


@pytest.fixture(scope="module")
def national_copy(national_db, tmp_path_factory) -> Path:
    """The national data copied: other tests in this process may hold the original open for writing."""
    path = tmp_path_factory.mktemp("brief") / "ita.duckdb"
    shutil.copy(national_db, path)
    return path


@pytest.fixture(scope="module")
def cur(national_copy):
    with Store(national_copy, read_only=True) as db:
        yield db.cursor()


@pytest.fixture(scope="module")
def saraburi(cur, tmp_path_factory) -> list[str]:
    started = time.monotonic()
    pdf = brief.make_brief(cur, SARABURI, AS_OF)
    print(f"\nbrief of Saraburi FY2568 (in process): {time.monotonic() - started:.2f} s, {len(pdf) / 1024:.0f} KB")
    assert pdf.startswith(b"%PDF")
    return pdf_pages(pdf, tmp_path_factory.mktemp("saraburi"))


def test_the_province_against_the_nation_is_the_overview(cur, saraburi):
    text = _unwrapped(" ".join(saraburi))
    mine = analytics.overview(cur, SARABURI).iloc[0]
    before = analytics.overview(cur, replace(SARABURI, fiscal_year=2567)).iloc[0]
    nation = analytics.overview(cur, analytics.Filters(2568)).iloc[0]
    assert "จังหวัดสระบุรี · ปีงบประมาณ 2568" in text
    assert f"หน่วยงานที่ได้รับการประเมิน {mine.org_count:,} {before.org_count:,} {nation.org_count:,}" in text
    assert f"ค่าเฉลี่ย {_n(mine.mean_score)} {_n(before.mean_score)} {_n(nation.mean_score)}" in text
    assert f"ค่ามัธยฐาน {_n(mine.median_score)} {_n(before.median_score)} {_n(nation.median_score)}" in text
    assert f"ผ่านเกณฑ์ (≥ 85) {_pct(mine.pass_rate)} {_pct(before.pass_rate)} {_pct(nation.pass_rate)}" in text
    levels = analytics.level_distribution(cur, SARABURI)
    nation_levels = analytics.level_distribution(cur, analytics.Filters(2568))
    for row, whole in zip(levels.itertuples(), nation_levels.itertuples()):
        assert f"{row.level} {row.org_count:,} {_pct(row.share)} {_pct(whole.share)}" in text


def test_every_organisation_is_ranked_and_the_top_and_bottom_are_the_rankings(cur, saraburi):
    text = " ".join(saraburi)
    ranked = analytics.rankings(cur, SARABURI, "province").sort_values(["rank", "org_name", "org_id"])
    assert f"อันดับของทุกหน่วยงาน ({len(ranked)} แห่ง" in text
    for row in ranked.itertuples():
        assert f"{row.rank} {row.org_name} {_n(row.score)} {row.level}" in text
    top = ranked.head(TOP_AND_BOTTOM)
    bottom = ranked.tail(TOP_AND_BOTTOM)
    summary = text[text.index("อันดับต้นและท้าย") : text.index("3. ตัวชี้วัดที่อ่อน")]
    listed = " ".join(f"{r.rank} {r.org_name} {_n(r.score)} {r.level}" for r in top.itertuples())
    listed += " ⋮ " + " ".join(f"{r.rank} {r.org_name} {_n(r.score)} {r.level}" for r in bottom.itertuples())
    assert listed in summary


def test_the_movers_are_the_analytics_movers(cur, saraburi):
    text = " ".join(saraburi)
    moved = analytics.movers(cur, SARABURI, n=5)
    assert len(moved) == 10
    for row in moved.itertuples():
        assert f"{row.org_name} {_n(row.score_from)} {_n(row.score_to)} {row.delta:+,.2f}" in text
    # FY2568 changed the item set: the comparison says so
    assert method_notes(2567, 2568) in text


def test_below_the_pass_mark_each_organisation_has_what_to_fix_first(cur, saraburi):
    text = " ".join(saraburi)
    ranked = analytics.rankings(cur, SARABURI, "province")
    below = ranked[ranked.score < 85]
    gaps = analytics.indicator_gaps(cur, SARABURI)
    first = gaps[gaps.priority == 1].sort_values("indicator").drop_duplicates("org_id").set_index("org_id")
    assert f"{len(below)} หน่วยงานได้ คะแนนรวม ต่ำกว่า 85" in text
    for row in below.itertuples():
        fix = first.loc[row.org_id]
        assert (
            f"{row.org_name} {row.district} {_n(row.score)} {row.level} "
            f"{labels.indicator_label(fix.indicator)} {_n(fix.score)} "
            f"{_n(fix.points_recoverable)}"
        ) in text


def test_open_and_overdue_measures_are_the_analytics(cur, saraburi):
    text = " ".join(saraburi)
    measures = analytics.open_measures(cur, SARABURI, AS_OF)
    overdue = measures[measures.overdue]
    assert len(overdue) > 0
    assert f"ที่ยังไม่เสร็จ {len(measures):,} รายการ เกินกำหนด {len(overdue):,} รายการ" in text
    for row in overdue.head(OVERDUE_LISTED).itertuples():
        assert (
            f"{row.org_name} {row.title} {row.indicator} {row.responsible} "
            f"{thai.format_be_date(row.due_date)} {int(row.days_overdue):,}"
        ) in text
    units = analytics.open_measures_summary(cur, SARABURI, AS_OF, by="responsible")
    for row in units.itertuples():
        assert f"{row.label} {row.open_count} {row.overdue_count} {row.planned_count} {row.in_progress_count}" in text


def test_weak_indicators_and_items_are_the_analytics(cur, saraburi):
    text = " ".join(saraburi)
    weak = analytics.province_weak_shares(cur, SARABURI)
    for row in weak.itertuples():
        assert f"{row.below_pass_count}/{row.org_count} {_pct(row.share_below_pass)}" in text
    for row in analytics.item_gap_summary(cur, SARABURI).head(10).itertuples():
        assert f"{row.below_full_count}/{row.org_count} {_pct(row.share_below_full)} {_n(row.mean_score)}" in text
    coverage = analytics.measure_coverage(cur, SARABURI)
    uncovered = coverage[~coverage.covered & coverage.below_pass]
    assert f"({uncovered.org_id.nunique()} หน่วยงาน)" in text
    for name in uncovered.org_name.unique():
        assert name in text


def test_every_page_has_its_number_the_sources_the_data_date_and_the_synthetic_mark(cur, saraburi):
    meta = about.data_status(cur)["meta"]
    data_date = thai.format_be_date(dt.date.fromisoformat(meta["synthetic_as_of"]))
    assert len(saraburi) >= 3
    for number, page in enumerate(saraburi, start=1):
        assert f"หน้า {number}/{len(saraburi)}" in page
        assert "ที่มา: ผลการประเมิน ITA ของสำนักงาน ป.ป.ช." in page
        assert f"ข้อมูล ณ {data_date}" in page
        assert SYNTHETIC_MARK in page


def test_an_empty_selection_and_a_year_without_data_say_so_in_thai(cur):
    with pytest.raises(brief.BriefError, match="ไม่มีหน่วยงานที่มีผลการประเมินในจังหวัดสระบุรี · กรุงเทพมหานคร"):
        brief.gather(cur, replace(SARABURI, org_type="bma"))
    with pytest.raises(brief.BriefError, match="ไม่มีผลการประเมินปีงบประมาณ 2575 .*2562–2568"):
        brief.gather(cur, replace(SARABURI, fiscal_year=2575))
    # only synthetic organisations in the national data: without them the selection is empty
    with pytest.raises(brief.BriefError, match="ไม่มีผลการประเมินปีงบประมาณ 2568"):
        brief.gather(cur, replace(SARABURI, include_synthetic=False))


def _cli(capsys, *args: str) -> tuple[int, str, str]:
    code = cli_main(["brief", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_command_names_what_it_cannot_find(national_copy, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    common = ["--db", str(national_copy), "--out", str(out)]
    code, _, err = _cli(capsys, "--province", "แอตแลนติส", "--fy", "2568", *common)
    assert code == 1 and "ไม่รู้จักจังหวัด “แอตแลนติส”" in err
    code, _, err = _cli(capsys, "--province", "สระบุรี", "--fy", "๒๕๗๕", *common)
    assert code == 1 and "ไม่มีผลการประเมินปีงบประมาณ 2575" in err
    code, _, err = _cli(capsys, "--province", "19", "--fy", "2568", "--type", "ทน.", "--district", "วังม่วง", *common)
    assert code == 1 and "ไม่มีหน่วยงานที่มีผลการประเมินในจังหวัดสระบุรี · อำเภอวังม่วง · เทศบาลนคร" in err
    code, _, err = _cli(capsys, "--province", "19", "--fy", "2568", "--district", "ไม่มีอำเภอนี้", *common)
    assert code == 1 and "ไม่พบอำเภอ “ไม่มีอำเภอนี้” ในจังหวัดสระบุรี" in err
    assert not out.exists()


def test_without_chromium_the_brief_says_how_to_get_it(national_copy, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(brief_pdf, "CHROMIUM", tmp_path / "no-chromium")
    problem = brief.printer_problem()
    assert "sudo apt-get install chromium fonts-thai-tlwg" in problem and "make system" in problem
    code, _, err = _cli(
        capsys, "--province", "19", "--fy", "2568", "--db", str(national_copy), "--out", str(tmp_path / "x.pdf")
    )
    assert code == 1 and problem in err


def test_the_command_writes_the_brief_and_prints_its_time(national_copy, tmp_path, cur):
    """A real process, Thai digits and the province's code: the figure is printed, not asserted."""
    out = tmp_path / "korat.pdf"
    started = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ita_data",
            "brief",
            "--province",
            "๓๐",
            "--fy",
            "๒๕๖๘",
            "--db",
            str(national_copy),
            "--out",
            str(out),
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    wall = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    print(f"\n{done.stdout.strip()} (process wall time {wall:.2f} s)")
    assert re.search(r"ใน \d+\.\d\d s", done.stdout)
    pages = pdf_pages(out.read_bytes(), tmp_path)
    korat = analytics.overview(cur, analytics.Filters(2568, province_code="30")).iloc[0]
    assert "จังหวัดนครราชสีมา · ปีงบประมาณ 2568" in pages[0]
    assert f"หน่วยงานที่ได้รับการประเมิน {korat.org_count:,}" in _unwrapped(pages[0])


# --- text from documents stays text ----------------------------------------------------------

BOLD_NAME = "บ้าน<b>x</b>"
SCRIPT_NAME = "<script>alert('x')</script>ทุ่ง"
SCRIPT_TITLE = "<script>alert(1)</script> ปรับปรุง <i>เว็บไซต์</i>"
UNIT = "<u>กองคลัง</u>"


@pytest.fixture(scope="module")
def real_db(tmp_path_factory) -> Path:
    """Real (not synthetic) organisations whose names and measures carry markup, through the store."""
    path = tmp_path_factory.mktemp("markup") / "ita.duckdb"
    with Store(path) as db, db.transaction() as w:
        b = Builder(w)
        bold = b.org(BOLD_NAME, district="แก่งคอย")
        script = b.org(SCRIPT_NAME, org_type="subdistrict_municipality", district="หนองแค")
        plain = b.org("บ้านธรรมดา", district="แก่งคอย")
        b.year(bold, 2567, flat(80))
        b.year(bold, 2568, with_scores(80, i9=40))
        b.year(script, 2567, flat(90))
        b.year(script, 2568, flat(95))
        b.year(plain, 2568, flat(88))
        b.measures(
            bold,
            2568,
            [
                {
                    "indicator": 10,
                    "title": SCRIPT_TITLE,
                    "responsible": UNIT,
                    "due_date": dt.date(2025, 1, 31),
                    "status": "in_progress",
                }
            ],
        )
    return path


def test_names_and_titles_with_markup_appear_as_written(real_db, tmp_path):
    with Store(real_db, read_only=True) as db:
        content = brief.gather(db.cursor(), SARABURI, AS_OF)
        page, _header, _footer = brief.render(content)
        pdf = brief.make_brief(db.cursor(), SARABURI, AS_OF)
    assert "<script" not in page.lower() and "<b>x" not in page and "<u>" not in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page
    pages = pdf_pages(pdf, tmp_path)
    text = " ".join(pages)
    assert f"อบต.{BOLD_NAME}" in text
    assert f"ทต.{SCRIPT_NAME}" in text
    assert f"{SCRIPT_TITLE} 10 {UNIT}" in text
    # real data only: no page says synthetic
    assert not any(SYNTHETIC_MARK in p or "สมมุติ" in p for p in pages)
    assert all(f"หน้า {i}/{len(pages)}" in p for i, p in enumerate(pages, start=1))

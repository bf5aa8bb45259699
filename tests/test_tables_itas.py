"""ITAS result pages as officers take them away — saved (.html), copied (.txt), printed by Chromium (.pdf) —
imported into a database of real data only.

The page is ours, in the layout of the NACC's "ผลการประเมินรายหน่วยงานภายในจังหวัด": a real province and
real districts (geothai), every organisation type and both special forms, names marked as invented
("สมมุติ"), so no real organisation stands beside an invented score.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from ita_data import labels, orgs, reports
from ita_data.__main__ import main
from ita_data.bench.itas_pages import PageRow, copied_text, page_html, printed_pdf
from ita_data.build import build_database
from ita_data.derived import open_store
from ita_data.tables import TableError, commit_table, read_table, tabbed
from ita_data.tables.read import YearNeeded
from tests.tables_helpers import counts

pytestmark = pytest.mark.skipif(not Path("/usr/lib/chromium/chromium").exists(), reason="needs Debian chromium")

SARABURI = "สระบุรี"
ROWS = [
    PageRow("องค์การบริหารส่วนจังหวัดสมมุติสระบุรี", "เมืองสระบุรี", SARABURI, 91.25),
    PageRow("เทศบาลนครสมมุติสระบุรี", "เมืองสระบุรี", SARABURI, 88.4),
    PageRow("เทศบาลเมืองสมมุติแก่งคอย", "แก่งคอย", SARABURI, 86.05),
    PageRow("ทต.สมมุติหนองแค", "หนองแค", SARABURI, 79.04),
    PageRow("เทศบาลตำบลสมมุติเสาไห้", "เสาไห้", SARABURI, 95.5),
    PageRow("องค์การบริหารส่วนตำบลสมมุติบ้านหมอ", "บ้านหมอ", SARABURI, 93.1),
    PageRow("อบต. สมมุติมวกเหล็ก", "มวกเหล็ก", SARABURI, 72.33),
    # One name in two districts: two organisations, told apart by their districts.
    PageRow("องค์การบริหารส่วนตำบลสมมุติหนองปลา", "หนองแซง", SARABURI, 81.0),
    PageRow("องค์การบริหารส่วนตำบลสมมุติหนองปลา", "วิหารแดง", SARABURI, 68.75),
    PageRow("กรุงเทพมหานคร (ข้อมูลสมมุติ)", "-", "กรุงเทพมหานคร", 84.0),
    PageRow("เมืองพัทยา (ข้อมูลสมมุติ)", "บางละมุง", "ชลบุรี", 90.12),
]
FY = 2566


def _expected(rows: list[PageRow]) -> set[tuple]:
    """What the rows say, worked out from the rows themselves: (type, name, province, district, total)."""
    out = set()
    for row in rows:
        type_code, name = orgs.split_name(row.name, province=row.province)
        where = orgs.place(row.province, None if row.district == "-" else row.district)
        name = where.province_th if type_code == "pao" and name == where.province_th else name
        out.add((type_code, name, where.province_th, where.district_th, round(float(row.score), 2)))
    return out


def _stored(db) -> set[tuple]:
    frame = db.query(
        "SELECT o.org_type, o.name, o.province, o.district, a.total_score FROM assessments a "
        "JOIN organizations o USING (org_id) WHERE a.fiscal_year = ?",
        [FY],
    )
    return {
        (r.org_type, r.name, r.province, None if pd.isna(r.district) else r.district, round(r.total_score, 2))
        for r in frame.itertuples()
    }


@pytest.fixture(scope="module")
def forms() -> dict[str, bytes]:
    page = page_html(ROWS)
    return {"saved.html": page, "copied.txt": copied_text(page), "printed.pdf": printed_pdf(page)}


@pytest.fixture
def real_db(tmp_path):
    """``build --no-synthetic``: a database with no organisation in it yet."""
    path = tmp_path / "real.duckdb"
    build_database(path, reports_dir=None, synthetic_data=False)
    with open_store(path) as db:
        yield db


@pytest.mark.parametrize("name", ["saved.html", "copied.txt", "printed.pdf"])
def test_each_form_of_the_page_stores_the_same_organisations_districts_and_totals(forms, real_db, name):
    preview = read_table(forms[name], name, fiscal_year=FY)
    assert preview.ok, preview.errors
    assert preview.layout == "itas_province"
    result = commit_table(real_db, preview)
    assert result.ok and result.added == len(ROWS)
    assert result.match_counts["new"] == len(ROWS)
    assert _stored(real_db) == _expected(ROWS)
    assert real_db.query("SELECT count(*) AS n FROM organizations WHERE is_synthetic")["n"][0] == 0
    types = set(real_db.query("SELECT DISTINCT org_type FROM organizations")["org_type"])
    assert types == {t.code for t in orgs.ORG_TYPES}


def test_a_second_form_changes_nothing_and_either_import_can_be_withdrawn(forms, real_db):
    first = commit_table(real_db, read_table(forms["saved.html"], "saved.html", fiscal_year=FY))
    before = counts(real_db)
    second = commit_table(real_db, read_table(forms["printed.pdf"], "printed.pdf", fiscal_year=FY))
    assert (second.added, second.updated, second.unchanged) == (0, 0, len(ROWS))
    assert second.match_counts["matched"] == len(ROWS)
    after = counts(real_db)
    assert {k: v for k, v in after.items() if k != "sources"} == {k: v for k, v in before.items() if k != "sources"}
    assert after["sources"] == before["sources"] + 1 and second.source_id != first.source_id
    kinds = set(real_db.sources()["kind"])
    assert kinds == {"table"}  # the same precedence as any NACC table
    real_db.withdraw(first.source_id)
    assert _stored(real_db) == _expected(ROWS)  # the printed page still states every value
    real_db.withdraw(second.source_id)
    assert _stored(real_db) == set()


def test_names_typed_differently_are_one_organisation(forms, real_db):
    commit_table(real_db, read_table(forms["saved.html"], "saved.html", fiscal_year=FY))
    text = forms["copied.txt"].decode("utf-8")
    # ำ typed as ํ + า, a zero-width space, a tone typed before its vowel, doubled spaces.
    varied = (
        text.replace("สมมุติสระบุรี", "สมมุ\u200bติสระบุรี")
        .replace("ทต.สมมุติหนองแค", "ทต.  สมมุติหนองแค")
        .replace("สมมุติเสาไห้", "สมมุติเสาไ\u200dห้")
    )
    assert varied != text
    result = commit_table(real_db, read_table(varied.encode("utf-8"), "typed.txt", fiscal_year=FY))
    assert result.ok and result.match_counts["matched"] == len(ROWS) and result.added == 0
    assert len(real_db.query("SELECT org_id FROM organizations")) == len(ROWS)


def test_a_near_duplicate_name_is_put_to_the_person_and_nothing_is_stored_until_decided(real_db):
    commit_table(real_db, read_table(page_html(ROWS), "saved.html", fiscal_year=FY))
    variant = [PageRow("องค์การบริหารส่วนตำบลสมมุติบ้านหมอร์", "บ้านหมอ", SARABURI, 94.0)]
    data = page_html(variant, year_ce=2024)
    preview = read_table(data, "next.html", fiscal_year=2567)
    planned = commit_table(real_db, preview, dry_run=True)
    assert planned.match_counts["decide"] == 1 and planned.undecided == [2]
    near = planned.matches[planned.matches["status"] == "decide"].iloc[0]
    assert near["candidate"] == "อบต.สมมุติบ้านหมอ" and "สมมุติบ้านหมอร์" in near["org_name"]
    before = counts(real_db)
    refused = commit_table(real_db, preview)
    assert not refused.ok and counts(real_db) == before
    assert refused.rejected == [(2, labels.TABLE_UNDECIDED.format(rows="2"))]
    wrong = commit_table(real_db, preview, decisions={2: 999_999})
    assert not wrong.ok and counts(real_db) == before
    assert wrong.rejected[0][0] == 2 and "999999" in wrong.rejected[0][1] and "new" in wrong.rejected[0][1]
    accepted = commit_table(real_db, preview, accept_near=True)
    assert accepted.ok and accepted.match_counts["confirmed"] == 1
    stored = real_db.query(
        "SELECT o.name, a.total_score FROM assessments a JOIN organizations o USING (org_id) WHERE fiscal_year = 2567"
    )
    assert list(stored["name"]) == ["สมมุติบ้านหมอ"] and len(real_db.query("SELECT * FROM organizations")) == len(ROWS)


def test_a_near_row_decided_new_is_a_new_organisation(real_db):
    commit_table(real_db, read_table(page_html(ROWS), "saved.html", fiscal_year=FY))
    preview = read_table(
        page_html([PageRow("เทศบาลตำบลสมมุติบ้านหมอ", "บ้านหมอ", SARABURI, 70.0)]), "n.html", fiscal_year=FY
    )
    planned = commit_table(real_db, preview, dry_run=True)
    assert planned.undecided == [2]  # the same name as a stored อบต.: an upgraded organisation, or another?
    result = commit_table(real_db, preview, decisions={2: "new"})
    assert result.ok and result.added == 1
    assert len(real_db.query("SELECT * FROM organizations")) == len(ROWS) + 1


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (PageRow("อบต.สมมุติไกลบ้าน", "อำเภอสมมุติไม่มีจริง", SARABURI, 90.0), "อำเภอสมมุติไม่มีจริง"),
        (PageRow("อบต.สมมุติร้อยห้า", "หนองแค", SARABURI, 105.0), "0–100"),
        (PageRow("อบต.สมมุติไม่มีคะแนน", "หนองแค", SARABURI, "-"), "no score"),
        (PageRow("อบต.สมมุติว่างเปล่า", "หนองแค", SARABURI, ""), "no score"),
    ],
)
def test_a_bad_row_refuses_the_whole_page_with_its_row_named(real_db, row, expected):
    rows = [*ROWS[:3], row, *ROWS[3:]]
    preview = read_table(page_html(rows), "bad.html", fiscal_year=FY)
    assert not preview.ok
    (number, message), *_ = preview.errors
    assert number == 5  # the header is table row 1: the fourth organisation is row 5
    assert expected in message and row.name.replace("อบต.", "") in message
    before = counts(real_db)
    assert not commit_table(real_db, preview).ok and counts(real_db) == before


def test_a_page_of_another_layout_is_refused_naming_what_was_expected(real_db):
    headers = ("#", "หน่วยงาน", "อำเภอ", "จังหวัด", "จำนวนผู้ตอบแบบสำรวจ")
    with pytest.raises(TableError, match=r"row 1.*คะแนนเฉลี่ย.*จำนวนผู้ตอบแบบสำรวจ"):
        read_table(page_html(ROWS, headers=headers), "other.html", fiscal_year=FY)
    assert counts(real_db)["organizations"] == 0


def test_the_year_is_the_persons_when_the_page_states_none():
    page = page_html(ROWS, year_ce=2023)
    with pytest.raises(YearNeeded, match=r"--fy.*year=2023.*2566"):
        read_table(page, "saved.html")
    assert set(read_table(page, "saved.html", fiscal_year=2566).rows["fiscal_year"]) == {2566}


def test_a_page_stating_another_year_than_the_persons_is_refused_naming_both():
    page = page_html(ROWS, stated_year=2567)
    with pytest.raises(TableError, match=r"2567.*2566"):
        read_table(page, "saved.html", fiscal_year=2566)
    assert set(read_table(page, "saved.html").rows["fiscal_year"]) == {2567}


def test_the_command_line_takes_the_year_in_thai_digits_and_the_decisions(tmp_path, capsys):
    db = tmp_path / "real.duckdb"
    build_database(db, reports_dir=None, synthetic_data=False)
    page = tmp_path / "saved.html"
    page.write_bytes(page_html(ROWS))
    assert main(["import-table", str(page), "--db", str(db)]) == 1
    assert "--fy" in capsys.readouterr().err
    assert main(["import-table", str(page), "--db", str(db), "--fy", "๒๕๖๖"]) == 0
    assert f"ใหม่ {len(ROWS)}" in capsys.readouterr().out
    near = tmp_path / "near.html"
    near.write_bytes(page_html([PageRow("อบต.สมมุติบ้านหมอร์", "บ้านหมอ", SARABURI, 94.0)]))
    assert main(["import-table", str(near), "--db", str(db), "--year", "2567", "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert "ต้องตัดสินใจ 1" in out and "อบต.สมมุติบ้านหมอ" in out
    with open_store(db) as store:
        org_id = int(store.query("SELECT org_id FROM organizations WHERE name = 'สมมุติบ้านหมอ'")["org_id"][0])
    decisions = tmp_path / "decisions.csv"
    decisions.write_text(f"row,choice\n2,{org_id}\n")
    assert main(["import-table", str(near), "--db", str(db), "--fy", "2567", "--decisions", str(decisions)]) == 0
    with open_store(db) as store:
        assert len(store.query("SELECT * FROM organizations")) == len(ROWS)
        assert store.query("SELECT org_id FROM assessments WHERE fiscal_year = 2567")["org_id"].tolist() == [org_id]


def test_a_printed_page_longer_than_a_report_is_read_in_parts(monkeypatch):
    """A national table prints to about 250 pages, more than the report reader takes (200): it is read
    in parts. Here parts of one page stand for parts of 200."""
    rows = [PageRow(f"อบต.สมมุติหมายเลข {n}", "หนองแค", SARABURI, 60 + n / 4) for n in range(1, 121)]
    data = printed_pdf(page_html(rows))
    whole = read_table(data, "printed.pdf", fiscal_year=FY)
    monkeypatch.setattr(tabbed.limits, "MAX_PAGES", 1)
    parts = read_table(data, "printed.pdf", fiscal_year=FY)
    assert tabbed.pdf_page_count(data) > 2
    assert parts.ok and len(parts.rows) == len(rows), parts.errors[:5]
    assert parts.rows[["org_key", "total_score"]].equals(whole.rows[["org_key", "total_score"]])


def test_a_printed_page_keeps_every_district_name():
    """Beside a letter that reaches above the others (ไ, ป), chromium's copy of a cluster is still a copy."""
    rows = [PageRow("อบต.สมมุติริมมูล", "ราษีไศล", "ศรีสะเกษ", 90.0), PageRow("อบต.สมมุติศิลปะ", "ประจักษ์ศิลปาคม", "อุดรธานี", 80.0)]
    preview = read_table(printed_pdf(page_html(rows)), "printed.pdf", fiscal_year=FY)
    assert preview.ok, preview.errors


def test_a_result_page_given_as_a_report_is_sent_to_the_table_importer():
    report = reports.parse_bytes(page_html(ROWS), "saved.html")
    assert any("import-table" in w for w in report.warnings)
    assert report.fiscal_year is None  # and ingest refuses it: it states no year


def test_an_organisation_stored_under_an_older_spelling_is_matched_not_stored_again(real_db):
    """A key written before names were compared in one spelling (ํา typed as two marks) is found."""
    page = page_html([PageRow("องค์การบริหารส่วนตำบลสมมุติน้ำตก", "หนองแค", SARABURI, 90.0)])
    commit_table(real_db, read_table(page, "first.html", fiscal_year=FY))
    with real_db.transaction() as cur:  # as an older version of the store wrote it
        cur.execute("UPDATE organizations SET org_key = 'sao|สมมุตินํ้าตก|19', name = 'สมมุตินํ้าตก'")
    next_year = page_html([PageRow("องค์การบริหารส่วนตำบลสมมุติน้ำตก", "หนองแค", SARABURI, 92.0)], year_ce=2024)
    again = commit_table(real_db, read_table(next_year, "second.html", fiscal_year=2567))
    assert again.ok and again.match_counts["matched"] == 1 and again.added == 1
    assert len(real_db.query("SELECT * FROM organizations")) == 1

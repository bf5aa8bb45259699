"""About the data: the method per year, one organisation by id, its measures, and the document behind each number."""

from __future__ import annotations

import datetime as dt

import pytest

from ita_data import framework
from ita_data import store as store_module
from ita_data.analytics import about
from ita_data.store import OrgRecord

AS_OF = dt.date(2025, 6, 1)


@pytest.fixture
def documented(store):
    """One organisation whose 2567 numbers came from a results table and whose 2568 numbers came from
    its analysis report, with measures from the analysis and a later measures report."""
    with store.transaction() as cur:
        table = store_module.add_source(cur, "ita-2567.csv", "sum-table", "table")
        analysis = store_module.add_source(cur, "วิเคราะห์ผล 2568.txt", "sum-analysis", "analysis")
        report = store_module.add_source(cur, "รายงานมาตรการ 2568.txt", "sum-measures", "measures")
        org = store_module.upsert_organization(cur, OrgRecord("sao", "บ้านหนึ่ง", "สระบุรี", "แก่งคอย"))
        other = store_module.upsert_organization(cur, OrgRecord("sao", "บ้านสอง", "สระบุรี"))
        store_module.save_assessment(
            cur, org, 2567, table, label="org", total_score=88.0, indicator_scores={n: 88.0 for n in range(1, 11)}
        )
        store_module.save_assessment(
            cur,
            org,
            2568,
            analysis,
            label="org",
            total_score=90.5,
            indicator_scores={n: 90.0 for n in range(1, 11)} | {9: 95.0},
            item_scores={"o2": 50, "i1": 100, "e3": 67},
        )
        store_module.save_assessment(cur, other, 2568, table, label="other", total_score=70.0)
        # The analysis planned two measures; the measures report of the same year supersedes the plan.
        store_module.replace_measures(
            cur,
            org,
            2568,
            "analysis",
            [{"indicator": 9, "title": "แผนเดิม", "status": "planned"}],
            analysis,
            label="org",
        )
        store_module.replace_measures(
            cur,
            org,
            2568,
            "measures",
            [
                {
                    "indicator": 9,
                    "title": "late",
                    "issue": "ข้อมูลไม่ครบ",
                    "responsible": "สำนักปลัด",
                    "due_date": dt.date(2025, 1, 1),
                    "status": "in_progress",
                },
                {
                    "item": "o2",
                    "title": "finished",
                    "due_date": dt.date(2024, 12, 1),
                    "status": "done",
                    "completed_on": dt.date(2024, 11, 20),
                    "result": "เผยแพร่แล้ว",
                },
            ],
            report,
            label="org",
        )
        store_module.replace_measures(
            cur,
            org,
            2567,
            "analysis",
            [{"indicator": 7, "title": "old plan", "status": "planned", "due_date": dt.date(2024, 3, 1)}],
            analysis,
            label="org",
        )
    return {"org": org, "other": other}


def test_organization_by_id_and_an_unknown_id(store, documented):
    cur = store.cursor()
    row = about.organization(cur, documented["org"]).iloc[0]
    assert (row.org_name, row.province, row.district) == ("อบต.บ้านหนึ่ง", "สระบุรี", "แก่งคอย")
    assert (row.first_year, row.last_year) == (2567, 2568)
    assert about.organization(cur, 999_999).empty


def test_each_number_names_the_document_it_came_from(store, documented):
    frame = about.org_sources(store.cursor(), documented["org"], 2568)
    by_key = frame.set_index(["record", "key"])
    assert by_key.loc[("total", "total"), "file_name"] == "วิเคราะห์ผล 2568.txt"
    assert by_key.loc[("total", "total"), "value"] == 90.5
    assert by_key.loc[("indicator", "9"), "value"] == 95.0
    assert by_key.loc[("item", "o2"), "kind"] == "analysis"
    assert by_key.loc[("measure", "late"), "file_name"] == "รายงานมาตรการ 2568.txt"
    # total, indicators 1-10 in order, items IIT then EIT then OIT, then the measures that stand
    assert list(frame.record) == ["total"] + ["indicator"] * 10 + ["item"] * 3 + ["measure"] * 2
    assert list(frame.key[1:11]) == [str(n) for n in range(1, 11)]
    assert list(frame.key[11:14]) == ["i1", "e3", "o2"]
    assert "แผนเดิม" not in set(frame.key)  # superseded by the measures report


def test_sources_of_every_year_newest_first(store, documented):
    frame = about.org_sources(store.cursor(), documented["org"])
    assert list(frame.fiscal_year.unique()) == [2568, 2567]
    older = frame[frame.fiscal_year == 2567].set_index(["record", "key"])
    assert older.loc[("total", "total"), "file_name"] == "ita-2567.csv"
    assert older.loc[("measure", "old plan"), "file_name"] == "วิเคราะห์ผล 2568.txt"
    assert about.org_sources(store.cursor(), documented["other"], 2567).empty


def test_an_organisations_measures_with_overdue_as_of_a_day(store, documented):
    frame = about.org_measures(store.cursor(), documented["org"], as_of=AS_OF)
    assert list(frame.title) == ["late", "finished", "old plan"]  # newest year first, overdue first
    late, finished, old = frame.itertuples()
    assert late.overdue and late.issue == "ข้อมูลไม่ครบ" and late.file_name == "รายงานมาตรการ 2568.txt"
    assert not finished.overdue and finished.result == "เผยแพร่แล้ว"
    assert finished.indicator == "9"  # o2 belongs to indicator 9 in FY2568
    assert old.overdue  # planned, due 1 Mar 2024
    assert about.org_measures(store.cursor(), documented["org"], as_of=dt.date(2024, 1, 1)).overdue.sum() == 0


def test_method_changes_and_levels_per_year_follow_the_rules():
    changes = about.method_changes()
    years = framework.known_years()
    assert list(changes.fiscal_year) == [y for y in years[1:] if framework.method_changes(y - 1, y)]
    levels = about.level_bands_by_year()
    assert set(levels.fiscal_year) == set(years)
    for fy in years:
        assert list(levels[levels.fiscal_year == fy].level) == [b.level for b in framework.level_bands(fy)]

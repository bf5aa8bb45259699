"""Queries that list rows in the order their derived table is stored in, checked against an explicit sort.

refresh_derived.sql stores org_dim, filter_options, measures_open, total_checks, level_checks and
org_missing_years in the order a query lists them, and those queries leave out ORDER BY (DuckDB keeps
a table's order through a scan of that one table). These tests sort the same rows explicitly and compare.
"""

from __future__ import annotations

import datetime as dt

import pytest
from analytics_helpers import Builder, flat

from ita_data import analytics
from ita_data.analytics import Filters
from ita_data.store import Store


@pytest.fixture(scope="module")
def national(national_db):
    with Store(national_db, read_only=True) as db:
        yield db.cursor()


@pytest.mark.parametrize("text", ["หนอง", "บ้าน", "สมมุติ 1", "อบจ."])
def test_search_orgs_in_thai_alphabetical_order(national, text):
    found = analytics.search_orgs(national, text, limit=200)
    expected = national.execute(
        """SELECT org_id FROM org_dim
           WHERE contains(org_name, $text) OR contains(name, $text)
           ORDER BY org_name COLLATE th, province COLLATE th, org_id LIMIT 200""",
        {"text": text},
    ).fetchall()
    assert len(found) > 0
    assert found.org_id.tolist() == [r[0] for r in expected]


def test_filter_options_in_listing_order(national):
    options = analytics.filter_options(national, "30")
    years = options[options.kind == "year"].code.astype(int).tolist()
    assert years == sorted(years)
    for kind, key in (("province", "province"), ("district", "district")):
        listed = options[options.kind == kind]
        expected = national.execute(
            f"""SELECT {key}_code FROM org_dim WHERE ($kind = 'province' OR province_code = '30')
                  AND {key}_code IS NOT NULL
                GROUP BY {key}_code ORDER BY any_value({key}) COLLATE th, {key}_code""",
            {"kind": kind},
        ).fetchall()
        assert listed.code.tolist() == [r[0] for r in expected]
    types = options[options.kind == "org_type"].code.tolist()
    assert types == [code for code in analytics.common.ORG_TYPE_CODES if code in types]
    assert list(dict.fromkeys(options.kind)) == ["year", "province", "district", "org_type"]


@pytest.mark.parametrize("as_of", [dt.date(2024, 1, 1), dt.date(2025, 10, 15), dt.date(2027, 1, 1)])
def test_open_measures_most_overdue_first(national, as_of):
    found = analytics.open_measures(national, Filters(2567), as_of)
    assert found.overdue.any() or as_of.year == 2024
    expected = found.sort_values(
        ["days_overdue", "due_date", "org_id", "measure_id"],
        ascending=[False, True, True, True],
        na_position="last",
        kind="stable",
    )
    assert found.measure_id.tolist() == expected.measure_id.tolist()


def test_missing_years_by_organisation_and_year(national):
    found = analytics.missing_years(national, Filters(2566))
    assert len(found) > 0
    assert found[["org_id", "fiscal_year"]].values.tolist() == sorted(found[["org_id", "fiscal_year"]].values.tolist())


def test_total_check_largest_difference_first(store):
    with store.transaction() as cur:
        b = Builder(cur)
        ids = [b.org(f"บ้านผลรวม {n}") for n in range(6)]
        for org_id, printed in zip(ids, [90.5, 89.0, 91.0, 90.5, 90.0, 90.3]):  # recomputed: 90
            b.year(org_id, 2566, flat(90), total=printed)
    found = analytics.total_check(store.cursor(), Filters(2566))
    assert found.difference.tolist() == [-1.0, 1.0, 0.5, 0.5, pytest.approx(0.3)]
    assert found.org_id.tolist() == [ids[1], ids[2], ids[0], ids[3], ids[5]]


def test_level_check_by_organisation(store):
    with store.transaction() as cur:
        b = Builder(cur)
        ids = [b.org(f"บ้านลำดับ {n}") for n in range(5)]
        for org_id in reversed(ids):  # written last first
            b.year(org_id, 2566, flat(90), level="A")  # a letter where FY2566 uses Thai levels
    found = analytics.level_check(store.cursor(), Filters(2566))
    assert found.org_id.tolist() == sorted(ids)


def test_threads_share_the_parsed_queries(national_db):
    """Sessions query from their own threads and cursors; the parsed statements are shared by all."""
    from concurrent.futures import ThreadPoolExecutor

    calls = [
        lambda c: analytics.search_orgs(c, "หนอง"),
        lambda c: analytics.filter_options(c, "30"),
        lambda c: analytics.rankings(c, Filters(2566, province_code="30"), "province"),
        lambda c: analytics.open_measures(c, Filters(2567), dt.date(2025, 10, 15)),
        lambda c: analytics.movers(c, Filters(2566)),
    ]
    with Store(national_db, read_only=True) as db:
        expected = [call(db.cursor()) for call in calls]

        def work(round_: int) -> bool:
            cur = db.cursor()
            return all(call(cur).equals(want) for call, want in zip(calls, expected))

        with ThreadPoolExecutor(max_workers=4) as pool:
            assert all(pool.map(work, range(12)))

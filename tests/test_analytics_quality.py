"""Data quality: printed totals and levels against the rules, missing years, two spellings of one organisation."""

from __future__ import annotations

import duckdb
import pytest
from analytics_helpers import Builder, flat

from ita_data import analytics
from ita_data.analytics import DerivedTablesMissing, Filters


def test_printed_total_against_the_recomputed_total(store):
    with store.transaction() as cur:
        b = Builder(cur)
        wrong, right, rounded = b.org("บ้านผิด"), b.org("บ้านถูก"), b.org("บ้านปัด")
        b.year(wrong, 2566, flat(80), total=90.0)
        b.year(right, 2566, flat(80), total=80.0)
        b.year(rounded, 2566, flat(80), total=80.01)  # within the 0.01 rounding tolerance
    frame = analytics.total_check(store.cursor(), Filters(2566))
    assert list(frame.org_id) == [wrong]
    assert (frame.total_printed[0], frame.total_computed[0], frame.difference[0]) == (90, 80, 10)
    strict = analytics.total_check(store.cursor(), Filters(2566), tolerance=0.001)
    assert set(strict.org_id) == {wrong, rounded}


def test_printed_level_against_the_official_level(store):
    with store.transaction() as cur:
        b = Builder(cur)
        mixed, fine = b.org("บ้านปน"), b.org("บ้านดี")
        # FY2566 report: "77.70 ... ระดับ B" - a letter after the Thai scheme began
        b.year(mixed, 2566, total=77.70, level="B")
        b.year(fine, 2566, total=77.70, level="ต้องปรับปรุง")
    frame = analytics.level_check(store.cursor(), Filters(2566))
    assert list(frame.org_id) == [mixed]
    row = frame.iloc[0]
    assert (row.level_reported, row.level_computed, row.reported_in_scheme) == ("B", "ต้องปรับปรุง", False)


def test_missing_years_against_the_years_the_data_has(store):
    with store.transaction() as cur:
        b = Builder(cur)
        full, holey = b.org("บ้านครบ"), b.org("บ้านขาด")
        for fy in (2565, 2566, 2567):
            b.year(full, fy, flat(80))
        b.year(holey, 2565, flat(80))
        b.year(holey, 2567, flat(80))
    frame = analytics.missing_years(store.cursor(), Filters(2567))
    assert list(zip(frame.org_id, frame.fiscal_year, frame.years_present)) == [(holey, 2566, 2)]
    assert analytics.missing_years(store.cursor(), Filters(2567, province_code="16")).empty


def test_one_organisation_under_two_spellings(store):
    with store.transaction() as cur:
        b = Builder(cur)
        tone = b.org("บ้านกล้วย")
        no_tone = b.org("บ้านกลวย")  # the tone mark lost in a PDF
        letter_a = b.org("บ้านหนองแก", district="แก่งคอย")
        letter_b = b.org("บ้านหนองแค", district="แก่งคอย")
        b.org("บ้านนา 2")
        b.org("บ้านนา 3")  # numbered organisations are different ones
        b.org("บ้านหนองแข", district="เมืองสระบุรี")  # a letter apart, but another district
        b.org("บ้านกลวย", org_type="subdistrict_municipality")  # another type
        b.year(tone, 2565, flat(80))
        b.year(no_tone, 2566, flat(80))
    frame = analytics.duplicate_orgs(store.cursor(), Filters(2566))
    pairs = {(r.org_id_a, r.org_id_b): r for r in frame.itertuples()}
    assert set(pairs) == {(tone, no_tone), (letter_a, letter_b)}
    assert pairs[(tone, no_tone)].reason == "same_name_loosely"
    assert pairs[(letter_a, letter_b)].reason == "one_letter_apart"
    assert list(pairs[(tone, no_tone)].years_a) == [2565] and pairs[(tone, no_tone)].shared_years == 0


def test_a_database_without_derived_tables_says_how_to_fix_it(store):
    store.close()
    con = duckdb.connect(str(store.path))
    con.execute("DROP TABLE org_scores")  # as in a file written before the analytics existed
    con.close()
    with pytest.raises(DerivedTablesMissing):
        analytics.rankings(store.cursor(), Filters(2566))

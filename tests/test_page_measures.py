"""มาตรการ: the page shows what analytics.open_measures, measure_coverage and measure_effectiveness return."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil

import pytest
from pages_helpers import analytics_cursor, latest_year, table_with, texts
from small_data import HTML_TITLE, add_measure_titled, build_small_db

from ita_data import analytics, labels, thai
from ita_data.analytics import Filters
from ita_data.store import Store

PAGE = "pages/measures.py"
AS_OF = dt.date(2025, 6, 1)
col = labels.column_label


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


@pytest.fixture(scope="module")
def small_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("measures") / "small.duckdb"
    build_small_db(path)
    return path


def test_the_page_shows_open_measures_coverage_and_effectiveness_of_the_national_data(app, national_db):
    at = app(national_db, page=PAGE)
    assert not at.exception
    assert "มาตรการ" in texts(at.title)
    with analytics_cursor(national_db) as cur:
        f = Filters(latest_year(cur))
        as_of = at.date_input(key="as_of").value
        open_ = analytics.open_measures(cur, f, as_of)
        coverage = analytics.measure_coverage(cur, f)
        effect_year = at.selectbox(key="m_effect_year").value
        effect = analytics.measure_effectiveness(cur, dataclasses.replace(f, fiscal_year=effect_year))
    assert as_of == dt.date.today()
    assert metric(at, "ยังไม่เสร็จ") == f"{len(open_):,}"
    assert metric(at, "เกินกำหนด") == f"{int(open_.overdue.sum()):,}"
    table = table_with(at, col("days_overdue"), col("title"))
    assert table[col("org_id")].tolist() == open_.org_id.tolist()
    assert metric(at, "ยังไม่มีมาตรการ") == f"{int((~coverage.covered).sum()):,}"
    assert metric(at, "ตัวชี้วัดที่อ่อน (หน่วยงาน × ตัวชี้วัด)") == f"{len(coverage):,}"
    assert len(at.get("plotly_chart")) >= 3
    shown_effect = table_with(at, col("effect"))
    assert shown_effect[col("effect")].tolist() == pytest.approx(effect.effect.tolist())
    assert shown_effect[col("orgs_with_measure")].tolist() == effect.orgs_with_measure.tolist()


def test_a_province_in_the_sidebar_narrows_the_measures(app, national_db):
    at = app(national_db, page=PAGE)
    before = metric(at, "ยังไม่เสร็จ")
    at.selectbox(key="province").select("19").run()
    assert not at.exception
    with analytics_cursor(national_db) as cur:
        f = Filters(latest_year(cur), province_code="19")
        open_ = analytics.open_measures(cur, f, at.date_input(key="as_of").value)
        coverage = analytics.measure_coverage(cur, f)
    assert metric(at, "ยังไม่เสร็จ") == f"{len(open_):,}" != before
    assert metric(at, "ตัวชี้วัดที่อ่อน (หน่วยงาน × ตัวชี้วัด)") == f"{len(coverage):,}"
    assert set(table_with(at, col("days_overdue")).loc[:, col("province")]) <= {"สระบุรี"}


def test_as_of_status_indicator_and_unit_filter_the_list(app, small_db):
    at = app(small_db, page=PAGE)
    assert not at.exception
    with analytics_cursor(small_db) as cur:
        everything = analytics.open_measures(cur, Filters(2568), AS_OF)
        on_nine = analytics.open_measures(cur, Filters(2568, indicator="9"), AS_OF)
    at.date_input(key="as_of").set_value(AS_OF).run()
    assert metric(at, "ยังไม่เสร็จ") == str(len(everything)) == "3"
    assert metric(at, "เกินกำหนด") == str(int(everything.overdue.sum())) == "2"
    table = table_with(at, col("days_overdue"))
    assert table[col("title")].tolist() == everything.title.tolist()
    assert table[col("days_overdue")].tolist()[:2] == everything.days_overdue.tolist()[:2]
    assert table[col("due_date")].tolist() == [thai.format_be_date(d) for d in everything.due_date]
    assert any("1 มิ.ย. 2568" in s for s in texts(at.subheader))  # the as-of day in B.E.

    at.selectbox(key="m_status").select("planned").run()
    planned = everything[everything.status == "planned"]
    assert metric(at, "ยังไม่เสร็จ") == str(len(planned))
    assert set(table_with(at, col("days_overdue"))[col("status")]) == {labels.STATUSES["planned"]}

    at.selectbox(key="m_status").select(None).run()
    at.selectbox(key="m_indicator").select("9").run()
    assert metric(at, "ยังไม่เสร็จ") == str(len(on_nine)) == "1"

    at.selectbox(key="m_indicator").select(None).run()
    at.selectbox(key="m_unit").select("กองคลัง").run()
    assert (
        table_with(at, col("days_overdue"))[col("title")].tolist()
        == everything[everything.responsible == "กองคลัง"].title.tolist()
    )

    at.toggle(key="m_overdue").set_value(True).run()
    assert table_with(at, col("days_overdue"))[col("title")].tolist() == ["อบรมคุณธรรม"]
    assert not at.exception


def test_effectiveness_compares_with_same_province_organisations(app, small_db):
    at = app(small_db, page=PAGE)
    assert at.selectbox(key="m_effect_year").value == 2567  # FY2568 has no next year
    with analytics_cursor(small_db) as cur:
        effect = analytics.measure_effectiveness(cur, Filters(2567))
    table = table_with(at, col("effect"))
    assert table[col("effect")].tolist() == pytest.approx(effect.effect.tolist())
    assert table[col("indicator")].tolist() == [labels.INDICATOR_LABELS[i] for i in effect.indicator]


def test_an_empty_database_shows_notices_not_errors(app, tmp_path):
    Store(tmp_path / "empty.duckdb").close()
    at = app(tmp_path / "empty.duckdb", page=PAGE)
    assert not at.exception
    assert "มาตรการ" in texts(at.title)
    assert at.info


def test_a_measure_title_with_html_is_shown_as_text(app, small_db, tmp_path):
    path = tmp_path / "copy.duckdb"
    shutil.copy(small_db, path)
    with Store(path) as db:
        org = int(db.query("SELECT org_id FROM organizations WHERE name = 'บ้านซี'").org_id[0])
    add_measure_titled(path, org, HTML_TITLE)
    at = app(path, page=PAGE)
    assert not at.exception
    assert HTML_TITLE in table_with(at, col("days_overdue"))[col("title")].tolist()
    assert not any(m.proto.allow_html for m in at.markdown)
    assert not any(HTML_TITLE in m.value for m in at.markdown)


def test_an_empty_item_is_blank_not_the_word_none(app, national_db):
    at = app(national_db, page=PAGE)
    assert not at.exception
    with analytics_cursor(national_db) as cur:
        open_ = analytics.open_measures(cur, Filters(latest_year(cur)), at.date_input(key="as_of").value)
    assert open_.item.isna().any()  # the national data has measures that name no item
    items = table_with(at, col("days_overdue"), col("title"))[col("item")]
    assert items.notna().all() and "None" not in items.tolist()
    assert (items == "").sum() == int(open_.item.isna().sum())


def test_links_typed_with_codes_open_the_summary_and_indicator_they_name(app, national_db):
    at = app(national_db, page=PAGE, query={"m_by": "indicator", "m_indicator": "9", "m_status": "planned"})
    assert not at.exception
    assert at.segmented_control(key="m_by").value == "indicator"
    assert at.selectbox(key="m_indicator").value == "9"
    assert at.selectbox(key="m_status").value == "planned"
    assert not [w for w in at.warning if ":material/link_off:" in str(w.icon)]


def test_open_measures_none_of_them_overdue_are_listed_without_error(app, small_db):
    # On the first due date, every open measure is on time: days overdue is empty in every row.
    with analytics_cursor(small_db) as cur:
        first_due = analytics.open_measures(cur, Filters(2568), AS_OF).due_date.min()
    at = app(small_db, page=PAGE)
    at.date_input(key="as_of").set_value(first_due).run()
    assert not at.exception
    assert metric(at, "เกินกำหนด") == "0" and metric(at, "ยังไม่เสร็จ") != "0"

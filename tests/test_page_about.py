"""เกี่ยวกับข้อมูล: the method, the sources, what is synthetic, credits and data quality, as ita_data gives them."""

from __future__ import annotations

from pages_helpers import analytics_cursor, latest_year, table_with, texts

from ita_data import analytics, framework, labels
from ita_data.analytics import Filters, about
from ita_data.store import Store

PAGE = "pages/about.py"
col = labels.column_label


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_the_method_sources_and_quality_of_the_national_data(app, national_db):
    at = app(national_db, page=PAGE)
    assert not at.exception
    assert "เกี่ยวกับข้อมูล" in texts(at.title)
    with analytics_cursor(national_db) as cur:
        f = Filters(latest_year(cur))
        status = about.data_status(cur)
        sources = about.sources(cur)
        missing = analytics.missing_years(cur, f)
        duplicates = analytics.duplicate_orgs(cur, f)
        totals = analytics.total_check(cur, f)
    assert metric(at, "ข้อมูลสมมุติ") == f"{status['synthetic_orgs']:,}"
    assert metric(at, "ปีที่ขาดหาย") == f"{len(missing):,}"
    assert metric(at, "หน่วยงานที่อาจซ้ำ") == f"{len(duplicates):,}"
    assert metric(at, "คะแนนรวมไม่ตรง") == f"{len(totals):,}"
    shown_sources = table_with(at, col("file_name"), col("imported_at"))
    assert shown_sources[col("file_name")].tolist() == sources.file_name.tolist()
    indicators = table_with(at, col("name_th"), col("tool"))
    assert col("name_en") not in indicators.columns  # no English on screen (issue 24); the download keeps it
    assert indicators[col("name_th")].tolist() == [i.name_th for i in framework.indicators()]
    method = table_with(at, col("weight_oit"))
    assert method[col("fiscal_year")].tolist() == list(framework.known_years())
    oit_weights = [framework.year_rules(y).weights["OIT"] for y in framework.known_years()]
    assert method[col("weight_oit")].tolist() == oit_weights
    levels = table_with(at, col("min_total"))
    assert len(levels) == len(about.level_bands_by_year())
    body = " ".join(texts(at.markdown))
    assert "geothai" in body and "CC-BY-4.0" in body and "Natural Earth" in body and "ป.ป.ช." in body


def test_quality_follows_the_sidebars_year_and_province(app, national_db):
    at = app(national_db, page=PAGE)
    with analytics_cursor(national_db) as cur:
        fy = latest_year(cur)
        earlier = Filters(fy - 3)
        narrow = Filters(fy - 3, province_code="19")
        expected = (len(analytics.missing_years(cur, earlier)), len(analytics.missing_years(cur, narrow)))
    at.selectbox(key="fy").select(fy - 3).run()
    assert not at.exception
    assert metric(at, "ปีที่ขาดหาย") == f"{expected[0]:,}"
    at.selectbox(key="province").select("19").run()
    assert metric(at, "ปีที่ขาดหาย") == f"{expected[1]:,}"
    assert expected[0] != expected[1]
    shown = table_with(at, col("years_present"))
    assert set(shown[col("province")]) <= {"สระบุรี"}


def test_an_empty_database_still_shows_the_method(app, tmp_path):
    Store(tmp_path / "empty.duckdb").close()
    at = app(tmp_path / "empty.duckdb", page=PAGE)
    assert not at.exception
    assert "เกี่ยวกับข้อมูล" in texts(at.title)
    assert metric(at, "หน่วยงาน") == "0"
    assert table_with(at, col("name_th"), col("tool")).shape[0] == len(framework.indicators())
    assert at.info  # no sources yet

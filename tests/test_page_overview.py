"""ภาพรวม and the frame: numbers from the database, filters from the URL, the synthetic banner."""

import pytest

from ita_data import analytics, labels
from ita_data.store import Store

PAGE = "pages/overview.py"


@pytest.fixture(scope="module")
def expected(national_db):
    """What the analytics say for the views the tests open (the page must show the same).

    Opened for writing like the app's own store: DuckDB refuses two configurations in one process."""
    with Store(national_db) as db:
        cur = db.cursor()
        views = {
            "nation": analytics.Filters(2568),
            "saraburi_2566": analytics.Filters(2566, province_code="19"),
            "oit": analytics.Filters(2568, indicator="OIT"),
        }
        return {k: analytics.overview(cur, f).iloc[0] for k, f in views.items()}


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_overview_shows_the_nation_from_the_database(app, national_db, expected):
    at = app(national_db)
    assert not at.exception
    shown = _metrics(at)
    want = expected["nation"]
    assert shown["หน่วยงาน"] == f"{want.org_count:,}"
    assert shown["ค่าเฉลี่ย คะแนนรวม"] == f"{want.mean_score:,.2f}"
    assert shown["ผ่านเกณฑ์ (≥ 85)"] == f"{want.pass_rate:.1%}"
    assert any(w.value == labels.SYNTHETIC_BANNER for w in at.warning)
    assert "ข้อมูลสมมุติ" in at.caption[-1].value  # the footer says what is shown


def test_changing_province_and_year_changes_the_numbers(app, national_db, expected):
    at = app(national_db)
    at.sidebar.selectbox(key="province").select("19").run()
    at.sidebar.selectbox(key="fy").select(2566).run()
    assert not at.exception
    want = expected["saraburi_2566"]
    shown = _metrics(at)
    assert shown["หน่วยงาน"] == f"{want.org_count:,}" != f"{expected['nation'].org_count:,}"
    assert shown["ค่าเฉลี่ย คะแนนรวม"] == f"{want.mean_score:,.2f}"


def test_changing_the_indicator_changes_the_mean(app, national_db, expected):
    at = app(national_db)
    at.sidebar.selectbox(key="indicator").select("OIT").run()
    assert not at.exception
    assert _metrics(at)[f"ค่าเฉลี่ย {labels.indicator_label('OIT')}"] == f"{expected['oit'].mean_score:,.2f}"


def test_a_link_opens_the_same_view(app, national_db, expected):
    at = app(national_db, query={"province": "สระบุรี", "fy": "2566"})
    assert not at.exception
    assert _metrics(at)["หน่วยงาน"] == f"{expected['saraburi_2566'].org_count:,}"


def test_a_bad_link_value_falls_back_with_a_notice(app, national_db, expected):
    at = app(national_db, query={"province": "แอตแลนติส", "indicator": "99"})
    assert not at.exception
    notices = [w.value for w in at.warning]
    assert any("แอตแลนติส" in n for n in notices) and any("99" in n for n in notices)
    assert _metrics(at)["หน่วยงาน"] == f"{expected['nation'].org_count:,}"


def test_without_synthetic_data_the_banner_goes_and_nothing_is_left(app, national_db):
    at = app(national_db)
    at.sidebar.checkbox(key="synthetic").uncheck().run()
    assert not at.exception
    assert not any(w.value == labels.SYNTHETIC_BANNER for w in at.warning)
    assert at.info  # only synthetic organisations in the default data


def test_an_empty_database_renders_with_a_notice(app, tmp_path):
    path = tmp_path / "empty.duckdb"
    Store(path).close()
    at = app(path)
    assert not at.exception
    assert at.info
    assert not any(w.value == labels.SYNTHETIC_BANNER for w in at.warning)


def test_a_link_typed_with_codes_opens_the_same_view(app, national_db, expected):
    at = app(national_db, query={"province": "19", "fy": "2566"})
    assert not at.exception
    assert not [w for w in at.warning if "ในลิงก์" in w.value]
    assert _metrics(at)["หน่วยงาน"] == f"{expected['saraburi_2566'].org_count:,}"
    thai_digits = app(national_db, query={"province": "๑๙", "fy": "๒๕๖๖"})
    assert _metrics(thai_digits)["หน่วยงาน"] == f"{expected['saraburi_2566'].org_count:,}"


def test_a_link_typed_with_an_indicator_number_and_a_type_code(app, national_db):
    with Store(national_db) as db:
        want = analytics.overview(db.cursor(), analytics.Filters(2568, org_type="sao", indicator="9")).iloc[0]
    at = app(national_db, query={"indicator": "9", "type": "sao"})
    assert not at.exception
    assert (at.sidebar.selectbox(key="indicator").value, at.sidebar.selectbox(key="type").value) == ("9", "sao")
    assert _metrics(at)[f"ค่าเฉลี่ย {labels.indicator_label('9')}"] == f"{want.mean_score:,.2f}"
    assert _metrics(at)["หน่วยงาน"] == f"{want.org_count:,}"


def test_the_caption_downloads_carry_names_the_province_by_its_name(app, national_db):
    with Store(national_db) as db:
        options = analytics.filter_options(db.cursor())
    name = options[(options.kind == "province") & (options.code == "19")].label.iloc[0]
    at = app(national_db, query={"province": "19"})
    captions = [c.value for c in at.caption]
    assert any(f"จังหวัด{name}" in c for c in captions)
    assert not any("จังหวัด19" in c for c in captions)


def test_the_indicator_chart_names_every_bar(app, national_db):
    import json

    at = app(national_db)
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    names = [labels.INDICATOR_LABELS[n] for n in labels.INDICATOR_NUMBERS]
    means = [s for s in specs if s["layout"].get("barmode") == "group"]
    assert len(means) == 1
    # Bars across, each named in full on its own row: names never overlap (issue 24)
    assert [trace["y"] for trace in means[0]["data"]] == [names, names]
    assert all(trace["orientation"] == "h" for trace in means[0]["data"])

"""ita_data.views: a link's values read as people write them and written back as codes; files in
people's words, rounded as on screen, with the synthetic warning only when synthetic rows are in them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math

import openpyxl
import pandas as pd
import pytest
from analytics_helpers import Builder, flat

from ita_data import labels, views
from ita_data.analytics import Filters
from ita_data.derived import open_store
from ita_data.views import PARAMS, present
from tests.small_data import build_small_db

PROVINCES: dict[str | None, str] = {None: labels.ALL, "50": "เชียงใหม่", "19": "สระบุรี"}
YEARS = {2568: "2568", 2567: "2567"}
TYPES: dict[str | None, str] = {None: labels.ALL}
TYPES.update(labels.ORG_TYPE_LABELS)


@pytest.mark.parametrize(
    ("key", "text", "offered", "expected"),
    [
        ("province", "50", PROVINCES, "50"),
        ("province", "๕๐", PROVINCES, "50"),
        ("province", "เชียงใหม่", PROVINCES, "50"),
        ("province", "จังหวัดเชียงใหม่", PROVINCES, "50"),
        ("province", "ทั้งหมด", PROVINCES, None),
        ("fy", "๒๕๖๗", YEARS, 2567),
        ("fy", "67", YEARS, 2567),
        ("fy", "พ.ศ. 2568", YEARS, 2568),
        ("indicator", "9", labels.INDICATOR_LABELS, "9"),
        ("indicator", "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", labels.INDICATOR_LABELS, "9"),
        ("indicator", "ตัวชี้วัดที่ ๙", labels.INDICATOR_LABELS, "9"),
        ("indicator", "oit", labels.INDICATOR_LABELS, "OIT"),
        ("type", "อบต.", TYPES, "sao"),
        ("within", "ทั้งประเทศ", labels.RANK_WITHIN, "nation"),
        ("synthetic", "ไม่", None, False),
        ("synthetic", "๑", None, True),
        ("as_of", "30/09/2569", None, dt.date(2026, 9, 30)),
        ("as_of", "2026-09-30", None, dt.date(2026, 9, 30)),
        ("org", "๑๒๓", None, 123),
        ("priority", "๒", None, 2),
        ("within", "", labels.RANK_WITHIN, "province"),  # an empty value is the default
    ],
)
def test_a_value_is_read_by_its_code_its_label_or_in_thai_digits(key, text, offered, expected):
    assert PARAMS[key].parse(text, offered) == expected


@pytest.mark.parametrize(
    ("key", "text", "offered"),
    [
        ("province", "แอตแลนติส", PROVINCES),
        ("province", "10", PROVINCES),  # a real province the data does not hold
        ("fy", "2499", YEARS),
        ("indicator", "11", labels.INDICATOR_LABELS),
        ("synthetic", "maybe", None),
        ("as_of", "31/02/2569", None),
        ("org", "9" * 40, None),
        ("priority", "11", None),
        ("province", "x" * 5_000, PROVINCES),
    ],
)
def test_a_value_that_names_nothing_is_refused_in_thai_and_english_echoing_little(key, text, offered):
    with pytest.raises(views.LinkValueError) as err:
        PARAMS[key].parse(text, offered)
    assert err.value.key == key and key in err.value.english
    assert len(err.value.thai) < 200 and any("\u0e00" <= c <= "\u0e7f" for c in err.value.thai)


def test_the_link_is_written_in_codes_sidebar_first_and_leaves_defaults_out():
    sel = views.Selection(Filters(fiscal_year=2567, province_code="50", indicator="9")).with_values(
        within="province", **{"from": 2566, "to": 2567}
    )
    assert views.link_query(sel, ("within",)) == {"fy": "2567", "province": "50", "indicator": "9"}
    assert list(views.link_query(sel.with_values(within="nation", synthetic=False), ("within",)).items()) == [
        ("fy", "2567"),
        ("province", "50"),
        ("indicator", "9"),
        ("synthetic", "false"),
        ("within", "nation"),
    ]
    url = views.link("http://127.0.0.1:8501/", "change", sel, ("from", "to"))
    assert url == "http://127.0.0.1:8501/change?fy=2567&province=50&indicator=9&from=2566&to=2567"


@pytest.mark.parametrize(
    ("column", "value", "written"),
    [
        ("score", 93.29203703703705, "93.29"),
        ("delta", -19.019999999999996, "-19.02"),
        ("score", 90.0, "90.00"),
        ("pass_rate", 0.12345, "12.3%"),
        ("rank_prev", 5.0, "5"),
        ("rank_prev", math.nan, ""),
        ("percentile", 66.666, "67"),
        ("overdue", True, labels.yes_no(True)),
        ("rank_reported_differs", False, labels.yes_no(False)),
        ("years_a", [2566, 2567], "2566, 2567"),
        ("org_name", None, ""),
    ],
)
def test_a_cell_is_written_as_people_write_it_and_rounded_as_on_screen(column, value, written):
    assert present.written(column, value) == written


def _download(table: pd.DataFrame, synthetic: bool) -> views.Download:
    view = views.View("t", "rankings", "ตาราง", tuple(table.columns), lambda ask, sel: table, lambda sel: "t")
    sel = views.Selection(Filters(fiscal_year=2567, province_code="19", indicator="9"))
    return views.Download(
        view,
        sel,
        table,
        "http://127.0.0.1:8501/rankings?fy=2567&province=19&indicator=9",
        keys=("within",),
        names={"province": "สระบุรี"},
        synthetic=synthetic,
    )


TABLE = pd.DataFrame(
    {
        "org_name": ["อบต.เอ", "อบต.บี"],
        "score": [93.29203703703705, 80.0],
        "pass_rate": [0.5, 0.25],
        "overdue": [True, False],
    }
)


@pytest.mark.parametrize("synthetic", [True, False])
def test_a_csv_says_what_it_holds_and_warns_only_when_synthetic_rows_are_in_it(synthetic):
    text = views.csv_bytes(_download(TABLE, synthetic)).decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0][0].startswith("# ตาราง · ปีงบประมาณ 2567 · จังหวัดสระบุรี · ตัวชี้วัดที่ 9")
    assert (labels.SYNTHETIC_BANNER in text) is synthetic
    link_line = lines[2 if synthetic else 1][0]
    assert link_line.endswith("http://127.0.0.1:8501/rankings?fy=2567&province=19&indicator=9")
    header, *rows = lines[3 if synthetic else 2 :]
    assert header == [labels.column_label(c) for c in TABLE.columns]
    assert rows[0] == ["อบต.เอ", "93.29", "50.0%", labels.yes_no(True)]


def test_an_xlsx_keeps_numbers_rounded_and_says_its_filters_in_thai():
    book = openpyxl.load_workbook(io.BytesIO(views.xlsx_bytes(_download(TABLE, True))))
    assert book.sheetnames == [labels.DATA_SHEET, labels.FILTERS_SHEET]
    data = book[labels.DATA_SHEET]
    assert data["B2"].value == 93.29 and data["B2"].number_format == "#,##0.00"
    assert data["C2"].value == 0.5 and data["C2"].number_format == "0.0%"
    assert data["D2"].value == labels.yes_no(True)
    about = {r[0].value: r[1].value for r in book[labels.FILTERS_SHEET].iter_rows(min_row=2)}
    assert about[labels.FILTER_YEAR] == "2567" and about[labels.COLUMNS["province"]] == "สระบุรี"
    assert about[labels.COLUMNS["district"]] == labels.ALL
    assert about[labels.FILTER_SYNTHETIC] == labels.yes_no(True)
    assert about[labels.RANK_WITHIN_LABEL] == labels.RANK_WITHIN["province"]
    assert about[labels.FILE_SYNTHETIC] == labels.SYNTHETIC_BANNER
    assert about[labels.FILE_LINK].endswith("?fy=2567&province=19&indicator=9")


def test_the_warning_follows_the_rows_real_data_has_none(tmp_path):
    build_small_db(tmp_path / "small.duckdb")
    with open_store(tmp_path / "small.duckdb") as db:
        cur = db.cursor()

        def ask(func, *args, **kwargs):
            return func(cur, *args, **kwargs)

        sel = views.resolve({"within": "nation"}, ("within",), ask)
        made = views.download(views.VIEWS["rankings"], ask, sel, "http://127.0.0.1:8501/")
        assert len(made.frame) and not made.synthetic
        with db.transaction() as write:
            b = Builder(write, kind="synthetic")
            b.year(b.org("สมมุติ", synthetic=True), sel.filters.fiscal_year, flat(70))
        cur = db.cursor()
        made = views.download(views.VIEWS["rankings"], ask, sel, "http://127.0.0.1:8501/")
        assert made.synthetic
        only_real = sel.with_values(synthetic=False)
        assert not views.download(views.VIEWS["rankings"], ask, only_real, "http://127.0.0.1:8501/").synthetic

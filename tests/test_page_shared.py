"""pages/shared.py's table helper: what a table shows of empty cells."""

import math

import pandas as pd

from ita_data import labels
from pages import shared


def test_an_empty_text_cell_is_blank_and_numbers_flags_and_lists_stay_as_computed():
    frame = pd.DataFrame(
        {
            "item": ["o1", None, "o3"],
            "responsible": pd.Series([None, None, None], dtype=object),
            "score": [1.0, math.nan, 3.0],
            "overdue": [True, False, True],
            "scores": pd.Series([[1.0, 2.0], None, [3.0]], dtype=object),
            "title": pd.array(["a", None, "c"], dtype="str"),
        }
    )
    shown = shared.for_display(frame)
    assert list(shown.columns) == [labels.column_label(c) for c in frame.columns]
    assert shown[labels.column_label("item")].tolist() == ["o1", "", "o3"]
    assert shown[labels.column_label("responsible")].tolist() == ["", "", ""]
    assert shown[labels.column_label("title")].tolist() == ["a", "", "c"]
    assert math.isnan(shown[labels.column_label("score")].iloc[1])
    assert shown[labels.column_label("overdue")].tolist() == [True, False, True]
    assert shown[labels.column_label("scores")].iloc[1] is None
    assert pd.isna(frame.item.iloc[1])  # the data itself is left as it was


# --- what a page draws is made once per content and shared by every session ---------------------


def test_a_chart_and_a_table_are_made_once_for_every_session_and_again_after_a_publish(app, tmp_path, monkeypatch):
    from collections import OrderedDict

    from pages import display, figures
    from tests.small_data import add_measure_titled, build_small_db

    db = tmp_path / "ita.duckdb"
    ids = build_small_db(db)
    monkeypatch.setattr(shared, "_answers", OrderedDict())  # nothing left from another test's data
    made = {"map": 0, "table": 0}
    province_map, prepared = figures.province_map, display._prepared

    def counted_map(*args, **kwargs):
        made["map"] += 1
        return province_map(*args, **kwargs)

    def counted_table(*args, **kwargs):
        made["table"] += 1
        return prepared(*args, **kwargs)

    counted_map.__name__ = "province_map"
    monkeypatch.setattr(figures, "province_map", counted_map)
    monkeypatch.setattr(display, "_prepared", counted_table)

    first = app(db).run()
    assert not first.exception and made["map"] == 1 and made["table"] >= 1
    tables = made["table"]
    second = app(db).run()  # another session, the same page and data
    assert not second.exception and made == {"map": 1, "table": tables}
    assert [d.value.to_dict() for d in second.dataframe] == [d.value.to_dict() for d in first.dataframe]

    add_measure_titled(db, min(ids.values()), "มาตรการที่เผยแพร่ใหม่")  # a publish: a new data version
    third = app(db).run()
    assert not third.exception and made["map"] == 2

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

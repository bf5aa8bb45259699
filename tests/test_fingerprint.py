"""A frame's fingerprint (ita_data.fingerprint): equal content, equal key; any change a page could show,
another key."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from ita_data.fingerprint import frame_key


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "org_name": pd.array(["บ้านกล้วย", "หนองโดน", None], dtype="string[pyarrow]"),
            "score": [88.37, np.nan, 91.5],
            "rank": pd.array([1, None, 2], dtype="Int64"),
            "mixed": ["ก", None, 3],
            "level": pd.Categorical(["A", "B", "A"]),
            "published": pd.to_datetime(["2024-01-01", None, "2024-02-01"]),
            "synthetic": [True, False, True],
            "years": [np.array([2566, 2567]), [2566], None],
            "type": pd.Series(["sao", "tm", "sao"]).astype(pd.ArrowDtype(pa.dictionary(pa.int8(), pa.string()))),
        }
    )


def test_the_same_content_gives_the_same_key(frame):
    assert frame_key(frame) == frame_key(frame.copy())
    assert frame_key(frame) == frame_key(frame.copy(deep=True))
    assert len(frame_key(frame)) == 16


CHANGES = {
    "a number": lambda f: f.assign(score=f.score.fillna(0)),
    "a Thai text": lambda f: f.assign(org_name=f.org_name.replace("หนองโดน", "หนองโดม")),
    "a nullable integer": lambda f: f.assign(rank=f["rank"].fillna(3)),
    "a mixed cell": lambda f: f.assign(mixed=["ก", None, 4]),
    "a category": lambda f: f.assign(level=pd.Categorical(["A", "B", "B"])),
    "a date": lambda f: f.assign(published=f.published.fillna(pd.Timestamp("2024-03-01"))),
    "a flag": lambda f: f.assign(synthetic=[True, True, True]),
    "a list in a cell": lambda f: f.assign(years=[np.array([2566, 2568]), [2566], None]),
    "a dictionary-coded text": lambda f: f.assign(type=pd.Series(["sao", "sao", "sao"]).astype(f["type"].dtype)),
    "a column's name": lambda f: f.rename(columns={"score": "mean_score"}),
    "a column's type": lambda f: f.assign(score=f.score.astype("float32")),
    "the index": lambda f: f.set_axis([5, 6, 7]),
    "the rows' order": lambda f: f.iloc[::-1],
    "a row fewer": lambda f: f.iloc[1:],
    "a column fewer": lambda f: f.drop(columns="mixed"),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_any_change_gives_another_key(frame, change):
    assert frame_key(change(frame)) != frame_key(frame)


def test_slices_of_one_column_are_told_apart(frame):
    # the Arrow buffers of both slices are the whole column's: the offset and length tell them apart
    assert frame_key(frame.iloc[:2]) != frame_key(frame.iloc[1:])
    assert frame_key(frame.iloc[:2].reset_index(drop=True)) != frame_key(frame.iloc[1:].reset_index(drop=True))


def test_a_series_has_the_key_of_its_frame(frame):
    assert frame_key(frame.score) == frame_key(frame[["score"]])

"""A short fingerprint of a DataFrame's content, cheap enough to key a cache on every rerun.

Streamlit's own caches hash a frame row by row (``pandas.util.hash_pandas_object``): on the pages that
was an eighth of the server's CPU per click. A column backed by Arrow or by a plain numpy array is hashed
here through its buffers as they are in memory, without copying them; only a column of Python objects
is hashed value by value. Two frames with the same fingerprint hold the same values in the same columns,
index and types; two equal frames may differ (a column sliced from a larger buffer), which costs a cache
miss, never a wrong answer.
"""

from __future__ import annotations

import hashlib
import pickle

import numpy as np
import pandas as pd
import pyarrow as pa


def frame_key(frame: pd.DataFrame | pd.Series) -> bytes:
    """16 bytes naming ``frame``'s columns, dtypes, index and values."""
    digest = hashlib.blake2b(digest_size=16)
    if isinstance(frame, pd.Series):
        frame = frame.to_frame()
    digest.update(repr((frame.shape, list(frame.columns), [str(t) for t in frame.dtypes])).encode())
    index = frame.index
    if isinstance(index, pd.RangeIndex):
        digest.update(repr((index.start, index.stop, index.step)).encode())
    else:
        _values(digest, index.array)
    for _name, column in frame.items():
        _values(digest, column.array)
    return digest.digest()


def _values(digest, array) -> None:
    if hasattr(array, "__arrow_array__"):
        chunks = array.__arrow_array__()
        if isinstance(chunks, pa.ChunkedArray):
            for chunk in chunks.chunks:
                _arrow(digest, chunk)
            return
    values = np.asarray(array)
    if values.dtype.kind in "biufcmM":
        digest.update(repr((values.dtype.str, values.shape)).encode())
        digest.update(np.ascontiguousarray(values).view(np.uint8).data)
    else:
        try:
            digest.update(pd.util.hash_array(values.astype(object)).data)
        except TypeError:  # cells that are themselves lists or arrays
            cells = [("array", v.dtype.str, v.tolist()) if isinstance(v, np.ndarray) else v for v in values]
            digest.update(pickle.dumps(cells, protocol=5))


def _arrow(digest, chunk: pa.Array) -> None:
    if isinstance(chunk, pa.DictionaryArray):  # its buffers are the indices': the dictionary beside them
        _arrow(digest, chunk.indices)
        _arrow(digest, chunk.dictionary)
        return
    digest.update(repr((str(chunk.type), chunk.offset, len(chunk), chunk.null_count)).encode())
    for buffer in chunk.buffers():
        digest.update(b"-" if buffer is None else memoryview(buffer))

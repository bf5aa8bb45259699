"""``python -m ita_data sources`` and ``withdraw``: what every source stated, and taking one back."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from ita_data import settings, store, thai
from ita_data.derived import open_store

_HEADERS = {
    "source_id": "แหล่ง",
    "kind": "ชนิด",
    "file_name": "ไฟล์",
    "imported_at": "นำเข้าเมื่อ",
    "imported_by": "โดย",
    "facts": "ข้อมูล",
    "current_facts": "เป็นค่าปัจจุบัน",
    "withdrawn_at": "ถอนเมื่อ",
}


def sources_json(frame: pd.DataFrame) -> list[dict]:
    """The sources as JSON objects (timestamps as ISO text, blanks as null)."""
    out = []
    for row in frame.to_dict("records"):
        item = {}
        for key, value in row.items():
            if isinstance(value, pd.Timestamp):
                value = value.isoformat()
            elif value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
                value = None
            elif hasattr(value, "item"):
                value = value.item()
            item[key] = value
        item["changes"] = json.loads(item["changes"]) if item.get("changes") else None
        out.append(item)
    return out


def _open(args: argparse.Namespace) -> store.Store:
    return open_store(
        Path(args.db) if args.db else settings.default_db_path(),
        on_wait=lambda message: print(message, file=sys.stderr, flush=True),
    )


def cmd_sources(args: argparse.Namespace) -> int:
    try:
        with _open(args) as db:
            frame = db.sources()
    except store.StoreError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(sources_json(frame), ensure_ascii=False, indent=2))
        return 0
    if frame.empty:
        print("ยังไม่มีแหล่งข้อมูล (no sources yet)")
        return 0
    shown = frame[list(_HEADERS)].rename(columns=_HEADERS)
    shown["นำเข้าเมื่อ"] = shown["นำเข้าเมื่อ"].astype(str)
    shown["ถอนเมื่อ"] = shown["ถอนเมื่อ"].map(lambda v: "" if pd.isna(v) else str(v))
    print(shown.to_string(index=False))
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    try:
        source_id = int(thai.to_arabic(str(args.source_id)))
    except ValueError:
        print(
            f"error: หมายเลขแหล่งข้อมูล {args.source_id!r} ไม่ใช่ตัวเลข: expected a source id (python -m ita_data sources)",
            file=sys.stderr,
        )
        return 2
    try:
        with _open(args) as db:
            print(db.withdraw(source_id, by=settings.os_user()))
    except (store.StoreError, store.DataError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("sources", help="list every source: what it states and how much is current")
    p.add_argument("--db", help="database file (default: $ITA_DB or data/ita.duckdb)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_sources)

    p = subparsers.add_parser("withdraw", help="remove what one source said; values fall back to the others")
    p.add_argument("source_id", help="the source's number (see `sources`)")
    p.add_argument("--db", help="database file (default: $ITA_DB or data/ita.duckdb)")
    p.set_defaults(func=cmd_withdraw)

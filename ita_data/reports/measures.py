"""Measures from the tables that list them: one row (and its page-broken continuation) is one measure."""

from __future__ import annotations

import datetime as dt
import re

from ita_data import framework
from ita_data.thai import find_dates

from . import vocabulary as vocab
from .model import Measure, ParsedReport
from .tables import Row, Table
from .text import (
    compact, find_item_codes, indicator_mentions, item_indicator, misnumbered_warning, named_indicator,
)

def read_measures(tables: list[Table], report: ParsedReport) -> None:
    for table in tables:
        if not table.is_measures:
            continue
        last_letter: str | None = None
        for row in _merged_rows(table):
            measure, letter = _measure(table, row, report, last_letter)
            if measure is not None:
                report.measures.append(measure)
                last_letter = letter or last_letter


def _topic_key(row: Row, table: Table) -> set[str]:
    return {c.code for c in find_item_codes(_cell(row, table, "topic") or (row.cells[0] if row.cells else ""))}


def _merged_rows(table: Table) -> list[Row]:
    """Rows with their continuations joined: an empty first cell, or the same item again after a page break."""
    out: list[Row] = []
    for row in table.rows:
        if not any(row.cells):
            continue
        if out:
            first_empty = not row.cells[0]
            same_item = row.after_page_header and _topic_key(row, table) and (
                _topic_key(row, table) == _topic_key(out[-1], table)
            )
            if first_empty or same_item:
                out[-1] = _join(out[-1], row)
                continue
        out.append(Row(row.line, list(row.cells), list(row.raw)))
    return out


def _join(a: Row, b: Row) -> Row:
    width = max(len(a.cells), len(b.cells))
    cells = []
    for i in range(width):
        x = a.cells[i] if i < len(a.cells) else ""
        y = b.cells[i] if i < len(b.cells) else ""
        if not y or compact(y) in compact(x):
            cells.append(x)
        elif compact(x) and compact(x) in compact(y):
            cells.append(y)
        else:
            cells.append(f"{x}\n{y}" if x else y)
    return Row(a.line, cells, a.raw + b.raw)


def _cell(row: Row, table: Table, role: str) -> str | None:
    parts = [
        row.cells[i] for i, r in enumerate(table.header or []) if r == role and i < len(row.cells) and row.cells[i]
    ]
    return "\n".join(parts) if parts else None


_CHECKED = re.compile(rf"(?:{vocab.CHECKED_MARK}|\[[xX✓]\]|[✓✔☒])\s*([^\n{vocab.UNCHECKED_MARK}{vocab.CHECKED_MARK}]+)")
_ANY_BOX = re.compile(rf"[{vocab.CHECKED_MARK}{vocab.UNCHECKED_MARK}✓✔☒]|\[[ xX✓]\]")


def status_of_label(text: str) -> str | None:
    key = compact(text)
    for status, labels in vocab.STATUS_LABELS:
        if any(compact(label) in key for label in labels):
            return status
    return None


def _checkbox_status(text: str) -> str | None:
    for m in _CHECKED.finditer(text):
        status = status_of_label(m.group(1))
        if status:
            return status
    return None


def _without_boxes(text: str | None) -> str | None:
    """The cell without its checkbox labels (they are the status, not what was done)."""
    if not text or not _ANY_BOX.search(text):
        return text
    kept = []
    for line in text.split("\n"):
        parts = re.split(rf"(?:{_ANY_BOX.pattern})", line)
        rest = [p for p in parts[1:] if p.strip() and status_of_label(p) is None]
        head = parts[0].strip()
        kept.extend(x.strip() for x in [head, *rest] if x.strip())
    return "\n".join(kept) or None


def _latest(dates: list[dt.date]) -> dt.date | None:
    return max(dates) if dates else None


def _measure(
    table: Table, row: Row, report: ParsedReport, last_letter: str | None
) -> tuple[Measure | None, str | None]:
    topic = _cell(row, table, "topic")
    issue = _cell(row, table, "issue")
    title = _cell(row, table, "title")
    steps = _cell(row, table, "steps")
    responsible = _cell(row, table, "responsible")
    due_text = _cell(row, table, "due")
    done_text = _cell(row, table, "done")
    outcome = _cell(row, table, "result")
    own = "\n".join(x for x in (topic, title, issue) if x)
    if not own and not steps:
        return None, None

    # the indicator: named in the row, the heading above the table, the items, a bare name, a sub-topic
    mentions = indicator_mentions(own)
    heading_mentions = indicator_mentions(table.heading.rsplit("\n", 1)[-1])
    indicator = None
    if mentions:
        indicator = mentions[0].indicator
    elif heading_mentions:
        indicator = heading_mentions[-1].indicator
        _warn_misnumbered(heading_mentions[-1], report)
    for mention in mentions[:1]:
        _warn_misnumbered(mention, report)
    expect = None
    if indicator is not None and framework.indicator(indicator).tool == "EIT":
        expect = "e"
    elif table.section == "EIT" or last_letter == "e":
        expect = "e"
    # items are read from the cell that says what the measure is about, not from its prose
    codes: list[str] = []
    for match in find_item_codes(topic or issue or title or "", expect):
        if match.code not in codes:
            codes.append(match.code)
    known = [c for c in codes if item_indicator(report.fiscal_year, c) is not None]
    if report.fiscal_year in framework.known_years():
        codes = known
    if indicator is None and known:
        indicator = item_indicator(report.fiscal_year, known[0])
    if indicator is None:
        indicator = named_indicator(own)
    if indicator is None:
        indicator = _subtopic_indicator(own)
    if indicator is None and table.section == "OIT":
        indicator = _subtopic_indicator("\n".join(row.cells))

    status = _checkbox_status("\n".join(row.cells))
    if status is None:
        if report.kind == "analysis":
            status = "planned"
        else:
            done_plain = _without_boxes(done_text)
            if done_plain:
                status = status_of_label(done_plain) or "done"
            elif _without_boxes(outcome):
                status = "done"
            else:
                status = "unknown"
    done_plain = _without_boxes(done_text)
    result = "\n".join(x for x in (done_plain, _without_boxes(outcome)) if x) or None
    completed = None
    if status == "done":
        completed = _latest(find_dates(done_plain or "") + find_dates(_without_boxes(outcome) or ""))
    due = _latest(find_dates(due_text or ""))
    if title is None:
        first = (topic or issue or "").split("\n", 1)[0].strip(" -•")
        title = first[:300] or None
    measure = Measure(
        indicator=indicator,
        item=",".join(codes) or None,
        title=title,
        issue=issue,
        steps=steps,
        responsible=responsible,
        due=due,
        status=status,
        completed_on=completed,
        result=result,
        line=row.line,
    )
    letter = codes[-1][0] if codes else (
        {"IIT": "i", "EIT": "e", "OIT": "o"}[framework.indicator(indicator).tool] if indicator else None
    )
    return measure, letter


def _warn_misnumbered(mention, report: ParsedReport) -> None:
    message = misnumbered_warning(mention)
    if message:
        report.warn(message)


def _subtopic_indicator(text: str) -> int | None:
    key = compact(text)
    for words, number in vocab.SUBTOPIC_INDICATORS:
        if words in key:
            return number
    return None

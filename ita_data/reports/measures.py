"""Measures from the tables that list them: one row (and its page-broken continuation) is one measure."""

from __future__ import annotations

import datetime as dt
import re

from ita_data import framework
from ita_data.thai import find_dates

from . import vocabulary as vocab
from .model import Measure, ParsedReport
from .tables import Row, Table
from .text import compact, find_item_codes, indicator_mentions, item_indicator, misnumbered_warning, named_indicator


def read_measures(tables: list[Table], report: ParsedReport, prose: list[tuple[int, str]] | None = None) -> None:
    """Measures from the tables of measures and, outside tables, from a paragraph that states one."""
    for table in tables:
        if not table.is_measures:
            continue
        last_letter: str | None = None
        heading_mentions = indicator_mentions(table.heading.rsplit("\n", 1)[-1])  # once per table, not per row
        for row in _merged_rows(table):
            measure, letter = _measure(table, row, report, last_letter, heading_mentions)
            if measure is not None:
                _add(report, measure)
                last_letter = letter or last_letter
    for line_no, line in prose if prose is not None else _prose_of(report):
        measure = _prose_measure(line_no, line, report)
        if measure is not None:
            _add(report, measure)


def _add(report: ParsedReport, measure: Measure) -> None:
    report.measures.append(measure)
    if measure.line is not None:
        report.locations[f"measure:{len(report.measures)}"] = measure.line


def _topic_key(row: Row, table: Table) -> set[str]:
    return {c.code for c in find_item_codes(_cell(row, table, "topic") or (row.cells[0] if row.cells else ""))}


class _Merging:
    """A row and its continuations, kept as parts per non-empty cell and joined once: joining text to text
    again for every continued row would cost the square of the row's length."""

    def __init__(self, row: Row, key: set[str]):
        self.line = row.line
        self.width = len(row.cells)
        self.parts: dict[int, list[str]] = {}
        self.keys: dict[int, list[str]] = {}
        self.seen: dict[int, set[str]] = {}
        self.length: dict[int, int] = {}  # characters kept per cell, without spaces
        self.raw = list(row.raw)
        self.key = key
        for i, c in enumerate(row.cells):
            if c:
                key_text = compact(c)
                self.parts[i], self.keys[i], self.seen[i], self.length[i] = [c], [key_text], {key_text}, len(key_text)

    def add(self, row: Row, key: set[str]) -> None:
        self.width = max(self.width, len(row.cells))
        for i, y in enumerate(row.cells):
            if not y:
                continue
            cy = compact(y)
            keys = self.keys.setdefault(i, [])
            seen = self.seen.setdefault(i, set())
            parts = self.parts.setdefault(i, [])
            if cy in seen or (keys and (cy in keys[-1] or cy in keys[0])):
                continue  # the same text again (a header or a quotation repeated on the next page)
            if keys and self.length.get(i, 0) <= len(cy) and "".join(keys) in cy:
                # the new text holds the old
                self.parts[i], self.keys[i], self.seen[i], self.length[i] = [y], [cy], {cy}, len(cy)
                continue
            parts.append(y)
            keys.append(cy)
            seen.add(cy)
            self.length[i] = self.length.get(i, 0) + len(cy)
        self.raw.extend(row.raw)
        self.key |= key

    def row(self) -> Row:
        cells = [""] * self.width
        for i, parts in self.parts.items():
            cells[i] = "\n".join(parts)
        return Row(self.line, cells, self.raw)


def _merged_rows(table: Table) -> list[Row]:
    """Rows with their continuations joined: an empty first cell, or the same item again after a page break."""
    out: list[_Merging] = []
    for row in table.rows:
        if not any(row.cells):
            continue
        key = _topic_key(row, table)
        if out:
            first_empty = not row.cells[0]
            same_item = row.after_page_header and key and key == out[-1].key
            if first_empty or same_item:
                out[-1].add(row, key)
                continue
        out.append(_Merging(row, key))
    return [m.row() for m in out]


def _cell(row: Row, table: Table, role: str) -> str | None:
    parts = [row.cells[i] for i in table.columns(role) if i < len(row.cells) and row.cells[i]]
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
    kept: list[str] = []
    for line in text.split("\n"):
        parts = re.split(rf"(?:{_ANY_BOX.pattern})", line)
        # a box's label, and what a wrapped cell ran on after it ("☐ อยู่ระหว่างการดำเนินการ เปิดใช้เมื่อ …")
        rest = [_STATUS_AT_START.sub("", p) for p in parts[1:]]
        head = parts[0].strip()
        kept.extend(x.strip() for x in [head, *rest] if x.strip())
    return "\n".join(kept) or None


_STATUS_AT_START = re.compile(
    r"^\s*(?:"
    + "|".join(
        r"\s*".join(map(re.escape, label))
        for label in sorted((w for _, words in vocab.STATUS_LABELS for w in words), key=len, reverse=True)
    )
    + ")"
)


def _latest(dates: list[dt.date]) -> dt.date | None:
    return max(dates) if dates else None


def _measure(
    table: Table, row: Row, report: ParsedReport, last_letter: str | None, heading_mentions: list
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
    indicator = None
    if mentions:
        indicator = mentions[0].indicator
    elif heading_mentions:
        indicator = heading_mentions[-1].indicator
        _warn_misnumbered(heading_mentions[-1], report)
    for mention in mentions[:1]:
        _warn_misnumbered(mention, report)
    expect = None
    if (
        indicator is not None
        and framework.indicator(indicator).tool == "EIT"
        or table.section == "EIT"
        or last_letter == "e"
    ):
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
    letter = (
        codes[-1][0]
        if codes
        else ({"IIT": "i", "EIT": "e", "OIT": "o"}[framework.indicator(indicator).tool] if indicator else None)
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


# --- a measure stated in a paragraph ---------------------------------------------------------
# "มาตรการที่ ๑ จัดทำคู่มือ… (ตัวชี้วัดที่ ๔) ผู้รับผิดชอบ: สำนักปลัด ระยะเวลา: ภายใน ๓๐ ก.ย. ๒๕๖๗"

_PROSE_MEASURE = re.compile(
    r"^(?:[-•*]\s{0,3}|[0-9๐-๙]{1,2}[.)]\s{0,3})?มาตรการ(?:ที่\s{0,2}[0-9๐-๙]{1,2})?\s{0,3}[:.)\-–]?\s{0,3}(?P<rest>\S.*)$"
)
_FIELD = re.compile(
    r"(?P<responsible>ผู้รับผิดชอบ|หน่วยงาน(?:ที่)?รับผิดชอบ)"
    r"|(?P<due>ระยะเวลา(?:ดำเนินการ)?|กำหนด(?:เวลา)?(?:แล้วเสร็จ)?|ภายใน(?=\s{0,3}(?:วันที่\s{0,3})?[0-9๐-๙]))"
    r"|(?P<done>สถานะ|ผลการดำเนินการ|ผลการดำเนินงาน)"
)


_TRAILING_REFERENCE = re.compile(r"\s*\(\s*(?:ข้อ|ตัวชี้วัด)[^()]*\)?[\s,]*$")


def _prose_of(report: ParsedReport):
    for number, line in enumerate(report.lines, start=1):
        if "\t" not in line and "มาตรการ" in line:
            yield number, line.strip()


def _prose_measure(line_no: int, line: str, report: ParsedReport) -> Measure | None:
    m = _PROSE_MEASURE.match(line)
    if m is None:
        return None
    rest = m.group("rest")
    fields = list(_FIELD.finditer(rest))
    if not fields:
        return None  # a heading that names measures, not a measure
    # the title without the reference that follows it: "… รอบ ๖ เดือน (ข้อ o19)", "… (ตัวชี้วัดที่ ๔ …)"
    title = _TRAILING_REFERENCE.sub("", rest[: fields[0].start()]).strip(" :-–(),")
    values: dict[str, str] = {}
    for i, f in enumerate(fields):
        end = fields[i + 1].start() if i + 1 < len(fields) else len(rest)
        value = rest[f.end() : end].strip(" :-–(),")
        kind = f.lastgroup or ""
        values[kind] = f"{values[kind]} {value}".strip() if kind in values else value
    due = _latest(find_dates(values.get("due", "")))
    responsible = values.get("responsible") or None
    if len(compact(title)) < 4 or (responsible is None and due is None):
        return None
    mentions = indicator_mentions(rest)
    codes = []
    for match in find_item_codes(rest):
        if match.code not in codes:
            codes.append(match.code)
    known = [c for c in codes if item_indicator(report.fiscal_year, c) is not None]
    if report.fiscal_year in framework.known_years():
        codes = known
    indicator = mentions[0].indicator if mentions else None
    for mention in mentions[:1]:
        _warn_misnumbered(mention, report)
    if indicator is None and known:
        indicator = item_indicator(report.fiscal_year, known[0])
    if indicator is None:
        indicator = named_indicator(rest) or _subtopic_indicator(rest)
    status = _checkbox_status(rest)
    if status is None:
        if report.kind == "analysis":
            status = "planned"
        else:
            status = status_of_label(values.get("done", "")) or ("done" if values.get("done") else "unknown")
    done = values.get("done") or None
    completed = _latest(find_dates(done or "")) if status == "done" else None
    return Measure(
        indicator=indicator,
        item=",".join(codes) or None,
        title=title[:300],
        responsible=responsible,
        due=due,
        status=status,
        completed_on=completed,
        result=_without_boxes(done),
        line=line_no,
    )

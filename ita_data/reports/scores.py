"""What a report says about indicator and item scores.

Scores come from two kinds of place. A score table (or a list of item scores) is the reference; the same
number quoted again in prose or in a table of measures only fills a gap, and a different value there is
reported as a warning. A table with a column per year gives the report's year's column. Every fact read
records its line (``report.locations``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ita_data import framework, labels
from ita_data.thai import to_arabic

from . import vocabulary as vocab
from .headline import (
    COUNT_AFTER,
    DEC,
    LEVEL_WORD,
    NUM,
    QUOTED,
    SCORE_TABLE,
    YearMention,
    alternation,
    as_number,
    indicator_names_in,
    year_mentions,
)
from .model import ParsedReport
from .tables import Table
from .text import (
    cell_score,
    compact,
    find_item_codes,
    fuzzy_indicator,
    indicator_mentions,
    item_indicator,
    misnumbered_warning,
    named_indicator,
)

# --- scores ----------------------------------------------------------------------------------


@dataclass
class _Score:
    value: float
    place: int
    line: int | None


class ScoreBook:
    """Scores by key with where they were read; the score table wins and differences are warned."""

    def __init__(self, report: ParsedReport, what: str):
        self.report = report
        self.what = what
        self.scores: dict[object, _Score] = {}
        self._warned: set[tuple[object, float]] = set()

    def add(self, key: object, value: float, place: int, line: int | None) -> None:
        if not 0 <= value <= 100:
            return
        old = self.scores.get(key)
        if old is None:
            self.scores[key] = _Score(value, place, line)
            return
        if abs(old.value - value) < 0.005:
            return
        kept, other = (old, _Score(value, place, line)) if old.place <= place else (_Score(value, place, line), old)
        self.scores[key] = kept
        if (key, other.value) in self._warned:
            return  # the same quotation repeated on a continued page
        self._warned.add((key, other.value))
        self.report.warn(
            labels.REPORT_SCORE_CONFLICT.format(
                what=labels.REPORT_SCORE_KINDS.get(self.what, self.what),
                what_en=self.what,
                key=key,
                kept=kept.value,
                kept_line=kept.line,
                other=other.value,
                other_line=other.line,
            )
        )

    def values(self) -> dict:
        return {k: s.value for k, s in self.scores.items()}

    def lines(self) -> dict:
        return {k: s.line for k, s in self.scores.items() if s.line is not None}


def _expect_letter(text: str) -> str | None:
    for mention in indicator_mentions(text):
        if framework.indicator(mention.indicator).tool == "EIT":
            return "e"
    return None


# Bounded blanks ("\s{0,6}") and one optional part per run of blanks: no pattern here backtracks
# more than a few characters, however long a run of spaces a document has.
_LIST_SEP = re.compile(r"[\s,/]*(?:และ[\s,/]*)?")
_AFTER_CODE = re.compile(
    rf"\s{{0,6}}[.)]?\s{{0,6}}(?:คะแนน\s{{0,6}}|=\s{{0,6}}|:\s{{0,6}})?({DEC}|{NUM}(?=\s{{0,3}}คะแนน))(?![0-9๐-๙])"
)
_QUOTED_SCORE = re.compile(rf"มีค่า\s{{0,3}}คะแนน\s{{0,3}}({NUM})(?![0-9๐-๙])")
# "o5 ข้อมูลการติดต่อ ได้ ๐ คะแนน", "O15 (E-Service) ได้คะแนน 50", "o12 ไม่ได้คะแนน"
_SCORE_PHRASE = re.compile(
    rf"(?:ได้(?:รับ)?\s{{0,2}}(?:คะแนน)?|คะแนน(?:ที่ได้)?)\s{{0,3}}({NUM})(?![0-9๐-๙]|[.][0-9๐-๙])(?!\s{{0,2}}[ก-ฮ]\.)"
    rf"|(?P<zero>ไม่ได้คะแนน(?!เต็ม)|ไม่มีคะแนน(?!เต็ม))"
)
_NOT_ITS_SCORE = re.compile(r"เพื่อ|ให้ได้|เป้าหมาย|ควร|ต่ำกว่า|สูงกว่า|เกณฑ์|ไม่ถึง|ไม่เกิน|ตัวชี้วัด|เต็ม|เฉลี่ย")


def item_scores_in(text: str, expect: str | None = None) -> list[tuple[str, float]]:
    """``ข้อ e๑ ๙๘.๕๐ คะแนน``, ``ข้อ i๑ , i๒ , i๓ คะแนน ๑๐๐.๐๐``, ``e๑ … มีค่าคะแนน ๙๘.๔๐`` and
    ``ข้อ o10 และ o11 (รายงาน…) ได้ ๐ คะแนน``."""
    return [(code, value) for code, value, _ in item_scores_at(text, expect)]


def item_scores_at(text: str, expect: str | None = None) -> list[tuple[str, float, int]]:
    """``item_scores_in`` with where each code starts in the text."""
    codes = find_item_codes(text, expect)
    out: list[tuple[str, float, int]] = []
    starts: list[int] = []
    group: list[str] = []
    for i, c in enumerate(codes):
        group.append(c.code)
        starts.append(c.start)
        nxt = codes[i + 1].start if i + 1 < len(codes) else min(len(text), c.end + 600)
        between = text[c.end : nxt]
        if i + 1 < len(codes) and _LIST_SEP.fullmatch(between):
            continue
        value = None
        m = _AFTER_CODE.match(between)
        first_line = between.split("\n", 1)[0]
        if m is None:
            m = _QUOTED_SCORE.search(first_line)
        if m is not None:
            value = as_number(m.group(1))
        else:
            phrase = _SCORE_PHRASE.search(first_line, 0, 160)
            if phrase is not None and not _NOT_ITS_SCORE.search(first_line, 0, phrase.start()):
                value = 0.0 if phrase.group("zero") else as_number(phrase.group(1))
        if value is not None:
            out.extend((code, value, start) for code, start in zip(group, starts))
        group = []
        starts = []
    return out


_ZERO_SECTION = re.compile("|".join(vocab.ZERO_SECTION_PATTERNS))


def says_zero(text: str) -> bool:
    """Whether a heading or column says its items scored nothing ("ประเด็นที่มีคะแนน ๐ คะแนน")."""
    return _ZERO_SECTION.search(to_arabic(compact(text))) is not None


def _is_name_cell(cell: str) -> int | None:
    """The indicator a cell names when the cell is little more than the name."""
    text = re.sub(r"ตัวชี้วัดที่\s*[0-9๐-๙]{1,2}", "", cell)
    text = re.sub(r"\([^()]*\)", "", text)
    text = re.sub(r"^[\s\-•*0-9๐-๙.)]+", "", text).strip()
    key = compact(text)
    if not key or len(key) > 45:
        return None
    named = named_indicator(key)
    if named is not None:
        name_len = max(len(compact(n)) for n in _names_of(named))
        if len(key) <= name_len + 12:
            return named
        return None
    return fuzzy_indicator(key, cutoff=0.9)


def _names_of(number: int) -> tuple[str, ...]:
    ind = framework.indicator(number)
    return (ind.name_th, *ind.other_names_th)


_LIST_LINE = re.compile(
    rf"^(?P<name>[^\t\n]{{3,80}}?)\s{{0,3}}[:=]?\s{{0,3}}(?P<score>{DEC})(?:\s{{0,3}}(?:คะแนน|%))?\s*$"
)
# "การเปิดเผยข้อมูล (OIT) ได้คะแนน ๗๒.๕๐", "การใช้อำนาจ 98.50 คะแนน": a score a few words after a name
_AFTER_NAME = re.compile(
    r"(?:[^0-9๐-๙\n]|(?<![0-9๐-๙])[0-9๐-๙]{4}(?![0-9๐-๙]))"  # words, and a year ("ประจำปี ๒๕๖๖")
    rf"{{0,80}}?({DEC}|{NUM}(?=\s{{0,3}}(?:คะแนน|%)))(?![0-9๐-๙]|[.][0-9๐-๙])"
)
_NOT_A_NAME_SCORE = re.compile(
    rf"{alternation(vocab.OTHER_WORDS)}|ข้อ(?:ที่)?\s{{0,2}}[A-Za-z0-9๐-๙]|ลำดับ|อันดับ|ภาพรวม|คะแนนรวม|ITA"
)
_PROSE_INDICATOR = re.compile(
    rf"ตัวชี้วัดที่\s*([0-9๐-๙]{{1,2}})(?![0-9๐-๙]|\s*[.][0-9๐-๙])([^\d\n๐-๙<>]{{0,90}}?)({DEC})(?![0-9๐-๙])"
)


def read_scores(tables: list[Table], prose: list[tuple[int, str]], text: str, report: ParsedReport) -> None:
    """Indicator and item scores from score tables, lists and prose, with the year's catalogue."""
    lines = text.split("\n")
    report.lines = lines
    indicators = ScoreBook(report, "indicator")
    items = ScoreBook(report, "item")
    # 1. score tables: a row whose cell is an indicator name or holds one item code, a score at the end
    for table in tables:
        if table.is_measures:
            continue
        if table.years:
            _read_year_table(table, report, indicators, items)
            continue
        for row in table.rows:
            filled = [c for c in row.cells if c]
            if len(filled) < 2:
                continue
            score = cell_score(filled[-1])
            if score is not None:
                # a row with one item code scores the item, even when its first cell names the indicator
                codes = {c.code for c in find_item_codes(" ".join(filled[:-1]))}
                if len(codes) == 1:
                    items.add(codes.pop(), score, SCORE_TABLE, row.line)
                elif not codes:
                    for cell in filled[:-1]:
                        number = _is_name_cell(cell)
                        if number is not None:
                            indicators.add(number, score, SCORE_TABLE, row.line)
                            break
            for cell in row.cells:
                if cell:
                    for code, value in item_scores_in(cell, _expect_letter(cell)):
                        items.add(code, value, SCORE_TABLE, row.line)
    # 2. lists outside tables: "การปฏิบัติหน้าที่ 85.20" on a line, or item scores in a sentence
    explicit: dict[int, set[str]] = {}  # line -> the items it gives a score of its own
    for line_no, line in prose:
        m = _LIST_LINE.match(line)
        if m:
            number = _is_name_cell(m.group("name"))
            if number is not None:
                indicators.add(number, as_number(m.group("score")), SCORE_TABLE, line_no)
        years = _LineYears(line, report.fiscal_year)
        scored = item_scores_at(line, _expect_letter(line))
        if scored:
            explicit[line_no] = {code for code, _, _ in scored}
        for code, value, start in scored:
            if not years.other(start):
                items.add(code, value, SCORE_TABLE, line_no)
    # 3. quotations: "ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน ๙๙.๓๓ คะแนน" anywhere, item scores in measures,
    #    an indicator's name and its score in a sentence, the items of a section that scored nothing
    for table in tables:
        if not table.is_measures:
            continue
        for row in table.rows:
            for cell in row.cells:
                if cell:
                    for code, value in item_scores_in(cell, _expect_letter(cell)):
                        items.add(code, value, QUOTED, row.line)
    for line_no, line in enumerate(lines, start=1):
        if "ตัวชี้วัดที่" not in line:
            continue
        plain = _strip_tags(line)
        years = _LineYears(plain, report.fiscal_year)
        for m in _PROSE_INDICATOR.finditer(plain):
            gap = m.group(2)
            if _ITEM_WORD.search(gap) or "ตัวชี้วัด" in gap or _NOT_A_NAME_SCORE.search(gap):
                continue
            if years.other(m.start()):
                continue
            number = int(to_arabic(m.group(1)))
            named = named_indicator(gap)
            indicator_number = named if named is not None else number
            if 1 <= indicator_number <= 10:
                indicators.add(indicator_number, as_number(m.group(3)), QUOTED, line_no)
    for line_no, line in prose:
        for number, value in _named_scores_in(line, report.fiscal_year):
            indicators.add(number, value, QUOTED, line_no)
    _read_zero_sections(tables, prose, items, explicit)

    report.indicator_scores = {int(k): v for k, v in sorted(indicators.values().items())}
    for number, line_no in indicators.lines().items():
        report.locations[f"indicator:{number}"] = line_no
    kept = {}
    for code, value in items.values().items():
        if (
            report.fiscal_year is not None
            and item_indicator(report.fiscal_year, code) is None
            and report.fiscal_year in framework.known_years()
        ):
            report.warn(labels.REPORT_ITEM_NOT_IN_YEAR.format(code=code, year=report.fiscal_year))
            continue
        kept[code] = value
    report.item_scores = kept
    item_lines = items.lines()
    for code in kept:
        if code in item_lines:
            report.locations[f"item:{code}"] = item_lines[code]


_TOTAL_LABEL = re.compile(rf"{alternation(vocab.RESULT_WORDS_STRONG)}|^(?:ผล)?รวม|^คะแนน(?:ITA)?$")
_LEVEL_LABEL_CELL = re.compile(r"ระดับ|เกรด")
_RANK_LABEL = re.compile(r"ลำดับ|อันดับ")
_LEVEL_ONLY = re.compile(rf"^[\s(\"“]*({LEVEL_WORD.pattern})[\s)\"”]*$")


def _read_year_table(table: Table, report: ParsedReport, indicators: ScoreBook, items: ScoreBook) -> None:
    """A table with a column per year ("ตัวชี้วัด | ปี ๒๕๖๖ | ปี ๒๕๖๗"): only the report's year is read;
    without a known year, the latest. Rows may be indicators, items, the total, the level or the rank."""
    years = table.years
    wanted = report.fiscal_year if report.fiscal_year in years.values() else max(years.values())
    column = min(i for i, y in years.items() if y == wanted)
    for row in table.rows:
        if column >= len(row.cells) or not row.cells[column]:
            continue
        value_cell = row.cells[column]
        label = " ".join(c for i, c in enumerate(row.cells) if i not in years and c)
        if not label:
            continue
        key = compact(label)
        score = cell_score(value_cell)
        codes = {c.code for c in find_item_codes(label)}
        number = None if codes else _is_name_cell(label)
        if score is not None and len(codes) == 1:
            items.add(codes.pop(), score, SCORE_TABLE, row.line)
        elif score is not None and number is not None:
            indicators.add(number, score, SCORE_TABLE, row.line)
        elif _RANK_LABEL.search(key) and not re.search(r"ประเทศ|อำเภอ|ภาค", key):
            rank = re.fullmatch(r"\s*([0-9๐-๙]{1,4})\s*(?:/\s*([0-9๐-๙]{1,5}))?\s*", value_cell)
            if rank:
                _set_fact(report, "province_rank", int(rank.group(1)), row.line)
                if rank.group(2):
                    _set_fact(report, "province_rank_of", int(rank.group(2)), row.line)
        elif _LEVEL_LABEL_CELL.search(key) and (level := _LEVEL_ONLY.match(to_arabic(value_cell))):
            _set_fact(report, "level", level.group(1), row.line)
        elif score is not None and _TOTAL_LABEL.search(key):
            _set_fact(report, "total_score", score, row.line)


def _set_fact(report: ParsedReport, key: str, value, line: int) -> None:
    """A headline fact read from a table of years: the table says which year; prose that said otherwise
    (most often the other year's number) gives way, with a warning when it was on another line."""
    old = getattr(report, key)
    where = report.locations.get(key)
    if old is not None and old != value and where is not None and where != line:
        fact = labels.FACT_LABELS.get("level_reported" if key == "level" else key, key)
        report.warn(
            labels.REPORT_YEAR_TABLE_CONFLICT.format(fact=fact, key=key, value=value, line=line, where=where, old=old)
        )
    setattr(report, key, value)
    report.locations[key] = line


class _LineYears:
    """The years a line names, to tell whether a score on it is of another year than the report's."""

    def __init__(self, line: str, fiscal_year: int | None):
        self.line = line
        self.fiscal_year = fiscal_year
        self.years: list[YearMention] | None = None  # found on the first question: most lines ask none
        self.ends: list[int] = []

    def other(self, pos: int) -> bool:
        """Whether the year named last before ``pos`` (within a sentence's reach) is another year."""
        if self.years is None:
            wanted = self.fiscal_year is not None and _YEAR_HINT.search(self.line)
            self.years = year_mentions(self.line) if wanted else []
            self.ends = [y.end for y in self.years]
        i = bisect.bisect_right(self.ends, pos)
        return i > 0 and pos - self.ends[i - 1] <= 200 and self.years[i - 1].year != self.fiscal_year


_YEAR_HINT = re.compile(r"ปี|ITA|ไอทีเอ")


def _named_scores_in(line: str, fiscal_year: int | None = None) -> list[tuple[int, float]]:
    """(indicator, score) for each indicator name that a score follows within a few words on the line,
    leaving out scores of another year than the report's."""
    if not _HAS_SCORE.search(line):
        return []
    plain = to_arabic(_strip_tags(line))
    names = indicator_names_in(plain)
    years = _LineYears(plain, fiscal_year)
    out = []
    for i, (_start, end, number) in enumerate(names):
        stop = min(names[i + 1][0] if i + 1 < len(names) else len(plain), end + 160)
        pos = end
        for _ in range(3):  # "ด้าน… ปี ๒๕๖๖ ได้ ๖๐.๐๐ คะแนน ปี ๒๕๖๗ ได้ ๙๐.๐๐ คะแนน": the report's year's
            m = _AFTER_NAME.match(plain, pos, stop)
            if m is None:
                break
            pos = m.end(1)
            gap = plain[end : m.start(1)]
            integer_count = (
                "." not in m.group(1)
                and COUNT_AFTER.match(plain, m.end(1))
                and not re.match(r"\s{0,3}(?:คะแนน|%)", plain[m.end(1) : m.end(1) + 10])
            )
            if _NOT_A_NAME_SCORE.search(gap) or "ตัวชี้วัดที่" in gap or integer_count:
                break
            if years.other(m.start(1)):
                continue
            value = float(m.group(1))
            if 0 <= value <= 100:
                out.append((number, value))
            break
    return out


_HAS_SCORE = re.compile(rf"{DEC}|{NUM}\s{{0,3}}(?:คะแนน|%)")


def _read_zero_sections(
    tables: list[Table], prose: list[tuple[int, str]], items: ScoreBook, explicit: dict[int, set[str]]
) -> None:
    """Items listed under a heading, in a column or after a sentence that says they scored 0."""
    for table in tables:
        zero_columns = [i for i, name in enumerate(table.header_text or []) if says_zero(name)]
        columns: list[int] | None = zero_columns
        if not zero_columns and not table.header_text and says_zero(table.heading.rsplit("\n", 1)[-1]):
            columns = None  # the heading speaks for the whole table
        elif not zero_columns:
            continue
        for row in table.rows:
            cells = row.cells if columns is None else [row.cells[i] for i in columns if i < len(row.cells)]
            for cell in cells:
                for match in find_item_codes(cell):
                    items.add(match.code, 0.0, QUOTED, row.line)
    listing = False
    previous = 0
    for line_no, line in prose:
        codes = find_item_codes(line)
        if listing and codes and line_no <= previous + 2:
            for match in codes:
                items.add(match.code, 0.0, QUOTED, line_no)
            previous = line_no
            continue
        listing = False
        if says_zero(line):
            scored = explicit.get(line_no, set())
            for match in codes:
                if match.code not in scored:
                    items.add(match.code, 0.0, QUOTED, line_no)
            listing = not codes or re.search(r"(?:ดังนี้|ได้แก่|คือ|:)\s*$", line) is not None
            previous = line_no


# Never across a line end: the flat text must keep the lines of the text, so that a fact found in it is
# located on the line it was printed on.
_TAGS = re.compile(r"<[^<>\n]{0,400}>")
_ITEM_WORD = re.compile(r"ข้อ(?:ที่)?\s*(?:[A-Za-z0-9๐-๙]|$)")  # "ข้อ o5", "ข้อที่" (not ข้อมูล)


def _strip_tags(line: str) -> str:
    return _TAGS.sub(" ", line) if "<" in line else line


def check_consistency(report: ParsedReport) -> None:
    """Warn when the printed total is not what the year's weights make of the printed indicators."""
    fy = report.fiscal_year
    if fy is None or fy not in framework.known_years():
        if fy is not None:
            report.warn(labels.REPORT_YEAR_NOT_IN_RULES.format(year=fy))
        return
    if report.total_score is not None and len(report.indicator_scores) == 10:
        computed = framework.total_score(fy, report.indicator_scores)
        if computed is not None and abs(computed - report.total_score) > 0.011:
            report.warn(labels.REPORT_TOTAL_DIFFERS.format(printed=report.total_score, computed=computed, year=fy))


def indicator_number_warnings(text: str, report: ParsedReport) -> None:
    for mention in indicator_mentions(text):
        message = misnumbered_warning(mention)
        if message:
            report.warn(message)

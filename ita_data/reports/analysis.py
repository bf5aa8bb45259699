"""What a report says about the result: who, which year, the total, level, rank, indicator and item scores.

Scores come from two kinds of place. A score table (or a list of item scores) is the reference; the same
number quoted again in prose or in a table of measures only fills a gap, and a different value there is
reported as a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ita_data import framework, orgs
from ita_data.thai import find_dates, parse_be_year, to_arabic

from . import vocabulary as vocab
from .model import Organization, ParsedReport
from .tables import Table
from .text import (
    cell_score, compact, find_item_codes, fuzzy_indicator, indicator_mentions, item_indicator,
    misnumbered_warning, named_indicator,
)

SCORE_TABLE, QUOTED = 0, 1  # where a number was read: the reference table, or a quotation of it

_NUM = r"[0-9๐-๙]{1,3}(?:[.][0-9๐-๙]{1,2})?"
_DEC = r"[0-9๐-๙]{1,3}[.][0-9๐-๙]{1,2}"


def _num(text: str) -> float:
    return float(to_arabic(text))


# --- kind and fiscal year --------------------------------------------------------------------


def find_kind(text: str) -> str | None:
    best: tuple[int, str] | None = None
    for kind, pattern in vocab.KIND_PATTERNS:
        m = re.search(pattern, text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), kind)
    return best[1] if best else None


_FY_PATTERNS = (
    re.compile(r"ปีงบประมาณ\s*(?:พ\.?\s*ศ\.?)?\s*([0-9๐-๙]{4})(?![0-9๐-๙])"),
    re.compile(r"(?:ประจำปี|ในปี|ปี)\s*(?:พ\.?\s*ศ\.?)\s*([0-9๐-๙]{4})(?![0-9๐-๙])"),
    re.compile(r"(?:ITA|ไอทีเอ)\s*(?:ปี|ประจำปี)?\s*(?:พ\.?\s*ศ\.?)?\s*([0-9๐-๙]{4})(?![0-9๐-๙])"),
)
_RANGE_LINE = re.compile(r"[^\n]{0,80}(?:–|-|ถึง)[^\n]{0,80}")


def find_fiscal_year(text: str) -> int | None:
    """The year the document is about: the first ``ปีงบประมาณ 2566``, or the end of a 1 Oct–30 Sep period."""
    candidates: list[tuple[int, int]] = []
    for pattern in _FY_PATTERNS:
        for m in pattern.finditer(text):
            year = parse_be_year(m.group(1))
            if year and 2550 <= year <= 2650:
                candidates.append((m.start(), year))
                break
    head = text[:20000]
    for m in _RANGE_LINE.finditer(head):
        dates = find_dates(m.group(0))
        if len(dates) >= 2 and dates[0] < dates[-1]:
            end = dates[-1]
            fy = end.year + 543 + (1 if end.month >= 10 else 0)
            candidates.append((m.start(), fy))
            break
    return min(candidates)[1] if candidates else None


# --- organisation ----------------------------------------------------------------------------

_TYPE_WORDS = sorted(
    {a for t in orgs.ORG_TYPES if t.code not in ("bma", "pattaya") for a in t.aliases if len(a) > 3}
    | {t.short_th for t in orgs.ORG_TYPES if t.code not in ("bma", "pattaya")},
    key=len, reverse=True,
)
_THAI_WORD = r"[\u0e01-\u0e4f]+"
_ORG = re.compile(rf"({'|'.join(re.escape(w) for w in _TYPE_WORDS)})\s*({_THAI_WORD})")
_DISTRICT = re.compile(rf"(?:อำเภอ|อ\.)\s*({_THAI_WORD})")
_PROVINCE = re.compile(rf"(?:จังหวัด|จ\.)\s*({_THAI_WORD})")
_NAME_STOP = re.compile(r"(?:อำเภอ|จังหวัด|ประจำปี|ปีงบประมาณ|ได้คะแนน|ได้รับ|ผลการ)")


def find_organization(text: str, report: ParsedReport) -> Organization | None:
    """The organisation the report is about: the first named one that a district or province follows."""
    first = None
    for m in _ORG.finditer(text[:200000]):
        name = _NAME_STOP.split(m.group(2), maxsplit=1)[0]
        if len(name) < 2:
            continue
        try:
            type_code, clean = orgs.split_name(f"{m.group(1)} {name}")
        except orgs.OrgError:
            continue
        after = text[m.start(2) + len(name): m.start(2) + len(name) + 80]
        if first is None:
            first = (type_code, clean, after)
        if _DISTRICT.match(after.strip()) or _PROVINCE.match(after.strip()):
            return _placed(type_code, clean, after, text, report)
    if first is None:
        return None
    return _placed(*first, text, report)


def _placed(type_code: str, name: str, after: str, text: str, report: ParsedReport) -> Organization:
    district_m = _DISTRICT.search(after)
    province_m = _PROVINCE.search(after)
    if type_code == "pao":
        province_text = name
    elif province_m:
        province_text = province_m.group(1)
    else:
        province_text = _first_province(text)
    org = Organization(type_code, name)
    if province_text is None:
        return org
    try:
        province = orgs.find_province(province_text)
    except orgs.OrgError:
        report.warn(f"province {province_text!r} is not a province geothai knows; left out")
        return org
    org.province = province.name_th
    if district_m:
        try:
            org.district = orgs.find_district(province, district_m.group(1)).name_th
        except orgs.OrgError:
            report.warn(
                f"district {district_m.group(1)!r} is not a district of {province.name_th} in geothai; left out"
            )
    return org


def _first_province(text: str) -> str | None:
    for m in _PROVINCE.finditer(text[:200000]):
        try:
            return orgs.find_province(m.group(1)).name_th
        except orgs.OrgError:
            continue
    return None


# --- total, level, rank ----------------------------------------------------------------------

_TOTAL = re.compile(
    rf"(?:ผลคะแนน|ได้คะแนน|ได้รับคะแนน|คะแนนรวม|คะแนนภาพรวม|คะแนนที่ได้|คะแนน ITA)"
    rf"\s*(?:เฉลี่ย)?\s*(?:ทั้งหมด)?\s*(?:เท่ากับ|รวม|[:=])?\s*(?:ร้อยละ)?\s*({_NUM})(?![0-9๐-๙]|[.][0-9๐-๙])"
    rf"(?:\s*(?:คะแนน|%))?"
)
_LEVEL_WORDS = sorted(framework.all_levels(), key=len, reverse=True)
_LEVEL = re.compile(
    rf"ระดับ\s*(?:ผลการประเมิน)?\s*(?:อยู่ใน)?\s*(?:ระดับ)?\s*[:\"“']?\s*"
    rf"({'|'.join(re.escape(w) for w in _LEVEL_WORDS)})(?![A-Za-z])"
)
_RANK = re.compile(
    r"(?:ลำดับ|อันดับ)\s*ที่\s*([0-9๐-๙]{1,4})(?![0-9๐-๙])"
    r"(?:\s*(?:จาก|ใน)\s*(?:ทั้งหมด)?\s*([0-9๐-๙]{1,4})\s*(?:แห่ง|หน่วยงาน|อปท\.?)?)?"
)


def find_headline(flat: str, report: ParsedReport) -> None:
    """Total, level and provincial rank from the sentence that announces them."""
    total_end = None
    for m in _TOTAL.finditer(flat):
        before = flat[max(0, m.start() - 60): m.start()].rsplit("\n", 1)[-1]
        if "ตัวชี้วัด" in before or _ITEM_WORD.search(before[-12:]):
            continue
        value = _num(m.group(1))
        if 0 <= value <= 100:
            report.total_score = value
            total_end = m.end()
            break
    level_m = None
    if total_end is not None:
        level_m = _LEVEL.search(flat, total_end, total_end + 300)
    if level_m is None:
        for m in _LEVEL.finditer(flat):
            before = flat[max(0, m.start() - 40): m.start()]
            if "ผลการประเมิน" in before or "ITA" in before or "ได้" in before or "คะแนน" in before:
                level_m = m
                break
    if level_m:
        report.level = level_m.group(1)
    for m in _RANK.finditer(flat):
        after = flat[m.end(): m.end() + 80]
        if m.group(2) or re.search(r"จังหวัด|อปท|จาก", after[:60]):
            report.province_rank = int(to_arabic(m.group(1)))
            if m.group(2):
                report.province_rank_of = int(to_arabic(m.group(2)))
            if report.province_rank_of is not None and report.province_rank > report.province_rank_of:
                report.warn(
                    f"rank {report.province_rank} is larger than the {report.province_rank_of} ranked"
                )
            break


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
            f"{self.what} {key}: {kept.value:.2f} in the score table (line {kept.line}) but "
            f"{other.value:.2f} at line {other.line}; kept {kept.value:.2f}"
        )

    def values(self) -> dict:
        return {k: s.value for k, s in self.scores.items()}


def _expect_letter(text: str) -> str | None:
    for mention in indicator_mentions(text):
        if framework.indicator(mention.indicator).tool == "EIT":
            return "e"
    return None


_LIST_SEP = re.compile(r"[\s,/]*(?:และ)?[\s,/]*")
_AFTER_CODE = re.compile(rf"\s*[.)]?\s*(?:คะแนน|=|:)?\s*({_DEC}|{_NUM}(?=\s*คะแนน))(?![0-9๐-๙])")
_QUOTED_SCORE = re.compile(rf"มีค่า\s*คะแนน\s*({_NUM})(?![0-9๐-๙])")


def item_scores_in(text: str, expect: str | None = None) -> list[tuple[str, float]]:
    """``ข้อ e๑ ๙๘.๕๐ คะแนน``, ``ข้อ i๑ , i๒ , i๓ คะแนน ๑๐๐.๐๐`` and ``e๑ … มีค่าคะแนน ๙๘.๔๐``."""
    codes = find_item_codes(text, expect)
    out = []
    group: list[str] = []
    for i, c in enumerate(codes):
        group.append(c.code)
        nxt = codes[i + 1].start if i + 1 < len(codes) else min(len(text), c.end + 600)
        between = text[c.end: nxt]
        if i + 1 < len(codes) and _LIST_SEP.fullmatch(between):
            continue
        m = _AFTER_CODE.match(between)
        if m is None:
            m = _QUOTED_SCORE.search(between.split("\n", 1)[0])
        if m is not None:
            value = _num(m.group(1))
            out.extend((code, value) for code in group)
        group = []
    return out


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


_LIST_LINE = re.compile(rf"^(?P<name>[^\t\n]{{3,80}}?)\s*[:=]?\s*(?P<score>{_DEC})\s*(?:คะแนน|%)?\s*$")
_PROSE_INDICATOR = re.compile(
    rf"ตัวชี้วัดที่\s*([0-9๐-๙]{{1,2}})(?![0-9๐-๙]|\s*[.][0-9๐-๙])([^\d\n๐-๙<>]{{0,90}}?)({_DEC})(?![0-9๐-๙])"
)


def read_scores(
    tables: list[Table], prose: list[tuple[int, str]], text: str, report: ParsedReport
) -> None:
    """Indicator and item scores from score tables, lists and prose, with the year's catalogue."""
    indicators = ScoreBook(report, "indicator")
    items = ScoreBook(report, "item")
    # 1. score tables: a row whose cell is an indicator name or holds one item code, a score at the end
    for table in tables:
        if table.is_measures:
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
                for code, value in item_scores_in(cell, _expect_letter(cell)):
                    items.add(code, value, SCORE_TABLE, row.line)
    # 2. lists outside tables: "การปฏิบัติหน้าที่ 85.20" on a line, or item scores in a sentence
    for line_no, line in prose:
        m = _LIST_LINE.match(line)
        if m:
            number = _is_name_cell(m.group("name"))
            if number is not None:
                indicators.add(number, _num(m.group("score")), SCORE_TABLE, line_no)
        for code, value in item_scores_in(line, _expect_letter(line)):
            items.add(code, value, SCORE_TABLE, line_no)
    # 3. quotations: "ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน ๙๙.๓๓ คะแนน" anywhere, item scores in measures
    for table in tables:
        if not table.is_measures:
            continue
        for row in table.rows:
            for cell in row.cells:
                for code, value in item_scores_in(cell, _expect_letter(cell)):
                    items.add(code, value, QUOTED, row.line)
    for line_no, line in enumerate(text.split("\n"), start=1):
        if "ตัวชี้วัดที่" not in line:
            continue
        plain = _strip_tags(line)
        for m in _PROSE_INDICATOR.finditer(plain):
            gap = m.group(2)
            if _ITEM_WORD.search(gap) or "ตัวชี้วัด" in gap:
                continue
            number = int(to_arabic(m.group(1)))
            named = named_indicator(gap)
            indicator_number = named if named is not None else number
            if 1 <= indicator_number <= 10:
                indicators.add(indicator_number, _num(m.group(3)), QUOTED, line_no)

    report.indicator_scores = {int(k): v for k, v in sorted(indicators.values().items())}
    kept = {}
    for code, value in items.values().items():
        if report.fiscal_year is not None and item_indicator(report.fiscal_year, code) is None:
            if report.fiscal_year in framework.known_years():
                report.warn(f"item {code} is not in the FY{report.fiscal_year} catalogue; its score is left out")
                continue
        kept[code] = value
    report.item_scores = kept


_TAGS = re.compile(r"<[^<>]{0,400}>")
_ITEM_WORD = re.compile(r"ข้อ(?:ที่)?\s*(?:[A-Za-z0-9๐-๙]|$)")  # "ข้อ o5", "ข้อที่" (not ข้อมูล)


def _strip_tags(line: str) -> str:
    return _TAGS.sub(" ", line) if "<" in line else line


def check_consistency(report: ParsedReport) -> None:
    """Warn when the printed total is not what the year's weights make of the printed indicators."""
    fy = report.fiscal_year
    if fy is None or fy not in framework.known_years():
        if fy is not None:
            report.warn(f"FY{fy} is not in the ITA rules (ita_data/rules/years.csv); items are not checked")
        return
    if report.total_score is not None and len(report.indicator_scores) == 10:
        computed = framework.total_score(fy, report.indicator_scores)
        if computed is not None and abs(computed - report.total_score) > 0.011:
            report.warn(
                f"printed total {report.total_score:.2f} differs from {computed:.2f} computed from the "
                f"ten printed indicator scores with the FY{fy} weights"
            )


def indicator_number_warnings(text: str, report: ParsedReport) -> None:
    for mention in indicator_mentions(text):
        message = misnumbered_warning(mention)
        if message:
            report.warn(message)

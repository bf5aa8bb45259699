"""What a report says about the result: who, which year, the total, level, rank, indicator and item scores.

Scores come from two kinds of place. A score table (or a list of item scores) is the reference; the same
number quoted again in prose or in a table of measures only fills a gap, and a different value there is
reported as a warning. Prose is read by the words around each number (whose it is, which year it is of),
only for the year the report is about; a table with a column per year gives that year's column. Every fact
read records its line (``report.locations``).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from ita_data import framework, labels, orgs
from ita_data.thai import find_dates, to_arabic

from . import vocabulary as vocab
from .model import Organization, ParsedReport
from .tables import Table
from .text import (
    cell_score,
    compact,
    find_item_codes,
    fuzzy_indicator,
    indicator_mentions,
    indicator_spellings,
    item_indicator,
    misnumbered_warning,
    named_indicator,
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


# A year the text says it is about: "ปีงบประมาณ พ.ศ. ๒๕๖๖", "ปี 2567", "ITA 2566", "ปีงบ 67".
# Bounded white space ("\s{0,3}") keeps each try short however long a run of blanks is.
_YEAR_MENTION = re.compile(
    r"(?:ปี\s{0,3}(?:งบ\s{0,3}(?:ประมาณ)?)?|ITA|ไอทีเอ)\s{0,3}(?:(?:ประจำ)?ปี\s{0,3})?(?::\s{0,3})?"
    r"(?:พ\s{0,2}\.?\s{0,2}ศ\s{0,2}\.?\s{0,3})?([0-9๐-๙]{4}|(?<=งบ|ปี)\s{0,3}[0-9๐-๙]{2}|(?<=ประมาณ)\s{0,3}[0-9๐-๙]{2})"
    r"(?![0-9๐-๙])"
)
_COMPARED_BEFORE = re.compile(rf"(?:{'|'.join(vocab.COMPARED_YEAR_WORDS)})\s{{0,3}}$")
_RANGE_LINE = re.compile(r"[^\n]{0,80}(?:–|-|ถึง)[^\n]{0,80}")


@dataclass(frozen=True)
class YearMention:
    start: int
    end: int
    year: int
    compared: bool  # "เพิ่มขึ้นจากปี ๒๕๖๖": the year the result is compared with
    aside: bool = False  # "(ปี ๒๕๖๕ ได้ …)": named in parentheses, most often the year compared with


def year_mentions(text: str) -> list[YearMention]:
    """Every year the text names as a year (not a date), in text order."""
    out = []
    for m in _YEAR_MENTION.finditer(text):
        digits = m.group(1).strip()
        year = int(digits) if len(digits) == 4 else 2500 + int(digits)  # int() reads Thai digits too
        if not 2550 <= year <= 2650:
            continue
        compared = _COMPARED_BEFORE.search(text, max(0, m.start() - 12), m.start()) is not None
        aside = text.rfind("(", max(0, m.start() - 3), m.start()) >= 0
        out.append(YearMention(m.start(), m.end(), year, compared, aside))
    return out


def find_fiscal_year(text: str, mentions: list[YearMention] | None = None) -> int | None:
    """The year the document is about: the first year it names that is not a year compared with, or the
    end of a 1 Oct–30 Sep period, whichever comes first."""
    found = fiscal_year_at(text, mentions)
    return found[1] if found else None


def fiscal_year_at(text: str, mentions: list[YearMention] | None = None) -> tuple[int, int] | None:
    """(where in ``text``, year) of ``find_fiscal_year``'s year."""
    if mentions is None:
        mentions = year_mentions(text[:200000])
    candidates: list[tuple[int, int]] = []
    own = [m for m in mentions if not m.compared and not m.aside] or [m for m in mentions if not m.compared]
    if own:
        candidates.append((own[0].start, own[0].year))
    head = text[:20000]
    for m in _RANGE_LINE.finditer(head):
        dates = find_dates(m.group(0))
        if len(dates) >= 2 and dates[0] < dates[-1]:
            end = dates[-1]
            fy = end.year + 543 + (1 if end.month >= 10 else 0)
            candidates.append((m.start(), fy))
            break
    if not candidates and mentions:
        candidates.append((mentions[0].start, mentions[0].year))
    return min(candidates) if candidates else None


# --- organisation ----------------------------------------------------------------------------

_TYPE_WORDS = sorted(
    {a for t in orgs.ORG_TYPES if t.code not in ("bma", "pattaya") for a in t.aliases if len(a) > 3}
    | {t.short_th for t in orgs.ORG_TYPES if t.code not in ("bma", "pattaya")},
    key=len,
    reverse=True,
)
_THAI_WORD = r"[\u0e01-\u0e4f]+"
# a name may join Thai words with a hyphen ("บ้านใหม่-สามัคคี")
_ORG = re.compile(rf"({'|'.join(re.escape(w) for w in _TYPE_WORDS)})\s*({_THAI_WORD}(?:[-–]{_THAI_WORD})*)")
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
        after = text[m.start(2) + len(name) : m.start(2) + len(name) + 80]
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
    province_text: str | None
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
        report.warn(labels.REPORT_UNKNOWN_PROVINCE.format(province=province_text))
        return org
    org.province = province.name_th
    if district_m:
        try:
            org.district = orgs.find_district(province, district_m.group(1)).name_th
        except orgs.OrgError:
            report.warn(labels.REPORT_UNKNOWN_DISTRICT.format(district=district_m.group(1), province=province.name_th))
    return org


def _first_province(text: str) -> str | None:
    for m in _PROVINCE.finditer(text[:200000]):
        try:
            return orgs.find_province(m.group(1)).name_th
        except orgs.OrgError:
            continue
    return None


# --- total, level, rank ----------------------------------------------------------------------
# Each number, level word and rank in the flat text (Thai digits read as Arabic, tags and tabs as
# spaces, the same lines) is judged by the words just around it: the nearest label before it says whose
# number it is, the words after it whether it is a score at all, and the year named before it which
# year it belongs to. Every window is bounded, so the whole reading is one pass over the text.

# a number that is not part of a longer one, a date ("30/09/2567") or a thousands figure; "88.63/100" is
# a score out of 100
_SCORE_NUMBER = re.compile(r"(?<![0-9.,/])([0-9]{1,3}(?:[.][0-9]{1,2})?)(?![0-9]|[.,][0-9]|/(?!\s?100(?![0-9]))[0-9])")


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_LABEL_KINDS = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("strong", _alternation(vocab.RESULT_WORDS_STRONG)),
        ("other", _alternation(vocab.OTHER_WORDS)),
        (
            "part",
            (
                rf"{_alternation(vocab.PART_WORDS)}|(?<![A-Za-z])[EeIiOo]\s?[0-9]{{1,3}}(?![0-9])"
                rf"|ข้อ\s{{0,2}}(?:ที่\s{{0,2}})?[0-9]"
            ),
        ),
        ("result", _alternation(vocab.RESULT_WORDS)),
        ("weak", _alternation(vocab.RESULT_WORDS_WEAK)),
    )
)
_UNIT_AFTER = re.compile(
    r"\s{0,3}(?:คะแนน|%|เปอร์เซ็นต์|/\s?100(?:[.]0{1,2})?(?![0-9])|จาก\s{0,3}(?:คะแนนเต็ม\s{0,3})?100(?:[.]0{1,2})?\s{0,3}คะแนน)"
)
_COUNT_AFTER = re.compile(rf"\s{{0,3}}(?:{_alternation(vocab.COUNT_WORDS)})")
_NOT_A_SCORE_BEFORE = re.compile(
    r"(?:(?:ลำดับ|อันดับ)(?:ที่)?|ข้อ(?:ที่)?|(?<!อยู่)ที่|จาก|เต็ม|(?<![A-Za-z])[A-Za-z]|[0-9][-–])\s{0,3}$"
)
_TRIGGER_JUST_BEFORE = re.compile(r"(?:คะแนน\S{0,10}|ร้อยละ|เท่ากับ|อยู่ที่|[:=])\s{0,3}$")


class _Flat:
    """The flat text with what every reader of it needs: line starts and the years it names."""

    def __init__(self, flat: str, fiscal_year: int | None):
        self.text = flat
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", flat))]
        self.years = year_mentions(flat)
        self.year_ends = [y.end for y in self.years]
        self.fiscal_year = fiscal_year

    def line_of(self, pos: int) -> int:
        return bisect.bisect_right(self.line_starts, pos)

    def line_start(self, pos: int) -> int:
        return self.line_starts[self.line_of(pos) - 1]

    def line_end(self, pos: int) -> int:
        line = self.line_of(pos)
        return self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)

    def other_year(self, start: int, end: int) -> bool:
        """Whether the words at start..end belong to another year than the report's: the year named last
        before them on their line, or just after them ("… คะแนน ในปี ๒๕๖๖")."""
        if self.fiscal_year is None or not self.years:
            return False
        i = bisect.bisect_right(self.year_ends, start)
        line_start = self.line_start(start)
        if i > 0:
            before = self.years[i - 1]
            if before.start >= line_start and start - before.end <= 200:
                return before.year != self.fiscal_year
        if i < len(self.years):
            after = self.years[i]
            if after.start >= end and after.start - end <= 30 and self.text.find("\n", end, after.start) < 0:
                return (
                    after.year != self.fiscal_year
                    and after.compared is False
                    and re.search(r"ใน\s{0,3}$", self.text[max(end, after.start - 8) : after.start]) is not None
                )
        return False


def _nearest_labels(window: str) -> dict[str, int]:
    """The end position of the last label of each kind in the window; indicator names count as parts.
    Each kind is searched on its own: "ได้คะแนนรวม" holds both a result word and a strong one."""
    last: dict[str, int] = {}
    for kind, pattern in _LABEL_KINDS:
        for m in pattern.finditer(window):
            last[kind] = m.end()
    named = _names_in(window)
    if named:
        last["part"] = max(last.get("part", -1), named[-1][1])
    return last


def _names_in(text: str) -> list[tuple[int, int, int]]:
    """(start, end, indicator) of each indicator name written in the text, spaces inside names allowed."""
    return [(m.start(), m.end(), _spaced_name_number(m.group(0))) for m in _spaced_names().finditer(text)]


@functools.cache
def _spaced_names() -> re.Pattern[str]:
    names = sorted(indicator_spellings(), key=len, reverse=True)
    return re.compile("|".join(r"\s?".join(re.escape(ch) for ch in name) for name in names))


def _spaced_name_number(found: str) -> int:
    return indicator_spellings()[compact(found)]


def _total_candidates(flat: _Flat):
    """(value, start, end) of each number that the words around it make the organisation's total."""
    text = flat.text
    prev_score_end = 0
    prev_part_end = -1  # the end of the last score that was a part's ("ตัวชี้วัดที่ ๙ ปี ๒๕๖๖ ได้ ๗๐ …")
    for m in _SCORE_NUMBER.finditer(text):
        start, end = m.span()
        line_start = flat.line_start(start)
        after = text[end : end + 60]
        unit = _UNIT_AFTER.match(after)
        decimal = "." in m.group(1)
        window_start = max(line_start, prev_score_end, start - 120)
        window = text[window_start:start]
        if decimal or unit:
            prev_score_end = end
        value = float(m.group(1))
        if value > 100 or (not decimal and not unit and _COUNT_AFTER.match(after)):
            continue
        if _NOT_A_SCORE_BEFORE.search(window[-20:]):
            continue
        if not (decimal or unit or _TRIGGER_JUST_BEFORE.search(window[-16:])):
            continue
        if not decimal and not unit and text.startswith((".", ")"), end):
            continue  # "1.เจ้าหน้าที่…", "2) …": a list number
        labels = _nearest_labels(window)
        result = max(labels.get("strong", -1), labels.get("result", -1))
        if max(result, labels.get("weak", -1)) < 0 or labels.get("other", -1) > result:
            continue
        if labels.get("part", -1) > labels.get("strong", -1):
            prev_part_end = end
            continue
        if prev_part_end == window_start and result < 0:
            prev_part_end = end  # "… ได้ ๖๐.๐๐ คะแนน ปี ๒๕๖๗ ได้ ๙๐.๐๐": the same part, another year
            continue
        if re.match(r"\s{0,3}(?:คะแนน\s{0,3})?(?:ขึ้นไป|ลงไป)", after):
            continue
        yield value, start, end + (unit.end() if unit else 0)


_LEVEL_WORD = re.compile(
    rf"(?<![A-Za-z])(?:{_alternation(w for w in framework.all_levels() if w.isascii())})(?![A-Za-z+\-])"
    rf"|(?:{_alternation(w for w in framework.all_levels() if not w.isascii())})"
)
_LEVEL_IN_BRACKETS = re.compile(rf"\s{{0,3}}[(]\s{{0,2}}({_LEVEL_WORD.pattern})\s{{0,2}}[)]")
_LEVEL_LABEL = re.compile(_alternation(vocab.LEVEL_LABELS))
_LEVEL_GAP = re.compile(rf"(?:\s|[:\"“”'(\-–=]|{_alternation(vocab.LEVEL_CONNECTORS)})*")
_PASS_VERB = re.compile(_alternation(vocab.PASS_VERB_AFTER))


def _level_candidates(flat: _Flat, start: int = 0, end: int | None = None, after_total: bool = False):
    """(level, start, end) of each level word that a label ("ระดับ", "เกณฑ์", "ผลการประเมิน") ties."""
    text = flat.text
    for m in _LEVEL_WORD.finditer(text, start, len(text) if end is None else end):
        word = m.group(0)
        if word == "ผ่าน" and _PASS_VERB.match(text, m.end()):
            continue
        window = text[max(flat.line_start(m.start()), m.start() - 40) : m.start()]
        labels = list(_LEVEL_LABEL.finditer(window))
        if not labels:
            continue
        # the words between the nearest label and the level must all be connectors
        if not _LEVEL_GAP.fullmatch(window, labels[-1].end()):
            continue
        if after_total:
            yield word, m.start(), m.end()  # the sentence of the total: its level
            continue
        before = text[max(flat.line_start(m.start()), m.start() - 80) : labels[-1].start()]
        near = _nearest_labels(before)
        # "ตัวชี้วัดที่ ๙ อยู่ในระดับ …" is an indicator's level, not the organisation's
        part = near.get("part", -1)
        if (
            part >= 0
            and part > max(near.get("strong", -1), near.get("result", -1))
            and not re.search(r"ITA|ไอทีเอ|ภาพรวม|คะแนนรวม", before[part:])
        ):
            continue
        yield word, m.start(), m.end()


_RANK = re.compile(r"(?:ลำดับ|อันดับ)\s{0,2}(?:ที่)?\s{0,2}([0-9]{1,4})(?![0-9]|[.][0-9])")
_RANK_OF = re.compile(
    r"(?:จาก\s{0,3}(?:ทั้งหมด\s{0,3}|จำนวน\s{0,3})?|/\s{0,2}|ใน\s{0,3}(?:ทั้งหมด\s{0,3})?)"
    r"([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,5})(?![0-9])"
)
_RANK_OF_LATER = re.compile(
    r"จาก\s{0,3}(?:ทั้งหมด\s{0,3})?([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,5})\s{0,3}(?:แห่ง|หน่วยงาน|อปท)"
)
_SCOPE = re.compile("|".join(f"(?P<{scope}>{_alternation(words)})" for scope, words in vocab.RANK_SCOPES))


def _rank_candidates(flat: _Flat):
    """(rank, of, start, end, of_start) of each rank among the organisations of a province."""
    text = flat.text
    for m in _RANK.finditer(text):
        line_end = flat.line_end(m.end())
        stop = min(line_end, m.end() + 100)
        nxt = re.compile(r"ลำดับ|อันดับ").search(text, m.end(), stop)
        after_end = nxt.start() if nxt else stop
        after = text[m.end() : after_end]
        scope_m = _SCOPE.search(after)
        scope = scope_m.lastgroup if scope_m else None
        lead = len(after) - len(after.lstrip())
        of_m = _RANK_OF.match(after, lead)
        if of_m is None:
            of_m = _RANK_OF_LATER.search(after)
        if scope is None:
            before = text[max(flat.line_start(m.start()), m.start() - 30) : m.start()]
            if "จังหวัด" in before or of_m or "อปท" in after[:60]:
                scope = "province"
        if scope != "province":
            continue
        of = int(of_m.group(1).replace(",", "")) if of_m else None
        of_start = m.end() + of_m.start(1) if of_m else m.start()
        yield int(m.group(1)), of, m.start(), m.end(), of_start


def find_headline(flat_text: str, report: ParsedReport) -> None:
    """Total, level and provincial rank from the sentences that announce them, for the report's year."""
    flat = _Flat(flat_text, report.fiscal_year)
    total_end = None
    for value, start, end in _total_candidates(flat):
        if flat.other_year(start, end):
            continue
        report.total_score = value
        report.locations["total_score"] = flat.line_of(start)
        total_end = end
        break
    level = None
    if total_end is not None:
        # "๘๔.๑๒ คะแนน (ต้องปรับปรุง)": a level in brackets right after the total is its level
        bracket = _LEVEL_IN_BRACKETS.match(flat_text, total_end)
        if bracket:
            level = (bracket.group(1), bracket.start(1))
    if level is None and total_end is not None:
        for word, start, end in _level_candidates(
            flat, total_end, min(len(flat_text), total_end + 300), after_total=True
        ):
            if not flat.other_year(start, end):
                level = (word, start)
            break
    if level is None:
        for word, start, end in _level_candidates(flat):
            if not flat.other_year(start, end):
                level = (word, start)
                break
    if level:
        report.level = level[0]
        report.locations["level"] = flat.line_of(level[1])
    for rank, of, start, end, of_start in _rank_candidates(flat):
        if flat.other_year(start, end):
            continue
        report.province_rank = rank
        report.locations["province_rank"] = flat.line_of(start)
        if of is not None:
            report.province_rank_of = of
            report.locations["province_rank_of"] = flat.line_of(of_start)
            if rank > of:
                report.warn(labels.REPORT_RANK_OVER_COUNT.format(rank=rank, of=of))
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
    rf"\s{{0,6}}[.)]?\s{{0,6}}(?:คะแนน\s{{0,6}}|=\s{{0,6}}|:\s{{0,6}})?({_DEC}|{_NUM}(?=\s{{0,3}}คะแนน))(?![0-9๐-๙])"
)
_QUOTED_SCORE = re.compile(rf"มีค่า\s{{0,3}}คะแนน\s{{0,3}}({_NUM})(?![0-9๐-๙])")
# "o5 ข้อมูลการติดต่อ ได้ ๐ คะแนน", "O15 (E-Service) ได้คะแนน 50", "o12 ไม่ได้คะแนน"
_SCORE_PHRASE = re.compile(
    rf"(?:ได้(?:รับ)?\s{{0,2}}(?:คะแนน)?|คะแนน(?:ที่ได้)?)\s{{0,3}}({_NUM})(?![0-9๐-๙]|[.][0-9๐-๙])(?!\s{{0,2}}[ก-ฮ]\.)"
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
            value = _num(m.group(1))
        else:
            phrase = _SCORE_PHRASE.search(first_line, 0, 160)
            if phrase is not None and not _NOT_ITS_SCORE.search(first_line, 0, phrase.start()):
                value = 0.0 if phrase.group("zero") else _num(phrase.group(1))
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
    rf"^(?P<name>[^\t\n]{{3,80}}?)\s{{0,3}}[:=]?\s{{0,3}}(?P<score>{_DEC})(?:\s{{0,3}}(?:คะแนน|%))?\s*$"
)
# "การเปิดเผยข้อมูล (OIT) ได้คะแนน ๗๒.๕๐", "การใช้อำนาจ 98.50 คะแนน": a score a few words after a name
_AFTER_NAME = re.compile(
    r"(?:[^0-9๐-๙\n]|(?<![0-9๐-๙])[0-9๐-๙]{4}(?![0-9๐-๙]))"  # words, and a year ("ประจำปี ๒๕๖๖")
    rf"{{0,80}}?({_DEC}|{_NUM}(?=\s{{0,3}}(?:คะแนน|%)))(?![0-9๐-๙]|[.][0-9๐-๙])"
)
_NOT_A_NAME_SCORE = re.compile(
    rf"{_alternation(vocab.OTHER_WORDS)}|ข้อ(?:ที่)?\s{{0,2}}[A-Za-z0-9๐-๙]|ลำดับ|อันดับ|ภาพรวม|คะแนนรวม|ITA"
)
_PROSE_INDICATOR = re.compile(
    rf"ตัวชี้วัดที่\s*([0-9๐-๙]{{1,2}})(?![0-9๐-๙]|\s*[.][0-9๐-๙])([^\d\n๐-๙<>]{{0,90}}?)({_DEC})(?![0-9๐-๙])"
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
                indicators.add(number, _num(m.group("score")), SCORE_TABLE, line_no)
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
                indicators.add(indicator_number, _num(m.group(3)), QUOTED, line_no)
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


_TOTAL_LABEL = re.compile(rf"{_alternation(vocab.RESULT_WORDS_STRONG)}|^(?:ผล)?รวม|^คะแนน(?:ITA)?$")
_LEVEL_LABEL_CELL = re.compile(r"ระดับ|เกรด")
_RANK_LABEL = re.compile(r"ลำดับ|อันดับ")
_LEVEL_ONLY = re.compile(rf"^[\s(\"“]*({_LEVEL_WORD.pattern})[\s)\"”]*$")


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
    names = _names_in(plain)
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
                and _COUNT_AFTER.match(plain, m.end(1))
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


_HAS_SCORE = re.compile(rf"{_DEC}|{_NUM}\s{{0,3}}(?:คะแนน|%)")


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

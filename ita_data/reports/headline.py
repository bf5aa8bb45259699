"""What a report says about itself and its result: its kind, who, which year, the total, level and rank.

Prose is read by the words around each number (whose it is, which year it is of), only for the year the
report is about. Every fact read records its line (``report.locations``).
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
from .text import compact, find_item_codes, indicator_spellings

SCORE_TABLE, QUOTED = 0, 1  # where a number was read: the reference table, or a quotation of it

NUM = r"[0-9๐-๙]{1,3}(?:[.][0-9๐-๙]{1,2})?"
DEC = r"[0-9๐-๙]{1,3}[.][0-9๐-๙]{1,2}"


def as_number(text: str) -> float:
    return float(to_arabic(text))


def alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


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
_NOT_A_NAME = re.compile(alternation(vocab.NOT_A_NAME))
_NAME_STOP = re.compile(r"(?:อำเภอ|จังหวัด|ประจำปี|ปีงบประมาณ|ได้คะแนน|ได้รับ|ผลการ)")
# a district's name ends where the province begins, written with or without a space ("อำเภอพลจังหวัดขอนแก่น")
_PLACE_STOP = re.compile(r"(?:จังหวัด|อำเภอ|ตำบล|ประจำปี|ปีงบประมาณ)")


_EXECUTIVE = re.compile(alternation(title for title, _ in vocab.EXECUTIVE_TITLES))
_EXECUTIVE_ORG = dict(vocab.EXECUTIVE_TITLES)


def as_organizations(text: str) -> str:
    """The text with each executive's title written as the organisation it heads ("นายกเทศมนตรีตำบลX" is
    of เทศบาลตำบลX): a page may name its organisation only so."""
    return _EXECUTIVE.sub(lambda m: _EXECUTIVE_ORG[m.group(0)], text) if "นายกเทศมนตรี" in text else text


def find_organization(text: str, report: ParsedReport) -> Organization | None:
    """The organisation the report is about: the first named one that a district or province follows."""
    first = None
    text = as_organizations(text[:200000])
    for m in _ORG.finditer(text):
        name = _NAME_STOP.split(m.group(2), maxsplit=1)[0]
        if len(name) < 2 or _NOT_A_NAME.match(name):
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
        province = _known_prefix(orgs.find_province, province_text)
    except orgs.OrgError:
        report.warn(labels.REPORT_UNKNOWN_PROVINCE.format(province=province_text))
        return org
    org.province = province.name_th
    if district_m:
        district = _PLACE_STOP.split(district_m.group(1), maxsplit=1)[0]
        try:
            org.district = _known_prefix(lambda text: orgs.find_district(province, text), district).name_th
        except orgs.OrgError:
            report.warn(labels.REPORT_UNKNOWN_DISTRICT.format(district=district, province=province.name_th))
    return org


def _known_prefix(find, text: str):
    """The place ``text`` names, or the one it starts with: a line joined without a space runs the name on
    into the next word ("ลำปางได้คะแนน"). OrgError when no prefix of two letters or more is a place."""
    try:
        return find(text)
    except orgs.OrgError as err:
        for end in range(len(text) - 1, 1, -1):
            try:
                return find(text[:end])
            except orgs.OrgError:
                continue
        raise err


def _first_province(text: str) -> str | None:
    for m in _PROVINCE.finditer(text[:200000]):
        try:
            return _known_prefix(orgs.find_province, m.group(1)).name_th
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


_LABEL_KINDS = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("strong", alternation(vocab.RESULT_WORDS_STRONG)),
        ("other", alternation(vocab.OTHER_WORDS)),
        (
            "part",
            (
                rf"{alternation(vocab.PART_WORDS)}|(?<![A-Za-z])[EeIiOo]\s?[0-9]{{1,3}}(?![0-9])"
                rf"|ข้อ\s{{0,2}}(?:ที่\s{{0,2}})?[0-9]"
            ),
        ),
        ("result", alternation(vocab.RESULT_WORDS)),
        ("weak", alternation(vocab.RESULT_WORDS_WEAK)),
    )
)
_UNIT_AFTER = re.compile(
    r"\s{0,3}(?:คะแนน|%|เปอร์เซ็นต์|/\s?100(?:[.]0{1,2})?(?![0-9])|จาก\s{0,3}(?:คะแนนเต็ม\s{0,3})?100(?:[.]0{1,2})?\s{0,3}คะแนน)"
)
COUNT_AFTER = re.compile(rf"\s{{0,3}}(?:{alternation(vocab.COUNT_WORDS)})")
_NOT_A_SCORE_BEFORE = re.compile(
    r"(?:(?:ลำดับ|อันดับ)(?:ที่)?|ข้อ(?:ที่)?|(?<!อยู่)ที่|จาก|เต็ม|(?<![A-Za-z])[A-Za-z]|[0-9][-–])\s{0,3}$"
)
_TRIGGER_JUST_BEFORE = re.compile(r"(?:คะแนน\S{0,10}|ร้อยละ|เท่ากับ|อยู่ที่|[:=])\s{0,3}$")


def _spaced(word: str) -> str:
    """A word as a pattern: Latin letters as a word of their own, Thai with a space allowed between letters
    (PDFs and flipbooks break Thai words with spaces)."""
    if word.isascii():
        words = r"\s+".join(map(re.escape, word.split()))
        return rf"(?<![A-Za-z]){words}(?![A-Za-z])"
    return r"\s?".join(map(re.escape, word))


_ITA = re.compile("|".join(_spaced(w) for w in vocab.ITA_WORDS))
_TOPIC = re.compile(f"(?P<ita>{_ITA.pattern})|(?P<other>{'|'.join(_spaced(w) for w in vocab.OTHER_ASSESSMENTS)})")
_OTHER_TITLE = re.compile("|".join(_spaced(w) for w in vocab.OTHER_DOCUMENT_TITLES))
_AGENCY = re.compile(
    rf"(?P<org>{_ORG.pattern})|(?P<executive>{_EXECUTIVE.pattern})\s*(?P<head>{_THAI_WORD})"
    rf"|(?P<other>{alternation(vocab.OTHER_AGENCIES)})"
)
TOPIC_REACH = 400  # characters: a number this far after the name of an assessment is still about it
SUBJECT_REACH = 200  # characters: a number this far after an agency's name is still said of it


def _is_other(m: re.Match[str], organization: Organization | None) -> bool:
    """Whether an agency named in the text is not the report's organisation."""
    if m.group("other"):
        return True
    if organization is None:
        return False
    raw = m.group(3) if m.group("org") else m.group("head")
    name = compact(_NAME_STOP.split(raw, maxsplit=1)[0])
    own = compact(organization.name)
    if len(name) < 2 or _NOT_A_NAME.match(name):
        return False  # "อบต. ได้คะแนน …", "ของเทศบาลตำบลในจังหวัด": the type alone, no other agency
    return not (name.startswith(own) or own.startswith(name))


def ties_to_ita(text: str) -> bool:
    """Whether the text says anywhere that it is about the ITA: its name, its tools, its item codes or the
    names of its ten indicators."""
    head = text[:200000]
    return _ITA.search(head) is not None or bool(find_item_codes(head)) or bool(indicator_names_in(head))


def titled_otherwise(text: str) -> bool:
    """Whether the document's title (the start of one of its first lines) names another kind of document
    (a plan, the LPA, a survey, a budget report …) before any title of an ITA analysis or measures report."""
    lines = [line.strip() for line in text.split("\n", 40) if line.strip()][:4]
    for line in lines:
        other = _OTHER_TITLE.search(line, 0, 60)
        if other is None:
            continue
        kinds = [m.start() for _, pattern in vocab.KIND_PATTERNS if (m := re.search(pattern, line))]
        if not kinds or other.start() < min(kinds):
            return True
    return False


class _Flat:
    """The flat text with what every reader of it needs: line starts, the years it names, and what each
    part of it is about (the ITA or another assessment; the report's organisation or another agency)."""

    def __init__(self, flat: str, fiscal_year: int | None, organization: Organization | None = None):
        self.text = flat
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", flat))]
        self.years = year_mentions(flat)
        self.year_ends = [y.end for y in self.years]
        self.fiscal_year = fiscal_year
        self.topics = [(m.end(), m.lastgroup == "ita") for m in _TOPIC.finditer(flat)]
        self.topic_ends = [end for end, _ in self.topics]
        self.agencies = [(m.end(), _is_other(m, organization)) for m in _AGENCY.finditer(flat)]
        self.agency_ends = [end for end, _ in self.agencies]

    def foreign(self, pos: int) -> bool:
        """Whether the number or word at ``pos`` belongs to another assessment (named after the last ITA
        word before it) or to another agency (the last named before it, in its sentence's reach)."""
        i = bisect.bisect_right(self.topic_ends, pos)
        if i > 0 and pos - self.topics[i - 1][0] <= TOPIC_REACH and not self.topics[i - 1][1]:
            return True
        i = bisect.bisect_right(self.agency_ends, pos)
        if i == 0 or not self.agencies[i - 1][1] or pos - self.agencies[i - 1][0] > SUBJECT_REACH:
            return False
        # the sentence may run over lines that a layout broke, but not over a blank line
        return "\n\n" not in self.text[self.agencies[i - 1][0] : pos]

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
    named = indicator_names_in(window)
    if named:
        last["part"] = max(last.get("part", -1), named[-1][1])
    return last


def indicator_names_in(text: str) -> list[tuple[int, int, int]]:
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
        if value > 100 or (not decimal and not unit and COUNT_AFTER.match(after)):
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


LEVEL_WORD = re.compile(
    rf"(?<![A-Za-z])(?:{alternation(w for w in framework.all_levels() if w.isascii())})(?![A-Za-z+\-])"
    rf"|(?:{alternation(w for w in framework.all_levels() if not w.isascii())})"
)
_LEVEL_IN_BRACKETS = re.compile(rf"\s{{0,3}}[(]\s{{0,2}}({LEVEL_WORD.pattern})\s{{0,2}}[)]")
_LEVEL_LABEL = re.compile(alternation(vocab.LEVEL_LABELS))
_LEVEL_GAP = re.compile(rf"(?:\s|[:\"“”'(\-–=]|{alternation(vocab.LEVEL_CONNECTORS + vocab.LETTER_BAND_WORDS)})*")
_PASS_VERB = re.compile(alternation(vocab.PASS_VERB_AFTER))


def _level_candidates(flat: _Flat, start: int = 0, end: int | None = None, after_total: bool = False):
    """(level, start, end) of each level word that a label ("ระดับ", "เกณฑ์", "ผลการประเมิน") ties."""
    text = flat.text
    for m in LEVEL_WORD.finditer(text, start, len(text) if end is None else end):
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
_SCOPE = re.compile("|".join(f"(?P<{scope}>{alternation(words)})" for scope, words in vocab.RANK_SCOPES))


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
    """Total, level and provincial rank from the sentences that announce them, for the report's year and
    organisation, in the ITA (not another assessment)."""
    flat = _Flat(flat_text, report.fiscal_year, report.organization)
    total_end = None
    for value, start, end in _total_candidates(flat):
        if flat.other_year(start, end) or flat.foreign(start):
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
            if not flat.other_year(start, end) and not flat.foreign(start):
                level = (word, start)
            break
    if level is None:
        for word, start, end in _level_candidates(flat):
            if not flat.other_year(start, end) and not flat.foreign(start):
                level = (word, start)
                break
    if level:
        report.level = level[0]
        report.locations["level"] = flat.line_of(level[1])
    for rank, of, start, end, of_start in _rank_candidates(flat):
        if flat.other_year(start, end) or flat.foreign(start):
            continue
        report.province_rank = rank
        report.locations["province_rank"] = flat.line_of(start)
        if of is not None:
            report.province_rank_of = of
            report.locations["province_rank_of"] = flat.line_of(of_start)
            if rank > of:
                report.warn(labels.REPORT_RANK_OVER_COUNT.format(rank=rank, of=of))
        break

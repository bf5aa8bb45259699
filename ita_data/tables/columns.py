"""Which field a result table's column holds, read from its header in Thai or English.

The header words live here together, so a new spelling in a real table is a one-line addition; how a
field is named to a person is ``labels.TABLE_FIELD_LABELS``.
"""

from __future__ import annotations

import re
from functools import cache

from ita_data import framework, thai

# Fields the importer stores or checks, each with the headers that name it.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": (
        "ชื่อหน่วยงาน",
        "หน่วยงาน",
        "ชื่อ อปท.",
        "อปท.",
        "ชื่อองค์กรปกครองส่วนท้องถิ่น",
        "องค์กรปกครองส่วนท้องถิ่น",
        "ชื่อหน่วยงานที่รับการประเมิน",
        "หน่วยงานที่รับการประเมิน",
        "ชื่อ",
        "organization",
        "organisation",
        "organization name",
        "organisation name",
        "org",
        "org name",
        "org_name",
        "agency",
        "name",
    ),
    "org_type": (
        "ประเภท",
        "ประเภท อปท.",
        "ประเภทหน่วยงาน",
        "ประเภทองค์กรปกครองส่วนท้องถิ่น",
        "type",
        "org type",
        "org_type",
        "organization type",
        "organisation type",
    ),
    "district": ("อำเภอ", "อ.", "อำเภอ/เขต", "เขต", "district", "amphoe"),
    "province": ("จังหวัด", "จ.", "province", "changwat"),
    "fiscal_year": (
        "ปีงบประมาณ",
        "ปีงบประมาณ พ.ศ.",
        "ปี",
        "ปี พ.ศ.",
        "พ.ศ.",
        "ปีที่ประเมิน",
        "fiscal year",
        "fiscal_year",
        "year",
        "fy",
    ),
    "total_score": (
        "คะแนนรวม",
        "คะแนน ITA",
        "คะแนนรวม ITA",
        "คะแนน ITA รวม",
        "ผลคะแนน",
        "ผลคะแนนรวม",
        "คะแนน",
        "คะแนนที่ได้",
        "total",
        "total score",
        "total_score",
        "score",
        "ITA score",
        "ITA",
    ),
    "level_reported": (
        "ระดับ",
        "ผลการประเมิน",
        "ระดับผลการประเมิน",
        "ระดับคะแนน",
        "ระดับตามรายงาน",
        "level",
        "level_reported",
        "result",
        "grade",
    ),
    "province_rank_reported": (
        "ลำดับในจังหวัด",
        "ลำดับที่ในจังหวัด",
        "อันดับในจังหวัด",
        "อันดับที่ในจังหวัด",
        "อันดับในจังหวัดตามรายงาน",
        "province rank",
        "province_rank",
        "province_rank_reported",
        "provincial rank",
        "rank in province",
    ),
    "province_rank_of": ("จำนวนหน่วยงานในจังหวัด", "จำนวนในจังหวัด", "จากทั้งหมด", "province_rank_of", "rank of", "out of"),
    # Derived columns our export writes: recognised so they are not reported, but never stored.
    "level_computed": ("ระดับตามเกณฑ์", "level_computed", "official level"),
    # A running number is not data.
    "row_index": ("ลำดับ", "ลำดับที่", "ที่", "no", "no.", "index"),
}

REQUIRED = ("name", "province", "fiscal_year")
IGNORED = ("level_computed", "row_index")

_TOOL = re.compile(r"^(?:คะแนน\s*)?(?:รวม\s*)?(iit|eit|oit)(?:\s*(?:คะแนนรวม|รวม|คะแนน|score|total))?$")
_TOOL_NUMBER = re.compile(r"^(iit|eit|oit)\s+(\d{1,2})$")
_INDICATOR_NUMBER = re.compile(r"(?:ตัวชี้วัด(?:ที่)?|indicator|ind)\s*(\d{1,2})(?!\d)")
_ITEM = re.compile(r"^([ieo])\s*(\d{1,3})$")


def normalize(header: object) -> str:
    """Lower case, Arabic digits, punctuation as spaces: ``"ตัวชี้วัดที่ ๑ (IIT)"`` → ``"ตัวชี้วัดที่ 1 iit"``"""
    text = thai.to_arabic(str(header or "")).replace("\ufeff", "").casefold()
    text = re.sub(r"[._\-()\[\]:/*#,]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _key(header: object) -> str:
    return normalize(header).replace(" ", "")


@cache
def _synonym_keys() -> dict[str, str]:
    out = {}
    for field, words in SYNONYMS.items():
        for word in words:
            out[_key(word)] = field
    return out


@cache
def _indicator_names() -> tuple[tuple[str, int], ...]:
    pairs = []
    for ind in framework.indicators():
        for name in (ind.name_th, *ind.other_names_th, ind.name_en):
            pairs.append((_key(name), ind.number))
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


def field_of(header: str) -> str | None:
    """The field one header text names: ``"province"``, ``"indicator_3"``, ``"item:o12"``, ``"tool:IIT"``."""
    text = normalize(header)
    if not text:
        return None
    key = text.replace(" ", "")
    if key in _synonym_keys():
        return _synonym_keys()[key]
    m = _ITEM.match(text)
    if m:
        return f"item:{m.group(1)}{int(m.group(2))}"
    m = _TOOL.match(text)
    if m:
        return f"tool:{m.group(1).upper()}"
    # The name decides, not the number: documents sometimes number indicators wrongly.
    for name, number in _indicator_names():
        if name and name in key:
            return f"indicator_{number}"
    m = _INDICATOR_NUMBER.search(text)
    if m and 1 <= int(m.group(1)) <= 10:
        return f"indicator_{int(m.group(1))}"
    m = _TOOL_NUMBER.match(text)
    if m:
        tool, number = m.group(1).upper(), int(m.group(2))
        if number in framework.indicators_of_tool(tool):
            return f"indicator_{number}"
    return None


def field_of_column(parts: list[str]) -> str | None:
    """The field of a column whose header spans one or two rows (group label above, detail below)."""
    texts = [p for p in (str(x).strip() for x in parts) if p]
    unique = list(dict.fromkeys(texts))
    if not unique:
        return None
    if len(unique) == 1:
        return field_of(unique[0])
    return field_of(" ".join(unique)) or field_of(unique[-1])

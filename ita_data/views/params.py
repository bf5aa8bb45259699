"""The parameters a page link and an API address carry: what each accepts and its one canonical form.

A person or another office writes a value as the page shows it (its Thai label), as a code
(``?province=50``, ``?indicator=9``, ``?within=nation``), in Thai digits (``?fy=๒๕๖๗``) or, for a year,
in two digits (``?fy=67``). Every parameter reads all of these and writes one form back: the code.
Codes are what other systems hold (DOPA province and district codes, fiscal years), they stay the same
when a label's wording is corrected, and a link made of them stays short and readable when copied
(a Thai label is percent-encoded to nine characters a letter).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ita_data import labels, orgs, thai

# How much of an unknown value a message shows back (a crafted link may carry thousands of characters).
ECHO_LIMIT = 60
# A value longer than this names nothing any parameter offers; it is refused before it is looked up.
VALUE_LIMIT = 200


class LinkValueError(ValueError):
    """A value in a link or an API address that names nothing the parameter offers.

    ``thai`` is the message a page shows (the value echoed, cut to ``ECHO_LIMIT``); ``english`` says
    the same for another system's log; ``accepted`` lists what the parameter takes.
    """

    def __init__(self, key: str, value: str, accepted: str, thai_text: str | None = None) -> None:
        shown = value if len(value) <= ECHO_LIMIT else value[:ECHO_LIMIT] + "…"
        self.key, self.value, self.accepted = key, shown, accepted
        self.thai = thai_text or labels.LINK_VALUE_UNKNOWN.format(value=shown, key=key)
        self.english = f"unknown value {shown!r} for parameter {key!r}; accepted: {accepted}"
        super().__init__(f"{self.thai} ({self.english})")


@dataclass(frozen=True)
class Param:
    """One parameter: its key in the address, its Thai name, what it takes (``doc``, English, for the
    API's index), its kind and its constant default (None: nothing chosen, or the data decides)."""

    key: str
    label: str
    doc: str
    kind: str  # choice | flag | count | date | org
    default: Any = None
    low: int = 0
    high: int = 0
    aliases: Callable[[str], Any] | None = field(default=None, compare=False)  # a last look-up (names, short forms)

    def parse(self, text: str | None, options: Mapping[Any, str] | None = None) -> Any:
        """The value ``text`` names; ``options`` (value → Thai label) for a choice. An empty or missing
        text is the default. LinkValueError when it names nothing."""
        if text is None:
            return self.default
        text = str(text)
        plain = thai.to_arabic(text).strip()
        if plain == "":
            return self.default
        if len(plain) > VALUE_LIMIT:
            raise LinkValueError(self.key, text, self.accepts(options))
        reader = getattr(self, f"_{self.kind}")
        found = reader(text, plain, options or {})
        if found is _NOTHING:
            raise LinkValueError(self.key, text, self.accepts(options))
        return found

    def code(self, value: Any) -> str | None:
        """The canonical text of a value (None: nothing to write, e.g. "all")."""
        if value is None:
            return None
        if self.kind == "flag":
            return "true" if value else "false"
        if self.kind == "date":
            return value.isoformat()
        return str(value)

    def accepts(self, options: Mapping[Any, str] | None = None) -> str:
        if self.kind == "choice":
            codes = [str(o) for o in (options or {}) if o is not None]
            listed = ", ".join(codes[:12]) + (", …" if len(codes) > 12 else "")
            return f"a code ({listed}) or its Thai label"
        if self.kind == "flag":
            return "true or false (1/0, ใช่/ไม่)"
        if self.kind == "count":
            return f"a whole number from {self.low} to {self.high}"
        if self.kind == "date":
            return "a date: 2026-09-30, 30/09/2569 or 30 ก.ย. 2569"
        return "an organisation id (digits)"

    # -- the readers of each kind

    def _choice(self, text: str, plain: str, options: Mapping[Any, str]) -> Any:
        by_label = {str(label): value for value, label in options.items()}
        by_code = {str(value).casefold(): value for value in options if value is not None}
        for candidate in (text.strip(), plain):
            if candidate in by_label:
                return by_label[candidate]
            if candidate.casefold() in by_code:
                return by_code[candidate.casefold()]
        if plain.casefold() in ("all", labels.ALL) and None in options:
            return None
        if self.key in YEAR_KEYS and (year := thai.parse_be_year(plain)) in options:
            return year
        if self.aliases is not None:
            found = self.aliases(plain)
            if found is not None and found in options:
                return found
        return _NOTHING

    def _flag(self, text: str, plain: str, options: Mapping[Any, str]) -> Any:
        word = plain.casefold()
        if word in ("true", "1", "yes", "on", labels.yes_no(True)):
            return True
        if word in ("false", "0", "no", "off", labels.yes_no(False)):
            return False
        return _NOTHING

    def _count(self, text: str, plain: str, options: Mapping[Any, str]) -> Any:
        if plain.isascii() and plain.isdigit() and len(plain) <= 4 and self.low <= int(plain) <= self.high:
            return int(plain)
        return _NOTHING

    def _date(self, text: str, plain: str, options: Mapping[Any, str]) -> Any:
        found = thai.parse_date(plain)
        return _NOTHING if found is None or not (1900 <= found.year <= 2200) else found

    def _org(self, text: str, plain: str, options: Mapping[Any, str]) -> Any:
        # org_id is a 32-bit INTEGER: a longer number names no organisation (and Python would refuse
        # to convert thousands of digits).
        if plain.isascii() and plain.isdigit() and len(plain) <= 10 and int(plain) < 2**31:
            return int(plain)
        return _NOTHING


_NOTHING = object()
YEAR_KEYS = ("fy", "from", "to", "m_effect_year")


def _province_by_name(text: str) -> str | None:
    try:
        return orgs.find_province(text).code
    except orgs.OrgError:
        return None


def _type_by_name(text: str) -> str | None:
    try:
        return orgs.find_org_type(text).code
    except orgs.OrgError:
        return None


def _indicator_by_name(text: str) -> str | None:
    key = text.strip()
    short = {v: k for k, v in labels.INDICATOR_SHORT_LABELS.items()}
    return short.get(key) or next((c for c in labels.INDICATOR_CHOICES if c.casefold() == key.casefold()), None)


P = Param
PARAMS: dict[str, Param] = {
    p.key: p
    for p in (
        # the sidebar's selection, on every page
        P("fy", labels.FILTER_YEAR, "fiscal year, B.E. (2567, ๒๕๖๗ or 67); default the latest held", "choice"),
        P(
            "province",
            labels.COLUMNS["province"],
            "DOPA province code (50) or Thai name (เชียงใหม่); default the whole country",
            "choice",
            aliases=_province_by_name,
        ),
        P("district", labels.COLUMNS["district"], "DOPA district code (5001) or Thai name; needs province", "choice"),
        P(
            "type",
            labels.FILTER_ORG_TYPE,
            f"organisation type: {', '.join(labels.ORG_TYPE_CHOICES)} (or อบต., ทต., …)",
            "choice",
            aliases=_type_by_name,
        ),
        P(
            "indicator",
            labels.COLUMNS["indicator"],
            "the score ranked and compared: total, IIT, EIT, OIT or 1-10",
            "choice",
            "total",
            aliases=_indicator_by_name,
        ),
        P("synthetic", labels.FILTER_SYNTHETIC, "include the synthetic demo data (true/false)", "flag", True),
        # the pages' own
        P("within", labels.RANK_WITHIN_LABEL, "rank within: nation, province, district or type", "choice", "province"),
        P(
            "gap",
            labels.GAP_MEASURE_LABEL,
            f"the gap the heatmap shows: {', '.join(labels.GAP_MEASURES)}",
            "choice",
            "gap_to_pass",
        ),
        P(
            "priority",
            labels.GAP_PRIORITY_LIMIT,
            "how many indicators to fix first per organisation (1-10)",
            "count",
            3,
            1,
            10,
        ),
        P("from", labels.CHANGE_FROM, "the earlier year compared (default the year before fy)", "choice"),
        P("to", labels.CHANGE_TO, "the later year compared (default fy)", "choice"),
        P("as_of", labels.MEASURES_AS_OF, "the day measures are overdue against (default today)", "date"),
        P("m_indicator", labels.MEASURES_INDICATOR, "the indicator measures aim at (1-10; default all)", "choice"),
        P("m_status", labels.COLUMNS["status"], "planned or in_progress (default both)", "choice"),
        P("m_unit", labels.COLUMNS["responsible"], "the responsible unit, as written (default all)", "choice"),
        P("m_overdue", labels.MEASURES_OVERDUE_ONLY, "only overdue measures (true/false)", "flag", False),
        P("m_by", labels.MEASURES_SUMMARY_BY, "summarise by responsible, org or indicator", "choice", "responsible"),
        P(
            "m_uncovered",
            labels.COVERAGE_UNCOVERED_ONLY,
            "only weak indicators without a measure (true/false)",
            "flag",
            True,
        ),
        P("m_effect_year", labels.EFFECT_YEAR, "the year of the measures whose effect is measured", "choice"),
        P("org", labels.ORG_KEY, "organisation id (default the first of the selection)", "org"),
        P("sources_all", labels.ORG_SOURCES_ALL, "every year's sources, not only fy's (true/false)", "flag", False),
    )
}

# The sidebar's parameters, which every page's link carries.
SIDEBAR = ("fy", "province", "district", "type", "indicator", "synthetic")


def canonical(key: str, value: Any) -> str | None:
    """What a link writes for parameter ``key`` holding ``value``: its code, or None (left out) for
    "all" and for the parameter's constant default."""
    param = PARAMS[key]
    if value is None or (param.default is not None and value == param.default):
        return None
    return param.code(value)

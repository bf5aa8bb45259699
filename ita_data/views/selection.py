"""What a view is asked for: the sidebar's filters and the page's own choices, resolved from a link.

``Selection`` holds the resolved values; ``options`` says what each parameter offers for the data at
hand (the pages' widgets offer the same lists); ``resolve`` reads a whole query string the way the
pages read a link, strictly (an API answer never guesses); ``link_query`` writes a selection back in
its one canonical form; ``describe`` says it in Thai for a download's header and filters sheet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ita_data import analytics, labels, thai
from ita_data.analytics import Filters
from ita_data.analytics import about as about_data
from ita_data.analytics.rankings import SCOPES
from ita_data.views.params import PARAMS, SIDEBAR, LinkValueError, canonical

# ``ask(func, *args, **kwargs)`` is ``func(cursor, *args, **kwargs)``, cached or not: the pages hand in
# their cache (one per data version, across sessions), the API a cursor of the request's own.
Ask = Callable[..., Any]

MEASURE_STATUSES = (None, "planned", "in_progress")


@dataclass(frozen=True)
class Selection:
    """The sidebar's filters and every page choice a view may read (defaults as the pages have them)."""

    filters: Filters
    within: str = "province"
    gap: str = "gap_to_pass"
    priority: int = 3
    from_year: int | None = None
    to_year: int | None = None
    as_of: dt.date | None = None
    m_indicator: str | None = None
    m_status: str | None = None
    m_unit: str | None = None
    m_overdue: bool = False
    m_by: str = "responsible"
    m_uncovered: bool = True
    m_effect_year: int | None = None
    org: int | None = None
    sources_all: bool = False
    # What "the nation" is for this data (labels.whole_data): a database of some provinces' results names
    # its comparison columns and ranking scope for what it covers. Read from the data, never from a link.
    whole: str = labels.WHOLE_NATION

    def value(self, key: str) -> Any:
        """A parameter's value by its key in the link."""
        f = self.filters
        sidebar = {
            "fy": f.fiscal_year,
            "province": f.province_code,
            "district": f.district_code,
            "type": f.org_type,
            "indicator": f.indicator,
            "synthetic": f.include_synthetic,
        }
        if key in sidebar:
            return sidebar[key]
        return getattr(self, _FIELDS.get(key, key))

    def with_values(self, **values: Any) -> Selection:
        """A copy with parameters set by their keys in the link (``fy``, ``from``, ``within``, …)."""
        sidebar = {k: values.pop(k) for k in list(values) if k in SIDEBAR}
        filters = self.filters
        if sidebar:
            names = {
                "fy": "fiscal_year",
                "province": "province_code",
                "district": "district_code",
                "type": "org_type",
                "indicator": "indicator",
                "synthetic": "include_synthetic",
            }
            filters = replace(filters, **{names[k]: v for k, v in sidebar.items()})
        return replace(self, filters=filters, **{_FIELDS.get(k, k): v for k, v in values.items()})

    def measures_filters(self) -> Filters:
        """The measures page's selection: the sidebar's, narrowed to the measures' indicator if one is chosen."""
        return replace(self.filters, indicator=self.m_indicator) if self.m_indicator else self.filters


_FIELDS = {"from": "from_year", "to": "to_year"}


# --- what each parameter offers -----------------------------------------------------------------


def years_held(ask: Ask) -> list[int]:
    """The fiscal years the sidebar offers, newest first."""
    return sorted(map(int, ask(analytics.filter_choices, "year")), reverse=True)


def options(key: str, ask: Ask, sel: Selection) -> dict[Any, str]:
    """What parameter ``key`` offers (value → Thai label) for the data and the rest of ``sel``."""
    f = sel.filters
    if key == "fy":
        return {y: str(y) for y in years_held(ask)}
    if key == "province":
        return {None: labels.ALL, **ask(analytics.filter_choices, "province")}
    if key == "district":
        if not f.province_code:
            return {None: labels.ALL}
        return {None: labels.ALL, **ask(analytics.filter_choices, "district", f.province_code)}
    if key == "type":
        return {None: labels.ALL, **labels.ORG_TYPE_LABELS}
    if key == "indicator":
        return dict(labels.INDICATOR_LABELS)
    if key == "within":
        return {s: labels.RANK_WITHIN[s] for s in SCOPES}
    if key == "gap":
        return {g: labels.column_label(g) for g in labels.GAP_MEASURES}
    if key in ("from", "to"):
        return {y: str(y) for y in ask(analytics.data_years, f.include_synthetic)}
    if key == "m_indicator":
        return {None: labels.ALL, **{n: labels.INDICATOR_LABELS[n] for n in f.indicator_numbers()}}
    if key == "m_status":
        return {s: labels.ALL if s is None else labels.STATUSES[s] for s in MEASURE_STATUSES}
    if key == "m_unit":
        units = ask(analytics.open_measures_summary, sel.measures_filters(), sel.as_of, by="responsible")
        return {None: labels.ALL, **{u: u for u in units.label.dropna()}}
    if key == "m_by":
        return dict(labels.MEASURE_GROUPS)
    if key == "m_effect_year":
        return {y: f"{y} → {y + 1}" for y in analytics.next_year_pairs(ask(analytics.data_years, f.include_synthetic))}
    return {}


class SelectionError(ValueError):
    """A selection that names nothing to show (a district without its province, from after to, a year
    pair the data lacks): ``thai`` and ``english`` say why."""

    def __init__(self, key: str, thai_text: str, english: str) -> None:
        self.key, self.thai, self.english = key, thai_text, english
        super().__init__(f"{thai_text} ({english})")


def resolve(
    query: Mapping[str, str], keys: Sequence[str], ask: Ask, today: dt.date | None = None, first_org: bool = False
) -> Selection:
    """The selection a query names, read as a copied page link is read (labels, codes, Thai digits).

    ``keys`` are the page parameters the view takes beyond the sidebar's, in the order they depend on
    one another. Every value must name something: LinkValueError or SelectionError otherwise; a
    parameter left out takes the page's default (``first_org``: no ``org`` means the selection's first
    organisation, as on the organisation page).
    """
    sel = Selection(filters=Filters(fiscal_year=0))
    fy_options = options("fy", ask, sel)
    if not fy_options:
        raise SelectionError("fy", labels.EMPTY_SELECTION, "the database holds no fiscal year yet")
    fiscal_year = _parse("fy", query, fy_options) or max(fy_options)
    sel = sel.with_values(fy=fiscal_year, synthetic=_parse("synthetic", query))
    for key in ("province", "district", "type", "indicator"):
        if key == "district" and query.get(key) and sel.filters.province_code is None:
            raise SelectionError(key, labels.LINK_DISTRICT_NEEDS_PROVINCE, "a district needs its province")
        sel = sel.with_values(**{key: _parse(key, query, options(key, ask, sel))})
    for key in keys:
        sel = _resolve_page_param(key, query, ask, sel, today or dt.date.today(), first_org)
    return replace(sel, whole=labels.whole_data(ask(about_data.data_status), sel.filters.include_synthetic))


def _parse(key: str, query: Mapping[str, str], offered: Mapping[Any, str] | None = None) -> Any:
    return PARAMS[key].parse(query.get(key), offered)


def _resolve_page_param(
    key: str, query: Mapping[str, str], ask: Ask, sel: Selection, today: dt.date, first_org: bool
) -> Selection:
    if key in ("from", "to"):
        years = sorted(options("from", ask, sel))
        pair = analytics.comparison_pair(years, sel.filters.fiscal_year)
        if pair is None:
            raise SelectionError(key, labels.CHANGE_NEED_TWO_YEARS, "the data holds fewer than two years")
        default = pair[0] if key == "from" else pair[1]
        sel = sel.with_values(**{key: _parse(key, query, options(key, ask, sel)) or default})
        if key == "to" and sel.from_year is not None and sel.to_year is not None and sel.from_year >= sel.to_year:
            raise SelectionError(key, labels.CHANGE_ORDER, "'from' must be a year before 'to'")
        return sel
    if key == "as_of":
        return sel.with_values(as_of=_parse(key, query) or today)
    if key == "m_effect_year":
        offered = options(key, ask, sel)
        if not offered:
            raise SelectionError(key, labels.EFFECT_NEED_TWO_YEARS, "the data holds no two consecutive years")
        fy = sel.filters.fiscal_year
        return sel.with_values(m_effect_year=_parse(key, query, offered) or (fy if fy in offered else max(offered)))
    if key == "org":
        org = _parse(key, query)
        if org is not None and ask(about_data.organization, org).empty:
            raise LinkValueError(
                key, str(query.get(key)), "an organisation id", labels.ORG_UNKNOWN_ID.format(value=query.get(key))
            )
        if org is None and first_org:
            org = ask(analytics.top_org, sel.filters)
        return sel.with_values(org=org)
    kind = PARAMS[key].kind
    value = _parse(key, query, options(key, ask, sel) if kind == "choice" else None)
    return sel.with_values(**{key: value})


# --- the selection written back: a link and words ---------------------------------------------


def link_query(sel: Selection, keys: Sequence[str]) -> dict[str, str]:
    """The canonical query of ``sel`` for the sidebar and ``keys``: each value as its code, and a value
    left out where it is the parameter's constant default (or "all")."""
    query = {}
    for key in (*SIDEBAR, *keys):
        code = canonical(key, sel.value(key))
        if code is not None:
            query[key] = code
    return query


def describe(
    sel: Selection, keys: Sequence[str], names: Mapping[str, str | None] | None = None
) -> list[tuple[str, str]]:
    """The selection in Thai, one (name, value) pair per parameter, as a download's filters sheet lists
    it: every sidebar filter and the ``keys`` given. ``names`` gives the labels only the data knows
    (``province``, ``district``, ``org``); a filter not set reads ทั้งหมด."""
    names = names or {}
    rows = []
    for key in (*SIDEBAR, *keys):
        value = sel.value(key)
        rows.append((PARAMS[key].label, _value_text(key, value, names)))
    return rows


def _value_text(key: str, value: Any, names: Mapping[str, str | None]) -> str:
    if value is None:
        return labels.ALL
    if key in names and names[key]:
        return str(names[key])
    kind = PARAMS[key].kind
    if kind == "flag":
        return labels.yes_no(bool(value))
    if kind == "date":
        return thai.format_be_date(value)
    mapped = {
        "type": labels.ORG_TYPE_LABELS,
        "indicator": labels.INDICATOR_LABELS,
        "m_indicator": labels.INDICATOR_LABELS,
        "within": labels.RANK_WITHIN,
        "gap": {g: labels.column_label(g) for g in labels.GAP_MEASURES},
        "m_status": labels.STATUSES,
        "m_by": labels.MEASURE_GROUPS,
    }.get(key)
    if mapped is not None:
        return str(mapped.get(value, value))
    if key == "m_effect_year":
        return f"{value} → {value + 1}"
    return str(value)


def caption(sel: Selection, keys: Sequence[str], names: Mapping[str, str | None] | None = None) -> str:
    """The selection in one line of Thai (a page's caption, a download's first line): what is set."""
    names = names or {}
    f = sel.filters
    parts = [labels.CAPTION_YEAR.format(year=f.fiscal_year)]
    if f.province_code:
        parts.append(labels.CAPTION_PROVINCE.format(name=names.get("province") or f.province_code))
    if f.district_code:
        parts.append(labels.CAPTION_DISTRICT.format(name=names.get("district") or f.district_code))
    if f.org_type:
        parts.append(labels.org_type_label(f.org_type))
    parts.append(labels.indicator_label(f.indicator))
    if not f.include_synthetic:
        parts.append(labels.CAPTION_NO_SYNTHETIC)
    for key in keys:
        value = sel.value(key)
        if value is not None and not (key == "org" and "org" not in names):
            parts.append(f"{PARAMS[key].label} {_value_text(key, value, names)}")
    return " · ".join(parts)


def place_names(ask: Ask, sel: Selection) -> dict[str, str | None]:
    """The Thai names of the selection's province, district and organisation (None where it names none)."""
    f = sel.filters
    province = options("province", ask, sel).get(f.province_code) if f.province_code else None
    district = options("district", ask, sel).get(f.district_code) if f.district_code else None
    org = None
    if sel.org is not None:
        found = ask(about_data.organization, sel.org)
        org = None if found.empty else str(found.org_name.iloc[0])
    return {"province": province, "district": district, "org": org}

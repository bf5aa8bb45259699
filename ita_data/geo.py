"""Province boundaries for the map: Natural Earth polygons keyed by DOPA province code."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from ita_data.settings import PROJECT_ROOT

PROVINCES_GEOJSON = PROJECT_ROOT / "data" / "th_provinces.geojson"


@cache
def province_geojson() -> dict[str, Any]:
    """The 77 provinces; each feature's ``id`` is the DOPA code that the data joins on."""
    return json.loads(PROVINCES_GEOJSON.read_text(encoding="utf-8"))

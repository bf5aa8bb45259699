"""Places on the map: province outlines (Natural Earth) keyed by DOPA province code, and district positions."""

from __future__ import annotations

import csv
import json
from functools import cache
from typing import Any

from ita_data.settings import PROJECT_ROOT

PROVINCES_GEOJSON = PROJECT_ROOT / "data" / "th_provinces.geojson"


@cache
def province_geojson() -> dict[str, Any]:
    """The 77 provinces; each feature's ``id`` is the DOPA code that the data joins on."""
    return json.loads(PROVINCES_GEOJSON.read_text(encoding="utf-8"))


DISTRICT_POINTS_CSV = PROJECT_ROOT / "data" / "th_district_points.csv"


@cache
def district_points() -> dict[str, tuple[float, float]]:
    """District code -> (lat, lon) of the place that bears the district's name (GeoNames, CC-BY 4.0; made
    by setup/district_points.py). About four districts in five have one; the others have none."""
    out = {}
    lines = DISTRICT_POINTS_CSV.read_text(encoding="utf-8").splitlines()
    for row in csv.DictReader(line for line in lines if not line.startswith("#")):
        out[row["district_code"]] = (float(row["lat"]), float(row["lon"]))
    return out


@cache
def province_bounds(province_code: str) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) of a province's outline, or None for a code the map does not have."""
    for feature in province_geojson()["features"]:
        if feature["id"] == province_code:
            geometry = feature["geometry"]
            polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
            points = [p for polygon in polygons for ring in polygon for p in ring]
            lons, lats = [p[0] for p in points], [p[1] for p in points]
            return min(lons), min(lats), max(lons), max(lats)
    return None

"""Places on the map: province outlines (Natural Earth) keyed by DOPA province code, and district positions.

The outlines a map draws are simplified (Douglas–Peucker within ``OUTLINE_TOLERANCE`` degrees): every
map a page sends carries them, and the file's full detail is finer than a province-wide map shows."""

from __future__ import annotations

import csv
import json
import math
from functools import cache
from typing import Any

from ita_data.settings import PROJECT_ROOT

PROVINCES_GEOJSON = PROJECT_ROOT / "data" / "th_provinces.geojson"
# About 400 m: well under a pixel where the map shows the whole country (zoom 4.4, ~3.5 km a pixel); a
# map zoomed to a province draws that one in full (``province_geojson(detailed=...)``).
OUTLINE_TOLERANCE = 0.004


@cache
def province_outlines() -> dict[str, Any]:
    """The 77 provinces as the file has them; each feature's ``id`` is the DOPA code the data joins on."""
    return json.loads(PROVINCES_GEOJSON.read_text(encoding="utf-8"))


@cache
def _simplified_features() -> tuple[dict[str, Any], ...]:
    features = []
    for feature in province_outlines()["features"]:
        geometry = feature["geometry"]
        if geometry["type"] == "MultiPolygon":
            coordinates: Any = [[simplify_ring(ring) for ring in polygon] for polygon in geometry["coordinates"]]
        else:
            coordinates = [simplify_ring(ring) for ring in geometry["coordinates"]]
        features.append({**feature, "geometry": {"type": geometry["type"], "coordinates": coordinates}})
    return tuple(features)


@cache
def province_geojson(detailed: str | None = None) -> dict[str, Any]:
    """The 77 provinces as a map draws them: ``province_outlines`` with each ring simplified, except the
    province ``detailed`` (a code: the one a map zooms to), drawn as the file has it."""
    full = province_outlines()
    whole = {feature["id"]: feature for feature in full["features"]}
    features = [whole[f["id"]] if f["id"] == detailed else f for f in _simplified_features()]
    return {**full, "features": features}


def simplify_ring(ring: list[list[float]], tolerance: float = OUTLINE_TOLERANCE) -> list[list[float]]:
    """A closed ring with the points that lie within ``tolerance`` of the line through their neighbours
    left out (Douglas–Peucker), still closed; a ring that would keep fewer than four points is kept whole
    (a small island stays an island)."""
    if len(ring) <= 4:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    # A closed ring's first and last points are the same: split it at its farthest point first.
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2)
    keep[far] = True
    todo = [(0, far), (far, len(ring) - 1)]
    while todo:
        start, end = todo.pop()
        if end - start < 2:
            continue
        (x1, y1), (x2, y2) = ring[start][:2], ring[end][:2]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        worst, where = -1.0, start
        for i in range(start + 1, end):
            x, y = ring[i][0], ring[i][1]
            distance = abs(dy * (x - x1) - dx * (y - y1)) / length if length else math.hypot(x - x1, y - y1)
            if distance > worst:
                worst, where = distance, i
        if worst > tolerance:
            keep[where] = True
            todo += [(start, where), (where, end)]
    kept = [point for point, wanted in zip(ring, keep) if wanted]
    return kept if len(kept) >= 4 else ring


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
    for feature in province_outlines()["features"]:
        if feature["id"] == province_code:
            geometry = feature["geometry"]
            polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
            points = [p for polygon in polygons for ring in polygon for p in ring]
            lons, lats = [p[0] for p in points], [p[1] for p in points]
            return min(lons), min(lats), max(lons), max(lats)
    return None

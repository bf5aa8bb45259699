"""A tab that talks to a Streamlit server the way Streamlit's own frontend does: ``serve`` warms its
processes with it (``ita_data.warming``), the load benchmarks simulate officers with it.

It loads the page over HTTP keeping the cookies a browser keeps (the XSRF cookie, a load balancer's
sticky cookie), opens ``/_stcore/stream`` with the XSRF token in the subprotocol, sends ``BackMsg``
``rerun_script`` with the query string, the page and the widget states, and reads ``ForwardMsg``s until
``script_finished``. It keeps what the page drew (widgets by key), remembers cacheable messages by hash
and tells the server which it holds (as the frontend does, so the server sends references instead),
asks for deferred downloads and fetches the media URL, and uploads through ``/_stcore/upload_file``.
"""

from __future__ import annotations

import asyncio
import contextlib
import http.cookiejar
import json
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Any

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection
from websockets.typing import Subprotocol

XSRF_COOKIE = "_streamlit_xsrf"
FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


class ProtocolError(RuntimeError):
    """The server did something a browser would show as broken (an exception, a refused request)."""


@dataclass
class Widget:
    """One widget the last run drew: its element type (``selectbox``, ``dataframe``...) and proto."""

    id: str
    kind: str
    proto: Any

    @property
    def key(self) -> str | None:
        # Widget ids of keyed widgets end with the user key: ``$$ID-<hash>-<key>``.
        return self.id.split("-", 2)[2] if self.id.count("-") >= 2 else None


@dataclass
class Run:
    """What one interaction cost and showed."""

    seconds: float = 0.0
    bytes_received: int = 0
    messages: int = 0
    references: int = 0  # messages the server sent as a hash because this tab already held them
    wire_bytes: int = 0  # what crossed the socket for it (compressed when the server compresses)
    http_bytes: int = 0  # the page's HTML and Streamlit's health and host-config answers (a first visit)
    errors: list[str] = field(default_factory=list)


class CountingConnection(ClientConnection):
    """A websocket connection that counts the bytes the server sent over the socket, frames and
    compression as they travel (``bytes_received`` of a run counts the messages after decompression)."""

    bytes_in = 0

    def data_received(self, data: bytes) -> None:
        self.bytes_in += len(data)
        super().data_received(data)


class Browser:
    """Cookies and HTTP shared by a person's tabs, as one browser profile keeps them."""

    def __init__(self, base_url: str, executor: Executor | None = None, timeout: float = 60.0):
        self.base_url = base_url.rstrip("/")
        parsed = urllib.parse.urlsplit(self.base_url)
        if parsed.hostname not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError(f"the load generator only talks to loopback, not {parsed.hostname}")
        self.cookies = http.cookiejar.CookieJar()
        self._opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        self._executor = executor
        self.timeout = timeout
        self.http_bytes = 0

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.cookies if c.name == name), None)

    def cookie_header(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.cookies)

    def _request(self, method: str, path: str, body: bytes | None, headers: dict[str, str]) -> tuple[int, bytes]:
        url = path if path.startswith("http") else self.base_url + path
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                data = response.read()
                status = response.status
        except urllib.error.HTTPError as err:
            data, status = err.read(), err.code
        self.http_bytes += len(data)
        return status, data

    async def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, bytes]:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._request, method, path, body, headers or {})

    async def get(self, path: str) -> bytes:
        status, data = await self.request("GET", path)
        if status != 200:
            raise ProtocolError(f"GET {path}: HTTP {status}")
        return data


class Tab:
    """One tab on the dashboard: one websocket session and the page as last drawn."""

    def __init__(self, browser: Browser, receive_timeout: float = 120.0):
        self.browser = browser
        self.receive_timeout = receive_timeout
        self.session_id = ""
        self.page_hash = ""
        self.pages: dict[str, str] = {}  # url path -> page script hash, from the navigation message
        self.query_string = ""
        self.widgets: dict[str, Widget] = {}  # id -> widget drawn by the last run
        self._states: dict[str, WidgetState] = {}  # what this tab's widgets hold, as the frontend keeps it
        self._elements: dict[tuple[int, ...], tuple[str, Any]] = {}  # delta path -> (run id, element)
        self._cache: dict[str, ForwardMsg] = {}  # hash -> cacheable message, as the frontend caches them
        self._ws: Any = None
        self._reader: asyncio.Task | None = None
        self._run: Run | None = None
        self._run_done: asyncio.Event = asyncio.Event()
        self._run_id = ""
        self._pending: dict[str, asyncio.Future] = {}
        self.closed_reason: str | None = None

    # --- connecting ------------------------------------------------------------------------

    async def open(self, page: str = "", query: dict[str, str] | None = None) -> Run:
        """Open ``/<page>?<query>`` as a browser does: the HTML, health and host config over HTTP
        (the health answer sets the XSRF cookie), then the websocket and the first run."""
        self.query_string = urllib.parse.urlencode(query or {})
        path = "/" + page + (("?" + self.query_string) if self.query_string else "")
        started = time.perf_counter()
        http_before = self.browser.http_bytes
        await self.browser.get(path)
        await self.browser.get("/_stcore/health")
        await self.browser.get("/_stcore/host-config")
        token = self.browser.cookie(XSRF_COOKIE) or ""
        ws_url = "ws" + self.browser.base_url[len("http") :] + "/_stcore/stream"
        self._ws = await websockets.connect(
            ws_url,
            subprotocols=[Subprotocol("streamlit"), *([Subprotocol(token)] if token else [])],
            additional_headers={"Cookie": self.browser.cookie_header(), "Origin": self.browser.base_url},
            max_size=None,
            open_timeout=self.browser.timeout,
            ping_interval=None,
            create_connection=CountingConnection,
        )
        self._reader = asyncio.create_task(self._read())
        run = await self._rerun(page_name=page, started=started)
        run.http_bytes = self.browser.http_bytes - http_before
        return run

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, websockets.ConnectionClosed):
                await self._reader

    # --- interactions ----------------------------------------------------------------------

    def widget(self, key: str) -> Widget | None:
        return next((w for w in self.widgets.values() if w.key == key), None)

    def widgets_of(self, kind: str) -> list[Widget]:
        return [w for w in self.widgets.values() if w.kind == kind]

    def texts(self) -> list[str]:
        """The words the last run drew (headings, metrics' labels and values, alerts, captions)."""
        found = []
        for _, element in self._elements.values():
            if element is None:
                continue
            proto = getattr(element, element.WhichOneof("type"))
            for name in ("body", "label", "text", "value"):
                value = getattr(proto, name, None)
                if isinstance(value, str) and value:
                    found.append(value)
        return found

    async def set_widget(self, widget: Widget, **value: Any) -> Run:
        """Give a widget a value (``string_value=...``, ``bool_value=...``...) and rerun, as a person's
        change does; the other widgets keep what they hold."""
        state = WidgetState(id=widget.id)
        ((name, content),) = value.items()
        if name in ("string_array_value", "int_array_value", "double_array_value"):
            getattr(state, name).data.extend(content)
        else:
            setattr(state, name, content)
        self._states[widget.id] = state
        self._bind_to_url(widget, name, content)
        return await self._rerun()

    def _bind_to_url(self, widget: Widget, name: str, value: Any) -> None:
        """A widget bound to a query parameter: the frontend writes its value into the URL, and takes
        the parameter out when the value is the widget's default."""
        key = getattr(widget.proto, "query_param_key", "")
        if not key:
            return
        params = [(k, v) for k, v in urllib.parse.parse_qsl(self.query_string, keep_blank_values=True) if k != key]
        proto = widget.proto
        if name == "bool_value":
            text, default = ("true" if value else "false"), ("true" if proto.default else "false")  # type: str, str | None
        elif name == "string_array_value":
            text = ",".join(value)
            default = ",".join(proto.options[i].content for i in proto.default) if hasattr(proto, "options") else ""
        else:
            text = str(value)
            options = list(getattr(proto, "options", []))
            default = str(options[proto.default]) if options and proto.HasField("default") else None
        if text != default:
            params.append((key, text))
        self.query_string = urllib.parse.urlencode(params)

    async def select_row(self, widget: Widget, row: int) -> Run:
        selection = {"selection": {"rows": [row], "columns": [], "cells": []}}
        return await self.set_widget(widget, string_value=json.dumps(selection))

    async def open_page(self, url_path: str) -> Run:
        """Click a page in the navigation."""
        if url_path not in self.pages:
            raise ProtocolError(f"no page {url_path!r} in the navigation ({', '.join(self.pages)})")
        return await self._rerun(page_hash=self.pages[url_path])

    async def open_page_with(self, url_path: str, widget: Widget, **value: Any) -> Run:
        """Click a page in the navigation with a sidebar widget changed on the way (a province): one
        rerun of the new page with the new value, as a link to that page with that choice opens it."""
        if url_path not in self.pages:
            raise ProtocolError(f"no page {url_path!r} in the navigation ({', '.join(self.pages)})")
        state = WidgetState(id=widget.id)
        ((name, content),) = value.items()
        setattr(state, name, content)
        self._states[widget.id] = state
        self._bind_to_url(widget, name, content)
        return await self._rerun(page_hash=self.pages[url_path])

    async def file_url(self, widget: Widget) -> str:
        """The URL a download button's file is fetched from: a deferred file (built when clicked) is
        asked for over the websocket; the server makes it and answers with its media URL."""
        url = widget.proto.url
        if widget.proto.deferred_file_id:
            request_id = str(uuid.uuid4())
            message = BackMsg()
            message.backend_operation_request.request_id = request_id
            message.backend_operation_request.session_id = self.session_id
            message.backend_operation_request.deferred_file.file_id = widget.proto.deferred_file_id
            response = await self._ask(request_id, message)
            if response.error_msg:
                raise ProtocolError(f"download {widget.proto.label}: {response.error_msg}")
            url = response.deferred_file.url
        if not url:
            raise ProtocolError(f"download {widget.proto.label}: the page gave no URL")
        return url if url.startswith(("/", "http")) else "/" + url

    async def download(self, widget: Widget) -> tuple[Run, bytes]:
        """Click a download button and fetch the file."""
        run = Run()
        started = time.perf_counter()
        data = await self.browser.get(await self.file_url(widget))
        run.bytes_received = len(data)
        run.seconds = time.perf_counter() - started
        return run, data

    async def upload(self, widget: Widget, name: str, data: bytes, content_type: str = "text/csv") -> Run:
        """Choose a file in a file uploader: ask for upload URLs, PUT the file, then rerun with it."""
        started = time.perf_counter()
        request_id = str(uuid.uuid4())
        message = BackMsg()
        message.file_urls_request.request_id = request_id
        message.file_urls_request.session_id = self.session_id
        message.file_urls_request.file_names.append(name)
        response = await self._ask(request_id, message)
        if response.error_msg:
            raise ProtocolError(f"upload {name}: {response.error_msg}")
        (urls,) = response.file_urls
        boundary = uuid.uuid4().hex
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                f"Content-Type: {content_type}\r\n\r\n"
            ).encode()
            + data
            + f"\r\n--{boundary}--\r\n".encode()
        )
        status, answer = await self.browser.request(
            "PUT",
            urls.upload_url,
            body,
            {
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "X-Xsrftoken": self.browser.cookie(XSRF_COOKIE) or "",
            },
        )
        if status not in (200, 204):
            raise ProtocolError(f"upload {name}: HTTP {status} {answer[:200]!r}")
        state = WidgetState(id=widget.id)
        info = state.file_uploader_state_value.uploaded_file_info.add()
        info.file_id = urls.file_id
        info.name = name
        info.size = len(data)
        info.file_urls.CopyFrom(urls)
        self._states[widget.id] = state
        return await self._rerun(started=started)

    # --- the wire --------------------------------------------------------------------------

    async def _ask(self, request_id: str, message: BackMsg):
        future = asyncio.get_running_loop().create_future()
        self._pending[request_id] = future
        await self._ws.send(message.SerializeToString())
        return await asyncio.wait_for(future, self.receive_timeout)

    async def _rerun(self, page_hash: str | None = None, page_name: str = "", started: float | None = None) -> Run:
        if self.closed_reason:
            raise ProtocolError(f"websocket closed: {self.closed_reason}")
        started = time.perf_counter() if started is None else started
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = self.page_hash if page_hash is None else page_hash
        state.page_name = page_name
        state.widget_states.widgets.extend(self._states.values())
        state.cached_message_hashes.extend(self._cache)
        state.context_info.timezone = "Asia/Bangkok"
        state.context_info.timezone_offset = -420
        state.context_info.locale = "th-TH"
        state.context_info.url = self.browser.base_url + "/" + page_name
        self._run = Run()
        self._run_done = asyncio.Event()
        wire_before = self._ws.bytes_in
        await self._ws.send(message.SerializeToString())
        try:
            await asyncio.wait_for(self._run_done.wait(), self.receive_timeout)
        except TimeoutError:
            self._run.errors.append(f"no script_finished within {self.receive_timeout:.0f} s")
        run, self._run = self._run, None
        run.seconds = time.perf_counter() - started
        run.wire_bytes = self._ws.bytes_in - wire_before
        if self.closed_reason and not run.errors:
            run.errors.append(f"websocket closed: {self.closed_reason}")
        return run

    async def _read(self) -> None:
        try:
            async for frame in self._ws:
                self._receive(frame)
        except websockets.ConnectionClosed as closed:
            self.closed_reason = f"code {closed.code}"
        finally:
            self.closed_reason = self.closed_reason or "closed"
            self._run_done.set()
            for future in self._pending.values():
                if not future.done():
                    future.set_exception(ProtocolError(f"websocket closed: {self.closed_reason}"))

    def _receive(self, frame: bytes) -> None:
        msg = ForwardMsg()
        msg.ParseFromString(frame)
        run = self._run
        if run is not None:
            run.bytes_received += len(frame)
            run.messages += 1
        kind = msg.WhichOneof("type")
        if kind == "ref_hash":
            if run is not None:
                run.references += 1
            cached = self._cache.get(msg.ref_hash)
            if cached is None:
                if run is not None:
                    run.errors.append(f"server referred to a message this tab never held ({msg.ref_hash})")
                return
            metadata = msg.metadata
            msg = ForwardMsg()
            msg.CopyFrom(cached)
            msg.metadata.CopyFrom(metadata)
            kind = msg.WhichOneof("type")
        elif msg.metadata.cacheable and msg.hash:
            self._cache[msg.hash] = msg
        if kind == "new_session":
            self.session_id = msg.new_session.initialize.session_id or self.session_id
            self.page_hash = msg.new_session.page_script_hash
            self._run_id = msg.metadata.run.script_run_id or self._run_id
        elif kind == "navigation":
            self.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
            self.page_hash = msg.navigation.page_script_hash or self.page_hash
        elif kind == "page_info_changed":
            self.query_string = msg.page_info_changed.query_string
        elif kind == "delta":
            self._delta(msg, run)
        elif kind == "script_finished":
            if msg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR and run is not None:
                run.errors.append("script compile error")
            if msg.script_finished in FINISHED or msg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                self._finish(fragment=msg.script_finished == ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)
                self._run_done.set()
        elif kind in ("backend_operation_response", "file_urls_response"):
            answer = getattr(msg, kind)
            request_id = answer.request_id if kind == "backend_operation_response" else answer.response_id
            future = self._pending.pop(request_id, None)
            if future is not None and not future.done():
                future.set_result(answer)
        elif kind == "page_not_found" and run is not None:
            run.errors.append(f"page not found: {msg.page_not_found.page_name}")

    def _delta(self, msg: ForwardMsg, run: Run | None) -> None:
        delta = msg.delta
        path = tuple(msg.metadata.delta_path)
        run_id = msg.metadata.run.script_run_id or self._run_id
        if delta.WhichOneof("type") != "new_element":
            self._elements[path] = (run_id, None)
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        self._elements[path] = (run_id, element)
        if run is None:
            return
        if kind == "exception":
            run.errors.append(f"exception: {element.exception.type}: {element.exception.message[:200]}")
        elif kind == "alert" and element.alert.format == element.alert.ERROR:
            run.errors.append(f"st.error: {element.alert.body[:200]}")

    def _finish(self, fragment: bool) -> None:
        """The run is over: what it did not redraw is gone (a fragment run redraws only its part)."""
        if not fragment:
            self._elements = {p: e for p, e in self._elements.items() if e[0] == self._run_id}
        widgets = {}
        for _, element in self._elements.values():
            if element is None:
                continue
            kind = element.WhichOneof("type")
            proto = getattr(element, kind)
            widget_id = getattr(proto, "id", "") if hasattr(proto, "id") else ""
            if widget_id:
                widgets[widget_id] = Widget(widget_id, kind, proto)
        self.widgets = widgets
        # The frontend forgets the state of widgets that are no longer drawn (another page's).
        self._states = {i: s for i, s in self._states.items() if i in widgets}

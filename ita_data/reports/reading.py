"""Reading a report in a process of its own, under a memory and a time cap: whatever a document makes its
reader do, the process that asked (the dashboard, a batch, the CLI) does not grow and waits a bounded time.

``read_report(data, name)`` is ``parse_bytes`` in such a process: it returns the ``ParsedReport``, or raises
``ReportError`` naming the file and the cap it passed. ``Readers`` reads several, ``workers`` at a time.
A report's page images (``DocumentText.page_image``, for OCR previews) are drawn in a capped process too.

How: a small reader server (a Python process started once, with the readers imported) forks one process
per document. That process sets the operating system's caps on itself — ``RLIMIT_DATA`` (memory it may
write), ``RLIMIT_AS`` (address space), ``RLIMIT_CPU`` — in its own process group (Tesseract, which it
starts for scans, inherits them and ends with it), reads, answers and exits; the server keeps the wall
clock, kills a group that runs over, and says how each process ended. No document inherits another's
memory, and the asking process never forks (a fork of a threaded server is unsafe, and would carry its
memory into the reader).
"""

from __future__ import annotations

import collections
import dataclasses
import gc
import os
import pickle
import resource
import selectors
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ita_data import labels
from ita_data.documents import DocumentError, renderer
from ita_data.documents.limits import READER_ADDRESS_SPACE, READER_CPU_SECONDS, READER_MEMORY, READER_SECONDS

from .model import ParsedReport
from .parser import parse_bytes
from .text import ReportError

# Imported once by the reader server, so that each reader it forks starts with them.
PRELOAD = (
    "ita_data.documents.pdf",
    "ita_data.documents.word",
    "ita_data.documents.web",
    "ita_data.documents.scan",
    "pdfplumber",
    "bs4",
    "lxml.etree",
    "PIL.Image",
    "PIL.PngImagePlugin",
    "PIL.JpegImagePlugin",
)


@dataclass(frozen=True)
class Caps:
    """What one reader process may take."""

    memory: int = READER_MEMORY  # bytes of memory it may write (RLIMIT_DATA)
    address_space: int = READER_ADDRESS_SPACE  # bytes of address space (RLIMIT_AS), a second fence
    cpu_seconds: int = READER_CPU_SECONDS
    seconds: float = READER_SECONDS  # wall clock, from the start of the process to its answer

    @property
    def memory_mb(self) -> int:
        return self.memory // 2**20


CAPS = Caps()


def read_report(data: bytes, name: str, *, ocr: bool = True, caps: Caps = CAPS) -> ParsedReport:
    """``parse_bytes(data, name)`` in a capped process; its document draws page images in one too."""
    report = run_capped(_parse, (data, name, ocr), name, caps)
    if report.document is not None:
        document = report.document
        draw = capped_renderer(document.kind, data, document.name, caps)
        report.document = dataclasses.replace(document, _render=draw)
    return report


def capped_renderer(kind: str, data: bytes, name: str, caps: Caps = CAPS) -> Callable[[int], bytes] | None:
    """A page-image function for ``DocumentText._render`` that draws each page in a capped process."""
    if renderer(kind, data, name) is None:  # a kind without pages (making the function draws nothing)
        return None

    def draw(page: int) -> bytes:
        return run_capped(_render_page, (kind, data, name, page), name, caps)

    return draw


def read_each(
    documents: Iterable[tuple[str, bytes | DocumentError]], workers: int = 2, caps: Caps = CAPS
) -> Iterator[tuple[str, ParsedReport | DocumentError]]:
    """Each (name, bytes) read in a capped process, ``workers`` at a time, answered in the order given
    (an entry that is already a ``DocumentError``, from an archive or a folder, is answered as it is).
    Each is read under the file's own name (the last part of ``name``), as storing names it; a few
    documents ahead at most are held, however many come."""
    with Readers(workers, caps) as readers:
        waiting: collections.deque[tuple[str, Future[ParsedReport]]] = collections.deque()
        for name, data in documents:
            if isinstance(data, DocumentError):
                future: Future[ParsedReport] = Future()
                future.set_exception(data)
            else:
                future = readers.submit(data, Path(name).name)
            waiting.append((name, future))
            if len(waiting) > 2 * max(1, workers):
                yield _done(*waiting.popleft())
        while waiting:
            yield _done(*waiting.popleft())


def _done(name: str, future: Future[ParsedReport]) -> tuple[str, ParsedReport | DocumentError]:
    try:
        return name, future.result()
    except DocumentError as err:  # a ReportError too
        return name, err


class Readers:
    """Reports read in capped processes, ``workers`` at a time; ``submit`` gives a future of the report
    (its ``result()`` raises ``ReportError`` for a document that cannot be read within the caps)."""

    def __init__(self, workers: int = 2, caps: Caps = CAPS) -> None:
        self.caps = caps
        self._pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="ita-reader")

    def submit(self, data: bytes, name: str, ocr: bool = True) -> Future[ParsedReport]:
        return self._pool.submit(read_report, data, name, ocr=ocr, caps=self.caps)

    def close(self, wait: bool = True) -> None:
        """No more documents; with ``wait=False`` the ones submitted are still read, in the background."""
        self._pool.shutdown(wait=wait)

    def __enter__(self) -> Readers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- the asking side -------------------------------------------------------------------------------


def run_capped(function: Callable[..., Any], args: tuple, name: str, caps: Caps = CAPS) -> Any:
    """``function(*args)`` in a fresh capped process; ReportError naming ``name`` and the cap it passed."""
    mine, theirs = socket.socketpair()
    try:
        try:
            _SERVER.hand(theirs, caps.seconds)
        except OSError as err:
            raise ReportError(labels.READ_NO_WORKER.format(name=name, error=err)) from None
        finally:
            theirs.close()
        mine.settimeout(caps.seconds + 60)  # the server keeps the clock; this only guards against its loss
        try:
            _send(mine, (caps, function, args))
        except OSError:
            pass  # the process ended before it read its task: the server says how
        answer, ended = None, None
        try:
            while ended is None:
                message = _receive(mine)
                if message is None:
                    break
                if message[0] == "answer":
                    answer = message[1]
                else:
                    ended = message[1:]
        except (OSError, EOFError, pickle.UnpicklingError) as err:
            if answer is None and ended is None:
                raise ReportError(labels.READ_NO_WORKER.format(name=name, error=err)) from None
    finally:
        mine.close()
    if ended is not None and ended[1]:
        raise ReportError(labels.READ_OVER_TIME.format(name=name, seconds=round(caps.seconds)))
    return _answer(answer, ended[0] if ended else None, name, caps)


def _answer(answer: tuple[str, Any] | None, status: int | None, name: str, caps: Caps) -> Any:
    if answer is not None:
        kind, value = answer
        if kind == "ok":
            return value
        if kind == "error":
            raise ReportError(value)
        if kind == "memory":
            raise ReportError(labels.READ_OVER_MEMORY.format(name=name, mb=caps.memory_mb))
        raise ReportError(labels.READ_FAILED.format(name=name, error=value))
    if status is not None and os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXCPU:
        raise ReportError(labels.READ_OVER_CPU.format(name=name, seconds=caps.cpu_seconds))
    # Ended without an answer: a native library that cannot allocate aborts (SIGABRT) or crashes, and the
    # kernel ends a process it cannot feed (SIGKILL). Under the memory cap that is what it ran into.
    raise ReportError(labels.READ_STOPPED.format(name=name, mb=caps.memory_mb, signal=_how_ended(status)))


def _how_ended(status: int | None) -> str:
    if status is None:
        return "no status"
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            return signal.Signals(number).name
        except ValueError:
            return f"signal {number}"
    return f"exit code {os.waitstatus_to_exitcode(status)}"


class _ServerHandle:
    """The reader server of this process, started at the first document and kept while this process
    lives (it ends when this process closes its end of the control socket, at exit at the latest)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._control: socket.socket | None = None
        self._process: subprocess.Popen | None = None

    def hand(self, task: socket.socket, seconds: float) -> None:
        """Give the server one end of a task's socket; it forks a reader that reads the task from it."""
        with self._lock:
            for attempt in (1, 2):
                if self._control is None or self._process is None or self._process.poll() is not None:
                    self._start()
                assert self._control is not None
                try:
                    socket.send_fds(self._control, [struct.pack("!d", seconds)], [task.fileno()])
                    return
                except OSError:
                    if attempt == 2:
                        raise
                    self._stop()  # the server died (killed from outside): start another

    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def _start(self) -> None:
        self._stop()
        # Datagrams in order: each task's message arrives whole and alone, with its socket.
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        code = f"import sys; sys.path[:0] = {list(sys.path)!r}; from {__name__} import serve; serve({theirs.fileno()})"
        self._process = subprocess.Popen(
            [sys.executable, "-c", code],
            pass_fds=[theirs.fileno()],
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl-C in a terminal reaches the CLI; the server ends with its socket
        )
        theirs.close()
        self._control = mine

    def _stop(self) -> None:
        if self._control is not None:
            self._control.close()
            self._control = None
        if self._process is not None:
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None


_SERVER = _ServerHandle()


# --- messages: a length and a pickle (between this program's own processes only) ------------------


def _send(sock: socket.socket, message: object) -> None:
    body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    sock.sendall(struct.pack("!Q", len(body)) + body)


def _receive(sock: socket.socket) -> Any:
    head = _exactly(sock, 8)
    if head is None:
        return None
    body = _exactly(sock, struct.unpack("!Q", head)[0])
    if body is None:
        raise EOFError("message cut short")
    return pickle.loads(body)


def _exactly(sock: socket.socket, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = sock.recv(min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


# --- the reader server and its readers --------------------------------------------------------------


def serve(control_fd: int) -> None:
    """The reader server: fork one reader per task handed in, keep each one's wall clock, say how it ended."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for module in PRELOAD:
        try:
            __import__(module)
        except ImportError:  # a reader whose library is missing says so itself, when a document needs it
            pass
    # What is imported stays shared with every reader: the garbage collector of a reader need not walk
    # it (walking would also write to, and so copy, every page of it).
    gc.freeze()
    control = socket.socket(fileno=control_fd)
    selector = selectors.DefaultSelector()
    selector.register(control, selectors.EVENT_READ, None)
    running: dict[int, _Reader] = {}
    try:
        while True:
            now = time.monotonic()
            waits = [r.deadline - now for r in running.values() if not r.timed_out]
            for key, _ in selector.select(max(0.0, min(waits)) if waits else None):
                if key.data is None:
                    if not _fork_reader(control, selector, running):
                        return  # the asking process is gone
                else:
                    _reap(key.data, selector, running)
            now = time.monotonic()
            for reader in running.values():
                if not reader.timed_out and now >= reader.deadline:
                    reader.timed_out = True
                    _kill_group(reader.pid)
    finally:
        for reader in running.values():
            _kill_group(reader.pid)
        # Nothing to tidy that the kernel does not: leave without tearing the interpreter down (its
        # frozen objects would only be reported as leaks by the libraries' own checks).
        os._exit(0)


@dataclass
class _Reader:
    pid: int
    pidfd: int
    task: socket.socket
    deadline: float
    timed_out: bool = False


def _fork_reader(control: socket.socket, selector: selectors.BaseSelector, running: dict[int, _Reader]) -> bool:
    try:
        message, fds, _flags, _address = socket.recv_fds(control, 8, 1)
    except OSError:
        return False
    if not message or not fds:
        return False
    task = socket.socket(fileno=fds[0])
    (seconds,) = struct.unpack("!d", message[:8])
    try:
        pid = os.fork()
    except OSError:
        _tell_ended(task, None, False)
        return True
    if pid == 0:  # the reader
        for other in running.values():  # another reader's socket must end with that reader, not this one
            other.task.close()
            os.close(other.pidfd)
        selector.close()
        control.close()
        _reader_main(task)
    try:
        os.setpgid(pid, pid)  # (the reader does it too: whichever runs first)
    except OSError:
        pass
    pidfd = os.pidfd_open(pid)
    selector.register(pidfd, selectors.EVENT_READ, pid)
    running[pid] = _Reader(pid, pidfd, task, time.monotonic() + seconds)
    return True


def _reap(pid: int, selector: selectors.BaseSelector, running: dict[int, _Reader]) -> None:
    reader = running.pop(pid)
    selector.unregister(reader.pidfd)
    os.close(reader.pidfd)
    _, status = os.waitpid(pid, 0)
    _kill_group(pid)  # a Tesseract it started ends with it
    _tell_ended(reader.task, status, reader.timed_out)


def _tell_ended(task: socket.socket, status: int | None, timed_out: bool) -> None:
    try:
        _send(task, ("ended", status, timed_out))
    except OSError:
        pass  # the asking side stopped waiting
    finally:
        task.close()


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        pass


def _reader_main(task: socket.socket) -> None:
    """One reader process: its own group, its caps, its task, its answer; never returns."""
    status = 0
    try:
        os.setpgid(0, 0)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        caps, function, args = _receive(task)
        _limit(caps)
        answer = _run(function, args)
        try:
            _send(task, ("answer", answer))
        except MemoryError:
            _send(task, ("answer", ("memory", None)))
    except BaseException:  # noqa: BLE001 - nothing may return into the server's loop from here
        status = 1
    finally:
        os._exit(status)


def _limit(caps: Caps) -> None:
    """The caps, set by the reader process on itself (and so on every process it starts)."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a reader that dies leaves no gigabyte core file
    resource.setrlimit(resource.RLIMIT_DATA, (caps.memory, caps.memory))
    resource.setrlimit(resource.RLIMIT_AS, (caps.address_space, caps.address_space))
    resource.setrlimit(resource.RLIMIT_CPU, (caps.cpu_seconds, caps.cpu_seconds + 5))


def _run(function: Callable[..., Any], args: tuple) -> tuple[str, Any]:
    try:
        return ("ok", function(*args))
    except MemoryError:
        return ("memory", None)
    except ReportError as err:  # a DocumentError too: the readers' own message
        return ("memory", None) if _from_memory(err) else ("error", str(err))
    except Exception as err:  # noqa: BLE001 - a reader's bug must still name the file, not end the caller
        return ("failed", f"{type(err).__name__}: {err}"[:300])


def _from_memory(err: BaseException) -> bool:
    """Whether a reader's error was raised on the way out of a MemoryError (the readers call that "too
    complex"; under the cap, the cap is the reason, and the message says so)."""
    seen: BaseException | None = err
    for _ in range(10):
        if seen is None:
            return False
        if isinstance(seen, MemoryError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _parse(data: bytes, name: str, ocr: bool) -> ParsedReport:
    report = parse_bytes(data, name, ocr=ocr)
    if report.document is not None:  # a function does not cross processes: the caller draws pages itself
        report.document = dataclasses.replace(report.document, _render=None)
    return report


def _render_page(kind: str, data: bytes, name: str, page: int) -> bytes:
    draw = renderer(kind, data, name)
    if draw is None:
        raise ReportError(labels.READ_FAILED.format(name=name, error="no page images"))
    return draw(page)

"""Zip archives and folders as a stream of documents, every size checked before anything is unpacked.

A zip and every zip inside it share one budget (``MAX_ARCHIVE_BYTES`` unpacked, ``MAX_ARCHIVE_MEMBERS``
members): each zip is charged what its directory says it holds as it is opened (the zip reader never gives
more than that), and an archive that would pass the budget is refused whole, with one message. A folder's
files are read only where they are: a link to a file outside the folder is named and not read.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ita_data import labels

from .errors import DocumentError, mb, too_large
from .limits import MAX_ARCHIVE_BYTES, MAX_ARCHIVE_DEPTH, MAX_ARCHIVE_MEMBERS, MAX_BYTES, MAX_COMPRESSION_RATIO
from .sniff import kind_of

Entry = tuple[str, "bytes | DocumentError"]
# what zipfile raises on damaged archives (a mangled header can end in any of these)
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    ValueError,
    OSError,
    EOFError,
    NotImplementedError,
    IndexError,
    KeyError,
    struct.error,
    UnicodeDecodeError,
    OverflowError,
)  # a document's name and its bytes, or why it was not read


def open_zip(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as err:
        raise DocumentError(f"{name}: ไฟล์ zip เสียหาย เปิดไม่ได้ (damaged zip archive: {err})") from None


def check_zip(zf: zipfile.ZipFile, name: str, max_total: int = MAX_ARCHIVE_BYTES) -> list[zipfile.ZipInfo]:
    """The members that are files, after the archive as a whole passed the bomb checks (from the headers)."""
    infos = zf.infolist()
    if len(infos) > MAX_ARCHIVE_MEMBERS:
        raise DocumentError(
            f"{name}: มีไฟล์ข้างใน {len(infos):,} ไฟล์ เกิน {MAX_ARCHIVE_MEMBERS:,} ไฟล์ที่รับได้ "
            f"(too many members in the archive)"
        )
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    if total > max_total:
        raise DocumentError(
            f"{name}: เมื่อแตกไฟล์แล้วจะใหญ่ {mb(total)} เกิน {mb(max_total)} ที่รับได้ (archive too large unpacked)"
        )
    if total > 2**20 and total > MAX_COMPRESSION_RATIO * max(packed, 1):
        raise DocumentError(
            f"{name}: อัตราการบีบอัด {total / max(packed, 1):,.0f} เท่า ผิดปกติ ไม่แตกไฟล์ "
            f"(compression ratio suggests a zip bomb)"
        )
    return [i for i in infos if i.filename and not i.filename.endswith("/")]


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limit: int = MAX_BYTES) -> bytes:
    """A member's bytes, reading no more than the limit whatever its header claims."""
    label = f"{name}/{info.filename}"
    if info.flag_bits & 0x1:
        raise DocumentError(f"{label}: ไฟล์ในzipตั้งรหัสผ่านไว้ อ่านไม่ได้ (encrypted zip member)")
    if info.file_size > limit:
        raise too_large(label, info.file_size)
    try:
        with zf.open(info) as member:
            data = member.read(limit + 1)
    except (*_ZIP_ERRORS, RuntimeError) as err:
        raise DocumentError(f"{label}: แตกไฟล์ไม่ได้ (cannot unpack: {err})") from None
    except Exception as err:  # noqa: BLE001 - zlib/bz2/lzma raise their own errors on damaged data
        raise DocumentError(f"{label}: แตกไฟล์ไม่ได้ (cannot unpack: {type(err).__name__})") from None
    if len(data) > limit:
        raise too_large(label, len(data))
    return data


def _skipped(member: str) -> bool:
    base = member.rsplit("/", 1)[-1]
    return (
        not base
        or base.startswith((".", "~$"))
        or member.startswith("__MACOSX/")
        or base.lower() in {"readme.md", "thumbs.db", "desktop.ini"}
    )


class OverBudget(DocumentError):
    """A zip and the zips inside it hold more than the archive budget: the whole archive is refused."""


@dataclass
class _Budget:
    """What is left for one archive and everything nested in it."""

    archive: str
    unpacked: int = MAX_ARCHIVE_BYTES
    members: int = MAX_ARCHIVE_MEMBERS

    def charge(self, size: int, members: int) -> None:
        self.unpacked -= size
        self.members -= members
        if self.unpacked < 0:
            raise OverBudget(labels.ARCHIVE_OVER_BUDGET.format(name=self.archive, limit=mb(MAX_ARCHIVE_BYTES)))
        if self.members < 0:
            raise OverBudget(labels.ARCHIVE_MEMBERS_OVER_BUDGET.format(name=self.archive, limit=MAX_ARCHIVE_MEMBERS))


def expand(name: str, data: bytes) -> Iterator[Entry]:
    """The documents in some bytes: a zip's members (zips inside it too), otherwise the bytes themselves.

    A member that cannot be read comes as its ``DocumentError``; a broken archive, or one whose members
    and nested members pass the budget, raises one (and gives nothing)."""
    if kind_of(data) != "zip":
        yield name, data
        return
    # Unpacked whole before the first document is handed on (within the budget): an archive over it
    # gives nothing at all, rather than the documents that came before the budget ran out.
    yield from list(_unpack(name, data, 0, _Budget(name)))


def _unpack(name: str, data: bytes, depth: int, budget: _Budget) -> Iterator[Entry]:
    if depth >= MAX_ARCHIVE_DEPTH:
        yield name, DocumentError(f"{name}: zip ซ้อนกันเกิน {MAX_ARCHIVE_DEPTH} ชั้น ไม่แตกต่อ (archives nested too deep)")
        return
    with open_zip(data, name) as zf:
        members = [i for i in sorted(check_zip(zf, name), key=lambda i: i.filename) if not _skipped(i.filename)]
        budget.charge(sum(i.file_size for i in members), len(members))
        for info in members:
            member_name = f"{name}/{_member_name(info)}"
            try:
                member = read_member(zf, info, name)
            except DocumentError as err:
                yield member_name, err
                continue
            if kind_of(member) != "zip":
                yield member_name, member
                continue
            try:
                yield from _unpack(member_name, member, depth + 1, budget)
            except OverBudget:
                raise
            except DocumentError as err:
                yield member_name, err


def _member_name(info: zipfile.ZipInfo) -> str:
    """Zips made on Thai Windows store names in cp874 without saying so; Python reads them as cp437."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("cp874")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def walk(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Entry]:
    """Every document under the paths: files, folders (recursively, in name order) and zips' members.

    In a folder, a link is followed only to a file inside that folder (links to folders not at all)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            root = path.resolve()
            files = sorted(p for p in path.rglob("*") if p.is_file())
            for file in files:
                relative = file.relative_to(path)
                if any(part.startswith(".") for part in relative.parts) or _skipped(str(relative)):
                    continue
                label = str(Path(path.name) / relative)
                target = file.resolve()
                if not target.is_relative_to(root):
                    yield label, DocumentError(labels.FOLDER_LINK_OUTSIDE.format(name=label))
                    continue
                yield from _file_entries(target, label)
        else:
            yield from _file_entries(path, str(path) if not path.is_absolute() else path.name)


def _file_entries(path: Path, label: str) -> Iterator[Entry]:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES and not _looks_like_zip(path):
            raise too_large(label, size)
        if size > MAX_ARCHIVE_BYTES:
            raise too_large(label, size)
        data = path.read_bytes()
    except DocumentError as err:
        yield label, err
        return
    except FileNotFoundError:
        yield label, DocumentError(f"{label}: ไม่พบไฟล์ (no such file)")
        return
    except PermissionError:
        yield label, DocumentError(f"{label}: ไม่มีสิทธิ์อ่านไฟล์ (permission denied)")
        return
    except OSError as err:
        yield label, DocumentError(f"{label}: อ่านไฟล์ไม่ได้ (cannot be read: {err.strerror or err})")
        return
    try:
        yield from expand(label, data)
    except DocumentError as err:
        yield label, err


def _looks_like_zip(path: Path) -> bool:
    """A zip may be larger than one document (its members are checked one by one)."""
    try:
        with path.open("rb") as f:
            return f.read(4) == b"PK\x03\x04"
    except OSError:
        return False

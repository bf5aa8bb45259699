"""The one error a document reader raises: the file cannot be read at all, said Thai first, naming the file."""

from __future__ import annotations

from .limits import MAX_BYTES


class DocumentError(ValueError):
    """A file that cannot be read at all; the message names the file, Thai first."""


def mb(size: int) -> str:
    return f"{size / 2**20:.1f} MB"


def too_large(name: str, size: int) -> DocumentError:
    return DocumentError(
        f"{name}: ไฟล์ใหญ่ {mb(size)} เกินขนาดที่รับได้ {MAX_BYTES // 2**20} MB (file too large for a report)"
    )

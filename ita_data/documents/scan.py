"""Scans: images and image-only PDF pages read by Tesseract (``tha+eng``), run as a separate process."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ita_data import labels

from . import thai_digits
from .errors import DocumentError
from .limits import MAX_IMAGE_PIXELS
from .model import DocumentText, TextBuilder

OCR_LANGUAGES = "tha+eng"
OCR_TIMEOUT_S = 60
OCR_WORKERS = 2  # the machines this runs on have two cores; Tesseract is told to use one thread each
OCR_DOCUMENT_BUDGET_S = 150  # all the pages of one document; what is not read by then is said to be unread

_DIGIT = re.compile("[๐-๙]")


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def ocr_image(image: bytes, label: str, timeout: float = OCR_TIMEOUT_S, reread_digits: bool = True) -> str:
    """The text Tesseract reads in one image (PNG, JPEG, TIFF or PNM bytes), its Thai digits read again
    from the image (``thai_digits``: Debian's Thai model cannot produce ๔ ๖ ๗ ๘ ๙)."""
    if not tesseract_available():
        raise DocumentError(f"{label}: อ่านภาพสแกนไม่ได้ เพราะเครื่องนี้ไม่มี Tesseract OCR (tesseract not installed)")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory(prefix="ita-ocr-") as work:
        out = Path(work) / "page"
        try:
            done = subprocess.run(
                [
                    "tesseract",
                    "-",
                    str(out),
                    "-l",
                    OCR_LANGUAGES,
                    "--psm",
                    "3",
                    "-c",
                    "hocr_char_boxes=1",
                    "txt",
                    "hocr",
                ],
                input=image,
                capture_output=True,
                timeout=max(1.0, timeout),
                env=env,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise DocumentError(f"{label}: OCR ใช้เวลาเกิน {OCR_TIMEOUT_S} วินาที หยุดอ่าน (OCR timed out)") from None
        except OSError as err:
            raise DocumentError(f"{label}: เรียก Tesseract ไม่ได้ (cannot run tesseract: {err})") from None
        if done.returncode != 0:
            reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["?"]
            raise DocumentError(f"{label}: OCR อ่านภาพไม่ได้ (tesseract failed: {reason[0][:200]})")
        text = out.with_suffix(".txt").read_text(encoding="utf-8", errors="replace").replace("\f", "")
        hocr_path = out.with_suffix(".hocr")
        hocr = hocr_path.read_text(encoding="utf-8", errors="replace") if hocr_path.exists() else ""
    if not reread_digits or not _DIGIT.search(text) or not hocr:
        return text
    try:
        return thai_digits.reread(text, hocr, _gray(image))[0]
    except (ValueError, IndexError, KeyError, OSError):  # an hOCR or image it cannot follow: Tesseract's text
        return text


def _gray(image: bytes):
    import numpy as np
    from PIL import Image

    with Image.open(io.BytesIO(image)) as picture:
        return np.asarray(picture.convert("L"))


def ocr_many(images: dict[int, bytes], name: str, warnings: list[str]) -> dict[int, str]:
    """Pages OCR'd two at a time; a page that fails becomes a warning, the others are kept."""
    out: dict[int, str] = {}
    deadline = time.monotonic() + OCR_DOCUMENT_BUDGET_S

    def read(page: int, data: bytes) -> str | None:
        left = deadline - time.monotonic()
        if left <= 1:
            return None  # the document's time is up: this page stays unread
        return ocr_image(data, f"{name} หน้า {page}", timeout=min(OCR_TIMEOUT_S, left))

    late: list[int] = []
    with ThreadPoolExecutor(max_workers=OCR_WORKERS) as pool:
        futures = {page: pool.submit(read, page, data) for page, data in images.items()}
        for page, future in futures.items():
            try:
                text = future.result()
            except DocumentError as err:
                warnings.append(str(err))
                continue
            if text is None:
                late.append(page)
            else:
                out[page] = text
    if late:
        warnings.append(
            f"{name}: OCR ใช้เวลาเกิน {OCR_DOCUMENT_BUDGET_S} วินาที หน้า {', '.join(map(str, late))} ไม่ได้อ่าน "
            f"(OCR time budget spent; pages left unread)"
        )
    return out


def read_image(data: bytes, name: str, ocr: bool = True) -> DocumentText:
    """A photographed or scanned page (PNG, JPEG, TIFF): one page, every line from OCR."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise _too_large(name, f"{width}×{height} = {width * height:,}")
            frames = getattr(image, "n_frames", 1)
            image.load()
            pgm = io.BytesIO()
            image.convert("L").save(pgm, format="PPM")
    except DocumentError:
        raise
    except Image.DecompressionBombError as err:  # past twice Pillow's own limit: refused before decoding
        found = _BOMB_SIZE.search(str(err))
        raise _too_large(name, f"{int(found.group(1)):,}" if found else "?") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as err:
        raise DocumentError(f"{name}: ไฟล์ภาพเสียหาย เปิดไม่ได้ (damaged image: {err})") from None
    warnings: list[str] = []
    if frames > 1:
        warnings.append(f"{name}: ภาพมี {frames} หน้า อ่านเฉพาะหน้าแรก (only the first of {frames} frames read)")
    builder = TextBuilder()
    unread: tuple[int, ...] = ()
    if ocr:
        builder.add(ocr_image(pgm.getvalue(), name), 1, ocr=True)
        warnings.append(f"{name}: เป็นภาพ อ่านด้วย OCR ตัวเลขต้องตรวจยืนยันก่อนบันทึก (read by OCR; confirm its numbers)")
    else:
        unread = (1,)

    return builder.build(
        name,
        "image",
        warnings=warnings,
        page_count=1,
        ocr_pages=frozenset({1}) if ocr else frozenset(),
        pages_unread=unread,
        _render=image_renderer(data),
    )


_BOMB_SIZE = re.compile(r"\((\d+) pixels\)")  # Pillow says "Image size (N pixels) exceeds limit ..."


def _too_large(name: str, pixels: str) -> DocumentError:
    return DocumentError(labels.IMAGE_TOO_LARGE.format(name=name, pixels=pixels, limit=MAX_IMAGE_PIXELS))


def image_renderer(data: bytes):
    def render(page: int) -> bytes:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as image:
            out = io.BytesIO()
            image.convert("RGB").save(out, format="PNG")
            return out.getvalue()

    return render

"""How much of a document the readers take: beyond a limit a file gets one message naming it and the limit."""

from __future__ import annotations

MAX_BYTES = 20 * 1024 * 1024  # a report is tens of kilobytes to a few megabytes; anything this large is not one
MAX_PAGES = 200  # an ITA report runs to tens of pages; a longer PDF is not one report
MAX_OCR_PAGES = 30  # OCR costs about a second a page; the rest of a longer scan is left unread (and said so)
MAX_ARCHIVE_MEMBERS = 1000
MAX_ARCHIVE_BYTES = 500 * 2**20  # all members together, uncompressed
MAX_COMPRESSION_RATIO = 200  # documents compress 2-10 times; hundreds of times is a zip bomb
MAX_ARCHIVE_DEPTH = 3  # a zip inside a zip inside a zip
MAX_IMAGE_PIXELS = 80_000_000  # an A4 page at 600 dpi is 35 million

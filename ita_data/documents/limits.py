"""How much of a document the readers take: beyond a limit a file gets one message naming it and the limit."""

from __future__ import annotations

MAX_BYTES = 20 * 1024 * 1024  # a report is tens of kilobytes to a few megabytes; anything this large is not one
MAX_PAGES = 200  # an ITA report runs to tens of pages; a longer PDF is not one report
MAX_OCR_PAGES = 30  # OCR costs about a second a page; the rest of a longer scan is left unread (and said so)
MAX_ARCHIVE_MEMBERS = 1000  # in a zip and the zips inside it, together
MAX_ARCHIVE_BYTES = 500 * 2**20  # all members together, uncompressed: a zip and every zip inside it
MAX_COMPRESSION_RATIO = 200  # documents compress 2-10 times; hundreds of times is a zip bomb
MAX_ARCHIVE_DEPTH = 3  # a zip inside a zip inside a zip
MAX_IMAGE_PIXELS = 80_000_000  # an A4 page at 600 dpi is 35 million
MAX_DOCX_XML = 200 * 2**20  # a Word package as its directory states it (images included: never unpacked)
MAX_DOCX_BODY = 32 * 2**20  # a Word body's XML; 200 pages saved by LibreOffice are 2 MB, by python-docx 0.7 MB
MAX_HTML_NESTING = 400  # tags inside tags; real pages nest tens deep

# The process that reads one document (ita_data.reports.reading). A 200-page report exported from Word
# reads in about 160 MB and a few seconds of CPU (README: limits); a scan's OCR has OCR_DOCUMENT_BUDGET_S.
READER_MEMORY = 1024 * 2**20  # memory the reader may write (RLIMIT_DATA)
READER_ADDRESS_SPACE = 4096 * 2**20  # its address space (RLIMIT_AS): a second fence
READER_CPU_SECONDS = 120
READER_SECONDS = 240  # wall clock: the OCR budget of a scan (150 s) and its pages' reading

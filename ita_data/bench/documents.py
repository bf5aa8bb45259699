"""``doc-bench``: how many facts each producer's files give (the corpus of ``corpus``), and how fast
documents are read — per PDF page with a text layer, a batch of PDFs stored end to end, and per scanned
page OCR'd. It prints figures; targets are in the text, nothing asserts them.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from ita_data.documents import pdf as pdf_reader
from ita_data.settings import SEEDS_DIR

from . import corpus
from .load import procstats
from .memory import PeakWatch
from .samples import docx_to_pdf, make_docx, scan_pdf


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("doc-bench", help="time the document readers: PDF pages, a batch of PDFs, OCR pages")
    p.add_argument("--pdfs", type=int, default=200, help="how many seed-sized PDFs the batch has (default 200)")
    p.add_argument("--ocr-pages", type=int, default=3, help="scanned pages to OCR (default 3)")
    p.add_argument("--corpus-only", action="store_true", help="only the facts read per producer, no timings")
    p.add_argument(
        "--corpus-dir", type=Path, default=None, help="make the corpus here (kept) instead of a temporary folder"
    )
    p.set_defaults(
        func=lambda args: run(
            pdfs=args.pdfs,
            ocr_pages=args.ocr_pages,
            seeds_dir=SEEDS_DIR,
            corpus_only=args.corpus_only,
            corpus_dir=args.corpus_dir,
        )
    )


def run(pdfs: int, ocr_pages: int, seeds_dir: Path, corpus_only: bool = False, corpus_dir: Path | None = None) -> int:
    seeds = sorted(seeds_dir.glob("*.txt"))
    if not seeds:
        print(f"error: no seed texts in {seeds_dir}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="doc-bench-") as tmp:
        work = Path(tmp)
        _facts_per_producer(seeds_dir, corpus_dir or work / "corpus")
        if corpus_only:
            return 0
        start = time.perf_counter()
        docx = [make_docx(p, work / "docx" / f"{p.stem}.docx") for p in seeds]
        files = docx_to_pdf(docx, work / "pdf")
        print(f"made {len(files)} PDFs from the seeds with LibreOffice in {time.perf_counter() - start:.1f} s")

        print(f"load average before: {_load()} on {os.cpu_count()} cores (other work slows the wall-clock figures)")
        pages = 0
        start, cpu = time.perf_counter(), time.process_time()
        for path in files:
            pages += pdf_reader.read_pdf(path.read_bytes(), path.name).page_count
        wall = (time.perf_counter() - start) * 1000 / max(pages, 1)
        used = (time.process_time() - cpu) * 1000 / max(pages, 1)
        print(
            f"PDF with a text layer: {wall:.1f} ms per page wall, {used:.1f} ms CPU, over {pages} pages (target <= 50)"
        )

        for line in _readers_against_in_process(files):
            print(line)

        batch_seconds, batch_cpu = _batch(files, pdfs, work)
        print(
            f"{pdfs} seed-sized PDFs read, parsed and stored: {batch_seconds:.1f} s wall, "
            f"{batch_cpu:.1f} s CPU in all processes (target <= 60 s on 2 cores)"
        )

        if ocr_pages > 0:
            scanned = scan_pdf(files[0], work / "scan" / "scan.pdf", pages=ocr_pages)
            start, children = time.perf_counter(), _children_cpu()
            document = pdf_reader.read_pdf(scanned.read_bytes(), scanned.name)
            count = max(len(document.ocr_pages), 1)
            seconds = (time.perf_counter() - start) / count
            tesseract = (_children_cpu() - children) / count
            print(
                f"scanned page (OCR, tha+eng, 200 dpi): {seconds:.2f} s per page wall (two at a time), "
                f"{tesseract:.2f} s Tesseract CPU per page, over {count} pages (target <= 2)"
            )
            right, read, alone, alone_read, years = _ocr_digits(files, work)
            print(
                f"Thai digit runs OCR'd that match the text layer (pages 1-2 of {len(files)} seeds): "
                f"read again from the image {right}/{read} ({right / max(read, 1):.0%}); Tesseract alone "
                f"{alone}/{alone_read} ({alone / max(alone_read, 1):.0%}); fiscal year from the scan: "
                f"{years} of {len(files)}"
            )
            right, trials = _unseen_fonts()
            print(
                f"Thai digits drawn in a font family left out of the templates, read right: {right}/{trials} "
                f"({right / max(trials, 1):.0%})"
            )
        print(f"load average after: {_load()}")
    return 0


def _facts_per_producer(seeds_dir: Path, out: Path) -> None:
    """The corpus made by every producer, read back: facts right per producer, for the seeds and for all."""
    from ita_data.reports import parse_bytes

    start = time.perf_counter()
    key = corpus.corpus_key(seeds_dir)
    folder = out / key
    forms = corpus.build(seeds_dir, folder)
    items = corpus.texts(seeds_dir)
    print(f"made the corpus ({len(items)} texts x {len(forms)} producers) in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    read = corpus.read_all(forms, items, parse_bytes)
    seeds = [t for t in items if t.name.startswith("seed-")]
    print(f"read it back in {time.perf_counter() - start:.1f} s")
    all_tallies = corpus.score(items, read)
    seed_tallies = corpus.score(seeds, read)
    print(
        f"{'producer':<18} {'seeds: facts right':>20} {'all ITA texts':>16} {'wrong':>6} "
        f"{'non-ITA results':>16}  what it is"
    )
    for producer, what in corpus.PRODUCERS.items():
        s, a = seed_tallies[producer], all_tallies[producer]
        print(
            f"{producer:<18} {f'{s.right}/{s.expected}':>20} {f'{a.right}/{a.expected}':>16} {a.wrong:>6} "
            f"{a.other_results:>16}  {what}"
        )


def _unseen_fonts() -> tuple[int, int]:
    """Each installed Thai face's digits at four sizes, matched against the templates of the other families."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    from ita_data.documents import thai_digits

    fonts = thai_digits.font_files()

    def family(path: str) -> str:
        return Path(path).stem.split("-")[0]

    right = trials = 0
    for path in fonts:
        others = tuple(f for f in fonts if family(f) != family(path))
        for digit in thai_digits.THAI_DIGITS:
            for size in (22, 28, 34, 40):
                canvas = Image.new("L", (size * 3, size * 3), 255)
                ImageDraw.Draw(canvas).text((size // 2, size // 2), digit, font=ImageFont.truetype(path, size), fill=0)
                trials += 1
                right += thai_digits.classify(np.asarray(canvas) < 128, others)[0] == digit
    return right, trials


def _ocr_digits(files: list[Path], work: Path) -> tuple[int, int, int, int, int]:
    """How many runs of Thai digits that OCR finds on the first two pages also stand in the text layer
    (counted as multisets), with the digits read again and with Tesseract's digits; and how many scans
    give the year their text gives."""
    import collections
    import io
    import re

    import pypdfium2 as pdfium

    from ita_data.documents import read_document, scan
    from ita_data.reports import parse_bytes

    run = re.compile("[๐-๙]+")
    counts = {True: [0, 0], False: [0, 0]}
    years = 0
    for path in files:
        document = read_document(path.read_bytes(), path.name)
        truth = collections.Counter(
            found
            for number, line in enumerate(document.text.split("\n"), start=1)
            if (document.page_of_line(number) or 3) <= 2
            for found in run.findall(line)
        )
        pdf = pdfium.PdfDocument(path.read_bytes())
        try:
            for index in range(min(2, len(pdf))):
                image = io.BytesIO()
                pdf[index].render(scale=pdf_reader.OCR_DPI / 72, grayscale=True).to_pil().save(image, format="PPM")
                for again in (True, False):
                    left = truth.copy()
                    for found in run.findall(scan.ocr_image(image.getvalue(), path.name, reread_digits=again)):
                        counts[again][1] += 1
                        if left[found] > 0:
                            left[found] -= 1
                            counts[again][0] += 1
        finally:
            pdf.close()
        scanned = scan_pdf(path, work / "scan-years" / path.name)
        if (
            parse_bytes(scanned.read_bytes(), scanned.name).fiscal_year
            == parse_bytes(path.read_bytes(), path.name).fiscal_year
        ):
            years += 1
    return counts[True][0], counts[True][1], counts[False][0], counts[False][1], years


def _readers_against_in_process(files: list[Path]) -> list[str]:
    """The seeds' PDFs read and parsed one after another here, then each in a capped reader process (as
    every import reads): wall time, CPU of the whole process tree, and its peak memory, for each way."""
    from ita_data.reports import parse_bytes
    from ita_data.reports.reading import read_report

    documents = [(path.name, path.read_bytes()) for path in files]
    name, data = documents[0]
    parse_bytes(data, name)  # the readers' imports here,
    read_report(data, name)  # and the reader server's start, are not part of the figures
    lines = []
    for how, read in (("in this process", parse_bytes), ("in capped readers", read_report)):
        cpu = _tree_cpu()
        watch = PeakWatch(os.getpid())
        with watch:
            for name, data in documents:
                read(data, name)
        lines.append(
            f"the {len(documents)} seeds' PDFs read {how}: {watch.seconds:.2f} s wall, {_tree_cpu() - cpu:.2f} s CPU, "
            f"peak {watch.peak / 2**20:,.0f} MB over the process tree ({watch.grown / 2**20:+,.0f} MB)"
        )
    return lines


def _tree_cpu() -> float:
    """CPU seconds of this process, its children that ended, and every live descendant with theirs (the
    reader server and the readers it forked and reaped)."""
    total = time.process_time() + _children_cpu()
    for pid in procstats.children(os.getpid()):
        try:
            fields = (procstats.PROC / str(pid) / "stat").read_text()
        except OSError:
            continue
        values = fields[fields.rindex(")") + 2 :].split()
        total += sum(int(v) for v in values[11:15]) / procstats.TICKS  # utime, stime, cutime, cstime
    return total


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _batch(files: list[Path], count: int, work: Path) -> tuple[float, float]:
    """``count`` distinct PDFs (the seeds' with a numbered comment appended) through ``ingest_entries``."""
    from ita_data.derived import open_store
    from ita_data.reports.batch import ingest_entries

    entries = []
    for n in range(count):
        source = files[n % len(files)]
        entries.append((f"bench-{n:03d}-{source.name}", source.read_bytes() + f"\n%bench {n}\n".encode()))
    start, cpu = time.perf_counter(), _tree_cpu()
    with open_store(work / "bench.duckdb") as db:
        outcomes = ingest_entries(db, entries)
    seconds = time.perf_counter() - start
    used = _tree_cpu() - cpu
    errors = [o for o in outcomes if o.status == "error"]
    if errors:
        print(f"  ({len(errors)} of {count} not stored, e.g. {errors[0].name}: {errors[0].reason})")
    return seconds, used

"""Command ``parse-fuzz-bench``: the parser's worst time on large mutated reports, and its time per seed.

The inputs are made here, deterministically, from the seed reports: lines shuffled and cut, fragments of
report prose inserted, whole pages joined into one line, single words repeated thousands of times. Each
is about ``size`` bytes of UTF-8, under the parser's size limit. The figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from ita_data import labels
from ita_data.documents.limits import MAX_BYTES
from ita_data.documents.text import normalize_text
from ita_data.reports import ReportError, parse_bytes, parse_text
from ita_data.reports.parser import read_report_bytes
from ita_data.settings import SEEDS_DIR
from ita_data.thai import to_arabic, to_thai_digits

# Words and marks reports are made of (invented here), for the mutations to insert and repeat.
FRAGMENTS = (
    "รายงานการวิเคราะห์ผลการประเมิน",
    "รายงานผลการดำเนินการตามมาตรการ",
    "ปีงบประมาณ พ.ศ. ๒๕๖๖",
    "ปี พ.ศ. 2567",
    "เทศบาลตำบลสมมุติ",
    "อบต.",
    "ทต.",
    "อำเภอ",
    "จังหวัดขอนแก่น",
    "จ.",
    "ได้คะแนน",
    "คะแนนรวม",
    "ร้อยละ",
    "๙๔.๓๐",
    "77.70",
    "101.5",
    "0",
    "๐",
    "ระดับ",
    "ผ่านดี",
    "ระดับ A (ผ่าน)",
    "B",
    "ลำดับที่ ๖๘",
    "อันดับที่",
    "จาก",
    "ของจังหวัด",
    "ของประเทศ",
    "ตัวชี้วัดที่ ๙",
    "ตัวชี้วัดที่",
    "การเปิดเผยข้อมูล",
    "ข้อ ๐๒๓",
    "ข้อ",
    "E๑๒",
    "e",
    "O",
    "o5",
    "(1๒๐)",
    "๓๑๐ หน่วยงาน",
    "มีค่าคะแนน",
    "คะแนน",
    "ประเด็นที่มีคะแนน ๐ คะแนน",
    "\t",
    "\t\t",
    "\n",
    "\n\n",
    " ",
    "  ",
    "<p>",
    "</p>",
    "<ul>",
    "<",
    ">",
    '<input type="checkbox" checked>',
    "ดำเนินการแล้วเสร็จ",
    "☑",
    "[x]",
    "มาตรการ\tผู้รับผิดชอบ\tระยะเวลา\tผลการดำเนินการ",
    "๑ ต.ค. ๖๘ ถึง ๓๐ ก.ย. ๖๙",
    "31/02/2566",
    "ตั้งแต่วันที่ ๑ ตุลาคม ๒๕๖๕ – ๓๐ กันยายน ๒๕๖๖",
    "—",
    "-",
    "--\t---",
    "ํา",
    "&amp;",
    "(",
    ")",
    ".",
    ",",
    ":",
    "๙๙.",
    "1.",
    "และ",
    "ได้แก่",
)


def _seed_lines(seeds_dir: Path) -> list[str]:
    lines: list[str] = []
    for path in sorted(seeds_dir.glob("*.txt")):
        lines.extend(path.read_text(encoding="utf-8", errors="replace").split("\n"))
    return lines or [" ".join(FRAGMENTS)]


def _mutated_line(rng: random.Random, line: str) -> str:
    choice = rng.random()
    if choice < 0.15 and line:
        cut = rng.randrange(len(line) + 1)
        return line[:cut] + rng.choice(FRAGMENTS) + line[cut:]
    if choice < 0.2 and line:
        a, b = sorted(rng.randrange(len(line) + 1) for _ in range(2))
        return line[:a] + line[b:]
    if choice < 0.25:
        return to_arabic(line)
    if choice < 0.3:
        return to_thai_digits(line)
    if choice < 0.35:
        return "".join(rng.choice(FRAGMENTS) for _ in range(rng.randrange(1, 30)))
    return line


def _fill(rng: random.Random, size: int, piece) -> str:
    parts, total = [], 0
    while total < size:
        text = piece()
        parts.append(text)
        total += len(text.encode("utf-8"))
    return "".join(parts)


STRATEGIES = ("lines", "one-line", "repeat", "cells", "fragments", "spaces", "continued", "tiny-cells")


def fuzz_inputs(count: int = 40, size: int = 5 * 2**20, seeds_dir: Path = SEEDS_DIR) -> Iterator[tuple[str, str]]:
    """``count`` (name, text) pairs of about ``size`` UTF-8 bytes; the same ones on every run."""
    lines = _seed_lines(seeds_dir)
    for i in range(count):
        kind = STRATEGIES[i % len(STRATEGIES)]
        text = _fuzzed(kind, random.Random(i), lines, size)
        text = text.encode("utf-8")[: min(size, MAX_BYTES)].decode("utf-8", errors="ignore")
        yield f"fuzz-{i:02d}-{kind}", text


def _fuzzed(kind: str, rng: random.Random, lines: list[str], size: int) -> str:
    if kind == "lines":
        return _fill(rng, size, lambda: _mutated_line(rng, rng.choice(lines)) + "\n")
    if kind == "one-line":
        # page after page with no line break: every per-line pattern sees one huge line
        sep = rng.choice((" ", "\t", "", "<p>"))
        return _fill(rng, size, lambda: _mutated_line(rng, rng.choice(lines)) + sep)
    if kind == "repeat":
        word = rng.choice(FRAGMENTS).strip() or "คะแนน"
        other = rng.choice(FRAGMENTS)
        every = rng.choice((0, 1, 7, 1000))
        counter = iter(range(10**9))
        return _fill(
            rng, size, lambda: word + (other if every and next(counter) % every == 0 else rng.choice(("", " ")))
        )
    if kind == "cells":
        head = rng.choice([ln for ln in lines if "\t" in ln] or ["a\tb"])
        return _fill(
            rng,
            size,
            lambda: (
                head
                + "\n"
                + "\t".join(_mutated_line(rng, rng.choice(lines)) for _ in range(rng.randrange(1, 6)))
                + "\n"
            ),
        )
    if kind == "spaces":
        # a word of a pattern followed by a long run of white space, then something that does not fit
        run = rng.choice((" ", "\t", "  \t"))
        width = rng.choice((40, 300, 3000))
        return _fill(rng, size, lambda: rng.choice(FRAGMENTS) + run * rng.randrange(1, width) + rng.choice(FRAGMENTS))
    if kind == "continued":
        # one measures table whose rows all continue the first: the page-break join, thousands of times
        head = "มาตรการ\tผู้รับผิดชอบ\tระยะเวลา\tผลการดำเนินการ\n" + _mutated_line(rng, rng.choice(lines)) + "\n"
        return head + _fill(
            rng,
            size,
            lambda: (
                "\t"
                + "\t".join(
                    (rng.choice(FRAGMENTS) + _mutated_line(rng, rng.choice(lines))[:200]).replace("\n", " ")
                    for _ in range(3)
                )
                + "\n"
            ),
        )
    if kind == "tiny-cells":
        return _fill(rng, size, lambda: "\t".join(rng.choice(FRAGMENTS) for _ in range(rng.randrange(2, 8))) + "\n")
    return _fill(rng, size, lambda: rng.choice(FRAGMENTS))


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def run(count: int = 40, size: int = 5 * 2**20, runs: int = 10, out=None) -> dict[str, float]:
    """Time the parser on the fuzzed inputs and on each seed; print the figures and return them.

    Each fuzzed line also shows how much of the time went to ``normalize_text`` alone (timed apart),
    so that a slow input points at the step to look at."""
    out = out or sys.stdout
    times: list[tuple[float, str]] = []
    cpu_times: list[float] = []
    reader_times: list[float] = []  # CPU seconds after normalize_text: the readers of tables, prose, measures
    # wall seconds are what a person waits; CPU seconds are what the parser costs when the machine is shared
    print(f"{'input':<24} {'MB':>5} {'wall s':>7} {'cpu s':>6} {'of which normalize cpu s':>25}", file=out)
    for name, text in fuzz_inputs(count, size):
        start = time.process_time()
        normalize_text(text)
        normalizing = time.process_time() - start
        start, cpu = time.perf_counter(), time.process_time()
        parse_text(text, name)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        times.append((elapsed, name))
        cpu_times.append(cpu)
        reader_times.append(max(0.0, cpu - normalizing))
        print(
            f"{name:<24} {len(text.encode('utf-8')) / 1e6:>5.2f} {elapsed:>7.2f} {cpu:>6.2f} {normalizing:>25.2f}",
            file=out,
            flush=True,
        )
    seconds = [t for t, _ in times]
    worst = max(times) if times else (0.0, "-")
    figures = {
        "max_s": worst[0],
        "p95_s": _p95(seconds) if seconds else 0.0,
        "over_2s": float(sum(t > 2 for t in seconds)),
        "max_cpu_s": max(cpu_times, default=0.0),
        "p95_cpu_s": _p95(cpu_times) if cpu_times else 0.0,
        "max_readers_cpu_s": max(reader_times, default=0.0),
    }
    print(
        f"fuzzed inputs: {len(seconds)} × ~{size / 2**20:.2g} MB  max {figures['max_s']:.2f} s ({worst[1]})  "
        f"p95 {figures['p95_s']:.2f} s  over 2 s: {int(figures['over_2s'])}  "
        f"(CPU: max {figures['max_cpu_s']:.2f} s, p95 {figures['p95_cpu_s']:.2f} s; "
        f"after normalize_text: max {figures['max_readers_cpu_s']:.2f} s)",
        file=out,
    )
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        data = path.read_bytes()
        parse_bytes(data, path.name)  # warm the caches once
        per = []
        for _ in range(max(1, runs)):
            start = time.perf_counter()
            parse_bytes(data, path.name)
            per.append((time.perf_counter() - start) * 1000)
        figures[path.name] = statistics.median(per)
        print(
            f"seed {path.name:<28} {len(data) / 1024:>6.1f} KB {statistics.median(per):>8.2f} ms (median of {runs})",
            file=out,
        )
    return figures


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "parse-fuzz-bench", help="time the report parser on large fuzzed reports (max, p95 s) and per seed (ms)"
    )
    p.add_argument("--count", type=int, default=40, help="how many fuzzed inputs (default 40)")
    p.add_argument("--mb", type=float, default=5.0, help="size of each fuzzed input in MB (default 5)")
    p.add_argument("--runs", type=int, default=10, help="runs per seed (default 10)")
    p.set_defaults(func=cmd_fuzz_bench)

    p = subparsers.add_parser("parse-bench", help="time the report parser per document (median ms)")
    p.add_argument("files", nargs="*", metavar="FILE", help=f"default: {SEEDS_DIR}/*.txt")
    p.add_argument("--runs", type=int, default=30)
    p.set_defaults(func=cmd_bench)


def cmd_bench(args: argparse.Namespace) -> int:
    files = [Path(f) for f in args.files] or sorted(SEEDS_DIR.glob("*.txt"))
    if not files:
        print(labels.CLI_ERROR.format(message=labels.CLI_NO_FILES_TO_TIME.format(folder=SEEDS_DIR)), file=sys.stderr)
        return 1
    failed = False
    print(f"{'file':<28} {'KB':>6} {'p50 ms':>8} {'min ms':>8}  runs={args.runs}")
    for path in files:
        try:
            data = read_report_bytes(path)
            parse_bytes(data, path.name)  # warm the caches once
        except ReportError as err:
            print(labels.CLI_ERROR.format(message=err), file=sys.stderr)
            failed = True
            continue
        times = []
        for _ in range(max(1, args.runs)):
            start = time.perf_counter()
            parse_bytes(data, path.name)
            times.append((time.perf_counter() - start) * 1000)
        print(f"{path.name:<28} {len(data) / 1024:>6.1f} {statistics.median(times):>8.2f} {min(times):>8.2f}")
    return 1 if failed else 0


def cmd_fuzz_bench(args: argparse.Namespace) -> int:
    if args.count < 0 or args.mb <= 0:
        print("error: --count must be ≥ 0 and --mb > 0", file=sys.stderr)
        return 1
    run(args.count, int(args.mb * 2**20), args.runs)
    return 0

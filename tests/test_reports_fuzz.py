"""Mutated and random reports never crash the parser, and what it says about them holds together:
every located fact points at a line of the text, every snippet comes from that line, the JSON object
serialises. Speed is measured by ``python -m ita_data parse-fuzz-bench`` (printed, never asserted)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ita_data.__main__ import main
from ita_data.bench.parsing import FRAGMENTS, fuzz_inputs
from ita_data.documents.limits import MAX_BYTES
from ita_data.documents.text import normalize_text
from ita_data.reports import parse_text


def _check(report, text: str) -> None:
    obj = report.to_json()
    json.dumps(obj, ensure_ascii=False)
    lines = report.lines
    assert lines == normalize_text(text).split("\n") or not text.strip()  # lines of the text parse_text reads
    for key, line in report.locations.items():
        assert 1 <= line <= len(lines), key
        snippet = report.snippet(key)
        assert len(snippet) <= 160
        words = " ".join(lines[line - 1].split())
        assert snippet.strip("…") in words, key
    for value in (*report.indicator_scores.values(), *report.item_scores.values()):
        assert 0 <= value <= 100
    assert report.total_score is None or 0 <= report.total_score <= 100
    assert report.province_rank is None or report.province_rank >= 0


def _seed_lines(seeds_dir) -> list[str]:
    lines = []
    for path in sorted(seeds_dir.glob("*.txt")):
        lines.extend(path.read_text(encoding="utf-8").split("\n"))
    return lines


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_a_seed_with_lines_shuffled_cut_and_fragments_inserted_never_crashes(seeds_dir, data):
    lines = _seed_lines(seeds_dir)
    picked = data.draw(st.lists(st.sampled_from(lines), min_size=1, max_size=80))
    mutated: list[str] = []
    for line in picked:
        action = data.draw(st.sampled_from(["keep", "cut", "insert", "join", "blank"]))
        if action == "cut" and line:
            at = data.draw(st.integers(0, len(line)))
            line = line[:at]
        elif action == "insert":
            at = data.draw(st.integers(0, len(line)))
            line = line[:at] + data.draw(st.sampled_from(FRAGMENTS)) + line[at:]
        elif action == "join" and mutated:
            mutated[-1] += line
            continue
        elif action == "blank":
            line = data.draw(st.sampled_from([" " * 50, "\t" * 30, "  \t " * 20]))
        mutated.append(line)
    text = "\n".join(mutated)
    _check(parse_text(text, "mutated.txt"), text)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.sampled_from(FRAGMENTS),
            st.text(max_size=20),
            st.sampled_from([" " * 300, "\t" * 200, "คะแนน" * 50, "o5 " * 40]),
        ),
        max_size=50,
    )
)
def test_fragments_random_text_and_long_blanks_never_crash(parts):
    text = "".join(parts)
    _check(parse_text(text, "fragments.txt"), text)


def test_the_fuzzed_inputs_are_the_same_on_every_run_and_under_the_size_limit():
    first = list(fuzz_inputs(count=8, size=20_000))
    again = list(fuzz_inputs(count=8, size=20_000))
    assert first == again
    assert len({name.split("-", 2)[2] for name, _ in first}) == 8  # every kind of mutation
    for name, text in first:
        assert 0 < len(text.encode("utf-8")) <= min(20_000, MAX_BYTES)
        _check(parse_text(text, name), text)


def test_parse_fuzz_bench_prints_max_p95_and_ms_per_seed(capsys, seeds_dir):
    assert main(["parse-fuzz-bench", "--count", "3", "--mb", "0.02", "--runs", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    summary = next(line for line in out if line.startswith("fuzzed inputs"))
    assert " max " in summary and " p95 " in summary
    seeds = [line for line in out if line.startswith("seed ")]
    assert len(seeds) == len(list(seeds_dir.glob("*.txt"))) and all(line.endswith(")") for line in seeds)
    assert all(float(line.split()[-5]) > 0 for line in seeds)  # "… 12.34 ms (median of 1)"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_prose_results_with_fragments_inserted_never_crash(data):
    from test_reports_prose import PROSE

    text, _facts = data.draw(st.sampled_from(PROSE))
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(text)))
        text = text[:at] + data.draw(st.sampled_from(FRAGMENTS)) + text[at:]
    _check(parse_text(text, "prose-mutated.txt"), text)

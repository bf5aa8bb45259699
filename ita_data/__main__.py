"""Command line: ``python -m ita_data COMMAND ...``; each module named below adds its own commands."""

from __future__ import annotations

import argparse
import importlib
import sys

# Each module has ``register(subparsers)`` that adds its commands with ``set_defaults(func=...)``;
# a command's function takes the parsed arguments and returns the exit code.
COMMAND_MODULES = (
    "ita_data.build",
    "ita_data.reports.cli",
    "ita_data.tables.cli",
    "ita_data.sources",
    "ita_data.brief.cli",
    "ita_data.serving",
    # benchmarks and load: they print figures and assert nothing (ita_data.bench)
    "ita_data.bench.analytics",
    "ita_data.bench.publishing",
    "ita_data.bench.imports",
    "ita_data.bench.parsing",
    "ita_data.bench.documents",
    "ita_data.bench.load.cli",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ita_data", description=__doc__)
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    args = parser.parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())

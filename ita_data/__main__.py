"""Command line: ``python -m ita_data COMMAND ...``; each module named below adds its own commands."""

from __future__ import annotations

import argparse
import importlib
import sys

# Each module has ``register(subparsers)`` that adds its commands with ``set_defaults(func=...)``;
# a command's function takes the parsed arguments and returns the exit code.
COMMAND_MODULES = (
    "ita_data.reports.cli",
    "ita_data.reports.fuzzbench",
    "ita_data.build",
    "ita_data.bench",
    "ita_data.tables.cli",
    "ita_data.sources",
    "ita_data.store_bench",
    "ita_data.loadtest.cli",
    "ita_data.brief.cli",
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

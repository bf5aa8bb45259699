"""``python -m ita_data.loadtest loadtest|serve ...``: the same commands without loading the rest of the CLI."""

import argparse
import sys

from ita_data.loadtest import cli

parser = argparse.ArgumentParser(prog="python -m ita_data.loadtest")
cli.register(parser.add_subparsers(dest="command", required=True))
args = parser.parse_args()
sys.exit(int(args.func(args) or 0))

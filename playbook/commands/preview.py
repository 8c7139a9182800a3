"""`playbook preview FILE`: see a playbook in the app exactly as a leader will, while writing it."""

from __future__ import annotations

import argparse
from pathlib import Path

from playbook.cli import UsageError

HELP = "open the app on one incident file, as a leader sees it; it reloads on every save"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="an incident file inside a library folder (beside library.yaml)")


def run(args: argparse.Namespace) -> int:
    from playbook.library import LIBRARY_FILE

    path: Path = args.file
    if not path.is_file():
        raise UsageError(f"no such file: {path}")
    if path.name == LIBRARY_FILE or not (path.parent / LIBRARY_FILE).is_file():
        raise UsageError(f"{path} is not an incident file in a library folder: preview needs {LIBRARY_FILE} beside it")
    from tui.preview import run_preview  # only the app needs textual

    return run_preview(path)

"""`playbook validate`: check a library or single files, printed like a compiler."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from playbook.cli import EXIT_OK, EXIT_PROBLEMS, UsageError
from playbook.commands.common import add_format, emit

if TYPE_CHECKING:
    from playbook.library import Loaded
    from playbook.problems import Problem

HELP = "check a library (or single incident files): problems as path:line:col: CODE message"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="library folders or incident files (default: the library)"
    )
    add_format(parser, "text", "json", "github")
    parser.add_argument("--strict", action="store_true", help="warnings fail too")


def run(args: argparse.Namespace) -> int:
    from playbook.library import default_root, load
    from playbook.problems import Problem
    from playbook.safe import safe_line

    if args.paths:
        results, read = [check(path, args.library) for path in args.paths], ""
    else:  # the library chosen by --library, $PLAYBOOK_LIBRARY or the folder: say which was read
        root = args.library or default_root()
        results, read = [load(root, keep="nothing")], f" in {safe_line(os.path.abspath(root))}"
    # The same problem found twice (two paths into one library) is printed once, in a fixed order.
    problems = sorted(dict.fromkeys(p for r in results for p in r.problems), key=Problem.sort_key)
    files = list(dict.fromkeys(f for r in results for f in r.files))
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    failed = errors or (args.strict and warnings)

    summary = _summary(len(files), errors, warnings, results, read)
    totals: dict[str, object] = {"files": len(files), "errors": errors, "warnings": warnings, "ok": not failed}
    if read:
        totals["library"] = read.removeprefix(" in ")
    emit(
        args,
        text=lambda: [*map(str, problems), summary],
        data=lambda: {"problems": [p.as_dict() for p in problems], "summary": totals},
        github=lambda: [*map(_github, problems), summary],
    )
    return EXIT_PROBLEMS if failed else EXIT_OK


def check(path: Path, library_root: Path | None) -> Loaded:
    """A folder is a library; a file is checked against the library beside it (else the chosen one)."""
    from playbook.library import LIBRARY_FILE, default_root, load

    if path.is_dir():
        return load(path, keep="nothing")
    if not path.exists() and not path.is_symlink():
        raise UsageError(f"no such file or folder: {path}")
    if path.name == LIBRARY_FILE:
        return load(path.parent, only=[], keep="nothing")
    beside = path.parent / LIBRARY_FILE
    root = path.parent if beside.is_file() else (library_root or default_root())
    return load(root, only=[path], keep="nothing")


def _summary(files: int, errors: int, warnings: int, results: list[Loaded], where: str) -> str:
    checked = f"{files} file{'s' * (files != 1)} checked{where}"
    if not errors and not warnings:
        return f"{checked}: no problems"
    left_out = sum(len(r.failed) for r in results)
    parts = [f"{errors} error{'s' * (errors != 1)}", f"{warnings} warning{'s' * (warnings != 1)}"]
    tail = f"; {left_out} file{'s' * (left_out != 1)} left out" if left_out else ""
    return f"{checked}: {', '.join(parts)}{tail}"


def _github(problem: Problem) -> str:
    """A GitHub Actions workflow command, shown inline on the pull request."""

    def escape(text: str, property: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if property else text

    return (
        f"::{problem.level} file={escape(problem.path, True)},line={problem.line},col={problem.col},"
        f"title={escape(problem.code, True)}::{escape(problem.message)}"
    )

"""`playbook rules`: every diagnostic code, its level and what it means."""

from __future__ import annotations

import argparse

from playbook.cli import EXIT_OK
from playbook.commands.common import add_format, emit

HELP = "list every problem code with its level and meaning (codes never change meaning)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_format(parser, "text", "json")
    parser.add_argument("--warnings", action="store_true", help="only warnings (the codes a library can suppress)")


def run(args: argparse.Namespace) -> int:
    from playbook.problems import RULES

    rules = [
        (code, level, reason) for code, (level, reason) in RULES.items() if not args.warnings or level == "warning"
    ]
    emit(
        args,
        text=lambda: (f"{code}  {level:<7}  {reason}" for code, level, reason in rules),
        data=lambda: [{"code": c, "level": level, "reason": r} for c, level, r in rules],
    )
    return EXIT_OK

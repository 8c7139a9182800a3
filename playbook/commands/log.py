"""`playbook log INCIDENT --note TEXT [--decision] [--at TIME]`: a note or a decision from a script."""

from __future__ import annotations

import argparse

from playbook.cli import EXIT_OK, UsageError
from playbook.commands.scripted import actor, add_actor, now, record, say

HELP = "add a note (or a decision) to a live incident from a script"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("incident", help="the incident's id (INC-...)")
    parser.add_argument("--note", required=True, metavar="TEXT", help="what to record")
    parser.add_argument("--decision", action="store_true", help="record it as a decision")
    parser.add_argument(
        "--at",
        default="",
        metavar="TIME",
        help="when it happened, if earlier: 10 (minutes ago), '10 min ago', -2h, 14:05",
    )
    add_actor(parser)


def run(args: argparse.Namespace) -> int:
    from playbook.incident import parse_when

    moment = now(args)
    try:
        happened = parse_when(args.at, moment)
    except ValueError as error:
        raise UsageError(f"--at {args.at!r}: {error}") from None
    kind = "decision" if args.decision else "note"
    entry = record(args, args.incident, lambda state: state.write(kind, args.note, actor(args), moment, happened))
    say(args, entry, f"{kind} recorded")
    return EXIT_OK

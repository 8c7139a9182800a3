"""`playbook step INCIDENT STEP --done | --skip REASON | --deviate REASON --did TEXT`."""

from __future__ import annotations

import argparse

from playbook.cli import EXIT_OK, UsageError
from playbook.commands.scripted import actor, add_actor, now, record, say

HELP = "mark a step of a live incident done, skipped (with why) or done differently (with what and why)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("incident", help="the incident's id (INC-...)")
    parser.add_argument("step", help="the step's id (see `playbook report INCIDENT --kind status`)")
    how = parser.add_mutually_exclusive_group(required=True)
    how.add_argument("--done", action="store_true", help="the step is done")
    how.add_argument("--skip", metavar="REASON", help="the step is skipped, and why")
    how.add_argument("--deviate", metavar="REASON", help="the team did something else, and why (with --did)")
    parser.add_argument("--did", default="", metavar="TEXT", help="with --deviate: what the team did instead")
    add_actor(parser)


def run(args: argparse.Namespace) -> int:
    moment, by = now(args), actor(args)
    if args.deviate is not None:
        if not args.did.strip():
            raise UsageError("--deviate needs --did: what the team did instead")
        entry = record(args, args.incident, lambda s: s.deviate(args.step, args.did, args.deviate, by, moment))
        say(args, entry, f"step {args.step}: did something else")
    elif args.skip is not None:
        entry = record(args, args.incident, lambda s: s.mark(args.step, "skipped", by, moment, args.skip))
        say(args, entry, f"step {args.step} skipped")
    else:
        entry = record(args, args.incident, lambda s: s.mark(args.step, "done", by, moment))
        say(args, entry, f"step {args.step} done")
    return EXIT_OK

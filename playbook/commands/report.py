"""`playbook report INCIDENT`: a Markdown report of one incident, from the journal alone."""

from __future__ import annotations

import argparse
import sys

from playbook.cli import EXIT_OK
from playbook.reports import KINDS

HELP = "print a Markdown report of an incident: status update, summary, timeline or after-action draft"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("incident", help="the incident's id (see `playbook incidents --all`)")
    parser.add_argument("--kind", choices=KINDS, default="summary", help="which report (default summary)")
    parser.add_argument(
        "--save",
        action="store_true",
        help="also save it beside the journal (reports/INCIDENT-KIND-YYYYMMDD-HHMM.md, as the board names it)",
    )


def run(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from playbook.cli import UsageError
    from playbook.commands.journaled import load_live
    from playbook.live import save_new
    from playbook.reports import report

    live = load_live(args, args.incident)
    moment = datetime.now(UTC)
    text = report(live.state, args.kind, moment)
    print(text, end="")
    if args.save:
        try:
            saved = save_new(live.report_path(args.kind, moment), text)
        except OSError as error:
            raise UsageError(f"not saved: {error}") from None
        print(f"Saved to {saved}", file=sys.stderr)
    return EXIT_OK

"""`playbook report INCIDENT`: a Markdown report of one incident, from the journal alone."""

from __future__ import annotations

import argparse

from playbook.cli import EXIT_OK, EXIT_PROBLEMS
from playbook.reports import KINDS

HELP = "print a Markdown report of an incident: status update, summary, timeline or after-action draft"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("incident", help="the incident's id (see `playbook incidents --all`)")
    parser.add_argument("--kind", choices=KINDS, default="summary", help="which report (default summary)")


def run(args: argparse.Namespace) -> int:
    """Exit 1 when the journal fails its checks: the report is printed, damaged entries marked,
    and each problem is said on stderr."""
    from datetime import UTC, datetime

    from playbook.commands.journaled import load_incident
    from playbook.reports import report

    incident, verification = load_incident(args, args.incident)
    print(report(incident, args.kind, datetime.now(UTC)), end="")
    return EXIT_PROBLEMS if verification.findings or incident.damaged else EXIT_OK

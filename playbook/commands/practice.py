"""`playbook practice`: drill and recognition-drill results from the journal, and what to practise next."""

from __future__ import annotations

import argparse
import json

from playbook.cli import EXIT_OK
from playbook.commands.common import add_format

HELP = "print practice history (drills and recognition drills) per incident type, and the next drill to run"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_format(parser, "text", "json")
    parser.add_argument("--team", help="only this team's results (and a suggestion for it)")
    parser.add_argument("--participant", help="only results this person took part in")


def run(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from playbook.commands.common import usable_library
    from playbook.commands.journaled import existing_journal
    from playbook.drill_run import history
    from playbook.practice import suggest

    library = usable_library(args)
    journal = existing_journal(args)
    records = () if journal is None else history(journal, args.team, args.participant)
    if journal is not None:
        journal.close()
    suggestions = suggest(records, library, datetime.now(UTC))
    if args.format == "json":
        print(json.dumps(_data(records, suggestions), indent=2, ensure_ascii=False))
    else:
        print(_text(library, records, suggestions, args), end="")
    return EXIT_OK


def _data(records, suggestions) -> dict:
    from playbook.practice import record_data

    return {
        "records": [record_data(r) for r in records],
        "suggestions": [
            {
                "incident": s.incident,
                "drill": s.drill,
                "reason": s.reason,
                "days_since": s.days_since,
                "recent_score": s.recent_score,
                "priority": round(s.priority, 3),
            }
            for s in suggestions
        ],
    }


def _text(library, records, suggestions, args) -> str:
    from playbook.drill_words import minutes
    from playbook.practice import trend
    from playbook.problems import quote

    def printable(value: str) -> str:
        return quote(value, limit=60)[1:-1]  # team and person names are typed by people

    who = " ".join(
        f"{label} {printable(value)}"
        for label, value in (("team", args.team), ("participant", args.participant))
        if value
    )
    lines = [f"Practice history{f' ({who})' if who else ''}: {len(records)} result{'s' * (len(records) != 1)}"]
    for incident in library.types:
        points = trend(records, incident.id)
        if not points:
            continue
        lines += ["", f"{incident.title} ({incident.id})"]
        for point in points:
            classified = (
                f"classified in {minutes(point.time_to_classify)} min"
                if point.time_to_classify is not None
                else "not classified correctly"
            )
            coverage = f" {point.coverage}" if point.coverage else ""
            lines.append(
                f"  {point.when:%Y-%m-%d %H:%M}  {point.kind.value:<11}  score {point.score:>3}{coverage}  {classified}"
            )
    lines += ["", "Next drill:"]
    for n, suggestion in enumerate(suggestions, 1):
        incident = library.type(suggestion.incident)
        lines.append(f"  {n}. {incident.title}: drill '{suggestion.drill}' ({suggestion.reason})")
    if not suggestions:
        lines.append("  no incident type in the library has a drill yet")
    return "\n".join(lines) + "\n"

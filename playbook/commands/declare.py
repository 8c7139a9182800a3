"""`playbook declare TYPE --answer Q=A ... --commander NAME`: declare a live incident from a script
or a paging tool; prints the incident's id. An open triage question is a usage error naming it."""

from __future__ import annotations

import argparse

from playbook.cli import EXIT_OK, UsageError
from playbook.commands.common import emit, find_type, usable_library
from playbook.commands.scripted import as_json, now

HELP = "declare a live incident from a script: triage answers in, the incident's id out"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("type", help="the incident type's id (see `playbook list`)")
    parser.add_argument(
        "--answer", action="append", default=[], metavar="Q=A", help="a triage answer (repeat; A may be `unknown`)"
    )
    parser.add_argument("--commander", required=True, metavar="NAME", help="who commands the incident")
    parser.add_argument("--title", default="", help="a one-line title (default: the type's title)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="the id, or the declaration as JSON")


def run(args: argparse.Namespace) -> int:
    from playbook.commands.journaled import writable_journal
    from playbook.commands.triage import _given_answers
    from playbook.incident import IncidentError, declaration
    from playbook.journal import JournalError
    from playbook.triage import Walk

    library = usable_library(args)
    incident_type = find_type(library, args.type)
    given = _given_answers(args.answer, incident_type)
    walk = Walk.start(incident_type, library)
    while (question := walk.question) is not None:
        if question.id not in given:
            ids = ", ".join(a.id for a in question.known_answers)
            raise UsageError(
                f"question '{question.id}' is still open: {question.ask} (answer with --answer "
                f"{question.id}=ANSWER, one of {ids}, or unknown); nothing was declared"
            )
        walk = walk.answer(given[question.id])
    severity = walk.severity
    assert severity is not None
    commander = args.commander.strip()
    try:
        entry = declaration(
            library,
            incident_type,
            severity,
            args.title.strip() or incident_type.title,
            commander,
            now(args),
            walk.answered,
        )
    except IncidentError as error:
        raise UsageError(str(error)) from None
    with writable_journal(args) as journal:
        try:
            recorded = journal.declare(entry)
        except JournalError as error:
            raise UsageError(str(error)) from None
    emit(args, text=lambda: [recorded.incident], data=lambda: as_json(recorded))
    return EXIT_OK

"""`playbook lesson`: review the draft lessons a drill's debrief proposed: list them, accept one
(leaders then see it beside its steps) or reject it (it leaves the file)."""

from __future__ import annotations

import argparse

from playbook.cli import EXIT_OK, UsageError
from playbook.commands.common import find_type, usable_library

HELP = "review draft lessons (proposed from drill debriefs): list, accept or reject them"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("drafts", help="every draft lesson in the library, awaiting review")
    for name, what in (("accept", "make a draft a reviewed lesson"), ("reject", "remove a draft lesson")):
        action = actions.add_parser(name, help=what)
        action.add_argument("type", help="the incident type's id")
        action.add_argument("lesson", help="the draft lesson's id")


def run(args: argparse.Namespace) -> int:
    from playbook.problems import quote

    library = usable_library(args)
    if args.action == "drafts":
        drafts = [(t, lesson) for t in library.types for lesson in t.draft_lessons]
        if not drafts:
            print("no draft lesson")
        for incident, lesson in drafts:
            print(f"{incident.id} {lesson.id}: {quote(lesson.mistake, limit=100)[1:-1]}")
        return EXIT_OK
    from playbook.lesson_review import Conflict, EditError, review

    incident = find_type(library, args.type)
    try:
        review(incident.path, args.lesson, accept=args.action == "accept")
    except (EditError, Conflict, OSError) as error:
        raise UsageError(str(error)) from None
    print(f"{args.lesson} {'accepted: leaders now see it' if args.action == 'accept' else 'rejected and removed'}")
    return EXIT_OK

"""`playbook drill`: list the drills in the journal, start one as its facilitator, or join one as
a player from a second terminal (both open the app on that drill)."""

from __future__ import annotations

import argparse
import json

from playbook.cli import EXIT_OK, UsageError
from playbook.commands.common import add_format
from playbook.commands.handbook import add_print_options

HELP = "tabletop drills: list them, start one (facilitator view) or join one as a player (player view)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="the drills in the journal, running ones first")
    add_format(listing, "text", "json")
    start = actions.add_parser("start", help="record a new drill and open the facilitator's view")
    start.add_argument("type", help="the incident type's id")
    start.add_argument("drill", help="the drill's id within that type")
    start.add_argument("--facilitator", required=True, help="who runs the drill")
    start.add_argument(
        "--pace",
        default="facilitator",
        help="real-time, facilitator (advance by hand; the default), or a factor such as x4",
    )
    start.add_argument("--team", default="", help="the team's name, for its practice history")
    start.add_argument("--participants", default="", help="names, separated by commas")
    join = actions.add_parser("join", help="open a running drill's player view (no facilitator material)")
    join.add_argument("id", help="the drill's id (DRL-...), see `playbook drill list`")
    join.add_argument("--name", default="", help="your name, for the entries you make")
    packet = actions.add_parser("packet", help="a printable packet for players, the facilitator or the evaluator")
    packet.add_argument("drill", help="the drill: its id, or TYPE/DRILL when several types have a drill of that id")
    packet.add_argument(
        "--for",
        dest="audience",
        required=True,
        choices=("players", "facilitator", "evaluator"),
        help="players: the situation manual (no injects, expectations or notes); facilitator: injects by "
        "minute, twist and questions; evaluator: objectives, what good looks like, the rating scale",
    )
    packet.add_argument("--format", choices=("pdf", "html"), default="pdf", help="output format (default pdf)")
    add_print_options(packet)


def run(args: argparse.Namespace) -> int:
    if args.action == "list":
        return _list(args)
    if args.action == "packet":
        return _packet(args)
    from datetime import UTC, datetime

    from playbook import drill_run
    from playbook.commands.common import find_type, usable_library
    from playbook.commands.journaled import journal_path
    from playbook.drill import Pace
    from playbook.journal import Journal, JournalError

    library = usable_library(args)
    try:
        journal = Journal.open(journal_path(args), create=args.action == "start")
    except JournalError as error:
        raise UsageError(str(error)) from None
    with journal:
        try:
            if args.action == "start":
                incident = find_type(library, args.type)
                drill = incident.drill(args.drill)
                if drill is None:
                    known = ", ".join(d.id for d in incident.drills) or "none"
                    raise UsageError(f"no drill '{args.drill}' in {incident.id} (its drills: {known})")
                try:
                    pace = Pace.parse(args.pace)
                except ValueError as error:
                    raise UsageError(str(error)) from None
                drill_id = drill_run.start(
                    journal,
                    library,
                    incident,
                    drill,
                    pace,
                    args.facilitator,
                    datetime.now(UTC),
                    team=args.team,
                    participants=args.participants,
                ).id
                print(f"{drill_id} started; players join with: {drill_run.join_command(drill_id, journal.path)}")
            else:
                drill_id = drill_run.load(journal, library, args.id, datetime.now(UTC)).id
        except (drill_run.DrillRunError, JournalError) as error:
            raise UsageError(str(error)) from None
    from tui.screens.drill_list import run_on_drill  # only the app needs textual

    return run_on_drill(
        args,
        drill_id,
        "facilitator" if args.action == "start" else "player",
        args.facilitator if args.action == "start" else args.name,
    )


def _list(args: argparse.Namespace) -> int:
    from playbook.commands.journaled import existing_journal
    from playbook.drill_run import drills
    from playbook.problems import quote

    journal = existing_journal(args)
    found = () if journal is None else drills(journal)
    if journal is not None:
        journal.close()
    if args.format == "json":
        print(
            json.dumps(
                [
                    {
                        "id": d.id,
                        "title": d.title,
                        "type_title": d.type_title,
                        "team": d.team,
                        "started_at": d.started_at.isoformat(),
                        "ended": d.ended,
                    }
                    for d in found
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    if not found:
        print("no drills")
    for d in found:
        team = f"  team {quote(d.team, limit=40)[1:-1]}" if d.team else ""
        print(
            f"{d.id}  {'ended  ' if d.ended else 'running'}  {d.started_at:%Y-%m-%d %H:%M}  "
            f"{quote(d.title, limit=60)[1:-1]}{team}"
        )
    return EXIT_OK


def _packet(args: argparse.Namespace) -> int:
    from playbook.commands.common import usable_library
    from playbook.commands.handbook import printed_date, write
    from playbook.packet import packet

    library = usable_library(args)
    type_id, _, drill_id = args.drill.rpartition("/")
    found = [
        (t, d) for t in library.types for d in t.drills if d.id == drill_id and (not type_id or t.id == type_id)
    ]
    if not found:
        raise UsageError(f"no drill '{args.drill}'; `playbook show TYPE` lists a type's drills")
    if len(found) > 1:
        names = ", ".join(f"{t.id}/{d.id}" for t, d in found)
        raise UsageError(f"several drills are called '{drill_id}': say which, as one of {names}")
    incident, drill = found[0]
    page = packet(library, incident, drill, args.audience, printed=printed_date(args))
    write(args, page, pdf=args.format == "pdf")
    print(f"{args.output}: {args.audience} packet for {incident.id}/{drill.id}")
    return EXIT_OK

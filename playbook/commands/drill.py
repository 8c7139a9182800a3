"""`playbook drill`: list the drills in the journal, start one as its facilitator, or join one as
a player from a second terminal (both open the app on that drill)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from playbook.cli import EXIT_OK, UsageError
from playbook.commands.common import add_format
from playbook.commands.handbook import add_print_options

HELP = "tabletop drills: list them, start one (facilitator view) or join one as a player (player view)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from playbook.cli import global_options

    # The global options after the action too (`playbook drill join ID --journal J`), as printed
    # by the facilitator's view for players to copy.
    shared = argparse.ArgumentParser(add_help=False)
    global_options(shared, default=argparse.SUPPRESS)
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="the drills in the journal, running ones first", parents=[shared])
    add_format(listing, "text", "json")
    start = actions.add_parser("start", help="record a new drill and open the facilitator's view", parents=[shared])
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
    join = actions.add_parser(
        "join",
        help="open a running drill's player view: a player's process, with no way to facilitator material",
        parents=[shared],
    )
    join.add_argument("id", help="the drill's id (DRL-...), see `playbook drill list`")
    join.add_argument("--name", default="", help="your name, for the entries you make")
    report = actions.add_parser(
        "report", help="an ended drill's after-action report and improvement plan, as Markdown", parents=[shared]
    )
    report.add_argument("id", help="the drill's id (DRL-...)")
    report.add_argument(
        "--output", "-o", type=Path, metavar="FILE", help="write it to FILE (a new file) instead of stdout"
    )
    plan = actions.add_parser(
        "plan",
        help="the improvement actions still open across drills; with ID N --status, change one",
        parents=[shared],
    )
    plan.add_argument("id", nargs="?", help="the drill's id (DRL-...), to change one of its items")
    plan.add_argument("item", nargs="?", type=int, help="the item's number in that drill's plan")
    plan.add_argument("--status", help="open, in progress, done or dropped")
    plan.add_argument("--by", default="", help="who changes it")
    plan.add_argument("--note", default="", help="why, or what was done")
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
    if args.action == "report":
        return _report(args)
    if args.action == "plan":
        return _plan(args)
    if args.action == "packet":
        return _packet(args)
    from datetime import UTC, datetime

    from playbook import drill_run
    from playbook.commands.common import find_type, usable_library
    from playbook.commands.journaled import writable_journal
    from playbook.drill import Pace
    from playbook.journal import JournalError

    library = usable_library(args)
    with writable_journal(args, create=args.action == "start") as journal:
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
                join = drill_run.join_command(drill_id, journal.path, library.root)
                print(f"{drill_id} started; players join with: {join}")
            else:
                drill_id = drill_run.load(journal, library, args.id, datetime.now(UTC)).id
        except (drill_run.DrillRunError, JournalError) as error:
            raise UsageError(str(error)) from None
    if args.action == "join":
        from tui.player_app import run_player  # only the app needs textual

        return run_player(args, drill_id, args.name)
    from tui.screens.drill_list import run_on_drill

    return run_on_drill(args, drill_id, args.facilitator)


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


def _opened(args: argparse.Namespace):
    from playbook.commands.journaled import existing_journal

    journal = existing_journal(args)
    if journal is None:
        raise UsageError("no journal yet: no drill has been run")
    return journal


def _report(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from playbook import drill_run, improvement, writeback
    from playbook.aar import after_action_report
    from playbook.commands.common import usable_library
    from playbook.journal import JournalError

    library = usable_library(args)
    with _opened(args) as journal:
        try:
            run = drill_run.load(journal, library, args.id, datetime.now(UTC))
        except (drill_run.DrillRunError, JournalError) as error:
            raise UsageError(str(error)) from None
        if not run.ended:
            raise UsageError(f"drill {run.id} has not ended: the facilitator ends it (x) before the report")
        plan = improvement.plan_of(run.entries)
        text = after_action_report(
            drill_run.run_debrief(run, library), run.started_at.date(), run.team, run.participants, plan
        )
    if args.output is None:
        print(text, end="")
        return EXIT_OK
    try:
        writeback.create(args.output, text)
    except (FileExistsError, OSError) as error:
        raise UsageError(f"{args.output}: {error}") from None
    print(f"wrote {args.output}")
    return EXIT_OK


def _plan(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from playbook import improvement
    from playbook.problems import quote

    if args.id is not None or args.status is not None:
        if args.id is None or args.item is None or args.status is None:
            raise UsageError("to change an item give the drill id, the item number and --status")
        from playbook.commands.journaled import journal_path
        from playbook.journal import Journal, JournalError

        try:
            with Journal.open(journal_path(args), create=False) as journal:
                improvement.set_status(journal, args.id, args.item, args.status, args.by, datetime.now(UTC), args.note)
        except (improvement.PlanError, JournalError) as error:
            raise UsageError(str(error)) from None
        print(f"{args.id} item {args.item}: {args.status}")
        return EXIT_OK
    with _opened(args) as journal:
        items = improvement.open_items(journal)
    if not items:
        print("no improvement action is open")
    for item in items:
        print(
            f"{item.drill} #{item.n}  due {item.due.isoformat()}  {item.status:<11}  "
            f"{quote(item.owner, limit=30)[1:-1]}: {quote(item.action, limit=100)[1:-1]}"
        )


def _packet(args: argparse.Namespace) -> int:
    from playbook.commands.common import usable_library
    from playbook.commands.handbook import printed_date, write
    from playbook.packet import packet

    library = usable_library(args)
    type_id, _, drill_id = args.drill.rpartition("/")
    found = [(t, d) for t in library.types for d in t.drills if d.id == drill_id and (not type_id or t.id == type_id)]
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

"""`playbook new ID --category CAT --title TITLE`: start a playbook from a valid skeleton;
`playbook new --from-incident INCIDENT`: a draft playbook from what a (novel) incident did."""

from __future__ import annotations

import argparse
from pathlib import Path

from playbook.cli import EXIT_OK, UsageError

HELP = "write a new incident file: every section, with guidance, valid as written"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "id", nargs="?", help="the new incident type's id, for example supplier-fraud (from the title if left out)"
    )
    parser.add_argument("--category", help="a category id from library.yaml")
    parser.add_argument("--title", help="the name a leader would search for")
    parser.add_argument(
        "--from-incident",
        metavar="INCIDENT",
        help="draft the playbook from this incident in the journal: its first notes, severity answers, "
        "steps in the order taken with owners and times, decisions as candidate lessons",
    )


def run(args: argparse.Namespace) -> int:
    from playbook import novel, scaffold, writeback
    from playbook.library import LIBRARY_FILE, display_path, load

    root = args.library or Path.cwd()
    if not (root / LIBRARY_FILE).is_file():
        raise UsageError(
            f"no {LIBRARY_FILE} in {display_path(root)}: run this in a library folder, or pass --library PATH"
        )
    loaded = load(root, only=[])
    if loaded.library is None:
        raise UsageError(f"the library cannot be used: {loaded.problems[0]}")
    library = loaded.library
    incident = None
    if args.from_incident:
        from playbook.commands.journaled import load_live

        incident = load_live(args, args.from_incident)[0].state
        args.title = args.title or incident.title
        args.category = args.category or novel.category_for(incident, library)
    if not args.title or not args.category:
        raise UsageError("give --title and --category, or --from-incident INCIDENT")
    args.id = args.id or novel.type_id_for(args.title)
    reasons = scaffold.problems_with(args.id, args.title, args.category, library)
    if reasons:
        raise UsageError("; ".join(reasons))
    target = root / f"{args.id}.yaml"
    twin = target.with_suffix(".yml")  # writeback.create refuses an existing target itself
    if twin.exists():
        raise UsageError(f"{display_path(twin)} already exists: not overwriting it")
    if incident is not None:
        text = novel.draft_type(
            loaded.library, incident, args.id, args.category, args.clock.now().date(), scaffold.schema_reference(root)
        )
    else:
        text = scaffold.skeleton(
            args.id, args.title, args.category, loaded.library, scaffold.schema_reference(root), args.clock.now().date()
        )
    try:
        writeback.create(target, text)
    except FileExistsError:
        raise UsageError(f"{display_path(target)} already exists: not overwriting it") from None
    except OSError as error:
        raise UsageError(f"cannot write {display_path(target)}: {error.strerror or error}") from None
    shown = display_path(target)
    print(f"wrote {shown}: fill in each section, then check it with `playbook validate {shown}`")
    print(f"see it as a leader will, following every save: `playbook preview {shown}`")
    return EXIT_OK

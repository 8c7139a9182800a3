"""`playbook new ID --category CAT --title TITLE`: start a playbook from a valid skeleton."""

from __future__ import annotations

import argparse
from pathlib import Path

from playbook.cli import EXIT_OK, UsageError

HELP = "write a new incident file: every section, with guidance, valid as written"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="the new incident type's id, for example supplier-fraud")
    parser.add_argument("--category", required=True, help="a category id from library.yaml")
    parser.add_argument("--title", required=True, help="the name a leader would search for")


def run(args: argparse.Namespace) -> int:
    from playbook import scaffold, writeback
    from playbook.library import LIBRARY_FILE, display_path, load

    root = args.library or Path.cwd()
    if not (root / LIBRARY_FILE).is_file():
        raise UsageError(
            f"no {LIBRARY_FILE} in {display_path(root)}: run this in a library folder, or pass --library PATH"
        )
    loaded = load(root, only=[])
    if loaded.library is None:
        raise UsageError(f"the library cannot be used: {loaded.problems[0]}")
    reasons = scaffold.problems_with(args.id, args.title, args.category, loaded.library)
    if reasons:
        raise UsageError("; ".join(reasons))
    target = root / f"{args.id}.yaml"
    twin = target.with_suffix(".yml")  # writeback.create refuses an existing target itself
    if twin.exists():
        raise UsageError(f"{display_path(twin)} already exists: not overwriting it")
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

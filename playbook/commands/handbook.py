"""`playbook handbook`: the library on paper, for the binder kept for when the systems are down."""

from __future__ import annotations

import argparse

from playbook.cli import EXIT_OK, UsageError
from playbook.commands.common import usable_library

HELP = "the library as a printable handbook (HTML or PDF) or as pocket cards, one per incident type"
FORMATS = ("pdf", "html", "card", "card-html")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument("--types", default="", metavar="ID,...", help="only these incident types")
    chosen.add_argument("--category", help="only the types of this category")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="pdf",
        help="pdf or html: the handbook; card: one A6 page per type (PDF); card-html: the cards as HTML",
    )
    add_print_options(parser)


def add_print_options(parser: argparse.ArgumentParser) -> None:
    """Paper, printed date and output file: shared with `playbook drill packet`."""
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (default a4)")
    parser.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="the date printed on every page (default today, or $SOURCE_DATE_EPOCH for a reproducible build)",
    )
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")


def run(args: argparse.Namespace) -> int:
    from playbook import handbook

    library = usable_library(args, whole=True)
    ids = [i.strip() for i in args.types.split(",") if i.strip()]
    if args.category and library.category(args.category) is None:
        known = ", ".join(c.id for c in library.categories)
        raise UsageError(f"no category '{args.category}' (the categories: {known})")
    try:
        types = handbook.selection(library, ids, args.category)
    except KeyError as error:
        raise UsageError(f"no incident type '{error.args[0]}'; `playbook list` shows them") from None
    if not types:
        raise UsageError("nothing to print: no incident type matches")
    printed = printed_date(args)
    if args.format in ("card", "card-html"):
        page = handbook.cards(library, types, printed=printed)
    else:
        page = handbook.handbook(library, types, printed=printed, paper=args.paper)
    write(args, page, pdf=args.format in ("pdf", "card"))
    print(f"{args.output}: {len(types)} incident type{'s' * (len(types) != 1)}")
    return EXIT_OK


def printed_date(args: argparse.Namespace):
    import os
    from datetime import UTC, date, datetime

    if args.date:
        try:
            return date.fromisoformat(args.date)
        except ValueError:
            raise UsageError(f"--date {args.date!r} is not a date like 2026-12-06") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return args.clock.now().date()


def write(args: argparse.Namespace, page: str, *, pdf: bool) -> None:
    """The page as HTML or PDF at --output, written whole or not at all."""
    from pathlib import Path

    from playbook.pdf import PdfUnavailable, to_pdf
    from playbook.writeback import save_output

    try:
        raw = to_pdf(page) if pdf else page.encode("utf-8")
    except PdfUnavailable as error:
        raise UsageError(str(error)) from None
    target = Path(args.output)
    try:
        save_output(target, raw)
    except OSError as error:
        raise UsageError(f"cannot write {target}: {error.strerror or error}") from None

"""An author's review of a draft lesson (`status: draft`, as a drill's debrief proposes them):
accept it (the status line goes, and leaders see the lesson) or reject it (the lesson goes).

Edits the incident file's text in place, like playbook.writeback: atomically, keeping the
author's layout, and refusing (EditError) any edit that would change more than it should."""

from __future__ import annotations

import re
from pathlib import Path

from playbook import source
from playbook.writeback import Conflict, EditError, Snapshot, replace, snapshot

__all__ = ["Conflict", "EditError", "review"]

_STATUS = re.compile(r"^\s+status:\s*draft\s*(#.*)?$")
_PROPOSED = re.compile(r"^\s*# Proposed from drill ")


def review(path: Path | str, lesson_id: str, accept: bool, read: Snapshot | None = None) -> Snapshot:
    """Accept or reject the draft lesson `lesson_id` in the incident file at `path`."""
    snap = read or snapshot(path)
    return replace(snap, reviewed(snap.text, lesson_id, accept, str(snap.path)))


def reviewed(text: str, lesson_id: str, accept: bool, name: str = "<incident>") -> str:
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.replace("\r\n", "\n").split("\n")
    before = _parse("\n".join(lines), name)
    lessons = before.data.get("lessons") or []
    index = next((n for n, item in enumerate(lessons) if isinstance(item, dict) and item.get("id") == lesson_id), None)
    if index is None:
        raise EditError(f"{name}: no lesson '{lesson_id}'")
    if lessons[index].get("status") != "draft":
        raise EditError(f"{name}: lesson '{lesson_id}' is not a draft: it was reviewed already")
    first, last = _span(before, lines, index, len(lessons))
    if accept:
        found = [n for n in range(first, last) if _STATUS.match(lines[n])]
        if len(found) != 1:
            raise EditError(f"{name}: lesson '{lesson_id}' is not written one key a line: edit its status by hand")
        edited = lines[: found[0]] + lines[found[0] + 1 :]
        expected = [dict(item) for item in lessons]
        del expected[index]["status"]
    else:
        while first > 0 and _PROPOSED.match(lines[first - 1]):  # the proposal's own comment goes with it
            first -= 1
        edited = lines[:first] + lines[last:]
        expected = [item for n, item in enumerate(lessons) if n != index]
        if not expected:  # an empty `lessons:` would read as null: drop the key too
            key = next(n for n, line in enumerate(edited) if line.startswith("lessons:"))
            edited = edited[:key] + edited[key + 1 :]
    after = _parse("\n".join(edited), name)
    wanted = (
        dict(before.data, lessons=expected) if expected else {k: v for k, v in before.data.items() if k != "lessons"}
    )
    if after.data != wanted:
        raise EditError(
            f"{name}: the lesson could not be {'accepted' if accept else 'rejected'} without changing other content"
        )
    return "\n".join(edited).replace("\n", newline)


def _span(document: source.Document, lines: list[str], index: int, count: int) -> tuple[int, int]:
    """The 0-based line range [first, last) of the lesson item `index` in block style."""
    first = document.where(("lessons", index))[0] - 1
    if not lines[first].lstrip().startswith("- "):
        raise EditError(f"{document.path}: the lessons are not written as a block list: edit by hand")
    if index + 1 < count:
        last = document.where(("lessons", index + 1))[0] - 1
        while last > first and _PROPOSED.match(lines[last - 1]):
            last -= 1  # the next proposal's comment stays with the next lesson
    else:
        indent = len(lines[first]) - len(lines[first].lstrip())
        last = first + 1
        while last < len(lines) and (not lines[last].strip() or len(lines[last]) - len(lines[last].lstrip()) > indent):
            last += 1
        while last > first + 1 and not lines[last - 1].strip():
            last -= 1
    return first, last


def _parse(text: str, name: str) -> source.Document:
    document, problems = source.parse(text.encode("utf-8"), name)
    if document is None or not isinstance(document.data, dict):
        reason = f": {problems[0]}" if problems else ""
        raise EditError(f"{name} cannot be edited until it reads cleanly{reason}")
    return document

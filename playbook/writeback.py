"""Writing library files safely: atomically, keeping the author's layout, never over their edits.

A mentor's file is their work. When the program writes one (a new skeleton, a lesson proposed
by a drill debrief) it

* writes a temporary file beside it, fsyncs it, then renames it into place, so a crash leaves
  either the old file or the new one, never half of each;
* edits the text, not a re-dump of the data: comments, key order, quoting and blank lines
  stay as the author wrote them, and the result is re-parsed to prove only the intended
  value changed;
* refuses to write if the file changed on disk since it was read (an editor, git, a colleague).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import attrs
import yaml

from playbook import source
from playbook.problems import quote
from playbook.validate import schema_problems


class Conflict(Exception):
    """The file changed on disk since it was read: writing would lose someone's edits."""


class EditError(Exception):
    """The edit cannot be made safely (the file is broken, or the result would differ)."""


@attrs.frozen
class Snapshot:
    """A file's text as it was read, and the fingerprint that detects later changes."""

    path: Path
    text: str
    digest: str


def _digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def snapshot(path: Path | str) -> Snapshot:
    path = Path(path)
    raw = path.read_bytes()
    return Snapshot(path, raw.decode("utf-8-sig"), _digest(raw))


def changed_since(snap: Snapshot) -> bool:
    try:
        return _digest(snap.path.read_bytes()) != snap.digest
    except FileNotFoundError:
        return True


def replace(snap: Snapshot, text: str) -> Snapshot:
    """Write `text` over the file read as `snap`, atomically; Conflict if it changed since."""
    raw = text.encode("utf-8")
    _write_atomic(snap.path, raw, overwrite=True, unless_changed=snap)
    return Snapshot(snap.path, text, _digest(raw))


def create(path: Path | str, text: str) -> Snapshot:
    """Write a new file atomically; FileExistsError if anything is already there."""
    path = Path(path)
    raw = text.encode("utf-8")
    _write_atomic(path, raw, overwrite=False)
    return Snapshot(path, text, _digest(raw))


def save_output(path: Path, raw: bytes) -> None:
    """Write a generated file (a handbook, a packet) whole or not at all, replacing an older one."""
    _write_atomic(path, raw, overwrite=path.exists())


def _write_atomic(path: Path, raw: bytes, *, overwrite: bool, unless_changed: Snapshot | None = None) -> None:
    if not overwrite and path.exists():
        raise FileExistsError(f"{path} already exists")
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(raw)
            out.flush()
            os.fsync(out.fileno())
        if overwrite:
            # Checked again just before the rename: the window for a lost edit stays tiny.
            if unless_changed is not None and changed_since(unless_changed):
                raise Conflict(f"{path} changed on disk since it was read; reload it and try again")
            os.chmod(temporary, path.stat().st_mode & 0o7777)
            os.replace(temporary, path)
        else:
            os.chmod(temporary, 0o666 & ~_UMASK)
            _claim(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _claim(temporary: str, path: Path) -> None:
    """Move the finished temporary file to a name that must not exist yet."""
    try:
        # A hard link fails if the name exists, so a file created meanwhile is never replaced.
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (some network or FAT drives): claim the name, then rename
        with open(path, "x"):
            pass
        os.replace(temporary, path)
        return
    os.unlink(temporary)


def _read_umask() -> int:
    # Read once at import: setting the umask to read it is process-wide, so not from threads.
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def _sync_folder(folder: Path) -> None:
    # The rename itself is durable only once the folder's entry is on disk (POSIX).
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def with_lesson(text: str, lesson: dict[str, Any], name: str = "<incident>", block: str = "") -> str:
    """`text` with `lesson` appended to its top-level `lessons:` list, layout untouched.

    `block` is the lesson as YAML text to append as written (a `- ` item, comments included,
    re-indented to the list's indentation), as a mentor reviewed it; by default one key a line.
    Raises EditError if the file cannot be parsed, the lesson id is taken, or the result
    would not read back as exactly the old data plus the new lesson."""
    newline = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n")
    before = _parse(text, name)
    lessons = before.data.get("lessons")
    if lessons is not None and not isinstance(lessons, list):
        raise EditError(f"{name}: `lessons` is not a list")
    if any(isinstance(item, dict) and item.get("id") == lesson.get("id") for item in lessons or ()):
        raise EditError(f"{name}: a lesson with id {quote(lesson.get('id'))} already exists")

    item = _dedented(block) if block.strip() else _block_item(lesson, "")
    if lessons is None:
        edited = text + ("" if text.endswith("\n") or not text else "\n") + "lessons:\n" + _indented(item, "  ")
    elif (flow_end := _flow_sequence_end(text, "lessons")) is not None:
        # An inline list has no room for comments or block layout: the lesson goes in as JSON.
        separator = ", " if lessons else ""
        edited = text[:flow_end] + separator + json.dumps(lesson, ensure_ascii=False) + text[flow_end:]
    else:
        edited = _append_block_item(text, before, len(lessons), item)

    after = _parse(edited, name)
    expected = dict(before.data, lessons=[*(lessons or []), lesson])
    if after.data != expected:
        raise EditError(f"{name}: the lesson could not be added without changing other content")
    grown = schema_problems(after, "incident-type")
    if len(grown) > len(schema_problems(before, "incident-type")):
        raise EditError(f"the lesson does not fit the format: {grown[0]}")
    return edited.replace("\n", newline)


def add_lesson(path: Path | str, lesson: dict[str, Any], read: Snapshot | None = None, block: str = "") -> Snapshot:
    """Append a lesson to an incident file on disk (as `block` reads, if given: see with_lesson).
    Pass the Snapshot taken when the file was read for display, so edits made since then are
    detected (Conflict) rather than lost."""
    snap = read or snapshot(path)
    return replace(snap, with_lesson(snap.text, lesson, str(snap.path), block))


def _dedented(block: str) -> str:
    rows = [row.rstrip() for row in block.replace("\r\n", "\n").strip("\n").split("\n")]
    margin = min(len(row) - len(row.lstrip(" ")) for row in rows if row.strip())
    return "\n".join(row[margin:] for row in rows) + "\n"


def _indented(item: str, indent: str) -> str:
    return "".join(f"{indent}{row}\n" if row.strip() else "\n" for row in item.rstrip("\n").split("\n"))


def _parse(text: str, name: str) -> source.Document:
    document, problems = source.parse(text.encode("utf-8"), name)
    if document is None or not isinstance(document.data, dict):
        reason = f": {problems[0]}" if problems else ""
        raise EditError(f"{name} cannot be edited until it reads cleanly{reason}")
    return document


def _block_item(value: dict[str, Any], indent: str) -> str:
    """One list item in block style, one key a line, lists in flow style (`steps: [isolate]`):
    the way authors write lessons."""
    rows = [f"{indent}{'- ' if n == 0 else '  '}{key}: {_inline(item)}" for n, (key, item) in enumerate(value.items())]
    return "\n".join(rows) + "\n"


def _inline(value: Any) -> str:
    # One line, whatever the length. Line breaks as JSON escapes: a JSON string is valid YAML,
    # and a folded quoted scalar would depend on the indentation around it.
    if isinstance(value, str) and "\n" in value:
        return json.dumps(value, ensure_ascii=False)
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1_000_000)
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


def _flow_sequence_end(text: str, key: str) -> int | None:
    """The offset of the closing `]` of a top-level flow sequence `key: [...]`, else None."""
    depth, is_key, expect_value, inside = 0, True, False, 0
    # The pure-Python parser: its marks count characters, which is what slicing `text` needs.
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if inside:
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                inside += 1
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                inside -= 1
                if inside == 0:
                    return event.start_mark.index
            continue
        if expect_value:
            if isinstance(event, yaml.SequenceStartEvent) and event.flow_style:
                inside = 1
                continue
            return None
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            if depth == 1:
                is_key = True  # a collection at the top is a value: a key comes after it
            depth += 1
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.ScalarEvent) and depth == 1:
            expect_value = is_key and event.value == key
            is_key = not is_key
    return None


_ITEM_PREFIX = re.compile(r"^( *)- +$")


def _append_block_item(text: str, document: source.Document, count: int, item: str) -> str:
    lines = text.split("\n")
    line, col = document.where(("lessons", count - 1))
    prefix = _ITEM_PREFIX.match(lines[line - 1][: col - 1])
    if prefix is None:
        raise EditError(f"{document.path}:{line}:{col}: the last lesson is laid out in a way this edit does not handle")
    indent = len(prefix.group(1))
    end = _block_end(lines, line, indent)  # the last item runs until a line at or left of its dash
    rows = _indented(item, " " * indent).rstrip("\n").split("\n")
    return "\n".join(lines[:end] + rows + lines[end:])


def with_table(text: str, rows: list[dict[str, Any]], name: str = "<incident>") -> str:
    """`text` with its triage's `table:` replaced by `rows` (or added after `questions:`), one
    row a line in flow style; every other line, comments included, as it was.

    Raises EditError if the file cannot be parsed, its triage is not written in block style,
    or the result would not read back as exactly the old data with the new table."""
    newline = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n")
    before = _parse(text, name)
    triage = before.data.get("triage")
    if not isinstance(triage, dict) or not isinstance(triage.get("questions"), dict):
        raise EditError(f"{name}: the triage has no `questions` to build a table on")
    lines = text.split("\n")
    replacing = "table" in triage
    line, col = before.where_key(("triage", "table" if replacing else "questions"))
    if lines[line - 1][: col - 1].strip():
        raise EditError(f"{name}:{line}:{col}: the triage is written inline; write it in block style to import a table")
    indent = col - 1
    end = _block_end(lines, line, indent)
    block = [f"{' ' * indent}table:", *(f"{' ' * (indent + 2)}- {_row_text(row)}" for row in rows)]
    edited_lines = lines[: line - 1] + block + lines[end:] if replacing else lines[:end] + block + lines[end:]
    edited = "\n".join(edited_lines)

    after = _parse(edited, name)
    expected = dict(before.data, triage=dict(triage, table=rows))
    if after.data != expected:
        raise EditError(f"{name}: the table could not be written without changing other content")
    grown = schema_problems(after, "incident-type")
    if len(grown) > len(schema_problems(before, "incident-type")):
        raise EditError(f"the table does not fit the format: {grown[0]}")
    return edited.replace("\n", newline)


def replace_table(snap: Snapshot, rows: list[dict[str, Any]]) -> Snapshot:
    """Write `rows` as the triage table of the incident file read as `snap` (see with_table)."""
    return replace(snap, with_table(snap.text, rows, str(snap.path)))


def _block_end(lines: list[str], line: int, indent: int) -> int:
    """The index just past the value of the key on 1-based `line` at `indent`: it runs until a
    line at or left of the key that is not a comment; blank lines and left-hand comments
    just before the next key stay with that key."""

    def indentation(row: str) -> int:
        return len(row) - len(row.lstrip(" "))

    end = line
    while end < len(lines):
        row = lines[end]
        if row.strip() and not row.lstrip().startswith("#") and indentation(row) <= indent:
            break
        end += 1
    while end > line and (
        not lines[end - 1].strip()
        or (lines[end - 1].lstrip().startswith("#") and indentation(lines[end - 1]) <= indent)
    ):
        end -= 1
    return end


def _row_text(row: dict[str, Any]) -> str:
    when = ", ".join(f"{_id_text(q)}: {_id_text(a)}" for q, a in row["when"].items())
    return f"{{when: {{{when}}}, outcome: {_id_text(row['outcome'])}}}"


def _id_text(value: str) -> str:
    # Ids are plain words; the few our reader would type (`1`, `true`, `null`) stay text quoted.
    typed = value in source._NULL or value in source._BOOL or source._INT.fullmatch(value)
    return json.dumps(value) if typed or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9-]*", value) else value

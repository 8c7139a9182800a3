"""Safe YAML reading that keeps a line and column for every node.

Playbooks come from many contributors, so every input is treated as hostile. We never let
PyYAML build Python objects: we walk libyaml's event stream ourselves (or, for a file with
nothing to report, libyaml's own nodes: see _plain), which lets us

* refuse anchors, aliases, merge keys, tags, duplicate and non-text keys, several documents;
* stop at a depth cap before anything recursive runs (PyYAML's C composer overflows the C
  stack on ~25,000 nested brackets; the event parser keeps its stack on the heap);
* keep every scalar as the text the author wrote. Only plain `true`/`false`, plain
  integers and `null`/`~`/empty are typed; `no`, `on`, `10:30`, `0755`, `1.10` and dates stay
  strings, and the JSON Schema decides what is valid.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from playbook import safe
from playbook.files import NotRegular, open_regular
from playbook.problems import Problem, quote

MAX_BYTES = 1_000_000
MAX_DEPTH = 48

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# libyaml's parser; None in a PyYAML built without it, where every file goes through _compose.
_CParser: Any = getattr(getattr(yaml, "cyaml", None), "CParser", None)
_ComposerBase: Any = _CParser or object

# One rule for text (playbook/safe.py), applied to the raw lines (comments included, at the
# exact column) and again to every key and value after YAML unescaping ("\e", "\x9b", "\u202e").
_RULE = {
    "control": ("P110", "control character"),
    "bidi": ("P111", "bidirectional control character"),
    "invisible": ("P114", "invisible formatting character"),
}
_CONFLICT = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(\s|$)", re.MULTILINE)
_INT = re.compile(r"-?(0|[1-9][0-9]{0,17})")
_INT_FIRST = frozenset("-0123456789")
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}

Path_ = tuple[str | int, ...]


class Document:
    """The plain data of one YAML file, with the position of every value and key."""

    __slots__ = ("path", "data", "_values", "_keys")

    def __init__(self, path: str, data: Any, values: dict, keys: dict) -> None:
        self.path = path
        self.data = data
        self._values = values
        self._keys = keys

    def where(self, at: Path_ = ()) -> tuple[int, int]:
        """Line and column (1-based) of the value at `at`, or of its nearest ancestor."""
        at = tuple(at)
        while at not in self._values and at:
            at = at[:-1]
        return self._values.get(at, (1, 1))

    def where_key(self, at: Path_) -> tuple[int, int]:
        """Line and column of the key that holds the value at `at` (its value if none)."""
        at = tuple(at)
        return self._keys.get(at) or self.where(at)

    def problem(self, at: Path_, code: str, message: str, *, key: bool = False) -> Problem:
        line, col = self.where_key(at) if key else self.where(at)
        return Problem(self.path, line, col, code, message)

    def value_positions(self, tops: Iterable[str]) -> list[tuple[Path_, int, int]]:
        """The value positions at and under the top-level keys `tops`, and of the document: all
        that `where` needs to answer for those keys exactly as this document would."""
        wanted = set(tops)
        return [(at, *place) for at, place in self._values.items() if not at or at[0] in wanted]


def read(path: Path | str, display: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Read a YAML file: the document, or None and the reasons it could not be read."""
    name = display or str(path)
    got = read_raw(path, name)
    if isinstance(got, Problem):
        return None, [got]
    return parse(got[0], name)


def read_raw(path: Path | str, name: str) -> tuple[bytes, os.stat_result] | Problem:
    """The bytes of a file (up to one past the size cap) and its status when opened, or why not."""
    try:
        stream, status = open_regular(path)
        with stream:
            return stream.read(MAX_BYTES + 1), status
    except NotRegular:
        return Problem(name, 1, 1, "P006", "not a regular file: not read")
    except OSError as error:
        return Problem(name, 1, 1, "P001", f"cannot read the file: {error.strerror or error}")


def parse(raw: bytes, name: str) -> tuple[Document | None, list[Problem]]:
    """Parse bytes as one playbook YAML document. Never raises for any input."""
    if len(raw) > MAX_BYTES:
        return None, [Problem(name, 1, 1, "P002", f"the file is larger than {MAX_BYTES:,} bytes")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [
            Problem(name, line, col, "P003", f"byte 0x{raw[error.start]:02x} is not UTF-8: save the file as UTF-8")
        ]
    text = text.replace("\r\n", "\n")
    if (document := _plain(text, name)) is not None:
        return document, []
    problems = _lexical_problems(text, name)
    # No catch-all here: libyaml's own errors are located problems (see _events), and any other
    # exception is a bug of ours that the fuzz tests must see.
    document, structural = _compose(text, name, {(p.line, p.code) for p in problems})
    if problems:
        # A tab or control character often also breaks the parse; say it once, precisely.
        # A conflict marker breaks the parse anywhere after it.
        flagged = {p.line for p in problems}
        conflicted = any(p.code == "P109" for p in problems)
        structural = [p for p in structural if not (p.code == "P101" and (conflicted or p.line in flagged))]
    problems += structural
    problems.sort(key=Problem.sort_key)
    if any(p.is_error for p in problems):
        return (document if document is not None and not structural else None), problems
    return document, problems


class _NotPlain(Exception):
    """Something in the file that the full reader must find and report."""


class _Composer(_ComposerBase):
    """libyaml's own composer, with every tag left empty: _scalar types the values."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return ""

    def descend_resolver(self, parent: Any, index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


# Anchors, aliases and tags cannot be written without these; the full reader finds them.
_NOT_PLAIN = re.compile(r"[\t&*!]")
# libyaml's C composer recurses on the C stack (it overflowed at ~25,000 levels before libyaml
# capped nesting itself); a file that might nest deeper than this goes to the full reader.
_PLAIN_DEPTH = 5_000


def _shallow(text: str) -> bool:
    """Whether `text` cannot nest deeper than _PLAIN_DEPTH, whatever libyaml's own cap: each
    flow level needs a bracket, and each block level starts past its parent's column (a list
    may share its mapping's column, once)."""
    return text.count("[") + text.count("{") + 2 * max(map(len, text.split("\n"))) + 2 < _PLAIN_DEPTH


def _plain(text: str, name: str) -> Document | None:
    """The document of a file in which there is nothing to report, composed by libyaml in C
    (three times faster than walking its events in Python); None whenever there may be
    something to report, for the full reader (_compose) to find and locate. Both take the same
    positions from the same parser, and tests/test_source.py holds them to the same answers."""
    if _CParser is None or _NOT_PLAIN.search(text) or safe.unsafe_char(text) or _CONFLICT.search(text):
        return None
    if not _shallow(text):
        return None
    composer = _Composer(text)
    try:
        node = composer.get_single_node()
        values: dict[Path_, tuple[int, int]] = {}
        keys: dict[Path_, tuple[int, int]] = {}
        data = None if node is None else _walk(node, (), 0, values, keys)
    except (yaml.YAMLError, _NotPlain):
        return None
    finally:
        composer.dispose()
    return None if data is None else Document(name, data, values, keys)


def _walk(node: yaml.Node, path: Path_, depth: int, values: dict, keys: dict) -> Any:
    """The value of `node`, recording positions as _compose does; raises _NotPlain where
    _compose would report a problem."""
    mark = node.start_mark
    values[path] = (mark.line + 1, mark.column + 1)
    if isinstance(node, yaml.ScalarNode):
        if node.style == '"' and safe.unsafe_char(node.value):  # only an escape can write one here
            raise _NotPlain
        return _scalar(node)
    if depth >= MAX_DEPTH:
        raise _NotPlain
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, (*path, index), depth + 1, values, keys) for index, item in enumerate(node.value)]
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or (not key_node.style and key_node.value == "<<"):
            raise _NotPlain
        if key_node.style == '"' and safe.unsafe_char(key_node.value):
            raise _NotPlain
        key = _scalar(key_node)
        if not isinstance(key, str) or key in mapping:
            raise _NotPlain
        at = (*path, key)
        mark = key_node.start_mark
        keys[at] = (mark.line + 1, mark.column + 1)
        mapping[key] = _walk(value_node, at, depth + 1, values, keys)
    return mapping


def _lexical_problems(text: str, name: str) -> list[Problem]:
    problems: list[Problem] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if "\t" in line:
            problems.append(Problem(name, number, line.index("\t") + 1, "P108", "tab character: indent with spaces"))
        if match := safe.unsafe_char(line.replace("\t", " ")):
            problems.append(_text_problem(name, number, match.start() + 1, match.group()))
    for match in _CONFLICT.finditer(text):
        at = text.count("\n", 0, match.start()) + 1
        problems.append(Problem(name, at, 1, "P109", f"merge-conflict marker {match.group(1)}: resolve the conflict"))
    return problems


def _text_problem(name: str, line: int, col: int, char: str) -> Problem:
    code, what = _RULE[safe.kind(char)]
    return Problem(name, line, col, code, f"{what} {safe.codepoint(char)} in text: remove it")


def _scalar(event: yaml.ScalarEvent | yaml.ScalarNode) -> Any:
    value = event.value
    if event.style:  # quoted or block scalars are always text
        return value
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if value[0] in _INT_FIRST and _INT.fullmatch(value):  # the first character spares most a regex
        return int(value)
    return value


class _Frame:
    __slots__ = ("container", "path", "key", "key_mark", "skip")

    def __init__(self, container: Any, path: Path_) -> None:
        self.container = container
        self.path = path
        self.key: Any = _NO_KEY
        self.key_mark: tuple[int, int] = (1, 1)  # set with each key, before its value
        self.skip = False  # a complex key's subtree: consumed, not kept


_NO_KEY = object()


def _mark(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    assert mark is not None  # the parser marks every event it emits
    return mark.line + 1, mark.column + 1


def _compose(text: str, name: str, flagged: set[tuple[int, str]]) -> tuple[Document | None, list[Problem]]:
    problems: list[Problem] = []
    values: dict[Path_, tuple[int, int]] = {}
    keys: dict[Path_, tuple[int, int]] = {}
    stack: list[_Frame] = []
    root: list[Any] = []
    documents = 0

    def bad(event: yaml.Event, code: str, message: str) -> None:
        line, col = _mark(event)
        problems.append(Problem(name, line, col, code, message))

    def place(event: yaml.Event, value: Any) -> Path_ | None:
        """Put a finished value where it belongs; return its path (None if dropped)."""
        if not stack:
            root.append(value)
            values[()] = _mark(event)
            return ()
        frame = stack[-1]
        if frame.skip:
            return None
        if isinstance(frame.container, list):
            path = (*frame.path, len(frame.container))
            frame.container.append(value)
            values[path] = _mark(event)
            return path
        if frame.key is _NO_KEY:  # this value is a key
            frame.key_mark = _mark(event)
            frame.key = value
            return None
        key, frame.key = frame.key, _NO_KEY
        if key is None:  # an unusable key: its problem is already reported
            return None
        path = (*frame.path, key)
        if key in frame.container:
            first = keys[path]
            line, col = frame.key_mark
            problems.append(
                Problem(name, line, col, "P105", f"duplicate key {quote(key)} (first at {first[0]}:{first[1]})")
            )
            return None
        frame.container[key] = value
        keys[path] = frame.key_mark
        values[path] = _mark(event)
        return path

    def check_key(event: yaml.ScalarEvent) -> Any:
        value = _scalar(event)
        if not event.style and event.value == "<<":
            bad(event, "P103", "merge key '<<': write the keys out")
            return None
        if not isinstance(value, str):
            bad(event, "P106", f"key {quote(event.value)} is not text: quote it or rename it")
            return None
        return value

    def check_text(event: yaml.ScalarEvent) -> None:
        """The text rule after unescaping: "\\e" in a double-quoted value is an ESC by now."""
        if not (match := safe.unsafe_char(event.value.replace("\t", " ").replace("\n", " "))):
            return
        problem = _text_problem(name, *_mark(event), match.group())
        end = event.end_mark
        assert end is not None  # the parser marks every event it emits
        lines = range(_mark(event)[0], end.line + 2)
        if not any((line, problem.code) in flagged for line in lines):  # written raw: reported at its column
            problems.append(problem)

    def expecting_key() -> bool:
        return bool(stack) and isinstance(stack[-1].container, dict) and stack[-1].key is _NO_KEY

    for event in _events(text, name, problems):
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                bad(event, "P107", "a second YAML document: one file holds one document")
                break
            continue
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
            continue
        if isinstance(event, yaml.AliasEvent):
            bad(event, "P102", f"alias *{event.anchor}: write the value out")
            if expecting_key():
                stack[-1].key = None
            else:
                place(event, None)
            continue
        if getattr(event, "anchor", None):
            bad(event, "P102", f"anchor &{event.anchor}: write each value out")
        if getattr(event, "tag", None) is not None and not (isinstance(event, yaml.ScalarEvent) and event.implicit[0]):
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            bad(event, "P104", f"explicit tag {quote(tag)}: remove it")
        if isinstance(event, yaml.ScalarEvent):
            check_text(event)
            if expecting_key():
                stack[-1].key_mark = _mark(event)
                stack[-1].key = check_key(event)
            else:
                place(event, _scalar(event))
            continue
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(stack) >= MAX_DEPTH:
                bad(event, "P112", f"nested deeper than {MAX_DEPTH} levels")
                return None, problems
            container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
            if expecting_key():  # a mapping or list used as a key
                bad(event, "P106", "a key must be plain text, not a mapping or list")
                stack[-1].key = None
                frame = _Frame(container, ())
                frame.skip = True
                stack.append(frame)
                continue
            parent_skip = bool(stack) and stack[-1].skip
            path = place(event, container)
            frame = _Frame(container, path if path is not None else ())
            frame.skip = parent_skip or path is None
            stack.append(frame)
            continue
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
            continue
    if any(p.code == "P101" for p in problems):
        return None, problems
    if not root or root[0] is None:
        if not problems:
            problems.append(Problem(name, 1, 1, "P113", "the file is empty"))
        return None, problems
    return Document(name, root[0], values, keys), problems


def _events(text: str, name: str, problems: list[Problem]):
    """libyaml's events; a syntax error ends the stream and becomes a located problem."""
    try:
        yield from yaml.parse(text, Loader=_Loader)
    except yaml.YAMLError as error:
        if "nesting depth" in str(getattr(error, "problem", "")):
            # libyaml 0.2.5 as built into PyYAML 6.0.4 has its own depth cap (1,000 flow levels), met while
            # scanning ahead, before our cap sees the events: the same problem, said the same way.
            problems.append(Problem(name, *_mark_of(error), "P112", f"nested deeper than {MAX_DEPTH} levels"))
        else:
            problems.append(_parse_error(error, name, text))


def _mark_of(error: yaml.YAMLError) -> tuple[int, int]:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _parse_error(error: yaml.YAMLError, name: str, text: str) -> Problem:
    line, col = _mark_of(error)
    what = str(getattr(error, "problem", None) or "invalid YAML")
    if "maximum nesting depth" in what:  # newer libyaml caps depth itself, reading ahead of our own cap
        return Problem(name, line, col, "P112", f"nested deeper than {MAX_DEPTH} levels")
    source_line = text.split("\n")[line - 1] if line <= text.count("\n") + 1 else ""
    hint = _hint(f"{getattr(error, 'context', None) or ''} {what}", source_line, col)
    return Problem(name, line, col, "P101", f"{what}{': ' + hint if hint else ''}")


_QUOTED_THEN_MORE = re.compile(r"""^\s*(-\s+)?[^:#]+:\s+(['"]).*?\2\s*[^\s#]""")


def _hint(problem: str, line: str, col: int) -> str:
    """What an author should do about libyaml's most common complaints."""
    if "mapping values are not allowed" in problem:
        return "text containing ': ' must be quoted, or this line is indented too far"
    if "did not find expected key" in problem or "expected <block end>" in problem:
        if _QUOTED_THEN_MORE.match(line):
            return "text goes on after a closing quote: quote the whole value"
        return "check this line's indentation against the lines above"
    if "cannot start any token" in problem:
        char = line[col - 1 : col] or "?"
        return f"a value cannot start with {char!r}: put the whole value in quotes"
    if "unexpected end of stream" in problem and "quoted" in problem:
        return "a quotation mark is never closed"
    if "expected '-' indicator" in problem:
        return "a list item and a key at the same indentation: check the indentation"
    if "expected ',' or" in problem:
        return "inside [...] or {...} a comma separates items: use block style, or quote the value"
    return ""

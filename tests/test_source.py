"""The safe YAML reader: every refusal is located, and nothing is silently coerced."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playbook import source
from playbook.paths import BUNDLED_LIBRARY
from playbook.source import parse
from tests.conftest import DATA


def problems(text: str | bytes) -> list[str]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return [f"{p.line}:{p.col} {p.code}" for p in parse(raw, "f.yaml")[1]]


def data(text: str):
    document, found = parse(text.encode("utf-8"), "f.yaml")
    assert not found, found
    return document.data


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: &x 1\nb: 2\n", ["1:4 P102"]),
        ("a: 1\nb: *x\n", ["2:4 P102"]),
        ("base: 1\n<<: {c: 1}\n", ["2:1 P103"]),
        ("a: !!str 1\n", ["1:4 P104"]),
        ("a: !custom x\n", ["1:4 P104"]),
        ("a: !!binary aGk=\n", ["1:4 P104"]),
        ("title: x\nid: y\ntitle: z\n", ["3:1 P105"]),
        ("list:\n  - {k: 1, k: 2}\n", ["2:12 P105"]),
        ("? [a, b]\n: 1\n", ["1:3 P106"]),
        ("1: one\n", ["1:1 P106"]),
        ("true: yes\n", ["1:1 P106"]),
        ("~: x\n", ["1:1 P106"]),
        ("a: 1\n---\nb: 2\n", ["2:1 P107"]),
        ("a:\n\tb: 1\n", ["2:1 P108"]),
        ("a: 'x\ty'\n", ["1:6 P108"]),
        ("a: 1\n<<<<<<< HEAD\nb: 2\n=======\nb: 3\n>>>>>>> branch\n", ["2:1 P109", "4:1 P109", "6:1 P109"]),
        ('a: "x\x1b[31m"\n', ["1:6 P110"]),
        ("a: x\x07\n", ["1:5 P110"]),
        ("a: safe \u202eevil\n", ["1:9 P111"]),
        ("a: \u2067x\n", ["1:4 P111"]),
        ("", ["1:1 P113"]),
        ("# only a comment\n", ["1:1 P113"]),
        ("a: [1, 2\n", ["2:1 P101"]),
        ("a: b: c\n", ["1:5 P101"]),
    ],
)
def test_each_refusal_is_located(text, expected):
    assert problems(text) == expected


def test_every_problem_in_a_file_is_reported_in_position_order():
    text = "b: &one 1\nc: *one\na: 1\na: 2\nd: !!str x\n"
    assert problems(text) == ["1:4 P102", "2:4 P102", "4:1 P105", "5:4 P104"]


def test_duplicate_key_message_points_at_the_first():
    (problem,) = parse(b"title: x\ntitle: y\n", "f.yaml")[1]
    assert str(problem) == "f.yaml:2:1: P105 duplicate key 'title' (first at 1:1)"


def test_bytes_that_are_not_utf8_are_located():
    assert problems(b"a: 1\nb: caf\xe9\n") == ["2:7 P003"]


def test_size_cap():
    assert problems(b"a: " + b"x" * source.MAX_BYTES) == ["1:1 P002"]


@pytest.mark.parametrize("opening", ["[", "{a: "])
def test_deep_nesting_stops_before_parsing_recursively(opening):
    # 30,000 brackets crash PyYAML's C composer; we stop at the depth cap instead.
    found = problems(opening * 30_000)
    assert [p.split()[1] for p in found] == ["P112"]


def test_block_nesting_is_capped_too():
    text = "".join(f"{'  ' * i}k{i}:\n" for i in range(source.MAX_DEPTH + 2))
    assert [p.split()[1] for p in problems(text)] == ["P112"]


def test_scalars_stay_the_text_the_author_wrote():
    assert data("a: no\nb: on\nc: 10:30\nd: 0755\ne: 1.10\nf: 2026-09-14\ng: yes\nh: 1e3\ni: .5\nj: 0x1F\n") == {
        "a": "no",
        "b": "on",
        "c": "10:30",
        "d": "0755",
        "e": "1.10",
        "f": "2026-09-14",
        "g": "yes",
        "h": "1e3",
        "i": ".5",
        "j": "0x1F",
    }


def test_only_plain_integers_booleans_and_nulls_are_typed():
    assert data("a: 15\nb: -3\nc: true\nd: false\ne: ~\nf:\ng: '15'\nh: \"true\"\n") == {
        "a": 15,
        "b": -3,
        "c": True,
        "d": False,
        "e": None,
        "f": None,
        "g": "15",
        "h": "true",
    }


def test_bom_and_crlf_are_fine():
    assert data("\ufeffa: 1\r\nb:\r\n  - x\r\n") == {"a": 1, "b": ["x"]}


def test_positions_of_values_and_keys():
    document, _ = parse(b"id: x\nsteps:\n  - id: a\n    owner: bob\n", "f.yaml")
    assert document.where(("steps", 0, "owner")) == (4, 12)
    assert document.where_key(("steps", 0, "owner")) == (4, 5)
    # A path that does not exist falls back to its nearest ancestor.
    assert document.where(("steps", 0, "missing")) == (3, 5)
    assert document.where(("nothing",)) == (1, 1)


def test_unreadable_file(tmp_path):
    document, found = source.read(tmp_path / "missing.yaml")
    assert document is None
    assert found[0].code == "P001"


def test_alias_bomb_is_refused_without_expansion():
    bomb = "a: &a [x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20)
    )
    codes = {p.split()[1] for p in problems(bomb)}
    assert codes == {"P102"}


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("why: 'Declined' by the bank\n", "text goes on after a closing quote: quote the whole value"),
        ("do: Call them: now\n", "text containing ': ' must be quoted"),
        ("list:\n  - a\n b: 1\n", "check this line's indentation"),
        ('a: "unterminated\n', "a quotation mark is never closed"),
        ("a: `cmd`\n", "a value cannot start with '`': put the whole value in quotes"),
        ("a: [b, c\n", "inside [...] or {...} a comma separates items"),
    ],
)
def test_syntax_errors_say_what_to_do(text, hint):
    (problem,) = parse(text.encode(), "f.yaml")[1]
    assert problem.code == "P101"
    assert hint in problem.message


# -- the plain path: a file with nothing to report is composed by libyaml in C ---------------------

FILES = sorted([*BUNDLED_LIBRARY.glob("*.yaml"), *DATA.glob("**/*.yaml")])


def full_read(text: str):
    with mock.patch.object(source, "_plain", return_value=None):
        return parse(text.encode("utf-8"), "f.yaml")


def agrees(text: str) -> bool:
    """Whatever the plain path reads, the full reader reads the same, with the same positions
    and nothing to report. True if the plain path read it."""
    plain = source._plain(text.replace("\r\n", "\n"), "f.yaml")
    if plain is None:
        return False
    document, found = full_read(text)
    assert found == []
    assert (plain.data, plain._values, plain._keys) == (document.data, document._values, document._keys)
    return True


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_plain_path_reads_every_clean_file_as_the_full_reader_does(path: Path):
    text = path.read_text(encoding="utf-8")
    taken = agrees(text)
    if path.parent == BUNDLED_LIBRARY and not {"&", "*", "!"} & set(text):
        assert taken, "a clean bundled file should not need the full reader"


# Each would be reported by the full reader: the plain path must leave the file to it.
HOSTILE = [
    "a: &x 1\n",
    "a: *x\n",
    "a: !!str 1\n",
    "<<: {b: 1}\n",
    "a: 1\na: 2\n",
    "1: a\n",
    "true: a\n",
    "~: a\n",
    "? [a]\n: b\n",
    "a: 1\n---\nb: 2\n",
    'a: "\\e[31m"\n',
    '"\\u202e": a\n',
    "a:\tb\n",
    "a: \u202eb\n",
    "<<<<<<< HEAD\na: 1\n",
    "a: [" * 60 + "]" * 60 + "\n",
    "- " * 20_000 + "x\n",
    "[" * 20_000,
    "",
    "# only a comment\n",
    "a: [1, 2\n",
]


def test_a_file_that_might_nest_past_the_c_stack_is_left_to_the_full_reader():
    # Whatever cap the libyaml at hand has: the bound holds without it.
    assert source._shallow("a:\n  b:\n    - [c, {d: e}]\n")
    assert not source._shallow("[" * source._PLAIN_DEPTH)
    assert not source._shallow("- " * (source._PLAIN_DEPTH // 4) + "x")
    deep = "".join(" " * level + f"k{level}:\n" for level in range(source._PLAIN_DEPTH // 2))
    assert not source._shallow(deep)


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: repr(t[:20]))
def test_anything_to_report_is_left_to_the_full_reader(text):
    assert source._plain(text, "f.yaml") is None
    assert full_read(text)[1], "the full reader reports it"


ALPHA = (DATA / "mini" / "alpha.yaml").read_text(encoding="utf-8")
PIECES = [*HOSTILE, "'", '"', ": ", "- ", "\n", "  ", "\n  - x", "#", "|\n  block", ">", "{", "}", "[", "]", ",", "\\"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(ALPHA)), st.sampled_from(PIECES)), min_size=1, max_size=3))
def test_a_mutated_file_is_read_the_same_by_both_paths_or_left_to_the_full_reader(edits):
    text = ALPHA
    for at, piece in sorted(edits, reverse=True):
        text = text[:at] + piece + text[at:]
    agrees(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:- []{}'\"\n#|>?,%@`~0123456789yesnoul")), max_size=200))
def test_yaml_shaped_text_is_read_the_same_by_both_paths_or_left_to_the_full_reader(text):
    agrees(text)

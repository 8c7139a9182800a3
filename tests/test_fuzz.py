"""Property tests: any input gives problems or a library, never an exception."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playbook.library import load, read_incident
from playbook.source import parse
from tests.conftest import MINI

ALPHA_TEXT = (MINI / "alpha.yaml").read_text(encoding="utf-8")
ALPHA = yaml.load(ALPHA_TEXT, Loader=yaml.CSafeLoader)
MINI_LIBRARY = load(MINI).library

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 10**6) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


@FAST
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(raw):
    document, problems = parse(raw, "fuzz.yaml")
    assert document is not None or problems
    assert all(p.line >= 1 and p.col >= 1 for p in problems)


@FAST
@given(st.text(alphabet=st.sampled_from(list("ab:- []{}'\"\n#&*!|>?,%@`\t~0123456789yesno")), max_size=300))
def test_yaml_shaped_text_never_raises(text):
    parse(text.encode("utf-8"), "fuzz.yaml")


def _paths(node, at=()):
    yield at
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*at, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*at, index))


ALPHA_PATHS = [p for p in _paths(ALPHA) if p]


@FAST
@given(st.lists(st.tuples(st.sampled_from(ALPHA_PATHS), json_values | st.just(...)), min_size=1, max_size=4))
def test_mutated_valid_files_give_problems_or_a_type(tmp_path_factory, mutations):
    data = copy.deepcopy(ALPHA)
    for path, value in mutations:
        parent = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            if value is ...:
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this path
    folder = tmp_path_factory.mktemp("fuzz")
    path = Path(folder) / "alpha.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    incident, problems = read_incident(path, MINI_LIBRARY, "alpha.yaml")
    assert incident is not None or any(p.is_error for p in problems)


@FAST
@given(st.lists(st.tuples(st.integers(0, len(ALPHA_TEXT) - 1), st.text(max_size=5)), min_size=1, max_size=3))
def test_text_edits_of_a_valid_file_never_raise(tmp_path_factory, edits):
    text = ALPHA_TEXT
    for offset, insert in edits:
        text = text[:offset] + insert + text[offset + 1 :]
    folder = tmp_path_factory.mktemp("edit")
    path = Path(folder) / "alpha.yaml"
    path.write_bytes(text.encode("utf-8", "replace"))  # lone surrogates become "?"
    incident, problems = read_incident(path, MINI_LIBRARY, "alpha.yaml")
    assert incident is not None or problems

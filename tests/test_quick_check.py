"""The compiled quick check may only say "valid": whatever it accepts, jsonschema accepts too.

A document it rejects is checked by jsonschema, which words every problem; so the one thing that
must never happen is an acceptance jsonschema would refuse. Held here on the bundled library,
every fixture, hostile values and documents mutated at random.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playbook.paths import BUNDLED_LIBRARY
from playbook.quick_check import PREBUILT, Unsupported, compile_check
from playbook.source import read
from playbook.validate import _never, _quick, _validator, formats_of, prebuilt_source
from tests.conftest import DATA
from tests.test_fuzz import _paths, json_values

BUNDLED = sorted(p for p in BUNDLED_LIBRARY.glob("*.yaml") if p.name != "library.yaml")
TYPES = [read(path)[0].data for path in BUNDLED[:6]]  # type: ignore[union-attr]

# Values that sit just outside a rule: dates that do not exist, a line with a newline, numbers
# for text and text for numbers, true for 1, empty and duplicate lists, an over-long line.
EDGE_VALUES = [
    "2024-02-31",
    "2024-13-01",
    "2024-2-1",
    "２０２４-01-01",
    "",
    " ",
    "x\n",
    "two\nlines",
    "UPPER",
    "a--b",
    "1.2",
    "٣.1.0",
    "https://",
    "x" * 301,
    "True",
    True,
    False,
    1,
    0,
    -1,
    10**9,
    None,
    [],
    {},
    ["a", "a"],
    [1, True],
    [{"a": 1}, {"a": 1}],
    {"": 1},
    {"Bad Key": 1},
]
EDGES = st.sampled_from(EDGE_VALUES)


def verdicts(data: Any, name: str = "incident-type") -> tuple[bool, bool]:
    """(the quick check accepts, jsonschema finds nothing)."""
    return _quick(name)(data), not any(True for _ in _validator(name).iter_errors(data))


def test_the_prebuilt_check_is_made_from_the_schema_as_it_is_now():
    # Else every cold check compiles it again (13 MB at the compiler's peak), or, were the stamp
    # not checked, a stale check could accept what the schema now refuses.
    assert PREBUILT.read_text(encoding="utf-8") == prebuilt_source(), (
        "run `python -m playbook.validate` to make playbook/incident_type_check.py afresh"
    )


def test_the_prebuilt_check_is_used_only_while_it_matches_the_schema(monkeypatch):
    import playbook.incident_type_check as prebuilt

    validator = _validator("incident-type")
    calls = []
    monkeypatch.setattr(prebuilt, "validate", lambda data, custom_formats: calls.append(data))
    assert compile_check(validator.schema, formats_of(validator), prebuilt)(TYPES[0]) and calls == [TYPES[0]]
    monkeypatch.setattr(prebuilt, "SCHEMA_SHA256", "made from another schema")
    assert not compile_check(validator.schema, formats_of(validator), prebuilt)({"id": "x"})
    assert calls == [TYPES[0]], "a stale prebuilt check is never asked"


def test_our_schemas_compile_and_the_bundled_library_passes_quickly():
    assert _quick("incident-type") is not _never and _quick("library") is not _never
    for path in [*BUNDLED, BUNDLED_LIBRARY / "library.yaml"]:
        document = read(path)[0]
        assert document is not None
        assert verdicts(document.data, "library" if path.name == "library.yaml" else "incident-type") == (True, True)


@pytest.mark.parametrize("path", sorted(DATA.glob("**/*.yaml")), ids=lambda p: str(p.relative_to(DATA)))
def test_every_fixture_gets_jsonschemas_verdict(path: Path):
    document = read(path)[0]
    if document is not None:
        quick, valid = verdicts(document.data, "library" if path.name == "library.yaml" else "incident-type")
        assert quick == valid


def _shapes(data: Any) -> list[tuple]:
    """One path of each shape (list indices as 0): every place a rule applies, once."""
    seen: dict[tuple, tuple] = {}
    for at in _paths(data):
        if at:
            seen.setdefault(tuple(0 if isinstance(step, int) else step for step in at), at)
    return list(seen.values())


def test_each_edge_value_in_each_place_gets_no_wrong_acceptance():
    # Exhaustive where the random test below samples: every value just outside a rule, put in
    # every place of a playbook in turn.
    accepted_wrongly = []
    for at in _shapes(TYPES[0]):
        for value in EDGE_VALUES:
            document = copy.deepcopy(TYPES[0])
            _mutate(document, at, "set", value)
            quick, valid = verdicts(document)
            if quick and not valid:
                accepted_wrongly.append((at, value))
    assert accepted_wrongly == []


def _mutate(data: Any, at: tuple, how: str, value: Any) -> None:
    # A copy: hypothesis hands out the same edge value to two mutations, and a dict put in one
    # place and then given itself as a key's value made the document a cycle (and changed the
    # shared edge value for later examples).
    value = copy.deepcopy(value)
    *parents, last = at
    holder = data
    for step in parents:
        holder = holder[step]
    if how == "set":
        holder[last] = value
    elif how == "delete":
        del holder[last]
    elif how == "add key" and isinstance(holder[last], dict):
        holder[last]["surprise" if value is None else str(value)[:10]] = value
    elif how == "repeat" and isinstance(holder[last], list) and holder[last]:
        holder[last].append(copy.deepcopy(holder[last][0]))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.data(),
    st.sampled_from(range(len(TYPES))),
    st.lists(
        st.tuples(st.sampled_from(["set", "set", "delete", "add key", "repeat"]), EDGES | json_values),
        min_size=1,
        max_size=3,
    ),
)
def test_a_mutated_document_is_never_accepted_when_jsonschema_refuses_it(data, which, mutations):
    document = copy.deepcopy(TYPES[which])
    for how, value in mutations:
        at = data.draw(st.sampled_from([p for p in _paths(document) if p]))
        _mutate(document, at, how, value)
    quick, valid = verdicts(document)
    assert valid or not quick, "accepted a document jsonschema refuses"


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "array", "prefixItems": [{"type": "string"}]},
        {"type": "array", "items": [{"type": "string"}]},
        {"enum": [1, 2]},
        {"const": [True]},
        {"type": "string", "format": "email"},
        {"$ref": "#/$defs/x"},
    ],
)
def test_a_schema_it_might_read_differently_gets_no_quick_check(schema):
    with pytest.raises(Unsupported):
        compile_check(schema, {})

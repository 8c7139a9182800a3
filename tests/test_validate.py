"""Schema errors become located Problems in the author's terms; our schemas are valid 2020-12."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from playbook.paths import BUNDLED_LIBRARY, SCHEMAS
from playbook.source import parse
from playbook.validate import SCHEMA_FILES, bundle, schema_problems

MINIMAL = """\
id: minimal
title: Minimal
category: cyber
version: 1.0.0
status: draft
reviewed: 2026-01-31
mentors: [{role: former CISO, years: 9}]
summary: A summary.
recognise: [A cue]
does_not_apply: [{when: a drill, instead: carry on}]
triage:
  start: q
  questions:
    q:
      ask: Bad?
      answers: [{id: no, label: No, outcome: SEV2}, {id: yes, label: Yes, outcome: SEV1}]
responses:
  SEV1: [{id: go, do: Go, owner: commander, within: 5}]
"""


def check(text: str) -> list[str]:
    document, found = parse(text.encode(), "t.yaml")
    assert not found
    return [f"{p.line}:{p.col} {p.code} {p.message}" for p in schema_problems(document, "incident-type")]


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES.values()))
def test_schemas_are_valid_draft_2020_12(name):
    schema = json.loads((SCHEMAS / name).read_text())
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    # A URN: a name nobody else can serve, so a validator following the spec never fetches it.
    assert schema["$id"] == "urn:playbook:schemas:" + name.removesuffix(".schema.json")


def refs(node) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [r for v in node.values() for r in refs(v)]
    return [r for v in node for r in refs(v)] if isinstance(node, list) else []


@pytest.mark.parametrize("name", ["incident-type", "library"])
def test_the_bundled_schemas_are_self_contained_and_up_to_date(name):
    shipped = json.loads((SCHEMAS / "bundled" / f"{name}.schema.json").read_text())
    # Regenerate with: playbook schema --bundle NAME > schemas/bundled/NAME.schema.json
    assert shipped == bundle(name)
    Draft202012Validator.check_schema(shipped)
    assert refs(shipped) and all(r.startswith("#/$defs/") for r in refs(shipped))
    for ref in refs(shipped):
        assert ref.removeprefix("#/$defs/") in shipped["$defs"]


@pytest.mark.parametrize("name", ["incident-type", "library"])
def test_every_ref_between_the_source_schemas_is_ours(name):
    for ref in refs(json.loads((SCHEMAS / SCHEMA_FILES[name]).read_text())):
        assert ref.startswith(("#/", "urn:playbook:schemas:common#/")), ref


def test_a_plain_validator_checks_the_bundled_library_with_the_bundled_schemas_and_no_retrieval():
    # What an editor or check-jsonschema does with the bundled file: no registry, no network.
    from referencing import Registry

    def refuse(uri):
        raise AssertionError(f"tried to fetch {uri}")

    for name, file in [("library", "library.yaml"), ("incident-type", "ransomware.yaml")]:
        schema = json.loads((SCHEMAS / "bundled" / f"{name}.schema.json").read_text())
        document, _ = parse((BUNDLED_LIBRARY / file).read_bytes(), file)
        validator = Draft202012Validator(schema, registry=Registry(retrieve=refuse))
        assert list(validator.iter_errors(document.data)) == []
        broken = {**document.data, "version": "one"}
        assert [e.validator for e in validator.iter_errors(broken)] == ["pattern"]


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES.values()))
def test_every_property_has_a_description_and_objects_are_closed(name):
    def walk(node, where):
        if isinstance(node, dict):
            for key, value in node.get("properties", {}).items():
                assert "description" in value, f"{name}: {where}/{key} has no description"
            if node.get("type") == "object" and "properties" in node:
                assert node.get("additionalProperties") is False, f"{name}: {where} is open"
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}/{index}")

    walk(json.loads((SCHEMAS / name).read_text()), "")


def test_minimal_file_is_valid():
    assert check(MINIMAL) == []


def test_missing_property_is_reported_at_its_parent_mapping():
    text = MINIMAL.replace("summary: A summary.\n", "")
    assert check(text) == ["1:1 P201 missing required property 'summary'"]
    nested = MINIMAL.replace("{id: go, do: Go, owner: commander, within: 5}", "{id: go, do: Go, within: 5}")
    assert check(nested) == ["18:10 P201 missing required property 'owner' in 'SEV1'"]


def test_unknown_key_is_reported_at_the_key_with_a_suggestion():
    assert check(MINIMAL.replace("summary:", "sumary:")) == [
        "1:1 P201 missing required property 'summary'",
        "8:1 P202 unknown property 'sumary' (did you mean 'summary'?)",
    ]


def test_unknown_key_far_from_any_lists_the_known_ones():
    (line,) = check(
        MINIMAL.replace("mentors: [{role: former CISO, years: 9}]", "mentors: [{role: former CISO, years: 9, zzz: 1}]")
    )
    assert line == "7:41 P202 unknown property 'zzz'; expected one of: role, years"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("version: 1.0.0", "version: 1.0", "4:10 P204 'version': '1.0' is not valid. A semantic version"),
        ("status: draft", "status: final", "5:9 P204 'status': 'final' is not one of: draft, reviewed, retired"),
        (
            "reviewed: 2026-01-31",
            "reviewed: 2026-02-30",
            "6:11 P204 'reviewed': '2026-02-30' is not valid. A calendar date",
        ),
        ("within: 5", "within: on", "18:53 P203 'within' should be a whole number, not text 'on'"),
        ("within: 5", "within: -1", "18:53 P204 'within': -1 is below the minimum of 0"),
        ("years: 9", "years: yes", "7:38 P203 'years' should be a whole number, not text 'yes'"),
        ("id: minimal", "id: Not A Slug", "1:5 P204 'id': 'Not A Slug' is not valid. An identifier"),
        ("  SEV1:", "  sev1:", "18:3 P204 key 'sev1' is not valid. A severity level id"),
        ("recognise: [A cue]", "recognise: []", "9:12 P204 'recognise': must not be empty"),
        (
            "summary: A summary.",
            "summary: true",
            "8:10 P203 'summary' should be text, not true (write it in quotes if you meant text)",
        ),
    ],
)
def test_value_rules(old, new, expected):
    found = check(MINIMAL.replace(old, new))
    assert len(found) == 1, found
    assert found[0].startswith(expected)


def test_long_values_are_cut_short_in_messages():
    (line,) = check(MINIMAL.replace("status: draft", "status: " + "x" * 500))
    assert "x" * 39 + "…'" in line
    assert len(line) < 150


def test_one_value_breaking_two_rules_is_one_problem():
    assert check(MINIMAL.replace("summary: A summary.", "summary: ''")) == ["8:10 P204 'summary': must not be empty"]


def test_no_ref_is_fetched():
    # Only our own schemas are registered: an unknown $ref fails rather than reaching the network.
    from playbook import validate

    validator = validate._validator("incident-type")
    with pytest.raises(Exception, match="Unresolvable|unresolvable|PointerToNowhere|NoSuchResource"):
        validator.evolve(schema={"$ref": "https://example.com/remote.json"}).validate({})


def test_every_missing_property_is_reported():
    text = MINIMAL.replace("summary: A summary.\n", "").replace("category: cyber\n", "").replace("title: Minimal\n", "")
    assert check(text) == [
        "1:1 P201 missing required property 'title'",  # in the schema's order
        "1:1 P201 missing required property 'category'",
        "1:1 P201 missing required property 'summary'",
    ]

"""JSON Schema validation of a Document, with every error mapped to a located Problem."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable
from functools import cache, partial
from importlib import import_module
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from playbook.paths import SCHEMAS
from playbook.problems import Problem, quote
from playbook.quick_check import PREBUILT, Unsupported, compile_check, source
from playbook.source import Document

SCHEMA_FILES = {
    "library": "library.schema.json",
    "incident-type": "incident-type.schema.json",
    "common": "common.schema.json",
}

_TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty",
}


# Each schema's $id is a URN: a name no one else can serve, that a validator following the
# specification can never try to fetch. The self-contained forms editors use sit in bundled/.
ID_PREFIX = "urn:playbook:schemas:"
BUNDLED = "bundled"


def load_schema(name: str) -> dict:
    return json.loads((SCHEMAS / SCHEMA_FILES[name]).read_text(encoding="utf-8"))


def bundle(name: str) -> dict:
    """The schema `name` self-contained: the shared definitions it uses copied into its own
    `$defs` and every `$ref` local (`#/$defs/...`), so an editor or a CI tool needs no other
    file and no network. `playbook schema --bundle` prints it; schemas/bundled/ holds it."""
    schema = load_schema(name)
    if name == "common":
        return schema
    common = load_schema("common")["$defs"]
    own = schema.get("$defs", {})
    if clash := sorted(set(own) & set(common)):
        raise ValueError(f"{SCHEMA_FILES[name]} and common.schema.json both define {', '.join(clash)}")
    shared = f"{ID_PREFIX}common#"

    def local(node: Any) -> Any:
        if isinstance(node, list):
            return [local(item) for item in node]
        if not isinstance(node, dict):
            return node
        out = {key: local(value) for key, value in node.items()}
        if isinstance(out.get("$ref"), str) and out["$ref"].startswith(shared):
            out["$ref"] = "#" + out["$ref"].removeprefix(shared)
        return out

    body = {key: local(value) for key, value in schema.items() if key != "$defs"}
    body["$id"] = f"{schema['$id']}:{BUNDLED}"
    return {**body, "$defs": {**local(own), **common}}


def bundled_path(name: str) -> Path:
    """Where the self-contained form of `name` ships, for the editors' `$schema` header."""
    return SCHEMAS / BUNDLED / SCHEMA_FILES[name]


@cache
def _validator(name: str) -> Draft202012Validator:
    # The validator checks with exactly the self-contained form authors' editors use. Its
    # registry holds that one document and has no retrieve hook: any other $ref fails here
    # instead of reaching for the network.
    schema = bundle(name)
    registry = Registry().with_resource(schema["$id"], Resource.from_contents(schema))
    return Draft202012Validator(
        _inline(schema, schema["$id"], registry), registry=registry, format_checker=FormatChecker(formats=["date"])
    )


def _inline(node: Any, base: str, registry: Registry) -> Any:
    """The schema with every $ref replaced by what it points at (ours are never recursive).

    Resolving a $ref costs URL joins on every visit and was half of a library's load time;
    the files keep their $refs for editors, only the in-memory validator is flattened. The
    target's description wins, because it states the rule that a problem message quotes.
    """
    if isinstance(node, list):
        return [_inline(item, base, registry) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _inline(value, base, registry) for key, value in node.items() if key != "$defs"}
    if "$ref" not in node:
        return node
    reference = node.pop("$ref")
    target = registry.resolver(base).lookup(reference).contents
    document = urljoin(base, reference.partition("#")[0]) if not reference.startswith("#") else base
    return {**node, **_inline(target, document, registry)}


# Compiling costs a tenth of a second, the time jsonschema takes for about 40 playbooks: worth it
# for incident types, never for the one library.yaml.
_QUICKLY_CHECKED = ("incident-type",)


@cache
def _quick(name: str) -> Callable[[Any], bool]:
    """The compiled check that may say "valid" before jsonschema runs (see quick_check); one
    that never does if the schema uses what it cannot compile exactly."""
    validator = _validator(name)
    try:
        prebuilt = import_module("playbook.incident_type_check") if name == "incident-type" else None
    except ImportError:
        prebuilt = None
    try:
        return compile_check(validator.schema, formats_of(validator), prebuilt)
    except (Unsupported, ImportError, re.error):
        return _never


def formats_of(validator: Draft202012Validator) -> dict[str, Callable[[str], bool]]:
    """The format checks the validator asserts, by name."""
    checker = validator.format_checker
    assert checker is not None  # _validator always sets one
    return {kind: partial(checker.conforms, format=kind) for kind in checker.checkers}


def _never(data: Any) -> bool:
    return False


def schema_problems(document: Document, schema: str) -> list[Problem]:
    """Every way the document breaks the schema, in position order."""
    if schema in _QUICKLY_CHECKED and _quick(schema)(document.data):
        return []
    problems: dict[tuple, Problem] = {}
    for error in _validator(schema).iter_errors(document.data):
        for problem in _explain(document, error):
            # One value breaking two rules (empty and blank, say) is one thing to fix; but each
            # missing or unknown property is its own, though all sit at one mapping.
            named = problem.message if problem.code in ("P201", "P202") else ""
            problems.setdefault((problem.line, problem.col, problem.code, named), problem)
    return sorted(problems.values(), key=Problem.sort_key)


def _explain(document: Document, error: ValidationError) -> list[Problem]:
    at = tuple(error.absolute_path)
    kind = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    value: Any = error.instance
    expected: Any = error.validator_value
    if kind == "required":
        missing = [name for name in expected if isinstance(value, dict) and name not in value]
        return [
            document.problem(at, "P201", f"missing required property {quote(name)}{_where(at)}") for name in missing
        ]
    if kind == "additionalProperties" and isinstance(value, dict):
        known = sorted(schema.get("properties", {}))
        problems = []
        for key in value:
            if key in known:
                continue
            hint = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            suggestion = (
                f" (did you mean {quote(hint[0])}?)"
                if hint
                else f"; expected one of: {', '.join(known)}"
                if known
                else ""
            )
            problems.append(
                document.problem((*at, key), "P202", f"unknown property {quote(key)}{suggestion}", key=True)
            )
        return problems
    if "propertyNames" in error.relative_schema_path:
        # The error's instance is the offending key, reported at the key.
        return [document.problem((*at, value), "P204", f"key {_rule(error)}", key=True)]
    if kind == "type":
        expected = expected if isinstance(expected, list) else [expected]
        wanted = " or ".join(_TYPE_NAMES.get(t, t) for t in expected)
        return [document.problem(at, "P203", f"{_field(at)} should be {wanted}, not {_describe(value)}")]
    return [document.problem(at, "P204", f"{_field(at)}: {_rule(error)}")]


def _rule(error: ValidationError) -> str:
    """A sentence for a value rule, in the author's terms rather than the validator's."""
    kind = error.validator
    expected: Any = error.validator_value
    value: Any = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    if kind in ("pattern", "format"):
        return f"{quote(value)} is not valid. {schema.get('description', '')}".strip()
    if kind == "enum":
        return f"{quote(value)} is not one of: {', '.join(map(str, expected))}"
    if kind == "const":
        return f"must be {json.dumps(expected)}, not {quote(value)}"
    if kind == "minLength":
        return "must not be empty" if expected == 1 else f"must be at least {expected} characters"
    if kind == "maxLength":
        return f"is {len(value)} characters long; the most is {expected}"
    if kind == "minItems":
        return "must not be empty" if expected == 1 else f"needs at least {expected} items, has {len(value)}"
    if kind == "maxItems":
        return f"has {len(value)} items; the most is {expected}"
    if kind == "minProperties":
        return "must not be empty"
    if kind == "minimum":
        return f"{value} is below the minimum of {expected}"
    if kind == "maximum":
        return f"{value} is above the maximum of {expected}"
    if kind == "uniqueItems":
        return "has the same item twice"
    return error.message if len(error.message) < 120 else error.message[:119] + "…"


def _field(at: tuple) -> str:
    names = [str(part) for part in at if isinstance(part, str)]
    return f"'{names[-1]}'" if names else "the document"


def _where(at: tuple) -> str:
    return f" in {_field(at)}" if at else ""


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (write it in quotes if you meant text)"
    if value is None:
        return "empty"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"text {quote(value)}"
    return _TYPE_NAMES["object" if isinstance(value, dict) else "array"]


def prebuilt_source() -> str:
    """What playbook/incident_type_check.py must hold: the compiled check of today's schema."""
    validator = _validator("incident-type")
    return source(validator.schema, formats_of(validator))


if __name__ == "__main__":  # python -m playbook.validate: make the prebuilt check afresh
    PREBUILT.write_text(prebuilt_source(), encoding="utf-8")
    print(f"wrote {PREBUILT}")

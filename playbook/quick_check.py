"""A compiled schema check that may only say "valid".

jsonschema is the validator of record and words every problem, but it walks the schema at run
time (about 3 ms a playbook, half of a cold validate). fastjsonschema compiles the same schema
to Python once and checks a valid playbook ten times faster. It is trusted only to accept: a
document it rejects goes to jsonschema, which finds and words the problems, so every message
is jsonschema's. It must therefore never accept what jsonschema rejects; tests/test_quick_check.py
holds it to that on the bundled library, the hostile fixtures and mutated documents. Where it is
stricter (its `$` does not match before a final newline) only time is lost.

Compiling the generated code costs Python's compiler 13 MB at its peak, a third of a cold
validate's memory. So the check of incident types ships prebuilt (incident_type_check.py, made
by `python -m playbook.validate`), imported from its bytecode; it is used only while it was
made from the schema as it is now, else the schema is compiled as before.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

# The keywords the compiled check understands exactly as Draft 2020-12 does, given a schema whose
# $refs are inlined (validate._inline) and whose `items` is one schema. A schema using any other
# keyword gets no quick check rather than a wrong one.
_SUBSCHEMA = frozenset({"items", "additionalProperties", "propertyNames", "not"})
_SUBSCHEMAS = frozenset({"oneOf", "anyOf", "allOf"})
_MAPS = frozenset({"properties"})
_VALUES = frozenset(
    {
        "type",
        "required",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minLength",
        "maxLength",
        "pattern",
        "minimum",
        "maximum",
        "minProperties",
        "maxProperties",
        "format",
    }
)
_ANNOTATIONS = frozenset({"description", "title", "$comment", "examples", "$id", "$schema", "default"})
_DRAFT7 = "http://json-schema.org/draft-07/schema#"


class Unsupported(ValueError):
    """The schema uses something the compiled check might read differently."""


def compile_check(
    schema: Any, formats: Mapping[str, Callable[[str], bool]], prebuilt: ModuleType | None = None
) -> Callable[[Any], bool]:
    """A function that says True only for documents valid against `schema`; False means "ask
    jsonschema". `formats` are the format checks jsonschema asserts, by name; any other format
    makes the schema Unsupported, as does any keyword not listed above. `prebuilt` (a module
    written by `source`) is used instead of compiling if it was made from this schema."""
    lean = _lean(schema, formats)
    if prebuilt is not None and getattr(prebuilt, "SCHEMA_SHA256", None) == _digest(lean):
        check = partial(prebuilt.validate, custom_formats=dict(formats))
    else:
        import fastjsonschema  # only a cold check of many files needs it

        check = fastjsonschema.compile(lean, formats=dict(formats), use_default=False, detailed_exceptions=False)

    def accepts(data: Any) -> bool:
        try:
            check(data)
        except Exception:  # noqa: BLE001 - a rejection, or a crash on odd data: jsonschema decides
            return False
        return True

    return accepts


def source(schema: Any, formats: Mapping[str, Callable[[str], bool]]) -> str:
    """The prebuilt check of `schema` as a module: fastjsonschema's code, stamped with the
    digest of the schema it was made from."""
    import fastjsonschema

    lean = _lean(schema, formats)
    code = fastjsonschema.compile_to_code(lean, formats=dict(formats), use_default=False, detailed_exceptions=False)
    return (
        "# ruff: noqa\n# mypy: ignore-errors\n"
        '"""Made by `python -m playbook.validate` from the incident-type schema: do not edit."""\n\n'
        f'SCHEMA_SHA256 = "{_digest(lean)}"\n{code}'
    )


def _lean(schema: Any, formats: Mapping[str, Callable[[str], bool]]) -> dict:
    lean = _translate(schema, formats)
    lean["$schema"] = _DRAFT7  # the kept keywords mean the same in Draft 7, which it compiles
    return lean


def _digest(lean: dict) -> str:
    return hashlib.sha256(json.dumps(lean, sort_keys=True).encode()).hexdigest()


def _translate(node: Any, formats: Mapping[str, Callable[[str], bool]]) -> dict:
    if not isinstance(node, dict):
        raise Unsupported(f"a schema that is not an object: {node!r}")
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _ANNOTATIONS:
            continue
        if key in _SUBSCHEMA:
            closed = key == "additionalProperties" and isinstance(value, bool)
            out[key] = value if closed else _translate(value, formats)
        elif key in _SUBSCHEMAS:
            out[key] = [_translate(item, formats) for item in value]
        elif key in _MAPS:
            out[key] = {name: _translate(item, formats) for name, item in value.items()}
        elif key in ("enum", "const"):
            # Python's == takes True for 1 and [1] for [True]; the generated test checks the type
            # of a text, true/false or empty value first, so only those are kept. fastjsonschema
            # 2.22 cannot compile `const` without detailed exceptions: a one-value enum is the same rule.
            values = value if key == "enum" else [value]
            if not all(item is None or isinstance(item, (str, bool)) for item in values):
                raise Unsupported(f"{key} of a number, list or mapping")
            out["enum"] = values
        elif key == "format" and value not in formats:
            raise Unsupported(f"format {value!r}")
        elif key in _VALUES:
            out[key] = value
        else:
            raise Unsupported(f"keyword {key!r}")
    return out


PREBUILT = Path(__file__).with_name("incident_type_check.py")

"""A new incident type's skeleton: every section, short guidance, valid as written.

The skeleton is built from the library it joins (its severity scale, roles and categories),
so `playbook validate` passes on it straight away and the author only ever edits a working
file. Its first line points YAML-aware editors at our schema for completion while typing.
"""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

from playbook.model import Library, Severity
from playbook.paths import SCHEMAS

SLUG = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
MAX_ANSWERS = 9  # the format's limit on answers per question
_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 ,.()/'-]*$")
_TYPED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}

# The sentences a mentor replaces. Plain text that passes the schema, so the skeleton is valid
# as written; lint (P507) reports any left behind once the playbook is no longer a draft.
PROMPTS = {
    "do": "Say what to do first, as an instruction a leader can give",
    "why": "Say why this works; the reason is what makes it stick",
    "role": "Describe your role and field, for example former COO, manufacturing",
    "summary": "Say in two or three sentences what this incident is and what matters most.",
    "cue": "Describe the first sign a leader notices",
    "when": "Describe a situation that looks like this one but is not",
    "instead": "Say what to do instead",
    "help": "Say how a leader finds this out quickly",
}


def schema_reference(folder: Path, schema: str = "incident-type.schema.json") -> str:
    """The schema's path relative to `folder` (editors resolve it from the file), else absolute."""
    target = (SCHEMAS / schema).resolve()
    try:
        return Path(os.path.relpath(target, Path(folder).resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return target.as_uri()


def problems_with(incident_id: str, title: str, category: str, library: Library) -> list[str]:
    """What stops a skeleton from being valid, in words for the command line."""
    reasons = []
    if not SLUG.fullmatch(incident_id) or len(incident_id) > 64:
        reasons.append(
            f"id {incident_id!r} must be lower-case letters, digits and single hyphens, starting with a letter"
        )
    if not title.strip() or "\n" in title or len(title) > 300:
        reasons.append("the title must be one line of text, at most 300 characters")
    if library.category(category) is None:
        reasons.append(
            f"category {category!r} is not in library.yaml (one of {', '.join(c.id for c in library.categories)})"
        )
    return reasons


def skeleton(
    incident_id: str, title: str, category: str, library: Library, schema_ref: str, today: date | None = None
) -> str:
    """The text of a new incident file. Call problems_with() first: this assumes valid input."""
    levels = list(reversed(library.severities))  # mild to severe, as answers are ordered
    answers = [
        f"        - {{id: {level.id.lower()}, label: {_scalar(_first_sentence(level))}, outcome: {level.id}}}"
        for level in levels[:MAX_ANSWERS]
    ]
    if len(answers) < MAX_ANSWERS:
        answers.append("        - {id: unsure, label: Not known yet, unknown: true}   # acts on the most severe answer")
    owner = library.roles[0].id
    roles = ", ".join(r.id for r in library.roles)
    responses = []
    for level in library.severities[:MAX_ANSWERS]:
        responses += [
            f"  {level.id}:   # {level.name}: first action within {level.first_action_within} min",
            "    - id: first-move   # the same id in several severities is the same step",
            f"      do: {PROMPTS['do']}",
            f"      owner: {owner}   # a role id: {roles}",
            f"      within: {level.first_action_within}   # minutes from declaration",
            f"      why: {PROMPTS['why']}",
        ]
    lines = [
        f"# yaml-language-server: $schema={schema_ref}",
        f"# {title}: a new playbook. Replace each sentence that starts with Say or Describe,",
        f"# then run: playbook validate {incident_id}.yaml",
        "# Text is plain: no markup. A leader reads this under pressure, so keep it short.",
        "",
        f"id: {incident_id}   # the file is named {incident_id}.yaml",
        f"title: {_scalar(title)}   # the name a leader would search for",
        f"category: {category}   # one of: {', '.join(c.id for c in library.categories)}",
        "tags: []   # other words a leader might type when searching",
        "synonyms: []   # how people say it when it happens: - our payment system is down",
        "version: 0.1.0   # bump it when the response changes",
        "status: draft   # draft, then reviewed once a second mentor has checked it",
        f"reviewed: {(today or date.today()).isoformat()}   # the date of the last review",
        "mentors:   # credited by role and experience, not by name",
        f"  - role: {PROMPTS['role']}",
        "    years: 0   # your years of relevant experience",
        "summary: >-   # shown first: what this is and what matters most",
        f"  {PROMPTS['summary']}",
        "recognise:   # what a leader sees or hears when this is happening",
        f"  - {PROMPTS['cue']}",
        "does_not_apply:   # when the proven response does not fit, and what to do instead",
        f"  - when: {PROMPTS['when']}",
        f"    instead: {PROMPTS['instead']}",
        "related: []   # ids of related incident types",
        "references: []   # public sources, https only: - {title: ..., url: https://...}",
        "clocks: []   # deadlines: what, within, hours, starts, recipient, duty (must or where-feasible),"
        " jurisdiction, source, url",
        "",
        "# Triage: a few questions, answerable in seconds, that lead to a severity.",
        "# Answers run from mild to severe; each gives `next: <question>` or `outcome: <severity>`.",
        "# An answer meeting a criterion of library.yaml says so (`means: [life-at-risk]`) and is held to its floor.",
        "triage:",
        "  start: impact",
        "  questions:",
        "    impact:",
        "      ask: Which description fits what is happening now?",
        f"      help: {PROMPTS['help']}",
        "      answers:",
        *answers,
        "",
        "# The proven response for every severity the triage can reach, steps in the order they start.",
        "responses:",
        *responses,
        "",
        "# Lessons: what went wrong before and what to do instead, linked to steps.",
        "#   - {id: waited-too-long, steps: [first-move], mistake: ..., instead: ..., story: ...}",
        "lessons: []",
        "",
        "# Drills: a tabletop scenario released as injects on a clock. Give one a twist:",
        "# an inject where the proven response does not fit and the team must think.",
        "drills: []",
        "",
    ]
    return "\n".join(lines)


def _first_sentence(level: Severity) -> str:
    sentence = level.definition.split(". ")[0].strip().rstrip(".")
    return f"{level.name}: {sentence}"[:300]


def _scalar(text: str) -> str:
    """Plain when it reads back as the same text, else a JSON string (valid YAML)."""
    if _PLAIN.fullmatch(text) and text.lower() not in _TYPED and not text.endswith(" "):
        return text
    return json.dumps(text, ensure_ascii=False)

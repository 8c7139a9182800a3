"""When no playbook fits: the coaching half of the product.

Mentoring transfers proven responses, and only works for what recurs. For an incident no type
in the library covers, a leader gets instead: a generic triage asking the library's own severity
criteria (library.yaml `criteria:`) directly, the severity's generic duties, and a short set of
coaching prompts answered in a line each and kept in the journal. The nearest types are offered
as "playbooks that might help", and any of their steps can be borrowed onto the board.

A novel incident is declared and followed like any other live incident; its type id is `novel`,
which the library cannot use for a type (P310), so the two never clash.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime

import attrs
import yaml

from playbook.checks import RESERVED_ID
from playbook.incident import COMMANDER, COMMANDER_ROLES, Incident, IncidentError, SeverityInfo, _text
from playbook.journal import Draft, draft
from playbook.model import IncidentType, Library
from playbook.search import best, entries

NOVEL = RESERVED_ID
NOVEL_TITLE = "Not in the library (a novel incident)"
YES, NO, UNKNOWN = "yes", "no", "unknown"
ANSWER_LABELS = {YES: "Yes", NO: "No", UNKNOWN: "Not known yet"}

# What a coach asks in the first hour, in the order a leader can answer them: facts before
# judgments, people before decisions, and the clocks, which are the easiest to miss.
PROMPTS: tuple[tuple[str, str], ...] = (
    ("known", "What do we know for certain?"),
    ("unknown", "What do we not know yet, and who can find out?"),
    ("assuming", "What are we assuming without checking?"),
    ("worst-case", "What is the worst credible case in the next 24 hours?"),
    ("affected", "Who is affected, and who must hear from us first?"),
    ("decisions", "Which decisions cannot wait, and who owns each?"),
    ("clocks", "Which legal or contractual clocks might be running?"),
)

HELPFUL = 3  # how many nearest playbooks are offered


def nearest(library: Library, text: str) -> list[IncidentType]:
    """The types closest to what the leader typed, for "playbooks that might help"."""
    found = [library.type(hit.entry.id) for hit in best(text, entries(library), HELPFUL).hits] if text.strip() else []
    return [t for t in found if t is not None]


@attrs.frozen
class GenericTriage:
    """The library's criteria asked directly. `acted_on` is the severity to act on now ("not known
    yet" counts as yes, as in every triage); `settled` is the mildest it can turn out to be."""

    acted_on: str
    settled: str
    answers: tuple[tuple[str, str], ...]  # (the question, the answer in words), for the record

    @property
    def range_words(self) -> str:
        if self.acted_on == self.settled:
            return self.acted_on
        return f"{self.acted_on} (could be {self.settled} once the unknowns are known)"


def generic_triage(library: Library, answers: Mapping[str, str]) -> GenericTriage:
    """The severity from answers to the library's criteria (criterion id -> yes | no | unknown).
    With no criterion met, the mildest severity of the scale."""
    mildest = max(library.severities, key=lambda s: s.rank).id
    met = [c.floor for c in library.criteria if answers.get(c.id) == YES]
    maybe = [c.floor for c in library.criteria if answers.get(c.id) in (YES, UNKNOWN)]
    pairs = tuple(
        (c.question, ANSWER_LABELS[answers[c.id]]) for c in library.criteria if answers.get(c.id) in ANSWER_LABELS
    )
    return GenericTriage(
        acted_on=library.most_severe([*maybe, mildest]) or mildest,
        settled=library.most_severe([*met, mildest]) or mildest,
        answers=pairs,
    )


def generic_steps(library: Library, severity_id: str) -> list[dict]:
    """The duties of a severity that hold for any incident: coach the first hour, name the roles,
    tell whom the severity says to tell, all within its first-action time."""
    level = library.severity(severity_id)
    if level is None:
        raise IncidentError(f"'{severity_id}' is not a severity of the library")
    within = level.first_action_within
    lead = next((r for r in library.roles if r.id in COMMANDER_ROLES), None)

    def step(step_id: str, do: str, why: str) -> dict:
        return {
            "id": step_id,
            "do": do,
            "owner": lead.id if lead else COMMANDER,
            "owner_name": lead.name if lead else "Incident commander",
            "within": within,
            "why": why,
        }

    steps = [
        step(
            "coach-first-hour",
            "Answer the coaching prompts with your team, one line each",
            "No playbook fits: thinking it through together, out loud, is the first action",
        ),
        step("name-roles", "Name who holds each role", "Every decision needs an owner who knows it is theirs"),
    ]
    for who in level.notify:
        role = library.role(who)
        steps.append(
            step(
                f"tell-{who}"[:64],
                f"Tell the {role.name if role else who}",
                f"{level.name} incidents are reported to them, whatever the type",
            )
        )
    return steps


def declaration(library: Library, triage: GenericTriage, title: str, commander: str, now: datetime) -> Draft:
    """The first entry of a novel incident: the same shape as any declaration, type `novel`."""
    if not commander.strip():
        raise IncidentError("name the incident commander")
    level = SeverityInfo.of(library, triage.acted_on)
    return draft(
        None,
        "declared",
        commander.strip(),
        now,
        {
            "title": _text(title),
            "type": NOVEL,
            "type_title": NOVEL_TITLE,
            "severity": level.as_data(),
            "steps": generic_steps(library, triage.acted_on),
            "answers": [list(pair) for pair in triage.answers],
            "commander": commander.strip(),
        },
    )


def prompt_text(prompt_id: str) -> str:
    return dict(PROMPTS)[prompt_id]


def unanswered(coached: Iterable[str]) -> list[tuple[str, str]]:
    """The prompts not answered yet, in order."""
    done = set(coached)
    return [(p, ask) for p, ask in PROMPTS if p not in done]


# -- from novel to recurrent: a draft incident type from what happened ----------------------


def draft_type(library: Library, incident: Incident, type_id: str, category: str, today: date, schema_ref: str) -> str:
    """The text of a draft incident type (status: draft, valid as written) for a mentor to edit:
    recognition cues from the first notes, the severity questions that mattered, the steps taken
    in order with owners and the minutes they took, decisions as candidate lessons."""
    from playbook import scaffold

    coached = {e.data["prompt"]: e.data["answer"] for e in incident.coaching}
    notes = [e.data["text"] for e in incident.log if e.kind == "note"]
    cues = [_line(t) for t in [*notes[:3], coached.get("known", "")] if t.strip()] or [_line(incident.title)]
    situation = incident.situation.data["text"] if incident.situation else incident.title
    summary = f"Drafted from incident {incident.id} ({incident.declared_at:%Y-%m-%d}): {situation.rstrip('.')}."
    if coached.get("worst-case"):
        summary += f" Worst credible case foreseen: {coached['worst-case']}"
    document: dict = {
        "id": type_id,
        "title": _line(incident.title),
        "category": category,
        "tags": [],
        "version": "0.1.0",
        "status": "draft",
        "reviewed": today.isoformat(),
        "mentors": [{"role": scaffold.PROMPTS["role"], "years": 0}],
        "summary": summary[:4000],
        "recognise": list(dict.fromkeys(cues)),
        "does_not_apply": [
            {
                "when": _line(f"{_step_do(incident, e.data['step'])} did not fit: {e.data['reason']}"),
                "instead": _line(e.data["did"]),
            }
            for e in incident.deviations
        ]
        or [{"when": scaffold.PROMPTS["when"], "instead": scaffold.PROMPTS["instead"]}],
        "related": sorted({e.data["type"] for e in incident.entries if e.kind == "borrowed"}),
        "triage": None,
        "responses": None,
        "lessons": [
            {
                "id": f"decision-{n}",
                "story": f"Decided at {e.happened_at:%H:%M} by {e.actor} during incident {incident.id}.",
                "mistake": "Say what went wrong that this decision answered, or drop this lesson",
                "instead": e.data["text"],
            }
            for n, e in enumerate((e for e in incident.log if e.kind == "decision"), 1)
        ],
    }
    triage, reachable = _draft_triage(library, incident)
    steps = _steps_taken(library, incident)
    document["triage"] = triage
    document["responses"] = {level: steps for level in sorted(reachable, key=library.rank)}
    header = [
        f"# yaml-language-server: $schema={schema_ref}",
        f"# Drafted from novel incident {incident.id}. Replace each sentence that starts with Say or",
        f"# Describe, check it with: playbook validate {type_id}.yaml, then review it with a mentor.",
        *(f"# Coaching: {ask} {' '.join(coached[p].split())}" for p, ask in PROMPTS if p in coached),
        "",
    ]
    body = yaml.dump(document, Dumper=_Plain, sort_keys=False, allow_unicode=True, width=100)
    return "\n".join(header) + body


def type_id_for(title: str) -> str:
    """An id from a title: 'CEO kidnapped abroad!' -> 'ceo-kidnapped-abroad'."""
    slug = "-".join(re.findall(r"[a-z0-9]+", title.lower()))[:64].strip("-")
    return slug if slug[:1].isalpha() else f"incident-{slug}".strip("-")[:64]


def category_for(incident: Incident, library: Library) -> str:
    """The category of the first playbook it borrowed from, else the library's first category."""
    for entry in incident.entries:
        if entry.kind == "borrowed" and (borrowed := library.type(entry.data["type"])) is not None:
            return borrowed.category
    return library.categories[0].id


class _Plain(yaml.SafeDumper):
    """Every value written out: the library refuses YAML anchors and aliases (P102)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _step_do(incident: Incident, step_id: str | None) -> str:
    step = incident.step(step_id) if step_id else None
    return f"'{step.do}'" if step else "The response as a whole"


def _line(text: str) -> str:
    return " ".join(text.split())[:300]


def _draft_triage(library: Library, incident: Incident) -> tuple[dict, set[str]]:
    """One yes/no question per criterion that mattered (answered yes or not known), the most
    severe first; yes settles on its floor and says what it means, so calibration holds."""
    mildest = max(library.severities, key=lambda s: s.rank).id
    said = dict(incident.entries[0].data.get("answers", ()))
    mattered = [c for c in library.criteria if said.get(c.question) in (ANSWER_LABELS[YES], ANSWER_LABELS[UNKNOWN])]
    # A floor that is the mildest level changes nothing: asking it would be an irrelevant question.
    asked = sorted((c for c in mattered or library.criteria if c.floor != mildest), key=lambda c: library.rank(c.floor))
    if not asked:
        asked = sorted(library.criteria, key=lambda c: library.rank(c.floor))[:1]
    questions: dict = {}
    for n, criterion in enumerate(asked):
        after = {"next": asked[n + 1].id} if n + 1 < len(asked) else {"outcome": mildest}
        questions[criterion.id] = {
            "ask": criterion.question,
            "help": _line(criterion.description),
            "answers": [
                {"id": "no", "label": "No", **after},
                {"id": "yes", "label": "Yes", "outcome": criterion.floor, "means": [criterion.id]},
                {"id": "unsure", "label": "Not known yet", "unknown": True},
            ],
        }
    return {"start": asked[0].id, "questions": questions}, {mildest, *(c.floor for c in asked)}


def _steps_taken(library: Library, incident: Incident) -> list[dict]:
    """The steps done (or done otherwise), in the order they were done, with the minutes from
    declaration they took; the open ones after them, as planned, if nothing was done at all."""
    commander = next((r.id for r in library.roles if r.id in COMMANDER_ROLES), library.roles[0].id)
    handled = sorted(
        (s for s in incident.steps if s.status in ("done", "deviated") and s.at), key=lambda s: s.at or s.added_at
    )
    chosen = handled or list(incident.steps_by_due)
    steps, seen = [], set()
    for s in chosen:
        step_id = s.id.replace(".", "-")[:64]
        if step_id in seen:
            continue
        seen.add(step_id)
        took = s.at - incident.declared_at if s.at else None
        owner = s.owner if library.role(s.owner) else commander
        why = s.why or "Say why this works; the reason is what makes it stick"
        if s.status == "deviated":
            why = f"Done instead of '{s.do}' because {s.reason}"
        if s.borrowed_from:
            why = f"{why} (borrowed from {s.borrowed_from})"
        step = {
            "id": step_id,
            "do": _line(s.did if s.status == "deviated" else s.do),
            "owner": owner,
            "within": max(1, math.ceil(took.total_seconds() / 60)) if took else s.within,
            "why": why[:4000],
        }
        steps.append(step | ({"not_when": s.not_when} if s.not_when else {}))
    return steps

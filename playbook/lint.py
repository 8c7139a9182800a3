"""Warnings about content quality: rules beyond the schema that a mentor should hear about.

Each rule reports a Problem with a stable code (see problems.RULES) at the exact value to fix.
They run on every incident file after the reference checks; a library can silence a warning
for one file with a reason (`suppress:` in library.yaml, checked by `checks.suppression_problems`).
Every rule is written to cope with a file that already has errors: it skips, never raises.
"""

from __future__ import annotations

import re
from datetime import date

import networkx as nx

from playbook import scaffold, triage
from playbook.clock import SYSTEM_CLOCK
from playbook.model import Drill, IncidentType, Inject, Library
from playbook.problems import Problem, quote
from playbook.review import stale_problems


def incident_problems(incident: IncidentType, library: Library, today: date | None = None) -> list[Problem]:
    """Every lint warning for one incident type. `today` decides staleness (tests pin it)."""
    reachable = reachable_outcomes(incident)
    return [
        *first_step_problems(incident, library),
        *unanswered_severity_problems(incident, library, reachable),
        *stale_problems(incident, library, today or SYSTEM_CLOCK.now().date()),
        *missing_why_problems(incident),
        *insecure_reference_problems(incident),
        *drill_problems(incident, library, reachable),
        *leftover_prompt_problems(incident),
        *vague_clock_problems(incident),
        *label_number_problems(incident),
    ]


def reachable_outcomes(incident: IncidentType) -> dict[str, tuple]:
    """Severity id -> the source path of the first answer (or table row) that settles on it.

    Empty when the triage is too broken to walk (its errors are reported elsewhere)."""
    form = incident.triage
    if form.is_table:
        # In a valid table every row matches some combination of answers (overlaps are
        # errors), so every row's outcome can happen: the author's row is the place to point at.
        found: dict[str, tuple] = {}
        for row in form.rows:
            found.setdefault(row.outcome, ("triage", "table", row.index, "outcome"))
        return found
    tree = triage.graph(form)
    if form.start is None or not tree.has_node(form.start) or not nx.is_directed_acyclic_graph(tree):
        return {}
    reached = nx.descendants(tree, form.start)
    found = {}
    if form.has_nodes:
        for node in form.nodes or ():
            if node.id == form.start or node.id in reached:
                for answer_id, target in node.answers:
                    if not target[0].islower():
                        found.setdefault(target, ("triage", "nodes", node.id, "answers", answer_id))
        return found
    for question in form.questions:
        if question.id != form.start and question.id not in reached:
            continue
        for index, answer in enumerate(question.answers):
            if answer.outcome and answer.next is None:
                found.setdefault(answer.outcome, ("triage", "questions", question.id, "answers", index, "outcome"))
    return found


# A numbered label: "1 - High", "2. Medium", "3) Low", "4: Minor" (not "24 hours", "1.5 million").
_LEADING_NUMBER = re.compile(r"\s*([1-9])\s*(?:[-\u2013\u2014):]|\.(?!\d)|$)")


def label_number_problems(incident: IncidentType) -> list[Problem]:
    """P520: a label that begins with its own number ("1 - High") shown beside another digit:
    a leader pressing 1 for "1 - High" must not pick "3 - Low"."""
    problems = []
    for question in incident.triage.questions:
        for digit, answer in question.keyed:
            match = _LEADING_NUMBER.match(answer.label)
            if match and int(match[1]) != digit:
                index = question.answers.index(answer)
                problems.append(
                    incident.document.problem(
                        ("triage", "questions", question.id, "answers", index, "label"),
                        "P520",
                        f"the label {quote(answer.label)} begins with {match[1]} but the answer is picked with "
                        f"{digit}: give it `key: {match[1]}`, or reword the label",
                    )
                )
    return problems


def first_step_problems(incident: IncidentType, library: Library) -> list[Problem]:
    """P501: the earliest time box of a severity's response is later than that severity's
    target for the first action, so a leader following the playbook misses the target."""
    problems = []
    for response in incident.responses:
        level = library.severity(response.severity)
        if level is None or not response.steps:
            continue
        index, first = min(enumerate(response.steps), key=lambda pair: pair[1].within)
        if first.within > level.first_action_within:
            problems.append(
                incident.document.problem(
                    ("responses", response.severity, index, "within"),
                    "P501",
                    f"the first step of {response.severity}, '{first.id}', is due at {first.within} min; "
                    f"{response.severity} needs a first action within {level.first_action_within} min",
                )
            )
    return problems


def unanswered_severity_problems(
    incident: IncidentType, library: Library, reachable: dict[str, tuple]
) -> list[Problem]:
    """P502: the triage can settle on a severity for which the playbook says nothing to do."""
    answered = {r.severity for r in incident.responses}
    return [
        incident.document.problem(
            where, "P502", f"the triage can reach {severity}, but there is no response for {severity}"
        )
        for severity, where in reachable.items()
        if severity not in answered and library.severity(severity) is not None
    ]


def missing_why_problems(incident: IncidentType) -> list[Problem]:
    """P504: a step without its reason is an order, not mentoring; leaders remember reasons."""
    return [
        incident.document.problem(
            ("responses", response.severity, index),
            "P504",
            f"step '{step.id}' in {response.severity} does not say why it works: add `why:`",
        )
        for response in incident.responses
        for index, step in enumerate(response.steps)
        if not step.why.strip()
    ]


def insecure_reference_problems(incident: IncidentType) -> list[Problem]:
    """P505: plain http can be tampered with on the way; a leader must trust what they open."""
    links = [(("references", i, "url"), r.url) for i, r in enumerate(incident.references)]
    links += [(("clocks", i, "url"), c.url) for i, c in enumerate(incident.clocks) if c.url]
    return [
        incident.document.problem(where, "P505", "the address is not https: use the https address")
        for where, url in links
        if not url.lower().startswith("https://")
    ]


def drill_problems(incident: IncidentType, library: Library, reachable: dict[str, tuple]) -> list[Problem]:
    """P601: a drill needs a twist, or it trains cloning the script rather than thinking.
    P602: a drill that expects a severity the triage cannot give teaches a wrong answer."""
    problems = []
    for index, drill in enumerate(incident.drills):
        # A novel drill is all twist (no playbook fits) and its severity comes from the library's
        # criteria, not this type's triage: neither warning applies.
        if drill.expect.novel is not None:
            continue
        if not drill.twists:
            problems.append(
                incident.document.problem(
                    ("drills", index, "modules" if "modules" in incident.document.data["drills"][index] else "injects"),
                    "P601",
                    f"drill '{drill.id}' has no twist: give an inject a `twist` where the proven response does not fit",
                    key=True,
                )
            )
        problems += _judgment_problems(incident, index, drill)
        expected = drill.expect.severity
        if reachable and library.severity(expected) is not None and expected not in reachable:
            can = ", ".join(sorted(reachable, key=library.rank))
            problems.append(
                incident.document.problem(
                    ("drills", index, "expect", "severity"),
                    "P602",
                    f"drill '{drill.id}' expects {expected}, which the triage never gives (it gives {can})",
                )
            )
    return problems


def vague_clock_problems(incident: IncidentType) -> list[Problem]:
    """P508: a leader acting on a clock must know whom to tell and whether the deadline binds
    as written (`must`) or is a target that may be missed with reasons (`where-feasible`)."""
    doc = incident.source
    problems: list[Problem] = []
    if doc is None:
        return problems
    for index, clock in enumerate(incident.clocks):
        missing = [name for name in ("recipient", "duty") if not getattr(clock, name)]
        if missing:
            problems.append(
                doc.problem(
                    ("clocks", index),
                    "P508",
                    f"clock '{clock.what}' does not give {' or '.join(missing)}",
                )
            )
    return problems


def _judgment_problems(incident: IncidentType, index: int, drill: Drill) -> list[Problem]:
    """P603-P605: what makes a drill train judgment rather than recital: a twist that says what
    the proven response gets wrong and what a mentor accepts instead, a time jump, and an
    evaluator's guide for every objective. Checked on new-style drills (with `modules`)."""
    source = incident.document
    if "modules" not in source.data["drills"][index]:
        return []  # an old-style drill (one list of injects) still loads and runs as it always did
    problems = []
    for inject, twist in [(inject, inject.twist) for inject in drill.injects if inject.twist is not None]:
        if not (twist.gets_wrong.strip() and twist.adaptations):
            problems.append(
                source.problem(
                    _inject_path(incident, index, drill, inject),
                    "P603",
                    f"twist '{inject.id}' states no `gets_wrong` and acceptable `adaptations`: "
                    "without them the scoring can only reward recital",
                    key=True,
                )
            )
    if len(drill.modules) < 2:
        problems.append(
            source.problem(
                ("drills", index),
                "P604",
                f"drill '{drill.id}' has one module: add one after a time jump (`jump: It is now the next morning`)",
                key=True,
            )
        )
    for n, objective in enumerate(drill.expect.objectives):
        if objective.guide is None:
            problems.append(
                source.problem(
                    ("drills", index, "expect", "objectives", n),
                    "P605",
                    f"objective '{objective.id}' has no `guide` (what good looks like, what to observe)",
                    key=True,
                )
            )
    return problems


def _inject_path(incident: IncidentType, index: int, drill: Drill, inject: Inject) -> tuple:
    for m, module in enumerate(drill.modules):
        if inject in module.injects:
            return ("drills", index, "modules", m, "injects", module.injects.index(inject), "twist")
    return ("drills", index)


_PROMPTS = frozenset(scaffold.PROMPTS.values())


def leftover_prompt_problems(incident: IncidentType) -> list[Problem]:
    """P507: a skeleton sentence ("Say what to do first…") in a playbook leaders rely on."""
    if incident.status == "draft" or not _holds_prompt(incident.document.data):
        return []  # a draft is expected to be unfinished
    return [
        incident.document.problem(
            where,
            "P507",
            f"this is the skeleton's guidance, not the playbook's text: write it out (status is {incident.status})",
        )
        for where, value in _strings(incident.document.data)
        if value.strip() in _PROMPTS
    ]


def _holds_prompt(value) -> bool:
    """Whether any text in `value` is a skeleton sentence: the cheap test before _strings locates
    them (yielding every text with its path through nested generators is slow for every file)."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if item.strip() in _PROMPTS:
                return True
        elif isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False


def _strings(value, where: tuple = ()):
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*where, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*where, index))

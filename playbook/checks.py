"""Rules beyond the schema: ids are unique, every reference resolves, and each suppression in
library.yaml silences something.

Each rule reports Problems with a stable code (see problems.RULES) at the offending value.
Triage structure lives in triage.py; warnings about content quality live in lint.py.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from pathlib import Path

import attrs

from playbook.model import Drill, IncidentType, Inject, Library
from playbook.problems import RULES, Problem


def library_problems(library: Library, document) -> list[Problem]:
    """Unique ids in library.yaml, and notified roles that exist."""
    problems = []
    for section in ("severities", "criteria", "roles", "categories"):
        problems += _unique(document, (section,), [item.id for item in getattr(library, section)])
    for index, criterion in enumerate(library.criteria):
        if library.severity(criterion.floor) is None:
            problems.append(
                document.problem(
                    ("criteria", index, "floor"), "P305", f"floor '{criterion.floor}' is not a severity of this library"
                )
            )
    role_ids = {r.id for r in library.roles}
    for index, level in enumerate(library.severities):
        for n, role in enumerate(level.notify):
            if role not in role_ids:
                problems.append(
                    document.problem(
                        ("severities", index, "notify", n), "P304", f"role '{role}' is not in the roles catalogue"
                    )
                )
    return problems


RESERVED_ID = "novel"  # the type id of live incidents no playbook covers (playbook.novel)


def reference_problems(incident: IncidentType, library: Library) -> list[Problem]:
    """Within one incident type: ids unique, categories, roles, severities and steps resolve."""
    doc = incident.document
    problems: list[Problem] = []

    expected = f"{incident.id}.yaml"
    if Path(incident.path).name not in (expected, f"{incident.id}.yml"):
        problems.append(doc.problem(("id",), "P302", f"id '{incident.id}' should live in a file named {expected}"))
    if incident.id == RESERVED_ID:
        problems.append(
            doc.problem(("id",), "P310", f"id '{RESERVED_ID}' is kept for incidents no playbook covers: choose another")
        )
    if library.category(incident.category) is None:
        known = ", ".join(c.id for c in library.categories)
        problems.append(
            doc.problem(
                ("category",), "P303", f"category '{incident.category}' is not in library.yaml (one of {known})"
            )
        )

    for response in incident.responses:
        where: tuple[str | int, ...] = ("responses", response.severity)
        if library.severity(response.severity) is None:
            problems.append(
                doc.problem(where, "P305", f"severity '{response.severity}' is not in library.yaml", key=True)
            )
        problems += _unique(doc, where, [s.id for s in response.steps], "step")
        for index, step in enumerate(response.steps):
            if library.role(step.owner) is None:
                problems.append(
                    doc.problem((*where, index, "owner"), "P304", f"role '{step.owner}' is not in the roles catalogue")
                )

    steps = incident.step_ids
    problems += _unique(doc, ("lessons",), [lesson.id for lesson in incident.lessons], "lesson")
    for index, lesson in enumerate(incident.lessons):
        for n, step_id in enumerate(lesson.steps):
            if step_id not in steps:
                problems.append(
                    doc.problem(
                        ("lessons", index, "steps", n),
                        "P306",
                        f"lesson '{lesson.id}' names step '{step_id}', which no response has",
                    )
                )

    problems += _unique(doc, ("drills",), [d.id for d in incident.drills], "drill")
    questions = {q.id: q for q in incident.triage.questions}
    for index, drill in enumerate(incident.drills):
        where = ("drills", index)
        problems += _unique_injects(doc, where, drill)
        problems += _unique(doc, (*where, "expect", "objectives"), [o.id for o in drill.expect.objectives], "objective")
        if library.severity(drill.expect.severity) is None:
            problems.append(
                doc.problem(
                    (*where, "expect", "severity"), "P305", f"severity '{drill.expect.severity}' is not in library.yaml"
                )
            )
        for n, objective in enumerate(drill.expect.objectives):
            for m, expected_step in enumerate(objective.steps):
                if expected_step.step not in steps:
                    problems.append(
                        doc.problem(
                            (*where, "expect", "objectives", n, "steps", m, "step"),
                            "P306",
                            f"drill '{drill.id}' expects step '{expected_step.step}', which no response has",
                        )
                    )
        problems += _novel_drill(doc, where, drill)
        problems += _drill_structure(doc, where, drill, steps)
        for path_to, inject in _inject_paths(doc, where, drill):
            for question_id, answer_id in inject.reveals:
                path = (*path_to, "reveals", question_id)
                question = questions.get(question_id)
                if question is None:
                    problems.append(
                        doc.problem(
                            path,
                            "P308",
                            f"inject reveals question '{question_id}', which the triage does not ask",
                            key=True,
                        )
                    )
                elif question.answer(answer_id) is None:
                    problems.append(doc.problem(path, "P308", f"question '{question_id}' has no answer '{answer_id}'"))
    return problems


def _inject_paths(doc, where: tuple, drill: Drill) -> list[tuple[tuple, Inject]]:
    """Each inject with its path in the file: under `modules` in new drills, `injects` in old."""
    if "modules" not in doc.data["drills"][where[1]]:
        return [((*where, "injects", n), inject) for n, inject in enumerate(drill.injects)]
    return [
        ((*where, "modules", m, "injects", n), inject)
        for m, module in enumerate(drill.modules)
        for n, inject in enumerate(module.injects)
    ]


def _unique_injects(doc, where: tuple, drill: Drill) -> list[Problem]:
    """P301 for an inject id used twice in a drill, across its modules."""
    seen: dict[str, tuple] = {}
    problems = []
    for path, inject in _inject_paths(doc, where, drill):
        if inject.id in seen:
            line, col = doc.where((*seen[inject.id], "id"))
            problems.append(
                doc.problem((*path, "id"), "P301", f"inject id '{inject.id}' is used twice (first at {line}:{col})")
            )
        else:
            seen[inject.id] = path
    return problems


def _novel_drill(doc, where: tuple, drill: Drill) -> list[Problem]:
    """P332: a drill expects the proven response (`objectives`) or says that no type fits
    (`novel`), never both or neither; a novel drill has no proven response for a twist to
    depart from, so its judgment is in the coaching record instead."""
    expect = drill.expect
    at = (*where, "expect")
    if expect.novel is None and not expect.objectives:
        return [
            doc.problem(
                at,
                "P332",
                "expect names neither `objectives` (the proven response) nor `novel` (no type fits)",
                key=True,
            )
        ]
    if expect.novel is None:
        return []
    problems = []
    if expect.objectives:
        problems.append(
            doc.problem(
                (*at, "objectives"),
                "P332",
                "a novel drill expects no objectives: no playbook's steps fit it (drop `objectives` or `novel`)",
                key=True,
            )
        )
    for path, inject in _inject_paths(doc, where, drill):
        if inject.twist is not None:
            problems.append(
                doc.problem(
                    (*path, "twist"),
                    "P332",
                    f"inject '{inject.id}' is a twist, but a novel drill has no proven response to depart from",
                    key=True,
                )
            )
        if inject.reveals:
            problems.append(
                doc.problem(
                    (*path, "reveals"),
                    "P332",
                    f"inject '{inject.id}' reveals triage answers, but a novel drill's team triages by the "
                    "library's criteria, not this type's questions",
                    key=True,
                )
            )
    for kind, found in (("clocks", expect.novel.clocks), ("decisions", expect.novel.decisions)):
        problems += _unique(doc, (*at, "novel", kind), [f.id for f in found], kind[:-1])
    return problems


def _drill_structure(doc, where: tuple, drill: Drill, steps: frozenset[str]) -> list[Problem]:
    """Modules in time order with their injects inside them (a running clock holds at a
    module's end, so an inject after it would never come out on its own); twists that name
    steps and objectives the drill has."""
    problems = []
    previous_end = 0
    for m, module in enumerate(drill.modules):
        at = (*where, "modules", m)
        if m and module.at < previous_end:
            problems.append(
                doc.problem(
                    (*at, "at"),
                    "P330",
                    f"module '{module.title}' starts at minute {module.at}, "
                    f"before the previous one ends (minute {previous_end})",
                )
            )
        if m and not module.jump.strip():
            problems.append(
                doc.problem(at, "P330", f"module '{module.title}' has no `jump`: say what time it now is", key=True)
            )
        previous_end = module.ends
        for n, inject in enumerate(module.injects):
            if not module.at <= inject.at <= module.ends:
                problems.append(
                    doc.problem(
                        (*at, "injects", n, "at"),
                        "P330",
                        f"inject '{inject.id}' at minute {inject.at} is outside its module "
                        f"(minutes {module.at} to {module.ends})",
                    )
                )
    objectives = {o.id for o in drill.expect.objectives}
    for path, inject in _inject_paths(doc, where, drill):
        twist = inject.twist
        if twist is None:
            continue
        named: list[tuple[tuple[str | int, ...], str]] = [(("voids", n), s) for n, s in enumerate(twist.voids)]
        named += [(("adaptations", n, "step"), a.step) for n, a in enumerate(twist.adaptations) if a.step]
        for sub, step in named:
            if step not in steps:
                problems.append(
                    doc.problem(
                        (*path, "twist", *sub),
                        "P306",
                        f"twist '{inject.id}' names step '{step}', which no response has",
                    )
                )
        if twist.objective and twist.objective not in objectives:
            problems.append(
                doc.problem(
                    (*path, "twist", "objective"),
                    "P331",
                    f"twist '{inject.id}' is rated under objective '{twist.objective}', which the drill does not have",
                )
            )
    return problems


@attrs.frozen
class Links:
    """What the checks across files need of one type, each id with its line and column: its own,
    and of the types it relates to and those its `does_not_apply` entries point to, the ones
    the library's file names do not settle. The rest of the type can be let go once its own
    checks have run."""

    path: str
    id: str
    id_at: tuple[int, int]
    related: tuple[tuple[str, tuple[int, int]], ...]
    sees: tuple[tuple[str, tuple[int, int]], ...]

    @classmethod
    def of(cls, incident: IncidentType, named: Container[str]) -> Links:
        """`named`: ids that surely exist (each file is named by its type's id, else has an
        error). A reference to one of them is left out, unless it is the type itself: a
        library whose links all name files keeps a few hundred bytes a type here, not kilobytes
        (20 MB at 10,000 types)."""
        doc = incident.document
        return cls(
            incident.path,
            incident.id,
            doc.where(("id",)),
            tuple(
                (other, doc.where(("related", index)))
                for index, other in enumerate(incident.related)
                if other not in named or other == incident.id
            ),
            tuple(
                (item.see, doc.where(("does_not_apply", index, "see")))
                for index, item in enumerate(incident.does_not_apply)
                if item.see and item.see not in named
            ),
        )


def related_problems(links: Links, known_ids: Container[str]) -> list[Problem]:
    problems = []
    for other, (line, col) in links.related:
        if other not in known_ids:
            problems.append(Problem(links.path, line, col, "P307", f"related incident type '{other}' does not exist"))
        elif other == links.id:
            problems.append(Problem(links.path, line, col, "P307", "an incident type cannot be related to itself"))
    for see, (line, col) in links.sees:
        if see not in known_ids:
            problems.append(Problem(links.path, line, col, "P307", f"incident type '{see}' does not exist"))
    return problems


def _unique(doc, where: tuple, ids: Iterable[str], what: str = "id") -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for index, item_id in enumerate(ids):
        if item_id in seen:
            line, col = doc.where((*where, seen[item_id], "id"))
            problems.append(
                doc.problem(
                    (*where, index, "id"), "P301", f"{what} id '{item_id}' is used twice (first at {line}:{col})"
                )
            )
        else:
            seen[item_id] = index
    return problems


def suppression_problems(library: Library, document, root: Path) -> list[Problem]:
    """P506: a suppression that silences nothing hides a typo, or outlived its file."""
    problems = []
    for index, entry in enumerate(library.suppress):
        where = ("suppress", index)
        if not (root / entry.file).is_file():
            problems.append(
                document.problem(
                    (*where, "file"), "P506", f"suppression for '{entry.file}': no such file in the library"
                )
            )
        rule = RULES.get(entry.code)
        if rule is None:
            problems.append(
                document.problem(
                    (*where, "code"),
                    "P506",
                    f"suppression code {entry.code} is not a rule; `playbook rules` lists them",
                )
            )
        elif rule[0] == "error":
            problems.append(
                document.problem(
                    (*where, "code"), "P506", f"{entry.code} is an error, and errors cannot be silenced: fix the file"
                )
            )
    return problems

"""Severity calibration: every triage, bundled or a mentor's new file, held to the same floors.

library.yaml states the severity scale's criteria as data (`criteria`: a life at risk is at
least SEV1, a legal clock of 24 hours or less at least SEV2...). A triage answer says what it
means (`means: [life-at-risk]`), and no outcome that answer can lead to may be milder than the
floor of anything it means (P416), in every form a triage takes: down every branch an answer
opens in a tree, at every node that asks the question in a tree of nodes, and in every table row
that covers the answer. A meaning the library does not define is P309.
"""

from __future__ import annotations

from collections.abc import Iterator

from playbook.model import Answer, IncidentType, Library, Question, Triage
from playbook.problems import Problem
from playbook.source import Document


def calibration_problems(incident: IncidentType, library: Library) -> list[Problem]:
    triage = incident.triage
    doc = incident.source
    if doc is None:  # positions are dropped once a type is loaded; checks run before that
        return []
    problems: list[Problem] = []
    for question in triage.questions:
        for index, answer in enumerate(question.answers):
            for n, criterion_id in enumerate(answer.means):
                if library.criterion(criterion_id) is None:
                    known = ", ".join(c.id for c in library.criteria) or "none defined"
                    problems.append(
                        doc.problem(
                            ("triage", "questions", question.id, "answers", index, "means", n),
                            "P309",
                            f"answer '{answer.id}' means '{criterion_id}', which is not a criterion in "
                            f"library.yaml ({known})",
                        )
                    )
    if triage.is_table:
        problems += _table_problems(triage, library, doc)
    elif triage.has_nodes:
        problems += _node_problems(triage, library, doc)
    else:
        problems += _tree_problems(triage, library, doc)
    return problems


def _floor(answer: Answer, library: Library) -> tuple[str, str] | None:
    """The strictest floor the answer's meanings set: (severity id, criterion id), or None."""
    floors = [(c.floor, c.id) for c in map(library.criterion, answer.means) if c and library.severity(c.floor)]
    return min(floors, key=lambda pair: library.rank(pair[0]), default=None)


def _too_mild(outcome: str, floor: str, library: Library) -> bool:
    return library.severity(outcome) is not None and library.rank(outcome) > library.rank(floor)


def _tree_problems(triage: Triage, library: Library, doc: Document) -> list[Problem]:
    problems = []
    for question in triage.questions:
        for index, answer in enumerate(question.answers):
            floor = _floor(answer, library)
            if floor is None or answer.unknown:
                continue
            severity, criterion = floor
            if answer.outcome:
                leads = [(answer.outcome, question, answer)]
                field = "outcome"
            elif answer.next:
                leads = list(_outcomes_from(triage, answer.next))
                field = "next"
            else:
                continue
            mildest = max(leads, key=lambda lead: library.rank(lead[0]), default=None)
            if mildest is None or not _too_mild(mildest[0], severity, library):
                continue
            outcome, via_question, via_answer = mildest
            via = "" if via_answer is answer else f" (through '{via_question.id}' answered '{via_answer.id}')"
            problems.append(
                doc.problem(
                    ("triage", "questions", question.id, "answers", index, field),
                    "P416",
                    f"answer '{answer.id}' of '{question.id}' means {criterion}, so at least {severity}, "
                    f"but can lead to {outcome}{via}",
                )
            )
    return problems


def _outcomes_from(triage: Triage, start: str) -> Iterator[tuple[str, Question, Answer]]:
    """Every (outcome, question, answer) reachable from a question; cycles and dangling
    references are reported by the structure checks, so here they just end the walk."""
    seen: set[str] = set()
    waiting = [start]
    while waiting:
        question = triage.question(waiting.pop())
        if question is None or question.id in seen:
            continue
        seen.add(question.id)
        for answer in question.answers:
            if answer.outcome:
                yield answer.outcome, question, answer
            elif answer.next:
                waiting.append(answer.next)


def _node_problems(triage: Triage, library: Library, doc: Document) -> list[Problem]:
    """A tree of nodes: each node's answer is held to its floor down every branch it opens."""
    problems = []
    for node in triage.nodes or ():
        question = triage.question(node.question)
        if question is None:
            continue
        for answer_id, target in node.answers:
            answer = question.answer(answer_id)
            floor = answer and _floor(answer, library)
            if not answer or not floor:
                continue
            leads = (
                [(target, node.id, answer_id)] if triage.node(target) is None else list(_node_outcomes(triage, target))
            )
            mildest = max(leads, key=lambda lead: library.rank(lead[0]), default=None)
            if mildest is None or not _too_mild(mildest[0], floor[0], library):
                continue
            outcome, via_node, via_answer = mildest
            via = "" if via_node == node.id else f" (through node '{via_node}' answered '{via_answer}')"
            problems.append(
                doc.problem(
                    ("triage", "nodes", node.id, "answers", answer_id),
                    "P416",
                    f"answer '{answer_id}' of '{question.id}' at node '{node.id}' means {floor[1]}, "
                    f"so at least {floor[0]}, but can lead to {outcome}{via}",
                )
            )
    return problems


def _node_outcomes(triage: Triage, start: str) -> Iterator[tuple[str, str, str]]:
    """Every (outcome, node id, answer id) reachable from a node."""
    seen: set[str] = set()
    waiting = [start]
    while waiting:
        node = triage.node(waiting.pop())
        if node is None or node.id in seen:
            continue
        seen.add(node.id)
        for answer_id, target in node.answers:
            if triage.node(target) is None:
                yield target, node.id, answer_id
            else:
                waiting.append(target)


def _table_problems(triage: Triage, library: Library, doc: Document) -> list[Problem]:
    """A row that leaves a question out matches every answer to it, so it must meet the floor
    of every meaning among them."""
    problems = []
    for row in triage.table or ():
        named = dict(row.when)
        for question in triage.questions:
            chosen = question.answer(named[question.id]) if question.id in named else None
            answers = (chosen,) if chosen else () if question.id in named else question.known_answers
            for answer in answers:
                floor = _floor(answer, library)
                if floor is None or not _too_mild(row.outcome, floor[0], library):
                    continue
                problems.append(
                    doc.problem(
                        ("triage", "table", row.index, "outcome"),
                        "P416",
                        f"this row gives {row.outcome} when '{question.id}' is '{answer.id}', which means "
                        f"{floor[1]}, so at least {floor[0]}",
                    )
                )
    return problems

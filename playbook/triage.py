"""Triage trees as networkx graphs: build them and check their structure.

Nodes are question ids (lower-case slugs) and severity ids (upper-case), so the two never
collide. An edge runs from a question to the question or severity an answer leads to, and
carries the answer's id. "Unknown" answers have no edge of their own: they stand for every
other answer of their question.
"""

from __future__ import annotations

import networkx as nx

from playbook.model import IncidentType, Library, Triage
from playbook.problems import Problem


def graph(triage: Triage) -> nx.DiGraph:
    """The tree as a DiGraph. Dangling `next` targets are left out (they are reported)."""
    tree = nx.DiGraph()
    known = {q.id for q in triage.questions}
    for question in triage.questions:
        tree.add_node(question.id, kind="question")
    for question in triage.questions:
        for answer in question.answers:
            target = answer.next if answer.next in known else answer.outcome
            if target is None:
                continue
            if not tree.has_node(target):
                tree.add_node(target, kind="outcome")
            if tree.has_edge(question.id, target):
                tree.edges[question.id, target]["answers"].append(answer.id)
            else:
                tree.add_edge(question.id, target, answers=[answer.id])
    return tree


def structure_problems(incident: IncidentType, library: Library) -> list[Problem]:
    """One root, every answer leads somewhere, no dangling reference, acyclic, all reachable,
    every outcome a severity of the library, no deeper than the library's limit."""
    triage = incident.triage
    doc = incident.source
    at = ("triage",)
    problems: list[Problem] = []

    def report(path: tuple, code: str, message: str, key: bool = False) -> None:
        problems.append(doc.problem((*at, *path), code, message, key=key))

    if triage.start is None:
        report((), "P401", "the triage needs `start` (the first question)")
        return problems
    if triage.question(triage.start) is None:
        report(("start",), "P403", f"start question '{triage.start}' does not exist")
        return problems

    for question in triage.questions:
        where = ("questions", question.id, "answers")
        if sum(a.unknown for a in question.answers) > 1:
            report(where, "P412", f"question '{question.id}' has more than one unknown answer")
        seen: set[str] = set()
        for index, answer in enumerate(question.answers):
            if answer.id in seen:
                report((*where, index, "id"), "P301", f"answer id '{answer.id}' is used twice in question '{question.id}'")
            seen.add(answer.id)
            leads = [name for name in ("next", "outcome") if getattr(answer, name)] + (["unknown"] if answer.unknown else [])
            if len(leads) != 1:
                said = " and ".join(leads) if leads else "nothing"
                report((*where, index), "P402", f"answer '{answer.id}' leads to {said}: give exactly one of next, outcome or unknown")
            if answer.next and triage.question(answer.next) is None:
                report((*where, index, "next"), "P403", f"next question '{answer.next}' does not exist")
            if answer.outcome and library.severity(answer.outcome) is None:
                known = ", ".join(s.id for s in library.severities)
                report((*where, index, "outcome"), "P406", f"outcome '{answer.outcome}' is not a severity (one of {known})")

    tree = graph(triage)
    cycle = _cycle(tree)
    if cycle:
        source, target = cycle[-1]
        index = _answer_index(triage, source, target)
        loop = " -> ".join([edge[0] for edge in cycle] + [cycle[0][0]])
        report(("questions", source, "answers", index, "next"), "P404", f"the triage loops: {loop}")
        return problems

    reachable = nx.descendants(tree, triage.start) | {triage.start}
    for question in triage.questions:
        if question.id not in reachable:
            report(("questions", question.id), "P405", f"question '{question.id}' cannot be reached from '{triage.start}'", key=True)

    depth = nx.dag_longest_path_length(tree.subgraph(reachable)) if len(reachable) > 1 else 0
    if depth > library.limits.triage_depth:
        report(("start",), "P407", f"a leader may be asked {depth} questions; the library's limit is {library.limits.triage_depth}")
    return problems


def _cycle(tree: nx.DiGraph) -> list[tuple[str, str]]:
    try:
        return nx.find_cycle(tree)
    except nx.NetworkXNoCycle:
        return []


def _answer_index(triage: Triage, source: str, target: str) -> int:
    question = triage.question(source)
    return next(i for i, a in enumerate(question.answers) if target in (a.next, a.outcome))

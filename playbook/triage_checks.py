"""The checks a leader relies on, for every triage in every library: structure (P401-P407,
P412, P420-P422), decision tables complete and consistent (P410, P411, P414), and what SSVC asks of its
trees: monotonic (P408), no irrelevant question (P409), short enough (P407), every severity
with a response reachable (P413). Triages too large to check are refused, not hung on (P415).
"""

from __future__ import annotations

import itertools
import math

import networkx as nx

from playbook.model import UNKNOWN, Answer, IncidentType, Library, Question, TableRow, Triage
from playbook.problems import Problem
from playbook.triage import Combination, Flow, Path, combination_count, flow, graph, matching_rows, paths, row_coverage

MAX_SUBTABLES = 100_000  # partial answer sets a table's compiler may explore (10^5: 5 questions of 9 answers)
MAX_COVERAGE = 1_000_000  # (row, combination) matches a table check may enumerate
MAX_PATHS = 1_000  # paths the pairwise soundness checks compare (SSVC's largest tree has 72)


def triage_problems(incident: IncidentType, library: Library) -> list[Problem]:
    """Every check of one triage: its structure, its table, then (when those hold) the
    soundness checks SSVC applies to its trees: complete, monotonic, no irrelevant question,
    short enough, every severity with a response reachable."""
    problems = structure_problems(incident, library)
    if incident.triage.is_table and not _errors(problems):
        problems += table_problems(incident)
    if not _errors(problems):
        problems += soundness_problems(incident, library)
    return problems


def _errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)


def structure_problems(incident: IncidentType, library: Library) -> list[Problem]:
    """Tree form: one root, every answer leads somewhere, no dangling reference, acyclic, all
    reachable, every outcome a severity of the library, no deeper than the library's limit.
    Table form: answers lead nowhere (the rows decide), rows name real questions, answers
    and severities."""
    triage = incident.triage
    doc = incident.source
    problems: list[Problem] = []

    def report(path: tuple, code: str, message: str, key: bool = False) -> None:
        problems.append(doc.problem(("triage", *path), code, message, key=key))

    if triage.is_table:
        if triage.start is not None:
            report(("start",), "P401", "give `start` for a tree or `table` for a table, not both", key=True)
        if triage.has_nodes:
            report(("nodes",), "P401", "give `nodes` for a tree or `table` for a table, not both", key=True)
        _answer_problems(triage, library, report, decided_by="in a table the rows give the outcomes")
        _row_problems(triage, library, report)
        return problems
    if triage.has_nodes:
        _answer_problems(triage, library, report, decided_by="in a tree of `nodes` the nodes say where answers lead")
        _node_problems(triage, library, report)
        return problems
    if triage.start is None:
        report((), "P401", "the triage needs `start` (the first question) or a `table`")
        return problems
    if triage.question(triage.start) is None:
        report(("start",), "P403", f"start question '{triage.start}' does not exist")
        return problems
    _answer_problems(triage, library, report, decided_by=None)
    _graph_problems(triage, library, report, ("questions",))
    return problems


def _graph_problems(triage: Triage, library: Library, report, where: tuple[str]) -> None:
    """Acyclic, every place reachable from the start, no deeper than the library's limit.
    `where` is the mapping of places: `questions` in a plain tree, `nodes` in a tree of nodes."""
    tree = graph(triage)
    cycle = _cycle(tree)
    if cycle:
        source, target = cycle[-1]
        loop = " -> ".join([edge[0] for edge in cycle] + [cycle[0][0]])
        if triage.has_nodes:
            answer_id = tree.edges[source, target]["answers"][0]
            report(("nodes", source, "answers", answer_id), "P404", f"the triage loops: {loop}")
        else:
            index = _answer_index(triage, source, target)
            report(("questions", source, "answers", index, "next"), "P404", f"the triage loops: {loop}")
        return

    reachable = nx.descendants(tree, triage.start) | {triage.start}
    kind = "node" if triage.has_nodes else "question"
    for place in triage.nodes if triage.has_nodes else triage.questions:
        if place.id not in reachable:
            report((*where, place.id), "P405", f"{kind} '{place.id}' cannot be reached from '{triage.start}'", key=True)
    if triage.has_nodes:
        _repeated_question_problems(triage, tree, reachable, report)

    depth = nx.dag_longest_path_length(tree.subgraph(reachable)) if len(reachable) > 1 else 0
    if depth > library.limits.triage_depth:
        report(
            ("start",),
            "P407",
            f"a leader may be asked {depth} questions; the library's limit is {library.limits.triage_depth}",
        )


def _node_problems(triage: Triage, library: Library, report) -> None:
    """A tree of nodes: `start` names a node; each node asks a real question and says where
    each of its known answers leads (a node or a severity); every question is asked somewhere."""
    nodes = triage.nodes or ()
    if triage.start is None:
        report((), "P401", "a tree of `nodes` needs `start` (the first node)")
        return
    if triage.node(triage.start) is None:
        report(("start",), "P403", f"start node '{triage.start}' does not exist")
        return
    for node in nodes:
        where = ("nodes", node.id)
        question = triage.question(node.question)
        if question is None:
            known = ", ".join(q.id for q in triage.questions)
            report(
                (*where, "question"),
                "P308",
                f"node '{node.id}' asks '{node.question}', which is not a question (one of {known})",
            )
            continue
        given = dict(node.answers)
        for answer_id, target in node.answers:
            at = (*where, "answers", answer_id)
            answer = question.answer(answer_id)
            if answer is None:
                known = ", ".join(a.id for a in question.known_answers)
                report(at, "P308", f"question '{question.id}' has no answer '{answer_id}' (one of {known})", key=True)
            elif answer.unknown:
                report(
                    at,
                    "P402",
                    f"'{answer_id}' is the unknown answer of '{question.id}': it follows every branch, leave it out",
                    key=True,
                )
            if target[0].islower():
                if triage.node(target) is None:
                    report(at, "P403", f"next node '{target}' does not exist")
            elif library.severity(target) is None:
                report(at, "P406", f"outcome '{target}' is not a severity (one of {_severities(library)})")
        missing = [a.id for a in question.known_answers if a.id not in given]
        if missing:
            report(
                (*where, "answers"),
                "P402",
                f"node '{node.id}' does not say where {', '.join(repr(m) for m in missing)} of '{question.id}' lead(s)",
                key=True,
            )
    asked = {node.question for node in nodes}
    for question in triage.questions:
        if question.id not in asked:
            report(("questions", question.id), "P405", f"question '{question.id}' is asked at no node", key=True)
    _graph_problems(triage, library, report, ("nodes",))


def _repeated_question_problems(triage: Triage, tree: nx.DiGraph, reachable: set[str], report) -> None:
    """A question asked again below a node that asked it: its answer is already given, so the
    second node is never really asked (and the author meant something else)."""
    asks = {node.id: node.question for node in triage.nodes or ()}
    for node_id in (n for n in asks if n in reachable):
        above = [a for a in nx.ancestors(tree, node_id) if asks.get(a) == asks[node_id]]
        if above:
            report(
                ("nodes", node_id, "question"),
                "P420",
                f"node '{node_id}' asks '{asks[node_id]}' again after node '{sorted(above)[0]}' on the same path: "
                "each question is answered once",
            )


def _answer_problems(triage: Triage, library: Library, report, decided_by: str | None) -> None:
    """Each question's answers; `decided_by` says what gives the outcomes when the answers
    themselves do not (a table's rows, a tree's nodes), None for a plain tree."""
    for question in triage.questions:
        where = ("questions", question.id, "answers")
        unknowns = [i for i, a in enumerate(question.answers) if a.unknown]
        if len(unknowns) > 1:  # reported at the second one: that is the one to remove
            report((*where, unknowns[1]), "P412", f"question '{question.id}' has more than one unknown answer")
        seen: set[str] = set()
        keys: dict[int, str] = {}
        for index, answer in enumerate(question.answers):
            if answer.id in seen:
                report(
                    (*where, index, "id"), "P301", f"answer id '{answer.id}' is used twice in question '{question.id}'"
                )
            seen.add(answer.id)
            if answer.id == UNKNOWN and not answer.unknown:
                report(
                    (*where, index, "id"),
                    "P421",
                    f"'{UNKNOWN}' always means 'not known' on the command line: "
                    "rename this answer, or make it `unknown: true`",
                )
            if answer.key is not None:
                if answer.key in keys:
                    report(
                        (*where, index, "key"),
                        "P422",
                        f"answers '{keys[answer.key]}' and '{answer.id}' of '{question.id}' "
                        f"both take the key {answer.key}",
                    )
                keys.setdefault(answer.key, answer.id)
            leads = [name for name in ("next", "outcome") if getattr(answer, name)] + (
                ["unknown"] if answer.unknown else []
            )
            if decided_by:
                for name in ("next", "outcome"):
                    if getattr(answer, name):
                        report(
                            (*where, index, name),
                            "P402",
                            f"{decided_by}: answer '{answer.id}' takes no `{name}`",
                            key=True,
                        )
                continue
            if len(leads) != 1:
                said = " and ".join(leads) if leads else "nothing"
                report(
                    (*where, index),
                    "P402",
                    f"answer '{answer.id}' leads to {said}: give exactly one of next, outcome or unknown",
                )
            if answer.next and triage.question(answer.next) is None:
                report((*where, index, "next"), "P403", f"next question '{answer.next}' does not exist")
            if answer.outcome and library.severity(answer.outcome) is None:
                report(
                    (*where, index, "outcome"),
                    "P406",
                    f"outcome '{answer.outcome}' is not a severity (one of {_severities(library)})",
                )


def _row_problems(triage: Triage, library: Library, report) -> None:
    for row in triage.table:
        where = ("table", row.index)
        for question_id, answer_id in row.when:
            question = triage.question(question_id)
            if question is None:
                report(
                    (*where, "when", question_id),
                    "P308",
                    f"the row names question '{question_id}', which the triage does not have",
                    key=True,
                )
                continue
            answer = question.answer(answer_id)
            if answer is None:
                known = ", ".join(a.id for a in question.known_answers)
                report(
                    (*where, "when", question_id),
                    "P308",
                    f"question '{question_id}' has no answer '{answer_id}' (one of {known})",
                )
            elif answer.unknown:
                report(
                    (*where, "when", question_id),
                    "P414",
                    f"'{answer_id}' is the unknown answer of '{question_id}': leave the question out of the row to match any answer",
                )
        if library.severity(row.outcome) is None:
            report(
                (*where, "outcome"),
                "P406",
                f"outcome '{row.outcome}' is not a severity (one of {_severities(library)})",
            )


def _severities(library: Library) -> str:
    return ", ".join(s.id for s in library.severities)


def table_problems(incident: IncidentType) -> list[Problem]:
    """Every combination of known answers has a row (P410), and rows that overlap agree (P411)."""
    triage = incident.triage
    doc = incident.source
    size = math.prod(len(q.known_answers) + 1 for q in triage.questions)
    if size > MAX_SUBTABLES:
        count = combination_count(triage)
        return [
            doc.problem(
                ("triage", "table"),
                "P415",
                f"{len(triage.questions)} questions make {count} combinations of answers: too many to check or to answer quickly; split the incident type",
                key=True,
            )
        ]
    if row_coverage(triage) > MAX_COVERAGE:
        return [
            doc.problem(
                ("triage", "table"),
                "P415",
                f"the {len(triage.table)} rows overlap too much to check; give each combination of answers one row",
                key=True,
            )
        ]
    ids = [q.id for q in triage.questions]
    missing: list[Combination] = []
    conflicts: dict[tuple[int, int], Combination] = {}
    for combo, rows in matching_rows(triage).items():
        if not rows:
            missing.append(combo)
        first_giving: dict[str, int] = {}  # outcome -> the first row that gives it here
        for row in rows:
            earlier = [i for outcome, i in first_giving.items() if outcome != row.outcome]
            if earlier:
                conflicts.setdefault((min(earlier), row.index), combo)
            first_giving.setdefault(row.outcome, row.index)
    problems: list[Problem] = []
    if missing:
        shown = "; ".join(_describe(ids, combo) for combo in missing[:3])
        more = f" (and {len(missing) - 3} more)" if len(missing) > 3 else ""
        problems.append(
            doc.problem(
                ("triage", "table"),
                "P410",
                f"no row gives the outcome for {len(missing)} combination(s): {shown}{more}",
                key=True,
            )
        )
    for (first, later), combo in sorted(conflicts.items()):
        line, col = doc.where(("triage", "table", first))
        a, b = triage.table[first].outcome, triage.table[later].outcome
        problems.append(
            doc.problem(
                ("triage", "table", later, "outcome"),
                "P411",
                f"this row gives {b} but the row at {line}:{col} gives {a} for {_describe(ids, combo)}",
            )
        )
    return problems


def _describe(ids: list[str], combo: Combination) -> str:
    return ", ".join(f"{q}={a}" for q, a in zip(ids, combo))


def soundness_problems(incident: IncidentType, library: Library) -> list[Problem]:
    """Checks on what the triage decides, for both forms (a table through its compiled tree):
    depth (P407, tables), monotonic ordered answers (P408), no irrelevant question (P409),
    every severity with a response reachable (P413)."""
    triage = incident.triage
    doc = incident.source
    plan = flow(triage)
    count = _path_count(plan)
    if count > MAX_PATHS:
        return [
            doc.problem(
                ("triage",),
                "P415",
                f"the triage has {count} paths from the first question to an outcome: too many to check or to learn; shorten it",
                key=True,
            )
        ]
    found = paths(plan)
    problems: list[Problem] = []
    worst = max(len(p.steps) for p in found)
    if triage.is_table and worst > library.limits.triage_depth:
        problems.append(
            doc.problem(
                ("triage", "table"),
                "P407",
                f"even the shortest tree for this table asks up to {worst} questions; the library's limit is {library.limits.triage_depth}",
                key=True,
            )
        )

    for question in triage.questions:
        relevant, reversals = _effects(question, found, library)
        at = ("triage", "questions", question.id)
        if not relevant:
            problems.append(
                doc.problem(
                    at,
                    "P409",
                    f"the answer to '{question.id}' never changes the outcome: drop the question, or give its answers different outcomes",
                    key=True,
                )
            )
        for severe, (milder, p1, p2) in reversals.items():
            index = question.answers.index(severe)
            situation = {**p1.answers(), **p2.answers()}
            others = ", ".join(f"{q}={a}" for q, a in sorted(situation.items()) if q != question.id)
            context = f" when {others}" if others else ""
            where: tuple = (*at, "answers", index, "id")
            if triage.is_table:  # the row that gives the milder outcome is the one to fix (or the order)
                where = ("triage", "table", _row_for(triage, {**situation, question.id: severe.id}).index)
            problems.append(
                doc.problem(
                    where,
                    "P408",
                    f"'{severe.id}' is listed as more severe than '{milder.id}' in '{question.id}' "
                    f"but gives {p2.outcome} instead of {p1.outcome}{context}; "
                    "reorder the answers, fix the outcomes, or set `ordered: false`",
                )
            )

    reached = {p.outcome for p in found}
    for response in incident.responses:
        if response.severity not in reached and library.severity(response.severity) is not None:
            problems.append(
                doc.problem(
                    ("responses", response.severity),
                    "P413",
                    f"the triage never gives {response.severity}, so its response is never shown",
                    key=True,
                )
            )
    return problems


def _effects(question: Question, found: tuple[Path, ...], library: Library):
    """Whether the question's answer ever changes the outcome (all other answers equal), and,
    for an ordered question, each answer that gives a milder outcome than a milder answer,
    with one example: that milder answer and the two paths.

    Two paths that both ask the question, with different answers and no conflicting answer
    elsewhere, describe two situations that differ only in this answer."""
    position = {a.id: i for i, a in enumerate(question.known_answers)}
    asked = [(p, p.answers()) for p in found if question.id in p.answers()]
    relevant = False
    reversals: dict[Answer, tuple[Answer, Path, Path]] = {}
    for (p1, a1), (p2, a2) in itertools.combinations(asked, 2):
        if p1.outcome == p2.outcome or a1[question.id] == a2[question.id]:
            continue
        if any(a2.get(q, answer) != answer for q, answer in a1.items() if q != question.id):
            continue
        relevant = True
        if not question.ordered:
            continue
        if position[a1[question.id]] > position[a2[question.id]]:
            (p1, a1), (p2, a2) = (p2, a2), (p1, a1)
        if library.rank(p2.outcome) > library.rank(p1.outcome):
            reversals.setdefault(question.answer(a2[question.id]), (question.answer(a1[question.id]), p1, p2))
    return relevant, reversals


def _row_for(triage: Triage, answers: dict[str, str]) -> TableRow:
    """The first row that decides a situation (questions it leaves open take their first answer)."""
    combo = tuple(answers.get(q.id, q.known_answers[0].id) for q in triage.questions)
    return matching_rows(triage)[combo][0]


def _path_count(plan: Flow) -> int:
    counts: dict[str, int] = {}
    for key in sorted(plan.nodes, key=plan.order.__getitem__, reverse=True):
        counts[key] = sum(counts.get(target, 1) for _, target in plan.nodes[key].leads)
    return counts.get(plan.start, 1)


def _cycle(tree: nx.DiGraph) -> list[tuple[str, str]]:
    try:
        return nx.find_cycle(tree)
    except nx.NetworkXNoCycle:
        return []


def _answer_index(triage: Triage, source: str, target: str) -> int:
    question = triage.question(source)
    return next(i for i, a in enumerate(question.answers) if target in (a.next, a.outcome))

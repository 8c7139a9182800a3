"""Triage trees: build them as graphs, check them, walk them, analyse them.

Nodes are question ids (lower-case slugs) and severity ids (upper-case), so the two never
collide. An edge runs from a question to the question or severity an answer leads to, and
carries the answer's id. "Unknown" answers have no edge of their own: they stand for every
other answer of their question.

A table-form triage (questions + rows of outcomes) is compiled into the tree that asks the
fewest questions; walks, analysis and exports all run on that compiled flow.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator

import attrs
import networkx as nx

from playbook.model import Answer, IncidentType, Library, Question, Triage
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
        _answer_problems(triage, library, report, table=True)
        _row_problems(triage, library, report)
        return problems
    if triage.start is None:
        report((), "P401", "the triage needs `start` (the first question) or a `table`")
        return problems
    if triage.question(triage.start) is None:
        report(("start",), "P403", f"start question '{triage.start}' does not exist")
        return problems
    _answer_problems(triage, library, report, table=False)

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


def _answer_problems(triage: Triage, library: Library, report, table: bool) -> None:
    for question in triage.questions:
        where = ("questions", question.id, "answers")
        unknowns = [i for i, a in enumerate(question.answers) if a.unknown]
        if len(unknowns) > 1:  # reported at the second one: that is the one to remove
            report((*where, unknowns[1]), "P412", f"question '{question.id}' has more than one unknown answer")
        seen: set[str] = set()
        for index, answer in enumerate(question.answers):
            if answer.id in seen:
                report((*where, index, "id"), "P301", f"answer id '{answer.id}' is used twice in question '{question.id}'")
            seen.add(answer.id)
            leads = [name for name in ("next", "outcome") if getattr(answer, name)] + (["unknown"] if answer.unknown else [])
            if table:
                for name in ("next", "outcome"):
                    if getattr(answer, name):
                        report((*where, index, name), "P402", f"in a table the rows give the outcomes: answer '{answer.id}' takes no `{name}`", key=True)
                continue
            if len(leads) != 1:
                said = " and ".join(leads) if leads else "nothing"
                report((*where, index), "P402", f"answer '{answer.id}' leads to {said}: give exactly one of next, outcome or unknown")
            if answer.next and triage.question(answer.next) is None:
                report((*where, index, "next"), "P403", f"next question '{answer.next}' does not exist")
            if answer.outcome and library.severity(answer.outcome) is None:
                report((*where, index, "outcome"), "P406", f"outcome '{answer.outcome}' is not a severity (one of {_severities(library)})")


def _row_problems(triage: Triage, library: Library, report) -> None:
    for row in triage.table:
        where = ("table", row.index)
        for question_id, answer_id in row.when:
            question = triage.question(question_id)
            if question is None:
                report((*where, "when", question_id), "P308", f"the row names question '{question_id}', which the triage does not have", key=True)
                continue
            answer = question.answer(answer_id)
            if answer is None:
                known = ", ".join(a.id for a in question.known_answers)
                report((*where, "when", question_id), "P308", f"question '{question_id}' has no answer '{answer_id}' (one of {known})")
            elif answer.unknown:
                report((*where, "when", question_id), "P414", f"'{answer_id}' is the unknown answer of '{question_id}': leave the question out of the row to match any answer")
        if library.severity(row.outcome) is None:
            report((*where, "outcome"), "P406", f"outcome '{row.outcome}' is not a severity (one of {_severities(library)})")


def _severities(library: Library) -> str:
    return ", ".join(s.id for s in library.severities)


def table_problems(incident: IncidentType) -> list[Problem]:
    """Every combination of known answers has a row (P410), and rows that overlap agree (P411)."""
    triage = incident.triage
    doc = incident.source
    size = _product(len(q.known_answers) + 1 for q in triage.questions)
    if size > MAX_SUBTABLES:
        count = combination_count(triage)
        return [doc.problem(("triage", "table"), "P415", f"{len(triage.questions)} questions make {count} combinations of answers: too many to check or to answer quickly; split the incident type", key=True)]
    if row_coverage(triage) > MAX_COVERAGE:
        return [doc.problem(("triage", "table"), "P415", f"the {len(triage.table)} rows overlap too much to check; give each combination of answers one row", key=True)]
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
        problems.append(doc.problem(("triage", "table"), "P410", f"no row gives the outcome for {len(missing)} combination(s): {shown}{more}", key=True))
    for (first, later), combo in sorted(conflicts.items()):
        line, col = doc.where(("triage", "table", first))
        a, b = triage.table[first].outcome, triage.table[later].outcome
        problems.append(doc.problem(("triage", "table", later, "outcome"), "P411", f"this row gives {b} but the row at {line}:{col} gives {a} for {_describe(ids, combo)}"))
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
        return [doc.problem(("triage",), "P415", f"the triage has {count} paths from the first question to an outcome: too many to check or to learn; shorten it", key=True)]
    found = paths(plan)
    problems: list[Problem] = []
    worst = max(len(p.steps) for p in found)
    if triage.is_table and worst > library.limits.triage_depth:
        problems.append(doc.problem(("triage", "table"), "P407", f"even the shortest tree for this table asks up to {worst} questions; the library's limit is {library.limits.triage_depth}", key=True))

    for question in triage.questions:
        relevant, reversals = _effects(question, found, library)
        at = ("triage", "questions", question.id)
        if not relevant:
            problems.append(doc.problem(at, "P409", f"the answer to '{question.id}' never changes the outcome: drop the question, or give its answers different outcomes", key=True))
        for (milder, severe), (p1, p2) in reversals.items():
            index = question.answers.index(severe)
            others = ", ".join(f"{q}={a}" for q, a in sorted({**p1.answers(), **p2.answers()}.items()) if q != question.id)
            context = f" when {others}" if others else ""
            problems.append(doc.problem((*at, "answers", index, "id"), "P408",
                f"'{severe.id}' is listed as more severe than '{milder.id}' but gives {p2.outcome} instead of {p1.outcome}{context}; "
                "reorder the answers, fix the outcomes, or set `ordered: false`"))

    reached = {p.outcome for p in found}
    for response in incident.responses:
        if response.severity not in reached and library.severity(response.severity) is not None:
            problems.append(doc.problem(("responses", response.severity), "P413", f"the triage never gives {response.severity}, so its response is never shown", key=True))
    return problems


def _effects(question: Question, found: tuple[Path, ...], library: Library):
    """Whether the question's answer ever changes the outcome (all other answers equal), and,
    for an ordered question, each pair (milder answer, more severe answer) where the more
    severe answer gives a milder outcome, with an example pair of paths.

    Two paths that both ask the question, with different answers and no conflicting answer
    elsewhere, describe two situations that differ only in this answer."""
    position = {a.id: i for i, a in enumerate(question.known_answers)}
    asked = [(p, p.answers()) for p in found if question.id in p.answers()]
    relevant = False
    reversals: dict[tuple[Answer, Answer], tuple[Path, Path]] = {}
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
            pair = (question.answer(a1[question.id]), question.answer(a2[question.id]))
            reversals.setdefault(pair, (p1, p2))
    return relevant, reversals


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


# --- The decision flow: what walks, analysis and exports run on ----------------------------
#
# A tree-form triage is its own flow (one node per question). A table-form triage is compiled
# into one; there the same question may be asked in several places, so nodes have their own
# keys ("urgency", "urgency.2") while still carrying the author's Question.


@attrs.frozen
class Node:
    key: str
    question: Question
    leads: tuple[tuple[str, str], ...]  # (known answer id, node key or severity id)


@attrs.frozen(eq=False)
class Flow:
    start: str  # a node key, or a severity id when the table gives one outcome whatever the answers
    nodes: dict[str, Node]
    order: dict[str, int]  # node key -> position in a topological order: ask earlier first
    reach: dict[str, frozenset[str]]  # node key -> the severities it can still lead to

    def targets(self, key: str, answer: Answer) -> tuple[str, ...]:
        """Where an answer leads: one node or severity; every known answer's for an unknown."""
        leads = self.nodes[key].leads
        return tuple(target for answer_id, target in leads if answer.unknown or answer_id == answer.id)

    def outcomes_from(self, target: str) -> frozenset[str]:
        return self.reach[target] if target in self.nodes else frozenset((target,))


def _flow(start: str, nodes: dict[str, Node], position: dict[str, int]) -> Flow:
    links = nx.DiGraph()
    links.add_nodes_from(nodes)
    for node in nodes.values():
        links.add_edges_from((node.key, target) for _, target in node.leads if target in nodes)
    ordered = list(nx.lexicographical_topological_sort(links, key=position.__getitem__))
    reach: dict[str, frozenset[str]] = {}
    for key in reversed(ordered):
        reach[key] = frozenset().union(*(reach.get(t, {t}) for _, t in nodes[key].leads))
    return Flow(start=start, nodes=nodes, order={key: i for i, key in enumerate(ordered)}, reach=reach)


def _tree_flow(triage: Triage) -> Flow:
    nodes = {
        q.id: Node(key=q.id, question=q, leads=tuple((a.id, a.next or a.outcome) for a in q.known_answers))
        for q in triage.questions
    }
    return _flow(triage.start, nodes, {q.id: i for i, q in enumerate(triage.questions)})


@functools.lru_cache(maxsize=256)
def flow(triage: Triage) -> Flow:
    """The flow a walk follows: the tree itself, or the shortest tree compiled from the table.
    Only for triages that passed their structure and table checks."""
    return compile_table(triage) if triage.is_table else _tree_flow(triage)


# --- Decision tables -----------------------------------------------------------------------

Combination = tuple[str, ...]  # one known answer id per question, in the table's question order


def combinations(triage: Triage) -> Iterator[Combination]:
    return itertools.product(*(tuple(a.id for a in q.known_answers) for q in triage.questions))


def combination_count(triage: Triage) -> int:
    return _product(len(q.known_answers) for q in triage.questions)


def _product(numbers) -> int:
    total = 1
    for n in numbers:
        total *= n
    return total


def row_coverage(triage: Triage) -> int:
    """How many (row, combination) matches the table has: the work of checking it."""
    sizes = {q.id: len(q.known_answers) for q in triage.questions}
    named = [{q for q, _ in row.when if q in sizes} for row in triage.table]
    return sum(_product(n for q, n in sizes.items() if q not in given) for given in named)


def matching_rows(triage: Triage) -> dict[Combination, list]:
    """Every combination of answers and the table rows that match it, in the author's order
    (a question a row leaves out matches every answer)."""
    choices = [tuple(a.id for a in q.known_answers) for q in triage.questions]
    position = {q.id: i for i, q in enumerate(triage.questions)}
    matches: dict[Combination, list] = {combo: [] for combo in itertools.product(*choices)}
    for row in triage.table:
        fixed = {position.get(q): a for q, a in row.when}
        if None in fixed or any(a not in choices[i] for i, a in fixed.items()):
            continue  # names a question or answer that does not exist (reported as P308/P414)
        options = [(fixed[i],) if i in fixed else answers for i, answers in enumerate(choices)]
        for combo in itertools.product(*options):
            matches[combo].append(row)
    return matches


def compile_table(triage: Triage) -> Flow:
    """The tree that gives the table's outcome for every combination while asking the fewest
    questions: least worst case first, then least total over all combinations, then the
    author's question order. Exact search over partial answers (tables are small: the checks
    refuse larger ones before this runs)."""
    questions = triage.questions
    choices = [tuple(a.id for a in q.known_answers) for q in questions]
    value: dict[Combination, str] = {}
    for combo, rows in matching_rows(triage).items():
        outcomes = {row.outcome for row in rows}
        if len(outcomes) != 1:
            raise ValueError(f"the table gives {len(outcomes)} outcomes for {combo}: check it first")
        value[combo] = outcomes.pop()

    def fix(partial: tuple, index: int, answer: str) -> tuple:
        return partial[:index] + (answer,) + partial[index + 1 :]

    @functools.cache
    def outcomes(partial: tuple) -> frozenset[str]:
        free = next((i for i, a in enumerate(partial) if a is None), None)
        if free is None:
            return frozenset((value[partial],))
        return frozenset().union(*(outcomes(fix(partial, free, a)) for a in choices[free]))

    @functools.cache
    def best(partial: tuple) -> tuple[tuple[int, int], int | None]:
        if len(outcomes(partial)) == 1:
            return (0, 0), None
        size = _product(len(choices[i]) for i, a in enumerate(partial) if a is None)
        options = []
        for i in (i for i, a in enumerate(partial) if a is None):
            children = [best(fix(partial, i, a))[0] for a in choices[i]]
            worst = 1 + max(c[0] for c in children)
            options.append(((worst, size + sum(c[1] for c in children)), i))
        return min(options)

    nodes: dict[str, Node] = {}
    shared: dict[tuple, str] = {}  # identical sub-trees become one node

    def build(partial: tuple) -> str:
        _, index = best(partial)
        if index is None:
            return next(iter(outcomes(partial)))
        leads = tuple((a, build(fix(partial, index, a))) for a in choices[index])
        signature = (index, leads)
        if signature not in shared:
            question = questions[index]
            seen = sum(node.question.id == question.id for node in nodes.values())
            key = question.id if not seen else f"{question.id}.{seen + 1}"
            nodes[key] = Node(key=key, question=question, leads=leads)
            shared[signature] = key
        return shared[signature]

    start = build((None,) * len(questions))
    # Sub-trees are built before their parents: number nodes from the root down, answers in order.
    position: dict[str, int] = {}
    stack = [start]
    while stack:
        key = stack.pop()
        if key in nodes and key not in position:
            position[key] = len(position)
            stack.extend(target for _, target in reversed(nodes[key].leads))
    return _flow(start, nodes, position)


# --- The walk ------------------------------------------------------------------------------


@attrs.frozen
class Walk:
    """One pass through a triage. Immutable: every method returns a new Walk.

    An unknown answer keeps every other answer of its question open; the walk then asks, in
    tree order, every remaining question an open branch needs, and acts on the most severe
    outcome still possible."""

    flow: Flow = attrs.field(repr=False)
    library: Library = attrs.field(repr=False)
    answered: tuple[tuple[Question, Answer], ...]
    question: Question | None  # the question to ask now; None when settled
    possible: tuple[str, ...]  # severity ids still possible, most severe first

    @classmethod
    def start(cls, incident: IncidentType, library: Library) -> Walk:
        return cls._at(flow(incident.triage), library, ())

    @classmethod
    def _at(cls, plan: Flow, library: Library, answered: tuple) -> Walk:
        chosen = {question.id: answer for question, answer in answered}
        outcomes: set[str] = set()
        pending: set[str] = set()
        seen: set[str] = set()
        stack = [plan.start]
        while stack:
            target = stack.pop()
            if target in seen:
                continue
            seen.add(target)
            if target not in plan.nodes:
                outcomes.add(target)
            elif (answer := chosen.get(plan.nodes[target].question.id)) is not None:
                stack.extend(plan.targets(target, answer))
            else:
                pending.add(target)
        outcomes.update(*(plan.reach[key] for key in pending))
        question = plan.nodes[min(pending, key=plan.order.__getitem__)].question if pending else None
        possible = tuple(sorted(outcomes, key=lambda s: (library.rank(s), s)))
        return cls(flow=plan, library=library, answered=answered, question=question, possible=possible)

    def answer(self, answer_id: str) -> Walk:
        if self.question is None:
            raise ValueError("the triage is settled: there is no question to answer")
        answer = self.question.answer(answer_id)
        if answer is None:
            known = ", ".join(a.id for a in self.question.answers)
            raise ValueError(f"question '{self.question.id}' has no answer '{answer_id}' (one of {known})")
        return Walk._at(self.flow, self.library, (*self.answered, (self.question, answer)))

    def back(self) -> Walk:
        """Undo the last answer; at the start, the same walk."""
        return Walk._at(self.flow, self.library, self.answered[:-1]) if self.answered else self

    @property
    def done(self) -> bool:
        return self.question is None

    @property
    def severity(self) -> str | None:
        """When settled, the severity to act on: the most severe still possible."""
        return self.possible[0] if self.done and self.possible else None

    @property
    def unsure(self) -> bool:
        """An unknown answer left more than one severity possible."""
        return len(self.possible) > 1 and any(answer.unknown for _, answer in self.answered)


# --- Analysis ------------------------------------------------------------------------------


@attrs.frozen
class Path:
    """One row of the decision table: the answers given, in the order asked, and the outcome."""

    steps: tuple[tuple[str, str], ...]  # (question id, answer id)
    outcome: str

    def answers(self) -> dict[str, str]:
        return dict(self.steps)


@attrs.frozen
class Analysis:
    worst_case: int  # most questions a leader can be asked before an outcome
    mean: float  # questions to an outcome, averaged over the paths
    paths: tuple[Path, ...]

    @property
    def outcomes(self) -> frozenset[str]:
        """Every severity the triage can reach."""
        return frozenset(p.outcome for p in self.paths)


def paths(plan: Flow) -> tuple[Path, ...]:
    """Every path from the first question to an outcome, answers in the author's order."""
    found: list[Path] = []

    def visit(target: str, steps: tuple) -> None:
        node = plan.nodes.get(target)
        if node is None:
            found.append(Path(steps=steps, outcome=target))
            return
        for answer_id, following in node.leads:
            visit(following, (*steps, (node.question.id, answer_id)))

    visit(plan.start, ())
    return tuple(found)


def analyse(incident: IncidentType, library: Library) -> Analysis:
    """Worst-case and mean questions to an outcome, and the decision table, of a checked triage."""
    found = paths(flow(incident.triage))
    lengths = [len(p.steps) for p in found]
    return Analysis(worst_case=max(lengths), mean=sum(lengths) / len(lengths), paths=found)

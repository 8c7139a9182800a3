"""Triage trees: build them as graphs, walk them, analyse them, compile tables into them.

Nodes are question ids (lower-case slugs) and severity ids (upper-case), so the two never
collide. An edge runs from a question to the question or severity an answer leads to, and
carries the answer's id. "Unknown" answers have no edge of their own: they stand for every
other answer of their question.

A table-form triage (questions + rows of outcomes) is compiled into the tree that asks the
fewest questions; walks, analysis and exports all run on that compiled flow. The checks
live in triage_checks.py.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Iterator

import attrs
import networkx as nx

from playbook.model import Answer, IncidentType, Library, Question, Triage


def graph(triage: Triage) -> nx.DiGraph:
    """The tree as a DiGraph. Dangling `next` targets are left out (they are reported)."""
    tree: nx.DiGraph = nx.DiGraph()
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


def _flow(start: str, nodes: dict[str, Node], position: dict[str, int]) -> Flow:
    links: nx.DiGraph = nx.DiGraph()
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
        q.id: Node(key=q.id, question=q, leads=tuple((a.id, a.leads_to) for a in q.known_answers))
        for q in triage.questions
    }
    assert triage.start is not None  # a tree's structure checks passed before its flow is built
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
    return math.prod(len(q.known_answers) for q in triage.questions)


def row_coverage(triage: Triage) -> int:
    """How many (row, combination) matches the table has: the work of checking it."""
    sizes = {q.id: len(q.known_answers) for q in triage.questions}
    named = [{q for q, _ in row.when if q in sizes} for row in triage.rows]
    return sum(math.prod(n for q, n in sizes.items() if q not in given) for given in named)


def matching_rows(triage: Triage) -> dict[Combination, list]:
    """Every combination of answers and the table rows that match it, in the author's order
    (a question a row leaves out matches every answer)."""
    choices = [tuple(a.id for a in q.known_answers) for q in triage.questions]
    position = {q.id: i for i, q in enumerate(triage.questions)}
    matches: dict[Combination, list] = {combo: [] for combo in itertools.product(*choices)}
    for row in triage.rows:
        if any(q not in position for q, _ in row.when):
            continue  # names a question that does not exist (reported as P308)
        fixed = {position[q]: a for q, a in row.when}
        if any(a not in choices[i] for i, a in fixed.items()):
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
        given = {row.outcome for row in rows}
        if len(given) != 1:
            raise ValueError(f"the table gives {len(given)} outcomes for {combo}: check it first")
        value[combo] = given.pop()

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
        size = math.prod(len(choices[i]) for i, a in enumerate(partial) if a is None)
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

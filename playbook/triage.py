"""Triage trees: build them as graphs, walk them, analyse them, compile tables into them.

Nodes are question ids (lower-case slugs) and severity ids (upper-case), so the two never
collide. An edge runs from a question to the question or severity an answer leads to, and
carries the answer's id. "Unknown" answers have no edge of their own: they stand for every
other answer of their question.

A tree may also be written with `nodes` (places that each ask one of the questions), so one
question can be asked in many branches. A table-form triage (questions + rows of outcomes) is
compiled into the tree that asks the fewest questions, or that asks them in the written order;
walks, analysis and exports all run on that flow. The checks live in triage_checks.py.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Iterator

import attrs
import networkx as nx

from playbook.model import ORDER_WRITTEN, Answer, IncidentType, Library, Question, Triage


def graph(triage: Triage) -> nx.DiGraph:
    """The tree as a DiGraph. Dangling `next` targets are left out (they are reported).
    A tree written with `nodes` has its node ids as nodes."""
    tree = nx.DiGraph()
    if triage.has_nodes:
        return _node_graph(triage, tree)
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


def _node_graph(triage: Triage, tree: nx.DiGraph) -> nx.DiGraph:
    nodes = triage.nodes or ()
    known = {n.id for n in nodes}
    for node in nodes:
        tree.add_node(node.id, kind="question")
    for node in nodes:
        for answer_id, target in node.answers:
            if target[0].islower() and target not in known:
                continue  # a dangling node id: reported
            if not tree.has_node(target):
                tree.add_node(target, kind="outcome")
            if tree.has_edge(node.id, target):
                tree.edges[node.id, target]["answers"].append(answer_id)
            else:
                tree.add_edge(node.id, target, answers=[answer_id])
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
    if triage.has_nodes:
        return _node_flow(triage)
    nodes = {
        q.id: Node(key=q.id, question=q, leads=tuple((a.id, a.next or a.outcome) for a in q.known_answers))
        for q in triage.questions
    }
    return _flow(triage.start, nodes, {q.id: i for i, q in enumerate(triage.questions)})


def _node_flow(triage: Triage) -> Flow:
    """A tree written with `nodes`: its leads in the order of the question's answers, asked
    in the same order as a table compiled into the same tree (whatever order the nodes are
    written in), so a tree and a table that decide alike also walk alike."""
    nodes = {}
    assert triage.start is not None  # the structure checks ran first
    for node in triage.nodes or ():
        question = triage.question(node.question)
        assert question is not None
        given = dict(node.answers)
        leads = tuple((a.id, given[a.id]) for a in question.known_answers)
        nodes[node.id] = Node(key=node.id, question=question, leads=leads)
    return _flow(triage.start, nodes, _preorder(triage.start, nodes))


def _preorder(start: str, nodes: dict[str, Node]) -> dict[str, int]:
    """Number the nodes from the root down, answers in order: where a walk asks first."""
    position: dict[str, int] = {}
    stack = [start]
    while stack:
        key = stack.pop()
        if key in nodes and key not in position:
            position[key] = len(position)
            stack.extend(target for _, target in reversed(nodes[key].leads))
    return position


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
    named = [{q for q, _ in row.when if q in sizes} for row in triage.table]
    return sum(math.prod(n for q, n in sizes.items() if q not in given) for given in named)


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


def decide(plan: Flow, answers: dict[str, str]) -> str:
    """The outcome for one known answer to each question the flow asks."""
    target = plan.start
    while target in plan.nodes:
        node = plan.nodes[target]
        target = dict(node.leads)[answers[node.question.id]]
    return target


def decision_rows(triage: Triage) -> Iterator[tuple[Combination, str]]:
    """Every combination of known answers with its outcome, in the order of the questions and
    of their answers: the full table a reviewer compares with a published one."""
    plan = flow(triage)
    ids = [q.id for q in triage.questions]
    for combo in combinations(triage):
        yield combo, decide(plan, dict(zip(ids, combo, strict=True)))


def compile_table(triage: Triage) -> Flow:
    """The tree that gives the table's outcome for every combination while asking the fewest
    questions: least worst case first, then least total over all combinations, then the
    author's question order. Exact search over partial answers (tables are small: the checks
    refuse larger ones before this runs).

    With `order: written` the questions are asked in the author's order instead (a published
    framework fixes its own), each skipped where its answer can no longer change the outcome."""
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

    def matters(partial: tuple, index: int) -> bool:
        # Some way of answering the other open questions where this answer changes the outcome.
        rest = [(a,) if a is not None or i == index else choices[i] for i, a in enumerate(partial)]
        return any(len({value[fix(combo, index, a)] for a in choices[index]}) > 1 for combo in itertools.product(*rest))

    @functools.cache
    def best(partial: tuple) -> tuple[tuple[int, int], int | None]:
        if len(outcomes(partial)) == 1:
            return (0, 0), None
        if triage.order == ORDER_WRITTEN:
            return (0, 0), next(i for i, a in enumerate(partial) if a is None and matters(partial, i))
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
    # Sub-trees are built before their parents: number nodes from the root down.
    return _flow(start, nodes, _preorder(start, nodes))


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
        answer = self.question.given(answer_id)
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

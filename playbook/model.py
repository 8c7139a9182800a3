"""The playbook model: frozen attrs classes, built once from schema-valid data.

Every collection is a tuple so the whole model is immutable and safe to share between the
loader's worker thread and the UI. Ids stay in the author's order (answers mild to severe,
steps in the order they start).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from playbook.source import Document


def _tuple(items: Any) -> tuple:
    return tuple(items or ())


@attrs.frozen(kw_only=True)
class Severity:
    id: str
    name: str
    definition: str
    first_action_within: int
    notify: tuple[str, ...] = attrs.field(converter=_tuple)
    update_every: int
    rank: int  # 0 is the most severe


@attrs.frozen(kw_only=True)
class Role:
    id: str
    name: str
    duties: str


@attrs.frozen(kw_only=True)
class Category:
    id: str
    name: str
    description: str = ""


@attrs.frozen(kw_only=True)
class Suppression:
    file: str
    code: str
    reason: str


@attrs.frozen(kw_only=True)
class Criterion:
    """What an answer may mean, and the mildest severity an answer meaning it may reach."""

    id: str
    name: str
    question: str  # how to ask it of a leader facing an incident no playbook names
    floor: str  # a severity id
    description: str


@attrs.frozen(kw_only=True)
class Limits:
    triage_depth: int = 5
    review_days: int = 365


@attrs.frozen(kw_only=True)
class Answer:
    id: str
    label: str
    next: str | None = None
    outcome: str | None = None
    unknown: bool = False
    means: tuple[str, ...] = attrs.field(converter=_tuple, factory=tuple)  # criterion ids
    key: int | None = None  # the digit that picks this answer, when the author fixed one

    @property
    def leads_to(self) -> str:
        """The next question or the outcome (the schema requires exactly one of them)."""
        return self.next or self.outcome or ""


UNKNOWN = "unknown"  # how scripts say "not known" to any question, whatever the file calls it


@attrs.frozen(kw_only=True)
class Question:
    id: str
    ask: str
    help: str = ""
    ordered: bool = True  # answers run from mild to severe
    answers: tuple[Answer, ...] = attrs.field(converter=_tuple)

    def answer(self, answer_id: str) -> Answer | None:
        return next((a for a in self.answers if a.id == answer_id), None)

    def label(self, answer_id: str) -> str:
        """The label of an answer the checks have already found (a missing id is a bug)."""
        answer = self.answer(answer_id)
        if answer is None:
            raise KeyError(f"question {self.id!r} has no answer {answer_id!r}")
        return answer.label

    @property
    def known_answers(self) -> tuple[Answer, ...]:
        return tuple(a for a in self.answers if not a.unknown)

    @property
    def unknown_answer(self) -> Answer | None:
        return next((a for a in self.answers if a.unknown), None)

    def given(self, answer_id: str) -> Answer | None:
        """The answer a leader or a script gave: an id of this question, or `unknown` for
        its "not known" answer whatever the author called it."""
        return self.answer(answer_id) or (self.unknown_answer if answer_id == UNKNOWN else None)

    @property
    def keyed(self) -> tuple[tuple[int, Answer], ...]:
        """(digit, answer) in the order of the digits: an answer's own `key`, else the lowest
        digit no other answer claims, in the author's order."""
        taken = {a.key for a in self.answers if a.key is not None}
        free = (d for d in range(1, 100) if d not in taken)
        pairs = [(a.key if a.key is not None else next(free), a) for a in self.answers]
        return tuple(sorted(pairs, key=lambda pair: pair[0]))

    def by_key(self, digit: int) -> Answer | None:
        return next((a for d, a in self.keyed if d == digit), None)


@attrs.frozen(kw_only=True)
class TableRow:
    when: tuple[tuple[str, str], ...] = attrs.field(converter=_tuple)  # (question id, answer id)
    outcome: str
    index: int  # position in the author's table, for locating problems


@attrs.frozen(kw_only=True)
class TreeNode:
    """A place in a tree written with `nodes`: the question asked there, and where each of its
    known answers leads (a node id or a severity id). One question may be asked at many nodes."""

    id: str
    question: str
    answers: tuple[tuple[str, str], ...] = attrs.field(converter=_tuple)  # (answer id, node or severity id)


ORDER_FEWEST, ORDER_WRITTEN = "fewest", "written"


@attrs.frozen(kw_only=True)
class Triage:
    questions: tuple[Question, ...] = attrs.field(converter=_tuple)
    start: str | None = None
    table: tuple[TableRow, ...] | None = None  # the table form, as the author wrote it
    nodes: tuple[TreeNode, ...] | None = None  # a tree whose nodes ask shared questions
    order: str = ORDER_FEWEST  # a table's asking order: fewest questions, or as the questions are written

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def node(self, node_id: str) -> TreeNode | None:
        return next((n for n in self.nodes or () if n.id == node_id), None)

    @property
    def is_table(self) -> bool:
        return self.table is not None

    @property
    def rows(self) -> tuple[TableRow, ...]:
        """The table's rows; none for a tree."""
        return self.table or ()

    @property
    def has_nodes(self) -> bool:
        return self.nodes is not None


@attrs.frozen(kw_only=True)
class Step:
    id: str
    do: str
    owner: str
    within: int  # time box: minutes from declaration
    why: str = ""
    tips: tuple[str, ...] = attrs.field(converter=_tuple, factory=tuple)
    not_when: str = ""  # when a mentor would not take this step, and what instead


@attrs.frozen(kw_only=True)
class Response:
    severity: str
    steps: tuple[Step, ...] = attrs.field(converter=_tuple)


@attrs.frozen(kw_only=True)
class Lesson:
    id: str
    mistake: str
    instead: str
    story: str = ""
    steps: tuple[str, ...] = attrs.field(converter=_tuple, factory=tuple)
    status: str = "reviewed"  # or "draft": proposed, awaiting an author's review

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"


@attrs.frozen(kw_only=True)
class Mentor:
    role: str
    years: int

    def __str__(self) -> str:
        return f"{self.role}, {self.years} years"


@attrs.frozen(kw_only=True)
class NotApplicable:
    when: str
    instead: str
    see: str | None = None


@attrs.frozen(kw_only=True)
class Reference:
    title: str
    url: str


@attrs.frozen(kw_only=True)
class Clock:
    what: str
    within: str
    starts: str
    jurisdiction: str
    source: str
    hours: int | None = None
    url: str | None = None
    recipient: str = ""  # who is told or receives the filing
    duty: str = ""  # "must", or "where-feasible": a target that may be missed with reasons

    @property
    def deadline(self) -> str:
        """When, from what, and whether it binds: '8 hours from the death (must)'. A
        where-feasible deadline is a target the rule lets you miss, with reasons."""
        duty = {"must": " (must)", "where-feasible": " (where feasible)"}.get(self.duty, "")
        # A deadline in words reads "as soon as possible, counted from ...", never "within as soon ..."
        if self.within[:1].isdigit():
            return f"within {self.within} of {self.starts}{duty}"
        return f"{self.within}, counted from {self.starts}{duty}"

    def sentence(self) -> str:
        """The clock as one plain sentence, the same in every place it is shown."""
        to = f" To: {self.recipient}." if self.recipient else ""
        return f"{self.what}: {self.deadline}.{to} {self.jurisdiction}; {self.source}."


@attrs.frozen(kw_only=True)
class Adaptation:
    """An adaptation a mentor accepts at a twist; deviation entries are matched to it."""

    id: str
    did: str
    keywords: tuple[str, ...] = attrs.field(converter=_tuple)
    step: str | None = None  # the step it replaces; None: any step, or none


@attrs.frozen(kw_only=True)
class Twist:
    """Where the proven response does not fit. An old-style `twist: true` states nothing."""

    gets_wrong: str = ""
    voids: tuple[str, ...] = attrs.field(converter=_tuple, factory=tuple)
    adaptations: tuple[Adaptation, ...] = attrs.field(converter=_tuple, factory=tuple)
    questions: tuple[str, ...] = attrs.field(converter=_tuple, factory=tuple)
    objective: str | None = None
    weight: int = 3


@attrs.frozen(kw_only=True)
class Inject:
    id: str
    at: int  # minutes after the drill starts
    message: str
    reveals: tuple[tuple[str, str], ...] = attrs.field(converter=_tuple, factory=tuple)
    twist: Twist | None = None
    facilitator: str = ""


@attrs.frozen(kw_only=True)
class Module:
    """A stretch of play opened by a time jump (the first module by the briefing)."""

    title: str
    at: int  # the drill minute it starts
    minutes: int  # minutes of play before the clock holds for the next jump
    injects: tuple[Inject, ...] = attrs.field(converter=_tuple)
    jump: str = ""
    questions: tuple[str, ...] = attrs.field(converter=_tuple, factory=tuple)

    @property
    def ends(self) -> int:
        return self.at + self.minutes


@attrs.frozen(kw_only=True)
class ExpectedStep:
    step: str
    weight: int = 1


@attrs.frozen(kw_only=True)
class Guide:
    """The evaluator's guide for one objective."""

    good: str
    observe: tuple[str, ...] = attrs.field(converter=_tuple)


@attrs.frozen(kw_only=True)
class Objective:
    id: str
    goal: str
    steps: tuple[ExpectedStep, ...] = attrs.field(converter=_tuple)
    guide: Guide | None = None


@attrs.frozen(kw_only=True)
class Finding:
    """Something a novel drill's team should find in its coaching record: a clock that is
    running, or a decision that cannot wait. Any one keyword (any case) in the record finds it."""

    id: str
    said: str  # as an evaluator would recognise it
    keywords: tuple[str, ...] = attrs.field(converter=_tuple)


@attrs.frozen(kw_only=True)
class Novel:
    """A drill whose scenario no incident type fits: the team should take the coaching path,
    not force a playbook. Scored on its coaching record (see playbook/scoring.py)."""

    clocks: tuple[Finding, ...] = attrs.field(converter=_tuple)
    decisions: tuple[Finding, ...] = attrs.field(converter=_tuple)
    coach_within: int = 60  # the first hour: minutes from the declaration


@attrs.frozen(kw_only=True)
class Expectation:
    severity: str
    objectives: tuple[Objective, ...] = attrs.field(converter=_tuple, factory=tuple)
    classify_within: int | None = None
    novel: Novel | None = None  # set: no type fits, and `objectives` is empty


@attrs.frozen(kw_only=True)
class Drill:
    id: str
    title: str
    briefing: str
    injects: tuple[Inject, ...] = attrs.field(converter=_tuple)
    expect: Expectation
    duration: int | None = None
    facilitator_notes: str = ""
    questions: tuple[str, ...] = attrs.field(converter=_tuple, factory=tuple)
    # Old-style drills have one module of every inject, with no time jump.
    modules: tuple[Module, ...] = attrs.field(converter=_tuple, factory=tuple)

    @property
    def twists(self) -> tuple[Inject, ...]:
        return tuple(i for i in self.injects if i.twist is not None)

    def module_of(self, minute: float) -> Module | None:
        """The module under way at this drill minute (the last one started by then)."""
        return next((m for m in reversed(self.modules) if m.at <= minute), None)


@attrs.frozen(kw_only=True)
class IncidentType:
    id: str
    title: str
    category: str
    version: str
    status: str
    reviewed: str  # YYYY-MM-DD, kept as the author wrote it
    mentors: tuple[Mentor, ...] = attrs.field(converter=_tuple)
    summary: str
    recognise: tuple[str, ...] = attrs.field(converter=_tuple)
    does_not_apply: tuple[NotApplicable, ...] = attrs.field(converter=_tuple)
    triage: Triage
    responses: tuple[Response, ...] = attrs.field(converter=_tuple)
    tags: tuple[str, ...] = attrs.field(converter=_tuple, factory=tuple)
    synonyms: tuple[str, ...] = attrs.field(converter=_tuple, factory=tuple)  # how people say it, for search
    related: tuple[str, ...] = attrs.field(converter=_tuple, factory=tuple)
    references: tuple[Reference, ...] = attrs.field(converter=_tuple, factory=tuple)
    clocks: tuple[Clock, ...] = attrs.field(converter=_tuple, factory=tuple)
    lessons: tuple[Lesson, ...] = attrs.field(converter=_tuple, factory=tuple)
    drills: tuple[Drill, ...] = attrs.field(converter=_tuple, factory=tuple)
    path: str = ""
    # Positions of every node, for checks that run after the build. Not part of equality.
    source: Document | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def document(self) -> Document:
        """The positions in the file this type was built from. Checks run while it is attached;
        the loaded library drops it (see library.load), so reading it later is a bug."""
        if self.source is None:
            raise AttributeError(f"{self.id}: the source document was not kept")
        return self.source

    def response(self, severity: str) -> Response | None:
        return next((r for r in self.responses if r.severity == severity), None)

    def step(self, step_id: str) -> Step | None:
        """The step with this id (the same id in several severities is the same step)."""
        return next((s for r in self.responses for s in r.steps if s.id == step_id), None)

    @property
    def step_ids(self) -> frozenset[str]:
        return frozenset(s.id for r in self.responses for s in r.steps)

    def lessons_for(self, step_id: str) -> tuple[Lesson, ...]:
        """The reviewed lessons about a step: a draft is not yet advice."""
        return tuple(lesson for lesson in self.reviewed_lessons if step_id in lesson.steps)

    @property
    def reviewed_lessons(self) -> tuple[Lesson, ...]:
        return tuple(lesson for lesson in self.lessons if not lesson.is_draft)

    @property
    def draft_lessons(self) -> tuple[Lesson, ...]:
        return tuple(lesson for lesson in self.lessons if lesson.is_draft)

    def drill(self, drill_id: str) -> Drill | None:
        return next((d for d in self.drills if d.id == drill_id), None)


@attrs.frozen
class Summary:
    """An incident type in a line, as a listing shows it: what a load keeps instead of the whole
    model (tens of kilobytes a type) when a line is all that is wanted. Values that repeat across
    a library (category, status, version, date, tags) are interned: held once, not once a type."""

    id: str
    title: str
    category: str
    version: str
    status: str
    reviewed: str
    tags: tuple[str, ...]
    path: str

    @classmethod
    def of(cls, incident: IncidentType) -> Summary:
        return cls(
            incident.id,
            incident.title,
            sys.intern(incident.category),
            sys.intern(incident.version),
            sys.intern(incident.status),
            sys.intern(incident.reviewed),
            tuple(map(sys.intern, incident.tags)),
            incident.path,
        )


@attrs.frozen(kw_only=True)
class Library:
    name: str
    version: str
    severities: tuple[Severity, ...] = attrs.field(converter=_tuple)
    roles: tuple[Role, ...] = attrs.field(converter=_tuple)
    categories: tuple[Category, ...] = attrs.field(converter=_tuple)
    types: tuple[IncidentType, ...] = attrs.field(converter=_tuple, factory=tuple)
    description: str = ""
    limits: Limits = Limits()
    criteria: tuple[Criterion, ...] = attrs.field(converter=_tuple, factory=tuple)
    suppress: tuple[Suppression, ...] = attrs.field(converter=_tuple, factory=tuple)
    root: str = ""

    def severity(self, severity_id: str) -> Severity | None:
        return next((s for s in self.severities if s.id == severity_id), None)

    def role(self, role_id: str) -> Role | None:
        return next((r for r in self.roles if r.id == role_id), None)

    def criterion(self, criterion_id: str) -> Criterion | None:
        return next((c for c in self.criteria if c.id == criterion_id), None)

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)

    def type(self, type_id: str) -> IncidentType | None:
        return next((t for t in self.types if t.id == type_id), None)

    def rank(self, severity_id: str) -> int:
        """0 for the most severe level; unknown ids rank below every level."""
        level = self.severity(severity_id)
        return level.rank if level else len(self.severities)

    def most_severe(self, severity_ids) -> str | None:
        return min(severity_ids, key=self.rank, default=None)

"""Score a drill run against the mentor's expectation, from plain inputs (no storage).

The rules, so a facilitator can explain every number to a team:

Classification (30 of the 100 points)
    The expected severity earns full credit, a more severe one half (costly, but safe), a
    milder one nothing (it under-resources the response), no classification nothing. A
    classification after the drill's `classify_within` keeps half of that credit.

Expected steps (70 of the 100 points, shared by weight)
    A step's time box is its `within` in the expected severity's response, counted from the
    declaration. The declaration is the team's classification minute, but never later than
    `classify_within`: a slow declaration does not buy extra time for the steps. Without a
    classification, the declaration is `classify_within` (or minute 0 when the drill sets none).
    Done by the end of its time box: full credit; done later: half; skipped or not done: none.

Steps the drill did not reach (HSEEP: not observed, which is not failed)
    A step not done whose time box was still open when the drill ended is "not reached": it
    earns nothing and costs nothing, because it is left out of the weights. Example: the drill
    ends at minute 20 and a step not done was due by minute 42: not reached, not missed. A step
    the team skipped was a decision made in play, so it still counts as skipped. With no
    expected step reached at all, the classification is the whole score.

The steps' wording
    Each step is named as the response the team worked words it: the severity it classified,
    else the expected one (SEV1 and SEV2 may word the same step differently).

Judgment at twists (the drill author states, per twist, what the proven response gets wrong,
the steps it makes pointless (`voids`) and the adaptations a mentor accepts)
    A voided step ticked done after the twist earns nothing: it was recital, not judgment.
    A deviation entry (did something else, with a reason) at a step is matched to the twists'
    adaptations: a match earns full credit, an unforeseen but documented deviation half.
    Each twist with adaptations is also a scored item of its objective (its `weight`, 3 by
    default): full credit when a deviation recorded from the twist on matches one of its
    adaptations, half for a documented deviation that matches none, nothing when the team
    went on with the script. A twist the drill did not reach is not observed.
    Example: twist "the rollback failed" voids `rollback`; one team ticks rollback after it
    (0) and never adapts (0); another records "forward fix, because the rollback corrupts the
    schema" at `rollback`, matching the adaptation `forward-fix` (1 and 1).

A novel drill (`expect.novel`: no incident type fits the scenario)
    Classification as above, except that declaring any incident type of the library is forcing
    a playbook: another incident type, nothing. The 70 points go to the coaching record
    instead of steps, in three objectives, each item due by `coach_within` minutes (default 60)
    from the declaration, late half, as for steps:
      think   each coaching prompt answered (weight 1 each);
      decide  each decision that cannot wait (weight 2), found by its keywords: logged on the
              board as a decision, which names who took it, full; only named in an answer or a
              note, half (no one owns it yet);
      clocks  each legal or contractual clock (weight 2), found by its keywords anywhere in the
              record (answers, notes, decisions).
    A team that forced a playbook answers no prompts on its board, so it loses most of these.
    Example: forced "Product recall", noted the appeal deadline: 0 + 2 of 23 weight ~ 6 / 100.

HSEEP rating per objective (its steps' weighted credit r, from 0 to 1)
    P  performed without challenges  every item earned full credit (r = 1)
    S  some challenges               no item earned nothing, some only half (late, unforeseen)
    M  major challenges              an item earned nothing, but r >= 1/2
    U  unable to perform             r < 1/2: the objective was not achieved
    N  not observed                  the drill ended before any of its steps' time boxes closed
Only the steps the drill reached count towards r and the rating.

Credits are exact fractions; percentages are rounded half up at the end only.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from fractions import Fraction

import attrs

from playbook.model import (
    Adaptation,
    Drill,
    ExpectedStep,
    IncidentType,
    Inject,
    Library,
    Novel,
    Objective,
    Step,
    Twist,
)

CLASSIFICATION_POINTS = 30
STEP_POINTS = 100 - CLASSIFICATION_POINTS
HALF = Fraction(1, 2)


@attrs.frozen
class Done:
    """The team did the step at this drill minute."""

    at: float


@attrs.frozen
class Skipped:
    """The team decided not to do the step (it scores as missed; the reason feeds the debrief)."""

    reason: str = ""


@attrs.frozen
class Deviated:
    """The team did something else (at `step`, or with no step), and said why, at this minute."""

    at: float
    did: str
    reason: str
    step: str | None = None


Outcome = Done | Skipped | Deviated


class Status(enum.Enum):
    IN_TIME = "in time"
    LATE = "late"
    MISSED = "missed"
    SKIPPED = "skipped"
    NOT_REACHED = "not reached"  # the drill ended while its time box was still open
    ADAPTED = "adapted as a mentor would"  # a deviation that matches an accepted adaptation
    DEVIATED = "did something else"  # a documented deviation no adaptation foresaw
    VOIDED = "done after the twist made it pointless"
    NOT_ADAPTED = "went on with the script after the twist"
    NAMED = "named, but no one owns it"  # a novel drill's decision said, never logged as one


class Verdict(enum.Enum):
    CORRECT = "correct"
    OVER = "more severe than expected"
    UNDER = "less severe than expected"
    NONE = "not classified"
    WRONG_TYPE = "another incident type"


class Rating(enum.Enum):
    P = "performed without challenges"
    S = "performed with some challenges"
    M = "performed with major challenges"
    U = "unable to be performed"
    N = "not observed"  # every step's time box was still open when the drill ended

    @property
    def label(self) -> str:
        return f"{self.name}: {self.value}"


@attrs.frozen
class Said:
    """A line of a novel drill's coaching record: a coaching answer (`prompt` is its id), a
    note or a decision (`prompt` is ""), who wrote it and at which drill minute."""

    kind: str  # coached | note | decision
    text: str
    at: float
    by: str = ""
    prompt: str = ""


@attrs.frozen
class Classification:
    """What the team declared, and when (drill minutes)."""

    severity: str
    minute: float
    other_type: str = ""  # the title of the incident type the team chose, when not the drill's


@attrs.frozen
class ClassificationResult:
    expected: str
    chosen: str | None
    minute: float | None
    limit: int | None  # the drill's classify_within
    verdict: Verdict
    on_time: bool | None  # None when not classified or the drill sets no limit
    credit: Fraction
    other_type: str = ""  # the title of the incident type the team chose, when not the drill's

    @property
    def correct(self) -> bool:
        return self.verdict is Verdict.CORRECT


@attrs.frozen
class StepResult:
    objective: str
    step: str
    do: str
    owner: str
    weight: int
    within: int  # the time box, minutes from the declaration
    deadline: float  # drill minute by which the step should be done
    done_at: float | None
    status: Status
    credit: Fraction
    reason: str = ""  # why the team skipped it or did something else, if it said
    did: str = ""  # a deviation: what the team did instead
    adaptation: str = ""  # the accepted adaptation the deviation matched (its `did`)
    twist: str = ""  # the twist inject this item judges (a twist's own item, or a voided step)
    twist_at: float | None = None  # the minute of that twist

    @property
    def on_time(self) -> bool:
        return self.status is Status.IN_TIME

    @property
    def reached(self) -> bool:
        """Whether it counts towards the score (see the module notes)."""
        return self.status is not Status.NOT_REACHED


@attrs.frozen
class ObjectiveResult:
    id: str
    goal: str
    steps: tuple[StepResult, ...]
    credit: Fraction | None  # weighted over the steps reached, 0..1; None when none was reached
    rating: Rating

    @property
    def percent(self) -> int | None:
        return None if self.credit is None else percent(self.credit)


@attrs.frozen
class Score:
    incident: str
    drill: str
    classification: ClassificationResult
    objectives: tuple[ObjectiveResult, ...]
    steps_credit: Fraction | None  # None when the drill reached no expected step
    declared_at: float  # the minute time boxes count from
    ended_at: float | None = None  # the drill minute it ended; None: every time box closed in play
    worked: str = ""  # the severity whose response names the steps (see the module notes)
    # Steps the team did that this drill does not expect: not scored, but part of its timeline.
    other_steps: tuple[tuple[str, float], ...] = ()
    novel: bool = False  # no incident type fits the drill: scored on the coaching record

    @property
    def steps(self) -> tuple[StepResult, ...]:
        return tuple(s for o in self.objectives for s in o.steps)

    @property
    def not_reached(self) -> tuple[StepResult, ...]:
        return tuple(s for s in self.steps if not s.reached)

    @property
    def total(self) -> int:
        """0-100: classification 30 points, expected steps 70, each by its credit; the
        classification alone when the drill reached no expected step."""
        if self.steps_credit is None:
            return percent(self.classification.credit)
        return percent(self.classification.credit * CLASSIFICATION_POINTS / 100 + self.steps_credit * STEP_POINTS / 100)

    @property
    def time_to_classify(self) -> float | None:
        """Minutes to a correct classification; None if the team never got it right."""
        return self.classification.minute if self.classification.correct else None


def percent(credit: Fraction) -> int:
    """A 0..1 credit as a whole percentage, rounded half up (Python's round() rounds half to even)."""
    return int(Fraction(credit) * 100 + HALF)


def score(
    incident: IncidentType,
    library: Library,
    drill: Drill,
    classification: Classification | None,
    outcomes: Mapping[str, Outcome],
    ended_at: float | None = None,
    deviations: Iterable[Deviated] = (),
    record: Iterable[Said] = (),
) -> Score:
    """Score one run of `drill`. `outcomes` maps step ids to Done, Skipped or Deviated; absent =
    not done. `deviations` are every deviation the team recorded, with a step or without (the
    twists' own items are matched against them). `ended_at` is the drill minute the drill
    ended; None scores as if every time box had closed. `record` is the team's coaching record,
    which a novel drill is scored on (see the module notes)."""
    expect = drill.expect
    judged = classify(library, expect.severity, expect.classify_within, classification)
    declared = declaration_minute(expect.classify_within, classification)
    if expect.novel is not None:
        objectives = novel_objectives(expect.novel, declared, ended_at, tuple(record))
        return Score(
            incident=incident.id,
            drill=drill.id,
            classification=judged,
            objectives=objectives,
            steps_credit=weighted([s for o in objectives for s in o.steps if s.reached]),
            declared_at=declared,
            ended_at=ended_at,
            worked=expect.severity,
            novel=True,
        )
    worked = classification.severity if classification else expect.severity
    every = (*(o for o in outcomes.values() if isinstance(o, Deviated)), *deviations)
    run = _Run(incident, expect.severity, worked, declared, ended_at, outcomes, drill, tuple(dict.fromkeys(every)))
    objectives = tuple(run.objective(objective) for objective in expect.objectives)
    reached = [s for o in objectives for s in o.steps if s.reached]
    weights = sum(s.weight for s in reached)
    earned = sum(s.weight * s.credit for s in reached)
    expected = {s.step for o in expect.objectives for s in o.steps}
    others = sorted(
        (
            (step_id, outcome.at)
            for step_id, outcome in outcomes.items()
            if step_id not in expected and isinstance(outcome, Done)
        ),
        key=lambda pair: pair[1],
    )
    return Score(
        incident=incident.id,
        drill=drill.id,
        classification=judged,
        objectives=objectives,
        steps_credit=Fraction(earned, weights) if weights else None,
        declared_at=declared,
        ended_at=ended_at,
        worked=worked,
        other_steps=tuple(others),
    )


def weighted(reached: Iterable[StepResult]) -> Fraction | None:
    items = list(reached)
    weights = sum(s.weight for s in items)
    return Fraction(sum(s.weight * s.credit for s in items), weights) if weights else None


# What a coach asks in the first hour (playbook.novel.PROMPTS words them for the leader).
THINK = "think", "Think it through together: every coaching prompt answered"
DECIDE = "decide", "Own the decisions that cannot wait"
CLOCKS = "clocks", "Find the legal and contractual clocks that are running"


def novel_objectives(
    novel: Novel, declared: float, ended_at: float | None, record: tuple[Said, ...]
) -> tuple[ObjectiveResult, ...]:
    """The coaching record of a novel drill as three rated objectives (see the module notes)."""
    from playbook.novel import PROMPTS  # the prompts the board asks; novel imports the journal

    deadline = declared + novel.coach_within
    ordered = sorted(record, key=lambda said: said.at)

    def item(objective: str, item_id: str, do: str, weight: int, found: Said | None, half: bool = False) -> StepResult:
        if found is None:
            missed = ended_at is not None and deadline > ended_at
            status = Status.NOT_REACHED if missed else Status.MISSED
            credit = Fraction(0)
        elif half:
            status, credit = Status.NAMED, HALF
        else:
            status = Status.IN_TIME if found.at <= deadline else Status.LATE
            credit = Fraction(1) if status is Status.IN_TIME else HALF
        return StepResult(
            objective,
            item_id,
            do,
            found.by if found is not None and found.by else "whole team",
            weight,
            novel.coach_within,
            deadline,
            found.at if found is not None else None,
            status,
            credit,
            reason=found.text if found is not None else "",
        )

    def first(keywords: Iterable[str], kinds: Iterable[str]) -> Said | None:
        words = [k.casefold() for k in keywords]
        wanted = set(kinds)
        return next((s for s in ordered if s.kind in wanted and any(w in s.text.casefold() for w in words)), None)

    think = [
        item(THINK[0], prompt, f"Answer the prompt: {ask}", 1, next((s for s in ordered if s.prompt == prompt), None))
        for prompt, ask in PROMPTS
    ]
    decide = []
    for finding in novel.decisions:
        owned = first(finding.keywords, ("decision",))
        named = owned or first(finding.keywords, ("coached", "note"))
        decide.append(item(DECIDE[0], finding.id, f"Decide and own: {finding.said}", 2, named, half=owned is None))
    clocks = [
        item(CLOCKS[0], f.id, f"Find the clock: {f.said}", 2, first(f.keywords, ("coached", "note", "decision")))
        for f in novel.clocks
    ]
    results = []
    for (objective_id, goal), steps in ((THINK, think), (DECIDE, decide), (CLOCKS, clocks)):
        reached = tuple(s for s in steps if s.reached)
        credit = weighted(reached)
        results.append(ObjectiveResult(objective_id, goal, tuple(steps), credit, rating(reached, credit)))
    return tuple(results)


def classify(library: Library, expected: str, limit: int | None, chosen: Classification | None) -> ClassificationResult:
    if chosen is None:
        return ClassificationResult(expected, None, None, limit, Verdict.NONE, None, Fraction(0))
    if chosen.other_type:
        verdict, credit = Verdict.WRONG_TYPE, Fraction(0)
    elif chosen.severity == expected:
        verdict, credit = Verdict.CORRECT, Fraction(1)
    elif library.rank(chosen.severity) < library.rank(expected):
        verdict, credit = Verdict.OVER, HALF
    else:
        verdict, credit = Verdict.UNDER, Fraction(0)
    on_time = None if limit is None else chosen.minute <= limit
    if on_time is False:
        credit *= HALF
    return ClassificationResult(
        expected, chosen.severity, chosen.minute, limit, verdict, on_time, credit, chosen.other_type
    )


def declaration_minute(limit: int | None, chosen: Classification | None) -> float:
    """The minute the time boxes count from (see the module notes)."""
    if chosen is None:
        return limit or 0
    return chosen.minute if limit is None else min(chosen.minute, limit)


def response_step(incident: IncidentType, severities: Iterable[str], step_id: str) -> Step:
    """The step as the first of these severities' responses words it, else wherever it is defined."""
    for severity in severities:
        response = incident.response(severity)
        found = next((s for s in response.steps if s.id == step_id), None) if response else None
        if found is not None:
            return found
    step = incident.step(step_id)
    if step is None:  # drills only expect steps that exist (P306)
        raise KeyError(f"{incident.id} has no step {step_id!r}")
    return step


def matches(adaptation: Adaptation, deviation: Deviated) -> bool:
    """A deviation is this adaptation when it is at the adaptation's step (or names no step)
    and its words carry one of the adaptation's keywords, in any case."""
    if adaptation.step and deviation.step not in (None, adaptation.step):
        return False
    words = f"{deviation.did} {deviation.reason}".casefold()
    return any(keyword.casefold() in words for keyword in adaptation.keywords)


def judged_deviation(twists: Iterable[Inject], deviation: Deviated) -> tuple[Status, Fraction, str]:
    """A deviation against the adaptations these twists accept: (status, credit, matched text)."""
    for inject in twists:
        for adaptation in inject.twist.adaptations if inject.twist else ():
            if matches(adaptation, deviation):
                return Status.ADAPTED, Fraction(1), adaptation.did
    return Status.DEVIATED, HALF, ""


def twist_objective(drill: Drill, twist: Twist) -> str:
    """The objective a twist's adaptation is rated under (see the schema's `objective`)."""
    if twist.objective:
        return twist.objective
    for step in twist.voids:
        found = next((o.id for o in drill.expect.objectives if any(s.step == step for s in o.steps)), None)
        if found:
            return found
    return drill.expect.objectives[0].id


@attrs.frozen
class _Run:
    """What every step of one run is scored against."""

    incident: IncidentType
    expected: str  # the severity whose time boxes count
    worked: str  # the severity whose response the team worked (names the steps)
    declared: float
    ended_at: float | None
    outcomes: Mapping[str, Outcome]
    drill: Drill
    deviations: tuple[Deviated, ...]

    @property
    def twists(self) -> tuple[Inject, ...]:
        """The twists the drill reached, in release order."""
        return tuple(
            sorted((i for i in self.drill.twists if self.ended_at is None or i.at <= self.ended_at), key=lambda i: i.at)
        )

    def voided_by(self, step_id: str) -> Inject | None:
        return next((i for i in self.twists if i.twist and step_id in i.twist.voids), None)

    def objective(self, objective: Objective) -> ObjectiveResult:
        steps = tuple(self.step(objective.id, expected) for expected in objective.steps)
        steps += tuple(
            self.twist_item(objective.id, inject)
            for inject in self.drill.twists
            if inject.twist and inject.twist.adaptations and twist_objective(self.drill, inject.twist) == objective.id
        )
        reached = tuple(s for s in steps if s.reached)
        weights = sum(s.weight for s in reached)
        credit = Fraction(sum(s.weight * s.credit for s in reached), weights) if weights else None
        return ObjectiveResult(objective.id, objective.goal, steps, credit, rating(reached, credit))

    def step(self, objective_id: str, expected: ExpectedStep) -> StepResult:
        named = response_step(self.incident, (self.worked, self.expected), expected.step)
        within = response_step(self.incident, (self.expected,), expected.step).within
        deadline = self.declared + within
        outcome = self.outcomes.get(expected.step)
        reason = did = adaptation = ""
        voided = self.voided_by(expected.step)
        if isinstance(outcome, Deviated):
            status, credit, adaptation = judged_deviation(self.twists, outcome)
            reason, did, done_at = outcome.reason, outcome.did, outcome.at
        elif isinstance(outcome, Done) and voided is not None and outcome.at >= voided.at:
            status, done_at = Status.VOIDED, outcome.at
        elif isinstance(outcome, Done):
            status = Status.IN_TIME if outcome.at <= deadline else Status.LATE
            done_at = outcome.at
        else:
            status = Status.SKIPPED if isinstance(outcome, Skipped) else Status.MISSED
            if status is Status.MISSED and self.ended_at is not None and deadline > self.ended_at:
                status = Status.NOT_REACHED
            reason = outcome.reason if isinstance(outcome, Skipped) else ""
            done_at = None
        if not isinstance(outcome, Deviated):
            credit = {Status.IN_TIME: Fraction(1), Status.LATE: HALF}.get(status, Fraction(0))
        return StepResult(
            objective_id,
            expected.step,
            named.do,
            named.owner,
            expected.weight,
            within,
            deadline,
            done_at,
            status,
            credit,
            reason,
            did,
            adaptation,
            voided.id if voided is not None else "",
            voided.at if voided is not None else None,
        )

    def twist_item(self, objective_id: str, inject: Inject) -> StepResult:
        """Adapting at a twist, scored as one item of its objective (see the module notes)."""
        twist = inject.twist
        assert twist is not None
        label = f"Adapt at the twist (minute {inject.at}): {inject.message.strip()}"
        if inject not in self.twists:
            status, credit, found = Status.NOT_REACHED, Fraction(0), None
        else:
            after = [d for d in self.deviations if d.at >= inject.at]
            judged = [(d, *judged_deviation((inject,), d)) for d in after if d.reason.strip()]
            found = max(judged, key=lambda j: j[2], default=None)
            status, credit = (found[1], found[2]) if found else (Status.NOT_ADAPTED, Fraction(0))
        return StepResult(
            objective_id,
            inject.id,
            label,
            "whole team",
            twist.weight,
            0,
            float(inject.at),
            found[0].at if found else None,
            status,
            credit,
            found[0].reason if found else "",
            found[0].did if found else "",
            found[3] if found else "",
            inject.id,
            float(inject.at),
        )


def rating(reached: tuple[StepResult, ...], credit: Fraction | None) -> Rating:
    """The HSEEP rating of an objective from the items the drill reached and their credit."""
    if credit is None:
        return Rating.N
    if credit < HALF:
        return Rating.U
    if any(s.credit == 0 for s in reached):
        return Rating.M
    if any(s.credit < 1 for s in reached):
        return Rating.S
    return Rating.P

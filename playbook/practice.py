"""Practice history: drill and recognition-drill results, trends, and what to practise next.

Storage-free: a history is any iterable of PracticeRecord; the journal keeps them.

Which drill next (spaced repetition, Leitner-style), per incident type that has a drill:
    weight   = a drill's coverage: expected steps observed / expected steps; 1 for a recognition
               drill or a record from before coverage was kept. A drill ended before any
               expected step fell due (classification only, weight 0) shows when the type was
               last practised but says nothing about the response: it is left out of recent
               and streak, so one minute's 100 / 100 never marks a type as mastered.
    recent   = the weight-weighted mean score of the last 3 results of weight above 0 for the
               type (drills and recognition drills); 0 when there is none yet
    streak   = how many of the latest results of weight above 0 in a row scored 80 or more (at most 4)
    interval = 7 days x 2^streak            (7, 14, 28, 56, 112 days)
    overdue  = days since the last result / interval
    need     = overdue + (100 - recent) / 100; 3 for a type never practised (as if two
               intervals overdue with nothing learnt)
    risk     = how severe the type can get: (levels - rank) / levels for the most severe level
               its triage can give (with 4 levels: SEV1 1, SEV2 0.75, SEV3 0.5, SEV4 0.25)
    priority = risk x need
Highest priority first (title order on ties), each with the reason in words. So a type that can
reach SEV1 and was never practised comes first, a weak SEV1 type soon after a month's gap
outranks a never-practised SEV4 type, a mastered one comes back every few months, and nothing is
forgotten for good.

The recognition drill: a short text made of a drill's injects, up to the one that settles the
triage; the player names the incident type and the severity against the clock.
"""

from __future__ import annotations

import enum
import random
from collections.abc import Iterable
from datetime import datetime
from fractions import Fraction

import attrs

from playbook.drill import assess
from playbook.model import Drill, IncidentType, Library
from playbook.scoring import Classification, Score, Verdict, classify, percent

GOOD_SCORE = 80
RECENT = 3
BASE_INTERVAL_DAYS = 7
MAX_STREAK = 4
NEVER_PRACTISED = 3.0  # a type's need when it was never practised (see the notes)
RECOGNITION_SECONDS = 30  # a leader should name the situation within half a minute


class Kind(enum.Enum):
    DRILL = "drill"
    RECOGNITION = "recognition"


def _names(value) -> tuple[str, ...]:
    return tuple(value or ())


@attrs.frozen(kw_only=True)
class PracticeRecord:
    """One practice result for a team and its participants."""

    when: datetime
    kind: Kind
    incident: str  # incident type id
    score: int = attrs.field(validator=[attrs.validators.ge(0), attrs.validators.le(100)])  # 0-100
    time_to_classify: float | None  # minutes to a correct classification; None if not correct
    team: str = ""
    participants: tuple[str, ...] = attrs.field(converter=_names, factory=tuple)
    drill: str = ""  # the drill id (for a recognition drill, the drill the text came from)
    # A drill's expected steps, and how many the drill reached (observed); None for a
    # recognition drill or a record kept before coverage was.
    steps_expected: int | None = None
    steps_observed: int | None = None

    @property
    def weight(self) -> Fraction:
        """How much the score says about the team (see the module notes)."""
        if not self.steps_expected or self.steps_observed is None:
            return Fraction(1)
        return Fraction(self.steps_observed, self.steps_expected)

    @property
    def coverage(self) -> str:
        return coverage_text(self.steps_observed, self.steps_expected)


def coverage_text(observed: int | None, expected: int | None) -> str:
    """'(classification only)' or '(2 of 4 expected steps observed)' beside a score; '' when
    every expected step was observed or the record does not say."""
    if not expected or observed is None or observed >= expected:
        return ""
    if observed == 0:
        return "(classification only)"
    return f"({observed} of {expected} expected steps observed)"


def record_data(record: PracticeRecord) -> dict:
    """The record as plain JSON data, for the journal."""
    data = attrs.asdict(record)
    data.update(when=record.when.isoformat(), kind=record.kind.value, participants=list(record.participants))
    return data


def record_from_data(data: dict) -> PracticeRecord:
    """The inverse of record_data; ValueError names what is wrong with data that is not a record."""
    try:
        fields = dict(data)
        fields.update(when=datetime.fromisoformat(fields["when"]), kind=Kind(fields["kind"]))
        return PracticeRecord(**fields)
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"not a practice record: {error}") from None


def drill_record(score: Score, when: datetime, team: str = "", participants: Iterable[str] = ()) -> PracticeRecord:
    return PracticeRecord(
        when=when,
        kind=Kind.DRILL,
        incident=score.incident,
        drill=score.drill,
        score=score.total,
        time_to_classify=score.time_to_classify,
        team=team,
        participants=participants,
        steps_expected=len(score.steps),
        steps_observed=sum(s.reached for s in score.steps),
    )


def practised_by(
    records: Iterable[PracticeRecord], team: str | None = None, participant: str | None = None
) -> tuple[PracticeRecord, ...]:
    """The records of one team and/or one participant, oldest first."""
    chosen = (
        r
        for r in records
        if (team is None or r.team == team) and (participant is None or participant in r.participants)
    )
    return tuple(sorted(chosen, key=lambda r: r.when))


@attrs.frozen
class TrendPoint:
    when: datetime
    kind: Kind
    score: int
    time_to_classify: float | None
    coverage: str = ""  # see PracticeRecord.coverage


def trend(records: Iterable[PracticeRecord], incident: str) -> tuple[TrendPoint, ...]:
    """Score and time to a correct classification over time, for one incident type (the chart)."""
    return tuple(
        TrendPoint(r.when, r.kind, r.score, r.time_to_classify, r.coverage)
        for r in sorted(records, key=lambda r: r.when)
        if r.incident == incident
    )


# --- What to practise next ---------------------------------------------------------------------


@attrs.frozen
class Suggestion:
    incident: str
    drill: str  # the type's drill this team has run least recently
    priority: float  # risk x need (see the module notes)
    reason: str
    days_since: float | None = None  # None: never practised
    recent_score: int | None = None


def suggest(
    records: Iterable[PracticeRecord], library: Library, now: datetime, limit: int = 3
) -> tuple[Suggestion, ...]:
    """The next drills to run, most needed first (see the module notes for the formula).
    Pass the records of one team or participant (see `practised_by`)."""
    history = sorted(records, key=lambda r: r.when)
    found = [
        _suggestion(incident, library, [r for r in history if r.incident == incident.id], now)
        for incident in library.types
        if incident.drills
    ]
    titles = {t.id: t.title.lower() for t in library.types}
    found.sort(key=lambda s: (-s.priority, titles[s.incident]))
    return tuple(found[:limit])


def worst_severity(incident: IncidentType, library: Library) -> str | None:
    """The most severe level the type's triage names as an outcome."""
    triage = incident.triage
    outcomes = {a.outcome for q in triage.questions for a in q.answers if a.outcome}
    outcomes |= {row.outcome for row in triage.table or ()}
    outcomes |= {to for node in triage.nodes or () for _, to in node.answers}  # node ids rank below every level
    return library.most_severe(o for o in outcomes if library.severity(o) is not None)


def risk(incident: IncidentType, library: Library) -> float:
    """(levels - rank) / levels of the most severe level the type can reach (see the notes)."""
    levels = len(library.severities)
    worst = worst_severity(incident, library)
    return (levels - library.rank(worst)) / levels if worst and levels else 0.0


def _suggestion(incident: IncidentType, library: Library, results: list[PracticeRecord], now: datetime) -> Suggestion:
    drill = _least_recent_drill(incident, results)
    weight = risk(incident, library)
    worst = worst_severity(incident, library)
    level = library.severity(worst) if worst else None
    reaches = f"can reach {worst} ({level.name})" if level else "reaches no severity"
    if not results:
        return Suggestion(incident.id, drill.id, weight * NEVER_PRACTISED, f"{reaches}; never practised")
    weighed = [r for r in results if r.weight > 0]
    last = weighed[-RECENT:]
    weights = sum(r.weight for r in last)
    recent = sum(r.weight * r.score for r in last) / weights if last else Fraction(0)
    streak = 0
    for record in reversed(weighed):
        if record.score < GOOD_SCORE or streak == MAX_STREAK:
            break
        streak += 1
    interval = BASE_INTERVAL_DAYS * 2**streak
    days = (now - results[-1].when).total_seconds() / 86400
    priority = weight * (days / interval + float((100 - recent) / 100))
    recent_score = percent(recent / 100)
    scored = f"recent score {recent_score}" if last else "no run has reached an expected step yet"
    reason = f"{reaches}; last practised {_ago(days)} (due every {interval} days); {scored}"
    return Suggestion(incident.id, drill.id, priority, reason, days, recent_score)


def _ago(days: float) -> str:
    whole = int(days)
    return "today" if whole == 0 else "1 day ago" if whole == 1 else f"{whole} days ago"


def _least_recent_drill(incident: IncidentType, results: list[PracticeRecord]) -> Drill:
    """Never-run drills first, in the author's order; then the one run longest ago."""
    last_run = {r.drill: r.when.timestamp() for r in results if r.kind is Kind.DRILL}
    return min(incident.drills, key=lambda d: last_run.get(d.id, float("-inf")))


# --- The recognition drill ---------------------------------------------------------------------


@attrs.frozen
class RecognitionItem:
    """A short text and the right answer: which incident type, and how severe."""

    text: str
    incident: str
    severity: str
    drill: str
    inject: str  # the inject whose facts settle the triage


@attrs.frozen
class RecognitionAnswer:
    incident: str
    severity: str
    seconds: float  # how long the player took


@attrs.frozen
class RecognitionResult:
    item: RecognitionItem
    answer: RecognitionAnswer
    type_right: bool
    severity: Verdict
    on_time: bool
    score: int


def recognition_items(library: Library) -> tuple[RecognitionItem, ...]:
    """One item per drill in the library whose injects settle the triage."""
    items = []
    for incident in library.types:
        for drill in incident.drills:
            item = _item(incident, library, drill)
            if item is not None:
                items.append(item)
    return tuple(items)


def recognition_item(library: Library, rng: random.Random, among: Iterable[str] | None = None) -> RecognitionItem:
    """A random item, optionally only from the incident types `among` (say, the suggested ones)."""
    wanted = set(among) if among is not None else None
    items = [i for i in recognition_items(library) if wanted is None or i.incident in wanted]
    if not items:
        raise ValueError("no drill in the chosen incident types reveals enough to settle a severity")
    return rng.choice(items)


def _item(incident: IncidentType, library: Library, drill: Drill) -> RecognitionItem | None:
    injects = sorted(drill.injects, key=lambda i: i.at)
    for count in range(1, len(injects) + 1):
        shown = injects[:count]
        settled = assess(incident, library, tuple(shown)).severity
        if settled is not None:
            text = " ".join(i.message.strip() for i in shown)
            return RecognitionItem(text, incident.id, settled, drill.id, shown[-1].id)
    return None


def score_recognition(
    library: Library, item: RecognitionItem, answer: RecognitionAnswer, limit: float = RECOGNITION_SECONDS
) -> RecognitionResult:
    """Type right: 50 points. Severity: 50 if right, 25 if more severe, 0 if milder (as in a
    drill). An answer after `limit` seconds keeps half."""
    type_right = answer.incident == item.incident
    judged = classify(library, item.severity, None, Classification(answer.severity, answer.seconds / 60))
    on_time = answer.seconds <= limit
    credit = (Fraction(int(type_right)) + judged.credit) / 2 * (1 if on_time else Fraction(1, 2))
    return RecognitionResult(item, answer, type_right, judged.verdict, on_time, percent(credit))


def recognition_record(
    result: RecognitionResult, when: datetime, team: str = "", participants: Iterable[str] = ()
) -> PracticeRecord:
    right = result.type_right and result.severity is Verdict.CORRECT
    return PracticeRecord(
        when=when,
        kind=Kind.RECOGNITION,
        incident=result.item.incident,
        drill=result.item.drill,
        score=result.score,
        time_to_classify=result.answer.seconds / 60 if right else None,
        team=team,
        participants=participants,
    )

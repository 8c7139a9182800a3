"""Running a drill: the clock, which injects are out, what players may see, what is known so far.

Everything here is a pure function of its inputs, so a facilitator's terminal and a player's
terminal given the same start time and the same facilitator moves show the same drill.

Drill minutes are scenario time. Under a real-time pace one drill minute is one real minute;
accelerated by 4, a drill minute passes every 15 real seconds; under the facilitator's pace the
clock stands still and moves only when the facilitator advances to the next inject.
"""

from __future__ import annotations

import re

import attrs

from playbook.model import Drill, IncidentType, Inject, Library, Module, Question
from playbook.triage import Walk


@attrs.frozen
class Pace:
    """How drill minutes pass: `factor` drill minutes per real minute (0: only by hand)."""

    name: str
    factor: float

    @classmethod
    def real_time(cls) -> Pace:
        return cls("real-time", 1.0)

    @classmethod
    def accelerated(cls, factor: float) -> Pace:
        if not factor > 0:
            raise ValueError(f"an accelerated pace needs a factor above 0, not {factor!r}")
        return cls(f"accelerated x{factor:g}", float(factor))

    @classmethod
    def facilitator(cls) -> Pace:
        return cls("facilitator-advanced", 0.0)

    @classmethod
    def parse(cls, text: str) -> Pace:
        """'real-time', 'facilitator', or an acceleration such as 'x4', '4x' or '4'."""
        word = text.strip().lower()
        if word in ("real-time", "realtime", "real"):
            return cls.real_time()
        if word in ("facilitator", "manual", "facilitator-advanced"):
            return cls.facilitator()
        match = re.fullmatch(r"x?\s*([0-9]+(?:\.[0-9]+)?)\s*x?", word)
        if match and float(match.group(1)) > 0:
            return cls.accelerated(float(match.group(1)))
        raise ValueError(f"unknown pace {text!r}: use real-time, facilitator, or a factor such as x4")

    @property
    def by_hand(self) -> bool:
        return self.factor == 0


@attrs.frozen
class Release:
    """Where a running drill stands. Immutable: `at` and `advance` return a new Release.

    `marks` are (real second, drill minute) pairs: the clock runs at the pace from each mark
    until the next. The start is a mark, and each facilitator advance adds one at the next
    inject's minute, so the jump is exact and any moment of the drill maps back to its minute."""

    drill: Drill
    pace: Pace
    elapsed: float = 0.0  # real seconds since the drill started
    marks: tuple[tuple[float, float], ...] = ((0.0, 0.0),)

    @property
    def minute(self) -> float:
        """Drill minutes since the start."""
        return self.minute_at(self.elapsed)

    def minute_at(self, elapsed: float) -> float:
        """The drill minute at `elapsed` real seconds, up to now: for stamping what the team did.
        A running clock holds at the end of a module followed by a time jump: only the
        facilitator moves the drill on to the next morning (see `hold`)."""
        seconds, minute = next((m for m in reversed(self.marks) if m[0] <= elapsed), self.marks[0])
        running = minute + (max(elapsed, seconds) - seconds) * self.pace.factor / 60
        hold = self.hold(minute)
        return running if hold is None else min(running, max(hold, minute))

    def hold(self, minute: float) -> int | None:
        """Where a clock running from `minute` stops: the end of its module when the next
        module starts later (a time jump of hours would otherwise be played out in real time)."""
        modules = self.drill.modules
        for current, following in zip(modules, modules[1:], strict=False):
            if current.at <= minute < following.at and following.at > current.ends:
                return current.ends
        return None

    @property
    def held(self) -> bool:
        """The clock is waiting at the end of a module for the facilitator's time jump."""
        hold = self.hold(self.marks[-1][1])
        return hold is not None and self.minute >= hold and not self.pace.by_hand

    @property
    def module(self) -> Module | None:
        """The module under way: the last one whose start the clock has reached."""
        return self.drill.module_of(self.minute)

    @property
    def injects(self) -> tuple[Inject, ...]:
        """Every inject in release order: by minute, then as the author listed them."""
        return tuple(sorted(self.drill.injects, key=lambda inject: inject.at))

    @property
    def released(self) -> tuple[Inject, ...]:
        return tuple(i for i in self.injects if i.at <= self.minute)

    @property
    def upcoming(self) -> tuple[Inject, ...]:
        return tuple(i for i in self.injects if i.at > self.minute)

    @property
    def next(self) -> Inject | None:
        return next(iter(self.upcoming), None)

    @property
    def seconds_to_next(self) -> float | None:
        """Real seconds until the next inject is due; None if none is left or only the
        facilitator can release it."""
        coming = self.next
        if coming is None or self.pace.by_hand or self.held:
            return None
        hold = self.hold(self.marks[-1][1])
        if hold is not None and coming.at > hold:  # behind a time jump: the facilitator's to release
            return None
        return (coming.at - self.minute) * 60 / self.pace.factor

    @property
    def finished(self) -> bool:
        """Every inject is out and, on a running clock, the planned duration (if any) has run."""
        if self.next is not None:
            return False
        last = self.drill.modules[-1].ends if self.drill.modules else 0
        return self.pace.by_hand or self.minute >= min(self.drill.duration or 0, last)

    def at(self, elapsed: float) -> Release:
        """The drill `elapsed` real seconds after its start. The clock never runs backwards."""
        return attrs.evolve(self, elapsed=max(elapsed, self.elapsed))

    def advance(self) -> Release:
        """The facilitator releases the next inject now (with any due at the same minute)."""
        coming = self.next
        if coming is None:
            return self
        return attrs.evolve(self, marks=(*self.marks, (self.elapsed, float(coming.at))))


def start(drill: Drill, pace: Pace) -> Release:
    return Release(drill=drill, pace=pace)


def shared_state(release: Release) -> dict:
    """What a second terminal needs, beside the drill and the start time, to show the same
    drill: plain JSON data (the journal can keep it with the drill's entries)."""
    return {"pace": release.pace.name, "factor": release.pace.factor, "marks": [list(m) for m in release.marks]}


def join(drill: Drill, state: dict, elapsed: float) -> Release:
    """The drill as another terminal runs it, `elapsed` real seconds after its start."""
    try:
        pace = Pace(str(state["pace"]), float(state["factor"]))
        marks = tuple((float(seconds), float(minute)) for seconds, minute in state["marks"])
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"not a drill's shared state: {error}") from None
    if pace.factor < 0 or not marks:
        raise ValueError("not a drill's shared state: a negative pace or no clock marks")
    return Release(drill=drill, pace=pace, marks=marks).at(elapsed)


# --- What players see ------------------------------------------------------------------------
# Separate types with no field for facilitator material, so none can reach a player's screen
# by mistake. Reveals and twists stay out too: they are the answer key.


@attrs.frozen
class PlayerInject:
    id: str
    at: int
    message: str


@attrs.frozen
class PlayerModule:
    """A module as players see it: its title, the time jump read to them, its discussion questions."""

    title: str
    at: int
    jump: str
    questions: tuple[str, ...]


@attrs.frozen
class PlayerView:
    drill: str
    title: str
    briefing: str
    minute: float
    injects: tuple[PlayerInject, ...]  # released so far, oldest first
    seconds_to_next: float | None
    finished: bool
    modules: tuple[PlayerModule, ...] = ()  # the modules reached so far
    held: bool = False  # the clock waits at the end of a module for the facilitator's time jump


def player_view(release: Release) -> PlayerView:
    """The drill as players see it: the briefing and the injects released so far. The
    incident type is not named: recognising it is part of the drill."""
    drill = release.drill
    return PlayerView(
        drill=drill.id,
        title=drill.title,
        briefing=drill.briefing,
        minute=release.minute,
        injects=tuple(PlayerInject(i.id, i.at, i.message) for i in release.released),
        seconds_to_next=release.seconds_to_next,
        finished=release.finished,
        modules=tuple(
            PlayerModule(m.title, m.at, m.jump, m.questions) for m in drill.modules if m.at <= release.minute
        ),
        held=release.held,
    )


# --- What is known so far ----------------------------------------------------------------------


@attrs.frozen
class Fact:
    """A triage answer an inject has made known."""

    question: str
    answer: str
    ask: str
    label: str
    inject: str
    minute: int


@attrs.frozen
class Assessment:
    """The facts known so far and the severity they lead to by the incident's own triage."""

    facts: tuple[Fact, ...]
    severity: str | None  # None until the facts settle the triage
    possible: tuple[str, ...]  # severities still possible, most severe first
    open_question: Question | None  # the next question the facts do not answer yet


def facts(incident: IncidentType, injects: tuple[Inject, ...]) -> tuple[Fact, ...]:
    """Revealed answers in the order the questions first came up; a later inject that reveals
    the same question again (the spread got worse) replaces the earlier answer."""
    known: dict[str, Fact] = {}
    for inject in sorted(injects, key=lambda i: i.at):
        for question_id, answer_id in inject.reveals:
            question = incident.triage.question(question_id)
            answer = question.answer(answer_id) if question else None
            if answer is None:  # the checks report these (P308); a drill still runs without them
                continue
            known[question_id] = Fact(question_id, answer_id, question.ask, answer.label, inject.id, inject.at)
    return tuple(known.values())


def assess(incident: IncidentType, library: Library, injects: tuple[Inject, ...]) -> Assessment:
    """Walk the triage with the revealed answers as far as they go."""
    known = facts(incident, injects)
    answers = {f.question: f.answer for f in known}
    walk = Walk.start(incident, library)
    while walk.question is not None and walk.question.id in answers:
        walk = walk.answer(answers[walk.question.id])
    return Assessment(known, walk.severity, walk.possible, walk.question)


def facilitator_notes(release: Release) -> tuple[tuple[Inject, str], ...]:
    """The facilitator's notes on the injects released so far, oldest first."""
    return tuple((i, i.facilitator) for i in release.released if i.facilitator)

"""A drill as it runs, kept in the journal: the glue between the drill engine and the journal.

A drill is a journal incident of kind 'drill' (DRL-...), so it is as durable as a live one and
never appears in live lists or reports. Its entries, in the order they happen:

  drill-started   type, type_title, drill, drill_title, team, participants, facilitator, clock{}
  inject          inject, at (recorded as the facilitator's terminal sees it released)
  drill-clock     clock{} after a facilitator advance (drill.shared_state)
  drill-joined    terminal, name: a player's process opened the drill (again when named)
  declared ...    the team's classification and response: the very entries a live incident
                  uses (playbook.incident), from the declaration on
  practice        the scored result (practice.record_data), which ends the drill

A second terminal rebuilds the same clock from `drill-started` and the last `drill-clock`.
Journal times become drill minutes through the drill clock (Release.minute_at), so a step done
90 real seconds in, at an x4 pace, counts as done at drill minute 6.

A recognition drill has no clock and no team response: it is a drill incident of one
`practice` entry, so every practice result lives in the same append-only log.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

import attrs

from playbook import drill as engine
from playbook import improvement
from playbook.debrief import Debrief, TeamEntry, debrief
from playbook.errors import PlaybookError
from playbook.incident import Answers, Incident, IncidentError, StepState, declaration, fold
from playbook.journal import Draft, Entry, JournalStore, Outbox, draft
from playbook.live import Following, pending_entry
from playbook.model import Drill, IncidentType, Inject, Library
from playbook.novel import NOVEL, GenericTriage
from playbook.novel import declaration as novel_declaration
from playbook.paths import default_journal
from playbook.practice import PracticeRecord, drill_record, practised_by, record_data, record_from_data
from playbook.render import minutes, tenths
from playbook.reports import Timing
from playbook.scoring import Classification, Deviated, Done, Outcome, Said, Score, Skipped, score

STARTED, INJECT, CLOCK, PRACTICE, JOINED = "drill-started", "inject", "drill-clock", "practice", "drill-joined"
# The drill's own entries, around the team's: never part of the team's incident.
DRILL_KINDS = (STARTED, INJECT, CLOCK, PRACTICE, JOINED, improvement.PLAN, improvement.STATUS)


class DrillRunError(PlaybookError):
    """The drill cannot be started, found or continued; the message says why."""


def join_command(
    drill_id: str,
    journal: Path,
    library: Path | str = "",
    default: Path | None = None,
    default_library: Path | None = None,
) -> str:
    """What a player types in a second terminal to join: the journal and the library are named
    unless they are the defaults, since a player's terminal would otherwise open others."""
    from playbook.library import default_root

    command = f"playbook drill join {drill_id}"
    if _differs(journal, default or default_journal()):
        command += f" --journal {shlex.quote(str(journal))}"
    if library and _differs(library, default_library or default_root()):
        command += f" --library {shlex.quote(str(library))}"
    return command


def _differs(path: Path | str, default: Path | str) -> bool:
    return Path(path).expanduser().resolve() != Path(default).expanduser().resolve()


def participants_of(text: str | Iterable[str]) -> tuple[str, ...]:
    """'Ann, Bo ,, Cy' -> ('Ann', 'Bo', 'Cy'): names as typed, each once."""
    names = text.split(",") if isinstance(text, str) else text
    return tuple(dict.fromkeys(n.strip() for n in names if n.strip()))


@attrs.frozen
class DrillRun:
    """One drill read back from the journal, with its clock as of `now`."""

    id: str
    incident: IncidentType = attrs.field(repr=False)
    drill: Drill = attrs.field(repr=False)
    team: str
    participants: tuple[str, ...]
    facilitator: str
    started_at: datetime
    release: engine.Release = attrs.field(repr=False)
    entries: tuple[Entry, ...] = attrs.field(repr=False)

    def elapsed(self, moment: datetime) -> float:
        return (moment - self.started_at).total_seconds()

    def minute_of(self, moment: datetime) -> float:
        """The drill minute of a real moment (a journal time), by the drill clock."""
        return self.release.minute_at(self.elapsed(moment))

    @property
    def minute(self) -> float:
        return self.release.minute

    @property
    def result(self) -> PracticeRecord | None:
        """The stored result once the drill has ended."""
        found = [e for e in self.entries if e.kind == PRACTICE]
        return record_from_data(dict(found[0].data)) if found else None

    @property
    def ended(self) -> bool:
        return any(e.kind == PRACTICE for e in self.entries)

    @property
    def players(self) -> tuple[str, ...]:
        """Who joined from a player's terminal, each terminal once under its latest name."""
        named: dict[str, str] = {}
        for entry in self.entries:
            if entry.kind == JOINED:
                named[entry.data["terminal"]] = entry.data["name"] or named.get(entry.data["terminal"], "")
        return tuple(name or "a player not yet named" for name in named.values())

    @property
    def recorded_injects(self) -> tuple[str, ...]:
        return tuple(e.data["inject"] for e in self.entries if e.kind == INJECT)

    def player_view(self) -> engine.PlayerView:
        return engine.player_view(self.release)

    @property
    def board_entries(self) -> tuple[Entry, ...]:
        """The team's incident entries (what incident.fold reads)."""
        return tuple(team_entries(self.entries))

    def board(self) -> Incident | None:
        """The team's incident as the board shows it; None until the team has declared."""
        entries = self.board_entries
        return fold(entries, "drill") if entries else None


def team_entries(entries: Iterable[Entry]) -> list[Entry]:
    """The team's incident among a drill's entries: from its declaration on, without the drill's
    own clock, inject, join and result entries."""
    entries = list(entries)
    start = next((n for n, e in enumerate(entries) if e.kind == "declared"), len(entries))
    return [e for e in entries[start:] if e.kind not in DRILL_KINDS]


# --- Writing ---------------------------------------------------------------------------------


def start(
    journal: JournalStore,
    library: Library,
    incident: IncidentType,
    drill: Drill,
    pace: engine.Pace,
    facilitator: str,
    now: datetime,
    team: str = "",
    participants: Iterable[str] = (),
) -> DrillRun:
    """Record a new drill (kind 'drill' in the journal) and the injects due at minute 0."""
    if not facilitator.strip():
        raise DrillRunError("name the facilitator")
    if incident.drill(drill.id) is None:
        raise DrillRunError(f"'{drill.id}' is not a drill of {incident.id}")
    first = journal.declare(
        draft(
            None,
            STARTED,
            facilitator.strip(),
            now,
            {
                "type": incident.id,
                "type_title": incident.title,
                "drill": drill.id,
                "drill_title": drill.title,
                "team": team.strip(),
                "participants": list(participants_of(participants)),
                "facilitator": facilitator.strip(),
                "clock": engine.shared_state(engine.start(drill, pace)),
            },
        ),
        "drill",
    )
    return sync(journal, load(journal, library, first.incident, now), now)


# Each move of a drill is made as drafts (what a screen queues in the outbox, shown unsaved until
# recorded); the functions that take a journal write the same drafts straight away (the CLI, tests).


def released(run: DrillRun, now: datetime) -> list[Draft]:
    """An entry for each inject the clock has released by `now` that the record lacks. The
    facilitator's terminal makes these on its tick, so the record says what came out, and when."""
    return [draft(run.id, INJECT, run.facilitator, now, {"inject": i.id, "at": i.at}) for i in unrecorded(run, now)]


def sync(journal: JournalStore, run: DrillRun, now: datetime) -> DrillRun:
    """Record every inject the clock has released and the journal does not have yet."""
    return _written(journal, run, released(run, now), now)


def unrecorded(run: DrillRun, now: datetime) -> tuple[Inject, ...]:
    """The injects the clock has released by `now` that the journal does not have yet."""
    if run.ended:
        return ()
    recorded = set(run.recorded_injects)
    return tuple(i for i in run.release.at(run.elapsed(now)).released if i.id not in recorded)


def moved_on(run: DrillRun, now: datetime) -> list[Draft]:
    """The facilitator releases the next inject now (any pace): the new clock first, so a second
    terminal jumps with it, then the injects it releases."""
    if run.ended:
        raise DrillRunError(f"drill {run.id} has ended")
    release = run.release.at(run.elapsed(now))
    if release.next is None:
        raise DrillRunError("every inject is already out")
    clock = draft(run.id, CLOCK, run.facilitator, now, {"clock": engine.shared_state(release.advance())})
    return [clock, *released(with_entries(run, [pending_entry(clock, run.id)], now), now)]


def advance(journal: JournalStore, run: DrillRun, now: datetime) -> DrillRun:
    return _written(journal, run, moved_on(run, now), now)


def declare(
    run: DrillRun,
    library: Library,
    severity: str,
    commander: str,
    now: datetime,
    answers: Answers = (),
    incident: IncidentType | None = None,
    title: str = "",
):
    """The team's declaration as a draft for this drill: the same entry a live incident starts
    with. `incident` is the type the team chose (recognising it is part of the drill)."""
    if run.ended:
        raise IncidentError(f"drill {run.id} has ended")
    if run.board_entries:
        raise IncidentError("the team has already declared: re-triage to change the severity")
    chosen = incident or run.incident
    entry = declaration(library, chosen, severity, title or f"Drill: {run.drill.title}", commander, now, answers)
    return attrs.evolve(entry, incident=run.id)


def declare_novel(
    run: DrillRun, library: Library, triage: GenericTriage, commander: str, now: datetime, title: str = ""
):
    """The team's declaration of something no playbook covers (the coaching path), for this drill."""
    if run.ended:
        raise IncidentError(f"drill {run.id} has ended")
    if run.board_entries:
        raise IncidentError("the team has already declared: re-triage to change the severity")
    entry = novel_declaration(library, triage, title or f"Drill: {run.drill.title}", commander, now)
    return attrs.evolve(entry, incident=run.id)


def ending(run: DrillRun, library: Library, by: str, now: datetime) -> list[Draft]:
    """What ends the drill: the team's incident closed if it is open, the run scored and kept as
    a practice record, and its improvement plan. Nothing once the drill has ended."""
    if run.ended:
        return []
    made: list[Draft] = []
    board = run.board()
    if board is not None and board.is_open:
        made.append(board.close(by, now, "End of drill"))
        run = with_entries(run, [pending_entry(made[-1], run.id)], now)
    run = attrs.evolve(run, release=run.release.at(run.elapsed(now)))  # scored as the drill stands at its end
    record = drill_record(result(run, library), now, run.team, run.participants)
    made.append(draft(run.id, PRACTICE, by, now, record_data(record)))
    items = run_debrief(run, library).improvements
    if items:
        made.append(improvement.plan(run.id, items, by, now))
    return made


def finish(journal: JournalStore, run: DrillRun, library: Library, by: str, now: datetime) -> PracticeRecord:
    """End the drill (see `ending`) and return its result. Finishing twice returns the first result."""
    ended = _written(journal, run, ending(run, library, by, now), now).result
    assert ended is not None  # ending() always records the result of a drill not yet ended
    return ended


def joining(run: DrillRun, name: str, terminal: str, now: datetime) -> Draft:
    """A player's process opened the drill (or its player named themself): the facilitator sees who joined."""
    return draft(run.id, JOINED, name.strip() or "player", now, {"terminal": terminal, "name": name.strip()})


def recognition_entry(record: PracticeRecord, by: str, now: datetime) -> Draft:
    """A recognition-drill result: a drill incident of one practice entry (declared when recorded)."""
    return attrs.evolve(draft(None, PRACTICE, by.strip() or "player", now, record_data(record)), declares="drill")


def record_recognition(journal: JournalStore, record: PracticeRecord, by: str, now: datetime) -> Entry:
    """Keep a recognition-drill result."""
    return journal.declare(recognition_entry(record, by, now), "drill")


def _written(journal: JournalStore, run: DrillRun, made: list[Draft], now: datetime) -> DrillRun:
    return with_entries(run, [journal.append(d) for d in made], now)


# --- Reading ---------------------------------------------------------------------------------


def load(journal: JournalStore, library: Library, drill_id: str, now: datetime) -> DrillRun:
    """The drill `drill_id` as it stands at `now`."""
    _check_is_drill(journal, drill_id)
    return from_entries(library, drill_id, journal.entries(drill_id), now)


def _check_is_drill(journal: JournalStore, drill_id: str) -> None:
    kind = journal.kind_of(drill_id)
    if kind is None:
        raise DrillRunError(f"no drill '{drill_id}' in {journal.path}")
    if kind != "drill":
        raise DrillRunError(f"'{drill_id}' is a live incident, not a drill")


def from_entries(library: Library, drill_id: str, entries: Iterable[Entry], now: datetime) -> DrillRun:
    """The drill as these entries (recorded, then any unsaved ones) make it at `now`."""
    entries = tuple(entries)
    if not entries or entries[0].kind != STARTED:
        raise DrillRunError(f"'{drill_id}' is a recognition drill result, not a drill that runs")
    data = entries[0].data
    incident = library.type(data["type"])
    if incident is None:
        raise DrillRunError(f"drill {drill_id} is of incident type '{data['type']}', which this library does not have")
    drill = incident.drill(data["drill"])
    if drill is None:
        raise DrillRunError(f"drill {drill_id} runs '{data['drill']}', which {incident.id} no longer has")
    return _built(drill_id, incident, drill, entries, now)


def _built(drill_id: str, incident: IncidentType, drill: Drill, entries: tuple[Entry, ...], now: datetime) -> DrillRun:
    data = entries[0].data
    clocks = [e.data["clock"] for e in entries if e.kind == CLOCK] or [data["clock"]]
    started_at = entries[0].happened_at
    end = next((e.happened_at for e in entries if e.kind == PRACTICE), now)  # an ended drill's clock stops
    release = engine.join(drill, clocks[-1], (end - started_at).total_seconds())
    return DrillRun(
        id=drill_id,
        incident=incident,
        drill=drill,
        team=data.get("team", ""),
        participants=tuple(data.get("participants", ())),
        facilitator=entries[0].actor,
        started_at=started_at,
        release=release,
        entries=entries,
    )


def with_entries(run: DrillRun, entries: Iterable[Entry], now: datetime) -> DrillRun:
    """The run with more entries (just recorded, or waiting unsaved), its clock as they set it."""
    return _built(run.id, run.incident, run.drill, (*run.entries, *entries), now)


def reread(journal: JournalStore, library: Library, run: DrillRun, now: datetime) -> DrillRun:
    return load(journal, library, run.id, now)


class FollowedDrill(Following):
    """A drill as the journal recorded it, with this app's entries that wait in the outbox
    (shown at once, marked unsaved, recorded on a retry or the next start): what the drill
    screens show and write through, as the live board does with LiveIncident."""

    def __init__(
        self, journal: JournalStore, library: Library, drill_id: str, now: datetime, outbox: Outbox | None = None
    ) -> None:
        _check_is_drill(journal, drill_id)
        super().__init__(journal, drill_id, outbox)
        self.library = library
        self.now = now
        self.refold()

    def refold(self) -> None:
        self.run: DrillRun = from_entries(self.library, self.incident_id, [*self.recorded, *self.pending], self.now)

    def at(self, now: datetime, read: bool = True) -> DrillRun:
        """The drill at `now`, with what other terminals recorded since (a read error is kept
        in `read_error`; the run is then as last read). `read=False` while this journal is
        being written: the read would wait for the write (another terminal's lock)."""
        self.now = now
        if not (read and self.poll()):
            self.refold()
        return self.run


@attrs.frozen
class StartedDrill:
    """One line of the list of drills a player can join."""

    id: str
    title: str
    type_title: str
    team: str
    started_at: datetime
    ended: bool


def drills(journal: JournalStore) -> tuple[StartedDrill, ...]:
    """Every drill in the journal, running ones first, then most recent first."""
    ended = {e.incident for e in journal.entries_of_kind(PRACTICE, "drill")}
    found = [
        StartedDrill(
            e.incident,
            e.data.get("drill_title", e.data.get("drill", "")),
            e.data.get("type_title", ""),
            e.data.get("team", ""),
            e.happened_at,
            e.incident in ended,
        )
        for e in journal.entries_of_kind(STARTED, "drill")
    ]
    return tuple(sorted(found, key=lambda d: (d.ended, -d.started_at.timestamp())))


def history(
    journal: JournalStore, team: str | None = None, participant: str | None = None
) -> tuple[PracticeRecord, ...]:
    """Every practice result in the journal (drills and recognition drills), oldest first.
    A record this version cannot read (written by a newer one) is left out, not fatal."""
    records = []
    for entry in journal.entries_of_kind(PRACTICE, "drill"):
        try:
            records.append(record_from_data(dict(entry.data)))
        except ValueError:
            continue
    return practised_by(records, team, participant)


def drill_event(run: DrillRun, entry: Entry) -> str:
    """A drill's own entry in words for its log ('Inject 2 released: ...', 'Clock advanced to
    minute 20'); '' for the team's entries, which the board's words describe."""
    if entry.kind == INJECT:
        order = [i.id for i in run.release.injects]
        number = order.index(entry.data["inject"]) + 1 if entry.data["inject"] in order else "?"
        found = next((i for i in run.drill.injects if i.id == entry.data["inject"]), None)
        message = " ".join(found.message.split()) if found else entry.data["inject"]
        return f"Inject {number} released: {message}"
    if entry.kind == CLOCK:
        marks = entry.data["clock"]["marks"]
        module = run.drill.module_of(marks[-1][1])
        jump = f": {module.title}" if module is not None and module.at == marks[-1][1] and module.jump else ""
        return f"Clock advanced to minute {minutes(marks[-1][1])}{jump}"
    if entry.kind == JOINED:
        return f"{entry.data['name'] or 'A player'} joined from a player's terminal"
    return ""


class DrillTiming(Timing):
    """A drill's times in its reports: drill minutes, the clock its time boxes and status cadence
    run on (real, accelerated or the facilitator's), with the UTC time beside each moment for
    the record."""

    def __init__(self, run: DrillRun) -> None:
        self.run = run
        self.note = (
            f"Times are drill minutes ({run.release.pace.name}), each with its UTC time for the record; "
            "time boxes and the status cadence count in drill minutes."
        )

    def minute(self, moment: datetime) -> float:
        """The drill minute of a moment; an ended drill's clock stops at its end."""
        minute = self.run.minute_of(moment)
        return min(minute, self.run.minute) if self.run.ended else minute

    def due_minute(self, step: StepState) -> float:
        """A step's box counts from the drill minute it was added."""
        return self.run.minute_of(step.added_at) + step.within

    def when(self, moment: datetime | None) -> str:
        return f"drill minute {tenths(self.minute(moment))} ({moment:%H:%M} UTC)" if moment else "—"

    def span(self, start: datetime, end: datetime) -> str:
        return _drill_minutes(self.minute(end) - self.minute(start))

    def due(self, step: StepState) -> str:
        return f"drill minute {minutes(self.due_minute(step))}"

    def overdue(self, step: StepState, now: datetime) -> bool:
        return step.is_open and self.minute(now) > self.due_minute(step)

    def late(self, step: StepState) -> bool:
        return step.status == "done" and step.at is not None and self.minute(step.at) > self.due_minute(step)

    def late_by(self, step: StepState) -> str:
        return _drill_minutes(self.minute(step.at) - self.due_minute(step)) if step.at else ""

    def next_update(self, incident: Incident) -> str:
        return f"drill minute {minutes(self.minute(incident.last_update_at) + incident.severity.update_every)}"


def _drill_minutes(value: float) -> str:
    said = tenths(max(0.0, value))
    return f"{said} drill minute{'' if said == '1' else 's'}"


# --- Scoring inputs from the journal -----------------------------------------------------------


@attrs.frozen
class RunInputs:
    """What the scoring and debrief need, read from the drill's journal entries."""

    classification: Classification | None
    outcomes: dict[str, Outcome]
    team_log: tuple[TeamEntry, ...]
    deviations: tuple[Deviated, ...] = ()  # every deviation, at a step or not, in drill minutes
    record: tuple[Said, ...] = ()  # coaching answers, notes and decisions (a novel drill's score)


def inputs(run: DrillRun) -> RunInputs:
    """The team's classification, step outcomes and log, in drill minutes.

    The classification that counts is the severity the team ended on, at the minute it last
    changed (a late escalation to the right level is a late classification). A declaration of
    another incident type is classified as that type (scored as the wrong type): recognising
    the type is part of the drill."""
    board = run.board()
    if board is None:
        return RunInputs(None, {}, ())
    log: list[TeamEntry] = []
    changes = [e for e in board.entries if e.kind in ("declared", "retriaged")]
    # In a novel drill no type fits: any type the team declared is a forced playbook.
    fits = NOVEL if run.drill.expect.novel is not None else run.incident.id
    other = "" if board.type_id == fits else board.type_title
    classification = Classification(board.severity.id, run.minute_of(changes[-1].happened_at), other)
    outcomes: dict[str, Outcome] = {}
    for step in board.steps:
        if step.status == "done" and step.at is not None:  # a done step always has its time
            outcomes[step.id] = Done(run.minute_of(step.at))
        elif step.status == "skipped":
            outcomes[step.id] = Skipped(step.reason)
        elif step.status == "deviated" and step.at is not None:  # as is a deviated one
            outcomes[step.id] = Deviated(run.minute_of(step.at), step.did, step.reason, step.id)
    deviations = tuple(
        Deviated(run.minute_of(e.happened_at), e.data["did"], e.data["reason"], e.data.get("step"))
        for e in board.entries
        if e.kind == "deviation"
    )
    record = tuple(
        Said(
            e.kind,
            e.data["answer"] if e.kind == "coached" else e.data["text"],
            run.minute_of(e.happened_at),
            e.actor,
            e.data.get("prompt", ""),
        )
        for e in board.entries
        if e.kind in ("coached", "note", "decision")
    )
    for entry in board.entries:
        text = _logged(board, entry)
        if text:
            log.append(TeamEntry(run.minute_of(entry.happened_at), text))
    return RunInputs(classification, outcomes, tuple(sorted(log, key=lambda e: e.minute)), deviations, record)


def _logged(board: Incident, entry: Entry) -> str:
    data = entry.data
    if entry.kind in ("note", "decision"):
        return f"{entry.kind.capitalize()}: {data['text']}"
    if entry.kind == "correction":
        return f"Correction of entry {board.number(int(data['corrects']))}: {data['text']}"
    if entry.kind == "role":
        return f"{data['person']} takes the role of {data['name']}"
    if entry.kind == "coached":
        return f"Coaching: {data['ask']} {data['answer']}"
    if entry.kind == "borrowed":
        return f"Borrowed from {data['type_title']}: {data['step']['do']}"
    if entry.kind == "status-sent":
        return "Status update sent"
    if entry.kind == "deviation" and not data.get("step"):  # at a step, the step's row says it
        return f"Did something else: {data['did']} because {data['reason']}"
    return ""


def result(run: DrillRun, library: Library) -> Score:
    """The run scored as its clock stands (an ended drill's clock stops at its end), so a step
    whose time box is still open then is not reached rather than missed."""
    return _scored(run, library, inputs(run))


def _scored(run: DrillRun, library: Library, given: RunInputs) -> Score:
    return score(
        run.incident,
        library,
        run.drill,
        given.classification,
        given.outcomes,
        ended_at=run.minute,
        deviations=given.deviations,
        record=given.record,
    )


def run_debrief(run: DrillRun, library: Library) -> Debrief:
    """The debrief of the run, with the injects released by the end and the team's log."""
    given = inputs(run)
    return debrief(run.incident, library, run.drill, _scored(run, library, given), given.team_log, run.release.released)

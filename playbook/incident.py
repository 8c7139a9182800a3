"""A live incident's state, folded from its journal entries, and the entries a leader can add.

The journal holds facts; this module turns them into what the command board shows: each step
done, skipped or open (by whom and when), time boxes and overdue steps against a clock the
caller passes in, the next status update due, roles and hand-overs, notes and decisions with
their corrections. The entries a declaration or re-triage adds carry a copy of the steps and
severity they were given, so the record reads the same after the playbook is edited.

Entry kinds and their data:
  declared        title, type, type_title, severity{}, steps[], answers[[ask, label]], answer_ids[[question, answer]],
                  commander (answer_ids: what a re-triage replays; older records have labels only)
  step            step, status (done|skipped|reopened), reason
  deviation       step (an id, or null for the incident as a whole), did, reason: the team did
                  something else than the step says, and why; the step counts as handled
  role            role, name, person
  retriaged       severity{}, previous, steps[] (the new level's whole response), added (the ids
                  new to the incident), answers, answer_ids, reason, escalated (bool)
  reclassified    type, type_title, previous (the type id), previous_severity, reason, severity{},
                  steps[], added, answers, answer_ids, escalated: the incident turned out to be
                  another type; the record carries on
  triaged         severity (the id, unchanged), answers, answer_ids, reason: a re-triage that kept the severity
  note, decision  text
  situation       text: the situation now, in the commander's one line (for the status update)
  correction      corrects (seq), text
  status-sent     report (the Markdown status update as sent)
  closed          summary
  coached         prompt (an id of playbook.novel.PROMPTS), ask, answer: a coaching prompt of a
                  novel incident answered in a line (a later answer to the same prompt replaces it)
  borrowed        type, type_title, step{}: a step of another playbook put on this board; its id
                  is "<type>.<step>" so it never clashes with the incident's own steps
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

import attrs

from playbook.errors import PlaybookError
from playbook.journal import Draft, Entry, Head, draft
from playbook.model import Answer, IncidentType, Library, Question, Step

COMMANDER = "commander"  # every incident has one, whatever roles the library names
# The ids a library may give the same role: the commander named at declaration holds it.
COMMANDER_ROLES = (COMMANDER, "incident-commander", "ic")
STEP_STATUSES = ("done", "skipped", "reopened")
TEXT_KINDS = ("note", "decision")
LEVEL_KINDS = ("retriaged", "reclassified")  # the entries that set a severity and its steps


class IncidentError(PlaybookError):
    """An entry that does not fit the incident's state (a step done twice, a skip with no reason)."""


@attrs.frozen(kw_only=True)
class SeverityInfo:
    id: str
    name: str
    update_every: int  # minutes between status updates
    first_action_within: int

    @classmethod
    def of(cls, library: Library, severity_id: str) -> SeverityInfo:
        level = library.severity(severity_id)
        if level is None:
            raise IncidentError(f"'{severity_id}' is not a severity of the library")
        return cls(
            id=level.id, name=level.name, update_every=level.update_every, first_action_within=level.first_action_within
        )

    def as_data(self) -> dict:
        return attrs.asdict(self)


@attrs.frozen(kw_only=True)
class StepState:
    """One response step: its time box counts from when it was added to the incident."""

    id: str
    do: str
    owner: str  # a role id
    within: int
    why: str
    severity: str  # the severity whose response added it
    owner_name: str = ""  # the role's name when the step was added ("" in older entries)
    added_at: datetime
    not_when: str = ""  # when a mentor would not take it, and what instead
    status: str = "open"  # open | done | skipped | deviated
    by: str = ""
    at: datetime | None = None
    reason: str = ""
    did: str = ""  # deviated: what the team did instead (the reason says why)
    borrowed_from: str = ""  # the title of the playbook a borrowed step came from
    history: tuple[Entry, ...] = ()

    @property
    def due(self) -> datetime:
        return self.added_at + timedelta(minutes=self.within)

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    def overdue(self, now: datetime) -> bool:
        return self.is_open and now > self.due

    def remaining(self, now: datetime) -> timedelta:
        """Time left in the box; negative once overdue."""
        return self.due - now

    @property
    def late(self) -> bool:
        """Done, but after its time box closed."""
        return self.status == "done" and self.at is not None and self.at > self.due

    @property
    def outcome(self) -> str:
        """How a handled step ended, in words (reports and the board say the same)."""
        if self.status == "deviated":
            return f"did something else: {self.did} because {self.reason}"
        if self.status == "skipped":
            return f"skipped: {self.reason}"
        return self.status


@attrs.frozen(kw_only=True)
class RoleHolder:
    role: str
    name: str
    person: str
    since: datetime
    previous: str = ""  # who handed the role over, if anyone


@attrs.frozen(kw_only=True)
class Incident:
    id: str
    kind: str  # live | drill
    title: str
    type_id: str
    type_title: str
    commander: str
    declared_at: datetime
    severity: SeverityInfo
    answers: tuple[tuple[str, str], ...]  # (question asked, answer label), as shown and reported
    answer_ids: tuple[tuple[str, str], ...]  # (question id, answer id): () in records older than ids
    steps: tuple[StepState, ...]
    roles: tuple[RoleHolder, ...]  # who holds each role now
    entries: tuple[Entry, ...]  # every entry, in commit order
    corrected_by: dict[int, tuple[int, ...]]  # seq -> seqs of the corrections that point at it
    closed: Entry | None = None
    numbers: dict[int, int] = attrs.field(factory=dict)  # seq -> the entry's number in this incident

    @property
    def is_open(self) -> bool:
        return self.closed is None

    def step(self, step_id: str) -> StepState | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def holder(self, role: str) -> RoleHolder | None:
        role = role_key(role)
        return next((r for r in self.roles if r.role == role), None)

    @property
    def steps_by_due(self) -> tuple[StepState, ...]:
        """Open steps, the most urgent first, then the done and skipped ones in playbook order."""
        return (
            *sorted((s for s in self.steps if s.is_open), key=lambda s: s.due),
            *(s for s in self.steps if not s.is_open),
        )

    @property
    def damaged(self) -> tuple[Entry, ...]:
        """Entries shown as damaged: the journal could not read or check them."""
        return tuple(e for e in self.entries if e.damage)

    @property
    def head(self) -> Head | None:
        """The chain head of the entries folded: what a printed report is checked against."""
        last = next((e for e in reversed(self.entries) if e.seq and e.hash), None)
        return Head(seq=last.seq, hash=last.hash) if last and last.hash else None

    def entry(self, seq: int) -> Entry | None:
        return next((e for e in self.entries if e.seq == seq), None)

    def number(self, seq: int) -> str:
        """An entry as a person reads it: '#3', its place in this incident (the declaration is
        #1), whatever else the journal holds. The journal's seq stays its key (the hash chain,
        what a correction points at); an entry not recorded yet has no number ('#?')."""
        return f"#{self.numbers[seq]}" if seq in self.numbers else "#?"

    def overdue_steps(self, now: datetime) -> tuple[StepState, ...]:
        return tuple(s for s in self.steps if s.overdue(now))

    @property
    def log(self) -> tuple[Entry, ...]:
        """Notes, decisions and corrections, in the order they happened."""
        return tuple(
            sorted(
                (e for e in self.entries if e.kind in (*TEXT_KINDS, "correction") or e.damage),
                key=lambda e: (e.happened_at, e.seq),
            )
        )

    @property
    def severity_changes(self) -> tuple[Entry, ...]:
        """Re-triages and re-classifications that changed the severity."""
        return tuple(
            e
            for e in self.entries
            if e.kind in LEVEL_KINDS and not e.damage and previous_severity(e) != e.data["severity"]["id"]
        )

    @property
    def reclassifications(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.kind == "reclassified" and not e.damage)

    @property
    def coaching(self) -> tuple[Entry, ...]:
        """The latest answer to each coaching prompt, in the order the prompts were first answered."""
        latest: dict[str, Entry] = {}
        for e in self.entries:
            if e.kind == "coached":
                latest[e.data["prompt"]] = e
        return tuple(latest.values())

    @property
    def deviations(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.kind == "deviation" and not e.damage)

    @property
    def situation(self) -> Entry | None:
        """The commander's latest line on the situation now, if any."""
        return next((e for e in reversed(self.entries) if e.kind == "situation" and not e.damage), None)

    @property
    def status_updates(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.kind == "status-sent" and not e.damage)

    @property
    def last_update_at(self) -> datetime:
        """When the last status update went out, or the declaration if none has."""
        updates = self.status_updates
        return updates[-1].happened_at if updates else self.declared_at

    @property
    def next_update_due(self) -> datetime:
        """The last status update (or the declaration) plus the current severity's cadence."""
        return self.last_update_at + timedelta(minutes=self.severity.update_every)

    def update_overdue(self, now: datetime) -> bool:
        return self.is_open and now > self.next_update_due

    def ended_at(self, now: datetime) -> datetime:
        return self.closed.happened_at if self.closed else now

    # -- entries a leader can add, checked against the state -------------------------------

    def mark(
        self, step_id: str, status: str, by: str, now: datetime, reason: str = "", happened_at: datetime | None = None
    ) -> Draft:
        """Mark a step done, skipped (a reason is required) or reopened."""
        self._require_open()
        step = self.step(step_id)
        if step is None:
            raise IncidentError(f"no step '{step_id}' in this incident")
        if status not in STEP_STATUSES:
            raise IncidentError(f"a step is {', '.join(STEP_STATUSES)}, not '{status}'")
        if status == "reopened" and step.is_open:
            raise IncidentError(f"step '{step_id}' is already open")
        if status != "reopened" and not step.is_open:
            raise IncidentError(f"step '{step_id}' is already {step.status}: reopen it first")
        if status == "skipped" and not reason.strip():
            raise IncidentError("say why the step is skipped")
        return self._draft("step", by, now, {"step": step_id, "status": status, "reason": reason.strip()}, happened_at)

    def assign(self, role: str, name: str, person: str, by: str, now: datetime) -> Draft:
        """Give a role to a named person; if someone holds it, this is a hand-over."""
        self._require_open()
        if not person.strip():
            raise IncidentError("name the person who takes the role")
        holder = self.holder(role)
        if holder is not None and holder.person == person.strip():
            raise IncidentError(f"{person} already holds {name}")
        return self._draft(
            "role",
            by,
            now,
            {
                "role": role_key(role),
                "name": name,
                "person": person.strip(),
                "previous": holder.person if holder else "",
            },
        )

    def retriage(
        self,
        library: Library,
        incident_type: IncidentType,
        severity_id: str,
        by: str,
        now: datetime,
        answers: Answers = (),
        reason: str = "",
    ) -> Draft:
        """A new severity: its response applies from now (see `fold` for how open steps change)."""
        self._require_open()
        if severity_id == self.severity.id:
            raise IncidentError(f"the incident is already {severity_id}")
        data = self._level(library, incident_type, severity_id, answers, reason)
        return self._draft("retriaged", by, now, {**data, "previous": self.severity.id})

    def reclassify(
        self,
        library: Library,
        incident_type: IncidentType,
        severity_id: str,
        by: str,
        now: datetime,
        answers: Answers = (),
        reason: str = "",
    ) -> Draft:
        """The incident is another type (the payment provider's outage, not ours): the record
        carries on, the new type's response applies as a re-triage's does, and the reason is required."""
        self._require_open()
        if incident_type.id == self.type_id:
            raise IncidentError(f"the incident is already {incident_type.title}")
        if not reason.strip():
            raise IncidentError("say why the incident is another type")
        data = self._level(library, incident_type, severity_id, answers, reason)
        data |= {
            "type": incident_type.id,
            "type_title": incident_type.title,
            "previous": self.type_id,
            "previous_severity": self.severity.id,
        }
        return self._draft("reclassified", by, now, data)

    def _level(
        self,
        library: Library,
        incident_type: IncidentType,
        severity_id: str,
        answers: Answers,
        reason: str,
    ) -> dict:
        level = SeverityInfo.of(library, severity_id)
        response = incident_type.response(severity_id)
        steps = response.steps if response else ()
        return {
            "severity": level.as_data(),
            "steps": [_step_data(s, library) for s in steps],
            "added": [s.id for s in steps if self.step(s.id) is None],
            **_answers_data(answers),
            "reason": reason.strip(),
            # Escalating never moves an open step's deadline later; de-escalating may (see fold).
            "escalated": library.rank(severity_id) < library.rank(self.severity.id),
        }

    def deviate(self, step_id: str | None, did: str, reason: str, by: str, now: datetime) -> Draft:
        """The team did something else than a step (or the response as a whole) says, and why."""
        self._require_open()
        if step_id is not None:
            step = self.step(step_id)
            if step is None:
                raise IncidentError(f"no step '{step_id}' in this incident")
            if not step.is_open:
                raise IncidentError(f"step '{step_id}' is already {step.status}: reopen it first")
        if not did.strip():
            raise IncidentError("say what the team did instead")
        if not reason.strip():
            raise IncidentError("say why the team did something else")
        return self._draft("deviation", by, now, {"step": step_id, "did": _text(did), "reason": _text(reason)})

    def coach(self, prompt: str, ask: str, answer: str, by: str, now: datetime) -> Draft:
        """One coaching prompt answered in a line; answering again replaces the earlier answer."""
        self._require_open()
        return self._draft(
            "coached", by, now, {"prompt": prompt, "ask": ask, "answer": _text(" ".join(answer.split()))}
        )

    def borrow(self, library: Library, incident_type: IncidentType, step: Step, by: str, now: datetime) -> Draft:
        """A step of another playbook put on this board, its time box counting from now."""
        self._require_open()
        data = _step_data(step, library) | {"id": borrowed_id(incident_type.id, step.id)}
        if self.step(data["id"]) is not None:
            raise IncidentError(f"'{step.do}' from {incident_type.title} is on the board already")
        return self._draft(
            "borrowed", by, now, {"type": incident_type.id, "type_title": incident_type.title, "step": data}
        )

    def situation_now(self, text: str, by: str, now: datetime) -> Draft:
        """The situation in one line, as the commander would say it; the status update leads with it."""
        self._require_open()
        return self._draft("situation", by, now, {"text": _text(" ".join(text.split()))})

    def triage_again(self, answers: Answers, by: str, now: datetime, reason: str = "") -> Draft:
        """New triage answers that leave the severity as it is: the record shows why it stayed."""
        self._require_open()
        recorded = _answers_data(answers)
        if recorded["answers"] == [list(pair) for pair in self.answers] and (
            not self.answer_ids or recorded["answer_ids"] == [list(pair) for pair in self.answer_ids]
        ):
            raise IncidentError(f"the same answers and severity ({self.severity.id}) as recorded: nothing to record")
        return self._draft("triaged", by, now, {"severity": self.severity.id, **recorded, "reason": reason.strip()})

    def write(self, kind: str, text: str, by: str, now: datetime, happened_at: datetime | None = None) -> Draft:
        """A note or a decision; `happened_at` may be earlier than now, never later."""
        if kind not in TEXT_KINDS:
            raise IncidentError(f"an entry is a note or a decision, not '{kind}'")
        return self._draft(kind, by, now, {"text": _text(text)}, _not_future(happened_at, now))

    def correct(self, seq: int, text: str, by: str, now: datetime) -> Draft:
        """A correction is a new entry pointing at the one it corrects; the old one stays."""
        if self.entry(seq) is None:
            raise IncidentError(f"no entry #{seq} (journal row) in this incident")
        return self._draft("correction", by, now, {"corrects": seq, "text": _text(text)})

    def status_sent(self, by: str, now: datetime, report: str) -> Draft:
        """The leader sent a status update (the report as sent); the cadence restarts from now."""
        self._require_open()
        return self._draft("status-sent", by, now, {"report": report})

    def close(self, by: str, now: datetime, summary: str = "") -> Draft:
        self._require_open()
        return self._draft("closed", by, now, {"summary": summary.strip()})

    def _draft(self, kind: str, by: str, now: datetime, data: dict, happened_at: datetime | None = None) -> Draft:
        if not by.strip():
            raise IncidentError("say who makes the entry")
        return draft(self.id, kind, by.strip(), now, data, happened_at)

    def _require_open(self) -> None:
        if not self.is_open:
            raise IncidentError(f"incident {self.id} is closed")


def declaration(
    library: Library,
    incident_type: IncidentType,
    severity_id: str,
    title: str,
    commander: str,
    now: datetime,
    answers: Answers = (),
) -> Draft:
    """The first entry of an incident: what, how severe, who leads, and the triage that led here."""
    if not commander.strip():
        raise IncidentError("name the incident commander")
    level = SeverityInfo.of(library, severity_id)
    response = incident_type.response(severity_id)
    return draft(
        None,
        "declared",
        commander.strip(),
        now,
        {
            "title": _text(title or incident_type.title),
            "type": incident_type.id,
            "type_title": incident_type.title,
            "severity": level.as_data(),
            "steps": [_step_data(s, library) for s in (response.steps if response else ())],
            **_answers_data(answers),
            "commander": commander.strip(),
        },
    )


def fold(entries: Iterable[Entry], kind: str = "live") -> Incident:
    """The incident's state after these entries (in commit order, the first a declaration).

    A damaged entry (one the journal could not read or check, or whose data does not fit its
    kind) is kept in `entries`, marked, to be shown as damaged; it never changes the state."""
    entries = tuple(entries)
    if not entries or entries[0].kind != "declared" or entries[0].damage:
        problem = f": journal row #{entries[0].seq} {entries[0].damage}" if entries and entries[0].damage else ""
        raise IncidentError(f"an incident's entries start with its declaration{problem}")
    first = entries[0]
    data = first.data
    try:
        steps: dict[str, StepState] = {}
        _apply_level(steps, data["steps"], data["severity"]["id"], first.happened_at)
        roles = {
            COMMANDER: RoleHolder(
                role=COMMANDER, name="Incident commander", person=data["commander"], since=first.happened_at
            )
        }
        severity = SeverityInfo(**data["severity"])
        answers = tuple(tuple(pair) for pair in data.get("answers", ()))
        answer_ids = tuple(tuple(pair) for pair in data.get("answer_ids", ()))
        title, type_id, type_title = data["title"], data["type"], data["type_title"]
    except (KeyError, TypeError, AttributeError) as error:
        raise IncidentError(
            f"journal row #{first.seq} damaged: the declaration cannot be read ({error!r} is wrong or missing)"
        ) from None
    corrected: dict[int, list[int]] = {}
    closed = None
    kept = [first]
    for entry in entries[1:]:
        if entry.damage:
            kept.append(entry)
            continue
        try:
            # Each entry's effect is computed before any of it is applied: a damaged one changes nothing.
            d = entry.data
            if entry.kind in ("step", "deviation") and d.get("step") in steps:
                steps[d["step"]] = _apply_step(steps[d["step"]], entry)
            elif entry.kind == "role":
                role = role_key(d["role"])
                before = roles.get(role)
                roles[role] = RoleHolder(
                    role=role,
                    name=d["name"],
                    person=d["person"],
                    since=entry.happened_at,
                    previous=before.person if before else "",
                )
            elif entry.kind in LEVEL_KINDS:
                level = SeverityInfo(**d["severity"])
                changed = dict(steps)
                _apply_level(changed, d["steps"], level.id, entry.happened_at, d.get("escalated", True))
                new_answers = tuple(tuple(pair) for pair in d.get("answers", ()))
                new_ids = tuple(tuple(pair) for pair in d.get("answer_ids", ()))
                if entry.kind == "reclassified":
                    type_id, type_title = d["type"], d["type_title"]
                    answers, answer_ids = new_answers, new_ids
                elif new_answers:
                    answers, answer_ids = new_answers, new_ids
                severity, steps = level, changed
            elif entry.kind == "triaged":
                answers = tuple(tuple(pair) for pair in d["answers"])
                answer_ids = tuple(tuple(pair) for pair in d.get("answer_ids", ()))
            elif entry.kind == "correction":
                corrected.setdefault(int(d["corrects"]), []).append(entry.seq)
            elif entry.kind == "borrowed" and d["step"]["id"] not in steps:
                fresh = StepState(severity=severity.id, added_at=entry.happened_at, **d["step"])
                steps[fresh.id] = attrs.evolve(fresh, borrowed_from=d["type_title"])
            elif entry.kind == "closed" and closed is None:
                closed = entry
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            entry = attrs.evolve(entry, damage=f"damaged: its data does not fit a {entry.kind} entry ({error!r})")
        kept.append(entry)
    return Incident(
        id=first.incident,
        kind=kind,
        title=title,
        type_id=type_id,
        type_title=type_title,
        commander=roles[COMMANDER].person,
        declared_at=first.happened_at,
        severity=severity,
        answers=answers,
        answer_ids=answer_ids,
        steps=tuple(steps.values()),
        roles=tuple(roles.values()),
        entries=tuple(kept),
        corrected_by={seq: tuple(c) for seq, c in corrected.items()},
        closed=closed,
        # Recorded entries come first, in commit order; unsaved ones (seq 0) get no number yet.
        numbers={e.seq: n for n, e in enumerate((e for e in kept if e.seq), 1)},
    )


def role_key(role: str) -> str:
    """The role an entry or a step names, with every spelling of the commander's role as one."""
    return COMMANDER if role in COMMANDER_ROLES else role


def previous_severity(entry: Entry) -> str:
    """The severity id a re-triage or re-classification changed from."""
    return entry.data["previous_severity"] if entry.kind == "reclassified" else entry.data["previous"]


def _apply_step(step: StepState, entry: Entry) -> StepState:
    # Two terminals may both tick the same step before seeing each other's entry: the first
    # recorded wins, and the other stays in the step's history.
    status = "deviated" if entry.kind == "deviation" else entry.data["status"]
    history = (*step.history, entry)
    if (status == "reopened") == step.is_open:
        return attrs.evolve(step, history=history)
    if status == "reopened":
        return attrs.evolve(step, status="open", by="", at=None, reason="", did="", history=history)
    return attrs.evolve(
        step,
        status=status,
        by=entry.actor,
        at=entry.happened_at,
        reason=entry.data.get("reason", ""),
        did=entry.data.get("did", ""),
        history=history,
    )


def _apply_level(
    steps: dict[str, StepState], data: list[dict], severity: str, at: datetime, escalated: bool = True
) -> None:
    """A severity's (or another type's) response applied at `at`. New steps are added, their
    box counting from `at`. An open step takes the new text and time box, counted from `at`; on
    an escalation never later than the deadline it had (the earlier clock wins). A skipped step
    whose escalated version differs comes back open. Done and deviated steps stand, and no step is
    ever dropped: one the new level lacks stays as it was, for the commander to skip or finish."""
    for item in data:
        fresh = StepState(severity=severity, added_at=at, **item)
        old = steps.get(item["id"])
        if old is None:
            steps[fresh.id] = fresh
        elif old.is_open or (escalated and old.status == "skipped" and _differs(old, fresh)):
            keep_clock = old.is_open and escalated and old.due <= fresh.due
            steps[fresh.id] = attrs.evolve(
                fresh,
                added_at=old.added_at if keep_clock else at,
                within=old.within if keep_clock else fresh.within,
                history=old.history,
            )


def _differs(old: StepState, new: StepState) -> bool:
    return (old.do, old.within, old.owner) != (new.do, new.within, new.owner)


def borrowed_id(type_id: str, step_id: str) -> str:
    return f"{type_id}.{step_id}"


def _step_data(step: Step, library: Library) -> dict:
    role = library.role(step.owner)
    data = {
        "id": step.id,
        "do": step.do,
        "owner": step.owner,
        "owner_name": role.name if role else step.owner,
        "within": step.within,
        "why": step.why,
    }
    return data | ({"not_when": step.not_when} if step.not_when else {})


def _text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise IncidentError("the entry is empty")
    return text


def _not_future(happened_at: datetime | None, now: datetime) -> datetime | None:
    if happened_at is not None and happened_at > now:
        raise IncidentError("an entry cannot have happened later than now")
    return happened_at


_AGO = re.compile(r"-?\s*(\d+)\s*(m|mins?|minutes?|h|hrs?|hours?)?\s*(ago)?", re.IGNORECASE)


def parse_when(text: str, moment: datetime) -> datetime | None:
    """'' -> None (now); '-10', '10', '-10m', '10m ago', '10 min ago' -> ten minutes ago ('2h ago' in
    hours); 'HH:MM' -> that time today (UTC). How people type it under pressure, not one spelling."""
    text = text.strip()
    if not text:
        return None
    ago = _AGO.fullmatch(text)
    if ago:
        unit = (ago.group(2) or "m").lower()
        return moment - timedelta(minutes=int(ago.group(1)) * (60 if unit.startswith("h") else 1))
    try:
        hours, minutes = (int(part) for part in text.split(":"))
        when = moment.replace(hour=hours, minute=minutes, second=0, microsecond=0)
    except ValueError:
        raise ValueError(
            f"'{text}' is not a time: use -10 (or '10 min ago') for ten minutes ago, -2h for two hours, or HH:MM in UTC"
        ) from None
    if when > moment:
        when -= timedelta(days=1)  # 23:50 typed at 00:05 means yesterday
    return when


def recorded_walk(incident: Incident, incident_type: IncidentType, library: Library):
    """The incident's recorded triage answers replayed on a type's tree, as far as they fit (the
    playbook may have changed since): where a re-triage starts, to change any answer. On another
    type's tree (a re-classification) it answers each question asked in the same words, so the
    new triage starts from what is already known."""
    from playbook.triage import Walk  # networkx: only when a triage is walked

    known = dict(incident.answers)
    walk = Walk.start(incident_type, library)
    if incident.answer_ids and incident_type.id == incident.type_id:
        # By id: a label reworded since, or shared by two answers, cannot mislead.
        for question_id, answer_id in incident.answer_ids:
            question = walk.question
            if question is None or question.id != question_id or question.answer(answer_id) is None:
                break
            walk = walk.answer(answer_id)
        return walk
    while walk.question is not None and walk.question.ask in known:  # an older record, or another type's tree
        label = known.pop(walk.question.ask)
        matches = [a for a in walk.question.answers if a.label == label]
        if len(matches) != 1:
            break
        walk = walk.answer(matches[0].id)
    return walk


# Triage answers as the walk gives them, or as (question asked, answer label) text from a caller
# that has no tree (a drill player's answers as told, an older record).
Answers = Iterable[tuple[Question, Answer]] | Sequence[tuple[str, str]]


def _answers_data(answers: Answers) -> dict[str, list[list[str]]]:
    shown: list[list[str]] = []
    ids: list[list[str]] = []
    for question, answer in answers:
        if isinstance(question, Question) and isinstance(answer, Answer):
            shown.append([question.ask, answer.label])
            ids.append([question.id, answer.id])
        else:
            shown.append([str(question), str(answer)])
    # Ids only when every answer has one, so a replay never mixes the two ways of looking up.
    return {"answers": shown, "answer_ids": ids if len(ids) == len(shown) and ids else []}

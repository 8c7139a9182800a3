"""Reports from an incident's record, as Markdown: status update, executive summary, timeline
(in the manner of an ICS 214 activity log) and an after-action report draft.

Every report is built from the journal alone, so it says what was recorded, not what the
playbook says today. Text typed by people is escaped so it can never change the layout.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from playbook.incident import Incident, StepState, previous_severity
from playbook.journal import Entry
from playbook.render import duration, duration_of, when
from playbook.render import md_lines as text
from playbook.safe import safe

KINDS = ("status", "summary", "timeline", "after-action")


class Timing:
    """How a report counts and says time: by the wall clock, in UTC. A drill's reports count in
    drill minutes, the clock its time boxes and cadence run on (drill_run.DrillTiming)."""

    note = ""  # under the title, when times are not plain UTC

    def when(self, moment: datetime | None) -> str:
        return when(moment)

    def span(self, start: datetime, end: datetime) -> str:
        """From `start` to `end`, in words."""
        return duration_of(end - start)

    def due(self, step: StepState) -> str:
        return when(step.due)

    def overdue(self, step: StepState, now: datetime) -> bool:
        return step.overdue(now)

    def late(self, step: StepState) -> bool:
        return step.late

    def late_by(self, step: StepState) -> str:
        return duration_of(step.at - step.due) if step.at else ""

    def next_update(self, incident: Incident) -> str:
        return when(incident.next_update_due)


WALL_CLOCK = Timing()


def report(incident: Incident, kind: str, now: datetime, timing: Timing = WALL_CLOCK) -> str:
    if kind not in _BUILDERS:
        raise ValueError(f"report kind must be one of {', '.join(KINDS)}")
    body = _BUILDERS[kind](incident, now, timing)
    if timing.note:  # under the title: how to read every time that follows
        title, rest = body.split("\n", 1)
        body = f"{title}\n\n{timing.note}\n{rest}"
    return safe(body + evidence(incident))


def evidence(incident: Incident) -> str:
    """The end of every report: the entries shown as damaged, and the chain head, so a printed
    report can be checked against the journal later (`playbook journal verify` prints the heads)."""
    # With the journal's row beside each, which is what `playbook journal verify` names.
    damaged = [f"- ⚠ {incident.number(e.seq)} (journal row #{e.seq}) {text(e.damage)}" for e in incident.damaged]
    head = incident.head
    lines = [
        "",
        "---",
        "",
        *(
            ["**The journal shows damage: these entries cannot be trusted or read.**", "", *damaged, ""]
            if damaged
            else []
        ),
        f"Journal chain head: journal row {head} ({incident.id}, checked with `playbook journal verify`)"
        if head
        else f"Journal chain head: none ({incident.id} was recorded before the journal kept a hash chain)",
        "",
    ]
    return "\n".join(lines)


def status(incident: Incident, now: datetime, timing: Timing = WALL_CLOCK) -> str:
    """What a leader sends on the severity's cadence: the situation now, the severity and why,
    what changed since the last update (by when it happened, back-dated facts logged since
    included), decisions, judgment calls, next actions with owners and due times, who holds
    each role, and when the next update is due."""
    since = incident.last_update_at
    situation = incident.situation
    changed = sorted(
        (
            e
            for e in incident.entries
            if e.kind not in ("declared", "status-sent", "situation")
            and (e.happened_at >= since or e.logged_at >= since)
        ),
        key=lambda e: (e.happened_at, e.seq),
    )
    decisions = [e for e in incident.log if e.kind == "decision" and not e.damage]
    calls = [s for s in incident.steps if s.status in ("skipped", "deviated")]
    whole = [e for e in incident.deviations if e.data.get("step") is None]
    open_steps = [s for s in incident.steps_by_due if s.is_open]
    lines = [
        f"# Status update: {text(incident.title)}",
        "",
        f"{incident.id} · {_severity(incident)} · {'open' if incident.is_open else 'closed'} · "
        f"as of {timing.when(now)} · commander {text(incident.commander)}",
        "",
        "## Situation now",
        "",
        f"{text(situation.data['text'])} ({text(situation.actor)}, {timing.when(situation.happened_at)})"
        if situation
        else "Not stated yet: the commander writes it in one line when sending the update (u).",
        "",
        "## Severity and why",
        "",
        f"- {_severity(incident)}; declared {timing.when(incident.declared_at)} "
        f"({timing.span(incident.declared_at, now)} ago) as {text(incident.entries[0].data['type_title'])}.",
        *(f"- {text(q)}: {text(a)}" for q, a in incident.answers),
        *(f"- {describe(incident, e)} ({timing.when(e.happened_at)})" for e in incident.severity_changes),
        *(f"- {describe(incident, e)} ({timing.when(e.happened_at)})" for e in incident.reclassifications),
        "",
        *_coaching(incident, timing),
        f"## What changed since the last update ({timing.when(since)})",
        "",
        *(
            [
                f"- {timing.when(e.happened_at)}{_late(e, timing)}: {describe(incident, e)}{_corrected(incident, e)}"
                for e in changed
            ]
            or ["- Nothing recorded."]
        ),
        "",
        "## Decisions",
        "",
        *(
            [f"- {timing.when(e.happened_at)}: {text(e.data['text'])}{_corrected(incident, e)}" for e in decisions]
            or ["- None recorded."]
        ),
        "",
        "## Judgment calls (steps not taken as written)",
        "",
        *(
            [f"- {_clause(s.do)}: {text(s.outcome)} ({text(s.by)}, {timing.when(s.at)})" for s in calls]
            + [f"- The response as a whole: {describe(incident, e)} ({timing.when(e.happened_at)})" for e in whole]
            or ["- None: every handled step was taken as written."]
        ),
        "",
        "## Next actions (most urgent first)",
        "",
        *(
            [
                f"- {'⚠ OVERDUE' if timing.overdue(s, now) else 'Open'}: {_clause(s.do)} — {_owner(incident, s)}, "
                f"{'was due' if timing.overdue(s, now) else 'due'} {timing.due(s)}"
                for s in open_steps
            ]
            or ["- No step is open."]
        ),
        "",
        "## Who holds each role",
        "",
        *(f"- {text(r.name)}: {text(r.person)} (since {timing.when(r.since)})" for r in incident.roles),
        "",
        (
            f"Next update due {timing.next_update(incident)} (every {duration(incident.severity.update_every)})."
            if incident.closed is None
            else f"Closed {timing.when(incident.closed.happened_at)}: no further updates are due."
        ),
        "",
    ]
    return "\n".join(lines)


def _late(entry: Entry, timing: Timing) -> str:
    """A fact logged well after it happened says when it was logged, so a reader knows it is news."""
    return (
        f" (logged {timing.when(entry.logged_at)})"
        if (entry.logged_at - entry.happened_at).total_seconds() > 60
        else ""
    )


def _clause(value: str) -> str:
    """A step's text inside a line: without its closing full stop, so '...log.:' never appears."""
    return text(_bare(value))


def _bare(value: str) -> str:
    return value.rstrip().rstrip(".")


def summary(incident: Incident, now: datetime, timing: Timing = WALL_CLOCK) -> str:
    """One page for executives: what happened, how bad, what was done, where it stands."""
    done = [s for s in incident.steps if s.status == "done"]
    skipped = [s for s in incident.steps if s.status == "skipped"]
    decisions = [e for e in incident.log if e.kind == "decision" and not e.damage]
    state = f"closed {timing.when(incident.closed.happened_at)}" if incident.closed else "open"
    overdue = sum(timing.overdue(s, now) for s in incident.steps) if incident.is_open else 0
    lines = [
        f"# Executive summary: {text(incident.title)}",
        "",
        "| | |",
        "|---|---|",
        f"| Incident | {incident.id} ({text(incident.type_title)}) |",
        f"| Severity | {_severity(incident)}{_severity_path(incident)} |",
        f"| Declared | {timing.when(incident.declared_at)} |",
        f"| Status | {state}, {timing.span(incident.declared_at, incident.ended_at(now))} after declaration |",
        f"| Commander | {text(incident.commander)} |",
        f"| Response | {len(done)} of {len(incident.steps)} steps done, {len(skipped)} skipped, "
        f"{sum(timing.late(s) for s in done)} late, {overdue} overdue |",
        "",
    ]
    if incident.closed and incident.closed.data.get("summary"):
        lines += ["## Outcome", "", text(incident.closed.data["summary"]), ""]
    lines += [
        "## Key decisions",
        "",
        *(
            [f"- {timing.when(e.happened_at)}: {text(e.data['text'])}{_corrected(incident, e)}" for e in decisions]
            or ["- None recorded."]
        ),
        "",
    ]
    return "\n".join(lines)


def timeline(incident: Incident, now: datetime, timing: Timing = WALL_CLOCK) -> str:
    """Every entry, in the order things happened, with when each was logged: an activity log."""
    period_end = timing.when(incident.closed.happened_at) if incident.closed else f"{timing.when(now)} (open)"
    lines = [
        f"# Activity log: {text(incident.title)}",
        "",
        "| | |",
        "|---|---|",
        f"| Incident name | {text(incident.title)} |",
        f"| Incident number | {incident.id} |",
        f"| Operational period | {timing.when(incident.declared_at)} to {period_end} |",
        f"| Prepared by | {text(incident.commander)}, incident commander |",
        "",
        "## Resources assigned",
        "",
        "| Role | Person | Since |",
        "|---|---|---|",
        *(
            f"| {text(r.name)} | {text(r.person)}{f' (from {text(r.previous)})' if r.previous else ''} "
            f"| {timing.when(r.since)} |"
            for r in incident.roles
        ),
        "",
        "## Activity log",
        "",
        "Times are when it happened; an entry logged, or saved, more than a minute later says when.",
        "",
        "| # | Happened | By | Activity |",
        "|---|---|---|---|",
    ]
    for entry in sorted(incident.entries, key=lambda e: (e.happened_at, e.seq)):
        late = entry.logged_at - entry.happened_at
        logged = f" (logged {timing.when(entry.logged_at)})" if late.total_seconds() > 60 else ""
        # An entry typed while the journal could not be written was saved on a later retry: say so.
        if (entry.recorded_at - entry.logged_at).total_seconds() > 60:
            logged += f" (saved {timing.when(entry.recorded_at)}, after a failed write)"
        lines.append(
            f"| {incident.number(entry.seq)[1:]} | {timing.when(entry.happened_at)}{logged} | {text(entry.actor)} | "
            f"{describe(incident, entry)}{_corrected(incident, entry)} |"
        )
    lines.append("")
    return "\n".join(lines)


def after_action(incident: Incident, now: datetime, timing: Timing = WALL_CLOCK) -> str:
    """A draft for the review: what went to plan, what was late or skipped, and prompts for lessons."""
    on_time = [s for s in incident.steps if s.status == "done" and not timing.late(s)]
    late = [s for s in incident.steps if timing.late(s)]
    skipped = [s for s in incident.steps if s.status == "skipped"]
    never = [s for s in incident.steps if s.is_open]
    lines = [
        f"# After-action report (draft): {text(incident.title)}",
        "",
        f"{incident.id} · {text(incident.type_title)} · {_severity(incident)}{_severity_path(incident)} · "
        f"{timing.when(incident.declared_at)} to "
        f"{timing.when(incident.closed.happened_at) if incident.closed else 'still open'}",
        "",
        "## What went to plan",
        "",
        *(
            [
                f"- ✓ {text(s.do)}: done {timing.when(s.at)} by {text(s.by)}, within {duration(s.within)}"
                for s in on_time
            ]
            or ["- No step was done within its time box."]
        ),
        "",
        "## What was late",
        "",
        *(
            [
                f"- ⚠ {text(s.do)}: done {timing.late_by(s)} after its {duration(s.within)} time box, by {text(s.by)}"
                for s in late
                if s.at  # a late step is a done one
            ]
            or ["- Nothing was late."]
        ),
        "",
        "## What was skipped or never done",
        "",
        *(f"- ✗ {text(s.do)}: skipped by {text(s.by)}: {text(s.reason)}" for s in skipped),
        *(f"- ✗ {text(s.do)}: not done ({_owner(incident, s)})" for s in never),
        *(["- Every step was done."] if not (skipped or never) else []),
        "",
        "## Decisions",
        "",
        *(
            [
                f"- {timing.when(e.happened_at)}: {text(e.data['text'])}{_corrected(incident, e)}"
                for e in incident.log
                if e.kind == "decision" and not e.damage
            ]
            or ["- None recorded."]
        ),
        "",
        *_coaching(incident, timing),
        "## Lessons (to discuss)",
        "",
        *(f"- Why was “{text(s.do)}” late, and what would have made it on time?" for s in late),
        *(f"- Was skipping “{text(s.do)}” right? Should the playbook say when it does not apply?" for s in skipped),
        *(f"- Why was “{text(s.do)}” never done?" for s in never),
        "- What did we recognise late, and what would have told us sooner?",
        "- Which decision would we make differently, knowing what we know now?",
        "- What worked that the playbook does not yet say?",
        "- What should change in the playbook, the roles or the training?",
        "",
    ]
    return "\n".join(lines)


def describe(incident: Incident, entry: Entry, text: Callable[[str], str] = text) -> str:
    """One entry in words, for the timeline; `text` renders typed text (Markdown-escaped by default)."""
    d = entry.data
    if entry.damage:
        return f"⚠ DAMAGED: {text(entry.damage)}"
    if entry.kind == "declared":
        steps = len(d["steps"])
        return (
            f"Declared {text(d['type_title'])} at {d['severity']['id']} ({text(d['severity']['name'])}); "
            f"commander {text(d['commander'])}; {steps} step{'s' * (steps != 1)} in the response"
        )
    if entry.kind == "step":
        step = incident.step(d["step"])
        what = text(_bare(step.do)) if step else d["step"]
        reason = f": {text(d['reason'])}" if d.get("reason") else ""
        return f"Step {d['status']}: {what}{reason}"
    if entry.kind == "deviation":
        step = incident.step(d["step"]) if d.get("step") else None
        instead = f"Instead of {text(_bare(step.do))}: did" if step else "Did"
        return f"{instead} something else: {text(d['did'])} because {text(d['reason'])}"
    if entry.kind == "reclassified":
        reason = f": {text(d['reason'])}" if d.get("reason") else ""
        return (
            f"Re-classified as {text(d['type_title'])} at {d['severity']['id']} (was {text(d['previous'])}, "
            f"{d.get('previous_severity', '?')}){reason}"
        )
    if entry.kind == "coached":
        return f"Coaching: {text(d['ask'])} {text(d['answer'])}"
    if entry.kind == "borrowed":
        return f"Borrowed from {text(d['type_title'])}: {text(_bare(d['step']['do']))}"
    if entry.kind == "situation":
        return f"Situation now: {text(d['text'])}"
    if entry.kind == "role":
        handed = f", from {text(d['previous'])}" if d.get("previous") else ""
        return f"{text(d['name'])}: {text(d['person'])}{handed}"
    if entry.kind == "retriaged":
        added = len(d.get("added", d["steps"]))  # older entries listed only the added steps
        reason = f": {text(d['reason'])}" if d.get("reason") else ""
        return f"Severity {d['previous']} → {d['severity']['id']}{reason}; {added} step{'s' * (added != 1)} added"
    if entry.kind == "triaged":
        reason = f": {text(d['reason'])}" if d.get("reason") else ""
        return f"Triaged again, severity stays {d['severity']}{reason}"
    if entry.kind == "deviation":
        step = incident.step(d["step"]) if d.get("step") else None
        at = f"Instead of {text(step.do) if step else d['step']}: " if d.get("step") else ""
        return f"{at}did something else: {text(d['did'])} because {text(d['reason'])}"
    if entry.kind in ("note", "decision"):
        return f"{entry.kind.capitalize()}: {text(d['text'])}"
    if entry.kind == "correction":
        return f"Correction of {incident.number(int(d['corrects']))}: {text(d['text'])}"
    if entry.kind == "status-sent":
        return "Status update sent"
    if entry.kind == "closed":
        return "Closed" + (f": {text(d['summary'])}" if d.get("summary") else "")
    return f"{text(entry.kind)}"


def _coaching(incident: Incident, timing: Timing) -> list[str]:
    """A novel incident's coaching prompts and answers (the unanswered ones named, so a reader sees
    what nobody has thought through yet); nothing for an incident a playbook covers."""
    from playbook import novel

    if incident.type_id != novel.NOVEL and not incident.coaching:
        return []
    answered = {e.data["prompt"]: e for e in incident.coaching}
    lines = ["## Coaching prompts (no playbook fits)", ""]
    for prompt, ask in novel.PROMPTS:
        e = answered.get(prompt)
        lines.append(
            f"- {text(ask)} {text(e.data['answer'])} ({text(e.actor)}, {timing.when(e.happened_at)})"
            if e
            else f"- {text(ask)} Not answered yet."
        )
    return [*lines, ""]


def _severity(incident: Incident) -> str:
    return f"{incident.severity.id} ({text(incident.severity.name)})"


def _severity_path(incident: Incident) -> str:
    changes = incident.severity_changes
    if not changes:
        return ""
    path = [previous_severity(changes[0]), *(e.data["severity"]["id"] for e in changes)]
    return f", was {' → '.join(path)}"


def _owner(incident: Incident, step: StepState) -> str:
    holder = incident.holder(step.owner)
    role = text(step.owner_name or step.owner)
    borrowed = f", borrowed from {text(step.borrowed_from)}" if step.borrowed_from else ""
    return f"{role} ({text(holder.person)}){borrowed}" if holder else f"{role} (unassigned){borrowed}"


def _corrected(incident: Incident, entry: Entry) -> str:
    """The corrections of an entry, with what they say: a reader needs the right fact, not a number."""
    fixes = [fix for seq in incident.corrected_by.get(entry.seq, ()) if (fix := incident.entry(seq)) is not None]
    return "".join(f" (corrected by {incident.number(fix.seq)}: {text(fix.data['text'])})" for fix in fixes)


_BUILDERS: dict[str, Callable[[Incident, datetime, Timing], str]] = {
    "status": status,
    "summary": summary,
    "timeline": timeline,
    "after-action": after_action,
}

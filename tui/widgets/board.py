"""The parts of the live incident board, each a widget of its own that tui/app.tcss styles by class.

They show a LiveIncident's state; they never write to the journal. Typed and library text goes
in as Content, never markup.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from playbook.incident import Incident, StepState
from playbook.journal import Entry
from playbook.live import RETRY_SECONDS, LiveIncident, Outgoing
from playbook.model import IncidentType
from playbook.render import countdown, hhmm
from tui.widgets.live import OVERDUE, UNSAVED, TimeBoxes, log_line, one_line, step_line
from tui.widgets.plain import Plain, plain


class BoardLine(Plain):
    """One line of the board's header (title, clock, next update): grows to fit what it says."""

    DEFAULT_CLASSES = "board-line"


class StepList(OptionList):
    """Open steps by due time, the most urgent first; done, skipped and deviated ones below.
    Updated in place, so the highlight stays; when the step under it is handled, it moves to the
    next one; when steps are added, the most urgent of them comes into view."""

    DEFAULT_CLASSES = "board-steps"

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)
        self.open_steps: dict[str, bool] = {}  # step id -> open, as last shown

    def show(self, live: LiveIncident, moment: datetime, boxes: TimeBoxes) -> None:
        state = live.state
        ordered = state.steps_by_due
        closed = not state.is_open
        lines = [Option(plain(step_line(s, owner_of(live, s), moment, boxes, closed)), id=s.id) for s in ordered]
        before, ids = [o.id for o in self.options], [o.id for o in lines]
        if before == ids:
            for index, option in enumerate(lines):
                self.replace_option_prompt_at_index(index, option.prompt)
        else:
            highlighted = self.highlighted_option.id if self.highlighted_option else None
            index = self.highlighted or 0
            added = [i for i in ids if i not in before] if before else []
            self.set_options(lines)
            if added:
                self.highlighted = min(ids.index(i) for i in added)
            elif highlighted is not None and highlighted in ids and not self.just_handled(state, highlighted):
                self.highlighted = ids.index(highlighted)
            else:
                self.highlighted = min(index, len(ids) - 1) if ids else None
            self.call_after_refresh(self.scroll_to_highlight)
        self.open_steps = {s.id: s.is_open for s in ordered}

    def just_handled(self, state: Incident, step_id: str) -> bool:
        """Open when last shown and handled now: the cursor stays put, on the next step."""
        step = state.step(step_id)
        return self.open_steps.get(step_id, False) and step is not None and not step.is_open


class JudgmentLine(Plain):
    """Judgment where the decision is made: when the response as a whole does not apply (the
    first case here, every case in F1). Each step's own "not when" is on its line."""

    DEFAULT_CLASSES = "board-judgment"

    def show_for(self, incident_type: IncidentType | None) -> None:
        parts: list[Content | tuple[str, str] | str] = []
        if incident_type is not None and incident_type.does_not_apply:
            first = incident_type.does_not_apply[0]
            more = len(incident_type.does_not_apply) - 1
            parts += [("Does not apply when" + (f" (F1: all {more + 1})" if more else "") + ": ", "bold")]
            parts += [f"{first.when} → {first.instead}"]
        self.display = bool(parts)
        self.show(Content.assemble(*parts))


class BoardLog(VerticalScroll):
    """The incident's log, in the order things happened. New entries come into view; an entry
    just written is scrolled to, wherever its time sorts it (a back-dated note sorts above)."""

    DEFAULT_CLASSES = "board-log"

    def __init__(self, **kwargs) -> None:
        super().__init__(Plain("", id="incident-log-text"), **kwargs)
        self.shown_of: tuple = (None, "")
        self.count = 0

    def show(self, live: LiveIncident, spotlight: str, log_time: Callable[[Entry], str]) -> None:
        """`log_time`: an entry's time as the board counts it ("" for the wall clock; a drill
        board says its minute). A damaged entry is a line with its number, saying it is damaged."""
        state = live.state
        if self.shown_of[0] is state and self.shown_of[1] == spotlight:
            return  # the log depends on the state and the spotlight, never on the clock
        new_spotlight = spotlight != self.shown_of[1]
        self.shown_of = (state, spotlight)
        waiting = {d.uid for d in live.outbox.waiting}
        entries = sorted(
            (e for e in state.entries if e.kind != "declared"), key=lambda e: (e.happened_at, e.seq or 1 << 62)
        )[-200:]
        lines = [log_line(state, e, e.uid in waiting, e.uid == spotlight, log_time(e)) for e in entries]
        text = Content("\n").join(lines) if lines else Content("No entries yet: n for a note, k for a decision.")
        grew = len(entries) != self.count
        self.count = len(entries)
        self.query_one("#incident-log-text", Plain).show(text)
        spot = next((i for i, e in enumerate(entries) if e.uid == spotlight), None)
        if spot is not None and new_spotlight:
            width = max(1, self.scrollable_content_region.width or 80)
            line = sum(len(each.wrap(width)) for each in lines[:spot])
            self.call_after_refresh(self.scroll_to, y=line, animate=False)
        elif grew:  # another terminal's entry, or one recorded: the newest in view
            self.call_after_refresh(self.scroll_end, animate=False)


class SavedLine(Plain):
    """Whether every entry is recorded; unsaved ones stand out in words, not only colour."""

    DEFAULT_CLASSES = "board-saved"

    def show_for(self, live: Outgoing, quiet: bool = False) -> None:
        """`quiet`: hidden while every entry is recorded (a drill screen says only what is wrong)."""
        waiting, damage, damaged_here = live.waiting, live.journal.damage, live.damaged_here
        self.display = not quiet or bool(
            waiting or damage or damaged_here or live.read_error or live.write_error or live.journal.readonly
        )
        if waiting:
            kept = (
                f"NOT EVEN KEPT ON DISK ({live.outbox.file_error}): keep the app open"
                if live.outbox.file_error
                else f"kept in {live.outbox.file} until recorded"
            )
            self.show(
                Content.assemble(
                    (f"{UNSAVED}: {waiting} entr{'ies' if waiting != 1 else 'y'} not saved yet", "bold reverse"),
                    # The outbox is the app's: another screen's failed write says why too.
                    " " + one_line(f"· {live.write_error or live.outbox.last_error or 'saving…'} · {kept}"),
                    f" · retrying every {RETRY_SECONDS:.0f} s; keep working",
                )
            )
        elif live.offline:
            self.show(
                Content.assemble(
                    ("⚠ OFFLINE, reconnecting", "bold reverse"),
                    one_line(f": {live.offline} · entries you make are kept and recorded when it is back"),
                )
            )
        elif damage:
            more = f" (and {len(damage) - 1} more)" if len(damage) > 1 else ""
            self.show(
                Content.assemble(
                    ("⚠ DAMAGED journal, read-only", "bold reverse"),
                    one_line(f": {damage[0]}{more} · never written to · `playbook journal verify` lists every problem"),
                )
            )
        elif damaged_here:
            self.show(
                Content.assemble(
                    (f"⚠ DAMAGED: {damaged_here} entr{'ies' if damaged_here != 1 else 'y'}", "bold reverse"),
                    " of this incident cannot be read; they are marked in the log with their numbers",
                )
            )
        elif live.read_error:
            self.show(Content.assemble(("⚠ ", "bold"), live.read_error))
        elif live.journal.readonly:
            self.show(
                Content.assemble(
                    ("⚠ READ-ONLY journal", "bold"),
                    f": {live.journal.path} cannot be written; entries you make will stay unsaved",
                )
            )
        else:
            self.show(f"✓ Every entry recorded in {live.journal.path}")
        self.set_class(bool(waiting or damage or damaged_here), "-unsaved")


class KeyBar(Plain):
    """The board's keys on as many lines as they need: a one-line footer cut them off at 80
    columns. Only the keys that work now are listed, each as it is typed, then F1 for the rest."""

    DEFAULT_CLASSES = "board-keys"

    def show_keys(self, screen: Screen) -> None:
        items = [
            (screen.app.get_key_display(active.binding), active.binding.description)
            for active in screen.app.active_bindings.values()
            if active.node is screen and active.enabled and active.binding.show
        ]
        items += [("f1", "all keys"), ("^q", "quit")]
        # Lines packed by hand, so a key never sits at a line's end apart from what it does.
        width = max(20, (self.size.width or screen.app.size.width) - 2)
        parts: list[Content | tuple[str, str] | str] = []
        used = 0
        for key, what in items:
            size = len(key) + 1 + len(what)
            if used and used + 2 + size > width:
                parts.append("\n")
                used = 0
            elif used:
                parts.append("  ")
                used += 2
            parts += [(key, "bold"), f" {what}"]
            used += size
        self.show(Content.assemble(*parts))


def update_line(state: Incident, moment: datetime, boxes: TimeBoxes) -> Content:
    """When the next status update is due, loudly once it is late, and how many steps are overdue."""
    if not state.is_open:
        return Content(f"Closed {hhmm(state.closed.happened_at if state.closed else None)} UTC. Reports: v")
    due = state.next_update_due
    overdue = len(boxes.overdue(state, moment))
    steps = f" · {OVERDUE}: {overdue} step{'s' * (overdue != 1)}" if overdue else ""
    if state.update_overdue(moment):
        return Content.assemble(
            (f"⚠ STATUS UPDATE OVERDUE by {countdown(moment - due)}", "bold reverse"),
            f" (due {hhmm(due)} UTC, every {state.severity.update_every} min) · u to send it",
            steps,
        )
    return Content(f"Next status update due {hhmm(due)} UTC, in {countdown(due - moment)}{steps}")


def owner_of(live: LiveIncident, step: StepState) -> str:
    """Who owns the step, and the playbook it was borrowed from, if it was."""
    borrowed = f" · borrowed from {step.borrowed_from}" if step.borrowed_from else ""
    return live.owner(step.owner) + borrowed

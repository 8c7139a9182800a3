"""The facilitator's view of a running drill: every inject with what it reveals and the
facilitator's notes, the clock, the team's progress; n releases the next inject."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer

from playbook import drill_run
from playbook.incident import Incident
from playbook.journal import JournalStore
from playbook.model import Library
from playbook.reports import describe
from tui.context import context_of
from tui.screens import drill_shared
from tui.screens.drill_following import DrillFollowingScreen
from tui.screens.pick import PickScreen
from tui.widgets.board import SavedLine
from tui.widgets.live import UNSAVED
from tui.widgets.plain import Plain, one_line


def team_line(run: drill_run.DrillRun, board: Incident | None) -> str:
    people = ", ".join(run.participants)
    who = " · ".join(one_line(part) for part in (run.team, people) if part) or "no participants named"
    players = run.players
    joined = f" · joined: {one_line(', '.join(players))}" if players else " · no player has joined yet"
    if board is None:
        return f"Team: {who} · not declared yet{joined}"
    done = sum(s.status == "done" for s in board.steps)
    declared = drill_shared.tenths(run.minute_of(board.declared_at))
    return (
        f"Team: {who} · declared {board.type_title} {board.severity.id} at minute {declared} · "
        f"{done} of {len(board.steps)} steps done{joined}"
    )


def team_log(run: drill_run.DrillRun, board: Incident | None) -> list[str]:
    """The drill so far, each entry at its drill minute: injects and clock moves in words, the
    team's entries in the live board's words (`board`: the team's incident, once declared).
    An entry not recorded yet (waiting in the outbox) is marked so."""
    lines = []
    for entry in sorted(run.entries, key=lambda e: (e.happened_at, e.seq)):
        if entry.kind in (drill_run.INJECT, drill_run.CLOCK, drill_run.JOINED):
            text = drill_run.drill_event(run, entry)
        elif board is not None and entry.kind not in (drill_run.STARTED, drill_run.PRACTICE):
            text = describe(board, entry, one_line)
        else:
            continue
        minute = drill_shared.tenths(run.minute_of(entry.happened_at))
        mark = "" if entry.seq else f"{UNSAVED} "
        lines.append(f"{minute:>5}  {mark}{one_line(entry.actor)}: {one_line(text)}")
    return lines


class DrillFacilitatorScreen(DrillFollowingScreen):
    BINDINGS = [
        Binding("n", "advance", "Release the next inject", id="drill_facilitator.advance"),
        Binding(
            "p",
            "player",
            "Player view",
            id="drill_facilitator.player",
            tooltip="What the team sees (no facilitator material): show it on a shared screen",
        ),
        Binding("x", "end", "End the drill", id="drill_facilitator.end"),
        Binding("r", "debrief", "Debrief", id="drill_facilitator.debrief"),
        Binding("escape", "app.pop_screen", "Back", id="drill_facilitator.back"),
    ]

    def __init__(self, journal: JournalStore, drill_id: str, library: Library, facilitator: str) -> None:
        super().__init__(journal, drill_id, library)  # injects, clock moves and the end go through the outbox
        self.facilitator = facilitator

    def compose(self) -> ComposeResult:
        yield Plain(
            f"{drill_shared.DRILL_MARK} · Facilitator · {self.run.drill.title} · {self.run.id}",
            classes="title drill-title",
        )
        join = Plain(
            Content.assemble(
                ("Players join with  ", "bold"),
                (drill_run.join_command(self.run.id, self.journal.path, self.library.root), "bold reverse"),
            ),
            id="drill-join",
        )
        join.styles.padding = (0, 1)  # aligned with the clock line below
        yield join
        yield Plain("", id="drill-clock")
        yield Plain("", id="drill-team")
        with VerticalScroll(id="drill-injects", can_focus=True):
            yield Plain("", id="drill-briefing")
            yield Plain("", id="drill-inject-list")
            expect = self.run.drill.expect
            if expect.novel is not None or any(o.guide for o in expect.objectives):  # old-style drills have none
                yield Plain("Evaluator's guide", classes="debrief-section")
                yield Plain(drill_shared.evaluator_guide(self.run.drill), id="drill-guide")
            yield Plain("The drill so far (drill minutes)", classes="debrief-section")
            yield Plain("", id="drill-team-log")
        yield SavedLine("", id="drill-saved")
        yield Footer()

    def on_mount(self) -> None:
        self.show()
        self.query_one("#drill-injects").focus()
        self.follow()

    def tick(self) -> None:
        """Move the drill clock on (the journal is read when it changes, or to retry a read that
        failed); injects the clock has released are made at once (shown unsaved until the worker
        records them)."""
        moment = context_of(self).clock.now()
        try:
            run = self.drill.at(moment, read=bool(self.drill.read_error) and not self.writer.busy)
            self.problem = drill_shared.offline_line(self.drill.offline) or (
                f"⚠ The drill's record cannot be read: {self.drill.read_error}" if self.drill.read_error else ""
            )
        except drill_shared.UNREADABLE as error:
            self.problem = f"⚠ The drill's record cannot be read: {error}"
        else:
            released = drill_run.released(run, moment)
            if released:
                self.writer.write(*released)
        self.writer.retry()
        self.show()
        self.refresh_bindings()

    def show(self) -> None:
        run = self.run
        self.query_one("#drill-clock", Plain).show(self.problem or drill_shared.clock_line(run))
        try:
            board = run.board()  # folded once a tick, for the team line and the log
        except drill_shared.UNREADABLE as error:
            team, log = f"⚠ The team's entries cannot be read: {error}", []
        else:
            team, log = team_line(run, board), team_log(run, board)
        self.query_one("#drill-team", Plain).show(team)
        drill = run.drill
        briefing: list = [("Briefing  ", "bold"), drill.briefing.strip()]
        if drill.facilitator_notes:
            briefing += ["\n", ("Facilitator notes  ", "bold"), drill.facilitator_notes.strip()]
        expected = drill.expect
        briefing += [
            "\n",
            ("Expected  ", "bold"),
            f"{expected.severity}",
            f" within {expected.classify_within} min" if expected.classify_within else "",
            " · objectives: ",
            "; ".join(o.goal for o in expected.objectives),
        ]
        if expected.novel is not None:
            briefing[-2:] = [" · no playbook fits: the team should say so (F5) and coach the first hour"]
        self.query_one("#drill-briefing", Plain).show(Content.assemble(*briefing))
        out = {i.id for i in run.release.released}
        lines = []
        for module in run.drill.modules:
            if len(run.drill.modules) > 1:
                jump = f" · {module.jump.strip()}" if module.jump else ""
                lines.append(Content.assemble((f"Module: {module.title} (from minute {module.at})", "bold"), jump))
            lines += [
                drill_shared.facilitator_inject(i, i.id in out, self.library, run.incident) for i in module.injects
            ]
        self.query_one("#drill-inject-list", Plain).show(Content("\n").join(lines))
        self.query_one("#drill-team-log", Plain).show("\n".join(log) or "Nothing yet.")
        self.query_one("#drill-saved", SavedLine).show_for(self.drill, quiet=True)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "advance":
            return not self.run.ended and self.run.release.next is not None
        if action == "end":
            return not self.run.ended
        if action == "debrief":
            return self.run.ended
        return True

    def action_advance(self) -> None:
        try:
            self.writer.write(*drill_run.moved_on(self.run, context_of(self).clock.now()))
        except drill_run.DrillRunError as error:
            self.notify(str(error), severity="warning", markup=False)
        self.show()
        self.refresh_bindings()

    def action_player(self) -> None:
        from tui.screens.drill_player import DrillPlayerScreen

        self.app.push_screen(
            DrillPlayerScreen(context_of(self).open_journal(), self.run.id, self.library, self.facilitator)
        )

    def action_end(self) -> None:
        choices = [("end", "End it now: score the team and open the debrief"), ("carry-on", "Carry on")]
        self.app.push_screen(PickScreen("End the drill?", choices), self.end)

    def end(self, choice: str | None) -> None:
        if choice != "end":
            return
        moment = context_of(self).clock.now()
        try:
            self.writer.write(
                *drill_run.ending(
                    self.drill.at(moment, read=not self.writer.busy), self.library, self.facilitator, moment
                )
            )
        except drill_shared.UNREADABLE as error:
            self.notify(f"The drill was not ended: {error}", severity="error", markup=False)
            return
        self.show()
        self.refresh_bindings()
        self.action_debrief()

    def action_debrief(self) -> None:
        from tui.screens.drill_debrief import DrillDebriefScreen

        self.app.push_screen(DrillDebriefScreen(self.run, self.library))

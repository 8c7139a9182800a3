"""The players' view of a drill: the briefing and the injects released so far, nothing of the
facilitator's. The team triages with the live triage screen, declares, and works the response
on the live incident board, marked DRILL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer

from playbook import drill_run, novel
from playbook.journal import Draft, JournalError, JournalStore
from playbook.model import Answer, IncidentType, Library, Question
from tui.context import InApp, app_of, context_of
from tui.screens import drill_shared, novel_triage
from tui.screens.drill_following import DrillFollowingScreen
from tui.screens.drill_type_pick import TypePickScreen
from tui.screens.form import Field, FormScreen, when_filled
from tui.screens.pick import PickScreen
from tui.widgets import severity as severity_text
from tui.widgets.board import SavedLine
from tui.widgets.plain import Plain, one_line


def player_in(node: InApp) -> DrillPlayerScreen | None:
    """The drill's player view under the current screen, if a team is working a drill: each
    player view registers with the app context while it is open."""
    return context_of(node).on_screen.drill


def declared_in_drill(app: App, incident_type: IncidentType, severity: str, answers: tuple = ()) -> bool:
    """When a team triaged from a drill's player view, the response screen's "declare" goes into
    the drill: back to the player view, which asks for the commander. False outside a drill."""
    player = player_in(app)
    if player is None:
        return False
    while app.screen is not player:
        app.pop_screen()
    player.ask_commander(incident_type.id, severity, tuple(answers))
    return True


class DrillPlayerScreen(DrillFollowingScreen):
    BINDINGS = [
        Binding("t", "triage", "Triage", id="drill_player.triage"),
        Binding("d", "declare", "Declare", id="drill_player.declare"),
        Binding("b", "board", "Team board", id="drill_player.board"),
        Binding("h", "hot_wash", "Hot wash", id="drill_player.hot_wash"),
        Binding("escape", "app.pop_screen", "Back", id="drill_player.back"),
    ]

    def __init__(
        self, journal: JournalStore, drill_id: str, library: Library, actor: str = "", terminal: str = ""
    ) -> None:
        """`terminal`: set in a player's own process, which records that it joined (and under
        which name) so the facilitator sees who is playing; empty on the facilitator's screen."""
        super().__init__(journal, drill_id, library)  # the join and the declaration go through the outbox
        self.actor = actor
        self.terminal = terminal

    def compose(self) -> ComposeResult:
        view = self.run.player_view()
        yield Plain(f"{drill_shared.DRILL_MARK} · {view.title} · {self.run.id}", classes="title drill-title")
        yield Plain("", id="drill-clock")
        yield Plain("", id="drill-team")
        with VerticalScroll(id="drill-feed", can_focus=True):
            yield Plain(Content.assemble(("Briefing  ", "bold"), view.briefing.strip()), id="drill-briefing")
            yield Plain("", id="drill-feed-text")
        yield SavedLine("", id="drill-saved")
        yield Footer()

    def on_mount(self) -> None:
        context_of(self).on_screen.drills.append(self)  # a declaration from a response goes into this drill
        self.shown_count = -1
        self.record_join(self.actor)
        self.show()
        self.query_one("#drill-feed").focus()
        self.follow()
        if not self.actor:  # joined from a second terminal: the team's entries are credited by name
            form = FormScreen(
                f"Joining drill {self.run.id}",
                [Field("name", "Your name")],
                intro="Who is playing at this terminal? Your entries are recorded under this name.",
            )
            self.app.push_screen(form, when_filled(lambda got: self.set_actor(got["name"].strip())))

    def set_actor(self, name: str) -> None:
        self.actor = name
        self.record_join(name)
        self.show()

    def record_join(self, name: str) -> None:
        if self.terminal and not self.run.ended:
            self.writer.write(drill_run.joining(self.run, name, self.terminal, context_of(self).clock.now()))

    def on_unmount(self) -> None:  # the base's runs too: the outbox and the follower
        context_of(self).on_screen.drills.remove(self)

    def tick(self) -> None:
        moment = context_of(self).clock.now()
        try:  # the clock moves on; the journal is read again only to retry a read that failed
            self.drill.at(moment, read=bool(self.drill.read_error) and not self.writer.busy)
            self.problem = drill_shared.offline_line(self.drill.offline)
        except drill_shared.UNREADABLE as error:
            self.problem = f"⚠ The drill's record cannot be read: {error}"
        self.writer.retry()
        self.show()
        self.refresh_bindings()

    def show(self) -> None:
        # Everything here comes from the PlayerView, which has no facilitator material to leak.
        view = self.run.player_view()
        self.query_one("#drill-clock", Plain).show(self.problem or drill_shared.clock_line(self.run))
        self.query_one("#drill-team", Plain).show(self.team_text())
        self.query_one("#drill-saved", SavedLine).show_for(self.drill, quiet=True)
        lines = drill_shared.player_feed(view)
        self.query_one("#drill-feed-text", Plain).show(Content("\n").join(lines) if lines else "No inject yet.")
        if len(lines) != self.shown_count:  # a new inject: bring it into view
            self.shown_count = len(lines)
            self.query_one("#drill-feed", VerticalScroll).scroll_end(animate=False)

    def team_text(self) -> str:
        if self.run.ended:
            return "The drill has ended. h: the hot wash questions · the facilitator leads the debrief"
        try:
            board = self.run.board()
        except drill_shared.UNREADABLE as error:
            return f"⚠ The team's entries cannot be read: {error}"
        if board is None:
            return f"{self.playing()}Not declared yet · t: triage an incident type · d: declare"
        level = severity_text.label_of(self.library, board.severity.id)
        return f"{self.playing()}Declared {board.type_title} at {level} · b: the team board"

    def playing(self) -> str:
        return f"Playing as {one_line(self.actor)} · " if self.actor else ""

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        declared = bool(self.run.board_entries)
        if action == "declare":
            return not declared and not self.run.ended
        if action == "board":
            return declared
        if action == "hot_wash":
            return self.run.ended
        return True

    # -- the team's moves ----------------------------------------------------------------------

    def action_triage(self) -> None:
        self.app.push_screen(
            TypePickScreen("Triage which incident type?", self.library),
            self.triage_type,
        )

    def triage_type(self, type_id: str | None) -> None:
        incident = self.library.type(type_id) if type_id else None
        if incident is not None:
            app_of(self).open_triage(incident)

    def action_declare(self) -> None:
        self.app.push_screen(
            TypePickScreen("Declare: which incident type is it?", self.library, something_else=True),
            self.pick_severity,
        )

    def pick_severity(self, type_id: str | None) -> None:
        if type_id is None:
            return
        if type_id == novel.NOVEL:  # no type fits: the library's severity criteria, then the coaching path
            first = novel_triage.criteria_picks(self.app, self.library, self.ask_novel_commander)
            if first is not None:
                self.app.push_screen(first)
            return
        choices = [(level.id, severity_text.label(level)) for level in self.library.severities]
        self.app.push_screen(
            PickScreen("How severe is it?", choices), lambda sev: self.ask_commander(type_id, sev) if sev else None
        )

    def ask_commander(self, type_id: str, severity: str, answers: tuple[tuple[Question, Answer], ...] = ()) -> None:
        if self.run.board_entries or self.run.ended:
            self.notify("The team has already declared: re-triage on the board (b, then t)", markup=False)
            return
        intro = "\n".join(
            [
                f"{severity_text.label_of(self.library, severity)} · {_title(self.library, type_id)}",
                *(f"{question.ask} {answer.label}" for question, answer in answers),
            ]
        )
        form = FormScreen(
            f"Declare in drill {self.run.id}", [Field("commander", "Incident commander", self.actor)], intro=intro
        )
        self.app.push_screen(form, when_filled(lambda got: self.declare(type_id, severity, got["commander"], answers)))

    def ask_novel_commander(self, triage: novel.GenericTriage) -> None:
        if self.run.board_entries or self.run.ended:
            self.notify("The team has already declared: re-triage on the board (b, then t)", markup=False)
            return
        form = FormScreen(
            f"Declare in drill {self.run.id}: not in the library",
            [Field("commander", "Incident commander", self.actor)],
            intro="\n".join(novel_triage.intro_lines(self.library, triage)),
        )

        def declared(got: dict[str, str]) -> None:
            self.record_declaration(
                lambda run, moment: drill_run.declare_novel(run, self.library, triage, got["commander"], moment),
                got["commander"],
            )

        self.app.push_screen(form, when_filled(declared))

    def declare(self, type_id: str, severity: str, commander: str, answers: tuple = ()) -> None:
        chosen = self.library.type(type_id)
        self.record_declaration(
            lambda run, moment: drill_run.declare(
                run, self.library, severity, commander, moment, answers, incident=chosen
            ),
            commander,
        )

    def record_declaration(self, make: Callable[[drill_run.DrillRun, datetime], Draft], commander: str) -> None:
        """The team's declaration into the drill, then its board; a refusal is said, not raised."""
        moment = context_of(self).clock.now()
        try:
            run = self.drill.at(moment, read=not self.writer.busy)
            entry = make(run, moment)
        except drill_shared.UNREADABLE as error:
            self.notify(f"Not declared: {error}", severity="error", markup=False)
            return
        self.writer.write(entry)  # on the board at once; marked unsaved until the journal records it
        self.actor = commander.strip()
        self.show()
        self.refresh_bindings()
        self.action_board()

    def action_board(self) -> None:
        from tui.screens.drill_board import DrillBoardScreen

        try:
            journal = context_of(self).open_journal()
        except JournalError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.app.push_screen(DrillBoardScreen(journal, self.run.id, self.library, self.actor or "team"))

    def action_hot_wash(self) -> None:
        from tui.screens.report import ReportScreen

        self.app.push_screen(ReportScreen("Hot wash", drill_shared.hot_wash(self.run.player_view())))


def _title(library: Library, type_id: str) -> str:
    incident = library.type(type_id)
    return incident.title if incident else type_id

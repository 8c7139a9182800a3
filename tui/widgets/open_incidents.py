"""One line on the first screen when a live incident is still open: a relaunched app must never
hide it ("1 open incident: INC-… Ransomware SEV1 — F3 to resume")."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message

from tui.context import context_of
from tui.widgets.plain import Plain, one_line

if TYPE_CHECKING:
    from playbook.journal import IncidentRecord


class OpenIncidents(Plain):
    """Hidden unless the journal holds an open live incident. Reads it in a worker (another
    terminal may hold the journal's lock) and never creates a journal that is not there."""

    class Found(Message):
        def __init__(self, records: list[IncidentRecord], problem: str = "") -> None:
            super().__init__()
            self.records = records
            self.problem = problem  # the journal cannot be read, or failed its checks

    def __init__(self) -> None:
        super().__init__("", id="open-incidents")
        self.display = False

    def on_mount(self) -> None:
        # After the first paint: reading the journal (and importing its modules) would delay it.
        self.call_after_refresh(self.look, context_of(self).settings.journal_path)

    @work(thread=True, exclusive=True, group="open-incidents")
    def look(self, path: Path | str) -> None:
        if isinstance(path, Path) and not path.exists():  # no journal yet: nothing is created
            return
        from playbook.journal import JournalError, NoJournal  # read after the first paint, not before it
        from playbook.journals import open_journal

        try:
            with open_journal(path, readonly=True, create=False) as journal:
                records = [r for r in journal.incidents("live") if r.is_open or r.problem]
                damage = journal.damage
        except NoJournal:
            return
        except (JournalError, OSError) as error:  # said in one line, never a crash at launch
            self.post_message(self.Found([], f"⚠ The journal cannot be read: {error}"))
            return
        problem = ""
        if damage:
            problem = f"⚠ The journal failed its checks ({damage[0]}): read-only · playbook journal verify"
        self.post_message(self.Found(records, problem))

    def on_open_incidents_found(self, message: Found) -> None:
        text = " · ".join(t for t in (message.problem, banner(message.records)) if t)
        self.show(one_line(text))
        self.display = bool(text)


def banner(records: list[IncidentRecord]) -> str:
    if not records:
        return ""
    first = records[0]
    if first.problem:
        what = f"{first.id} DAMAGED ({first.problem})"
    else:
        what = f"{first.id} {one_line(first.declared.data['title'])} {first.severity['id']}"
    more = f" and {len(records) - 1} more" if len(records) > 1 else ""
    count = f"{len(records)} open incident{'s' * (len(records) != 1)}"
    return f"● {count}: {what}{more} — F3 to resume"

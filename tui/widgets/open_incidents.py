"""One line on the first screen when a live incident is still open: a relaunched app must never
hide it ("1 open incident: INC-… Ransomware SEV1 — F3 to resume")."""

from __future__ import annotations

from textual import work
from textual.message import Message

from playbook.journal import IncidentRecord, Journal, JournalError
from tui.context import context_of
from tui.widgets.live import one_line
from tui.widgets.plain import Plain


class OpenIncidents(Plain):
    """Hidden unless the journal holds an open live incident. Reads it in a worker (another
    terminal may hold the journal's lock) and never creates a journal that is not there."""

    class Found(Message):
        def __init__(self, records: list[IncidentRecord]) -> None:
            super().__init__()
            self.records = records

    def __init__(self) -> None:
        super().__init__("", id="open-incidents")
        self.display = False

    def on_mount(self) -> None:
        self.look(context_of(self).settings.journal_path)

    @work(thread=True, exclusive=True, group="open-incidents")
    def look(self, path) -> None:
        try:
            with Journal.open(path, readonly=True) as journal:
                records = [r for r in journal.incidents("live") if r.is_open]
        except (JournalError, OSError):  # no journal yet, or one we cannot read: nothing to point at
            return
        self.post_message(self.Found(records))

    def on_open_incidents_found(self, message: Found) -> None:
        self.show(banner(message.records))
        self.display = bool(message.records)


def banner(records: list[IncidentRecord]) -> str:
    if not records:
        return ""
    first = records[0]
    what = f"{first.id} {one_line(first.declared.data['title'])} {first.severity['id']}"
    more = f" and {len(records) - 1} more" if len(records) > 1 else ""
    count = f"{len(records)} open incident{'s' * (len(records) != 1)}"
    return f"● {count}: {what}{more} — F3 to resume"

"""Decision tables from spreadsheets: read a CSV into table rows, check them where they were
typed, and write them into an incident file's triage keeping the file's layout.

The CSV is the shape `playbook export --format csv-rows` (or `csv`) writes: a header of
question ids, the outcome last; one row per combination, an empty cell matching any answer.
Spreadsheets save it with `,`, `;` or tabs: the header decides which.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from playbook import source
from playbook.model import IncidentType, Library, TableRow
from playbook.problems import Problem, quote
from playbook.triage_checks import triage_problems

Cell = tuple[str, int, int]  # text, line, column (1-based)
DELIMITERS = ",;\t"
MAX_BYTES = 1_000_000


@attrs.frozen
class CsvTable:
    path: str
    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]

    @property
    def questions(self) -> tuple[str, ...]:
        return tuple(text for text, _, _ in self.header[:-1])


def read_csv(raw: bytes, name: str) -> tuple[CsvTable | None, list[Problem]]:
    """The header and rows of a CSV decision table, or None and what stops it being one."""
    if len(raw) > MAX_BYTES:
        return None, [Problem(name, 1, 1, "P002", f"the file is larger than {MAX_BYTES:,} bytes")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [
            Problem(name, line, col, "P003", f"byte 0x{raw[error.start]:02x} is not UTF-8: save the file as UTF-8")
        ]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    problems: list[Problem] = []
    # Control and bidirectional characters are never part of an id: say where, not "no such answer".
    for number, text_line in enumerate(lines, 1):
        if match := source._CONTROL.search(text_line.replace("\t", " ")) or source._BIDI.search(text_line):
            char = f"U+{ord(match.group()):04X}"
            problems.append(
                Problem(name, number, match.start() + 1, "P423", f"invisible character {char} in the table")
            )
    if problems:
        return None, problems
    first = next((n for n, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return None, [Problem(name, 1, 1, "P113", "the file is empty")]
    delimiter = max(DELIMITERS, key=lines[first].count)
    parsed: list[tuple[int, list[Cell]]] = []
    for index in range(first, len(lines)):
        cells, problem = _cells(lines[index], delimiter, index + 1, name)
        if problem:
            problems.append(problem)
        elif any(text for text, _, _ in cells):  # blank lines and `,,,` rows from spreadsheets
            parsed.append((index + 1, cells))
    if problems:
        return None, problems
    (_, header), *body = parsed
    problems += _header_problems(header, name)
    for line, cells in body:
        if len(cells) != len(header):
            problems.append(
                Problem(name, line, 1, "P423", f"this row has {len(cells)} cells; the header has {len(header)}")
            )
    if problems:
        return None, problems
    if not body:
        return None, [Problem(name, header[0][1], 1, "P423", "the table has a header but no rows")]
    return CsvTable(name, tuple(header), tuple(tuple(cells) for _, cells in body)), []


def _header_problems(header: list[Cell], name: str) -> list[Problem]:
    if len(header) < 2:
        text, line, col = header[0]
        return [Problem(name, line, col, "P423", "the header needs question ids and, last, the outcome column")]
    problems = []
    seen: dict[str, Cell] = {}
    for cell in header[:-1]:
        text, line, col = cell
        if not text:
            problems.append(Problem(name, line, col, "P423", "an empty header cell: each column is a question id"))
        elif text in seen:
            problems.append(
                Problem(
                    name, line, col, "P423", f"the column {quote(text)} appears twice (first at {line}:{seen[text][2]})"
                )
            )
        seen.setdefault(text, cell)
    return problems


def _cells(line: str, delimiter: str, number: int, name: str) -> tuple[list[Cell], Problem | None]:
    """One CSV line as cells with the column each starts at; quotes as spreadsheets write them
    ("a ""quoted"" word"). A cell cannot span lines: ids never do."""
    cells: list[Cell] = []
    at = 0
    while True:
        while at < len(line) and line[at] == " ":
            at += 1
        start = at
        if at < len(line) and line[at] == '"':
            value, at = _quoted(line, at)
            if at < 0:
                return [], Problem(name, number, start + 1, "P423", "a quotation mark is never closed")
            while at < len(line) and line[at] == " ":
                at += 1
            if at < len(line) and line[at] != delimiter:
                return [], Problem(
                    name, number, at + 1, "P423", "text after a closing quotation mark: quote the whole cell"
                )
        else:
            end = line.find(delimiter, at)
            end = len(line) if end < 0 else end
            value, at = line[at:end].strip(), end
        cells.append((value, number, start + 1))
        if at >= len(line):
            return cells, None
        at += 1  # past the delimiter


def _quoted(line: str, at: int) -> tuple[str, int]:
    """The text of a quoted cell starting at `at`, and where it ends (-1: never closed)."""
    out, at = [], at + 1
    while at < len(line):
        if line[at] == '"':
            if line[at + 1 : at + 2] == '"':
                out.append('"')
                at += 2
                continue
            return "".join(out), at + 1
        out.append(line[at])
        at += 1
    return "", -1


def table_rows(table: CsvTable) -> tuple[TableRow, ...]:
    """One table row per CSV row: an empty cell leaves its question out (any answer)."""
    questions = table.questions
    return tuple(
        TableRow(
            when=tuple((q, text) for q, (text, _, _) in zip(questions, cells[:-1], strict=True) if text),
            outcome=cells[-1][0],
            index=index,
        )
        for index, cells in enumerate(table.rows)
    )


class _Located:
    """Problems about the table are placed in the CSV; the rest (the questions' answers, the
    responses) in the incident file. Stands in for a source.Document in the triage checks."""

    def __init__(self, table: CsvTable, document: source.Document) -> None:
        self.table = table
        self.document = document
        header = {text: (line, col) for text, line, col in table.header[:-1]}
        self.positions: dict[tuple, tuple[int, int]] = {("triage", "table"): (table.header[0][1], 1)}
        for question, position in header.items():
            self.positions[("triage", "questions", question)] = position
        questions = table.questions
        for index, cells in enumerate(table.rows):
            line = cells[0][1]
            self.positions[("triage", "table", index)] = (line, 1)
            self.positions[("triage", "table", index, "outcome")] = cells[-1][1:]
            for question, (_, _, col) in zip(questions, cells[:-1], strict=True):
                self.positions[("triage", "table", index, "when", question)] = (line, col)

    def _in_table(self, at: tuple) -> tuple[int, int] | None:
        at = tuple(at)
        while at and at not in self.positions:
            at = at[:-1]
        return self.positions.get(at)

    def where(self, at: tuple = ()) -> tuple[int, int]:
        return self._in_table(at) or self.document.where(at)

    def problem(self, at: tuple, code: str, message: str, *, key: bool = False) -> Problem:
        position = self._in_table(at)
        if position is None:
            return self.document.problem(at, code, message, key=key)
        return Problem(self.table.path, *position, code, message)


def check(table: CsvTable, incident: IncidentType, library: Library) -> tuple[IncidentType, list[Problem]]:
    """The incident with the CSV as its triage table, and every triage problem that makes,
    table problems at the CSV line and column that cause them."""
    document = incident.source
    assert document is not None  # read from its file just now
    imported = attrs.evolve(
        incident,
        triage=attrs.evolve(incident.triage, table=table_rows(table)),
        source=_Located(table, document),
    )
    problems = list(_header_questions(table, incident))
    if not problems:  # else every row would repeat the header's mistake
        problems = triage_problems(imported, library)
    return imported, sorted(problems, key=Problem.sort_key)


def _header_questions(table: CsvTable, incident: IncidentType) -> Iterator[Problem]:
    known = ", ".join(q.id for q in incident.triage.questions)
    for text, line, col in table.header[:-1]:
        if incident.triage.question(text) is None:
            yield Problem(
                table.path, line, col, "P308", f"'{incident.id}' has no question {quote(text)} (one of {known})"
            )

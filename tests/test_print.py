"""The library on paper: the handbook, the pocket cards and the drill packets, checked on the real
PDF (rendered to text and to images with PDFium), not only on the HTML that makes it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from playbook.cli import main
from playbook.handbook import cards, first_moves, handbook, selection
from playbook.html import esc
from playbook.library import load
from playbook.packet import packet
from playbook.pdf import to_pdf

PRINTED = date(2026, 12, 6)


def pages(pdf: bytes) -> list[str]:
    """The text of each page, whitespace folded so that line breaks do not matter."""
    document = pdfium.PdfDocument(pdf)
    # PDFium reports a hyphen that ends a line as U+FFFE: put the word back together.
    texts = (
        page.get_textpage().get_text_range().replace("\ufffe\r\n", "-").replace("\ufffe", "-") for page in document
    )
    return [" ".join(text.split()) for text in texts]


def folded(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def library(bundled):
    return bundled.library


@pytest.fixture(scope="module")
def printed_handbook(library) -> tuple[bytes, list[str]]:
    pdf = to_pdf(handbook(library, selection(library), printed=PRINTED))
    return pdf, pages(pdf)


def type_page(texts: list[str], title: str) -> int:
    """The 1-based page on which a type's own section starts (its title opens the page)."""
    return next(i + 1 for i, text in enumerate(texts) if text.startswith(folded(title)))


def test_the_contents_list_every_type_with_the_page_it_starts_on(library, printed_handbook):
    _, texts = printed_handbook
    contents = next(text for text in texts if text.startswith("Contents"))
    types = selection(library)
    assert len(types) == len(library.types)
    for incident in types:
        title = re.escape(folded(incident.title))
        listed = re.search(rf"{title} ?\.+ ?(\d+)", contents)
        assert listed, f"{incident.title} missing from the contents"
        assert int(listed[1]) == type_page(texts, incident.title), incident.title


def test_every_first_step_is_on_the_same_page_as_its_reason(library, printed_handbook):
    _, texts = printed_handbook
    for incident in library.types:
        response = min(incident.responses, key=lambda r: library.rank(r.severity))
        step = response.steps[0]
        start = type_page(texts, incident.title)
        following = texts[start - 1 :]
        page = next(i for i, text in enumerate(following) if folded(step.do) in text)
        assert folded(step.why) in following[page], f"{incident.id}: the reason of '{step.id}' is on another page"


def test_every_page_is_numbered_and_dated_and_prints_in_black_and_white(library, printed_handbook):
    pdf, texts = printed_handbook
    for number, text in enumerate(texts[1:], start=2):  # the cover carries no footer
        assert f"Page {number} of {len(texts)}" in text
        assert "printed 2026-12-06" in text
    scale = next(text for text in texts if "The severity scale" in text)
    for level, mark in zip(library.severities, ("■■■■", "■■■□", "■■□□", "■□□□"), strict=True):
        assert f"{mark} {level.id} {level.name}" in scale  # a word and a symbol, never colour alone
    image = pdfium.PdfDocument(pdf)[1].render(scale=0.5).to_pil().convert("RGB")
    assert min(low for low, _ in image.getextrema()) < 100, "the page rendered blank"


def test_a4_and_letter(library):
    one = selection(library, ["ransomware"])
    a4 = pdfium.PdfDocument(to_pdf(handbook(library, one, printed=PRINTED, paper="a4")))
    letter = pdfium.PdfDocument(to_pdf(handbook(library, one, printed=PRINTED, paper="letter")))
    assert [round(v) for v in a4[0].get_size()] == [595, 842]
    assert [round(v) for v in letter[0].get_size()] == [612, 792]


def test_the_same_library_prints_the_same_bytes(library):
    one = selection(library, ["pandemic"])
    assert to_pdf(handbook(library, one, printed=PRINTED)) == to_pdf(handbook(library, one, printed=PRINTED))


def test_one_card_per_type_with_recognition_triage_and_first_moves(library):
    types = selection(library)
    texts = pages(to_pdf(cards(library, types, printed=PRINTED)))
    assert len(texts) == len(types)
    for incident, text in zip(types, texts, strict=True):
        assert text.startswith(folded(incident.title))
        assert folded(incident.recognise[0]) in text
        assert "TRIAGE" in text and "FIRST 15 MINUTES" in text  # headings print in capitals
        for step in first_moves(library, incident):
            assert folded(step.do) in text


# --- Drill packets ---------------------------------------------------------------------------


def facilitator_material(incident, drill) -> list[str]:
    material = [drill.facilitator_notes, *drill.questions]
    material += [i.message for i in drill.injects] + [i.facilitator for i in drill.injects]
    material += [o.goal for o in drill.expect.objectives]
    return [folded(m) for m in material if m and folded(m) not in folded(drill.briefing)]


def test_no_players_packet_holds_facilitator_material(library):
    drills = [(t, d) for t in library.types for d in t.drills]
    assert drills
    for incident, drill in drills:
        page = folded(packet(library, incident, drill, "players", printed=PRINTED))
        for secret in facilitator_material(incident, drill):
            assert esc(secret) not in page, f"{incident.id}/{drill.id}: {secret[:50]}"
        assert "Expected classification" not in page and "TWIST" not in page
        assert esc(folded(drill.briefing)) in page


def test_the_printed_players_packet_against_the_facilitator_and_evaluator_ones(library):
    incident = library.type("ransomware")
    drill = incident.drills[0]
    players = " ".join(pages(to_pdf(packet(library, incident, drill, "players", printed=PRINTED))))
    facilitator = " ".join(pages(to_pdf(packet(library, incident, drill, "facilitator", printed=PRINTED))))
    evaluator = " ".join(pages(to_pdf(packet(library, incident, drill, "evaluator", printed=PRINTED))))
    twist = next(i for i in drill.injects if i.twist)
    assert folded(twist.message) not in players and folded(twist.message) in facilitator
    assert folded(drill.facilitator_notes)[:60] not in players and folded(drill.facilitator_notes)[:60] in facilitator
    assert "TWIST" in facilitator
    for objective in drill.expect.objectives:
        assert folded(objective.goal) in evaluator and folded(objective.goal) not in players
    assert "Performed with some challenges" in evaluator
    for text in (players, facilitator, evaluator):
        assert f"ransomware version {incident.version}" in text and f"version {library.version}" in text


# --- Hostile text ----------------------------------------------------------------------------

HOSTILE = '<script>alert(1)</script> </style><img src=x onerror=alert(2)> &amp; "q" \'s'


@pytest.fixture
def hostile(library_dir):
    root = library_dir()
    text = (root / "alpha.yaml").read_text(encoding="utf-8")
    quoted = "'" + HOSTILE.replace("'", "''") + "'"  # a YAML single-quoted string
    text = re.sub(r"^title: .*$", f"title: {quoted}", text, count=1, flags=re.M)
    text = text.replace("It is Monday morning.", quoted, 1)
    (root / "alpha.yaml").write_text(text, encoding="utf-8")
    loaded = load(root)
    assert loaded.problems == (), loaded.problems
    return loaded.library


def test_hostile_text_prints_literally_and_never_as_markup(hostile):
    incident = next(t for t in hostile.types if t.title == HOSTILE)
    drill = incident.drills[0]
    documents = [
        handbook(hostile, hostile.types, printed=PRINTED),
        cards(hostile, hostile.types, printed=PRINTED),
        packet(hostile, incident, drill, "players", printed=PRINTED),
    ]
    for page in documents:
        assert "<script" not in page and "<img" not in page and "</style> " not in page
        assert "src=" not in page.replace("src=x", "") and "url(" not in page and "@import" not in page
    text = " ".join(pages(to_pdf(documents[0])) + pages(to_pdf(documents[2])))
    assert HOSTILE in text


def test_control_and_invisible_characters_are_shown_not_obeyed():
    assert esc("a\x1b]0;x\x07b\u202ec\u200bd") == "a\\u{001b}]0;x\\u{0007}b\\u{202e}c\\u{200b}d"
    assert esc("line\nnext\ttab") == "line\nnext\ttab"


# --- The commands ----------------------------------------------------------------------------


def test_handbook_command_writes_each_format(tmp_path: Path, capsys):
    for form, suffix in (("pdf", "pdf"), ("html", "html"), ("card", "pdf"), ("card-html", "html")):
        target = tmp_path / f"out-{form}.{suffix}"
        argv = ["handbook", "--category", "cyber", "--format", form, "--date", "2026-12-06", "-o", str(target)]
        assert main(argv) == 0
        raw = target.read_bytes()
        assert raw.startswith(b"%PDF") if suffix == "pdf" else raw.startswith(b"<!DOCTYPE html>")
    assert "incident types" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["handbook", "--types", "no-such-type"], "no incident type 'no-such-type'"),
        (["handbook", "--category", "nope"], "no category 'nope'"),
        (["handbook", "--date", "06/12/2026"], "is not a date"),
        (["drill", "packet", "no-such-drill", "--for", "players"], "no drill 'no-such-drill'"),
    ],
)
def test_bad_requests_are_refused_in_one_line(tmp_path: Path, capsys, argv, message):
    assert main([*argv, "-o", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def test_an_unwritable_output_is_a_usage_error(tmp_path: Path, capsys):
    assert main(["handbook", "--types", "pandemic", "--format", "html", "-o", str(tmp_path / "no" / "x.html")]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_drill_packet_command_by_id_and_by_type(tmp_path: Path, library):
    incident = library.type("ransomware")
    drill = incident.drills[0]
    for name in (drill.id, f"{incident.id}/{drill.id}"):
        target = tmp_path / "p.html"
        assert main(["drill", "packet", name, "--for", "evaluator", "--format", "html", "-o", str(target)]) == 0
        assert "Evaluator guide" in target.read_text(encoding="utf-8")


def test_source_date_epoch_sets_the_printed_date(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    target = tmp_path / "h.html"
    assert main(["handbook", "--types", "pandemic", "--format", "html", "-o", str(target)]) == 0
    assert "printed 2023-11-14" in target.read_text(encoding="utf-8")

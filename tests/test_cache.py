"""The checked-library cache: a warm run answers exactly as a cold one, unchanged files are not
checked again, every change to the files is noticed, and a bad cache is never trusted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from playbook import cache, library, search
from playbook.cli import main
from playbook.library import load
from playbook.model import Summary
from playbook.paths import BUNDLED_LIBRARY
from tests.conftest import MINI

ALPHA = (MINI / "alpha.yaml").read_text(encoding="utf-8")
BETA = (MINI / "beta.yaml").read_text(encoding="utf-8")

# One of each kind of problem: unparsable, against the schema, against library.yaml, across
# files, a warning, and a review overdue (which depends on today, so it is never cached).
PROBLEMS = {
    "broken.yaml": "id: broken\ntitle: [unclosed\n",
    "schema.yaml": ALPHA.replace("id: alpha", "id: schema").replace("status: reviewed", "status: maybe"),
    "owner.yaml": ALPHA.replace("id: alpha", "id: owner").replace("owner: comms", "owner: press-office"),
    "dangling.yaml": ALPHA.replace("id: alpha", "id: dangling").replace("related: [beta]", "related: [nowhere]"),
    "twin.yaml": ALPHA.replace("title: Alpha incident", "title: Twin"),
    "plain.yaml": ALPHA.replace("id: alpha", "id: plain").replace("https://example", "http://example"),
    "old.yaml": ALPHA.replace("id: alpha", "id: old").replace("reviewed: 2026-10-01", "reviewed: 2010-01-01"),
}


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("PLAYBOOK_CACHE_DIR", str(folder))
    return folder


def validate(capsys, root: Path) -> tuple[int, str]:
    code = main(["validate", "--library", str(root)])
    out, err = capsys.readouterr()
    return code, out + err


def counting_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every incident file that is parsed (and so validated and checked) from now on;
    library.yaml is checked on every run, since every other file is checked against it."""
    parsed: list[str] = []
    real = library.source.parse

    def parse(raw: bytes, name: str):
        if Path(name).name != "library.yaml":
            parsed.append(Path(name).name)
        return real(raw, name)

    monkeypatch.setattr(library.source, "parse", parse)
    return parsed


def summary(root: Path) -> tuple[list[str], list[str]]:
    loaded = load(root)
    assert loaded.library is not None
    return [t.id for t in loaded.library.types], [str(p) for p in loaded.problems]


@pytest.mark.parametrize("which", ["bundled", "problems"])
def test_warm_and_cold_validate_print_the_same(capsys, library_dir, own_cache, which):
    root = BUNDLED_LIBRARY if which == "bundled" else library_dir(PROBLEMS)
    cold = validate(capsys, root)
    assert list(own_cache.glob("*.json")), "the cold run wrote the cache"
    warm = validate(capsys, root)
    assert warm == cold
    if which == "problems":
        assert cold[0] == 1
        for code in ("P101", "P204", "P304", "P307", "P301", "P505", "P503"):
            assert f" {code} " in cold[1], code


def test_unchanged_files_are_neither_parsed_nor_validated(library_dir, monkeypatch):
    root = library_dir(PROBLEMS)
    before = load(root)
    parsed = counting_checks(monkeypatch)
    after = load(root)
    assert parsed == []
    assert after.problems == before.problems  # a cached file with problems keeps them
    assert after.library == before.library
    assert after.files == before.files


def test_an_overdue_review_is_judged_today_not_when_cached(library_dir, monkeypatch):
    root = library_dir({"alpha.yaml": ALPHA.replace("reviewed: 2026-10-01", "reviewed: 2015-06-01")})
    from datetime import UTC, datetime

    from playbook.clock import SYSTEM_CLOCK

    with monkeypatch.context() as early:
        early.setattr(SYSTEM_CLOCK, "now", lambda: datetime(2016, 1, 1, tzinfo=UTC))
        assert "P503" not in {p.code for p in load(root).problems}  # cold, and cached without it
    stale = [p for p in load(root).problems if p.code == "P503"]
    assert [(Path(p.path).name, p.line, p.col) for p in stale] == [("alpha.yaml", 7, 11)]


def test_a_changed_file_is_noticed_even_with_the_same_size_and_mtime(library_dir, monkeypatch):
    root = library_dir()
    load(root)
    path = root / "alpha.yaml"
    stat = path.stat()
    path.write_text(ALPHA.replace("owner: comms", "owner: xxxxx"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    parsed = counting_checks(monkeypatch)
    loaded = load(root)
    assert parsed == ["alpha.yaml"]
    assert any(p.code == "P304" and "xxxxx" in p.message for p in loaded.problems)


def test_added_removed_and_renamed_files_are_noticed(library_dir, monkeypatch):
    root = library_dir()
    assert summary(root) == (["alpha", "beta"], [])
    (root / "gamma.yaml").write_text(ALPHA.replace("id: alpha", "id: gamma").replace("Alpha", "Gamma"), "utf-8")
    parsed = counting_checks(monkeypatch)
    assert summary(root)[0] == ["alpha", "beta", "gamma"]
    assert parsed == ["gamma.yaml"]

    (root / "gamma.yaml").rename(root / "delta.yaml")
    types, problems = summary(root)
    assert types == ["alpha", "beta"]  # delta.yaml holds id gamma: an error keeps it out
    assert any("delta.yaml" in p and "P302" in p for p in problems)

    (root / "delta.yaml").unlink()
    (root / "beta.yaml").unlink()
    types, problems = summary(root)
    assert types == []  # alpha relates to beta, which is gone: an error keeps it out
    assert any("alpha.yaml" in p and "P307 related incident type 'beta' does not exist" in p for p in problems)


def test_a_rewrite_copies_the_unchanged_entries_and_reads_only_those_it_uses(library_dir, own_cache, monkeypatch):
    # The cache is never read whole: a warm load of 10,000 types held a gigabyte when it was.
    root = library_dir(PROBLEMS)
    load(root, keep="nothing")
    before = cache_file(own_cache).read_bytes().split(b"\n")
    (root / "gamma.yaml").write_text(ALPHA.replace("id: alpha", "id: gamma").replace("Alpha", "Gamma"), "utf-8")
    read: list[int] = []
    real = cache.Stored.entry

    def entry(self, *made):
        read.append(self.offset)
        return real(self, *made)

    monkeypatch.setattr(cache.Stored, "entry", entry)
    load(root, keep="nothing")
    after = cache_file(own_cache).read_bytes().split(b"\n")
    assert set(before[1:]) <= set(after[1:]), "each unchanged file's line is carried over as it was"
    assert len(after) == len(before) + 1
    assert len(read) == len(PROBLEMS) + 2, "one read per unchanged file (the mini library has two more)"
    assert len(set(read)) == len(read)


def test_a_warm_load_never_imports_the_checks_of_a_file():
    """Checking a file afresh needs networkx and the file checks (about 15 MiB): a load that finds
    every file unchanged must not import them, or a warm `validate` or `list` of 10,000 types
    is over its memory budget. A fresh process, as the command would be."""
    probe = (
        "import sys\nfrom playbook.library import load\n"
        "for keep in ('types', 'summaries', 'nothing'): load(sys.argv[1], keep=keep)\n"
        "print(sorted(m for m in ('networkx', 'playbook.file_check', 'playbook.lint') if m in sys.modules))"
    )
    command = [sys.executable, "-c", probe, str(BUNDLED_LIBRARY)]
    cold, warm = (subprocess.run(command, capture_output=True, text=True, timeout=120) for _ in "12")
    assert cold.stdout.strip() == "['networkx', 'playbook.file_check', 'playbook.lint']", cold.stderr
    assert warm.stdout.strip() == "[]", warm.stderr


def test_a_changed_library_yaml_rechecks_every_file(library_dir, monkeypatch):
    root = library_dir()
    load(root)
    text = (root / "library.yaml").read_text(encoding="utf-8")
    (root / "library.yaml").write_text(text.replace("  - id: comms\n", "  - id: press\n", 1), "utf-8")
    parsed = counting_checks(monkeypatch)
    loaded = load(root)
    assert sorted(parsed) == ["alpha.yaml", "beta.yaml"]
    assert any(p.code == "P304" and "comms" in p.message for p in loaded.problems)


def cache_file(folder: Path) -> Path:
    (found,) = folder.glob("*.json")
    return found


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda raw: b"\x00garbage\xff" + raw[:50], id="corrupt"),
        pytest.param(lambda raw: b"", id="empty"),
        pytest.param(lambda raw: raw[: len(raw) // 2], id="torn by a concurrent writer"),
        pytest.param(lambda raw: raw.replace(b'"format": %d' % cache.FORMAT, b'"format": 99', 1), id="another format"),
        pytest.param(lambda raw: raw.replace(b"playbook-library-cache", b"someone-elses-cache", 1), id="foreign"),
        pytest.param(lambda raw: json.dumps({"magic": "x"}).encode(), id="foreign json"),
        # An entry left out (the header still counts it), or one entry twice.
        pytest.param(lambda raw: b"\n".join(raw.split(b"\n")[:2] + raw.split(b"\n")[3:]), id="a line lost"),
        pytest.param(lambda raw: raw + raw.split(b"\n")[1] + b"\n", id="a line twice"),
        # Two writers interleaved: one's header over the other's body of the same length.
        pytest.param(lambda raw: raw.replace(b"Alpha incident", b"Omega incident"), id="body not its header's"),
    ],
)
def test_a_bad_cache_is_ignored_and_rebuilt(library_dir, own_cache, monkeypatch, spoil):
    root = library_dir(PROBLEMS)
    expected = load(root)
    path = cache_file(own_cache)
    path.write_bytes(spoil(path.read_bytes()))
    parsed = counting_checks(monkeypatch)
    again = load(root)
    assert (again.problems, again.library, again.files) == (expected.problems, expected.library, expected.files)
    assert "alpha.yaml" in parsed, "nothing was taken from the bad cache"
    parsed.clear()
    load(root)
    assert parsed == [], "the cache was rebuilt"


@pytest.mark.parametrize("kind", ["FIFO", "link to a device"])
def test_a_cache_or_index_that_is_not_a_regular_file_is_never_read(library_dir, own_cache, kind):
    # A FIFO would block the open for ever (the first screen with it), a device be read without end.
    import threading

    root = library_dir()
    expected = load(root)
    for path in (cache_file(own_cache), own_cache / cache_file(own_cache).with_suffix(".index").name):
        path.unlink()
        os.mkfifo(path) if kind == "FIFO" else path.symlink_to("/dev/zero")
    found: list[object] = []
    runs = threading.Thread(target=lambda: found.extend([search.remembered(root), load(root)]), daemon=True)
    runs.start()
    runs.join(30)
    assert len(found) == 2, "blocked on the cache folder"
    remembered, again = found
    assert remembered is None
    assert (again.problems, again.library) == (expected.problems, expected.library)


def forge(path: Path, name: str, change) -> None:
    """Rewrite the cache with `name`'s data changed by `change` and the header's length and hash
    made to match, as someone with write access to the cache folder could."""
    header, _, body = path.read_bytes().partition(b"\n")
    lines = []
    for line in body.splitlines(keepends=True):
        head, _, rest = line.partition(b"\t")
        if json.loads(head)[0] == name:
            data, problems, positions = json.loads(rest)
            rest = json.dumps([change(data), problems, positions]).encode() + b"\n"
        lines.append(head + b"\t" + rest)
    body = b"".join(lines)
    fields = {**json.loads(header), "length": len(body), "sha256": cache.digest(body)}
    path.write_bytes(json.dumps(fields).encode().ljust(len(header)) + b"\n" + body)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda data: 5, id="not a mapping"),
        pytest.param(lambda data: {k: v for k, v in data.items() if k != "title"}, id="no title"),
        pytest.param(lambda data: {**data, "triage": {"start": 5}}, id="a triage of the wrong shape"),
        pytest.param(lambda data: {**data, "category": 7}, id="a category that is no text"),
        pytest.param(lambda data: {**data, "title": 12}, id="a title that is no text"),
    ],
)
def test_a_forged_entry_with_a_matching_hash_costs_a_fresh_check(library_dir, own_cache, change, capsys):
    root = library_dir()
    expected = load(root)
    for keep in ("types", "summaries", "nothing"):
        forge(cache_file(own_cache), "alpha.yaml", change)
        again = load(root, keep=keep)
        assert again.problems == expected.problems, keep
    forge(cache_file(own_cache), "alpha.yaml", change)
    assert main(["list", "--library", str(root)]) == 0
    assert "Alpha incident" in capsys.readouterr().out


def test_a_cache_from_another_program_version_is_stale(library_dir, monkeypatch):
    root = library_dir()
    load(root)
    monkeypatch.setattr(cache, "__version__", "999.0")
    parsed = counting_checks(monkeypatch)
    load(root)
    assert sorted(parsed) == ["alpha.yaml", "beta.yaml"]


def test_a_cache_with_changed_schemas_is_stale(library_dir, tmp_path, monkeypatch):
    root = library_dir()
    load(root)
    schemas = tmp_path / "schemas"
    schemas.mkdir()
    for schema in cache.SCHEMAS.glob("*.json"):
        (schemas / schema.name).write_text(schema.read_text(encoding="utf-8") + "\n", "utf-8")
    monkeypatch.setattr(cache, "SCHEMAS", schemas)
    parsed = counting_checks(monkeypatch)
    load(root)
    assert "alpha.yaml" in parsed


def test_each_library_folder_has_its_own_cache(tmp_path, own_cache):
    from tests.conftest import write_library

    one = write_library(tmp_path / "one", {})
    two = write_library(tmp_path / "two", {"beta.yaml": None, "alpha.yaml": ALPHA.replace("related: [beta]", "")})
    assert summary(one)[0] == ["alpha", "beta"]
    assert summary(two)[0] == ["alpha"]
    assert summary(one)[0] == ["alpha", "beta"]
    assert len(list(own_cache.glob("*.json"))) == 2


def test_the_cache_is_written_whole_and_an_unwritable_cache_costs_only_speed(library_dir, own_cache, monkeypatch):
    root = library_dir(PROBLEMS)
    expected = load(root)
    # The checked files and the first screen's index, and no temporary left behind.
    checked = cache_file(own_cache)
    assert sorted(p.name for p in own_cache.iterdir()) == [checked.stem + ".index", checked.name]
    blocked = own_cache.parent / "a-file"
    blocked.write_text("not a folder", "utf-8")
    monkeypatch.setenv("PLAYBOOK_CACHE_DIR", str(blocked))
    again = load(root)
    assert (again.problems, again.library) == (expected.problems, expected.library)


def test_the_cache_lives_in_the_users_cache_folder(monkeypatch):
    import platformdirs

    monkeypatch.delenv("PLAYBOOK_CACHE_DIR")
    assert cache.folder() == platformdirs.user_cache_path("playbook") / "library"


def test_checking_named_files_leaves_the_cache_alone(library_dir, own_cache):
    root = library_dir()
    load(root, only=[root / "alpha.yaml"])
    assert not own_cache.exists()


# -- the stored search index: what the first screen paints from while the library is checked --


def test_the_first_screen_index_is_what_the_full_load_finds(library_dir):
    root = library_dir({"broken.yaml": PROBLEMS["broken.yaml"]})
    assert search.remembered(root) is None  # never loaded: nothing to paint from yet
    loaded = load(root)
    assert search.remembered(root) == search.entries(loaded.library)
    assert [e.id for e in search.remembered(root)] == ["alpha", "beta"]  # a broken file is not offered


def test_the_index_follows_a_changed_file_after_the_next_load(library_dir):
    root = library_dir()
    load(root)
    (root / "alpha.yaml").write_text(ALPHA.replace("title: Alpha incident", "title: Renamed"), encoding="utf-8")
    # Until the library is checked again the index says what the last check found; then it follows.
    assert "Alpha incident" in {e.title for e in search.remembered(root)}
    load(root)
    assert "Renamed" in {e.title for e in search.remembered(root)}


@pytest.mark.parametrize(
    "spoil",
    [
        lambda path: path.write_bytes(b"not json at all"),
        lambda path: path.write_bytes(path.read_bytes().replace(b"alpha", b"gamma")),  # altered: hash differs
        lambda path: path.write_bytes(path.read_bytes()[:-20]),  # torn
        lambda path: path.unlink(),
    ],
    ids=["corrupt", "altered", "torn", "gone"],
)
def test_a_bad_index_is_never_painted_and_the_next_load_writes_it_again(library_dir, own_cache, spoil):
    root = library_dir()
    load(root)
    (index,) = own_cache.glob("*.index")
    spoil(index)
    assert search.remembered(root) is None
    load(root)
    assert [e.id for e in search.remembered(root)] == ["alpha", "beta"]


def test_an_index_of_another_library_yaml_or_program_is_not_used(library_dir, monkeypatch):
    root = library_dir()
    load(root)
    library_yaml = root / "library.yaml"
    library_yaml.write_text(library_yaml.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert search.remembered(root) is None
    load(root)
    assert search.remembered(root) is not None
    monkeypatch.setattr(cache, "__version__", "0.0.0-other")
    assert search.remembered(root) is None


def test_an_index_row_of_the_wrong_shape_is_refused(library_dir, own_cache):
    root = library_dir()
    load(root)
    stamp = cache.stamp(root)
    cache.write_index(root, stamp, [["alpha", "Alpha", "cat", [1], [], "", []]])
    assert search.remembered(root) is None


# -- a check that keeps no types (`playbook validate`): the same answers, the cache kept true --


@pytest.mark.parametrize("first", ["types", "summaries", "nothing"])
def test_a_load_finds_the_same_whatever_it_keeps_and_keeps_only_that(library_dir, first):
    root = library_dir(PROBLEMS)
    keeps = [first, "types", "summaries", "nothing"]  # the first cold, the rest warm
    runs = [load(root, keep=keep) for keep in keeps]
    assert len({(r.problems, r.files) for r in runs}) == 1
    assert [bool(r.library.types) for r in runs] == [keep == "types" for keep in keeps]
    assert [bool(r.summaries) for r in runs] == [keep == "summaries" for keep in keeps]
    whole = runs[keeps.index("types", 1)].library.types
    assert runs[keeps.index("summaries", 1)].summaries == tuple(map(Summary.of, whole))
    assert {Path(t.path).name for t in whole} == {"alpha.yaml", "beta.yaml", "plain.yaml", "old.yaml"}


def test_a_check_that_lets_types_go_leaves_no_stale_index(library_dir):
    root = library_dir()
    load(root)
    (root / "alpha.yaml").write_text(ALPHA.replace("title: Alpha incident", "title: Renamed"), encoding="utf-8")
    load(root, keep="nothing")  # caches the changed file but has no types to index
    assert search.remembered(root) is None
    load(root)
    assert "Renamed" in {e.title for e in search.remembered(root)}


def test_a_load_stopped_midway_leaves_the_old_cache_and_no_temporary(library_dir, own_cache, monkeypatch):
    root = library_dir(PROBLEMS)
    load(root)
    before = {p.name: p.read_bytes() for p in own_cache.iterdir()}
    (root / "alpha.yaml").write_text(ALPHA.replace("title: Alpha incident", "title: Renamed"), encoding="utf-8")
    (root / "zz.yaml").write_text(ALPHA.replace("id: alpha", "id: zz"), encoding="utf-8")

    def interrupted(path, *args):
        if path.name == "zz.yaml":
            raise KeyboardInterrupt
        return real(path, *args)

    real = library._read_cached
    monkeypatch.setattr(library, "_read_cached", interrupted)
    with pytest.raises(KeyboardInterrupt):
        load(root)
    assert {p.name: p.read_bytes() for p in own_cache.iterdir()} == before

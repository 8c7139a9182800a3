"""How fast does playbook start, list, validate and search at a given library size, against
baselines measured in the same run?

For each size ("bundled" is the bundled library; a number N is the bundled types copied round
after round under new ids, as in load_library.py, in a temporary folder) it prints each figure
beside its baseline and the ratio, with the issue's budget where it sets one. Times are wall
times of a fresh process from spawn (interpreter start and imports count), best of --repeat:

  first paint     the app headless until the find list is filled: from the stored index when
                  the library was loaded before (warm), from the full check when not (cold)
  checked         the app until the whole library is checked (warm cache)
                  baseline: a bare Textual app with an Input and an OptionList of N rows
  list, warm      `playbook list` when nothing changed since the last run
                  baseline: json.loads of the same documents, one file each
  validate        `playbook validate` cold (no cache) and warm, with peak RSS
                  baselines: the naive check, C-loader yaml parse + jsonschema per file; and
                  check-jsonschema with our bundled schema over the same files, if installed
                  (--check-jsonschema; it is never a dependency of playbook)
  search          per keystroke over a typed sentence on N types, median/p95/max, in process,
                  as the find screen searches (the best hits it lists, and how many matched),
                  with the index the app uses; baseline: the same search scanning every type.
                  Again on as many types alike in no text (`unalike`): the copies above repeat
                  every text; baseline: their scan up to 1,000 types, else the index on the
                  copies

    python benchmarks/startup.py --sizes bundled,1000,10000 --markdown
    python benchmarks/startup.py --sizes 10000 --only search     (the search rows alone, minutes)
    python benchmarks/startup.py --only start                    (all rows but search)
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import attrs

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from apart import unalike  # noqa: E402
from load_library import generate  # noqa: E402

from playbook.paths import BUNDLED_LIBRARY, SCHEMAS  # noqa: E402

SENTENCE = "our main supplier just told us their warehouse flooded overnight and nothing can ship"

# Each child prints the seconds between its spawn (PARENT_START) and being done, then its peak
# RSS. An app is done when its list is on the screen: it stops there, not after its shutdown.
_REPORT = """
import os, resource, sys, time
def done():
    sys.stdout.flush()
    try:  # this process's own peak: Linux carries ru_maxrss over from the parent through fork and exec
        with open("/proc/self/status") as status:
            rss = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"@@ {time.time() - float(sys.argv[1])} {rss}", file=sys.stderr, flush=True)
    os._exit(0)
"""

_PAINT = """
import asyncio, sys
from pathlib import Path
from tui.app import PlaybookApp

async def main():
    app = PlaybookApp(Path(sys.argv[2]), journal=Path(sys.argv[3]))
    async with app.run_test(size=(120, 40)) as pilot:
        results = app.screen.query_one("#results")
        while results.option_count == 0 or (sys.argv[4] == "checked" and app.loaded is None):
            await pilot.pause(0.005)
        done()
asyncio.run(main())
"""

_BARE = """
import asyncio, sys
from textual.app import App
from textual.widgets import Input, OptionList

class Bare(App):
    def compose(self):
        yield Input()
        yield OptionList()
    def on_mount(self):
        self.query_one(OptionList).add_options([f"type {n}" for n in range(int(sys.argv[2]))])

async def main():
    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        while app.query_one(OptionList).option_count == 0:
            await pilot.pause(0.005)
        done()
asyncio.run(main())
"""

_CLI = """
import contextlib, io, sys
from playbook.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main(sys.argv[2:])
    except SystemExit:
        pass
"""

_NAIVE = """
import json, sys
from pathlib import Path
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
schemas = Path(sys.argv[3])
docs = {p.name: json.loads(p.read_text()) for p in schemas.glob("*.schema.json")}
registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in docs.values())
validator = Draft202012Validator(docs["incident-type.schema.json"], registry=registry)
errors = 0
for path in sorted(Path(sys.argv[2]).glob("*.yaml")):
    if path.name != "library.yaml":
        errors += sum(1 for _ in validator.iter_errors(yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)))
"""

_JSON = """
import json, sys
from pathlib import Path
docs = [json.loads(p.read_bytes()) for p in sorted(Path(sys.argv[2]).glob("*.json"))]
"""


def child(script: str, *args: str, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawn to done, and peak RSS in MiB, of a fresh python running `script`."""
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-c", _REPORT + script + "\ndone()\n", str(start), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=HERE.parent,
    )
    line = next((x for x in done.stderr.splitlines() if x.startswith("@@ ")), None)
    if line is None:
        raise SystemExit(f"benchmark child failed:\n{done.stderr[-2000:]}")
    _, seconds, rss = line.split()
    return float(seconds), int(rss) / 1024


def best(script: str, *args: str, env: dict[str, str], repeat: int, before=None) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        if before:
            before()
        runs.append(child(script, *args, env=env))
    return min(r[0] for r in runs), max(r[1] for r in runs)


def keystrokes(root: Path) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Seconds per keystroke of SENTENCE typed, searched as the find screen does (the best
    search.LISTED hits, built in full, and how many matched), with the app's index and by the
    plain scan: on the library's types, and on as many types alike in no text (see apart.py),
    scanned only up to 1,000 (a scan of 10,000 such types takes most of an hour)."""
    from playbook import search as search_module
    from playbook.library import load
    from playbook.search_index import Index

    library = load(root).library
    assert library is not None
    copies = search_module.entries(library)
    apart = unalike(copies)

    def typed(entries: list, ways: dict) -> dict[str, list[float]]:
        times: dict[str, list[float]] = {}
        for way, built in ways.items():
            for name in ("_best", "words", "stem"):
                getattr(search_module, name).cache_clear()
            times[way] = []
            for i in range(1, len(SENTENCE) + 1):
                started = time.perf_counter()
                search_module.best(SENTENCE[:i], entries, search_module.LISTED, index=built)
                times[way].append(time.perf_counter() - started)
        return times

    alike = typed(copies, {"scan": None, "index": Index(copies)})
    ways = {"index": Index(apart)} | ({"scan": None} if len(apart) <= 1000 else {})
    return alike, typed(apart, ways)


@attrs.frozen
class Row:
    size: str
    what: str
    ours: float
    base: float
    baseline: str
    unit: str = "ms"
    budget: float | None = None  # the most ours/base may be, if the issue sets a budget
    most: float | None = None  # or the most ours may be

    @property
    def ratio(self) -> float:
        return self.ours / self.base

    @property
    def verdict(self) -> str:
        if self.most is not None:
            return f"budget under {self.most * 1000:g} ms: " + ("met" if self.ours < self.most else "NOT met")
        if self.budget is None:
            return ""
        return f"budget {self.budget:g}x: " + ("met" if self.ratio <= self.budget else "NOT met")

    def figures(self) -> tuple[str, str]:
        scale = 1000 if self.unit == "ms" else 1
        return f"{self.ours * scale:,.1f} {self.unit}", f"{self.base * scale:,.1f} {self.unit}"


def say(row: Row, rows: list[Row]) -> None:
    rows.append(row)
    ours, base = row.figures()
    print(f"  {row.what:<32} {ours:>12}  {row.baseline:<26} {base:>12}  {row.ratio:6.2f}x  {row.verdict}", flush=True)


def measure(
    root: Path, size: str, only: str | None, repeat: int, env: dict[str, str], work: Path, checker: str | None
) -> list[Row]:
    count = sum(1 for p in root.glob("*.yaml") if p.name != "library.yaml")
    print(f"{size}: {count} incident types ({root})", flush=True)
    rows = starting(root, size, repeat, env, work, checker, count) if only != "search" else []
    return rows + (searching(root, size, count) if only != "start" else [])


def starting(
    root: Path, size: str, repeat: int, env: dict[str, str], work: Path, checker: str | None, count: int
) -> list[Row]:
    """The rows of fresh processes: first paint, list, validate and their memory."""
    cache = Path(env["PLAYBOOK_CACHE_DIR"])
    large = count >= 10_000

    def cold() -> None:
        for item in cache.glob("**/*"):
            if item.is_file():
                item.unlink()

    journal = str(work / "journal.sqlite3")
    jsons = work / f"json-{size}"
    if not jsons.is_dir():
        import yaml

        jsons.mkdir()
        for path in root.glob("*.yaml"):
            data = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
            (jsons / f"{path.stem}.json").write_text(json.dumps(data, default=str))

    rows: list[Row] = []
    paint_cold = best(_PAINT, str(root), journal, "list", env=env, repeat=1, before=cold)[0]
    # The app and its baseline by turns: a machine that slows for a while slows both alike.
    turns = [
        (child(_BARE, str(count), env=env)[0], child(_PAINT, str(root), journal, "list", env=env)[0])
        for _ in range(repeat)
    ]
    bare, paint_warm = min(b for b, _ in turns), min(p for _, p in turns)
    checked = best(_PAINT, str(root), journal, "checked", env=env, repeat=repeat)[0]
    paint_budget = 1.5 if large else 1.3 if size == "bundled" else None
    say(Row(size, "first paint, warm (index)", paint_warm, bare, "bare Textual app", budget=paint_budget), rows)
    say(Row(size, "library checked, warm", checked, bare, "bare Textual app"), rows)
    say(Row(size, "first paint, cold (no cache)", paint_cold, bare, "bare Textual app"), rows)

    loads = best(_JSON, str(jsons), env=env, repeat=repeat)[0]
    best(_CLI, "list", "--library", str(root), env=env, repeat=1)  # warm the cache
    list_warm, list_rss = best(_CLI, "list", "--library", str(root), env=env, repeat=repeat)
    say(Row(size, "list, warm", list_warm, loads, "json.loads", budget=3 if large else None), rows)

    slow = 1 if large else repeat  # a cold 10,000 takes minutes: once is enough
    naive, naive_rss = best(_NAIVE, str(root), str(SCHEMAS), env=env, repeat=slow)
    cold_t, cold_rss = best(_CLI, "validate", "--library", str(root), env=env, repeat=slow, before=cold)
    best(_CLI, "validate", "--library", str(root), env=env, repeat=1)
    warm_t, warm_rss = best(_CLI, "validate", "--library", str(root), env=env, repeat=repeat)
    say(
        Row(size, "validate, cold", cold_t, naive, "naive: C yaml + jsonschema", budget=0.3 if count == 1000 else None),
        rows,
    )
    if checker and count <= 1000:  # it takes minutes per thousand files: the budget is at 1,000
        files = sorted(str(p) for p in root.glob("*.yaml") if p.name != "library.yaml")
        started = time.time()
        subprocess.run(
            [checker, "--schemafile", str(SCHEMAS / "bundled" / "incident-type.schema.json"), *files],
            capture_output=True,
            check=False,
        )
        say(Row(size, "validate, cold", cold_t, time.time() - started, "check-jsonschema", budget=1.0), rows)
    say(Row(size, "validate, warm", warm_t, loads, "json.loads", budget=3 if large else None), rows)
    say(
        Row(size, "peak memory, validate cold", cold_rss, naive_rss, "naive", unit="MiB", budget=2 if large else None),
        rows,
    )
    # The budget is for 10,000 types, whatever runs: a warm check, and a list that holds every type.
    memory = 2 if large else None
    say(Row(size, "peak memory, validate warm", warm_rss, naive_rss, "naive", unit="MiB", budget=memory), rows)
    say(Row(size, "peak memory, list warm", list_rss, naive_rss, "naive", unit="MiB", budget=memory), rows)
    return rows


def searching(root: Path, size: str, count: int) -> list[Row]:
    """The rows of search per keystroke, in this process."""
    rows: list[Row] = []
    large = count >= 10_000
    alike, apart = keystrokes(root)
    picks = (
        ("median", statistics.median),
        ("p95", lambda t: statistics.quantiles(t, n=20)[-1]),
        ("max", max),
    )
    for what, pick in picks:
        ours, scan = pick(alike["index"]), pick(alike["scan"])
        row = Row(size, f"search per keystroke, {what}", ours, scan, "scan of every type")
        say(attrs.evolve(row, most=0.016) if what == "p95" and large else row, rows)
    # Types alike in no text: beside their scan where it is affordable, else beside the copies.
    base, baseline = (apart["scan"], "scan of every type") if "scan" in apart else (alike["index"], "index, on copies")
    for what, pick in picks:
        row = Row(size, f"search, types alike in no text, {what}", pick(apart["index"]), pick(base), baseline)
        say(attrs.evolve(row, most=0.016) if what == "p95" and large else row, rows)
    return rows


def markdown(rows: list[Row], machine: str) -> str:
    lines = [
        f"Measured on {machine}.",
        "",
        "| types | what | playbook | baseline | | ratio | budget |",
        "|---|---|---:|---|---:|---:|---|",
    ]
    for row in rows:
        ours, base = row.figures()
        lines.append(
            f"| {row.size} | {row.what} | {ours} | {row.baseline} | {base} | {row.ratio:.2f}x | {row.verdict} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="bundled,1000,10000", help="comma-separated: bundled, or a number of types")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    parser.add_argument(
        "--check-jsonschema", default=shutil.which("check-jsonschema"), help="its executable, if installed"
    )
    parser.add_argument("--markdown", action="store_true", help="end with the figures as a Markdown table")
    parser.add_argument("--only", choices=("search", "start"), help="only these rows (start: all but search)")
    args = parser.parse_args()
    machine = f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}"
    # Textual's bytecode was compiled when it was installed, and `pip install .` compiles ours; a
    # checkout run with PYTHONDONTWRITEBYTECODE (set on some machines) would compile playbook
    # and tui from source in every child, timing the compiler instead of the program.
    for package in ("playbook", "tui"):
        compileall.compile_dir(HERE.parent / package, quiet=1)
    print(f"{machine}; times are best of {args.repeat}")
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env = {**os.environ, "PLAYBOOK_CACHE_DIR": str(work / "cache"), "PYTHONPATH": str(HERE.parent)}
        for size in args.sizes.split(","):
            if size == "bundled":
                root = BUNDLED_LIBRARY
            else:
                root = work / f"lib-{size}"
                root.mkdir()
                generate(root, int(size))
            rows += measure(root, size, args.only, args.repeat, env, work, args.check_jsonschema)
    if args.markdown:
        print()
        print(markdown(rows, machine))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How fast does playbook start, list, validate and search at a given library size, against
baselines measured in the same run?

For each size (30 is the bundled library; larger sizes are copies of the bundled ransomware
playbook under new ids, as in load_library.py) it prints, each as a wall time of a fresh process
from spawn (so interpreter start and imports count) and as a ratio to its baseline:

  paint        the app headless until the find list is filled
               baseline: a bare Textual app with an Input and an OptionList of N rows
  list warm    `playbook list` when nothing changed since the last run (the cache is warm)
               baseline: json.loads of the same documents, one file each
  validate     `playbook validate` cold (no cache) and warm, with peak RSS
               baseline: the naive check, C-loader yaml parse + jsonschema per file
  search       per keystroke over a typed sentence on N types (median, p95, max; in process)

    python benchmarks/startup.py --sizes 30,300,1000
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from load_library import generate  # noqa: E402

from playbook.paths import BUNDLED_LIBRARY, SCHEMAS  # noqa: E402

SENTENCE = "our main supplier just told us their warehouse flooded overnight and nothing can ship"

# Each child prints the seconds between its spawn (PARENT_START) and being done, then its peak RSS.
_REPORT = """
import resource, sys, time
sys.stdout.flush()
print(f"@@ {time.time() - float(sys.argv[1])} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr)
"""

_PAINT = """
import asyncio, sys
from pathlib import Path
from tui.app import PlaybookApp

async def main():
    app = PlaybookApp(Path(sys.argv[2]))
    app.journal_path = Path(sys.argv[3])
    async with app.run_test(size=(120, 40)) as pilot:
        results = app.screen.query_one("#results")
        while results.option_count == 0:
            await pilot.pause(0.005)
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
        [sys.executable, "-c", script + _REPORT, str(start), *args],
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


def keystrokes(root: Path) -> dict[str, list[float]]:
    """Seconds per keystroke of SENTENCE typed, with the app's index and by the plain scan."""
    from playbook import search as search_module
    from playbook.library import load

    library = load(root).library
    assert library is not None
    entries = search_module.entries(library)
    index = getattr(search_module, "Index", None)
    ways = {"scan": None, "index": index(entries)} if index else {"scan": None}
    times: dict[str, list[float]] = {}
    for way, built in ways.items():
        for name in ("_best", "words", "stem"):
            cached = getattr(search_module, name, None)
            if hasattr(cached, "cache_clear"):
                cached.cache_clear()
        times[way] = []
        for i in range(1, len(SENTENCE) + 1):
            started = time.perf_counter()
            search_module.search(SENTENCE[:i], entries, **({"index": built} if built else {}))
            times[way].append(time.perf_counter() - started)
    return times


def row(what: str, ours: float, base: float, unit: str = "ms", note: str = "") -> None:
    scale = 1000 if unit == "ms" else 1
    print(f"  {what:<34} {ours * scale:9.1f} {unit}  baseline {base * scale:9.1f} {unit}  {ours / base:6.2f}x  {note}")


def measure(root: Path, size: int, repeat: int, env: dict[str, str], work: Path) -> None:
    cache = Path(env["PLAYBOOK_CACHE_DIR"])

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

    print(f"{size} incident types ({root})")
    bare = best(_BARE, str(size), env=env, repeat=repeat)[0]
    paint_cold = best(_PAINT, str(root), journal, env=env, repeat=1, before=cold)[0]
    paint_warm = best(_PAINT, str(root), journal, env=env, repeat=repeat)[0]
    row("paint, cold cache", paint_cold, bare)
    row("paint, warm cache", paint_warm, bare)

    loads = best(_JSON, str(jsons), env=env, repeat=repeat)[0]
    best(_CLI, "list", "--library", str(root), env=env, repeat=1)  # warm the cache
    list_warm = best(_CLI, "list", "--library", str(root), env=env, repeat=repeat)[0]
    row("list, warm", list_warm, loads, note="baseline: json.loads")

    naive, naive_rss = best(_NAIVE, str(root), str(SCHEMAS), env=env, repeat=repeat)
    cold_t, cold_rss = best(_CLI, "validate", "--library", str(root), env=env, repeat=repeat, before=cold)
    best(_CLI, "validate", "--library", str(root), env=env, repeat=1)
    warm_t, warm_rss = best(_CLI, "validate", "--library", str(root), env=env, repeat=repeat)
    row("validate, cold", cold_t, naive, note="baseline: yaml C loader + jsonschema")
    row("validate, warm", warm_t, naive)
    row("validate, warm vs json.loads", warm_t, loads)
    row("peak RSS validate, cold", cold_rss, naive_rss, unit="MiB")

    for way, times in keystrokes(root).items():
        p95 = statistics.quantiles(times, n=20)[-1]
        print(
            f"  {'search per keystroke, ' + way:<34} median {statistics.median(times) * 1000:.2f} ms, "
            f"p95 {p95 * 1000:.2f} ms, max {max(times) * 1000:.2f} ms ({len(times)} keystrokes)"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="30,300,1000", help="comma-separated; 30 is the bundled library")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores; times are best of {args.repeat}")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env = {**os.environ, "PLAYBOOK_CACHE_DIR": str(work / "cache"), "PYTHONPATH": str(HERE.parent)}
        for size in (int(s) for s in args.sizes.split(",")):
            if size == 30:
                root = BUNDLED_LIBRARY
            else:
                root = work / f"lib-{size}"
                root.mkdir()
                generate(root, size)
            measure(root, size, args.repeat, env, work)
    return 0


if __name__ == "__main__":
    sys.exit(main())

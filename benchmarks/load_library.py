"""How fast and how lean is loading a large library, against a baseline measured in the same run?

Generates a library of N incident types (copies of the bundled ransomware playbook under new
ids) and times, on the same files:

  baseline   PyYAML's C loader alone (yaml.load with CSafeLoader): the floor for reading YAML
  ours       playbook.library.load: safe read with positions + JSON Schema + model + checks

and reports ours/baseline for time (best of --repeat) and for peak memory (tracemalloc).

    python benchmarks/load_library.py --types 300
"""

from __future__ import annotations

import argparse
import gc
import re
import shutil
import sys
import tempfile
import time
import tracemalloc
from functools import partial
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playbook.library import load  # noqa: E402
from playbook.paths import BUNDLED_LIBRARY  # noqa: E402


def generate(root: Path, count: int) -> None:
    """`count` incident types: the bundled ones copied round after round under new ids, each
    round's related types and `see` links pointing within the round (a last, partial round's
    into the first), so every copy validates."""
    shutil.copy(BUNDLED_LIBRARY / "library.yaml", root / "library.yaml")
    templates = {p.stem: p.read_text(encoding="utf-8") for p in sorted(BUNDLED_LIBRARY.glob("*.yaml"))}
    templates.pop("library")
    ids = re.compile(
        r"(?<![\w-])(" + "|".join(map(re.escape, sorted(templates, key=len, reverse=True))) + r")(?![\w-])"
    )
    linking = re.compile(r"^(\s*(?:- )?(?:id|related|see): .*)$", re.MULTILINE)
    names = list(templates)

    def relinked(copy: int, line: re.Match[str]) -> str:
        def linked(found: re.Match[str]) -> str:
            made = names.index(found.group(1)) + copy * len(names) < count
            return f"{found.group(1)}-{copy if made else 0:04d}"

        return ids.sub(linked, line.group(1))

    for n in range(count):
        name, copy = names[n % len(names)], n // len(names)
        text = linking.sub(partial(relinked, copy), templates[name])
        text = re.sub(r"^title: (.*)$", rf"title: \1 {copy}", text, count=1, flags=re.MULTILINE)
        (root / f"{name}-{copy:04d}.yaml").write_text(text, encoding="utf-8")


def baseline(root: Path) -> list:
    # Keeps what it parsed, as any loader must: the memory ratio is then what positions,
    # validation and the model cost on top of plain data.
    return [yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader) for path in sorted(root.glob("*.yaml"))]


def ours(root: Path):
    loaded = load(root)  # the peak includes the positions held while checking
    errors = [p for p in loaded.problems if p.is_error]
    assert not errors, errors[:3]
    return loaded


def best_time(action, root: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        action(root)
        times.append(time.perf_counter() - start)
    return min(times)


def memory(action, root: Path) -> tuple[int, int]:
    """Bytes still held by the result, and the peak while producing it."""
    gc.collect()
    tracemalloc.start()
    result = action(root)
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    return held, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--types", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        generate(root, args.types)
        files = len(baseline(root))
        assert len(ours(root).library.types) + 1 == files
        base_t, our_t = best_time(baseline, root, args.repeat), best_time(ours, root, args.repeat)
        (base_held, base_peak), (our_held, our_peak) = memory(baseline, root), memory(ours, root)
    print(f"{files} files (library.yaml + {args.types} incident types)")
    print(
        f"time   baseline {base_t * 1000:8.1f} ms   ours {our_t * 1000:8.1f} ms   ratio {our_t / base_t:5.2f}x  "
        f" ({our_t / files * 1000:.2f} ms per file)"
    )
    mib = 2**20
    print(
        f"held   baseline {base_held / mib:8.1f} MiB  ours {our_held / mib:8.1f} MiB  ratio "
        f"{our_held / base_held:5.2f}x"
    )
    print(
        f"peak   baseline {base_peak / mib:8.1f} MiB  ours {our_peak / mib:8.1f} MiB  ratio "
        f"{our_peak / base_peak:5.2f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

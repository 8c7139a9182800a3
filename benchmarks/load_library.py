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
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playbook.library import load  # noqa: E402
from playbook.paths import BUNDLED_LIBRARY  # noqa: E402


def generate(root: Path, count: int) -> None:
    shutil.copy(BUNDLED_LIBRARY / "library.yaml", root / "library.yaml")
    template = (BUNDLED_LIBRARY / "ransomware.yaml").read_text(encoding="utf-8")
    # Related types and `see` links point at the real library; drop them so every copy stands alone.
    lines = [line for line in template.splitlines() if not line.startswith("related:") and "see: " not in line]
    template = "\n".join(lines) + "\n"
    for n in range(count):
        text = template.replace("id: ransomware", f"id: type-{n:05d}", 1).replace("title: Ransomware attack", f"title: Generated type {n}", 1)
        (root / f"type-{n:05d}.yaml").write_text(text, encoding="utf-8")


def baseline(root: Path) -> int:
    count = 0
    for path in sorted(root.glob("*.yaml")):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        count += 1
    return count


def ours(root: Path) -> int:
    loaded = load(root)
    errors = [p for p in loaded.problems if p.is_error]
    assert not errors, errors[:3]
    return len(loaded.library.types) + 1


def best_time(action, root: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        action(root)
        times.append(time.perf_counter() - start)
    return min(times)


def peak_memory(action, root: Path) -> int:
    gc.collect()
    tracemalloc.start()
    action(root)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--types", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        generate(root, args.types)
        files = baseline(root)
        assert ours(root) == files
        base_t, our_t = best_time(baseline, root, args.repeat), best_time(ours, root, args.repeat)
        base_m, our_m = peak_memory(baseline, root), peak_memory(ours, root)
    print(f"{files} files (library.yaml + {args.types} incident types)")
    print(f"time   baseline {base_t * 1000:8.1f} ms   ours {our_t * 1000:8.1f} ms   ratio {our_t / base_t:5.2f}x   ({our_t / files * 1000:.2f} ms per file)")
    print(f"memory baseline {base_m / 2**20:8.1f} MiB  ours {our_m / 2**20:8.1f} MiB  ratio {our_m / base_m:5.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

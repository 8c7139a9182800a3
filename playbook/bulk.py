"""Work that allocates many small objects and frees few: loading a library, reading the stored
index, building the search index. The cyclic garbage collector, left running, walks every live
object again and again while such work grows the heap, for nothing it can free: pausing it
halves the cost of loading and of the first screen's index."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collector() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

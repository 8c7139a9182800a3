"""How long does the find screen spend per keystroke while a sentence is typed or pasted?

Types SENTENCE one character at a time into the find screen on the bundled library (headless)
and reports, per keystroke, the time in search alone and in the screen's whole refilter
(search + updating the list and preview), each from a cold search cache. tmux send-keys and a
terminal paste both deliver one key event per character.

    python benchmarks/find_keystrokes.py
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playbook import search as search_module  # noqa: E402
from playbook.paths import BUNDLED_LIBRARY  # noqa: E402
from playbook.search import LISTED, best  # noqa: E402
from playbook.search_index import Index  # noqa: E402
from tui.app import PlaybookApp  # noqa: E402

SENTENCE = "our main supplier just told us their warehouse flooded overnight and nothing can ship"


def forget() -> None:
    """Start from a cold cache, as the first sentence typed after launch does."""
    for name in ("_best", "words", "stem"):
        cached = getattr(search_module, name, None)
        if hasattr(cached, "cache_clear"):
            cached.cache_clear()


async def measure() -> None:
    app = PlaybookApp(BUNDLED_LIBRARY)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        box = screen.query_one("#query")
        prefixes = [SENTENCE[:i] for i in range(1, len(SENTENCE) + 1)]

        forget()
        index = Index(screen.entries)  # a fresh one: it keeps what each query word found
        started = time.perf_counter()
        for text in prefixes:
            best(text, screen.entries, LISTED, index=index)
        searching = (time.perf_counter() - started) / len(prefixes)

        box.value = ""
        await pilot.pause()
        forget()
        screen.index = Index(screen.entries)
        started = time.perf_counter()
        for text in prefixes:
            box.value = text
            screen.refilter()
        refiltering = (time.perf_counter() - started) / len(prefixes)

    print(f"{len(prefixes)} keystrokes on {len(screen.entries)} types")
    print(f"search alone  {searching * 1000:7.2f} ms a keystroke (cached: only the new word is scored)")
    print(f"refilter      {refiltering * 1000:7.2f} ms a keystroke (search + list + preview)")


if __name__ == "__main__":
    asyncio.run(measure())

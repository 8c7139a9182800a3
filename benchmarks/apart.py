"""Incident types alike in no text, for timing and testing search where nothing repeats."""

from __future__ import annotations

import random

import attrs


def unalike(entries: list, seed: int = 7, spread: bool = False) -> list:
    """As many types as `entries`, each drawing its cues, tags and synonyms at random from all of
    theirs, under a title made of two of their titles and a number: a library written in the same
    words whose types share no set of texts. Copies of the bundled types repeat every text, so
    words and texts are read once for many types; these are the realistic worst case: as many
    words, spread thin. With `spread`, each type draws none to a few of each, and every third
    title has no number, so that equal titles and equal scores meet (what tests want)."""
    draw = random.Random(seed)
    cues = [c for e in entries for c in e.cues]
    tags = [t for e in entries for t in e.tags]
    synonyms = [s for e in entries for s in e.synonyms]
    titles = [e.title.split(",")[0] for e in entries]

    def count(usual: int, most: int) -> int:
        return draw.randint(0, most) if spread else usual

    return [
        attrs.evolve(
            e,
            id=f"apart-{n}",
            title=f"{draw.choice(titles)} and {draw.choice(titles).lower()}" + (f" {n}" if n % 3 or not spread else ""),
            cues=tuple(draw.sample(cues, count(len(e.cues), 8))),
            tags=tuple(draw.sample(tags, count(len(e.tags), 5))),
            synonyms=tuple(draw.sample(synonyms, count(len(e.synonyms), 3))),
        )
        for n, e in enumerate(entries)
    ]

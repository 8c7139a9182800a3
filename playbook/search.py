"""Find incident types from what a leader is seeing: forgiving search over titles, synonyms,
tags and recognition cues.

A leader types fragments of what is happening ("payments down, customers calling"), with typos,
half-words and filler words. Every query word scores its best match in each type, weighted by
where it matched (the title and the authors' synonyms most, then tags, then cues) and by how
rare the word is across the library ("down" says less than "payments"). Words that meet in one
cue or one synonym count again: that is the incident being described, not words scattered over
unrelated text. Each hit carries its reasons (which word matched what, and how well) as data,
and a hit far below the best is marked weak, so screens can show it weaker.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from playbook import cache
from playbook.bulk import paused_collector

if TYPE_CHECKING:  # the first screen searches before the model's modules are imported
    from playbook.model import IncidentType, Library
    from playbook.search_index import Index

# Filler words that would match almost every cue and say nothing about the incident.
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "can",
        "for",
        "from",
        "has",
        "have",
        "i",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "our",
        "so",
        "that",
        "the",
        "their",
        "there",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "what",
        "when",
        "with",
    ]
)

TITLE, SYNONYM, TAG, CATEGORY, CUE = 3.0, 3.0, 2.0, 1.5, 1.0
FIELD_WEIGHTS = {"title": TITLE, "synonym": SYNONYM, "tag": TAG, "category": CATEGORY, "cue": CUE}
SURE = 0.85  # a word match at least this good is the word itself or another form of it
WEAK_BELOW = 0.4  # a hit scoring under this share of the best one is a weak match
LISTED = 50  # the hits a list of types shows: more is noise to a leader, who types more words instead

# A word may carry an apostrophe clitic ("can't", "driver's"): kept together so the "t" or "s"
# never becomes a query word of its own that matches everything.
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_NEGATIONS = {"can't": "cannot", "won't": "will", "shan't": "shall"}

# Word forms that suffix stripping cannot reach.
_IRREGULAR = {
    "fell": "fall",
    "fallen": "fall",
    "died": "die",
    "dying": "die",
    "dead": "die",
    "went": "go",
    "gone": "go",
    "stole": "steal",
    "stolen": "steal",
    "broke": "break",
    "broken": "break",
    "hit": "hit",
    "lost": "lose",
    "leaked": "leak",
    "threw": "throw",
}
# Longest first; each leaves at least three letters ("threatening" -> "threat", "falls" -> "fall").
_SUFFIXES = ("ening", "ings", "ing", "ies", "es", "ed", "er", "s")


@lru_cache(maxsize=8192)  # the same titles and cues are split again on every keystroke
def words(text: str) -> tuple[str, ...]:
    return tuple(_plain(w) for w in _WORD.findall(text.lower().replace("’", "'")))


def _plain(word: str) -> str:
    """The word without its clitic: can't -> cannot, there's -> there, driver's -> driver."""
    if "'" not in word:
        return word
    if word in _NEGATIONS:
        return _NEGATIONS[word]
    base, _, clitic = word.partition("'")
    if clitic == "t" and base.endswith("n"):
        return base[:-1]  # isn't -> is, doesn't -> does
    return base


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """A light English stem, so word forms meet: fell/falls -> fall, threatening -> threat."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


@attrs.frozen
class Entry:
    """What search needs to know about one incident type."""

    id: str
    title: str
    category: str
    tags: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    category_name: str = ""
    synonyms: tuple[str, ...] = ()

    @classmethod
    def of(cls, incident: IncidentType, category_name: str = "") -> Entry:
        return cls(
            incident.id,
            incident.title,
            incident.category,
            incident.tags,
            incident.recognise,
            category_name,
            incident.synonyms,
        )

    def row(self) -> list[Any]:
        return [self.id, self.title, self.category, self.tags, self.cues, self.category_name, self.synonyms]

    @classmethod
    def from_row(cls, row: list[Any]) -> Entry:
        """An entry from a row of the stored index; ValueError if the row is not one."""
        if len(row) != 7:
            raise ValueError("not an index row")
        id, title, category, tags, cues, category_name, synonyms = row
        texts = (id, title, category, category_name, *tags, *cues, *synonyms)
        if not all(isinstance(text, str) for text in texts):
            raise ValueError("not an index row")
        return cls(id, title, category, tuple(tags), tuple(cues), category_name, tuple(synonyms))

    def texts(self, field: str) -> tuple[str, ...]:
        if field == "title":
            return (self.title,)
        if field == "category":
            return (self.category_name or self.category,)
        # Plain branches: this runs for every type, field and word of a query on each keystroke.
        if field == "cue":
            return self.cues
        if field == "tag":
            return self.tags
        if field == "synonym":
            return self.synonyms
        raise KeyError(field)


@attrs.frozen
class Reason:
    """Why a type was found: one query word and the text it matched."""

    term: str  # the query word
    field: str  # title | synonym | tag | category | cue
    text: str  # the title, synonym, tag, category name or cue it matched
    quality: float  # 1 the word itself, 0.85 another form of it, lower a part, typo or abbreviation


@attrs.frozen
class Hit:
    entry: Entry
    score: float
    matched: int  # how many query words matched
    cues: tuple[str, ...]  # the recognition cues that matched, to show why it was found
    reasons: tuple[Reason, ...] = ()  # the best match of each query word, strongest first
    weak: bool = False  # far below the best hit of the same search

    @property
    def why(self) -> str:
        """The reasons in words: 'payments ~ synonym "payments down"; down ~ cue "..."'."""
        return "; ".join(f'{r.term} ~ {r.field} "{r.text}"' for r in self.reasons)


def entries(library: Library) -> list[Entry]:
    """What search knows of each type of the library, in the library's order."""
    return [Entry.of(t, c.name if (c := library.category(t.category)) else "") for t in library.types]


def index_rows(library: Library) -> list[list[Any]]:
    return [entry.row() for entry in entries(library)]


def remembered(root: Path) -> list[Entry] | None:
    """The entries of this library as its last full load found them, if the program, schemas and
    library.yaml are unchanged since; None otherwise. The first screen searches these while the
    library is checked again, so it paints without parsing a playbook."""
    stamp = cache.stamp(root)
    with paused_collector():
        rows = cache.read_index(root, stamp) if stamp else None
        if rows is None:
            return None
        try:
            return [Entry.from_row(row) for row in rows]
        except (ValueError, TypeError):
            return None


def terms(query: str) -> list[str]:
    """The query words worth matching, in order, without repeats or filler."""
    found = words(query)
    useful = [w for w in found if w not in STOP_WORDS]
    # A query made only of filler ("it") still means something to the one typing it.
    return list(dict.fromkeys(useful or found))


def word_match(term: str, word: str, abbreviations: bool = True) -> float:
    """How well one query word matches one word of the text, from 0 (not at all) to 1.

    Abbreviations (letters in order, "rnsm") are for titles only: elsewhere they match
    almost anything ("died" in the tag "designated person")."""
    if word == term:
        return 1.0
    if len(term) == 1:
        return 0.5 if word.startswith(term) else 0.0  # a lone letter: word starts only, weakly
    if word.startswith(term):
        return 0.9
    if len(term) < 3:
        return 0.0
    if term in word:
        return 0.6
    if len(term) >= 5 and _one_edit(term, word[: len(term) + 1]):
        return 0.5  # a typo: ransomwre, phisihng
    if abbreviations and term[0] == word[0] and _subsequence(term, word):
        return 0.3  # an abbreviation: rnsm, ddos
    return 0.0


# One typo in a word typed of five letters or more keeps one of these pairs of letters, as (where
# in the library's word, where in the word typed): the first two when the typo comes later; else
# the fourth and fifth (a letter changed, or two swapped), or the typed word's third and fourth one
# place earlier (a letter typed too many) or its second and third one place later (one left out).
TYPO_PAIRS = ((0, 0), (3, 3), (1, 2), (2, 1))


def _one_edit(term: str, word: str) -> bool:
    """True if `term` is one insertion, deletion, substitution or swap away from a prefix of `word`."""
    if not any(word[i : i + 2] == term[j : j + 2] for i, j in TYPO_PAIRS):
        return False  # a cheap necessary test first: this runs for many words of the library
    return any(_distance_one(term, candidate) for candidate in (word, word[: len(term)], word[: len(term) - 1]))


def _distance_one(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((i for i in range(len(short)) if short[i] != long[i]), len(short))
    return short[i:] == long[i + 1 :]


def _subsequence(term: str, word: str) -> bool:
    letters = iter(word)
    return all(c in letters for c in term)


def word_score(term: str, word: str, abbreviations: bool) -> float:
    """How well `term` matches one word of a text, another form of the term counting too."""
    score = word_match(term, word, abbreviations)
    root = stem(term)
    if root != term and score < 0.9:
        # Another form of the word (fell ~ falls) counts nearly as much as the word itself.
        score = max(score, 0.85 * max(word_match(root, word, False), word_match(root, stem(word), False)))
    return score


def best_of(texts: Iterable[str], score: Callable[[str], float]) -> tuple[float, str | None]:
    """The best word score among the texts, and the first text that holds it."""
    best, where = 0.0, None
    for text in texts:
        for w in words(text):
            found = score(w)
            if found > best:
                best, where = found, text
    return best, where


@lru_cache(maxsize=65536)
def _best(term: str, texts: tuple[str, ...], abbreviations: bool = True) -> tuple[float, str | None]:
    """Cached: while a sentence is typed or pasted, every earlier word is scored again on each
    keystroke against the same texts; only the word being typed is new work."""
    return best_of(texts, lambda w: word_score(term, w, abbreviations))


def strongest(found: Iterable[Reason]) -> Reason | None:
    """The match that weighs most; the first of equals (a title before a synonym)."""
    best: Reason | None = None
    for reason in found:
        if best is None or reason.quality * FIELD_WEIGHTS[reason.field] > best.quality * FIELD_WEIGHTS[best.field]:
            best = reason
    return best


def hit_from(
    entry: Entry,
    query_terms: Sequence[str],
    matches: Iterable[Sequence[Reason]],
    together: Callable[[], float],
    rarity: dict[str, float],
) -> Hit | None:
    """The hit for an entry from each query word's matches (in field order) and what its words
    that meet in one phrase add; None if no word matched."""
    total, reasons, cues = 0.0, [], []
    for found in matches:
        cues += [r.text for r in found if r.field == "cue" and r.text not in cues]
        best = strongest(found)
        if best is not None:
            reasons.append(best)
            total += best.quality * FIELD_WEIGHTS[best.field] * rarity[best.term]
    if not reasons:
        return None
    total += together()
    # A type that accounts for more of what was typed (the rare words most) ranks higher.
    total *= sum(rarity[r.term] for r in reasons) / sum(rarity[t] for t in query_terms)
    reasons.sort(key=lambda r: -r.quality * FIELD_WEIGHTS[r.field])
    return Hit(entry, total, len(reasons), tuple(cues), tuple(reasons))


def entry_hit(query_terms: list[str], entry: Entry, rarity: dict[str, float]) -> Hit | None:
    """The hit for one entry, its texts matched one by one (the scan)."""
    matches = (
        [
            Reason(term, field, text, quality)
            for field in FIELD_WEIGHTS
            for quality, text in [_best(term, entry.texts(field), abbreviations=field == "title")]
            if text is not None and quality > 0
        ]
        for term in query_terms
    )
    return hit_from(entry, query_terms, matches, lambda: _together(query_terms, entry, rarity), rarity)


# The texts where query words meet, with what a meeting weighs.
MEETING = (("synonym", SYNONYM), ("tag", TAG), ("cue", TAG))


def _together(query_terms: list[str], entry: Entry, rarity: dict[str, float]) -> float:
    return together(
        (
            (weight, text, [t for t in query_terms if _best(t, (text,), False)[0] >= SURE])
            for field, weight in MEETING
            for text in entry.texts(field)
        ),
        rarity,
    )


def together(held: Iterable[tuple[float, str, list[str]]], rarity: dict[str, float]) -> float:
    """Query words that meet in one synonym, tag or cue describe this incident, not words scattered
    over unrelated text: they count once more, in the share of the phrase they cover (all of
    "payments down" beats two words of "the payment provider is down"). `held` is each phrase's
    weight, text and the query words it holds (in query order)."""
    best = 0.0
    for weight, text, words_held in held:
        if len(words_held) >= 2:
            coverage = min(1.0, len(words_held) / len(terms(text)))
            best = max(best, weight * coverage * sum(rarity[t] for t in words_held))
    return best


def rarities(found_in: dict[str, int], size: int) -> dict[str, float]:
    """A word found in many types tells them apart less than a rare one (inverse document frequency)."""
    return {t: math.log(1 + size / max(1, n)) for t, n in found_in.items()}


@attrs.frozen
class Found:
    """The best hits of a search, best first, and how many types matched in all."""

    hits: tuple[Hit, ...]
    total: int

    @property
    def more(self) -> int:
        """How many matched beyond the hits returned."""
        return self.total - len(self.hits)


def best(
    query: str,
    entries: Iterable[Entry],
    limit: int | None = None,
    category: str | None = None,
    index: Index | None = None,
) -> Found:
    """The `limit` best entries for the query (all with None) and how many matched; every entry
    (in order) for an empty query.

    `category` narrows to one category id. `index` (playbook.search_index), built over these
    entries, makes a large library fast without changing the answer.
    """
    pool = list(entries) if category is None else [e for e in entries if e.category == category]
    query_terms = terms(query)
    if not query_terms:
        return Found(tuple(Hit(e, 0.0, 0, ()) for e in pool[:limit]), len(pool))
    if index is not None and (found := index.best(query_terms, pool, category, limit)) is not None:
        return found
    rarity = rarities({t: sum(1 for e in pool if holds(t, e)) for t in query_terms}, len(pool))
    hits = [hit for e in pool if (hit := entry_hit(query_terms, e, rarity)) is not None]
    hits.sort(key=lambda h: (-h.score, -h.matched, h.entry.title.lower()))
    top = hits[0].score if hits else 0.0
    return Found(tuple(attrs.evolve(h, weak=h.score < WEAK_BELOW * top) for h in hits[:limit]), len(hits))


def search(query: str, entries: Iterable[Entry], category: str | None = None, index: Index | None = None) -> list[Hit]:
    """Every entry that matches the query, best first: best() without a limit."""
    return list(best(query, entries, None, category, index).hits)


def holds(term: str, entry: Entry) -> bool:
    return any(_best(term, entry.texts(field), field == "title")[0] >= SURE for field in FIELD_WEIGHTS)


# A best match is weak when it holds less than half of the words typed as the words themselves
# (or forms of them): parts, typos and abbreviations of words do not count. Raw scores are not
# used, since they grow with the library's size. The table in tests/test_novel.py shows the rule
# against real queries on the bundled library.
STRONG_SHARE = 0.5


def weak_reason(hit: Hit, query_terms: Sequence[str]) -> str:
    """Why the best hit is not a good match, in words; "" when it is a good one."""
    sure = [r for r in hit.reasons if r.quality >= SURE]
    if len(sure) < STRONG_SHARE * len(query_terms):
        held = ", ".join(f'"{r.term}"' for r in hit.reasons) or "nothing"
        return f"weak match: only {held} of what you typed matched ({hit.why})"
    return ""

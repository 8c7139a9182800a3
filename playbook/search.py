"""Find incident types from what a leader is seeing: forgiving search over titles, tags and cues.

A leader types fragments of what is happening ("cannot log in, files renamed"), with typos,
half-words and filler words. Every query word scores its best match in each type; a type is
found when any word matches, and types matching more of the words come first. Titles weigh
more than tags, tags more than recognition cues, so naming the incident beats describing it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import attrs

from playbook.model import IncidentType

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

TITLE, TAG, CATEGORY, CUE = 3.0, 2.0, 1.5, 1.0

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

    @classmethod
    def of(cls, incident: IncidentType, category_name: str = "") -> Entry:
        return cls(incident.id, incident.title, incident.category, incident.tags, incident.recognise, category_name)


@attrs.frozen
class Hit:
    entry: Entry
    score: float
    matched: int  # how many query words matched
    cues: tuple[str, ...]  # the recognition cues that matched, to show why it was found


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


def _one_edit(term: str, word: str) -> bool:
    """True if `term` is one insertion, deletion, substitution or swap away from a prefix of `word`."""
    for candidate in (word, word[: len(term)], word[: len(term) - 1]):
        if _distance_one(term, candidate):
            return True
    return False


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


@lru_cache(maxsize=65536)
def _best(term: str, texts: tuple[str, ...], abbreviations: bool = True) -> tuple[float, str | None]:
    """Cached: while a sentence is typed or pasted, every earlier word is scored again on each
    keystroke against the same texts; only the word being typed is new work."""
    root = stem(term)
    best, where = 0.0, None
    for text in texts:
        for w in words(text):
            score = word_match(term, w, abbreviations)
            if root != term and score < 0.9:
                # Another form of the word (fell ~ falls) counts nearly as much as the word itself.
                score = max(score, 0.85 * max(word_match(root, w, False), word_match(root, stem(w), False)))
            if score > best:
                best, where = score, text
    return best, where


def _score(query_terms: list[str], entry: Entry) -> Hit | None:
    total, matched, cues = 0.0, 0, []
    for term in query_terms:
        cue_score, cue = _best(term, entry.cues, abbreviations=False)
        best = max(
            _best(term, (entry.title,))[0] * TITLE,
            _best(term, entry.tags, abbreviations=False)[0] * TAG,
            _best(term, (entry.category_name or entry.category,), abbreviations=False)[0] * CATEGORY,
            cue_score * CUE,
        )
        if best > 0:
            matched += 1
            total += best
        if cue is not None and cue_score > 0 and cue not in cues:
            cues.append(cue)
    if not matched:
        return None
    return Hit(entry, total, matched, tuple(cues))


def search(query: str, entries: Iterable[Entry], category: str | None = None) -> list[Hit]:
    """Entries that match the query, best first; every entry (in order) for an empty query.

    `category` narrows to one category id.
    """
    pool = [e for e in entries if category is None or e.category == category]
    query_terms = terms(query)
    if not query_terms:
        return [Hit(e, 0.0, 0, ()) for e in pool]
    hits = [hit for e in pool if (hit := _score(query_terms, e)) is not None]
    hits.sort(key=lambda h: (-h.matched, -h.score, h.entry.title.lower()))
    return hits

"""Search that scales with the library: each keystroke does work for the new query word and a
few array sums, not Python work for every type.

The index holds, for each distinct word of the library, the types whose title or other texts
hold it (postings). A query word is matched once against the distinct words; what it found
becomes one number per type (its best match, weighted by the field) and the meeting texts that
hold it surely, and is kept while the sentence is typed. A keystroke then adds these arrays up
in the query's order, the same sums in the same order as the scan, so the scores are the scan's
to the last bit; only the best few hits are built in full.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate, chain, islice, takewhile

import attrs
import numpy as np
import numpy.typing as npt

from playbook.bulk import paused_collector
from playbook.search import (
    FIELD_WEIGHTS,
    MEETING,
    SURE,
    TITLE,
    TYPO_PAIRS,
    WEAK_BELOW,
    Entry,
    Found,
    Hit,
    Reason,
    best_of,
    entry_hit,
    hit_from,
    holds,
    rarities,
    stem,
    terms,
    word_score,
    words,
)

OTHER_FIELDS = ("synonym", "tag", "category", "cue")  # every field but the title, in field order
REMEMBERED = 256  # query words whose matches are kept (a sentence is some 80 keystrokes); then forgotten

Floats = npt.NDArray[np.float64]
Places = npt.NDArray[np.int32]


class _Words:
    """Distinct words, looked up by what a query word needs of them to match at all."""

    def __init__(self, found: Iterable[str]) -> None:
        self.words = tuple(dict.fromkeys(found))
        # The words as one text, a line each, so that the string search (in C) finds the words
        # holding a query word; `_starts` maps a place in the text back to its word.
        self._text = "\n".join(self.words)
        self._starts = list(accumulate((len(w) + 1 for w in self.words[:-1]), initial=0))
        self._sorted = sorted(self.words)  # the words that start with a query word are in a row
        self._first: dict[str, list[str]] = {}  # first letter -> words (abbreviations)
        self._pairs: dict[tuple[int, str], list[str]] = {}  # (where, two letters) -> words (typos)
        for word in self.words:
            self._first.setdefault(word[:1], []).append(word)
            for i in {i for i, _ in TYPO_PAIRS}:
                self._pairs.setdefault((i, word[i : i + 2]), []).append(word)

    def may_match(self, term: str, abbreviations: bool) -> set[str]:
        """A superset of the words that word_match(term, word, abbreviations) scores above 0."""
        if len(term) < 3:  # the word itself or its start only
            return set(
                takewhile(lambda w: w.startswith(term), islice(self._sorted, bisect_left(self._sorted, term), None))
            )
        found = self._holding(term)
        if abbreviations:
            found.update(self._first.get(term[:1], ()))
        if len(term) >= 5:
            for i, j in TYPO_PAIRS:
                found.update(self._pairs.get((i, term[j : j + 2]), ()))
        return found

    def _holding(self, term: str) -> set[str]:
        found: set[str] = set()
        at = self._text.find(term)
        while at >= 0:
            n = bisect_right(self._starts, at) - 1
            found.add(self.words[n])
            if n + 1 == len(self.words):
                break
            at = self._text.find(term, self._starts[n + 1])  # on from the next word
        return found


class Vocabulary:
    """The distinct words of some texts, so that a query word is matched once per word, and only
    against the words that can match it (or whose stems can match its stem)."""

    def __init__(self, found: Iterable[str], abbreviations: bool) -> None:
        self._words = _Words(found)
        self._abbreviations = abbreviations
        self._forms: dict[str, list[str]] = {}  # stem -> the words with that stem
        for word in self._words.words:
            self._forms.setdefault(stem(word), []).append(word)
        self._stems = _Words(self._forms)

    def scores(self, term: str) -> dict[str, float]:
        """Word -> word_score(term, word), for the words it scores above 0."""
        found = self._words.may_match(term, self._abbreviations)
        root = stem(term)
        if root != term:  # another form of the word: the word, or its stem, matches the term's stem
            found |= self._words.may_match(root, False)
            for matched in self._stems.may_match(root, False):
                found.update(self._forms[matched])
        return {w: score for w in found if (score := word_score(term, w, self._abbreviations)) > 0}


class _Postings:
    """Word -> the places (types, or meeting texts) that hold it, each with the most it weighs
    there: gathered text by text as word ids, then sorted into arrays with one slice per word."""

    def __init__(self) -> None:
        self._words: list[Sequence[int]] = []  # word ids, of one place or of places in a row
        self._sizes: list[Sequence[int]] = []  # how many of them each place holds
        self._places: list[int] = []  # the first place
        self._weights: list[float] = []
        self._slices: dict[str, tuple[int, int]] = {}
        self.places, self.weights = np.zeros(0, dtype=np.int32), np.zeros(0)

    def add(self, words: Sequence[int], place: int, weight: float = 1.0, sizes: Sequence[int] = ()) -> None:
        """`words` held at `place`; or, with `sizes`, texts at `place` and the places after it, each
        holding the next sizes[i] of the words."""
        self._words.append(words)
        self._sizes.append(sizes or (len(words),))
        self._places.append(place)
        self._weights.append(weight)

    def pack(self, vocabulary: Sequence[str]) -> _Postings:
        """Sort what was added by word (`vocabulary` names each id), then place, keeping the
        heaviest weight of each place. Places must have been added in order."""
        sizes = np.fromiter(chain.from_iterable(self._sizes), dtype=np.int64)
        ids = np.fromiter(chain.from_iterable(self._words), dtype=np.int32, count=int(sizes.sum()))
        counts = np.fromiter(map(len, self._sizes), dtype=np.int64, count=len(self._sizes))
        # The place of each text: the add's first place, plus how many texts of that add came before.
        starts = np.repeat(np.array(self._places, dtype=np.int64) - (np.cumsum(counts) - counts), counts)
        places = np.repeat((starts + np.arange(len(sizes))).astype(np.int32), sizes)
        weights = np.repeat(np.repeat(np.array(self._weights, dtype=np.float64), counts), sizes)
        # Places were added in order: sorting by word alone, stably, sorts by word and then place.
        order = np.argsort(ids, kind="stable")
        ids, places, weights = ids[order], places[order], weights[order]
        first = np.ones(len(ids), dtype=np.bool_)
        first[1:] = (ids[1:] != ids[:-1]) | (places[1:] != places[:-1])
        starts = np.flatnonzero(first)
        ids, self.places = ids[starts], places[starts]
        self.weights = np.maximum.reduceat(weights, starts) if len(starts) else weights
        bounds = np.searchsorted(ids, np.arange(len(vocabulary) + 1)).tolist()
        self._slices = {
            word: (bounds[i], bounds[i + 1]) for i, word in enumerate(vocabulary) if bounds[i] < bounds[i + 1]
        }
        self._words, self._sizes, self._places, self._weights = [], [], [], []
        return self

    @property
    def words(self) -> Iterable[str]:
        return self._slices.keys()

    def of(self, word: str) -> tuple[Places, Floats]:
        """The places that hold `word` (in order) and what it weighs in each; none if no place does."""
        start, end = self._slices.get(word, (0, 0))
        return self.places[start:end], self.weights[start:end]


def _scored_by(scores: dict[str, float]) -> Callable[[str], float]:
    return lambda word: scores.get(word, 0.0)


@attrs.frozen
class _Term:
    """What one query word found in the indexed types."""

    titles: dict[str, float]  # title word -> how well the term matches it
    others: dict[str, float]  # word of the other texts -> how well the term matches it
    best: Floats  # per type: its best match, weighted by the field it is in (0: none)
    sure: npt.NDArray[np.bool_]  # per type: it holds the word itself or a form of it
    meets: npt.NDArray[np.intp]  # the meeting texts that hold it surely
    # Type -> its best match in each field, for the types built in full: while a sentence is typed,
    # the best types stay much the same, and only the word being typed is new work.
    built: dict[int, tuple[Reason, ...]] = attrs.field(factory=dict, eq=False)

    def reasons(self, n: int, entry: Entry, term: str) -> tuple[Reason, ...]:
        """The best match of this word in each field of indexed type `n` (`entry`), in field order."""
        found = self.built.get(n)
        if found is None:
            found = self.built[n] = tuple(self._reasons(entry, term) if self.best[n] else ())
        return found

    def _reasons(self, entry: Entry, term: str) -> Iterator[Reason]:
        for field in FIELD_WEIGHTS:
            scores = self.titles if field == "title" else self.others
            # Texts without a word that matches cannot be the best (their best is 0): most are not.
            texts = (text for text in entry.texts(field) if not scores.keys().isdisjoint(words(text)))
            quality, text = best_of(texts, _scored_by(scores))
            if text is not None:
                yield Reason(term, field, text, quality)


class Index:
    """Built once per library; best(..., index=) then answers exactly what the scan answers, in
    the same order, for the entries it was built with (others searched with them are scanned)."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        with paused_collector():  # many small objects, no garbage: see playbook.bulk
            self._entries = tuple(entries)  # held, so that no id below is reused by another object
            self._place = {id(entry): n for n, entry in enumerate(self._entries)}
            self._listed: dict[str | None, list[Entry]] = {None: list(self._entries)}
            for entry in self._entries:
                self._listed.setdefault(entry.category, []).append(entry)
            self._codes = {
                category: code for code, category in enumerate(dict.fromkeys(e.category for e in self._entries))
            }
            self._category = np.array([self._codes[e.category] for e in self._entries], dtype=np.int32)
            # The scan's order among equal scores: the title, then the place in the pool.
            order = sorted(range(len(self._entries)), key=lambda n: (self._entries[n].title.lower(), n))
            self._rank = np.empty(len(self._entries), dtype=np.int32)
            self._rank[order] = np.arange(len(self._entries), dtype=np.int32)
            ids: dict[str, int] = {}  # each distinct word's id
            split: dict[str, tuple[tuple[int, ...], int]] = {}  # text -> its word ids, the query words covering it
            # Texts -> their word ids, one after another, how many each has and how many query words
            # it takes to cover each. Libraries repeat texts and sets of texts: each is read once.
            known: dict[tuple[str, ...], tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]] = {}

            def one(text: str) -> tuple[tuple[int, ...], int]:
                found = split.get(text)
                if found is None:
                    held = tuple(dict.fromkeys(ids.setdefault(w, len(ids)) for w in words(text)))
                    found = split[text] = (held, len(terms(text)))
                return found

            def read(texts: tuple[str, ...]) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
                found = known.get(texts)
                if found is None:
                    each = [one(text) for text in texts]
                    found = known[texts] = (
                        tuple(chain.from_iterable(held for held, _ in each)),
                        tuple(len(held) for held, _ in each),
                        tuple(covers for _, covers in each),
                    )
                return found

            titles, others, meetings = _Postings(), _Postings(), _Postings()
            meeting_of: list[int] = []  # per meeting text: its type
            meeting_weight: list[float] = []  # what a meeting there weighs
            meeting_size: list[int] = []  # how many query words it takes to cover it
            for n, entry in enumerate(self._entries):
                titles.add(read((entry.title,))[0], n)
                for field in OTHER_FIELDS:
                    others.add(read(entry.texts(field))[0], n, FIELD_WEIGHTS[field])
                for field, weight in MEETING:
                    held, sizes, covers = read(entry.texts(field))
                    meetings.add(held, len(meeting_of), sizes=sizes)
                    meeting_of += [n] * len(sizes)
                    meeting_weight += [weight] * len(sizes)
                    meeting_size += covers
            vocabulary = list(ids)
            self._titles, self._others = titles.pack(vocabulary), others.pack(vocabulary)
            self._meetings = meetings.pack(vocabulary)
            self._title_words = Vocabulary(self._titles.words, abbreviations=True)  # abbreviations: in titles only
            self._other_words = Vocabulary(self._others.words, abbreviations=False)
            self._meeting_of = np.array(meeting_of, dtype=np.int32)
            self._meeting_weight = np.array(meeting_weight, dtype=np.float64)
            self._meeting_size = np.array(meeting_size, dtype=np.float64)
            self._found: dict[str, _Term] = {}  # kept while the sentence is typed; forgotten when too many

    # -- one query word -----------------------------------------------------------------------

    def _term(self, term: str) -> _Term:
        found = self._found.get(term)
        if found is None:
            if len(self._found) > REMEMBERED:
                self._found.clear()
            size = len(self._entries)
            best, sure = np.zeros(size), np.zeros(size, dtype=np.bool_)
            titles, others = self._title_words.scores(term), self._other_words.scores(term)
            for word, quality in titles.items():
                places, _ = self._titles.of(word)
                best[places] = np.maximum(best[places], quality * TITLE)
                if quality >= SURE:
                    sure[places] = True
            meets: list[Places] = []
            for word, quality in others.items():
                places, weights = self._others.of(word)
                best[places] = np.maximum(best[places], quality * weights)
                if quality >= SURE:
                    sure[places] = True
                    meets.append(self._meetings.of(word)[0])
            held = np.zeros(len(self._meeting_of), dtype=np.bool_)  # a mask, not a sort: "our" is in many
            for places in meets:
                held[places] = True
            found = self._found[term] = _Term(titles, others, best, sure, np.flatnonzero(held))
        return found

    # -- the query ----------------------------------------------------------------------------

    def best(self, query_terms: list[str], pool: list[Entry], category: str | None, limit: int | None) -> Found | None:
        """What search.best answers for these query words over `pool` (the entries searched, of the
        category); None if the pool holds indexed entries other than this index's, or in another order."""
        if not pool:
            return Found((), 0)
        listed = self._listed.get(category, [])
        outside: list[Entry] = []
        if pool != listed:
            if [e for e in pool if id(e) in self._place] != listed:
                return None
            outside = [e for e in pool if id(e) not in self._place]
        found = [self._term(term) for term in query_terms]
        inside = None if category is None else self._category == self._codes.get(category, -1)
        rarity = rarities(
            {
                term: int(np.count_nonzero(t.sure if inside is None else t.sure & inside))
                + sum(holds(term, e) for e in outside)
                for term, t in zip(query_terms, found, strict=True)
            },
            len(pool),
        )
        scores, matched, together = self._scores(query_terms, found, rarity)
        candidates = np.flatnonzero(matched > 0 if inside is None else (matched > 0) & inside)
        # The scan's order: best score, then more words matched, then the title and the place.
        ranked = candidates[np.lexsort((self._rank[candidates], -matched[candidates], -scores[candidates]))]
        chosen = [self._hit(int(n), query_terms, found, rarity, float(together[n])) for n in ranked[:limit]]
        total = len(candidates)
        if outside:  # scanned, and placed among the indexed hits by their place in the pool
            place = {id(e): n for n, e in enumerate(pool)}
            scanned = [hit for e in outside if (hit := entry_hit(query_terms, e, rarity))]
            total += len(scanned)
            chosen = sorted(
                chosen + scanned, key=lambda h: (-h.score, -h.matched, h.entry.title.lower(), place[id(h.entry)])
            )[:limit]
        top = chosen[0].score if chosen else 0.0
        return Found(tuple(attrs.evolve(h, weak=h.score < WEAK_BELOW * top) for h in chosen), total)

    def _scores(
        self, query_terms: Sequence[str], found: Sequence[_Term], rarity: dict[str, float]
    ) -> tuple[Floats, npt.NDArray[np.int32], Floats]:
        """Every indexed type's score, how many query words it matched and what its words that meet
        in one phrase add: search.hit_from's and search.together's sums, in their order, over all
        types at once."""
        size = len(self._entries)
        total, matched, share = np.zeros(size), np.zeros(size, dtype=np.int32), np.zeros(size)
        held, weight = np.zeros(len(self._meeting_of), dtype=np.int32), np.zeros(len(self._meeting_of))
        for term, t in zip(query_terms, found, strict=True):
            total += t.best * rarity[term]
            matched += t.best > 0
            share += np.where(t.best > 0, rarity[term], 0.0)
            held[t.meets] += 1
            weight[t.meets] += rarity[term]
        # search.together: words that meet in one phrase count once more, the best phrase of each type.
        met = np.flatnonzero(held >= 2)
        coverage = np.minimum(1.0, held[met] / self._meeting_size[met])
        together = np.zeros(size)
        np.maximum.at(together, self._meeting_of[met], self._meeting_weight[met] * coverage * weight[met])
        total += together
        total *= share / sum(rarity[term] for term in query_terms)
        return total, matched, together

    def _hit(
        self, n: int, query_terms: Sequence[str], found: Sequence[_Term], rarity: dict[str, float], together: float
    ) -> Hit:
        """The hit for indexed type `n`, its reasons read from what each query word matched."""
        entry = self._entries[n]
        matches = [t.reasons(n, entry, term) for term, t in zip(query_terms, found, strict=True)]
        hit = hit_from(entry, query_terms, matches, lambda: together, rarity)
        assert hit is not None  # only types that some query word matches are built
        return hit

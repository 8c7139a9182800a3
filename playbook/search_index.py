"""Search that scales with the library: each keystroke does work for the new query word and
for the kinds of type it meets, not for every type.

A type's score depends on its title and on its other texts (synonyms, tags, category, cues).
Types that share those other texts (a kind) and match the query words in their titles equally
score exactly alike, so a search scores one member of each such group, ranks the groups, and
builds hits only for the best few members. Each query word is matched once against the distinct
words of the library, and what it found is kept while the next words are typed.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby
from operator import itemgetter

import attrs

from playbook.search import (
    MEETING,
    SURE,
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
    together,
    word_score,
    words,
)

OTHER_FIELDS = ("synonym", "tag", "category", "cue")  # every field but the title, in field order
REMEMBERED = 1024  # query words whose matches are kept; more are forgotten at once


class _Words:
    """Distinct words, looked up by what a query word needs of them to match at all."""

    def __init__(self, found: Iterable[str]) -> None:
        self.words = tuple(dict.fromkeys(found))
        # One typo (a changed, added, dropped or swapped letter) keeps the first letter, or one
        # of these pairs of letters, in place: _one_edit's own quick test, turned into look-ups.
        self._near: tuple[dict[str, list[str]], ...] = ({}, {}, {}, {})
        for word in self.words:
            for keys, key in zip(self._near, (word[:1], word[1:3], word[2:4], word[:2]), strict=True):
                keys.setdefault(key, []).append(word)

    def may_match(self, term: str, abbreviations: bool) -> set[str]:
        """A superset of the words that word_match(term, word, abbreviations) scores above 0."""
        if len(term) < 3:  # the word itself or its start only
            return {w for w in self.words if w.startswith(term)}
        found = {w for w in self.words if term in w}
        first, second, third, shifted = self._near
        if abbreviations or len(term) >= 5:
            found.update(first.get(term[:1], ()))
        if len(term) >= 5:
            for keys, key in ((second, term[1:3]), (third, term[2:4]), (shifted, term[1:3]), (second, term[:2])):
                found.update(keys.get(key, ()))
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

    def __iter__(self) -> Iterator[str]:
        return iter(self._words.words)

    def scores(self, term: str) -> dict[str, float]:
        """Word -> word_score(term, word), for the words it scores above 0."""
        found = self._words.may_match(term, self._abbreviations)
        root = stem(term)
        if root != term:  # another form of the word: the word, or its stem, matches the term's stem
            found |= self._words.may_match(root, False)
            for matched in self._stems.may_match(root, False):
                found.update(self._forms[matched])
        return {w: score for w in found if (score := word_score(term, w, self._abbreviations)) > 0}


@attrs.frozen
class KindMatch:
    """How one query word matches the texts shared by a kind of type (all but the title)."""

    reasons: tuple[Reason, ...]  # the best match in each field that matched, in field order
    sure: bool  # the word itself or a form of it is there (what counts for the word's rarity)
    held: tuple[int, ...]  # which meeting texts (MEETING's fields, in order) hold it surely


class Kind:
    """Types that share every text but the title: a query word matches them all alike there."""

    def __init__(self, sample: Entry) -> None:
        self.sample = sample
        self.category = sample.category
        self.members: list[int] = []  # the index's entries of this kind, in order
        self.fields = [(field, sample.texts(field), _words_of(sample.texts(field))) for field in OTHER_FIELDS]
        self.meeting = [(weight, text, _words_of((text,))) for field, weight in MEETING for text in sample.texts(field)]

    def match(self, term: str, scores: dict[str, float], sure: set[str]) -> KindMatch:
        """How `term` matches here, given its score on each word it matches at all."""
        score = lambda word: scores.get(word, 0.0)  # noqa: E731
        reasons = []
        for field, texts, held in self.fields:
            if not held.isdisjoint(scores):
                quality, text = best_of(texts, score)
                if text is not None:
                    reasons.append(Reason(term, field, text, quality))
        meets = tuple(n for n, (_, _, held) in enumerate(self.meeting) if not held.isdisjoint(sure))
        return KindMatch(tuple(reasons), any(r.quality >= SURE for r in reasons), meets)


def _words_of(texts: Iterable[str]) -> frozenset[str]:
    return frozenset(w for text in texts for w in words(text))


Group = tuple[int, tuple[float, ...]]  # a kind, and how well each query word matches the title
Titled = tuple[dict[int, tuple[float, ...]], dict[Group, list[int]], dict[int, int]]


class Index:
    """Built once per library; best(..., index=) then answers exactly what the scan answers, in
    the same order, for the entries it was built with (others searched with them are scanned)."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._entries = tuple(entries)  # held, so that no id below is reused by another object
        self._place = {id(entry): n for n, entry in enumerate(self._entries)}
        self._listed: dict[str | None, list[Entry]] = {None: list(self._entries)}
        found: dict[tuple, int] = {}
        self._kinds: list[Kind] = []
        self._kind_of: list[int] = []
        titled: dict[str, list[int]] = {}  # title word -> entries
        worded: dict[str, set[int]] = {}  # word of the other texts -> kinds
        for n, entry in enumerate(self._entries):
            self._listed.setdefault(entry.category, []).append(entry)
            kind = found.setdefault((entry.category, *(entry.texts(f) for f in OTHER_FIELDS)), len(found))
            if kind == len(self._kinds):
                self._kinds.append(Kind(entry))
                for _, _, held in self._kinds[kind].fields:
                    for word in held:
                        worded.setdefault(word, set()).add(kind)
            self._kinds[kind].members.append(n)
            self._kind_of.append(kind)
            for word in set(words(entry.title)):
                titled.setdefault(word, []).append(n)
        self._titled, self._worded = titled, worded
        self._title_key = [entry.title.lower() for entry in self._entries]
        self._title_words = Vocabulary(titled, abbreviations=True)  # abbreviations: titles only
        self._other_words = Vocabulary(worded, abbreviations=False)
        # What each query word found, kept while the sentence is typed; forgotten when too many.
        self._titles: dict[str, dict[int, float]] = {}
        self._matches: dict[str, dict[int, KindMatch]] = {}
        self._counts: dict[tuple[str, str | None], int] = {}
        self._profiles: dict[tuple[str, ...], Titled] = {}

    # -- one query word -----------------------------------------------------------------------

    def _title_matches(self, term: str) -> dict[int, float]:
        """Entry -> how well `term` matches its title, for the titles it matches at all."""
        found = self._titles.get(term)
        if found is None:
            self._forget_if_full()
            found = {}
            for word, quality in self._title_words.scores(term).items():
                for n in self._titled[word]:
                    if quality > found.get(n, 0.0):
                        found[n] = quality
            self._titles[term] = found
        return found

    def _kind_matches(self, term: str) -> dict[int, KindMatch]:
        """Kind -> how `term` matches its other texts, for the kinds it matches at all."""
        found = self._matches.get(term)
        if found is None:
            self._forget_if_full()
            scores = self._other_words.scores(term)
            sure = {word for word, score in scores.items() if score >= SURE}
            kinds = set().union(*(self._worded[word] for word in scores))
            found = {kind: self._kinds[kind].match(term, scores, sure) for kind in sorted(kinds)}
            self._matches[term] = found
        return found

    def _forget_if_full(self) -> None:
        if len(self._titles) + len(self._matches) > 2 * REMEMBERED:
            self._titles.clear()
            self._matches.clear()
            self._counts.clear()
            self._profiles.clear()

    def _found_in(self, term: str, category: str | None) -> int:
        """How many indexed entries (of the category) hold `term` surely: what the scan counts."""
        count = self._counts.get((term, category))
        if count is None:
            kinds = self._kind_matches(term)
            sure = {k for k, match in kinds.items() if match.sure and self._in(k, category)}
            count = sum(len(self._kinds[k].members) for k in sure)
            for n, quality in self._title_matches(term).items():
                kind = self._kind_of[n]
                count += quality >= SURE and kind not in sure and self._in(kind, category)
            self._counts[(term, category)] = count
        return count

    def _in(self, kind: int, category: str | None) -> bool:
        return category is None or self._kinds[kind].category == category

    # -- the query ----------------------------------------------------------------------------

    def _titled_groups(self, query_terms: tuple[str, ...]) -> Titled:
        """For the entries whose titles match any query word: how well each word matches the
        title (entry -> profile), the groups of a kind and profile, and how many of each kind
        there are. Built on the words before the last, which stay while a word is typed."""
        found = self._profiles.get(query_terms)
        if found is None:
            *before, last = query_terms
            earlier = self._titled_groups(tuple(before))[0] if before else {}
            titles = self._title_matches(last)
            profiles = {n: profile + (titles.get(n, 0.0),) for n, profile in earlier.items()}
            blank = (0.0,) * len(before)
            profiles.update((n, blank + (quality,)) for n, quality in titles.items() if n not in earlier)
            groups: dict[Group, list[int]] = {}
            counts: dict[int, int] = {}
            for n, profile in profiles.items():
                kind = self._kind_of[n]
                groups.setdefault((kind, profile), []).append(n)
                counts[kind] = counts.get(kind, 0) + 1
            if len(self._profiles) > 64:
                self._profiles.clear()
            found = self._profiles[query_terms] = (profiles, groups, counts)
        return found

    def _hit(
        self, n: int, query_terms: Sequence[str], profile: Sequence[float], rarity: dict[str, float]
    ) -> Hit | None:
        """What the scan finds for indexed entry `n`, whose title matches the words as `profile` says."""
        entry, kind = self._entries[n], self._kind_of[n]
        kinds = [self._kind_matches(term).get(kind) for term in query_terms]
        matches = [
            ([Reason(term, "title", entry.title, quality)] if quality > 0 else [])
            + list(match.reasons if match else ())
            for term, quality, match in zip(query_terms, profile, kinds, strict=True)
        ]
        return hit_from(entry, query_terms, matches, lambda: self._together(kind, query_terms, kinds, rarity), rarity)

    def _together(
        self, kind: int, query_terms: Sequence[str], kinds: list[KindMatch | None], rarity: dict[str, float]
    ) -> float:
        held: dict[int, list[str]] = {}
        for term, match in zip(query_terms, kinds, strict=True):
            for n in match.held if match else ():
                held.setdefault(n, []).append(term)
        meeting = self._kinds[kind].meeting
        return together(((meeting[n][0], meeting[n][1], terms) for n, terms in held.items()), rarity)

    def best(self, query_terms: list[str], pool: list[Entry], category: str | None, limit: int | None) -> Found | None:
        """What search.best answers for these query words over `pool` (the entries searched, of the
        category); None if the pool holds indexed entries other than this index's, or in another order."""
        listed = self._listed.get(category, [])
        place: dict[int, int] | None = None  # where each entry is in the pool, if not as indexed
        outside: list[Entry] = []
        if pool != listed:
            if [e for e in pool if id(e) in self._place] != listed:
                return None
            outside = [e for e in pool if id(e) not in self._place]
            place = {id(e): n for n, e in enumerate(pool)}
        found_in = {t: self._found_in(t, category) + sum(holds(t, e) for e in outside) for t in query_terms}
        rarity = rarities(found_in, len(pool))
        terms = tuple(query_terms)
        profiles, titled, counts = self._titled_groups(terms)
        blank = (0.0,) * len(terms)
        groups = {group: len(members) for group, members in titled.items() if self._in(group[0], category)}
        for kind in set().union(*(self._kind_matches(t) for t in terms)):
            if self._in(kind, category) and (rest := len(self._kinds[kind].members) - counts.get(kind, 0)):
                groups[(kind, blank)] = rest

        def members(group: Group) -> list[int]:
            if group[1] == blank:  # the kind's entries whose titles match no query word
                return [n for n in self._kinds[group[0]].members if n not in profiles]
            return titled[group]

        # Each group is scored once, on one member; the pool's other entries one by one.
        ranked: list[tuple[Hit, Group | None, int]] = []
        for group, size in groups.items():
            if (hit := self._hit(members(group)[0], terms, group[1], rarity)) is not None:
                ranked.append((hit, group, size))
        ranked += [(hit, None, 1) for e in outside if (hit := entry_hit(query_terms, e, rarity)) is not None]
        ranked.sort(key=lambda r: (-r[0].score, -r[0].matched))
        top = ranked[0][0].score if ranked else 0.0

        def order(n: int) -> tuple[str, int]:
            # The scan's order among equals: the title, then the place in the pool.
            return self._title_key[n], n if place is None else place[id(self._entries[n])]

        def outside_order(hit: Hit) -> tuple[str, int]:
            return hit.entry.title.lower(), place[id(hit.entry)] if place else 0

        hits: list[Hit] = []
        for (score, _), tier in groupby(ranked, key=lambda r: (r[0].score, r[0].matched)):
            room = None if limit is None else limit - len(hits)
            if room is not None and room <= 0:
                break
            items = [
                (order(n), n, hit)
                if group
                else ((hit.entry.title.lower(), place[id(hit.entry)] if place else 0), -1, hit)
                for hit, group, _ in tier
                for n in (members(group) if group else [-1])
            ]
            fits = room is None or len(items) <= room
            shown = sorted(items, key=itemgetter(0)) if fits else heapq.nsmallest(room or 0, items, key=itemgetter(0))
            weak = score < WEAK_BELOW * top
            hits += [self._as(hit, n, weak) for _, n, hit in shown]
        return Found(tuple(hits), sum(size for _, _, size in ranked))

    def _as(self, hit: Hit, n: int, weak: bool) -> Hit:
        """The hit for entry `n` (-1: the hit's own) from the hit of another entry of its group:
        the same in all but the entry and the title its title matches name."""
        entry = hit.entry if n < 0 else self._entries[n]
        reasons = tuple(attrs.evolve(r, text=entry.title) if r.field == "title" else r for r in hit.reasons)
        return Hit(entry, hit.score, hit.matched, hit.cues, reasons, weak)

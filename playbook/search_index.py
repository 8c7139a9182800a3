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
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import groupby, islice
from operator import itemgetter

import attrs

from playbook.bulk import paused_collector
from playbook.search import (
    MEETING,
    SURE,
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
    together,
    word_score,
    words,
)

OTHER_FIELDS = ("synonym", "tag", "category", "cue")  # every field but the title, in field order
REMEMBERED = 256  # query words whose matches are kept (a sentence is some 80 keystrokes); then forgotten


class _Words:
    """Distinct words, looked up by what a query word needs of them to match at all."""

    def __init__(self, found: Iterable[str]) -> None:
        self.words = tuple(dict.fromkeys(found))
        self._first: dict[str, list[str]] = {}  # first letter -> words (abbreviations)
        self._pairs: dict[tuple[int, str], list[str]] = {}  # (where, two letters) -> words (typos)
        for word in self.words:
            self._first.setdefault(word[:1], []).append(word)
            for i in {i for i, _ in TYPO_PAIRS}:
                self._pairs.setdefault((i, word[i : i + 2]), []).append(word)

    def may_match(self, term: str, abbreviations: bool) -> set[str]:
        """A superset of the words that word_match(term, word, abbreviations) scores above 0."""
        if len(term) < 3:  # the word itself or its start only
            return {w for w in self.words if w.startswith(term)}
        found = {w for w in self.words if term in w}
        if abbreviations:
            found.update(self._first.get(term[:1], ()))
        if len(term) >= 5:
            for i, j in TYPO_PAIRS:
                found.update(self._pairs.get((i, term[j : j + 2]), ()))
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


@attrs.frozen
class KindMatch:
    """How one query word matches the texts shared by a kind of type (all but the title)."""

    reasons: tuple[Reason, ...]  # the best match in each field that matched, in field order
    sure: bool  # the word itself or a form of it is there (what counts for the word's rarity)
    held: tuple[int, ...]  # which meeting texts (MEETING's fields, in order) hold it surely


class Kind:
    """Types that share every text but the title: a query word matches them all alike there."""

    def __init__(self, sample: Entry, words_of: Callable[[str], tuple[str, ...]]) -> None:
        self.category = sample.category
        self.members: list[int] = []  # the index's entries of this kind, in order
        # Each text with its words, the words held once by the index (a library's texts share most).
        self.fields = [(field, [(text, words_of(text)) for text in sample.texts(field)]) for field in OTHER_FIELDS]
        held = dict(text for _, texts in self.fields for text in texts)
        self.meeting = [(weight, text, held[text]) for field, weight in MEETING for text in sample.texts(field)]

    def words(self) -> set[str]:
        return {word for _, texts in self.fields for _, held in texts for word in held}

    def match(self, term: str, scores: dict[str, float], sure: set[str]) -> KindMatch:
        """How `term` matches here, given its score on each word it matches at all."""

        def score(word: str) -> float:
            return scores.get(word, 0.0)

        matched, reasons = scores.keys(), []
        for field, texts in self.fields:
            # Texts without a word that matches cannot be the best (their best is 0).
            quality, text = best_of((text for text, held in texts if not matched.isdisjoint(held)), score)
            if text is not None:
                reasons.append(Reason(term, field, text, quality))
        meets = tuple(n for n, (_, _, held) in enumerate(self.meeting) if not sure.isdisjoint(held))
        return KindMatch(tuple(reasons), any(r.quality >= SURE for r in reasons), meets)


Group = tuple[int, tuple[float, ...]]  # a kind, and how well each query word matches the title
Profiles = dict[int, tuple[float, ...]]  # title class -> how well each query word matches its title


class Titles:
    """The entries' titles in classes: the entries of one kind whose titles hold the same words.
    Without `numbers`, words made only of digits are left out ("Fire 1", "Fire 2" are one
    class): they match only query words with a digit, which search the classes with them."""

    def __init__(
        self, entries: Sequence[Entry], kind_of: list[int], order: list[tuple[str, int]], numbers: bool
    ) -> None:
        found: dict[tuple[int, frozenset[str]], int] = {}
        self.kind: list[int] = []
        self.members: list[list[int]] = []
        self.class_of: list[int] = []
        self._holding: dict[str, list[int]] = {}  # word -> the classes whose titles hold it
        for n, entry in enumerate(entries):
            held = frozenset(w for w in words(entry.title) if numbers or not w.isdigit())
            title = found.setdefault((kind_of[n], held), len(found))
            if title == len(self.members):
                self.kind.append(kind_of[n])
                self.members.append([])
                for word in held:
                    self._holding.setdefault(word, []).append(title)
            self.members[title].append(n)
            self.class_of.append(title)
        for members in self.members:  # in the scan's order among equals: one is merged with others
            members.sort(key=order.__getitem__)
        self._words = Vocabulary(self._holding, abbreviations=True)  # abbreviations: in titles only
        self._matches: dict[str, dict[int, float]] = {}
        self._profiles: dict[tuple[str, ...], tuple[Profiles, dict[Group, tuple[list[int], int]], dict[int, int]]] = {}

    def matches(self, term: str) -> dict[int, float]:
        """Class -> how well `term` matches its title, for the titles it matches at all."""
        found = self._matches.get(term)
        if found is None:
            if len(self._matches) > REMEMBERED:
                self._matches.clear()
            found = {}
            for word, quality in self._words.scores(term).items():
                for title in self._holding[word]:
                    if quality > found.get(title, 0.0):
                        found[title] = quality
            self._matches[term] = found
        return found

    def titled(
        self, query_terms: tuple[str, ...]
    ) -> tuple[Profiles, dict[Group, tuple[list[int], int]], dict[int, int]]:
        """For the classes whose titles match any query word: how well each word matches (class ->
        profile); their groups of one kind and profile, with how many entries each has; and how
        many entries of each kind they hold. Built on the words before the last, which stay
        while a word is typed."""
        found = self._profiles.get(query_terms)
        if found is None:
            *before, last = query_terms
            earlier = self.titled(tuple(before))[0] if before else {}
            matches = self.matches(last)
            profiles = {title: profile + (matches.get(title, 0.0),) for title, profile in earlier.items()}
            blank = (0.0,) * len(before)
            profiles.update((title, blank + (q,)) for title, q in matches.items() if title not in earlier)
            groups: dict[Group, tuple[list[int], int]] = {}
            counts: dict[int, int] = {}
            for title, profile in profiles.items():
                kind, size = self.kind[title], len(self.members[title])
                classes, entries = groups.get((kind, profile), ([], 0))
                groups[(kind, profile)] = ([*classes, title], entries + size)
                counts[kind] = counts.get(kind, 0) + size
            if len(self._profiles) > 64:
                self._profiles.clear()
            found = self._profiles[query_terms] = (profiles, groups, counts)
        return found


class Index:
    """Built once per library; best(..., index=) then answers exactly what the scan answers, in
    the same order, for the entries it was built with (others searched with them are scanned)."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        with paused_collector():  # many small objects, no garbage: see playbook.bulk
            self._entries = tuple(entries)  # held, so that no id below is reused by another object
            self._place = {id(entry): n for n, entry in enumerate(self._entries)}
            self._listed: dict[str | None, list[Entry]] = {None: list(self._entries)}
            found: dict[tuple, int] = {}
            self._kinds: list[Kind] = []
            self._kind_of: list[int] = []
            worded: dict[str, list[int]] = {}  # word of the other texts -> kinds
            one: dict[str, str] = {}  # each word as one string, however many texts hold it
            for n, entry in enumerate(self._entries):
                self._listed.setdefault(entry.category, []).append(entry)
                kind = found.setdefault((entry.category, *(entry.texts(f) for f in OTHER_FIELDS)), len(found))
                if kind == len(self._kinds):
                    self._kinds.append(Kind(entry, lambda text: tuple(one.setdefault(w, w) for w in words(text))))
                    for word in self._kinds[kind].words():
                        worded.setdefault(word, []).append(kind)
                self._kinds[kind].members.append(n)
                self._kind_of.append(kind)
            self._worded = worded
            self._other_words = Vocabulary(worded, abbreviations=False)
            # The scan's order among equal scores: the title, then the place in the pool.
            self._order = [(entry.title.lower(), n) for n, entry in enumerate(self._entries)]
            for alike in self._kinds:
                alike.members.sort(key=self._order.__getitem__)
            self._titles = Titles(self._entries, self._kind_of, self._order, numbers=False)
            self._numbered: Titles | None = None  # built for the first query word with a digit
            # What each query word found, kept while the sentence is typed; forgotten when too many.
            self._matches: dict[str, dict[int, KindMatch]] = {}
            self._counts: dict[tuple[str, str | None], int] = {}

    def _titles_for(self, query_terms: Iterable[str]) -> Titles:
        if not any(c.isdigit() for term in query_terms for c in term):
            return self._titles
        if self._numbered is None:
            self._numbered = Titles(self._entries, self._kind_of, self._order, numbers=True)
        return self._numbered

    # -- one query word -----------------------------------------------------------------------

    def _kind_matches(self, term: str) -> dict[int, KindMatch]:
        """Kind -> how `term` matches its other texts, for the kinds it matches at all."""
        found = self._matches.get(term)
        if found is None:
            if len(self._matches) > REMEMBERED:
                self._matches.clear()
                self._counts.clear()
            scores = self._other_words.scores(term)
            sure = {word for word, score in scores.items() if score >= SURE}
            kinds = set().union(*(self._worded[word] for word in scores))
            found = {kind: self._kinds[kind].match(term, scores, sure) for kind in sorted(kinds)}
            self._matches[term] = found
        return found

    def _found_in(self, term: str, category: str | None) -> int:
        """How many indexed entries (of the category) hold `term` surely: what the scan counts."""
        count = self._counts.get((term, category))
        if count is None:
            kinds = self._kind_matches(term)
            sure = {k for k, match in kinds.items() if match.sure and self._in(k, category)}
            count = sum(len(self._kinds[k].members) for k in sure)
            titles = self._titles_for([term])
            for title, quality in titles.matches(term).items():
                kind = titles.kind[title]
                if quality >= SURE and kind not in sure and self._in(kind, category):
                    count += len(titles.members[title])
            self._counts[(term, category)] = count
        return count

    def _in(self, kind: int, category: str | None) -> bool:
        return category is None or self._kinds[kind].category == category

    # -- the query ----------------------------------------------------------------------------

    def _hit(
        self, n: int, query_terms: Sequence[str], profile: Sequence[float], rarity: dict[str, float]
    ) -> Hit | None:
        """What the scan finds for indexed entry `n`, whose title the words match as `profile` says."""
        entry, kind = self._entries[n], self._kind_of[n]
        kinds = [self._kind_matches(term).get(kind) for term in query_terms]
        matches = [
            [Reason(term, "title", entry.title, quality)] * (quality > 0) + list(match.reasons if match else ())
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
        place: dict[int, int] = {}  # where each entry is in the pool, if not as indexed
        outside: list[Entry] = []
        if pool != listed:
            if [e for e in pool if id(e) in self._place] != listed:
                return None
            outside = [e for e in pool if id(e) not in self._place]
            place = {id(e): n for n, e in enumerate(pool)}
        found_in = {t: self._found_in(t, category) + sum(holds(t, e) for e in outside) for t in query_terms}
        rarity = rarities(found_in, len(pool))
        terms = tuple(query_terms)
        titles = self._titles_for(terms)
        profiles, titled, counts = titles.titled(terms)
        blank = (0.0,) * len(terms)

        def members(group: Group, classes: list[int]) -> Iterator[int]:
            """The group's entries in the scan's order among equals."""
            if not classes:  # the kind's entries whose titles match no query word
                return (n for n in self._kinds[group[0]].members if titles.class_of[n] not in profiles)
            return heapq.merge(*(titles.members[title] for title in classes), key=self._order.__getitem__)

        # Each group is scored once, on one of its entries; the pool's other entries one by one.
        ranked: list[tuple[Hit, Iterator[int], int]] = []
        for group, (classes, size) in titled.items():
            if self._in(group[0], category) and (
                hit := self._hit(titles.members[classes[0]][0], terms, group[1], rarity)
            ):
                ranked.append((hit, members(group, classes), size))
        for kind in set().union(*(self._kind_matches(t) for t in terms)):
            if self._in(kind, category) and (rest := len(self._kinds[kind].members) - counts.get(kind, 0)):
                hit = self._hit(self._kinds[kind].members[0], terms, blank, rarity)
                assert hit is not None  # a query word matches the kind's other texts
                ranked.append((hit, members((kind, blank), []), rest))
        ranked += [(hit, iter([-1]), 1) for e in outside if (hit := entry_hit(query_terms, e, rarity))]
        ranked.sort(key=lambda r: (-r[0].score, -r[0].matched))
        top = ranked[0][0].score if ranked else 0.0

        def ordered(hit: Hit, entries: Iterator[int]) -> Iterator[tuple[tuple[str, int], int, Hit]]:
            """The entries with their hit, keyed by the scan's order among equals."""
            for n in entries:
                entry = hit.entry if n < 0 else self._entries[n]
                yield (self._order[n] if not place else (entry.title.lower(), place[id(entry)])), n, hit

        hits: list[Hit] = []
        for (score, _), tier in groupby(ranked, key=lambda r: (r[0].score, r[0].matched)):
            room = None if limit is None else limit - len(hits)
            if room is not None and room <= 0:
                break
            tied = [ordered(hit, entries) for hit, entries, _ in tier]
            weak = score < WEAK_BELOW * top
            hits += [self._as(hit, n, weak) for _, n, hit in islice(heapq.merge(*tied, key=itemgetter(0)), room)]
        return Found(tuple(hits), sum(size for _, _, size in ranked))

    def _as(self, hit: Hit, n: int, weak: bool) -> Hit:
        """The hit for entry `n` (-1: the hit's own) from the hit of another entry of its group:
        the same in all but the entry and the title its title matches name."""
        entry = hit.entry if n < 0 else self._entries[n]
        reasons = tuple(attrs.evolve(r, text=entry.title) if r.field == "title" else r for r in hit.reasons)
        return Hit(entry, hit.score, hit.matched, hit.cues, reasons, weak)

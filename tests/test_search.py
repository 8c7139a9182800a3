"""Finding incident types from what a leader types: fragments, typos, filler words."""

from __future__ import annotations

from functools import cache

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from playbook.library import load
from playbook.paths import BUNDLED_LIBRARY
from playbook.search import (
    Entry,
    Found,
    _distance_one,
    _one_edit,
    best,
    search,
    stem,
    terms,
    word_match,
    word_score,
)
from playbook.search_index import Index, Vocabulary

RANSOMWARE = Entry(
    "ransomware",
    "Ransomware attack",
    "cyber",
    tags=("encryption", "extortion", "ransom note"),
    cues=(
        "Files renamed with an unknown extension that no program can open",
        "Many users at once cannot open shared drives",
    ),
    category_name="Cyber security",
)
OUTAGE = Entry(
    "website-outage",
    "Website outage",
    "outage",
    tags=("downtime",),
    cues=("Customers cannot log in to the website", "Pages time out"),
    category_name="Technology outage",
)
PHISHING = Entry(
    "phishing",
    "Phishing campaign",
    "cyber",
    tags=("email", "credentials"),
    cues=("Staff report an email asking them to log in",),
    category_name="Cyber security",
)
FIRE = Entry(
    "fire",
    "Building fire",
    "safety",
    tags=("evacuation",),
    cues=("Smoke and alarms",),
    category_name="Health and safety",
)
ALL = [RANSOMWARE, OUTAGE, PHISHING, FIRE]


def ids(query: str, category: str | None = None) -> list[str]:
    return [hit.entry.id for hit in search(query, ALL, category)]


def test_symptoms_in_a_leaders_words_find_the_type():
    assert ids("cannot log in, files renamed")[0] == "ransomware"


def test_types_matching_more_words_come_first():
    # "log in" matches three words of the outage cue but none of ransomware's.
    assert ids("customers cannot log in")[0] == "website-outage"


def test_a_title_word_beats_a_cue_word():
    assert ids("email")[0] == "phishing"
    assert ids("outage") == ["website-outage"]
    # The same words in one type's title and in another's cue only: the title must win, whatever
    # the order the types are listed in (and a cue weighted as much as a title would tie).
    titled = Entry("power-outage", "Power outage", "ops", cues=("Lights go out",))
    cued = Entry("depot", "Depot disruption", "ops", cues=("Staff report a power outage at the depot",))
    for pool in ([titled, cued], [cued, titled]):
        hits = search("power outage", pool)
        assert [h.entry.id for h in hits] == ["power-outage", "depot"]
        assert hits[0].score > hits[1].score


def test_half_words_typos_and_abbreviations_still_find_it():
    assert ids("rans")[0] == "ransomware"
    assert ids("ransomwre") == ["ransomware"]
    assert ids("evacuatoin") == ["fire"]
    assert ids("phsh")[0] == "phishing"


def test_filler_words_alone_do_not_match_everything_by_accident():
    assert terms("it is the files") == ["files"]
    assert ids("the files") == ["ransomware"]


def test_nothing_matches_nonsense():
    assert ids("zzqx") == []


def test_empty_query_lists_every_type_in_order():
    assert ids("") == [e.id for e in ALL]
    assert ids("   ,. ") == [e.id for e in ALL]


def test_category_narrows_before_matching():
    assert ids("", "cyber") == ["ransomware", "phishing"]
    # Equal matches ("cannot" in one, "log" in the other) fall back to title order.
    assert ids("cannot log in", "cyber") == ["phishing", "ransomware"]


def test_matched_cues_are_reported_so_the_preview_can_show_why():
    hit = search("files renamed", ALL)[0]
    assert hit.cues == (RANSOMWARE.cues[0],)
    assert hit.matched == 2


def test_single_letters_only_match_word_starts():
    assert word_match("r", "ransom") > 0
    assert word_match("r", "fire") == 0
    assert ids("b") == ["fire"]


@given(st.text(max_size=40))
def test_any_query_returns_a_subset_without_repeats(query):
    found = ids(query)
    assert len(found) == len(set(found))
    assert set(found) <= {e.id for e in ALL}


def test_abbreviations_match_names_but_not_long_cue_words():
    assert word_match("rnsm", "ransomware") > 0
    assert word_match("died", "designated", abbreviations=False) == 0
    assert ids("smk") == []  # "smoke" is only in a cue
    assert ids("evcn") == []  # "evacuation" is only a tag


def test_every_bundled_type_is_within_ten_keys_of_launch(bundled):
    """The app's quality bar, for every type: a few letters of its title put it first, then
    Enter, one digit per question (the deepest path) and Enter reach its response."""
    from playbook.search import words
    from playbook.triage import analyse

    library = bundled.library
    entries = [Entry.of(t, library.category(t.category).name) for t in library.types]
    too_far = []
    for incident in library.types:
        prefixes = [w[:n] for w in words(incident.title) for n in range(1, len(w) + 1)]
        query = min((p for p in prefixes if search(p, entries)[0].entry.id == incident.id), key=len, default=None)
        keys = (len(query) if query else 99) + 1 + analyse(incident, library).worst_case + 1
        if keys > 10:
            too_far.append((incident.id, query, keys))
    assert len(library.types) >= 2
    assert too_far == []


def test_contractions_and_possessives_do_not_leave_stray_letters():
    assert terms("customers can't pay") == ["customers", "cannot", "pay"]
    assert terms("there's smoke in the driver’s cab") == ["smoke", "driver", "cab"]
    assert terms("it isn't loading") == ["loading"]  # "is" is filler once "n't" is gone


def test_a_lone_letter_never_matches_inside_or_by_typo():
    assert word_match("t", "outage") == 0
    assert word_match("t", "time") == 0.5  # weaker than any real word start


def test_word_forms_meet_through_light_stemming():
    assert stem("fell") == stem("falls") == "fall"
    assert stem("threatening") == "threat"
    assert stem("hacked") == "hack"
    assert stem("glass") == "glass"  # not "glas"
    assert ids("evacuated") == ["fire"]  # the tag says "evacuation"


BUNDLED_QUERIES = [
    ("someone fell from the roof", {"workplace-fatality"}),
    ("the CFO is in hospital", {"key-executive-loss"}),
    ("regulators are at reception", {"regulator-dawn-raid"}),
    ("customers can't pay", {"major-customer-outage", "critical-vendor-outage"}),
    ("a video of our driver is going viral", {"social-media-crisis", "hostile-media-story"}),
    ("our supplier went bust", {"key-supplier-failure"}),
    ("storm warning for tomorrow", {"severe-weather"}),
    ("an employee is threatening colleagues", {"workplace-violence"}),
    ("fell", {"workplace-fatality"}),
    ("threatening", {"workplace-violence", "extortion-threat"}),
    ("hacked", {"ransomware", "business-email-compromise", "personal-data-breach"}),
]


@pytest.mark.parametrize(("query", "expected"), BUNDLED_QUERIES, ids=[q for q, _ in BUNDLED_QUERIES])
def test_what_leaders_type_puts_the_right_type_in_the_top_three(bundled, query, expected):
    library = bundled.library
    entries = [Entry.of(t, library.category(t.category).name) for t in library.types]
    hits = search(query, entries)
    top = [hit.entry.id for hit in hits[:3]]
    assert expected & set(top), top
    assert len(hits) < len(entries)  # a query that finds everything has found nothing


def test_the_index_answers_exactly_as_the_scan_on_the_bundled_library(bundled):
    """Every prefix of leaders' sentences, typos, abbreviations, stems, single letters, per
    category, and entries the index does not hold (files left out): the same hits in the same order."""
    from playbook.search import words

    library = bundled.library
    entries = [Entry.of(t, library.category(t.category).name) for t in library.types]
    index = Index(entries[:-3])  # the last three stand for types the index was not built with
    sentences = [
        "our main supplier just told us their warehouse flooded overnight and nothing can ship",
        "cannot log in, files renamed, ransom note on every screen",
        "rnsm phisihng ddos threatening falls fell leaked x b",
        *(cue for t in library.types[:2] for cue in t.recognise),
    ]
    queries = {s[:n] for s in sentences for n in range(1, len(s) + 1)}
    queries |= {w for t in library.types for w in words(t.title)}
    assert len(queries) > 200
    for query in sorted(queries):
        for category in (None, library.types[0].category):
            scanned = search(query, entries, category)
            assert search(query, entries, category, index) == scanned, (query, category)


@given(st.text(max_size=30))
def test_the_index_never_changes_an_answer(query):
    assert search(query, ALL, index=Index(ALL)) == search(query, ALL)


# -- the index on large libraries: copies of the bundled types, as benchmarks/load_library.py makes

SENTENCE = "our main supplier just told us their warehouse flooded overnight and nothing can ship"


@cache
def _copies() -> list[Entry]:
    """Three rounds of the bundled types under new ids and numbered titles (the benchmark's
    library: a word matches every copy of its type alike), and a fourth round with the titles
    unchanged, so equal scores and equal titles meet and only the place in the list decides."""
    library = load(BUNDLED_LIBRARY).library
    assert library is not None
    types = [Entry.of(t, library.category(t.category).name) for t in library.types]
    rounds = [[attrs.evolve(e, id=f"{e.id}-{n}", title=f"{e.title} {n}") for e in types] for n in range(3)]
    return [e for round in rounds for e in round] + [attrs.evolve(e, id=f"{e.id}-same") for e in types]


@cache
def _copies_index() -> Index:
    return Index(_copies())  # one for all examples: what it keeps of earlier words is tested too


@pytest.fixture
def copies() -> list[Entry]:
    return _copies()


def _same_as_the_scan(query, entries, index, limit, category=None) -> Found:
    scanned = search(query, entries, category)
    found = best(query, entries, limit, category, index)
    assert found == Found(tuple(scanned[:limit]), len(scanned)), (query, limit, category)
    return found


def test_the_best_few_are_the_scans_first_few_also_when_the_cut_falls_among_equals(copies):
    index = Index(copies)
    cut_among_equals = 0
    queries = [SENTENCE[:n] for n in range(1, len(SENTENCE) + 1)]
    queries += ["fire", "ransomwre", "rnsm", "fell", "supplier 2", "2", "outage 10", "payments down"]
    for query in queries:
        for limit in (0, 1, 4, 50, None):
            found = _same_as_the_scan(query, copies, index, limit)
            whole = search(query, copies)
            if limit and limit < len(whole) and whole[limit - 1].score == whole[limit].score:
                cut_among_equals += 1
            assert found.more == found.total - len(found.hits)
    assert cut_among_equals > 20  # the cut often falls inside a run of equal scores


def test_a_category_and_types_the_index_does_not_hold_are_searched_as_the_scan_does(copies):
    index = Index(copies[:100])
    # Left out of the index: the rest, interleaved with indexed ones (equal titles and scores).
    mixed = [e for pair in zip(copies[:100], copies[100:], strict=False) for e in pair] + copies[len(copies) - 100 :]
    mixed = list(dict.fromkeys(mixed))
    categories = sorted({e.category for e in copies})
    for query in ("supplier", "fire", "main suppl", "outage 1", "x"):
        for category in (None, *categories[:3], "no-such-category"):
            for limit in (1, 7, None):
                _same_as_the_scan(query, copies, index, limit, category)
                _same_as_the_scan(query, mixed, index, limit, category)
                _same_as_the_scan(query, list(reversed(copies)), index, limit, category)  # another order


def test_an_empty_query_lists_the_first_types_in_order_and_counts_them_all(copies):
    found = best("", copies, 5, index=Index(copies))
    assert [h.entry for h in found.hits] == copies[:5]
    assert (found.total, found.more) == (len(copies), len(copies) - 5)


_LETTERS = "aeinorstuldphcmwgfby1'"


def _examples(cases):
    """Hypothesis examples, each always tried, for a test of two arguments."""

    def apply(test):
        for case in cases:
            test = example(*case)(test)
        return test

    return apply


@settings(deadline=None)  # the scan it is checked against takes its time
@given(st.lists(st.text(alphabet=_LETTERS, min_size=1, max_size=9), min_size=1, max_size=4), st.integers(0, 12))
def test_any_typed_words_find_what_the_scan_finds(typed, limit):
    query, entries = " ".join(typed), _copies()
    _same_as_the_scan(query, entries, _copies_index(), limit)
    _same_as_the_scan(query, entries, _copies_index(), limit, entries[0].category)


# Each kind of typo at the first letters, where a quick test may wrongly turn it away, and later.
TYPOS = [
    ("abcde", word)
    for word in ("xbcde", "axcde", "bacde", "acbde", "bcde", "acde", "xabcde", "axbcde", "abxde", "abdce", "abcdxe")
]


@_examples([(term, {word, word + "s"}) for term, word in TYPOS])
@given(st.text(alphabet=_LETTERS, min_size=1, max_size=9), st.sets(st.text(alphabet=_LETTERS, min_size=1, max_size=12)))
def test_the_vocabulary_tries_every_word_a_query_word_can_match(term, found):
    for abbreviations in (True, False):
        expected = {w: s for w in found if (s := word_score(term, w, abbreviations)) > 0}
        assert Vocabulary(found, abbreviations).scores(term) == expected


@_examples(TYPOS)
@given(st.text(alphabet="abcde", min_size=5, max_size=8), st.text(alphabet="abcde", max_size=9))
def test_the_quick_typo_test_never_turns_a_typo_away(term, word):
    slow = any(_distance_one(term, w) for w in (word, word[: len(term)], word[: len(term) - 1]))
    assert _one_edit(term, word) == slow
    if (term, word) in TYPOS:
        assert slow


def test_the_index_answers_alike_once_it_has_forgotten_earlier_words(monkeypatch, copies):
    from playbook import search_index

    monkeypatch.setattr(search_index, "REMEMBERED", 2)  # forgets all it kept every few words
    index = Index(copies)
    for n in range(1, len(SENTENCE) + 1, 3):
        _same_as_the_scan(SENTENCE[:n], copies, index, 5)
        _same_as_the_scan(SENTENCE[:n], copies, index, 5, copies[0].category)


# -- the index on types alike in no text: the benchmark's pessimistic library, small enough to scan


@cache
def _apart() -> list[Entry]:
    """Types that draw their texts at random from the bundled library's (benchmarks/apart.py),
    some under equal titles."""
    from benchmarks.apart import unalike

    types = _copies()[: len(_copies()) // 4]
    return unalike(types * 6, seed=11, spread=True)


@cache
def _apart_index() -> Index:
    return Index(_apart())


def test_on_types_alike_in_no_text_the_index_answers_as_the_scan(copies):
    entries = _apart()
    index = Index(entries)
    phrases = [e.cues[0] for e in entries[:6] if e.cues] + [e.synonyms[0] for e in entries[:6] if e.synonyms]
    queries = [SENTENCE[:n] for n in range(1, len(SENTENCE) + 1)] + phrases
    queries += ["fire", "ransomwre", "rnsm", "fell", "supplier 2", "2", "and", "x", "payments down"]
    categories = sorted({e.category for e in entries})
    for query in queries:
        for limit in (0, 1, 7, 50, None):
            _same_as_the_scan(query, entries, index, limit)
        _same_as_the_scan(query, entries, index, 7, categories[1])
    # Words that meet in one phrase were scored: the best hit of a whole phrase holds it.
    from playbook.search import _together

    met = [
        _together(terms(p), best(p, entries, 1, index=index).hits[0].entry, dict.fromkeys(terms(p), 1.0))
        for p in phrases
    ]
    assert sum(bonus > 0 for bonus in met) >= len(phrases) // 2, met


def test_on_types_alike_in_no_text_types_the_index_does_not_hold_are_scanned_in_their_place():
    entries = _apart()
    index = Index(entries[:60])
    mixed = [e for pair in zip(entries[:60], entries[60:120], strict=True) for e in pair]
    for query in ("supplier", "fire and", "main suppl", "outage 1", "x", SENTENCE[:30]):
        for category in (None, entries[0].category, "no-such-category"):
            for limit in (1, 7, None):
                _same_as_the_scan(query, mixed, index, limit, category)
                _same_as_the_scan(query, entries[:60] + entries[200:230], index, limit, category)


@settings(deadline=None)
@given(st.lists(st.text(alphabet=_LETTERS, min_size=1, max_size=9), min_size=1, max_size=4), st.integers(0, 12))
def test_any_typed_words_find_on_types_alike_in_no_text_what_the_scan_finds(typed, limit):
    query, entries = " ".join(typed), _apart()
    _same_as_the_scan(query, entries, _apart_index(), limit)
    _same_as_the_scan(query, entries, _apart_index(), limit, entries[0].category)

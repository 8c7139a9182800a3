"""Finding incident types from what a leader types: fragments, typos, filler words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from playbook.search import Entry, search, stem, terms, word_match

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


def _answers(hits) -> list[tuple]:
    return [(h.entry.id, h.score, h.matched, h.cues) for h in hits]


def test_the_index_answers_exactly_as_the_scan_on_the_bundled_library(bundled):
    """Every prefix of leaders' sentences, typos, abbreviations, stems, single letters, per
    category, and entries the index does not hold (files left out): the same hits in the same order."""
    from playbook.search import words
    from playbook.search_index import Index

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
            assert _answers(search(query, entries, category, index)) == _answers(scanned), (query, category)


@given(st.text(max_size=30))
def test_the_index_never_changes_an_answer(query):
    from playbook.search_index import Index

    assert _answers(search(query, ALL, index=Index(ALL))) == _answers(search(query, ALL))

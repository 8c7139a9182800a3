"""The leader's journeys through the app, keyboard only: find, triage, response, and back."""

from __future__ import annotations

import asyncio
import threading

from playbook.paths import BUNDLED_LIBRARY
from playbook.search import LISTED
from tests.tui.pilot import LIBRARY, drive, ready, reload, run_from_palette, shown, type_at_once
from tui.app import PlaybookApp
from tui.screens.find import FindScreen
from tui.screens.help import HelpScreen
from tui.screens.pick import PickScreen
from tui.screens.problems import ProblemsScreen
from tui.screens.response import ResponseScreen
from tui.screens.triage import TriageScreen


def titles(app) -> list[str]:
    return [hit.entry.title for hit in app.screen.hits]


def test_ransomware_checklist_within_ten_keys_on_the_bundled_library():
    app = PlaybookApp(BUNDLED_LIBRARY)
    # A few letters, Enter, one digit per question (spread: several systems, data: no
    # evidence, operations: critical service stopped), Enter for the response.
    keys = ["r", "a", "n", "s", "enter", "2", "1", "3", "enter"]

    async def script(pilot):
        await pilot.press(*keys)
        screen = app.screen
        assert isinstance(screen, ResponseScreen)
        assert screen.incident.id == "ransomware"
        assert screen.severity == "SEV2"
        assert "Isolate the affected systems" in shown(app)

    assert len(keys) <= 10
    drive(app, script)


def test_typing_what_you_see_finds_the_type_and_previews_it():
    app = PlaybookApp(LIBRARY)

    async def script(pilot):
        await pilot.press(*"cannot log in, files renamed")
        assert titles(app)[0] == "Locked files"
        assert "Website outage" in titles(app)  # also matches "cannot log in", ranked lower
        preview = str(app.screen.query_one("#preview").content)
        assert "Someone has encrypted our files" in preview
        assert "» Files renamed with an unknown extension" in preview  # the cue that matched, marked
        assert "One offline laptop: Treat it as malware on one device" in preview  # when it does not apply
        await pilot.press("down")
        assert "Customers cannot use the website" in str(app.screen.query_one("#preview").content)
        await pilot.press("up", "enter")
        assert isinstance(app.screen, TriageScreen)
        assert app.screen.incident.id == "locked-files"

    drive(app, script)


def test_search_with_no_match_says_so_and_escape_clears_it():
    app = PlaybookApp(LIBRARY)

    async def script(pilot):
        await pilot.press(*"zzqx")
        assert titles(app) == []
        assert "No incident type matches" in shown(app)
        await pilot.press("enter")  # nothing to start
        assert isinstance(app.screen, FindScreen)
        await pilot.press("escape")
        assert app.screen.query_one("#query").value == ""
        assert len(titles(app)) == 3

    drive(app, script)


def test_a_long_list_shows_the_best_matches_and_says_how_many_more(tmp_path):
    from benchmarks.load_library import generate

    generate(tmp_path, LISTED + 10)  # the bundled types and copies of some of them
    app = PlaybookApp(tmp_path)

    async def script(pilot):
        results = app.screen.query_one("#results")
        assert results.option_count == LISTED
        assert f"{LISTED + 10} incident types · the best {LISTED} listed, and 10 more: type more words" in shown(app)
        await pilot.press(*["down"] * (LISTED + 5))  # the keys move within the list as before
        assert results.highlighted == LISTED - 1
        await pilot.press(*"ransomware")
        assert titles(app)[0].startswith("Ransomware")
        assert "more: type more words" not in shown(app)
        assert results.option_count == len(titles(app)) < LISTED

    drive(app, script)


def test_category_narrows_the_list_by_digit_arrows_or_mouse_and_escape_widens_it():
    app = PlaybookApp(LIBRARY)

    async def choose(pilot, *keys: str) -> None:
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        assert "1  Cyber security\n2  Health and safety\n3  Technology outage\n4  All categories" in shown(app)
        await pilot.press(*keys)
        await pilot.pause()
        assert isinstance(app.screen, FindScreen)

    async def script(pilot):
        category = app.screen.query_one("#category")
        assert str(category.content) == "All categories (F2)"
        await pilot.press("f2")
        await choose(pilot, "2")  # a digit
        assert titles(app) == ["Building fire"]
        assert str(category.content) == "Health and safety (F2)"
        assert app.focused is app.screen.query_one("#query")  # back to typing
        reload(app)
        await pilot.pause()
        assert titles(app) == ["Building fire"]  # a reloaded library keeps the category
        await pilot.press("escape")
        assert len(titles(app)) == 3
        assert str(category.content) == "All categories (F2)"
        await pilot.click("#category")  # the mouse
        await choose(pilot, "down", "down", "enter")  # arrows and Enter
        assert titles(app) == ["Website outage"]
        await pilot.press("f2")
        await choose(pilot, "escape")  # cancelled: still narrowed
        assert titles(app) == ["Website outage"]
        await pilot.press("f2")
        await choose(pilot, "up", "enter")  # from the top, up wraps to every category
        assert len(titles(app)) == 3

    drive(app, script)


def test_a_digit_typed_straight_after_f2_picks_and_never_reaches_the_search_box():
    app = PlaybookApp(LIBRARY)

    async def script(pilot):
        await type_at_once(pilot, "f2", "2", *"fire")  # one burst, as a fast typist or an SSH link sends it
        for _ in range(10):  # let the picker mount, pick and close
            await pilot.pause()
        assert isinstance(app.screen, FindScreen)
        assert app.screen.query_one("#query").value == "fire"
        assert str(app.screen.query_one("#category").content) == "Health and safety (F2)"

    drive(app, script)


def test_a_category_picked_from_a_list_the_checked_library_no_longer_has_widens_the_list():
    import attrs

    app = PlaybookApp(LIBRARY)

    async def script(pilot):
        await pilot.press("f2")  # the picker offers "2  Health and safety"
        await pilot.pause()
        library = app.loaded.library  # then the check finds the building fire playbook gone
        kept = tuple(t for t in library.types if t.category != "safety")
        app.loaded = type(app.loaded)(attrs.evolve(library, types=kept), (), app.loaded.files)
        await pilot.press("2")
        await pilot.pause()
        assert str(app.screen.query_one("#category").content) == "All categories (F2)"
        assert titles(app) == ["Locked files", "Website outage"]  # not an empty list under a wrong label

    drive(app, script)


def test_triage_one_digit_per_question_with_breadcrumb_and_backspace():
    app = PlaybookApp(LIBRARY)

    async def script(pilot):
        await pilot.press(*"locked", "enter")
        assert "How far has it spread?" in shown(app)
        assert "1  One device" in shown(app)
        assert "4  Not known yet  (keeps every other answer open)" in shown(app)
        assert "Possible severities: ▲▲▲ SEV1 Critical · ▲▲ SEV2 Major · ▲ SEV3 Significant" in shown(app)
        await pilot.press("2")
        assert "Path: How far has it spread? Several systems at one site" in shown(app)
        assert "Was data taken?" in shown(app)
        await pilot.press("backspace")
        assert "How far has it spread?" in shown(app)
        assert "Path: (first question)" in shown(app)
        await pilot.press("9")  # no ninth answer: nothing happens
        assert "How far has it spread?" in shown(app)
        await pilot.press("2", "2")
        text = shown(app)
        assert (
            "Path: How far has it spread? Several systems at one site › Was data taken? Yes, or they claim so" in text
        )
        # The outcome in a word and a symbol, its definition and the time to first action.
        assert "▲▲ SEV2 Major" in text
        assert "Serious harm under way, contained to one part." in text
        assert "First action within 30 minutes" in text
        await pilot.press("enter")
        assert isinstance(app.screen, ResponseScreen)
        assert app.screen.severity == "SEV2"

    drive(app, script)


def test_triage_with_unknown_answers_acts_on_the_most_severe_possible():
    app = PlaybookApp(LIBRARY)

    async def script(pilot):
        await pilot.press(*"locked", "enter", "4")
        text = shown(app)
        assert "Path: How far has it spread? Not known yet" in text
        assert "Was data taken?" in text
        await pilot.press("1")
        text = shown(app)
        assert "▲▲▲ SEV1 Critical" in text
        assert "Some answers are not known yet" in text
        assert "Still possible: ▲▲▲ SEV1 Critical · ▲ SEV3 Significant" in text
        await pilot.press("enter")
        assert app.screen.severity == "SEV1"
        assert "most severe level still possible" in shown(app)

    drive(app, script)


def test_response_groups_steps_by_time_box_with_owner_why_and_mentor_advice():
    app = PlaybookApp(LIBRARY)

    async def script(pilot):
        await pilot.press(*"locked", "enter", "3", "enter")
        text = shown(app)
        assert "▲▲▲ SEV1 Critical · Locked files" in text
        assert text.index("First 15 minutes") < text.index("Cut affected networks off") < text.index("First hour")
        assert text.index("First hour") < text.index("Tell staff what not to do")
        assert "IT lead · within 15 minutes" in text
        assert "Why: Stops the spread and keeps memory evidence" in text
        assert "Tip: Pull cables or disable switch ports" in text
        assert "Lesson: Powering machines off. Instead: Disconnect and leave them running." in text
        assert "Deadlines that may apply" in text
        deadline = "Tell the regulator if personal data is affected: within 72 hours of becoming aware."
        assert f"• {deadline} Testland; Test Act s.1." in text

    drive(app, script)


def test_role_filter_shows_one_roles_checklist():
    app = PlaybookApp(LIBRARY)

    async def script(pilot):
        await pilot.press(*"locked", "enter", "3", "enter", "o")
        assert isinstance(app.screen, PickScreen)
        await pilot.press("escape")  # cancelled: nothing changes
        assert isinstance(app.screen, ResponseScreen) and app.screen.role == ""
        await pilot.press("o", "2")  # 1 is every role, then the owners in step order: IT lead first
        text = shown(app)
        assert "Checklist for IT lead: 1 of 3 steps" in text
        assert "Cut affected networks off" in text
        assert "Open a bridge on phones" not in text
        await pilot.press("a")
        assert "Open a bridge on phones" in shown(app)
        await pilot.press("o", "3", "o", "home", "enter")  # Enter on "Every role", whose key is ""
        assert app.screen.role == ""

    drive(app, script)


def test_related_types_are_one_key_away():
    app = PlaybookApp(LIBRARY)

    async def script(pilot):
        await pilot.press(*"locked", "enter", "3", "enter", "r")
        assert "1  Building fire" in shown(app) and "2  Website outage" in shown(app)
        await pilot.press("enter")
        assert isinstance(app.screen, TriageScreen)
        assert app.screen.incident.id == "building-fire"

    drive(app, script)


def test_escape_goes_back_one_screen_at_a_time():
    app = PlaybookApp(LIBRARY)

    async def script(pilot):
        await pilot.press(*"fire", "enter", "2", "enter", "f1")
        stack = [type(s) for s in app.screen_stack]
        assert stack == [FindScreen, TriageScreen, ResponseScreen, HelpScreen]
        for expected in (ResponseScreen, TriageScreen, FindScreen):
            await pilot.press("escape")
            assert type(app.screen) is expected
        assert app.screen.query_one("#query").value == "fire"  # the search is as it was left

    drive(app, script)


def test_help_lists_the_keys_of_the_screen_it_came_from():
    app = PlaybookApp(LIBRARY)

    async def script(pilot):
        await pilot.press(*"locked", "enter", "2", "f1")
        text = shown(app)
        assert "1 2 3" in text and "Choose answer" in text  # the three answers of the second question
        for words in ("Previous question", "Back", "Quit", "Help", "Command palette"):
            assert words in text
        assert "^q" in text

    drive(app, script)


def test_palette_jumps_to_an_incident_type():
    app = PlaybookApp(LIBRARY)

    async def script(pilot):
        await run_from_palette(pilot, "building", "Triage: Building fire")
        assert isinstance(app.screen, TriageScreen)
        assert app.screen.incident.id == "building-fire"

    drive(app, script)


BROKEN = """\
    id: bad
    title: Bad one
    colour: red
"""


def test_palette_opens_the_problems_screen(test_library):
    app = PlaybookApp(test_library({"bad.yaml": BROKEN}))

    async def script(pilot):
        await run_from_palette(pilot, "library problems", "Library problems")
        assert isinstance(app.screen, ProblemsScreen)

    drive(app, script)


def test_files_with_problems_are_listed_and_the_rest_works(test_library):
    app = PlaybookApp(test_library({"bad.yaml": BROKEN}))

    async def script(pilot):
        assert "3 incident types · 1 file left out with problems: F4" in shown(app)
        await pilot.press("f4")
        assert isinstance(app.screen, ProblemsScreen)
        text = shown(app)
        assert "bad.yaml" in text
        assert "P202" in text and "colour" in text
        assert "the other 3 incident types work" in text
        await pilot.press("escape", *"fire", "enter")
        assert isinstance(app.screen, TriageScreen)

    drive(app, script)


def test_a_broken_library_file_opens_the_problems_screen(test_library):
    app = PlaybookApp(test_library({"library.yaml": "name: [unclosed\n"}))

    async def script(pilot):
        assert isinstance(app.screen, ProblemsScreen)
        assert "The library could not be loaded" in shown(app)
        assert "P101" in shown(app)
        await pilot.press("escape")
        assert "could not be loaded" in shown(app)

    drive(app, script)


def held_load(monkeypatch) -> threading.Event:
    """Hold every app's library load until the returned event is set."""
    from playbook import library  # the app's load worker imports load from here when it runs

    release = threading.Event()
    real_load = library.load
    monkeypatch.setattr(library, "load", lambda root: release.wait(10) and real_load(root))
    return release


def test_the_first_screen_takes_typing_before_the_library_has_loaded(monkeypatch, tmp_path):
    monkeypatch.setenv("PLAYBOOK_CACHE_DIR", str(tmp_path))  # never loaded before: no index to paint from
    release = held_load(monkeypatch)
    app = PlaybookApp(LIBRARY)

    async def main():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, FindScreen)
            assert "Loading the library…" in shown(app)
            await pilot.press(*"smoke")
            assert app.screen.query_one("#query").value == "smoke"
            release.set()
            await ready(pilot)
            assert titles(app) == ["Building fire"]

    asyncio.run(main())


def test_a_library_loaded_before_is_searchable_at_once_and_enter_opens_the_type_once_checked(monkeypatch, tmp_path):
    from playbook.library import load

    monkeypatch.setenv("PLAYBOOK_CACHE_DIR", str(tmp_path))
    load(LIBRARY)  # an earlier run: it leaves the index the first screen paints from
    release = held_load(monkeypatch)
    app = PlaybookApp(LIBRARY)

    async def main():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.loaded is None  # still checking the files
            assert titles(app) == ["Building fire", "Locked files", "Website outage"]
            assert "3 incident types · checking the library for changes" in shown(app)
            await pilot.press(*"locked")
            assert titles(app)[0] == "Locked files"
            assert "Recognise it" in shown(app)  # the preview, from the index
            await pilot.press("enter")
            assert isinstance(app.screen, FindScreen)
            assert "opening your choice once the library is checked" in shown(app)
            release.set()
            await ready(pilot)
            assert isinstance(app.screen, TriageScreen)
            assert app.screen.incident.id == "locked-files"

    asyncio.run(main())


def test_escape_gives_up_a_type_chosen_while_the_library_is_checked(monkeypatch, tmp_path):
    from playbook.library import load

    monkeypatch.setenv("PLAYBOOK_CACHE_DIR", str(tmp_path))
    load(LIBRARY)
    release = held_load(monkeypatch)
    app = PlaybookApp(LIBRARY)

    async def main():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            categories = app.screen.categories  # from the stored index
            await pilot.press(*"locked", "enter")
            assert "opening your choice once the library is checked" in shown(app)
            await pilot.press("escape")  # the leader starts over
            assert "opening your choice" not in shown(app)
            release.set()
            await ready(pilot)
            assert isinstance(app.screen, FindScreen)  # nothing opens by itself later
            assert app.screen.categories == categories  # the picker's digits are the same once checked

    asyncio.run(main())


def test_a_type_chosen_early_that_turns_out_broken_is_not_opened_and_says_so(monkeypatch, tmp_path, test_library):
    from playbook.library import load

    monkeypatch.setenv("PLAYBOOK_CACHE_DIR", str(tmp_path))
    root = test_library()
    load(root)
    (root / "locked-files.yaml").write_text("id: locked-files\ntitle: [unclosed\n", encoding="utf-8")
    release = held_load(monkeypatch)
    app = PlaybookApp(root)

    async def main():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press(*"locked", "enter")
            release.set()
            await ready(pilot)
            assert isinstance(app.screen, FindScreen)
            assert "locked-files cannot be opened" in " ".join(str(n.message) for n in app._notifications)
            assert "locked-files.yaml has problems, so it is left out" in shown(app)

    asyncio.run(main())


def test_resizing_keeps_the_users_place():
    app = PlaybookApp(LIBRARY)

    async def script(pilot):
        await pilot.press(*"locked", "enter", "3", "enter", "o", "2")
        for size in ((200, 60), (80, 24), (120, 40)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert isinstance(app.screen, ResponseScreen)
            assert app.screen.role == "it-lead"
            assert "Checklist for IT lead" in shown(app)
        await pilot.press("escape")
        assert "Path: How far has it spread? Core systems or several sites" in shown(app)

    drive(app, script)


def test_severity_stays_a_word_and_a_symbol_without_colour(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = PlaybookApp(LIBRARY)

    async def script(pilot):
        assert app.no_color
        await pilot.press(*"fire", "enter", "2")
        assert "▲▲▲ SEV1 Critical" in shown(app)

    drive(app, script)


def test_every_theme_renders_every_screen():
    app = PlaybookApp(LIBRARY)

    async def script(pilot):
        await pilot.press(*"locked", "enter", "3")
        for keys in ((), ("enter",)):
            await pilot.press(*keys)
            for theme in sorted(app.available_themes):
                app.theme = theme
                await pilot.pause()
                assert "SEV1" in app.export_screenshot()

    drive(app, script)


def test_a_reload_keeps_the_highlighted_type():
    app = PlaybookApp(LIBRARY)

    async def script(pilot):
        await pilot.press("down", "down")
        assert app.screen.highlighted.id == "website-outage"
        reload(app)
        await pilot.pause()
        assert app.screen.highlighted.id == "website-outage"
        await pilot.press(*"fire")
        assert app.screen.highlighted.id == "building-fire"  # a new query starts from its best match

    drive(app, script)


def test_a_stray_enter_never_answers_a_question_but_arrows_and_enter_do():
    app = PlaybookApp(LIBRARY)

    async def script(pilot):
        await pilot.press(*"locked", "enter", "enter")
        assert app.screen.walk.answered == ()
        await pilot.press("down", "down", "enter")
        assert [answer.id for _, answer in app.screen.walk.answered] == ["site"]

    drive(app, script)


def test_a_missing_library_folder_says_so(tmp_path):
    app = PlaybookApp(tmp_path / "nowhere")

    async def script(pilot):
        assert isinstance(app.screen, ProblemsScreen)
        assert "P004" in shown(app) and "not a library folder" in shown(app)

    drive(app, script)


def test_a_playbook_that_fails_validation_stays_findable_as_unavailable(test_library):
    app = PlaybookApp(test_library({"bad.yaml": BROKEN}))

    async def script(pilot):
        await pilot.press(*"bad one")
        assert titles(app) == ["Bad one"]  # the title could still be read
        assert "Bad one — unavailable: Enter shows why" in shown(app)
        assert "left out of the library and cannot be used for a triage" in shown(app)
        assert "0 of 3 incident types" in shown(app)
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ProblemsScreen)  # not a triage
        assert screen.selected[0].endswith("bad.yaml")

    drive(app, script)


def test_enter_acts_on_the_text_in_the_box_even_before_the_list_caught_up():
    app = PlaybookApp(LIBRARY)

    async def script(pilot):
        assert titles(app)[0] != "Website outage"
        screen = app.screen
        screen.query_one("#query").value = "website"  # as a paste lands: no refilter has run yet
        await screen.action_start()
        await pilot.pause()
        assert isinstance(app.screen, TriageScreen)
        assert app.screen.incident.id == "website-outage"

    drive(app, script)


def test_help_on_the_find_screen_says_enter_starts_the_triage():
    app = PlaybookApp(LIBRARY)

    async def script(pilot):
        await pilot.press(*"fire", "f1")
        assert isinstance(app.screen, HelpScreen)
        assert "Start the triage of the highlighted type" in shown(app)

    drive(app, script)


def test_without_colour_the_highlighted_type_is_still_marked(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = PlaybookApp(LIBRARY)

    async def script(pilot):
        assert app.no_color
        results = app.screen.query_one("#results")
        # What the terminal gets: colours are dropped, so the mark must be a text style.
        first, second = results.render_line(0), results.render_line(1)
        assert all(s.style.underline for s in first if s.text.strip())
        assert not any(s.style.underline for s in second)

    drive(app, script)

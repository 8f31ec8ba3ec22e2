"""The trainer overview, the blank worksheet and the edition mark in the trainer edition (the
copy tests/trainer_projects.py builds once), and the in-lesson reflection boxes on the trainee
site: typed, kept after a reload, gone after 'delete everything'."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from conftest import page_path, serve_directory
from quiz_driver import interface as trainee_interface
from trainer_projects import built_editions

pytestmark = pytest.mark.browser

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}
MODULE = "01-helper-relationship/"
PHONE, DESKTOP = {"width": 320, "height": 640}, {"width": 1280, "height": 800}


@pytest.fixture(scope="module")
def editions():
    return built_editions()


@pytest.fixture(scope="module")
def trainer_url(editions):
    with serve_directory(editions.trainer) as url:
        yield url


def interface(editions, lang: str) -> dict:
    return json.loads((editions.project / "build" / "quizzes" / lang / "_interface.json").read_text("utf-8"))


def assert_no_violations(page: Page, context: str | None = None) -> None:
    results = Axe().run(page, context=context, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()


def header_bottom(page: Page) -> float:
    return page.locator(".md-header").bounding_box()["y"] + page.locator(".md-header").bounding_box()["height"]


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["320px", "desktop"])
def test_the_overview_reads_on_a_phone_and_a_desktop_and_passes_axe(page: Page, trainer_url, editions, size):
    page.set_viewport_size(size)
    page.goto(trainer_url + page_path("sv", "trainer-overview/"))
    ui = interface(editions, "sv")
    expect(page.locator("article h2[id^='plan-']")).to_have_count(9)
    expect(page.locator("article").get_by_text(ui["session_total"].format(minutes=90))).to_have_count(9)
    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    if size is PHONE:  # the same page, the same colours: once is enough
        assert_no_violations(page)


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["320px", "desktop"])
def test_the_edition_mark_stays_on_screen_under_the_header_without_covering_the_text(page: Page, trainer_url, editions, size):
    page.set_viewport_size(size)
    page.goto(trainer_url + page_path("en", MODULE))
    ui = interface(editions, "en")
    mark = page.locator(".hc-edition-mark")
    name = ui["trainer_edition_banner"].split(": ")[0]
    expect(mark.locator(".hc-edition-banner__name")).to_have_text(name)
    expect(mark).to_have_text(ui["trainer_edition_banner"])  # all of it, for screen readers
    small = mark.bounding_box()
    assert small["height"] <= 30, f"the mark is {small['height']} px high"
    # The heading starts below the header and its mark: nothing covers it.
    assert page.locator("h1").bounding_box()["y"] >= header_bottom(page)
    page.keyboard.press("End")
    page.wait_for_function("window.scrollY + innerHeight >= document.documentElement.scrollHeight - 2")
    box = mark.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= header_bottom(page) <= size["height"] / 4
    expect(mark.locator(".hc-edition-banner__name")).to_be_in_viewport()
    # An anchor jump lands below the header and its mark.
    page.goto(trainer_url + page_path("en", MODULE) + "#reflection")
    page.wait_for_timeout(200)
    assert page.locator("h2#reflection").bounding_box()["y"] >= header_bottom(page) - 1


def shown_on_paper(page: Page, selector: str) -> list[bool]:
    return page.locator(selector).evaluate_all("els => els.map(e => e.getClientRects().length > 0)")


def test_print_blank_worksheet_prints_only_scenarios_and_reflections_with_lines_to_write_on(page: Page, trainer_url, editions):
    page.goto(trainer_url + page_path("no", MODULE))
    ui = interface(editions, "no")
    page.evaluate("() => { window.print = () => { window.hcPrinted = (window.hcPrinted || 0) + 1; }; }")
    page.get_by_role("button", name=ui["worksheet_print"]).click()
    assert page.evaluate("window.hcPrinted") == 1
    page.emulate_media(media="print")
    for kept in ["h1", ".admonition.example", ".admonition.question", "fieldset[data-type='reflection']"]:
        assert shown_on_paper(page, kept) and all(shown_on_paper(page, kept)), f"{kept} is not on the worksheet"
    for left_out in [".admonition.facilitator", "h2#objectives", "fieldset[data-type='single']",
                     ".hc-answer-key", ".hc-edition-mark", ".hc-worksheet", ".hc-quiz__title", "#key-points"]:
        assert not any(shown_on_paper(page, left_out)), f"{left_out} is on the worksheet"
    # Room to write under every scenario question and reflection prompt.
    heights = page.locator(".admonition.example li, .admonition.question li").evaluate_all(
        "els => els.map(e => parseFloat(getComputedStyle(e, '::after').height))")
    assert len(heights) >= 6 and min(heights) >= 60, heights
    # After printing, the page prints whole again (the trainer's copy, with notes and the mark).
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert all(shown_on_paper(page, ".admonition.facilitator")) and all(shown_on_paper(page, ".hc-edition-mark"))


# --- in-lesson reflection boxes, on the trainee site ------------------------------------------

NOTE_ID = "02-trust/reflection-1"


def open_box(page: Page, site_url: str, lang: str, ui: dict):
    page.goto(site_url + page_path(lang, "02-trust/"))
    box = page.get_by_role("textbox", name=ui["note_label"])
    expect(box).to_be_visible()
    return box


@pytest.mark.parametrize("lang, size", [("sv", PHONE), ("en", DESKTOP)], ids=["sv-320px", "en-desktop"])
def test_a_reflection_box_keeps_what_was_typed_after_a_reload(page: Page, site_url, lang, size):
    ui = trainee_interface(lang)
    page.set_viewport_size(size)
    box = open_box(page, site_url, lang, ui)
    expect(page.locator(".admonition.question").get_by_text(ui["note_on_paper"])).to_be_hidden()
    text = f"Jag litar på den som lyssnar ({lang}).\nAndra raden."
    box.fill(text)
    expect(page.locator(".hc-note__status")).to_have_text(ui["reflection_saved"])
    # The box, typed in and saved (the whole lesson is axe-checked by test_accessibility.py).
    assert_no_violations(page, ".admonition.question")
    page.reload()
    expect(box).to_have_value(text)
    stored = page.evaluate("JSON.parse(localStorage.getItem('helpercourse.progress.v1'))")
    assert stored["notes"][NOTE_ID]["text"] == text and stored["notes"][NOTE_ID]["at"]


def test_a_reflection_is_the_same_note_in_every_language_and_delete_all_removes_it(page: Page, site_url):
    ui = trainee_interface("no")
    open_box(page, site_url, "fi", trainee_interface("fi")).fill("Luotan siihen, joka kuuntelee.")
    expect(page.locator(".hc-note__status")).not_to_be_empty()
    box = open_box(page, site_url, "no", ui)
    expect(box).to_have_value("Luotan siihen, joka kuuntelee.")
    page.goto(site_url + page_path("no", "progress/"))
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".hc-progress__delete").click()
    expect(page.locator(".hc-progress__message")).to_have_text(ui["deleted"])
    assert page.evaluate("localStorage.getItem('helpercourse.progress.v1')") is None
    expect(open_box(page, site_url, "no", ui)).to_have_value("")
    # opening the lesson records where the learner is reading (course-status.js), nothing more
    stored = page.evaluate("JSON.parse(localStorage.getItem('helpercourse.progress.v1'))")
    assert stored is None or not stored.get("notes"), stored

"""axe-core finds no WCAG 2.1 A/AA violations on the pages a trainee uses, in every language."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from conftest import LANGUAGES, page_path
from progress_records import record, seed
from quiz_driver import LESSON, answer_with_mouse, compiled_quiz, interface

pytestmark = pytest.mark.browser

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}
axe = Axe()


# Material's tooltips (content.tooltips) stay in <body> after they were shown, outside every
# landmark; they are role=tooltip layers named by their host's aria-describedby, not page
# content, so axe's best-practice rule "region" is not asked about them.
TOOLTIPS = {"exclude": [[".md-tooltip2"]]}


def assert_no_violations(page: Page) -> None:
    results = axe.run(page, context=TOOLTIPS, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page(page: Page, site_url, lang):
    """With some progress, so the cards' statuses, Continue and the nav marks are checked too."""
    seed(page, record(lang, {"helper-relationship": (11, 11, True), "trust": (4, 2, False)}))
    page.goto(site_url + page_path(lang))
    expect(page.locator(".hc-nav-mark")).to_have_count(2)
    assert_no_violations(page)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lesson_page_with_its_quiz(page: Page, site_url, lang):
    page.goto(site_url + page_path(lang, LESSON))
    expect(page.locator(".hc-quiz--ready")).to_be_visible()
    assert_no_violations(page)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_quiz_after_checking_answers(page: Page, site_url, lang):
    """Feedback, verdicts and the score must pass too: they are what a trainee reads next."""
    page.goto(site_url + page_path(lang, LESSON))
    answer_with_mouse(page, compiled_quiz(lang), right=False)
    page.get_by_role("button", name=interface(lang)["check"]).click()
    expect(page.locator(".hc-quiz__score")).not_to_be_empty()
    assert_no_violations(page)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_progress_page(page: Page, site_url, lang):
    page.goto(site_url + page_path(lang, "progress/"))
    expect(page.locator(".hc-progress--ready")).to_be_visible()
    assert_no_violations(page)


@pytest.mark.parametrize("width", [320, 390])  # the narrowest phones in use, and a common one
def test_lesson_on_a_phone(page: Page, site_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + page_path("no", LESSON))
    assert_no_violations(page)
    # WCAG 1.4.10 reflow: nothing makes the page scroll sideways at this width.
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"the page is {overflow} px wide on a {width} px screen"


# The dark colour scheme (slate), as a reader whose system is set to dark sees it; the light
# scheme is the tests above. One language per page, the languages taking turns: the colours do
# not depend on the language.
DARK_PAGES = {"home": ("no", ""), "lesson-with-quiz": ("sv", LESSON), "glossary": ("fi", "glossary/"),
              "progress": ("en", "progress/")}


@pytest.mark.parametrize("where", DARK_PAGES)
def test_pages_in_the_dark_scheme(page: Page, site_url, where):
    lang, path = DARK_PAGES[where]
    page.emulate_media(color_scheme="dark")
    page.goto(site_url + page_path(lang, path))
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    if where == "lesson-with-quiz":  # with feedback showing, as in the light-scheme test
        answer_with_mouse(page, compiled_quiz(lang), right=False)
        page.get_by_role("button", name=interface(lang)["check"]).click()
        expect(page.locator(".hc-quiz__score")).not_to_be_empty()
    if where == "progress":
        expect(page.locator(".hc-progress--ready")).to_be_visible()
    assert_no_violations(page)

"""Where am I (issue 13): the home page's Start / Continue button and module cards, the status
marks in the navigation, the position recorded while reading, and "Next module" after a pass.

Progress is either seeded as a realistic record (progress_records.py: the quizzes' own right and
wrong answers) or made by taking a quiz with the mouse (quiz_driver.py)."""

from __future__ import annotations

import re
from functools import lru_cache
from html import unescape

import pytest
from playwright.sync_api import Page, expect

from conftest import LANGUAGES, ROOT, page_path
from helpercourse.front_matter import read_page
from progress_records import record, seed, stored
from quiz_driver import answer_with_mouse, compiled_quiz, interface, scored

pytestmark = pytest.mark.browser

MODULES = sorted(p.name for p in (ROOT / "docs" / "no").glob("[0-9][0-9]-*.md"))
PHONE, DESKTOP = {"width": 320, "height": 800}, {"width": 1280, "height": 900}


@lru_cache(maxsize=None)
def title(lang: str, file_name: str) -> str:
    return read_page(ROOT / "docs" / lang / file_name).meta["title"]


def slug(n: int) -> str:
    """The module page's folder: slug(1) == "01-helper-relationship"."""
    return MODULES[n - 1][:-3]


def quiz_id(n: int) -> str:
    return re.search(r"```quiz\n(\S+)", (ROOT / "docs" / "no" / MODULES[n - 1]).read_text("utf-8"))[1]


def questions(lang: str, n: int) -> int:
    return len(scored(compiled_quiz(lang, quiz_id(n))))


def section_of(built_site, lang: str, n: int, which: int) -> tuple[str, str]:
    """The id and words of the module page's `which`-th section heading, as built."""
    html = (built_site / page_path(lang, slug(n) + "/") / "index.html").read_text("utf-8")
    found = re.findall(r'<h2 id="([^"]+)">(.*?)<a class="headerlink"', html)
    heading_id, text = found[which]
    return heading_id, unescape(re.sub(r"<[^>]+>", "", text)).strip()


def nav_link(page: Page, n: int):
    return page.locator(f'.md-nav--primary > .md-nav__list a.md-nav__link[href$="{slug(n)}/"]')


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_with_nothing_stored_the_home_page_starts_module_1_and_fits_the_screen(page: Page, site_url, viewport):
    """The cards' and the button's words in every language: tests/site/test_site.py (the server
    writes them); here what the browser adds: nothing to add, no sideways scroll, Start works."""
    lang = "no"
    ui = interface(lang)
    page.set_viewport_size(viewport)
    page.goto(site_url + page_path(lang))
    expect(page.locator(".hc-card")).to_have_count(len(MODULES))
    assert len(MODULES) == 9
    shown = page.eval_on_selector_all(".hc-card", """cards => cards.map(card => [".hc-card__title a",
        ".hc-card__meta", ".hc-card__status"].map(part => card.querySelector(part).textContent))""")
    assert shown == [[f"{ui['module_number'].format(number=n)} {title(lang, name)}",
                      ui["card_meta"].format(minutes=45, questions=questions(lang, n)), ui["card_not_started"]]
                     for n, name in enumerate(MODULES, 1)]
    expect(page.locator(".hc-nav-mark")).to_have_count(0)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"the home page is {width} px wide on a {viewport['width']} px screen"
    start = page.locator(".hc-start__link")
    expect(start).to_have_text(ui["start_module"].format(number=1, title=title(lang, MODULES[0])))
    start.click()
    expect(page).to_have_url(site_url + page_path(lang, slug(1) + "/"))


def test_home_and_nav_show_what_is_done_and_continue_where_the_learner_left_off(page: Page, site_url, built_site):
    """Module 1 passed, module 2 checked below the pass mark, module 3 four questions in and read
    up to its third section in Norwegian; module 4 untouched. Every language shows the statuses
    in its own words; the Continue button goes to the section only in the language it was read
    in (the headings' ids differ), elsewhere to the module."""
    read_in = "no"
    section, heading = section_of(built_site, read_in, 3, 2)
    total = [questions(read_in, n) for n in (1, 2, 3)]
    # The same record serves all four languages: a question's fingerprint covers every language.
    seed(page, record(read_in, {quiz_id(1): (total[0], total[0], True), quiz_id(2): (total[1], 2, True),
                                quiz_id(3): (4, 2, False)},
                      {"page": slug(3), "section": section, "title": heading, "lang": read_in,
                       "at": "2026-12-02T18:00:00.000Z"}))
    page.set_viewport_size(DESKTOP)
    for lang in LANGUAGES:
        ui = interface(lang)
        page.goto(site_url + page_path(lang))
        expect(page.locator(".hc-card--completed")).to_have_count(1)  # course-status.js has run
        assert page.locator(".hc-card__status").all_text_contents()[:4] == [
            ui["card_completed"].format(correct=total[0], total=total[0]),
            ui["card_last_score"].format(correct=2, total=total[1]),
            ui["card_in_progress"].format(answered=4, total=total[2]), ui["card_not_started"]], lang
        for n, state, mark, words in ((1, "completed", "✓", ui["nav_completed"]),
                                      (2, "in-progress", "◐", ui["nav_in_progress"]),
                                      (3, "in-progress", "◐", ui["nav_in_progress"])):
            link = nav_link(page, n)
            expect(link.locator(f".hc-nav-mark--{state}")).to_be_visible()
            expect(link.locator(".hc-nav-mark [aria-hidden=true]")).to_have_text(mark)
            expect(link).to_have_accessible_name(f"{n} · {title(lang, MODULES[n - 1])} , {words}")
        expect(nav_link(page, 4).locator(".hc-nav-mark")).to_have_count(0)
        start = page.locator(".hc-start__link")
        if lang == read_in:
            expect(start).to_have_text(ui["continue_at"].format(number=3, section=heading))
            expect(start).to_have_attribute("href", f"{slug(3)}/#{section}")
        else:
            expect(start).to_have_text(ui["continue_at"].format(number=3, section=title(lang, MODULES[2])))
            expect(start).to_have_attribute("href", f"{slug(3)}/")
    start.click()
    expect(page).to_have_url(site_url + page_path(LANGUAGES[-1], f"{slug(3)}/"))


def test_reading_a_module_on_a_phone_records_the_section_and_home_continues_there(page: Page, site_url, built_site):
    lang = "no"
    section, heading = section_of(built_site, lang, 3, 3)
    page.set_viewport_size(PHONE)
    page.goto(site_url + page_path(lang, slug(3) + "/"))
    page.locator(f"#{section}").evaluate("heading => heading.scrollIntoView()")
    page.wait_for_function(f"(JSON.parse(localStorage.getItem('helpercourse.progress.v1')) || {{}}).position"
                           f"?.section === '{section}'")
    position = stored(page)["position"]
    assert (position["page"], position["title"], position["lang"]) == (slug(3), heading, lang)
    page.goto(site_url + page_path(lang))
    start = page.locator(".hc-start__link")
    expect(start).to_have_text(interface(lang)["continue_at"].format(number=3, section=heading))
    start.click()
    expect(page).to_have_url(site_url + page_path(lang, f"{slug(3)}/#{section}"))


def test_passing_a_quiz_offers_the_next_module_and_marks_the_module_done(page: Page, site_url):
    lang = "sv"
    ui = interface(lang)
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + page_path(lang, slug(1) + "/"))
    answer_with_mouse(page, compiled_quiz(lang, quiz_id(1)), right=True)
    page.locator(".hc-quiz__check").click()
    next_link = page.locator(".hc-quiz__score .hc-next__link")
    expect(next_link).to_have_text(ui["next_module"].format(title=title(lang, MODULES[1])))
    # This page's own entry in the nav (its link is "./")
    expect(page.locator(".md-nav--primary a.md-nav__link--active .hc-nav-mark--completed")).to_be_visible()
    total = questions(lang, 1)
    expect(page.locator(".hc-module-meta")).to_have_text(
        ui["module_meta"].format(number=1, count=len(MODULES), minutes=45, questions=total) + " · " +
        ui["card_completed"].format(correct=total, total=total))
    next_link.click()
    expect(page).to_have_url(site_url + page_path(lang, slug(2) + "/"))
    expect(nav_link(page, 1).locator(".hc-nav-mark--completed")).to_be_visible()


def test_after_the_last_module_the_link_leads_to_the_progress_page_and_a_failed_check_offers_none(page: Page, site_url):
    lang = "en"
    last, before = len(MODULES), len(MODULES) - 1
    seed(page, record(lang, {quiz_id(last): (questions(lang, last), questions(lang, last), True),
                             quiz_id(before): (questions(lang, before), 1, True)}))
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + page_path(lang, slug(before) + "/"))
    expect(page.locator(".hc-quiz__score p").first).not_to_be_empty()  # the stored check, shown again
    expect(page.locator(".hc-next")).to_have_count(0)
    page.goto(site_url + page_path(lang, slug(last) + "/"))
    link = page.locator(".hc-quiz__score .hc-next__link")
    expect(link).to_have_text(interface(lang)["see_progress"])
    link.click()
    expect(page).to_have_url(site_url + page_path(lang, "progress/"))

"""On paper: a lesson prints without the site's navigation, and its quiz as a blank worksheet.

Each test first uses the quiz on screen (ticks answers, checks them), as a trainee would before
printing, so the print rules are proved to hide feedback that is really there. The newer
question types (categorise, order, scenario, reflection, hints) are checked wherever a page has
them, and once on a lesson whose quiz is swapped for the sample quiz that has every type.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Locator, Page, Route, expect

from conftest import ROOT, page_path
from helpercourse.quiz_render import render_quiz
from quiz_driver import LESSON, interface

pytestmark = pytest.mark.browser

# Site chrome that has no place on paper; each is on every lesson page.
CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
          ".md-search", ".md-select", '[data-md-component="skip"]', ".md-typeset .headerlink"]
# Only in some configurations (tabs, back-to-top appears after scrolling).
OPTIONAL_CHROME = [".md-tabs", ".md-top", ".md-banner"]
# What the quiz shows on screen after checking, and must not put on the worksheet.
QUIZ_FEEDBACK = [".hc-question__result", ".hc-option__feedback", ".hc-quiz__score",
                 ".hc-quiz__outcome", ".hc-quiz__storage", ".hc-scene__outcome",
                 ".hc-reflection__status", ".hc-order__status", ".hc-hint", "details.hc-answer-key"]


def open_lesson(page: Page, site_url: str, lang: str) -> None:
    page.goto(site_url + page_path(lang, LESSON))
    expect(page.locator(".hc-quiz.hc-quiz--ready")).to_be_visible()


def use_the_quiz_on_screen(page: Page) -> None:
    """Tick the first option of every choice question and check: feedback and a score appear."""
    for question in page.locator("fieldset.hc-question:has(.hc-option input)").all():
        question.locator(".hc-option input").first.check()
    page.locator(".hc-quiz__check").click()
    expect(page.locator(".hc-question__result").first).to_be_visible()
    expect(page.locator(".hc-quiz__score")).not_to_be_empty()


def each(locator: Locator) -> list[Locator]:
    return [locator.nth(i) for i in range(locator.count())]


def assert_all_hidden(page: Page, selectors: list[str], *, must_exist: bool) -> None:
    for selector in selectors:
        found = page.locator(selector)
        if must_exist:
            assert found.count() > 0, f"{selector} is not on the page any more; update the test"
        for element in each(found):
            expect(element, f"{selector} shows on paper").to_be_hidden()


def assert_all_visible(locator: Locator, what: str) -> None:
    assert locator.count() > 0, f"no {what} on the page"
    for element in each(locator):
        expect(element, f"{what} missing on paper").to_be_visible()


def css(locator: Locator, prop: str) -> str:
    return locator.evaluate("(e, p) => getComputedStyle(e).getPropertyValue(p)", prop)


def mark_looks_empty(page: Page, selector: str) -> bool:
    """Whether a ticked input looks exactly like the same input unticked (pixel for pixel)."""
    box = page.locator(selector).first
    box.evaluate("e => { e.checked = true; }")
    ticked = box.screenshot(animations="disabled")
    box.evaluate("e => { e.checked = false; }")
    unticked = box.screenshot(animations="disabled")
    return ticked == unticked


def assert_the_quiz_is_a_worksheet(page: Page) -> None:
    """Every question and option as on screen, empty marks, no buttons, no answers, no feedback."""
    quiz = page.locator(".hc-quiz")
    questions = quiz.locator("fieldset.hc-question")
    expect(quiz.locator("fieldset.hc-question > legend")).to_have_count(questions.count())
    assert_all_visible(quiz.locator("fieldset.hc-question > legend"), "question legends")
    assert_all_visible(quiz.locator(".hc-quiz__title"), "quiz title")
    assert css(questions.first, "break-inside") == "avoid"
    assert_all_visible(quiz.locator('input[type="radio"], input[type="checkbox"]'),
                       "radio buttons and checkboxes")
    assert_all_visible(quiz.locator(".hc-option label"), "option texts")
    assert quiz.locator("input:checked").count() > 0, "the trainee's ticks should still be there"
    assert mark_looks_empty(page, '.hc-quiz input[type="radio"]'), "a ticked circle prints filled in"
    assert mark_looks_empty(page, '.hc-quiz input[type="checkbox"]'), "a ticked box prints filled in"
    for button in each(quiz.locator("button:not(.hc-choice)")):
        expect(button).to_be_hidden()
    assert_all_hidden(page, [f".hc-quiz {s}" for s in QUIZ_FEEDBACK], must_exist=False)
    marked = quiz.locator(":is(.hc-option--right, .hc-option--wrong) label")
    assert marked.count() > 0, "checking on screen should have marked answers right or wrong"
    for label in each(marked):
        assert label.evaluate("e => getComputedStyle(e, '::after').content") in ("none", "normal"), \
            "a ✓ or ✗ prints beside an answer"

    # Newer question types, where the page has them.
    if quiz.locator(".hc-categorise").count():
        assert_all_visible(quiz.locator(".hc-categories li"), "the groups to sort into")
        assert_all_visible(quiz.locator(".hc-item label"), "statements to sort")
        selects = quiz.locator(".hc-categorise select")
        assert_all_visible(selects, "lines to write the group on")
        assert css(selects.first, "color") == "rgba(0, 0, 0, 0)", "a chosen group prints on the line"
    if quiz.locator(".hc-order").count():
        assert_all_visible(quiz.locator(".hc-step__text"), "steps to put in order")
        order = quiz.locator('fieldset[data-type="order"] .hc-question__instruction').first
        assert order.locator(".hc-print-only").is_visible(), "paper gets its own instruction"
        assert not order.locator(".hc-screen-only").is_visible(), "no 'Move up' buttons on paper"
        assert css(quiz.locator(".hc-step").first, "justify-content") == "flex-start"
    if quiz.locator(".hc-scenario").count():
        assert_all_visible(quiz.locator(".hc-scene"), "scenario decision points (all of them)")
        choices = quiz.locator(".hc-choice")
        assert_all_visible(choices, "scenario choices as a list")
        assert all(css(c, "border-top-style") == "none" for c in each(choices)), "a choice prints as a button"
    if quiz.locator(".hc-reflection").count():
        boxes = quiz.locator("textarea.hc-reflection__text")
        assert_all_visible(boxes, "reflection writing boxes")
        for box in each(boxes):
            assert box.bounding_box()["height"] >= 120, "too little room to write"
            assert css(box, "color") == "rgba(0, 0, 0, 0)", "typed reflection text prints"


@pytest.mark.parametrize("lang", ["no", "fi"])
def test_a_lesson_prints_without_navigation_and_its_quiz_as_a_worksheet(page: Page, site_url, lang):
    open_lesson(page, site_url, lang)
    use_the_quiz_on_screen(page)
    page.emulate_media(media="print")

    # The lesson: no site chrome, full width, the text black on white.
    assert_all_hidden(page, CHROME, must_exist=True)
    assert_all_hidden(page, OPTIONAL_CHROME, must_exist=False)
    article = page.locator("article.md-content__inner")
    assert_all_visible(article.locator("h1, h2"), "lesson headings")
    assert_all_visible(article.locator(":scope > p"), "lesson paragraphs")
    assert_all_visible(article.locator(".admonition"), "admonitions")
    width = page.viewport_size["width"]
    assert page.locator(".md-content").bounding_box()["width"] > 0.9 * width, "the text is not full width"
    assert css(article.locator("h1"), "color") == "rgb(0, 0, 0)"
    assert css(article.locator("p").first, "color") == "rgb(0, 0, 0)"
    assert css(page.locator("body"), "background-color") == "rgb(255, 255, 255)"
    assert css(article.locator("h2").first, "break-after") == "avoid"
    assert css(article.locator(".admonition").first, "break-inside") == "avoid"

    assert_the_quiz_is_a_worksheet(page)


def swap_in_the_sample_quiz(page: Page, site_url: str) -> None:
    """Serve the English lesson with its quiz replaced by the sample quiz, which has every type."""
    sample = json.loads((ROOT / "tests" / "fixtures" / "expected" / "sample.en.json").read_text("utf-8"))
    html = render_quiz(sample, interface("en"))

    def handle(route: Route) -> None:
        response = route.fetch()
        body = response.text()
        start = body.index('<section class="hc-quiz"')
        end = body.index("</section>", start) + len("</section>")
        route.fulfill(response=response, body=body[:start] + html + body[end:])

    page.route(site_url + page_path("en", LESSON), handle)


def test_every_question_type_prints_as_a_worksheet(page: Page, site_url):
    swap_in_the_sample_quiz(page, site_url)
    open_lesson(page, site_url, "en")
    quiz = page.locator(".hc-quiz")
    for part in [".hc-categorise", ".hc-order", ".hc-scenario", ".hc-reflection", ".hc-hints"]:
        expect(quiz.locator(part), f"the sample quiz has no {part} any more").not_to_have_count(0)
    # On screen: reveal a hint, sort, reorder, end the scenario at once, write, check.
    quiz.locator(".hc-hints__show").first.click()
    quiz.locator(".hc-categorise select").first.select_option(index=1)
    quiz.locator(".hc-order__down").first.click()
    quiz.locator(".hc-scene").first.locator(".hc-choice").last.click()
    quiz.locator("textarea.hc-reflection__text").fill("Only for me.")
    use_the_quiz_on_screen(page)
    expect(quiz.locator(".hc-scene").last).to_be_hidden()  # never reached on screen
    expect(quiz.locator(".hc-scene__outcome").first).to_be_visible()

    page.emulate_media(media="print")
    assert_the_quiz_is_a_worksheet(page)


def test_printing_makes_a_pdf(page: Page, site_url):
    open_lesson(page, site_url, "sv")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") >= 2, "a lesson fills more than one page"


def test_without_javascript_the_worksheet_still_has_no_answers(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + page_path("en", LESSON))
    expect(page.locator("details.hc-answer-key").first).to_be_visible()  # on screen: the no-JS answers
    page.emulate_media(media="print")
    assert_all_hidden(page, ["details.hc-answer-key"], must_exist=True)
    assert_all_visible(page.locator("fieldset.hc-question > legend"), "question legends")
    context.close()


def test_the_print_rules_do_not_reach_the_screen(page: Page, site_url):
    open_lesson(page, site_url, "en")
    # Every rule in print.css sits inside @media print.
    rules = page.evaluate("""() => {
        const sheet = [...document.styleSheets].find(s => (s.href || '').endsWith('/assets/print.css'));
        return sheet ? [...sheet.cssRules].map(r => r.constructor.name + ' ' + (r.conditionText || '')) : null;
    }""")
    assert rules, "print.css is not loaded by the lesson page"
    assert set(rules) == {"CSSMediaRule print"}, rules

    # Printing and coming back leaves the screen as it was.
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    page.emulate_media(media="screen")
    for selector in [".md-header", ".md-sidebar--primary", ".md-footer", ".hc-quiz__check",
                     ".md-header__option .md-select"]:
        expect(page.locator(selector).first).to_be_visible()
    radio = page.locator('.hc-quiz input[type="radio"]').first
    assert css(radio, "appearance") != "none"
    assert not mark_looks_empty(page, '.hc-quiz input[type="radio"]'), "on screen a tick must show"
    use_the_quiz_on_screen(page)  # results and score show on screen, as before
    expect(page.locator(".hc-quiz__score")).to_be_visible()

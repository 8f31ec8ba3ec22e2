"""Issue 12, defects seen in the browser: hidden buttons, categorise, order, titles, option cards.

Each test drives the quiz as a trainee does (keyboard where it matters), at phone widths and on a
desktop, in several languages; answers come from the compiled quiz JSON.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from conftest import LANGUAGES, page_path
from quiz_driver import (LESSON, answer_question_by_keyboard, compiled_quiz,
                         interface, question_box, tab_to)
from test_accessibility import assert_no_violations

pytestmark = pytest.mark.browser

PHONES = [320, 390]
LABEL_WORD = {"no": "selv", "sv": "själv", "fi": "itsesi", "en": "yourself"}  # last word of quiz_label


def open_lesson(page: Page, site_url: str, lang: str, width: int = 1280):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + page_path(lang, LESSON))
    expect(page.locator(".hc-quiz--ready")).to_be_visible()
    return compiled_quiz(lang), interface(lang)


def first(quiz: dict, kind: str, test=lambda q: True) -> dict:
    return next(q for q in quiz["questions"] if q["type"] == kind and test(q))


def check(page: Page, ui: dict) -> None:
    page.get_by_role("button", name=ui["check"]).click()
    expect(page.locator(".hc-quiz__score")).not_to_be_empty()


# --- 1. [hidden] wins over Material's .md-button display --------------------------------------

@pytest.mark.parametrize("lang", ["no", "en"])
def test_try_again_is_hidden_until_the_quiz_is_checked(page: Page, site_url, lang):
    quiz, ui = open_lesson(page, site_url, lang)
    retry = page.locator(".hc-quiz__retry")
    expect(retry).to_be_hidden()
    check(page, ui)
    expect(retry).to_be_visible()


@pytest.mark.parametrize("lang", ["no", "sv"])
def test_show_a_hint_goes_away_after_the_last_hint(page: Page, site_url, lang):
    quiz, ui = open_lesson(page, site_url, lang, width=390)
    q = first(quiz, "multiple", lambda q: q["hints"])
    button = f"#hc-{quiz['id']}-{q['id']} .hc-hints__show"
    tab_to(page, button)
    for _ in q["hints"]:
        page.keyboard.press("Enter")
    expect(page.locator(button)).to_be_hidden()
    expect(question_box(page, quiz["id"], q["id"]).locator(".hc-hint").last).to_be_focused()
    assert_no_violations(page)


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_hint_control_is_a_light_link_of_touch_size(page: Page, site_url, lang):
    open_lesson(page, site_url, lang, width=320)
    hint = page.locator(".hc-hints__show").first
    style = hint.evaluate("b => { const s = getComputedStyle(b); return [s.backgroundColor, s.textDecorationLine]; }")
    assert style[0] in ("rgba(0, 0, 0, 0)", "transparent") and "underline" in style[1], style
    assert hint.bounding_box()["height"] >= 44



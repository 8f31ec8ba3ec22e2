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


# --- 2. categorise ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_categorise_groups_are_labelled_and_feedback_does_not_echo_the_group(page: Page, site_url, lang):
    quiz, ui = open_lesson(page, site_url, lang)
    q = first(quiz, "categorise")
    box = question_box(page, quiz["id"], q["id"])
    groups = box.locator(".hc-categories")
    expect(box.locator(".hc-categories__label")).to_have_text(ui["category_groups"])
    assert groups.get_attribute("aria-labelledby") == f"hc-{quiz['id']}-{q['id']}-groups"
    names = {c["id"]: c["text"] for c in q["categories"]}
    right_item, wrong_item = q["items"][0], q["items"][1]
    wrong_group = next(c for c in names if c != wrong_item["category"])
    box.locator(f"#hc-{quiz['id']}-{q['id']}-{right_item['id']}").select_option(right_item["category"])
    box.locator(f"#hc-{quiz['id']}-{q['id']}-{wrong_item['id']}").select_option(wrong_group)
    check(page, ui)
    right_note = box.locator(f'.hc-item[data-item-id="{right_item["id"]}"] .hc-option__feedback')
    wrong_note = box.locator(f'.hc-item[data-item-id="{wrong_item["id"]}"] .hc-option__feedback')
    expect(right_note).to_have_text(f"{ui['correct']}. {right_item['feedback']}")
    # The verdict is followed by the reason, not by a sentence naming the group ("Correct. Creator.")
    lead = right_note.inner_text().split(". ")[1]
    assert len(lead.split()) > 6 or names[right_item["category"]].split(":")[0] not in lead, lead
    expect(wrong_note).to_contain_text(ui["category_belongs"].replace("{group}", names[wrong_item["category"]]))
    expect(wrong_note).to_contain_text(ui["incorrect"])
    assert_no_violations(page)


@pytest.mark.parametrize("width", PHONES)
def test_categorise_list_sits_under_its_statement_on_phones(page: Page, site_url, width):
    quiz, ui = open_lesson(page, site_url, "sv", width=width)
    q = first(quiz, "categorise")
    rows = question_box(page, quiz["id"], q["id"]).locator(".hc-item")
    for n in range(rows.count()):
        label = rows.nth(n).locator("label").bounding_box()
        select = rows.nth(n).locator("select").bounding_box()
        assert select["y"] >= label["y"] + label["height"] - 1, "the list is beside its statement"
        assert select["height"] >= 44 and select["x"] + select["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width



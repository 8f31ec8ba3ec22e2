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


# --- 3. order --------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang,width", [("no", 320), ("en", 390), ("fi", 1280)])
def test_order_steps_are_numbered_ends_say_so_and_marks_use_words(page: Page, site_url, lang, width):
    quiz, ui = open_lesson(page, site_url, lang, width=width)
    q = first(quiz, "order")
    base = f"#hc-{quiz['id']}-{q['id']}"
    steps = page.locator(f"{base} .hc-step")
    # A CSS counter numbers the steps (1., 2., ...) whatever order they are moved into.
    numbers = steps.evaluate_all(
        "ls => ls.map(l => [getComputedStyle(l, '::before').content, getComputedStyle(l).counterIncrement])")
    assert all(content.startswith("counter(hc-step)") and inc == "hc-step 1" for content, inc in numbers), numbers
    for button in page.locator(f"{base} .hc-step button").all():
        size = button.bounding_box()
        assert size["width"] >= 44 and size["height"] >= 44, size
    first_up = f"{base} .hc-step:first-child .hc-order__up"
    last_down = f"{base} .hc-step:last-child .hc-order__down"
    assert page.locator(first_up).get_attribute("aria-disabled") == "true"
    assert page.locator(last_down).get_attribute("aria-disabled") == "true"
    assert page.locator(f"{base} .hc-step:nth-child(2) .hc-order__up").get_attribute("aria-disabled") == "false"
    shown = steps.evaluate_all("ls => ls.map(l => l.dataset.stepId)")
    tab_to(page, first_up, limit=200)
    page.keyboard.press("Enter")  # cannot move: nothing changes, and the page says where it is
    assert steps.evaluate_all("ls => ls.map(l => l.dataset.stepId)") == shown
    text = {s["id"]: s["text"] for s in q["steps"]}
    status = page.locator(f"{base} .hc-order__status")
    expect(status).to_have_text(ui["moved"].format(text=text[shown[0]], position=1, total=len(shown)))
    # Moving the second step up makes it first: its up button now says it cannot go further.
    tab_to(page, f'{base} .hc-step[data-step-id="{shown[1]}"] .hc-order__up')
    page.keyboard.press("Enter")
    expect(page.locator(f'{base} .hc-step[data-step-id="{shown[1]}"] .hc-order__up')).to_be_focused()
    assert page.locator(f'{base} .hc-step[data-step-id="{shown[1]}"] .hc-order__up').get_attribute("aria-disabled") == "true"
    check(page, ui)
    right = [s["id"] for s in q["steps"]]
    for n, step_id in enumerate(steps.evaluate_all("ls => ls.map(l => l.dataset.stepId)")):
        mark = steps.nth(n).locator(".hc-step__mark")
        expect(mark).to_have_text(f"✓ {ui['step_right']}" if step_id == right[n] else f"✗ {ui['step_wrong']}")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_no_violations(page)


# --- 4. titles and joined answers ------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_quiz_title_does_not_stutter(page: Page, site_url, lang):
    quiz, ui = open_lesson(page, site_url, lang)
    title = page.locator(".hc-quiz__title").inner_text()
    assert title.startswith(ui["quiz_label"] + ":")
    topic = title[len(ui["quiz_label"]) + 1:]
    assert LABEL_WORD[lang] not in topic.lower() and " – " not in topic, title


@pytest.mark.parametrize("lang", ["no", "en"])
def test_several_right_answers_are_listed_not_joined(page: Page, site_url, lang):
    quiz, ui = open_lesson(page, site_url, lang, width=390)
    q = first(quiz, "multiple", lambda q: sum(o["correct"] for o in q["options"]) > 1)
    box = question_box(page, quiz["id"], q["id"])
    wrong = next(o for o in q["options"] if not o["correct"])
    box.locator(f"#hc-{quiz['id']}-{q['id']}-{wrong['id']}").check()
    check(page, ui)
    result = box.locator(".hc-question__result")
    expect(result.locator("ul li")).to_have_text([o["text"] for o in q["options"] if o["correct"]])
    assert ".;" not in result.inner_text()
    key = box.locator(".hc-answer-key").evaluate("d => d.textContent")
    assert ".;" not in key


# --- 5. option cards -------------------------------------------------------------------------------

@pytest.mark.parametrize("lang,width", [("no", 320), ("sv", 390), ("en", 1280)])
def test_options_are_full_width_cards_with_states_in_words(page: Page, site_url, lang, width):
    quiz, ui = open_lesson(page, site_url, lang, width=width)
    q = first(quiz, "single")
    box = question_box(page, quiz["id"], q["id"])
    cards = box.locator(".hc-option")
    wrong = next(o for o in q["options"] if not o["correct"])
    card = box.locator(f'.hc-option[data-option-id="{wrong["id"]}"]')
    outer = box.locator(".hc-options").bounding_box()
    card.scroll_into_view_if_needed()
    size = card.bounding_box()
    assert size["width"] >= outer["width"] - 2 and size["height"] >= 44, (size, outer)
    border = card.evaluate("c => getComputedStyle(c).borderTopWidth")
    page.mouse.click(size["x"] + size["width"] - 6, size["y"] + size["height"] / 2)  # the card's far edge
    expect(box.locator(f"#hc-{quiz['id']}-{q['id']}-{wrong['id']}")).to_be_checked()
    assert card.evaluate("c => getComputedStyle(c).borderTopWidth") != border, "checked looks the same"
    # keyboard: Tab out of the radio group and back; the focused option's card shows an outline
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    expect(box.locator(f"#hc-{quiz['id']}-{q['id']}-{wrong['id']}")).to_be_focused()
    assert card.evaluate("c => getComputedStyle(c).outlineStyle") != "none"
    assert cards.count() == len(q["options"])
    check(page, ui)
    expect(card).to_have_class("hc-option hc-option--wrong")
    expect(card.locator(".hc-option__feedback")).to_have_text(wrong["feedback"])
    assert card.evaluate("c => getComputedStyle(c).borderTopColor") == "rgb(198, 40, 40)", "wrong is not red-bordered"
    assert card.locator("label").evaluate("l => getComputedStyle(l, '::after').content").startswith('" ✗"')
    assert_no_violations(page)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_true_or_false_says_right_or_wrong_in_words(page: Page, site_url, lang):
    quiz, ui = open_lesson(page, site_url, lang, width=320)
    q = first(quiz, "truefalse")
    wrong = "false" if q["answer"] else "true"
    answer_question_by_keyboard(page, quiz, q, right=False)
    check(page, ui)
    note = question_box(page, quiz["id"], q["id"]).locator(f'.hc-option[data-option-id="{wrong}"] .hc-option__feedback')
    expect(note).to_have_text(ui["incorrect"] + ".")


@pytest.mark.parametrize("lang", ["no", "fi"])
def test_whole_quiz_checked_by_keyboard_passes_axe_on_a_phone(page: Page, site_url, lang):
    quiz, ui = open_lesson(page, site_url, lang, width=390)
    for q in quiz["questions"]:
        if q["type"] != "reflection":
            answer_question_by_keyboard(page, quiz, q, right=False)
    tab_to(page, ".hc-quiz__check")
    page.keyboard.press("Enter")
    expect(page.locator(".hc-quiz__score")).to_be_focused()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_no_violations(page)

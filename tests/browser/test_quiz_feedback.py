"""Feedback where the learner is (issue 12): a check per question, "Question k of n" and an
answered count, the right and missed options marked, a summary that links back to each question
and the lesson sections the outcome names, and retrying one question or, after asking, the whole
quiz with an undo. Keyboard only where a trainee would use the keyboard, at phone widths too."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from conftest import LANGUAGES, page_path
from quiz_driver import (LESSON, answer_question_by_keyboard, answer_question_with_mouse,
                         answer_with_mouse, compiled_quiz, interface, right_choice, scenario_path,
                         score_line, scored, tab_to)
from test_accessibility import assert_no_violations

pytestmark = pytest.mark.browser

STORAGE_KEY = "helpercourse.progress.v1"
WIDTHS = {"phone-320": 320, "phone-390": 390, "desktop": 1280}


def open_lesson(page: Page, base_url: str, lang: str, width: int = 1280) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + page_path(lang, LESSON))
    expect(page.locator(".hc-quiz.hc-quiz--ready")).to_be_visible()


def base_of(quiz: dict, question: dict) -> str:
    return f"#hc-{quiz['id']}-{question['id']}"


def of_type(quiz: dict, kind: str, many_right: bool = False) -> dict:
    return next(q for q in quiz["questions"] if q["type"] == kind
                and (not many_right or sum(o["correct"] for o in q["options"]) > 1))


def where(ui: dict, number: int, total: int) -> str:
    return ui["question_of"].format(number=number, total=total)


def no_horizontal_scroll(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "scrolls sideways"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_checking_one_question_gives_its_feedback_there_and_announces_it(page: Page, site_url, lang):
    quiz, ui = compiled_quiz(lang), interface(lang)
    first, second = scored(quiz)[:2]
    open_lesson(page, site_url, lang)
    answer_question_by_keyboard(page, quiz, first, right=False)
    tab_to(page, f"{base_of(quiz, first)} .hc-question__check")
    page.keyboard.press("Enter")
    result = page.locator(f"{base_of(quiz, first)}-result")
    expect(result.locator(".hc-verdict")).to_have_text(ui["incorrect"])
    expect(result).to_contain_text(first["explanation"])
    chosen = next(o for o in first["options"] if not o["correct"])
    expect(page.locator(f"{base_of(quiz, first)}-{chosen['id']}-feedback")).to_have_text(chosen["feedback"])
    # Politely announced: the verdict, the feedback on the option chosen, the explanation.
    announcer = page.locator(".hc-quiz__announce")
    expect(announcer).to_have_attribute("aria-live", "polite")
    expect(announcer).to_contain_text(f"{where(ui, 1, len(quiz['questions']))}: {ui['incorrect']}")
    expect(announcer).to_contain_text(chosen["feedback"])
    expect(announcer).to_contain_text(first["explanation"])
    # Only that question: the others and the score wait for their own check.
    expect(page.locator(f"{base_of(quiz, second)}-result")).to_be_hidden()
    expect(page.locator(".hc-quiz__score")).to_have_text("")
    expect(page.locator(f"{base_of(quiz, first)} .hc-question__check")).to_be_focused()

    answer_question_by_keyboard(page, quiz, second, right=True)
    tab_to(page, f"{base_of(quiz, second)} .hc-question__check")
    page.keyboard.press("Enter")
    expect(page.locator(f"{base_of(quiz, second)}-result .hc-verdict")).to_have_text(ui["correct"])
    # The whole-quiz check is still there and checks everything.
    page.get_by_role("button", name=ui["check"]).click()
    expect(page.locator(".hc-question__result:visible")).to_have_count(len(scored(quiz)))
    expect(score_line(page)).to_contain_text(str(len(scored(quiz))))


@pytest.mark.parametrize("lang", ["no", "sv", "fi", "en"])
def test_each_question_says_which_it_is_and_the_answered_count_follows_the_answers(page: Page, site_url, lang):
    quiz, ui = compiled_quiz(lang), interface(lang)
    total, questions = len(quiz["questions"]), scored(quiz)
    open_lesson(page, site_url, lang)
    numbers = page.locator(".hc-question__number")
    expect(numbers).to_have_text([f"{where(ui, n, total)}:" for n in range(1, total + 1)])
    # The legend reads "Question 1 of 12: <prompt>" as the group's name.
    expect(page.locator(f"{base_of(quiz, questions[0])}-legend")).to_contain_text(where(ui, 1, total))
    counter = page.locator(".hc-quiz__answered")
    expect(counter).to_have_attribute("role", "status")
    expect(counter).to_have_text(ui["answered_count"].format(answered=0, total=len(questions)))
    answer_question_with_mouse(page, quiz, questions[0], right=True)
    answer_question_with_mouse(page, quiz, questions[1], right=False)
    expect(counter).to_have_text(ui["answered_count"].format(answered=2, total=len(questions)))
    page.reload()  # counted from the saved answers too
    expect(counter).to_have_text(ui["answered_count"].format(answered=2, total=len(questions)))


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_a_wrong_choice_shows_the_right_option_and_missed_ones_in_words(page: Page, site_url, lang):
    quiz, ui = compiled_quiz(lang), interface(lang)
    single, multiple = of_type(quiz, "single"), of_type(quiz, "multiple", many_right=True)
    open_lesson(page, site_url, lang)
    answer_question_with_mouse(page, quiz, single, right=False)
    page.locator(f"{base_of(quiz, single)} .hc-question__check").click()
    right_id = right_choice(single)[0]
    marker = page.locator(f'{base_of(quiz, single)} .hc-option[data-option-id="{right_id}"] .hc-option__state')
    expect(marker).to_have_text("➜" + ui["right_option"])
    expect(marker.locator(".hc-option__icon")).to_have_attribute("aria-hidden", "true")
    # In the option's label, so a screen reader says it with the option.
    expect(page.get_by_label(ui["right_option"], exact=False).first).to_be_visible()
    expect(page.locator(f"{base_of(quiz, single)} .hc-option__state")).to_have_count(1)

    # Multiple choice: one right option ticked, the other right ones marked as missed.
    rights = right_choice(multiple)
    page.locator(f"{base_of(quiz, multiple)}-{rights[0]}").check()
    page.locator(f"{base_of(quiz, multiple)} .hc-question__check").click()
    expect(page.locator(f"{base_of(quiz, multiple)}-result .hc-verdict")).to_have_text(ui["incorrect"])
    missed = page.locator(f"{base_of(quiz, multiple)} .hc-option--missed")
    expect(missed).to_have_count(len(rights) - 1)
    expect(missed.locator(".hc-option__state")).to_have_text(["➜" + ui["missed_option"]] * (len(rights) - 1))
    # A right answer needs no marker; trying again removes them.
    page.locator(f"{base_of(quiz, multiple)} .hc-question__retry").click()
    expect(page.locator(f"{base_of(quiz, multiple)} .hc-option__state")).to_have_count(0)
    for option_id in rights:
        page.locator(f"{base_of(quiz, multiple)}-{option_id}").check()
    page.locator(f"{base_of(quiz, multiple)} .hc-question__check").click()
    expect(page.locator(f"{base_of(quiz, multiple)}-result .hc-verdict")).to_have_text(ui["correct"])
    expect(page.locator(f"{base_of(quiz, multiple)} .hc-option__state")).to_have_count(0)


@pytest.mark.parametrize("lang", ["no", "en"])
def test_the_summary_links_back_to_each_question_and_to_the_sections_named(page: Page, site_url, lang):
    quiz, ui = compiled_quiz(lang), interface(lang)
    questions, total = scored(quiz), len(quiz["questions"])
    open_lesson(page, site_url, lang)
    for n, question in enumerate(questions):
        answer_question_with_mouse(page, quiz, question, right=(n == 0))
    page.get_by_role("button", name=ui["check"]).click()
    links = page.locator(".hc-quiz__summary a")
    expect(links).to_have_count(len(questions))
    expect(links.first).to_have_text(f"✓{where(ui, 1, total)}: {ui['correct']}")
    expect(links.nth(1)).to_have_text(f"✗{where(ui, 2, total)}: {ui['incorrect']}")
    expect(links.first.locator(".hc-quiz__mark")).to_have_attribute("aria-hidden", "true")
    expect(page.get_by_role("list", name=ui["summary_title"])).to_be_visible()
    # Keyboard: Enter on a summary link moves focus to that question.
    tab_to(page, ".hc-quiz__summary li:nth-child(3) a")
    page.keyboard.press("Enter")
    expect(page.locator(base_of(quiz, questions[2]))).to_be_focused()
    # A low score's outcome names lesson sections: each gets a "Read again" link to it.
    again = page.locator(".hc-quiz__read-again a")
    expect(again.first).to_be_visible()
    for link in again.all():
        target = link.get_attribute("href")
        heading = page.locator(target)
        name = heading.evaluate("h => { const c = h.cloneNode(true); c.querySelectorAll('.headerlink').forEach(a => a.remove()); return c.textContent.trim(); }")
        expect(link).to_have_text(ui["read_again"].format(section=name))
        assert name.lower() in page.locator(".hc-quiz__outcome").text_content().lower()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_one_question_can_be_tried_again_without_touching_the_others(page: Page, site_url, lang):
    quiz, ui = compiled_quiz(lang), interface(lang)
    first, second = scored(quiz)[:2]
    open_lesson(page, site_url, lang)
    expect(page.locator(f"{base_of(quiz, first)} .hc-question__retry")).to_be_hidden()  # nothing to retry yet
    answer_question_with_mouse(page, quiz, first, right=False)
    answer_question_with_mouse(page, quiz, second, right=True)
    tab_to(page, f"{base_of(quiz, first)} .hc-question__check")
    page.keyboard.press("Enter")
    tab_to(page, f"{base_of(quiz, first)} .hc-question__retry")
    page.keyboard.press("Enter")
    expect(page.locator(f"{base_of(quiz, first)} input:checked")).to_have_count(0)
    expect(page.locator(f"{base_of(quiz, first)}-result")).to_be_hidden()
    expect(page.locator(f"{base_of(quiz, first)} .hc-question__retry")).to_be_hidden()
    expect(page.locator(f"{base_of(quiz, second)} input:checked")).to_have_count(len(right_choice(second)))
    assert page.evaluate("document.activeElement.closest('fieldset').id") == base_of(quiz, first)[1:]
    saved = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))["quizzes"][quiz["id"]]["answers"]
    assert first["id"] not in saved and second["id"] in saved


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_a_scenario_can_be_played_again_on_its_own(page: Page, site_url, lang):
    quiz, ui = compiled_quiz(lang), interface(lang)
    scenario = of_type(quiz, "scenario")
    box = f"{base_of(quiz, scenario)}"
    open_lesson(page, site_url, lang)
    replay = page.get_by_role("button", name=ui["replay_scenario"])
    expect(replay).to_be_hidden()
    page.locator(f"{box} .hc-choice").first.focus()  # a keyboard user arriving at the scenario
    answer_question_by_keyboard(page, quiz, scenario, right=False)
    expect(page.locator(f'{box} .hc-choice[aria-pressed="true"]')).to_have_count(len(scenario_path(scenario, False)))
    tab_to(page, f"{box} .hc-question__retry")
    page.keyboard.press("Enter")
    expect(page.locator(f'{box} .hc-choice[aria-pressed="true"]')).to_have_count(0)
    expect(page.locator(f"{box} .hc-scene:visible")).to_have_count(1)
    expect(page.locator(f"{box} .hc-choice").first).to_be_focused()
    expect(replay).to_be_hidden()
    answer_question_by_keyboard(page, quiz, scenario, right=True)
    page.locator(f"{box} .hc-question__check").click()
    expect(page.locator(f"{box}-result .hc-verdict")).to_have_text(ui["correct"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_clearing_the_whole_quiz_asks_first_and_can_be_undone(page: Page, site_url, lang):
    quiz, ui = compiled_quiz(lang), interface(lang)
    total = len(scored(quiz))
    open_lesson(page, site_url, lang)
    answer_with_mouse(page, quiz, right=True)
    tab_to(page, ".hc-quiz__check")
    page.keyboard.press("Enter")
    before = page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # "Try again": asks in the page first
    confirm = page.get_by_role("group", name=ui["reset_confirm"])
    expect(confirm).to_be_visible()
    expect(page.get_by_role("button", name=ui["reset_yes"])).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "No, keep them": nothing lost, back on "Try again"
    expect(confirm).to_be_hidden()
    expect(page.get_by_role("button", name=ui["retry"])).to_be_focused()
    expect(score_line(page)).to_contain_text(str(total))
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")  # Escape keeps the answers too
    expect(confirm).to_be_hidden()
    expect(page.get_by_role("button", name=ui["retry"])).to_be_focused()

    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # "Yes, clear them"
    expect(page.locator(".hc-quiz input:checked")).to_have_count(0)
    expect(page.locator(".hc-quiz__score")).to_have_text("")
    expect(page.locator(".hc-quiz__summary")).to_be_hidden()
    expect(page.locator(".hc-quiz__announce")).to_have_text(ui["cleared"])
    undo = page.get_by_role("button", name=ui["undo"], exact=True)
    expect(undo).to_be_visible()
    tab_to(page, ".hc-quiz__undo-button", limit=300)
    page.keyboard.press("Enter")
    expect(page.locator(".hc-quiz__announce")).to_have_text(ui["restored"])
    expect(undo).to_be_hidden()
    expect(page.locator(".hc-quiz__check")).to_be_focused()
    expect(score_line(page)).to_contain_text(str(total))
    expect(page.locator(".hc-question__result .hc-verdict")).to_have_text([ui["correct"]] * total)
    after = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))["quizzes"][quiz["id"]]
    assert after["answers"] == json.loads(before)["quizzes"][quiz["id"]]["answers"]
    assert after["checked"] is True


def test_undo_goes_away_once_the_trainee_answers_again(page: Page, site_url):
    quiz, ui = compiled_quiz("en"), interface("en")
    first = scored(quiz)[0]
    open_lesson(page, site_url, "en")
    answer_with_mouse(page, quiz, right=False)
    page.get_by_role("button", name=ui["check"]).click()
    page.get_by_role("button", name=ui["retry"]).click()
    page.get_by_role("button", name=ui["reset_yes"]).click()
    expect(page.get_by_role("button", name=ui["undo"], exact=True)).to_be_visible()
    answer_question_with_mouse(page, quiz, first, right=True)
    expect(page.get_by_role("button", name=ui["undo"], exact=True)).to_be_hidden()
    page.reload()  # what was cleared stays cleared, the new answer stays
    expect(page.locator(".hc-quiz input:checked")).to_have_count(len(right_choice(first)))
    expect(page.locator(".hc-quiz__score")).to_have_text("")


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_every_new_state_passes_axe_and_fits_the_screen(page: Page, site_url, width):
    lang = "no" if width == 320 else ("fi" if width == 390 else "en")
    quiz, ui = compiled_quiz(lang), interface(lang)
    single = of_type(quiz, "single")
    open_lesson(page, site_url, lang, width)
    answer_question_with_mouse(page, quiz, single, right=False)
    page.locator(f"{base_of(quiz, single)} .hc-question__check").click()  # one question checked, right option marked
    expect(page.locator(".hc-option__state")).to_have_count(1)
    assert_no_violations(page)
    no_horizontal_scroll(page)
    answer_with_mouse(page, quiz, right=False)
    page.get_by_role("button", name=ui["check"]).click()  # summary and outcome links
    expect(page.locator(".hc-quiz__summary")).to_be_visible()
    assert_no_violations(page)
    no_horizontal_scroll(page)
    page.get_by_role("button", name=ui["retry"]).click()  # the confirm step
    assert_no_violations(page)
    no_horizontal_scroll(page)
    page.get_by_role("button", name=ui["reset_yes"]).click()  # cleared, with undo
    expect(page.get_by_role("button", name=ui["undo"], exact=True)).to_be_visible()
    assert_no_violations(page)
    no_horizontal_scroll(page)
    for selector in [".hc-question__check", ".hc-quiz__undo-button", ".hc-quiz__check"]:
        box = page.locator(selector).first.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, (selector, box)


def test_after_the_whole_check_the_score_and_summary_follow_one_question_retried(page: Page, site_url):
    quiz, ui = compiled_quiz("no"), interface("no")
    questions, total = scored(quiz), len(quiz["questions"])
    first = questions[0]
    open_lesson(page, site_url, "no")
    answer_with_mouse(page, quiz, right=False)
    page.get_by_role("button", name=ui["check"]).click()
    expect(score_line(page)).to_have_text(ui["score"].format(correct=0, total=len(questions)))
    page.locator(f"{base_of(quiz, first)} .hc-question__retry").click()
    link = page.locator(".hc-quiz__summary a").first
    expect(link).to_have_text(f"–{where(ui, 1, total)}: {ui['unanswered']}")
    answer_question_with_mouse(page, quiz, first, right=True)
    page.locator(f"{base_of(quiz, first)} .hc-question__check").click()
    expect(link).to_have_text(f"✓{where(ui, 1, total)}: {ui['correct']}")
    expect(score_line(page)).to_have_text(ui["score"].format(correct=1, total=len(questions)))
    page.reload()  # and it is what this browser keeps
    expect(score_line(page)).to_have_text(ui["score"].format(correct=1, total=len(questions)))

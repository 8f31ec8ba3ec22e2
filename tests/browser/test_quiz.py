"""A trainee takes the module 1 quiz in the browser: by mouse, by keyboard, in every language."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from conftest import LANGUAGES, page_path
from quiz_driver import (LESSON, answer_question_by_keyboard, answer_question_with_mouse,
                         answer_with_mouse, compiled_quiz, full_marks, input_for, interface,
                         right_choice, score_line, score_text, scored, search, tab_to, wrong_choice)

from helpercourse.quiz_json import score

pytestmark = pytest.mark.browser


def open_lesson(page: Page, base_url: str, lang: str) -> None:
    page.goto(base_url + page_path(lang, LESSON))
    expect(page.locator(".hc-quiz.hc-quiz--ready")).to_be_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_wrong_then_right_answers_get_feedback_and_a_score(page: Page, site_url, lang):
    quiz, ui = compiled_quiz(lang), interface(lang)
    total = len(scored(quiz))
    open_lesson(page, site_url, lang)
    check = page.get_by_role("button", name=ui["check"])
    retry = page.get_by_role("button", name=ui["retry"])

    answer_with_mouse(page, quiz, right=False)
    check.click()
    expect(score_line(page)).to_have_text(score_text(ui, 0, total))
    expect(page.locator(".hc-quiz__score")).to_contain_text(str(quiz["pass_mark"]))
    for question in scored(quiz):
        base = f"#hc-{quiz['id']}-{question['id']}"
        result = page.locator(f"{base}-result")
        expect(result.locator(".hc-verdict")).to_have_text(ui["incorrect"])
        expect(result).to_contain_text(question["explanation"])
        if question["type"] in ("single", "multiple"):
            chosen = wrong_choice(question)[0]
            feedback = next(o["feedback"] for o in question["options"] if o["id"] == chosen)
            expect(page.locator(f"{base}-{chosen}-feedback")).to_have_text(feedback)
        if question["type"] == "categorise":
            item = question["items"][0]
            expect(page.locator(f"{base}-{item['id']}-feedback")).to_contain_text(item["feedback"])
        if question["type"] == "scenario":
            first = question["steps"][0]["choices"]
            poor = next(c for c in first if not c["good"])
            expect(page.locator(f"{base} .hc-scene__outcome").first).to_contain_text(poor["feedback"])

    retry.click()
    page.get_by_role("button", name=ui["reset_yes"]).click()  # clearing everything asks first
    expect(page.locator(".hc-quiz__score")).to_have_text("")
    expect(page.locator(".hc-quiz input:checked")).to_have_count(0)
    expect(page.locator(".hc-question__result:visible")).to_have_count(0)

    answer_with_mouse(page, quiz, right=True)
    check.click()
    expect(score_line(page)).to_have_text(full_marks(ui, total))
    expect(page.locator(".hc-question__result .hc-verdict")).to_have_text([ui["correct"]] * total)


def test_a_partly_right_quiz_counts_only_the_right_questions(page: Page, site_url):
    quiz, ui = compiled_quiz("en"), interface("en")
    open_lesson(page, site_url, "en")
    first, *rest = quiz["questions"]
    for option_id in right_choice(first):
        input_for(page, quiz["id"], first["id"], option_id).check()
    page.get_by_role("button", name=ui["check"]).click()
    expect(score_line(page)).to_have_text(score_text(ui, 1, len(scored(quiz))))
    unanswered = page.locator(f"#hc-{quiz['id']}-{rest[0]['id']}-result .hc-verdict")
    expect(unanswered).to_have_text(ui["unanswered"])


def test_checking_an_empty_quiz_gives_no_answers_away(page: Page, site_url):
    """The right answer and the explanation come after an attempt, so they cannot be copied."""
    quiz, ui = compiled_quiz("fi"), interface("fi")
    open_lesson(page, site_url, "fi")
    page.get_by_role("button", name=ui["check"]).click()
    expect(score_line(page)).to_have_text(score_text(ui, 0, len(scored(quiz))))
    for question in scored(quiz):
        result = page.locator(f"#hc-{quiz['id']}-{question['id']}-result")
        expect(result.locator(".hc-verdict")).to_have_text(ui["unanswered"])
        expect(result).not_to_contain_text(question["explanation"])
        expect(result).not_to_contain_text(ui["right_answer"])
    expect(page.locator(".hc-option--right, .hc-option--wrong")).to_have_count(0)
    expect(page.locator(".hc-answer-key:visible")).to_have_count(0)


@pytest.mark.parametrize("first_right", [True, False])
def test_the_python_score_agrees_with_the_pages_verdict_on_every_question(page: Page, site_url, first_right):
    """quiz_json.score (for exports) judges the answers the page saved as the page itself did."""
    quiz, ui = compiled_quiz("en"), interface("en")
    open_lesson(page, site_url, "en")
    questions = scored(quiz)
    right = [(n % 2 == 0) is first_right for n in range(len(questions))]  # both runs: every type both ways
    for n, question in enumerate(questions):
        answer_question_with_mouse(page, quiz, question, right=right[n])
    page.get_by_role("button", name=ui["check"]).click()
    expect(page.locator(".hc-question__result:not([hidden])")).to_have_count(len(questions))
    saved = json.loads(page.evaluate("localStorage.getItem('helpercourse.progress.v1')"))
    answers = saved["quizzes"][quiz["id"]]["answers"]
    for n, question in enumerate(questions):
        verdict = page.locator(f"#hc-{quiz['id']}-{question['id']}-result .hc-verdict")
        expect(verdict).to_have_text(ui["correct"] if right[n] else ui["incorrect"])
        assert score(question, answers[question["id"]]["value"]) is right[n], question["id"]


def focused_id(page: Page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


@pytest.mark.parametrize("lang", ["no", "fi"])
def test_every_question_type_can_be_done_by_keyboard_alone(page: Page, site_url, lang):
    """Tab between controls, arrows, Space and Enter to answer, Enter to check, then retry."""
    quiz, ui = compiled_quiz(lang), interface(lang)
    kinds = {q["type"] for q in quiz["questions"]}
    assert {"single", "multiple", "truefalse", "categorise", "order", "scenario", "reflection"} <= kinds
    open_lesson(page, site_url, lang)
    # Reach the quiz as a keyboard user would: tabbing on from the heading just above it.
    page.evaluate("h => { h.setAttribute('tabindex', '-1'); h.focus(); }",
                  page.locator("#quiz").element_handle())
    for question in quiz["questions"]:
        answer_question_by_keyboard(page, quiz, question)
        if question["type"] == "order":  # each move is announced
            status = page.locator(f"#hc-{quiz['id']}-{question['id']}-moved")
            expect(status).to_have_attribute("aria-live", "polite")
            expect(status).not_to_be_empty()
        if question["type"] == "scenario":  # after a choice, focus is on what happened
            expect(page.locator(":focus")).to_have_class(re.compile("hc-scene__outcome"))
    tab_to(page, ".hc-quiz__check")
    page.keyboard.press("Enter")
    total = len(scored(quiz))
    expect(score_line(page)).to_have_text(full_marks(ui, total))
    expect(page.locator(".hc-quiz__score")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.textContent") == ui["retry"]
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == ui["reset_yes"]  # asks first
    page.keyboard.press("Enter")
    expect(page.locator(".hc-quiz__score")).to_have_text("")
    assert focused_id(page).startswith(f"hc-{quiz['id']}-{quiz['questions'][0]['id']}-")


def test_hints_are_revealed_one_at_a_time_by_keyboard(page: Page, site_url):
    quiz, ui = compiled_quiz("sv"), interface("sv")
    question = next(q for q in quiz["questions"] if q.get("hints"))
    open_lesson(page, site_url, "sv")
    box = page.locator(f"#hc-{quiz['id']}-{question['id']}")
    expect(box.locator(".hc-hint").first).to_be_hidden()
    tab_to(page, f"#hc-{quiz['id']}-{question['id']} .hc-hints__show")
    page.keyboard.press("Enter")
    expect(box.locator(".hc-hint").first).to_be_visible()
    expect(box.locator(".hc-hint").first).to_contain_text(question["hints"][0])


def test_the_score_is_announced_to_screen_readers(page: Page, site_url):
    """A screen reader speaks what is written into a live region that was already on the page:
    watch that region from before the check, and see the score sentence arrive in it."""
    quiz, ui = compiled_quiz("sv"), interface("sv")
    open_lesson(page, site_url, "sv")
    page.evaluate("""() => {
        const region = document.querySelector('.hc-quiz__score[aria-live="polite"], .hc-quiz__score[role="status"]');
        window.hcAnnounced = region ? [] : null;
        if (region) new MutationObserver(() => window.hcAnnounced.push(region.textContent.trim()))
            .observe(region, {childList: true, subtree: true, characterData: true});
    }""")
    assert page.evaluate("window.hcAnnounced") == [], "the score's live region is not on the page before the check"
    answer_with_mouse(page, quiz, right=True)
    page.get_by_role("button", name=ui["check"]).focus()
    page.keyboard.press("Enter")
    expect(score_line(page)).to_have_text(full_marks(ui, len(scored(quiz))))
    announced = page.evaluate("window.hcAnnounced")
    assert any(score_text(ui, len(scored(quiz)), len(scored(quiz))) in text for text in announced), announced


@pytest.mark.parametrize("start, target", [("sv", "fi"), ("en", "no"), ("no", "en")])
def test_the_language_switcher_keeps_the_reader_on_the_same_page(page: Page, site_url, start, target):
    page.goto(site_url + page_path(start, LESSON))
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'.md-select__link[hreflang="{target}"]').click()
    expect(page).to_have_url(site_url + page_path(target, LESSON))
    expect(page.locator("html")).to_have_attribute("lang", {"no": "nb"}.get(target, target))


def test_no_request_leaves_the_local_server(page: Page, site_url):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    origin = site_url.split("/courses/")[0]
    for lang in LANGUAGES:
        page.goto(site_url + page_path(lang))
        open_lesson(page, site_url, lang)
        page.evaluate("localStorage.clear()")  # answers are shared across languages; start afresh
        page.reload()
        answer_with_mouse(page, compiled_quiz(lang), right=True)
        page.get_by_role("button", name=interface(lang)["check"]).click()
    search(page, "Rogers")
    outside = [url for url in requests if not url.startswith((origin, "data:", "blob:"))]
    assert not outside, outside
    assert len(requests) > 10


def test_the_quiz_works_under_a_strict_content_security_policy(page: Page, csp_site_url):
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    quiz, ui = compiled_quiz("en"), interface("en")
    open_lesson(page, csp_site_url, "en")
    answer_with_mouse(page, quiz, right=True)
    page.get_by_role("button", name=ui["check"]).click()
    expect(score_line(page)).to_have_text(full_marks(ui, len(scored(quiz))))
    search(page, "trust")
    assert not violations, violations


def test_the_quiz_works_when_the_site_is_opened_from_disk(page: Page, built_site):
    quiz, ui = compiled_quiz("sv"), interface("sv")
    page.goto((built_site / "sv" / LESSON / "index.html").as_uri())
    expect(page.locator(".hc-quiz.hc-quiz--ready")).to_be_visible()
    answer_with_mouse(page, quiz, right=False)
    page.get_by_role("button", name=ui["check"]).click()
    expect(score_line(page)).to_have_text(score_text(ui, 0, len(scored(quiz))))


def test_without_javascript_the_questions_and_answers_are_readable(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    quiz, ui = compiled_quiz("fi"), interface("fi")
    page.goto(site_url + page_path("fi", LESSON))
    expect(page.locator("fieldset.hc-question legend")).to_have_count(len(quiz["questions"]))
    expect(page.get_by_role("button", name=ui["check"])).to_be_hidden()
    first = page.locator("details.hc-answer-key").first
    first.locator("summary").click()
    expect(first).to_contain_text(quiz["questions"][0]["explanation"])
    context.close()


def test_a_quiz_whose_type_part_did_not_load_stays_readable_without_errors(page: Page, site_url):
    """If one type's script fails to arrive, the quiz reads as it does without JavaScript."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.route("**/assets/quiz-types/order.js", lambda route: route.abort())
    quiz, ui = compiled_quiz("en"), interface("en")
    page.goto(site_url + page_path("en", LESSON))
    expect(page.locator("fieldset.hc-question legend")).to_have_count(len(quiz["questions"]))
    expect(page.locator(".hc-quiz")).not_to_have_class(re.compile("hc-quiz--ready"))
    expect(page.get_by_role("button", name=ui["check"])).to_be_hidden()
    expect(page.locator("details.hc-answer-key").first).to_be_visible()
    assert not errors, errors

"""A trainee takes the module 1 quiz in the browser: by mouse, by keyboard, in every language."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from conftest import LANGUAGES, page_path
from quiz_driver import (LESSON, answer_with_mouse, compiled_quiz, input_for, interface,
                         right_choice, score_text, search, wrong_choice)

pytestmark = pytest.mark.browser


def open_lesson(page: Page, base_url: str, lang: str) -> None:
    page.goto(base_url + page_path(lang, LESSON))
    expect(page.locator(".hc-quiz.hc-quiz--ready")).to_be_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_wrong_then_right_answers_get_feedback_and_a_score(page: Page, site_url, lang):
    quiz, ui = compiled_quiz(lang), interface(lang)
    total = len(quiz["questions"])
    open_lesson(page, site_url, lang)
    check = page.get_by_role("button", name=ui["check"])
    retry = page.get_by_role("button", name=ui["retry"])
    score = page.locator(".hc-quiz__score")

    answer_with_mouse(page, quiz, wrong_choice)
    check.click()
    expect(score).to_have_text(score_text(ui, 0, total))
    for question in quiz["questions"]:
        result = page.locator(f"#hc-{quiz['id']}-{question['id']}-result")
        expect(result.locator(".hc-verdict")).to_have_text(ui["incorrect"])
        expect(result).to_contain_text(question["explanation"])
        if question["type"] != "truefalse":
            chosen = wrong_choice(question)[0]
            feedback = next(o["feedback"] for o in question["options"] if o["id"] == chosen)
            expect(page.locator(f"#hc-{quiz['id']}-{question['id']}-{chosen}-feedback")).to_have_text(feedback)

    retry.click()
    expect(score).to_have_text("")
    expect(page.locator(".hc-quiz input:checked")).to_have_count(0)
    expect(page.locator(".hc-question__result:visible")).to_have_count(0)

    answer_with_mouse(page, quiz, right_choice)
    check.click()
    expect(score).to_have_text(f"{score_text(ui, total, total)} {ui['all_correct']}")
    expect(page.locator(".hc-verdict")).to_have_text([ui["correct"]] * total)


def test_a_partly_right_quiz_counts_only_the_right_questions(page: Page, site_url):
    quiz, ui = compiled_quiz("en"), interface("en")
    open_lesson(page, site_url, "en")
    first, *rest = quiz["questions"]
    for option_id in right_choice(first):
        input_for(page, quiz["id"], first["id"], option_id).check()
    page.get_by_role("button", name=ui["check"]).click()
    expect(page.locator(".hc-quiz__score")).to_have_text(score_text(ui, 1, len(quiz["questions"])))
    unanswered = page.locator(f"#hc-{quiz['id']}-{rest[0]['id']}-result .hc-verdict")
    expect(unanswered).to_have_text(ui["unanswered"])


def focused_id(page: Page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


@pytest.mark.parametrize("lang", ["no", "fi"])
def test_the_quiz_can_be_done_by_keyboard_alone(page: Page, site_url, lang):
    """Tab between questions, arrows or space to choose, Enter to check, then retry, no mouse."""
    quiz, ui = compiled_quiz(lang), interface(lang)
    open_lesson(page, site_url, lang)
    # Reach the quiz as a keyboard user would: tabbing on from the heading just above it.
    page.evaluate("h => { h.setAttribute('tabindex', '-1'); h.focus(); }",
                  page.locator("#quiz").element_handle())
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.hc-quiz') !== null"):
            break
    for question in quiz["questions"]:
        ids = [f"hc-{quiz['id']}-{question['id']}-{o}" for o in
               (["true", "false"] if question["type"] == "truefalse" else [o["id"] for o in question["options"]])]
        wanted = {f"hc-{quiz['id']}-{question['id']}-{o}" for o in right_choice(question)}
        if question["type"] == "multiple":
            for input_id in ids:
                assert focused_id(page) == input_id
                if input_id in wanted:
                    page.keyboard.press("Space")
                page.keyboard.press("Tab")
        else:
            assert focused_id(page) == ids[0], "Tab lands on the first option of a radio group"
            target = ids.index(next(iter(wanted)))
            if target == 0:
                page.keyboard.press("Space")
            for _ in range(target):
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == ui["check"]
    page.keyboard.press("Enter")
    score = page.locator(".hc-quiz__score")
    total = len(quiz["questions"])
    expect(score).to_have_text(f"{score_text(ui, total, total)} {ui['all_correct']}")
    expect(score).to_be_focused()
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.textContent") == ui["retry"]
    page.keyboard.press("Enter")
    expect(score).to_have_text("")
    assert focused_id(page).startswith(f"hc-{quiz['id']}-{quiz['questions'][0]['id']}-")


def test_the_score_is_announced_to_screen_readers(page: Page, site_url):
    open_lesson(page, site_url, "sv")
    score = page.locator(".hc-quiz__score")
    expect(score).to_have_attribute("role", "status")
    expect(score).to_have_attribute("aria-live", "polite")
    legend = page.locator(".hc-question legend").first
    expect(legend).not_to_be_empty()


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
        answer_with_mouse(page, compiled_quiz(lang), right_choice)
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
    answer_with_mouse(page, quiz, right_choice)
    page.get_by_role("button", name=ui["check"]).click()
    total = len(quiz["questions"])
    expect(page.locator(".hc-quiz__score")).to_have_text(f"{score_text(ui, total, total)} {ui['all_correct']}")
    search(page, "trust")
    assert not violations, violations


def test_the_quiz_works_when_the_site_is_opened_from_disk(page: Page, built_site):
    quiz, ui = compiled_quiz("sv"), interface("sv")
    page.goto((built_site / "sv" / LESSON / "index.html").as_uri())
    expect(page.locator(".hc-quiz.hc-quiz--ready")).to_be_visible()
    answer_with_mouse(page, quiz, wrong_choice)
    page.get_by_role("button", name=ui["check"]).click()
    expect(page.locator(".hc-quiz__score")).to_have_text(score_text(ui, 0, len(quiz["questions"])))


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

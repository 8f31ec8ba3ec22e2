"""A trainee's answers stay in their browser: after a reload, and after the trainer edits the quiz.

Answers are keyed by quiz id and question id plus a fingerprint of each question, so reordering
questions keeps every answer, and editing a question drops the answer to that question only.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from conftest import copy_project, page_path, run_mkdocs_build, serve_directory
from quiz_driver import (LESSON, answer_with_mouse, categories_for, compiled_quiz, full_marks,
                         interface, order_for, right_choice, scenario_path, score_line, scored)

pytestmark = pytest.mark.browser

STORAGE_KEY = "helpercourse.progress.v1"


def open_lesson(page: Page, base_url: str, lang: str) -> None:
    page.goto(base_url + page_path(lang, LESSON))
    expect(page.locator(".hc-quiz.hc-quiz--ready")).to_be_visible()


def expect_restored(page: Page, quiz: dict, question: dict) -> None:
    """The page shows the right answer the trainee gave earlier."""
    base = f"#hc-{quiz['id']}-{question['id']}"
    kind = question["type"]
    if kind in ("single", "multiple", "truefalse"):
        for option_id in right_choice(question):
            expect(page.locator(f"{base}-{option_id}")).to_be_checked()
    elif kind == "categorise":
        for item_id, category in categories_for(question, True).items():
            expect(page.locator(f"{base}-{item_id}")).to_have_value(category)
    elif kind == "order":
        ids = page.locator(f"{base} .hc-step").evaluate_all("els => els.map(e => e.dataset.stepId)")
        assert ids == order_for(question, True)
    elif kind == "scenario":
        for choice_id in scenario_path(question, True):
            expect(page.locator(f'{base} .hc-choice[data-choice-id="{choice_id}"]')).to_have_attribute("aria-pressed", "true")
    elif kind == "reflection":
        expect(page.locator(f"{base}-text")).to_have_value("A note to myself")


def answer_everything(page: Page, quiz: dict, ui: dict) -> None:
    answer_with_mouse(page, quiz, right=True)
    reflection = next(q for q in quiz["questions"] if q["type"] == "reflection")
    page.locator(f"#hc-{quiz['id']}-{reflection['id']}-text").fill("A note to myself")
    expect(page.locator(f"#hc-{quiz['id']}-{reflection['id']} .hc-reflection__status")).to_have_text(ui["reflection_saved"])
    page.get_by_role("button", name=ui["check"]).click()
    expect(score_line(page)).to_have_text(full_marks(ui, len(scored(quiz))))


def test_answers_and_score_survive_a_reload(page: Page, site_url):
    quiz, ui = compiled_quiz("sv"), interface("sv")
    open_lesson(page, site_url, "sv")
    answer_everything(page, quiz, ui)
    page.reload()
    expect(page.locator(".hc-quiz.hc-quiz--ready")).to_be_visible()
    for question in quiz["questions"]:
        expect_restored(page, quiz, question)
    expect(score_line(page)).to_have_text(full_marks(ui, len(scored(quiz))))
    expect(page.locator(".hc-quiz__storage")).to_be_empty()


def reorder_and_edit(source: str, edited_id: str) -> str:
    """The quiz with its questions in reverse order and one question's English prompt changed."""
    head, questions = source.split("\nquestions:\n", 1)
    # Top-level lines after the list (the translations' source_versions) stay at the end.
    questions, *rest = re.split(r"(?m)^(?=[^\s-])", questions, maxsplit=1)
    blocks = re.split(r"(?m)^(?=  - id: )", questions)
    blocks = [b if b.endswith("\n") else b + "\n" for b in blocks if b.strip()]
    edited = [re.sub(r'(?m)^(      en: .*?)("?)$', r"\1 (edited)\2", b, count=1)
              if b.startswith(f"  - id: {edited_id}\n") else b for b in blocks]
    return head + "\nquestions:\n" + "".join(reversed(edited)) + "".join(rest)


@pytest.fixture(scope="module")
def edited_site_url(tmp_path_factory):
    """The course rebuilt after a trainer reversed the module 1 quiz and edited its first question."""
    project = copy_project(tmp_path_factory.mktemp("edited") / "project")
    quiz_file = project / "quizzes" / "helper-relationship.yaml"
    first = compiled_quiz("en")["questions"][0]["id"]
    quiz_file.write_text(reorder_and_edit(quiz_file.read_text("utf-8"), first), "utf-8")
    site = project / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    with serve_directory(site) as url:
        yield url, json.loads((project / "build" / "quizzes" / "en" / "helper-relationship.json").read_text("utf-8"))


def test_a_reordered_quiz_keeps_answers_and_an_edited_question_drops_its_own(page: Page, site_url, edited_site_url):
    quiz, ui = compiled_quiz("en"), interface("en")
    open_lesson(page, site_url, "en")
    answer_everything(page, quiz, ui)
    saved = page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")

    # The same browser, after the trainer's edit: the saved record comes along (a new origin here).
    url, edited = edited_site_url
    page.add_init_script(f"if (!sessionStorage.getItem('seeded')) {{ localStorage.setItem('{STORAGE_KEY}', {json.dumps(saved)}); sessionStorage.setItem('seeded', '1'); }}")
    open_lesson(page, url, "en")
    assert [q["id"] for q in edited["questions"]] == [q["id"] for q in reversed(quiz["questions"])]
    changed = quiz["questions"][0]
    for question in edited["questions"]:
        if question["id"] != changed["id"]:
            expect_restored(page, edited, question)
    box = page.locator(f"#hc-{quiz['id']}-{changed['id']}")
    expect(box.locator("input:checked")).to_have_count(0)
    expect(box.locator(".hc-verdict")).to_have_text(ui["unanswered"])
    total = len(scored(quiz))
    expect(score_line(page)).to_have_text(ui["score"].format(correct=total - 1, total=total))


BLOCKED_STORAGE = """Object.defineProperty(window, 'localStorage', {
  configurable: true, get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });"""


def test_with_storage_turned_off_the_quiz_still_works_and_says_progress_is_not_saved(page: Page, site_url):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(BLOCKED_STORAGE)
    quiz, ui = compiled_quiz("fi"), interface("fi")
    open_lesson(page, site_url, "fi")
    expect(page.locator(".hc-quiz__storage")).to_have_text(ui["storage_unavailable"])
    answer_with_mouse(page, quiz, right=True)
    page.get_by_role("button", name=ui["check"]).click()
    expect(score_line(page)).to_have_text(full_marks(ui, len(scored(quiz))))
    assert not errors, errors


def test_corrupted_storage_is_set_aside_and_new_answers_are_saved(page: Page, site_url):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(f"if (!sessionStorage.getItem('seeded')) {{ localStorage.setItem('{STORAGE_KEY}', '{{not json'); sessionStorage.setItem('seeded', '1'); }}")
    quiz, ui = compiled_quiz("no"), interface("no")
    open_lesson(page, site_url, "no")
    expect(page.locator(".hc-quiz__storage")).to_have_text(ui["storage_corrupt"])
    set_aside = page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('{STORAGE_KEY}.corrupt.'))"
                              ".map(k => localStorage.getItem(k))")
    assert set_aside == ["{not json"], "the unreadable value is kept under a key of its own"
    answer_with_mouse(page, quiz, right=True)
    page.get_by_role("button", name=ui["check"]).click()
    saved = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert saved["quizzes"][quiz["id"]]["passed"] is True
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT.*Z", saved["quizzes"][quiz["id"]]["passedAt"]), "the date of the first pass"
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT.*Z", answer["at"]) for answer in saved["quizzes"][quiz["id"]]["answers"].values())
    page.reload()
    expect(page.locator(".hc-quiz__storage")).to_be_empty()
    expect(score_line(page)).to_have_text(full_marks(ui, len(scored(quiz))))
    assert not errors, errors

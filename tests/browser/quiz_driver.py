"""What a trainee does with a quiz, as reusable steps for the browser tests.

The right and wrong answers are read from the compiled quiz JSON, never written into a test.
"""

from __future__ import annotations

import json

from conftest import ROOT

QUIZ_ID = "helper-relationship"
LESSON = "01-helper-relationship/"


def compiled_quiz(lang: str, quiz_id: str = QUIZ_ID) -> dict:
    return json.loads((ROOT / "build" / "quizzes" / lang / f"{quiz_id}.json").read_text("utf-8"))


def interface(lang: str) -> dict:
    return json.loads((ROOT / "build" / "quizzes" / lang / "_interface.json").read_text("utf-8"))


def option_ids(question: dict) -> list[tuple[str, bool]]:
    if question["type"] == "truefalse":
        return [("true", question["answer"]), ("false", not question["answer"])]
    return [(option["id"], option["correct"]) for option in question["options"]]


def right_choice(question: dict) -> list[str]:
    return [option_id for option_id, correct in option_ids(question) if correct]


def wrong_choice(question: dict) -> list[str]:
    """One wrong option: what a trainee who guessed badly would tick."""
    return [next(option_id for option_id, correct in option_ids(question) if not correct)]


def input_for(page, quiz_id: str, question_id: str, option_id: str):
    return page.locator(f"#hc-{quiz_id}-{question_id}-{option_id}")


def answer_with_mouse(page, quiz: dict, choose) -> None:
    for question in quiz["questions"]:
        for option_id in choose(question):
            input_for(page, quiz["id"], question["id"], option_id).check()


def score_text(ui: dict, correct: int, total: int) -> str:
    return ui["score"].format(correct=correct, total=total)


def search(page, term: str, attempts: int = 8) -> None:
    """Type a search as a person would, typing again if the first query came too early.

    Material's search ignores a query typed while its worker is still loading the index (the
    box then says "Type to start searching"); a person simply types again, and so do we.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = page.locator(".md-search__input")
    results = page.locator(".md-search-result__item")
    for _ in range(attempts):
        box.fill("")
        box.press_sequentially(term, delay=30)
        try:
            results.first.wait_for(state="visible", timeout=2_500)
            return
        except PlaywrightTimeout:
            continue
    raise AssertionError(f"a search for {term!r} showed no results after {attempts} tries")

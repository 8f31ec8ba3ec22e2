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

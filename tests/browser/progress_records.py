"""Progress records as a trainee's browser would hold them (docs-dev/quiz-format-v2.md), for
tests that start from "module 1 passed, module 3 half done" without taking the quizzes first.
The answers are the compiled quizzes' own right or wrong answers, never written into a test."""

from __future__ import annotations

import json

from quiz_driver import categories_for, compiled_quiz, order_for, right_choice, scenario_path, scored, wrong_choice

KEY = "helpercourse.progress.v1"


def answer_value(question: dict, right: bool):
    kind = question["type"]
    if kind == "categorise":
        return categories_for(question, right)
    if kind == "order":
        return order_for(question, right)
    if kind == "scenario":
        return scenario_path(question, right)
    return (right_choice if right else wrong_choice)(question)


def quiz_entry(quiz: dict, answered: int, right: int, checked: bool) -> dict:
    """The first `answered` scored questions answered, the first `right` of them rightly."""
    questions = scored(quiz)[:answered]
    entry = {"answers": {q["id"]: {"fp": q["fingerprint"], "value": answer_value(q, n < right)}
                         for n, q in enumerate(questions)},
             "updated": "2026-12-01T10:00:00.000Z"}
    if checked:
        total = len(scored(quiz))
        passed = round(100 * right / total) >= quiz["pass_mark"]
        entry.update(checked=True, score={"correct": right, "total": total}, passed=passed)
    return entry


def record(lang: str, entries: dict[str, tuple[int, int, bool]], position: dict | None = None) -> dict:
    """`entries`: quiz id -> (answered, right, checked)."""
    quizzes = {quiz_id: quiz_entry(compiled_quiz(lang, quiz_id), *how) for quiz_id, how in entries.items()}
    found = {"format": "helpercourse-progress", "version": 1, "quizzes": quizzes}
    if position:
        found["position"] = position
    return found


def seed(page, stored: dict) -> None:
    """Put `stored` in the browser before the first page loads (once: reloads keep what changed)."""
    page.add_init_script(f"if (!sessionStorage.getItem('hc-seeded')) {{ localStorage.setItem('{KEY}', "
                         f"{json.dumps(json.dumps(stored))}); sessionStorage.setItem('hc-seeded', '1'); }}")


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "null")

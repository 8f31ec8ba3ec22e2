"""Can a quiz be passed without reading the lesson? Guessing strategies, scored for real.

A learner who guesses uses what the page shows: the order of the options, their length, a
habit of answering "true" (or "false"). Each strategy below answers every scored question of a
compiled quiz (as the page shows it, in its shown order) and is scored with the same `score` the
front end mirrors (quiz_json.score). A valid quiz stays below its pass mark under every strategy,
and on single-choice questions no strategy does much better than chance.

    python -m helpercourse.quiz_validity     a table per quiz and language (build/quizzes/)
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from .quiz_compile import OUTPUT_DIR, read_course
from .quiz_json import score
from .site_config import languages


def _first(items: list[dict]) -> dict:
    return items[0]


def _last(items: list[dict]) -> dict:
    return items[-1]


def _longest(items: list[dict]) -> dict:
    return max(items, key=lambda item: len(item["text"]))


def _shortest(items: list[dict]) -> dict:
    return min(items, key=lambda item: len(item["text"]))


PICKS: dict[str, Callable[[list[dict]], dict]] = {
    "first": _first, "last": _last, "longest": _longest, "shortest": _shortest}


def _answer(question: dict, pick: Callable[[list[dict]], dict], truth: str) -> object:
    """The answer a guesser who picks by `pick` (and says `truth` to every statement) gives."""
    kind = question["type"]
    if kind in ("single", "multiple"):
        return [pick(question["options"])["id"]]
    if kind == "truefalse":
        return [truth]
    if kind == "categorise":
        group = pick(question["categories"])["id"]
        return {item["id"]: group for item in question["items"]}
    if kind == "order":
        return list(question["shuffled"])  # left as the page shows it
    if kind == "scenario":
        path, step = [], question["steps"][0] if question["steps"] else None
        by_id = {s["id"]: s for s in question["steps"]}
        while step is not None:
            choice = pick(step["choices"])
            path.append(choice["id"])
            step = by_id.get(choice["next"]) if choice["next"] else None
        return path
    return None


def strategies() -> dict[str, tuple[Callable, str]]:
    """Name -> (how options are picked, what every true/false statement is called)."""
    found = {}
    for name, pick in PICKS.items():
        found[name] = (pick, "true")
    found["always true"] = (_first, "true")
    found["always false"] = (_first, "false")
    found["longest, always false"] = (_longest, "false")
    return found


def scored_questions(quiz: dict) -> list[dict]:
    return [q for q in quiz["questions"] if q["type"] != "reflection"]


def guessing_score(quiz: dict, pick: Callable, truth: str) -> float:
    """The percentage a guesser reaches on a compiled quiz."""
    questions = scored_questions(quiz)
    right = sum(score(q, _answer(q, pick, truth)) for q in questions)
    return 100 * right / len(questions) if questions else 0.0


def best_guess(quiz: dict) -> tuple[str, float]:
    """The strategy that does best on this quiz, and its percentage."""
    results = {name: guessing_score(quiz, pick, truth) for name, (pick, truth) in strategies().items()}
    name = max(results, key=results.get)
    return name, results[name]


def single_choice_hits(quizzes: list[dict], pick: Callable) -> tuple[int, int, float]:
    """(right picks, single-choice questions, the hits chance alone would give)."""
    singles = [q for quiz in quizzes for q in scored_questions(quiz) if q["type"] == "single"]
    hits = sum(score(q, [pick(q["options"])["id"]]) for q in singles)
    chance = sum(1 / len(q["options"]) for q in singles)
    return hits, len(singles), chance


def true_share(quizzes: list[dict]) -> tuple[int, int]:
    """(statements whose key is true, true/false statements)."""
    statements = [q for quiz in quizzes for q in scored_questions(quiz) if q["type"] == "truefalse"]
    return sum(q["answer"] for q in statements), len(statements)


def main(out_dir: Path = OUTPUT_DIR) -> int:
    course = read_course(languages(), out_dir)
    worst = 0.0
    for lang in course.languages:
        quizzes = list(course.quizzes[lang].values())
        print(f"{lang}: best guessing strategy per quiz (pass mark in brackets)")
        for quiz in sorted(quizzes, key=lambda q: q["id"]):
            name, percent = best_guess(quiz)
            worst = max(worst, percent - quiz["pass_mark"])
            flag = "  PASSES BY GUESSING" if percent >= quiz["pass_mark"] else ""
            print(f"  {quiz['id']:<26} {percent:5.1f} % by '{name}' ({quiz['pass_mark']}){flag}")
        for name, pick in PICKS.items():
            hits, total, chance = single_choice_hits(quizzes, pick)
            print(f"  single choice, always '{name}': {hits} of {total} right (chance {chance:.1f})")
        true, total = true_share(quizzes)
        print(f"  true/false keys: {true} of {total} true")
    return 1 if worst >= 0 else 0


if __name__ == "__main__":
    sys.exit(main())

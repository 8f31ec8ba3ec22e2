"""Options, statements and scenario choices are shown in a fixed shuffle, not the writer's order."""

from __future__ import annotations

from conftest import LANGUAGES, ROOT

from helpercourse.quiz_json import quiz_documents
from helpercourse.quiz_load import load_quiz


def course_sources() -> list[dict]:
    quizzes = []
    for path in sorted((ROOT / "quizzes").glob("*.yaml")):
        quiz, problems = load_quiz(path, LANGUAGES)
        assert not problems, problems
        quizzes.append(quiz)
    return quizzes


def shown(question: dict) -> list[str]:
    if "options" in question:
        return [o["id"] for o in question["options"]]
    if "items" in question:
        return [i["id"] for i in question["items"]]
    return [c["id"] for s in question.get("steps", []) for c in s.get("choices", [])]


def test_every_language_shows_the_same_order_and_every_build_the_same():
    for quiz in course_sources():
        documents = quiz_documents(quiz, LANGUAGES)
        again = quiz_documents(quiz, LANGUAGES)
        for lang in LANGUAGES:
            for question, first, repeat in zip(quiz["questions"], documents[LANGUAGES[0]]["questions"],
                                               documents[lang]["questions"]):
                assert shown(first) == shown(repeat), f"{quiz['id']}/{question['id']}: {lang} shows another order"
            assert documents[lang] == again[lang], f"{quiz['id']}: the order changed between two compiles"


def test_the_writers_right_answer_first_habit_no_longer_shows():
    """Writers put the right option first; on the page it is first about as often as chance says."""
    first_right, chance, singles = 0, 0.0, 0
    for quiz in course_sources():
        document = quiz_documents(quiz, LANGUAGES)["en"]
        for question in document["questions"]:
            if question["type"] == "single":
                singles += 1
                first_right += question["options"][0]["correct"]
                chance += 1 / len(question["options"])
    assert singles >= 20
    assert first_right <= chance + 2.5 * (chance ** 0.5) + 1, (
        f"the right option is shown first in {first_right} of {singles} single-choice questions "
        f"(chance: {chance:.1f})")


def test_categorise_statements_are_not_listed_group_by_group():
    grouped = total = 0
    for quiz in course_sources():
        for question in quiz_documents(quiz, LANGUAGES)["en"]["questions"]:
            if question["type"] != "categorise":
                continue
            total += 1
            groups = [item["category"] for item in question["items"]]
            runs = 1 + sum(a != b for a, b in zip(groups, groups[1:]))
            grouped += runs == len(set(groups))  # every group in one block
    assert total and grouped < total / 2, f"{grouped} of {total} categorise questions list items group by group"

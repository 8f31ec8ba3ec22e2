"""Rules a schema cannot say: unique ids, right answers that exist, scenarios that make sense.

Each rule works on the raw data and tolerates anything malformed (the schema reports that), so a
trainer sees these problems in the same run as the schema's. A problem is (location, message);
the location is a path into the data that the loader turns into a line number. The rules of
one question type live in its module (helpercourse/question_types/); the quiz-wide ones here.
"""

from __future__ import annotations

from typing import Any, Iterator

from .question_types import QUESTION_TYPES
from .question_types.common import Problem, dicts

__all__ = ["Problem", "semantic_problems"]


def _question_rules(data: dict) -> Iterator[Problem]:
    first_use: dict[str, int] = {}
    scored = 0
    for index, question in dicts(data.get("questions")):
        loc = ("questions", index)
        qid = question.get("id")
        if isinstance(qid, str) and qid in first_use:
            yield (loc + ("id",),
                   f"question id '{qid}' is already used by question {first_use[qid] + 1}; give "
                   "each question its own id (ids keep trainees' saved answers, so never reuse an old one)")
        if isinstance(qid, str):
            first_use.setdefault(qid, index)
        kind = QUESTION_TYPES.get(question.get("type")) if isinstance(question.get("type"), str) else None
        # an unknown type counts as scored, as before: the schema reports it
        scored += kind is None or kind.scored
        if kind:
            yield from kind.rules(question, loc, f"question {index + 1}")
    if first_use and not scored:
        yield (("questions",),
               "every question is a reflection, so there is nothing to score; add at least one "
               "question of another type")


def _outcome_rules(data: dict) -> Iterator[Problem]:
    previous = None
    for index, outcome in dicts(data.get("outcomes")):
        start = outcome.get("from")
        if not isinstance(start, int) or isinstance(start, bool):
            continue
        if index == 0 and start != 0:
            yield (("outcomes", 0, "from"),
                   f"the first outcome starts at {start}; it must start at 'from: 0' so every "
                   "score gets a message")
        if previous is not None and start <= previous:
            yield (("outcomes", index, "from"),
                   f"outcome {index + 1} starts at {start}, not above the one before ({previous}); "
                   "list outcomes from the lowest score to the highest")
        previous = start


def semantic_problems(data: Any) -> list[Problem]:
    if not isinstance(data, dict):
        return []
    return [*_question_rules(data), *_outcome_rules(data)]

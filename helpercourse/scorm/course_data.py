"""What the runtime adapter needs to know about a language's quizzes, read from the built pages.

For each module (quiz), in the order of its pages: the id, and for each scored question its
fingerprint and the ids an answer is made of (its "alphabet"). The adapter stores answers in
cmi.suspend_data as positions in these alphabets, keyed by a fingerprint prefix, which keeps a
learner's whole progress within SCORM 1.2's 4,096 characters; a question whose fingerprint
changed in a new package loses its answer, exactly as in the browser store. Reflections are
left out on purpose: what a trainee writes for themselves is not sent to the LMS.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

QUIZ_DATA = re.compile(r'<script type="application/json" class="hc-quiz-data">(.*?)</script>', re.S)
# Each position is one base-36 character in suspend_data; a question with more choices than
# that (none so far) keeps its answer in this browser only.
MAX_IDS = 36


class CourseDataProblem(Exception):
    pass


def alphabet(question: dict) -> dict:
    """The ids an answer to `question` is written in (see docs-dev/quiz-format-v2.md, answer values)."""
    kind = question["type"]
    if kind in ("single", "multiple"):
        return {"ids": [option["id"] for option in question["options"]]}
    if kind == "truefalse":
        return {"ids": ["true", "false"]}
    if kind == "order":
        return {"ids": [step["id"] for step in question["steps"]]}
    if kind == "scenario":  # choice ids are unique within the question
        return {"ids": [choice["id"] for step in question["steps"] for choice in step["choices"]]}
    if kind == "categorise":
        return {"items": [item["id"] for item in question["items"]],
                "ids": [category["id"] for category in question["categories"]]}
    raise CourseDataProblem(f"question '{question['id']}' has type '{kind}', which the SCORM "
                            "adapter cannot store yet (helpercourse/scorm/course_data.py)")


def module_data(quiz: dict) -> dict:
    questions = {}
    for question in quiz["questions"]:
        if question["type"] == "reflection":
            continue
        ids = alphabet(question)
        if max(len(ids["ids"]), len(ids.get("items", ()))) <= MAX_IDS:
            questions[question["id"]] = {"fp": question["fingerprint"], **ids}
    return {"id": quiz["id"], "pass_mark": quiz["pass_mark"], "questions": questions}


def read_modules(pages: list[Path], shown_root: Path) -> list[dict]:
    """The quizzes embedded in `pages` (read in the order given), one entry per quiz id."""
    modules, seen = [], set()
    for page in pages:
        for found in QUIZ_DATA.finditer(page.read_text(encoding="utf-8")):
            try:
                quiz = json.loads(found.group(1))
            except json.JSONDecodeError as failure:
                raise CourseDataProblem(f"{page.relative_to(shown_root)}: the quiz data is not JSON "
                                        f"({failure}); rebuild the site") from None
            if quiz["id"] not in seen:
                seen.add(quiz["id"])
                modules.append(module_data(quiz))
    return modules

"""Rules a schema cannot say: unique ids, right answers that exist, scenarios that make sense.

Each rule works on the raw data and tolerates anything malformed (the schema reports that), so a
trainer sees these problems in the same run as the schema's. A problem is (location, message);
the location is a path into the data that the loader turns into a line number.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator

Problem = tuple[tuple, str]


def _dicts(value: Any) -> Iterator[tuple[int, dict]]:
    """(index, item) for the dict items of a list; anything else yields nothing."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def _duplicate_ids(items: Any, where: tuple, what: str, owner: str) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for index, item in _dicts(items):
        item_id = item.get("id")
        if not isinstance(item_id, str):
            continue
        if item_id in seen:
            yield (where + (index, "id"),
                   f"{what} id '{item_id}' appears twice in {owner}; give each {what} its own id")
        seen.setdefault(item_id, index)


def _choice_rules(question: dict, loc: tuple, label: str) -> Iterator[Problem]:
    options = question.get("options")
    yield from _duplicate_ids(options, loc + ("options",), "option", label)
    correct = sum(option.get("correct") is True for _, option in _dicts(options))
    if question["type"] == "single" and correct != 1:
        yield (loc + ("options",),
               f"{label} is single choice and needs exactly one option with 'correct: true', "
               f"but has {correct}; mark one right answer, or use 'type: multiple' if several are right")
    if question["type"] == "multiple" and correct == 0:
        yield (loc + ("options",),
               f"{label} is multiple choice but no option has 'correct: true'; "
               "mark at least one right answer")


def _categorise_rules(question: dict, loc: tuple, label: str) -> Iterator[Problem]:
    categories = question.get("categories")
    yield from _duplicate_ids(categories, loc + ("categories",), "group", label)
    yield from _duplicate_ids(question.get("items"), loc + ("items",), "statement", label)
    known = [c["id"] for _, c in _dicts(categories) if isinstance(c.get("id"), str)]
    for index, item in _dicts(question.get("items")):
        category = item.get("category")
        if isinstance(category, str) and known and category not in known:
            yield (loc + ("items", index, "category"),
                   f"{label}, statement {index + 1}: 'category: {category}' is not one of the "
                   f"groups ({', '.join(known)}); use one of those ids")


def _order_rules(question: dict, loc: tuple, label: str) -> Iterator[Problem]:
    yield from _duplicate_ids(question.get("steps"), loc + ("steps",), "step", label)


def _scenario_rules(question: dict, loc: tuple, label: str) -> Iterator[Problem]:
    steps = question.get("steps")
    yield from _duplicate_ids(steps, loc + ("steps",), "step", label)
    position = {}
    for index, step in _dicts(steps):
        if isinstance(step.get("id"), str):
            position.setdefault(step["id"], index)
    reached = {0}
    for index, step in _dicts(steps):
        here = loc + ("steps", index)
        choices = step.get("choices")
        yield from _duplicate_ids(choices, here + ("choices",), "choice", f"{label}, step {index + 1}")
        if isinstance(choices, list) and not any(c.get("good") is True for _, c in _dicts(choices)):
            yield (here + ("choices",),
                   f"{label}, step {index + 1} has no choice with 'good: true'; mark at least one "
                   "helpful choice so the scenario can be done well")
        for c_index, choice in _dicts(choices):
            target = choice.get("next")
            if not isinstance(target, str):
                continue
            if target not in position:
                yield (here + ("choices", c_index, "next"),
                       f"{label}: 'next: {target}' is not the id of a step in this scenario; "
                       f"the steps are {', '.join(position) or 'none'}")
            elif position[target] <= index:
                yield (here + ("choices", c_index, "next"),
                       f"{label}: 'next: {target}' points back to step {position[target] + 1}; "
                       "a choice can only lead to a step further down, so every scenario ends")
            else:
                reached.add(position[target])
    for index, step in _dicts(steps):
        if index not in reached and index in position.values():
            yield (loc + ("steps", index, "id"),
                   f"{label}: no choice leads to step {index + 1} ('{step.get('id')}'); add "
                   f"'next: {step.get('id')}' to a choice above it, or remove the step")


RULES_BY_TYPE: dict[str, Callable[[dict, tuple, str], Iterator[Problem]]] = {
    "single": _choice_rules,
    "multiple": _choice_rules,
    "categorise": _categorise_rules,
    "order": _order_rules,
    "scenario": _scenario_rules,
}


def _question_rules(data: dict) -> Iterator[Problem]:
    first_use: dict[str, int] = {}
    scored = 0
    for index, question in _dicts(data.get("questions")):
        loc = ("questions", index)
        qid = question.get("id")
        if isinstance(qid, str) and qid in first_use:
            yield (loc + ("id",),
                   f"question id '{qid}' is already used by question {first_use[qid] + 1}; give "
                   "each question its own id (ids keep trainees' saved answers, so never reuse an old one)")
        if isinstance(qid, str):
            first_use.setdefault(qid, index)
        kind = question.get("type")
        scored += kind != "reflection"
        rules = RULES_BY_TYPE.get(kind) if isinstance(kind, str) else None
        if rules:
            yield from rules(question, loc, f"question {index + 1}")
    if first_use and not scored:
        yield (("questions",),
               "every question is a reflection, so there is nothing to score; add at least one "
               "question of another type")


def _outcome_rules(data: dict) -> Iterator[Problem]:
    previous = None
    for index, outcome in _dicts(data.get("outcomes")):
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

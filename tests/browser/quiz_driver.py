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


CHOICE_TYPES = ("single", "multiple", "truefalse")


def scored(quiz: dict) -> list[dict]:
    """The questions that count towards the score (reflections never do)."""
    return [q for q in quiz["questions"] if q["type"] != "reflection"]


def option_ids(question: dict) -> list[tuple[str, bool]]:
    if question["type"] == "truefalse":
        return [("true", question["answer"]), ("false", not question["answer"])]
    return [(option["id"], option["correct"]) for option in question["options"]]


def right_choice(question: dict) -> list[str]:
    return [option_id for option_id, correct in option_ids(question) if correct]


def wrong_choice(question: dict) -> list[str]:
    """One wrong option: what a trainee who guessed badly would tick."""
    return [next(option_id for option_id, correct in option_ids(question) if not correct)]


def categories_for(question: dict, right: bool) -> dict[str, str]:
    """item id -> category id: every item right, or every item in a wrong group."""
    ids = [c["id"] for c in question["categories"]]
    return {item["id"]: item["category"] if right else next(c for c in ids if c != item["category"])
            for item in question["items"]}


def order_for(question: dict, right: bool) -> list[str]:
    ids = [step["id"] for step in question["steps"]]
    return ids if right else ids[::-1]


def scenario_path(question: dict, right: bool) -> list[str]:
    """Choice ids from the first step to an end: always helpful, or starting with a poor choice."""
    steps = {step["id"]: step for step in question["steps"]}
    step, path = question["steps"][0], []
    while step:
        wanted = [c for c in step["choices"] if c["good"] == (right or bool(path))]
        choice = wanted[0] if wanted else step["choices"][0]
        path.append(choice["id"])
        step = steps.get(choice["next"])
    return path


def input_for(page, quiz_id: str, question_id: str, option_id: str):
    return page.locator(f"#hc-{quiz_id}-{question_id}-{option_id}")


def question_box(page, quiz_id: str, question_id: str):
    return page.locator(f"#hc-{quiz_id}-{question_id}")


def answer_question_with_mouse(page, quiz: dict, question: dict, right: bool) -> None:
    box = question_box(page, quiz["id"], question["id"])
    kind = question["type"]
    if kind in CHOICE_TYPES:
        for option_id in (right_choice if right else wrong_choice)(question):
            input_for(page, quiz["id"], question["id"], option_id).check()
    elif kind == "categorise":
        for item_id, category in categories_for(question, right).items():
            input_for(page, quiz["id"], question["id"], item_id).select_option(category)
    elif kind == "order":
        for position, step_id in enumerate(order_for(question, right)):
            while box.locator(".hc-step").nth(position).get_attribute("data-step-id") != step_id:
                box.locator(f'.hc-step[data-step-id="{step_id}"] .hc-order__up').click()
    elif kind == "scenario":
        for choice_id in scenario_path(question, right):
            box.locator(f'.hc-choice[data-choice-id="{choice_id}"]').click()


def answer_with_mouse(page, quiz: dict, right: bool) -> None:
    for question in scored(quiz):
        answer_question_with_mouse(page, quiz, question, right)


def score_line(page):
    """The first line of the score box: 'You got N of M right.'"""
    return page.locator(".hc-quiz__score p").first


def score_text(ui: dict, correct: int, total: int) -> str:
    return ui["score"].format(correct=correct, total=total)


def full_marks(ui: dict, total: int) -> str:
    return f"{score_text(ui, total, total)} {ui['all_correct']}"


# --- the keyboard: every step is a key press; the page is only read to decide the next key -------

def focus_is(page, selector: str) -> bool:
    return page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector)


def tab_to(page, selector: str, limit: int = 200) -> None:
    """Press Tab (or Shift+Tab, if the target is above) until the element is focused."""
    for _ in range(limit):
        if focus_is(page, selector):
            return
        above = page.evaluate(
            """s => { const t = document.querySelector(s), a = document.activeElement;
                      return !!(t && a && a !== document.body &&
                                (t.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING)); }""",
            selector)
        page.keyboard.press("Shift+Tab" if above else "Tab")
    raise AssertionError(f"Tab never reached {selector}")


def answer_question_by_keyboard(page, quiz: dict, question: dict, right: bool = True) -> None:
    base = f"#hc-{quiz['id']}-{question['id']}"
    kind = question["type"]
    if kind in CHOICE_TYPES:
        ids = [option_id for option_id, _ in option_ids(question)]
        wanted = (right_choice if right else wrong_choice)(question)
        if kind == "multiple":
            for option_id in wanted:
                tab_to(page, f"{base}-{option_id}")
                page.keyboard.press("Space")
        else:  # a radio group: Tab lands on its first option, arrows move and choose
            tab_to(page, f"{base}-{ids[0]}")
            target = ids.index(wanted[0])
            page.keyboard.press("Space") if target == 0 else None
            for _ in range(target):
                page.keyboard.press("ArrowDown")
    elif kind == "categorise":
        names = [c["id"] for c in question["categories"]]
        for item_id, category in categories_for(question, right).items():
            tab_to(page, f"{base}-{item_id}")
            for _ in range(names.index(category) + 1):  # the empty "choose" entry comes first
                page.keyboard.press("ArrowDown")
    elif kind == "order":
        for position, step_id in enumerate(order_for(question, right)):
            tab_to(page, f'{base} .hc-step[data-step-id="{step_id}"] .hc-order__up')
            while page.locator(f"{base} .hc-step").nth(position).get_attribute("data-step-id") != step_id:
                page.keyboard.press("Enter")  # focus stays on the moved step's button
    elif kind == "scenario":
        for choice_id in scenario_path(question, right):
            tab_to(page, f'{base} .hc-choice[data-choice-id="{choice_id}"]')
            page.keyboard.press("Enter")
    elif kind == "reflection":
        tab_to(page, f"{base}-text")
        page.keyboard.type("Notes for myself")


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

"""From a compiled quiz document (build/quizzes/<lang>/<id>.json) to format-neutral bank questions.

Every format writes from these, so all three agree on names, stems, right answers, feedback and
what is left out. Texts stay plain here (the course never renders quiz text as Markdown); each
format turns them into its own HTML. Mapping choices, and why:

- single → multichoice, one answer at 100 %; multiple → multichoice with the right answers
  sharing 100 % and the wrong ones sharing -100 %, so ticking everything scores 0 (Moodle's
  usual set-up; the course itself marks all-or-nothing).
- truefalse → truefalse; the explanation is the general feedback.
- categorise → matching: each statement a sub-question, its group the answer. Moodle has no
  feedback per sub-question, so each statement's feedback goes into the general feedback.
- order → ordering (qtype_ordering, standard in Moodle since 4.4); GIFT has no such type.
- scenario → one multichoice per situation, the scenario text and the situation in the stem.
  An LMS asks every situation in turn: the branching (which choice leads where) is not kept.
- reflection → essay worth 0 marks: trainers keep the prompt in their bank, and, as in the
  course, it never counts towards a score.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from ..question_types.common import fill

# Moodle accepts only these grade percentages on import ("Error if grade not listed" is the
# default); 100/k for k = 1..10 are all among them.
MOODLE_GRADES = (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20,
                 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0)


@dataclass
class Answer:
    text: str
    fraction: float  # percent, as Moodle writes it: 100, 33.33333, -50
    feedback: str = ""


@dataclass
class BankQuestion:
    """One question as an LMS bank holds it. `kind` is the Moodle type name."""

    ident: str  # "<quiz>/<question>" or, for a scenario's situation, "<quiz>/<question>/<step>"
    kind: str  # multichoice | truefalse | matching | ordering | essay
    source_type: str  # the course's type (single, multiple, ..., reflection)
    name: str
    stem: str
    general_feedback: str = ""
    hints: list[str] = field(default_factory=list)
    single: bool = True  # multichoice: one answer (radio buttons) or several (checkboxes)
    answers: list[Answer] = field(default_factory=list)  # multichoice
    truth: bool | None = None  # truefalse
    pairs: list[tuple[str, str]] = field(default_factory=list)  # matching: (statement, group)
    groups: list[str] = field(default_factory=list)  # matching: every group, in course order
    steps: list[str] = field(default_factory=list)  # ordering: the right order
    shown: list[str] = field(default_factory=list)  # ordering: the order the course shows
    points: int = 1  # essay: 0


@dataclass
class Bank:
    quiz_id: str
    lang: str
    title: str
    questions: list[BankQuestion]


@dataclass(frozen=True)
class Skip:
    """A question a format leaves out, and why (listed by make and in the README)."""

    fmt: str
    lang: str
    ident: str
    source_type: str
    reason: str


NAME_CHARS = 70


def short(text: str, limit: int = NAME_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def grade(percent: float) -> float:
    """The Moodle grade nearest to `percent` (same sign), so an import never stops on it."""
    size = min(MOODLE_GRADES, key=lambda g: abs(g - abs(percent)))
    return size if percent >= 0 else -size


def choice_answers(options: list[dict], right_key: str, single: bool) -> list[Answer]:
    """Fractions for a choice: 100 for the one right answer, or shares of +100 / -100."""
    right = [o for o in options if o[right_key]]
    wrong = [o for o in options if not o[right_key]]
    answers = []
    for option in options:
        if single:
            fraction = 100.0 if option[right_key] else 0.0
        elif option[right_key]:
            fraction = grade(100 / len(right))
        else:
            fraction = grade(-100 / len(wrong))
        answers.append(Answer(option["text"], fraction, option.get("feedback", "")))
    return answers


def _name(number: str, prompt: str) -> str:
    return f"{number} {short(prompt)}"


def bank_questions(quiz: dict, ui: dict) -> list[BankQuestion]:
    """Every question of one compiled quiz document, in quiz order."""
    out: list[BankQuestion] = []
    for index, q in enumerate(quiz["questions"], 1):
        number, ident, kind = f"{index:02d}", f"{quiz['id']}/{q['id']}", q["type"]
        base = dict(ident=ident, source_type=kind, name=_name(number, q["prompt"]), stem=q["prompt"],
                    general_feedback=q.get("explanation", ""), hints=list(q.get("hints", [])))
        if kind in ("single", "multiple"):
            out.append(BankQuestion(kind="multichoice", single=kind == "single",
                                    answers=choice_answers(q["options"], "correct", kind == "single"),
                                    **base))
        elif kind == "truefalse":
            out.append(BankQuestion(kind="truefalse", truth=q["answer"], **base))
        elif kind == "categorise":
            names = {c["id"]: c["text"] for c in q["categories"]}
            reasons = "\n".join(f"{i['text']} → {names[i['category']]}: {i['feedback']}" for i in q["items"])
            base["general_feedback"] = "\n\n".join(t for t in (base["general_feedback"], reasons) if t)
            out.append(BankQuestion(kind="matching", groups=[c["text"] for c in q["categories"]],
                                    pairs=[(i["text"], names[i["category"]]) for i in q["items"]], **base))
        elif kind == "order":
            text = {s["id"]: s["text"] for s in q["steps"]}
            out.append(BankQuestion(kind="ordering", steps=[s["text"] for s in q["steps"]],
                                    shown=[text[i] for i in q["shuffled"]], **base))
        elif kind == "scenario":
            out.extend(_scenario_parts(q, number, ident, base, ui))
        elif kind == "reflection":
            stem = "\n\n".join(t for t in (q["prompt"], q.get("guidance") or "") if t)
            out.append(BankQuestion(ident=ident, kind="essay", source_type=kind, name=base["name"],
                                    stem=stem, points=0))
        else:  # pragma: no cover - a new course type must be mapped here first
            raise ValueError(f"{ident}: no LMS mapping for question type '{kind}'")
    return out


def _scenario_parts(q: dict, number: str, ident: str, base: dict, ui: dict) -> list[BankQuestion]:
    parts = []
    total = len(q["steps"])
    for n, step in enumerate(q["steps"], 1):
        heading = fill(ui.get("situation", "Situation {step}"), step=n)
        good = sum(c["good"] for c in step["choices"])
        parts.append(BankQuestion(
            ident=f"{ident}/{step['id']}", kind="multichoice", source_type="scenario",
            name=_name(f"{number}.{n}" if total > 1 else number, q["prompt"]),
            stem=f"{q['prompt']}\n\n{heading}: {step['text']}",
            general_feedback=base["general_feedback"], hints=base["hints"], single=good == 1,
            answers=choice_answers(step["choices"], "good", good == 1)))
    return parts


def make_bank(quiz: dict, ui: dict) -> Bank:
    return Bank(quiz["id"], quiz["lang"], quiz["title"], bank_questions(quiz, ui))


def paragraphs(text: str) -> list[str]:
    """Plain text split where the writer left a blank line (each becomes an HTML paragraph)."""
    return [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]


def to_html(text: str) -> str:
    """Plain course text as HTML: escaped (a '<' stays a '<'), blank lines make paragraphs,
    single line breaks stay breaks. Empty text gives an empty string."""
    return "".join(f"<p>{escape(part, quote=False).replace(chr(10), '<br>')}</p>"
                   for part in paragraphs(text))

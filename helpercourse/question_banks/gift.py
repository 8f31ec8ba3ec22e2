"""GIFT (Question bank → Import → GIFT format): Moodle's plain-text question format.

Every text is written as HTML (the `[html]` marker on each question; answers and feedback take
the question's format), escaped from the course's plain text, then GIFT-escaped: ~ = # { } :
and \\ get a backslash, as Moodle's GIFT reader (and the gift-pegjs parser) require. A blank line
ends a question in GIFT, so line breaks are written as <br>. GIFT has no ordering type and no
hints: order questions are left out (listed), hints are not carried.
"""

from __future__ import annotations

import re

from .mapping import Bank, BankQuestion, Skip, to_html

_SPECIAL = re.compile(r"([~=#{}:\\])")


def escape(text: str) -> str:
    r"""Text safe in any GIFT position: each of ~ = # { } : \ preceded by a backslash."""
    return _SPECIAL.sub(r"\\\1", text)


def _html(text: str) -> str:
    return escape(to_html(text))


def _weight(fraction: float) -> str:
    return f"{fraction:.5f}".rstrip("0").rstrip(".")


def _answers(q: BankQuestion) -> list[str]:
    lines = []
    for answer in q.answers:
        if q.single:
            mark = "=" if answer.fraction == 100 else "~"
        else:
            mark = f"~%{_weight(answer.fraction)}%"
        feedback = f"#{_html(answer.feedback)}" if answer.feedback else ""
        lines.append(f"\t{mark}{_html(answer.text)}{feedback}")
    return lines


def _matching(q: BankQuestion) -> list[str]:
    # the answer side of a GIFT pair is plain text (no format, no HTML)
    return [f"\t={_html(statement)} -> {escape(' '.join(group.split()))}" for statement, group in q.pairs]


def question_text(q: BankQuestion) -> str | None:
    """The GIFT text of one question, or None for a type GIFT cannot hold."""
    head = f"// question: {q.ident}\n::{escape(q.name)}::[html]{_html(q.stem)}"
    general = f"\t####{_html(q.general_feedback)}" if q.general_feedback else None
    if q.kind == "essay":
        return head + "{}"
    if q.kind == "truefalse":
        tail = f"####{_html(q.general_feedback)}" if q.general_feedback else ""
        return f"{head}{{{'TRUE' if q.truth else 'FALSE'}{tail}}}"
    if q.kind == "multichoice":
        body = _answers(q)
    elif q.kind == "matching":
        body = _matching(q)
    else:
        return None
    return "\n".join([head + "{", *body, *([general] if general else []), "}"])


REASONS = {"ordering": "GIFT has no ordering question type; use the Moodle XML file (Moodle 4.4+ "
                       "imports it as an Ordering question)"}


def gift(banks: list[Bank], skips: list[Skip] | None = None) -> str:
    """The GIFT text of the given banks; every question left out is appended to `skips`."""
    parts = []
    for bank in banks:
        parts.append(f"// {bank.title} ({bank.quiz_id}, {bank.lang})\n"
                     f"$CATEGORY: $course$/top/{bank.title.replace('/', '//')}")
        for q in bank.questions:
            text = question_text(q)
            if text is None:
                if skips is not None:
                    skips.append(Skip("gift", bank.lang, q.ident, q.source_type, REASONS[q.kind]))
                continue
            parts.append(text)
    return "\n\n".join(parts) + "\n"

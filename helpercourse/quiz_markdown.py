"""A plain Python-Markdown extension for quizzes: a ```quiz fence becomes the course's quiz HTML.

    import markdown
    from helpercourse.quiz_markdown import QuizExtension

    html = markdown.markdown("```quiz\\ntrust\\n```",
                             extensions=[QuizExtension(quizzes={"trust": doc}, interface=ui)])

`quizzes` maps quiz id -> compiled quiz document in the page's language (build/quizzes/<lang>/
<id>.json), `interface` is that language's interface strings (build/quizzes/<lang>/
_interface.json). The HTML is exactly what the site puts in a lesson (quiz_render.render_quiz).
It needs no MkDocs, so the quiz engine keeps working wherever Python-Markdown runs; sites
using pymdownx.superfences can register `quiz_fence(...)` as a custom fence instead.

A fence naming an unknown quiz raises UnknownQuiz ("line N: ..."), or with missing="note"
(a live preview) puts a visible note in the page instead.
"""

from __future__ import annotations

import re
from html import escape

from markdown import Extension
from markdown.preprocessors import Preprocessor

from .quiz_render import render_quiz

# As in page_checks.py: ```quiz (or ~~~quiz), the quiz id on the next line, the same fence to close.
_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*quiz[ \t]*\n"
    r"(?P<body>.*?)"
    r"^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL)


class UnknownQuiz(ValueError):
    """A quiz fence names no quiz that was given to the extension."""


def _missing_note(quiz_id: str) -> str:
    return f'<p class="hc-quiz-missing" role="alert">Unknown quiz: {escape(quiz_id)}</p>'


def quiz_html(quiz_id: str, quizzes: dict[str, dict], interface: dict, line: int | None = None,
              missing: str = "error") -> str:
    """The HTML for one fence's quiz id; raises UnknownQuiz for an id not in `quizzes`."""
    quiz = quizzes.get(quiz_id)
    if quiz is not None:
        return render_quiz(quiz, interface)
    if missing == "note":
        return _missing_note(quiz_id)
    where = f"line {line}: " if line is not None else ""
    if not quiz_id:
        raise UnknownQuiz(f"{where}the quiz block is empty; put the quiz id (the quiz file's "
                          "name without .yaml) on the line after ```quiz")
    known = ", ".join(sorted(quizzes)) or "none"
    raise UnknownQuiz(f"{where}unknown quiz id '{quiz_id}'; the quizzes are: {known} "
                      "(files in quizzes/, named <id>.yaml)")


class QuizPreprocessor(Preprocessor):
    """Replaces each quiz fence with the rendered quiz, kept aside in Markdown's HTML stash."""

    def __init__(self, md, quizzes: dict[str, dict], interface: dict, missing: str):
        super().__init__(md)
        self.quizzes, self.interface, self.missing = quizzes, interface, missing

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "quiz" not in text:
            return lines

        def replace(match: re.Match) -> str:
            line = text.count("\n", 0, match.start()) + 1
            html = quiz_html(match.group("body").strip(), self.quizzes, self.interface, line, self.missing)
            # a block of its own, so Markdown puts the HTML back unwrapped
            return f"\n{match.group('indent')}{self.md.htmlStash.store(html)}\n"

        return _FENCE.sub(replace, text).split("\n")


class QuizExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "quizzes": [{}, "quiz id -> compiled quiz document, in the page's language"],
            "interface": [{}, "the interface strings in the page's language"],
            "missing": ["error", "'error': raise UnknownQuiz for an unknown id; 'note': say so in the page"],
        }
        super().__init__(**kwargs)
        if self.getConfig("missing") not in ("error", "note"):
            raise ValueError(f"QuizExtension: missing={self.getConfig('missing')!r}; use 'error' or 'note'")

    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        # After whitespace normalising (30), before fenced code (25) so no code block takes it.
        md.preprocessors.register(
            QuizPreprocessor(md, self.getConfig("quizzes"), self.getConfig("interface"),
                             self.getConfig("missing")),
            "helpercourse_quiz", 28)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's name for `extensions=["helpercourse.quiz_markdown"]`
    return QuizExtension(**kwargs)


def quiz_fence(quizzes: dict[str, dict], interface: dict, missing: str = "error") -> dict:
    """A pymdownx.superfences custom fence that renders quizzes (for sites built on superfences)."""
    from pymdownx.superfences import SuperFencesException  # only when superfences is wanted

    def format_quiz(source, language, css_class, options, md, **kwargs):
        try:
            return quiz_html(source.strip(), quizzes, interface, missing=missing)
        except UnknownQuiz as error:  # superfences would swallow any other exception
            raise SuperFencesException(str(error)) from error

    return {"name": "quiz", "class": "hc-quiz", "format": format_quiz}

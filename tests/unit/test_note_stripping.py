"""Facilitator notes are cut exactly where Python-Markdown would end them, and nowhere else."""

from __future__ import annotations

import re
import textwrap
from html.parser import HTMLParser

import markdown
import pytest

from helpercourse.facilitator_notes import empty_note_lines, strip_notes
from helpercourse.course import CoursePage
from helpercourse.front_matter import read_page
from helpercourse.problems import ProblemsFound

EXTENSIONS = ["admonition", "pymdownx.details", "pymdownx.superfences", "md_in_html"]


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def page(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


NOTES = {
    "plain": page('''
        Intro paragraph KEEP1.

        !!! facilitator "Til kursholderen"
            Plan GONE1, with **bold**.

            - a list GONE2
            - more GONE3

        ## Next KEEP2
        '''),
    "no title, right before a heading": page('''
        !!! facilitator
            GONE1
        ## Heading KEEP1
        Text KEEP2
        '''),
    "blank line first, then text": page('''
        !!! facilitator "For the facilitator"

            GONE1

        KEEP1 after it.
        '''),
    "collapsible, capitals and a second type": page('''
        ???+ Facilitator inline "Kouluttajalle"
            GONE1
        KEEP1
        '''),
    "nested in a list item": page('''
        - item KEEP1

            !!! facilitator "x"
                GONE1

        - item KEEP2
        '''),
    "holding a code block": page('''
        !!! facilitator "x"
            ```
            GONE1
            ```

            GONE2
        KEEP1
        '''),
    "after another admonition": page('''
        !!! example "Scenario KEEP1"
            Story KEEP2.

        !!! facilitator "x"
            GONE1
        KEEP3
        '''),
    "tab-indented": "!!! facilitator \"x\"\n\tGONE1\n\nKEEP1\n",
}


class _NoteText(HTMLParser):
    """The text inside elements whose class names a facilitator note, and the text outside."""

    def __init__(self):
        super().__init__()
        self.depth, self.inside, self.outside = 0, [], []

    def handle_starttag(self, tag, attrs):
        if self.depth or "facilitator" in (dict(attrs).get("class") or "").lower().split():
            self.depth += tag not in VOID

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        (self.inside if self.depth else self.outside).append(data)


VOID = {"br", "hr", "img", "input", "meta", "link"}


def split_text(html: str) -> tuple[str, str]:
    parser = _NoteText()
    parser.feed(html)
    return " ".join(parser.inside), " ".join(parser.outside)


@pytest.mark.parametrize("text", NOTES.values(), ids=NOTES.keys())
def test_a_note_goes_and_everything_else_stays(text):
    gone, kept = re.findall(r"GONE\d+", text), re.findall(r"KEEP\d+", text)
    # Python-Markdown's own reading of the page: the GONE words, and only they, are in the note.
    inside, outside = split_text(render(text))
    assert all(word in inside for word in gone) and not any(word in inside for word in kept)
    stripped = strip_notes(text)
    assert stripped.count("\n") == text.count("\n"), "line numbers must not move"
    inside, outside = split_text(render(stripped))
    assert not inside and "GONE" not in stripped
    assert all(word in outside for word in kept), "text outside the note was cut"


def test_other_admonitions_and_code_that_shows_the_syntax_stay():
    text = page('''
        !!! example "Scenario"
            Story.

        ```markdown
        !!! facilitator "Til kursholderen"
            Example of the syntax.
        ```
        ''')
    assert strip_notes(text) == text


def test_a_note_without_indented_text_is_reported_at_its_line():
    text = page('''
        ---
        title: x
        ---

        !!! facilitator "Til kursholderen"
        Forgot the indent.

        !!! facilitator "fine"
            Indented.
        ''')
    assert empty_note_lines(text) == [5]


@pytest.mark.parametrize("front, expected", [
    ("trainer_only: true", True), ("trainer_only: false", False), ("title: x", False)])
def test_trainer_only_front_matter(tmp_path, front, expected):
    path = tmp_path / "page.md"
    path.write_text(f"---\n{front}\n---\n\n# Page\n", encoding="utf-8")
    assert CoursePage("no", "page.md", path, read_page(path)).trainer_only is expected


def test_a_trainer_only_value_that_is_not_true_or_false_is_reported_with_its_line(tmp_path):
    """The page is then not read at all: the build stops, and a preview leaves it out."""
    path = tmp_path / "page.md"
    path.write_text("---\ntitle: x\ntrainer_only: maybe\n---\n\n# Page\n", encoding="utf-8")
    with pytest.raises(ProblemsFound) as found:
        read_page(path)
    assert [(p.line, p.message) for p in found.value.problems] == [
        (3, "'trainer_only' must be true or false, not 'maybe'")]

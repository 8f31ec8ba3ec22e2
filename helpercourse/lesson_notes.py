"""Somewhere to write under each in-lesson reflection (`!!! question` boxes on module pages).

Every such box gets a labelled text box that overrides/assets/lesson-notes.js shows and saves
in this browser, with the rest of the learner's progress (HelperCourseProgress.writeNote).
Without JavaScript the text box stays hidden and the box says to write on paper instead, as a
text box that forgets what was typed would mislead.

A box's note id is the module page's name, the section it stands in and its place there:
`01-helper-relationship/reflection-1`. It is the same in every language (the section anchors
are), so a learner who switches language finds the same note, and it survives edits anywhere
else on the page.
"""

from __future__ import annotations

import re
from html import escape

_BOX = re.compile(r'<div class="admonition question">')
_DIV = re.compile(r"<(/?)div\b")
_SECTION = re.compile(r'<h2 id="([^"]+)"')


def _box_end(html: str, start: int) -> int:
    """The index of the `</div>` that closes the box opening at `start`."""
    depth = 0
    for tag in _DIV.finditer(html, start):
        depth += -1 if tag[1] else 1
        if depth == 0:
            return tag.start()
    return -1


def note_ids(html: str, page_name: str) -> list[tuple[int, int, str]]:
    """(start, end of contents, note id) of every reflection box in a page's HTML."""
    found, counts = [], {}
    for box in _BOX.finditer(html):
        end = _box_end(html, box.start())
        if end < 0:
            continue
        sections = _SECTION.findall(html, 0, box.start())
        section = sections[-1] if sections else "top"
        counts[section] = counts.get(section, 0) + 1
        found.append((box.start(), end, f"{page_name}/{section}-{counts[section]}"))
    return found


def _writing_box(note_id: str, ui: dict) -> str:
    element_id = "hc-note-" + re.sub(r"[^a-z0-9-]+", "-", note_id.lower())
    return (
        f'<div class="hc-note" data-note-id="{escape(note_id)}">'
        f'<p class="hc-note__paper">{escape(ui["note_on_paper"])}</p>'
        '<div class="hc-note__write" hidden>'
        f'<label class="hc-note__label" for="{element_id}">{escape(ui["note_label"])}</label>'
        f'<p class="hc-note__hint" id="{element_id}-hint">{escape(ui["reflection_instruction"])}</p>'
        f'<textarea class="hc-note__text" id="{element_id}" rows="6" aria-describedby="{element_id}-hint"></textarea>'
        f'<p class="hc-note__status" role="status" data-saved="{escape(ui["reflection_saved"])}" '
        f'data-unavailable="{escape(ui["storage_unavailable"])}"></p>'
        '</div></div>')


def add_writing_boxes(html: str, page_name: str, ui: dict) -> str:
    """The page's HTML with a writing box at the end of every reflection box."""
    for _, end, note_id in reversed(note_ids(html, page_name)):
        html = html[:end] + _writing_box(note_id, ui) + html[end:]
    return html


_MD_SECTION = re.compile(r"^## .*\{#([a-z0-9-]+)\}[ \t]*$")
_MD_BOX = re.compile(r'^!!! question(?: +"(?P<title>.*?)")?[ \t]*$')


def boxes_in_markdown(body: str, page_name: str) -> list[tuple[str, str]]:
    """(note id, box title) of every reflection box in a module page's Markdown, with the ids
    add_writing_boxes gives them (for the progress page's list of reflections). Sections are
    the `## … {#anchor}` headings every lesson uses."""
    found, counts, section = [], {}, "top"
    for line in body.splitlines():
        heading = _MD_SECTION.match(line)
        if heading:
            section = heading[1]
            continue
        box = _MD_BOX.match(line)
        if box:
            counts[section] = counts.get(section, 0) + 1
            found.append((f"{page_name}/{section}-{counts[section]}", box["title"] or ""))
    return found

"""Facilitator notes: `!!! facilitator "…"` admonitions in a lesson, for the trainer's eyes only.

The trainee site must not contain them at all (not hidden: absent from the HTML, the search
index and everything built from the page), so they are cut from the Markdown before MkDocs
renders it. A note's lines are replaced by empty lines rather than removed, so every later
`file:line` message about the page still points at the right line.

A note is what Python-Markdown's admonition (and pymdown's `???` details) would make of it:
the marker line, at any indentation, and the lines after it that are blank or indented deeper.
A marker with no indented text after it is reported, because its text would otherwise print as
an ordinary paragraph on the trainee site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NOTE_TYPE = "facilitator"
# The marker grammar of markdown.extensions.admonition and pymdownx.details; types compared
# case-insensitively, as Python-Markdown lower-cases them.
_MARKER = re.compile(r'^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?) ?(?P<types>[\w-]+(?: +[\w-]+)*)(?: +"(?P<title>.*?)")? *$')
_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
_STARTS = {"```", "~~~", "!!!", "???"}


@dataclass(frozen=True)
class Note:
    first: int  # 0-based index of the marker line
    end: int    # index just past the note's last indented line
    title: str

    @property
    def empty(self) -> bool:
        return self.end == self.first + 1


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def find_notes(lines: list[str]) -> list[Note]:
    """Every facilitator note in the page's lines, outside fenced code blocks."""
    notes, fence, i = [], None, 0
    while i < len(lines):
        line = lines[i]
        if line.lstrip()[:3] not in _STARTS:  # most lines: neither a fence nor a marker
            i += 1
            continue
        opening = _FENCE.match(line)
        if fence:  # inside a code block: only its closing fence matters
            if opening and opening["fence"][0] == fence[0] and len(opening["fence"]) >= len(fence) \
                    and not line.strip()[len(opening["fence"]):].strip():
                fence = None
            i += 1
            continue
        if opening:
            fence = opening["fence"]
            i += 1
            continue
        marker = _MARKER.match(line)
        if not marker or NOTE_TYPE not in marker["types"].lower().split():
            i += 1
            continue
        depth, end, j = _indent(line), i + 1, i + 1
        while j < len(lines) and (not lines[j].strip() or _indent(lines[j]) > depth):
            if lines[j].strip():
                end = j + 1  # trailing blank lines are not part of the note
            j += 1
        notes.append(Note(i, end, marker["title"] or ""))
        i = end
    return notes


def strip_notes(markdown: str) -> str:
    """The Markdown with every facilitator note blanked out, line count unchanged."""
    lines = markdown.split("\n")
    for note in find_notes(lines):
        lines[note.first:note.end] = [""] * (note.end - note.first)
    return "\n".join(lines)


def empty_note_lines(source: str) -> list[int]:
    """1-based lines of notes with no indented text under the marker (a forgotten indent)."""
    return [note.first + 1 for note in find_notes(source.split("\n")) if note.empty]

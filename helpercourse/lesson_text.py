"""Reading a lesson page's parts: its sections by anchor, the teaching text, its words.

Shared by the home page's module list, the course figures (`make stats`) and the content tests,
so all three agree on what "the lesson" and "a word" are.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import front_matter

WORD = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*")
_SECTION = re.compile(r"^## .*\{#([a-z0-9-]+)\}[ \t]*$", re.M)


def read_page(path: Path) -> tuple[str, dict]:
    """The page's Markdown without its front matter, and the front matter (read strictly)."""
    page = front_matter.read_page(path)
    return page.body, page.meta


def sections(markdown: str) -> dict[str, str]:
    """Each `## Heading {#id}` section's text, by id, in page order."""
    parts = _SECTION.split(markdown)
    return dict(zip(parts[1::2], parts[2::2]))


def lesson_body(markdown: str) -> str:
    """The teaching text: the sections between the objectives and the scenarios."""
    parts = sections(markdown)
    ids = list(parts)
    if "objectives" not in parts or "scenarios" not in parts:
        return ""
    return "\n".join(parts[i] for i in ids[ids.index("objectives") + 1:ids.index("scenarios")])


def bullets(markdown: str) -> list[str]:
    """The text of each top-level or nested `- ` list item."""
    return [line.strip()[2:] for line in markdown.splitlines() if line.strip().startswith("- ")]


def prose(markdown: str) -> str:
    """What a reader reads: no code blocks, link targets, anchors, tags or admonition markers."""
    text = re.sub(r"^```.*?^```", "", markdown, flags=re.M | re.S)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"\{#[^}]*\}|<[^>]+>|!!! \w+", "", text)


def words(markdown: str) -> list[str]:
    return WORD.findall(prose(markdown))

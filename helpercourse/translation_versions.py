"""Translation versions: which version of its Norwegian source a translation follows.

A version is the first 12 hex digits of the SHA-256 of the source's normalised text
(`normalise`): for a page its title, its description and its Markdown body; for a quiz every
Norwegian text, sorted. A translation records the version it was last brought in line with:
- a page, in its front matter:  source_version: "3f2a9c1e7b04"
- a quiz, one line at its end:  source_versions: {sv: "…", fi: "…", en: "…"}
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from pathlib import Path

from .front_matter import PageSource, read_page
from .problems import Problem, ProblemsFound, display_path
from .quiz_load import read_yaml, try_yaml
from .source_files import read_source

PAGE_KEY = "source_version"
QUIZ_KEY = "source_versions"
PAGE_TEXT_KEYS = ("title", "description")  # the front matter a translator translates


def normalise(text: str) -> str:
    """What counts as a change: not line endings, trailing spaces, a BOM, the number of blank
    lines between blocks, blank lines at either end, or how a letter is encoded (NFC)."""
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff")).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def _short_hash(data) -> str:
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def page_version(path: Path, page: PageSource | None = None) -> str:
    """The version of a source page (`page`: the page as already read, else it is read)."""
    page = page or read_page(path)
    parts = {key: normalise(str(page.meta.get(key) or "")) for key in PAGE_TEXT_KEYS}
    return _short_hash({**parts, "body": normalise(page.body)})


def _is_text(node, langs: tuple[str, ...]) -> bool:
    """A quiz text: a `{no: …, sv: …}` group (keys are languages, values plain text)."""
    return (isinstance(node, dict) and bool(node) and set(node) <= set(langs)
            and not any(isinstance(value, (dict, list)) for value in node.values()))


def quiz_texts(quiz: dict, langs: tuple[str, ...]) -> list[dict]:
    """Every text group of a quiz source, in file order (the status key itself is not one)."""
    found = []

    def walk(node):
        if _is_text(node, langs):
            found.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk({key: value for key, value in quiz.items() if key != QUIZ_KEY})
    return found


def quiz_version(texts: list[dict], source: str) -> str:
    """Sorted, so moving questions or options around does not call for a new translation."""
    return _short_hash(sorted(normalise(str(text.get(source) or "")) for text in texts))


def read_quiz(path: Path, with_lines: bool = True) -> dict:
    """A quiz source's data; `with_lines=False` tries the fast parser first (lines only for errors)."""
    text, problems = read_source(Path(path))  # never blocks on a FIFO or reads /dev/zero forever
    if problems:
        raise ProblemsFound(problems)
    data = None if with_lines else quiz_data_fast(text)
    if data is not None:
        return data
    data, problems = read_yaml(path)
    if problems:
        raise ProblemsFound(problems)
    if not isinstance(data, dict):
        raise ProblemsFound([Problem(display_path(path), 1, "a quiz file must start with 'id:', 'title:' and 'questions:'")])
    if not isinstance(data.get(QUIZ_KEY) or {}, dict):
        raise ProblemsFound([Problem(display_path(path), data.key_lines[QUIZ_KEY],
                                     f"'{QUIZ_KEY}' must be a group of languages, such as "
                                     f"{QUIZ_KEY}: {{sv: \"3f2a9c1e7b04\"}}; run the mark command to rewrite it")])
    return data


def quiz_data_fast(text: str) -> dict | None:
    """The data by the fast parser when the file is fine, else None (the slow read explains)."""
    data = try_yaml(text)
    return data if isinstance(data, dict) and isinstance(data.get(QUIZ_KEY) or {}, dict) else None


def lacks_text(text: dict, lang: str) -> bool:
    return not str(text.get(lang) or "").strip()

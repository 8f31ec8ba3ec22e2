"""A lesson page's front matter, read strictly: a mistake is a Problem with its line.

MkDocs reads front matter leniently: YAML that does not parse, or a list instead of `key: value`
lines, is published as page text with exit code 0. Every part of the course (the build, the
home page's module list, the translation status, the stats) reads pages through `read_page`,
so all of them see the same front matter and the same mistakes.
The YAML rules are MkDocs' own (PyYAML's safe loader), so what passes here means the same there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .problems import Problem, ProblemsFound, display_path

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the loader MkDocs uses, in C
_FRONT_MATTER = re.compile(
    r"\A(?P<open>---[ \t]*\r?\n)(?P<body>.*?\r?\n)?(?P<close>(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z))", re.DOTALL)
TEXT_KEYS = ("title", "description")  # front matter a reader sees: must be plain text
MINUTES = (5, 600)  # a module's `minutes:` (how long it takes): a typo like 450 or 0 is caught
MAX_PAGE_BYTES = 2_000_000  # a lesson is ~20 KB; anything this big is a pasted mistake


@dataclass(frozen=True)
class PageSource:
    meta: dict
    body: str  # the Markdown after the front matter
    body_line: int  # the line of the file the body starts on (1 without front matter)
    text: str  # the whole file, as read


def read_text(path: Path) -> str:
    """A page's text; a file that is not UTF-8 or far too big is a Problem with its line."""
    path = Path(path)
    shown = display_path(path)
    if not path.is_file():
        raise ProblemsFound([Problem(shown, 1, "this is not a regular file; a lesson must be a "
                                     "Markdown text file (remove it or replace it with one)")])
    with path.open("rb") as handle:
        raw = handle.read(MAX_PAGE_BYTES + 1)
    if len(raw) > MAX_PAGE_BYTES:
        raise ProblemsFound([Problem(shown, 1, f"the page is larger than {MAX_PAGE_BYTES:,} bytes; "
                                     "split it into smaller pages")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise ProblemsFound([Problem(shown, line, f"this line is not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
                                     "save the file as UTF-8 in your editor")]) from None


def read_page(path: Path) -> PageSource:
    """The page's front matter and body. Raises ProblemsFound naming the file and line."""
    text = read_text(path)
    match = _FRONT_MATTER.match(text)
    if not match:
        return PageSource({}, text, 1, text)
    shown = display_path(path)
    try:
        meta = yaml.load(match["body"] or "", Loader=_SafeLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        body_lines = (match["body"] or "").count("\n")
        if mark is not None and mark.line >= body_lines and getattr(exc, "context_mark", None):
            mark = exc.context_mark  # ran off the end (an unclosed bracket): point at where it opened
        line = 2 + (mark.line if mark else 0)
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ProblemsFound([Problem(shown, line, f"the front matter between the '---' lines is not "
                                     f"valid YAML ({what}); put a text that contains ':', '[' or '{{' "
                                     "in double quotes")]) from None
    meta = {} if meta is None else meta
    if not isinstance(meta, dict):
        raise ProblemsFound([Problem(shown, 2, "the front matter between the '---' lines must be "
                                     "'key: value' lines, such as 'title: …'")])
    lines = text[:match.end()].count("\n")
    problems = [Problem(shown, _key_line(text, key), f"'{key}' must be plain text, not "
                        f"{type(meta[key]).__name__}; put it in double quotes")
                for key in TEXT_KEYS if key in meta and not isinstance(meta[key], str)]
    if "trainer_only" in meta and not isinstance(meta["trainer_only"], bool):
        problems.append(Problem(shown, _key_line(text, "trainer_only"),
                                f"'trainer_only' must be true or false, not {meta['trainer_only']!r}"))
    minutes = meta.get("minutes")
    if "minutes" in meta and (type(minutes) is not int or not MINUTES[0] <= minutes <= MINUTES[1]):
        problems.append(Problem(shown, _key_line(text, "minutes"),
                                f"'minutes' must be a whole number of minutes from {MINUTES[0]} to "
                                f"{MINUTES[1]} (how long the module takes), not {minutes!r}"))
    if problems:
        raise ProblemsFound(problems)
    return PageSource(meta, text[match.end():], lines + 1, text)


def _key_line(text: str, key: str) -> int:
    return next((n for n, line in enumerate(text.splitlines(), 1) if line.startswith(f"{key}:")), 2)

"""The trainer overview: every module's session plan, read from its facilitator note.

A trainer-only page writes

    ```trainer-overview
    ```

and the trainer edition puts there, for every module page of the same language, the session
plan from the module's first facilitator note (the one before its objectives): the session's
length as the note's first bold line states it, each part with its minutes, the total of the
parts, and the note's materials line (`**Forbered:** …`; the label is the interface string
`session_materials`). Edit the note and the overview follows: nothing is written twice.

The plan's problems are `file:line` messages at the note: no plan, parts that add up to more
or less than the session's stated length, no materials line.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from .facilitator_notes import find_notes
from .problems import Problem, ProblemsFound, display_path

FENCE = re.compile(r"^```trainer-overview[ \t]*\n```[ \t]*$", re.M)
_MINUTES = re.compile(r"(\d+)[ \u00a0-]*min", re.IGNORECASE)  # "10 min", "90 minutter", "90-minute"
_NUMBER = re.compile(r"\d+")
_BOLD_LEAD = re.compile(r"^\*\*(?P<label>.+?)\*\*(?P<rest>.*)$", re.S)


@dataclass(frozen=True)
class Part:
    label: str  # "Åpningsrunde" (the minutes taken out)
    minutes: int | None  # None for a part without a time ("Før økta")
    text: str  # what happens, Markdown


@dataclass(frozen=True)
class SessionPlan:
    file_name: str  # "01-helper-relationship.md"
    heading: str  # the module's "# " heading
    title: str  # the note's first bold line: "Forslag til en økt på 90 minutter"
    stated_minutes: int | None  # the length that line states
    parts: tuple[Part, ...]
    materials: str  # the materials paragraph, Markdown, label included
    notes: tuple[str, ...] = ()  # the note's other paragraphs after the parts (opening question…)

    @property
    def total(self) -> int:
        return sum(part.minutes or 0 for part in self.parts)


def _paragraphs(lines: list[str]) -> list[str]:
    """The note's text, dedented, as blocks split at blank lines."""
    text = textwrap.dedent("\n".join(lines))
    return [block.strip("\n") for block in re.split(r"\n[ \t]*\n", text) if block.strip()]


def _list_items(block: str) -> list[str]:
    """The top-level `- ` items of a list block, continuation lines joined."""
    items: list[str] = []
    for line in block.split("\n"):
        if line.startswith("- "):
            items.append(line[2:].strip())
        elif items:
            items[-1] += " " + line.strip()
    return items


def _part(item: str) -> Part:
    found = _BOLD_LEAD.match(item)
    label, text = (found["label"], found["rest"].strip()) if found else ("", item)
    minutes = _MINUTES.search(label)
    if minutes:
        label = label[:minutes.start()] + label[minutes.end():]
    label = re.sub(r"\(\s*\)", "", label).strip(" ,:.–-")
    label = " ".join(label.split())
    return Part(label[:1].upper() + label[1:], int(minutes[1]) if minutes else None, text)


def read_plan(page, materials_label: str) -> SessionPlan:
    """The session plan of one module page (course.CoursePage); ProblemsFound if it has none or
    it does not add up."""
    lines = page.source.text.split("\n")
    shown = display_path(page.path)
    objectives = next((i for i, line in enumerate(lines) if "{#objectives}" in line), len(lines))
    notes = [note for note in find_notes(lines) if note.first < objectives and not note.empty]
    if not notes:
        raise ProblemsFound([Problem(shown, 1, "this module has no '!!! facilitator' note before its "
                                     "objectives; write the session plan there (the trainer overview "
                                     "lists every module's plan from it)")])
    note = notes[0]
    line = note.first + 1
    blocks = _paragraphs(lines[note.first + 1:note.end])
    title_block = next((b for b in blocks if _BOLD_LEAD.match(b) and not b.startswith("- ")), "")
    title = _BOLD_LEAD.match(title_block)["label"].strip() if title_block else ""
    stated = _NUMBER.search(title)
    parts = tuple(_part(item) for block in blocks if block.startswith("- ") for item in _list_items(block))
    materials = next((b for b in blocks if b.startswith(f"**{materials_label}:**")), "")
    problems = []
    if not parts or not any(part.minutes for part in parts):
        problems.append(Problem(shown, line, "the session plan has no list of timed parts; write them as "
                                "'- **10 min opening round:** …', one line per part"))
    elif stated and int(stated[0]) != sum(part.minutes or 0 for part in parts):
        problems.append(Problem(shown, line, f"the session plan's parts add up to "
                                f"{sum(part.minutes or 0 for part in parts)} minutes, but its first line "
                                f"says {stated[0]}; correct a part's minutes or the length"))
    if not materials:
        problems.append(Problem(shown, line, f"the session plan has no materials line; add a paragraph "
                                f"'**{materials_label}:** …' saying what to print and bring"))
    if problems:
        raise ProblemsFound(problems)
    others = tuple(" ".join(b.split()) for b in blocks
                   if b not in (title_block, materials) and not b.startswith("- "))
    return SessionPlan(page.file_name, page.heading, title, int(stated[0]) if stated else None,
                       parts, " ".join(materials.split()), others)


def _anchor(file_name: str) -> str:
    return "plan-" + file_name.removesuffix(".md")


def render(plans: list[SessionPlan], ui: dict) -> str:
    """Markdown (so MkDocs resolves and checks the links): a table of every module's length,
    then each module's plan."""
    out = [f"| {ui['progress_module']} | {ui['session_length']} |", "|---|---|"]
    out += [f"| [{plan.heading}](#{_anchor(plan.file_name)}) | {plan.total} min |" for plan in plans]
    out.append(f"| **{ui['session_all_modules']}** | **{sum(plan.total for plan in plans)} min** |")
    out.append("")
    for plan in plans:
        out.append(f"## [{plan.heading}]({plan.file_name}) {{#{_anchor(plan.file_name)}}}\n")
        if plan.title:
            out.append(f"**{plan.title}**\n")
        for part in plan.parts:
            time = f"{part.minutes} min · " if part.minutes is not None else ""
            out.append(f"- **{time}{part.label}:** {part.text}" if part.text else f"- **{time}{part.label}**")
        out.append(f"- **{ui['session_total'].format(minutes=plan.total)}**\n")
        out.append(f"{plan.materials}\n")
        out.extend(f"{paragraph}\n" for paragraph in plan.notes)
    return "\n".join(out)


def expand(markdown: str, module_pages, ui: dict) -> str:
    """Replace a ```trainer-overview block with the plans of the page's own language's modules."""
    if not FENCE.search(markdown):
        return markdown
    plans, problems = [], []
    for page in module_pages:
        try:
            plans.append(read_plan(page, ui["session_materials"]))
        except ProblemsFound as found:
            problems.extend(found.problems)
    if problems:
        raise ProblemsFound(problems)
    listing = render(plans, ui)
    return FENCE.sub(lambda _: listing, markdown)

"""The home page's list of modules, made from the modules' own pages so it never drifts.

A home page writes

    ```modules
    ```

and the build puts there, for every `NN-*.md` page in the same language folder, its heading
(linked), its description and its learning objectives, taken from the page's `{#objectives}`
section. A trainer who edits a module's objectives changes the home page with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .front_matter import read_page
from .lesson_text import bullets, sections
from .problems import Problem, ProblemsFound, display_path

MODULE_PAGES = "[0-9][0-9]-*.md"
FENCE = re.compile(r"^```modules[ \t]*\n```[ \t]*$", re.M)


@dataclass(frozen=True)
class ModuleSummary:
    file_name: str
    heading: str
    description: str
    lead_in: str
    objectives: tuple[str, ...]


def summarise(path: Path, source=None) -> ModuleSummary:
    """Heading, description and objectives of one module page; ProblemsFound if any is missing.

    `source` is the page as the course read it (front_matter.PageSource); else it is read here.
    """
    source = source or read_page(path)
    body, meta = source.body, source.meta
    heading = next((line[2:].strip() for line in body.splitlines() if line.startswith("# ")), "")
    section = sections(body).get("objectives")
    if not heading or section is None:
        missing = "a '# ' heading" if not heading else "a '## … {#objectives}' section"
        raise ProblemsFound([Problem(display_path(path), 1, f"this module page lacks {missing}; "
                                     "the home page lists each module's heading and objectives from it")])
    objectives = tuple(bullets(section))
    if not objectives:
        line = source.text[:source.text.index("{#objectives}")].count("\n") + 1
        raise ProblemsFound([Problem(display_path(path), line,
                                     "the objectives section has no '- ' list items")])
    lead_in = next((line.strip() for line in section.splitlines()
                    if line.strip() and not line.strip().startswith("- ")), "")
    return ModuleSummary(Path(path).name, heading, str(meta.get("description", "")), lead_in, objectives)


def render(modules: list[ModuleSummary]) -> str:
    """Markdown, so MkDocs resolves and checks the links like any other."""
    parts = []
    for module in modules:
        parts.append(f"### [{module.heading}]({module.file_name})\n")
        if module.description:
            parts.append(f"{module.description}\n")
        if module.lead_in:
            parts.append(f"{module.lead_in}\n")
        parts.append("\n".join(f"- {objective}" for objective in module.objectives) + "\n")
    return "\n".join(parts)


def expand(markdown: str, module_pages) -> str:
    """Replace a ```modules block with the modules of the page's own language.

    `module_pages`: the language's module pages in order (course.Course.modules), or a folder
    to read them from.
    """
    if not FENCE.search(markdown):
        return markdown
    if isinstance(module_pages, Path):
        module_pages = [(path, None) for path in sorted(module_pages.glob(MODULE_PAGES))]
    else:
        module_pages = [(page.path, page.source) for page in module_pages]
    modules, problems = [], []
    for path, source in module_pages:
        try:
            modules.append(summarise(path, source))
        except ProblemsFound as found:
            problems.extend(found.problems)
    if problems:
        raise ProblemsFound(problems)
    listing = render(modules)
    return FENCE.sub(lambda _: listing, markdown)

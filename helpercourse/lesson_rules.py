"""The course's own rules for lessons, quizzes and the glossary, as file:line problems.

What every module must have in every language (the sections, the same shape, a lesson of the
right length, references cited and alike), quizzes rich enough and each used once, glossary
terms alike, sorted and linked, and no run of words copied from the seed documents. `make check`
(check.py) runs them for trainers; the content tests run them too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from . import glossary as glossary_file
from .course import Course, CoursePage
from .lesson_text import bullets, lesson_body, sections, words
from .problems import Problem, display_path

MODULE_SECTIONS = ("objectives", "scenarios", "reflection", "quiz", "key-points", "references")
# "Roughly 1,000–1,800 words" of lesson; Finnish says the same in about a fifth fewer words.
LESSON_WORDS = {"fi": (850, 1800)}
DEFAULT_LESSON_WORDS = (1000, 1800)
MIN_GLOSSARY_TERMS = 40
MIN_GLOSSARY_LINKS = 5  # per module page: the module's key terms link to the glossary
MIN_SCORED_QUESTIONS = 8
COPIED_RUN = 8  # words in a row that count as copying from a seed document
REFERENCE = re.compile(r"^- (?P<authors>[^()]+?)(?: \(Eds?\.\)\.?)? \((?P<year>\d{4}(?:–\d{4})?)\)\. \S.*[.)]$")
GLOSSARY_LINK = re.compile(r"\]\(glossary\.md#([a-z0-9-]+)\)")
GLOSSARY = glossary_file.GLOSSARY


def _line(page: CoursePage, needle: str) -> int:
    """The line of the first `needle` in the page's file (1 if it is not there)."""
    at = page.source.text.find(needle)
    return page.source.text.count("\n", 0, at) + 1 if at >= 0 else 1


def _problem(page: CoursePage, needle: str, message: str) -> Problem:
    return Problem(display_path(page.path), _line(page, needle), message)


# --- modules ------------------------------------------------------------------------------------

def module_shape(page: CoursePage) -> dict:
    parts = sections(page.source.body)
    return {
        "sections": list(parts),
        "objectives": len(bullets(parts.get("objectives", ""))),
        "scenarios": parts.get("scenarios", "").count("!!! example"),
        "reflection boxes": parts.get("reflection", "").count("!!! question"),
        "key points": len(bullets(parts.get("key-points", ""))),
    }


def module_sections(course: Course) -> Iterator[Problem]:
    for lang in course.languages:
        for page in course.modules(lang):
            shape = module_shape(page)
            missing = [s for s in MODULE_SECTIONS if s not in shape["sections"]]
            if missing:
                yield _problem(page, "# ", f"the module lacks the sections {', '.join(missing)}; add "
                               "'## Heading {#id}' for each (see TRAINERS.md)")
                continue
            if not 3 <= shape["objectives"] <= 5:
                yield _problem(page, "{#objectives}", f"{shape['objectives']} objectives; write 3 to 5")
            if shape["scenarios"] < 2:
                yield _problem(page, "{#scenarios}", f"{shape['scenarios']} scenarios ('!!! example'); write 2 or more")
            if shape["reflection boxes"] != 1:
                yield _problem(page, "{#reflection}", "the reflection section needs one '!!! question' box")
            if shape["key points"] < 3:
                yield _problem(page, "{#key-points}", f"{shape['key points']} key points; write 3 or more")


def module_parity(course: Course) -> Iterator[Problem]:
    """Each translation has the shape of the Norwegian module: same sections, same counts."""
    source = course.default_language
    for original in course.modules(source):
        expected = module_shape(original)
        for lang in course.languages[1:]:
            page = course.page(lang, original.file_name)
            if page is None:
                continue  # reported as a missing translation
            shape = module_shape(page)
            differs = [key for key in expected if shape[key] != expected[key]]
            if differs:
                detail = "; ".join(f"{key}: {shape[key]} here, {expected[key]} there" for key in differs)
                yield _problem(page, "# ", f"shaped unlike {display_path(original.path)} ({detail})")


def lesson_length(course: Course) -> Iterator[Problem]:
    for lang in course.languages:
        low, high = LESSON_WORDS.get(lang, DEFAULT_LESSON_WORDS)
        for page in course.modules(lang):
            count = len(words(lesson_body(page.source.body)))
            if not low <= count <= high:
                yield _problem(page, "{#objectives}", f"the lesson (between objectives and scenarios) has "
                               f"{count:,} words; keep it to {low:,}–{high:,}")


def _references(page: CoursePage) -> list[str]:
    return ["- " + entry for entry in bullets(sections(page.source.body).get("references", ""))]


def references(course: Course) -> Iterator[Problem]:
    """APA-style, alphabetical, each cited in the text, and the same list in every language."""
    keys: dict[str, dict[str, list]] = {}
    for lang in course.languages:
        for page in course.modules(lang):
            entries = _references(page)
            if not entries:
                yield _problem(page, "{#references}", "the module lists no references")
                continue
            matches = [REFERENCE.match(entry) for entry in entries]
            for entry, match in zip(entries, matches):
                if not match:
                    yield _problem(page, entry[2:40], "not in 'Author, A. (Year). Title.' style")
            matches = [m for m in matches if m]
            if entries != sorted(entries, key=str.casefold):
                yield _problem(page, "{#references}", "the references are not in alphabetical order")
            text = page.source.body.split("{#references}")[0]
            for match in matches:
                name = match["authors"].split(",")[0].split()[0]  # first author's surname, or a body's first word
                if not re.search(rf"\b{re.escape(name)}\w*\W.{{0,120}}?{match['year']}", text, flags=re.S | re.I):
                    yield _problem(page, match.group(0)[2:40], f"{name} ({match['year']}) is listed but never "
                                   "cited in the text; cite it as (Name, year) or remove it")
            keys.setdefault(page.file_name, {})[lang] = [(m["authors"], m["year"]) for m in matches]
    for name, by_lang in keys.items():
        first = by_lang.get(course.default_language)
        for lang, found in by_lang.items():
            if first is not None and found != first:
                yield _problem(course.page(lang, name), "{#references}",
                               f"the references differ from docs/{course.default_language}/{name}")


# --- quizzes ------------------------------------------------------------------------------------

def quiz_use(course: Course) -> Iterator[Problem]:
    """Every quiz is used by exactly one lesson in each language."""
    existing = set(course.quizzes.get(course.default_language, {}))
    for lang in course.languages:
        used: dict[str, CoursePage] = {}
        for page in course.pages[lang].values():
            for quiz_id in page.quiz_ids:
                if quiz_id in used and quiz_id in existing:
                    yield _problem(page, quiz_id, f"the quiz '{quiz_id}' is already used by "
                                   f"{display_path(used[quiz_id].path)}; each quiz belongs to one lesson")
                used.setdefault(quiz_id, page)
        for quiz_id in sorted(existing - set(used)):
            yield Problem(f"quizzes/{quiz_id}.yaml", 1, f"no lesson in docs/{lang}/ uses this quiz; "
                          f"add a ```quiz block with '{quiz_id}' to its lesson")


def quiz_richness(course: Course) -> Iterator[Problem]:
    # Counts and types are the same in every language: the default language's documents tell.
    for quiz_id, quiz in sorted(course.quizzes.get(course.default_language, {}).items()):
        scored = [q for q in quiz["questions"] if q["type"] != "reflection"]
        where = f"quizzes/{quiz_id}.yaml"
        if len(scored) < MIN_SCORED_QUESTIONS:
            yield Problem(where, 1, f"{len(scored)} scored questions; write {MIN_SCORED_QUESTIONS} or more")
        if len({q["type"] for q in scored}) < 2:
            yield Problem(where, 1, "use at least two question types")


# --- the glossary -------------------------------------------------------------------------------

def glossary_terms(course: Course, lang: str) -> dict[str, str]:
    page = course.page(lang, GLOSSARY)
    if page is None:
        return {}
    terms, _ = glossary_file.read_terms(page.source.body, page.source.body_line, display_path(page.path))
    return {term.anchor: term.name for term in terms}


def _alphabetical(lang: str) -> Callable[[str], str]:
    # Danish/Norwegian æøå and Swedish/Finnish åäö come after z, in that order.
    tail = {"no": "æøå", "sv": "åäö", "fi": "åäö"}.get(lang, "")
    order = {letter: chr(0x10000 + i) for i, letter in enumerate(tail)}
    return lambda term: "".join(order.get(c, c) for c in term.casefold())


def glossary(course: Course) -> Iterator[Problem]:
    first = glossary_terms(course, course.default_language)
    for lang in course.languages:
        page = course.page(lang, GLOSSARY)
        if page is None:
            continue
        terms = glossary_terms(course, lang)
        if lang == course.default_language and len(terms) < MIN_GLOSSARY_TERMS:
            yield _problem(page, "{#", f"{len(terms)} terms; the glossary should have {MIN_GLOSSARY_TERMS} or more")
        ids = glossary_file.TERM_HEADING_IDS.findall(page.source.body)
        for term_id in sorted({i for i in ids if ids.count(i) > 1}):
            yield _problem(page, f"{{#{term_id}}}", f"the term '{term_id}' is defined twice")
        for term_id in sorted(set(terms) ^ set(first)):
            yield _problem(page, f"{{#{term_id}}}" if term_id in terms else "{#",
                           f"the term '{term_id}' is in only some languages' glossaries; every glossary "
                           "has the same terms, with the same ids")
        names = list(terms.values())
        ordered = sorted(names, key=_alphabetical(lang))
        wrong = next((name for name, want in zip(names, ordered) if name != want), None)
        if wrong is not None:
            yield _problem(page, wrong, f"'{wrong}' is out of alphabetical order")


def glossary_links(course: Course) -> Iterator[Problem]:
    for lang in course.languages:
        terms = glossary_terms(course, lang)
        for page in course.pages[lang].values():
            if page.file_name == GLOSSARY:
                continue
            links = GLOSSARY_LINK.findall(page.source.body)
            for term_id in sorted(set(links) - set(terms)):
                yield _problem(page, f"glossary.md#{term_id}", f"the glossary has no term '{term_id}'")
            for term_id in sorted({t for t in links if links.count(t) > 1}):
                yield _problem(page, f"glossary.md#{term_id})", f"'{term_id}' is linked to the glossary more "
                               "than once; link only its first use")
            if page.module_number is not None and len(links) < MIN_GLOSSARY_LINKS:
                yield _problem(page, "# ", f"{len(links)} glossary links; link the first use of the module's "
                               f"key terms ({MIN_GLOSSARY_LINKS} or more)")


# --- the seed documents -------------------------------------------------------------------------

def _runs(text: str) -> set[tuple[str, ...]]:
    tokens = re.findall(r"[^\W\d_]+", text.lower())
    return {tuple(tokens[i:i + COPIED_RUN]) for i in range(len(tokens) - COPIED_RUN + 1)}


def copied_from_seeds(course: Course, seeds: Path | None = None) -> Iterator[Problem]:
    """No run of COPIED_RUN words from a seed document (../shared/seeds) in a lesson or quiz."""
    seeds = seeds or course.root.parent / "shared" / "seeds"
    if not seeds.is_dir():
        return
    seed_runs = set().union(*(_runs(p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))))
    for path in [*sorted(course.docs_dir.rglob("*.md")), *sorted((course.root / "quizzes").glob("*.yaml"))]:
        text = path.read_text(encoding="utf-8", errors="replace")
        for run in sorted(_runs(text) & seed_runs):
            yield Problem(display_path(path), 1, f"copied from a seed document: '{' '.join(run)}…'; "
                          "write it in your own words")


RULES = (module_sections, module_parity, lesson_length, references, quiz_use, quiz_richness, glossary,
         glossary_links, copied_from_seeds)


def lesson_problems(course: Course) -> list[Problem]:
    """Every rule's problems, sorted by file and line."""
    return sorted({problem for rule in RULES for problem in rule(course)})

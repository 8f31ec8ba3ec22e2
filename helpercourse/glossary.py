"""The glossary (docs/<lang>/glossary.md) as data, and what the build makes of it.

Each term is a level-2 heading with an anchor, and its definition is the paragraph under it:

    ## Duty of confidentiality {#duty-of-confidentiality}

    The duty not to pass on what you learn about someone in your role. See [module 1](...).

A heading per term gives each term its own search entry (Material indexes a page by its
headings). The anchors are the same in every language, and from them the build adds, under each
term, its name in the other languages, and in the lessons a tooltip with the term's first
sentence: an `<abbr>` on the term's first use in running text, and a title on every link to
the term. All of it is computed from the glossaries themselves, so it cannot drift.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from .problems import Problem, display_path

GLOSSARY = "glossary.md"
TERM_HEADING = re.compile(r"^## (?P<name>\S.*?)\s*\{#(?P<anchor>[a-z0-9-]+)\}\s*$")
TERM_HEADING_IDS = re.compile(r"^## .*?\{#([a-z0-9-]+)\}\s*$", re.M)  # every term's id, repeats too
_ANY_HEADING = re.compile(r"^##(?!#)\s*(?P<text>.*)$")
# The old definition-list form ("Term {#id}" then ":   definition"), still easy to type.
_DEFINITION_LIST = re.compile(r"^(?P<name>[^\s:#].*?) \{#(?P<anchor>[a-z0-9-]+)\}\s*$")
_FENCE = re.compile(r"^(```|~~~)")

# Markdown reduced to the plain text a tooltip shows.
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(\S(?:.*?\S)?)\1")
_CODE = re.compile(r"`([^`]*)`")
# A sentence ends at . ! or ? followed by a space and a capital (or a quotation mark and one).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[«\"“”(]?[A-ZÆØÅÄÖÜ])")


@dataclass(frozen=True)
class Term:
    anchor: str
    name: str
    definition: str  # the Markdown paragraph under the heading
    line: int  # of the heading, in the file

    @property
    def short_definition(self) -> str:
        """The definition's first sentence, as plain text: what a tooltip shows."""
        text = _CODE.sub(r"\1", _EMPHASIS.sub(r"\2", _LINK.sub(r"\1", self.definition))).strip()
        return _SENTENCE_END.split(text, maxsplit=1)[0]


def read_terms(body: str, body_line: int, shown: str) -> tuple[list[Term], list[Problem]]:
    """The terms in a glossary page's Markdown `body` (which starts on line `body_line` of the
    file named `shown`), in file order, and the mistakes in writing them down."""
    terms: list[Term] = []
    problems: list[Problem] = []
    lines = body.splitlines()
    in_fence = False
    seen: dict[str, int] = {}
    for index, text in enumerate(lines):
        line = body_line + index
        if _FENCE.match(text):
            in_fence = not in_fence
        if in_fence:
            continue
        heading = TERM_HEADING.match(text)
        if heading:
            anchor = heading["anchor"]
            if anchor in seen:
                problems.append(Problem(shown, line, f"the anchor #{anchor} is used twice (first on line "
                                        f"{seen[anchor]}); give each term its own"))
                continue
            seen[anchor] = line
            definition = _paragraph_after(lines, index + 1)
            if not definition:
                problems.append(Problem(shown, line, f"the term '{heading['name']}' has no definition; "
                                        "write it as a paragraph under the heading, after a blank line"))
            terms.append(Term(anchor, heading["name"], definition, line))
        elif _ANY_HEADING.match(text):
            problems.append(Problem(shown, line, f"'{text.strip()}': a glossary term needs an anchor; write "
                                    "it as '## Term {#term-id}', with the same id in every language"))
        elif (old := _DEFINITION_LIST.match(text)) and index + 1 < len(lines) and lines[index + 1].startswith(":"):
            problems.append(Problem(shown, line, f"'{old['name']}' is written as a definition list; write it "
                                    f"as a heading '## {old['name']} {{#{old['anchor']}}}' with the definition "
                                    "as a paragraph under it"))
    return terms, problems


def _paragraph_after(lines: list[str], start: int) -> str:
    """The first paragraph after `start` (skipping blank lines), up to the next blank line or heading."""
    paragraph: list[str] = []
    for text in lines[start:]:
        if text.startswith("#"):
            break
        if not text.strip():
            if paragraph:
                break
            continue
        paragraph.append(text.strip())
    return " ".join(paragraph)


def read_course_glossaries(course) -> tuple[dict[str, list[Term]], list[Problem]]:
    """Every language's terms (language -> terms), and the problems: mistakes in a glossary, and
    a term whose anchor is missing from another language's glossary."""
    glossaries: dict[str, list[Term]] = {}
    shown: dict[str, str] = {}
    problems: list[Problem] = []
    for lang in course.languages:
        page = course.page(lang, GLOSSARY)
        if page is None:
            continue
        shown[lang] = display_path(page.path)
        terms, found = read_terms(page.source.body, page.source.body_line, shown[lang])
        glossaries[lang] = terms
        problems += found
    for lang, terms in glossaries.items():
        for term in terms:
            missing = [other for other in glossaries if other != lang
                       and not any(t.anchor == term.anchor for t in glossaries[other])]
            if missing:
                problems.append(Problem(shown[lang], term.line, (
                    f"the term '{term.name}' (#{term.anchor}) has no counterpart in "
                    f"{', '.join(shown[other] for other in missing)}; add it there with the same "
                    f"anchor, '## … {{#{term.anchor}}}', so each glossary can name it in the others")))
    return glossaries, problems


# --- search: a term's own entry first ---------------------------------------------------------

SEARCH_BOOST = 3.0  # a term's entry outranks lesson sections that mention the term in a heading
_GLOSSARY_LOCATION = re.compile(r"(?:^|/)glossary(?:/|\.html)#([a-z0-9-]+)$")


def search_boosts(glossaries: dict[str, list[Term]]):
    """For search_split.write_language_indexes: the boost of a search entry, by its location
    ("sv/glossary/#trust", or "glossary.html#trust" in the offline copy), or None."""
    anchors = {term.anchor for terms in glossaries.values() for term in terms}

    def boost(location: str) -> float | None:
        found = _GLOSSARY_LOCATION.search(location)
        return SEARCH_BOOST if found and found[1] in anchors else None
    return boost


# --- the glossary page: each term's name in the other languages -------------------------------

@dataclass(frozen=True)
class Language:
    code: str  # the course's language code: "no", "sv"
    tag: str   # its BCP 47 tag for lang="": "nb" for Norwegian bokmål
    name: str  # its name in itself: "Svenska"


def add_other_names(markdown: str, lang: str, glossaries: dict[str, list[Term]],
                    languages: list[Language], label: str) -> str:
    """The glossary page's Markdown with, under each term's heading, a line naming the term in
    the other languages, each name marked with its language (lang="sv") for screen readers."""
    by_anchor = {other: {t.anchor: t.name for t in terms} for other, terms in glossaries.items()}
    out = []
    for text in markdown.splitlines():
        out.append(text)
        heading = TERM_HEADING.match(text)
        if not heading:
            continue
        names = [(language, by_anchor.get(language.code, {}).get(heading["anchor"]))
                 for language in languages if language.code != lang]
        items = '<span class="hc-term-names__sep" aria-hidden="true"> · </span>'.join(
            f'<span lang="{escape(language.tag)}">{escape(language.name)}: {escape(name)}</span>'
            for language, name in names if name)
        if items:
            out += ["", f'<p class="hc-term-names"><span class="hc-visually-hidden">{escape(label)} </span>'
                        f"{items}</p>"]
    return "\n".join(out) + ("\n" if markdown.endswith("\n") else "")


def mark_term_headings(html: str, terms: list[Term]) -> str:
    """Each term's <h2> gets the class that shows it as a term (bold, body size)."""
    anchors = {t.anchor for t in terms}
    return re.sub(r'<h2 id="([a-z0-9-]+)">',
                  lambda m: f'<h2 id="{m[1]}" class="hc-term">' if m[1] in anchors else m[0], html)


# --- lessons: tooltips --------------------------------------------------------------------------

def abbreviations(terms: list[Term]) -> str:
    """Markdown abbreviation lines (`*[term]: first sentence`) for the abbr extension: the term
    as the glossary writes it, and with a small first letter as it stands inside a sentence."""
    lines = []
    for term in terms:
        if not (term.name[0].isalnum() and term.name[-1].isalnum()):
            continue  # "TED*": the extension matches whole words only, so it could never match
        title = term.short_definition.replace("\n", " ")
        forms = dict.fromkeys([term.name, term.name[0].lower() + term.name[1:]])
        lines += [f"*[{form}]: {title}" for form in forms]
    return "\n".join(lines)


_TAG = re.compile(r"<(/?)(a|abbr|h[1-6])\b([^>]*)>", re.I)
_GLOSSARY_HREF = re.compile(r'\bhref="[^"]*glossary(?:/|\.html|/index\.html)#([a-z0-9-]+)"')


def tooltips(html: str, terms: list[Term]) -> str:
    """A lesson's HTML with the glossary tooltips as the trainee meets them.

    The abbr extension has wrapped every use of a term. Only the first use in running text keeps
    its <abbr>, made focusable so a keyboard user can open the tooltip too; uses in headings and
    in links lose it (a heading is not the place, and a link cannot hold a second focus stop).
    A link to the glossary gets the term's first sentence as its title instead, which Material
    shows as the same tooltip on hover and on focus.
    """
    definitions = {t.anchor: t.short_definition for t in terms}
    out: list[str] = []
    position = 0
    in_link = in_heading = False
    dropping = False  # inside an <abbr> whose tags are being left out
    seen: set[str] = set()
    for match in _TAG.finditer(html):
        out.append(html[position:match.start()])
        position = match.end()
        closing, tag, attributes = match[1] == "/", match[2].lower(), match[3]
        if tag == "a":
            in_link = not closing
            href = _GLOSSARY_HREF.search(attributes)
            if not closing and href and href[1] in definitions and "title=" not in attributes:
                out.append(f'<a{attributes} title="{escape(definitions[href[1]])}">')
                continue
        elif tag.startswith("h"):
            in_heading = not closing
        elif tag == "abbr":
            if closing:
                if dropping:
                    dropping = False
                    continue
            else:
                title = re.search(r'title="([^"]*)"', attributes)
                key = title[1] if title else ""
                if in_link or in_heading or key in seen:
                    dropping = True
                    continue
                seen.add(key)
                out.append(f'<abbr{attributes} tabindex="0">')
                continue
        out.append(match[0])
    out.append(html[position:])
    return "".join(out)

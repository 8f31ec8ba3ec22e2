"""Each translation keeps the Norwegian page's structure, section by section.

The Norwegian page (docs/no/) is the source. For every module and every other language the test
compares, per `## … {#id}` section: the section ids in order, the number of scenarios, the
characters who appear, the numbers and years, and the works cited (author and year).

Allowed to differ, because each edition is right for its own country:
- **country boxes**: an `!!! info "…"` admonition (e.g. "In Sweden and Finland") is left out of
  the comparison on both sides;
- **law citations**: section numbers and statute numbers (`§ 3-1`, `25 §`, `23 kap. 6 §`,
  `15 luvun 10 §`, `(2009:400)`, `812/2000`, `lov 2. juli 1999 nr. 63`) and the emergency
  numbers 112, 113, 116 117 and 116 123 are not compared;
- **crisis numbers**: each edition gives its own country's helplines (module 9, issue 15), so the
  numbers in test_crisis_numbers.OWN for a page's own language are not compared. The list is
  that test's, so the two tests cannot drift apart, and it holds only whole phone numbers: a
  Norwegian number on a Swedish page is still compared (and test_crisis_numbers flags it);
- **country facts**: a few dates that only one edition needs (COUNTRY_FACTS), such as the day
  Sweden's new Social Services Act came into force;
- **list markers**: a numbered list (`1.`) and a bullet list say the same;
- **character names**: each edition gives its characters local names (Norwegian Hilde may be
  Swedish Elin). NAMES lists the names in use per language. A section must bring in the same
  number of characters in the same order as the Norwegian one, and across a module each
  Norwegian character keeps one name in each translation (one name per character).

When you add a character, add the name to NAMES for its language.
"""

from __future__ import annotations

import functools
import re

import pytest

from conftest import LANGUAGES, ROOT
from helpercourse.lesson_text import prose, read_page, sections
from test_crisis_numbers import OWN as CRISIS_NUMBERS

DOCS = ROOT / "docs"
SOURCE = LANGUAGES[0]

COUNTRY_BOX = re.compile(r"^!!! info\b[^\n]*\n(?:[ \t]*\n|(?: {4}|\t)[^\n]*\n)*", re.M)
LAW = re.compile("|".join([
    r"§+\s*\d+(?:\s*-\s*\d+)?(?:\s*(?:første|andre|tredje)\s+ledd)?",   # § 3-1, § 196
    r"\b\d+\s*(?:kap\.|luvun|luku)\s*\d*\s*§?",                          # 23 kap. 6 §, 15 luvun 10 §
    r"\b\d+(?:\.\d+)?\s*§(?::\w+)?",                                        # 25 §, 8 §:n, 8.2 §
    r"\b(?:SFS\s*)?\d{4}:\d+\b",                                            # (2009:400), SFS 1993:387
    r"\b\d{1,4}/\d{4}\b",                                                   # 785/1992
    r"\b\d{1,2}\.?\s+\w+\s+\d{4}\s+(?:nr|no)\.\s*\d+",                      # lov 2. juli 1999 nr. 63
    r"\b116\s?1(?:17|23)\b|\b11[23]\b",                                     # emergency numbers
    r"\bsection\s+\d+(?:-\d+)?\b|\bchapter\s+\d+\b",                        # English law references
]), re.I)
COUNTRY_FACTS = {
    "sv": ["den 1 juli 2025"],    # socialtjänstlagen (2025:400) in force
    "fi": ["vuodesta 2023"],      # the wellbeing services counties took over health and social care
}
# A crisis number as a whole, never a piece of a longer number (the rule test_crisis_numbers uses).
CRISIS = {lang: re.compile("|".join(rf"(?<!\d)(?<!\d ){re.escape(n)}(?!\d)(?! \d)" for n in own))
          for lang, own in CRISIS_NUMBERS.items()}
LIST_MARKER = re.compile(r"^[ \t]*\d+\.[ \t]", re.M)
NUMBER = re.compile(r"(?<![\w-])\d+(?:[.,]\d+)?(?=s\b|[^\w]|$)")  # also 1990s
CITED = [re.compile(r"\b([A-ZÆØÅÄÖ][\w-]+?)(?:'s|s|in|n)?\s+\((\d{4})"),       # Rogers (1958)
         re.compile(r"\(([A-ZÆØÅÄÖ][\w-]+)[^()\n]{0,40}?,\s*(\d{4})")]          # (Aamodt, 2019)

# Character names in use, per language. Finnish names are patterns, because they inflect
# (Pekka, Pekan; Markku, Markun; Virtanen, Virtasen).
NAMES = {
    "no": "Anne Arne Berg Camilla Eirik Eva Geir Hanne Henrik Hilde Ingrid Jonas Kristian Lars "
          "Lise Nina Per Rune Silje Stian Tarik "
          "Kristin Leyla Nour Sindre Vibeke",
    "sv": "Ali Amir Amira Anna Elin Göran Janne Jenny Johan Karin Lena Malin Margit Maria Peter "
          "Sara Sofia Stefan "
          "Annika Leyla Niklas Nour Therese",
    "fi": "Emmi Hanna Janne Jari Juho Kaisa Laura Leena Minna Mikko Sanna Sari Tiina "
          "Markku=Mark(?:ku|u) Pekka=Pek(?:ka|a) Virtanen=(?:Aino\\s+)?Virta(?:nen|s) "
          "Katja Leyla Nour Riikka=Riik(?:ka|a) Tuomas=Tuoma(?:s|ks)",
    "en": "Ahmed Anna Brooks Claire Dan Daniel Emma Eva Helen Hilde Jo Jonas Kate Lars Leah Lisa Maria "
          "Mark Mike Per Peter Sara Sarah Silje Sophie Tariq "
          "Fiona Leyla Megan Nour Owen",
}
NAMES["no"] += " Anna"
# In Finnish "Anna" is also the imperative "give!", so the Finnish check leaves Anna out.
NOT_COMPARED = {"fi": {"Anna"}}


def modules() -> list[str]:
    return sorted(p.name for p in (DOCS / SOURCE).glob("[0-9][0-9]-*.md"))


@functools.cache
def page_sections(lang: str, module: str) -> dict[str, str]:
    text = read_page(DOCS / lang / module)[0]
    return {sid: COUNTRY_BOX.sub("", body + "\n") for sid, body in sections(text).items()}


@functools.cache
def name_pattern(lang: str) -> re.Pattern:
    names = [entry.partition("=") for entry in NAMES[lang].split()]
    tail = r"\w*" if lang == "fi" else r"(?:'s|s|’s)?"
    return re.compile(r"\b(?:" + "|".join(f"(?P<n{i}>{rx or name})" for i, (name, _, rx) in enumerate(names))
                      + ")" + tail + r"\b")


def base_name(lang: str, match: re.Match) -> str:
    names = [entry.partition("=")[0] for entry in NAMES[lang].split()]
    return next(names[int(key[1:])] for key, value in match.groupdict().items() if value)


def characters(lang: str, text: str) -> list[str]:
    """The names in order of first appearance, each reduced to its base form."""
    found = []
    for match in name_pattern(lang).finditer(prose(text)):
        base = base_name(lang, match)
        if base not in found:
            found.append(base)
    return found


def numbers(text: str, lang: str = SOURCE) -> list[str]:
    readable = LAW.sub(" ", CRISIS[lang].sub(" ", LIST_MARKER.sub("", prose(text))))
    for fact in COUNTRY_FACTS.get(lang, ()):
        readable = readable.replace(fact, " ")
    return sorted(n.replace(",", ".") for n in NUMBER.findall(readable))


def citations(text: str) -> set[tuple[str, str]]:
    readable = prose(text)
    return {(m.group(1), m.group(2)) for pattern in CITED for m in pattern.finditer(readable)}


@pytest.mark.parametrize("module", modules())
def test_each_translation_has_the_norwegian_sections_in_order(module):
    source = list(page_sections(SOURCE, module))
    for lang in LANGUAGES[1:]:
        ids = list(page_sections(lang, module))
        assert ids == source, f"docs/{lang}/{module}: sections {ids} differ from docs/{SOURCE}/{module}: {source}"


@pytest.mark.parametrize("module", modules())
def test_each_section_has_as_many_scenarios_as_the_norwegian_one(module):
    for lang in LANGUAGES[1:]:
        for sid, body in page_sections(SOURCE, module).items():
            want, got = body.count("!!! example"), page_sections(lang, module).get(sid, "").count("!!! example")
            assert got == want, f"docs/{lang}/{module} #{sid}: {got} scenarios, docs/{SOURCE} has {want}"


@pytest.mark.parametrize("module", modules())
def test_each_section_has_the_norwegian_numbers_and_years(module):
    problems = []
    for lang in LANGUAGES[1:]:
        for sid, body in page_sections(SOURCE, module).items():
            want, got = numbers(body), numbers(page_sections(lang, module).get(sid, ""), lang)
            if got != want:
                missing = sorted(set(want) - set(got))
                extra = sorted(set(got) - set(want))
                problems.append(f"docs/{lang}/{module} #{sid}: numbers differ from docs/{SOURCE}: "
                                f"missing {missing or '(counts differ)'}, extra {extra}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("module", modules())
def test_each_section_cites_the_norwegian_works(module):
    problems = []
    for lang in LANGUAGES[1:]:
        for sid, body in page_sections(SOURCE, module).items():
            text = prose(page_sections(lang, module).get(sid, ""))
            for author, year in sorted(citations(body)):
                cited = re.search(rf"\b{re.escape(author[:5])}\w*\W.{{0,120}}?\b{year}\b", text, flags=re.S)
                if not cited:
                    problems.append(f"docs/{lang}/{module} #{sid}: does not cite {author} ({year}) as docs/{SOURCE} does")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("module", modules())
def test_each_section_brings_in_the_same_characters_with_one_name_each(module):
    problems = []
    for lang in LANGUAGES[1:]:
        cast: dict[str, str] = {}
        for sid, body in page_sections(SOURCE, module).items():
            want = [n for n in characters(SOURCE, body) if n not in NOT_COMPARED.get(lang, ())]
            got = characters(lang, page_sections(lang, module).get(sid, ""))
            if len(got) != len(want):
                problems.append(f"docs/{lang}/{module} #{sid}: characters {got}, docs/{SOURCE} has {want}")
                continue
            for source_name, name in zip(want, got):
                if cast.setdefault(source_name, name) != name:
                    problems.append(f"docs/{lang}/{module} #{sid}: {source_name} is called {name} here "
                                    f"but {cast[source_name]} earlier; keep one name per character")
        names = list(cast.values())
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            problems.append(f"docs/{lang}/{module}: {twice} stand for more than one Norwegian character")
    assert not problems, "\n".join(problems)


def test_the_allowances_are_small():
    """The law pattern removes citations, not ordinary numbers such as 45 minutes or 5–7 people."""
    assert numbers("Regn med 45 minutter, grupper på 5–7 og 90 minutter.") == ["45", "5", "7", "90"]
    assert numbers("straffeloven § 196, lastensuojelulaki (417/2007) 25 §, ring 113") == []
    assert numbers("SFS 1993:387 og Meld. St. 19 (2014–2015)") == ["19", "2014", "2015"]
    assert numbers("    1. Tenk på 1990-tallet.\n    2. Og 1990s.") == ["1990", "1990"]
    assert numbers("gäller sedan den 1 juli 2025", "sv") == []
    assert numbers("ring 1177 eller Självmordslinjen 90101", "sv") == []
    assert numbers("ring 1177 eller Kirkens SOS, 22 40 00 40", "sv") == ["00", "22", "40", "40"]
    assert numbers("Kirkens SOS, 22 40 00 40, i 40 minutter", "no") == ["40"]
    assert numbers("MIELI 09 2525 0111, 2525 henkeä", "fi") == ["2525"]
    assert COUNTRY_BOX.sub("", '!!! info "I Sverige"\n    Lag (2009:400) 12.\n\nEtter.\n') == "Etter.\n"

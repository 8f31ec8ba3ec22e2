"""Each edition's law belongs to its country (issue 15).

A Swedish reader told that "straffeloven § 196" binds her, or a Finnish reader sent to
"socialtjänstlagen", is told a rule that does not apply to them. So in the passages that state the
law (module 2's limits of confidentiality, module 4's legal basis, all of module 9) and in every
quiz text, an edition names only its own country's statutes. The English edition follows Norway and
names the Swedish and Finnish ones only inside its "In Sweden and Finland" boxes, which are left
out here. The Swedish and Finnish modules never name a Norwegian statute anywhere.
Checked against the official sources in docs-dev/legal-sources.md.
"""

from __future__ import annotations

import functools
import re

import pytest

from conftest import LANGUAGES, ROOT
from helpercourse.lesson_text import read_page, sections
from helpercourse.quiz_load import read_yaml
from helpercourse.translation_versions import quiz_texts

DOCS = ROOT / "docs"


def _names(*patterns: str) -> re.Pattern:
    return re.compile("|".join(rf"(?<!\w){p}\w*" for p in patterns), re.I)


# Statute names and numbering that only one country uses.
LAW = {
    "no": _names(r"straffelov", r"barnevern(?:s)?lov", r"helsepersonellov", r"forvaltningslov",
                 r"pasient- og brukerrettighetslov", r"helseforetakslov", r"helse- og omsorgstjenestelov",
                 r"folkehelselov", r"lov \d{1,2}\. \w+ \d{4} nr\."),
    "sv": _names(r"SFS\b", r"socialtjänstlag", r"patientlag", r"patientsäkerhetslag", r"sekretesslag",
                 r"brottsbalk", r"LSS\b", r"\d{4}:\d{3}\b"),
    "fi": _names(r"lastensuojelulai", r"rikoslai", r"potilaslai", r"asiakaslai", r"asiakastietolai",
                 r"\d{3,4}/(?:19|20)\d\d\b"),
}
COUNTRY = {"no": "no", "sv": "sv", "fi": "fi", "en": "no"}   # English follows Norway
# Where a module states the law: page, and the section ids (None: the whole lesson).
LEGAL_PASSAGES = {"02-trust.md": ("confidentiality",), "04-help-to-self-help.md": ("legal-basis",),
                  "09-crisis-and-referral.md": None}
BOX = re.compile(r'^!!! info "[^"\n]*"\n(?:(?: {4}.*)?\n)+', re.M)


def foreign_laws(lang: str, text: str) -> list[str]:
    """The other countries' law names in `text`, as written there."""
    return sorted({m.group(0) for country, law in LAW.items() if country != COUNTRY[lang]
                   for m in law.finditer(text)})


@functools.cache
def quiz_text_groups() -> tuple[tuple[str, tuple[dict, ...]], ...]:
    """Every quiz's text groups, read once for all languages."""
    found = []
    for path in sorted((ROOT / "quizzes").glob("*.yaml")):
        data, errors = read_yaml(path)
        assert not errors, "\n".join(map(str, errors))
        found.append((path.name, tuple(quiz_texts(data, LANGUAGES))))
    return tuple(found)


def line_of(path, needle: str) -> int:
    """The line of the file (front matter included) where `needle` first appears."""
    return next((n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line), 0)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_legal_passages_name_only_the_editions_own_law(lang):
    problems = []
    for name, wanted in LEGAL_PASSAGES.items():
        path = DOCS / lang / name
        body = read_page(path)[0]
        parts = sections(body)
        texts = [body.split("{#references}")[0]] if wanted is None else [parts.get(i, "") for i in wanted]
        for text in texts:
            for found in foreign_laws(lang, BOX.sub("", text)):
                problems.append(f"docs/{lang}/{name}:{line_of(path, found)}: names '{found}', "
                                f"another country's law; use this edition's own law or move it into an info box")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["sv", "fi"])
def test_the_swedish_and_finnish_modules_never_name_a_norwegian_statute(lang):
    problems = []
    for page in sorted((DOCS / lang).glob("[0-9][0-9]-*.md")):
        body = read_page(page)[0]
        for match in LAW["no"].finditer(body):
            problems.append(f"docs/{lang}/{page.name}:{line_of(page, match.group(0))}: names the Norwegian "
                            f"'{match.group(0)}'; give this country's law instead")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_quiz_asks_about_another_countrys_law(lang):
    problems = []
    for name, texts in quiz_text_groups():
        for text in texts:
            for found in foreign_laws(lang, str(text.get(lang, ""))):
                problems.append(f"quizzes/{name} ({lang}): '{found}' in \"{str(text[lang])[:60]}…\"")
    assert not problems, "\n".join(problems)


def test_the_check_sees_each_countrys_law():
    """So a passing test is not a pattern list that matches nothing."""
    samples = {"no": "straffeloven § 196", "sv": "socialtjänstlagen (2025:400)", "fi": "lastensuojelulain (417/2007)"}
    for lang in ("no", "sv", "fi"):
        others = [foreign_laws(lang, sample) for country, sample in samples.items() if country != lang]
        assert all(others), f"{lang}: the patterns miss another country's law in {samples}"
        assert not foreign_laws(lang, samples[lang]), f"{lang}: its own law {samples[lang]!r} counted as foreign"

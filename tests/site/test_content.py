"""The course text itself: every section in every language, nothing copied from the seeds."""

from __future__ import annotations

import re

import pytest

from conftest import LANGUAGES, ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
RUN = 8  # words in a row that would count as copying
MODULE_SECTIONS = ("objectives", "scenarios", "reflection", "quiz", "key-points", "references")


def modules() -> list[str]:
    return sorted(p.name for p in (ROOT / "docs" / LANGUAGES[0]).glob("[0-9][0-9]-*.md"))


def words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text.lower())


def runs(text: str, size: int = RUN) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


@pytest.mark.parametrize("module", modules())
def test_every_module_has_each_section_in_every_language(module):
    for lang in LANGUAGES:
        text = (ROOT / "docs" / lang / module).read_text(encoding="utf-8")
        ids = set(re.findall(r"^#{2,3} .*\{#([a-z0-9-]+)\}\s*$", text, flags=re.M))
        missing = [s for s in MODULE_SECTIONS if s not in ids]
        assert not missing, f"docs/{lang}/{module} lacks the sections {missing}"
        assert "```quiz" in text


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents (../shared/seeds) are not beside this clone")
def test_no_sentence_is_copied_from_the_seed_documents():
    seed_runs = set().union(*(runs(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")))
    assert seed_runs, "no seed text was read"
    copied = []
    for path in [*(ROOT / "docs").rglob("*.md"), *(ROOT / "quizzes").glob("*.yaml")]:
        for run in runs(path.read_text(encoding="utf-8")) & seed_runs:
            copied.append(f"{path.relative_to(ROOT)}: {' '.join(run)}")
    assert not copied, "\n".join(sorted(copied))

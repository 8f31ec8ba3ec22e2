"""The home page's list of modules comes from the module pages themselves."""

from __future__ import annotations

import pytest

from helpercourse import module_index
from helpercourse.problems import ProblemsFound

MODULE = """---
title: Trust
description: Two kinds of trust and how each is built.
---

# Module 2: Trust

Intro text.

## Learning objectives {#objectives}

After this module you can:

- tell rational from relational trust;
- name behaviours that build trust.

## Two kinds of trust {#two-kinds}

- not an objective
"""

HOME = "# Course\n\n## Modules {#modules}\n\n```modules\n```\n\nAfter the list.\n"


def write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")


def test_the_list_shows_each_module_linked_with_its_description_and_objectives(tmp_path):
    write(tmp_path, "02-trust.md", MODULE)
    write(tmp_path, "01-first.md", MODULE.replace("Module 2: Trust", "Module 1: First"))
    write(tmp_path, "index.md", HOME)

    result = module_index.expand(HOME, tmp_path)

    assert "```modules" not in result
    assert result.index("### [Module 1: First](01-first.md)") < result.index("### [Module 2: Trust](02-trust.md)")
    assert "Two kinds of trust and how each is built." in result
    assert "After this module you can:\n\n- tell rational from relational trust;" in result
    assert "not an objective" not in result
    assert result.endswith("After the list.\n")


def test_a_page_without_the_block_is_left_alone(tmp_path):
    text = "# Course\n\n```python\nmodules\n```\n"
    assert module_index.expand(text, tmp_path) == text


def test_a_module_without_objectives_is_named_with_its_line(tmp_path):
    write(tmp_path, "02-trust.md", MODULE.replace("- tell", "tell").replace("- name", "name"))
    write(tmp_path, "03-ok.md", MODULE)
    write(tmp_path, "04-no-section.md", MODULE.replace(" {#objectives}", ""))

    with pytest.raises(ProblemsFound) as found:
        module_index.expand(HOME, tmp_path)

    messages = [f"{p.path.rsplit('/', 1)[-1]}:{p.line}: {p.message}" for p in found.value.problems]
    assert messages == [
        "02-trust.md:10: the objectives section has no '- ' list items",
        "04-no-section.md:1: this module page lacks a '## … {#objectives}' section; "
        "the home page lists each module's heading and objectives from it",
    ]

"""The trainer overview's session plans come from each module's first facilitator note."""

from __future__ import annotations

import pytest

from helpercourse import session_plans
from helpercourse.course import CoursePage
from helpercourse.front_matter import read_page
from helpercourse.problems import ProblemsFound

UI = {"progress_module": "Module", "session_length": "Length", "session_all_modules": "The whole course",
      "session_total": "{minutes} min in all", "session_materials": "Prepare"}

MODULE = """---
title: Trust
---

# Module 2: Trust

Intro.

!!! facilitator "For the facilitator"
    **A 90-minute classroom session**

    - **Before the session:** tell people what it is about.
    - **10 min, opening round:** everyone answers.
    - **Key ideas (20 min):** the two kinds of trust,
      drawn on the flip chart.
    - **60 min quiz together.**

    **Prepare:** the quiz printed as a blank worksheet, a flip chart.

    **Opening question:** "Whom do you trust?"

## Learning objectives {#objectives}

- one

!!! facilitator "For the facilitator"
    - **99 min, not the plan:** the discussion note comes later.
"""


def page(tmp_path, text: str, name: str = "02-trust.md") -> CoursePage:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return CoursePage("en", name, path, read_page(path))


def test_the_plan_has_each_part_with_its_minutes_the_total_and_the_materials(tmp_path):
    plan = session_plans.read_plan(page(tmp_path, MODULE), "Prepare")
    assert plan.heading == "Module 2: Trust" and plan.title == "A 90-minute classroom session"
    assert [(p.label, p.minutes) for p in plan.parts] == [
        ("Before the session", None), ("Opening round", 10), ("Key ideas", 20), ("Quiz together", 60)]
    assert plan.parts[2].text == "the two kinds of trust, drawn on the flip chart."
    assert plan.total == plan.stated_minutes == 90
    assert plan.materials.startswith("**Prepare:** the quiz printed")
    assert plan.notes == ('**Opening question:** "Whom do you trust?"',)
    shown = session_plans.render([plan], UI)
    assert "| [Module 2: Trust](#plan-02-trust) | 90 min |" in shown
    assert "## [Module 2: Trust](02-trust.md) {#plan-02-trust}" in shown
    assert "- **10 min · Opening round:** everyone answers." in shown
    assert "- **90 min in all**" in shown and "99 min" not in shown


@pytest.mark.parametrize("change, message", [
    (("60 min quiz", "50 min quiz"), "the session plan's parts add up to 80 minutes, but its first line says 90"),
    (("**Prepare:**", "**Bring:**"), "the session plan has no materials line; add a paragraph '**Prepare:** …'"),
    (("10 min, opening round", "opening round"), "the session plan's parts add up to 80 minutes"),
])
def test_a_plan_that_does_not_add_up_is_named_at_its_note(tmp_path, change, message):
    with pytest.raises(ProblemsFound) as found:
        session_plans.read_plan(page(tmp_path, MODULE.replace(*change)), "Prepare")
    problem = found.value.problems[0]
    assert problem.line == 9 and message in problem.message, problem


def test_a_module_without_a_plan_is_named_and_the_overview_is_not_made(tmp_path):
    bare = MODULE[:MODULE.index("!!! facilitator")] + MODULE[MODULE.index("## Learning"):]
    with pytest.raises(ProblemsFound) as found:
        session_plans.expand("```trainer-overview\n```\n", [page(tmp_path, bare)], UI)
    assert "no '!!! facilitator' note before its objectives" in found.value.problems[0].message
    assert session_plans.expand("no block here\n", [page(tmp_path, bare)], UI) == "no block here\n"

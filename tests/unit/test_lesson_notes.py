"""The writing boxes under lesson reflections: one per `!!! question` box, ids stable per section."""

from __future__ import annotations

import markdown

from helpercourse import lesson_notes

UI = {"note_label": "Write your answers here", "note_on_paper": "Write on paper.",
      "reflection_instruction": "Kept only in this browser.", "reflection_saved": "Saved in this browser.",
      "storage_unavailable": "Cannot save here."}

PAGE = """# Module 2: Trust

## Scenarios {#scenarios}

!!! question "A first box"
    - one?

## Reflection exercise {#reflection}

!!! question "Second"
    - two?

    !!! note "Nested"
        inside

!!! question "Third"
    - three?
"""


def test_every_box_gets_a_labelled_box_with_an_id_from_its_section_and_the_markdown_agrees():
    html = markdown.markdown(PAGE, extensions=["admonition", "attr_list", "toc"])
    done = lesson_notes.add_writing_boxes(html, "02-trust", UI)
    ids = ["02-trust/scenarios-1", "02-trust/reflection-1", "02-trust/reflection-2"]
    assert [note_id for _, _, note_id in lesson_notes.note_ids(done, "02-trust")] == ids
    assert done.count('<label class="hc-note__label" for="hc-note-02-trust-reflection-2">') == 1
    # Each writing box closes inside its own box: after the nested note, before the next box.
    second = done[done.index("Second"):done.index("Third")]
    assert second.index("Nested") < second.index('data-note-id="02-trust/reflection-1"')
    assert [note_id for note_id, _ in lesson_notes.boxes_in_markdown(PAGE, "02-trust")] == ids
    assert lesson_notes.boxes_in_markdown(PAGE, "02-trust")[2] == ("02-trust/reflection-2", "Third")

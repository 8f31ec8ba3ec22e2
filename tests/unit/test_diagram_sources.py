"""Diagram sources: every mistake a trainer can make is a `diagrams/x.yaml:LINE: …` problem, and
the rendered figure escapes every text and carries its text alternative."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from helpercourse.diagrams import load_diagram, load_diagrams, render
from helpercourse.page_checks import diagram_references

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("no", "sv", "fi", "en")

SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 100">
  <rect class="hc-d-box" x="8" y="8" width="304" height="84"/>
  <text class="hc-d-head" x="20" y="30">{heading}</text>
  <text class="hc-d-text" x="160" y="60" text-anchor="middle" data-max-lines="2" data-valign="middle">{note}</text>
</svg>
"""

YAML = """title:
  no: Tittel
  sv: Titel
  fi: Otsikko
  en: Title
description:
  no: En boks med en overskrift.
  sv: En ruta med en rubrik.
  fi: Laatikko ja otsikko.
  en: A box with a heading.
labels:
  heading:
    no: Overskrift
    sv: Rubrik
    fi: Otsikko
    en: Heading
  note:
    no: [Første linje, andre linje]
    sv: En rad
    fi: Yksi rivi
    en:
      - First line
      - second line
"""


def write(folder: Path, yaml: str = YAML, svg: str = SVG, name: str = "sample") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.svg").write_text(svg, "utf-8")
    (folder / f"{name}.yaml").write_text(yaml, "utf-8")
    return folder / f"{name}.svg"


def problems_of(tmp_path: Path, monkeypatch, yaml: str = YAML, svg: str = SVG) -> list[str]:
    monkeypatch.chdir(tmp_path)  # problems name files relative to the course, as a trainer types them
    diagram, problems = load_diagram(write(tmp_path / "diagrams", yaml, svg), LANGS)
    assert (diagram is None) == bool(problems)
    return [str(problem) for problem in problems]


def test_a_right_diagram_renders_in_each_language_with_its_alternative_and_lines(tmp_path, monkeypatch):
    assert problems_of(tmp_path, monkeypatch) == []
    diagram, _ = load_diagram(tmp_path / "diagrams" / "sample.svg", LANGS)
    html = render(diagram, "en", "hc-diagram-sample")
    figure = ElementTree.fromstring(html)  # well-formed, so the browser builds the tree we mean
    svg = figure.find("{http://www.w3.org/2000/svg}svg")
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "hc-diagram-sample-title hc-diagram-sample-desc"
    assert 'viewBox="0 0 320 100"' in html and "<title id=\"hc-diagram-sample-title\">Title</title>" in html
    assert '<desc id="hc-diagram-sample-desc">A box with a heading.</desc>' in html
    assert '<figcaption class="hc-diagram__caption">Title</figcaption>' in html
    # two lines, centred on y: the first a half line up, the second a line below it
    assert '<tspan x="160" dy="-0.625em">First line</tspan><tspan x="160" dy="1.25em">second line</tspan>' in html
    assert "data-max-lines" not in html and "{" not in html
    assert ">Rubrik</text>" in render(diagram, "sv", "x")


@pytest.mark.parametrize(("change", "expected"), [
    (lambda y: y.replace("  fi: Otsikko\n  en: Title\n", "  en: Title\n"),
     "diagrams/sample.yaml:1: title has no text in fi; add 'fi: …'"),
    (lambda y: y.replace("    fi: Yksi rivi\n", ""),
     "diagrams/sample.yaml:17: label 'note' has no text in fi; add 'fi: …'"),
    (lambda y: y + "  footer:\n    no: a\n    sv: a\n    fi: a\n    en: a\n",
     "diagrams/sample.yaml:24: unknown label 'footer': diagrams/sample.svg has no {footer}; "
     "delete the label or add the placeholder"),
    (lambda y: y.replace("    sv: Rubrik\n", '    sv: ""\n'),
     "diagrams/sample.yaml:14: label 'heading' in sv is empty; write the text"),
    (lambda y: y.replace("    sv: En rad\n", "    sv: [En, två, tre]\n"),
     "diagrams/sample.yaml:19: label 'note' in sv has 3 lines, but the drawing has room for 2 "
     "(data-max-lines); shorten it or make room in the .svg"),
    (lambda y: y.replace("labels:", "caption: x\nlabels:"),
     "diagrams/sample.yaml:11: unknown key 'caption'; a diagram has title, description, labels"),
    (lambda y: y.replace("  en: A box", "  da: En kasse\n  en: A box"),
     "diagrams/sample.yaml:10: description: 'da' is not one of the course's languages (no, sv, fi, en)"),
    (lambda y: y.replace("  heading:\n    no: Overskrift\n    sv: Rubrik\n    fi: Otsikko\n    en: Heading\n", ""),
     "diagrams/sample.yaml:11: no label 'heading' for the {heading} in diagrams/sample.svg:3; "
     "add it with a text in every language"),
    (lambda y: y.replace("  fi: Otsikko\n  en: Title", "  fi: Otsikko\n   en: Title"),
     "diagrams/sample.yaml:5: YAML syntax error"),
])
def test_a_mistake_in_the_texts_is_reported_at_its_line(tmp_path, monkeypatch, change, expected):
    problems = problems_of(tmp_path, monkeypatch, yaml=change(YAML))
    assert any(problem.startswith(expected) for problem in problems), problems


@pytest.mark.parametrize(("change", "expected"), [
    (lambda s: s.replace('class="hc-d-box"', 'style="fill:red"'), "diagrams/sample.svg:2: a style="),
    (lambda s: s.replace("<rect", '<rect id="box"'), "diagrams/sample.svg:2: an id would clash"),
    (lambda s: s.replace("</svg>", "<script>alert(1)</script></svg>"), "diagrams/sample.svg:5: a diagram may not run scripts"),
    (lambda s: s.replace('height="84"/>', 'height="84">'), "diagrams/sample.svg:5: the drawing is not well-formed SVG"),
    (lambda s: s.replace('<text class="hc-d-head" x="20" y="30">{heading}</text>', '<text x="20" y="30">Say {heading}</text>'),
     "diagrams/sample.svg:3: {heading} must stand alone inside a <text> element"),
    (lambda s: s.replace(' viewBox="0 0 320 100"', ""), "diagrams/sample.svg:1: the <svg> needs viewBox="),
    (lambda s: s.replace('data-valign="middle"', 'data-valign="centre"'), 'diagrams/sample.svg:4: data-valign="centre" must be'),
    (lambda s: s.replace('data-max-lines="2"', 'data-max-lines="two"'), 'diagrams/sample.svg:4: data-max-lines="two" must be'),
])
def test_a_mistake_in_the_drawing_is_reported_at_its_line(tmp_path, monkeypatch, change, expected):
    problems = problems_of(tmp_path, monkeypatch, svg=change(SVG))
    assert any(problem.startswith(expected) for problem in problems), problems


def test_rendering_escapes_every_text(tmp_path, monkeypatch):
    hostile = YAML.replace("    en: Heading\n", '    en: "<script>alert(1)</script> & <b>"\n').replace(
        "  en: Title\n", '  en: "T</title><script>x()</script>"\n')
    assert problems_of(tmp_path, monkeypatch, yaml=hostile) == []
    diagram, _ = load_diagram(tmp_path / "diagrams" / "sample.svg", LANGS)
    html = render(diagram, "en", "d")
    assert "<script" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;" in html
    ElementTree.fromstring(html)


def test_texts_without_a_drawing_and_a_drawing_without_texts_are_reported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "diagrams"
    write(folder)
    (folder / "lonely.yaml").write_text(YAML, "utf-8")
    (folder / "bare.svg").write_text(SVG, "utf-8")
    diagrams, problems = load_diagrams(folder, LANGS)
    assert sorted(diagrams) == ["sample"]
    assert [str(p) for p in problems] == [
        "diagrams/lonely.yaml:1: there is no drawing lonely.svg for these texts",
        "diagrams/bare.svg:1: the texts are missing: create bare.yaml next to it"]


def test_the_course_diagrams_read_without_problems_and_lessons_name_them_on_their_own_line():
    diagrams, problems = load_diagrams(ROOT / "diagrams", LANGS)
    assert problems == [] and len(diagrams) == 8
    assert diagram_references("Text\n\n```diagram\ndrama-and-ted\n```\n\n~~~diagram\n~~~\n") == [
        (3, "drama-and-ted"), (7, "")]
    for diagram in diagrams.values():
        for lang in LANGS:
            assert not re.search(r"\{[A-Za-z0-9_]+\}", render(diagram, lang, "x"))

"""The course's diagrams: one drawing, its words in every language, rendered as inline SVG.

Each diagram is two files in diagrams/:

    <name>.svg   the drawing; every word is a placeholder alone in a <text> element:
                 <text class="hc-d-label" x="60" y="40" data-max-lines="2">{victim}</text>
    <name>.yaml  per language: title, description (the text alternative) and every label;
                 a label is one text or a list of lines (each line becomes a <tspan>)

`load_diagrams` reads and checks them all (every placeholder has a label, every label a
non-empty text in every language, no unknown keys, no more lines than the drawing has room
for, nothing the site's Content-Security-Policy would block), each mistake a Problem at its
file and line. `render` makes the <figure> a lesson shows. Inline SVG keeps working from disk
(the offline copy) and under `style-src 'self'`: the drawing uses classes, never style="".
Nothing here imports MkDocs; plugin.py is the glue.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .problems import Problem, display_path, shorten
from .source_files import read_source
from .yaml_lines import LineDict, LineList, YamlProblem, parse, with_lines

TOP_KEYS = ("title", "description", "labels")
NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PLACEHOLDER = re.compile(r"\{([A-Za-z0-9_]+)\}")
# A placeholder alone in a <text> element: the only place the drawing may hold words.
TEXT_WITH_PLACEHOLDER = re.compile(
    r"<text\b(?P<attrs>[^>]*)>\s*\{(?P<key>[A-Za-z0-9_]+)\}\s*</text>")
_ATTRIBUTE = re.compile(r'\s(?P<name>[A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*"(?P<value>[^"]*)"')
_ROOT = re.compile(r"<svg\b(?P<attrs>[^>]*)>(?P<inner>.*)</svg>\s*$", re.S)
_VIEWBOX = re.compile(r"^\s*-?[\d.]+(?:[\s,]+-?[\d.]+){3}\s*$")
LINE_HEIGHT_EM = 1.25
VALIGN = {"top": 0, "middle": 0.5, "bottom": 1}  # how far y is from the first line, in lines-1

# What the drawing may not contain, and why (the CSP allows no inline style or script; an id
# would clash when a page shows two diagrams; a link would leave the offline copy).
_FORBIDDEN = [
    (re.compile(r"<style\b", re.I), "a <style> element is blocked by the site's Content-Security-"
     "Policy; give the shape a class and style it in overrides/assets/diagrams.css"),
    (re.compile(r"\sstyle\s*=", re.I), "a style=\"…\" attribute is blocked by the site's Content-"
     "Security-Policy; give the shape a class and style it in overrides/assets/diagrams.css"),
    (re.compile(r"<script\b|\son[a-z]+\s*=", re.I), "a diagram may not run scripts; delete it"),
    (re.compile(r"<foreignObject\b", re.I), "<foreignObject> is not used in diagrams; draw with "
     "SVG shapes and <text>"),
    (re.compile(r"\sid\s*=", re.I), "an id would clash when a page shows two diagrams; use a "
     "class (arrowheads: draw a small <polygon> instead of a <marker>)"),
    (re.compile(r"\s(?:xlink:)?href\s*=", re.I), "a diagram links to nothing (the offline copy "
     "must work from disk); delete the link"),
    (re.compile(r"<!DOCTYPE|<!ENTITY", re.I), "a DOCTYPE or ENTITY is not used in diagrams; "
     "delete it"),
]


@dataclass(frozen=True)
class Diagram:
    name: str
    view_box: str
    drawing: str  # the <svg> element's content, with placeholders
    titles: dict[str, str]  # lang -> title
    descriptions: dict[str, str]  # lang -> text alternative
    labels: dict[str, dict[str, list[str]]]  # key -> lang -> lines


@dataclass(frozen=True)
class _TextSlot:
    key: str
    line: int
    max_lines: int


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _attributes(attrs: str) -> dict[str, str]:
    return {m["name"]: m["value"] for m in _ATTRIBUTE.finditer(attrs)}


# --- the drawing -------------------------------------------------------------------------------

def read_drawing(path: Path) -> tuple[tuple[str, str, dict[str, _TextSlot]] | None, list[Problem]]:
    """(view box, content, placeholder -> its <text>) of one .svg, or problems at their lines."""
    text, problems = read_source(path)
    if problems:
        return None, problems
    shown = display_path(path)
    text = text.replace("\r\n", "\n")
    for pattern, message in _FORBIDDEN:
        problems += [Problem(shown, _line_at(text, m.start()), message) for m in pattern.finditer(text)]
    if problems:
        return None, problems
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        line = exc.position[0] if exc.position else 1
        return None, [Problem(shown, line, f"the drawing is not well-formed SVG ({shorten(str(exc))}); "
                                           "check the tags on this line")]
    whole = _ROOT.search(text)
    if not root.tag.endswith("svg") or not whole:
        return None, [Problem(shown, 1, "the file must be one <svg …>…</svg> element")]
    view_box = _attributes(whole["attrs"]).get("viewBox", "")
    if not _VIEWBOX.match(view_box):
        return None, [Problem(shown, _line_at(text, whole.start()),
                              'the <svg> needs viewBox="0 0 WIDTH HEIGHT" (four numbers), so the '
                              "diagram scales to the page")]
    slots: dict[str, _TextSlot] = {}
    in_text = set()
    for match in TEXT_WITH_PLACEHOLDER.finditer(text):
        line = _line_at(text, match.start())
        in_text.add(match.start("key") - 1)
        key = match["key"]
        attrs = _attributes(match["attrs"])
        raw = attrs.get("data-max-lines", "1")
        if attrs.get("data-valign", "top") not in VALIGN:
            problems.append(Problem(shown, line, f'data-valign="{shorten(attrs["data-valign"])}" must be '
                                                 f"one of {', '.join(VALIGN)} (where y is: the first line, "
                                                 "the middle, the last line)"))
            continue
        if not raw.isdigit() or int(raw) < 1:
            problems.append(Problem(shown, line, f'data-max-lines="{shorten(raw)}" must be a whole '
                                                 "number, 1 or more"))
            continue
        if key in slots:
            problems.append(Problem(shown, line, f"{{{key}}} is used twice (first on line "
                                                 f"{slots[key].line}); give each text its own name"))
            continue
        slots[key] = _TextSlot(key, line, int(raw))
    for match in PLACEHOLDER.finditer(text):
        if match.start() not in in_text:
            problems.append(Problem(shown, _line_at(text, match.start()),
                                    f"{match.group()} must stand alone inside a <text> element"))
    if problems:
        return None, problems
    inner = re.sub(r"<!--.*?-->\s*", "", whole["inner"], flags=re.S)  # notes for trainers stay in the file
    return (view_box.strip(), inner, slots), []


# --- the words ---------------------------------------------------------------------------------

def _read_words(path: Path) -> tuple[LineDict | None, list[Problem]]:
    text, problems = read_source(path)
    if problems:
        return None, problems
    try:
        data = with_lines(parse(text), text)
    except YamlProblem as exc:
        return None, [Problem(display_path(path), exc.line, exc.message)]
    if not isinstance(data, LineDict):
        return None, [Problem(display_path(path), 1, "the file must have title:, description: "
                                                     "and labels:, each with a text per language")]
    return data, []


def _texts(value, line: int, what: str, languages: tuple[str, ...], shown: str,
           lines_allowed: int | None) -> tuple[dict[str, list[str]], list[Problem]]:
    """lang -> lines of one text (title, description or label), with every problem."""
    if not isinstance(value, LineDict):
        return {}, [Problem(shown, line, f"{what} needs a text per language: "
                                         + ", ".join(f"{lang}: …" for lang in languages))]
    problems, result = [], {}
    for lang, text in value.items():
        at = value.key_lines[lang]
        if lang not in languages:
            problems.append(Problem(shown, at, f"{what}: '{shorten(lang)}' is not one of the course's "
                                               f"languages ({', '.join(languages)})"))
            continue
        lines = list(text) if isinstance(text, LineList) else [text]
        if lines_allowed is None and len(lines) != 1:
            problems.append(Problem(shown, at, f"{what} in {lang} must be one text, not a list"))
            continue
        if not all(isinstance(part, str) for part in lines):
            problems.append(Problem(shown, at, f"{what} in {lang} must be text (put it in double "
                                               "quotes if it looks like a number or true/false)"))
            continue
        lines = [part.strip() for part in lines]
        if not lines or not all(lines):
            problems.append(Problem(shown, at, f"{what} in {lang} is empty; write the text"))
            continue
        if lines_allowed is not None and len(lines) > lines_allowed:
            problems.append(Problem(shown, at, f"{what} in {lang} has {len(lines)} lines, but the "
                                               f"drawing has room for {lines_allowed} "
                                               "(data-max-lines); shorten it or make room in the .svg"))
            continue
        result[lang] = lines
    for lang in languages:
        if lang not in value:
            problems.append(Problem(shown, line, f"{what} has no text in {lang}; add '{lang}: …'"))
    return result, problems


def load_diagram(svg_path: Path, languages: tuple[str, ...]) -> tuple[Diagram | None, list[Problem]]:
    """One diagram from <name>.svg and <name>.yaml, or None and every problem found."""
    svg_path = Path(svg_path)
    yaml_path = svg_path.with_suffix(".yaml")
    name = svg_path.stem
    if not NAME.match(name):
        return None, [Problem(display_path(svg_path), 1, f"the name '{shorten(name)}' must be lower-case "
                                                         "letters, digits and hyphens, such as drama-and-ted")]
    drawing, problems = read_drawing(svg_path)
    words, word_problems = _read_words(yaml_path)
    problems += word_problems
    if words is None:
        return None, problems
    shown = display_path(yaml_path)
    for key in words:
        if key not in TOP_KEYS:
            problems.append(Problem(shown, words.key_lines[key], f"unknown key '{shorten(key)}'; a "
                                                                 f"diagram has {', '.join(TOP_KEYS)}"))
    texts = {}
    for key in ("title", "description"):
        if key not in words:
            problems.append(Problem(shown, 1, f"'{key}:' is missing; add it with a text per language"))
            continue
        found, more = _texts(words[key], words.key_lines[key], key, languages, shown, None)
        texts[key] = {lang: lines[0] for lang, lines in found.items()}
        problems += more
    labels = words.get("labels")
    label_texts: dict[str, dict[str, list[str]]] = {}
    if not isinstance(labels, LineDict):
        problems.append(Problem(shown, words.key_lines.get("labels", 1),
                                "'labels:' must list each placeholder of the drawing with its texts"))
    elif drawing is not None:
        slots = drawing[2]
        for key, value in labels.items():
            at = labels.key_lines[key]
            if key not in slots:
                problems.append(Problem(shown, at, f"unknown label '{shorten(key)}': "
                                                   f"{display_path(svg_path)} has no {{{shorten(key)}}}; "
                                                   "delete the label or add the placeholder"))
                continue
            label_texts[key], more = _texts(value, at, f"label '{key}'", languages, shown, slots[key].max_lines)
            problems += more
        for key, slot in slots.items():
            if key not in labels:
                problems.append(Problem(shown, words.key_lines["labels"], f"no label '{key}' for the {{{key}}} in "
                                                            f"{display_path(svg_path)}:{slot.line}; add it "
                                                            "with a text in every language"))
    if problems or drawing is None:
        return None, problems
    view_box, inner, _ = drawing
    return Diagram(name, view_box, inner, texts["title"], texts["description"], label_texts), []


def load_diagrams(folder: Path, languages: tuple[str, ...]) -> tuple[dict[str, Diagram], list[Problem]]:
    """Every diagram in the folder (name -> Diagram), and every problem in any of them."""
    folder = Path(folder)
    diagrams, problems = {}, []
    if not folder.is_dir():
        return diagrams, problems
    for yaml_path in sorted(folder.glob("*.yaml")):
        if not yaml_path.with_suffix(".svg").exists():
            problems.append(Problem(display_path(yaml_path), 1, f"there is no drawing "
                                                                f"{yaml_path.stem}.svg for these texts"))
    for svg_path in sorted(folder.glob("*.svg")):
        if not svg_path.with_suffix(".yaml").exists():
            problems.append(Problem(display_path(svg_path), 1, f"the texts are missing: create "
                                                               f"{svg_path.stem}.yaml next to it"))
            continue
        diagram, found = load_diagram(svg_path, languages)
        problems += found
        if diagram is not None:
            diagrams[diagram.name] = diagram
    return diagrams, problems


def diagram_names(folder: Path) -> list[str]:
    """The names of the diagrams in the folder, read or not (for 'unknown diagram' messages)."""
    return sorted(p.stem for p in Path(folder).glob("*.svg")) if Path(folder).is_dir() else []


# --- rendering ---------------------------------------------------------------------------------

def _text_element(attrs: str, lines: list[str]) -> str:
    values = _attributes(attrs)
    align = values.get("data-valign", "top")  # where `y` is: the first line, the middle, the last
    kept = re.sub(r'\s(?:data-max-lines|data-valign)\s*=\s*"[^"]*"', "", attrs)
    if len(lines) == 1:
        return f"<text{kept}>{escape(lines[0])}</text>"
    x = escape(values.get("x", "0"))
    first = -(len(lines) - 1) * LINE_HEIGHT_EM * VALIGN.get(align, 0)
    spans = "".join(f'<tspan x="{x}" dy="{first if i == 0 else LINE_HEIGHT_EM:g}em">{escape(line)}</tspan>'
                    for i, line in enumerate(lines))
    return f"<text{kept}>{spans}</text>"


def render(diagram: Diagram, lang: str, id_base: str) -> str:
    """The <figure> with the inline SVG in `lang`; `id_base` must be unique on the page."""
    title_id, desc_id = f"{id_base}-title", f"{id_base}-desc"

    def fill(match: re.Match) -> str:
        return _text_element(match["attrs"], diagram.labels[match["key"]][lang])

    drawing = TEXT_WITH_PLACEHOLDER.sub(fill, diagram.drawing)
    title = escape(diagram.titles[lang])
    return (f'<figure class="hc-diagram" data-diagram="{escape(diagram.name)}">'
            f'<svg class="hc-diagram__svg" xmlns="http://www.w3.org/2000/svg" viewBox="{escape(diagram.view_box)}" '
            f'role="img" aria-labelledby="{title_id} {desc_id}">'
            f'<title id="{title_id}">{title}</title>'
            f'<desc id="{desc_id}">{escape(diagram.descriptions[lang])}</desc>'
            f"{drawing}</svg>"
            f'<figcaption class="hc-diagram__caption">{title}</figcaption></figure>')

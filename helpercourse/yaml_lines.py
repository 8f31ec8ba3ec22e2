"""The one YAML reader of the course sources: YAML 1.2 core schema, limits, and line numbers.

Every source (quizzes, interface strings, branding, translation status) is read by `parse`:
1. checks on the text before any parser sees it: nesting depth (a parser recurses, and ~50,000
   `[` crash it), control characters, explicit tags, anchors and aliases, a second document;
2. the values by one parser, yaml-rs (YAML 1.2 core schema: `no`/`yes`/`on`/`off` and `12:30`
   stay text, only true/false are booleans, no dates). 100 generated questions take it ~4 ms;
   PyYAML's C loader with line-keeping constructors took ~58 ms (~1,700 questions/s on one
   core), too slow for the compiler's target of 10,000 questions/s;
3. only when lines are needed (`with_lines`, for a message): PyYAML's composer finds where
   each key and item is written. It only locates; it never decides what a value is, so the
   two libraries cannot read one file two ways.
"""

from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from typing import Any

import yaml
import yaml_rs

from .problems import shorten

MAX_DEPTH = 50  # levels of [ { or indentation; a real quiz uses about 8


class LineDict(dict):
    """A dict that knows its own line and the line of each key (1-based)."""

    line: int
    key_lines: dict[Any, int]


class LineList(list):
    """A list that knows its own line and the line of each item (1-based)."""

    line: int
    item_lines: list[int]


class YamlProblem(Exception):
    """The text is not a YAML file the course reads; `line` is 1-based."""

    def __init__(self, line: int, message: str):
        super().__init__(f"{line}: {message}")
        self.line, self.message = line, message


def parse(text: str) -> Any:
    """The values of one YAML document (plain dicts and lists). Raises YamlProblem."""
    text = normalise_breaks(text)
    _check_text(text)
    try:
        return yaml_rs.loads(text, parse_datetime=False)
    except yaml_rs.YAMLDecodeError as exc:
        raise _syntax_problem(text, str(exc)) from None
    except (RecursionError, ValueError, OverflowError, TypeError) as exc:  # defensive: never a traceback
        raise YamlProblem(1, f"the file cannot be read as YAML ({type(exc).__name__})") from None


def load_yaml(text: str) -> Any:
    """`parse`, with the line of every key and item (LineDict / LineList). Raises YamlProblem."""
    return with_lines(parse(text), text)


def normalise_breaks(text: str) -> str:
    """\\r\\n and \\r end a line as \\n does (as an editor counts lines); YAML folds them alike."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


# --- 1. checks on the text ---------------------------------------------------------------------
# What YAML allows in a file (tab, line feed, printable Unicode); U+0085/U+2028/U+2029 are line
# breaks to YAML and not to editors, so they would shift every line number below them.
_NOT_ALLOWED = re.compile("[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BRACKET = re.compile(r"[\[\]{}]")
_LEAD = re.compile(r"^[ ?:-]*", re.M)  # indentation and compact "- " / "? " / ": " indicators
_INDICATOR = re.compile(r"[?:-](?= |$)")
_WIDE_LEAD = re.compile(r"^[ ?:-]{%d}" % (MAX_DEPTH // 2 + 1), re.M)
# A tag (!), anchor (&) or alias (*) can only start a node: at a line start, after a space or a
# flow indicator. Plain text rarely has one there, so the exact check below seldom runs.
_MAYBE_PROPERTY = re.compile(r"(?:^|[\s\[{,:])[!&*]", re.M)
_DOCUMENT_MARK = re.compile(r"^(?:---|\.\.\.)(?=[ \t\n]|$)", re.M)


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _check_text(text: str) -> None:
    found = _NOT_ALLOWED.search(text)
    if found:
        code = ord(found.group())
        raise YamlProblem(_line_at(text, found.start()),
                          f"the invisible character U+{code:04X} is not allowed here; delete it")
    problem = nesting_problem(text) or _document_problem(text) or _property_problem(text)
    if problem:
        raise YamlProblem(*problem)


def nesting_problem(text: str) -> tuple[int, str] | None:
    """(line, message) where the text nests deeper than MAX_DEPTH, without parsing it."""
    too_deep = (f"nested more than {MAX_DEPTH} levels deep; a course file needs far fewer, so "
                "check the brackets [ { and the indentation here")
    if text.count("[") + text.count("{") > MAX_DEPTH:  # fast common case: cannot be too deep
        depth = 0
        for bracket in _BRACKET.finditer(text):
            if bracket.group() in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    return _line_at(text, bracket.start()), too_deep
            else:
                depth = max(0, depth - 1)
    # Each block level is indented further than its parent, so narrow indentation is shallow.
    if not _WIDE_LEAD.search(text):
        return None
    columns = [-1]  # the indentation of each open block level
    for number, line in enumerate(text.split("\n"), 1):
        lead = _LEAD.match(line).group()
        if not line[len(lead):].strip() or line[len(lead):].lstrip().startswith("#"):
            continue
        indent = len(lead) - len(lead.lstrip(" "))
        while columns[-1] > indent:
            columns.pop()
        if columns[-1] < indent:
            columns.append(indent)
        # "- a: x" or "- - x": each indicator opens a level at the column of what follows it
        marks = [m.start() for m in _INDICATOR.finditer(lead)]
        columns += [nested for nested in marks[1:] + [len(lead)] if nested > columns[-1]]
        if len(columns) - 1 > MAX_DEPTH:
            return number, too_deep
    return None


def _document_problem(text: str) -> tuple[int, str] | None:
    if "\n---" not in text and "\n..." not in text and not text.startswith("..."):
        return None  # fast common case
    for mark in _DOCUMENT_MARK.finditer(text):
        before = text[:mark.start()]
        if mark.group() == "---" and not any(
                line.strip() and not line.lstrip().startswith("#") for line in before.split("\n")):
            continue  # a '---' before the content only marks where the document starts
        return (_line_at(text, mark.start()),
                f"'{mark.group()}' starts or ends a second YAML document; a course file is one "
                "document, so delete this line")
    return None


class _Locator(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):
    """PyYAML's parser, only to find where things are: it resolves no value types."""

    yaml_implicit_resolvers: dict = {}

    def resolve(self, kind, value, implicit):  # called once per scalar: keep it trivial
        return "tag:yaml.org,2002:str"


def _property_problem(text: str) -> tuple[int, str] | None:
    """(line, message) for the first explicit tag, anchor or alias (YAML's node properties)."""
    if ("!" not in text and "&" not in text and "*" not in text) or not _MAYBE_PROPERTY.search(text):
        return None
    try:
        for event in yaml.parse(text, Loader=_Locator):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent):
                return line, (f"'*{event.anchor}' repeats a part of the file (a YAML alias); "
                              "course files do not use aliases: write the text out")
            if getattr(event, "anchor", None):
                return line, (f"'&{event.anchor}' names a part of the file (a YAML anchor); "
                              "course files do not use anchors: delete it")
            tag = getattr(event, "tag", None)
            if tag is not None:
                shown = "!" + tag.rsplit(":", 1)[-1] if tag.startswith("tag:yaml.org") else tag
                return line, (f"the YAML tag '{shown[:40]}' is not used in course files; delete it "
                              "and write plain text, true/false or a number")
    except yaml.YAMLError:
        return None  # a syntax error: yaml-rs reports it, with its line
    return None


# --- 2. syntax errors --------------------------------------------------------------------------
_AT_LINE = re.compile(r"at line (\d+), column (\d+)")
_DUPLICATE = re.compile(r"duplicate mapping key: (.*)$", re.S)


def _syntax_problem(text: str, error: str) -> YamlProblem:
    duplicate = _DUPLICATE.search(error)
    if duplicate:
        found = _first_duplicate(text)
        if found:
            key, line, first = found
            return YamlProblem(line, f"duplicate key '{shorten(key)}' (first used on line {first})")
        return YamlProblem(1, f"duplicate key {shorten(duplicate.group(1).strip())}")
    at = _AT_LINE.search(error)
    line = int(at.group(1)) if at else 1
    what = error.strip().splitlines()[-1].strip() if error.strip() else "cannot be read"
    hint = ""
    if "mapping values are not allowed" in what:
        hint = "; a text containing ': ' must be put in double quotes"
    elif "tab" in what:
        hint = "; indent with spaces, not tabs"
    elif "did not find expected" in what or "indentation" in what:
        hint = "; check the indentation of this line and the one above"
    return YamlProblem(max(1, min(line, text.count("\n") + 1)), f"YAML syntax error: {what}{hint}")


@contextmanager
def _no_gc():
    """Python's cyclic collector, run again and again over the millions of nodes a big file
    makes, turned composing quadratic (8,000 questions: 2.7 s, 0.7 s without); nodes hold no
    cycles, so nothing is lost by pausing it while they are built."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _compose(text: str) -> yaml.Node | None:
    try:
        with _no_gc():
            return yaml.compose(text, Loader=_Locator)
    except yaml.YAMLError:
        return None


def _first_duplicate(text: str) -> tuple[str, int, int] | None:
    """(key, its line, the line it was first used) for the first repeated key."""
    stack = [_compose(text)]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        return key.value, key.start_mark.line + 1, seen[key.value]
                    seen[key.value] = key.start_mark.line + 1
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return None


# --- 3. line numbers ---------------------------------------------------------------------------
def with_lines(data: Any, text: str) -> Any:
    """The same values as LineDict / LineList, each knowing its line (1 where none is found).

    Raises YamlProblem for a key that is not text (`1:`, `~:`, `[a]:`): no key in a course file is.
    """
    text = normalise_breaks(text)
    node = _compose(text)
    with _no_gc():
        return _attach(data, node, 1)


def _line(node: yaml.Node | None, default: int) -> int:
    return node.start_mark.line + 1 if node is not None else default


def _attach(value: Any, node: yaml.Node | None, line: int) -> Any:
    here = _line(node, line)
    if isinstance(value, dict):
        written = {}
        if isinstance(node, yaml.MappingNode):
            written = {k.value: (k, v) for k, v in reversed(node.value) if isinstance(k, yaml.ScalarNode)}
        result = LineDict()
        result.line, result.key_lines = here, {}
        for key, item in value.items():
            key_node, value_node = written.get(key, (None, None)) if isinstance(key, str) else (None, None)
            key_line = _line(key_node, here)
            if not isinstance(key, str):
                raise YamlProblem(_non_text_key_line(node, here),
                                  "a key must be a word followed by ':', such as 'id:' or 'en:'")
            result[key] = _attach(item, value_node, key_line)
            result.key_lines[key] = key_line
        return result
    if isinstance(value, list):
        children = node.value if isinstance(node, yaml.SequenceNode) else []
        result = LineList()
        result.line = here
        result.item_lines = []
        for index, item in enumerate(value):
            child = children[index] if index < len(children) else None
            result.append(_attach(item, child, here))
            result.item_lines.append(_line(child, here))
        return result
    return value


def _non_text_key_line(node: yaml.Node | None, default: int) -> int:
    """The line of the first key YAML reads as something other than text."""
    if isinstance(node, yaml.MappingNode):
        for key, _ in node.value:
            if not isinstance(key, yaml.ScalarNode) or not key.style and not _is_text(key.value):
                return key.start_mark.line + 1
    return default


def _is_text(plain: str) -> bool:
    return isinstance(yaml_rs.loads(f"k: {plain}", parse_datetime=False).get("k"), str) if plain else False


def line_of(data: Any, location: tuple) -> int:
    """The best line for a location such as ('questions', 2, 'prompt', 'sv').

    Walks as deep as the data goes; a missing key points at the line of its parent.
    """
    node = data
    line = getattr(data, "line", 1)
    for step in location:
        if isinstance(node, LineDict) and step in node:
            line = node.key_lines[step]
            node = node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            # pydantic adds the tag of a tagged union ('single') to the location; skip such
            # steps, and stop at anything else the data does not have (a missing key).
            if isinstance(node, LineDict) and step == node.get("type"):
                continue
            break
    return line

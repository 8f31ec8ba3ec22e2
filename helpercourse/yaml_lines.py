"""Load YAML into plain dicts and lists that remember the line each key and item came from.

PyYAML's C parser does the parsing (fast enough for thousands of questions); we only change
how mappings and sequences are constructed, and which words count as booleans.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

try:  # the C parser is ~10x faster; fall back to pure Python where libyaml is missing
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _BaseLoader = yaml.SafeLoader

_BOOL_TAG = "tag:yaml.org,2002:bool"


class LineDict(dict):
    """A dict that knows its own line and the line of each key (1-based)."""

    line: int
    key_lines: dict[Any, int]


class LineList(list):
    """A list that knows its own line and the line of each item (1-based)."""

    line: int
    item_lines: list[int]


class DuplicateKeyError(yaml.MarkedYAMLError):
    pass


class LineLoader(_BaseLoader):
    """Safe loader with YAML 1.2 booleans and line numbers on every mapping and sequence.

    YAML 1.1 reads `no` as false, which would turn the Norwegian language key into a boolean
    (the "Norway problem"); here only true/false are booleans.
    """


_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
LineLoader.yaml_implicit_resolvers = {  # YAML 1.2 core schema: no yes/no booleans, no dates
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_BOOL_TAG, _TIMESTAMP_TAG)]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
LineLoader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _construct_mapping(loader: LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a word followed by ':', such as 'id:' or 'en:'",
                key_node.start_mark)
        if key in result:
            raise DuplicateKeyError(
                None,
                None,
                f"duplicate key '{key}' (first used on line {result.key_lines[key]})",
                key_node.start_mark,
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _marked(construct):
    """A constructor whose surprises become YAML errors at the value's line.

    Explicit tags such as `!!int x` or `!!omap` run PyYAML's own constructors, which can fail
    with ValueError, TypeError and the like; a trainer should see a line, not a traceback.
    """
    def safe(loader, node):
        try:
            return construct(loader, node)
        except yaml.YAMLError:
            raise
        except Exception as exc:  # noqa: BLE001 - any failure here is bad input
            raise yaml.constructor.ConstructorError(
                None, None, "this value cannot be read; write plain text, true/false or a number, "
                "without YAML tags such as '!!int'", node.start_mark
            ) from exc
    return safe


def _unused_tag(loader, node):
    raise yaml.constructor.ConstructorError(
        None, None, f"the YAML tag '{node.tag.rsplit(':', 1)[-1]}' is not used in quiz files; "
        "remove it and write plain text", node.start_mark)


# Quiz files hold text, true/false, numbers, lists and key groups; PyYAML's other types (bytes,
# sets, dates, ordered pairs) would slip past the schema as something else, so they are refused.
_UNUSED_TAGS = ("binary", "set", "omap", "pairs", "timestamp")
for _tag, _construct in list(_BaseLoader.yaml_constructors.items()):
    unused = _tag and _tag.rsplit(":", 1)[-1] in _UNUSED_TAGS
    LineLoader.add_constructor(_tag, _unused_tag if unused else _marked(_construct))
LineLoader.add_constructor("tag:yaml.org,2002:map", _marked(_construct_mapping))
LineLoader.add_constructor("tag:yaml.org,2002:seq", _marked(_construct_sequence))


def load_yaml(text: str) -> Any:
    """Parse one YAML document. Raises yaml.YAMLError (with a mark) on bad input."""
    return yaml.load(text, Loader=LineLoader)  # noqa: S506 - LineLoader is a SafeLoader


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

"""One YAML reader, one behaviour: YAML 1.2 core schema values, and refusals with a line.

Every caller (quiz compile, interface strings, translation status) goes through
helpercourse.yaml_lines.parse; the line numbers (with_lines) never change a value.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpercourse import translation_status
from helpercourse.interface_strings import load_interface_strings
from helpercourse.quiz_load import load_quiz, read_yaml
from helpercourse.site_config import languages
from helpercourse.yaml_lines import YamlProblem, line_of, load_yaml, parse, with_lines

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = (ROOT / "tests" / "fixtures" / "quizzes" / "sample.yaml").read_text(encoding="utf-8")
LANGS = languages()

CORE_SCHEMA = [  # (plain value, what YAML 1.2's core schema reads)
    ("no", "no"), ("yes", "yes"), ("on", "on"), ("off", "off"), ("y", "y"), ("n", "n"),
    ("true", True), ("True", True), ("false", False), ("FALSE", False),
    ("12:30", "12:30"), ("1:2:3", "1:2:3"), ("2024-01-01", "2024-01-01"),
    ("2001-12-14t21:59:43.10-05:00", "2001-12-14t21:59:43.10-05:00"),
    ("12", 12), ("-7", -7), ("0o17", 15), ("0x1F", 31), ("1.5", 1.5), ("1e3", 1000.0),
    ("~", None), ("null", None), ("", None), ("=", "="), ("<<", "<<"),
]


@pytest.mark.parametrize("plain, expected", CORE_SCHEMA, ids=[c[0] or "empty" for c in CORE_SCHEMA])
def test_values_follow_the_yaml_1_2_core_schema_with_and_without_lines(plain, expected):
    text = f"a: {plain}\nb:\n  - {plain}\n"
    assert parse(text) == {"a": expected, "b": [expected]}
    assert load_yaml(text) == parse(text)  # the line-keeping read gives the very same values


REFUSED = [  # (text, line to blame, words in the message)
    ("a: 1\nb: !!binary aGVsbG8=\n", 2, "YAML tag '!binary'"),
    ("a: 1\nb: !!str 12\n", 2, "YAML tag '!str'"),
    ("a: !!int '12'\n", 1, "YAML tag '!int'"),
    ("a:\n  b: !custom x\n", 2, "YAML tag '!custom'"),
    ("a: ! 12\n", 1, "YAML tag '!'"),
    ("a: !!python/name:os.system\n", 1, "YAML tag"),
    ("a: x\nb: !!set {a}\n", 2, "YAML tag '!set'"),
    ("a: &x text\nb: 1\n", 1, "anchor"),
    ("a: 1\nb: [&r [*r]]\n", 2, "anchor"),
    ("a: 1\n\nb: *x\n", 3, "alias"),
    ("a: 1\nb: x\x07y\n", 2, "U+0007"),
    ("a: 1\nb: x\x00y\n", 2, "U+0000"),
    ("a: 1\n\x1b[31m: x\n", 2, "U+001B"),
    ("a: \"x\"\nb: \ufffe\n", 2, "U+FFFE"),
    ("a: 1\n---\nb: 2\n", 2, "second YAML document"),
    ("a: 1\nb: 2\na: 3\n", 3, "duplicate key 'a' (first used on line 1)"),
    ("a: 1\nb: c: d\n", 2, "YAML syntax error"),
]


@pytest.mark.parametrize("text, line, words", REFUSED, ids=[r[2] for r in REFUSED])
def test_what_the_course_does_not_read_is_refused_with_its_line(text, line, words):
    with pytest.raises(YamlProblem) as refused:
        parse(text)
    assert refused.value.line == line, refused.value
    assert words in refused.value.message


def test_line_endings_of_any_editor_count_as_the_editor_counts_them():
    text = "a: 1\r\nb:\r  - x\r\n  - !!str y\n"
    with pytest.raises(YamlProblem) as refused:
        parse(text)
    assert refused.value.line == 4
    good = "a: 1\r\nb:\r  - x\r\n  - y\n"
    data = with_lines(parse(good), good)
    assert data == {"a": 1, "b": ["x", "y"]}
    assert [line_of(data, ("a",)), line_of(data, ("b", 0)), line_of(data, ("b", 1))] == [1, 3, 4]


def test_a_key_that_is_not_text_is_refused_at_its_line():
    for key in ("1", "~", "true", "[a, b]"):
        text = f"id: x\n{key}: y\n"
        with pytest.raises(YamlProblem) as refused:
            load_yaml(text)
        assert refused.value.line == 2, key
        assert "a key must be a word" in refused.value.message


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def test_a_clock_time_in_a_text_stays_text_when_another_mistake_is_explained(tmp_path):
    # The line-keeping read used to take 12:30 for the number 750 (YAML 1.1), only when
    # something else in the file was wrong; now both reads are one.
    text = (SAMPLE.replace("en: Which is right?", "en: 12:30")
            .replace("pass_mark: 60", "pass_mark: sixty"))
    path = write(tmp_path, "sample.yaml", text)
    quiz, problems = load_quiz(path, LANGS)
    assert quiz is None
    messages = [p.message for p in problems]
    assert any("must be a whole number" in m for m in messages), messages
    assert not any("750" in m or "must be text" in m for m in messages), messages
    fixed = write(tmp_path, "sample.yaml", text.replace("pass_mark: sixty", "pass_mark: 60"))
    quiz, problems = load_quiz(fixed, LANGS)
    assert problems == [] and quiz["questions"][0]["prompt"]["en"] == "12:30"


def test_an_explicit_tag_in_a_quiz_is_a_file_line_problem(tmp_path):
    # The fast read used to take `!!binary YWJj` as the text 'YWJj' and compile it.
    text = SAMPLE.replace("en: Which is right?", "en: !!binary YWJj")
    path = write(tmp_path, "sample.yaml", text)
    quiz, problems = load_quiz(path, LANGS)
    assert quiz is None
    line = text.splitlines().index("      en: !!binary YWJj") + 1
    assert [(p.line, "YAML tag '!binary'" in p.message) for p in problems] == [(line, True)]


def test_the_translation_status_reads_quizzes_as_the_compiler_does(tmp_path):
    text = SAMPLE.replace("en: Which is right?", "en: 12:30").replace("en: This one", "en: off")
    path = write(tmp_path, "sample.yaml", text)
    fast = translation_status.read_quiz(path, with_lines=False)
    with_line_numbers = translation_status.read_quiz(path, with_lines=True)
    assert fast == with_line_numbers
    assert with_line_numbers["questions"][0]["prompt"]["en"] == "12:30"
    assert with_line_numbers["questions"][0]["options"][0]["text"]["en"] == "off"
    quiz, _ = load_quiz(path, LANGS)
    assert quiz["questions"][0]["options"][0]["text"]["en"] == "off"


def test_interface_strings_use_the_same_reader(tmp_path):
    interface = (ROOT / "translations" / "interface.yaml").read_text(encoding="utf-8")
    path = write(tmp_path, "interface.yaml", interface.replace('  en: "Check answers"', "  en: 12:30")
                 .replace("  en: Check answers", "  en: 12:30"))
    strings, problems = load_interface_strings(path, LANGS)
    assert problems == [] and strings["en"]["check"] == "12:30"
    tagged = write(tmp_path, "interface.yaml", interface.replace("check:", "check: !!map", 1))
    strings, problems = load_interface_strings(tagged, LANGS)
    assert strings is None and "YAML tag '!map'" in problems[0].message
    data, problems = read_yaml(tagged)
    assert data is None and problems[0].line == interface.splitlines().index(
        next(l for l in interface.splitlines() if l.startswith("check:"))) + 1


def test_no_module_reads_yaml_with_another_parser():
    """PyYAML may only locate lines (yaml_lines) and read MkDocs' own files; no second reader."""
    offenders = []
    for path in sorted((ROOT / "helpercourse").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        if path.name != "yaml_lines.py" and ("yaml_rs" in source or "LineLoader" in source):
            offenders.append(path.name)
    assert offenders == []


def _nested_items(levels: int) -> str:
    """`levels` lists of two-key groups inside each other ("- a: 1" / "  k:"), two YAML levels
    each, written as a quiz writes its questions and options."""
    return "".join("    " * i + "- a: 1\n" + "    " * i + "  k:\n" for i in range(levels)) + \
        "    " * levels + "- x\n"


def test_the_depth_limit_counts_real_levels_not_columns():
    from helpercourse.yaml_lines import nesting_problem

    assert nesting_problem(_nested_items(24)) is None  # 49 levels: allowed
    assert nesting_problem(_nested_items(25))[0] == 51  # 51 levels: the line that goes past 50
    parse(_nested_items(24))  # and the reader reads what the limit allows

"""Each interface string takes the placeholders its code fills in, no other and none fewer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpercourse.interface_strings import INTERFACE_KEYS, PLACEHOLDERS, load_interface_strings
from helpercourse.site_config import languages

ROOT = Path(__file__).resolve().parents[2]
INTERFACE = (ROOT / "translations" / "interface.yaml").read_text(encoding="utf-8")
LANGS = languages()


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def load(tmp_path: Path, text: str):
    path = tmp_path / "interface.yaml"
    path.write_text(text, encoding="utf-8")
    return path, load_interface_strings(path, LANGS)


def test_the_course_interface_strings_pass(tmp_path):
    _, (strings, problems) = load(tmp_path, INTERFACE)
    assert problems == []
    assert strings["en"]["score"] == "You got {correct} of {total} right."


CASES = [  # (text, the same text broken, the messages on its line)
    ('en: "You got {correct} of {total} right."', 'en: "You got {corect} of {total} right."',
     "score (en): unknown placeholder '{corect}'; this text can use {correct} and {total}",
     "score (en): the placeholder {correct} is missing; write it where the value belongs in the sentence"),
    ('en: "You got {correct} of {total} right."', 'en: "You got {correct} right."',
     "score (en): the placeholder {total} is missing; write it where the value belongs in the sentence"),
    ('sv: "Du hade {correct} av {total} rätt."', 'sv: "Du hade rätt."',
     "score (sv): the placeholders {correct} and {total} are missing; write them where the value "
     "belongs in the sentence"),
    ("  fi: Tarkista vastaukset", "  fi: Tarkista {total} vastaukset",
     "check (fi): unknown placeholder '{total}'; this text takes no placeholders"),
]


@pytest.mark.parametrize("old, new, messages", [(c[0], c[1], c[2:]) for c in CASES], ids=["misspelt", "one missing", "two missing",
                                                          "in a text that takes none"])
def test_a_wrong_placeholder_is_a_file_line_problem(tmp_path, old, new, messages):
    assert old in INTERFACE, "the interface file no longer has the text this case changes"
    broken = INTERFACE.replace(old, new, 1)
    path, (strings, problems) = load(tmp_path, broken)
    assert strings is None
    line = line_of(broken, new.strip())
    assert [str(p) for p in problems] == [f"{path.as_posix()}:{line}: {m}" for m in messages]


def test_every_placeholder_the_code_fills_is_declared():
    """The front end and the renderers fill {name}s; each must be declared for its key."""
    filled = {}
    for source in [*(ROOT / "overrides" / "assets").glob("*.js"), ROOT / "helpercourse" / "quiz_render.py"]:
        text = source.read_text(encoding="utf-8")
        for key, args in re.findall(r"fill\(\s*ui(?:\.|\[['\"])(\w+)(?:['\"]\])?\s*,\s*\{?([^)}]*)", text):
            names = re.findall(r"(?:^|,)\s*(\w+)\s*[:=]", args)
            filled.setdefault(key, set()).update(names)
    assert filled, "no fill() calls found; the pattern above no longer matches the code"
    for key, names in filled.items():
        assert key in INTERFACE_KEYS
        assert names <= set(PLACEHOLDERS.get(key, ())), (key, names)
    assert set(PLACEHOLDERS) <= set(INTERFACE_KEYS)

"""make question-banks: the quizzes as Moodle XML, GIFT and QTI 2.1, checked by real parsers.

GIFT goes through gift-pegjs (npm, tests/tools/parse_gift.cjs) and is compared with the compiled
quizzes; Moodle XML is parsed and its structure checked; QTI packages are checked item by item,
and their manifests validated against the IMS CP XSD shipped in vendor/lms-xsd/. The real course
quizzes and a fixture with every GIFT special character are exported once for all tests.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from helpercourse import quiz_compile
from helpercourse.question_banks.export import banks_from, compiled_quizzes, render, write
from helpercourse.question_banks.gift import escape as gift_escape
from helpercourse.question_banks.mapping import MOODLE_GRADES
from helpercourse.question_banks.qti21 import CP_NS, QTI_NS
from helpercourse.site_config import languages

ROOT = Path(__file__).resolve().parents[2]
SPECIALS = ROOT / "tests" / "fixtures" / "banks"
XSD_DIR = ROOT / "vendor" / "lms-xsd"
QTI_XSD = XSD_DIR / "imsqti_v2p1.xsd"
LANGS = languages()
Q = f"{{{QTI_NS}}}"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """{source: (output folder, compiled docs, Export)} for the course quizzes and the fixture.
    The docs come straight from the compiler, so the checks do not lean on the mapping."""
    out = {}
    for name, quiz_dir in (("course", quiz_compile.QUIZ_DIR), ("specials", SPECIALS)):
        folder = tmp_path_factory.mktemp(f"banks-{name}") / "question-banks"
        docs, ui = compiled_quizzes(LANGS, quiz_dir)
        export = render(banks_from(docs, ui), ui)
        write(export, folder)
        out[name] = (folder, docs, export)
    return out


@pytest.fixture(scope="module")
def parsed_gift(exported):
    """Every per-quiz GIFT file, parsed by gift-pegjs: {path: [questions]}."""
    files = [str(p) for folder, _, _ in exported.values() for p in sorted(folder.glob("*/*.gift.txt"))
             if p.name != "course.gift.txt"]
    result = subprocess.run(["node", str(ROOT / "tests" / "tools" / "parse_gift.cjs"), *files],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def plain(text: str) -> str:
    """The course text back from the HTML the banks write (paragraphs, breaks, entities)."""
    text = text.removeprefix("<p>").removesuffix("</p>")
    return html.unescape(text.replace("</p><p>", "\n\n").replace("<br>", "\n"))


# gift-pegjs 1.0.2 leaves escaped characters in a matching answer (its PlainText rule) in its
# internal form, "&&058;" for "\:"; Moodle's own GIFT reader decodes them there too.
_PEGJS_ESCAPES = {"&&092;": "\\", "&&058;": ":", "&&035;": "#", "&&061;": "=", "&&123;": "{",
                  "&&125;": "}", "&&126;": "~"}


def pegjs_plain(text: str) -> str:
    for code, character in _PEGJS_ESCAPES.items():
        text = text.replace(code, character)
    return text


def expected_gift(doc: dict) -> list[tuple]:
    """What the GIFT file must hold, from the compiled quiz: (type, stem parts, answers, feedback)."""
    out = []
    for q in doc["questions"]:
        kind = q["type"]
        if kind in ("single", "multiple"):
            out.append(("MC", [q["prompt"]], [(o["text"], o["correct"], o["feedback"]) for o in q["options"]],
                        q["explanation"]))
        elif kind == "truefalse":
            out.append(("TF", [q["prompt"]], q["answer"], q["explanation"]))
        elif kind == "categorise":
            names = {c["id"]: c["text"] for c in q["categories"]}
            out.append(("Matching", [q["prompt"]], [(i["text"], names[i["category"]]) for i in q["items"]],
                        q["explanation"]))
        elif kind == "scenario":
            for step in q["steps"]:
                out.append(("MC", [q["prompt"], step["text"]],
                            [(c["text"], c["good"], c["feedback"]) for c in step["choices"]], q["explanation"]))
        elif kind == "reflection":
            out.append(("Essay", [q["prompt"]], None, None))
        # order: GIFT has no such type; left out and listed (checked below)
    return out


@pytest.mark.parametrize("source", ["course", "specials"])
def test_gift_parsed_by_gift_pegjs_matches_the_quizzes(exported, parsed_gift, source):
    folder, docs, export = exported[source]
    for lang in LANGS:
        for quiz_id, doc in docs[lang].items():
            questions = parsed_gift[str(folder / lang / f"{quiz_id}.gift.txt")]
            assert questions[0]["type"] == "Category"
            got = [q for q in questions if q["type"] != "Category"]
            want = expected_gift(doc)
            assert len(got) == len(want), f"{lang}/{quiz_id}"
            for parsed, (kind, stem_parts, answers, feedback) in zip(got, want):
                where = f"{lang}/{quiz_id}: {parsed['title']}"
                assert parsed["type"] == kind, where
                assert parsed["stem"]["format"] == "html", where
                stem = plain(parsed["stem"]["text"])
                assert stem.startswith(stem_parts[0]) and all(part in stem for part in stem_parts), where
                if feedback is not None:
                    assert plain(parsed["globalFeedback"]["text"]).startswith(feedback), where
                if kind == "MC":
                    choices = [(plain(c["text"]["text"]), c["isCorrect"] or (c["weight"] or 0) > 0,
                                plain(c["feedback"]["text"])) for c in parsed["choices"]]
                    assert choices == answers, where
                elif kind == "TF":
                    assert parsed["isTrue"] is answers, where
                elif kind == "Matching":
                    assert [(plain(p["subquestion"]["text"]), pegjs_plain(p["subanswer"])) for p in parsed["matchPairs"]] \
                        == answers, where
    orders = {(lang, f"{quiz_id}/{q['id']}") for lang in LANGS for quiz_id, doc in docs[lang].items()
              for q in doc["questions"] if q["type"] == "order"}
    assert {(s.lang, s.ident) for s in export.skips if s.fmt == "gift"} == orders
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert all(ident in readme for _, ident in orders)


def test_every_gift_special_character_round_trips(exported, parsed_gift):
    folder, docs, _ = exported["specials"]
    questions = parsed_gift[str(folder / "en" / "specials.gift.txt")]
    first = questions[1]
    assert first["title"].startswith("01 Which one? Tilde ~ equals = hash # braces { } colon :")
    stem = plain(first["stem"]["text"])
    assert stem == docs["en"]["specials"]["questions"][0]["prompt"]
    for character in "~=#{}:\\<>&\"":
        assert character in stem
    assert gift_escape("a~b=c#d{e}f:g\\h") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h"
    assert questions[0]["title"] == "$course$/top/Specials: ~ = # { } \\ (en)"


def _moodle_questions(path: Path) -> list[ET.Element]:
    return [q for q in ET.parse(path).getroot() if q.tag == "question" and q.get("type") != "category"]


def _fractions(question: ET.Element) -> list[float]:
    return [float(a.get("fraction")) for a in question.findall("answer")]


@pytest.mark.parametrize("source", ["course", "specials"])
def test_moodle_xml_has_each_question_with_its_type_grades_and_feedback(exported, source):
    folder, docs, _ = exported[source]
    expected_type = {"single": "multichoice", "multiple": "multichoice", "truefalse": "truefalse",
                     "categorise": "matching", "order": "ordering", "reflection": "essay"}
    for lang in LANGS:
        for quiz_id, doc in docs[lang].items():
            questions = _moodle_questions(folder / lang / f"{quiz_id}.moodle.xml")
            by_id = {q.findtext("idnumber"): q for q in questions}
            assert len(by_id) == len(questions)
            for source_q in doc["questions"]:
                ident = f"{quiz_id}/{source_q['id']}"
                kind = source_q["type"]
                parts = ([by_id[f"{ident}/{s['id']}"] for s in source_q["steps"]] if kind == "scenario"
                         else [by_id[ident]])
                for part in parts:
                    assert part.get("type") == expected_type.get(kind, "multichoice"), ident
                    assert part.find("questiontext").get("format") == "html"
                    assert source_q["prompt"] in plain(part.findtext("questiontext/text")), ident
                    fractions = _fractions(part)
                    if part.get("type") == "multichoice":
                        assert part.findtext("shuffleanswers") == "0"
                        # Moodle's import stops on a grade not in its list (the default setting)
                        assert all(any(abs(abs(f) - g) < 1e-4 for g in MOODLE_GRADES) for f in fractions), ident
                        assert all(a.find("feedback/text") is not None for a in part.findall("answer"))
                        if part.findtext("single") == "true":
                            assert sorted(fractions)[-1] == 100 and sum(fractions) == 100, ident
                        else:
                            assert abs(sum(f for f in fractions if f > 0) - 100) < 0.001, ident
                            assert abs(sum(f for f in fractions if f < 0) + 100) < 0.001, ident
                    if kind in ("single", "multiple"):
                        assert len(fractions) == len(source_q["options"])
                        assert [f > 0 for f in fractions] == [o["correct"] for o in source_q["options"]]
                    if kind == "scenario":
                        step = next(s for s in source_q["steps"] if part.findtext("idnumber").endswith(s["id"]))
                        assert [f > 0 for f in fractions] == [c["good"] for c in step["choices"]]
                    if kind == "truefalse":
                        right = part.find("answer[@fraction='100']").findtext("text")
                        assert right == ("true" if source_q["answer"] else "false")
                    if kind == "categorise":
                        subs = [s for s in part.findall("subquestion") if s.findtext("text")]
                        assert len(subs) == len(source_q["items"])
                    if kind == "order":
                        assert fractions == list(range(1, len(source_q["steps"]) + 1))
                        assert [plain(a.findtext("text")) for a in part.findall("answer")] == \
                            [s["text"] for s in source_q["steps"]]
                    if kind == "reflection":
                        assert part.findtext("defaultgrade") == "0"
                    if kind not in ("truefalse", "reflection"):
                        assert len(part.findall("hint")) == len(source_q.get("hints", []))
                        assert plain(part.findtext("generalfeedback/text")).startswith(source_q["explanation"])
    # the course-wide file holds every quiz, each under its own category
    course = ET.parse(folder / "en" / "course.moodle.xml").getroot()
    assert len(course.findall("question[@type='category']")) == len(docs["en"])


def _check_item(item: ET.Element, name: str) -> int:
    """Structure of one assessmentItem; returns the number of interactions."""
    assert item.tag == f"{Q}assessmentItem" and item.get("identifier") and item.get("title"), name
    declared = {d.get("identifier"): d for d in item.findall(f"{Q}responseDeclaration")}
    interactions = [e for e in item.iter() if e.tag.endswith("Interaction")]
    for interaction in interactions:
        declaration = declared[interaction.get("responseIdentifier")]
        correct = [v.text for v in declaration.findall(f"{Q}correctResponse/{Q}value")]
        kind = interaction.tag[len(Q):]
        if kind in ("choiceInteraction", "orderInteraction"):
            choices = [c.get("identifier") for c in interaction.findall(f"{Q}simpleChoice")]
            assert correct and set(correct) <= set(choices), name
        if kind == "choiceInteraction" and declaration.get("cardinality") == "single":
            assert len(correct) == 1 and interaction.get("maxChoices") == "1", name
        if kind == "orderInteraction":
            assert declaration.get("cardinality") == "ordered" and sorted(correct) == sorted(choices), name
            assert correct != choices, f"{name}: the order shown is the right order"
        if kind == "matchInteraction":
            left, right = ([c.get("identifier") for c in s] for s in interaction.findall(f"{Q}simpleMatchSet"))
            pairs = [value.split() for value in correct]
            assert len(pairs) == len(left) and all(a in left and b in right for a, b in pairs), name
    shown = {f.get("identifier") for f in item.findall(f"{Q}modalFeedback")}
    choice_ids = {c.get("identifier") for c in item.iter(f"{Q}simpleChoice")}
    assert shown <= choice_ids | {"EXPLANATION"}, name
    return len(interactions)


@pytest.mark.parametrize("source", ["course", "specials"])
def test_qti_packages_have_a_valid_manifest_and_one_sound_item_per_question(exported, source):
    xmlschema = pytest.importorskip("xmlschema")
    manifest_schema = xmlschema.XMLSchema(str(XSD_DIR / "imscp_v1p1.xsd"), allow="local")
    folder, docs, export = exported[source]
    for lang in LANGS:
        counts = {b.quiz_id: len(b.questions) for b in export.banks[lang]}
        for quiz_id in docs[lang]:
            with zipfile.ZipFile(folder / lang / f"{quiz_id}.qti21.zip") as archive:
                manifest = archive.read("imsmanifest.xml")
                errors = list(manifest_schema.iter_errors(manifest.decode("utf-8"), use_location_hints=False))
                assert not errors, f"{lang}/{quiz_id}: {errors[0]}"
                root = ET.fromstring(manifest)
                hrefs = [r.get("href") for r in root.iter(f"{{{CP_NS}}}resource")]
                assert sorted(hrefs) == sorted(n for n in archive.namelist() if n != "imsmanifest.xml")
                assert len(hrefs) == counts[quiz_id]
                for href in hrefs:
                    assert _check_item(ET.fromstring(archive.read(href)), f"{lang}/{quiz_id}/{href}") == 1


def test_an_invalid_manifest_fails_the_ims_cp_schema():
    xmlschema = pytest.importorskip("xmlschema")
    schema = xmlschema.XMLSchema(str(XSD_DIR / "imscp_v1p1.xsd"), allow="local")
    broken = f'<manifest xmlns="{CP_NS}" identifier="m"><resources><resource identifier="r"/></resources></manifest>'
    assert list(schema.iter_errors(broken, use_location_hints=False))  # no organizations, no resource type


@pytest.mark.skipif(not QTI_XSD.exists(), reason=f"the IMS QTI 2.1 XSD is not shipped; see {XSD_DIR / 'README.md'}")
def test_qti_items_are_valid_against_the_ims_qti_21_schema(exported):
    import xmlschema  # noqa: PLC0415
    schema = xmlschema.XMLSchema(str(QTI_XSD), allow="local")
    folder, _, _ = exported["specials"]
    with zipfile.ZipFile(folder / "en" / "specials.qti21.zip") as archive:
        items = [archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("items/")]
    for item in items:
        assert not list(schema.iter_errors(item, use_location_hints=False))
    assert list(schema.iter_errors(items[0].replace("<itemBody", "<itemBodyy").replace("</itemBody", "</itemBodyy"),
                                   use_location_hints=False))


def _qti_items(exported) -> list[tuple[str, bytes]]:
    """(name, item) for every English item of the fixture and the course (the structure is the
    same in every language; the fixture's texts carry the special characters)."""
    items = []
    for source, langs in (("specials", ("en",)), ("course", ("en",))):
        folder, docs, _ = exported[source]
        for lang in langs:
            for quiz_id in docs[lang]:
                with zipfile.ZipFile(folder / lang / f"{quiz_id}.qti21.zip") as archive:
                    items += [(f"{lang}/{quiz_id}/{n}", archive.read(n)) for n in archive.namelist()
                              if n.startswith("items/")]
    return items


# pyslet 0.7 calls its own deprecated names while it runs response processing
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_qti_items_load_in_a_qti_21_engine_and_score_the_right_answer_1(exported):
    """pyslet (a Python QTI 2.1 implementation) reads each item, rejecting elements QTI 2.1 does
    not allow where they stand, and runs its response processing: the declared correct response
    scores 1 and brings up the explanation; no response scores 0; a wrong choice scores 0."""
    qti = pytest.importorskip("pyslet.qtiv2.xml")
    from pyslet.qtiv2 import interactions, variables  # noqa: PLC0415

    def attempt(item, response=None):
        state = variables.ItemSessionState(item)
        state.begin_session()
        if response is not None:
            state["RESPONSE"].set_value(response)
        state.end_attempt()
        return state

    scored = 0
    for name, data in _qti_items(exported):
        doc = qti.QTIDocument()
        doc.read(src=data)
        item = doc.root
        correct = variables.ItemSessionState(item)["RESPONSE.CORRECT"]
        if not correct:  # a reflection: nothing to score
            assert "SCORE" not in variables.ItemSessionState(item).map, name
            continue
        right = attempt(item, correct.value)
        assert right["SCORE"].value == 1.0, name
        explained = any(f.identifier == "EXPLANATION" for f in item.QTIModalFeedback)
        assert not explained or "EXPLANATION" in right["FEEDBACK"].value, name
        assert attempt(item)["SCORE"].value == 0.0, name
        if item.get_declaration("RESPONSE").cardinality == variables.Cardinality.single:
            choices = [c.identifier for c in item.find_children_depth_first(interactions.SimpleChoice)]
            wrong = next(c for c in choices if c != correct.value)
            assert attempt(item, wrong)["SCORE"].value == 0.0, name
        scored += 1
    assert scored > 100


def test_an_invalid_qti_item_is_rejected_by_the_qti_21_engine(exported):
    qti = pytest.importorskip("pyslet.qtiv2.xml")
    from pyslet.qtiv2.core import QTIValidityError  # noqa: PLC0415
    name, data = next((n, d) for n, d in _qti_items(exported) if b"<choiceInteraction" in d)
    broken = data.replace(b"<choiceInteraction", b"<choiceInteractionTypo").replace(
        b"</choiceInteraction", b"</choiceInteractionTypo")
    with pytest.raises(QTIValidityError):
        qti.QTIDocument().read(src=broken)


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_bad_quiz_exits_with_file_and_line_and_keeps_the_last_good_banks(exported, tmp_path):
    folder, _, _ = exported["specials"]
    out = tmp_path / "question-banks"
    shutil.copytree(folder, out)
    before = _digest(out)
    bad = tmp_path / "quizzes"
    bad.mkdir()
    text = (SPECIALS / "specials.yaml").read_text(encoding="utf-8")
    broken = text.replace("  type: truefalse\n", "  type: truefalse\n  answer_typo: true\n", 1)
    (bad / "specials.yaml").write_text(broken, encoding="utf-8")
    line = broken.splitlines().index("  answer_typo: true") + 1
    result = subprocess.run([sys.executable, "-m", "helpercourse.question_banks", "--quizzes", str(bad),
                             "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"specials.yaml:{line}: " in result.stderr and "Traceback" not in result.stderr
    assert "left as they were" in result.stderr
    assert _digest(out) == before


def test_sizes_and_skips_are_reported(exported):
    folder, _, export = exported["course"]
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "## Left out" in readme and "## Sizes" in readme
    for lang in LANGS:
        assert (folder / lang / "course.gift.txt").stat().st_size > 0
        assert zipfile.ZipFile(io.BytesIO((folder / lang / "course.qti21.zip").read_bytes())).testzip() is None

"""Moodle XML (Question bank → Import → Moodle XML format): every course type has a Moodle type.

One <quiz> document; each quiz's questions follow a category question, so an import files them
under "<course>/top/<quiz title>". Texts are HTML (format="html"), escaped from the course's plain
text. The course's option order is kept (shuffleanswers 0): it is a fixed order that never
gives the answer away, and feedback and hints may refer to it.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from .mapping import Bank, BankQuestion, to_html

PENALTY = "0.3333333"  # Moodle's default penalty per wrong try in interactive mode


def _text(parent: ET.Element, tag: str, text: str, html: bool = True) -> ET.Element:
    node = ET.SubElement(parent, tag, {"format": "html"} if html else {})
    ET.SubElement(node, "text").text = to_html(text) if html else text
    return node


def _number(value: float) -> str:
    return f"{value:.7f}".rstrip("0").rstrip(".") or "0"


def _common(q: BankQuestion) -> ET.Element:
    node = ET.Element("question", {"type": q.kind})
    _text(node, "name", q.name, html=False)
    _text(node, "questiontext", q.stem)
    _text(node, "generalfeedback", q.general_feedback)
    ET.SubElement(node, "defaultgrade").text = str(q.points)
    ET.SubElement(node, "penalty").text = PENALTY if q.points else "0"
    ET.SubElement(node, "hidden").text = "0"
    ET.SubElement(node, "idnumber").text = q.ident
    return node


def _combined_feedback(node: ET.Element) -> None:
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text(node, tag, "")


def _hints(node: ET.Element, q: BankQuestion) -> None:
    for hint in q.hints:
        _text(node, "hint", hint)


def _multichoice(node: ET.Element, q: BankQuestion) -> None:
    ET.SubElement(node, "single").text = "true" if q.single else "false"
    ET.SubElement(node, "shuffleanswers").text = "0"
    ET.SubElement(node, "answernumbering").text = "abc"
    ET.SubElement(node, "showstandardinstruction").text = "1"
    _combined_feedback(node)
    ET.SubElement(node, "shownumcorrect")
    for answer in q.answers:
        item = _text(node, "answer", answer.text)
        item.set("fraction", _number(answer.fraction))
        _text(item, "feedback", answer.feedback)
    _hints(node, q)


def _truefalse(node: ET.Element, q: BankQuestion) -> None:
    # Moodle's true/false has no hints; the explanation is the general feedback.
    for word, value in (("true", True), ("false", False)):
        item = ET.SubElement(node, "answer", {"fraction": "100" if q.truth is value else "0",
                                              "format": "moodle_auto_format"})
        ET.SubElement(item, "text").text = word
        _text(item, "feedback", "")


def _matching(node: ET.Element, q: BankQuestion) -> None:
    ET.SubElement(node, "shuffleanswers").text = "0"
    _combined_feedback(node)
    ET.SubElement(node, "shownumcorrect")
    for statement, group in q.pairs:
        sub = _text(node, "subquestion", statement)
        answer = ET.SubElement(sub, "answer")
        ET.SubElement(answer, "text").text = group
    used = {group for _, group in q.pairs}
    for group in q.groups:  # a group no statement belongs to is still offered, as in the course
        if group not in used:
            sub = _text(node, "subquestion", "")
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = group
    _hints(node, q)


def _ordering(node: ET.Element, q: BankQuestion) -> None:
    # qtype_ordering (standard since Moodle 4.4): answers in the right order, fraction = place.
    # every step shown (ALL; the count is the number of steps), marked all-or-nothing as in the course
    for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", str(len(q.steps))),
                       ("gradingtype", "ALL_OR_NOTHING"), ("showgrading", "SHOW"),
                       ("numberingstyle", "123")):
        ET.SubElement(node, tag).text = value
    _combined_feedback(node)
    ET.SubElement(node, "shownumcorrect")
    for place, step in enumerate(q.steps, 1):
        item = _text(node, "answer", step)
        item.set("fraction", f"{place}.0000000")
    _hints(node, q)


def _essay(node: ET.Element, q: BankQuestion) -> None:
    for tag, value in (("responseformat", "editor"), ("responserequired", "0"),
                       ("responsefieldlines", "10"), ("attachments", "0"),
                       ("attachmentsrequired", "0")):
        ET.SubElement(node, tag).text = value
    _text(node, "graderinfo", "")
    _text(node, "responsetemplate", "")


_WRITERS = {"multichoice": _multichoice, "truefalse": _truefalse, "matching": _matching,
            "ordering": _ordering, "essay": _essay}


def question_element(q: BankQuestion) -> ET.Element:
    node = _common(q)
    _WRITERS[q.kind](node, q)
    return node


def category_path(bank: Bank) -> str:
    # Moodle reads "/" in a category path as a sub-category; "//" is a slash in a name.
    return "$course$/top/" + bank.title.replace("/", "//")


def moodle_xml(banks: list[Bank]) -> bytes:
    """One Moodle XML document with every question of the given banks (one category each)."""
    root = ET.Element("quiz")
    for bank in banks:
        category = ET.SubElement(root, "question", {"type": "category"})
        _text(category, "category", category_path(bank), html=False)
        _text(category, "info", "")
        ET.SubElement(category, "idnumber").text = bank.quiz_id
        for q in bank.questions:
            root.append(ET.Comment(f" question: {q.ident} "))
            root.append(question_element(q))
    ET.indent(root, "  ")
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


_OPEN, _CLOSE = b"<quiz>\n", b"</quiz>\n"


def joined(documents: list[bytes]) -> bytes:
    """One document with the questions of several written by `moodle_xml` (the file with every
    quiz), without building them again."""
    bodies = [doc[doc.index(_OPEN) + len(_OPEN):doc.rindex(_CLOSE)] for doc in documents]
    head = documents[0][:documents[0].index(_OPEN) + len(_OPEN)] if documents else b""
    return head + b"".join(bodies) + _CLOSE if documents else moodle_xml([])

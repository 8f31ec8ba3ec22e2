"""IMS QTI 2.1 (Canvas: Import Course Content → QTI .zip file; itslearning: QTI import).

One content package per quiz: imsmanifest.xml (IMS CP 1.1) listing one assessmentItem file per
question (items/<id>.xml). Interactions: choiceInteraction for choice, true/false and each
scenario situation; matchInteraction for categorise (statements × groups); orderInteraction
for order; extendedTextInteraction for reflection (no score). Each scored item declares its
correct response; response processing is written out in full (the logic of the match_correct
template, or map_response for multiple choice with the same shares as Moodle) because it also
sets the FEEDBACK outcome that selects the modalFeedback: the chosen options' feedback and the
explanation. Hints have no place in QTI 2.1 items without adaptive processing; they are left out.
The course's option order is kept (shuffle="false").
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from xml.etree import ElementTree as ET

from .mapping import Bank, BankQuestion, paragraphs

QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
ITEM_TYPE = "imsqti_item_xmlv2p1"
EXPLANATION = "EXPLANATION"  # the identifier of the modalFeedback with the explanation
_NOT_NAME = re.compile(r"[^A-Za-z0-9_.-]")


def identifier(*parts: str) -> str:
    """A QTI identifier (an XML NCName): course ids may start with a digit, so a letter leads."""
    return "I" + "_".join(_NOT_NAME.sub("_", part) for part in parts)


def _namespaced(ns: str, xsd: str) -> dict[str, str]:
    # Elements are written unqualified under a root that declares xmlns: ElementTree cannot
    # write a default namespace next to unqualified attributes.
    return {"xmlns": ns, "xmlns:xsi": XSI_NS, "xsi:schemaLocation": f"{ns} {xsd}"}


def _sub(parent: ET.Element, tag: str, attrs: dict | None = None, text: str | None = None) -> ET.Element:
    node = ET.SubElement(parent, tag, attrs or {})
    if text is not None:
        node.text = text
    return node


def _flow(parent: ET.Element, text: str) -> None:
    """Plain course text as XHTML paragraphs inside a QTI element (ElementTree escapes it)."""
    for part in paragraphs(text):
        lines = part.split("\n")
        p = _sub(parent, "p", text=lines[0])
        for line in lines[1:]:
            _sub(p, "br").tail = line


def _value(parent: ET.Element, text: str) -> None:
    _sub(parent, "value", text=text)


def _declarations(item: ET.Element, cardinality: str, base_type: str, correct: list[str],
                  mapping: dict[str, float] | None = None, scored: bool = True) -> None:
    response = _sub(item, "responseDeclaration", {"identifier": "RESPONSE", "cardinality": cardinality,
                                                  "baseType": base_type})
    if correct:
        holder = _sub(response, "correctResponse")
        for value in correct:
            _value(holder, value)
    if mapping is not None:
        table = _sub(response, "mapping", {"lowerBound": "0", "upperBound": "1", "defaultValue": "0"})
        for key, value in mapping.items():
            _sub(table, "mapEntry", {"mapKey": key, "mappedValue": f"{value:.5f}", "caseSensitive": "false"})
    if scored:
        for outcome, default in (("SCORE", "0"), ("MAXSCORE", "1")):
            declared = _sub(item, "outcomeDeclaration", {"identifier": outcome, "cardinality": "single",
                                                         "baseType": "float"})
            _value(_sub(declared, "defaultValue"), default)
    _sub(item, "outcomeDeclaration", {"identifier": "FEEDBACK", "cardinality": "multiple",
                                      "baseType": "identifier"})


def _set(parent: ET.Element, outcome: str) -> ET.Element:
    return _sub(parent, "setOutcomeValue", {"identifier": outcome})


def _processing(item: ET.Element, mapped: bool, option_feedback: bool) -> None:
    """SCORE from the response (exact match, or the mapped shares) and FEEDBACK: the options
    chosen (their feedback) plus the explanation, shown once the response is submitted."""
    rp = _sub(item, "responseProcessing")
    condition = _sub(rp, "responseCondition")
    when = _sub(condition, "responseIf")
    _sub(_sub(when, "isNull"), "variable", {"identifier": "RESPONSE"})
    _sub(_set(when, "SCORE"), "baseValue", {"baseType": "float"}, "0")
    otherwise = _sub(condition, "responseElse")
    if mapped:
        _sub(_set(otherwise, "SCORE"), "mapResponse", {"identifier": "RESPONSE"})
    else:
        inner = _sub(otherwise, "responseCondition")
        right = _sub(inner, "responseIf")
        match = _sub(right, "match")
        _sub(match, "variable", {"identifier": "RESPONSE"})
        _sub(match, "correct", {"identifier": "RESPONSE"})
        _sub(_set(right, "SCORE"), "baseValue", {"baseType": "float"}, "1")
        _sub(_set(_sub(inner, "responseElse"), "SCORE"), "baseValue", {"baseType": "float"}, "0")
    feedback = _sub(_set(otherwise, "FEEDBACK"), "multiple")
    if option_feedback:
        _sub(feedback, "variable", {"identifier": "RESPONSE"})
    _sub(feedback, "baseValue", {"baseType": "identifier"}, EXPLANATION)


def _modal(item: ET.Element, ident: str, text: str) -> None:
    if text.strip():
        node = _sub(item, "modalFeedback", {"outcomeIdentifier": "FEEDBACK", "identifier": ident,
                                            "showHide": "show"})
        _flow(node, text)


def _choice(item: ET.Element, body: ET.Element, q: BankQuestion) -> None:
    ids = [identifier("o", str(n)) for n in range(1, len(q.answers) + 1)]
    right = [i for i, a in zip(ids, q.answers) if a.fraction > 0]
    mapping = None if q.single else _shares(ids, q)
    _declarations(item, "single" if q.single else "multiple", "identifier", right, mapping)
    interaction = _sub(body, "choiceInteraction", {"responseIdentifier": "RESPONSE", "shuffle": "false",
                                                   "maxChoices": "1" if q.single else "0"})
    for choice_id, answer in zip(ids, q.answers):
        _sub(interaction, "simpleChoice", {"identifier": choice_id}, answer.text)
    _processing(item, mapped=not q.single, option_feedback=True)
    for choice_id, answer in zip(ids, q.answers):
        _modal(item, choice_id, answer.feedback)


def _shares(ids: list[str], q: BankQuestion) -> dict[str, float]:
    """Moodle's shares as QTI map values, each rounded away from zero at 5 decimals: three right
    answers give 0.33334 each, so all three reach the upper bound 1 (0.33333 would leave 0.99999)."""
    away = lambda f: math.copysign(math.ceil(abs(f) / 100 * 1e5) / 1e5, f)  # noqa: E731
    return {i: away(a.fraction) for i, a in zip(ids, q.answers)}


def _truefalse(item: ET.Element, body: ET.Element, q: BankQuestion, labels: tuple[str, str]) -> None:
    ids = (identifier("true"), identifier("false"))
    _declarations(item, "single", "identifier", [ids[0] if q.truth else ids[1]])
    interaction = _sub(body, "choiceInteraction", {"responseIdentifier": "RESPONSE", "shuffle": "false",
                                                   "maxChoices": "1"})
    for choice_id, label in zip(ids, labels):
        _sub(interaction, "simpleChoice", {"identifier": choice_id}, label)
    _processing(item, mapped=False, option_feedback=False)


def _matching(item: ET.Element, body: ET.Element, q: BankQuestion) -> None:
    statements = [identifier("s", str(n)) for n in range(1, len(q.pairs) + 1)]
    groups = {group: identifier("g", str(n)) for n, group in enumerate(q.groups, 1)}
    correct = [f"{s} {groups[group]}" for s, (_, group) in zip(statements, q.pairs)]
    _declarations(item, "multiple", "directedPair", correct)
    interaction = _sub(body, "matchInteraction", {"responseIdentifier": "RESPONSE", "shuffle": "false",
                                                  "maxAssociations": str(len(statements)),
                                                  "minAssociations": str(len(statements))})
    left = _sub(interaction, "simpleMatchSet")
    for s, (statement, _) in zip(statements, q.pairs):
        _sub(left, "simpleAssociableChoice", {"identifier": s, "matchMax": "1"}, statement)
    right = _sub(interaction, "simpleMatchSet")
    for group, g in groups.items():
        _sub(right, "simpleAssociableChoice", {"identifier": g, "matchMax": str(len(statements))}, group)
    _processing(item, mapped=False, option_feedback=False)


def _ordering(item: ET.Element, body: ET.Element, q: BankQuestion) -> None:
    ids = {step: identifier("step", str(n)) for n, step in enumerate(q.steps, 1)}
    _declarations(item, "ordered", "identifier", [ids[step] for step in q.steps])
    interaction = _sub(body, "orderInteraction", {"responseIdentifier": "RESPONSE", "shuffle": "false"})
    for step in q.shown:  # the course's fixed order, never the right one
        _sub(interaction, "simpleChoice", {"identifier": ids[step]}, step)
    _processing(item, mapped=False, option_feedback=False)


def _essay(item: ET.Element, body: ET.Element, q: BankQuestion) -> None:
    _declarations(item, "single", "string", [], scored=False)
    _sub(body, "extendedTextInteraction", {"responseIdentifier": "RESPONSE", "expectedLines": "10"})


def item_xml(q: BankQuestion, lang: str, labels: tuple[str, str]) -> bytes:
    """One assessmentItem document."""
    item = ET.Element("assessmentItem", {
        **_namespaced(QTI_NS, QTI_XSD), "identifier": identifier(*q.ident.split("/")), "title": q.name, "adaptive": "false",
        "timeDependent": "false", "xml:lang": lang})
    body = ET.Element("itemBody")
    _flow(body, q.stem)
    if q.kind == "multichoice":
        _choice(item, body, q)
    elif q.kind == "truefalse":
        _truefalse(item, body, q, labels)
    elif q.kind == "matching":
        _matching(item, body, q)
    elif q.kind == "ordering":
        _ordering(item, body, q)
    else:
        _essay(item, body, q)
    # itemBody comes after the declarations and before responseProcessing and modalFeedback
    position = next((n for n, child in enumerate(item) if child.tag in
                     ("responseProcessing", "modalFeedback")), len(item))
    item.insert(position, body)
    if q.kind != "essay":
        _modal(item, EXPLANATION, q.general_feedback)
    ET.indent(item, "  ")
    return ET.tostring(item, encoding="UTF-8", xml_declaration=True) + b"\n"


def item_path(q: BankQuestion) -> str:
    return f"items/{identifier(*q.ident.split('/'))}.xml"


def manifest_xml(bank: Bank) -> bytes:
    root = ET.Element("manifest", {**_namespaced(CP_NS, CP_XSD),
                                   "identifier": identifier("manifest", bank.quiz_id, bank.lang)})
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "QTIv2.1 Package"
    ET.SubElement(metadata, "schemaversion").text = "1.0.0"
    ET.SubElement(root, "organizations")
    resources = ET.SubElement(root, "resources")
    for q in bank.questions:
        path = item_path(q)
        resource = ET.SubElement(resources, "resource", {
            "identifier": identifier("res", *q.ident.split("/")), "type": ITEM_TYPE, "href": path})
        ET.SubElement(resource, "file", {"href": path})
    ET.indent(root, "  ")
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def item_files(bank: Bank, labels: tuple[str, str]) -> dict[str, bytes]:
    """items/<id>.xml -> assessmentItem document, for every question of the bank."""
    return {item_path(q): item_xml(q, bank.lang, labels) for q in bank.questions}


def package(bank: Bank, labels: tuple[str, str], items: dict[str, bytes] | None = None) -> bytes:
    """The zip: imsmanifest.xml at the root and items/*.xml (`items` when already written, as
    for the file with every quiz), with a fixed date so an unchanged quiz gives an identical file."""
    items = item_files(bank, labels) if items is None else items
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        def add(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
        add("imsmanifest.xml", manifest_xml(bank))
        for q in bank.questions:
            add(item_path(q), items[item_path(q)])
    return buffer.getvalue()

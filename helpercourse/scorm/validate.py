"""Check an imsmanifest.xml against the official IMS/ADL schemas in schemas/ (see its README)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import xmlschema
from lxml import etree

from .manifest import SCORM12, SCORM2004

SCHEMAS = Path(__file__).resolve().parent / "schemas"
SCHEMA_FOLDER = {SCORM12: SCHEMAS / "1.2", SCORM2004: SCHEMAS / "2004-4th"}
# The content-packaging schema first; the namespaces the manifest uses beside it.
_MAIN = {SCORM12: "imscp_rootv1p1p2.xsd", SCORM2004: "imscp_v1p1.xsd"}
_IMPORTS = {
    # Not imsmd_rootv1p2p1.xsd (IMS metadata): it breaks XSD 1.0's Unique Particle Attribution
    # rule, so no strict processor loads it; the manifests carry no IMS metadata elements.
    SCORM12: {"http://www.adlnet.org/xsd/adlcp_rootv1p2": "adlcp_rootv1p2.xsd"},
    SCORM2004: {"http://www.adlnet.org/xsd/adlcp_v1p3": "adlcp_v1p3.xsd",
                "http://www.adlnet.org/xsd/adlseq_v1p3": "adlseq_v1p3.xsd",
                "http://www.adlnet.org/xsd/adlnav_v1p3": "adlnav_v1p3.xsd",
                "http://www.imsglobal.org/xsd/imsss": "imsss_v1p0.xsd"},
}


# The 1.2 set's ims_xml.xsd binds the default namespace to the XML namespace, which Namespaces in
# XML forbids and xmlschema refuses; the W3C's own xml.xsd (in the 2004 set) defines the same
# xml:lang and xml:base attributes, so it is read in its place.
_IMS_XML = SCHEMA_FOLDER[SCORM12] / "ims_xml.xsd"
_W3C_XML = SCHEMA_FOLDER[SCORM2004] / "xml.xsd"


def _local_schema(uri: str) -> str:
    return _W3C_XML.as_uri() if uri == _IMS_XML.as_uri() else uri


@lru_cache(maxsize=None)
def schema(version: str) -> xmlschema.XMLSchema:
    folder = SCHEMA_FOLDER[version]
    locations = [(namespace, str(folder / name)) for namespace, name in _IMPORTS[version].items()]
    # allow="local": only files on this machine; a schemaLocation on the web is never fetched.
    return xmlschema.XMLSchema(str(folder / _MAIN[version]), locations=locations, allow="local",
                               defuse="always", uri_mapper=_local_schema)


def manifest_problems(xml: str, version: str, shown: str = "imsmanifest.xml") -> list[str]:
    """`shown:line: what is wrong` for each schema error; [] when the manifest is valid."""
    try:
        # Parsed by lxml for the line numbers; no entities, DTDs or network.
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        tree = etree.fromstring(xml.encode("utf-8"), parser)
    except etree.XMLSyntaxError as failure:
        return [f"{shown}:{failure.lineno}: not well-formed XML: {failure.msg}"]
    errors = list(schema(version).iter_errors(xmlschema.XMLResource(tree, allow="none")))
    problems = []
    for error in errors:
        line = getattr(error.elem, "sourceline", None) or 1
        reason = error.reason or error.message
        where = f" at {error.path}" if error.path else ""
        problems.append(f"{shown}:{line}: {reason}{where}")
    return problems

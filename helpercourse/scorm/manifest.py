"""imsmanifest.xml for SCORM 1.2 and SCORM 2004 4th edition: one organization, one SCO.

The course is one SCO (a launch page that holds the LMS session while the learner moves
between the course's pages inside it); each module's quiz is reported as an objective at run
time, so the manifest declares none.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import quoteattr, escape

SCORM12 = "scorm12"
SCORM2004 = "scorm2004"
VERSIONS = (SCORM12, SCORM2004)

_NAMESPACES = {
    SCORM12: (
        'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"\n'
        '          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"\n'
        '          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
        '          xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd'
        ' http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd'
        ' http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"'),
    SCORM2004: (
        'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"\n'
        '          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"\n'
        '          xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"\n'
        '          xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"\n'
        '          xmlns:imsss="http://www.imsglobal.org/xsd/imsss"\n'
        '          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
        '          xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd'
        ' http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd'
        ' http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd'
        ' http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd'
        ' http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"'),
}
_SCHEMA_VERSION = {SCORM12: "1.2", SCORM2004: "2004 4th Edition"}
# 1.2 spells the attribute scormtype, 2004 scormType.
_SCORM_TYPE = {SCORM12: "adlcp:scormtype", SCORM2004: "adlcp:scormType"}


@dataclass(frozen=True)
class Manifest:
    version: str          # SCORM12 or SCORM2004
    identifier: str       # e.g. helper-course-en-scorm12
    title: str            # the course's name in its language
    launch: str           # the SCO's launch file, relative to the package root
    files: tuple[str, ...]  # every file of the SCO, relative to the package root


def manifest_xml(manifest: Manifest) -> str:
    version = manifest.version
    if version not in VERSIONS:
        raise ValueError(f"unknown SCORM version {version!r}; expected one of {', '.join(VERSIONS)}")
    title = escape(manifest.title)
    files = "\n".join(f"      <file href={quoteattr(name)}/>" for name in manifest.files)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier={quoteattr(manifest.identifier)} version="1.0"
          {_NAMESPACES[version]}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>{_SCHEMA_VERSION[version]}</schemaversion>
  </metadata>
  <organizations default="helper-course">
    <organization identifier="helper-course">
      <title>{title}</title>
      <item identifier="course" identifierref="course-sco">
        <title>{title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="course-sco" type="webcontent" {_SCORM_TYPE[version]}="sco" href={quoteattr(manifest.launch)}>
{files}
    </resource>
  </resources>
</manifest>
"""

"""The SCORM packages (`make scorm`): valid manifests, the right files, and a failed export that
writes nothing. The packages are made once per session from the built site (conftest.py)."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from lxml import etree

from conftest import LANGUAGES
from helpercourse.scorm import __main__ as scorm_cli
from helpercourse.scorm import package as packaging
from helpercourse.scorm.file_links import file_url, search_index_with_file_links
from helpercourse.scorm.manifest import SCORM12, SCORM2004, VERSIONS, Manifest, manifest_xml
from helpercourse.scorm.package import ADAPTER, LAUNCH, broken_links, package_name
from helpercourse.scorm.validate import SCHEMA_FOLDER, manifest_problems

CP = {SCORM12: "http://www.imsproject.org/xsd/imscp_rootv1p1p2", SCORM2004: "http://www.imsglobal.org/xsd/imscp_v1p1"}


def test_every_package_has_a_valid_manifest_that_lists_exactly_its_files(scorm_packages):
    assert set(scorm_packages) == {(lang, version) for lang in LANGUAGES for version in VERSIONS}
    for (lang, version), package in scorm_packages.items():
        shown = package_name(lang, version)
        with zipfile.ZipFile(io.BytesIO(package.content)) as archive:
            names = set(archive.namelist())
            manifest = archive.read("imsmanifest.xml").decode("utf-8")
            pages = {n: archive.read(n).decode("utf-8") for n in names if n.endswith(".html")}
        assert manifest_problems(manifest, version, shown) == [], shown
        tree = etree.fromstring(manifest.encode("utf-8"))
        ns = {"cp": CP[version]}
        resource = tree.find("cp:resources/cp:resource", ns)
        assert resource.get("href") == LAUNCH and LAUNCH in names, shown
        listed = {f.get("href") for f in resource.findall("cp:file", ns)}
        schemas = {p.name for p in SCHEMA_FOLDER[version].glob("*.xsd")}
        assert listed == names - schemas - {"imsmanifest.xml"}, shown
        assert schemas <= names, shown
        # One language only, and every course page loads the adapter right after the store.
        others = [other for other in LANGUAGES[1:] if other != lang]
        assert not [n for n in names if n.startswith(tuple(f"{o}/" for o in others))], shown
        for name, text in pages.items():
            if name != LAUNCH:
                assert re.search(r'assets/progress-store\.js" defer></script>\s*<script src="[./]*'
                                 + re.escape(ADAPTER) + '" defer>', text), f"{shown}/{name}"
                assert 'class="md-select"' not in text, f"{shown}/{name}: the language menu is left"
        assert broken_links(pages, names) == [], shown


def test_the_normal_site_never_loads_the_adapter(built_site):
    loading = [str(page.relative_to(built_site)) for page in built_site.rglob("*.html")
               if "scorm-adapter" in page.read_text(encoding="utf-8")]
    assert loading == []


@pytest.mark.parametrize("version", VERSIONS)
def test_an_invalid_manifest_is_reported_with_file_and_line(version):
    good = manifest_xml(Manifest(version, "hc-en", "Course", LAUNCH, (LAUNCH,)))
    assert manifest_problems(good, version) == []
    broken = good.replace('="sco"', '="lesson"')  # scormtype must be sco or asset
    problems = manifest_problems(broken, version, "x.zip/imsmanifest.xml")
    line = next(n for n, text in enumerate(broken.splitlines(), 1) if '="lesson"' in text)
    assert problems and problems[0].startswith(f"x.zip/imsmanifest.xml:{line}: "), problems
    assert manifest_problems("<manifest>\n<unclosed>", version)[0].startswith("imsmanifest.xml:2: not well-formed")


def test_a_failed_export_writes_nothing_and_keeps_the_last_good_packages(built_site, tmp_path, monkeypatch, capsys):
    last_good = {}
    for lang in LANGUAGES:
        for version in VERSIONS:
            path = tmp_path / package_name(lang, version)
            path.write_bytes(b"the last good package")
            last_good[path] = path.stat().st_mtime_ns
    real = packaging.manifest_xml
    monkeypatch.setattr(packaging, "manifest_xml", lambda m: real(m).replace("<organizations", "<organisations", 1)
                        .replace("</organizations>", "</organisations>"))
    code = scorm_cli.main(["--site", str(built_site), "--out", str(tmp_path)])
    error = capsys.readouterr().err
    assert code == 1
    assert "No SCORM packages written" in error and re.search(r"imsmanifest\.xml:\d+: ", error), error
    assert "Traceback" not in error
    assert {p: p.stat().st_mtime_ns for p in last_good} == last_good
    assert all(p.read_bytes() == b"the last good package" for p in last_good)
    assert sorted(tmp_path.iterdir()) == sorted(last_good)  # no temporary file left either


def test_a_missing_site_folder_is_a_clear_message(tmp_path, capsys):
    assert scorm_cli.main(["--site", str(tmp_path / "nowhere"), "--out", str(tmp_path)]) == 1
    assert "nowhere: no such folder" in capsys.readouterr().err


def test_links_to_folders_name_their_file_and_a_missing_file_is_found():
    assert file_url("../02-trust/") == "../02-trust/index.html"
    assert file_url("../glossary/#empathy") == "../glossary/index.html#empathy"
    assert file_url("#quiz") == "#quiz" and file_url("../assets/site.css") == "../assets/site.css"
    pages = {"en/a/index.html": '<a href="../b/index.html">b</a> <img src="../../assets/x.svg" alt="">'}
    assert broken_links(pages, {"en/a/index.html", "en/b/index.html", "assets/x.svg"}) == []
    assert broken_links(pages, {"en/a/index.html", "assets/x.svg"}) == ["en/a/index.html: ../b/index.html"]
    index = {"config": {"lang": ["en"]}, "docs": [{"location": loc} for loc in ("", "#modules", "02-trust/", "02-trust/#why")]}
    rewritten = json.loads(search_index_with_file_links(json.dumps(index)))
    assert [d["location"] for d in rewritten["docs"]] == [
        "index.html", "index.html#modules", "02-trust/index.html", "02-trust/index.html#why"]
    assert rewritten["config"] == index["config"]


def launch_data(package) -> dict:
    with zipfile.ZipFile(io.BytesIO(package.content)) as archive:
        text = archive.read(LAUNCH).decode("utf-8")
    return json.loads(re.search(r'<script type="application/json" id="hc-scorm-data">(.*?)</script>', text, re.S)[1])


def test_the_required_modules_are_a_course_setting_and_a_wrong_number_is_named(built_site, tmp_path, capsys):
    everything = launch_data(packaging.build_packages(built_site, ("no",))[0])
    ids = [module["id"] for module in everything["modules"]]
    assert len(ids) == 9 and everything["required"] == ids  # by default every module counts
    some = launch_data(packaging.build_packages(built_site, ("no",), (9, 1))[0])
    assert some["required"] == [ids[0], ids[8]] and some["modules"] == everything["modules"]

    assert scorm_cli.main(["--site", str(built_site), "--out", str(tmp_path), "--required", "1,12"]) == 1
    error = capsys.readouterr().err
    assert "--required 1,12: the course has no module 12; give module numbers from 1 to 9" in error, error
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(SystemExit):
        scorm_cli.main(["--site", str(built_site), "--out", str(tmp_path), "--required", "one"])
    assert "is not a list of module numbers" in capsys.readouterr().err

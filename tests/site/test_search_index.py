"""Search per language: each language root has its own search index, and its pages load it."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import material
import pytest

from conftest import DEFAULT_LANGUAGE, LANGUAGES, ROOT, page_path
from helpercourse.search_split import JS_PREFIX, split_index, write_language_indexes

MATERIAL_LANGUAGE = {"no": "nb"}  # Material has no "no"; bokmål is "nb"
MATERIAL_BASE = Path(material.__file__).parent / "templates" / "base.html"
CONFIG_BLOCK = re.compile(r"{% block config %}.*?{% endblock %}", re.S)
CONFIG_JSON = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
HTML_LANG = re.compile(r'<html lang="([^"]+)"')


def load_index(site: Path, lang: str) -> dict:
    return json.loads((site / page_path(lang) / "search" / "search_index.json").read_text("utf-8"))


def built_page(site: Path, lang: str, location: str) -> tuple[Path, str]:
    """The HTML file a search result location leads to, and the anchor it points at."""
    path, _, anchor = location.partition("#")
    return site / page_path(lang, path) / "index.html", anchor


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_index_holds_only_that_languages_pages(built_site, lang):
    index = load_index(built_site, lang)
    assert index["config"]["lang"] == [lang]
    assert index["docs"], f"the {lang} search index is empty"
    for doc in index["docs"]:
        html_file, anchor = built_page(built_site, lang, doc["location"])
        assert html_file.exists(), f"{lang} index: {doc['location']} leads nowhere"
        html = html_file.read_text(encoding="utf-8")
        assert HTML_LANG.search(html).group(1) == MATERIAL_LANGUAGE.get(lang, lang), (
            f"{lang} index: {doc['location']} is a page in another language")
        assert not anchor or f'id="{anchor}"' in html, f"{lang} index: no #{anchor} on that page"


def test_every_language_index_has_the_same_pages_and_search_settings(built_site):
    indexes = {lang: load_index(built_site, lang) for lang in LANGUAGES}
    pages = {lang: {doc["location"].partition("#")[0] for doc in index["docs"]}
             for lang, index in indexes.items()}
    assert all(found == pages[DEFAULT_LANGUAGE] for found in pages.values()), pages
    assert "" in pages[DEFAULT_LANGUAGE] and len(pages[DEFAULT_LANGUAGE]) >= 2, "home and lessons"
    settings = [{k: v for k, v in index["config"].items() if k != "lang"} for index in indexes.values()]
    assert all(s == settings[0] for s in settings) and {"separator", "pipeline", "fields"} <= set(settings[0])


def test_every_page_points_materials_search_at_its_language_root(built_site):
    """`config.base` is where Material loads search/search_index.json and resolves results."""
    checked = 0
    for html_file in built_site.rglob("index.html"):
        relative = html_file.parent.relative_to(built_site).as_posix()
        lang = relative.split("/")[0] if relative.split("/")[0] in LANGUAGES else DEFAULT_LANGUAGE
        config = json.loads(CONFIG_JSON.search(html_file.read_text(encoding="utf-8")).group(1))
        base = config["base"]
        assert base.endswith("/"), f"{html_file}: base {base!r} must end in / for URL resolution"
        resolved = posixpath.normpath(posixpath.join(relative, base))
        assert resolved == posixpath.normpath(page_path(lang) or "."), f"{html_file}: base {base!r}"
        assert (html_file.parent / base / "search" / "search_index.json").exists()
        checked += 1
    assert checked >= 2 * len(LANGUAGES)


def test_our_config_block_is_materials_with_only_the_base_changed():
    """overrides/main.html copies Material's block (the worker file name in it is hashed)."""
    def block(text: str) -> list[str]:
        return [line.strip() for line in CONFIG_BLOCK.search(text).group(0).splitlines()]

    ours = block((ROOT / "overrides" / "main.html").read_text(encoding="utf-8"))
    materials = block(MATERIAL_BASE.read_text(encoding="utf-8"))
    assert ours == [line.replace('"base": base_url,', '"base": hc_language_root | d(base_url),')
                    for line in materials], "Material's config block changed: copy it again"


# --- the split itself, on small made-up indexes ------------------------------------------------

def made_up_index(*locations: str) -> dict:
    config = {"lang": ["no", "sv", "en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"],
              "fields": {"title": {"boost": 1000.0}}}
    return {"config": config, "docs": [{"location": loc, "title": loc, "text": ""} for loc in locations]}


def test_split_rewrites_locations_relative_to_each_language_root():
    index = made_up_index("", "#a", "en-route/", "sv/", "sv/#a", "sv/x/#b", "en/y/", "xx/")
    split = split_index(index, ["no", "sv", "en"])
    assert [d["location"] for d in split["no"]["docs"]] == ["", "#a", "en-route/", "xx/"]
    assert [d["location"] for d in split["sv"]["docs"]] == ["", "#a", "x/#b"]
    assert [d["location"] for d in split["en"]["docs"]] == ["y/"]
    assert sum(len(part["docs"]) for part in split.values()) == len(index["docs"])
    assert split["sv"]["config"] == {**index["config"], "lang": ["sv"]}
    assert index["docs"][3]["location"] == "sv/", "the combined index is left as it was"


def test_a_language_lunr_cannot_stem_searches_with_lunrs_own():
    assert split_index(made_up_index("xx/"), ["no", "xx"])["xx"]["config"]["lang"] == ["en"]


def test_the_file_url_script_variant_is_split_too(tmp_path):
    """Material's offline plugin adds search_index.js (for file://); each language gets its own."""
    index = made_up_index("", "sv/", "en/")
    (tmp_path / "search").mkdir()
    text = json.dumps(index)
    (tmp_path / "search" / "search_index.json").write_text(text, encoding="utf-8")
    (tmp_path / "search" / "search_index.js").write_text(JS_PREFIX + text, encoding="utf-8")
    written = write_language_indexes(tmp_path, ["no", "sv", "en"])
    assert len(written) == 6
    for lang in ("no", "sv", "en"):
        folder = tmp_path / ("" if lang == "no" else lang) / "search"
        script = (folder / "search_index.js").read_text(encoding="utf-8")
        assert script.startswith(JS_PREFIX)
        assert json.loads(script[len(JS_PREFIX):]) == json.loads((folder / "search_index.json").read_text("utf-8"))
        assert json.loads(script[len(JS_PREFIX):])["config"]["lang"] == [lang]
    assert not list(tmp_path.rglob("*.tmp")), "no temporary file is left behind"

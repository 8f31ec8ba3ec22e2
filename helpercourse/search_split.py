"""Search per language: split Material's one combined search index into one index per language.

With the i18n plugin, Material writes a single `search/search_index.json` holding every
language's pages, so a search on the Swedish site also finds Norwegian, Finnish and English
pages. This module writes `<language root>/search/search_index.json` for each language (the
default language at the site root) with only that language's pages, their locations made
relative to that root, and the search language set to that one language (so lunr uses its stop
words and needs no multi-language script). The pages' `__config` block points Material's
`config.base` at the same root (see overrides/main.html), so each page loads its own index and
resolves result links against it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from .atomic_files import write_atomically

INDEX_FOLDER = "search"
JSON_NAME = "search_index.json"
# Material's offline plugin inlines the index into this script for file:// (no fetch there);
# when it is present it is split the same way.
JS_NAME = "search_index.js"
JS_PREFIX = "var __index = "


def language_root(lang: str, default: str) -> str:
    """The language's folder relative to the site root: "" for the default, else "sv/"."""
    return "" if lang == default else f"{lang}/"


def language_base(base_url: str, lang: str, default: str) -> str:
    """The language root as seen from a page whose `base_url` (the site root) is given.

    Always ends in "/": Material resolves "search/search_index.json" against it.
    """
    return f"{base_url.rstrip('/')}/{language_root(lang, default)}"


def split_index(index: dict, languages: Sequence[str]) -> dict[str, dict]:
    """One index per language, default language first; separator, pipeline and fields kept."""
    default, others = languages[0], languages[1:]
    foreign = tuple(f"{lang}/" for lang in others)
    known = index["config"].get("lang", [])
    split = {}
    for lang in languages:
        root = language_root(lang, default)
        if root:
            docs = [dict(doc, location=doc["location"][len(root):])
                    for doc in index["docs"] if doc["location"].startswith(root)]
        else:
            docs = [doc for doc in index["docs"] if not doc["location"].startswith(foreign)]
        # The i18n plugin lists only languages lunr can stem; any other falls back to lunr's own.
        search_lang = [lang] if lang in known else ["en"]
        split[lang] = {**index, "config": {**index["config"], "lang": search_lang}, "docs": docs}
    return split


def boost_entries(index: dict, boosts: Callable[[str], float | None]) -> int:
    """Give the entries `boosts` names (by location) that boost; how many it changed.

    Material's search worker multiplies an entry's score by its "boost", as it does for a page
    with `search: boost:` in its front matter, but per entry: the glossary boosts each term's
    own entry, so a search for a term lists it above the lesson sections that mention it.
    """
    changed = 0
    for doc in index["docs"]:
        boost = boosts(doc["location"])
        if boost:
            doc["boost"] = boost
            changed += 1
    return changed


def write_language_indexes(site_dir: Path, languages: Sequence[str],
                           boosts: Callable[[str], float | None] | None = None) -> list[Path]:
    """Replace the combined index in `site_dir` by one index per language; the paths written.

    Must run once, after the combined index is complete: the root index is overwritten with
    the default language's, so a second run would find only that language.
    """
    combined_path = site_dir / INDEX_FOLDER / JSON_NAME
    if not combined_path.exists():  # search plugin disabled
        return []
    combined = json.loads(combined_path.read_text(encoding="utf-8"))
    if boosts:
        boost_entries(combined, boosts)
    with_script = (site_dir / INDEX_FOLDER / JS_NAME).exists()
    written = []
    for lang, index in split_index(combined, languages).items():
        folder = site_dir / language_root(lang, languages[0]) / INDEX_FOLDER
        text = json.dumps(index, separators=(",", ":"))  # ASCII-only, as Material writes it
        targets = [(folder / JSON_NAME, text)]
        if with_script:
            targets.append((folder / JS_NAME, JS_PREFIX + text))
        for path, content in targets:
            write_atomically(path, content.encode("utf-8"))
            written.append(path)
    return written

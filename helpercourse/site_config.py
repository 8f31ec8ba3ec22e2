"""Facts about the site that live in mkdocs.yml, read once so they have one source of truth."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MKDOCS_YML = PROJECT_ROOT / "mkdocs.yml"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its `!!python/...` or `!ENV` tags."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@lru_cache(maxsize=None)
def languages(mkdocs_yml: Path = MKDOCS_YML) -> tuple[str, ...]:
    """The course languages, default first, as listed for the i18n plugin in mkdocs.yml."""
    config = yaml.load(Path(mkdocs_yml).read_text(encoding="utf-8"), Loader=_ConfigLoader)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = plugin["i18n"]["languages"]
            ordered = sorted(entries, key=lambda entry: not entry.get("default", False))
            return tuple(str(entry["locale"]) for entry in ordered)
    raise RuntimeError(f"{mkdocs_yml}: no i18n plugin with a 'languages' list")


def languages_or_message(mkdocs_yml: Path = MKDOCS_YML) -> tuple[tuple[str, ...], str | None]:
    """(languages, None), or ((), the message a command prints) when mkdocs.yml cannot say."""
    try:
        return languages(mkdocs_yml), None
    except (OSError, KeyError, TypeError, RuntimeError, ValueError, yaml.YAMLError) as exc:
        return (), (f"mkdocs.yml: cannot read the course languages ({exc}); "
                    "they are listed under plugins: i18n: languages:")

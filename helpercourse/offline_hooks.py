"""MkDocs hooks for the offline copy (`make offline`): nothing from another host, ever.

Material's offline plugin (enabled only when HELPERCOURSE_OFFLINE is set, see mkdocs.yml) makes
search work from file:// and adds the iframe-worker polyfill (search's worker cannot start from
file://), but as a script from unpkg.com. These hooks point that polyfill at the copy vendored
in vendor/iframe-worker/ and put the file into the built site. They also drop the pages'
`<link rel="alternate" hreflang>` tags: Material reads each one's sitemap.xml, which a browser
refuses from file:// (an error in the console on every page); the language switcher's links
already lead to the same page in the other language. With the plugin off they do nothing, so
the normal build is unchanged.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

VENDORED_SHIM = Path(__file__).resolve().parent.parent / "vendor" / "iframe-worker" / "shim.js"
SHIM_URI = "assets/vendor/iframe-worker-shim.js"  # where the copy lands in the site
# As Material's base.html writes them, one per extra.alternate entry.
_HREFLANG_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


@event_priority(-100)  # after the offline plugin's on_config, which adds the unpkg.com script
def on_config(config):
    if not _offline(config):
        return config
    polyfills = [script for script in config.extra.get("polyfills", [])
                 if "iframe-worker" not in str(script)]
    config.extra["polyfills"] = [*polyfills, SHIM_URI]
    outside = [str(s) for s in config.extra["polyfills"] if "://" in str(s) or str(s).startswith("//")]
    if outside:
        raise PluginError(f"mkdocs.yml: extra.polyfills loads scripts from another host: {outside}")
    return config


@event_priority(-110)  # after the i18n plugin has sorted the files into languages
def on_files(files, config):
    if _offline(config) and files.get_file_from_path(SHIM_URI) is None:
        files.append(File.generated(config, SHIM_URI, abs_src_path=str(VENDORED_SHIM)))
    return files


def on_post_page(output, page, config):
    return _HREFLANG_LINK.sub("", output) if _offline(config) else output

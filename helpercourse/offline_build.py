"""The offline copy's build (`make offline`, plugin option `offline: true`): nothing from another host.

Material's offline plugin makes search work from file:// and adds the iframe-worker polyfill
(search's worker cannot start from file://), but as a script from unpkg.com. Here that polyfill
points at the copy vendored in vendor/iframe-worker/ (the plugin puts the file into the site).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

VENDORED_SHIM = Path(__file__).resolve().parent.parent / "vendor" / "iframe-worker" / "shim.js"
SHIM_URI = "assets/vendor/iframe-worker-shim.js"  # where the copy lands in the site


def use_vendored_polyfill(config) -> None:
    """Swap the unpkg.com polyfill Material's offline plugin adds for the vendored copy."""
    polyfills = [script for script in config.extra.get("polyfills", []) if "iframe-worker" not in str(script)]
    config.extra["polyfills"] = [*polyfills, SHIM_URI]
    outside = [str(s) for s in config.extra["polyfills"] if "://" in str(s) or str(s).startswith("//")]
    if outside:
        raise PluginError(f"mkdocs.yml: extra.polyfills loads scripts from another host: {outside}")

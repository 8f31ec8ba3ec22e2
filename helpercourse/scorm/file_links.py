"""Links that name a file: an LMS serves a package's files one by one and, unlike a web server,
does not answer a folder's URL with its index.html (Moodle's file store has no such rule).

The normal build links to folders (`../02-trust/`); in a package each such link gets
`index.html`, in the pages' href attributes, in the progress page's data and in the search index.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

_HREF = re.compile(r'(\shref=")([^"]*)(")')
_JSON_URL = re.compile(r'("url":\s*")([^"]*)(")')  # the progress page's lesson links


def file_url(url: str) -> str:
    """`url` with index.html added when it names a folder; any other URL as it is."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("#") or url == "":  # "" is the page itself
        return url
    path, rest = parts.path, url[len(parts.path):]
    if path == "" or path.endswith("/"):
        return f"{path}index.html{rest}"
    if path in (".", "..") or path.endswith(("/.", "/..")):
        return f"{path}/index.html{rest}"
    return url


def page_with_file_links(text: str) -> str:
    def replace(found: re.Match) -> str:
        return found.group(1) + file_url(found.group(2)) + found.group(3)
    return _JSON_URL.sub(replace, _HREF.sub(replace, text))


def search_index_with_file_links(text: str) -> str:
    """Material's search_index.json with each page's location naming its file."""
    index = json.loads(text)
    for doc in index.get("docs", []):
        location = doc["location"]  # "" or "#section" is the language's home page
        doc["location"] = f"index.html{location}" if location[:1] in ("", "#") else file_url(location)
    return json.dumps(index, separators=(",", ":"))

"""Parts of a page rendered once and kept in the process, for the layout's heavy, rarely changing parts.

The cluster menu has about forty links, each a URL and a translated label: rendering it took about 1.7 ms of
every signed-in page. It is the same HTML for everyone who sees it with the same inputs, so the template
names those inputs as the key and the HTML is kept. A key must name every input of the part (the part may
hold no form token), so nothing needs clearing when data changes: a changed input is another key.
"""

from flask import Flask, current_app
from markupsafe import Markup

# Enough for every menu a worker shows in a busy hour (cluster × role × page × unread count), a few MB.
KEPT = 2000


def kept(*key, caller) -> Markup:
    """`{% call kept(input, …) %}part{% endcall %}`: the part rendered once per key."""
    parts = current_app.extensions["fragments"]
    found = parts.get(key)
    if found is None:
        if len(parts) >= KEPT:
            parts.clear()  # rare; cheaper to keep than to track the least recently used
        found = parts[key] = Markup(caller())
    return found


def init_app(app: Flask) -> None:
    app.extensions["fragments"] = {}
    app.jinja_env.globals["kept"] = kept

"""Parts of a page rendered once and kept in the process: the layout's heavy, rarely changing parts, and
the addresses templates build.

The cluster menu has about forty links, each a URL and a translated label: rendering it took about 1.7 ms of
every signed-in page. It is the same HTML for everyone who sees it with the same inputs, so the template
names those inputs as the key and the HTML is kept. A key must name every input of the part (the part may
hold no form token), so nothing needs clearing when data changes: a changed input is another key.
"""

from flask import Flask, current_app, g, has_request_context, request, url_for
from markupsafe import Markup

# Enough for every menu a worker shows in a busy hour (cluster × role × page × unread count), a few MB.
KEPT = 2000
# Addresses: a page builds about a hundred (each about 8 µs in Flask and Werkzeug); 20,000 are about 4 MB.
KEPT_URLS = 20_000


def kept(*key, caller) -> Markup:
    """`{% call kept(input, …) %}part{% endcall %}`: the part rendered once per key."""
    parts = current_app.extensions["fragments"]
    found = parts.get(key)
    if found is None:
        if len(parts) >= KEPT:
            parts.clear()  # rare; cheaper to keep than to track the least recently used
        found = parts[key] = Markup(caller())
    return found


def kept_url_for(endpoint: str, **values) -> str:
    """Flask's `url_for` for templates, each address built once per process.

    An address depends on the endpoint, its values, the cluster in the request (`tenants/blueprint.py` puts
    its slug in) and where the app is mounted; relative endpoints and `_external`, `_anchor` and the like
    are built each time."""
    if endpoint.startswith(".") or not has_request_context() or any(name[0] == "_" for name in values):
        return url_for(endpoint, **values)
    tenant = g.get("tenant")
    try:
        key = (endpoint, request.script_root, tenant and tenant.slug, *sorted(values.items()))
        built = _urls().get(key)
    except TypeError:  # a value that is not hashable (a list of filter values)
        return url_for(endpoint, **values)
    if built is None:
        built = url_for(endpoint, **values)
        if len(_urls()) >= KEPT_URLS:
            _urls().clear()
        _urls()[key] = built
    return built


def _urls() -> dict:
    return current_app.extensions["kept urls"]


def init_app(app: Flask) -> None:
    app.extensions["fragments"] = {}
    app.extensions["kept urls"] = {}
    app.jinja_env.globals["kept"] = kept
    app.jinja_env.globals["url_for"] = kept_url_for

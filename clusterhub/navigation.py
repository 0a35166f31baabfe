"""Moving between pages: safe redirects and pagination."""

from urllib.parse import urlsplit

from flask import current_app, request, url_for

from clusterhub.extensions import db


def safe_next(default_endpoint: str = "home.index") -> str:
    """The `next` address if it stays on this site, otherwise the default page."""
    target = request.values.get("next", "")
    parts = urlsplit(target)
    if target.startswith("/") and not target.startswith("//") and not parts.netloc and "\\" not in target:
        return target
    return url_for(default_endpoint)


def paginate(statement):
    """One page of `statement`, the page number taken from ?page=, the size from the settings."""
    return db.paginate(
        statement,
        page=request.args.get("page", 1, type=int),
        per_page=current_app.config["PAGE_SIZE"],
        error_out=False,
    )


def path_for(endpoint: str, **values) -> str:
    """The path of a page, built the same inside a request and in a command (no SERVER_NAME needed)."""
    current_app.inject_url_defaults(endpoint, values)
    return current_app.url_map.bind("").build(endpoint, values)

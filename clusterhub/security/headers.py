"""Security headers on every response, error pages and static files included."""

from flask import request

# The pages carry no inline script or style and load nothing from elsewhere: everything from this site only.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    # Invitation and password-reset links carry their token in the path: never hand it to another site.
    "Referrer-Policy": "same-origin",
    # For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
HSTS = "max-age=31536000"


def add_headers(response):
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    # Only over HTTPS: browsers ignore it otherwise, and a development server on http must stay reachable.
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", HSTS)
    return response


def install(app) -> None:
    app.after_request(add_headers)

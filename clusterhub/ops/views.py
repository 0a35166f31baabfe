"""`/healthz` for the load balancer and monitoring: no sign-in, no personal data."""

from flask import Blueprint, jsonify

from clusterhub.ops.health import database_ok, index_ok

bp = Blueprint("ops", __name__)


@bp.get("/healthz")
def healthz():
    checks = {"database": database_ok(), "index": index_ok()}
    response = jsonify({name: "ok" if ok else "failed" for name, ok in checks.items()})
    response.headers["Cache-Control"] = "no-store"
    return response, 200 if all(checks.values()) else 503

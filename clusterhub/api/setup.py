"""The API's place in the app: flask-smorest's Api documents the API blueprints; errors stay ours."""

import http

from flask import Blueprint, current_app, render_template
from flask_smorest import Api
from flask_smorest.utils import prepare_response

from clusterhub.api import content_api, manage_api, members_api, problems, schemas
from clusterhub.api.blueprint import PREFIX
from clusterhub.extensions import csrf
from clusterhub.navigation import LARGEST_NUMBER, IdConverter

BLUEPRINTS = (
    members_api.companies,
    members_api.posts,
    members_api.matches,
    content_api.content,
    content_api.conferences,
    manage_api.manage,
)
SETTINGS = {
    "API_TITLE": "ClusterHub API",
    "API_VERSION": "v1",
    "OPENAPI_VERSION": "3.1.0",
    "API_SPEC_OPTIONS": {
        "info": {
            "description": (
                "Reads and changes a cluster's data with a personal access token (made on the account page) "
                "or a cluster integration token (made by a manager). Send it as `Authorization: Bearer "
                "<token>`. A token acts with exactly the rights of its person in its one cluster. Lists are "
                "paged with `cursor` and `limit`; reads answer an `ETag` and 304 to a matching "
                "`If-None-Match`; times are ISO 8601 in UTC; errors are RFC 9457 problem details."
            )
        },
        "components": {"securitySchemes": {"token": {"type": "http", "scheme": "bearer"}}},
        "security": [{"token": []}],
    },
}

docs = Blueprint("api_docs", __name__, url_prefix=PREFIX)
docs.register_error_handler(404, problems.from_http_exception)
# The API authenticates with a bearer token only, never with a cookie, so no other site can make a browser
# send a request that counts: the CSRF token the forms carry has nothing to protect here.
for _blueprint in BLUEPRINTS:
    csrf.exempt(_blueprint)


class ClusterHubApi(Api):
    """flask-smorest's Api, minus its app-wide JSON error handler: the pages keep their HTML error pages,
    and the API's errors are problem details (clusterhub/api/problems.py)."""

    ERROR_SCHEMA = schemas.Problem

    def _register_error_handlers(self):
        pass

    def _register_responses(self):
        """Every error answer documented as problem details, in their own media type."""
        for status in http.HTTPStatus:
            response = {"description": status.phrase}
            if status >= 400:
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, problems.MEDIA_TYPE)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "Any error", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, problems.MEDIA_TYPE)
        self.spec.components.response(self.DEFAULT_ERROR_RESPONSE_NAME, response, lazy=True)


@docs.route("/openapi.json")
def openapi_json():
    return current_app.extensions["clusterhub_api"].spec.to_dict()


@docs.route("/")
def reference():
    """The reference, rendered on the server from the same document: no script, nothing from elsewhere."""
    return render_template("api/reference.html", spec=current_app.extensions["clusterhub_api"].spec.to_dict())


def init_app(app) -> None:
    for name, value in SETTINGS.items():
        app.config.setdefault(name, value)
    app.json.ensure_ascii = False  # Latvian text as it was written, not as \u escapes
    api = ClusterHubApi(app)
    api.register_converter(
        IdConverter, lambda converter: {"type": "integer", "minimum": 1, "maximum": LARGEST_NUMBER}
    )
    for blueprint in BLUEPRINTS:
        api.register_blueprint(blueprint)
    app.register_blueprint(docs)
    app.extensions["clusterhub_api"] = api

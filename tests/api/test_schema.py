"""Schemathesis generates requests from the OpenAPI document and checks every answer against it: no 5xx, every
status, media type and body as documented. Bounded and derandomised, so the run is short and repeatable."""

import random

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.api.test_access import bearer
from tests.factories import make_token
from tests.routes import ARGUMENTS

EXAMPLES = 8
# A cursor is any string to the schema, but only one this API signed opens a page: a made-up one is refused
# with 422 on purpose, as a post's date in the past is. Every other check stays on (no 5xx; status, media
# type, headers and body as documented).
NOT_CHECKED = [positive_data_acceptance]
SETTINGS = {
    "max_examples": EXAMPLES,
    "derandomize": True,
    "database": None,
    "deadline": None,
    "suppress_health_check": list(HealthCheck),
}


def _described(error: BaseException) -> str:
    causes = getattr(error, "exceptions", None) or [error]
    return "; ".join(f"{type(cause).__name__}: {str(cause)[:400]}" for cause in causes)


def _check(operation, headers: dict, path_parameters: dict) -> None:
    @settings(**SETTINGS)
    @given(operation.as_strategy(path_parameters=path_parameters))
    def call(case):
        random.seed()  # Hypothesis seeds `random` alike for every example; the index names its files with it
        case.call_and_validate(headers=headers, excluded_checks=NOT_CHECKED)

    call()


def test_every_operation_answers_as_its_schema_says(app, world):
    """A manager's read-write token (every resource open to it), the world's own ids in the addresses."""
    headers = bearer(make_token(app, "manager@alfa.lv", "alfa", access="write"))
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    failures, checked = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()
        names = [parameter.name for parameter in operation.path_parameters]
        try:
            _check(operation, headers, {name: ARGUMENTS[name](world) for name in names})
            checked += 1
        except Exception as error:  # noqa: BLE001 - every operation's failure is reported, not only the first
            failures.append(f"{operation.label}: {_described(error)}")
    assert not failures, "\n\n".join(failures)
    assert checked > 15

"""One way to write dates on every page and in every e-mail: a long date, a short one and a clock time."""

from datetime import UTC, date, datetime

import pytest
from flask import render_template_string
from flask_babel import force_locale
from jinja2 import TemplateAssertionError

# 12:30 UTC on New Year's Eve is 14:30 on Rīga's wall clock.
MOMENT = datetime(2026, 12, 31, 12, 30, tzinfo=UTC)
FORMS = (
    "{{ m|long_date }} | {{ m|short_date }} | {{ m|clock_time }} | {{ m|date_and_time }} | {{ d|month_of }}"
)


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("lv", "2026. gada 31. decembris | 31.12.2026 | 14:30 | 31.12.2026 14:30 | decembris 2026"),
        ("en", "December 31, 2026 | 31 Dec 2026 | 14:30 | 31 Dec 2026 14:30 | December 2026"),
    ],
)
def test_dates_are_written_in_three_forms_on_rigas_wall_clock(app, language, shown):
    with app.test_request_context(), force_locale(language):
        assert render_template_string(FORMS, m=MOMENT, d=date(2026, 12, 1)) == shown


@pytest.mark.parametrize("other", ["dateformat", "datetimeformat", "timeformat"])
def test_no_template_can_write_a_date_in_another_form(app, other):
    with app.test_request_context(), pytest.raises(TemplateAssertionError):
        render_template_string(f"{{{{ m|{other} }}}}", m=MOMENT)

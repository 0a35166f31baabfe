"""The indicators report as a spreadsheet: the same figures as the page, one row per figure and per part."""

from collections.abc import Iterator

from clusterhub.indicators.figures import Figure
from clusterhub.transfer.csvfile import write_table

COLUMNS = ("indicator", "definition", "value", "breakdown", "code")


def cell(value: int | float | None) -> str:
    """A value as a spreadsheet reads it: no thousands separator, a full stop as the decimal mark, empty
    when there is no figure."""
    return "" if value is None else str(value)


def _rows(figures: list[Figure]) -> Iterator[dict]:
    # The indicator is named on every row so a spreadsheet filter keeps a figure's parts together; its
    # definition is written once, on the figure's own row.
    for figure in figures:
        yield {
            "indicator": figure.label,
            "definition": figure.definition,
            "value": cell(figure.value),
            "code": figure.key,
        }
        for part in figure.breakdown:
            code = f"{figure.key}.{part.key or 'not_given'}"
            yield {
                "indicator": figure.label,
                "value": cell(part.value),
                "breakdown": part.label,
                "code": code,
            }


def indicators_csv(figures: list[Figure]) -> bytes:
    """The figures as a UTF-8 CSV file with a byte-order mark, so Excel shows Latvian letters."""
    return write_table(COLUMNS, _rows(figures))

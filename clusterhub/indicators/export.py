"""The indicators report as a spreadsheet: the same figures as the page, one row per figure and per part."""

from collections.abc import Iterator

from clusterhub.indicators.figures import Figure

COLUMNS = ("indicator", "definition", "value", "breakdown", "code")


def cell(value: int | float | None) -> str:
    """A value as a spreadsheet reads it: no thousands separator, a full stop as the decimal mark, empty
    when there is no figure."""
    return "" if value is None else str(value)


def rows(figures: list[Figure]) -> Iterator[dict]:
    """One row per figure, then one per part of its breakdown."""
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

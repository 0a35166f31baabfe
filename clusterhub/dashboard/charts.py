"""Charts drawn on the server as SVG: the geometry here, the markup in templates/dashboard/_charts.html.

No script and no style attributes (the content security policy allows neither): positions are SVG
attributes, colours come from the classes in clusterhub.css. Every chart carries the rows it draws,
so the same figures also make the table beside it for people who cannot see the picture.
"""

import math
from dataclasses import dataclass

WIDTH = 720
LEGEND = 28  # the band above the plot that names the series
# Horizontal bars: the labels on the left, a bar per series under one another, the number after it.
LABEL_WIDTH = 230
LABEL_CHARACTERS = 34
BAR = 14
GROUP_GAP = 12
NUMBER_ROOM = 48
# Columns along a time axis: numbers on the left, a column per series side by side, months below.
COLUMN_HEIGHT = 200
AXIS_WIDTH = 40
AXIS_LABELS = 8  # at most this many months are named under the axis
AXIS_ROOM = 24
RIGHT_ROOM = 32  # half a month name, so the latest month's name is not cut off


@dataclass(frozen=True)
class Series:
    key: str  # the CSS class suffix: .series-need, .series-offer…
    name: str


@dataclass(frozen=True)
class Cell:
    value: int
    href: str | None = None


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[Cell, ...]  # one per series
    href: str | None = None  # everything the row counts, whatever the series

    @property
    def total(self) -> int:
        return sum(cell.value for cell in self.cells)


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: str
    href: str | None
    title: str  # shown on hover: what the bar counts and how many


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str | int  # numbers are formatted for the reader's language by the template
    anchor: str = "start"
    href: str | None = None
    title: str = ""  # the full text when `text` had to be shortened
    css: str = ""


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Drawing:
    width: int
    height: float
    bars: list[Bar]
    texts: list[Text]
    lines: list[Line]
    legend: list[tuple[float, Series]]  # x of each series' key in the legend band


@dataclass(frozen=True)
class Chart:
    key: str  # unique on the page; the ids of the title and the description derive from it
    title: str
    description: str
    heading: str  # what the rows are: "Category", "Month"…
    series: tuple[Series, ...]
    rows: tuple[Row, ...]
    columns: bool = False  # upright columns along a time axis instead of horizontal bars
    totals: bool = True  # whether a row's values add up to something meaningful

    @property
    def largest(self) -> int:
        return max((cell.value for row in self.rows for cell in row.cells), default=0)

    def drawing(self) -> Drawing:
        return _columns(self) if self.columns else _bars(self)


def shorten(text: str, limit: int) -> str:
    """`text`, cut with an ellipsis if it is longer than `limit` characters."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def axis_step(largest: int, ticks: int = 4) -> int:
    """A round step (1, 2 or 5 times a power of ten) that divides 0…largest into about `ticks` parts."""
    rough = max(largest / ticks, 1)
    power = 10 ** math.floor(math.log10(rough))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= rough)


def _legend(chart: Chart, left: float) -> list[tuple[float, Series]]:
    return [(left + place * 170, series) for place, series in enumerate(chart.series)]


def _title(row: Row, series: Series, cell: Cell) -> str:
    return f"{row.label} · {series.name}: {cell.value}"


def _bars(chart: Chart) -> Drawing:
    group = len(chart.series) * BAR + GROUP_GAP
    scale = (WIDTH - LABEL_WIDTH - NUMBER_ROOM) / max(chart.largest, 1)
    bars, texts = [], []
    for place, row in enumerate(chart.rows):
        top = LEGEND + place * group
        label = shorten(row.label, LABEL_CHARACTERS)
        texts.append(
            Text(
                LABEL_WIDTH - 8,
                top + len(chart.series) * BAR / 2 + 4,
                label,
                "end",
                row.href,
                row.label if label != row.label else "",
            )
        )
        for number, (series, cell) in enumerate(zip(chart.series, row.cells, strict=True)):
            y = top + number * BAR
            width = cell.value * scale
            if cell.value:
                bars.append(
                    Bar(LABEL_WIDTH, y, width, BAR - 2, series.key, cell.href, _title(row, series, cell))
                )
            texts.append(Text(LABEL_WIDTH + width + 4, y + BAR - 3, cell.value, css="number"))
    height = LEGEND + len(chart.rows) * group
    return Drawing(WIDTH, height, bars, texts, [], _legend(chart, LABEL_WIDTH))


def _columns(chart: Chart) -> Drawing:
    step = axis_step(chart.largest)
    top_value = max(math.ceil(chart.largest / step), 1) * step
    plot_width = WIDTH - AXIS_WIDTH - RIGHT_ROOM
    group = plot_width / max(len(chart.rows), 1)
    width = group / (len(chart.series) + 1)
    bottom = LEGEND + COLUMN_HEIGHT

    def y_of(value: float) -> float:
        return bottom - value / top_value * COLUMN_HEIGHT

    lines = [
        Line(AXIS_WIDTH, y_of(tick), AXIS_WIDTH + plot_width, y_of(tick))
        for tick in range(0, top_value + 1, step)
    ]
    texts = [
        Text(AXIS_WIDTH - 6, y_of(tick) + 4, tick, "end", css="number")
        for tick in range(0, top_value + 1, step)
    ]
    every = math.ceil(len(chart.rows) / AXIS_LABELS)
    bars = []
    for place, row in enumerate(chart.rows):
        left = AXIS_WIDTH + place * group + width / 2
        if (len(chart.rows) - 1 - place) % every == 0:  # the latest month always named
            texts.append(Text(left + group / 2 - width / 2, bottom + 16, row.label, "middle", row.href))
        for number, (series, cell) in enumerate(zip(chart.series, row.cells, strict=True)):
            if cell.value:
                y = y_of(cell.value)
                x = left + number * width
                bars.append(Bar(x, y, width, bottom - y, series.key, cell.href, _title(row, series, cell)))
    return Drawing(WIDTH, bottom + AXIS_ROOM, bars, texts, lines, _legend(chart, AXIS_WIDTH))

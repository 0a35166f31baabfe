"""Chart geometry: bars in proportion, no bar for nothing, round axis steps, long labels shortened."""

import pytest

from clusterhub.dashboard.charts import (
    LABEL_WIDTH,
    NUMBER_ROOM,
    WIDTH,
    Cell,
    Chart,
    Row,
    Series,
    axis_step,
    shorten,
)

SERIES = (Series("need", "Needs"), Series("offer", "Offers"))


def _chart(rows, columns=False) -> Chart:
    return Chart("test", "Title", "Description", "Heading", SERIES, tuple(rows), columns=columns)


def _row(label: str, *values: int) -> Row:
    return Row(label, tuple(Cell(value, f"/{label}/{value}") for value in values))


@pytest.mark.parametrize(
    ("largest", "step"), [(0, 1), (1, 1), (3, 1), (4, 1), (7, 2), (10, 5), (40, 10), (95, 50)]
)
def test_axis_steps_are_round_numbers(largest, step):
    assert axis_step(largest) == step


def test_bars_are_in_proportion_and_link_to_their_posts():
    drawing = _chart([_row("Eksports", 4, 2), _row("Apmācības", 1, 0)]).drawing()

    widths = {bar.title: bar.width for bar in drawing.bars}
    full = WIDTH - LABEL_WIDTH - NUMBER_ROOM
    assert widths == {
        "Eksports · Needs: 4": full,
        "Eksports · Offers: 2": full / 2,
        "Apmācības · Needs: 1": full / 4,
    }  # no bar for the zero, but its number is written
    assert [text.text for text in drawing.texts if text.css == "number"] == [4, 2, 1, 0]
    assert {bar.href for bar in drawing.bars} == {"/Eksports/4", "/Eksports/2", "/Apmācības/1"}
    assert all(bar.series in ("need", "offer") for bar in drawing.bars)


def test_columns_stand_on_one_baseline_under_a_round_axis():
    drawing = _chart([_row(f"M{n}", n, 1) for n in range(12)], columns=True).drawing()

    bottoms = {round(bar.y + bar.height, 6) for bar in drawing.bars}
    assert len(bottoms) == 1
    tallest = max(drawing.bars, key=lambda bar: bar.height)
    assert tallest.title == "M11 · Needs: 11"
    assert [text.text for text in drawing.texts if text.css == "number"] == [0, 5, 10, 15]
    named = [text.text for text in drawing.texts if text.anchor == "middle"]
    assert named == ["M1", "M3", "M5", "M7", "M9", "M11"]  # every other month, the latest included


def test_an_empty_chart_draws_nothing_and_does_not_divide_by_zero():
    for columns in (False, True):
        drawing = _chart([_row("Nekas", 0, 0)], columns=columns).drawing()
        assert drawing.bars == []


def test_long_labels_are_shortened_with_the_full_text_kept():
    label = "Audiovizuālo tehnoloģiju un kino industrijas pakalpojumi"
    drawing = _chart([Row(label, (Cell(1), Cell(0)))]).drawing()

    shown = drawing.texts[0]
    assert shown.text == shorten(label, 34) and shown.text.endswith("…") and len(shown.text) <= 34
    assert shown.title == label
    assert shorten("Īss", 34) == "Īss"

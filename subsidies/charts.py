"""Simple horizontal bar charts as SVG, laid out here and drawn by templates/subsidies/monitor/_chart.html.

No JavaScript and no external library: the geometry is plain numbers, so the chart is in the page's
HTML and passes the strict CSP (presentation attributes, no inline style). Each chart has a title and
a description; its numbers are in the table beside it, and each bar says its own value in words,
so nothing depends on colour alone.
"""

from dataclasses import dataclass

WIDTH = 420  # viewBox units; the chart scales to its column, so on a phone text stays readable
BAR_AREA = 210  # the longest bar; the rest of the width is for the value written after it
BAR_HEIGHT = 20
BAR_GAP = 4
LABEL_HEIGHT = 22
ROW_GAP = 12
FILLS = {"primary": "#004699", "secondary": "#767676", "track": "#e8e8e8"}


@dataclass(frozen=True)
class Bar:
    value: float
    text: str
    series: str = "primary"


@dataclass(frozen=True)
class DrawnBar:
    y: float
    width: float
    fill: str
    text: str
    text_x: float
    text_y: float


@dataclass(frozen=True)
class DrawnRow:
    label: str
    label_y: float
    bars: list
    # Where a row has a whole (a plafond, 100%), its track shows what the bar is part of.
    track_y: float | None
    track_width: float
    track_height: float


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    desc: str
    width: int
    height: int
    bar_height: int
    rows: list
    track_fill: str = FILLS["track"]

    @property
    def is_empty(self):
        return not self.rows


def bar_chart(*, chart_id, title, desc, rows):
    """`rows`: (label, [Bar, …], whole or None). Bars share one scale: the largest whole or value."""
    largest = max(
        [whole for _label, _bars, whole in rows if whole]
        + [bar.value for _label, bars, _whole in rows for bar in bars],
        default=0,
    )
    y = 0.0
    drawn = []
    for label, bars, whole in rows:
        label_y = y + LABEL_HEIGHT - 6
        y += LABEL_HEIGHT
        top = y
        track_width = round(BAR_AREA * whole / largest, 1) if whole and largest else 0
        drawn_bars = []
        for bar in bars:
            width = round(BAR_AREA * bar.value / largest, 1) if largest else 0
            drawn_bars.append(
                DrawnBar(
                    y=y,
                    width=width,
                    fill=FILLS[bar.series],
                    text=bar.text,
                    text_x=max(track_width, width) + 6,
                    text_y=y + BAR_HEIGHT - 4,
                )
            )
            y += BAR_HEIGHT + BAR_GAP
        track_height = y - BAR_GAP - top
        drawn.append(
            DrawnRow(
                label=label,
                label_y=label_y,
                bars=drawn_bars,
                track_y=top if whole else None,
                track_width=track_width,
                track_height=track_height,
            )
        )
        y += ROW_GAP
    return Chart(
        id=chart_id,
        title=title,
        desc=desc,
        width=WIDTH,
        height=max(int(y), 1),
        bar_height=BAR_HEIGHT,
        rows=drawn,
    )

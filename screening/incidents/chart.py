"""A bar chart of incidents per week, drawn on the server as SVG, with text and table versions.

No script, no chart library, no request to anywhere: the chart is SVG markup built with
``format_html`` (so every piece of text in it is escaped), sized by its ``viewBox`` so it fills
the width it is given, down to a 320 pixel phone. Colours come from classes styled in
``static/scss/_service.scss``; the same shapes carry presentation attributes, so the chart
still reads if the stylesheet does not load (and in the PDF).

People who cannot see the chart get the same facts twice: the SVG is an image
(``role="img"``) named by a one-paragraph summary, and ``Chart.rows`` is the table of weeks
that the page shows beside it.
"""

import math
from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from screening.incidents.timeline import Pattern, Week

#: The chart spans the record's own weeks: from the first entry's week to the last entry's, or
#: on to this week when the last entry is this recent. An old record is not stretched to today
#: (months of empty weeks would squeeze its bars to nothing); the summary says nothing has been
#: recorded since.
RECENT_WEEKS = 8
#: In the table, this many empty weeks in a row or more are one row ("12 October to 3 May").
EMPTY_RUN_ROW = 3
WIDTH, HEIGHT = 360, 200
LEFT, RIGHT, TOP, BOTTOM = 28, 8, 20, 34
X_LABELS = 4
#: A count above each bar only while bars are this wide or wider; the table has every count.
COUNT_MIN_SLOT = 12
#: Half the width of a short date label ("23 Nov" at 13 px), kept inside the chart's edges.
LABEL_HALF_WIDTH = 24


@dataclass(frozen=True)
class Chart:
    svg: SafeString
    summary: str
    rows: tuple[tuple[str, int], ...]


def long_date(day: date) -> str:
    return date_format(day, "j F Y")


def short_date(day: date) -> str:
    return date_format(day, "j M")


def _summary(weeks: tuple[Week, ...], *, quiet_since: date | None) -> str:
    total = sum(week.count for week in weeks)
    busiest = max(weeks, key=lambda week: week.count)
    span = ngettext("%(weeks)s week", "%(weeks)s weeks", len(weeks)) % {"weeks": len(weeks)}
    text = ngettext(
        "Incidents per week, from the week starting %(first)s to the week starting %(last)s: "
        "%(total)s incident in %(span)s.",
        "Incidents per week, from the week starting %(first)s to the week starting %(last)s: "
        "%(total)s incidents in %(span)s.",
        total,
    ) % {
        "first": long_date(weeks[0].starts),
        "last": long_date(weeks[-1].starts),
        "total": total,
        "span": span,
    }
    if busiest.count:
        text += " " + gettext(
            "The most in one week was %(count)s, in the week starting %(week)s."
        ) % {"count": busiest.count, "week": long_date(busiest.starts)}
    if quiet_since is not None:
        text += " " + gettext(
            "No incidents have been recorded since the week starting %(week)s."
        ) % {"week": long_date(quiet_since)}
    return text


def _number(value: float) -> str:
    return f"{value:.1f}"


def _svg(weeks: tuple[Week, ...], *, title_id: str, summary: str) -> SafeString:
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    highest = max(1, *(week.count for week in weeks))
    slot = plot_width / len(weeks)
    bar_width = slot * 0.7
    baseline = TOP + plot_height
    label_every = math.ceil(len(weeks) / X_LABELS)
    show_counts = slot >= COUNT_MIN_SLOT
    bars, counts, labels = [], [], []
    for index, week in enumerate(weeks):
        x = LEFT + index * slot + (slot - bar_width) / 2
        height = plot_height * week.count / highest
        bars.append((_number(x), _number(baseline - height), _number(bar_width), _number(height)))
        middle = _number(x + bar_width / 2)
        if week.count and show_counts:
            counts.append((middle, _number(baseline - height - 4), week.count))
        if (len(weeks) - 1 - index) % label_every == 0:
            # Kept clear of the edges, so the first and last dates are never cut off.
            at = min(max(x + bar_width / 2, LABEL_HALF_WIDTH), WIDTH - LABEL_HALF_WIDTH)
            labels.append((_number(at), _number(baseline + 18), short_date(week.starts)))
    return format_html(
        '<svg class="app-incident-chart" role="img" aria-labelledby="{id}" '
        'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMidYMid meet" '
        'xmlns="http://www.w3.org/2000/svg" focusable="false">'
        '<title id="{id}">{summary}</title>'
        '<line class="app-incident-chart__axis" x1="{left}" y1="{baseline}" x2="{right}" '
        'y2="{baseline}" stroke="#0b0c0c" stroke-width="1"/>'
        '<text class="app-incident-chart__scale" x="{scale_x}" y="{top_label}" '
        'text-anchor="end" font-size="12" fill="#505a5f">{highest}</text>'
        '<text class="app-incident-chart__scale" x="{scale_x}" y="{baseline}" '
        'text-anchor="end" font-size="12" fill="#505a5f">0</text>'
        "{bars}{counts}{labels}</svg>",
        id=title_id,
        width=WIDTH,
        height=HEIGHT,
        summary=summary,
        left=LEFT,
        right=WIDTH - RIGHT,
        baseline=baseline,
        scale_x=LEFT - 6,
        top_label=TOP + 4,
        highest=highest,
        bars=format_html_join(
            "",
            '<rect class="app-incident-chart__bar" x="{}" y="{}" width="{}" height="{}" '
            'fill="#1d70b8"/>',
            bars,
        ),
        counts=format_html_join(
            "",
            '<text class="app-incident-chart__count" x="{}" y="{}" text-anchor="middle" '
            'font-size="14" font-weight="bold" fill="#0b0c0c">{}</text>',
            counts,
        ),
        labels=format_html_join(
            "",
            '<text class="app-incident-chart__label" x="{}" y="{}" text-anchor="middle" '
            'font-size="13" fill="#0b0c0c">{}</text>',
            labels,
        ),
    )


def _rows(weeks: tuple[Week, ...]) -> tuple[tuple[str, int], ...]:
    """(week, incidents) for the table; a run of ``EMPTY_RUN_ROW`` or more empty weeks is one
    row naming its first and last week, so a long record stays short enough to read."""
    rows: list[tuple[str, int]] = []
    index = 0
    while index < len(weeks):
        end = index
        while not weeks[index].count and end + 1 < len(weeks) and not weeks[end + 1].count:
            end += 1
        if end + 1 - index >= EMPTY_RUN_ROW:
            span = gettext("%(first)s to %(last)s") % {
                "first": long_date(weeks[index].starts),
                "last": long_date(weeks[end].starts),
            }
            rows.append((span, 0))
            index = end + 1
        else:
            rows.append((long_date(weeks[index].starts), weeks[index].count))
            index += 1
    return tuple(rows)


def chart(pattern: Pattern, *, title_id: str = "incident-chart-title") -> Chart | None:
    """The chart of the record's own weeks (``RECENT_WEEKS`` explains where it ends); ``None``
    for an empty log. ``title_id`` must be unique on the page."""
    if not pattern.weeks:
        return None
    weeks = pattern.weeks
    last_entry = max(index for index, week in enumerate(weeks) if week.count)
    quiet_since = None
    if len(weeks) - 1 - last_entry > RECENT_WEEKS:
        weeks = weeks[: last_entry + 1]
        quiet_since = weeks[-1].starts
    summary = _summary(weeks, quiet_since=quiet_since)
    return Chart(
        svg=_svg(weeks, title_id=title_id, summary=summary),
        summary=summary,
        rows=_rows(weeks),
    )

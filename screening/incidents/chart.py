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

#: The chart shows the most recent weeks; 16 weeks is about four months, and keeps bars wide
#: enough to read on a phone.
MAX_WEEKS = 16
WIDTH, HEIGHT = 360, 200
LEFT, RIGHT, TOP, BOTTOM = 28, 8, 20, 34
X_LABELS = 4


@dataclass(frozen=True)
class Chart:
    svg: SafeString
    summary: str
    rows: tuple[tuple[str, int], ...]
    truncated: bool


def long_date(day: date) -> str:
    return date_format(day, "j F Y")


def short_date(day: date) -> str:
    return date_format(day, "j M")


def _summary(weeks: tuple[Week, ...], total_weeks: int) -> str:
    total = sum(week.count for week in weeks)
    busiest = max(weeks, key=lambda week: week.count)
    text = ngettext(
        "Incidents per week, from the week starting %(first)s to the week starting %(last)s: "
        "%(total)s incident in %(weeks)s weeks.",
        "Incidents per week, from the week starting %(first)s to the week starting %(last)s: "
        "%(total)s incidents in %(weeks)s weeks.",
        total,
    ) % {
        "first": long_date(weeks[0].starts),
        "last": long_date(weeks[-1].starts),
        "total": total,
        "weeks": len(weeks),
    }
    if busiest.count:
        text += " " + gettext(
            "The most in one week was %(count)s, in the week starting %(week)s."
        ) % {"count": busiest.count, "week": long_date(busiest.starts)}
    if total_weeks > len(weeks):
        text += " " + gettext("Earlier weeks are not shown.")
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
    bars, counts, labels = [], [], []
    for index, week in enumerate(weeks):
        x = LEFT + index * slot + (slot - bar_width) / 2
        height = plot_height * week.count / highest
        bars.append((_number(x), _number(baseline - height), _number(bar_width), _number(height)))
        middle = _number(x + bar_width / 2)
        if week.count:
            counts.append((middle, _number(baseline - height - 4), week.count))
        if (len(weeks) - 1 - index) % label_every == 0:
            labels.append((middle, _number(baseline + 18), short_date(week.starts)))
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


def chart(pattern: Pattern, *, title_id: str = "incident-chart-title") -> Chart | None:
    """The chart of ``pattern.weeks`` (the most recent ``MAX_WEEKS``); ``None`` for an empty
    log. ``title_id`` must be unique on the page."""
    if not pattern.weeks:
        return None
    weeks = pattern.weeks[-MAX_WEEKS:]
    summary = _summary(weeks, len(pattern.weeks))
    return Chart(
        svg=_svg(weeks, title_id=title_id, summary=summary),
        summary=summary,
        rows=tuple((long_date(week.starts), week.count) for week in weeks),
        truncated=len(pattern.weeks) > len(weeks),
    )

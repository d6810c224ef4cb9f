"""The weekly chart: SVG drawn on the server, escaped, with the same facts as text and table."""

import re
from datetime import date, timedelta

from django.utils import translation

from screening.incidents.chart import MAX_WEEKS, chart
from screening.incidents.timeline import pattern
from tests.incident_examples import message

MON = date(2026, 10, 5)


def log(*counts):
    return [
        message(MON + timedelta(days=7 * week + n))
        for week, count in enumerate(counts)
        for n in range(count)
    ]


def test_no_entries_no_chart():
    assert chart(pattern([])) is None


def test_the_chart_is_a_named_image_that_scales():
    with translation.override("en-gb"):
        drawn = chart(pattern(log(1, 0, 3)))
    svg = str(drawn.svg)
    assert svg.startswith("<svg ")
    assert 'role="img"' in svg
    assert 'aria-labelledby="incident-chart-title"' in svg
    assert '<title id="incident-chart-title">' in svg
    assert 'viewBox="0 0 360 200"' in svg
    assert 'width="100%"' in svg
    assert "style=" not in svg  # the CSP allows no inline styles
    assert "<script" not in svg
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_one_bar_per_week_and_counts_above_the_bars_that_have_any():
    svg = str(chart(pattern(log(1, 0, 3))).svg)
    assert svg.count("<rect ") == 3
    counts = re.findall(r'class="app-incident-chart__count"[^>]*>(\d+)<', svg)
    assert counts == ["1", "3"]


def test_the_summary_and_the_table_say_what_the_chart_shows():
    with translation.override("en-gb"):
        drawn = chart(pattern(log(1, 0, 3)))
    assert drawn.summary == (
        "Incidents per week, from the week starting 5 October 2026 to the week starting "
        "19 October 2026: 4 incidents in 3 weeks. The most in one week was 3, in the week "
        "starting 19 October 2026."
    )
    assert drawn.rows == (("5 October 2026", 1), ("12 October 2026", 0), ("19 October 2026", 3))
    assert drawn.summary in str(drawn.svg)


def test_long_logs_show_the_latest_weeks_and_say_so():
    drawn = chart(pattern(log(*([1] * (MAX_WEEKS + 4)))))
    assert len(drawn.rows) == MAX_WEEKS
    assert drawn.truncated
    assert "Earlier weeks are not shown." in drawn.summary


def test_text_in_the_chart_is_escaped():
    svg = str(chart(pattern(log(2)), title_id='x"><script>').svg)
    assert "<script>" not in svg
    assert "&quot;&gt;&lt;script&gt;" in svg

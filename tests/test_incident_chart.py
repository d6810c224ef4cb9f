"""The weekly chart: SVG drawn on the server, escaped, with the same facts as text and table."""

import re
from datetime import date, timedelta

from django.utils import translation

from screening.incidents.chart import chart
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


def test_an_old_record_is_charted_over_its_own_weeks_not_the_weeks_before_today():
    # Two entries in March, looked at in November: the chart shows March, not 16 empty weeks.
    march = date(2026, 3, 4)
    found = pattern([message(march), message(march + timedelta(days=2))], today=date(2026, 11, 23))
    with translation.override("en-gb"):
        drawn = chart(found)
    assert drawn.rows == (("2 March 2026", 2),)
    assert drawn.summary.startswith(
        "Incidents per week, from the week starting 2 March 2026 to the week starting "
        "2 March 2026: 2 incidents in 1 week."
    )
    assert "No incidents have been recorded since the week starting 2 March 2026." in (
        drawn.summary
    )


def test_a_recent_record_runs_on_to_this_week():
    found = pattern(log(1, 2), today=MON + timedelta(weeks=3))
    with translation.override("en-gb"):
        drawn = chart(found)
    assert [count for _week, count in drawn.rows] == [1, 2, 0, 0]
    assert "since" not in drawn.summary


def test_every_week_of_a_long_record_is_drawn_and_runs_of_empty_weeks_are_one_row():
    counts = [1] + [0] * 30 + [2, 0, 1]
    with translation.override("en-gb"):
        drawn = chart(pattern(log(*counts)))
    svg = str(drawn.svg)
    assert svg.count("<rect ") == len(counts)
    assert drawn.rows == (
        ("5 October 2026", 1),
        ("12 October 2026 to 3 May 2027", 0),
        ("10 May 2027", 2),
        ("17 May 2027", 0),
        ("24 May 2027", 1),
    )
    assert "4 incidents in 34 weeks" in drawn.summary


def test_week_labels_stay_inside_the_chart():
    for counts in ([1], [1, 2, 3], [1] * 16, [1] * 60):
        svg = str(chart(pattern(log(*counts))).svg)
        for x, text in re.findall(
            r'<text class="app-incident-chart__label" x="([\d.]+)"[^>]*>([^<]+)<', svg
        ):
            half = len(text) * 13 * 0.3  # about half the width of a short date at 13 px
            assert half <= float(x) <= 360 - half, (counts, x, text)


def test_text_in_the_chart_is_escaped():
    svg = str(chart(pattern(log(2)), title_id='x"><script>').svg)
    assert "<script>" not in svg
    assert "&quot;&gt;&lt;script&gt;" in svg

"""The PDF's layout: whatever the person typed stays on the page."""

from datetime import date, timedelta

import weasyprint

from screening import pdf, pdf_layout
from screening.incidents import Incident
from screening.incidents.presenters import pdf_incident_options
from tests.test_pdf import complete_answers

LONG_WORD = "https://example.org/?q=" + "A1b2C3d4" * 40
A4_WIDTH_PX = 210 / 25.4 * 96


def laid_out(answers, **options) -> weasyprint.Document:
    html = pdf.render_summary_html(answers, **options)
    document = weasyprint.HTML(string=html, base_url=pdf.BASE_URL, url_fetcher=pdf.FETCHER)
    return document.render(stylesheets=[pdf_layout.STYLESHEET], font_config=pdf_layout.FONT_CONFIG)


def boxes_past_the_right_edge(document: weasyprint.Document) -> list[str]:
    """Text boxes that reach beyond the page's right margin."""
    found = []
    for number, page in enumerate(document.pages, start=1):
        box = page._page_box
        right = box.margin_width() - box.margin_right
        for descendant in box.descendants():
            text = getattr(descendant, "text", None)
            if text and descendant.position_x + descendant.width > right + 1:
                found.append(f"page {number}: {text[:40]!r}")
    return found


def test_long_strings_with_no_spaces_wrap_inside_the_page():
    incident = Incident(
        occurred_on=date.today() - timedelta(days=3),
        what_happened=LONG_WORD,
        place=LONG_WORD,
        evidence=LONG_WORD,
    )
    document = laid_out(
        complete_answers(name=LONG_WORD[:100], details=LONG_WORD, other=LONG_WORD),
        person_name=LONG_WORD[:100],
        police_reference="X" * 40,
        **pdf_incident_options([incident], today=date.today()),
    )
    assert document.pages[0]._page_box.margin_width() < A4_WIDTH_PX + 1
    assert boxes_past_the_right_edge(document) == []

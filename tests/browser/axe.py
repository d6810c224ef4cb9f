"""axe-core, bundled with axe-playwright-python, run offline against a page."""

from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]}

# The best-practice "region" rule (all content inside landmarks) is not a WCAG
# requirement, and GOV.UK places two components outside landmarks on purpose:
# - the Back link sits before <main>, so "Skip to main content" skips it; GOV.UK
#   decided to keep it there (alphagov/govuk-frontend#6460,
#   alphagov/govuk-design-system#5024);
# - the Exit this page skip link sits at the top of <body> beside the main skip link.
#   axe exempts skip links only when they point inside the page, and this one
#   points at /exit/ by design.
# - GOV.UK's Radios and Checkboxes scripts set aria-expanded on a choice that reveals a
#   follow-up question ("How do you know them?"). ARIA does not list it for radios or
#   checkboxes, so axe reports it; GOV.UK keeps it on purpose because screen readers announce it
#   and research found no harm (alphagov/govuk-frontend#979, a known issue). Only such inputs
#   are let off.
# Only these elements are let off, and only for that rule.
LET_OFF_BY_DESIGN = {
    "region": ".govuk-back-link, .govuk-js-exit-this-page-skiplink",
    "aria-allowed-attr": (
        ".govuk-radios__input[aria-controls][aria-expanded], "
        ".govuk-checkboxes__input[aria-controls][aria-expanded]"
    ),
}

_axe = Axe()


def _let_off(page, rule: str, node: dict) -> bool:
    allowed = LET_OFF_BY_DESIGN.get(rule)
    if allowed is None or len(node["target"]) != 1:
        return False
    return page.evaluate(
        "([target, allowed]) => document.querySelector(target)?.matches(allowed) ?? false",
        [node["target"][0], allowed],
    )


def violations(page) -> str:
    """A readable report of what axe finds on the page now, or "" when it finds nothing."""
    response = _axe.run(page, options=OPTIONS).response
    found = []
    for violation in response["violations"]:
        nodes = [node for node in violation["nodes"] if not _let_off(page, violation["id"], node)]
        if nodes:
            found.append({**violation, "nodes": nodes})
    if not found:
        return ""
    return AxeResults({**response, "violations": found}).generate_report()

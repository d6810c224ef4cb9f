"""The incident log's CSV column headings in the reader's language.

The columns are a file format (docs/incident-log.md), named in English by their codes. A log
downloaded in Welsh is headed in Welsh, and an import accepts the headings of either
language, so a file made in one imports in the other.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import pgettext, pgettext_lazy

from screening.incidents.csv_files import COLUMNS

CONTEXT = "CSV column"

# Listed so that makemessages finds them; each is a column's name in COLUMNS.
_MARKED = (
    pgettext_lazy("CSV column", "id"),
    pgettext_lazy("CSV column", "date"),
    pgettext_lazy("CSV column", "time"),
    pgettext_lazy("CSV column", "approximate"),
    pgettext_lazy("CSV column", "place"),
    pgettext_lazy("CSV column", "what_happened"),
    pgettext_lazy("CSV column", "behaviours"),
    pgettext_lazy("CSV column", "feared_violence"),
    pgettext_lazy("CSV column", "daily_life_effects"),
    pgettext_lazy("CSV column", "effect_details"),
    pgettext_lazy("CSV column", "witnesses"),
    pgettext_lazy("CSV column", "evidence"),
    pgettext_lazy("CSV column", "reported_to_police"),
    pgettext_lazy("CSV column", "officer"),
    pgettext_lazy("CSV column", "crime_reference"),
    pgettext_lazy("CSV column", "signs"),
)


def in_this_language() -> dict[str, str]:
    """{column: heading} in the active language."""
    return {column: pgettext(CONTEXT, column) for column in COLUMNS}


def in_every_language() -> dict[str, str]:
    """{heading in lower case: column} for every language the service has."""
    found = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            found.update(
                {heading.lower(): column for column, heading in in_this_language().items()}
            )
    return found

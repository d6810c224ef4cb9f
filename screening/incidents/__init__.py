"""The incident log (a stalking diary): its entries and everything that reads them.

- ``entries``: one entry (``Incident``) and its safe round trip to primitives; re-exported
  here, so ``screening.incidents.Incident`` is the entry type.
- ``session_log``: a person's log, kept in their session.
- ``forms``: the entry form, shared by the person and the advocate.
- ``timeline``: the pattern rules that read a whole log.
- ``prompts``: what a log records that a screening's answers do not.
- ``chart``: incidents per week, as an accessible SVG with its table.
- ``csv_files``: export, and an import that is all or nothing.
- ``presenters``: entries, patterns and prompts put into words for pages and the PDF.

``entries``, ``timeline`` and ``prompts`` are pure Python; the rest use Django.
"""

from screening.incidents.entries import (
    CRIME_REFERENCE_MAX_LENGTH,
    DAILY_LIFE_EFFECTS,
    DAILY_LIFE_EFFECTS_FOR_OTHERS,
    EARLIEST_YEAR,
    EFFECT_DETAILS_MAX_LENGTH,
    EVIDENCE_MAX_LENGTH,
    FEARED_NO,
    FEARED_NOT_SURE,
    FEARED_VIOLENCE,
    FEARED_VIOLENCE_FOR_OTHERS,
    FEARED_YES,
    FIELDS,
    OFFICER_MAX_LENGTH,
    PLACE_MAX_LENGTH,
    TEXT_LIMITS,
    WHAT_HAPPENED_MAX_LENGTH,
    WITNESSES_MAX_LENGTH,
    Incident,
    InvalidIncident,
    TimeOfDay,
    behaviour_choices,
    check_date,
    check_text,
    format_time,
    from_primitives,
    has_hidden_characters,
    in_date_order,
    is_valid_id,
    new_id,
    parse_date,
    parse_time,
    to_primitives,
    validate,
)

__all__ = [
    "CRIME_REFERENCE_MAX_LENGTH",
    "DAILY_LIFE_EFFECTS",
    "DAILY_LIFE_EFFECTS_FOR_OTHERS",
    "EARLIEST_YEAR",
    "EFFECT_DETAILS_MAX_LENGTH",
    "EVIDENCE_MAX_LENGTH",
    "FEARED_NO",
    "FEARED_NOT_SURE",
    "FEARED_VIOLENCE",
    "FEARED_VIOLENCE_FOR_OTHERS",
    "FEARED_YES",
    "FIELDS",
    "OFFICER_MAX_LENGTH",
    "PLACE_MAX_LENGTH",
    "TEXT_LIMITS",
    "WHAT_HAPPENED_MAX_LENGTH",
    "WITNESSES_MAX_LENGTH",
    "Incident",
    "InvalidIncident",
    "TimeOfDay",
    "behaviour_choices",
    "check_date",
    "check_text",
    "format_time",
    "from_primitives",
    "has_hidden_characters",
    "in_date_order",
    "is_valid_id",
    "new_id",
    "parse_date",
    "parse_time",
    "to_primitives",
    "validate",
]

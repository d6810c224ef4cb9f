"""Every URL pattern in the ``casework`` namespace, built with real objects."""

import re

from django.urls import URLResolver, get_resolver, reverse

# The pages that must answer before two-factor: they are how one gets through it (joining
# from an invitation comes before there is an account at all).
BEFORE_TWO_FACTOR = {"sign-in", "two-factor", "sign-out", "signed-out", "join"}
# URL parameters that name an object someone owns.
OBJECT_PARAMETERS = {
    "case_id",
    "screening_id",
    "user_id",
    "entry_id",
    "judgement_id",
    "note_id",
    "task_id",
    "item_id",
    "plan_id",
    "referral_id",
}
_PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")


def casework_patterns() -> dict[str, tuple[str, ...]]:
    """Each pattern's name, with the names of its parameters."""
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and entry.namespace == "casework":
            return {
                pattern.name: tuple(_PARAMETER.findall(str(pattern.pattern)))
                for pattern in entry.url_patterns
            }
    raise LookupError("No casework namespace in the URL configuration.")


def build(name: str, parameters, objects: dict) -> str:
    """The URL for ``name``, each parameter filled from ``objects``."""
    return reverse(f"casework:{name}", kwargs={key: objects[key] for key in parameters})

"""Mark strings for translation in modules that must stay free of Django.

The pure domain modules (questions, flow, scoring, contacts, timeline) hold
user-facing text but import nothing from Django, so they can be tested and
reasoned about on their own. They wrap that text in ``_()``, which returns it
unchanged: ``makemessages`` still finds the strings (``_`` is a default
gettext keyword), and the presentation layer translates them with
``gettext()`` at the moment they are shown.
"""


def _(message: str) -> str:
    """Return ``message`` unchanged; it is translated where it is displayed."""
    return message

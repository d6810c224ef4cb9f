"""Compile the translation catalogues (``.po``) into the ``.mo`` files Django reads.

Pure Python (polib), so no machine needs GNU gettext to build or run the service; Django's
``compilemessages`` would. ``make run`` and ``make test`` run this; production runs it once
per release (README.md). Fuzzy and untranslated entries are left out of the ``.mo``, so they
show in English.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def catalogues() -> list[Path]:
    return sorted(
        po for folder in settings.LOCALE_PATHS for po in Path(folder).glob("*/LC_MESSAGES/*.po")
    )


class Command(BaseCommand):
    help = "Compile every .po catalogue under LOCALE_PATHS into its .mo, without GNU gettext."

    def handle(self, *args, **options):
        for po in catalogues():
            polib.pofile(str(po)).save_as_mofile(str(po.with_suffix(".mo")))
            self.stdout.write(f"Compiled {po.with_suffix('.mo')}")

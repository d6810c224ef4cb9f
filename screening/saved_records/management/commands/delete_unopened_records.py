"""Delete kept records nobody has opened or changed for ``SAVED_RECORD_DAYS``. Run daily."""

from django.core.management.base import BaseCommand

from screening.saved_records import service


class Command(BaseCommand):
    help = "Delete kept records not opened or changed for SAVED_RECORD_DAYS days."

    def handle(self, *args, **options):
        deleted = service.delete_unopened(on=service.today())
        # A count only: never anything from a record.
        self.stdout.write(f"Deleted {deleted} kept record(s) past their date.")

from django.core.management.base import BaseCommand

from casework.encryption import new_key


class Command(BaseCommand):
    help = (
        "Print a new key for FIELD_ENCRYPTION_KEYS. Put it first to make it the one that encrypts."
    )

    def handle(self, *args, **options):
        self.stdout.write(new_key())

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from casework.encryption import UndecryptableValue, encrypted_fields, rotate


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted field under the first FIELD_ENCRYPTION_KEYS key. "
        "Run it after putting a new key first; then the old keys can be removed. "
        "It changes nothing unless every value can be read."
    )

    def handle(self, *args, **options):
        counts = {}
        try:
            with transaction.atomic():
                for model in apps.get_models():
                    fields = encrypted_fields(model)
                    if not fields:
                        continue
                    counts[model._meta.label] = self._rotate(model, [f.column for f in fields])
        except UndecryptableValue as error:
            raise CommandError(
                f"{error} Nothing was changed. Check that every key in use is in "
                "FIELD_ENCRYPTION_KEYS."
            ) from None
        for label, count in counts.items():
            self.stdout.write(f"{label}: {count} rows re-encrypted")

    def _rotate(self, model, columns) -> int:
        """Work on the stored tokens themselves, so nothing else about a row changes."""
        table = model._meta.db_table
        pk = model._meta.pk.column
        from django.db import connection

        quote = connection.ops.quote_name
        selected = ", ".join(quote(c) for c in [pk, *columns])
        assignments = ", ".join(f"{quote(c)} = %s" for c in columns)
        count = 0
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {selected} FROM {quote(table)}")  # noqa: S608
            rows = cursor.fetchall()
            for key, *tokens in rows:
                rotated = [None if token is None else rotate(token) for token in tokens]
                cursor.execute(
                    f"UPDATE {quote(table)} SET {assignments} WHERE {quote(pk)} = %s",  # noqa: S608
                    [*rotated, key],
                )
                count += 1
        return count

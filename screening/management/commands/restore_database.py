from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from screening.management.backup import restore


class Command(BaseCommand):
    help = (
        "Replace everything in the database with a backup made by backup_database "
        "(SQLite online backup, or pg_restore --clean --if-exists for PostgreSQL)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The backup file to restore.")
        parser.add_argument("--database", default="default", help="Database alias to restore.")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask before replacing the database's contents.",
        )

    def handle(self, *args, path, database, interactive, **options):
        if interactive:
            answer = input(f"This replaces everything in the {database} database. Type yes: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was restored.")
        restore(path, alias=database)
        self.stdout.write(f"Restored the {database} database from {path}.")

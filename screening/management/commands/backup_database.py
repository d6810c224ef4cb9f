from pathlib import Path

from django.core.management.base import BaseCommand

from screening.management.backup import back_up


class Command(BaseCommand):
    help = (
        "Write a consistent backup of the database to a file, readable by its owner only "
        "(SQLite online backup, or pg_dump's custom format for PostgreSQL)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The file to write.")
        parser.add_argument("--database", default="default", help="Database alias to back up.")

    def handle(self, *args, path, database, **options):
        back_up(path, alias=database)
        self.stdout.write(f"Backed up the {database} database to {path}.")

from django.core.management.base import BaseCommand, CommandError

from casework.models import Organisation


class Command(BaseCommand):
    help = "Create an organisation whose advocates will share its cases."

    def add_arguments(self, parser):
        parser.add_argument("name")

    def handle(self, *args, name, **options):
        name = name.strip()
        if not name:
            raise CommandError("The organisation needs a name.")
        limit = Organisation._meta.get_field("name").max_length
        if len(name) > limit:
            raise CommandError(f"The name must be {limit} characters or fewer.")
        organisation, created = Organisation.objects.get_or_create(name=name)
        if not created:
            raise CommandError(f"There is already an organisation called {name!r}.")
        self.stdout.write(f"Created organisation {organisation.name!r}.")

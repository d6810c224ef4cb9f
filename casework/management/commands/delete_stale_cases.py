from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from casework.models import AuditEvent, Case, Invitation, SubmissionToken
from screening.web import erasure


class Command(BaseCommand):
    help = (
        "Delete cases nobody has changed for CASE_RETENTION_DAYS days, with their screenings "
        "and incident logs. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Override CASE_RETENTION_DAYS for this run."
        )

    def handle(self, *args, days, **options):
        days = settings.CASE_RETENTION_DAYS if days is None else days
        cutoff = timezone.now() - timedelta(days=days)
        deleted = 0
        stale = Case.objects.filter(touched_at__lt=cutoff).values_list("pk", "organisation_id")
        for case_id, organisation_id in stale.iterator():
            with transaction.atomic():
                AuditEvent.objects.create(
                    organisation_id=organisation_id,
                    action=AuditEvent.Action.EXPIRED,
                    case_id=case_id,
                    subject="case",
                )
                Case.objects.filter(pk=case_id).delete()
            deleted += 1
        # One-time form tokens only matter for a few minutes.
        SubmissionToken.objects.filter(created_at__lt=timezone.now() - timedelta(days=1)).delete()
        # An invitation that was used, replaced or has run out is of no further use: its name
        # and address go with it (the audit log keeps that it happened).
        Invitation.objects.exclude(pk__in=Invitation.objects.usable()).delete()
        if deleted:
            erasure.let_go_of_deleted_rows()
        self.stdout.write(f"Deleted {deleted} cases untouched for {days} days.")

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from casework.models import AuditEvent, Case, Invitation, SubmissionToken
from screening.web import erasure


class Command(BaseCommand):
    help = (
        "Delete closed cases CASE_RETENTION_DAYS after they were closed, with everything in "
        "them. Open cases are never deleted: those with nothing recorded for "
        "CASE_INACTIVE_DAYS are counted here and flagged for review on the caseload. Run it "
        "daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Override CASE_RETENTION_DAYS for this run."
        )

    def handle(self, *args, days, **options):
        days = settings.CASE_RETENTION_DAYS if days is None else days
        now = timezone.now()
        deleted = 0
        expired = Case.objects.filter(
            is_open=False, closed_at__lt=now - timedelta(days=days)
        ).values_list("pk", "organisation_id")
        for case_id, organisation_id in expired.iterator():
            with transaction.atomic():
                AuditEvent.objects.create(
                    organisation_id=organisation_id,
                    action=AuditEvent.Action.EXPIRED,
                    case_id=case_id,
                    subject="case",
                )
                # Checked again inside the transaction: a case reopened meanwhile stays.
                Case.objects.filter(pk=case_id, is_open=False).delete()
            deleted += 1
        inactive_days = settings.CASE_INACTIVE_DAYS
        inactive = Case.objects.filter(
            is_open=True, touched_at__lt=now - timedelta(days=inactive_days)
        ).count()
        # One-time form tokens only matter for a few minutes.
        SubmissionToken.objects.filter(created_at__lt=now - timedelta(days=1)).delete()
        # An invitation that was used, replaced or has run out is of no further use: its name
        # and address go with it (the audit log keeps that it happened).
        Invitation.objects.exclude(pk__in=Invitation.objects.usable()).delete()
        if deleted:
            erasure.let_go_of_deleted_rows()
        self.stdout.write(f"Deleted {deleted} closed cases, closed more than {days} days ago.")
        self.stdout.write(
            f"{inactive} open cases have had nothing recorded for {inactive_days} days or more: "
            "they are flagged for review on the caseload, not deleted."
        )

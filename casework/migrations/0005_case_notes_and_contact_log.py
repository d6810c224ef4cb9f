"""Notes become a log: dated, authored, append-only entries. A case's old single notes field
becomes its first entry (a case note, dated the day the case was opened, by whoever opened it),
then the field goes."""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import casework.encryption


def move_notes_to_entries(apps, schema_editor):
    from django.utils import timezone

    Case = apps.get_model("casework", "Case")
    CaseNote = apps.get_model("casework", "CaseNote")
    for case in Case.objects.select_related("created_by").iterator():
        if not case.notes:
            continue
        author = case.created_by
        CaseNote.objects.create(
            case=case,
            kind="note",
            happened_on=timezone.localdate(case.created_at),
            written_at=case.created_at,
            author=author,
            author_name=(author.full_name or author.email) if author else "",
            text=case.notes,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0004_case_owners_restriction_and_handovers"),
    ]

    operations = [
        migrations.CreateModel(
            name="CaseNote",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("contact", "Contact with the client"), ("note", "Case note")],
                        max_length=10,
                    ),
                ),
                ("happened_on", models.DateField()),
                ("written_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("author_name", casework.encryption.EncryptedTextField(blank=True, default="")),
                ("method", casework.encryption.EncryptedTextField(blank=True, default="")),
                ("safe_to_talk", casework.encryption.EncryptedTextField(blank=True, default="")),
                ("text", casework.encryption.EncryptedTextField()),
                (
                    "author",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="note_entries",
                        to="casework.case",
                    ),
                ),
                (
                    "corrects",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="corrections",
                        to="casework.casenote",
                    ),
                ),
            ],
            options={
                "ordering": ["-happened_on", "-written_at"],
                "indexes": [
                    models.Index(
                        fields=["case", "kind", "happened_on"],
                        name="casework_ca_case_id_8c6878_idx",
                    )
                ],
            },
        ),
        migrations.RunPython(move_notes_to_entries, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="case",
            name="notes",
        ),
    ]

"""What the advocate workspace keeps: organisations, advocates, cases and screenings.

Anything about a client or the person harming them is an encrypted field
(``casework.encryption``). What stays in plain columns is only what the service needs
to find and order rows: ids, dates, open or closed, consent flags. The audit log holds
who did what to which case, never a value.
"""

import hashlib
import uuid

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from casework.encryption import EncryptedJSONField, EncryptedTextField
from screening.scoring import Level


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=150, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """An advocate (or an organisation admin, or a superuser), signing in by email."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="advocates",
        verbose_name=_("organisation"),
    )
    is_organisation_admin = models.BooleanField(_("organisation admin"), default=False)
    is_staff = models.BooleanField(_("can use the site admin"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(default=timezone.now)
    # Raised to end every session this person has (see end_every_session).
    session_generation = models.PositiveIntegerField(default=0)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]

    def __str__(self):
        return self.full_name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        return self.full_name

    def _get_session_auth_hash(self, secret=None):
        """Django's session check, with ``session_generation`` in it: raising it ends every
        session this person has, on every server, at their next request. At 0 it is exactly
        Django's own hash, so nobody is signed out when this was introduced."""
        if not self.session_generation:
            return super()._get_session_auth_hash(secret=secret)
        return salted_hmac(
            "casework.User.session_auth_hash",
            f"{self.password}\n{self.session_generation}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    def end_every_session(self) -> None:
        """Sign this person out everywhere (saved at once)."""
        self.session_generation += 1
        User.objects.filter(pk=self.pk).update(session_generation=self.session_generation)

    def get_short_name(self):
        return self.full_name


class Case(models.Model):
    """One client's case, kept by their organisation."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="cases")
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # The advocate responsible for the case. Cases are handed over (``Handover``), never left
    # without one while their advocate's account exists.
    owner = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="owned_cases"
    )
    # Seen only by the owner and the organisation's managers (a client who works with
    # colleagues, or a case close to home): everyone else gets a 404.
    is_restricted = models.BooleanField(default=False)
    # The last change to the case or anything in it; retention counts from here.
    touched_at = models.DateTimeField(default=timezone.now, db_index=True)
    is_open = models.BooleanField(default=True)
    # When the case was closed; the retention period runs from here. None while open.
    closed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # When the case is next due a review: CASE_REVIEW_DAYS after its latest completed screening.
    review_due_on = models.DateField(null=True, blank=True, db_index=True)

    client_reference = EncryptedTextField()
    client_name = EncryptedTextField(blank=True, default="")
    stalker_name = EncryptedTextField()
    stalker_date_of_birth = EncryptedTextField(blank=True, default="")  # ISO 8601, or ""
    relationship = EncryptedTextField(blank=True, default="")  # questions' relationship codes
    police_reference = EncryptedTextField(blank=True, default="")
    # Consent, as recorded with the client: None means not asked yet.
    consent_to_share = models.BooleanField(null=True)
    consent_to_refer = models.BooleanField(null=True)
    consent_recorded_on = models.DateField(null=True, blank=True)
    safe_contact = EncryptedJSONField()

    class Meta:
        ordering = ["-touched_at"]

    def __str__(self):
        # Never a value from the case: this can end up in logs and admin messages.
        return f"Case {self.pk}"

    def touch(self):
        self.touched_at = timezone.now()
        Case.objects.filter(pk=self.pk).update(touched_at=self.touched_at)


class Screening(models.Model):
    """One run of the checklist with a client: answered page by page, then completed.

    While it is in progress ``answers`` grows as the advocate goes. Completing it keeps a
    snapshot (``result``: what the rules found that day, with the bank and rules versions, and
    who completed it and when). From then on nothing changes it and nothing scores it again:
    pages and PDFs read the snapshot. Professional judgement is kept beside it, as entries.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="screenings")
    conducted_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    started_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The name of whoever completed it, as it was then: the snapshot outlives their account.
    completed_by_name = EncryptedTextField(blank=True, default="")
    answers = EncryptedJSONField()
    # scoring.to_primitives(result) once completed; None while in progress.
    result = EncryptedJSONField(null=True, default=None)
    bank_version = models.CharField(max_length=20)
    rules_version = models.CharField(max_length=20, blank=True)
    # The level the rules gave, set at completion (also in ``result``), so the case list can
    # show it without reading the whole snapshot.
    level = EncryptedTextField(blank=True, default="")

    class Meta:
        ordering = ["started_at"]

    def __str__(self):
        return f"Screening {self.pk}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


class JudgementEntry(models.Model):
    """One raise of a screening's level on professional judgement, by whom, when and why.

    Entries are never changed: a raise made in error is withdrawn (who and when kept), and a
    later raise is a new entry. The level to act on is the highest of the checklist's own level
    and every raise not withdrawn (``screening.judgement.final_level``).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    screening = models.ForeignKey(Screening, on_delete=models.CASCADE, related_name="judgements")
    level = EncryptedTextField()
    reason = EncryptedTextField()
    made_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    made_by_name = EncryptedTextField(blank=True, default="")
    made_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawn_by_name = EncryptedTextField(blank=True, default="")

    class Meta:
        ordering = ["made_at"]

    def __str__(self):
        return f"Judgement {self.pk}"

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def level_label(self) -> str:
        return gettext(Level(self.level).label)


class CaseIncident(models.Model):
    """One entry in a case's incident log; the entry itself is one encrypted document."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="incidents")
    # The entry's own random id (screening.incidents.new_id), so a resubmitted form
    # finds the entry it already made. It says nothing about the incident.
    entry_id = models.CharField(max_length=32)
    entry = EncryptedJSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "entry_id"], name="one_entry_per_id")
        ]

    def __str__(self):
        return f"Incident {self.pk}"


class Task(models.Model):
    """Something to do on a case, by a date, by someone in the organisation."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    title = EncryptedTextField()
    due_on = models.DateField(null=True, blank=True)
    assignee = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="tasks")
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["completed_at", "due_on", "created_at"]

    def __str__(self):
        return f"Task {self.pk}"

    @property
    def is_done(self) -> bool:
        return self.completed_at is not None

    @property
    def is_overdue(self) -> bool:
        return not self.is_done and self.due_on is not None and self.due_on < timezone.localdate()


class CaseRecord(models.Model):
    """Something kept on a case beside the screenings: a crime reference, bail conditions, an
    order, a court date, a person doing it, a referral. Declared once each in
    ``casework.case_records``; changed only through ``services.save_record``."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="%(class)ss")
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_by_name = EncryptedTextField(blank=True, default="")
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["recorded_at"]

    def __str__(self):
        return f"{self.__class__.__name__} {self.pk}"


class CrimeReference(CaseRecord):
    reference = EncryptedTextField()
    force = EncryptedTextField(blank=True, default="")
    officer = EncryptedTextField(blank=True, default="")
    officer_contact = EncryptedTextField(blank=True, default="")


class BailCondition(CaseRecord):
    conditions = EncryptedTextField()
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)


class ProtectiveOrder(CaseRecord):
    """An order protecting the client. The kind, and the dates, are plain columns: the caseload
    flags orders about to expire and managers' reports count orders by kind."""

    class Kind(models.TextChoices):
        SPO = "spo", _("Stalking Protection Order")
        RESTRAINING = "restraining", _("Restraining order")
        NON_MOLESTATION = "non_molestation", _("Non-molestation order")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    made_on = models.DateField()
    expires_on = models.DateField(null=True, blank=True, db_index=True)
    details = EncryptedTextField(blank=True, default="")


class CourtDate(CaseRecord):
    on = models.DateField()
    court = EncryptedTextField(blank=True, default="")
    purpose = EncryptedTextField(blank=True, default="")

    class Meta(CaseRecord.Meta):
        ordering = ["on"]


class Perpetrator(CaseRecord):
    """A person doing the stalking (a case can have more than one), with what identifies them."""

    name = EncryptedTextField()
    description = EncryptedTextField(blank=True, default="")
    vehicles = EncryptedTextField(blank=True, default="")
    phone_numbers = EncryptedTextField(blank=True, default="")
    online_accounts = EncryptedTextField(blank=True, default="")
    addresses = EncryptedTextField(blank=True, default="")


class Referral(CaseRecord):
    """A referral on: where to, with the client's consent (when, and who recorded it), when it
    was sent, to whom, where it stands and what came of it. Route and status are plain columns:
    managers' reports count them; the recipient and the outcome are encrypted."""

    class Route(models.TextChoices):
        POLICE = "police", _("Police")
        PALADIN = "paladin", _("Paladin National Stalking Advocacy Service")
        HELPLINE = "helpline", _("National Stalking Helpline")
        LOCAL = "local", _("Local stalking service")
        MARAC = "marac", _("MARAC")

    class Consent(models.TextChoices):
        YES = "yes", _("Yes, the client agreed")
        NO = "no", _("No, the client did not agree")
        NOT_ASKED = "not_asked", _("Not asked yet")

    class Status(models.TextChoices):
        NOT_SENT = "not_sent", _("Not sent yet")
        SENT = "sent", _("Sent, waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        CLOSED = "closed", _("Closed")

    route = models.CharField(max_length=20, choices=Route.choices)
    consent = models.CharField(max_length=20, choices=Consent.choices, default="not_asked")
    consent_on = models.DateField(null=True, blank=True)
    consent_recorded_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    consent_recorded_by_name = EncryptedTextField(blank=True, default="")
    sent_on = models.DateField(null=True, blank=True)
    recipient = EncryptedTextField(blank=True, default="")
    status = models.CharField(max_length=20, choices=Status.choices, default="not_sent")
    outcome = EncryptedTextField(blank=True, default="")


class SafetyPlan(models.Model):
    """One dated version of a case's safety plan. Versions are never changed: reviewing the plan
    (with each screening, or whenever things change) keeps a new version, linked to the
    screening it was reviewed with. ``sections`` maps each section (``SAFETY_PLAN_SECTIONS`` in
    ``casework.forms``) to its text, encrypted as one document."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="safety_plans")
    screening = models.ForeignKey(
        Screening, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    made_at = models.DateTimeField(default=timezone.now)
    made_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    made_by_name = EncryptedTextField(blank=True, default="")
    sections = EncryptedJSONField()

    class Meta:
        ordering = ["-made_at"]

    def __str__(self):
        return f"Safety plan {self.pk}"


class Handover(models.Model):
    """A case passed from one advocate to another, with the note that went with it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="handovers")
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    from_owner = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    to_owner = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    # Names as they were then: the record outlives the accounts.
    by_name = EncryptedTextField(blank=True, default="")
    from_name = EncryptedTextField(blank=True, default="")
    to_name = EncryptedTextField(blank=True, default="")
    note = EncryptedTextField()

    class Meta:
        ordering = ["at"]

    def __str__(self):
        return f"Handover {self.pk}"


class CaseNote(models.Model):
    """One entry in a case's notes and contact log. Entries are never changed or deleted (they
    can be disclosed in court): a mistake is put right by a new entry that names the entry it
    corrects (``corrects``)."""

    class Kind(models.TextChoices):
        CONTACT = "contact", _("Contact with the client")
        NOTE = "note", _("Case note")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="note_entries")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    # The day of the contact or of what the note records; plain, so the caseload can show the
    # last contact without decrypting.
    happened_on = models.DateField()
    written_at = models.DateTimeField(default=timezone.now)
    author = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    author_name = EncryptedTextField(blank=True, default="")
    # For a contact: how (casework.forms.CONTACT_METHODS) and whether it was safe to talk
    # (yes / no / not_asked); "" for a note.
    method = EncryptedTextField(blank=True, default="")
    safe_to_talk = EncryptedTextField(blank=True, default="")
    text = EncryptedTextField()
    corrects = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="corrections"
    )

    class Meta:
        ordering = ["-happened_on", "-written_at"]
        indexes = [models.Index(fields=["case", "kind", "happened_on"])]

    def __str__(self):
        return f"Note {self.pk}"


class AuditEvent(models.Model):
    """Who did what to which case, and when. Never a value from the case.

    ``case_id`` is a plain id, not a foreign key, so the record of who viewed or
    erased a case outlives the case.
    """

    class Action(models.TextChoices):
        VIEWED = "viewed", _("Viewed")
        CREATED = "created", _("Created")
        CHANGED = "changed", _("Changed")
        EXPORTED = "exported", _("Exported")
        ERASED = "erased", _("Erased")
        EXPIRED = "expired", _("Deleted after the retention period")
        # Accounts: no case; ``advocate_id`` says which account an admin acted on.
        INVITED = "invited", _("Invited an advocate")
        JOINED = "joined", _("Joined from an invitation")
        DEACTIVATED = "deactivated", _("Stopped access")
        REACTIVATED = "reactivated", _("Restored access")
        TWO_FACTOR_RESET = "two_factor_reset", _("Reset the authenticator app")
        PASSWORD_CHANGED = "password_changed", _("Changed their password")
        SIGNED_IN = "signed_in", _("Signed in")
        SIGN_IN_FAILED = "sign_in_failed", _("Failed to sign in")
        LOCKED_OUT = "locked_out", _("Locked out after too many attempts")
        SIGNED_OUT = "signed_out", _("Signed out")

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    actor_email = models.CharField(max_length=254, blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, related_name="audit_events"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    case_id = models.UUIDField(null=True, db_index=True)
    # The advocate account an admin acted on, by id (a plain id, like case_id).
    advocate_id = models.BigIntegerField(null=True, blank=True)
    # What part of the case: "case", "details", "screening", "incident log", "pdf", ...
    # or of an account: "sign-in", "two-factor", "invitation", "account".
    subject = models.CharField(max_length=40)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_email or '-'} {self.action} {self.case_id}"


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(
            used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )

    def for_token(self, token: str):
        """The usable invitation for a link's token, or None."""
        if not token or len(token) > 100:
            return None
        return self.usable().filter(token_digest=_token_digest(token)).first()


class Invitation(models.Model):
    """An organisation admin's invitation for a new advocate to join.

    The link holds a random token; only its SHA-256 digest is stored, so the table cannot be
    used to join. The account is made when the invitation is used, with a password only its
    owner has chosen; until then the admin sees the invitation, never a password. Used once,
    and only until ``expires_at``.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    full_name = models.CharField(max_length=150)
    is_organisation_admin = models.BooleanField(default=False)
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    token_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Invitation {self.pk}"

    @staticmethod
    def digest(token: str) -> str:
        return _token_digest(token)


class SubmissionToken(models.Model):
    """A form's one-time token: a second submission of the same form finds it and
    goes where the first one went, so double submission makes one record."""

    token = models.CharField(max_length=64, primary_key=True)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    redirect_to = models.CharField(max_length=300)

    def __str__(self):
        return f"Submission {self.created_at:%Y-%m-%d %H:%M}"

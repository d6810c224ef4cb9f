"""Admin actions on advocates' accounts and every sign-in, failure, lockout and sign-out are
in the audit log, with no case: actor, organisation, action, time, subject and, for an
admin's action, which advocate's account by id. Never a password, a code or an address typed."""

from django.conf import settings
from django.forms.models import model_to_dict

from casework.models import AuditEvent
from tests.casework.conftest import signed_in
from tests.casework.records import current_code, sign_in_with_password, url
from tests.casework.test_invitations import NEW_PASSWORD, invite, join

Action = AuditEvent.Action


def events(**lookup):
    return list(
        AuditEvent.objects.filter(**lookup).order_by("at", "pk").values_list("action", flat=True)
    )


def test_an_admin_stopping_restoring_and_resetting_an_advocate_is_recorded(
    client, admin_advocate, advocate
):
    signed_in(client, admin_advocate)
    client.post(url("set-active", user_id=advocate.pk), {"active": "no"})
    client.post(url("set-active", user_id=advocate.pk), {"active": "yes"})
    client.post(url("reset-two-factor", user_id=advocate.pk))
    assert events(advocate_id=advocate.pk) == [
        Action.DEACTIVATED,
        Action.REACTIVATED,
        Action.TWO_FACTOR_RESET,
    ]
    for event in AuditEvent.objects.filter(advocate_id=advocate.pk):
        assert event.actor == admin_advocate
        assert event.organisation == admin_advocate.organisation
        assert event.case_id is None


def test_inviting_and_joining_are_recorded(client, admin_advocate):
    link, _ = invite(client, admin_advocate)
    join(client, link)
    invited = AuditEvent.objects.get(action=Action.INVITED)
    assert invited.actor == admin_advocate
    joined = AuditEvent.objects.get(action=Action.JOINED)
    assert joined.actor.email == "pat@north.example"
    assert joined.advocate_id == joined.actor.pk
    assert joined.organisation == admin_advocate.organisation


def test_signing_in_failing_and_signing_out_are_recorded(client, advocate):
    sign_in_with_password(client, advocate.email, "not-the-password")
    sign_in_with_password(client, advocate.email)
    client.post(url("two-factor"), {"code": current_code(advocate.totpdevice_set.get())})
    client.post(url("sign-out"))
    assert events(organisation=advocate.organisation) == [
        Action.SIGN_IN_FAILED,
        Action.SIGNED_IN,
        Action.SIGNED_OUT,
    ]
    # Whoever failed is not known: the event names the account tried, not an actor.
    failed = AuditEvent.objects.get(action=Action.SIGN_IN_FAILED)
    assert (failed.actor, failed.advocate_id) == (None, advocate.pk)
    signed = AuditEvent.objects.exclude(action=Action.SIGN_IN_FAILED)
    assert set(signed.values_list("actor", flat=True)) == {advocate.pk}
    assert set(AuditEvent.objects.values_list("subject", flat=True)) == {"sign-in", "two-factor"}


def test_a_wrong_two_factor_code_is_recorded(client, advocate):
    sign_in_with_password(client, advocate.email)
    client.post(url("two-factor"), {"code": "000000"})
    event = AuditEvent.objects.get()
    assert (event.action, event.subject, event.actor, event.advocate_id) == (
        Action.SIGN_IN_FAILED,
        "two-factor",
        None,
        advocate.pk,
    )
    assert event.organisation == advocate.organisation


def test_a_lockout_is_recorded(client, advocate):
    for _ in range(settings.SIGN_IN_ATTEMPTS + 1):
        sign_in_with_password(client, advocate.email, "not-the-password")
    assert Action.LOCKED_OUT in events(organisation=advocate.organisation)


def test_a_failed_sign_in_for_no_account_keeps_nothing_typed(client, db):
    sign_in_with_password(client, "nobody@north.example", "typed-secret")
    (event,) = AuditEvent.objects.all()
    assert event.action == Action.SIGN_IN_FAILED
    assert event.organisation is None
    stored = repr(model_to_dict(event))
    assert "nobody" not in stored
    assert "typed-secret" not in stored


def test_no_event_holds_a_password_or_code(client, admin_advocate):
    link, _ = invite(client, admin_advocate)
    join(client, link)
    for event in AuditEvent.objects.all():
        assert NEW_PASSWORD not in repr(model_to_dict(event))


def test_the_audit_log_page_shows_account_events_naming_the_advocate(
    client, admin_advocate, advocate
):
    signed_in(client, admin_advocate)
    client.post(url("set-active", user_id=advocate.pk), {"active": "no"})
    page = client.get(url("audit-log")).content.decode()
    assert "Stopped access" in page
    assert f"Advocate: {advocate.full_name}" in page


def test_the_audit_log_page_does_not_name_whoever_failed_to_sign_in(
    client, admin_advocate, advocate
):
    sign_in_with_password(client, advocate.email, "not-the-password")
    signed_in(client, admin_advocate)
    page = client.get(url("audit-log")).content.decode()
    assert "Someone not signed in" in page
    assert "Failed to sign in" in page

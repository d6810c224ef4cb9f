"""A form sent twice (a double click, a resend) makes one record (docs/safety.md C27)."""

from casework import once
from casework.models import AuditEvent, Case, Screening
from tests.casework.conftest import signed_in
from tests.casework.records import case_data, screening_answers, started_screening, url


def test_the_new_case_form_sent_twice_makes_one_case(advocate_client):
    token = advocate_client.get(url("new-case")).context["token"]
    data = {**case_data(), "submission_token": token}
    first = advocate_client.post(url("new-case"), data)
    second = advocate_client.post(url("new-case"), data)
    case = Case.objects.get()
    assert first.status_code == second.status_code == 302
    assert first.url == second.url == url("case", case_id=case.pk)
    assert AuditEvent.objects.filter(action="created").count() == 1


def test_each_new_case_form_makes_its_own_case(advocate_client):
    for _ in range(2):
        token = advocate_client.get(url("new-case")).context["token"]
        advocate_client.post(url("new-case"), {**case_data(), "submission_token": token})
    assert Case.objects.count() == 2


def test_an_invalid_form_keeps_its_token_for_the_corrected_one(advocate_client):
    token = advocate_client.get(url("new-case")).context["token"]
    wrong = advocate_client.post(
        url("new-case"), {**case_data(client_reference=""), "submission_token": token}
    )
    assert wrong.status_code == 422
    assert wrong.context["token"] == token
    right = advocate_client.post(url("new-case"), {**case_data(), "submission_token": token})
    again = advocate_client.post(url("new-case"), {**case_data(), "submission_token": token})
    assert right.url == again.url
    assert Case.objects.count() == 1


def test_a_token_someone_else_used_does_not_break_the_form(client, advocate, admin_advocate):
    signed_in(client, advocate)
    token = client.get(url("new-case")).context["token"]
    client.post(url("new-case"), {**case_data(), "submission_token": token})
    signed_in(client, admin_advocate)
    response = client.post(url("new-case"), {**case_data(), "submission_token": token})
    assert response.status_code == 302
    assert Case.objects.count() == 2
    assert response.url == url("case", case_id=Case.objects.get(created_by=admin_advocate).pk)


def test_an_overlong_token_does_not_break_the_form(advocate_client):
    response = advocate_client.post(url("new-case"), {**case_data(), "submission_token": "x" * 500})
    assert response.status_code == 302
    assert Case.objects.count() == 1


def test_starting_a_screening_twice_makes_one_screening(advocate_client, case):
    start = url("start-screening", case_id=case.pk)
    token = advocate_client.get(start).context["token"]
    first = advocate_client.post(start, {"submission_token": token, "mode": "quick"})
    second = advocate_client.post(start, {"submission_token": token, "mode": "quick"})
    screening = Screening.objects.get()
    assert first.url == second.url
    assert first.url == url("screening-quick", case_id=case.pk, screening_id=screening.pk)


def test_completing_a_screening_twice_is_harmless(advocate_client, case, advocate):
    screening = started_screening(case, advocate)
    screening.answers = screening_answers(yes=(3,))
    screening.save()
    check = url("screening-check", case_id=case.pk, screening_id=screening.pk)
    first = advocate_client.post(check)
    screening.refresh_from_db()
    completed = screening.completed_at
    second = advocate_client.post(check)
    screening.refresh_from_db()
    assert first.url == second.url == url("screening", case_id=case.pk, screening_id=screening.pk)
    assert screening.completed_at == completed
    assert screening.level == "present"
    assert AuditEvent.objects.filter(subject="screening completed", action="changed").count() == 1


def overlapping(monkeypatch):
    """The second request looks before the first has finished: its first look finds nothing."""
    real = once.already_done
    calls = []

    def first_look_misses(user, token):
        calls.append(token)
        return None if len(calls) == 1 else real(user, token)

    monkeypatch.setattr(once, "already_done", first_look_misses)


def test_overlapping_new_case_submissions_make_one_case(advocate_client, monkeypatch):
    token = advocate_client.get(url("new-case")).context["token"]
    data = {**case_data(), "submission_token": token}
    first = advocate_client.post(url("new-case"), data)
    overlapping(monkeypatch)
    second = advocate_client.post(url("new-case"), data)
    assert Case.objects.count() == 1
    assert second.status_code == 302
    assert second.url == first.url


def test_overlapping_screening_starts_make_one_screening(advocate_client, case, monkeypatch):
    start = url("start-screening", case_id=case.pk)
    token = advocate_client.get(start).context["token"]
    first = advocate_client.post(start, {"submission_token": token})
    overlapping(monkeypatch)
    second = advocate_client.post(start, {"submission_token": token})
    assert Screening.objects.count() == 1
    assert second.status_code == 302
    assert second.url == first.url

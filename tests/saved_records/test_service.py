"""Keeping, opening, saving, changing and deleting a record, through the service functions."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection

from screening.saved_records import contents as kept_contents
from screening.saved_records import crypto, service
from screening.saved_records.models import KeptRecord
from screening.saved_records.service import NotOpened
from tests.saved_records.records import contents

pytestmark = pytest.mark.django_db

PASSPHRASE = "abacus abdomen abdominal abide abiding ability"
OTHER = "zebra zeppelin zero zestfully zesty zigzagged"


def keys(passphrase=PASSPHRASE):
    return crypto.derive(passphrase)


def test_a_kept_record_opens_with_its_passphrase_and_gives_back_everything():
    kept = contents()
    service.keep(keys=keys(), contents=kept)
    opened = service.open_record(keys=keys()).contents
    assert opened.answers == kept.answers
    assert opened.incidents == kept.incidents
    assert opened.police_details == kept.police_details


def test_the_row_holds_only_a_finder_ciphertext_and_two_dates():
    service.keep(keys=keys(), contents=contents())
    assert [field.name for field in KeptRecord._meta.get_fields()] == [
        "id",
        "finder",
        "ciphertext",
        "created_on",
        "expires_on",
    ]
    row = KeptRecord.objects.get()
    assert bytes(row.finder) == keys().finder
    assert b"Waited outside" not in bytes(row.ciphertext)


def test_a_wrong_passphrase_opens_nothing():
    service.keep(keys=keys(), contents=contents())
    with pytest.raises(NotOpened):
        service.open_record(keys=keys(OTHER))


def test_a_tampered_row_opens_nothing_and_is_never_half_restored():
    service.keep(keys=keys(), contents=contents())
    row = KeptRecord.objects.get()
    spoilt = bytearray(bytes(row.ciphertext))
    spoilt[40] ^= 1
    KeptRecord.objects.filter(pk=row.pk).update(ciphertext=bytes(spoilt))
    with pytest.raises(NotOpened):
        service.open_record(keys=keys())


def test_a_truncated_row_opens_nothing():
    service.keep(keys=keys(), contents=contents())
    row = KeptRecord.objects.get()
    KeptRecord.objects.filter(pk=row.pk).update(ciphertext=bytes(row.ciphertext)[:-30])
    with pytest.raises(NotOpened):
        service.open_record(keys=keys())


def test_contents_that_open_but_are_not_a_record_open_nothing():
    KeptRecord.objects.create(
        finder=keys().finder,
        ciphertext=crypto.seal(keys(), b'{"format": 1, "answers": []}'),
        created_on=service.today(),
        expires_on=service.expiry(service.today()),
    )
    with pytest.raises(NotOpened):
        service.open_record(keys=keys())


def test_each_opening_is_remembered_inside_the_record_newest_first(monkeypatch):
    service.keep(keys=keys(), contents=contents())
    times = [dt.datetime(2026, 11, day, 9, 30, tzinfo=dt.UTC) for day in range(1, 8)]
    for when in times:
        monkeypatch.setattr(service.timezone, "now", lambda when=when: when)
        opened = service.open_record(keys=keys()).contents
    assert opened.openings() == list(reversed(times))[: kept_contents.HISTORY_LENGTH]
    assert b"2026-11" not in bytes(KeptRecord.objects.get().ciphertext)


def test_opening_moves_the_expiry_on(settings):
    settings.SAVED_RECORD_DAYS = 90
    service.keep(keys=keys(), contents=contents())
    KeptRecord.objects.update(expires_on=service.today() + dt.timedelta(days=3))
    assert service.open_record(keys=keys()).expires_on == service.today() + dt.timedelta(days=90)
    assert KeptRecord.objects.get().expires_on == service.today() + dt.timedelta(days=90)


def test_a_record_past_its_date_does_not_open_even_before_it_is_deleted():
    service.keep(keys=keys(), contents=contents())
    KeptRecord.objects.update(expires_on=service.today() - dt.timedelta(days=1))
    with pytest.raises(NotOpened):
        service.open_record(keys=keys())


def test_the_scheduled_command_deletes_only_records_past_their_date():
    service.keep(keys=keys(), contents=contents())
    service.keep(keys=keys(OTHER), contents=contents())
    KeptRecord.objects.filter(finder=keys(OTHER).finder).update(
        expires_on=service.today() - dt.timedelta(days=1)
    )
    call_command("delete_unopened_records")
    assert service.open_record(keys=keys())
    assert KeptRecord.objects.count() == 1


def test_saving_replaces_the_contents():
    service.keep(keys=keys(), contents=contents())
    service.save(keys=keys(), contents=contents(what_happened="Sent flowers to work"))
    opened = service.open_record(keys=keys()).contents
    assert opened.incidents[-1]["what_happened"] == "Sent flowers to work"


def test_saving_a_record_deleted_elsewhere_does_not_bring_it_back():
    service.keep(keys=keys(), contents=contents())
    service.delete(keys=keys())
    assert service.save(keys=keys(), contents=contents()) is None
    assert not KeptRecord.objects.exists()


def test_a_deleted_record_is_gone_at_once():
    service.keep(keys=keys(), contents=contents())
    service.delete(keys=keys())
    assert not KeptRecord.objects.exists()
    with pytest.raises(NotOpened):
        service.open_record(keys=keys())


def test_after_a_change_of_passphrase_only_the_new_one_opens_it():
    service.keep(keys=keys(), contents=contents())
    service.change_passphrase(old=keys(), new=keys(OTHER), contents=contents())
    with pytest.raises(NotOpened):
        service.open_record(keys=keys())
    assert service.open_record(keys=keys(OTHER)).contents.answers == contents().answers
    assert KeptRecord.objects.count() == 1


def test_an_advocate_reading_the_record_leaves_the_row_exactly_as_it_was():
    service.keep(keys=keys(), contents=contents())
    before = KeptRecord.objects.values().get()
    assert service.read_record(keys=keys()).answers == contents().answers
    assert KeptRecord.objects.values().get() == before


def test_a_record_too_large_is_refused_before_it_is_sealed():
    huge = contents(what_happened="x" * (kept_contents.MAX_BYTES + 1))
    with pytest.raises(kept_contents.TooLarge):
        service.keep(keys=keys(), contents=huge)
    with pytest.raises(kept_contents.Unreadable):
        kept_contents.from_bytes(b" " * (kept_contents.MAX_BYTES + 1))


def test_the_fullest_possible_record_fits():
    from screening import incidents
    from screening.incidents.session_log import MAX_ENTRIES

    longest = {name: "ü" * limit for name, limit in incidents.TEXT_LIMITS.items()}
    entry = {**contents().incidents[0], **longest}
    fullest = contents(incidents=[entry] * MAX_ENTRIES)
    assert len(kept_contents.to_bytes(fullest)) < kept_contents.MAX_BYTES


def test_the_table_is_named_for_nothing_in_particular():
    assert KeptRecord._meta.db_table in connection.introspection.table_names()
    assert "stalk" not in KeptRecord._meta.db_table

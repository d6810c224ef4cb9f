"""Passphrases, keys and sealing: what holds the kept record shut."""

import math

import pytest

from screening.saved_records import crypto, passphrases
from screening.saved_records.crypto import CannotOpen


def test_a_passphrase_is_six_words_from_the_published_list():
    made = passphrases.new_passphrase().split(" ")
    assert len(made) == 6
    assert set(made) <= set(passphrases.words())
    assert len(passphrases.words()) == 7776


def test_a_passphrase_carries_at_least_70_bits():
    assert passphrases.bits() >= 70
    assert passphrases.bits() == pytest.approx(6 * math.log2(7776))


def test_each_passphrase_is_new():
    assert len({passphrases.new_passphrase() for _ in range(50)}) == 50


def test_what_someone_types_is_read_as_the_words_they_were_given():
    assert passphrases.normalise("  Abacus  ZEBRA, yo-yo.\tglue  ") == "abacus zebra yo-yo glue"


def test_the_finder_and_the_key_are_different_halves_of_one_derivation():
    keys = crypto.derive("abacus abdomen abdominal abide abiding ability")
    assert len(keys.finder) == len(keys.key) == 32
    assert keys.finder != keys.key
    assert crypto.derive("abacus abdomen abdominal abide abiding ability") == keys
    assert crypto.derive("abacus abdomen abdominal abide abiding ablaze") != keys


def test_keys_never_show_themselves():
    keys = crypto.derive("abacus abdomen abdominal abide abiding ability")
    assert keys.key.hex() not in repr(keys) and keys.finder.hex() not in repr(keys)


def test_sealed_contents_open_only_with_their_own_keys():
    keys = crypto.derive("abacus abdomen abdominal abide abiding ability")
    other = crypto.derive("abacus abdomen abdominal abide abiding ablaze")
    sealed = crypto.seal(keys, b"the diary")
    assert b"the diary" not in sealed
    assert crypto.unseal(keys, sealed) == b"the diary"
    with pytest.raises(CannotOpen):
        crypto.unseal(other, sealed)


@pytest.mark.parametrize(
    "spoil",
    [
        lambda sealed: sealed[:-1],
        lambda sealed: sealed[:20],
        lambda sealed: b"",
        lambda sealed: sealed[:-1] + bytes([sealed[-1] ^ 1]),
        lambda sealed: sealed[:15] + bytes([sealed[15] ^ 1]) + sealed[16:],
        lambda sealed: b"\x02" + sealed[1:],
    ],
    ids=["one byte short", "cut short", "empty", "tag changed", "body changed", "version"],
)
def test_tampered_or_truncated_contents_do_not_open(spoil):
    keys = crypto.derive("abacus abdomen abdominal abide abiding ability")
    with pytest.raises(CannotOpen):
        crypto.unseal(keys, spoil(crypto.seal(keys, b"the diary")))


def test_contents_sealed_for_one_finder_do_not_open_under_another():
    keys = crypto.derive("abacus abdomen abdominal abide abiding ability")
    moved = crypto.Keys(finder=bytes(32), key=keys.key)
    with pytest.raises(CannotOpen):
        crypto.unseal(moved, crypto.seal(keys, b"the diary"))


def test_the_real_cost_is_the_documented_one():
    """64 MiB and 3 passes (RFC 9106), used by every derivation outside tests."""
    assert crypto.Cost(memory_kib=64 * 1024, iterations=3, lanes=1) == crypto.RFC_9106
    real = crypto.derive("abacus abdomen abdominal abide abiding ability", cost=crypto.RFC_9106)
    assert real != crypto.derive("abacus abdomen abdominal abide abiding ability")

import base64
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mesolog.store.keys import KeyFile, KeyFileError, RecoveryKey, WrongRecoveryKey, key_file_of


def test_a_recovery_key_reads_back_however_it_is_typed():
    key = RecoveryKey.new()
    text = str(key)
    assert len(key.groups) == 8 and all(len(g) == 4 for g in key.groups)
    assert RecoveryKey.parse(text) == key
    assert RecoveryKey.parse(text.lower().replace("-", " ")) == key
    # the digits mistaken for letters read as those letters
    assert RecoveryKey.parse(text.replace("O", "0").replace("I", "1").replace("B", "8")) == key


@given(st.binary(min_size=20, max_size=20))
@settings(max_examples=50)
def test_every_recovery_key_survives_being_written_out(secret):
    assert RecoveryKey.parse(str(RecoveryKey(secret))) == RecoveryKey(secret)


@pytest.mark.parametrize("typed", ["", "ABCD-EFGH", "ABCD" * 7 + "ABC9"])
def test_a_mistyped_recovery_key_says_why(typed):
    with pytest.raises(WrongRecoveryKey):
        RecoveryKey.parse(typed)


def test_a_slot_opens_with_its_password_only(tmp_path):
    recovery = RecoveryKey.new()
    keys = KeyFile.new(recovery)
    key = recovery.database_key()
    keys.set_slot("cmoreau", "correct horse battery", key)
    path = key_file_of(tmp_path / "clinic.sqlite")
    keys.write(path)
    again = KeyFile.read(path)
    assert again.unlock("CMoreau ", "correct horse battery") == key
    assert again.unlock("cmoreau", "correct horse batter") is None
    assert again.unlock("someone", "correct horse battery") is None
    # neither the login, the key nor the recovery key is written in clear
    text = path.read_text()
    assert "cmoreau" not in text and key.raw.hex() not in text
    assert "pending_recovery_key" not in json.loads(text)  # never in clear beside a slot
    assert base64.b64encode(recovery.secret).decode() not in text
    assert again.waiting_recovery_key(key) == recovery  # until an administrator copied it
    assert again.waiting_recovery_key(RecoveryKey.new().database_key()) is None
    again.forget_recovery_key()
    again.remove_slot("cmoreau")
    again.write(path)
    assert KeyFile.read(path).unlock("cmoreau", "correct horse battery") is None
    assert not KeyFile.read(path).has_waiting_recovery_key()


def test_a_new_database_keeps_its_recovery_key_in_clear_until_it_has_a_slot(tmp_path):
    recovery = RecoveryKey.new()
    path = key_file_of(tmp_path / "clinic.sqlite")
    KeyFile.new(recovery).write(path)
    assert KeyFile.read(path).pending_recovery_key == recovery  # nobody to lock it for


def test_a_slot_moved_to_another_login_does_not_open(tmp_path):
    recovery = RecoveryKey.new()
    keys = KeyFile.new(recovery)
    keys.set_slot("alice", "the same password", recovery.database_key())
    keys.slots[keys.slot_name("bob")] = keys.slots[keys.slot_name("alice")]
    assert keys.unlock("bob", "the same password") is None


def test_the_recovery_key_of_another_clinic_is_refused():
    keys = KeyFile.new(RecoveryKey.new())
    with pytest.raises(WrongRecoveryKey):
        keys.key_from_recovery(RecoveryKey.new())


@pytest.mark.parametrize("text", ["", "{", '{"format": "other", "version": 1}',
                                  '{"format": "mesolog-keys", "version": 1}'])
def test_a_damaged_key_file_says_so(tmp_path, text):
    path = tmp_path / "clinic.sqlite.keys"
    path.write_text(text)
    with pytest.raises(KeyFileError, match=r"recovery key|not a Mesolog key file"):
        KeyFile.read(path)


def test_a_missing_key_file_names_the_way_out(tmp_path):
    with pytest.raises(KeyFileError, match=r"missing.*mesolog recover"):
        KeyFile.read(tmp_path / "clinic.sqlite.keys")


def test_keys_are_never_printed():
    recovery = RecoveryKey.new()
    assert recovery.secret.hex() not in repr(recovery)
    assert recovery.database_key().raw.hex() not in repr(recovery.database_key())

"""The clinic's database key, and the key file beside the database that holds it
locked once per account.

One random recovery key per clinic (160 bits, shown once to the first administrator)
is the root: the database key is derived from it (HKDF-SHA256), and the key for the
photos from the database key. Each account's *slot* holds the database key encrypted
(AES-256-GCM) with a key derived from that account's password (Argon2id, a salt of its
own), so a login unlocks the records and a wrong password unlocks nothing.

Why a key file beside the database and not a header inside it: SQLCipher encrypts
every page, the first one too, so the file has no room of its own that can be read
before the key is known; a small JSON file is read at the login without SQLCipher,
travels in every backup set, and a slot is replaced by writing a new file and renaming
it over the old one (never half-written). It holds nothing that opens the records
without a password: a copy of it and of the database together are as safe as the
weakest password in it. If it is lost, the recovery key alone opens the database
and makes it again (``mesolog recover``).

Until a new database has its first administrator it has nobody to be locked for: its
recovery key is kept in the key file in clear (``pending_recovery_key``). Once anyone
has a slot it is kept sealed with the database key instead (so only a login reads it,
and the service tells it to administrators only), until an administrator has been
shown it and confirmed copying it; then it is taken out.

Every write of the key file is made while the database's write lock is held (inside a
write transaction), so two processes never write it at once.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mesolog.domain.translation import _
from mesolog.store.private import new_file

KEY_FILE_SUFFIX = ".keys"
FORMAT = "mesolog-keys"
FORMAT_VERSION = 1

# One key derivation per login, the same as the password hash's (services/accounts.py
# says why these figures): Argon2id, 19 MiB, four passes, one lane.
ARGON2_TIME_COST = 4
ARGON2_MEMORY_KIB = 19 * 1024
ARGON2_LANES = 1

_RECOVERY_BYTES = 20  # 160 bits: 32 base32 characters, eight groups of four
_GROUP = 4
_NONCE_BYTES = 12
_SALT_BYTES = 16


class KeyFileError(Exception):
    """The key file is missing, damaged or not Mesolog's; the message says which."""


class WrongRecoveryKey(ValueError):
    """A recovery key that is mistyped or belongs to another clinic."""


def key_file_of(database: Path) -> Path:
    return database.with_name(database.name + KEY_FILE_SUFFIX)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _hkdf(secret: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"mesolog " + purpose).derive(secret)


def _as_copied(typed: str) -> str:
    """What a person typed for (part of) a recovery key, as its letters: spaces, dashes
    and case do not matter; 0, 1 and 8 are the letters they are mistaken for."""
    text = "".join(ch for ch in typed.upper() if ch.isalnum())
    return text.translate(str.maketrans("018", "OIB"))


@dataclass(frozen=True)
class RecoveryKey:
    """The clinic's root secret, as a person copies it: eight groups of four
    characters (A–Z, 2–7)."""

    secret: bytes

    @classmethod
    def new(cls) -> RecoveryKey:
        return cls(secrets.token_bytes(_RECOVERY_BYTES))

    @classmethod
    def parse(cls, typed: str) -> RecoveryKey:
        """From what a person typed: groups, spaces, dashes and case do not matter;
        0, 1 and 8 are read as the letters they are mistaken for."""
        text = _as_copied(typed)
        if len(text) != _RECOVERY_BYTES * 8 // 5:
            raise WrongRecoveryKey(_("A recovery key has {value} letters and digits; this has "
                                     "{value2}.").format(
                                       value=_RECOVERY_BYTES * 8 // 5, value2=len(text)))
        try:
            return cls(base64.b32decode(text))
        except ValueError:
            raise WrongRecoveryKey(_("That is not a recovery key: it holds letters other "
                                   "than A–Z and digits other than 2–7.")) from None

    @property
    def groups(self) -> list[str]:
        text = base64.b32encode(self.secret).decode("ascii")
        return [text[i:i + _GROUP] for i in range(0, len(text), _GROUP)]

    def __str__(self) -> str:
        return "-".join(self.groups)

    def group_matches(self, index: int, typed: str) -> bool:
        """Whether ``typed`` is group ``index`` (from 0), read as ``parse`` reads it."""
        return _as_copied(typed) == self.groups[index]

    def __repr__(self) -> str:  # never in a log or a traceback
        return "RecoveryKey(…)"

    def database_key(self) -> DatabaseKey:
        return DatabaseKey(_hkdf(self.secret, b"database key v1"))


@dataclass(frozen=True)
class DatabaseKey:
    """The 256-bit key SQLCipher encrypts the database with, given raw (no SQLCipher
    key derivation: the slots' Argon2id is the only slow step of a login)."""

    raw: bytes

    def __repr__(self) -> str:  # never in a log or a traceback
        return "DatabaseKey(…)"

    @property
    def pragma(self) -> str:
        return f"PRAGMA key = \"x'{self.raw.hex()}'\""

    def check_value(self) -> bytes:
        """What the key file keeps to tell this key from another, without the database."""
        return hmac.new(self.raw, b"mesolog key check", hashlib.sha256).digest()[:16]

    def photo_key(self) -> bytes:
        return _hkdf(self.raw, b"photos v1")


def password_key(password: str, salt: bytes) -> bytes:
    """The key a password gives, with a slot's salt."""
    return hash_secret_raw(password.encode("utf-8"), salt, time_cost=ARGON2_TIME_COST,
                           memory_cost=ARGON2_MEMORY_KIB, parallelism=ARGON2_LANES,
                           hash_len=32, type=Type.ID)


@dataclass
class KeyFile:
    """The key file's contents: the database key's check value, one slot per account,
    and the recovery key while no administrator has copied it yet."""

    check: bytes
    slot_salt: bytes  # names slots without writing logins in clear
    slots: dict[str, dict[str, str]] = field(default_factory=dict)
    pending_recovery_key: RecoveryKey | None = None  # known in clear (no slots yet)
    sealed_recovery_key: bytes | None = None  # as read, sealed with the database key

    @classmethod
    def new(cls, recovery: RecoveryKey) -> KeyFile:
        return cls(recovery.database_key().check_value(), secrets.token_bytes(_SALT_BYTES),
                   pending_recovery_key=recovery)

    # -- reading and writing -----------------------------------------------

    @classmethod
    def read(cls, path: Path) -> KeyFile:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise KeyFileError(_("the key file {name} is missing beside the database; open the "
                                 "database with its recovery key (mesolog recover)").format(
                                   name=path.name)) from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise KeyFileError(_("the key file {name} cannot be read ({e}); open the database with "
                                 "its recovery key (mesolog recover)").format(
                                   name=path.name, e=e)) from None
        try:
            if data["format"] != FORMAT or data["version"] != FORMAT_VERSION:
                raise KeyFileError(_("{name} is not a Mesolog key file this version knows").format(
                                       name=path.name))
            pending = data.get("pending_recovery_key")
            sealed = data.get("sealed_recovery_key")
            return cls(_unb64(data["check"]), _unb64(data["slot_salt"]),
                       {name: dict(slot) for name, slot in data["slots"].items()},
                       RecoveryKey(_unb64(pending)) if pending else None,
                       _unb64(sealed) if sealed else None)
        except (KeyError, TypeError, AttributeError, ValueError) as e:
            raise KeyFileError(_("the key file {name} is damaged ({e}); open the database with its "
                                 "recovery key (mesolog recover)").format(
                                   name=path.name, e=repr(e))) from None

    def to_json(self) -> str:
        data: dict[str, object] = {
            "format": FORMAT, "version": FORMAT_VERSION,
            "check": _b64(self.check), "slot_salt": _b64(self.slot_salt),
            "kdf": {"name": "argon2id", "time_cost": ARGON2_TIME_COST,
                    "memory_kib": ARGON2_MEMORY_KIB, "lanes": ARGON2_LANES},
            "slots": self.slots,
        }
        if self.pending_recovery_key is not None and not self.slots:
            data["pending_recovery_key"] = _b64(self.pending_recovery_key.secret)
        elif self.pending_recovery_key is not None:  # never in clear beside a slot
            data["sealed_recovery_key"] = _b64(_seal_recovery(self.pending_recovery_key))
        elif self.sealed_recovery_key is not None:
            data["sealed_recovery_key"] = _b64(self.sealed_recovery_key)
        return json.dumps(data, indent=1, sort_keys=True)

    def write(self, path: Path) -> None:
        """Replace the key file at ``path`` whole: a new file, flushed, renamed over it."""
        partial = path.with_name(f".{path.name}.part")
        new_file(partial)
        try:
            with partial.open("w", encoding="utf-8") as f:
                f.write(self.to_json())
                f.flush()
                os.fsync(f.fileno())
            partial.replace(path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        _sync_folder(path.parent)

    # -- keys ------------------------------------------------------------

    def is_key(self, key: DatabaseKey) -> bool:
        return hmac.compare_digest(key.check_value(), self.check)

    def key_from_recovery(self, recovery: RecoveryKey) -> DatabaseKey:
        key = recovery.database_key()
        if not self.is_key(key):
            raise WrongRecoveryKey(_("That recovery key does not open this database; check "
                                   "each group."))
        return key

    def has_waiting_recovery_key(self) -> bool:
        """Whether the recovery key is still kept here, not yet copied by anyone."""
        return self.pending_recovery_key is not None or self.sealed_recovery_key is not None

    def waiting_recovery_key(self, key: DatabaseKey) -> RecoveryKey | None:
        """The recovery key kept here until copied, unsealed with ``key``."""
        if self.pending_recovery_key is not None or self.sealed_recovery_key is None:
            return self.pending_recovery_key
        sealed = self.sealed_recovery_key
        try:
            secret = AESGCM(_hkdf(key.raw, b"waiting recovery key v1")).decrypt(
                sealed[:_NONCE_BYTES], sealed[_NONCE_BYTES:], None)
        except InvalidTag:
            return None
        recovery = RecoveryKey(secret)
        return recovery if self.is_key(recovery.database_key()) else None

    def forget_recovery_key(self) -> None:
        self.pending_recovery_key = self.sealed_recovery_key = None

    def slot_name(self, login: str) -> str:
        return hmac.new(self.slot_salt, login.strip().lower().encode("utf-8"),
                        hashlib.sha256).hexdigest()[:32]

    def has_slots(self) -> bool:
        return bool(self.slots)

    def has_slot(self, login: str) -> bool:
        return self.slot_name(login) in self.slots

    def unlock(self, login: str, password: str) -> DatabaseKey | None:
        """The database key, if ``password`` is ``login``'s; None otherwise. An unknown
        login costs the same work as a known one."""
        slot = self.slots.get(self.slot_name(login))
        if slot is None:
            password_key(password, self.slot_salt)  # the same work, and no answer
            return None
        try:
            raw = AESGCM(password_key(password, _unb64(slot["salt"]))).decrypt(
                _unb64(slot["nonce"]), _unb64(slot["wrapped"]), self._aad(login))
        except (InvalidTag, KeyError, ValueError):
            return None
        key = DatabaseKey(raw)
        return key if self.is_key(key) else None

    def set_slot(self, login: str, password: str, key: DatabaseKey) -> None:
        """Lock ``key`` for ``login`` with ``password`` (replacing their slot)."""
        if not self.is_key(key):
            raise ValueError(_("not this database's key"))
        salt, nonce = secrets.token_bytes(_SALT_BYTES), secrets.token_bytes(_NONCE_BYTES)
        wrapped = AESGCM(password_key(password, salt)).encrypt(nonce, key.raw,
                                                              self._aad(login))
        self.slots[self.slot_name(login)] = {"salt": _b64(salt), "nonce": _b64(nonce),
                                             "wrapped": _b64(wrapped)}

    def remove_slot(self, login: str) -> bool:
        return self.slots.pop(self.slot_name(login), None) is not None

    def _aad(self, login: str) -> bytes:
        # a slot copied under another login's name does not open
        return self.slot_name(login).encode("ascii")


def _seal_recovery(recovery: RecoveryKey) -> bytes:
    """The recovery key encrypted with the database key it gives (nonce first)."""
    nonce = secrets.token_bytes(_NONCE_BYTES)
    box = AESGCM(_hkdf(recovery.database_key().raw, b"waiting recovery key v1"))
    return nonce + box.encrypt(nonce, recovery.secret, None)


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no folder handles)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)

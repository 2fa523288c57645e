"""Files kept encrypted beside an encrypted database (its photos): AES-256-GCM with a
key derived from the database key, decrypted in memory only.

A sealed file is ``MAGIC``, a 12-byte nonce, then the ciphertext with its tag. The
tag is checked before a byte is handed out: a changed byte, a truncated file or a
file sealed for another clinic is refused whole.
"""

from __future__ import annotations

import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from mesolog.domain.translation import _

MAGIC = b"MESOLOG SEALED\x00\x01"
_NONCE_BYTES = 12
_AAD = b"mesolog sealed file v1"


class NotUnsealed(ValueError):
    """A sealed file that does not open with the key: changed, cut short or another's."""


def seal(data: bytes, key: bytes) -> bytes:
    nonce = secrets.token_bytes(_NONCE_BYTES)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, data, _AAD)


def is_sealed(data: bytes) -> bool:
    return data.startswith(MAGIC)


def unseal(data: bytes, key: bytes) -> bytes:
    body = data[len(MAGIC):]
    try:
        return AESGCM(key).decrypt(body[:_NONCE_BYTES], body[_NONCE_BYTES:], _AAD)
    except (InvalidTag, ValueError):
        raise NotUnsealed(_("the file is changed, cut short, or sealed for another "
                          "clinic")) from None

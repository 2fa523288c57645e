"""Photos and logos from outside: only whole pictures, never a link, never half a file."""

import os
import random
import signal
import struct
import subprocess
import sys
import time
import zlib
from datetime import date
from pathlib import Path

import pytest

from mesolog.domain.photo import PhotoView, file_sha256
from mesolog.domain.validation import ValidationError
from mesolog.services.clinic import Clinic
from mesolog.services.letterhead import LetterheadService
from tests.conftest import SETUP, details, fixed_clock, picture

# photo files beside the database; on a server a photo is a row of its transaction
# (test_outcomes.py)
pytestmark = pytest.mark.sqlite_only("photo files")

ATTACHER = Path(__file__).with_name("photo_attacher.py")


def png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header says ``width`` × ``height``: a decompression bomb."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\0" * (width + 1) * 4)) + chunk(b"IEND", b""))


@pytest.fixture
def clinic(db):
    clinic = Clinic.of(db, fixed_clock)
    return clinic, clinic.patients.create(details())


def files_in(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


@pytest.mark.parametrize("kind", ["text named .png", "cut short", "huge", "link", "fifo",
                                  "folder"])
def test_what_is_not_a_whole_picture_file_is_refused_at_the_field(clinic, tmp_path, kind):
    clinic, patient = clinic
    source = tmp_path / "photo.png"
    if kind == "text named .png":
        source.write_text("minutes of the staff meeting")
    elif kind == "cut short":
        data = picture(tmp_path / "whole.png", (400, 300)).read_bytes()
        source.write_bytes(data[:len(data) // 2])
    elif kind == "huge":
        source.write_bytes(png_claiming(30_000, 30_000))
    elif kind == "link":
        secret = tmp_path / "secret.png"
        picture(secret)
        source.symlink_to(secret)  # would copy any file the user can read
    elif kind == "fifo":
        os.mkfifo(source)
    else:
        source.mkdir()
    with pytest.raises(ValidationError) as caught:
        clinic.outcomes.attach_photo(patient.id, source, PhotoView.VERTEX, date(2026, 11, 20))
    assert caught.value.for_field("file")
    assert files_in(clinic.outcomes.photo_folder) == []  # nothing kept, not even a part
    assert clinic.outcomes.photos(patient.id) == []


def test_a_file_left_whole_under_its_name_is_reused_and_a_damaged_one_replaced(tmp_path):
    from mesolog.store.database import open_database

    # a plain database names a photo by its picture; a sealed one differs at each sealing
    db = open_database(tmp_path / "plain.sqlite", encrypt=False).acting_as(SETUP)
    try:
        clinic = Clinic.of(db, fixed_clock)
        patient = clinic.patients.create(details())
        source = picture(tmp_path / "IMG_1.png", (300, 200))
        first = clinic.outcomes.attach_photo(patient.id, source, PhotoView.VERTEX,
                                             date(2026, 11, 20))
        first.path.write_bytes(first.path.read_bytes()[:100])  # as an old crash left it
        again = clinic.outcomes.attach_photo(patient.id, source, PhotoView.VERTEX,
                                             date(2026, 11, 21))
        assert again.path == first.path and file_sha256(again.path) == again.sha256
        assert clinic.outcomes.photo_intact(first) and clinic.outcomes.photo_intact(again)
    finally:
        db.close()


def test_the_same_picture_twice_is_two_sealed_files(clinic, tmp_path):
    clinic, patient = clinic
    source = picture(tmp_path / "IMG_1.png", (300, 200))
    first, again = (clinic.outcomes.attach_photo(patient.id, source, PhotoView.VERTEX,
                                                 date(2026, 11, day)) for day in (20, 21))
    assert first.path != again.path  # a fresh nonce each time: nothing tells them alike
    assert clinic.outcomes.photo_contents(first) == clinic.outcomes.photo_contents(again) \
        == (source.read_bytes(), True)


def test_killing_the_program_mid_copy_never_leaves_a_partial_photo(db, tmp_path):
    Clinic.of(db, fixed_clock).patients.create(details())
    db.close()
    folder = db.path.with_name(f"{db.path.stem}-photos")
    rng = random.Random(7)
    recorded = 0
    for trial in range(20):
        attacher = subprocess.Popen(
            [sys.executable, str(ATTACHER), str(db.path), str(tmp_path / f"src{trial}.bmp"),
             str(trial)],
            stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2])
        assert attacher.stdout.readline()  # one attached: the folder exists, the loop runs
        time.sleep(rng.uniform(0.0, 0.3))
        os.kill(attacher.pid, signal.SIGKILL)
        attacher.wait()
        attacher.stdout.close()
        recorded += 1
    finals = [p for p in files_in(folder) if not p.name.startswith(".")]
    assert len(finals) >= recorded
    for photo in finals:  # every file under a final name is whole: its name is its checksum
        assert file_sha256(photo).startswith(photo.stem), photo


def test_a_logo_is_decoded_and_scaled_before_it_is_kept(db, tmp_path):
    letterheads = LetterheadService(db)
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_claiming(20_000, 20_000))
    with pytest.raises(ValidationError) as caught:
        letterheads.set("Clinic", "", "", bomb)
    assert "megapixels" in caught.value.for_field("logo")
    big = picture(tmp_path / "logo.png", (3000, 1000))
    kept = letterheads.set("Clinic", "", "", big).logo
    from io import BytesIO

    from PIL import Image

    with Image.open(BytesIO(kept)) as image:
        assert image.format == "PNG" and image.size == (1200, 400)


def test_an_interrupted_copy_is_forgotten_at_the_next_attach(clinic, tmp_path):
    clinic, patient = clinic
    folder = clinic.outcomes.photo_folder
    folder.mkdir()
    stale, fresh = folder / ".incoming-abc.part", folder / ".incoming-def.part"
    stale.write_bytes(b"half a picture")
    fresh.write_bytes(b"another desk, copying now")
    disk_now = fresh.stat().st_mtime  # the file system's clock, whatever the process's
    os.utime(stale, (disk_now - 3600, disk_now - 3600))
    clinic.outcomes.attach_photo(patient.id, picture(tmp_path / "p.png"), PhotoView.BACK,
                                 date(2026, 11, 20))
    assert not stale.exists() and fresh.exists()

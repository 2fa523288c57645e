from datetime import date, datetime

import pytest

from mesolog.domain.catalogue import LotDetails, ProductDetails
from mesolog.domain.measurement import MeasurementDetails, Metric
from mesolog.domain.photo import PhotoView
from mesolog.domain.scalp import ScalpZone
from mesolog.domain.session import Device, ProductUse, SessionDetails, Technique
from mesolog.domain.validation import ValidationError
from mesolog.services.clinic import Clinic
from mesolog.services.practitioners import Role
from tests.conftest import details, fixed_clock, picture


@pytest.fixture
def world(db):
    clinic = Clinic.of(db, fixed_clock)
    patient = clinic.patients.create(details())
    return clinic, patient


def test_measurements_at_a_site_make_a_trend_with_sessions_and_change(world):
    clinic, patient = world
    outcomes = clinic.outcomes
    vertex = outcomes.add_site(patient.id, "vertex centre", ScalpZone.VERTEX)
    frontal = outcomes.add_site(patient.id, "frontal 2 cm behind hairline", ScalpZone.FRONTAL)
    with pytest.raises(ValidationError):
        outcomes.add_site(patient.id, "vertex centre")
    doctor = clinic.practitioners.create("Dr A", "dra", Role.PRACTITIONER)
    product = clinic.catalogue.create_product(ProductDetails("Biotin", "", "", ()))
    lot = clinic.catalogue.add_lot(product.id, LotDetails("B1", date(2027, 1, 1)))
    clinic.sessions.create(patient.id, SessionDetails(
        performed_at=datetime(2026, 7, 1, 9), practitioner_id=doctor.id,
        technique=Technique.NAPPAGE, device=Device.MANUAL, products=(ProductUse(lot.id, 1.0),)))
    for day, density, terminal, vellus in [(date(2026, 6, 1), 140.0, 90, 50),
                                           (date(2026, 9, 1), 161.0, 110, 40)]:
        outcomes.record_measurement(patient.id, MeasurementDetails(
            site_id=vertex.id, taken_on=day, density=density, terminal_count=terminal,
            vellus_count=vellus, shaft_diameter_um=52.0))
    outcomes.record_measurement(patient.id, MeasurementDetails(
        site_id=frontal.id, taken_on=date(2026, 6, 1), density=120.0))
    trend = outcomes.trend(patient.id, vertex.id, Metric.DENSITY)
    assert trend.points == ((date(2026, 6, 1), 140.0), (date(2026, 9, 1), 161.0))
    assert trend.session_days == (date(2026, 7, 1),)
    assert (trend.change.absolute, trend.change.percent) == (21.0, 15.0)
    ratio = outcomes.trend(patient.id, vertex.id, Metric.TV_RATIO)
    assert [v for _, v in ratio.points] == [1.8, 2.75]


def test_a_measurement_out_of_bounds_is_refused_and_nothing_is_stored(world):
    clinic, patient = world
    site = clinic.outcomes.add_site(patient.id, "vertex centre")
    with pytest.raises(ValidationError) as caught:
        clinic.outcomes.record_measurement(patient.id, MeasurementDetails(
            site_id=site.id, taken_on=date(2026, 11, 1), density=900.0, shaft_diameter_um=3.0))
    assert caught.value.for_field("density") == "Density: 0 to 600 hairs/cm²."
    assert caught.value.for_field("shaft_diameter_um")
    assert clinic.outcomes.measurements(patient.id) == []


def test_grades_over_time(world):
    clinic, patient = world
    clinic.outcomes.record_grade(patient.id, "ludwig", "II", date(2026, 3, 1))
    clinic.outcomes.record_salt(patient.id, date(2026, 9, 1), 25, 10, 10, 50)
    with pytest.raises(ValidationError):
        clinic.outcomes.record_grade(patient.id, "ludwig", "IV", date(2026, 9, 1))
    history = clinic.outcomes.grades(patient.id)
    assert [(g.scale, g.value) for g in history] == [("Ludwig", "II"), ("SALT", "25.6")]


@pytest.mark.sqlite_only("the photo folder")
def test_a_photo_is_copied_with_a_checksum_and_a_changed_file_is_detected(world, tmp_path):
    clinic, patient = world
    original = tmp_path / "camera" / "IMG_0042.JPG"
    original.parent.mkdir()
    picture(original, (320, 240))
    photo = clinic.outcomes.attach_photo(patient.id, original, PhotoView.VERTEX,
                                         date(2026, 11, 20))
    original.unlink()  # moving or deleting the original breaks nothing
    assert photo.path.is_file() and photo.path.parent.parent == clinic.outcomes.photo_folder
    assert clinic.outcomes.photo_intact(photo)
    data = bytearray(photo.path.read_bytes())
    data[100] ^= 0xFF
    photo.path.write_bytes(bytes(data))
    assert not clinic.outcomes.photo_intact(photo)
    assert [p.id for p in clinic.outcomes.photos(patient.id, PhotoView.VERTEX)] == [photo.id]
    assert clinic.outcomes.photos(patient.id, PhotoView.FRONTAL) == []


@pytest.mark.sqlite_only("the photo folder")
def test_a_refused_photo_leaves_no_file_behind(world, tmp_path):
    clinic, patient = world
    source = tmp_path / "scan.png"
    source.write_bytes(b"\x89PNG fake")
    with pytest.raises(Exception):  # noqa: B017 (no such patient: any refusal will do)
        clinic.outcomes.attach_photo(patient.id + 99, source, PhotoView.BACK, date(2026, 11, 1))
    assert not any(clinic.outcomes.photo_folder.rglob("*.png"))
    with pytest.raises(ValidationError):
        clinic.outcomes.attach_photo(patient.id, tmp_path / "notes.txt", PhotoView.BACK,
                                     date(2026, 11, 1))


def test_on_a_server_a_photo_is_kept_in_the_database_with_its_record(
        server_database, tmp_path):
    """Every desk reaches a server's photos: the bytes are a row written in the photo
    record's own transaction (a refusal leaves neither), read back whole, and a changed
    row is told as changed."""
    from mesolog.store.database import open_database
    from tests.conftest import open_as_administrator, write_directly

    db = open_as_administrator(server_database)
    try:
        clinic = Clinic.of(db, fixed_clock)
        patient = clinic.patients.create(details())
        original = picture(tmp_path / "IMG_0042.JPG", (320, 240))
        photo = clinic.outcomes.attach_photo(patient.id, original, PhotoView.VERTEX,
                                             date(2026, 11, 20))
        original.unlink()
        assert photo.path is None and photo.file_name.startswith(f"{patient.id}/")
        contents, intact = clinic.outcomes.photo_contents(photo)
        assert intact and contents.startswith(b"\xff\xd8")  # the JPEG itself
        with pytest.raises(Exception):  # noqa: B017 (no such patient)
            clinic.outcomes.attach_photo(patient.id + 99, picture(tmp_path / "b.png"),
                                         PhotoView.BACK, date(2026, 11, 1))
        assert db.fetch_all("SELECT count(*) FROM photo_data")[0][0] == 1
        # another desk, opening the same database, sees the same picture
        other = open_database(server_database)
        try:
            assert Clinic.of(other.acting_as(db.actor), fixed_clock).outcomes.photo_contents(
                photo) == (contents, True)
        finally:
            other.close()
        write_directly(db, "UPDATE photo_data SET data = ?", (b"not the photo",))
        assert not clinic.outcomes.photo_intact(photo)
        assert clinic.outcomes.photo_contents(photo)[1] is False
    finally:
        db.close()

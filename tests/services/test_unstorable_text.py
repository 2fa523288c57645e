"""Text that cannot be stored or printed (a lone surrogate, a control character) is
refused with a message at its field, and nothing is stored."""

from dataclasses import replace
from datetime import date, datetime

import pytest

from mesolog.domain.catalogue import ProductDetails
from mesolog.domain.session import Device, ProductUse, SessionDetails, Technique
from mesolog.domain.validation import ValidationError
from mesolog.services.clinic import Clinic
from mesolog.services.letterhead import LetterheadService
from mesolog.services.practitioners import Role
from tests.conftest import details, fixed_clock

BROKEN = ["Öz\ud800türk", "Öz\udfffk", "line\x07bell", "nul\x00here", "end\uffff"]


@pytest.mark.parametrize("text", BROKEN)
def test_unstorable_text_is_named_at_its_field(db, text):
    clinic = Clinic.of(db, fixed_clock)
    patient = clinic.patients.create(details())
    product = clinic.catalogue.create_product(ProductDetails("Biotin", "", "", ()))
    from mesolog.domain.catalogue import LotDetails

    lot = clinic.catalogue.add_lot(product.id, LotDetails("B-1", date(2027, 1, 1)))
    before = db.fetch_all("SELECT count(*) FROM audit_entry")[0][0]
    attempts = {
        "last_name": lambda: clinic.patients.create(details(chart_no="P-9", last_name=text)),
        "notes": lambda: clinic.patients.update(patient.id, patient.version,
                                                replace(patient.details, notes=text)),
        "allergies": lambda: clinic.patients.update(patient.id, patient.version,
                                                    replace(patient.details, allergies=text)),
        "name": lambda: clinic.catalogue.create_product(ProductDetails(text, "", "", ())),
        "login": lambda: clinic.practitioners.create(text, "x" + str(len(text)),
                                                     Role.PRACTITIONER),
    }
    for field, attempt in attempts.items():
        with pytest.raises(ValidationError) as caught:
            attempt()
        assert caught.value.errors, field
    with pytest.raises(ValidationError) as caught:
        clinic.sessions.create(patient.id, SessionDetails(
            performed_at=datetime(2026, 11, 20, 9), practitioner_id=db.actor.id,
            technique=Technique.NAPPAGE, device=Device.MANUAL, notes=text,
            products=(ProductUse(lot.id, 1.0),)))
    assert caught.value.for_field("notes")
    with pytest.raises(ValidationError) as caught:
        LetterheadService(db).set(text, "", "")
    assert caught.value.for_field("name")
    assert db.fetch_all("SELECT count(*) FROM audit_entry")[0][0] == before  # nothing stored

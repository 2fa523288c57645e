"""The treatment fixtures the session and map tests share."""

from datetime import date, datetime

import pytest

from mesolog.domain.catalogue import Ingredient, LotDetails, ProductDetails
from mesolog.domain.session import Device, ProductUse, SessionDetails, Technique
from mesolog.services.catalogue import CatalogueService
from mesolog.services.consent import ConsentService
from mesolog.services.courses import CourseService
from mesolog.services.practitioners import PractitionerService, Role
from mesolog.services.sessions import SessionService
from tests.conftest import details, fixed_clock


@pytest.fixture
def clinic(db, patients):
    catalogue = CatalogueService(db, fixed_clock)
    people = PractitionerService(db, fixed_clock)
    biotin = catalogue.create_product(ProductDetails(
        "Biotin complex", "Meso Labs", "7032069804988",
        (Ingredient("Biotin", "5 mg/ml"), Ingredient("Panthenol", "2 %"))))
    minox = catalogue.create_product(ProductDetails(
        "Minoxidil 0.5 %", "DermaPharm", "", (Ingredient("Minoxidil", "0.5 %"),)))
    return {
        "catalogue": catalogue,
        "sessions": SessionService(db, fixed_clock),
        "courses": CourseService(db, fixed_clock),
        "consent": ConsentService(db, fixed_clock),
        "doctor": next(p for p in people.active() if p.id == db.actor.id),  # logged in
        "nurse": people.create("Ines Álvarez", "ialvarez", Role.PRACTITIONER),
        "biotin": biotin,
        "fresh": catalogue.add_lot(biotin.id, LotDetails("B-2031", date(2027, 6, 30))),
        "old": catalogue.add_lot(biotin.id, LotDetails("B-1990", date(2026, 10, 31))),
        "minox": catalogue.add_lot(minox.id, LotDetails("M-77", date(2027, 1, 31))),
        "patient": patients.create(details(allergies="Biotin (urticaria 2022)")),
        "other": patients.create(details(chart_no="P-2", last_name="Other", allergies="")),
    }


def session_details(c, *uses, **changes) -> SessionDetails:
    values = dict(performed_at=datetime(2026, 11, 24, 9, 30), practitioner_id=c["doctor"].id,
                  technique=Technique.NAPPAGE, device=Device.INJECTOR_GUN, needle_gauge=32,
                  needle_length_mm=4.0, depth_mm=1.5, pain_score=3, notes="Tolerated well.",
                  products=uses or (ProductUse(c["minox"].id, 2.0),))
    values.update(changes)
    return SessionDetails(**values)

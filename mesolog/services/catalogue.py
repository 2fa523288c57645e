"""The product catalogue and its lots; recalls by lot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from mesolog.domain.catalogue import (
    Ingredient,
    Lot,
    LotDetails,
    Product,
    ProductDetails,
    check_lot,
    check_product,
    lot_key,
    normalise_gtin,
)
from mesolog.domain.gs1 import ScannerSetup, VialScan, read_vial_barcode, refuse_stuck_fields
from mesolog.domain.permissions import Action
from mesolog.domain.translation import _, ngettext
from mesolog.domain.validation import ConflictError, FieldError, NotFoundError, ValidationError
from mesolog.services.clock import Clock, local_now
from mesolog.store import models
from mesolog.store.database import Database


@dataclass(frozen=True)
class ScanMatch:
    """A scanned vial against the catalogue: what is known and what is new."""

    scan: VialScan
    product: Product | None
    lot: Lot | None


@dataclass(frozen=True)
class RecallEntry:
    patient_id: int
    chart_no: str
    patient_name: str
    session_id: int
    performed_at: datetime
    volume_ml: float
    practitioner: str


class CatalogueService:
    def __init__(self, db: Database, clock: Clock = local_now):
        self._db = db
        self._clock = clock

    # -- products --------------------------------------------------------

    def products(self, *, include_inactive: bool = False) -> list[Product]:
        with self._db.reading() as session:
            stmt = select(models.Product).order_by(models.Product.name)
            if not include_inactive:
                stmt = stmt.where(models.Product.active.is_(True))
            rows = session.execute(stmt).scalars().all()
            ingredients = _ingredients_of(session, [r.id for r in rows])
            return [_product(r, ingredients.get(r.id, ())) for r in rows]

    def product(self, product_id: int) -> Product:
        with self._db.reading() as session:
            row = session.get(models.Product, product_id)
            if row is None:
                raise NotFoundError(_("No product with id {product_id}.").format(
                                        product_id=product_id))
            return _product(row, _ingredients_of(session, [row.id]).get(row.id, ()))

    def create_product(self, details: ProductDetails) -> Product:
        details = check_product(details)
        now = self._clock()
        with self._db.transaction(Action.CATALOGUE_PRODUCT) as session:
            self._refuse_taken_gtin(session, details.gtin, None)
            row = models.Product(name=details.name, maker=details.maker, gtin=details.gtin,
                                 active=True, created_at=now, updated_at=now)
            session.add(row)
            session.flush()
            _store_ingredients(session, row.id, details.ingredients)
            return _product(row, details.ingredients)

    def update_product(self, product_id: int, expected_version: int,
                       details: ProductDetails) -> Product:
        details = check_product(details)
        with self._db.transaction(Action.CATALOGUE_PRODUCT) as session:
            row = session.get(models.Product, product_id)
            if row is None:
                raise NotFoundError(_("No product with id {product_id}.").format(
                                        product_id=product_id))
            if row.version != expected_version:
                raise ConflictError(
                    _("{name} was changed elsewhere; reload and edit again.").format(
                                        name=row.name))
            self._refuse_taken_gtin(session, details.gtin, product_id)
            self._keep_what_was_given(session, row, details)
            row.name, row.maker, row.gtin = details.name, details.maker, details.gtin
            row.updated_at = self._clock()
            session.execute(models.ProductIngredient.__table__.delete()
                            .where(models.ProductIngredient.product_id == product_id))
            _store_ingredients(session, product_id, details.ingredients)
            session.flush()
            return _product(row, details.ingredients)

    @staticmethod
    def _keep_what_was_given(session: OrmSession, row: models.Product,
                             details: ProductDetails) -> None:
        """A product already given in sessions keeps its name and ingredients: signed
        sessions, their printed reports and recalls say what was given, and an edit of
        the catalogue must not rewrite them. A new formulation is a new product."""
        stored = tuple(session.execute(
            select(models.ProductIngredient.name, models.ProductIngredient.concentration)
            .where(models.ProductIngredient.product_id == row.id)
            .order_by(models.ProductIngredient.position)).all())
        same = (details.name == row.name
                and tuple((i.name, i.concentration) for i in details.ingredients) == stored)
        if same:
            return
        given = session.execute(
            select(func.count(func.distinct(models.SessionProduct.session_id)))
            .join(models.Lot, models.Lot.id == models.SessionProduct.lot_id)
            .where(models.Lot.product_id == row.id)).scalar_one()
        if given:
            field = "name" if details.name != row.name else "ingredients"
            raise ValidationError([FieldError(
                field, ngettext(
                    "{name} is recorded in {given} session, which must go on saying what was "
                    "given: its name and ingredients stay as they are. A new formulation is a "
                    "new product (New Product).",
                    "{name} is recorded in {given} sessions, which must go on saying what was "
                    "given: its name and ingredients stay as they are. A new formulation is a "
                    "new product (New Product).", given).format(name=row.name, given=given))])

    @staticmethod
    def _refuse_taken_gtin(session: OrmSession, gtin: str, own_id: int | None) -> None:
        if not gtin:
            return
        holder = session.execute(select(models.Product).where(models.Product.gtin == gtin)).scalar()
        if holder is not None and holder.id != own_id:
            raise ValidationError([FieldError("gtin", _("GTIN {gtin} is already {name}.").format(
                                                          gtin=gtin, name=holder.name))])

    # -- lots ------------------------------------------------------------

    def lots(self, product_id: int | None = None) -> list[Lot]:
        """Lots, newest expiry first; of one product or of all."""
        with self._db.reading() as session:
            stmt = (select(models.Lot, models.Product)
                    .join(models.Product, models.Product.id == models.Lot.product_id)
                    .order_by(models.Product.name, models.Lot.expiry.desc()))
            if product_id is not None:
                stmt = stmt.where(models.Lot.product_id == product_id)
            pairs = session.execute(stmt).all()
            ingredients = _ingredients_of(session, list({p.id for _, p in pairs}))
            return [_lot(lot, product, ingredients.get(product.id, ())) for lot, product in pairs]

    def lot(self, lot_id: int) -> Lot:
        with self._db.reading() as session:
            pair = session.execute(
                select(models.Lot, models.Product)
                .join(models.Product, models.Product.id == models.Lot.product_id)
                .where(models.Lot.id == lot_id)).first()
            if pair is None:
                raise NotFoundError(_("No lot with id {lot_id}.").format(lot_id=lot_id))
            lot, product = pair
            return _lot(lot, product, _ingredients_of(session, [product.id]).get(product.id, ()))

    def add_lot(self, product_id: int, details: LotDetails) -> Lot:
        details = check_lot(details)
        with self._db.transaction(Action.CATALOGUE_LOT) as session:
            product = session.get(models.Product, product_id)
            if product is None:
                raise NotFoundError(_("No product with id {product_id}.").format(
                                        product_id=product_id))
            if _same_lot(_lots_of(session, product_id), details.lot_no) is not None:
                raise ValidationError([FieldError(
                    "lot_no", _("Lot {lot_no} of {name} is already recorded.").format(
                                  lot_no=details.lot_no, name=product.name))])
            row = models.Lot(product_id=product_id, lot_no=details.lot_no, expiry=details.expiry,
                             opened=details.opened, created_at=self._clock())
            session.add(row)
            session.flush()
            ingredients = _ingredients_of(session, [product_id]).get(product_id, ())
            return _lot(row, product, ingredients)

    # -- scanning and recalls --------------------------------------------

    def match_scan(self, text: str, setup: ScannerSetup | None = None) -> ScanMatch:
        """What a scanned vial barcode is in the catalogue.

        BarcodeError if unreadable, or if its lot is a known lot with fields
        stuck to its end (a lost separator). Lots match whatever their case.
        """
        scan = read_vial_barcode(text, setup or ScannerSetup())
        product = lot = None
        with self._db.reading() as session:
            if scan.gtin:
                row = session.execute(select(models.Product).where(
                    models.Product.gtin == normalise_gtin(scan.gtin))).scalar()
                if row is not None:
                    product = _product(row, _ingredients_of(session, [row.id]).get(row.id, ()))
            if product is not None and scan.lot_no:
                rows = _lots_of(session, product.id)
                lot_row = _same_lot(rows, scan.lot_no)
                if lot_row is None:
                    refuse_stuck_fields(scan, [row.lot_no for row in rows])
                else:
                    lot = Lot(lot_row.id, product.id, product.details.name,
                              LotDetails(lot_row.lot_no, lot_row.expiry, lot_row.opened),
                              product.details.ingredients)
        return ScanMatch(scan, product, lot)

    def recall(self, lot_id: int) -> list[RecallEntry]:
        """Every session, and its patient, that received this lot; newest first."""
        sql = (
            "SELECT p.id, p.chart_no, p.last_name || ', ' || p.first_name, s.id, "
            "s.performed_at, sp.volume_ml, pr.name "
            "FROM session_product sp JOIN session s ON s.id = sp.session_id "
            "JOIN patient p ON p.id = s.patient_id "
            "JOIN practitioner pr ON pr.id = s.practitioner_id "
            "WHERE sp.lot_id = ? ORDER BY s.performed_at DESC, s.id DESC"
        )
        return [RecallEntry(r[0], r[1], r[2], r[3], datetime.fromisoformat(r[4]), r[5], r[6])
                for r in self._db.fetch_all(sql, (lot_id,))]


def _lots_of(session: OrmSession, product_id: int) -> list[models.Lot]:
    """A product's lots (tens of them): matched by lot_key in Python, whatever their case."""
    return list(session.execute(select(models.Lot).where(
        models.Lot.product_id == product_id)).scalars())


def _same_lot(rows: list[models.Lot], lot_no: str) -> models.Lot | None:
    key = lot_key(lot_no)
    return next((row for row in rows if lot_key(row.lot_no) == key), None)


def _ingredients_of(session: OrmSession,
                    product_ids: list[int]) -> dict[int, tuple[Ingredient, ...]]:
    if not product_ids:
        return {}
    rows = session.execute(
        select(models.ProductIngredient)
        .where(models.ProductIngredient.product_id.in_(product_ids))
        .order_by(models.ProductIngredient.product_id, models.ProductIngredient.position)
    ).scalars()
    found: dict[int, list[Ingredient]] = {}
    for row in rows:
        found.setdefault(row.product_id, []).append(Ingredient(row.name, row.concentration))
    return {pid: tuple(items) for pid, items in found.items()}


def _store_ingredients(session: OrmSession, product_id: int,
                       ingredients: tuple[Ingredient, ...]) -> None:
    session.add_all(models.ProductIngredient(product_id=product_id, position=i, name=ing.name,
                                             concentration=ing.concentration)
                    for i, ing in enumerate(ingredients))


def _product(row: models.Product, ingredients: tuple[Ingredient, ...]) -> Product:
    return Product(row.id, ProductDetails(row.name, row.maker, row.gtin, ingredients),
                   row.active, row.version)


def _lot(row: models.Lot, product: models.Product,
         ingredients: tuple[Ingredient, ...]) -> Lot:
    return Lot(row.id, product.id, product.name, LotDetails(row.lot_no, row.expiry, row.opened),
               ingredients)



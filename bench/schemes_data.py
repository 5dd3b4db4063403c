"""Generator of a synthetic national data set of labour market schemes: suppliers,
agreements and deliveries (with the offices that may enrol in them), for the caseworkers'
delivery catalogue benchmark (bench/delivery_catalogue.py) and the funding benchmarks.

    DATABASE_URL=postgres://... .venv/bin/python bench/schemes_data.py [--suppliers 5000]
        [--agreements 20000] [--deliveries 60000] [--seed 2026]

or from Python, with Django set up:

    from schemes_data import make_national_schemes
    counts = make_national_schemes(suppliers=5000, agreements=20000, deliveries=60000, seed=2026)

Run it against a database migrated and loaded with `velferd migrate`, `velferd
load-reference` and `velferd load-demo`. With the defaults it inserts:

- 5,000 suppliers (a mix of kinds) with synthetic valid organisation numbers starting
  with 6 (no demo supplier, enterprise or factory supplier has one);
- 20,000 agreements, each with one supplier and one scheme type from the catalogue's
  procured types (bench types are added when the catalogue has none), a price model the
  type allows, a period of two to four years around today, one or two counties (weighted by
  the number of offices) and, for the agreed price models, a rate from the start; about
  70 % active, 15 % ended, 10 % drafts and 5 % cancelled;
- 60,000 deliveries under them (the agreement's scheme type, supplier and first county),
  each open to one to four offices of that county (DeliveryOffice rows), with 5–40 places
  of which a random number are taken (about a third full), starting from two years ago to
  a year ahead; about 60 % running, 20 % planned, 15 % ended and 5 % cancelled.

Everything is drawn from one seeded generator: the same seed and sizes give the same data
(dates are laid out around the day of the run). Rows go in with the ORM's bulk_create in
batches, inside one transaction; then, on PostgreSQL, VACUUM (ANALYZE) of the tables. The
run refuses a database that already holds generated suppliers.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

BATCH = 2_000
ORGNR_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)
SUPPLIER_PREFIX = "6"
AGREED = ("agreed_monthly", "agreed_weekly", "agreed_hourly")

AGREEMENT_STATUSES = (("active", 70), ("ended", 15), ("draft", 10), ("cancelled", 5))
DELIVERY_STATUSES = (("running", 60), ("planned", 20), ("ended", 15), ("cancelled", 5))
SUPPLIER_KINDS = (
    ("commercial", 55),
    ("non_profit", 20),
    ("social_entrepreneur", 10),
    ("sheltered", 12),
    ("public", 3),
)
NAME_PARTS = (
    "Arbeid", "Inkludering", "Mestring", "Kompetanse", "Veien", "Jobb", "Framtid", "Læring",
    "Praksis", "Ressurs", "Utvikling", "Horisont", "Kurs", "Fagskole", "Oppfølging", "Steg",
)  # fmt: skip
PLACES = ("Oslo", "Bergen", "Trondheim", "Stavanger", "Tromsø", "Bodø", "Drammen", "Hamar")

BENCH_TYPES = (
    ("BENCH_ARBEIDSFORBEREDENDE", ["fixed_monthly_rate"]),
    ("BENCH_OPPFOLGING", ["agreed_monthly", "agreed_hourly"]),
    ("BENCH_AVKLARING", ["agreed_monthly", "agreed_weekly"]),
    ("BENCH_ARBEIDSRETTET_REHAB", ["agreed_monthly", "agreed_weekly"]),
    ("BENCH_JOBBKLUBB", ["agreed_weekly", "other"]),
    ("BENCH_GRUPPE_AMO", ["agreed_weekly", "other"]),
    ("BENCH_DIGITAL_OPPFOLGING", ["agreed_hourly", "outcome_based"]),
    ("BENCH_VARIG_TILRETTELAGT", ["fixed_monthly_rate"]),
)


def valid_organisation_numbers(prefix: str) -> Iterator[str]:
    """Nine-digit organisation numbers starting with `prefix`, in order, whose mod-11
    check digit works out."""
    width = 8 - len(prefix)
    for n in range(10**width):
        body = f"{prefix}{n:0{width}d}"
        remainder = sum(int(d) * w for d, w in zip(body, ORGNR_WEIGHTS, strict=True)) % 11
        check = 0 if remainder == 0 else 11 - remainder
        if check == 10:
            continue
        yield f"{body}{check}"


def weighted(rng: random.Random, pairs: tuple[tuple[str, int], ...]) -> str:
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def _scheme_types() -> list[Any]:
    """The catalogue's procured scheme types with price models (bench types when none)."""
    from velferd.schemes.models import ArrangedAs, SchemeType

    types = [t for t in SchemeType.objects.filter(is_active=True) if t.price_models]
    if types:
        return types
    for code, models in BENCH_TYPES:
        SchemeType.objects.get_or_create(
            code=code,
            defaults={
                "name_nb": code.replace("BENCH_", "").replace("_", " ").capitalize(),
                "name_en": code.replace("BENCH_", "").replace("_", " ").capitalize(),
                "legal_basis_nb": "Forskrift om arbeidsmarkedstiltak",
                "legal_basis_en": "Regulation on labour market schemes",
                "target_group_nb": "Personer som trenger bistand for å komme i arbeid.",
                "target_group_en": "People who need help to find work.",
                "arranged_as": ArrangedAs.PROCURED,
                "price_models": models,
                "for_caseworkers_nb": "Benchmark.",
                "for_caseworkers_en": "Benchmark.",
                "for_citizens_nb": "Benchmark.",
                "for_citizens_en": "Benchmark.",
            },
        )
    return list(SchemeType.objects.filter(code__startswith="BENCH_"))


def _offices_by_county() -> dict[str, list[int]]:
    from velferd.organisation.models import Office

    found: dict[str, list[int]] = defaultdict(list)
    for office_id, county_id in Office.objects.values_list("pk", "county_id").order_by("pk"):
        found[county_id].append(office_id)
    if not found:
        raise SystemExit("No offices: run `velferd load-reference` first.")
    return found


def _make_suppliers(rng: random.Random, count: int) -> list[Any]:
    from velferd.schemes.models import Supplier

    numbers = valid_organisation_numbers(SUPPLIER_PREFIX)
    rows = [
        Supplier(
            organisation_number=next(numbers),
            name=f"{rng.choice(NAME_PARTS)}{rng.choice(NAME_PARTS).lower()} "
            f"{rng.choice(PLACES)} {i + 1} AS",
            kind=weighted(rng, SUPPLIER_KINDS),
        )
        for i in range(count)
    ]
    return Supplier.objects.bulk_create(rows, batch_size=BATCH)


def _period(rng: random.Random, today: datetime.date, status: str) -> tuple[Any, Any]:
    years = rng.randint(2, 4)
    if status == "ended":
        ends = today - datetime.timedelta(days=rng.randint(1, 700))
        starts = ends - datetime.timedelta(days=365 * years)
    elif status == "draft":
        starts = today + datetime.timedelta(days=rng.randint(0, 240))
        ends = starts + datetime.timedelta(days=365 * years)
    else:
        starts = today - datetime.timedelta(days=rng.randint(0, 365 * years - 30))
        ends = starts + datetime.timedelta(days=365 * years)
    return starts, ends


def _make_agreements(
    rng: random.Random,
    count: int,
    suppliers: list[Any],
    types: list[Any],
    county_weights: list[tuple[str, int]],
    user: Any,
    today: datetime.date,
) -> tuple[list[Any], dict[int, list[str]]]:
    from velferd.schemes.models import Agreement, AgreementRate

    counties, weights = zip(*county_weights, strict=True)
    rows, covers = [], []
    for i in range(count):
        status = weighted(rng, AGREEMENT_STATUSES)
        starts, ends = _period(rng, today, status)
        scheme_type = rng.choice(types)
        chosen = rng.choices(counties, weights=weights, k=rng.choice((1, 1, 1, 2)))
        covers.append(sorted(set(chosen)))
        rows.append(
            Agreement(
                number=f"B-{i + 1:07d}",
                name=f"{scheme_type.name_nb} {i + 1}",
                supplier=rng.choice(suppliers),
                scheme_type=scheme_type,
                starts_on=starts,
                ends_on=ends,
                price_model=rng.choice(scheme_type.price_models),
                status=status,
                status_reason="Avlyst i benchmark." if status == "cancelled" else "",
                created_by=user,
            )
        )
    agreements = Agreement.objects.bulk_create(rows, batch_size=BATCH)
    through = Agreement.counties.through
    through.objects.bulk_create(
        [
            through(agreement_id=a.pk, county_id=c)
            for a, cs in zip(agreements, covers, strict=True)
            for c in cs
        ],
        batch_size=BATCH,
    )
    AgreementRate.objects.bulk_create(
        [
            AgreementRate(
                agreement=a,
                valid_from=a.starts_on,
                amount=Decimal(rng.randrange(80_000, 3_000_000)) / 100,
            )
            for a in agreements
            if a.price_model in AGREED
        ],
        batch_size=BATCH,
    )
    return agreements, {a.pk: cs for a, cs in zip(agreements, covers, strict=True)}


def _delivery(rng: random.Random, i: int, agreement: Any, county: str, today: datetime.date) -> Any:
    from velferd.schemes.models import Delivery

    status = weighted(rng, DELIVERY_STATUSES)
    starts = today + datetime.timedelta(days=rng.randint(-730, 365))
    places = rng.randint(5, 40)
    taken = places if rng.random() < 0.33 else rng.randint(0, places)
    return Delivery(
        number=f"BG-{i + 1:07d}",
        name=f"{agreement.name} – kull {i + 1}",
        agreement=agreement,
        scheme_type_id=agreement.scheme_type_id,
        supplier_id=agreement.supplier_id,
        county_id=county,
        places=places,
        places_taken=taken,
        starts_on=starts,
        ends_on=starts + datetime.timedelta(days=rng.randint(60, 540)),
        enrolment_mode=rng.choice(("fixed_start", "ongoing")),
        status=status,
        status_reason="Avlyst i benchmark." if status == "cancelled" else "",
    )


def _make_deliveries(
    rng: random.Random,
    count: int,
    agreements: list[Any],
    covers: dict[int, list[str]],
    offices: dict[str, list[int]],
    today: datetime.date,
) -> tuple[int, int]:
    from velferd.schemes.models import Delivery, DeliveryOffice

    made = links = 0
    for start in range(0, count, BATCH):
        batch = [
            _delivery(rng, i, agreement, covers[agreement.pk][0], today)
            for i in range(start, min(start + BATCH, count))
            for agreement in (rng.choice(agreements),)
        ]
        batch = Delivery.objects.bulk_create(batch)
        rows = []
        for delivery in batch:
            county_offices = offices[delivery.county_id]
            chosen = rng.sample(county_offices, min(len(county_offices), rng.randint(1, 4)))
            rows += [
                DeliveryOffice(
                    delivery_id=delivery.pk, office_id=o, scheme_type_id=delivery.scheme_type_id
                )
                for o in chosen
            ]
        DeliveryOffice.objects.bulk_create(rows, batch_size=BATCH)
        made += len(batch)
        links += len(rows)
    return made, links


def _bench_user() -> Any:
    from velferd.access.models import User

    user, _ = User.objects.get_or_create(
        username="bench-schemes", defaults={"full_name": "Benchmark, tiltak"}
    )
    return user


def _analyze() -> None:
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for table in (
            "schemes_supplier",
            "schemes_agreement",
            "schemes_agreement_counties",
            "schemes_agreementrate",
            "schemes_delivery",
            "schemes_deliveryoffice",
        ):
            cursor.execute(f"VACUUM (ANALYZE) {table}")


def make_national_schemes(
    suppliers: int = 5_000,
    agreements: int = 20_000,
    deliveries: int = 60_000,
    seed: int = 2026,
    analyze: bool = True,
) -> dict[str, int]:
    """Insert the national data set (see the module's docstring); returns the counts.
    Django must be set up; VACUUM (ANALYZE) runs outside the transaction (PostgreSQL)."""
    from django.db import transaction

    from velferd.schemes.models import Supplier

    if Supplier.objects.filter(organisation_number__startswith=SUPPLIER_PREFIX).exists():
        raise SystemExit("The database already holds generated suppliers.")
    rng = random.Random(seed)
    today = datetime.date.today()
    with transaction.atomic():
        offices = _offices_by_county()
        county_weights = sorted((c, len(o)) for c, o in offices.items())
        made_suppliers = _make_suppliers(rng, suppliers)
        made_agreements, covers = _make_agreements(
            rng,
            agreements,
            made_suppliers,
            _scheme_types(),
            county_weights,
            _bench_user(),
            today,
        )
        made, links = _make_deliveries(rng, deliveries, made_agreements, covers, offices, today)
    if analyze:
        _analyze()
    return {
        "suppliers": len(made_suppliers),
        "agreements": len(made_agreements),
        "deliveries": made,
        "delivery_offices": links,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--suppliers", type=int, default=5_000)
    parser.add_argument("--agreements", type=int, default=20_000)
    parser.add_argument("--deliveries", type=int, default=60_000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "velferd.settings.test")
    import django

    django.setup()
    started = time.monotonic()
    counts = make_national_schemes(args.suppliers, args.agreements, args.deliveries, args.seed)
    print(
        " ".join(f"{k}={v}" for k, v in counts.items())
        + f" seconds={time.monotonic() - started:.1f}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()

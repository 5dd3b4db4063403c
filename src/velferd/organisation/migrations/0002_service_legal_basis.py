"""The minimum every NAV office must offer, as the law stands: each service names its legal
basis; financial counselling (Social Services Act § 17), temporary housing (§ 27) and the
individual plan (§ 28) join the minimum. Debt and financial counselling, an optional service
until now, is the financial counselling of § 17: the agreements that offered it offer
financial counselling. No agreement gains a service it did not list; one that lacks a new
minimum service stays on record and is shown as not meeting the minimum."""

from django.db import migrations, models

LEGAL_BASIS = {
    "state_tasks": ("NAV-loven § 13", "NAV Act section 13"),
    "social_services": ("sosialtjenesteloven § 17", "Social Services Act section 17"),
    "financial_counselling": ("sosialtjenesteloven § 17", "Social Services Act section 17"),
    "financial_assistance": ("sosialtjenesteloven § 18", "Social Services Act section 18"),
    "temporary_housing": ("sosialtjenesteloven § 27", "Social Services Act section 27"),
    "individual_plan": ("sosialtjenesteloven § 28", "Social Services Act section 28"),
    "qualification_programme": ("sosialtjenesteloven § 29", "Social Services Act section 29"),
}
NEW_MINIMUM = {
    "financial_counselling": ("Økonomisk rådgivning", "Financial counselling", 3),
    "temporary_housing": ("Midlertidig botilbud", "Temporary housing", 5),
    "individual_plan": ("Individuell plan", "Individual plan", 6),
}
FORMER_COUNSELLING = "debt_counselling"


def minimum_as_the_law_stands(apps, schema_editor):
    service_type = apps.get_model("organisation", "ServiceType")
    agreement = apps.get_model("organisation", "PartnershipAgreement")
    if not service_type.objects.exists():
        return  # a new database: load_reference brings the catalogue
    for code, (name_nb, name_en, order) in NEW_MINIMUM.items():
        service_type.objects.update_or_create(
            code=code,
            defaults={"name_nb": name_nb, "name_en": name_en, "is_minimum": True},
            create_defaults={
                "name_nb": name_nb,
                "name_en": name_en,
                "is_minimum": True,
                "sort_order": order,
            },
        )
    for code, (nb, en) in LEGAL_BASIS.items():
        service_type.objects.filter(code=code).update(
            legal_basis_nb=nb, legal_basis_en=en, is_minimum=True
        )
    former = service_type.objects.filter(code=FORMER_COUNSELLING).first()
    if former is None:
        return
    counselling = service_type.objects.get(code="financial_counselling")
    for offering in agreement.objects.filter(services=former):
        offering.services.add(counselling)
    former.delete()


def minimum_as_before(apps, schema_editor):
    service_type = apps.get_model("organisation", "ServiceType")
    agreement = apps.get_model("organisation", "PartnershipAgreement")
    counselling = service_type.objects.filter(code="financial_counselling").first()
    if counselling is None:
        return
    former, _ = service_type.objects.get_or_create(
        code=FORMER_COUNSELLING,
        defaults={
            "name_nb": "Økonomisk rådgivning og gjeldsrådgivning",
            "name_en": "Debt and financial counselling",
            "sort_order": 8,
        },
    )
    for offering in agreement.objects.filter(services=counselling):
        offering.services.add(former)
    service_type.objects.filter(code__in=NEW_MINIMUM).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="servicetype",
            name="legal_basis_en",
            field=models.CharField(blank=True, default="", max_length=100),
        ),
        migrations.AddField(
            model_name="servicetype",
            name="legal_basis_nb",
            field=models.CharField(blank=True, default="", max_length=100),
        ),
        migrations.RunPython(minimum_as_the_law_stands, minimum_as_before),
    ]
